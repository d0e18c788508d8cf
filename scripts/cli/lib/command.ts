/**
 * What every command shares: its flags (parsed strictly, so a typo is a usage error rather than
 * silently ignored), its help text, and a lazily opened connection.
 */
import { parseArgs } from 'node:util';
import type { Connection } from 'jsforce';
import { connect, resolveCredentials } from './auth.ts';
import { Redactor, UsageError } from './errors.ts';
import type { CliIO } from './io.ts';

export interface FlagDef {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help; the value placeholder goes in `value`. */
  description: string;
  value?: string;
}

export type Flags = Record<string, string | boolean | undefined>;

export interface CommandContext {
  io: CliIO;
  flags: Flags;
  positionals: string[];
  redactor: Redactor;
  /** Connects on first use (so --help and usage errors never need an org). */
  connection(): Promise<Connection>;
}

export interface Command {
  name: string;
  summary: string;
  /** Arguments after `npm run <name> --`, e.g. "(--map <id> | --account <id>) [--out <dir>]". */
  usage: string;
  /** Paragraphs after the synopsis. */
  details: string[];
  flags: Record<string, FlagDef>;
  examples: string[];
  /** Positional arguments the command takes (none when absent). */
  positionals?: { name: string; values: readonly string[] };
  run(context: CommandContext): Promise<number>;
}

/** Flags every command that talks to an org takes. */
export const ORG_FLAGS: Record<string, FlagDef> = {
  'target-org': {
    type: 'string',
    short: 'o',
    value: '<alias>',
    description: 'org alias or username the sf CLI is logged in to (default: SF_ACCESS_TOKEN + SF_INSTANCE_URL)',
  },
};

export const HELP_FLAG: Record<string, FlagDef> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export const EXIT_CODES_TEXT =
  'Exit codes: 0 done; 1 failed (rows rejected, org or API error); 2 usage error (bad flags, missing input).';

/** Parses argv for one command; unknown flags, missing values and stray arguments are usage errors. */
export function parseCommandArgs(command: Command, argv: string[]): { flags: Flags; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries({ ...command.flags, ...HELP_FLAG }).map(([name, def]) => [
      name,
      def.short ? { type: def.type, short: def.short } : { type: def.type },
    ])
  );
  let parsed: { values: Flags; positionals: string[] };
  try {
    const result = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return { flags: parsed.values, positionals: parsed.positionals };
  const allowed = command.positionals;
  if (!allowed && parsed.positionals.length > 0) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[0]}"`);
  }
  if (allowed) {
    if (parsed.positionals.length !== 1 || !allowed.values.includes(parsed.positionals[0])) {
      throw new UsageError(`Say which ${allowed.name}: ${allowed.values.join(', ')}`);
    }
  }
  return { flags: parsed.values, positionals: parsed.positionals };
}

/** How to run a command through npm (flags go after `--`). */
export function usageLine(command: Command): string {
  return `npm run ${command.name} -- ${command.usage}`;
}

/** The --help text of a command. */
export function commandHelp(command: Command): string {
  const flagLines = Object.entries({ ...command.flags, ...HELP_FLAG }).map(([name, def]) => {
    const names = `${def.short ? `-${def.short}, ` : '    '}--${name}${def.value ? ` ${def.value}` : ''}`;
    return `  ${names.padEnd(34)} ${def.description}`;
  });
  return [
    `${command.summary}`,
    '',
    `Usage: ${usageLine(command)}`,
    `       node --import tsx scripts/cli/main.ts ${command.name} ${command.usage}`,
    '',
    ...command.details.flatMap((p) => [p, '']),
    'Flags:',
    ...flagLines,
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
    EXIT_CODES_TEXT,
  ].join('\n');
}

/** A context whose connection is opened on first use. */
export function commandContext(io: CliIO, flags: Flags, positionals: string[], redactor: Redactor): CommandContext {
  let opened: Promise<Connection> | undefined;
  return {
    io,
    flags,
    positionals,
    redactor,
    connection() {
      opened ??= resolveCredentials(stringFlag(flags, 'target-org'), io, redactor).then(connect);
      return opened;
    },
  };
}

/** A string flag's value, or undefined. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string flag that must be given. */
export function requiredFlag(flags: Flags, name: string, what: string): string {
  const value = stringFlag(flags, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required: ${what}`);
  return value.trim();
}
