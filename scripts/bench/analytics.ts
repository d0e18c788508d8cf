/**
 * The analytics benchmark (Node): every relationship analytic of c/relationshipGraph — the same
 * compiled JavaScript the component ships — on generated maps, each the median of several runs
 * after warm-up, in milliseconds.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../shared/project.mjs';
import { median } from './stats.ts';
import { generatedEvidence, generatedMap } from './maps.ts';

const LWC = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');
const MODULE = path.join(LWC, 'relationshipGraph', 'relationshipGraph.js');
/** The map container's model: computeInsights is exactly what the map runs on load and after each edit. */
const MAP_MODEL = path.join(LWC, 'relationshipMap', 'mapModel.js');

/** All analytics of a 5,000-person map must take at most this long (issue 9). */
export const ANALYTICS_BUDGET_MS = 100;
export const ANALYTICS_BUDGET_SIZE = 5000;

/**
 * Stage key and column title, in table order. TOTAL is the map's load; `whatIf` and `matrix` are
 * on-demand analytics of the module (no map view runs them): timed, not in the total. `evidence`
 * (issue 17) is the evidence step on what getEvidence answers for 20 activities a person (100,000
 * at 5,000 people; at most 2,000 buckets per query); `evidenceAll` the same on every bucket, a
 * stress case the controller never sends.
 */
export const ANALYTICS_COLUMNS: readonly (readonly [string, string])[] = [
  ['prepare', 'validate+graph'],
  ['influence', 'influence'],
  ['paths', 'warm paths'],
  ['coverage', 'coverage'],
  ['health', 'health'],
  ['goals', 'goals'],
  ['evidence', 'evidence'],
  ['total', 'TOTAL'],
  ['whatIf', 'what-if*'],
  ['matrix', 'all-pairs*'],
  ['evidenceAll', 'evidence, all buckets*'],
];

export interface AnalyticsRow {
  people: number;
  links: number;
  /** Calls, meetings and emails in the map's evidence (20 a person), and the buckets they make (before the controller's limit). */
  activities?: number;
  buckets?: number;
  decisionMakers: number;
  /** Stage key → median ms. */
  ms: Record<string, number>;
  note: string;
}

/* The compiled module's API, as far as the benchmark uses it. */
interface PersonInfluence {
  personId: string;
  decisionInfluence: number;
}
interface Analysis {
  influence: { people: PersonInfluence[]; decisionMakerIds: string[] };
  warmPaths: unknown;
  coverage: unknown;
  health: { score: number };
}
interface Prepared {
  people: { id: string; isOurs: boolean }[];
  index: Map<string, number>;
  links: unknown[];
  issues: unknown[];
}
interface Analytics {
  prepareMap(input: unknown, options: unknown): Prepared;
  analyzePrepared(map: Prepared): Analysis;
  computeInfluence(map: Prepared): unknown;
  influenceMatrix(map: Prepared): { value: unknown[] };
  findWarmPaths(map: Prepared): unknown;
  findCoverageGaps(map: Prepared, paths: unknown): unknown;
  computeHealth(map: Prepared, coverage: unknown): unknown;
  planGoalEffects(map: Prepared, influence: unknown): unknown;
  whatIfRemoved(map: Prepared, personId: string, baseline: Analysis): unknown;
  withEvidence(map: Prepared, evidence: unknown): Prepared;
  analyzeEvidence(map: Prepared): { ties: unknown[]; personSuggestions: unknown[]; linkSuggestions: unknown[] };
}
interface MapModel {
  DEFAULT_SETTINGS: { decay: number; staleDays: number; height: number };
  computeInsights(people: unknown, links: unknown, settings: unknown, now: Date, evidence?: unknown): unknown;
}

/** Median time of `fn` in ms, after `warmup` untimed calls. */
export function time(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function benchAnalytics(sizes: readonly number[], runs: number, warmup: number): Promise<AnalyticsRow[]> {
  const rg = (await import(pathToFileURL(MODULE).href)) as Analytics;
  const model = (await import(pathToFileURL(MAP_MODEL).href)) as MapModel;
  const rows: AnalyticsRow[] = [];
  for (const n of sizes) {
    const { people, links, now } = generatedMap(n);
    const input = { people, links };
    // Issue 17: a year of activity, 20 activities a person (100,000 at 5,000 people), bucketed as
    // getEvidence answers (2,000 buckets a query at most), and every bucket (stress).
    const evidence = generatedEvidence(people);
    const everyBucket = generatedEvidence(people, undefined, null);
    const options = { now };
    const map = rg.prepareMap(input, options);
    const baseline = rg.analyzePrepared(map);
    // What-if removes the customer with the most influence over the decision.
    const mostInfluential = [...baseline.influence.people]
      .filter((p) => !map.people[map.index.get(p.personId) ?? 0].isOurs)
      .sort((a, b) => b.decisionInfluence - a.decisionInfluence)[0];
    const ms: Record<string, number> = {
      prepare: time(() => rg.prepareMap(input, options), runs, warmup),
      influence: time(() => rg.computeInfluence(map), runs, warmup),
      matrix: time(() => rg.influenceMatrix(map), runs, warmup),
      paths: time(() => rg.findWarmPaths(map), runs, warmup),
      coverage: time(() => rg.findCoverageGaps(map, baseline.warmPaths), runs, warmup),
      health: time(() => rg.computeHealth(map, baseline.coverage), runs, warmup),
      goals: time(() => rg.planGoalEffects(map, baseline.influence), runs, warmup),
      whatIf: time(() => rg.whatIfRemoved(map, mostInfluential.personId, baseline), runs, warmup),
      // Reading the buckets into ties, each person's latest activity, the Relationship links the
      // ties stand for in coverage and warm paths, and the suggestions.
      evidence: time(() => rg.analyzeEvidence(rg.withEvidence(map, evidence)), runs, warmup),
      evidenceAll: time(() => rg.analyzeEvidence(rg.withEvidence(map, everyBucket)), runs, warmup),
    };
    const evidenceResult = rg.analyzeEvidence(rg.withEvidence(map, evidence));
    // What the map computes when it loads (and after each edit), end to end: the container's own
    // computeInsights — validate and build the graph, every analytic, node sizes and flags — with
    // the evidence loaded (the map computes again once getEvidence answers: the dearer of the two).
    const at = new Date(now);
    const loaded = { data: evidence, countsAsRelationship: true };
    ms.total = time(() => model.computeInsights(people, links, model.DEFAULT_SETTINGS, at, loaded), runs, warmup);
    rows.push({
      people: n,
      links: links.length,
      decisionMakers: baseline.influence.decisionMakerIds.length,
      activities: evidence.activities,
      buckets: everyBucket.buckets.length,
      ms,
      note:
        `${n} people: ${map.links.length} usable links, ${map.issues.length} validation issues, ${rg.influenceMatrix(map).value.length} influence pairs above epsilon, health ${baseline.health.score}; ` +
        `evidence: ${evidence.activities} activities in ${everyBucket.buckets.length} buckets, ${evidence.buckets.length} of them sent${evidence.truncated ? ' (truncated)' : ''}: ` +
        `${evidenceResult.ties.length} ties, ${evidenceResult.linkSuggestions.length} link and ${evidenceResult.personSuggestions.length} person suggestions`,
    });
  }
  return rows;
}
