#!/usr/bin/env node
// @ts-check
/**
 * What reaches an org always goes through the build first. The components are authored in
 * TypeScript; their .js is gitignored and the .ts is force-ignored, so the sf CLI on a clean
 * clone would deploy (or package) bundles with no JavaScript at all.
 *
 *   npm run deploy -- --target-org <alias>        build, deploy force-app, assign Relationship_Maps_User
 *                                                (`npm start -- --target-org <alias>` and CI run this)
 *   npm run package:version -- [sf flags]          build, then `sf package version create` with those
 *                                                flags (--package "Relationship Maps" unless given)
 *
 * The repo's own sf CLI (node_modules/.bin/sf) runs each step; RELATIONSHIP_MAPS_SF names another
 * executable instead (the tests put a recording stub there). A failing step stops the rest and
 * its exit status is ours.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../shared/project.mjs';

export const PACKAGE_NAME = 'Relationship Maps';
export const USER_PERMISSION_SET = 'Relationship_Maps_User';

const USAGE = `Usage:
  npm run deploy -- --target-org <alias>
  npm run package:version -- [flags for sf package version create]
      e.g. npm run package:version -- --installation-key-bypass --code-coverage --wait 30`;

/** The sf executable: RELATIONSHIP_MAPS_SF, or the repo's own CLI. */
function sfBinary() {
  return process.env.RELATIONSHIP_MAPS_SF || path.join(REPO_ROOT, 'node_modules', '.bin', 'sf');
}

/**
 * Runs one step in the repo with its output shown; returns its exit status.
 * @param {string} command
 * @param {string[]} args
 * @param {string} shown how the step is announced
 */
function step(command, args, shown) {
  console.log(`> ${shown}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO_ROOT });
  if (result.error) {
    console.error(`Could not run ${shown}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** `npm run build`: tsc for every component, then the D3 bundle. */
function build() {
  return step(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build', 'compile-lwc.mjs')], 'npm run build');
}

/** @param {string[]} args */
function sf(args) {
  return step(sfBinary(), args, `sf ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
}

/**
 * Runs the steps in order and stops at the first that fails.
 * @param {Array<() => number>} steps
 * @returns {number} 0, or the failing step's exit status
 */
function inOrder(steps) {
  for (const run of steps) {
    const status = run();
    if (status !== 0) return status;
  }
  return 0;
}

/**
 * Builds, deploys force-app to the org and assigns the User permission set to the logged-in user.
 * @param {string} org alias or username the sf CLI is logged in to
 * @returns {number} exit status
 */
export function deployToOrg(org) {
  const status = inOrder([
    build,
    () => sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', org, '--wait', '30']),
    () => sf(['org', 'assign', 'permset', '--name', USER_PERMISSION_SET, '--target-org', org]),
  ]);
  if (status === 0) console.log(`Deployed. Open the org with: npx sf org open --target-org ${org}`);
  return status;
}

/**
 * Builds, then creates a package version with the given flags (the package defaults to ours).
 * @param {string[]} flags passed to `sf package version create` as they are
 * @returns {number} exit status
 */
export function createPackageVersion(flags) {
  const namesPackage = flags.some((f) => /^(-p|--package|-d|--path)(=|$)/.test(f));
  const args = ['package', 'version', 'create', ...(namesPackage ? [] : ['--package', PACKAGE_NAME]), ...flags];
  return inOrder([build, () => sf(args)]);
}

/**
 * @param {string[]} argv command and its flags
 * @returns {number} exit status (2: usage error)
 */
export function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'package-version') return createPackageVersion(rest);
  if (command === 'deploy') {
    const at = rest.findIndex((a) => a === '--target-org' || a === '-o');
    const org = at >= 0 ? rest[at + 1] : undefined;
    const unknown = rest.filter((_, i) => i !== at && i !== at + 1);
    if (!org || org.startsWith('-') || unknown.length > 0) {
      console.error(
        unknown.length > 0
          ? `Unknown argument(s): ${unknown.join(' ')}.\n${USAGE}`
          : `--target-org needs an org alias or username (see \`npx sf org list\`).\n${USAGE}`
      );
      return 2;
    }
    return deployToOrg(org);
  }
  console.error(USAGE);
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
