// @ts-check
/**
 * A reviewed baseline of accepted findings, kept in a JSONC file: a top-level array of
 * `{ "file": <path or glob>, "message": <substring or /regex/flags>, "reason": <why> }`.
 *
 * - A finding that matches an entry (same file, message matches) is suppressed.
 * - Every entry must carry a non-empty reason; an entry without one is a finding (`baseline-entry`).
 * - An entry that suppresses nothing is a finding (`stale-baseline`), so the file never keeps
 *   excuses for problems that are gone.
 *
 * Paths are relative to the project directory, with forward slashes. Globs: `**` any number of
 * path segments, `*` anything but `/`, `?` one character but `/`, `{a,b}` alternatives.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { relativePosix } from './apex-source.mjs';

/** @typedef {import('./common.mjs').Finding} Finding */

/**
 * @typedef {object} BaselineEntry
 * @property {string} file path or glob, relative to the project
 * @property {string} message substring, or /regex/flags
 * @property {string} reason why the finding is accepted
 * @property {number} line 1-based line of the entry in the baseline file
 */

/**
 * Strips comments and trailing commas from JSONC (string contents untouched, newlines kept so
 * line numbers survive) and returns the JSON text plus the line of every object that starts
 * directly inside the top-level array.
 * @param {string} text
 * @returns {{ json: string, entryLines: number[] }}
 */
export function stripJsonc(text) {
  let out = '';
  let line = 1;
  let depth = 0;
  /** @type {number[]} */
  const entryLines = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      i--; // let the loop see the newline
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      const newlines = text.slice(i, end).split('\n').length - 1;
      out += '\n'.repeat(newlines);
      line += newlines;
      i = end - 1;
    } else if (c === ',') {
      // drop a trailing comma: next significant character closes the array/object
      let j = i + 1;
      for (;;) {
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === '/' && text[j + 1] === '/') {
          while (j < text.length && text[j] !== '\n') j++;
        } else if (text[j] === '/' && text[j + 1] === '*') {
          const close = text.indexOf('*/', j + 2);
          j = close < 0 ? text.length : close + 2;
        } else break;
      }
      if (text[j] !== ']' && text[j] !== '}') out += c;
    } else {
      if (c === '\n') line++;
      if (c === '[' || c === '{') {
        if (c === '{' && depth === 1) entryLines.push(line);
        depth++;
      } else if (c === ']' || c === '}') depth--;
      out += c;
    }
  }
  return { json: out, entryLines };
}

/**
 * Reads the baseline. A missing file is an empty baseline. Malformed entries are returned as
 * findings against the baseline file.
 * @param {string} baselineFile absolute path
 * @returns {{ entries: BaselineEntry[], problems: Finding[] }}
 */
export function readBaseline(baselineFile) {
  if (!existsSync(baselineFile)) return { entries: [], problems: [] };
  const { json, entryLines } = stripJsonc(readFileSync(baselineFile, 'utf8'));
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return {
      entries: [],
      problems: [
        {
          file: baselineFile,
          rule: 'baseline-entry',
          message: `Baseline is not valid JSONC: ${e instanceof Error ? e.message : String(e)}`,
        },
      ],
    };
  }
  if (!Array.isArray(data)) {
    return {
      entries: [],
      problems: [
        { file: baselineFile, line: 1, rule: 'baseline-entry', message: 'Baseline must be a JSON array of entries' },
      ],
    };
  }
  /** @type {BaselineEntry[]} */
  const entries = [];
  /** @type {Finding[]} */
  const problems = [];
  data.forEach((raw, i) => {
    const line = entryLines[i] ?? 1;
    const e = /** @type {Record<string, unknown>} */ (raw && typeof raw === 'object' ? raw : {});
    const str = (/** @type {string} */ k) => (typeof e[k] === 'string' ? String(e[k]).trim() : '');
    const missing = ['file', 'message', 'reason'].filter((k) => !str(k));
    if (missing.length) {
      problems.push({
        file: baselineFile,
        line,
        rule: 'baseline-entry',
        message: `Baseline entry ${i + 1} lacks ${missing.map((k) => `"${k}"`).join(', ')}: every entry needs the file, the message it accepts and the reason it is accepted`,
      });
      return;
    }
    const message = str('message');
    if (isRegexLiteral(message)) {
      try {
        toMatcher(message);
      } catch (err) {
        problems.push({
          file: baselineFile,
          line,
          rule: 'baseline-entry',
          message: `Baseline entry ${i + 1} has an invalid regular expression: ${err instanceof Error ? err.message : String(err)}`,
        });
        return;
      }
    }
    entries.push({ file: str('file'), message, reason: str('reason'), line });
  });
  return { entries, problems };
}

/** @param {string} s */
function isRegexLiteral(s) {
  return /^\/.+\/[a-z]*$/s.test(s);
}

/**
 * @param {string} message substring or /regex/flags
 * @returns {(text: string) => boolean}
 */
function toMatcher(message) {
  if (isRegexLiteral(message)) {
    const last = message.lastIndexOf('/');
    const re = new RegExp(message.slice(1, last), message.slice(last + 1));
    return (text) => re.test(text);
  }
  return (text) => text.includes(message);
}

/**
 * Converts a glob (see the module comment) to an anchored RegExp.
 * @param {string} glob
 * @returns {RegExp}
 */
export function globToRegExp(glob) {
  let re = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // "**/" matches zero or more whole segments; a trailing "**" matches the rest
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Applies the baseline: returns the findings it does not accept, plus a `stale-baseline` finding
 * for every entry that accepted nothing.
 * @param {Finding[]} findings
 * @param {BaselineEntry[]} entries
 * @param {string} projectDir
 * @param {string} baselineFile absolute path (for the stale findings)
 * @returns {{ kept: Finding[], suppressed: number, stale: Finding[] }}
 */
export function applyBaseline(findings, entries, projectDir, baselineFile) {
  const matchers = entries.map((e) => {
    const fileRe = /[*?{]/.test(e.file) ? globToRegExp(e.file) : undefined;
    const wanted = path.posix.normalize(e.file.replace(/\\/g, '/')).replace(/^\.\//, '');
    return {
      entry: e,
      used: 0,
      matches: (/** @type {Finding} */ f) => {
        const rel = relativePosix(projectDir, f.file);
        const fileOk = fileRe ? fileRe.test(rel) : rel === wanted;
        return fileOk && toMatcher(e.message)(f.message);
      },
    };
  });
  /** @type {Finding[]} */
  const kept = [];
  let suppressed = 0;
  for (const f of findings) {
    const hit = matchers.filter((m) => m.matches(f));
    hit.forEach((m) => m.used++);
    if (hit.length) suppressed++;
    else kept.push(f);
  }
  const stale = matchers
    .filter((m) => m.used === 0)
    .map((m) => ({
      file: baselineFile,
      line: m.entry.line,
      rule: 'stale-baseline',
      message: `Baseline entry matches no finding any more (file "${m.entry.file}", message "${m.entry.message}"): remove it`,
    }));
  return { kept, suppressed, stale };
}
