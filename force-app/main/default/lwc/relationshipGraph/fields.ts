/**
 * Reading one raw field defensively: the input comes from Apex, a file or a test and may hold
 * anything. A value that cannot be used becomes a {@link ValidationIssue} in the log and the
 * field's fallback; nothing here throws.
 */
import { parseIsoDate } from './dates';
import type { IssueLog } from './issues';

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Blank as Salesforce returns it: null, missing or the empty string. */
export const blank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** The value if it is a string, else ''. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A printable form of a bad value for messages. */
export const show = (value: unknown): string => {
  if (typeof value === 'string') return `"${value}"`;
  // The catch names its binding: PMD's JavaScript parser (Rhino, in Code Analyzer) crashes on `catch {`.
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (_unserializable) {
    try {
      return String(value);
    } catch (_unprintable) {
      return `(${typeof value})`;
    }
  }
};

/**
 * Whether entry `position` of the people or links list is a record with an id; if not, it is
 * reported (an error: the entry is ignored).
 */
export function hasId(
  log: IssueLog,
  raw: unknown,
  position: number,
  list: 'People' | 'Links'
): raw is Record<string, unknown> & { id: string } {
  if (isRecord(raw) && typeof raw.id === 'string' && raw.id !== '') return true;
  const value = isRecord(raw) ? show(raw.id) : show(raw);
  log.add({
    severity: 'error',
    code: list === 'People' ? 'invalid-person' : 'invalid-link',
    message: `${list} entry ${position + 1} has no id (${value}); ignored.`,
    value,
  });
  return false;
}

/** A picklist value: blank gives `fallback`; a value not in `values` is reported and gives `fallback`. */
export function picklist<T extends string>(
  log: IssueLog,
  value: unknown,
  field: string,
  values: readonly T[],
  fallback: T,
  owner: { personId?: string; linkId?: string; label: string | (() => string) },
  fallbackText: string = fallback
): T {
  if (value === null || value === undefined || value === '') return fallback;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  const label = typeof owner.label === 'function' ? owner.label() : owner.label;
  log.add({
    severity: 'warning',
    code: 'unknown-value',
    message: `${label}: ${field} ${show(value)} is not one of ${values.join(', ')}; treated as ${fallbackText}.`,
    ...(owner.personId !== undefined ? { personId: owner.personId } : {}),
    ...(owner.linkId !== undefined ? { linkId: owner.linkId } : {}),
    field,
    value: show(value),
  });
  return fallback;
}

/** An ISO date field as epoch ms: blank gives null; a value that is not a date is reported and gives null. */
export function dateField(log: IssueLog, value: unknown, field: string, id: string, label: string) {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'string' ? parseIsoDate(value) : null;
  if (ms === null) {
    log.add({
      severity: 'warning',
      code: 'invalid-date',
      message: `${label}: ${field} ${show(value)} is not an ISO date; treated as blank.`,
      personId: id,
      field,
      value: show(value),
    });
  }
  return ms;
}
