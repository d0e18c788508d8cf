/**
 * A person's links in the panel offer only what the user may do (issue 15), on the sample data's
 * enterprise account at 1280×720:
 * - a rep (Relationship Maps User) gets a Change button on every link and no trash icon (deleting
 *   links needs the Admin permission set; the server would refuse it); Change opens the link's
 *   type and strength in place, Save saves them, the graph redraws the line, a toast says so;
 * - an admin gets Change and the trash icon; removing asks first and then removes the line.
 * axe runs in each state. Screenshots: .test-output/screenshots/link-change-*.png.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import type { InfluenceLink, MapGraph, MapPerson } from '../../shared/controllerTypes.ts';
import * as harness from './harness.ts';
import type { Preview, SampleSession } from './harness.ts';

const { axeScan, eventually, LAPTOP, nodeSelector, sampleSession } = harness;

const PANEL = 'c-relationship-map-person-panel';
const LINKS = `${PANEL} c-relationship-map-person-links`;
const EDIT = `${LINKS} [data-id="link-edit"]`;
const TOASTS = '[data-id="toasts"] [data-variant]';
const SYMMETRIC = new Set(['Ally', 'Relationship', 'Conflict']);
const TYPES = ['Influences', 'Ally', 'Conflict', 'Relationship'] as const;
const STRENGTHS = ['Strong', 'Medium', 'Weak'] as const;

/** Someone on the map with a link to change (not Reports To), and a type and strength it may take. */
interface Change {
  person: MapPerson;
  link: InfluenceLink;
  type: string;
  strength: string;
}

function changeFor(graph: MapGraph, people: MapPerson[]): Change {
  const onMap = new Set(people.map((p) => p.id));
  const same = (a: InfluenceLink, b: InfluenceLink, type: string) =>
    (a.fromId === b.fromId && a.toId === b.toId) || (SYMMETRIC.has(type) && a.fromId === b.toId && a.toId === b.fromId);
  for (const person of people.filter((p) => p.side === 'Customer' && !p.isVacant)) {
    for (const link of graph.links.filter((l) => l.fromId === person.id && onMap.has(l.toId ?? ''))) {
      if (link.type === 'Reports To') continue;
      const type = TYPES.find(
        (t) => t !== link.type && !graph.links.some((o) => o.id !== link.id && o.type === t && same(o, link, t))
      );
      const strength = STRENGTHS.find((s) => s !== (link.strength ?? 'Medium'));
      if (type && strength) return { person, link, type, strength };
    }
  }
  throw new Error('the sample has a customer with a link to change');
}

async function select(page: Page, person: MapPerson): Promise<void> {
  await page.locator(nodeSelector(person.id)).click();
  await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
  await page.locator(`${LINKS} li[data-link]`).first().waitFor();
  // The links section, in the panel's own scroll, where the rep reads it.
  await page.locator(LINKS).scrollIntoViewIfNeeded();
}

/** Who uses the map with each permission set the preview grants. */
const ROLES = {
  user: { who: 'a rep', set: 'Relationship Maps User' },
  admin: { who: 'an admin', set: 'Relationship Maps Admin' },
} as const;

/** What showLinks found: the change to make, how many links the panel lists, and the map. */
interface Shown {
  change: Change;
  listed: number;
  mapId: string;
}

/**
 * Selects the person whose link will change (on a tab from testOnTab) and checks what their links
 * offer: Change on each, the trash icon on each only for an admin (graph.canDelete says which).
 * `listed`: how many links the panel lists for them (from them, then to them).
 */
async function showLinks(page: Page, sample: SampleSession, permission: keyof typeof ROLES): Promise<Shown> {
  const { preview, graph, people } = sample;
  const canDelete = permission === 'admin';
  assert.equal(graph.canDelete, canDelete, canDelete ? 'an admin may delete' : 'a rep may not delete');
  const change = changeFor(graph, people);
  await select(page, change.person);
  const listed = graph.links.filter((l) => l.fromId === change.person.id || l.toId === change.person.id).length;
  assert.equal(await page.locator(`${LINKS} [data-change]`).count(), listed, 'each has Change');
  assert.equal(
    await page.locator(`${LINKS} [data-remove]`).count(),
    canDelete ? listed : 0,
    canDelete ? 'each has the trash icon' : 'no trash icon'
  );
  await preview.screenshot(page, 'links', { fullPage: false });
  assert.deepEqual(await axeScan(page, `${ROLES[permission].who}: the links`), []);
  return { change, listed, mapId: sample.map.id };
}

/**
 * As a rep or an admin, on a preview of their own (screenshots link-change-<permission>-*.png):
 * one test at 1280×720 that first shows the links (showLinks), then goes on with `then`.
 */
function asRole(
  permission: keyof typeof ROLES,
  title: string,
  then: (page: Page, preview: Preview, shown: Shown) => Promise<void>
): void {
  const { who, set } = ROLES[permission];
  describe(`as ${who} (${set})`, () => {
    const sample = sampleSession({ name: `link-change-${permission}`, permission });
    sample.testOnTab(title, LAPTOP, async (page, preview) =>
      then(page, preview, await showLinks(page, sample, permission))
    );
  });
}

async function choose(page: Page, label: string, option: RegExp): Promise<void> {
  await page.locator(EDIT).getByRole('combobox', { name: label }).click();
  await page.locator(EDIT).getByRole('option', { name: option }).first().click();
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Changes a link's type and strength in the panel and checks the store, the graph and the toast. */
async function changeLink(preview: Preview, page: Page, mapId: string, change: Change, prefix: string): Promise<void> {
  const { link, type, strength } = change;
  await page.locator(`${LINKS} lightning-button-icon[data-change="${link.id}"] button`).click();
  await page.locator(EDIT).waitFor();
  await choose(page, 'Type', new RegExp(`^${escape(type)}:`));
  await choose(page, 'Strength', new RegExp(`^${strength}$`));
  await preview.screenshot(page, 'change-form', { fullPage: false });
  assert.deepEqual(await axeScan(page, `${prefix}: the change form`), []);
  await page.locator(`${EDIT} lightning-button[data-id="link-edit-save"] button`).click();

  const toast = page.locator(TOASTS).filter({ hasText: 'Link changed' }).first();
  await toast.waitFor();
  assert.match((await toast.textContent()) ?? '', new RegExp(`\\(${escape(type)}, ${strength}\\)`));
  const saved = await eventually('the change to be saved', async () => {
    const graph = (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    const now = graph.links.find((l) => l.id === link.id);
    return now?.type === type ? now : undefined;
  });
  assert.equal(saved.strength, strength, 'the strength is saved');
  assert.equal(saved.fromId, link.fromId, 'the ends stay');
  assert.equal(saved.toId, link.toId, 'the ends stay');
  await eventually('the graph to redraw the line', async () =>
    (await page.locator(`c-relationship-map-graph line.rmg-link[data-id="${link.id}"]`).getAttribute('data-type')) ===
    type
      ? true
      : undefined
  );
  const meta = page.locator(`${LINKS} li[data-link="${link.id}"] [data-part="meta"]`);
  assert.match((await meta.textContent()) ?? '', new RegExp(`· ${escape(type)} · ${strength}$`));
  assert.equal(await page.locator(EDIT).count(), 0, 'the form closes');
  await preview.screenshot(page, 'changed', { fullPage: false });
  assert.deepEqual(await axeScan(page, `${prefix}: after the change`), []);
}

asRole(
  'user',
  'every link offers Change and none a trash icon; Change saves a new type and strength',
  async (page, preview, { change, listed, mapId }) => {
    assert.equal(await page.locator(`${LINKS} li[data-link]`).count(), listed, 'every link of theirs is listed');
    assert.equal(await page.locator(`${LINKS} lightning-button-icon[icon-name="utility:delete"]`).count(), 0);
    const changeButton = page.locator(`${LINKS} lightning-button-icon[data-change="${change.link.id}"] button`);
    assert.match((await changeButton.getAttribute('title')) ?? '', /^Change link: /, 'Change says which link');

    await changeLink(preview, page, mapId, change, 'rep');
    assert.equal(await page.locator(`${LINKS} [data-remove]`).count(), 0, 'still no trash icon');
  }
);

asRole(
  'admin',
  'every link offers Change and the trash icon; removing asks first, then removes the line',
  async (page, preview, { change, mapId }) => {
    await changeLink(preview, page, mapId, change, 'admin');

    // Remove the link just changed: a question first, then the line goes.
    const { link } = change;
    await page.locator(`${LINKS} lightning-button-icon[data-remove="${link.id}"] button`).click();
    const question = page.locator(`${LINKS} li[data-link="${link.id}"] [data-id="confirm-text"]`);
    await question.waitFor();
    assert.match((await question.textContent()) ?? '', /^Remove the link ".+"\?$/);
    await preview.screenshot(page, 'remove-question', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'an admin: the removal question'), []);
    await page.locator(`${LINKS} lightning-button[data-id="confirm-yes"] button`).click();
    await eventually('the line to go', async () =>
      (await page.locator(`c-relationship-map-graph line.rmg-link[data-id="${link.id}"]`).count()) === 0
        ? true
        : undefined
    );
    const after = (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    assert.ok(!after.links.some((l) => l.id === link.id), 'the link is deleted');
    assert.equal(await page.locator(`${LINKS} li[data-link="${link.id}"]`).count(), 0, 'and no longer listed');
  }
);
