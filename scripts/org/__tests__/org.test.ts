/**
 * What reaches an org is built first: `npm run package:version`, `npm run deploy` and
 * `npm start -- --target-org` run the real build (tsc + the D3 bundle), then the sf CLI. The sf
 * CLI is replaced by a stub (RELATIONSHIP_MAPS_SF) that records its arguments and, at the moment
 * it is called, how fresh each component's compiled .js is. No org, no network.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { typeScriptComponents } from '../../build/compile-lwc.mjs';

import { REPO_ROOT } from '../../shared/project.mjs';

/** Every .js the build writes: one per TypeScript component, and the D3 bundle. */
const compiledFiles = [
  ...new Set([
    ...[...typeScriptComponents(REPO_ROOT).values()].map((ts) => path.join(REPO_ROOT, ts.replace(/\.ts$/, '.js'))),
    path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc', 'd3', 'd3.js'),
  ]),
];

interface SfCall {
  args: string[];
  /** modification time of each compiled file when sf ran (-1: missing) */
  mtimes: number[];
}

let dir: string;
let stub: string;

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rm-org-'));
  stub = path.join(dir, 'sf');
  writeFileSync(
    stub,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const files = JSON.parse(process.env.STUB_FILES);
const mtimes = files.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : -1));
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ args, mtimes }) + '\\n');
const failOn = process.env.STUB_FAIL_ON;
if (failOn && args.join(' ').startsWith(failOn)) {
  console.error('stub sf: failing as asked');
  process.exit(3);
}
`
  );
  chmodSync(stub, 0o755);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an npm script with the stub as sf; returns its status, output and the recorded sf calls. */
function runNpm(args: string[], failOn?: string) {
  const log = path.join(dir, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  const startedAt = Date.now();
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      RELATIONSHIP_MAPS_SF: stub,
      STUB_LOG: log,
      STUB_FILES: JSON.stringify(compiledFiles),
      STUB_FAIL_ON: failOn ?? '',
    },
  });
  const calls: SfCall[] = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as SfCall)
    : [];
  return { status: result.status, output: `${result.stdout}${result.stderr}`, calls, startedAt };
}

/** Every compiled file existed and had been rewritten by this run's build when sf was called. */
function assertBuiltBefore(call: SfCall, startedAt: number, what: string) {
  call.mtimes.forEach((mtime, i) => {
    const file = path.relative(REPO_ROOT, compiledFiles[i]);
    assert.notEqual(mtime, -1, `${what}: ${file} did not exist when sf ran`);
    // mtimes can be a little coarser than Date.now(): allow a second.
    assert.ok(mtime >= startedAt - 1000, `${what}: ${file} was not rebuilt before sf ran`);
  });
}

describe('builds before the sf CLI', () => {
  test('the build writes the component .js files the stub checks', () => {
    assert.ok(compiledFiles.length >= 3, `found ${compiledFiles.length} compiled files to check`);
  });

  test('npm run package:version builds, then creates a version of our package with the flags passed', () => {
    const run = runNpm(['package:version', '--', '--installation-key-bypass', '--wait', '30']);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /compiled \d+ TypeScript component/, 'the build ran');
    assert.deepEqual(
      run.calls.map((c) => c.args),
      [['package', 'version', 'create', '--package', 'Relationship Maps', '--installation-key-bypass', '--wait', '30']]
    );
    assertBuiltBefore(run.calls[0], run.startedAt, 'package version create');
  });

  test('npm run deploy builds, deploys force-app and assigns the User permission set (as CI does)', () => {
    const run = runNpm(['deploy', '--', '--target-org', 'rm-scratch']);
    assert.equal(run.status, 0, run.output);
    assert.deepEqual(
      run.calls.map((c) => c.args),
      [
        ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', 'rm-scratch', '--wait', '30'],
        ['org', 'assign', 'permset', '--name', 'Relationship_Maps_User', '--target-org', 'rm-scratch'],
      ]
    );
    assertBuiltBefore(run.calls[0], run.startedAt, 'project deploy start');
  });

  test('npm start -- --target-org runs the same steps and stops with sf’s status when the deploy fails', () => {
    const run = runNpm(['start', '--', '--target-org', 'rm-scratch'], 'project deploy start');
    assert.equal(run.status, 3, `the deploy's exit status is npm start's\n${run.output}`);
    assert.deepEqual(
      run.calls.map((c) => c.args.slice(0, 3)),
      [['project', 'deploy', 'start']],
      'no permission set is assigned after a failed deploy'
    );
    assertBuiltBefore(run.calls[0], run.startedAt, 'project deploy start');
  });

  test('npm run deploy without an org is a usage error and runs nothing', () => {
    const run = runNpm(['deploy']);
    assert.equal(run.status, 2, run.output);
    assert.match(run.output, /--target-org needs an org alias/);
    assert.deepEqual(run.calls, []);
  });
});
