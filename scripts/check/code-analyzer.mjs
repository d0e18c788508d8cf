// @ts-check
/**
 * Security and performance rules, as AppExchange security review runs them:
 * Salesforce Code Analyzer v5 building blocks (@salesforce/code-analyzer-core
 * with the PMD, regex and Graph Engine plugins) driven directly, since the
 * `sf code-analyzer` plugin does not install here.
 *
 *   node scripts/check/code-analyzer.mjs [projectDir]
 *
 * - PMD (pmd:Security, pmd:AppExchange, pmd:Performance) and the regex
 *   engine's rules run over Apex, Visualforce, LWC/Aura JS/TS/HTML and metadata
 *   XML of the package directories.
 * - Graph Engine (sfge Security rules + ApexNullPointerException) runs in a
 *   time-limited worker on the Apex that touches data, and on the entry points
 *   that can reach it; skipped when no Apex does SOQL/SOSL/DML.
 * - Severity 1-2 violations are findings; 3-5 are counted and written to
 *   .test-output/code-analyzer/report.{json,sarif}. Any engine or processing
 *   error (e.g. a file PMD cannot parse) is a finding: code-analyzer:engine-error.
 *
 * Rule selection, severity overrides and engine limits: lib/code-analyzer-config.mjs.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEnginePlugin as createPmdPlugin } from '@salesforce/code-analyzer-pmd-engine';
import { createEnginePlugin as createRegexPlugin } from '@salesforce/code-analyzer-regex-engine';
import { runAsCli, sourceFiles } from './lib/common.mjs';
import { graphEngineTargets, suppressionMarkers } from './lib/code-analyzer-apex.mjs';
import { buildConfig, FAILING_SEVERITY, PMD_REGEX_SELECTORS, SFGE_LIMITS } from './lib/code-analyzer-config.mjs';
import { runEngines } from './lib/code-analyzer-run.mjs';
import { runGraphEngine } from './lib/code-analyzer-sfge.mjs';

/**
 * @typedef {import('./lib/common.mjs').Finding} Finding
 * @typedef {import('./lib/common.mjs').StageResult} StageResult
 * @typedef {import('./lib/code-analyzer-run.mjs').RunOutcome} RunOutcome
 * @typedef {import('./lib/code-analyzer-run.mjs').JsonViolation} JsonViolation
 * @typedef {import('./lib/code-analyzer-run.mjs').EngineError} EngineError
 * @typedef {import('./lib/code-analyzer-apex.mjs').SuppressionMarker} SuppressionMarker
 */

/**
 * @typedef {object} CheckOptions
 * @property {string} [outDir] where reports and logs go (default: <projectDir>/.test-output/code-analyzer)
 * @property {boolean} [graphEngine] false skips Graph Engine (tests of PMD-only fixtures); default true
 * @property {number} [graphEngineTimeoutMs] default SFGE_LIMITS.runTimeoutMs
 */

export const ENGINE_ERROR_RULE = 'code-analyzer:engine-error';

const APEX_EXT = new Set(['.cls', '.trigger']);
const VISUALFORCE_EXT = new Set(['.page', '.component']);
const COMPONENT_EXT = new Set(['.js', '.ts', '.html', '.cmp', '.app', '.evt', '.intf']);
/** Files Graph Engine reads (besides targets): as its engine defines them. */
const SFGE_WORKSPACE = /\.(?:cls|trigger|page|component)$|-meta\.xml$/i;

/** Files this check writes into outDir (sfca-*.log: the engines' own logs). */
const OWN_OUTPUT =
  /^(?:report\.(?:json|sarif)|code-analyzer(?:-sfge)?\.log|sfge-(?:request|result)\.json|sfca-.*\.log)$/;

/** @param {string} msg */
const progress = (msg) => process.stderr.write(`[code-analyzer] ${msg}\n`);

/**
 * What a file is for this check, or null when it is not analysed.
 * @param {string} file path relative to the project (segments above it must not count)
 * @returns {'apex' | 'visualforce' | 'metadata' | 'component' | null}
 */
export function kindOf(file) {
  const ext = path.extname(file).toLowerCase();
  const parts = file.split(/[\\/]/);
  if (parts.includes('__tests__') || parts.includes('__mocks__')) return null; // Jest only, never deployed
  if (APEX_EXT.has(ext)) return 'apex';
  if (VISUALFORCE_EXT.has(ext)) return 'visualforce';
  if (ext === '.xml') return 'metadata';
  if (parts.includes('staticresources')) return null; // third-party bundles: not ours to lint
  if ((parts.includes('lwc') || parts.includes('aura')) && COMPONENT_EXT.has(ext) && !file.endsWith('.d.ts')) {
    return 'component';
  }
  return null;
}

/**
 * Components are written in TypeScript and PMD reads the .js that tsc emits:
 * point the developer at the source.
 * @param {Finding} f
 * @returns {Finding}
 */
function withTypeScriptSource(f) {
  const ts = f.file.replace(/\.js$/, '.ts');
  return ts !== f.file && existsSync(ts) ? { ...f, message: `${f.message} (compiled from ${path.basename(ts)})` } : f;
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @param {JsonViolation} v
 * @param {string} runDir
 * @returns {Finding}
 */
function violationToFinding(v, runDir) {
  if (v.rule === 'UnexpectedEngineError' || v.rule === 'UninstantiableEngineError') {
    return { file: '.', rule: ENGINE_ERROR_RULE, message: `${v.engine}: ${v.message}` };
  }
  const loc = v.locations[v.primaryLocationIndex] ?? v.locations[0];
  return {
    file: loc?.file ? path.resolve(runDir, loc.file) : '.',
    line: loc?.startLine,
    column: loc?.startColumn,
    rule: `${v.engine}:${v.rule}`,
    message: v.message,
  };
}

/**
 * @param {EngineError} e
 * @returns {Finding}
 */
const errorToFinding = (e) => ({
  file: e.file ?? '.',
  line: e.line,
  column: e.column,
  rule: ENGINE_ERROR_RULE,
  message: e.file ? e.message : `${e.engine}: ${e.message}`,
});

/**
 * The engine errors as violations, so that the reports show them too.
 * @param {EngineError[]} errors
 * @param {string} runDir
 * @returns {JsonViolation[]}
 */
const errorsAsViolations = (errors, runDir) =>
  errors.map((e) => ({
    rule: 'engine-error',
    engine: 'code-analyzer',
    severity: 1,
    tags: [],
    primaryLocationIndex: 0,
    locations: [
      {
        file: e.file ? path.relative(runDir, e.file) : undefined,
        startLine: e.line,
        startColumn: e.column,
      },
    ],
    message: `${e.engine}: ${e.message}`,
    resources: [],
  }));

/**
 * One JSON and one SARIF report for all runs (PMD + regex, Graph Engine).
 * @param {RunOutcome[]} outcomes
 * @param {SuppressionMarker[]} markers
 * @param {string} outDir
 */
function writeReports(outcomes, markers, outDir) {
  const runDir = process.cwd() + path.sep;
  const errors = outcomes.flatMap((o) => o.errors);
  const violations = [
    ...errorsAsViolations(errors, runDir),
    ...outcomes.flatMap((o) => o.json.violations.map((v) => rebase(v, o.json.runDir, runDir))),
  ];
  /** @param {number} s */
  const count = (s) => violations.filter((v) => v.severity === s).length;
  const json = {
    runDir,
    violationCounts: {
      total: violations.length,
      sev1: count(1),
      sev2: count(2),
      sev3: count(3),
      sev4: count(4),
      sev5: count(5),
    },
    versions: Object.assign({}, ...outcomes.map((o) => o.json.versions)),
    violations,
    suppressionMarkers: markers.map((m) => ({ ...m, file: path.relative(runDir, m.file) })),
  };
  const errorRun =
    errors.length === 0
      ? []
      : [
          {
            tool: { driver: { name: 'code-analyzer', rules: [{ id: 'engine-error', name: 'engine-error' }] } },
            results: errorsAsViolations(errors, runDir).map((v) => ({
              ruleId: 'engine-error',
              ruleIndex: 0,
              level: 'error',
              message: { text: v.message },
              locations: v.locations[0].file
                ? [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: encodeURI(v.locations[0].file), uriBaseId: encodeURI(runDir) },
                        ...(v.locations[0].startLine
                          ? { region: { startLine: v.locations[0].startLine, startColumn: v.locations[0].startColumn } }
                          : {}),
                      },
                    },
                  ]
                : [],
            })),
            invocations: [{ executionSuccessful: false, workingDirectory: { uri: runDir } }],
          },
        ];
  const sarif = {
    version: '2.1.0',
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    runs: [...errorRun, ...outcomes.flatMap((o) => o.sarif.runs)],
  };
  writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(json, null, 2));
  writeFileSync(path.join(outDir, 'report.sarif'), JSON.stringify(sarif, null, 2));
}

/**
 * A violation's locations relative to another run directory.
 * @param {JsonViolation} v
 * @param {string} from
 * @param {string} to
 * @returns {JsonViolation}
 */
function rebase(v, from, to) {
  if (from === to) return v;
  return {
    ...v,
    locations: v.locations.map((l) => (l.file ? { ...l, file: path.relative(to, path.resolve(from, l.file)) } : l)),
  };
}

/**
 * @param {string} projectDir
 * @param {CheckOptions} [options]
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir, options = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(projectDir, '.test-output', 'code-analyzer'));
  mkdirSync(outDir, { recursive: true });
  // Only what earlier runs of this check wrote: outDir may be shared.
  for (const name of readdirSync(outDir)) {
    if (OWN_OUTPUT.test(name)) rmSync(path.join(outDir, name), { force: true });
  }

  /** @param {string} f */
  const kind = (f) => kindOf(path.relative(projectDir, f));
  const files = sourceFiles(projectDir, (f) => kind(f) !== null);
  const apex = files.filter((f) => kind(f) === 'apex');
  /** @param {string} k */
  const n = (k) => files.filter((f) => kind(f) === k).length;
  const inventory =
    `${apex.length} Apex file${apex.length === 1 ? '' : 's'}, ${n('component')} LWC/Aura, ` +
    `${n('visualforce')} Visualforce, ${n('metadata')} metadata XML`;

  /** @type {Promise<RunOutcome>[]} */
  const runs = [];
  /** @type {string[]} */
  const notes = [];

  if (files.length > 0) {
    progress(`PMD + regex on ${files.length} files (${inventory})…`);
    const started = Date.now();
    runs.push(
      runEngines({
        config: buildConfig({ projectDir, logFolder: outDir }),
        plugins: [createPmdPlugin(), createRegexPlugin()],
        selectors: PMD_REGEX_SELECTORS,
        workspaceFiles: files,
        label: 'PMD + regex',
        logFile: path.join(outDir, 'code-analyzer.log'),
      }).then((outcome) => {
        progress(`PMD + regex done in ${seconds(Date.now() - started)}`);
        const rules = Object.entries(outcome.rulesPerEngine)
          .map(([e, c]) => `${c} ${e}`)
          .join(' + ');
        notes.push(`PMD + regex: ${rules || 'no'} rules, ${seconds(Date.now() - started)}`);
        if (apex.length > 0 && !outcome.rulesPerEngine.pmd) {
          outcome.errors.push({ engine: 'pmd', message: `no PMD rules were selected for ${apex.length} Apex files` });
        }
        return outcome;
      })
    );
  }

  const { dataFiles, targets } = graphEngineTargets(apex);
  if (apex.length === 0) {
    notes.push('Graph Engine skipped: 0 Apex files');
  } else if (targets.length === 0) {
    notes.push('Graph Engine skipped: no Apex does SOQL/SOSL/DML');
  } else if (options.graphEngine === false) {
    notes.push('Graph Engine skipped (disabled by the caller)');
  } else {
    const timeoutMs = options.graphEngineTimeoutMs ?? SFGE_LIMITS.runTimeoutMs;
    progress(
      `Graph Engine on ${targets.length} Apex files (${dataFiles.length} touch data; ` +
        `heap ${SFGE_LIMITS.javaMaxHeapSize}, time limit ${seconds(timeoutMs)})…`
    );
    const started = Date.now();
    runs.push(
      runGraphEngine(
        {
          projectDir,
          logFolder: outDir,
          workspaceFiles: sourceFiles(projectDir, (f) => SFGE_WORKSPACE.test(f)),
          targets,
          requestFile: path.join(outDir, 'sfge-request.json'),
          resultFile: path.join(outDir, 'sfge-result.json'),
        },
        timeoutMs
      ).then((outcome) => {
        progress(`Graph Engine done in ${seconds(Date.now() - started)}`);
        notes.push(`Graph Engine on ${targets.length} of ${apex.length} Apex files, ${seconds(Date.now() - started)}`);
        return outcome;
      })
    );
  }

  const markers = suppressionMarkers(files);
  for (const m of markers) {
    progress(`suppression marker (review it): ${path.relative(projectDir, m.file)}:${m.line}  ${m.text}`);
  }
  if (markers.length > 0) {
    notes.push(`${markers.length} suppression marker(s) (NOPMD, @SuppressWarnings, sfge-disable) listed in the report`);
  }

  const outcomes = await Promise.all(runs);
  writeReports(outcomes, markers, outDir);

  /** @type {Finding[]} */
  const findings = [];
  const counts = [0, 0, 0, 0, 0, 0];
  for (const outcome of outcomes) {
    findings.push(...outcome.errors.map(errorToFinding));
    for (const v of outcome.json.violations) {
      counts[v.severity] = (counts[v.severity] ?? 0) + 1;
      if (v.severity <= FAILING_SEVERITY) findings.push(violationToFinding(v, outcome.json.runDir));
    }
  }
  const reportFile = path.join(outDir, 'report.json');
  const relativeReport = path.relative(process.cwd(), reportFile);
  const report = relativeReport.startsWith('..') ? reportFile : relativeReport;
  const summary =
    (files.length === 0 ? `0 Apex files, nothing to analyse` : inventory) +
    `; ${notes.sort().join('; ')}` +
    `; severity 1-2: ${counts[1] + counts[2]}, 3: ${counts[3]}, 4: ${counts[4]}, 5: ${counts[5]} (${report})`;
  return { findings: findings.map(withTypeScriptSource), summary };
}

runAsCli(import.meta.url, check);
