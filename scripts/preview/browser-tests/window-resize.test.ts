/**
 * The drawing follows the window without being measured at every render (issue 15, tabLayout's
 * ResizeObserver): on the sample data's enterprise account, in a window 1280 px wide and 1,000 px
 * tall (at 720 the graph keeps its 400 px minimum and runs below the window), the graph's bottom
 * stays at the window's bottom when the window grows taller, when the filter panel opens above
 * it, while a search is typed, and in full screen, also when the window then shrinks to 720.
 * Screenshots: .test-output/screenshots/window-resize-*.png.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import * as harness from './harness.ts';

const { eventually, LAPTOP, sampleSession } = harness;

const GRAPH = 'c-relationship-map .rm-graph';
const TALL = 1000;
const TALLER = 1200;
/** Room tabLayout keeps below the drawing (BOTTOM_GAP) plus the card's border, at most. */
const SLACK = 24;

const sample = sampleSession({ name: 'window-resize' });

type Box = { x: number; y: number; width: number; height: number };

async function graphBox(page: Page): Promise<Box> {
  const box = await page.locator(GRAPH).boundingBox();
  assert.ok(box, 'the graph is drawn');
  return box;
}

const scrollY = (page: Page): Promise<number> =>
  page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);

/** Waits until the graph's bottom edge (in the document) is within SLACK px above the window's bottom. */
async function bottomAtWindow(page: Page, windowHeight: number, what: string): Promise<Box> {
  return eventually(
    what,
    async () => {
      const box = await graphBox(page);
      const gap = windowHeight - (box.y + (await scrollY(page)) + box.height);
      return box.height >= 400 && gap >= 0 && gap <= SLACK ? box : undefined;
    },
    5_000
  );
}

describe('the drawing follows the window', () => {
  sample.testOnTab(
    'taller window, filter panel open, full screen: the graph ends at the window bottom',
    { width: LAPTOP.width, height: TALL },
    async (page, preview) => {
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      const first = await bottomAtWindow(page, TALL, 'the graph to fill the window');

      // A taller window: the graph grows by as much.
      await page.setViewportSize({ width: LAPTOP.width, height: TALLER });
      const taller = await bottomAtWindow(page, TALLER, 'the graph to follow the taller window');
      assert.ok(
        Math.abs(taller.height - first.height - (TALLER - TALL)) <= 2,
        `grew by ${TALLER - TALL} px (${taller.height - first.height})`
      );
      await preview.screenshot(page, 'taller', { fullPage: false });

      // Typing re-renders the tab (the search adds "Clear filters" above the graph): still at the bottom.
      await page.getByRole('searchbox', { name: 'Search people by name' }).fill('a');
      await bottomAtWindow(page, TALLER, 'the graph to end at the window bottom while searching');
      await page.getByRole('searchbox', { name: 'Search people by name' }).fill('');
      await bottomAtWindow(page, TALLER, 'the graph to end at the window bottom after the search');

      // The filter panel opens above the graph: it moves down and ends at the window's bottom still.
      await page.locator('[data-id="filters-toggle"]').click();
      const filtered = await eventually('the graph to move below the filter panel', async () => {
        const box = await graphBox(page);
        return box.y > taller.y + 20 ? box : undefined;
      });
      const below = await bottomAtWindow(page, TALLER, 'the graph to end at the window bottom below the filters');
      assert.ok(below.y >= filtered.y - 1 && below.height < taller.height, 'shorter by the panel');
      await preview.screenshot(page, 'filters-open', { fullPage: false });
      await page.locator('[data-id="filters-toggle"]').click();
      await bottomAtWindow(page, TALLER, 'the graph to take the room back');

      // Full screen, then a shorter window in full screen.
      await page.locator('[data-id="full-screen"]').click();
      const full = await eventually('full screen to give the graph the window', async () => {
        const box = await graphBox(page);
        return box.height > taller.height + 100 && box.y + box.height <= TALLER + 1 ? box : undefined;
      });
      await page.setViewportSize(LAPTOP);
      await eventually('the graph to follow the window in full screen', async () => {
        const box = await graphBox(page);
        return box.height < full.height - 100 && box.y + box.height <= LAPTOP.height + 1 ? box : undefined;
      });
      await preview.screenshot(page, 'full-screen-720', { fullPage: false });
      await page.locator('[data-id="full-screen"]').click();
    }
  );
});
