/**
 * Names on the map never overlap, at a laptop's 1280×720: on the sample's enterprise map (48
 * people, drawn as SVG) and on a generated map of 200 people (painted on a canvas), each once its
 * layout has settled at the fit zoom. Every name shown is 12 px or larger on screen.
 *
 * SVG maps are read from their name elements (those displayed); canvas maps from what the page
 * actually paints: an init script wraps the paint canvas's fillText and records each name's box
 * in screen pixels (measured by the same canvas, through its transform). So both checks see what
 * a rep sees, not what the placement meant to do. Screenshots of each map go to
 * .test-output/screenshots/labels-*.png.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MapSummary } from '../../shared/controllerTypes.ts';
import {
  SCREENSHOT_DIR,
  eventually,
  nodeSelector,
  openPreview,
  problemsOf,
  waitForSettledGraph,
  type Preview,
  LAPTOP,
} from './harness.ts';

const GRAPH = 'c-relationship-map-graph';
const SYNTHETIC_PEOPLE = 200;
const TEST_TIMEOUT = { timeout: 180_000 };

/** A name as drawn: its text, its box on screen and its font size on screen (px). */
interface DrawnName {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  px: number;
}

/** What the page code below sees of a canvas and an SVG text element (the scripts have no DOM types). */
interface PaintContext {
  canvas: { classList: { contains(name: string): boolean }; width: number; clientWidth: number };
  font: string;
  textAlign: string;
  textBaseline: string;
  measureText(text: string): { width: number; actualBoundingBoxAscent: number; actualBoundingBoxDescent: number };
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
}
interface PageGlobals {
  __paintedNames?: DrawnName[];
  CanvasRenderingContext2D: {
    prototype: {
      fillText: (this: PaintContext, text: string, x: number, y: number) => void;
      fillRect: (this: PaintContext, x: number, y: number, w: number, h: number) => void;
    };
  };
}
interface LabelElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number };
  getScreenCTM(): { a: number } | null;
}

let preview: Preview;
let sampleAccountId: string;
let syntheticAccountId: string;

before(async () => {
  preview = await openPreview({ name: 'labels', synthetic: { people: SYNTHETIC_PEOPLE } });
  const accounts = preview.backend.accounts();
  const sample = accounts.find((a) => a.mapCount > 0 && !a.name.includes('Synthetic'));
  const synthetic = accounts.find((a) => a.name.includes('Synthetic'));
  assert.ok(sample && synthetic, 'the sample enterprise account and the generated one are in the store');
  sampleAccountId = sample.id;
  syntheticAccountId = synthetic.id;
});

after(async () => {
  await preview?.close();
});

/**
 * Records, on the page, every name the paint canvas draws (a fillText with the alphabetic
 * baseline: stance letters are centred, badge marks are "!"), in screen px; the list starts again
 * with each full repaint (the white background filled from the top left).
 */
async function recordPaintedNames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as PageGlobals;
    const proto = w.CanvasRenderingContext2D.prototype;
    const fillText = proto.fillText;
    const fillRect = proto.fillRect;
    proto.fillRect = function (x, y, width, height) {
      if (this.canvas.classList?.contains('rmg-paint') && x === 0 && y === 0 && width >= this.canvas.width) {
        w.__paintedNames = [];
      }
      fillRect.call(this, x, y, width, height);
    };
    proto.fillText = function (text, x, y) {
      if (this.canvas.classList?.contains('rmg-paint') && this.textBaseline === 'alphabetic' && text !== '!') {
        const t = this.getTransform();
        // Canvas pixels per CSS pixel (the canvas is sharper than the screen on HiDPI).
        const ratio = this.canvas.width / Math.max(1, this.canvas.clientWidth);
        const m = this.measureText(text);
        const left = this.textAlign === 'left' ? 0 : this.textAlign === 'right' ? -m.width : -m.width / 2;
        // Inline arithmetic, no helper functions: tsx names functions with a helper the page lacks.
        const ax = x + left;
        const ay = y - m.actualBoundingBoxAscent;
        const bx = x + left + m.width;
        const by = y + m.actualBoundingBoxDescent;
        const x0 = (t.a * ax + t.c * ay + t.e) / ratio;
        const y0 = (t.b * ax + t.d * ay + t.f) / ratio;
        const x1 = (t.a * bx + t.c * by + t.e) / ratio;
        const y1 = (t.b * bx + t.d * by + t.f) / ratio;
        const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
        (w.__paintedNames ??= []).push({ text, x0, y0, x1, y1, px: (size * t.a) / ratio });
      }
      fillText.call(this, text, x, y);
    };
  });
}

/** The names an SVG map shows (display not none), with their boxes and sizes on screen. */
function svgNames(page: Page): Promise<DrawnName[]> {
  return page.locator(`${GRAPH} .rmg-label`).evaluateAll((labels: LabelElement[]) =>
    labels
      .filter((l) => l.getAttribute('display') !== 'none' && (l.textContent ?? '') !== '')
      .map((l) => {
        const box = l.getBoundingClientRect();
        const size = Number(l.getAttribute('font-size') ?? 0);
        return {
          text: l.textContent ?? '',
          x0: box.left,
          y0: box.top,
          x1: box.right,
          y1: box.bottom,
          px: size * (l.getScreenCTM()?.a ?? 1),
        };
      })
  );
}

/** Pairs of names whose boxes intersect (touching edges do not count). */
function overlapping(names: readonly DrawnName[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i];
      const b = names[j];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) pairs.push(`${a.text} / ${b.text}`);
    }
  }
  return pairs;
}

/** Opens an account's map at 1280×720 with the graph scrolled into view, settled. */
async function openSettled(accountId: string, canvas: boolean): Promise<Awaited<ReturnType<Preview['open']>>> {
  const opened = await preview.open();
  await opened.page.setViewportSize(LAPTOP);
  if (canvas) await recordPaintedNames(opened.page);
  const maps = (await preview.backend.invoke('getMapsForAccount', { accountId })) as MapSummary[];
  assert.ok(maps.length > 0, 'the account has a map');
  await opened.page.goto(`${preview.url}?account=${accountId}`);
  await waitForSettledGraph(opened.page, { scrollIntoView: true });
  return opened;
}

describe('names on the map at 1280×720', () => {
  test(
    'the 48-person sample map shows its names without any two overlapping, at 12 px or more',
    TEST_TIMEOUT,
    async () => {
      const { page, watch } = await openSettled(sampleAccountId, false);
      const people = await page.locator(nodeSelector()).count();
      assert.ok(people >= 40, `the sample map is drawn (${people} people)`);
      assert.equal(await page.locator(`${GRAPH} canvas.rmg-paint`).count(), 0, 'a map this size is drawn as SVG');
      const names = await eventually('names placed', async () => {
        const shown = await svgNames(page);
        return shown.length > 0 ? shown : undefined;
      });
      await page.locator(GRAPH).screenshot({ path: path.join(SCREENSHOT_DIR, 'labels-sample-map.png') });
      await preview.screenshot(page, 'sample-page');
      assert.deepEqual(overlapping(names), [], 'no two names shown on the map overlap');
      const small = names.filter((n) => n.px < 11.99).map((n) => `${n.text} (${n.px.toFixed(1)} px)`);
      assert.deepEqual(small, [], 'every name shown is at least 12 px on screen');
      // Most people keep their names on a map this size.
      assert.ok(names.length >= people * 0.6, `${names.length} of ${people} names shown`);
      // A person whose name had no room shows it while pointed at.
      // (Names are drawn in their own layer, one per person by data-id, not inside the person's button.)
      const hiddenId = await page
        .locator(`${GRAPH} .rmg-label[display="none"]`)
        .evaluateAll((labels: LabelElement[]) => labels[0]?.getAttribute('data-id') ?? null);
      if (hiddenId) {
        await page.locator(nodeSelector(hiddenId)).hover();
        await eventually('the hidden name shown on hover', async () =>
          (await page.locator(`${GRAPH} .rmg-label[data-id="${hiddenId}"]`).getAttribute('display')) === null
            ? true
            : undefined
        );
      }
      assert.deepEqual(await problemsOf(page, watch), []);
      await page.close();
    }
  );

  test(
    `a generated map of ${SYNTHETIC_PEOPLE} people, at the fit zoom, paints names that never overlap, at 12 px or more`,
    TEST_TIMEOUT,
    async () => {
      const { page, watch } = await openSettled(syntheticAccountId, true);
      assert.equal(
        await page.locator(`${GRAPH} canvas.rmg-paint`).count(),
        1,
        'a map this size is painted on a canvas'
      );
      const painted = () =>
        page.evaluate((): DrawnName[] => (globalThis as unknown as PageGlobals).__paintedNames ?? []);
      const names = await eventually('names painted', async () => {
        const list = await painted();
        return list.length > 0 ? list : undefined;
      });
      await page.locator(GRAPH).screenshot({ path: path.join(SCREENSHOT_DIR, 'labels-200-people.png') });
      assert.deepEqual(overlapping(names), [], 'no two names painted on the map overlap');
      const small = names.filter((n) => n.px < 11.99).map((n) => `${n.text} (${n.px.toFixed(1)} px)`);
      assert.deepEqual(small, [], 'every name painted is at least 12 px on screen');
      assert.ok(names.length >= 20, `a good share of the names is shown (${names.length} of ${SYNTHETIC_PEOPLE})`);
      assert.deepEqual(await problemsOf(page, watch), []);
      await page.close();
    }
  );
});
