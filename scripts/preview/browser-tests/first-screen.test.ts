/**
 * The map tab on a rep's screen: at 1280×720 (a common laptop), inside the preview's Account page
 * with its record header and tabs, the drawing's top edge is on the first screen and the drawing
 * fills the rest of the window; full screen gives it the whole window; the org chart is one click
 * away and puts every manager above their reports; at 375×812 (a phone) the tab opens on the
 * decision makers in the table. Screenshots go to .test-output/screenshots/first-screen-*.png.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDecisionMakerRole } from '../../data/dto.ts';
import * as harness from './harness.ts';

const { axeScan, closeClean, eventually, LAPTOP, nodeSelector, PHONE, sampleSession, waitForGraph } = harness;

const TEST_TIMEOUT = { timeout: 180_000 };

const sample = sampleSession({ name: 'first-screen' });

describe('the map tab on the first screen', () => {
  sample.testOnTab(
    'at 1280×720 the graph starts on the first screen and fills the window below the toolbar',
    LAPTOP,
    async (page, preview) => {
      const box = await page.locator('c-relationship-map .rm-graph').boundingBox();
      assert.ok(box, 'the graph area is drawn');
      assert.ok(box.y < LAPTOP.height - 100, `the graph's top edge (${Math.round(box.y)} px) is on the first screen`);
      assert.ok(box.height >= 400, `the graph is at least 400 px tall (${Math.round(box.height)} px)`);
      await preview.screenshot(page, 'laptop');

      await page.locator('[data-id="full-screen"]').click();
      await eventually('full screen to give the graph the window', async () => {
        const full = await page.locator('c-relationship-map .rm-graph').boundingBox();
        return full && full.y < 200 && full.y + full.height <= LAPTOP.height + 1 && full.height > box.height
          ? full
          : undefined;
      });
      await preview.screenshot(page, 'laptop-full-screen');
      await page.locator('[data-id="full-screen"]').click();
    }
  );

  test('the org chart puts every manager above their reports', TEST_TIMEOUT, async () => {
    const { preview, accountId, people, graph } = sample;
    const { page, watch } = await preview.open(accountId, {}, { viewport: LAPTOP });
    await waitForGraph(page);
    await page.locator('[data-id="view"]').getByText('Org chart', { exact: true }).click();
    const chart = page.locator('c-relationship-map-org-chart');
    await chart.locator('[data-id]').first().waitFor();
    const byId = new Map(people.map((p) => [p.id, p]));
    const managers = new Map<string, string>();
    for (const { type, fromId, toId } of graph.links)
      if (type === 'Reports To' && fromId && toId && byId.has(fromId) && byId.has(toId) && !managers.has(fromId))
        managers.set(fromId, toId);
    assert.ok(managers.size > 5, 'the sample has Reports To links');
    let checked = 0;
    for (const [report, manager] of managers) {
      const below = await chart.locator(`[data-id="${report}"]`).first().boundingBox();
      const above = await chart.locator(`[data-id="${manager}"]`).first().boundingBox();
      if (!below || !above) continue; // folded away or in another lane
      assert.ok(above.y < below.y, `${byId.get(manager)?.name} is above ${byId.get(report)?.name}`);
      checked++;
    }
    assert.ok(checked > 5, `${checked} manager/report pairs compared`);
    await preview.screenshot(page, 'org-chart');
    await closeClean(page, watch);
  });

  test('on a phone the tab opens on the decision makers in the table', TEST_TIMEOUT, async () => {
    const { preview, accountId, people } = sample;
    const { page, watch } = await preview.open(accountId, {}, { viewport: PHONE });
    await page.locator('c-relationship-map-table').waitFor();
    assert.equal(await page.locator(nodeSelector()).count(), 0, 'the graph is not the default on a phone');
    const deciders = people.filter((p) => p.isDecisionMaker === true || isDecisionMakerRole(p.role));
    assert.match(
      (await page.locator('[data-id="shown"]').textContent()) ?? '',
      new RegExp(`Showing ${deciders.length} of ${people.length} people`)
    );
    await preview.screenshot(page, 'phone');
    await closeClean(page, watch);
  });

  sample.testOnTab(
    'every view passes axe and takes the keyboard: graph, org chart, table, plan',
    LAPTOP,
    async (page, preview) => {
      for (const view of ['Graph', 'Org chart', 'Table', 'Plan']) {
        await page.locator('[data-id="view"]').getByText(view, { exact: true }).click();
        await page.waitForTimeout(500);
        assert.deepEqual(await axeScan(page, `${view} view`), [], `${view}: no serious or critical axe findings`);
        await preview.screenshot(page, `view-${view.toLowerCase().replace(' ', '-')}`);
      }
      // Keyboard in the org chart: its one tab stop, then Enter selects and opens the panel.
      await page.locator('[data-id="view"]').getByText('Org chart', { exact: true }).click();
      const stop = page.locator('c-relationship-map-org-chart [tabindex="0"]').first();
      await stop.focus();
      await page.keyboard.press('Enter');
      await page.locator('c-relationship-map-person-panel [data-id="heading"]').waitFor();
    }
  );
});
