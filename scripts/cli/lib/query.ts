/**
 * Reading records: every page of a query (jsforce follows nextRecordsUrl), optionally including
 * the recycle bin (queryAll), and key prefixes of custom objects.
 */
import type { Connection } from 'jsforce';
import { chunk } from './soql.ts';

/** More rows than this in one query means the scope is too wide for a command-line run. */
export const MAX_ROWS = 200_000;

/** Values per IN list: keeps statements far below SOQL's 100,000-character limit. */
export const IN_LIST_SIZE = 300;

/** A record as the REST API returns it (relationship fields are nested objects or null). */
export type SObjectRow = Record<string, unknown> & { Id: string };

/**
 * All rows of a query.
 * @param includeDeleted read the recycle bin too (REST queryAll)
 */
export async function queryRows<T = SObjectRow>(
  conn: Connection,
  statement: string,
  includeDeleted = false
): Promise<T[]> {
  const result = await conn.query(statement, { autoFetch: true, maxFetch: MAX_ROWS, scanAll: includeDeleted });
  if (!result.done && result.totalSize > result.records.length) {
    throw new Error(`The query returned more than ${MAX_ROWS} rows; narrow it down (for example with --account).`);
  }
  return result.records as T[];
}

/**
 * Runs one statement per slice of values (IN lists) and joins the rows.
 * @param build makes the statement for one slice
 */
export async function queryInSlices<T = SObjectRow>(
  conn: Connection,
  values: readonly string[],
  build: (slice: readonly string[]) => string,
  includeDeleted = false
): Promise<T[]> {
  const rows: T[] = [];
  for (const slice of chunk([...new Set(values)], IN_LIST_SIZE)) {
    rows.push(...(await queryRows<T>(conn, build(slice), includeDeleted)));
  }
  return rows;
}

/** A nested relationship value of a row, e.g. field(row, 'Contact__r', 'Email'). */
export function field(row: Record<string, unknown>, ...pathParts: string[]): unknown {
  let value: unknown = row;
  for (const part of pathParts) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A string field (or nested field), or undefined when blank or absent. */
export function text(row: Record<string, unknown>, ...pathParts: string[]): string | undefined {
  const value = field(row, ...pathParts);
  if (value === null || value === undefined || value === '') return undefined;
  return scalarText(value);
}

/** Text of a scalar value (objects as JSON, so nothing prints as "[object Object]"). */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

const prefixCache = new WeakMap<Connection, Map<string, string>>();

/** The org's key prefix of an object (custom objects get theirs per org). */
export async function keyPrefix(conn: Connection, objectName: string): Promise<string> {
  let byObject = prefixCache.get(conn);
  if (!byObject) prefixCache.set(conn, (byObject = new Map<string, string>()));
  const cached = byObject.get(objectName);
  if (cached) return cached;
  const describe = await conn.describe(objectName);
  if (!describe.keyPrefix) throw new Error(`The org gives no key prefix for ${objectName}. Is the package deployed?`);
  byObject.set(objectName, describe.keyPrefix);
  return describe.keyPrefix;
}
