#!/usr/bin/env node
// @ts-check
/**
 * Apex semantics with apex-ls (Apex Dev Tools' language server), the offline stand-in for the
 * compile step of a deploy.
 *
 * The jar ships inside @salesforce/code-analyzer-pmd-engine (dist/java-lib). We run
 *   java -cp "<java-lib>/*" io.github.apexdevtools.apexls.CheckForIssues -n -w <project> -f json -d warnings
 * (-n no cache, -w workspace, -f json, -d detail level: errors | warnings | unused). It reads
 * sfdx-project.json, the classes, triggers and object/field metadata of the package directories,
 * and knows the standard objects and the System namespace of API 65. Exit 0: no issues, 4: issues,
 * anything else: it failed to run (we then fail loudly rather than pass).
 *
 * What it reports (each message has a category):
 * - Syntax, Error, Missing: compile errors a deploy would reject: unknown types, fields on
 *   SObjects, methods, variables; type mismatches; duplicate methods; a class without -meta.xml;
 *   an unrecognised field type in field XML. All are findings.
 * - Warning: all are findings except the style-only ones in STYLE_ONLY_WARNINGS. Judgement: the
 *   warnings apex-ls 6 can emit (read from its classes) are modifier combinations the platform
 *   rejects or resolves inconsistently (conflicting sharing modifiers, non-global abstract methods in
 *   global abstract classes, private method "overrides"), calls it could not check "likely due to
 *   unknown type", and sfdx-project.json dependency problems. Each either stops a deploy or lets
 *   code deploy that does not do what it says; a baseline entry is the way to accept one.
 *   "Local variable is hiding class field" compiles and behaves as written: readability, not a
 *   deploy matter (PMD's business).
 * - Unused (only at -d unused): unused locals/methods compile fine; PMD reports them. Not requested.
 *
 * What apex-ls does NOT check (so a green run does not prove these):
 * - field names inside SOQL/SOSL, inline or dynamic: `[SELECT Bogus__c FROM Account]` passes here
 *   and fails a deploy (inline) or at run time (dynamic). Object names in FROM are only caught
 *   when the result is typed as a list of the unknown SObject. apex-rules keeps query text inline
 *   or literal, so every query is at least visible to review and to an org-based check later;
 * - part of the compiler's flow analysis: a statement after a plain `return` and a missing return
 *   are reported, but code after an if/else whose branches both return is not;
 * - platform APIs newer than API 65 (expect false "unknown" findings there: baseline them, with a
 *   reason, in config/apex-ls-baseline.jsonc);
 * - anything that needs an org: test results, coverage, metadata cross-references outside Apex.
 *
 * Baseline: config/apex-ls-baseline.jsonc (see lib/apex-baseline.mjs). Entries suppress
 * matching findings; each must carry a reason; entries that match nothing are `stale-baseline`
 * findings.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT, runAsCli } from './lib/common.mjs';
import { applyBaseline, readBaseline } from './lib/apex-baseline.mjs';
import { apexFiles, describeApexFiles } from './lib/apex-source.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */

const RULE = 'apex-semantics';
const BASELINE = path.join('config', 'apex-ls-baseline.jsonc');

/** Warnings that compile and run as written (see the module comment). */
const STYLE_ONLY_WARNINGS = [/^Local variable is hiding class field\b/];

/**
 * The java-lib folder of the code analyzer's PMD engine, which holds the apex-ls jar.
 * @returns {string}
 */
export function apexLsClasspathDir() {
  const candidates = [];
  try {
    const pkg = createRequire(import.meta.url).resolve('@salesforce/code-analyzer-pmd-engine');
    // main lives in dist/; walk up to the package root
    let dir = path.dirname(pkg);
    while (dir !== path.dirname(dir) && !existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    candidates.push(path.join(dir, 'dist', 'java-lib'));
  } catch {
    // fall through to the conventional location
  }
  candidates.push(path.join(REPO_ROOT, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib'));
  for (const dir of candidates) {
    if (existsSync(dir) && readdirSync(dir).some((f) => /^apex-ls_.*\.jar$/.test(f))) return dir;
  }
  throw new Error(
    'apex-semantics needs the apex-ls jar from @salesforce/code-analyzer-pmd-engine (dist/java-lib/apex-ls_*.jar); ' +
      `not found in ${candidates.join(' or ')}. Run npm ci.`
  );
}

/**
 * @typedef {object} ApexLsMessage
 * @property {string} path absolute
 * @property {number} line 1-based
 * @property {number} column 1-based
 * @property {string} category Syntax | Error | Missing | Warning | Unused
 * @property {string} message
 */

/**
 * Runs apex-ls on `projectDir` and returns every message it printed.
 * @param {string} projectDir
 * @returns {Promise<ApexLsMessage[]>}
 */
export function runApexLs(projectDir) {
  const cp = `${apexLsClasspathDir()}${path.sep}*`;
  const args = [
    '-cp',
    cp,
    'io.github.apexdevtools.apexls.CheckForIssues',
    '-n',
    '-w',
    projectDir,
    '-f',
    'json',
    '-d',
    'warnings',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      reject(
        /** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT'
          ? new Error('apex-semantics needs Java 17 (`java` on PATH) to run apex-ls')
          : e
      )
    );
    child.on('close', (code) => {
      if (code !== 0 && code !== 4) {
        reject(new Error(`apex-ls exited with ${code}:\n${(err || out).trim().slice(0, 2000)}`));
        return;
      }
      try {
        resolve(parseApexLsJson(out));
      } catch (e) {
        reject(
          new Error(
            `apex-ls output is not the expected JSON (${e instanceof Error ? e.message : e}):\n${out.slice(0, 500)}`
          )
        );
      }
    });
  });
}

/**
 * apex-ls JSON: { files: [{ path, messages: [{ start: { line, offset }, end, category, message }] }] }
 * with a 0-based `offset` (column).
 * @param {string} text
 * @returns {ApexLsMessage[]}
 */
export function parseApexLsJson(text) {
  const data = JSON.parse(text.slice(text.indexOf('{')));
  if (!Array.isArray(data.files)) throw new Error('no "files" array');
  /** @type {ApexLsMessage[]} */
  const out = [];
  for (const f of data.files) {
    for (const m of f.messages ?? []) {
      out.push({
        path: String(f.path),
        line: Math.max(1, Number(m.start?.line) || 1),
        column: (Number(m.start?.offset) || 0) + 1,
        category: String(m.category),
        message: String(m.message),
      });
    }
  }
  return out;
}

/**
 * Whether an apex-ls message would stop a deploy or make the deployed code misbehave.
 * @param {ApexLsMessage} m
 * @returns {boolean}
 */
export function isDeployRelevant(m) {
  if (m.category === 'Unused') return false;
  if (m.category === 'Warning') return !STYLE_ONLY_WARNINGS.some((re) => re.test(m.message));
  return true; // Syntax, Error, Missing, and any category a newer apex-ls adds
}

/**
 * @param {string} projectDir
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir) {
  const files = apexFiles(projectDir);
  const messages = await runApexLs(projectDir);
  const relevant = messages.filter(isDeployRelevant);
  /** @type {Finding[]} */
  const raw = relevant.map((m) => ({
    file: m.path,
    line: m.line,
    column: m.column,
    rule: RULE,
    message: `${m.message} (apex-ls ${m.category})`,
  }));
  const baselineFile = path.join(projectDir, BASELINE);
  const { entries, problems } = readBaseline(baselineFile);
  const { kept, suppressed, stale } = applyBaseline(raw, entries, projectDir, baselineFile);
  const findings = [...kept, ...problems, ...stale];
  const ignored = messages.length - relevant.length;
  const parts = [
    `${describeApexFiles(files)} and object metadata checked by apex-ls`,
    `${relevant.length} issue(s)`,
    `${suppressed} accepted by the baseline (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'})`,
  ];
  if (ignored) parts.push(`${ignored} style-only warning(s) ignored`);
  return { findings, summary: parts.join(', ') };
}

runAsCli(import.meta.url, check);
