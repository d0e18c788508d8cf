#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: the offline stand-in for a deploy. Runs every stage, prints one line per stage
 * and a final `N passed, N failed`. A failing stage prints the tail of its log; full logs are
 * in .test-output/logs/<stage>.log.
 *
 *   npm test                      all stages
 *   npm test -- --only lint,jest  just those stages
 *   npm test -- --skip code-analyzer
 *   npm test -- --list            stage names and what they check
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib/common.mjs';

const node = process.execPath;
/** A package's command-line entry (node_modules/.bin links to the JS file; we run it with node). */
const bin = (/** @type {string} */ name) => path.join(REPO_ROOT, 'node_modules', '.bin', name);

/**
 * @typedef {object} Stage
 * @property {string} name
 * @property {string} what  one line for --list and the README
 * @property {string[][]} commands each run in order with node; the stage fails on the first non-zero exit
 * @property {(output: string) => string} summarize the stage's one-line summary from its output
 */

/** Last line of output that matches `pattern`, or `fallback`. */
const lastMatch = (/** @type {string} */ output, /** @type {RegExp} */ pattern, fallback = '') => {
  const lines = output.split('\n').filter((l) => pattern.test(l));
  return lines.length ? lines[lines.length - 1].trim() : fallback;
};
/** Summary printed by our own checkers: "ok: <summary>" / "N finding(s): <summary>". */
const checkerSummary = (/** @type {string} */ output) =>
  lastMatch(output, /^(ok|\d+ finding\(s\)): /).replace(/^ok: /, '');
const checker = (/** @type {string} */ file) => [path.join(REPO_ROOT, 'scripts', 'check', file)];

/**
 * `*.test.ts` files under `dir` (relative to the repo), sorted; `skipDirs` are not entered.
 * node 20's `--test` finds only .js tests by itself, so TypeScript tests are listed here.
 * @param {string} dir
 * @param {string[]} [skipDirs]
 * @returns {string[]}
 */
export function tsTests(dir, skipDirs = []) {
  const root = path.join(REPO_ROOT, dir);
  if (!existsSync(root)) return [];
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures' && !skipDirs.includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.test.ts')) found.push(path.relative(REPO_ROOT, full));
    }
  };
  walk(root);
  return found.sort();
}
/** node --test summary: "pass N, fail N". */
const nodeTestSummary = (/** @type {string} */ o) => {
  const pass = lastMatch(o, /^ℹ pass \d+/).replace('ℹ ', '');
  const fail = lastMatch(o, /^ℹ fail \d+/).replace('ℹ ', '');
  return [pass, fail].filter(Boolean).join(', ');
};
/** Runs TypeScript tests with node's test runner through tsx; no test files is a failure. */
const tsTestCommand = (/** @type {string[]} */ files) =>
  files.length === 0
    ? ['-e', 'console.error("no *.test.ts files found for this stage"); process.exit(1)']
    : ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files];

/** @type {Stage[]} */
export const STAGES = [
  {
    name: 'build',
    what: 'tsc compiles every TypeScript component to the .js that deploys',
    commands: [[path.join(REPO_ROOT, 'scripts', 'build', 'compile-lwc.mjs')]],
    summarize: (o) => lastMatch(o, /compiled \d+/),
  },
  {
    name: 'typecheck',
    what: 'tsc type-checks components with their Jest tests, and the Node scripts',
    commands: [
      [bin('tsc'), '-p', 'config/tsconfig.tests.json', '--pretty', 'false'],
      [bin('tsc'), '-p', 'scripts/tsconfig.json', '--pretty', 'false'],
    ],
    summarize: () => 'components, tests and scripts type-check',
  },
  {
    name: 'lint',
    what: 'ESLint: LWC platform rules + type-aware typescript-eslint; Node rules for scripts',
    commands: [[bin('eslint'), '.', '--max-warnings', '0']],
    summarize: () => 'no problems',
  },
  {
    name: 'format',
    what: 'Prettier (with the Apex and XML plugins) reports unformatted files',
    commands: [[bin('prettier'), '--check', '.', '--log-level', 'warn']],
    summarize: () => 'all files formatted',
  },
  {
    name: 'apex-syntax',
    what: "Apex parses with Salesforce's own parser (jorje)",
    commands: [checker('apex-syntax.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'apex-semantics',
    what: 'apex-ls: unknown fields, classes and methods, type errors (reviewed baseline)',
    commands: [checker('apex-semantics.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'apex-rules',
    what: 'project rules: no SOQL/DML in loops, user mode, no string-built SOQL, sharing, one-line triggers',
    commands: [checker('apex-rules.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'dto-drift',
    what: 'Apex DTO classes (RelationshipMapDtos) match their TypeScript types (c/relationshipMapApi) property for property',
    commands: [checker('dto-drift.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'metadata',
    what: 'XML well-formed, source/-meta.xml pairs, Metadata API schema, cross-references, help text',
    commands: [checker('metadata.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'deploy-set',
    what: 'source-deploy-retrieve (with .forceignore) deploys every object, field, value set, tab, app, layout, permission set in docs/data-model.md, and no TypeScript or tests',
    commands: [checker('deploy-set.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'code-analyzer',
    what: 'Salesforce Code Analyzer: PMD Security/AppExchange/Performance, regex, Graph Engine (sev 1-2 fail)',
    commands: [checker('code-analyzer.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'lwc-compiler',
    what: 'the platform LWC compiler (@lwc/sfdc-lwc-compiler) on every compiled component bundle',
    commands: [checker('lwc-compiler.mjs')],
    summarize: checkerSummary,
  },
  {
    name: 'jest',
    what: 'Jest (sfdx-lwc-jest) component and module tests, with coverage',
    // A cache of its own: the LWC transformer's cache key ignores coverage, so files transformed
    // by a run without --coverage (npx sfdx-lwc-jest while working) would come back uninstrumented.
    commands: [
      [
        bin('sfdx-lwc-jest'),
        '--coverage',
        '--',
        '--ci',
        '--passWithNoTests',
        '--cacheDirectory',
        path.join(REPO_ROOT, '.test-output', 'jest-coverage-cache'),
      ],
    ],
    summarize: (o) =>
      [lastMatch(o, /^Tests:/), lastMatch(o, /^Lines\s*:/).replace(/\s+/g, ' ')].filter(Boolean).join('; '),
  },
  {
    name: 'checker-tests',
    what: 'every checker above catches its planted defects (node --test on scripts/**/__tests__)',
    commands: [['--test', '--test-reporter=spec', 'scripts/check/__tests__/', 'scripts/build/__tests__/']],
    summarize: nodeTestSummary,
  },
  {
    name: 'script-tests',
    what: 'the TypeScript scripts: sample data and generator, preview store, jsforce CLI against a local API server',
    commands: [tsTestCommand(tsTests('scripts', ['browser-tests', 'check', 'build']))],
    summarize: nodeTestSummary,
  },
  {
    name: 'browser',
    what: 'the real components in headless Chromium (playwright-core) on the preview: clicks, edits, keyboard, axe',
    commands: [tsTestCommand(tsTests('scripts/preview/browser-tests'))],
    summarize: nodeTestSummary,
  },
];

/**
 * Runs one command with node, output captured (and streamed to the log).
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function runNode(args) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: '0', CI: 'true' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
    child.on('error', (err) => resolve({ code: 1, output: output + String(err) }));
  });
}

/** @param {string[]} argv */
async function main(argv) {
  const option = (/** @type {string} */ name) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1].split(',') : undefined;
  };
  if (argv.includes('--list')) {
    for (const s of STAGES) console.log(`${s.name.padEnd(15)} ${s.what}`);
    return 0;
  }
  const only = option('--only');
  const skip = option('--skip') ?? [];
  const unknown = [...(only ?? []), ...skip].filter((n) => !STAGES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(`Unknown stage(s): ${unknown.join(', ')}. Stages: ${STAGES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const stages = STAGES.filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));
  const logDir = path.join(REPO_ROOT, '.test-output', 'logs');
  mkdirSync(logDir, { recursive: true });

  let passed = 0;
  let failed = 0;
  for (const stage of stages) {
    const started = Date.now();
    let output = '';
    let code = 0;
    for (const command of stage.commands) {
      const result = await runNode(command);
      output += result.output;
      code = result.code;
      if (code !== 0) break;
    }
    writeFileSync(path.join(logDir, `${stage.name}.log`), output);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0) {
      passed++;
      console.log(`PASS ${stage.name.padEnd(15)} ${stage.summarize(output) || 'ok'} (${seconds}s)`);
    } else {
      failed++;
      console.log(
        `FAIL ${stage.name.padEnd(15)} exit ${code} (${seconds}s) — log: .test-output/logs/${stage.name}.log`
      );
      const tail = output.trimEnd().split('\n').slice(-60);
      for (const line of tail) console.log(`     | ${line}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
