/**
 * The org chart's names stay readable when its area is narrow (issue 15: "names at 12 px or more
 * at the fit zoom"): on the sample data's 48-person enterprise map, in a window whose chart area
 * is about 800 px wide, every name is drawn at 12 px or more on screen at the fit zoom; the
 * chart's top row is in view, and what does not fit is a drag away at the same zoom.
 * axe runs on the chart. Screenshots: .test-output/screenshots/org-chart-names-*.png.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import * as harness from './harness.ts';

const { axeScan, closeClean, eventually, sampleSession, waitForGraph } = harness;

const TEST_TIMEOUT = { timeout: 180_000 };
const CHART = 'c-relationship-map-org-chart';
/** A window whose org-chart area is about 800 px wide (the tab's card and margins take the rest). */
const NARROW = { width: 860, height: 720 };

const sample = sampleSession({ name: 'org-chart-names' });

interface SvgText {
  getAttribute(name: string): string | null;
  getScreenCTM(): { a: number } | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
}

/** Each name's size on screen (px) and whether it lies inside the chart's area. */
async function names(page: Page): Promise<{ px: number; inView: boolean; text: string }[]> {
  const area = await page.locator(`${CHART} svg`).first().boundingBox();
  assert.ok(area, 'the chart is drawn');
  return page.locator(`${CHART} text.rmo-label`).evaluateAll(
    (nodes, box) =>
      nodes.map((node) => {
        const n = node as unknown as SvgText & { textContent: string | null };
        const r = n.getBoundingClientRect();
        return {
          px: Number(n.getAttribute('font-size')) * (n.getScreenCTM()?.a ?? 0),
          inView: r.left >= box.x && r.right <= box.x + box.width && r.top >= box.y && r.bottom <= box.y + box.height,
          text: n.textContent ?? '',
        };
      }),
    area
  );
}

const viewportTransform = (page: Page): Promise<string> =>
  page.locator(`${CHART} .rmo-viewport`).evaluate((g) => (g as unknown as SvgText).getAttribute('transform') ?? '');

describe('org chart names in an 800 px wide area', () => {
  test('are 12 px or more at the fit zoom, the top row in view, the rest a drag away', TEST_TIMEOUT, async () => {
    const { preview, accountId } = sample;
    const { page, watch } = await preview.open(accountId, {}, { viewport: NARROW });
    await waitForGraph(page);
    await page.locator('[data-id="view"]').getByText('Org chart', { exact: true }).click();
    await page.locator(`${CHART} text.rmo-label`).first().waitFor();
    // In a window this narrow the tab's header rows wrap: the chart starts below the first screen.
    await page.locator(CHART).scrollIntoViewIfNeeded();
    const area = await page.locator(`${CHART} svg`).first().boundingBox();
    assert.ok(area, 'the chart is drawn');
    assert.ok(
      area.width >= 760 && area.width <= 840,
      `the chart area is about 800 px wide (${Math.round(area.width)} px)`
    );
    const fitted = await viewportTransform(page);

    const drawn = await names(page);
    assert.ok(drawn.length >= 40, `the 48-person map's names are drawn (${drawn.length})`);
    const small = drawn.filter((n) => n.px < 12 - 0.01).map((n) => `${n.text} (${n.px.toFixed(1)} px)`);
    assert.deepEqual(small, [], 'every name is 12 px or more on screen at the fit zoom');
    const visible = drawn.filter((n) => n.inView);
    assert.ok(visible.length >= 10, `a screenful of names is in view (${visible.length})`);

    // The top row is in view: the chart's highest person is inside the area.
    const tops = await page
      .locator(`${CHART} g.rmo-node`)
      .evaluateAll((nodes) => nodes.map((n) => (n as unknown as SvgText).getBoundingClientRect().top));
    const highest = Math.min(...tops);
    assert.ok(
      highest >= area.y && highest <= area.y + area.height / 2,
      `the top row is in view (${Math.round(highest - area.y)} px below the area's top)`
    );
    await preview.screenshot(page, 'fit', { fullPage: false });
    assert.deepEqual(await axeScan(page, 'org chart at 800 px'), []);

    // Dragging pans at the same zoom: names keep their size.
    const scaleOf = (transform: string) => Number(/scale\(([\d.e+-]+)/.exec(transform)?.[1] ?? 'NaN');
    // Right to left, to read the people beyond the right edge.
    const middle = { x: area.x + area.width / 2, y: area.y + area.height / 2 };
    await page.mouse.move(middle.x + 150, middle.y);
    await page.mouse.down();
    await page.mouse.move(middle.x - 150, middle.y - 60, { steps: 8 });
    await page.mouse.up();
    const panned = await eventually('the chart to pan', async () => {
      const now = await viewportTransform(page);
      return now !== fitted ? now : undefined;
    });
    assert.equal(scaleOf(panned), scaleOf(fitted), 'the zoom stays');
    const after = await names(page);
    assert.deepEqual(
      after.filter((n) => n.px < 12 - 0.01).map((n) => n.text),
      [],
      'names keep 12 px after panning'
    );
    await preview.screenshot(page, 'panned', { fullPage: false });
    await closeClean(page, watch);
  });
});
