/**
 * Exit codes, the errors that carry them, and turning org errors into sentences an admin can act
 * on, with tokens removed.
 */

/** 0 ok, 1 failure (rows failed, the org refused, the API errored), 2 usage (flags, missing input). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Wrong flags or missing input: exit 2, with the command's usage line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure already explained to the user (the message is the explanation): exit 1. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** Shape of jsforce's HttpApiError (and of REST error bodies) without depending on its class. */
interface ApiErrorLike {
  errorCode?: unknown;
  name?: unknown;
  message?: unknown;
}

/** The Salesforce error code of an error thrown by jsforce, if it has one. */
export function apiErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { errorCode } = error as ApiErrorLike;
  return typeof errorCode === 'string' ? errorCode : undefined;
}

/** Session expired, revoked or never valid (the Bulk API 1.0 says InvalidSessionId). */
export function isSessionError(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code === 'INVALID_SESSION_ID' || code === 'InvalidSessionId' || code === 'ERROR_HTTP_401';
}

/** Advice after an expired session, for the way the user authenticated. */
export function reloginAdvice(targetOrg: string | undefined): string {
  return targetOrg
    ? `Log in again with \`npx sf org login web --alias ${targetOrg}\` and rerun the command.`
    : 'Get a fresh access token (for example `npx sf org display --target-org <alias> --json`) into SF_ACCESS_TOKEN, or use --target-org <alias>.';
}

/**
 * Words for an error from the org or the network; never includes the request headers (which
 * carry the token).
 */
export function describeError(error: unknown, targetOrg: string | undefined): string {
  if (isSessionError(error)) {
    return `The Salesforce session has expired or is not valid (INVALID_SESSION_ID). ${reloginAdvice(targetOrg)}`;
  }
  const code = apiErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code?.startsWith('ERROR_HTTP_')) {
    return `The org answered with HTTP ${code.slice('ERROR_HTTP_'.length)}: ${firstLine(message)}`;
  }
  if (code) return `The org refused the request: ${firstLine(message)} (${code})`;
  const networkCode = (error as { code?: unknown } | null)?.code;
  if (typeof networkCode === 'string' && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET)$/.test(networkCode)) {
    return `Could not reach the org (${networkCode}). Check the instance URL and your network.`;
  }
  return firstLine(message);
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** Patterns that look like Salesforce session ids or bearer headers, removed from any output. */
const TOKEN_PATTERNS = [/00D[a-zA-Z0-9]{12,15}![a-zA-Z0-9._]+/g, /Bearer\s+[^\s"']+/gi];

/**
 * Removes secrets from text before it is printed: the tokens this run knows about, and anything
 * shaped like a session id.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a secret (ignored when too short to be one). */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let clean = text;
    for (const secret of this.secrets) clean = clean.split(secret).join('[redacted]');
    for (const pattern of TOKEN_PATTERNS) clean = clean.replace(pattern, '[redacted]');
    return clean;
  }
}
