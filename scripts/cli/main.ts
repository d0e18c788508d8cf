/**
 * Relationship Maps command line: `node --import tsx scripts/cli/main.ts <command> [flags]`
 * (npm run seed|export|import|report|refresh -- <flags>). See docs/cli.md.
 */
import { fileURLToPath } from 'node:url';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { refreshCommand } from './commands/refresh.ts';
import { reportCommand } from './commands/report.ts';
import { seedCommand } from './commands/seed.ts';
import {
  EXIT_CODES_TEXT,
  commandContext,
  commandHelp,
  parseCommandArgs,
  stringFlag,
  usageLine,
  type Command,
} from './lib/command.ts';
import { CommandFailure, EXIT, Redactor, UsageError, describeError } from './lib/errors.ts';
import { processIO, type CliIO } from './lib/io.ts';

export const COMMANDS: readonly Command[] = [seedCommand, exportCommand, importCommand, reportCommand, refreshCommand];

/** The top-level --help. */
export function mainHelp(): string {
  return [
    'Relationship Maps command line: load, back up, import, report on and tidy relationship maps in a Salesforce org.',
    '',
    'Usage: npm run <command> -- [flags]     (or: node --import tsx scripts/cli/main.ts <command> [flags])',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`),
    '',
    'Every command that talks to an org takes --target-org <alias> (an org the sf CLI is logged in to) or uses',
    'SF_ACCESS_TOKEN and SF_INSTANCE_URL. Tokens are never written to disk or printed.',
    "Run `npm run <command> -- --help` for a command's flags and examples.",
    '',
    EXIT_CODES_TEXT,
  ].join('\n');
}

/**
 * Runs one command line and returns its exit code. Output goes through io, with every secret the
 * run learned redacted.
 */
export async function runCli(argv: readonly string[], rawIO: CliIO): Promise<number> {
  const redactor = new Redactor();
  const io: CliIO = { ...rawIO, out: (t) => rawIO.out(redactor.redact(t)), err: (t) => rawIO.err(redactor.redact(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Try --help.`);
    return EXIT.usage;
  }
  let targetOrg: string | undefined;
  try {
    const { flags, positionals } = parseCommandArgs(command, [...rest]);
    if (flags.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    targetOrg = stringFlag(flags, 'target-org');
    return await command.run(commandContext(io, flags, positionals, redactor));
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${command.name}: ${error.message}`);
      io.err(`Usage: ${usageLine(command)}   (--help for more)`);
      return EXIT.usage;
    }
    if (error instanceof CommandFailure) {
      io.err(error.message);
      return EXIT.failure;
    }
    io.err(`${command.name} failed: ${describeError(error, targetOrg)}`);
    return EXIT.failure;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runCli(process.argv.slice(2), processIO());
}
