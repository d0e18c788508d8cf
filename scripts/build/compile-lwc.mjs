#!/usr/bin/env node
// @ts-check
/**
 * Compiles every Lightning web component's TypeScript to the JavaScript that deploys.
 *
 * The platform resolves `c/<name>` imports itself; tsc needs one `paths` entry per component
 * (the platform forbids a `c/*` wildcard). A missing entry would only surface as a confusing
 * type error, so this script checks the entries first and names the fix.
 *
 * Usage: node scripts/build/compile-lwc.mjs [--check]   (--check: type-check only, emit nothing)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT, sourceFiles } from '../shared/project.mjs';
import { bundleD3 } from './bundle-d3.mjs';

const require = createRequire(import.meta.url);

/**
 * Components written in TypeScript: bundle folders holding `<name>/<name>.ts`.
 * @param {string} projectDir
 * @returns {Map<string, string>} component name → path of its .ts relative to projectDir
 */
export function typeScriptComponents(projectDir) {
  const components = new Map();
  for (const file of sourceFiles(projectDir, (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const name = path.basename(file, '.ts');
    const dir = path.dirname(file);
    if (path.basename(dir) === name && path.basename(path.dirname(dir)) === 'lwc') {
      components.set(name, './' + path.relative(projectDir, file).split(path.sep).join('/'));
    }
  }
  return components;
}

/**
 * Problems with tsconfig.json's `paths` for the project's components, as messages.
 * @param {string} projectDir
 * @returns {string[]}
 */
export function pathProblems(projectDir) {
  const configFile = path.join(projectDir, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) return [`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`];
  /** @type {Record<string, string[]>} */
  const paths = config.compilerOptions?.paths ?? {};
  const problems = [];
  for (const [name, file] of typeScriptComponents(projectDir)) {
    const entry = paths[`c/${name}`];
    if (!entry || entry.length !== 1 || path.normalize(entry[0]) !== path.normalize(file)) {
      problems.push(`tsconfig.json: add "c/${name}": ["${file}"] to compilerOptions.paths`);
    }
  }
  for (const [alias, targets] of Object.entries(paths)) {
    if (alias.includes('*'))
      problems.push(`tsconfig.json: "${alias}" — wildcards are not allowed; list each component`);
    for (const target of targets) {
      if (!existsSync(path.join(projectDir, target)))
        problems.push(`tsconfig.json: "${alias}" points to missing ${target}`);
    }
  }
  return problems;
}

async function main() {
  const checkOnly = process.argv.includes('--check');
  const problems = pathProblems(REPO_ROOT);
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', path.join(REPO_ROOT, 'tsconfig.json'), '--pretty', 'false'];
  if (checkOnly) args.push('--noEmit');
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit', cwd: REPO_ROOT });
  } catch {
    process.exit(1);
  }
  const count = typeScriptComponents(REPO_ROOT).size;
  console.log(`${checkOnly ? 'type-checked' : 'compiled'} ${count} TypeScript component(s)`);
  if (!checkOnly) {
    // c/d3 compiles to bare npm re-exports; the platform needs them bundled into the module.
    const size = await bundleD3();
    console.log(`bundled D3 into lwc/d3/d3.js (${Math.round(size / 1024)} KB)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
