/**
 * `npm run bench` (run.mjs starts this with tsx, after `npm run build`): the analytics in Node, the
 * map component against the baseline in headless Chromium, the Apex query figures; prints the
 * tables and writes docs/benchmarks.md.
 *
 *   npm run bench                         everything (about a quarter of an hour on 2 cores)
 *   npm run bench -- --quick              200 and 1,000 people, one run each, fewer analytics runs
 *   npm run bench -- --runs 5             runs per map case (default 3)
 *   npm run bench -- --sizes 1000,2000    map sizes (default 200,1000,2000,5000)
 *   npm run bench -- --no-browser         analytics and Apex only
 *   npm run bench -- --out <file>         write the report elsewhere (--no-write: print only)
 *   npm run bench -- --from-results       rewrite the report from the last run's numbers
 *                                         (.test-output/bench/results.json), e.g. after editing notes.md
 *
 * Exits 1 when the analytics miss their budget or a map run fails; the targets' status is in the
 * report either way.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../shared/project.mjs';

register(new URL('./lwc-loader.mjs', import.meta.url));

const { ANALYTICS_BUDGET_MS, ANALYTICS_BUDGET_SIZE, benchAnalytics } = await import('./analytics.ts');
const { mapLoadQueryAssertions, runApexRules } = await import('./apex.ts');
const { buildBenchPage, writeBenchPage } = await import('./browser/build.ts');
const { openBrowser } = await import('./browser/chromium.ts');
const { benchMaps } = await import('./browser/mapBench.ts');
const { markdownReport, textReport } = await import('./report.ts');
type BenchResults = import('./report.ts').BenchResults;

const ANALYTICS_SIZES = [50, 200, 1000, 5000];
const MAP_SIZES = [200, 1000, 2000, 5000];
/** A run of the baseline at 5,000 people takes about a minute: three is the limit. */
const RUN_TIMEOUT_MS = 180_000;

function usageError(message: string): never {
  console.error(
    `${message}\nUsage: npm run bench [-- --quick] [--runs N] [--sizes 200,1000] [--no-browser] [--out file | --no-write]`
  );
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        'analytics-runs': { type: 'string' },
        sizes: { type: 'string' },
        'no-browser': { type: 'boolean', default: false },
        out: { type: 'string' },
        'no-write': { type: 'boolean', default: false },
        'from-results': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
})();

const positive = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usageError(`--${name} needs a whole number of at least 1, not "${text}".`);
  return n;
};
const quick = values.quick === true;
const runs = positive(values.runs, 'runs', quick ? 1 : 3);
const analyticsRuns = positive(values['analytics-runs'], 'analytics-runs', quick ? 5 : 15);
const sizes = values.sizes
  ? values.sizes.split(',').map((s) => positive(s.trim(), 'sizes', 0))
  : quick
    ? [200, 1000]
    : MAP_SIZES;
const out = path.resolve(values.out ?? path.join(REPO_ROOT, 'docs', 'benchmarks.md'));
const RESULTS_FILE = path.join(REPO_ROOT, '.test-output', 'bench', 'results.json');

const packageVersion = (name: string): string => {
  const file = path.join(REPO_ROOT, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};
const log = (line: string) => console.log(line);

/** Prints the report and writes docs/benchmarks.md, formatted as the repository's Prettier formats it. */
async function writeReport(results: BenchResults): Promise<void> {
  log('');
  log(textReport(results));
  if (!values['no-write']) {
    const notes = readFileSync(new URL('./notes.md', import.meta.url), 'utf8');
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(out)) ?? {};
    writeFileSync(out, await prettier.format(markdownReport(results, notes), { ...options, filepath: out }));
    log(`\nWrote ${path.relative(process.cwd(), out)}.`);
  }
}

async function main(): Promise<number> {
  if (values['from-results']) {
    let saved: BenchResults;
    try {
      saved = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults;
    } catch (error) {
      console.error(`No saved results to report (${RESULTS_FILE}): run \`npm run bench\` first. ${String(error)}`);
      return 1;
    }
    await writeReport(saved);
    return 0;
  }
  const cpus = os.cpus();
  const started = new Date();
  log(`Analytics (Node), ${ANALYTICS_SIZES.join(', ')} people…`);
  const analytics = await benchAnalytics(ANALYTICS_SIZES, analyticsRuns, Math.min(5, analyticsRuns));

  let chromium = 'not run';
  let maps: BenchResults['maps'] = [];
  let mapsSkipped: string | null = values['no-browser'] ? '--no-browser' : null;
  let failed = false;
  if (!mapsSkipped) {
    log('Building the benchmark page (the compiled component, LWC 9.4.3)…');
    const page = await buildBenchPage();
    await writeBenchPage(page, path.join(REPO_ROOT, '.test-output', 'bench', 'page'));
    const browser = await openBrowser(page);
    chromium = browser.version;
    try {
      log(`Map in headless Chromium ${chromium}: ${sizes.join(', ')} people, ${runs} run(s) each…`);
      maps = await benchMaps(browser, { sizes, runs, timeoutMs: RUN_TIMEOUT_MS, log });
    } catch (error) {
      failed = true;
      mapsSkipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
      console.error(mapsSkipped);
    } finally {
      await browser.close();
    }
  }

  const results: BenchResults = {
    machine: {
      cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
      node: process.version,
      chromium,
      d3: `${packageVersion('d3')} (d3-force ${packageVersion('d3-force')})`,
      lwc: packageVersion('lwc'),
      date: started.toISOString().replace(/\.\d+Z$/, 'Z'),
    },
    quick,
    runs,
    analyticsRuns,
    analytics,
    maps,
    mapsSkipped,
    apexQueries: mapLoadQueryAssertions(path.join(REPO_ROOT, 'force-app', 'main', 'default', 'classes')),
    apexRules: runApexRules(REPO_ROOT),
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results);
  const total = analytics.find((r) => r.people === ANALYTICS_BUDGET_SIZE)?.ms.total ?? 0;
  if (total > ANALYTICS_BUDGET_MS) {
    console.error(
      `FAIL: the map's analytics on load (computeInsights) for ${ANALYTICS_BUDGET_SIZE} people took ${total.toFixed(2)} ms, over the ${ANALYTICS_BUDGET_MS} ms budget.`
    );
    failed = true;
  }
  if (!results.apexRules.ok) failed = true;
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  }
);
