// @ts-check
/**
 * One run of @salesforce/code-analyzer-core: add engine plugins, select rules,
 * run them over a workspace, and return the results as plain data (so that a
 * run in a worker process can hand them back as JSON).
 *
 * Nothing an engine reports is dropped: every error-level log event (PMD's
 * "processing error" for a file it cannot parse, Graph Engine's internal
 * errors, an engine that cannot start) and every failure of the core itself
 * comes back in `errors`.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { CodeAnalyzer, EventType, LogLevel, OutputFormat } from '@salesforce/code-analyzer-core';

/**
 * @typedef {import('@salesforce/code-analyzer-core').CodeAnalyzerConfig} CodeAnalyzerConfig
 * @typedef {import('@salesforce/code-analyzer-engine-api').EnginePlugin} EnginePlugin
 */

/**
 * A code location as in the core's JSON output: `file` is relative to the
 * run directory when it lies below it, absolute otherwise.
 * @typedef {object} JsonLocation
 * @property {string} [file]
 * @property {number} [startLine]
 * @property {number} [startColumn]
 * @property {number} [endLine]
 * @property {number} [endColumn]
 * @property {string} [comment]
 */

/**
 * A violation as in the core's JSON output.
 * @typedef {object} JsonViolation
 * @property {string} rule
 * @property {string} engine
 * @property {number} severity 1 Critical .. 5 Info
 * @property {string[]} tags
 * @property {number} primaryLocationIndex
 * @property {JsonLocation[]} locations
 * @property {string} message
 * @property {string[]} resources
 */

/**
 * The core's JSON output format (OutputFormat.JSON).
 * @typedef {object} JsonResults
 * @property {string} runDir absolute, ends with a path separator
 * @property {{ total: number, sev1: number, sev2: number, sev3: number, sev4: number, sev5: number }} violationCounts
 * @property {Record<string, string>} versions
 * @property {JsonViolation[]} violations
 */

/**
 * Something went wrong inside an engine or the core (not a rule violation).
 * @typedef {object} EngineError
 * @property {string} engine
 * @property {string} message
 * @property {string} [file] absolute path of the file concerned, if known
 * @property {number} [line]
 * @property {number} [column]
 */

/**
 * @typedef {object} RunOutcome
 * @property {JsonResults} json
 * @property {{ runs: object[] } & Record<string, unknown>} sarif the core's SARIF log
 * @property {EngineError[]} errors
 * @property {Record<string, number>} rulesPerEngine selected rules, by engine
 */

/**
 * @typedef {object} RunRequest
 * @property {CodeAnalyzerConfig} config
 * @property {EnginePlugin[]} plugins
 * @property {string[]} selectors
 * @property {string[]} workspaceFiles absolute paths the engines may read
 * @property {string[]} [targets] absolute paths to analyse (default: all workspace files)
 * @property {string} label shown in progress lines, e.g. "PMD + regex"
 * @property {string} logFile file to append every log event to
 */

/** @param {string} msg */
const progress = (msg) => process.stderr.write(`[code-analyzer] ${msg}\n`);

/**
 * An empty JSON result, for runs that could not produce one.
 * @returns {JsonResults}
 */
export function emptyJsonResults() {
  return {
    runDir: process.cwd() + path.sep,
    violationCounts: { total: 0, sev1: 0, sev2: 0, sev3: 0, sev4: 0, sev5: 0 },
    versions: {},
    violations: [],
  };
}

/** @param {unknown} err */
const errorText = (err) => (err instanceof Error ? err.message : String(err));

/**
 * Engines report trouble with one file only as an error-level log event.
 * PMD, for a file it cannot parse:
 * "PMD issued a processing error for file '<path>':\n    ParseException: ...
 * Syntax error at 3:46: missing ')' at '{'". Pull out file, line and column.
 * @param {string} engine
 * @param {string} message
 * @returns {EngineError}
 */
export function parseEngineErrorMessage(engine, message) {
  // Graph Engine: "Internal execution error while scanning entry point: <file>:<line>:<col>: <what>",
  // e.g. "Path evaluation timed out after 60000 ms".
  const entry = /entry point: (.+?):(\d+):(\d+): ([\s\S]*)$/.exec(message.trim());
  if (entry) {
    return {
      engine,
      file: entry[1],
      line: Number(entry[2]),
      column: Number(entry[3]),
      message: `${engine} could not analyse this entry point: ${entry[4].trim()}`,
    };
  }
  const fileMatch = /processing error for file '([^']+)'/.exec(message);
  if (!fileMatch) return { engine, message: message.trim() };
  const syntax = /Syntax error at (\d+):(\d+): ?([^\n]*)/.exec(message);
  if (syntax) {
    return {
      engine,
      file: fileMatch[1],
      line: Number(syntax[1]),
      // PMD's parser counts columns from 0.
      column: Number(syntax[2]) + 1,
      message: `${engine} cannot parse this file: ${syntax[3].trim()}`,
    };
  }
  // Other processing errors (e.g. a crash of PMD's JavaScript parser): the first line of detail.
  const detail = message
    .slice(fileMatch.index + fileMatch[0].length)
    .replace(/^:/, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  return { engine, file: fileMatch[1], message: `${engine} could not process this file: ${detail ?? 'no detail'}` };
}

/**
 * @param {RunRequest} request
 * @returns {Promise<RunOutcome>}
 */
export async function runEngines({ config, plugins, selectors, workspaceFiles, targets, label, logFile }) {
  /** @type {EngineError[]} */
  const errors = [];
  /** @type {Record<string, number>} */
  const rulesPerEngine = {};
  /** @param {string} source @param {LogLevel} level @param {string} message */
  const log = (source, level, message) => {
    try {
      appendFileSync(logFile, `${new Date().toISOString()} ${LogLevel[level] ?? level} [${source}] ${message}\n`);
    } catch {
      // The log file is a convenience; never let it break the run.
    }
  };

  const analyzer = new CodeAnalyzer(config);
  analyzer.onEvent(EventType.LogEvent, (/** @type {import('@salesforce/code-analyzer-core').LogEvent} */ e) => {
    log('core', e.logLevel, e.message);
    if (e.logLevel === LogLevel.Error) errors.push({ engine: 'core', message: e.message.trim() });
  });
  analyzer.onEvent(
    EventType.EngineLogEvent,
    (/** @type {import('@salesforce/code-analyzer-core').EngineLogEvent} */ e) => {
      log(e.engineName, e.logLevel, e.message);
      if (e.logLevel === LogLevel.Error) errors.push(parseEngineErrorMessage(e.engineName, e.message));
      else if (e.logLevel === LogLevel.Warn) progress(`${e.engineName} warning: ${e.message.trim()}`);
    }
  );
  /** @type {Map<string, string>} */
  const lastMessage = new Map();
  analyzer.onEvent(
    EventType.EngineRunProgressEvent,
    (/** @type {import('@salesforce/code-analyzer-core').EngineRunProgressEvent} */ e) => {
      if (e.message && lastMessage.get(e.engineName) !== e.message) {
        lastMessage.set(e.engineName, e.message);
        progress(`${label}: ${e.message}`);
      }
    }
  );

  let json = emptyJsonResults();
  /** @type {RunOutcome['sarif']} */
  let sarif = { version: '2.1.0', runs: [] };
  try {
    for (const plugin of plugins) await analyzer.addEnginePlugin(plugin);
    const workspace = await analyzer.createWorkspace(workspaceFiles, targets);
    const selection = await analyzer.selectRules(selectors, { workspace });
    for (const engine of selection.getEngineNames()) rulesPerEngine[engine] = selection.getRulesFor(engine).length;
    const results = await analyzer.run(selection, { workspace });
    json = JSON.parse(results.toFormattedOutput(OutputFormat.JSON));
    sarif = JSON.parse(results.toFormattedOutput(OutputFormat.SARIF));
  } catch (err) {
    // E.g. an engine returned a violation for a rule that was not selected:
    // the core rejects the whole run. That is a failure, never a pass.
    log('core', LogLevel.Error, err instanceof Error && err.stack ? err.stack : String(err));
    errors.push({ engine: 'core', message: `${label} run failed: ${errorText(err)}` });
  }
  return { json, sarif, errors, rulesPerEngine };
}
