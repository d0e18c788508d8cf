// @ts-check
/**
 * Shared plumbing for the offline checks that stand in for a deploy.
 *
 * Every checker is a module exporting `check(projectDir)` that resolves to a
 * {@link StageResult}; the same module runs from the command line through
 * {@link runAsCli}. Checkers take the project directory as an argument so their
 * own tests can point them at fixture projects holding planted defects.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../shared/project.mjs';

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

// The project's root and source files are what every script shares: scripts/shared/project.mjs.
export { REPO_ROOT, packageDirs, sourceFiles, walk } from '../../shared/project.mjs';

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
