#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: the README's main job.
 *
 *   npm start -- --target-org <alias>   build, deploy force-app to that org, assign Relationship_Maps_User
 *   npm start [-- <flags>]              the local preview: the real components on sample data, no org
 *                                       (scripts/preview/start.ts; `npm start -- --help` lists the flags)
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './check/lib/common.mjs';

const argv = process.argv.slice(2);
const orgFlag = argv.findIndex((a) => a === '--target-org' || a === '-o');
const org = orgFlag >= 0 ? argv[orgFlag + 1] : undefined;
const sf = path.join(REPO_ROOT, 'node_modules', '.bin', 'sf');

/** Runs a command in the repo, showing its output; exits with its status on failure. */
function run(/** @type {string} */ command, /** @type {string[]} */ args) {
  console.log(`> ${path.basename(command)} ${args.join(' ')}`);
  try {
    execFileSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT });
  } catch (err) {
    process.exit(/** @type {{ status?: number }} */ (err).status ?? 1);
  }
}

if (org === undefined && orgFlag >= 0) {
  console.error('--target-org needs an org alias or username (see `npx sf org list`).');
  process.exit(2);
}
if (org) {
  run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build', 'compile-lwc.mjs')]);
  run(sf, ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', org, '--wait', '30']);
  run(sf, ['org', 'assign', 'permset', '--name', 'Relationship_Maps_User', '--target-org', org]);
  console.log(`Deployed. Open the org with: npx sf org open --target-org ${org}`);
} else {
  // The preview is TypeScript run through tsx, in its own process; Ctrl+C reaches both, and the
  // preview closes its server and exits by itself.
  const preview = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'preview', 'start.ts'), ...argv],
    { stdio: 'inherit', cwd: REPO_ROOT }
  );
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => preview.kill(signal));
  }
  preview.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}
