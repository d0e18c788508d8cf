/**
 * The Reports page (issue 16, "one answer everywhere"): opened from the preview's header at
 * 1280×720, it shows the packaged reports and list views run over the sample data, passes axe,
 * and its Unsupported Decision Makers rows are exactly the decision makers whose stance is not
 * Champion or Supporter. The map's quick filters (Table view) name the same people as the
 * Unsupported Decision Makers, Uncovered Decision Makers and Stale People reports.
 * Screenshots: .test-output/screenshots/reports-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { StoreData } from '../backend/store.ts';
import { axeScan, problemsOf, LAPTOP } from './harness.ts';
import type { Preview } from './harness.ts';
import { openPreview } from './harness.ts';

const TEST_TIMEOUT = { timeout: 180_000 };
const UNSUPPORTED = 'report:Relationship_Maps/Unsupported_Decision_Makers';

let preview: Preview;
let store: Readonly<StoreData>;

before(async () => {
  preview = await openPreview({ name: 'reports' });
  store = preview.backend.snapshot().store;
});

after(async () => {
  await preview?.close();
});

/** The record ids of a report's or list view's rows on the page, in page order. */
async function rowIds(page: Page, key: string): Promise<string[]> {
  return page
    .locator(`[data-report="${key}"] tbody tr[data-row-id]`)
    .evaluateAll((rows: { getAttribute(name: string): string | null }[]) =>
      rows.map((r) => r.getAttribute('data-row-id') ?? '')
    );
}

const nameOf = (id: string): string => store.people.find((p) => p.id === id)?.name ?? `(unknown ${id})`;

/** Opens the Reports page the way a user does: the header's Reports link. */
async function openReports(): Promise<{ page: Page; watch: Awaited<ReturnType<Preview['open']>>['watch'] }> {
  const opened = await preview.open(undefined, {}, { viewport: LAPTOP });
  const link = opened.page.locator('[data-id="reports-link"]');
  await link.waitFor();
  await link.click();
  await opened.page.waitForURL(/\/reports$/);
  await opened.page.locator('main[data-ready="true"]').waitFor();
  return opened;
}

describe('the Reports page', () => {
  test('opens from the header, passes axe and lists the unsupported decision makers', TEST_TIMEOUT, async () => {
    const { page, watch } = await openReports();
    await preview.screenshot(page, 'laptop', { fullPage: false });
    await preview.screenshot(page, 'laptop-full');
    assert.deepEqual(await axeScan(page, 'Reports page'), []);
    assert.equal(
      await page.locator('[data-id="reports-link"][aria-current="page"]').count(),
      1,
      'Reports is the current page'
    );
    assert.equal(await page.locator('[data-id="report-error"]').count(), 0, 'every report and list view ran');

    const activeMaps = new Set(store.maps.filter((m) => m.status === 'Active').map((m) => m.id));
    const expected = store.people
      .filter((p) => activeMaps.has(p.mapId) && !p.excluded && p.side !== 'Our Company')
      .filter((p) => p.role === 'Decision Maker' || p.role === 'Economic Buyer')
      .filter((p) => p.stance !== 'Champion' && p.stance !== 'Supporter')
      .map((p) => p.name)
      .sort();
    assert.ok(expected.includes('Marcus Whitfield'), 'the sample has the skeptical economic buyer');
    const reportIds = await rowIds(page, UNSUPPORTED);
    assert.deepEqual(reportIds.map(nameOf).sort(), expected, 'the report rows');
    const firstCells = await page
      .locator(`[data-report="${UNSUPPORTED}"] tbody tr[data-row-id] td:first-child`)
      .allInnerTexts();
    assert.deepEqual(firstCells.map((t) => t.trim()).sort(), expected, 'the Name column shows them');
    const listIds = await rowIds(page, 'listView:Map_Contact__c.Unsupported_Decision_Makers');
    assert.deepEqual([...listIds].sort(), [...reportIds].sort(), 'the list view names the same people');
    assert.deepEqual(await problemsOf(page, watch), []);
    await page.close();
  });

  test('the map’s quick filters (Table view) name the same people as the reports', TEST_TIMEOUT, async () => {
    const { page: reports, watch: reportsWatch } = await openReports();
    const map = store.maps.find((m) => m.status === 'Active');
    assert.ok(map, 'the sample has an active map');
    const pairs = [
      ['quick-not-supporting', UNSUPPORTED],
      ['quick-uncovered', 'report:Relationship_Maps/Uncovered_Decision_Makers'],
      ['quick-stale', 'report:Relationship_Maps/Stale_People'],
    ] as const;
    const fromReports = new Map<string, string[]>();
    for (const [, key] of pairs) {
      const ids = await rowIds(reports, key);
      fromReports.set(
        key,
        ids
          .filter((id) => store.people.find((p) => p.id === id)?.mapId === map.id)
          .map(nameOf)
          .sort()
      );
    }
    assert.deepEqual(await problemsOf(reports, reportsWatch), []);
    await reports.close();

    const { page, watch } = await preview.open(map.accountId, {}, { viewport: LAPTOP });
    await page.locator('[data-id="view"]').getByText('Table', { exact: true }).click();
    const table = page.locator('lightning-datatable[data-id="people"]');
    await table.locator('tbody tr').first().waitFor();
    for (const [quick, key] of pairs) {
      const button = page.locator(`button[data-id="${quick}"]`);
      await button.click();
      await page.locator(`button[data-id="${quick}"][aria-pressed="true"]`).waitFor();
      const expected = fromReports.get(key) ?? [];
      assert.ok(expected.length > 0, `${key} has rows on the map`);
      let shown: string[] = [];
      for (let tries = 0; tries < 25; tries++) {
        shown = (await table.locator('tbody tr th, tbody tr td[data-label="Name"]').allInnerTexts())
          .map((n) => n.trim())
          .sort();
        if (JSON.stringify(shown) === JSON.stringify(expected)) break;
        await page.waitForTimeout(200);
      }
      assert.deepEqual(shown, expected, `${quick} shows the ${key} people`);
      await preview.screenshot(page, `map-${quick}`, { fullPage: false });
      await button.click();
      await page.locator(`button[data-id="${quick}"][aria-pressed="false"]`).waitFor();
    }
    assert.deepEqual(await problemsOf(page, watch), []);
    await page.close();
  });
});
