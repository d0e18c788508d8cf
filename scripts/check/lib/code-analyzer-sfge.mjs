// @ts-check
/**
 * Salesforce Graph Engine (sfge) in its own process, with a time limit.
 *
 * The engine starts a Java process that the core gives no way to stop, so the
 * run happens in a worker: this same file, started with node in a new process
 * group. When the time limit passes (or the check itself is interrupted) the
 * whole group, Java included, is killed and the run reports an engine error.
 *
 *   parent: runGraphEngine(request, timeoutMs)  -> spawns the worker
 *   worker: node code-analyzer-sfge.mjs <request.json>  -> writes request.resultFile
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEnginePlugin } from '@salesforce/code-analyzer-sfge-engine';
import { buildConfig, SFGE_SELECTORS } from './code-analyzer-config.mjs';
import { emptyJsonResults, runEngines } from './code-analyzer-run.mjs';

/**
 * @typedef {import('./code-analyzer-run.mjs').RunOutcome} RunOutcome
 */

/**
 * @typedef {object} GraphEngineRequest
 * @property {string} projectDir
 * @property {string} logFolder existing folder for logs
 * @property {string[]} workspaceFiles every Apex/metadata file Graph Engine may read
 * @property {string[]} targets the files to start paths from
 * @property {string} requestFile where the request is written for the worker
 * @property {string} resultFile where the worker writes its {@link RunOutcome}
 */

const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * @param {string} message
 * @returns {RunOutcome}
 */
const failed = (message) => ({
  json: emptyJsonResults(),
  sarif: { version: '2.1.0', runs: [] },
  errors: [{ engine: 'sfge', message }],
  rulesPerEngine: {},
});

/**
 * Runs Graph Engine in a worker process; resolves (never rejects) with its
 * outcome, or with an engine error when it fails, crashes or times out.
 * @param {GraphEngineRequest} request
 * @param {number} timeoutMs
 * @returns {Promise<RunOutcome>}
 */
export function runGraphEngine(request, timeoutMs) {
  writeFileSync(request.requestFile, JSON.stringify(request));
  writeFileSync(request.resultFile, '');
  return new Promise((resolve) => {
    // detached: the worker leads a new process group, so killing -pid also
    // kills the Java process the engine starts. Its stdout goes to our stderr:
    // stdout is reserved for findings.
    const child = spawn(process.execPath, [THIS_FILE, request.requestFile], {
      detached: true,
      stdio: ['ignore', 2, 2],
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    /** @param {NodeJS.Signals} signal */
    const onSignal = (signal) => {
      killGroup();
      cleanup();
      process.kill(process.pid, signal);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('exit', killGroup);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', killGroup);

    child.on('error', (err) => {
      cleanup();
      resolve(failed(`Graph Engine worker could not start: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      cleanup();
      // A worker that crashed or was killed may leave Java behind; stop it too.
      if (code !== 0) killGroup();
      if (timedOut) {
        resolve(
          failed(
            `Graph Engine did not finish within ${timeoutMs / 1000} s and was stopped (time limit: SFGE_LIMITS.runTimeoutMs)`
          )
        );
        return;
      }
      let text = '';
      try {
        text = readFileSync(request.resultFile, 'utf8');
      } catch {
        // Handled below.
      }
      if (code !== 0 || text === '') {
        resolve(failed(`Graph Engine worker ended with ${signal ?? `exit code ${code}`} and no results`));
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (err) {
        resolve(failed(`Graph Engine worker wrote unreadable results: ${err instanceof Error ? err.message : err}`));
      }
    });
  });
}

/**
 * Worker side: run Graph Engine as described by the request file.
 * @param {string} requestFile
 */
async function work(requestFile) {
  /** @type {GraphEngineRequest} */
  const request = JSON.parse(readFileSync(requestFile, 'utf8'));
  const outcome = await runEngines({
    config: buildConfig({ projectDir: request.projectDir, logFolder: request.logFolder, graphEngine: true }),
    plugins: [createEnginePlugin()],
    selectors: SFGE_SELECTORS,
    workspaceFiles: request.workspaceFiles,
    targets: request.targets,
    label: 'Graph Engine',
    logFile: path.join(request.logFolder, 'code-analyzer-sfge.log'),
  });
  writeFileSync(request.resultFile, JSON.stringify(outcome));
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  work(process.argv[2]).catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 2;
  });
}
