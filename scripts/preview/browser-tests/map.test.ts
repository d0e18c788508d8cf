/**
 * The Relationship Map tab as an account manager meets it: the real compiled component on the
 * sample data's enterprise account, in Chromium. Each test opens its own tab; the store is this
 * file's own (harness.ts), so edits made by one test are visible to the later ones, as they
 * would be for a user.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { InfluenceLink, MapGraph, MapPerson, MapSummary } from '../../shared/controllerTypes.ts';
import { STANCE_STYLES } from '../../../force-app/main/default/lwc/relationshipMapTheme/relationshipMapTheme.ts';
import { loadSampleData, recordsOf, fieldsOf } from '../../data/sampleData.ts';
import {
  axeScan,
  dataIds,
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
const TOASTS = '[data-id="toasts"] [data-variant]';
const TEST_TIMEOUT = { timeout: 180_000 };

let preview: Preview;
let accountId: string;
let accountName: string;
let mapId: string;

/** The map as the controller has it now (what a reload would show). */
async function currentGraph(): Promise<MapGraph> {
  return (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
}

const onMap = (graph: MapGraph): MapPerson[] => graph.people.filter((p) => !p.excluded);

/** Opens the enterprise account's Relationship Map tab and waits for the drawn map. */
async function openMap(): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await preview.open(accountId);
  await waitForSettledGraph(opened.page);
  return opened;
}

async function assertNoProblems(page: Page, watch: PageWatch, apexErrorsExpected = false): Promise<void> {
  assert.deepEqual(
    await problemsOf(page, watch, apexErrorsExpected),
    [],
    'the page raised errors, dialogs, CSP violations or failed requests'
  );
}

/** Clicks a person on the graph and waits for their panel. */
async function selectPerson(page: Page, person: MapPerson): Promise<void> {
  await page.locator(nodeSelector(person.id)).click();
  await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
}

/** Picks the option named `option` (whole name, or a pattern) in the combobox labelled `label`. */
async function choose(page: Page, scope: string, label: string, option: string | RegExp): Promise<void> {
  const container = page.locator(scope);
  await container.getByRole('combobox', { name: label }).click();
  await container.getByRole('option', { name: option, exact: true }).click();
}

/** The "Other person" option of someone: their name, then their title in brackets if they have one. */
const personOption = (person: MapPerson): RegExp => new RegExp(`^${escapeRegExp(person.name)}( \\(.*\\))?$`);
/** A link type option: "Ally: Work together". */
const typeOption = (type: string): RegExp => new RegExp(`^${escapeRegExp(type)}:`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitForToast(page: Page, text: string): Promise<string> {
  const toast = page.locator(TOASTS).filter({ hasText: text }).first();
  await toast.waitFor();
  return (await toast.textContent()) ?? '';
}

before(async () => {
  preview = await openPreview({ name: 'map' });
  // The enterprise account is the sample's first account with a map (data/README.md).
  const account = preview.backend.accounts().find((a) => a.mapCount > 0);
  assert.ok(account, 'the sample data has an account with a map');
  accountId = account.id;
  accountName = account.name;
  const maps = (await preview.backend.invoke('getMapsForAccount', { accountId })) as MapSummary[];
  mapId = maps[0].id;
});

after(async () => {
  await preview?.close();
});

describe('the Relationship Map tab on the sample enterprise account', () => {
  test('draws everyone on the map who is not trimmed from it, as the sample data has them', TEST_TIMEOUT, async () => {
    // Count from the sample files themselves, not from the preview's controller.
    const sample = loadSampleData();
    const accountRecord = recordsOf(sample, 'Account').find((r) => fieldsOf(r).Name === accountName);
    assert.ok(accountRecord, `${accountName} is in data/Account.json`);
    const mapRefs = new Set(
      recordsOf(sample, 'Relationship_Map__c')
        .filter((r) => fieldsOf(r).Account__c === `@${accountRecord.attributes.referenceId}`)
        .map((r) => `@${r.attributes.referenceId}`)
    );
    const expected = [...recordsOf(sample, 'Map_Contact__c'), ...sample.team.people].filter(
      (r) => mapRefs.has(String(fieldsOf(r).Relationship_Map__c)) && fieldsOf(r).Excluded__c !== true
    ).length;
    assert.ok(expected >= 40, `the enterprise map has its ~45 people (${expected})`);

    const { page, watch } = await openMap();
    await preview.screenshot(page, '01-loaded');
    assert.equal(await page.locator(nodeSelector()).count(), expected, 'one node per person on the map');
    assert.match(
      (await page.locator('[data-id="shown"]').textContent()) ?? '',
      new RegExp(`Showing all ${expected} people`)
    );
    assert.equal(await page.locator('[data-id="account-name"]').innerText(), accountName);
    assert.equal(
      await page.locator('[role="tab"][aria-selected="true"]').innerText(),
      'Relationship Map',
      'the Relationship Map tab is the one open'
    );
    assert.match((await page.locator('[data-id="banner"]').textContent()) ?? '', /Local preview — sample data, no org/);
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('clicking a person opens the panel with their name and title', TEST_TIMEOUT, async () => {
    const person = onMap(await currentGraph()).find((p) => p.title && p.side === 'Customer');
    assert.ok(person);
    const { page, watch } = await openMap();
    await selectPerson(page, person);
    await preview.screenshot(page, '02-person-panel');
    assert.equal((await page.locator(`${PANEL} [data-id="heading"]`).innerText()).trim(), person.name);
    assert.match(await page.locator(`${PANEL} [data-id="subtitle"]`).innerText(), new RegExp(person.title ?? ''));
    assert.equal(await page.locator(nodeSelector(person.id)).getAttribute('aria-current'), 'true');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test(
    'one click changes a stance: new colour and letter, a change log entry, and it is saved',
    TEST_TIMEOUT,
    async () => {
      const person = onMap(await currentGraph()).find(
        (p) => p.isDecisionMaker && p.stance !== 'Champion' && p.side === 'Customer'
      );
      assert.ok(person, 'a customer decision maker who is not a champion yet');
      const from = person.stance ?? 'Unknown';
      const to = 'Champion';
      const { page, watch } = await openMap();
      const shape = page.locator(`${nodeSelector(person.id)} .rmg-shape`);
      const letter = page.locator(`${nodeSelector(person.id)} .rmg-letter`);
      assert.equal(await shape.getAttribute('fill'), STANCE_STYLES[from].color);

      await selectPerson(page, person);
      await page.locator(`${PANEL} [data-id="stance-buttons"] button[data-value="${to}"]`).click();

      await eventually('the node to take the new colour', async () =>
        (await shape.getAttribute('fill')) === STANCE_STYLES[to].color ? true : undefined
      );
      assert.equal(await letter.getAttribute('data-letter'), STANCE_STYLES[to].letter);
      const entry = page.locator(`${PANEL} [data-id="changes"] li`).filter({ hasText: 'Stance' }).first();
      await entry.waitFor();
      assert.equal(await entry.locator('[data-part="old"]').textContent(), from);
      assert.equal(await entry.locator('[data-part="new"]').textContent(), to);
      assert.match(await entry.locator('[data-part="meta"]').innerText(), /Edit/);
      assert.match(await waitForToast(page, 'Saved'), new RegExp(`${person.name}: stance saved`));
      await preview.screenshot(page, '03-stance-changed');

      // Saved: the controller has it, and a fresh page shows it.
      const saved = (await currentGraph()).people.find((p) => p.id === person.id);
      assert.equal(saved?.stance, to);
      await page.reload();
      await waitForGraph(page);
      assert.equal(await shape.getAttribute('fill'), STANCE_STYLES[to].color, 'the new colour after a reload');
      await selectPerson(page, person);
      const reloaded = page.locator(`${PANEL} [data-id="changes"] li`).filter({ hasText: 'Stance' }).first();
      assert.equal(await reloaded.locator('[data-part="new"]').textContent(), to, 'the change log after a reload');
      await preview.screenshot(page, '04-stance-after-reload');
      await assertNoProblems(page, watch);
      await page.close();
    }
  );

  test('logging a call with a new sentiment shows the sentiment and a Call Log entry', TEST_TIMEOUT, async () => {
    const person = onMap(await currentGraph()).find(
      (p) => p.side === 'Customer' && !p.isDecisionMaker && p.sentiment !== 'Very Positive' && !p.isVacant
    );
    assert.ok(person);
    const sentiment = 'Very Positive';
    const { page, watch } = await openMap();
    await selectPerson(page, person);
    await page.locator(`${PANEL} lightning-button[data-id="log-call"] button`).click();
    const form = `${PANEL} [data-id="call-form"]`;
    await page.locator(form).getByLabel('Subject').fill('Quarterly review call');
    await choose(page, form, 'Sentiment after the call', sentiment);
    await preview.screenshot(page, '05-log-call-form');
    await page.locator(`${form} lightning-button[data-id="call-submit"] button`).click();

    assert.match(await waitForToast(page, 'Call logged'), new RegExp(`Call with ${person.name} logged`));
    const pressed = page.locator(`${PANEL} [data-id="sentiment-buttons"] button[aria-pressed="true"]`);
    await eventually('the new sentiment to be shown', async () =>
      (await pressed.textContent())?.trim() === sentiment ? true : undefined
    );
    const entry = page.locator(`${PANEL} [data-id="changes"] li`).filter({ hasText: 'Sentiment' }).first();
    await entry.waitFor();
    assert.equal(await entry.locator('[data-part="new"]').textContent(), sentiment);
    assert.equal(await entry.locator('[data-id="call-log-badge"]').textContent(), 'Call Log');
    assert.match(await entry.locator('[data-part="meta"]').innerText(), /Call Log/);
    await preview.screenshot(page, '06-call-logged');
    const saved = (await currentGraph()).people.find((p) => p.id === person.id);
    assert.equal(saved?.sentiment, sentiment, 'the controller saved the sentiment from the call');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('adding a link draws a new line between the two people', TEST_TIMEOUT, async () => {
    const graph = await currentGraph();
    const people = onMap(graph).filter((p) => p.side === 'Customer' && !p.isVacant);
    const linked = (a: string, b: string, links: InfluenceLink[]) =>
      links.some((l) => (l.fromId === a && l.toId === b) || (l.fromId === b && l.toId === a));
    let pair: [MapPerson, MapPerson] | undefined;
    for (const a of people) {
      const b = people.find((p) => p.id !== a.id && !linked(a.id, p.id, graph.links));
      if (b) {
        pair = [a, b];
        break;
      }
    }
    assert.ok(pair, 'two people without a link between them');
    const [from, to] = pair;
    const { page, watch } = await openMap();
    const links = page.locator('c-relationship-map-graph .rmg-link');
    const before = await links.count();
    await selectPerson(page, from);
    await page.locator(`${PANEL} lightning-button[data-id="add-link"] button`).click();
    const form = `${PANEL} [data-id="link-form"]`;
    await choose(page, form, 'Other person', personOption(to));
    await choose(page, form, 'Type', typeOption('Ally'));
    await page.locator(`${form} lightning-button[data-id="link-submit"] button`).click();

    assert.match(await waitForToast(page, 'Link added'), new RegExp(`${from.name} → ${to.name} \\(Ally`));
    await eventually('a new line on the graph', async () => ((await links.count()) === before + 1 ? true : undefined));
    const added = (await currentGraph()).links.find((l) => l.fromId === from.id && l.toId === to.id);
    assert.ok(added, 'the controller saved the link');
    assert.equal(added.type, 'Ally');
    assert.equal(await page.locator(`c-relationship-map-graph .rmg-link[data-id="${added.id}"]`).count(), 1);
    await preview.screenshot(page, '07-link-added');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('filtering by stance shows only the people with that stance', TEST_TIMEOUT, async () => {
    const everyone = onMap(await currentGraph());
    const opponents = everyone.filter((p) => p.stance === 'Opponent');
    assert.ok(opponents.length > 0 && opponents.length < everyone.length, 'the sample has some opponents');
    const { page, watch } = await openMap();
    // The filters sit behind the toolbar's Filters button; the active one stays in view as a pill.
    await page.locator('[data-id="filters-toggle"]').click();
    // Stance takes several values: a checkbox per stance, ticked through its label as a rep would.
    await page.locator('[data-id="filter-stance"]').getByText('Opponent', { exact: true }).click();
    assert.ok(await page.getByRole('checkbox', { name: 'Opponent', exact: true }).isChecked(), 'Opponent is ticked');
    await eventually('the filter to apply', async () =>
      (await page.locator(nodeSelector()).count()) === opponents.length ? true : undefined
    );
    const drawn = await dataIds(page, nodeSelector());
    assert.deepEqual(drawn.sort(), opponents.map((p) => p.id).sort());
    assert.match(
      (await page.locator('[data-id="shown"]').textContent()) ?? '',
      new RegExp(`Showing ${opponents.length} of ${everyone.length} people`)
    );
    await preview.screenshot(page, '08-filtered-opponents');
    // Removing the pill shows everyone again.
    await page.locator('[data-id="pill-stance-Opponent"] button').click();
    await eventually('the filter to go', async () =>
      (await page.locator(nodeSelector()).count()) === everyone.length ? true : undefined
    );
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('searching by name highlights the person who matches', TEST_TIMEOUT, async () => {
    const everyone = onMap(await currentGraph());
    const person = everyone.find(
      (p) => everyone.filter((o) => o.name.toLowerCase().includes(p.name.toLowerCase())).length === 1
    );
    assert.ok(person);
    const { page, watch } = await openMap();
    await page.getByRole('searchbox', { name: 'Search people by name' }).fill(person.name);
    const matches = page.locator(`${nodeSelector()}.rmg-match`);
    await eventually('the match to be highlighted', async () => ((await matches.count()) === 1 ? true : undefined));
    assert.equal(await matches.getAttribute('data-id'), person.id);
    await preview.screenshot(page, '09-search');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test(
    'the keyboard reaches the people: Tab to a node, arrows move, Enter selects, Escape clears',
    TEST_TIMEOUT,
    async () => {
      const { page, watch } = await openMap();
      const focused = page.locator(`${nodeSelector()}:focus`);
      await page.locator('[data-id="legend-toggle"]').focus();
      for (let i = 0; i < 40 && (await focused.count()) === 0; i++) await page.keyboard.press('Tab');
      assert.equal(await focused.count(), 1, 'Tab reaches a person on the graph');
      const first = await focused.getAttribute('data-id');

      let moved: string | null = first;
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        await page.keyboard.press(key);
        moved = await focused.getAttribute('data-id');
        if (moved !== first) break;
      }
      assert.ok(moved && moved !== first, 'an arrow key moves the focus to another person');

      await page.keyboard.press('Enter');
      const person = (await currentGraph()).people.find((p) => p.id === moved);
      assert.ok(person);
      await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
      assert.equal(await page.locator(nodeSelector(person.id)).getAttribute('aria-current'), 'true');
      await preview.screenshot(page, '10-keyboard-selected');

      await page.keyboard.press('Escape');
      await page.locator(PANEL).locator('[data-id="heading"]').waitFor({ state: 'detached' });
      assert.equal(await page.locator(`${nodeSelector()}[aria-current="true"]`).count(), 0, 'nobody is selected');
      await assertNoProblems(page, watch);
      await page.close();
    }
  );

  test('the table view lists the people and sorts them by name', TEST_TIMEOUT, async () => {
    const everyone = onMap(await currentGraph());
    const { page, watch } = await openMap();
    await page.locator('[data-id="view"]').getByText('Table', { exact: true }).click();
    const table = page.locator('lightning-datatable[data-id="people"]');
    await table.locator('tbody tr').first().waitFor();
    assert.equal(await table.locator('tbody tr').count(), everyone.length, 'one row per person');

    const names = () => table.locator('tbody tr th, tbody tr td[data-label="Name"]').allInnerTexts();
    await table.locator('thead th').filter({ hasText: 'Name' }).locator('a, button').first().click();
    const ascending = (await names()).map((n) => n.trim());
    const collator = new Intl.Collator('en');
    assert.deepEqual(ascending, [...ascending].sort(collator.compare), 'sorted A to Z');
    assert.deepEqual([...ascending].sort(), everyone.map((p) => p.name).sort(), 'the same people as the map');
    await table.locator('thead th').filter({ hasText: 'Name' }).locator('a, button').first().click();
    const descending = (await names()).map((n) => n.trim());
    assert.deepEqual(descending, [...ascending].reverse(), 'and Z to A');
    await preview.screenshot(page, '11-table-sorted');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('Export → Image (PNG) downloads a PNG of the map', TEST_TIMEOUT, async () => {
    const { page, watch } = await openMap();
    await page.locator('lightning-button-menu[data-id="export"] button').first().click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Image (PNG)' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    assert.ok(bytes.length > 1000, `a real image (${bytes.length} bytes)`);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.match((await download).suggestedFilename(), /\.png$/);
    await assertNoProblems(page, watch);
    await page.close();
  });

  test('axe-core finds no serious or critical accessibility problems', TEST_TIMEOUT, async () => {
    const { page, watch } = await openMap();
    const found = await axeScan(page, 'graph view');
    const person = onMap(await currentGraph()).find((p) => p.isDecisionMaker);
    assert.ok(person);
    await selectPerson(page, person);
    found.push(...(await axeScan(page, 'person panel open', {})));
    await page.locator('[data-id="view"]').getByText('Table', { exact: true }).click();
    await page.locator('lightning-datatable[data-id="people"] tbody tr').first().waitFor();
    found.push(...(await axeScan(page, 'table view', {})));
    await preview.screenshot(page, '12-axe-table');
    assert.deepEqual(found, [], 'serious or critical accessibility violations');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test(
    "axe-core: each person's accessible name includes the text drawn on them (WCAG 2.5.3 Label in Name)",
    TEST_TIMEOUT,
    async () => {
      const { page } = await openMap();
      const found = await axeScan(page, 'graph view', { onlyRule: 'label-content-name-mismatch' });
      await page.close();
      assert.deepEqual(found, []);
    }
  );

  test('an account without a map shows the "no map yet" state', TEST_TIMEOUT, async () => {
    const empty = preview.backend.accounts().find((a) => a.mapCount === 0);
    assert.ok(empty, 'the sample data has an account without maps');
    const { page, watch } = await preview.open(empty.id);
    const state = page.locator('[data-id="empty"]');
    await state.waitFor();
    assert.match(await state.innerText(), /No relationship map yet/);
    assert.equal(await page.locator('lightning-button[data-id="create-first"] button').isEnabled(), true);
    assert.equal(await page.locator(nodeSelector()).count(), 0);
    await preview.screenshot(page, '13-empty-account');
    await assertNoProblems(page, watch);
    await page.close();
  });

  test(
    'the record page around the map: Details and Related tabs; an unknown account in the address is named',
    TEST_TIMEOUT,
    async () => {
      const { page, watch } = await preview.open('001000000000000AAA');
      const warning = page.locator('[data-id="unknown-account"]');
      await warning.waitFor();
      assert.match(await warning.innerText(), /There is no account 001000000000000AAA in the preview data/);
      const first = preview.backend.accounts()[0];
      assert.equal(await page.locator('[data-id="account-name"]').innerText(), first.name, 'the first account instead');

      await page.getByRole('tab', { name: 'Details' }).click();
      const details = page.getByRole('tabpanel');
      assert.match(await details.innerText(), new RegExp(escapeRegExp(first.industry ?? '')));
      assert.equal(await page.locator('c-relationship-map').count(), 0, 'the map is on its own tab');
      await page.getByRole('tab', { name: 'Related' }).click();
      assert.match(await page.getByRole('tabpanel').innerText(), /Relationship Maps \(\d+\)/);
      await page.getByRole('tab', { name: 'Relationship Map', exact: true }).click();
      await waitForGraph(page);
      await preview.screenshot(page, '14-unknown-account');
      await assertNoProblems(page, watch);
      await page.close();
    }
  );

  test('a link a colleague added meanwhile is refused with the Apex sentence in a toast', TEST_TIMEOUT, async () => {
    const graph = await currentGraph();
    const people = onMap(graph).filter((p) => p.side === 'Customer' && !p.isVacant);
    const [a, b] = people.filter(
      (p, _i, all) =>
        all.some((o) => o.id !== p.id) &&
        !graph.links.some((l) => (l.fromId === p.id || l.toId === p.id) && l.type === 'Conflict')
    );
    assert.ok(a && b);
    const { page, watch } = await openMap();
    // Someone else saves the same link after this page loaded the map.
    const colleague = (await preview.backend.invoke('saveLinks', {
      mapId,
      links: [{ fromId: a.id, toId: b.id, type: 'Conflict', strength: 'Medium' }],
    })) as { savedIds: string[] };
    assert.equal(colleague.savedIds.length, 1);

    await selectPerson(page, a);
    await page.locator(`${PANEL} lightning-button[data-id="add-link"] button`).click();
    const form = `${PANEL} [data-id="link-form"]`;
    await choose(page, form, 'Other person', personOption(b));
    await choose(page, form, 'Type', typeOption('Conflict'));
    await page.locator(`${form} lightning-button[data-id="link-submit"] button`).click();

    const toast = await waitForToast(page, 'The link was not added');
    assert.match(toast, /These two people already have a Conflict link \(either way\)\./);
    assert.equal(
      await page.locator(TOASTS).filter({ hasText: 'The link was not added' }).getAttribute('data-variant'),
      'error'
    );
    assert.match(await page.locator('[data-id="notice"]').innerText(), /already have a Conflict link/);
    await preview.screenshot(page, '15-apex-error-toast');
    await assertNoProblems(page, watch);
    await page.close();
  });
});
