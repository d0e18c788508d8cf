/**
 * The map benchmark: our component and the baseline, cold (no saved positions) and warm (saved
 * positions), each size several times on fresh pages, interleaved so that both see the same
 * machine; medians of the times, the worst long task of all runs, and the layout quality of the
 * cold layouts.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchMap, withSavedPositions } from '../maps.ts';
import { layoutQuality, nameQuality } from '../quality.ts';
import type { LayoutQuality, NameQuality, Point } from '../quality.ts';
import {
  estimateWidth,
  fitScale,
  labelPriority,
  placeLabels,
} from '../../../force-app/main/default/lwc/relationshipMapGraph/labels.ts';
import type { LabelBox } from '../../../force-app/main/default/lwc/relationshipMapGraph/labels.ts';
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
/** The baseline's names: 11 px, centred, baseline 20 px below the centre, at its 1:1 scale. */
const BASELINE_NAME = { px: 11, below: 20 };
/** The view names are judged in: a laptop's map area, at the fit zoom (as viewport.ts fits). */
const NAME_VIEW = { width: 1200, height: 600, padding: 24, maxScale: 2.5, minScale: 0.05 };
/** A decision maker's double ring reaches this far beyond their shape. */
const RING_GAP = 6;

const nameOf = (person: Record<string, unknown> | undefined): string =>
  typeof person?.name === 'string' && person.name.trim() !== '' ? person.name.trim() : 'Unnamed person';

/**
 * Names as each variant shows them: ours placed by labels.ts at the fit zoom of a 1280×720
 * laptop's map area (widths estimated, the same placement the component makes with measured
 * ones); the baseline's every name below its circle.
 */
function namesOf(
  points: readonly Point[],
  people: readonly (Record<string, unknown> | undefined)[],
  reach: readonly number[],
  influence: readonly number[],
  variant: Variant
): NameQuality {
  if (variant === 'baseline') {
    const boxes: LabelBox[] = points.map((p, i) => {
      const half = estimateWidth(nameOf(people[i]), BASELINE_NAME.px, false) / 2;
      const baseline = p.y + BASELINE_NAME.below;
      return {
        x0: p.x - half,
        y0: baseline - 0.93 * BASELINE_NAME.px,
        x1: p.x + half,
        y1: baseline + 0.24 * BASELINE_NAME.px,
      };
    });
    return nameQuality(boxes, points.length);
  }
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  points.forEach((p, i) => {
    box.x0 = Math.min(box.x0, p.x - reach[i]);
    box.y0 = Math.min(box.y0, p.y - reach[i]);
    box.x1 = Math.max(box.x1, p.x + reach[i]);
    box.y1 = Math.max(box.y1, p.y + reach[i]);
  });
  const widestEm = Math.max(0, ...people.map((p) => estimateWidth(nameOf(p), 1, false)));
  const { width, height, padding, maxScale, minScale } = NAME_VIEW;
  const scale = fitScale(box, width, height, widestEm, padding, maxScale, minScale);
  const layout = placeLabels(
    points.map((p, i) => {
      const decisionMaker = people[i]?.isDecisionMaker === true;
      return {
        id: String(i),
        x: p.x,
        y: p.y,
        reach: reach[i],
        text: nameOf(people[i]),
        bold: false,
        priority: labelPriority({ emphasised: false, neighbour: false, decisionMaker }, influence[i]),
        keep: decisionMaker,
      };
    }),
    { scale, measure: estimateWidth }
  );
  const shown = [...layout.byId.values()].filter((l) => !l.hidden).map((l) => l.box);
  return nameQuality(shown, points.length);
}

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
  const peopleById = new Map(input.people.map((p) => [String(p.id), p]));
  const people = run.positions.map((p) => peopleById.get(p.id));
  const reach = radii.map((r, i) => r + (people[i]?.isDecisionMaker === true ? RING_GAP : 0));
  const influence = run.positions.map((p) => input.decisionInfluence[p.id] ?? 0);
  return layoutQuality(points, edges, radii, namesOf(points, people, reach, influence, variant));
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
            labelOverlapsPer100: qualityMedian((q) => q.labelOverlapsPer100),
            namesShownPercent: qualityMedian((q) => q.namesShownPercent),
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
