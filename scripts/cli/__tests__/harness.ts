/**
 * Runs CLI commands in-process against the fake server: captured output, env credentials (or a
 * fake `sf`), a fixed clock, a recording progress display, fast Bulk API polling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../main.ts';
import type { CliIO, CommandResult } from '../lib/io.ts';
import { FAKE_TOKEN, FakeSalesforce } from './fake/server.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in order. */
  output: string;
  progress: { label: string; total: number; values: number[]; stopped: boolean }[];
  commands: { file: string; args: string[] }[];
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Answers `sf` calls; default: none expected. */
  sf?: (args: string[]) => CommandResult;
  now?: Date;
}

export const TODAY = new Date('2026-11-20T10:00:00Z');

export async function run(server: FakeSalesforce, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = { code: -1, stdout: '', stderr: '', output: '', progress: [], commands: [] };
  const io: CliIO = {
    out: (t) => {
      result.stdout += `${t}\n`;
      result.output += `${t}\n`;
    },
    err: (t) => {
      result.stderr += `${t}\n`;
      result.output += `${t}\n`;
    },
    env: options.env ?? { SF_ACCESS_TOKEN: FAKE_TOKEN, SF_INSTANCE_URL: server.url },
    cwd: options.cwd ?? process.cwd(),
    runCommand: (file, args) => {
      result.commands.push({ file, args });
      if (!options.sf) throw new Error(`unexpected command ${file} ${args.join(' ')}`);
      return Promise.resolve(options.sf(args));
    },
    now: () => options.now ?? TODAY,
    progress: (label, total) => {
      const record = { label, total, values: [] as number[], stopped: false };
      result.progress.push(record);
      return { update: (v) => record.values.push(v), stop: () => (record.stopped = true) };
    },
    pollIntervalMs: 1,
    pollTimeoutMs: 5000,
  };
  result.code = await runCli(argv, io);
  return result;
}

/** A fresh fake org server, started. */
export function startServer(): Promise<FakeSalesforce> {
  return new FakeSalesforce().start();
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rm-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
