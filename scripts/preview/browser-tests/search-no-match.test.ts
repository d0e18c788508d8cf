/**
 * A name search that finds nobody says so (issue 15: "a search with no match gives no feedback"),
 * on the sample data's enterprise account at 1280×720:
 * - a name nobody on the map has: "No one on this map matches …" with what to do next, and no
 *   person highlighted;
 * - a name that is on the map but hidden by a filter: the sentence counts the people shown and
 *   says to clear the filters; without the filter the same search finds them.
 * axe runs in each state. Screenshots: .test-output/screenshots/search-no-match-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MapPerson } from '../../shared/controllerTypes.ts';
import * as harness from './harness.ts';
import type { Preview } from './harness.ts';

const { axeScan, closeClean, eventually, LAPTOP, nodeSelector, openPreview, openSettled, sampleMap } = harness;

const TEST_TIMEOUT = { timeout: 180_000 };
const NO_MATCH = 'c-relationship-map-toolbar [data-id="no-match"]';
const MATCHES = `${nodeSelector()}.rmg-match`;

let preview: Preview;
let accountId: string;
let people: MapPerson[];

before(async () => {
  preview = await openPreview({ name: 'search-no-match' });
  ({ accountId, people } = await sampleMap(preview));
});

after(async () => {
  await preview?.close();
});

describe('a search that finds nobody (1280×720)', () => {
  test('says so, and says why when a filter hides the person', TEST_TIMEOUT, async () => {
    const { page, watch } = await openSettled(preview, accountId, LAPTOP);
    const search = page.getByRole('searchbox', { name: 'Search people by name' });
    assert.equal(await page.locator(NO_MATCH).count(), 0, 'nothing said before a search');

    // Nobody by that name.
    const nobody = 'Zzyzx Quillfeather';
    assert.ok(!people.some((p) => p.name.toLowerCase().includes('zzyzx')));
    await search.fill(nobody);
    const said = page.locator(NO_MATCH);
    await said.waitFor();
    assert.equal(
      (await said.innerText()).trim(),
      `No one on this map matches "${nobody}". Check the spelling, or add them with Add people.`
    );
    assert.equal(await page.locator(MATCHES).count(), 0, 'nobody highlighted');
    await preview.screenshot(page, 'nobody', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'no match on the map'), []);

    // A champion is on the map, but "Not supporting us" hides them.
    const champion = people.find(
      (p) =>
        p.stance === 'Champion' &&
        people.filter((o) => o.name.toLowerCase().includes(p.name.toLowerCase())).length === 1
    );
    assert.ok(champion, 'the sample has a champion with a name of their own');
    await search.fill('');
    await eventually('the sentence to go', async () => ((await said.count()) === 0 ? true : undefined));
    await page.locator('[data-id="quick-not-supporting"]').click();
    const shownText = (await page.locator('[data-id="shown"]').innerText()).replace(/\s+/g, ' ');
    const shown = /Showing (\d+) of \d+ people/.exec(shownText);
    assert.ok(shown, `the count of people shown (${shownText})`);
    await search.fill(champion.name);
    await said.waitFor();
    const count = Number(shown[1]);
    assert.equal(
      (await said.innerText()).trim(),
      `No one of the ${count} ${count === 1 ? 'person' : 'people'} shown matches "${champion.name}". Clear the filters to search everyone.`
    );
    assert.equal(await page.locator(MATCHES).count(), 0);
    await preview.screenshot(page, 'hidden-by-filter', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'no match among the people shown'), []);

    // Without the filter, the same search finds them and the sentence goes.
    await page.locator('[data-id="quick-not-supporting"]').click();
    await eventually('the champion to be found', async () =>
      (await page.locator(MATCHES).count()) === 1 ? true : undefined
    );
    assert.equal(await page.locator(MATCHES).getAttribute('data-id'), champion.id);
    assert.equal(await said.count(), 0, 'no sentence when someone matches');
    await closeClean(page, watch);
  });
});
