// @ts-check
/**
 * Turns diagnostics of the platform LWC compiler (@lwc/sfdc-lwc-compiler) into findings, and
 * decides which of them fail the check.
 *
 * Levels (DiagnosticLevel of @lwc/errors): 0 Fatal, 1 Error, 2 Warning, 3 Log.
 * - Fatal and Error fail: the platform rejects the deploy.
 * - Warnings fail too, with two exceptions. The platform deploys a component with warnings, but
 *   the warnings this compiler emits are latent defects: `eval` (LWC1002, blocked by Lightning
 *   Web Security and CSP), an import of a name a bundle file does not export (LWC1002), HTML the
 *   parser had to repair so the rendered DOM differs from the template (LWC1144/1148), unknown
 *   tags and attributes (LWC1123/1057), duplicate or iterated slots (LWC1137/1138), a static id in
 *   an iteration (LWC1041). A warning nobody reads is a warning nobody fixes.
 *   The exceptions:
 *   1. Unresolvable imports of modules the org provides (`c/...`, `@salesforce/apex/...`,
 *      `lightning/...`): expected offline, where those modules do not exist. (13.3.x marks bare
 *      imports external and emits none today; the rule stays in case a version does.)
 *   2. Documentation warnings (LWC1506, LWC1519-1522): the compiler parses JSDoc to build the
 *      component's documentation, and wants `@param {Type} name`. In TypeScript the types live in
 *      the signature, so TSDoc's `@param name description` is the norm and tsc keeps comments in
 *      its output; repeating the type in the comment only invites drift no tool checks. These
 *      warnings have no effect on the code that runs; they are counted in the summary.
 * - Log: ignored.
 */
import path from 'node:path';

/** @typedef {import('./common.mjs').Finding} Finding */

/**
 * The fields of a compiler diagnostic this module reads (CompilerDiagnostic of @lwc/errors).
 * @typedef {object} LwcDiagnostic
 * @property {number} [code]
 * @property {string} message
 * @property {number} level
 * @property {string} [filename] relative to the bundle
 * @property {{ line?: number, column?: number, start?: number, length?: number }} [location]
 */

export const LEVEL = Object.freeze({ FATAL: 0, ERROR: 1, WARNING: 2, LOG: 3 });

/** Module namespaces the org resolves and an offline compiler cannot. */
const PLATFORM_MODULE =
  /["'`](?:c|lightning|lwc|force|forceChatter|forceCommunity|experience|commerce)\/|["'`]@salesforce\//;
const UNRESOLVED = /could not be resolved|cannot be resolved|unable to resolve|failed to resolve|unresolved import/i;
/** Documentation-only warnings: markdown doc without content, JSDoc the doc generator cannot use. */
const DOCUMENTATION_CODES = new Set([1506, 1519, 1520, 1521, 1522]);
/** Rollup warnings wrapped by the compiler; their columns are 0-based. */
const ROLLUP_WARNING_CODE = 1002;

/**
 * What the check does with a diagnostic.
 * @param {LwcDiagnostic} d
 * @returns {'fail' | 'offline-import' | 'documentation' | 'ignore'}
 */
export function classify(d) {
  if (d.level === LEVEL.FATAL || d.level === LEVEL.ERROR) return 'fail';
  if (d.level !== LEVEL.WARNING) return 'ignore';
  if (UNRESOLVED.test(d.message) && PLATFORM_MODULE.test(d.message)) return 'offline-import';
  if (d.code !== undefined && DOCUMENTATION_CODES.has(d.code)) return 'documentation';
  return 'fail';
}

/**
 * The most specific LWC error code in a message and the text after it. Plugin failures are
 * wrapped ("LWC1535: Unexpected plugin compilation error: ... Cause - SyntaxError: /x/foo.js:
 * LWC1104: "api" can only be used as a class decorator"): the inner code is the one to act on.
 * @param {string} message
 * @param {number | undefined} code
 * @returns {{ rule: string, text: string }}
 */
export function codeAndText(message, code) {
  const firstLine = message.split('\n')[0].trim();
  const matches = [...firstLine.matchAll(/\bLWC(\d{4}):\s*/g)];
  const last = matches[matches.length - 1];
  let rule = code !== undefined ? `LWC${code}` : 'LWC';
  let text = firstLine;
  if (last && last.index !== undefined) {
    rule = `LWC${last[1]}`;
    text = firstLine.slice(last.index + last[0].length);
  }
  text = text
    // absolute path (and position) of the file at the start: the finding names the file already
    .replace(/^(?:\/|[A-Za-z]:\\)\S*?(?::\d+:\d+)?:\s+/, '')
    // "Error in module resolution: foo.js (5:6): " in front of rollup warnings
    .replace(/^Error in module resolution:\s+\S+\s+\(\d+:\d+\):\s+/, '')
    // other absolute paths: the compiler resolves bundle files against its working directory
    .replace(/(?:\/|[A-Za-z]:\\)[^\s:'"]*[/\\]([^\s/\\:'"]+\.(?:js|html|css|svg|md|xml))\b/g, '$1');
  return { rule, text };
}

/**
 * 1-based line and column of a diagnostic in `source`. The compiler's locations mix bases: ESLint,
 * template and CSS diagnostics are 1-based, Babel and Rollup columns 0-based. The character offset
 * (`start`), when it agrees with the line, is unambiguous, so it wins.
 * @param {LwcDiagnostic} d
 * @param {string | undefined} source content of the file the diagnostic names
 * @returns {{ line?: number, column?: number }}
 */
export function position(d, source) {
  const loc = d.location;
  if (!loc) return {};
  if (source !== undefined && loc.start !== undefined && loc.start >= 0 && loc.start <= source.length) {
    const before = source.slice(0, loc.start).split('\n');
    const line = before.length;
    if (loc.line === undefined || loc.line === line) return { line, column: before[before.length - 1].length + 1 };
  }
  if (loc.line === undefined) return {};
  const column = loc.column === undefined ? undefined : loc.column + (d.code === ROLLUP_WARNING_CODE ? 1 : 0);
  return { line: loc.line, column };
}

/**
 * Findings for the failing diagnostics of one bundle, de-duplicated (the compiler reports a
 * diagnostic once per output configuration and again in its top-level list).
 * @param {LwcDiagnostic[]} diagnostics
 * @param {{ dir: string, name: string, files: Record<string, string> }} bundle files: as given to the compiler
 * @returns {{ findings: Finding[], ignored: Map<string, number> }} ignored: rule → count of
 *   documentation and offline-import warnings left out
 */
export function toFindings(diagnostics, bundle) {
  /** @type {Finding[]} */
  const findings = [];
  /** @type {Map<string, number>} */
  const ignored = new Map();
  const seen = new Set();
  for (const d of diagnostics) {
    const verdict = classify(d);
    const { rule, text } = codeAndText(d.message, d.code);
    const key = JSON.stringify([d.filename, d.location?.line, d.location?.column, d.location?.start, d.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (verdict === 'ignore') continue;
    if (verdict !== 'fail') {
      ignored.set(rule, (ignored.get(rule) ?? 0) + 1);
      continue;
    }
    // Diagnostics without a file (JSDoc, whole-bundle failures) belong to the component's module.
    const rel = d.filename && Object.hasOwn(bundle.files, d.filename) ? d.filename : `${bundle.name}.js`;
    const where = d.filename === rel ? position(d, bundle.files[rel]) : {};
    const warning = d.level === LEVEL.WARNING ? 'compiler warning (fails this check, see lwc-diagnostics.mjs): ' : '';
    findings.push({
      file: path.join(bundle.dir, ...rel.split('/')),
      ...where,
      rule,
      message: `${warning}${text}`,
    });
  }
  return { findings, ignored };
}
