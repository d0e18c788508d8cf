#!/usr/bin/env node
// @ts-check
/**
 * Apex syntax with Salesforce's own parser, jorje.
 *
 * prettier-plugin-apex ships jorje compiled to a native executable (the "apex-ast-serializer",
 * a GraalVM image, in the optional package @prettier-apex/apex-ast-serializer-<platform>-<arch>).
 * The plugin spawns it with no arguments for classes and triggers (named mode), with `-a` only
 * for anonymous Apex, writes the source to stdin and reads a JSON AST from stdout; jorje itself
 * tells a trigger from a class by its first tokens. The JSON's
 * `apex.jorje.semantic.compiler.parser.ParserOutput` holds `parseErrors` (each with a message and
 * a 1-based `loc.line`/`loc.column`) and `internalErrors`. The process exits 0 even when the
 * source has errors, so the errors are read from the JSON, never from the exit code.
 *
 * We call the executable the same way, once per .cls/.trigger in the package directories, two at a
 * time (the machines have two cores; each call takes ~25 ms). Findings keep jorje's position,
 * the one a deploy reports. jorje notices a missing ';' only at the next token, often on a later
 * line ("Missing ';' at 'x'", "Unexpected token 'return'"): for those the message adds where the
 * ';' belongs.
 *
 * Parse errors only: unknown types, fields and methods are apex-semantics' job.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { runAsCli } from './lib/common.mjs';
import { apexFiles, describeApexFiles, mapLimit } from './lib/apex-source.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */

const RULE = 'apex-syntax';

/** Native jorje packages prettier-plugin-apex 2.3.0 knows, by `${platform}-${arch}`. */
const NATIVE_PACKAGES = /** @type {Record<string, string>} */ ({
  'darwin-x64': '@prettier-apex/apex-ast-serializer-darwin-x64',
  'darwin-arm64': '@prettier-apex/apex-ast-serializer-darwin-arm64',
  'linux-x64': '@prettier-apex/apex-ast-serializer-linux-x64',
  'win32-x64': '@prettier-apex/apex-ast-serializer-win32-x64',
});

/**
 * Path of the jorje executable for this machine. Throws (the stage then fails) when there is
 * none: a syntax check that silently checks nothing is worse than a failing one.
 * @returns {string}
 */
export function jorjeExecutable() {
  const key = `${process.platform}-${process.arch}`;
  const pkg = NATIVE_PACKAGES[key];
  const why =
    'apex-syntax needs the native jorje parser shipped with prettier-plugin-apex ' +
    `(@prettier-apex/apex-ast-serializer-<platform>-<arch>).`;
  if (!pkg) {
    throw new Error(`${why} There is no build for ${key}; run this check on linux-x64 (CI) instead.`);
  }
  const exe = `apex-ast-serializer-${key}${process.platform === 'win32' ? '.exe' : ''}`;
  const require = createRequire(import.meta.url);
  // Resolve from the plugin first (that is the copy prettier uses), then from the project.
  const bases = [];
  try {
    bases.push(createRequire(require.resolve('prettier-plugin-apex')));
  } catch {
    // plugin missing: the project's own resolution below still reports a clear error
  }
  bases.push(require);
  for (const r of bases) {
    try {
      const file = r.resolve(`${pkg}/${exe}`);
      if (existsSync(file)) return file;
    } catch {
      // try the next base
    }
  }
  throw new Error(
    `${why} ${pkg} is not installed (optional dependencies skipped, or a different platform's ` +
      'node_modules). Reinstall dependencies without --omit=optional / --no-optional.'
  );
}

/**
 * @typedef {object} JorjeError
 * @property {string} message
 * @property {number} line 1-based
 * @property {number} column 1-based
 */

/**
 * Parses `source` with jorje and returns its parse errors (deduplicated: jorje reports some
 * trigger errors twice).
 * @param {string} exe
 * @param {string} source
 * @returns {Promise<JorjeError[]>}
 */
export function jorjeParse(exe, source) {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, [], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DEBUG: '' } });
    /** @type {Buffer[]} */
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`jorje exited with ${code}: ${err.trim().split('\n')[0]}`));
        return;
      }
      try {
        resolve(readJorjeErrors(Buffer.concat(out).toString('utf8')));
      } catch (e) {
        reject(e);
      }
    });
    child.stdin.on('error', () => {}); // EPIPE if jorje dies early; 'close' reports it
    child.stdin.end(source, 'utf8');
  });
}

/**
 * @param {string} json jorje's stdout
 * @returns {JorjeError[]}
 */
function readJorjeErrors(json) {
  const ast = JSON.parse(json);
  const output = ast['apex.jorje.semantic.compiler.parser.ParserOutput'];
  if (!output) throw new Error('jorje returned no ParserOutput');
  /** @type {JorjeError[]} */
  const errors = [];
  const seen = new Set();
  for (const e of [...(output.parseErrors ?? []), ...(output.internalErrors ?? [])]) {
    // parse errors: { message, error: { @class, error: { @class, loc } } }; be lenient about depth
    const inner = e?.error?.error ?? e?.error ?? {};
    const loc = inner.loc ?? e?.loc ?? {};
    const message = String(e?.message ?? inner.message ?? 'parse error');
    const line = Number(loc.line) || 1;
    const column = Number(loc.column) || 1;
    const key = `${line}:${column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ message, line, column });
  }
  return errors;
}

/**
 * The last code character before (line, column), skipping whitespace, comments and string
 * contents: where a token missing before the reported one belongs. 1-based line and column of
 * that character, or undefined when no code precedes the position.
 * @param {string} source
 * @param {number} line 1-based
 * @param {number} column 1-based
 * @returns {{ line: number, column: number, char: string } | undefined}
 */
export function previousCode(source, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = source.indexOf('\n', offset);
    if (nl < 0) return undefined;
    offset = nl + 1;
  }
  const end = Math.min(source.length, offset + column - 1);
  let lastCode = -1;
  for (let i = 0; i < end; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? end : nl;
    } else if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 1;
    } else if (c === "'") {
      let j = i + 1;
      while (j < end && source[j] !== "'" && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      lastCode = Math.min(j, end - 1);
      i = j;
    } else if (!/\s/.test(c)) {
      lastCode = i;
    }
  }
  if (lastCode < 0) return undefined;
  const before = source.slice(0, lastCode + 1);
  return {
    line: before.split('\n').length,
    column: lastCode + 1 - (before.lastIndexOf('\n') + 1),
    char: source[lastCode],
  };
}

/**
 * A hint for the commonest syntax error, a missing ';' at the end of a line: jorje notices it
 * only at the next token, on a later line. Returns '' when the error is not of that shape.
 * @param {string} source
 * @param {JorjeError} e
 * @returns {string}
 */
export function missingTokenHint(source, e) {
  const prev = previousCode(source, e.line, e.column);
  if (!prev || prev.line >= e.line) return '';
  const missing = /^Missing '(.+)' at /.exec(e.message);
  if (missing) return ` (it belongs at the end of line ${prev.line}, after column ${prev.column})`;
  // "Unexpected token 'x'" as the first token of a line whose previous code line ends in
  // something that cannot continue onto the next line: almost always a forgotten ';'.
  if (/^Unexpected token /.test(e.message) && !/[;{}(,[+\-*/=&|<>?:!.]/.test(prev.char)) {
    return ` (probably a missing ';' at the end of line ${prev.line}, after column ${prev.column})`;
  }
  return '';
}

/**
 * @param {string} file
 * @param {string} source as given to jorje
 * @param {JorjeError[]} errors
 * @returns {Finding[]}
 */
export function toFindings(file, source, errors) {
  // The position stays jorje's (the one a deploy reports); the hint says where to fix.
  return errors.map((e) => ({
    file,
    line: e.line,
    column: e.column,
    rule: RULE,
    message: `${e.message.replace(/\.$/, '')}${missingTokenHint(source, e)}`,
  }));
}

/**
 * @param {string} projectDir
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir) {
  const exe = jorjeExecutable();
  const files = apexFiles(projectDir);
  const concurrency = Math.max(1, Math.min(2, os.availableParallelism()));
  const perFile = await mapLimit(files, concurrency, async (file) => {
    let source = readFileSync(file, 'utf8');
    /** @type {Finding[]} */
    const findings = [];
    if (source.charCodeAt(0) === 0xfeff) {
      findings.push({
        file,
        line: 1,
        column: 1,
        rule: RULE,
        message:
          'File starts with a UTF-8 byte-order mark, which jorje rejects as an invalid identifier; save it as UTF-8 without BOM',
      });
      source = source.slice(1);
    }
    const errors = await jorjeParse(exe, source).catch((/** @type {unknown} */ e) => {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    });
    return [...findings, ...toFindings(file, source, errors)];
  });
  const findings = perFile.flat();
  const bad = perFile.filter((f) => f.length > 0).length;
  return {
    findings,
    summary: `${describeApexFiles(files)} parsed with jorje${files.length ? `, ${bad} with syntax errors` : ''}`,
  };
}

runAsCli(import.meta.url, check);
