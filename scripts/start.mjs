#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: the README's main job.
 *
 *   npm start -- --target-org <alias>   build, deploy force-app to that org, assign Relationship_Maps_User
 *                                       (scripts/org/org.mjs, as `npm run deploy`)
 *   npm start [-- <flags>]              the local preview: the real components on sample data, no org
 *                                       (scripts/preview/start.ts; `npm start -- --help` lists the flags)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './shared/project.mjs';
import { deployToOrg } from './org/org.mjs';

const argv = process.argv.slice(2);
const orgFlag = argv.findIndex((a) => a === '--target-org' || a === '-o');
const org = orgFlag >= 0 ? argv[orgFlag + 1] : undefined;
if (org === undefined && orgFlag >= 0) {
  console.error('--target-org needs an org alias or username (see `npx sf org list`).');
  process.exit(2);
}
if (org) {
  // The same steps as `npm run deploy` and CI's scratch-org job (scripts/org/org.mjs).
  process.exit(deployToOrg(org));
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
