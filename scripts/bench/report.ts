/**
 * The benchmark's report: plain-text tables for the terminal and docs/benchmarks.md, both from
 * the same results. The targets are issue 9's; each is checked against the numbers of this run.
 */
import { ANALYTICS_BUDGET_MS, ANALYTICS_BUDGET_SIZE, ANALYTICS_COLUMNS } from './analytics.ts';
import type { AnalyticsRow } from './analytics.ts';
import type { ApexRulesResult, QueryAssertion } from './apex.ts';
import type { MapSummary, StartMode } from './browser/mapBench.ts';

export interface Machine {
  cpus: string;
  node: string;
  chromium: string;
  d3: string;
  lwc: string;
  date: string;
}

export interface BenchResults {
  machine: Machine;
  quick: boolean;
  runs: number;
  analyticsRuns: number;
  analytics: AnalyticsRow[];
  maps: MapSummary[];
  /** Why the map benchmark did not run, when it did not. */
  mapsSkipped: string | null;
  apexQueries: QueryAssertion[];
  apexRules: ApexRulesResult;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const LONG_TASK_MS = 50;
const FIRST_PAINT_MS = 100;
const SPEED_UP = 5;

/** A Markdown-style table (also readable in a terminal). */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[]
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (cell: string, i: number) =>
    (align?.[i] ?? 'r') === 'l' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]);
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => ((align?.[i] ?? 'r') === 'l' ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')}` : '–');
const taskMs = (value: number) => (value > 0 ? ms(value) : `<${LONG_TASK_MS}`);
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '–');
const people = (n: number) => n.toLocaleString('en-US');

function find(maps: readonly MapSummary[], size: number, mode: StartMode, variant: 'ours' | 'baseline') {
  return maps.find((m) => m.size === size && m.mode === mode && m.variant === variant);
}

/** Issue 9's targets against this run's numbers. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { maps } = results;
  for (const size of [1000, 2000]) {
    for (const mode of ['cold', 'warm'] as const) {
      const ours = find(maps, size, mode, 'ours');
      const baseline = find(maps, size, mode, 'baseline');
      if (!ours || !baseline) continue;
      const speedUp = baseline.settledMs / ours.settledMs;
      checks.push({
        target: `Settled ≥ ${SPEED_UP}× faster than the baseline, ${people(size)} people, ${mode}`,
        measured: `${ms(ours.settledMs)} ms vs ${ms(baseline.settledMs)} ms: ${ratio(speedUp)}`,
        met: speedUp >= SPEED_UP && ours.timedOut === 0,
      });
    }
  }
  const warm2000 = find(maps, 2000, 'warm', 'ours');
  if (warm2000) {
    checks.push({
      target: `First paint ≤ ${FIRST_PAINT_MS} ms, 2,000 people with saved positions`,
      measured: `${ms(warm2000.firstPaintMs)} ms`,
      met: warm2000.firstPaintMs <= FIRST_PAINT_MS,
    });
  }
  const ours = maps.filter((m) => m.variant === 'ours');
  if (ours.length > 0) {
    const worst = ours.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
    checks.push({
      target: `No main-thread task > ${LONG_TASK_MS} ms while settling, any size`,
      measured:
        worst.longestTaskMs > 0
          ? `longest ${ms(worst.longestTaskMs)} ms (${people(worst.size)} people, ${worst.mode})`
          : `none over ${LONG_TASK_MS} ms`,
      met: worst.longestTaskMs === 0 || worst.longestTaskMs <= LONG_TASK_MS,
    });
  }
  const analytics = results.analytics.find((r) => r.people === ANALYTICS_BUDGET_SIZE);
  if (analytics) {
    checks.push({
      target:
        `Analytics ≤ ${ANALYTICS_BUDGET_MS} ms, ${people(ANALYTICS_BUDGET_SIZE)} people / ${people(analytics.links)} links` +
        (analytics.activities !== undefined ? ` / ${people(analytics.activities)} activities` : ''),
      measured:
        `${analytics.ms.total.toFixed(1)} ms on load (computeInsights)` +
        (analytics.ms.whatIf !== undefined ? `; a what-if on demand: ${analytics.ms.whatIf.toFixed(1)} ms` : ''),
      met: analytics.ms.total <= ANALYTICS_BUDGET_MS,
    });
  }
  return checks;
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return table(
    ['Target (issue 9)', 'Measured', 'Met'],
    checks.map((c) => [c.target, c.measured, c.met ? 'yes' : 'NO']),
    ['l', 'l', 'l']
  );
}

export function mapTable(maps: readonly MapSummary[]): string {
  const rows: string[][] = [];
  const sizes = [...new Set(maps.map((m) => m.size))];
  for (const size of sizes) {
    for (const mode of ['cold', 'warm'] as const) {
      const ours = find(maps, size, mode, 'ours');
      const baseline = find(maps, size, mode, 'baseline');
      if (!ours || !baseline) continue;
      rows.push([
        people(size),
        mode,
        ms(ours.firstPaintMs),
        ms(baseline.firstPaintMs),
        `${ms(ours.settledMs)}${ours.timedOut ? '*' : ''}`,
        `${ms(baseline.settledMs)}${baseline.timedOut ? '*' : ''}`,
        ratio(baseline.settledMs / ours.settledMs),
        taskMs(ours.longestTaskMs),
        taskMs(baseline.longestTaskMs),
        ms(ours.longestFrameGapMs),
        ms(baseline.longestFrameGapMs),
        ms(ours.frames),
        ms(baseline.frames),
      ]);
    }
  }
  return table(
    [
      'people',
      'start',
      'first paint',
      'base first paint',
      'settled',
      'base settled',
      'speed-up',
      'longest task',
      'base longest task',
      'longest frame gap',
      'base frame gap',
      'frames',
      'base frames',
    ],
    rows,
    ['r', 'l']
  );
}

export function qualityTable(maps: readonly MapSummary[]): string {
  const rows: string[][] = [];
  for (const size of [...new Set(maps.map((m) => m.size))]) {
    const ours = find(maps, size, 'cold', 'ours')?.quality;
    const baseline = find(maps, size, 'cold', 'baseline')?.quality;
    if (!ours || !baseline) continue;
    rows.push([
      people(size),
      ours.stress.toFixed(3),
      baseline.stress.toFixed(3),
      ours.crossingsPercent.toFixed(2),
      baseline.crossingsPercent.toFixed(2),
      ours.linkLength.toFixed(2),
      baseline.linkLength.toFixed(2),
      ours.overlapsPer100.toFixed(1),
      baseline.overlapsPer100.toFixed(1),
      ours.labelOverlapsPer100.toFixed(1),
      baseline.labelOverlapsPer100.toFixed(1),
      ours.namesShownPercent.toFixed(0),
      baseline.namesShownPercent.toFixed(0),
    ]);
  }
  return table(
    [
      'people',
      'stress',
      'base stress',
      'crossings %',
      'base crossings %',
      'link length',
      'base link length',
      'overlaps /100',
      'base overlaps /100',
      'label overlaps /100',
      'base label overlaps /100',
      'names shown %',
      'base names shown %',
    ],
    rows
  );
}

export function analyticsTable(rows: readonly AnalyticsRow[]): string {
  return table(
    ['people', 'links', 'DMs', ...ANALYTICS_COLUMNS.map(([, title]) => title)],
    rows.map((r) => [
      people(r.people),
      people(r.links),
      String(r.decisionMakers),
      ...ANALYTICS_COLUMNS.map(([key]) => (key in r.ms ? r.ms[key].toFixed(2) : '–')),
    ])
  );
}

export function apexSection(queries: readonly QueryAssertion[], rules: ApexRulesResult): string {
  const lines: string[] = [];
  if (queries.length === 0) {
    lines.push('No Apex test asserts the query count of a map load (`loadMapGraph`).');
  } else {
    const rows = queries.map((q) => [
      `${q.test} (line ${q.line})`,
      q.mapSizes.length > 0 ? q.mapSizes.map(people).join(' and ') : '(one map)',
      q.atMost === null ? '–' : `≤ ${q.atMost}`,
      q.sameForAllSizes ? 'yes' : '–',
    ]);
    lines.push(
      table(['Apex test', 'people on the maps', 'queries per load', 'same for every size'], rows, ['l', 'l', 'l', 'l'])
    );
    lines.push('');
    lines.push('Assertions, as written in the tests:');
    lines.push('');
    for (const q of queries) for (const a of q.assertions) lines.push(`- \`${q.test}\`: \`${a}\``);
  }
  lines.push('');
  lines.push(
    `No SOQL or DML inside a loop — \`node scripts/check/apex-rules.mjs\` ${rules.ok ? 'passes' : 'FAILS'}: ${rules.summary}`
  );
  return lines.join('\n');
}

/** The terminal report. */
export function textReport(results: BenchResults): string {
  const parts: string[] = [];
  const m = results.machine;
  parts.push(`Machine: ${m.cpus}; Node ${m.node}; Chromium ${m.chromium}; d3 ${m.d3}; LWC ${m.lwc}; ${m.date}`);
  parts.push('');
  parts.push(`Analytics (Node) — median of ${results.analyticsRuns} runs, ms`);
  parts.push(analyticsTable(results.analytics));
  parts.push('');
  if (results.mapsSkipped) {
    parts.push(`Map in headless Chromium: not run (${results.mapsSkipped})`);
  } else {
    parts.push(
      `Map in headless Chromium — median of ${results.runs} runs, ms (base = plain d3-force, SVG redraw per tick)`
    );
    parts.push(mapTable(results.maps));
    parts.push('');
    parts.push('Layout quality of the cold layouts (lower is better in every column but names shown)');
    parts.push(qualityTable(results.maps));
  }
  parts.push('');
  parts.push('Apex');
  parts.push(apexSection(results.apexQueries, results.apexRules));
  parts.push('');
  parts.push(targetsTable(checkTargets(results)));
  return parts.join('\n');
}

/** docs/benchmarks.md. `notes` is the narrative (method, causes of shortfalls) kept with the code. */
export function markdownReport(results: BenchResults, notes: string): string {
  const m = results.machine;
  const checks = checkTargets(results);
  const parts: string[] = [];
  parts.push('# Benchmarks');
  parts.push('');
  parts.push(
    `Written by \`npm run bench\`${results.quick ? ' -- --quick (a smaller run)' : ''} on ${m.date}. The numbers below are one full run on the machine described; rerun to refresh them.`
  );
  parts.push('');
  parts.push('## Machine');
  parts.push('');
  parts.push(
    table(
      ['', ''],
      [
        ['CPU', m.cpus],
        ['Node', m.node],
        ['Chromium (headless, software rendering)', m.chromium],
        ['d3', m.d3],
        ['LWC engine (the page)', m.lwc],
        ['Date', m.date],
      ],
      ['l', 'l']
    )
  );
  parts.push('');
  parts.push('## Targets');
  parts.push('');
  parts.push(targetsTable(checks));
  parts.push('');
  parts.push('## The map in headless Chromium');
  parts.push('');
  if (results.mapsSkipped) {
    parts.push(`Not run: ${results.mapsSkipped}.`);
  } else {
    parts.push(
      `Median of ${results.runs} runs per row (longest task and frame gap: the worst run), in milliseconds from mounting the component. ` +
        '"base" is the baseline: plain d3-force with its defaults and its own timer, an SVG redraw of every node and link on each of its 300 ticks. ' +
        '"longest task" is the longest main-thread task the browser reported (PerformanceObserver `longtask`, which reports tasks over 50 ms: "<50" means none); ' +
        '"longest frame gap" is the longest time between two animation frames, measured by the page. * = did not settle within the time limit.'
    );
    parts.push('');
    parts.push(mapTable(results.maps));
    parts.push('');
    parts.push('### Layout quality');
    parts.push('');
    parts.push(
      'Of the cold layouts, median of the runs; lower is better in every column but names shown. stress: drawn distances against hops ' +
        '(after the best uniform scale, 100 sampled people); crossings: % of sampled pairs of links that cross; ' +
        'link length: mean link length over mean nearest-neighbour distance; overlaps: pairs of people drawn on top of each other per 100 people; ' +
        "label overlaps: pairs of names shown on top of each other per 100 people (ours: the names labels.ts places at the fit zoom of a 1280×720 laptop's map area, widths estimated; " +
        'the baseline: every name, 11 px, below its circle); names shown: the share of people whose name is shown.'
    );
    parts.push('');
    parts.push(qualityTable(results.maps));
  }
  parts.push('');
  parts.push('## Analytics (Node)');
  parts.push('');
  parts.push(
    `Every analytic of \`c/relationshipGraph\` (the compiled JavaScript that ships), median of ${results.analyticsRuns} runs after warm-up, ms. ` +
      "TOTAL is what the map computes when it loads and after each edit: the container's own `computeInsights` " +
      '(validate and build the graph, every analytic, node sizes and flags), with the activity evidence loaded: 20 calls, ' +
      'meetings and emails a person over a year (100,000 at 5,000 people), bucketed as getEvidence answers (at most ' +
      '2,000 buckets a query, the most recent); evidence is that step alone (ties, latest activities, the Relationship ' +
      'links for coverage and warm paths, suggestions). The starred columns are on-demand ' +
      'analytics of the module that no map view runs, timed but not in TOTAL: what-if* (the map re-analysed without ' +
      "its most influential customer), all-pairs* (everyone's influence over everyone, an export) and evidence, all " +
      'buckets* (the evidence step on every bucket of the 100,000 activities, which the controller never sends).'
  );
  parts.push('');
  parts.push(analyticsTable(results.analytics));
  parts.push('');
  parts.push('## Apex');
  parts.push('');
  parts.push(
    'Query counts per map load as the Apex tests assert them (read from the test classes; there is no org here to run them):'
  );
  parts.push('');
  parts.push(apexSection(results.apexQueries, results.apexRules));
  parts.push('');
  parts.push(notes.trim());
  parts.push('');
  return parts.join('\n');
}
