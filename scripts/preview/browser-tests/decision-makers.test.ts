/**
 * Decision makers first (issue 16), in the preview on the sample Northwind map:
 * - at 1280×720 the decision-maker line sits above the toolbar, those not supporting us first,
 *   and the graph's top edge stays on the first screen; Details opens a card each;
 * - "Not supporting us" shows exactly the decision makers whose stance is not Champion or
 *   Supporter, as a removable pill;
 * - "If <name> leaves" from the panel names the decision makers who lose their best warm path;
 * - at 375×812 (a phone) the tab opens on the decision makers' cards, before the toolbar and table.
 * Each state passes axe (serious/critical); screenshots go to .test-output/screenshots/decision-makers-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MapGraph, MapPerson, MapSummary } from '../../shared/controllerTypes.ts';
import { axeScan, nodeSelector, openPreview, problemsOf, waitForSettledGraph, LAPTOP, PHONE } from './harness.ts';
import type { Preview } from './harness.ts';

const TEST_TIMEOUT = { timeout: 180_000 };
const STRIP = 'c-relationship-map-decision-makers';

let preview: Preview;
let accountId: string;
let people: MapPerson[];

const isDecider = (p: MapPerson): boolean =>
  p.side !== 'Our Company' &&
  (p.isDecisionMaker === true || p.role === 'Decision Maker' || p.role === 'Economic Buyer');
const supports = (p: MapPerson): boolean => p.stance === 'Champion' || p.stance === 'Supporter';

before(async () => {
  preview = await openPreview({ name: 'decision-makers' });
  const account = preview.backend.accounts().find((a) => a.mapCount > 0);
  assert.ok(account, 'the sample data has an account with a map');
  accountId = account.id;
  const [map] = (await preview.backend.invoke('getMapsForAccount', { accountId })) as MapSummary[];
  const graph = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
  people = graph.people.filter((p) => !p.excluded);
});

after(async () => {
  await preview?.close();
});

describe('decision makers first', () => {
  test('at 1280×720: the line above the toolbar, the quick filter, "If they leave"', TEST_TIMEOUT, async () => {
    const { page, watch } = await preview.open(accountId, {}, { viewport: LAPTOP });
    await waitForSettledGraph(page);
    const deciders = people.filter(isDecider);
    const notSupporting = deciders.filter((p) => !supports(p));
    assert.ok(
      notSupporting.some((p) => p.name === 'Marcus Whitfield'),
      'the sample economic buyer is a Skeptic'
    );

    // The line: those not supporting us first; the graph still starts on the first screen.
    const names = await page
      .locator(`${STRIP} [data-id="dm-names"] button`)
      .evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { person: string } }).dataset.person));
    const firstIds = names.slice(0, notSupporting.length).sort();
    assert.deepEqual(firstIds, notSupporting.map((p) => p.id).sort(), 'not supporting us come first');
    const strip = await page.locator(STRIP).boundingBox();
    const toolbar = await page.locator('c-relationship-map-toolbar').boundingBox();
    const graph = await page.locator('c-relationship-map .rm-graph').boundingBox();
    assert.ok(strip && toolbar && graph, 'strip, toolbar and graph are drawn');
    assert.ok(strip.y < toolbar.y, 'the decision makers are above the toolbar');
    assert.ok(strip.height < 60, `closed, the strip is one line (${Math.round(strip.height)} px)`);
    assert.ok(graph.y < LAPTOP.height - 100, `the graph's top edge (${Math.round(graph.y)} px) is on the first screen`);
    await preview.screenshot(page, 'laptop');
    assert.deepEqual(await axeScan(page, 'decision-maker line'), []);

    // Details: a card each.
    await page.locator(`${STRIP} [data-id="dm-toggle"]`).click();
    await page.locator(`${STRIP} [data-id="dm-cards"]`).waitFor();
    assert.equal(await page.locator(`${STRIP} [data-row]`).count(), deciders.length);
    await preview.screenshot(page, 'laptop-details');
    assert.deepEqual(await axeScan(page, 'decision-maker cards'), []);
    await page.locator(`${STRIP} [data-id="dm-toggle"]`).click();

    // "Not supporting us": exactly those decision makers, as a pill.
    await page.locator('[data-id="quick-not-supporting"]').click();
    await page.locator('lightning-pill[data-id="pill-notSupporting"]').waitFor();
    await page.locator('[data-id="view"]').getByText('Table', { exact: true }).click();
    await page.locator('c-relationship-map-table lightning-datatable').waitFor();
    const shown = (await page.locator('[data-id="shown"]').textContent()) ?? '';
    assert.match(shown, new RegExp(`Showing ${notSupporting.length} of ${people.length} people`));
    await preview.screenshot(page, 'not-supporting');
    assert.deepEqual(await axeScan(page, 'Not supporting us'), []);

    // "If <name> leaves" from the panel, for the person who carries the most best warm paths.
    await page.locator('lightning-pill[data-id="pill-notSupporting"] button').click();
    await page.locator('[data-id="view"]').getByText('Graph', { exact: true }).click();
    await waitForSettledGraph(page);
    const jordan = people.find((p) => p.name === 'Jordan Blake');
    assert.ok(jordan, 'our account director is on the sample map');
    await page.locator(nodeSelector(jordan.id)).first().click();
    await page.locator('c-relationship-map-person-panel lightning-button[data-id="what-if"] button').click();
    const whatIf = page.locator('c-relationship-map-what-if');
    await whatIf.locator('[data-id="what-if-heading"]').waitFor();
    assert.equal((await whatIf.locator('[data-id="what-if-heading"]').innerText()).trim(), 'If Jordan Blake leaves');
    assert.ok((await whatIf.locator('[data-dm]').count()) > 0, 'some decision maker loses their best warm path');
    await preview.screenshot(page, 'what-if');
    assert.deepEqual(await axeScan(page, 'If they leave'), []);
    assert.deepEqual(await problemsOf(page, watch), []);
    await page.close();
  });

  test('on a phone the decision makers are the first screen', TEST_TIMEOUT, async () => {
    const { page, watch } = await preview.open(accountId, {}, { viewport: PHONE });
    await page.locator(`${STRIP} [data-id="dm-cards"]`).waitFor();
    // The tab's first screen (below the preview's record header): the decision makers, open, before the toolbar.
    const first = await page.locator(`${STRIP} [data-row]`).first().boundingBox();
    const toolbar = await page.locator('c-relationship-map-toolbar').boundingBox();
    assert.ok(first && toolbar && first.y < toolbar.y, 'the decision makers come before the toolbar and the table');
    assert.equal(await page.locator(`${STRIP} [data-row]`).count(), people.filter(isDecider).length);
    await preview.screenshot(page, 'phone');
    assert.deepEqual(await axeScan(page, 'phone decision makers'), []);
    assert.deepEqual(await problemsOf(page, watch), []);
    await page.close();
  });
});
