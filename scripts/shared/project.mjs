// @ts-check
/**
 * What every script needs to find its way around the project: the repository root, the SFDX
 * package directories and the source files in them. Plain JavaScript (with JSDoc types) so that
 * the .mjs scripts (build, org, start, check) import it as they run, and the .ts scripts too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/shared is two levels below it). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '.test-output']);

/**
 * The package directories of an SFDX project, as absolute paths.
 * @param {string} projectDir
 * @returns {string[]}
 */
export function packageDirs(projectDir) {
  const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
  return project.packageDirectories.map((/** @type {{path: string}} */ p) => path.resolve(projectDir, p.path));
}

/**
 * Every file under `dir` (recursively, sorted) whose path passes `keep`.
 * Skips dependency and tool-output folders.
 * @param {string} dir
 * @param {(file: string) => boolean} [keep]
 * @returns {string[]}
 */
export function walk(dir, keep = () => true) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const visit = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) visit(full);
      } else if (keep(full)) {
        out.push(full);
      }
    }
  };
  visit(dir);
  return out;
}

/**
 * All files in the project's package directories passing `keep`.
 * @param {string} projectDir
 * @param {(file: string) => boolean} [keep]
 */
export function sourceFiles(projectDir, keep) {
  return packageDirs(projectDir).flatMap((d) => walk(d, keep));
}
