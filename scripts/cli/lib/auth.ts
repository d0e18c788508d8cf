/**
 * Connects to an org with the access token the sf CLI already holds (--target-org) or with
 * SF_ACCESS_TOKEN + SF_INSTANCE_URL. The token lives only in memory: it is never written to disk,
 * printed, or put into an error message (the Redactor removes it from all output).
 */
import path from 'node:path';
import { Connection } from 'jsforce';
import { CommandFailure, Redactor, UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { apiVersion } from './project.ts';
import { REPO_ROOT } from '../../shared/project.mjs';

export interface Credentials {
  accessToken: string;
  instanceUrl: string;
  /** Where they came from, for messages: "org my-org" or "SF_ACCESS_TOKEN". */
  source: string;
}

/** The sf CLI installed with the project (package.json devDependencies). */
export const SF_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'sf');

const ALIAS = /^[\w.@+-]{1,255}$/;

function checkInstanceUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} gave an instance URL that is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${source} gave an instance URL that is not http(s): "${value}"`);
  }
  return url.origin;
}

interface OrgDisplayJson {
  status?: unknown;
  message?: unknown;
  result?: { accessToken?: unknown; instanceUrl?: unknown };
}

async function fromSfCli(alias: string, io: CliIO, redactor: Redactor): Promise<Credentials> {
  if (!ALIAS.test(alias)) throw new UsageError(`--target-org "${alias}" is not an org alias or username`);
  const run = await io.runCommand(SF_BIN, ['org', 'display', '--target-org', alias, '--json']);
  let parsed: OrgDisplayJson | undefined;
  try {
    parsed = JSON.parse(run.stdout) as OrgDisplayJson;
  } catch {
    parsed = undefined;
  }
  const token = parsed?.result?.accessToken;
  const instanceUrl = parsed?.result?.instanceUrl;
  if (typeof token === 'string') redactor.add(token);
  if (run.code !== 0 || parsed?.status !== 0 || typeof token !== 'string' || typeof instanceUrl !== 'string') {
    const reason =
      typeof parsed?.message === 'string'
        ? parsed.message
        : run.stderr.trim().split('\n')[0] || `sf exited with code ${run.code}`;
    throw new CommandFailure(
      `The sf CLI has no usable login for "${alias}": ${redactor.redact(reason.replace(/\s+/g, ' ').trim())}\n` +
        `Log in with \`npx sf org login web --alias ${alias}\`, then rerun with --target-org ${alias}.`
    );
  }
  return {
    accessToken: token,
    instanceUrl: checkInstanceUrl(instanceUrl, `sf org display for "${alias}"`),
    source: `org ${alias}`,
  };
}

/**
 * The org to work on: --target-org wins; otherwise SF_ACCESS_TOKEN and SF_INSTANCE_URL.
 * @throws UsageError when neither is given
 */
export async function resolveCredentials(
  targetOrg: string | undefined,
  io: CliIO,
  redactor: Redactor
): Promise<Credentials> {
  if (targetOrg !== undefined) return fromSfCli(targetOrg, io, redactor);
  const accessToken = io.env.SF_ACCESS_TOKEN;
  const instanceUrl = io.env.SF_INSTANCE_URL;
  redactor.add(accessToken);
  if (!accessToken || !instanceUrl) {
    throw new UsageError(
      'No org to work on: pass --target-org <alias> (an org the sf CLI is logged in to), or set both SF_ACCESS_TOKEN and SF_INSTANCE_URL.'
    );
  }
  return { accessToken, instanceUrl: checkInstanceUrl(instanceUrl, 'SF_INSTANCE_URL'), source: 'SF_ACCESS_TOKEN' };
}

/** A jsforce connection at the project's API version. */
export function connect(credentials: Credentials): Connection {
  return new Connection({
    instanceUrl: credentials.instanceUrl,
    accessToken: credentials.accessToken,
    version: apiVersion(),
  });
}
