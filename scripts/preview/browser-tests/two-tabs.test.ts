/**
 * Never lose an edit (issue 13, section 2), as a new user meets it: two tabs open on the same
 * person. Tab A makes them a Champion and writes their Personal Goals; tab B, still showing what
 * it loaded before, saves its own Personal Goals. B is refused with who changed the person and
 * when, nothing of A's is overwritten (the store and a fresh page show A's text), B sees A's
 * version, and B's text is still on the screen, in the reopened edit form, to apply again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapGraph, MapPerson } from '../../shared/controllerTypes.ts';
import {
  eventually,
  nodeSelector,
  openPreview,
  type PageWatch,
  type Preview,
  problemsOf,
  sampleMap,
  waitForGraph,
} from './harness.ts';

const PANEL = 'c-relationship-map-person-panel';
const TOASTS = '[data-id="toasts"] [data-variant]';
const TEST_TIMEOUT = { timeout: 240_000 };
const TEXT_A = 'Wants to lead the new platform team (written in tab A).';
const TEXT_B = 'Cares most about budget control (written in tab B).';

let preview: Preview;
let accountId: string;
let mapId: string;

before(async () => {
  preview = await openPreview({ name: 'two-tabs' });
  const sample = await sampleMap(preview);
  accountId = sample.accountId;
  mapId = sample.map.id;
});

after(async () => {
  await preview?.close();
});

/** Opens the map in a new tab with `person`'s panel open and their long texts loaded. */
async function openOn(person: MapPerson): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await preview.open(accountId);
  await waitForGraph(opened.page);
  await opened.page.locator(nodeSelector(person.id)).click();
  await opened.page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
  // The map load leaves the long texts out; the panel loads them, then offers Edit.
  await opened.page.locator(`${PANEL} lightning-button[data-id="edit"] button:not([disabled])`).waitFor();
  return opened;
}

async function waitForToast(page: Page, text: string | RegExp): Promise<string> {
  const toast = page.locator(TOASTS).filter({ hasText: text }).first();
  await toast.waitFor();
  return (await toast.textContent()) ?? '';
}

/** Opens the edit form, writes Personal Goals and saves. */
async function saveGoals(page: Page, text: string): Promise<void> {
  await page.locator(`${PANEL} lightning-button[data-id="edit"] button`).click();
  const form = page.locator(`${PANEL} [data-id="edit-form"]`);
  await form.getByLabel('Personal Goals').fill(text);
  await form.locator('lightning-button[data-id="edit-save"] button').click();
}

async function details(personId: string): Promise<MapPerson> {
  return (await preview.backend.invoke('getPersonDetails', { personId })) as MapPerson;
}

describe('two tabs on the same person', () => {
  test('the stale tab is refused with who and when, and nothing of the other tab is lost', TEST_TIMEOUT, async () => {
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    const person = graph.people.find(
      (p) => !p.excluded && !p.isVacant && p.side === 'Customer' && p.stance !== 'Champion'
    );
    assert.ok(person, 'a customer who is not a champion yet');
    const before = await details(person.id);

    const a = await openOn(person);
    const b = await openOn(person);

    // Tab A: Champion in one click, then Personal Goals through the edit form.
    await a.page.bringToFront();
    await a.page.locator(`${PANEL} [data-id="stance-buttons"] button[data-value="Champion"]`).click();
    await waitForToast(a.page, `${person.name}: stance saved`);
    await saveGoals(a.page, TEXT_A);
    await waitForToast(a.page, `${person.name}: personal goals saved`);
    const afterA = await details(person.id);
    assert.equal(afterA.stance, 'Champion');
    assert.equal(afterA.personalGoals, TEXT_A);
    await preview.screenshot(a.page, '01-tab-a-saved');

    // Tab B still shows the person as it loaded them, and saves its own Personal Goals.
    await b.page.bringToFront();
    assert.match(
      await b.page.locator(`${PANEL} [data-id="stance-summary"]`).innerText(),
      new RegExp(`Stance: ${before.stance ?? 'Unknown'}`)
    );
    await saveGoals(b.page, TEXT_B);
    const at = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      new Date(afterA.version as string)
    );
    const sentence = `${preview.backend.currentUser().name} changed this person at ${at} — reload to see their changes.`;
    const toast = await waitForToast(b.page, 'changed this person at');
    assert.ok(toast.includes(sentence), `the refusal names who and when: ${toast}`);
    await preview.screenshot(b.page, '02-tab-b-refused');

    // Nothing of A's was overwritten, and nothing of B's was saved or logged.
    const afterB = await details(person.id);
    assert.equal(afterB.personalGoals, TEXT_A, "tab A's text is still saved");
    assert.equal(afterB.stance, 'Champion', "tab A's stance is still saved");
    assert.equal(afterB.version, afterA.version, 'the refused save changed nothing');

    // Tab B now shows A's version, and keeps what B typed in the reopened edit form.
    await eventually('tab B to show the stance tab A saved', async () =>
      /Stance: Champion/.test(await b.page.locator(`${PANEL} [data-id="stance-summary"]`).innerText())
        ? true
        : undefined
    );
    const conflict = b.page.locator(`${PANEL} [data-id="edit-conflict"]`);
    assert.match(
      (await conflict.innerText()).replace(/\s+/g, ' '),
      new RegExp(sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    );
    assert.equal(
      await b.page.locator(`${PANEL} [data-id="edit-form"]`).getByLabel('Personal Goals').inputValue(),
      TEXT_B
    );

    // A fresh page shows tab A's text.
    const fresh = await openOn(person);
    assert.equal(
      (await fresh.page.locator(`${PANEL} dd[data-field="personalGoals"]`).innerText()).trim(),
      TEXT_A,
      'a reload shows the text tab A saved'
    );

    assert.deepEqual(await problemsOf(a.page, a.watch), [], 'tab A: no errors');
    assert.deepEqual(await problemsOf(b.page, b.watch, true), [], 'tab B: only the refused save');
    assert.deepEqual(await problemsOf(fresh.page, fresh.watch), [], 'the fresh page: no errors');
    for (const page of [a.page, b.page, fresh.page]) await page.close();
  });
});
