/**
 * The command line of `npm start` without an org (scripts/preview/start.ts): flags, their
 * checks and the help text.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildMode } from './build.ts';
import { REPO_ROOT } from '../shared/project.mjs';

export const STORE_FILE = path.join(REPO_ROOT, '.preview', 'store.json');
const PERMISSIONS = ['user', 'admin', 'read-only'] as const;
type Permission = (typeof PERMISSIONS)[number];
const MAX_SYNTHETIC_PEOPLE = 5000;

export const HELP = `npm start — the Relationship Map on built-in sample data, in your browser, no org needed

Usage:
  npm start [-- <flags>]
  npm start -- --target-org <alias>     deploy to an org instead (see README)

Flags:
  --port <n>        port to serve on (default 3000; 0 picks a free one)
  --host <address>  address to listen on (default 127.0.0.1: this machine only)
  --reset           start again from the sample data (your edits in .preview/store.json are replaced)
  --people <n>      also add "Synthetic Corp" with a generated map of n people (1-${MAX_SYNTHETIC_PEOPLE})
  --as <who>        user (default), admin, or read-only: which permission set the preview user holds
  --debug           the LWC engine's development mode (more checks and console warnings)
  --rebuild         rebuild the page even if nothing changed
  -h, --help        this text

Your edits are saved in .preview/store.json until --reset.`;

export interface StartOptions {
  port: number;
  host: string;
  reset: boolean;
  people: number | undefined;
  permission: Permission;
  mode: BuildMode;
  rebuild: boolean;
  help: boolean;
}

/** A flag the user got wrong: exit code 2 and a sentence. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return Number(value);
}

/** Reads the command line; throws UsageError for anything it does not understand. */
export function parseStartArgs(argv: string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        reset: { type: 'boolean' },
        people: { type: 'string' },
        as: { type: 'string' },
        debug: { type: 'boolean' },
        rebuild: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // node's messages run over several lines; the first one says what is wrong.
    const first = (error as Error).message.split('\n')[0].trim().replace(/\.?$/, '.');
    throw new UsageError(`${first} See npm start -- --help.`);
  }
  const permission = values.as ?? 'user';
  if (!(PERMISSIONS as readonly string[]).includes(permission)) {
    throw new UsageError(`--as must be one of ${PERMISSIONS.join(', ')} (got "${permission}").`);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1.');
  return {
    port: values.port === undefined ? 3000 : wholeNumber('--port', values.port, 0, 65535),
    host,
    reset: values.reset === true,
    people: values.people === undefined ? undefined : wholeNumber('--people', values.people, 1, MAX_SYNTHETIC_PEOPLE),
    permission: permission as Permission,
    mode: values.debug ? 'development' : 'production',
    rebuild: values.rebuild === true,
    help: values.help === true,
  };
}
