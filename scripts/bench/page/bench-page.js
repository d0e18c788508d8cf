// @ts-check
/**
 * The benchmark page (runs in headless Chromium; bundled by scripts/bench/browser/build.ts).
 *
 * `window.benchmark.run(config)` mounts ONE map and measures it, the same way for our component
 * and for the baseline:
 * - first paint: from mounting until a frame showing the people has been rendered (the first
 *   animation frame in which they are in the DOM, plus the rendering of that frame);
 * - settled: until the layout stops moving (ours: the layout loop asks for no further frame;
 *   the baseline: d3's `end` event), again including the rendering of that last frame;
 * - longest main-thread task while settling: PerformanceObserver 'longtask' (tasks over 50 ms)
 *   and 'long-animation-frame', and our own frame timing (the longest gap between frames);
 * - frames painted while settling: animation frames between mounting and settling.
 * Then it returns where everyone ended up, for the layout-quality figures.
 *
 * Mounting runs in a page task (setTimeout), not inside the DevTools call that started it, so
 * that the browser reports its long tasks like any other; after a warm-up (see warmUp).
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import RelationshipMapGraph from 'c/relationshipMapGraph';
import { BROWSER_FRAMES, setFrameScheduler } from '../../../force-app/main/default/lwc/relationshipMapGraph/layout';
import { mountBaseline } from './baseline.js';

/** @typedef {{ start: number, duration: number }} Span */
/** @typedef {{ id: string, x: number, y: number }} Position */

/** @type {Span[]} */
const longTasks = [];
/** @type {Span[]} */
const longFrames = [];
for (const [type, list] of /** @type {const} */ ([
  ['longtask', longTasks],
  ['long-animation-frame', longFrames],
])) {
  if (PerformanceObserver.supportedEntryTypes.includes(type)) {
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) list.push({ start: e.startTime, duration: e.duration });
    }).observe({ type, buffered: true });
  }
}

/** Resolves after the current frame has been rendered: a message posted now is handled after it. */
function afterRendering() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
}

/**
 * Layout frames of our component, counted: the component takes its frames from layout.ts's
 * scheduler, so wrapping the browser's one tells us when the loop stops asking for frames.
 */
class WatchedFrames {
  constructor() {
    this.pending = 0;
    this.frames = 0;
    /** Start (ms) and duration of each frame callback of the component, for diagnosis. */
    /** @type {{ start: number, duration: number }[]} */
    this.callbacks = [];
    /** @type {(() => void) | null} */
    this.onIdle = null;
  }
  /** @param {() => void} callback */
  requestFrame(callback) {
    this.pending++;
    return BROWSER_FRAMES.requestFrame(() => {
      this.pending--;
      this.frames++;
      const start = performance.now();
      callback();
      this.callbacks.push({ start, duration: performance.now() - start });
      if (this.pending === 0) this.onIdle?.();
    });
  }
  /** @param {number} handle */
  cancelFrame(handle) {
    this.pending--;
    BROWSER_FRAMES.cancelFrame(handle);
  }
  now() {
    return performance.now();
  }
}

/** People in the warm-up map: enough for the same drawing (SVG or canvas) as most measured maps. */
const WARM_UP_PEOPLE = 400;
const WARM_UP_MS = 600;

/**
 * Mounts a smaller map of the same people for a moment and removes it, so that the measured
 * mount finds the engine and the code loaded and compiled, as a map opened in a running Lightning
 * app does — not the first script run of a fresh page.
 * @param {RunConfig} config
 * @param {HTMLElement} stage
 */
async function warmUp(config, stage) {
  const people = config.people.slice(0, WARM_UP_PEOPLE);
  const ids = new Set(people.map((p) => /** @type {{ id: string }} */ (p).id));
  const links = config.links.filter((l) => {
    const link = /** @type {{ fromId: string, toId: string }} */ (l);
    return ids.has(link.fromId) && ids.has(link.toId);
  });
  const wait = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
  if (config.variant === 'ours') {
    const element = createElement('c-relationship-map-graph', { is: RelationshipMapGraph });
    Object.assign(element, { people, links, decisionInfluence: config.decisionInfluence, flags: config.flags });
    stage.appendChild(element);
    await wait(WARM_UP_MS);
    stage.removeChild(element);
  } else {
    const baseline = mountBaseline(stage, people, links, () => undefined);
    await wait(WARM_UP_MS);
    baseline.remove();
  }
}

/**
 * @typedef {object} RunConfig
 * @property {'ours' | 'baseline'} variant
 * @property {object[]} people
 * @property {object[]} links
 * @property {Record<string, number>} decisionInfluence
 * @property {Record<string, string[]>} flags
 * @property {number} timeoutMs give up (and say so) after this long
 */

/**
 * @typedef {object} RunResult
 * @property {number} firstPaintMs
 * @property {number} settledMs
 * @property {number} longestTaskMs longest 'longtask' entry between mounting and settling (0: none over 50 ms)
 * @property {{ startMs: number, durationMs: number }[]} longTasks every task over 50 ms in that time (start from mounting)
 * @property {{ startMs: number, durationMs: number }[]} slowCallbacks our component's frame callbacks over 16 ms (for diagnosis)
 * @property {number} longestAnimationFrameMs longest 'long-animation-frame' entry in that time (0: none over 50 ms)
 * @property {number} longestFrameGapMs longest time between two animation frames in that time
 * @property {number} frames animation frames rendered between mounting and settling
 * @property {number} layoutFrames frames in which the layout ran (ours) or ticks drawn (baseline)
 * @property {number} domNodes elements in the drawing
 * @property {boolean} timedOut
 * @property {Position[]} positions
 */

/**
 * @param {RunConfig} config
 * @returns {Promise<RunResult>}
 */
async function run(config) {
  const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
  await warmUp(config, stage);
  await new Promise((resolve) => setTimeout(resolve, 100));
  /** @type {number[]} */
  const frameTimes = [];
  let monitoring = true;
  const monitor = () => {
    frameTimes.push(performance.now());
    if (monitoring) requestAnimationFrame(monitor);
  };

  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        requestAnimationFrame(monitor);
        const t0 = performance.now();
        let firstPaint = -1;
        /** @type {() => boolean} */
        let isDrawn;
        /** @type {() => Position[]} */
        let positions;
        /** @type {() => number} */
        let layoutFrames;
        /** @type {() => number} */
        let domNodes;
        /** @type {() => { start: number, duration: number }[]} */
        let callbacks = () => [];
        let settledAt = -1;
        let idle = false;
        let finished = false;

        const finish = (/** @type {boolean} */ timedOut) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          monitoring = false;
          const end = timedOut ? performance.now() : Math.max(settledAt, firstPaint);
          const within = (/** @type {Span} */ s) => s.start + s.duration >= t0 && s.start <= end;
          const gaps = frameTimes
            .filter((t) => t >= t0 && t <= end)
            .map((t, i, all) => (i === 0 ? t - t0 : t - all[i - 1]));
          // Long-task entries arrive asynchronously: give the observers a moment.
          setTimeout(() => {
            resolve({
              firstPaintMs: firstPaint - t0,
              settledMs: end - t0,
              longestTaskMs: Math.max(0, ...longTasks.filter(within).map((s) => s.duration)),
              longTasks: longTasks
                .filter(within)
                .map((s) => ({ startMs: Math.round(s.start - t0), durationMs: Math.round(s.duration) })),
              slowCallbacks: callbacks()
                .filter((c) => c.duration > 16)
                .map((c) => ({ startMs: Math.round(c.start - t0), durationMs: Math.round(c.duration) })),
              longestAnimationFrameMs: Math.max(0, ...longFrames.filter(within).map((s) => s.duration)),
              longestFrameGapMs: Math.max(0, ...gaps),
              frames: frameTimes.filter((t) => t > t0 && t <= end).length,
              layoutFrames: layoutFrames(),
              domNodes: domNodes(),
              timedOut,
              positions: positions(),
            });
          }, 200);
        };
        const timer = setTimeout(() => finish(true), config.timeoutMs);
        const maybeFinish = () => {
          if (firstPaint >= 0 && settledAt >= 0) finish(false);
        };
        /** The layout has stopped: settled once that frame is rendered (and the first one was). */
        const onIdle = () => {
          idle = true;
          void afterRendering().then((t) => {
            settledAt = t;
            maybeFinish();
          });
        };
        const watchPaint = () => {
          if (!isDrawn()) {
            requestAnimationFrame(watchPaint);
            return;
          }
          void afterRendering().then((t) => {
            firstPaint = t;
            maybeFinish();
          });
        };

        if (config.variant === 'ours') {
          const frames = new WatchedFrames();
          frames.onIdle = onIdle;
          setFrameScheduler(frames);
          const element = createElement('c-relationship-map-graph', { is: RelationshipMapGraph });
          Object.assign(element, {
            people: config.people,
            links: config.links,
            decisionInfluence: config.decisionInfluence,
            flags: config.flags,
          });
          stage.appendChild(element);
          const root = () => /** @type {ShadowRoot} */ (element.shadowRoot);
          // SVG (small maps): the people's shapes are in the DOM. Canvas: the component paints in
          // its first frame (the layout's, or a paint of its own when nothing moves).
          isDrawn = () =>
            root().querySelector('.rmg-shape') !== null ||
            (root().querySelector('canvas.rmg-paint') !== null && frames.frames > 0);
          layoutFrames = () => frames.frames;
          callbacks = () => frames.callbacks;
          domNodes = () => root().querySelectorAll('svg *').length;
          positions = () =>
            Array.from(root().querySelectorAll('g.rmg-node')).map((g) => {
              const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
              return { id: g.getAttribute('data-id') ?? '', x: Number(match?.[1]), y: Number(match?.[2]) };
            });
          // The component asks for its first layout frame while mounting, or never (all pinned).
          void Promise.resolve().then(() => {
            if (frames.pending === 0 && !idle) onIdle();
          });
        } else {
          const baseline = mountBaseline(stage, config.people, config.links, onIdle);
          isDrawn = () => baseline.ticks > 0;
          layoutFrames = () => baseline.ticks;
          domNodes = () => stage.querySelectorAll('svg *').length;
          positions = baseline.positions;
        }
        requestAnimationFrame(watchPaint);
      } catch (error) {
        reject(error);
      }
    }, 0);
  });
}

Object.assign(window, { benchmark: { run } });
