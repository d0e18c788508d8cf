#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: times every relationship analytic on synthetic maps of 50, 200, 1,000 and
 * 5,000 people (about 3 links each) and prints a table. It runs the SAME code the map component
 * ships: it compiles the TypeScript with the project build (scripts/build/compile-lwc.mjs) and
 * imports the emitted JavaScript of c/relationshipGraph.
 *
 * Each cell is the median of several runs after warm-up, in milliseconds. Exits 1 (and says so)
 * when all analytics on the 5,000-person map take more than the budget (100 ms).
 *
 *   npm run bench [-- --runs 15] [-- --no-build]
 */
import { execFileSync } from 'node:child_process';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { syntheticMap } from './synthetic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULE = path.join(ROOT, 'force-app', 'main', 'default', 'lwc', 'relationshipGraph', 'relationshipGraph.js');
const SIZES = [50, 200, 1000, 5000];
const BUDGET_MS = 100;
const BUDGET_SIZE = 5000;

const argv = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = option('--runs', 15);
const WARMUP = option('--warmup', 5);

/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Median time of `fn` in ms.
 * @param {() => unknown} fn
 */
function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  /** @type {number[]} */
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function main() {
  if (!argv.includes('--no-build')) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'compile-lwc.mjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: ROOT,
    });
  }
  register(new URL('./lwc-loader.mjs', import.meta.url));
  const rg = await import(pathToFileURL(MODULE).href);

  /** @type {[string, string][]} stage key and column title */
  const columns = [
    ['prepare', 'validate+graph'],
    ['influence', 'influence'],
    ['matrix', 'all-pairs'],
    ['paths', 'warm paths'],
    ['coverage', 'coverage'],
    ['health', 'health'],
    ['goals', 'goals'],
    ['whatIf', 'what-if'],
    ['total', 'TOTAL'],
  ];
  // The all-pairs matrix (every person's influence over every other, above epsilon) is an
  // on-demand export, not something a map view computes: it is timed but not in TOTAL.
  columns.splice(2, 1);
  columns.push(['matrix', 'all-pairs*']);
  /** @type {string[][]} */
  const rows = [];
  let failed = false;
  const lines = [];
  for (const n of SIZES) {
    const { people, links, now } = syntheticMap(n);
    const input = { people, links };
    const options = { now };
    const map = rg.prepareMap(input, options);
    const baseline = rg.analyzePrepared(map);
    // What-if removes the customer with the most influence over the decision.
    const mostInfluential = [...baseline.influence.people]
      .filter((p) => !map.people[map.index.get(p.personId)].isOurs)
      .sort((a, b) => b.decisionInfluence - a.decisionInfluence)[0];
    /** @type {Record<string, number>} */
    const t = {
      prepare: time(() => rg.prepareMap(input, options)),
      influence: time(() => rg.computeInfluence(map)),
      matrix: time(() => rg.influenceMatrix(map)),
      paths: time(() => rg.findWarmPaths(map)),
      coverage: time(() => rg.findCoverageGaps(map, baseline.warmPaths)),
      health: time(() => rg.computeHealth(map, baseline.coverage)),
      goals: time(() => rg.planGoalEffects(map, baseline.influence)),
      whatIf: time(() => rg.whatIfRemoved(map, mostInfluential.personId, baseline)),
    };
    // Everything a map view needs, end to end as one caller runs it: validate and build the
    // graph, every analytic, and one what-if.
    t.total = time(() => {
      const m = rg.prepareMap(input, options);
      const a = rg.analyzePrepared(m);
      rg.whatIfRemoved(m, mostInfluential.personId, a);
    });
    const validLinks = map.links.length;
    const entries = rg.influenceMatrix(map).value.length;
    rows.push([
      String(n),
      String(links.length),
      String(baseline.influence.decisionMakerIds.length),
      ...columns.map(([key]) => t[key].toFixed(2)),
    ]);
    lines.push(
      `${n} people: ${validLinks} usable links, ${map.issues.length} validation issues, ${entries} influence pairs above epsilon, health ${baseline.health.score}, what-if removes ${mostInfluential.name}`
    );
    if (n === BUDGET_SIZE && t.total > BUDGET_MS) failed = true;
  }

  const header = ['people', 'links', 'DMs', ...columns.map(([, title]) => title)];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmtRow = (/** @type {string[]} */ r) => `| ${r.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(
    `Relationship analytics benchmark — median of ${RUNS} runs after ${WARMUP} warm-up, ms (node ${process.version})`
  );
  console.log(fmtRow(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(fmtRow(r));
  for (const l of lines) console.log(`  ${l}`);
  console.log("  * all-pairs: every person's influence over every other (influenceMatrix), on demand; not in TOTAL.");
  const total = Number(rows[rows.length - 1][header.indexOf('TOTAL')]);
  if (failed) {
    console.log(
      `FAIL: all analytics on ${BUDGET_SIZE} people took ${total.toFixed(2)} ms, over the ${BUDGET_MS} ms budget.`
    );
    process.exitCode = 1;
  } else {
    console.log(`ok: all analytics on ${BUDGET_SIZE} people in ${total.toFixed(2)} ms (budget ${BUDGET_MS} ms).`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
