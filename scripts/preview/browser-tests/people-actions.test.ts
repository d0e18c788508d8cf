/**
 * Issue 5 in the browser: who may delete people, and "Add everyone not on the map".
 *
 * - A rep (Relationship Maps User) is offered "Trim from map" and a note that trimming keeps
 *   everything, but no Delete (the server would refuse it); an admin is offered Delete.
 * - "Add everyone not on the map" on an existing map: the Add people panel counts who is missing,
 *   asks with the numbers, adds them with Reports To links, toasts the counts and redraws the map.
 *
 * Each preview has its own store (harness.ts), so these tests never touch the other files' data.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type {
  CreateMapResult,
  EveryoneCount,
  MapGraph,
  MapPerson,
  PersonCandidate,
} from '../../shared/controllerTypes.ts';
import {
  nodeSelector,
  problemsOf,
  sampleSession,
  waitForGraph,
  waitForLayoutToSettle,
  type PageWatch,
  type Preview,
} from './harness.ts';

const PANEL = 'c-relationship-map-person-panel';
const ADD_PANEL = 'c-relationship-map-add-people';
const TOASTS = '[data-id="toasts"] [data-variant]';
const TEST_TIMEOUT = { timeout: 180_000 };

async function openMap(preview: Preview, accountId: string): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await preview.open(accountId);
  await waitForGraph(opened.page);
  await waitForLayoutToSettle(opened.page);
  return opened;
}

async function selectPerson(page: Page, person: MapPerson): Promise<void> {
  await page.locator(nodeSelector(person.id)).click();
  await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
  await page.locator('[data-id="person-actions"]').waitFor();
}

async function waitForToast(page: Page, text: string): Promise<string> {
  const toast = page.locator(TOASTS).filter({ hasText: text }).first();
  await toast.waitFor();
  return (await toast.textContent()) ?? '';
}

async function assertNoProblems(page: Page, watch: PageWatch): Promise<void> {
  assert.deepEqual(await problemsOf(page, watch), [], 'the page raised errors, dialogs or failed requests');
}

const somebody = (graph: MapGraph): MapPerson => {
  const person = graph.people.find((p) => !p.excluded && p.side === 'Customer' && !p.isVacant);
  assert.ok(person, 'a customer on the map');
  return person;
};

describe('as a rep (Relationship Maps User)', () => {
  const sample = sampleSession({ name: 'people-actions-user', permission: 'user' });

  test('no Delete is offered; Trim is, with a note that nothing is lost', TEST_TIMEOUT, async () => {
    const { preview, accountId, map } = sample;
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(graph.canDelete, false);
    const person = somebody(graph);
    const { page, watch } = await openMap(preview, accountId);
    await selectPerson(page, person);

    assert.equal(await page.locator('[data-id="person-actions"] [data-id="delete"]').count(), 0, 'no Delete');
    assert.equal(await page.locator('lightning-button[data-id="exclude"]').count(), 1, 'Trim from map');
    // The note is the help icon beside Trim: its text shows on hover or focus.
    await page.locator('[data-id="trim-hint"] button').hover();
    const note = page.getByRole('tooltip').filter({ hasText: 'Only a Relationship Maps admin can delete people' });
    await note.first().waitFor();
    assert.match(
      await note.first().innerText(),
      /keeps their details, links and history.*Only a Relationship Maps admin can delete people/s
    );
    await preview.screenshot(page, '01-no-delete');

    await page.locator('lightning-button[data-id="exclude"] button').click();
    // Trim first shows what trimming changes; its "Trim <name>" trims.
    const confirm = page.locator('c-relationship-map-what-if lightning-button[data-id="what-if-trim"] button');
    await confirm.waitFor();
    assert.equal((await confirm.innerText()).trim(), `Trim ${person.name}`);
    await preview.screenshot(page, '01-trim-what-if');
    await confirm.click();
    await waitForToast(page, 'Trimmed from the map');
    const after = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(after.people.find((p) => p.id === person.id)?.excluded, true, 'trimmed, still on the map');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('"Add everyone not on the map" asks with the numbers, adds them and says how many', TEST_TIMEOUT, async () => {
    const { preview, accountId } = sample;
    // A new map on the account with one person: the page opens it (newest activity first).
    const created = (await preview.backend.invoke('createMap', {
      newMap: { accountId, goal: 'Map everyone, then trim' },
    })) as CreateMapResult;
    const mapId = created.summary.id;
    const [first] = (await preview.backend.invoke('searchPeople', { mapId, searchText: '' })) as PersonCandidate[];
    assert.ok(first);
    await preview.backend.invoke('addPeople', { mapId, people: [{ recordId: first.recordId }] });
    const expected = (await preview.backend.invoke('countEveryone', { mapId })) as EveryoneCount;
    const total = expected.contacts + expected.users;
    assert.ok(expected.contacts > 30 && expected.users >= 1, `people to add: ${JSON.stringify(expected)}`);

    const { page, watch } = await openMap(preview, accountId);
    assert.equal(await page.locator(nodeSelector()).count(), 1, 'the new map with its one person');
    await page.locator('lightning-button[data-id="add-people"] button').click();
    await page.locator(`${ADD_PANEL} lightning-button[data-id="everyone-ask"] button`).click();
    const question = page.locator(`${ADD_PANEL} [data-id="everyone-question"]`);
    await question.waitFor();
    assert.match(
      await question.innerText(),
      new RegExp(
        `^Add ${total} people not on the map yet: ${expected.contacts} of the account's contacts and ${expected.users} of our people`
      )
    );
    await preview.screenshot(page, '02-add-everyone-confirm');
    await page.locator(`${ADD_PANEL} lightning-button[data-id="everyone-yes"] button`).click();

    const toast = await waitForToast(page, 'Everyone added');
    assert.match(
      toast,
      new RegExp(
        `${total} people added to the map \\(${expected.contacts} contacts, ${expected.users} of our people\\), with \\d+ Reports To links?\\.`
      )
    );
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    assert.equal(graph.people.length, total + 1, 'everyone is on the map once');
    assert.ok(
      graph.links.some((l) => l.type === 'Reports To'),
      'with Reports To links'
    );
    await page.locator(nodeSelector()).nth(total).waitFor();
    assert.equal(await page.locator(nodeSelector()).count(), total + 1, 'the map redraws with everyone');
    assert.equal(await page.locator(ADD_PANEL).count(), 0, 'the panel closes');
    await preview.screenshot(page, '03-everyone-added');

    // Nobody is left to add: the panel says so and offers only OK.
    await page.locator('lightning-button[data-id="add-people"] button').click();
    await page.locator(`${ADD_PANEL} lightning-button[data-id="everyone-ask"] button`).click();
    await question.waitFor();
    assert.match(await question.innerText(), /Everyone around this account is on the map already/);
    assert.equal(await page.locator(`${ADD_PANEL} [data-id="everyone-yes"]`).count(), 0);
    await assertNoProblems(page, watch);
    await page.close();
  });
});

describe('as an admin (Relationship Maps Admin)', () => {
  const sample = sampleSession({ name: 'people-actions-admin', permission: 'admin' });

  test('Delete is offered, and deletes after a confirmation', TEST_TIMEOUT, async () => {
    const { preview, accountId, map } = sample;
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(graph.canDelete, true);
    const person = somebody(graph);
    const { page, watch } = await openMap(preview, accountId);
    await selectPerson(page, person);
    assert.equal(await page.locator('[data-id="trim-hint"]').count(), 0, 'no note: Delete is there');
    await preview.screenshot(page, '01-delete-offered', { fullPage: false });
    await page.locator('lightning-button[data-id="delete"] button').click();
    await page.locator('[data-id="delete-question"]').waitFor();
    await preview.screenshot(page, '02-delete-question', { fullPage: false });
    await page.locator('lightning-button[data-id="delete-yes"] button').click();
    await waitForToast(page, 'Deleted');
    const after = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.ok(!after.people.some((p) => p.id === person.id), 'deleted');
    await assertNoProblems(page, watch);
    await page.close();
  });
});
