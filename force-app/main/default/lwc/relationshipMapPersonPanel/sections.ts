/**
 * Which sections of the person panel a rep has folded, remembered per user in the browser's
 * localStorage (one key per Salesforce user id, so two people sharing a browser keep their own).
 * A section not listed is open: a section added in a later version starts open for everyone.
 * Storage that is missing, full or refused (private windows, a locked-down browser) only means the
 * choice is not remembered; the panel works the same.
 */

/** The storage the panel uses: `window.localStorage` in a browser. */
export type SectionStorage = Pick<Storage, 'getItem' | 'setItem'>;

const PREFIX = 'relationshipMap.personPanel.closedSections.';

/** The localStorage key of one user's folded sections. */
export function sectionsKey(userId: string | null | undefined): string {
  return `${PREFIX}${userId || 'anonymous'}`;
}

/** The folded sections saved for this key; none when nothing is saved or it cannot be read. */
export function readClosedSections(storage: SectionStorage | null, key: string): Set<string> {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Saves the folded sections; a storage that refuses is ignored (the choice is not remembered). */
export function writeClosedSections(storage: SectionStorage | null, key: string, closed: ReadonlySet<string>): void {
  try {
    storage?.setItem(key, JSON.stringify([...closed].sort()));
  } catch {
    // Full or refused storage: the panel keeps the choice until the page reloads.
  }
}

/** The browser's localStorage, or null where there is none or reading it throws. */
export function browserStorage(): SectionStorage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}
