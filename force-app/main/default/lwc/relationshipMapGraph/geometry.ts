/**
 * Pure drawing helpers of the relationship map graph: node shapes, link end points, the
 * accessible name of a person, name search and keyboard navigation by direction. No DOM, no D3:
 * the component feeds these positions and people and writes the results with D3.
 */
import type { MapPerson } from 'c/relationshipGraph';
import { stanceOf } from 'c/relationshipMapTheme';

export type NodeShape = 'circle' | 'square' | 'diamond';

/** Rounds to two decimals: short path strings, and the precision of Layout_X__c/Layout_Y__c. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Half the side of a square with the area of a circle of radius r (√π/2 ≈ 0.886): shapes of
 * one influence look equally heavy whatever the side.
 */
const SQUARE_HALF = Math.sqrt(Math.PI) / 2;
/** Half the diagonal of a diamond (a square on its corner) with the area of that circle. */
const DIAMOND_HALF = Math.sqrt(Math.PI / 2);

/** SVG path of a node shape centred on (0, 0) for a circle-equivalent radius r. */
export function shapePath(shape: NodeShape, r: number): string {
  if (shape === 'square') {
    const h = round2(r * SQUARE_HALF);
    return `M${-h},${-h}H${h}V${h}H${-h}Z`;
  }
  if (shape === 'diamond') {
    const h = round2(r * DIAMOND_HALF);
    return `M0,${-h}L${h},0L0,${h}L${-h},0Z`;
  }
  const c = round2(r);
  return `M${c},0A${c},${c} 0 1,1 ${-c},0A${c},${c} 0 1,1 ${c},0Z`;
}

/**
 * Distance from the centre of a shape to its outline along the direction (dx, dy): where a
 * link's arrow has to stop so that its tip touches the outline.
 */
export function boundaryDistance(shape: NodeShape, r: number, dx: number, dy: number): number {
  const length = Math.hypot(dx, dy);
  if (length === 0) return r;
  const cos = Math.abs(dx / length);
  const sin = Math.abs(dy / length);
  if (shape === 'square') return (r * SQUARE_HALF) / Math.max(cos, sin);
  if (shape === 'diamond') return (r * DIAMOND_HALF) / (cos + sin);
  return r;
}

/** Farthest extent of a shape from its centre (for bounding boxes and rings). */
export function shapeExtent(shape: NodeShape, r: number): number {
  if (shape === 'square') return r * SQUARE_HALF * Math.SQRT2;
  if (shape === 'diamond') return r * DIAMOND_HALF;
  return r;
}

/** A five-pointed star centred on (0, 0) with outer radius `outer` (the primary-contact badge). */
export function starPath(outer: number): string {
  const inner = outer * 0.45;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${round2(radius * Math.cos(angle))},${round2(radius * Math.sin(angle))}`);
  }
  return `M${points.join('L')}Z`;
}

/** A warning triangle centred on (0, 0) (the coverage-gap badge). */
export function trianglePath(size: number): string {
  const h = round2(size);
  return `M0,${-h}L${round2(h * 1.1)},${round2(h * 0.8)}L${round2(-h * 1.1)},${round2(h * 0.8)}Z`;
}

/** Flags drawn as badges, with the words a screen reader says for them. */
export const FLAG_WORDS: Readonly<Record<string, string>> = {
  'coverage-gap': 'coverage gap',
  stale: 'stale',
};

/**
 * The accessible name of a person's node: "Name, Title, Role, Stance[, decision maker]
 * [, primary contact][, vacant]", then side and flags, so everything the drawing shows by shape,
 * ring or badge is also said in words.
 */
export function personLabel(person: MapPerson, flags: readonly string[] = []): string {
  const parts: string[] = [displayName(person)];
  const title = person.title?.trim();
  if (title) parts.push(title);
  const role = person.role ?? 'Unknown';
  parts.push(role === 'Unknown' ? 'role unknown' : role);
  const stance = stanceOf(person.stance);
  parts.push(stance === 'Unknown' ? 'stance unknown' : stance);
  if (person.isDecisionMaker && role !== 'Decision Maker') parts.push('decision maker');
  if (person.isPrimaryContact) parts.push('primary contact');
  if (person.isVacant) parts.push('vacant');
  if (person.side === 'Our Company') parts.push('our company');
  if (person.side === 'Partner') parts.push('partner');
  for (const flag of flags) {
    const words = FLAG_WORDS[flag];
    if (words) parts.push(words);
  }
  return parts.join(', ');
}

/** The name to show; a blank name still gets words. */
export function displayName(person: MapPerson): string {
  const name = typeof person.name === 'string' ? person.name.trim() : '';
  return name || 'Unnamed person';
}

/** Lower case without accents, so "jose" finds "José". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Whether a person's name contains the (already normalised, non-empty) search term. */
export function nameMatches(person: MapPerson, normalizedTerm: string): boolean {
  return normalizedTerm !== '' && normalizeForSearch(person.name ?? '').includes(normalizedTerm);
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Placed {
  id: string;
  x: number;
  y: number;
}

const DIRECTION_VECTORS: Readonly<Record<Direction, readonly [number, number]>> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * The candidate nearest to `from` in a direction: only candidates within 60° of it count, and a
 * sideways offset costs twice its distance, so the "obvious" next person wins. Null when none.
 */
export function nearestInDirection(from: Placed, candidates: Iterable<Placed>, direction: Direction): string | null {
  const [ux, uy] = DIRECTION_VECTORS[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * ux + dy * uy;
    if (along <= 0.5) continue;
    const across = Math.abs(dx * uy - dy * ux);
    if (across > along * Math.sqrt(3)) continue;
    const score = along + 2 * across;
    if (score < bestScore || (score === bestScore && best !== null && c.id < best)) {
      best = c.id;
      bestScore = score;
    }
  }
  return best;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The zoom that shows a box inside a viewport with padding, centred; never zoomed in beyond
 * `maxScale` (a small map stays readable rather than huge).
 */
export function fitTransform(
  box: Box,
  width: number,
  height: number,
  padding: number,
  maxScale: number,
  minScale: number
): { x: number; y: number; k: number } {
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const boxHeight = Math.max(1, box.y1 - box.y0);
  const k = Math.max(
    minScale,
    Math.min(maxScale, (width - 2 * padding) / boxWidth, (height - 2 * padding) / boxHeight)
  );
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  return { x: width / 2 - k * cx, y: height / 2 - k * cy, k };
}
