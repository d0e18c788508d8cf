/**
 * Sorting for the table view: a stable sort on one key per row, blanks last in both directions.
 */

export type SortDirection = 'asc' | 'desc';

/** A sort key: numbers compare numerically, strings by the user's locale; null is blank. */
export type SortKey = string | number | null;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Blank: null, an empty or whitespace-only string, or a number that is not finite. */
export function isBlank(key: SortKey): key is null {
  if (key === null) return true;
  if (typeof key === 'number') return !Number.isFinite(key);
  return key.trim() === '';
}

/** Compares two non-blank keys ascending; numbers sort before strings if a column mixes them. */
export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

/**
 * Items sorted by `key` in `direction`. Blanks come last whichever the direction; items with equal
 * keys keep their input order (stable in both directions). Returns a new array.
 */
export function sortBy<T>(items: readonly T[], key: (item: T) => SortKey, direction: SortDirection): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return items
    .map((item, index) => {
      const k = key(item);
      return { item, index, key: isBlank(k) ? null : k };
    })
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key !== null) return -1;
        if (b.key !== null) return 1;
        return a.index - b.index;
      }
      return sign * compareKeys(a.key, b.key) || a.index - b.index;
    })
    .map((entry) => entry.item);
}
