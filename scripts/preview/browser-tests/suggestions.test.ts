/**
 * What the activity suggests (issue 17), in the preview on the sample Northwind map, whose history
 * of calls, meetings and emails has Priya Shah meeting Rachel Adams often with no Relationship link
 * between them, and two people not on the map met often:
 * - at 1280×720 the suggestions are one closed line under the decision makers ("Activity suggests
 *   1 link and 2 people"), the graph's top edge still on the first screen; opened, **Add link**
 *   saves a Relationship link (drawn, saved, of the tie's strength) and the suggestion goes;
 * - **Dismiss** takes a suggestion away at once, and after a reload it is still gone (remembered on
 *   the map); the person panel says what the activity shows;
 * - on a phone the line fits and opens.
 * Each state passes axe (serious/critical); screenshots go to .test-output/screenshots/suggestions-*.png.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapGraph, MapPerson } from '../../shared/controllerTypes.ts';
import {
  axeScan,
  closeClean,
  eventually,
  nodeSelector,
  sampleSession,
  waitForSettledGraph,
  LAPTOP,
  PHONE,
} from './harness.ts';
import type { SampleSession } from './harness.ts';

const STRIP = 'c-relationship-map-suggestions';
const TOGGLE = `${STRIP} [data-id="suggestions-toggle"]`;

/** The keys of the suggestions listed, in order (the strip opened). */
function rowKeys(page: Page): Promise<string[]> {
  return page
    .locator(`${STRIP} .rm-sg-row`)
    .evaluateAll((nodes) => nodes.map((n) => (n as unknown as { dataset: { row: string } }).dataset.row));
}

async function openStrip(page: Page): Promise<void> {
  await page.locator(TOGGLE).waitFor();
  if ((await page.locator(TOGGLE).getAttribute('aria-expanded')) !== 'true') await page.locator(TOGGLE).click();
  await page.locator(`${STRIP} [data-id="suggestion-list"]`).waitFor();
}

const byName = (people: MapPerson[], name: string): MapPerson => {
  const person = people.find((p) => p.name === name);
  assert.ok(person, `${name} is on the sample map`);
  return person;
};

async function relationshipBetween(session: SampleSession, fromId: string, toId: string) {
  const graph = (await session.preview.backend.invoke('loadMapGraph', { mapId: session.map.id })) as MapGraph;
  return graph.links.find((l) => l.fromId === fromId && l.toId === toId && l.type === 'Relationship');
}

describe('accepting a link suggestion', () => {
  const session = sampleSession({ name: 'suggestions' });

  session.testOnTab(
    'at 1280×720: one closed line; Add link draws and saves the link, the suggestion goes',
    LAPTOP,
    async (page, preview) => {
      const priya = byName(session.people, 'Priya Shah');
      const rachel = byName(session.people, 'Rachel Adams');
      assert.equal(await relationshipBetween(session, priya.id, rachel.id), undefined, 'no Relationship link yet');

      await page.locator(TOGGLE).waitFor();
      assert.equal((await page.locator(TOGGLE).innerText()).trim(), 'Activity suggests 1 link and 2 people');
      assert.equal(await page.locator(TOGGLE).getAttribute('aria-expanded'), 'false');
      const strip = await page.locator(STRIP).boundingBox();
      const toolbar = await page.locator('c-relationship-map-toolbar').boundingBox();
      const graph = await page.locator('c-relationship-map .rm-graph').boundingBox();
      assert.ok(strip && toolbar && graph, 'strip, toolbar and graph are drawn');
      assert.ok(strip.height < 40, `closed, the suggestions are one line (${Math.round(strip.height)} px)`);
      const deciders = await page.locator('c-relationship-map-decision-makers').boundingBox();
      assert.ok(deciders && Math.abs(strip.y - deciders.y) < 8, 'on the line of the decision makers');
      assert.ok(strip.y < toolbar.y, 'the suggestions are above the toolbar');
      assert.ok(
        graph.y < LAPTOP.height - 100,
        `the graph's top edge (${Math.round(graph.y)} px) is on the first screen`
      );
      await preview.screenshot(page, 'laptop', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'suggestions line'), []);

      await openStrip(page);
      const keys = await rowKeys(page);
      const linkKey = keys.find((k) => k.startsWith('link:'));
      assert.ok(linkKey, 'a link suggestion is listed');
      const row = page.locator(`${STRIP} .rm-sg-row[data-row="${linkKey}"]`);
      assert.match(
        await row.innerText(),
        /^Priya Shah has met Rachel Adams \d+ times in \d+ months? — add a Relationship link\?/
      );
      await preview.screenshot(page, 'laptop-open', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'suggestions open'), []);

      await page.getByRole('button', { name: 'Add link between Priya Shah and Rachel Adams' }).click();
      const saved = await eventually('the link saved', () => relationshipBetween(session, priya.id, rachel.id));
      assert.equal(saved.strength, 'Strong', "the link has the tie's strength");
      await page
        .locator(`c-relationship-map-graph line.rmg-link[data-id="${saved.id}"]`)
        .waitFor({ state: 'attached' });
      await eventually('the suggestion gone', async () => ((await rowKeys(page)).includes(linkKey) ? undefined : true));
      assert.equal((await page.locator(TOGGLE).innerText()).trim(), 'Activity suggests 2 people');
    }
  );
});

describe('dismissing suggestions', () => {
  const session = sampleSession({ name: 'suggestions' });

  session.testOnTab(
    'Dismiss takes a suggestion away, and it stays away after a reload',
    LAPTOP,
    async (page, preview) => {
      await openStrip(page);
      const before = await rowKeys(page);
      const linkKey = before.find((k) => k.startsWith('link:'));
      const personKey = before.find((k) => k.startsWith('person:'));
      assert.ok(linkKey && personKey, 'a link and a person are suggested');

      await page.locator(`${STRIP} button[data-action="dismiss"][data-key="${linkKey}"]`).click();
      await eventually('the link suggestion gone', async () =>
        (await rowKeys(page)).includes(linkKey) ? undefined : true
      );
      await page.locator(`${STRIP} button[data-action="dismiss"][data-key="${personKey}"]`).click();
      await eventually('the person suggestion gone', async () =>
        (await rowKeys(page)).includes(personKey) ? undefined : true
      );
      const evidence = (await preview.backend.invoke('getEvidence', { mapId: session.map.id, windowMonths: 12 })) as {
        dismissed: string[];
      };
      assert.deepEqual([...evidence.dismissed].sort(), [linkKey, personKey].sort(), 'both remembered on the map');

      await page.reload();
      await waitForSettledGraph(page);
      await openStrip(page);
      const after = await rowKeys(page);
      assert.ok(!after.includes(linkKey) && !after.includes(personKey), 'still gone after a reload');
      assert.deepEqual(
        after,
        before.filter((k) => k !== linkKey && k !== personKey)
      );
      assert.equal((await page.locator(TOGGLE).innerText()).trim(), 'Activity suggests 1 person');
    }
  );

  session.testOnTab('the person panel shows who of ours has met them, and how often', LAPTOP, async (page, preview) => {
    const rachel = byName(session.people, 'Rachel Adams');
    await page.locator(nodeSelector(rachel.id)).first().click();
    const activity = page.locator('c-relationship-map-person-activity');
    await activity.locator('[data-id="activity-list"]').waitFor();
    assert.match(
      await activity.locator('[data-id="activity-help"]').innerText(),
      /From the last 12 months of calls, meetings and emails you can see/
    );
    const ties = await activity.locator('.tie').allInnerTexts();
    assert.ok(
      ties.some((t) => /Priya Shah/.test(t) && /meetings?/.test(t)),
      `Priya Shah's meetings are listed (${ties.join(' | ')})`
    );
    assert.match(await activity.locator('[data-id="activity-last"]').innerText(), /^Last activity: /);
    await activity.scrollIntoViewIfNeeded();
    await preview.screenshot(page, 'panel', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'activity in the panel'), []);
  });

  test('on a phone the line fits and opens', { timeout: 180_000 }, async () => {
    // A phone opens on the decision makers and the table (no graph to wait for).
    const { page, watch } = await session.preview.open(session.accountId, {}, { viewport: PHONE });
    await page.locator(TOGGLE).waitFor();
    const toggle = await page.locator(TOGGLE).boundingBox();
    assert.ok(toggle && toggle.x + toggle.width <= PHONE.width, 'the line fits the phone');
    await openStrip(page);
    await page.locator(`${STRIP} .rm-sg-row`).first().scrollIntoViewIfNeeded();
    await session.preview.screenshot(page, 'phone', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'phone suggestions'), []);
    await closeClean(page, watch);
  });
});
