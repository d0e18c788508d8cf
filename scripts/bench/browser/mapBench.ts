/**
 * The map benchmark: our component and the baseline, cold (no saved positions) and warm (saved
 * positions), each size several times on fresh pages, interleaved so that both see the same
 * machine; medians of the times, the worst long task of all runs, and the layout quality of the
 * cold layouts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchMap, withSavedPositions } from '../maps.ts';
import { layoutQuality } from '../quality.ts';
import type { LayoutQuality } from '../quality.ts';
import { median } from '../stats.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import type { BenchBrowser, MapInput, MapRun, Variant } from './chromium.ts';

export type StartMode = 'cold' | 'warm';

export interface MapSummary {
  size: number;
  mode: StartMode;
  variant: Variant;
  runs: number;
  /** Medians over the runs. */
  firstPaintMs: number;
  settledMs: number;
  frames: number;
  /** The worst over the runs: a target about "any task" is about the worst one. */
  longestTaskMs: number;
  longestAnimationFrameMs: number;
  longestFrameGapMs: number;
  /** Runs that did not settle in time (their settled time is the time limit). */
  timedOut: number;
  /** Medians over the runs (cold layouts only). */
  quality: LayoutQuality | null;
}

export interface MapBenchOptions {
  sizes: readonly number[];
  runs: number;
  /** Per run, ms: a run that takes longer is reported as timed out. */
  timeoutMs: number;
  log: (line: string) => void;
}

type NodeRadius = (decisionInfluence: number) => number;

const THEME = path.join(
  REPO_ROOT,
  'force-app',
  'main',
  'default',
  'lwc',
  'relationshipMapTheme',
  'relationshipMapTheme.js'
);
/** The baseline draws every person as a circle of this radius. */
const BASELINE_RADIUS = 8;

/** Quality of the layout a run ended with. */
function qualityOf(run: MapRun, input: MapInput, variant: Variant, nodeRadius: NodeRadius): LayoutQuality {
  const index = new Map<string, number>();
  const points = run.positions.map((p, i) => {
    index.set(p.id, i);
    return { x: p.x, y: p.y };
  });
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const link of input.links) {
    const a = index.get(String(link.fromId));
    const b = index.get(String(link.toId));
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b]);
  }
  const radii = run.positions.map((p) =>
    variant === 'ours' ? nodeRadius(input.decisionInfluence[p.id] ?? 0) : BASELINE_RADIUS
  );
  return layoutQuality(points, edges, radii);
}

function summarize(
  size: number,
  mode: StartMode,
  variant: Variant,
  runs: readonly MapRun[],
  qualities: readonly LayoutQuality[]
): MapSummary {
  const medianOf = (pick: (r: MapRun) => number) => median(runs.map(pick));
  const worst = (pick: (r: MapRun) => number) => Math.max(...runs.map(pick));
  const qualityMedian = (pick: (q: LayoutQuality) => number) => median(qualities.map(pick));
  return {
    size,
    mode,
    variant,
    runs: runs.length,
    firstPaintMs: medianOf((r) => r.firstPaintMs),
    settledMs: medianOf((r) => r.settledMs),
    frames: medianOf((r) => r.frames),
    longestTaskMs: worst((r) => r.longestTaskMs),
    longestAnimationFrameMs: worst((r) => r.longestAnimationFrameMs),
    longestFrameGapMs: worst((r) => r.longestFrameGapMs),
    timedOut: runs.filter((r) => r.timedOut).length,
    quality:
      qualities.length === 0
        ? null
        : {
            stress: qualityMedian((q) => q.stress),
            crossingsPercent: qualityMedian((q) => q.crossingsPercent),
            linkLength: qualityMedian((q) => q.linkLength),
            overlapsPer100: qualityMedian((q) => q.overlapsPer100),
          },
  };
}

export async function benchMaps(browser: BenchBrowser, options: MapBenchOptions): Promise<MapSummary[]> {
  const { nodeRadius } = (await import(pathToFileURL(THEME).href)) as { nodeRadius: NodeRadius };
  const summaries: MapSummary[] = [];
  const variants: Variant[] = ['ours', 'baseline'];
  for (const size of options.sizes) {
    const cold = await benchMap(size);
    const results = new Map<string, { runs: MapRun[]; qualities: LayoutQuality[] }>();
    const record = (mode: StartMode, variant: Variant, run: MapRun, input: MapInput) => {
      const key = `${mode}|${variant}`;
      const entry = results.get(key) ?? { runs: [], qualities: [] };
      entry.runs.push(run);
      if (mode === 'cold') entry.qualities.push(qualityOf(run, input, variant, nodeRadius));
      results.set(key, entry);
      options.log(
        `  ${size} people, ${mode}, ${variant}: first paint ${run.firstPaintMs.toFixed(0)} ms, settled ${run.settledMs.toFixed(0)} ms${run.timedOut ? ' (timed out)' : ''}, longest task ${run.longestTaskMs.toFixed(0)} ms, ${run.frames} frames`
      );
    };
    let warm: MapInput | null = null;
    for (let r = 0; r < options.runs; r++) {
      for (const variant of variants) {
        const run = await browser.measure(variant, cold, options.timeoutMs);
        record('cold', variant, run, cold);
        // The saved positions of the warm runs: where our first cold layout put everyone.
        if (!warm && variant === 'ours') {
          warm = withSavedPositions(cold, new Map(run.positions.map((p) => [p.id, { x: p.x, y: p.y }])));
        }
      }
    }
    for (let r = 0; r < options.runs; r++) {
      for (const variant of variants)
        record('warm', variant, await browser.measure(variant, warm ?? cold, options.timeoutMs), warm ?? cold);
    }
    for (const mode of ['cold', 'warm'] as const) {
      for (const variant of variants) {
        const entry = results.get(`${mode}|${variant}`);
        if (entry) summaries.push(summarize(size, mode, variant, entry.runs, entry.qualities));
      }
    }
  }
  return summaries;
}
