/**
 * Everything a command touches outside itself, passed in so tests can run commands in-process
 * against a local server, with a fake `sf`, captured output and a fixed clock.
 */
import { execFile } from 'node:child_process';
import cliProgress from 'cli-progress';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A progress display for long jobs (Bulk API loads). */
export interface Progress {
  update(value: number): void;
  stop(): void;
}

export interface CliIO {
  /** Writes one line (or block) to standard output. */
  out(text: string): void;
  /** Writes one line (or block) to standard error. */
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths in flags are resolved. */
  cwd: string;
  /** Runs a program without a shell (used for `sf org display`). */
  runCommand(file: string, args: string[]): Promise<CommandResult>;
  now(): Date;
  /** Opens a progress display counting up to total. */
  progress(label: string, total: number): Progress;
  /** How often Bulk API jobs are polled. */
  pollIntervalMs: number;
  /** How long a Bulk API job may run before the command gives up waiting. */
  pollTimeoutMs: number;
}

function runCommand(file: string, args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 10 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function terminalProgress(label: string, total: number): Progress {
  // cli-progress draws only on a terminal (noTTYOutput false), so piped output stays clean.
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}`, stream: process.stderr },
    cliProgress.Presets.shades_classic
  );
  bar.start(total, 0);
  return {
    update: (value) => bar.update(Math.min(value, total)),
    stop: () => bar.stop(),
  };
}

/** The real process: stdout/stderr, environment, `sf` via execFile, a terminal progress bar. */
export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    runCommand,
    now: () => new Date(),
    progress: terminalProgress,
    pollIntervalMs: 2000,
    pollTimeoutMs: 30 * 60 * 1000,
  };
}
