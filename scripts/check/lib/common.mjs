// @ts-check
/**
 * Shared plumbing for the offline checks that stand in for a deploy.
 *
 * Every checker is a module exporting `check(projectDir)` that resolves to a
 * {@link StageResult}; the same module runs from the command line through
 * {@link runAsCli}. Checkers take the project directory as an argument so their
 * own tests can point them at fixture projects holding planted defects.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * @typedef {object} Finding
 * @property {string} file absolute path, or a path relative to the project
 * @property {number} [line] 1-based
 * @property {number} [column] 1-based
 * @property {string} [rule] short id of the rule that fired
 * @property {string} message what is wrong, in words a developer acts on
 */

/**
 * @typedef {object} StageResult
 * @property {Finding[]} findings empty when the stage passes
 * @property {string} summary one line: what was checked, e.g. "42 files"
 */

/** The repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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

/**
 * `file:line:col  message [rule]`, with the file relative to `projectDir`.
 * @param {Finding} f
 * @param {string} projectDir
 */
export function formatFinding(f, projectDir) {
  const rel = path.isAbsolute(f.file) ? path.relative(projectDir, f.file) : f.file;
  const where = [rel, f.line, f.line !== undefined ? f.column : undefined].filter((x) => x !== undefined).join(':');
  return `${where}  ${f.message}${f.rule ? ` [${f.rule}]` : ''}`;
}

/**
 * True when `file` exists and is a directory.
 * @param {string} file
 */
export function isDir(file) {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs `check` when `moduleUrl` is the script node was started with:
 * `node scripts/check/x.mjs [projectDir]`. Prints findings and the summary,
 * exits 1 on findings and 2 on a crash.
 * @param {string} moduleUrl import.meta.url of the checker
 * @param {(projectDir: string) => Promise<StageResult>} check
 */
export function runAsCli(moduleUrl, check) {
  if (!process.argv[1] || pathToFileURL(path.resolve(process.argv[1])).href !== moduleUrl) return;
  const projectDir = path.resolve(process.argv[2] ?? REPO_ROOT);
  check(projectDir).then(
    ({ findings, summary }) => {
      for (const f of findings) console.log(formatFinding(f, projectDir));
      console.log(`${findings.length === 0 ? 'ok' : `${findings.length} finding(s)`}: ${summary}`);
      process.exitCode = findings.length === 0 ? 0 : 1;
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exitCode = 2;
    }
  );
}
