/**
 * Salesforce record Ids, as every script needs them: the 3-character suffix the platform appends
 * to a 15-character Id to make it case-insensitive. The preview makes its Ids with it
 * (scripts/preview/backend/ids.ts), the CLI checks and widens the Ids it is given (scripts/cli/lib/ids.ts).
 */

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix that makes a 15-character Id case-insensitive. */
export function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}
