#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: compiles the components (`npm run build`, unless --no-build), then runs the
 * benchmark (scripts/bench/main.ts, through tsx): the analytics in Node, the map component against
 * plain d3-force in headless Chromium, the Apex query figures. Prints the tables and writes
 * docs/benchmarks.md. Options: see main.ts (`--quick` for a smaller run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);

if (!argv.includes('--no-build')) {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'compile-lwc.mjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: ROOT,
    });
  } catch {
    console.error('The components did not compile (npm run build): fix that first.');
    process.exit(1);
  }
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench', 'main.ts'), ...argv.filter((a) => a !== '--no-build')],
  { stdio: 'inherit', cwd: ROOT }
);
process.exit(result.status ?? 1);
