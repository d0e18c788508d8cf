// @ts-check
/**
 * Helpers the three Apex checkers share: which files are Apex, how to count them in a
 * summary, paths relative to the project, and a small promise pool.
 */
import path from 'node:path';
import { sourceFiles } from './common.mjs';

/**
 * Every Apex class (.cls) and trigger (.trigger) in the project's package directories, sorted.
 * `.forceignore` is not applied: an ignored Apex file is still checked (it costs nothing and a
 * file that is ignored today may be deployed tomorrow).
 * @param {string} projectDir
 * @returns {string[]} absolute paths
 */
export function apexFiles(projectDir) {
  return sourceFiles(projectDir, (f) => isApexFile(f));
}

/**
 * @param {string} file
 * @returns {boolean}
 */
export function isApexFile(file) {
  const lower = file.toLowerCase();
  return lower.endsWith('.cls') || lower.endsWith('.trigger');
}

/**
 * @param {string} file
 * @returns {boolean}
 */
export function isTrigger(file) {
  return file.toLowerCase().endsWith('.trigger');
}

/**
 * "3 Apex files (2 classes, 1 trigger)" or "0 Apex files".
 * @param {string[]} files
 * @returns {string}
 */
export function describeApexFiles(files) {
  const triggers = files.filter(isTrigger).length;
  const classes = files.length - triggers;
  const noun = (/** @type {number} */ n, /** @type {string} */ one, /** @type {string} */ many) =>
    `${n} ${n === 1 ? one : many}`;
  const head = noun(files.length, 'Apex file', 'Apex files');
  return files.length === 0
    ? head
    : `${head} (${noun(classes, 'class', 'classes')}, ${noun(triggers, 'trigger', 'triggers')})`;
}

/**
 * `file` relative to `projectDir`, with forward slashes (stable across platforms, used for
 * baseline matching and messages).
 * @param {string} projectDir
 * @param {string} file
 * @returns {string}
 */
export function relativePosix(projectDir, file) {
  const rel = path.isAbsolute(file) ? path.relative(projectDir, file) : file;
  return rel.split(path.sep).join('/');
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export async function mapLimit(items, limit, fn) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
