/**
 * Small text helpers the map's components share, so that a count reads the same everywhere
 * ("1 person", "48 people") and a strength reads the same in the panel as in the analytics'
 * sentences ("0.11", never "0.10" elsewhere). Pure TypeScript, no component code.
 */

/** Two decimals, half up: c/relationshipGraph's own, so the analytics' sentences agree with the parts. */
export { formatStrength } from 'c/relationshipGraph';

/** `n` with the singular or plural noun: plural(1, 'person', 'people') → "1 person". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
