/**
 * A map of 1,000 generated people (scripts/data/generate.ts) renders, zooms with the mouse wheel
 * and lets a person be dragged to a new place, which is saved as their pin. How fast belongs to
 * the benchmarks (npm run bench); nothing here asserts a time.
 *
 * Large maps may be painted on a canvas (with one focusable, labelled element per person kept for
 * keyboard and screen-reader users) or drawn as SVG: the test works as a user would, with the
 * mouse, and reads positions back through the map's zoom and the saved pins, so it holds for both.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapGraph, MapSummary } from '../../shared/controllerTypes.ts';
import { eventually, nodeSelector, openPreview, problemsOf, waitForSettledGraph, type Preview } from './harness.ts';

const PEOPLE = 1000;
const TEST_TIMEOUT = { timeout: 300_000 };
const GRAPH = 'c-relationship-map-graph';

let preview: Preview;
let accountId: string;
let mapId: string;

async function graph(): Promise<MapGraph> {
  return (await preview.backend.invoke('loadMapGraph', { mapId })) as MapGraph;
}

/** The zoom applied to the drawing: `translate(x,y) scale(k)` on the viewport group. */
async function zoomOf(page: Page): Promise<{ x: number; y: number; k: number }> {
  const transform = (await page.locator(`${GRAPH} .rmg-viewport`).getAttribute('transform')) ?? '';
  const match = /translate\((-?[\d.e+-]+),\s*(-?[\d.e+-]+)\)\s*scale\((-?[\d.e+-]+)\)/.exec(transform);
  return match ? { x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) } : { x: 0, y: 0, k: 1 };
}

/** The selected person's id (the map marks them with aria-current), or null. */
async function selectedId(page: Page): Promise<string | null> {
  const selected = page.locator(`${nodeSelector()}[aria-current="true"]`);
  return (await selected.count()) === 1 ? selected.getAttribute('data-id') : null;
}

/** Clicks at a screen point; the person drawn there, if any, becomes the selected one. */
async function personAt(page: Page, x: number, y: number): Promise<string | null> {
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
  return selectedId(page);
}

before(async () => {
  preview = await openPreview({ name: 'large-map', synthetic: { people: PEOPLE } });
  const account = preview.backend.accounts().find((a) => a.name.includes('Synthetic'));
  assert.ok(account, 'the synthetic account is in the store');
  accountId = account.id;
  const [map] = (await preview.backend.invoke('getMapsForAccount', { accountId })) as MapSummary[];
  mapId = map.id;
});

after(async () => {
  await preview?.close();
});

describe(`a map of ${PEOPLE} people`, () => {
  test(
    'renders everyone, zooms with the wheel, and a dragged person stays where they were dropped',
    TEST_TIMEOUT,
    async () => {
      const onMap = (await graph()).people.filter((p) => !p.excluded);
      assert.ok(onMap.length > 900, `about ${PEOPLE} people on the map (${onMap.length})`);
      const { page, watch } = await preview.open(accountId);
      await page.setViewportSize({ width: 1400, height: 1100 });
      await waitForSettledGraph(page, { timeoutMs: 90_000 });
      // One labelled, focusable element per person (on a canvas-drawn map they are made a batch
      // per frame after the first paint).
      await eventually(
        'one labelled node per person',
        async () =>
          (await page.locator(`${nodeSelector()}[role="button"][aria-label]`).count()) === onMap.length
            ? true
            : undefined,
        15_000
      );

      // Drawn: as SVG shapes, or painted on the canvas (then it holds more than its background).
      const canvas = page.locator(`${GRAPH} canvas`);
      if ((await canvas.count()) > 0) {
        const painted = await canvas.evaluate((c: { toDataURL(type: string): string }) => c.toDataURL('image/png'));
        const blank = await canvas.evaluate(
          (c: { width: number; height: number; ownerDocument: { createElement(t: string): unknown } }) => {
            const empty = c.ownerDocument.createElement('canvas') as { width: number; height: number };
            empty.width = c.width;
            empty.height = c.height;
            return (empty as unknown as { toDataURL(type: string): string }).toDataURL('image/png');
          }
        );
        assert.ok(painted.length > blank.length * 3, 'the canvas shows the map');
      } else {
        assert.equal(await page.locator(`${nodeSelector()} .rmg-shape`).count(), onMap.length, 'one shape each');
      }
      await preview.screenshot(page, '01-rendered');

      // Zoom in with the wheel over the middle of the drawing.
      const svg = page.locator(`${GRAPH} svg.rmg-svg`);
      await svg.scrollIntoViewIfNeeded();
      const box = await svg.boundingBox();
      assert.ok(box);
      const before = await zoomOf(page);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -600);
      const zoomed = await eventually('the wheel to zoom in', async () => {
        const now = await zoomOf(page);
        return now.k > before.k * 1.2 ? now : undefined;
      });
      await page.waitForTimeout(400);
      const zoom = await zoomOf(page);
      assert.ok(zoomed.k > before.k, `zoomed in from ${before.k} to ${zoom.k}`);
      await preview.screenshot(page, '02-zoomed');

      // Find someone under the mouse near the middle, as a user would: click until a person is selected.
      let grab: { x: number; y: number; id: string } | undefined;
      search: for (let dy = 0; dy <= 160; dy += 20) {
        for (let dx = 0; dx <= 240; dx += 20) {
          for (const [sx, sy] of [
            [1, 1],
            [-1, -1],
          ]) {
            const x = box.x + box.width / 2 + sx * dx;
            const y = box.y + box.height / 2 + sy * dy;
            const id = await personAt(page, x, y);
            if (id) {
              grab = { x, y, id };
              break search;
            }
          }
        }
      }
      assert.ok(grab, 'a person near the middle of the map');
      const pinnedBefore = onMap.find((p) => p.id === grab.id);
      assert.equal(pinnedBefore?.layoutX ?? null, null, 'not pinned before the drag');

      // Drag them 90 px right and 60 px down.
      const delta = { x: 90, y: 60 };
      await page.mouse.move(grab.x, grab.y);
      await page.mouse.down();
      for (let step = 1; step <= 10; step++) {
        await page.mouse.move(grab.x + (delta.x * step) / 10, grab.y + (delta.y * step) / 10);
      }
      await page.mouse.up();
      await preview.screenshot(page, '03-dragged');

      const pin = await eventually(
        'the pin to be saved',
        async () => {
          const saved = (await graph()).people.find((p) => p.id === grab.id);
          return saved?.layoutX != null && saved.layoutY != null ? { x: saved.layoutX, y: saved.layoutY } : undefined;
        },
        15_000
      );
      // Where the mouse let go, in map units: the person's centre is there, give or take the
      // distance between their centre and the point grabbed (their radius, at most ~40 units).
      const dropped = {
        x: (grab.x + delta.x - box.x - zoom.x) / zoom.k,
        y: (grab.y + delta.y - box.y - zoom.y) / zoom.k,
      };
      const grabbed = { x: (grab.x - box.x - zoom.x) / zoom.k, y: (grab.y - box.y - zoom.y) / zoom.k };
      const offDrop = Math.hypot(pin.x - dropped.x, pin.y - dropped.y);
      const moved = Math.hypot(pin.x - grabbed.x, pin.y - grabbed.y);
      assert.ok(offDrop < 45, `pinned where dropped (${offDrop.toFixed(1)} units off)`);
      assert.ok(moved > Math.hypot(delta.x, delta.y) / zoom.k - 45, `moved ${moved.toFixed(1)} units`);

      // Pinned: after the layout had time to move things, the person is still under the drop point.
      await page.waitForTimeout(1500);
      assert.equal(await personAt(page, grab.x + delta.x, grab.y + delta.y), grab.id, 'a pinned person stays put');

      assert.deepEqual(await problemsOf(page, watch), []);
      await page.close();
    }
  );
});
