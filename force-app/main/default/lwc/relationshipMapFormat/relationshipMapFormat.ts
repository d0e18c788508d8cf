/**
 * Small text helpers the map's components share, so that a count reads the same everywhere
 * ("1 person", "48 people"). Pure TypeScript, no component code.
 */

/** `n` with the singular or plural noun: plural(1, 'person', 'people') → "1 person". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
