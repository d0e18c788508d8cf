/**
 * Salesforce-style record Ids for the preview: 18 characters, the real key prefixes of the
 * standard objects, fixed prefixes for ours, and the case-safe checksum suffix the platform
 * appends, so Ids look and validate like an org's.
 */
import { checksum } from '../../shared/ids.ts';

export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  User: '005',
  Task: '00T',
  Event: '00U',
  Relationship_Map__c: 'a0R',
  Map_Contact__c: 'a0M',
  Influence_Link__c: 'a0L',
  Map_Contact_Change__c: 'a0C',
} as const;
export type IdType = keyof typeof KEY_PREFIX;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The `n`th Id of a type (deterministic: the same store always gets the same Ids). */
export function makeId(type: IdType, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${KEY_PREFIX[type]}5g00000${digits.padStart(5, '0')}`;
  return id15 + checksum(id15);
}

/** Whether `id` is an 18-character Id of `type` with a valid checksum. */
export function isIdOf(type: IdType, id: unknown): id is string {
  return (
    typeof id === 'string' &&
    /^[a-zA-Z0-9]{18}$/.test(id) &&
    id.startsWith(KEY_PREFIX[type]) &&
    checksum(id.slice(0, 15)) === id.slice(15)
  );
}
