/**
 * The person panel beside the map, and the table on a phone (issue 15), on the sample data's
 * enterprise account:
 * - at 1280×720 the panel opens beside the graph with the person's name, the stance in one tap and
 *   the actions (Edit, Log call, Add link, Trim) at its top; reading down the panel scrolls the
 *   panel alone, never the graph; a 128-character title and a long unbroken note wrap inside the
 *   panel and neither widen it nor narrow the graph;
 * - at 375×812 the tab opens on the decision makers as cards; a tap on one opens the panel over
 *   the map, where the stance is one tap and Log call is one tap.
 * axe runs in each state. Screenshots: .test-output/screenshots/panel-*.png.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { isDecisionMakerRole } from '../../data/dto.ts';
import type { MapPerson } from '../../shared/controllerTypes.ts';
import * as harness from './harness.ts';

const { axeScan, closeClean, eventually, LAPTOP, nodeSelector, PHONE, sampleSession } = harness;

const TEST_TIMEOUT = { timeout: 180_000 };
const PANEL = 'c-relationship-map-person-panel';
const ASIDE = 'c-relationship-map [data-id="aside"]';
const GRAPH = 'c-relationship-map .rm-graph';

/** A title at Title__c's limit (128) with no space to break at, and a note that is one long URL. */
const LONG_TITLE = `Vice-President-${'Procurement-Strategy-'.repeat(6)}`.slice(0, 128);
const LONG_NOTE = `https://intranet.example.com/${'procurement/strategy/'.repeat(12)}contract?id=${'0'.repeat(40)}`;

/** A customer decision maker with a plain title, and one given the long title and note. */
let plain: MapPerson;
let long: MapPerson;

const isDecider = (p: MapPerson): boolean =>
  p.side !== 'Our Company' && (p.isDecisionMaker === true || isDecisionMakerRole(p.role));

const sample = sampleSession({ name: 'panel' }, async ({ people, preview }) => {
  const customers = people.filter((p) => p.side === 'Customer' && !p.isVacant && isDecider(p));
  assert.ok(customers.length >= 2, 'the sample has customer decision makers');
  [plain, long] = customers;
  await preview.backend.invoke('updatePerson', {
    personId: long.id,
    changes: { title: LONG_TITLE, needsFromThem: LONG_NOTE },
  });
});

async function box(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.locator(selector).first().boundingBox();
  assert.ok(found, `${selector} is on screen`);
  return found;
}

async function select(page: Page, person: MapPerson): Promise<void> {
  await page.locator(nodeSelector(person.id)).click();
  await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: person.name }).waitFor();
}

/** Rounded, to compare boxes that must not move. */
const rounded = (b: { x: number; y: number; width: number; height: number }) =>
  [b.x, b.y, b.width, b.height].map((v) => Math.round(v));

describe('the person panel beside the map (1280×720)', () => {
  sample.testOnTab(
    'opens with name, stance and actions at its top, scrolls on its own, and long words never widen it',
    LAPTOP,
    async (page, preview) => {
      await select(page, plain);
      const aside = await box(page, ASIDE);
      const graph = await box(page, GRAPH);
      assert.ok(aside.x >= graph.x + graph.width - 1, 'the panel is beside the graph, not under it');
      assert.ok(aside.y < graph.y + 50, 'the panel starts level with the graph');

      // The top: name, then the stance in one tap, then the actions, all in the panel's first screen.
      const heading = await box(page, `${PANEL} [data-id="heading"]`);
      const stance = await box(page, `${PANEL} [data-id="stance-buttons"]`);
      const actions = await box(page, `${PANEL} [data-id="actions"]`);
      assert.ok(
        heading.y - aside.y < 40,
        `the name is at the top of the panel (${Math.round(heading.y - aside.y)} px)`
      );
      assert.ok(heading.y < stance.y && stance.y < actions.y, 'name, then stance, then actions');
      assert.ok(
        actions.y + actions.height <= aside.y + Math.min(aside.height, 300),
        'the actions are in the top 300 px of the panel'
      );
      for (const id of ['edit', 'log-call', 'add-link', 'exclude']) {
        assert.equal(
          await page.locator(`${PANEL} [data-id="actions"] [data-id="${id}"]`).count(),
          1,
          `${id} in the row`
        );
      }
      const row = await page
        .locator(`${PANEL} [data-id="actions"] lightning-button`)
        .evaluateAll((nodes) => nodes.map((n) => Math.round((n as unknown as { offsetTop: number }).offsetTop)));
      assert.equal(
        new Set(row.slice(0, 4)).size,
        1,
        `Edit, Log call, Add link and Trim share one row (${row.join(', ')})`
      );
      await preview.screenshot(page, 'laptop-top');
      assert.deepEqual(await axeScan(page, 'panel beside the map'), []);

      // Reading down the panel moves the panel, not the graph (nor the page).
      const pageScroll = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
      await page.mouse.move(aside.x + aside.width / 2, aside.y + Math.min(aside.height, LAPTOP.height - aside.y) / 2);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 400);
      const scrolled = await eventually('the panel to scroll', async () => {
        const top = await page.locator(ASIDE).evaluate((el) => (el as unknown as { scrollTop: number }).scrollTop);
        return top > 200 ? top : undefined;
      });
      assert.ok(scrolled > 200, 'the panel has its own scroll');
      assert.deepEqual(rounded(await box(page, GRAPH)), rounded(graph), 'the graph did not move');
      assert.equal(
        await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY),
        pageScroll,
        'the page did not scroll'
      );
      // The window only: a whole-page screenshot re-lays the page out and puts inner scrolls back to the top.
      await preview.screenshot(page, 'laptop-scrolled', { fullPage: false });

      // A 128-character title and a URL-long note wrap inside the panel: same panel and graph widths.
      await select(page, long);
      await page.locator(ASIDE).evaluate((el) => {
        (el as unknown as { scrollTop: number }).scrollTop = 0;
      });
      assert.deepEqual(rounded(await box(page, GRAPH)), rounded(graph), 'the long words did not squash the graph');
      const after = await box(page, ASIDE);
      assert.equal(Math.round(after.width), Math.round(aside.width), 'the panel kept its width');
      const overflow = await page
        .locator(`${ASIDE}, ${PANEL} .panel, ${PANEL} [data-id="subtitle"], ${PANEL} [data-id="heading"]`)
        .evaluateAll((nodes) =>
          nodes
            .map((n) => n as unknown as { scrollWidth: number; clientWidth: number; className: string })
            .filter((n) => n.scrollWidth > n.clientWidth + 1 && !/slds-truncate/.test(n.className))
            .map((n) => `${n.className}: ${n.scrollWidth} > ${n.clientWidth}`)
        );
      assert.deepEqual(overflow, [], 'nothing in the panel is wider than the panel');
      assert.equal(
        await page.locator(`${PANEL} [data-id="subtitle"]`).getAttribute('title'),
        `${LONG_TITLE} · Customer`,
        'the whole title on hover'
      );
      const note = page.locator(`${PANEL} dd[data-field="needsFromThem"]`);
      await note.scrollIntoViewIfNeeded();
      const noteBox = await box(page, `${PANEL} dd[data-field="needsFromThem"]`);
      const asideNow = await box(page, ASIDE);
      assert.ok(noteBox.x + noteBox.width <= asideNow.x + asideNow.width + 1, 'the long note wraps inside the panel');
      await preview.screenshot(page, 'laptop-long-words');
      assert.deepEqual(await axeScan(page, 'panel with long words'), []);
    }
  );
});

describe('the map tab on a phone (375×812)', () => {
  test(
    'opens on the decision makers as cards; a tap opens the panel over the map with one-tap stance and Log call',
    TEST_TIMEOUT,
    async () => {
      const { preview, accountId, people } = sample;
      const { page, watch } = await preview.open(accountId, {}, { viewport: PHONE });
      const cards = page.locator(
        'c-relationship-map-table [data-id="people-cards"] button.rm-card-button[data-person]'
      );
      await cards.first().waitFor();
      assert.equal(await page.locator('c-relationship-map-table lightning-datatable').count(), 0, 'no wide table');
      const deciders = people.filter(isDecider);
      assert.equal(await cards.count(), deciders.length, 'one card per decision maker');
      const first = await cards.first().boundingBox();
      assert.ok(first && first.x >= 0 && first.x + first.width <= PHONE.width, 'the cards fit the phone');
      assert.ok(first.height >= 44, `a card is a thumb-sized target (${Math.round(first.height)} px)`);
      const card = cards.filter({ hasText: plain.name }).first();
      assert.match((await card.textContent()) ?? '', new RegExp(plain.stance ?? 'Unknown'));
      const tab = await box(page, 'c-relationship-map');
      assert.ok(
        tab.x >= 0 && tab.x + tab.width <= PHONE.width,
        `the map tab fits the phone (${Math.round(tab.width)} px)`
      );
      await preview.screenshot(page, 'phone-cards');
      assert.deepEqual(await axeScan(page, 'phone cards'), []);

      await card.click();
      await page.locator(`${PANEL} [data-id="heading"]`).filter({ hasText: plain.name }).waitFor();
      const sheet = await box(page, ASIDE);
      assert.ok(sheet.x >= 0 && sheet.x + sheet.width <= PHONE.width + 1, 'the panel fits the phone');
      assert.equal(
        await page.locator(ASIDE).evaluate((el) => {
          type Styles = (element: unknown) => { position: string };
          return (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(el).position;
        }),
        'fixed',
        'the panel comes over the map'
      );
      const stance = await box(page, `${PANEL} [data-id="stance-buttons"]`);
      const logCall = await box(page, `${PANEL} [data-id="log-call"]`);
      assert.ok(stance.y + stance.height <= PHONE.height, 'the stance buttons are on the first screen');
      assert.ok(logCall.y + logCall.height <= PHONE.height, 'Log call is on the first screen');
      await preview.screenshot(page, 'phone-panel', { fullPage: false });
      assert.deepEqual(await axeScan(page, 'phone panel'), []);

      // One tap: the stance is saved.
      const to = (plain.stance ?? 'Unknown') === 'Champion' ? 'Supporter' : 'Champion';
      await page.locator(`${PANEL} [data-id="stance-buttons"] button[data-value="${to}"]`).click();
      await page.locator('[data-id="toasts"] [data-variant]').filter({ hasText: 'stance saved' }).first().waitFor();
      assert.equal(
        await page
          .locator(`${PANEL} [data-id="stance-buttons"] button[data-value="${to}"]`)
          .getAttribute('aria-pressed'),
        'true'
      );
      // One tap: the call form.
      await page.locator(`${PANEL} lightning-button[data-id="log-call"] button`).click();
      await page.locator(`${PANEL} c-relationship-map-person-call-form`).waitFor();
      await preview.screenshot(page, 'phone-log-call', { fullPage: false });
      await closeClean(page, watch);
    }
  );
});
