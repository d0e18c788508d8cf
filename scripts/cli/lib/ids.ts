/**
 * Salesforce record Ids: shape checks, the 15 → 18 character form, and key prefixes.
 *
 * Every Id that comes from a flag or a file is checked here before it reaches a query, so a typo
 * gets a clear message instead of a malformed SOQL statement or an org error.
 */
import { checksum } from '../../shared/ids.ts';

const ID_BODY = /^[a-zA-Z0-9]{15}$/;

/** Key prefixes of the standard objects the scripts read. Custom objects get theirs from the org. */
export const STANDARD_PREFIXES = { Account: '001', Contact: '003', User: '005' } as const;

/** Whether the text is a well-formed 15- or 18-character Id (the 18-character suffix must match). */
export function isSalesforceId(value: string): boolean {
  if (value.length === 15) return ID_BODY.test(value);
  if (value.length !== 18) return false;
  const body = value.slice(0, 15);
  return ID_BODY.test(body) && checksum(body) === value.slice(15).toUpperCase();
}

/**
 * The 18-character form, which Apex uses in Unique_Key__c values.
 * @throws Error when the value is not an Id
 */
export function to18(id: string): string {
  if (!isSalesforceId(id)) throw new Error(`"${id}" is not a Salesforce Id`);
  return id.length === 18 ? id.slice(0, 15) + id.slice(15).toUpperCase() : id + checksum(id);
}

/** Same record? Compares the 15-character bodies (case-sensitive), so 15 and 18 forms match. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.slice(0, 15) === b.slice(0, 15);
}

/**
 * Checks an Id against the object it should belong to.
 * @param value the Id as given (surrounding spaces are ignored)
 * @param objectLabel how to name the object in the message ("relationship map", "account")
 * @param prefix the object's key prefix
 * @returns `{ id }` in the 18-character form, or `{ problem }` saying why the value is not an Id
 *   of that object
 */
export function checkId(
  value: string,
  objectLabel: string,
  prefix: string
): { id: string; problem?: undefined } | { id?: undefined; problem: string } {
  const trimmed = value.trim();
  if (!isSalesforceId(trimmed)) {
    return { problem: `"${value}" is not a Salesforce Id (15 or 18 letters and digits) for the ${objectLabel}` };
  }
  if (trimmed.slice(0, 3) !== prefix) {
    return {
      problem: `"${value}" is not a ${objectLabel} Id: ${objectLabel} Ids start with ${prefix}, this one with ${trimmed.slice(0, 3)}`,
    };
  }
  return { id: to18(trimmed) };
}
