/**
 * People whose names contain markup (the sample's second account has two: an `<img onerror>` and
 * a `<script>`) appear as the literal text a rep typed, everywhere the map shows a name, and no
 * script of theirs ever runs: no dialog, no `window.__xss`, no `<img onerror>` in the page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapGraph, MapPerson, MapSummary } from '../../shared/controllerTypes.ts';
import {
  eventually,
  nodeSelector,
  openPreview,
  problemsOf,
  waitForGraph,
  waitForSettledGraph,
  type PageWatch,
  type Preview,
} from './harness.ts';

const PANEL = 'c-relationship-map-person-panel';
const TEST_TIMEOUT = { timeout: 180_000 };

let preview: Preview;
let accountId: string;
let marked: MapPerson[];

/** What an injected script would have left behind. */
async function injectionTraces(page: Page, watch: PageWatch): Promise<string[]> {
  const found: string[] = [];
  const xss = await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss);
  if (xss !== undefined) found.push(`window.__xss = ${JSON.stringify(xss)}`);
  const images = await page.locator('img[onerror], img[src="x"]').count();
  if (images > 0) found.push(`${images} <img> element(s) made from a name`);
  const scripts = await page
    .locator('script')
    .evaluateAll((all: { textContent: string | null }[]) => all.filter((e) => e.textContent?.includes('__xss')).length);
  if (scripts > 0) found.push(`${scripts} <script> element(s) made from a name`);
  return [...found, ...(await problemsOf(page, watch))];
}

before(async () => {
  preview = await openPreview({ name: 'markup' });
  for (const account of preview.backend.accounts().filter((a) => a.mapCount > 0)) {
    const [map] = (await preview.backend.invoke('getMapsForAccount', { accountId: account.id })) as MapSummary[];
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    const people = graph.people.filter((p) => /[<>]/.test(p.name) && !p.excluded);
    if (people.length > 0) {
      accountId = account.id;
      marked = people;
      break;
    }
  }
});

after(async () => {
  await preview?.close();
});

describe('names that contain markup', () => {
  test('the sample data has people whose names contain an <img onerror> and a <script>', () => {
    assert.ok(
      marked?.some((p) => /<img [^>]*onerror/i.test(p.name)),
      'an <img onerror> name'
    );
    assert.ok(
      marked?.some((p) => /<script>/i.test(p.name)),
      'a <script> name'
    );
  });

  test(
    'render as literal text on the graph, in the panel, in a toast and in the table; nothing runs',
    TEST_TIMEOUT,
    async () => {
      const { page, watch } = await preview.open(accountId);
      await waitForSettledGraph(page);
      await preview.screenshot(page, '01-graph');

      for (const person of marked) {
        const node = page.locator(nodeSelector(person.id));
        // Names are drawn in their own layer, one per person by data-id, not inside the button.
        const label = page.locator(`c-relationship-map-graph .rmg-label[data-id="${person.id}"]`);
        // A long name is cut with "…" on the map; pointed at, its label shows the whole name.
        await node.hover();
        await eventually('the whole name on hover', async () =>
          (await label.textContent()) === person.name ? true : undefined
        );
        assert.equal(await label.textContent(), person.name, 'the label is the name, as text');
        assert.match((await node.getAttribute('aria-label')) ?? '', new RegExp(escapeRegExp(person.name)));
      }

      const [first] = marked;
      await page.locator(nodeSelector(first.id)).click();
      const heading = page.locator(`${PANEL} [data-id="heading"]`);
      await heading.filter({ hasText: first.name }).waitFor();
      assert.equal((await heading.textContent())?.trim(), first.name);

      // A save's toast repeats the name: the page shell must write it as text too.
      const target = first.stance === 'Supporter' ? 'Champion' : 'Supporter';
      await page.locator(`${PANEL} [data-id="stance-buttons"] button[data-value="${target}"]`).click();
      const toast = page.locator('[data-id="toasts"] [data-variant]').filter({ hasText: 'stance saved' }).first();
      await toast.waitFor();
      assert.equal(await toast.locator('[data-part="message"]').textContent(), `${first.name}: stance saved.`);
      await preview.screenshot(page, '02-panel-and-toast');

      await page.locator('[data-id="view"]').getByText('Table', { exact: true }).click();
      const table = page.locator('lightning-datatable[data-id="people"]');
      await table.locator('tbody tr').first().waitFor();
      // innerText: synthetic shadow hides a base component's rendered cell from textContent.
      const cells = (await table.locator('tbody tr th').allInnerTexts()).map((t) => t.trim());
      for (const person of marked) assert.ok(cells.includes(person.name), `${person.name} is listed as text`);
      await preview.screenshot(page, '03-table');

      assert.deepEqual(await injectionTraces(page, watch), [], 'nothing from a name ran or became markup');
      await page.close();
    }
  );

  test('the SVG export escapes the names', TEST_TIMEOUT, async () => {
    const { page, watch } = await preview.open(accountId);
    await waitForGraph(page);
    await page.locator('lightning-button-menu[data-id="export"] button').first().click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Vector image (SVG)' }).click();
    const svg = readFileSync(await (await download).path(), 'utf8');
    assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    for (const person of marked) {
      assert.ok(svg.includes(escapeXml(person.name)), `${person.name} is escaped in the SVG`);
    }
    assert.doesNotMatch(svg, /<img|<script/i, 'no markup from a name in the SVG');
    assert.deepEqual(await injectionTraces(page, watch), []);
    await page.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
