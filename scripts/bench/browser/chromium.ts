/**
 * Headless Chromium for the map benchmark (scripts/shared/chromium.ts, as the browser tests use it) with a
 * fresh profile, serving the bundled benchmark page from memory (no server, no port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../../shared/chromium.ts';
import type { BenchPage } from './build.ts';

const ORIGIN = 'http://bench.localhost';

export type Variant = 'ours' | 'baseline';

/** What the page gets: people and links as the container passes them, with its analytics. */
export interface MapInput {
  people: Record<string, unknown>[];
  links: Record<string, unknown>[];
  decisionInfluence: Record<string, number>;
  flags: Record<string, string[]>;
}

export interface Position {
  id: string;
  x: number;
  y: number;
}

/** One mount of one map, as bench-page.js measures it (times in ms from mounting). */
export interface MapRun {
  firstPaintMs: number;
  settledMs: number;
  longestTaskMs: number;
  /** Every task over 50 ms between mounting and settling: start from mounting, duration. */
  longTasks: { startMs: number; durationMs: number }[];
  /** Our component's frame callbacks over 16 ms, the same way (diagnosis; empty for the baseline). */
  slowCallbacks: { startMs: number; durationMs: number }[];
  longestAnimationFrameMs: number;
  longestFrameGapMs: number;
  frames: number;
  layoutFrames: number;
  domNodes: number;
  timedOut: boolean;
  positions: Position[];
}

export interface BenchBrowser {
  version: string;
  /** Mounts the map on a fresh page and measures it. */
  measure(variant: Variant, input: MapInput, timeoutMs: number): Promise<MapRun>;
  close(): Promise<void>;
}

export async function openBrowser(page: BenchPage): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'rm-bench-profile-'));
  let context: BrowserContext;
  try {
    context = await launchChromium(profile, { width: 1280, height: 900 });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/' || url.pathname === '/index.html') {
      await route.fulfill({ contentType: 'text/html', body: page.html });
    } else if (url.pathname === '/bench.js') {
      await route.fulfill({ contentType: 'text/javascript', body: page.script });
    } else {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const version = context.browser()?.version() ?? 'unknown';
  return {
    version,
    async measure(variant, input, timeoutMs) {
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      try {
        await tab.goto(`${ORIGIN}/`);
        await tab.waitForFunction(() => 'benchmark' in globalThis);
        const result = await tab.evaluate(
          (config) =>
            (globalThis as unknown as { benchmark: { run(c: typeof config): Promise<unknown> } }).benchmark.run(config),
          { variant, ...input, timeoutMs }
        );
        if (errors.length > 0) throw new Error(`The benchmark page failed: ${errors.join('; ')}`);
        return result as MapRun;
      } finally {
        await tab.close();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
