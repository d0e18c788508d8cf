/**
 * How good a layout looks, in numbers that do not depend on its scale (ours draws links about
 * 80 px long, plain d3-force about 30): so our layout and the baseline's compare directly.
 *
 * - stress: how far drawn distances are from graph distances (hops), after the best uniform scale,
 *   averaged over pairs from a sample of people; 0 is perfect, lower is better;
 * - crossings: the share of pairs of links (from a sample) that cross, in percent;
 * - link length: the mean link length over the mean distance to the nearest other person (long
 *   links in a crowded drawing are hard to follow); lower is better;
 * - overlaps: people drawn on top of each other (shapes closer than their radii) per 100 people;
 * - label overlaps: pairs of names shown on top of each other per 100 people, and the share of
 *   names shown at all (hiding every name would make no overlaps).
 */

import { random } from '../data/generate.ts';
import { countOverlaps } from '../../force-app/main/default/lwc/relationshipMapGraph/labels.ts';
import type { LabelBox } from '../../force-app/main/default/lwc/relationshipMapGraph/labels.ts';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutQuality {
  stress: number;
  crossingsPercent: number;
  linkLength: number;
  overlapsPer100: number;
  /** Pairs of names shown overlapping, per 100 people. */
  labelOverlapsPer100: number;
  /** Names shown, as a share of people (percent). */
  namesShownPercent: number;
}

/** What is measured of names: the boxes of the names shown, and how many people there are. */
export interface NameQuality {
  labelOverlapsPer100: number;
  namesShownPercent: number;
}

/** Overlapping pairs among the names shown (boxes on screen), per 100 people, and the share shown. */
export function nameQuality(shown: readonly LabelBox[], people: number): NameQuality {
  if (people === 0) return { labelOverlapsPer100: 0, namesShownPercent: 0 };
  return {
    labelOverlapsPer100: (100 * countOverlaps(shown)) / people,
    namesShownPercent: (100 * shown.length) / people,
  };
}

/** `count` distinct indices below `n` (all of them when n ≤ count), in a seeded order. */
function sample(n: number, count: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= count) return all;
  const rnd = random(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rnd() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count);
}

/**
 * Normalised stress over pairs (source in a sample, any target reachable from it): with d the
 * hop distance and δ the drawn distance scaled by the s that minimises it,
 * mean of ((s·δ − d) / d)².
 */
export function stress(points: readonly Point[], edges: readonly [number, number][], sources = 100): number {
  const n = points.length;
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    adjacency[a].push(b);
    adjacency[b].push(a);
  }
  const pairs: [number, number][] = []; // [drawn, hops]
  const distance = new Int32Array(n);
  for (const source of sample(n, sources, 7)) {
    distance.fill(-1);
    distance[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head];
      for (const next of adjacency[current]) {
        if (distance[next] < 0) {
          distance[next] = distance[current] + 1;
          queue.push(next);
        }
      }
    }
    for (let target = 0; target < n; target++) {
      if (target === source || distance[target] <= 0) continue;
      const drawn = Math.hypot(points[source].x - points[target].x, points[source].y - points[target].y);
      pairs.push([drawn, distance[target]]);
    }
  }
  if (pairs.length === 0) return 0;
  // s minimising Σ ((s·δ − d)/d)² = Σ(δ/d) / Σ(δ²/d²).
  let numerator = 0;
  let denominator = 0;
  for (const [drawn, hops] of pairs) {
    numerator += drawn / hops;
    denominator += (drawn * drawn) / (hops * hops);
  }
  const scale = denominator > 0 ? numerator / denominator : 0;
  let sum = 0;
  for (const [drawn, hops] of pairs) sum += ((scale * drawn - hops) / hops) ** 2;
  return sum / pairs.length;
}

/** Whether segments ab and cd cross at a point inside both (sharing an end does not count). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const orient = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Percent of pairs of links (from a sample of links, pairs sharing a person left out) that cross. */
export function crossingsPercent(
  points: readonly Point[],
  edges: readonly [number, number][],
  sampleSize = 1500
): number {
  const chosen = sample(edges.length, sampleSize, 11).map((i) => edges[i]);
  let pairs = 0;
  let crossings = 0;
  for (let i = 0; i < chosen.length; i++) {
    const [a, b] = chosen[i];
    for (let j = i + 1; j < chosen.length; j++) {
      const [c, d] = chosen[j];
      if (a === c || a === d || b === c || b === d) continue;
      pairs++;
      if (segmentsCross(points[a], points[b], points[c], points[d])) crossings++;
    }
  }
  return pairs === 0 ? 0 : (100 * crossings) / pairs;
}

/**
 * For each point, the distance to the nearest other point (a uniform grid keeps this near-linear).
 */
export function nearestDistances(points: readonly Point[]): number[] {
  const n = points.length;
  if (n < 2) return points.map(() => 0);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const cell = Math.max(1e-9, Math.sqrt(((maxX - minX) * (maxY - minY)) / n) || 1);
  const grid = new Map<string, number[]>();
  const keyOf = (cx: number, cy: number) => `${cx},${cy}`;
  points.forEach((p, i) => {
    const key = keyOf(Math.floor((p.x - minX) / cell), Math.floor((p.y - minY) / cell));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  return points.map((p, i) => {
    const cx = Math.floor((p.x - minX) / cell);
    const cy = Math.floor((p.y - minY) / cell);
    let best = Infinity;
    // Widen the ring of cells until a neighbour is found and no closer one can be further out.
    for (let ring = 0; ring < 1e6; ring++) {
      for (let gx = cx - ring; gx <= cx + ring; gx++) {
        for (let gy = cy - ring; gy <= cy + ring; gy++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== ring) continue;
          for (const j of grid.get(keyOf(gx, gy)) ?? []) {
            if (j !== i) best = Math.min(best, Math.hypot(points[j].x - p.x, points[j].y - p.y));
          }
        }
      }
      if (best <= ring * cell) break;
    }
    return best;
  });
}

/** Mean link length over the mean nearest-neighbour distance. */
export function relativeLinkLength(points: readonly Point[], edges: readonly [number, number][]): number {
  if (edges.length === 0 || points.length < 2) return 0;
  const nearest = nearestDistances(points);
  const meanNearest = nearest.reduce((s, d) => s + d, 0) / nearest.length;
  const meanLink =
    edges.reduce((s, [a, b]) => s + Math.hypot(points[a].x - points[b].x, points[a].y - points[b].y), 0) / edges.length;
  return meanNearest > 0 ? meanLink / meanNearest : Infinity;
}

/** Pairs of people whose drawn shapes overlap (centres closer than the sum of radii), per 100 people. */
export function overlapsPer100(points: readonly Point[], radii: readonly number[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const largest = Math.max(...radii);
  const cell = 2 * largest;
  const grid = new Map<string, number[]>();
  const keyOf = (cx: number, cy: number) => `${cx},${cy}`;
  points.forEach((p, i) => {
    const key = keyOf(Math.floor(p.x / cell), Math.floor(p.y / cell));
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  let overlaps = 0;
  points.forEach((p, i) => {
    const cx = Math.floor(p.x / cell);
    const cy = Math.floor(p.y / cell);
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const j of grid.get(keyOf(gx, gy)) ?? []) {
          if (j > i && Math.hypot(points[j].x - p.x, points[j].y - p.y) < radii[i] + radii[j]) overlaps++;
        }
      }
    }
  });
  return (100 * overlaps) / n;
}

/** All four figures for one drawn layout. */
export function layoutQuality(
  points: readonly Point[],
  edges: readonly [number, number][],
  radii: readonly number[],
  names: NameQuality
): LayoutQuality {
  return {
    stress: stress(points, edges),
    crossingsPercent: crossingsPercent(points, edges),
    linkLength: relativeLinkLength(points, edges),
    overlapsPer100: overlapsPer100(points, radii),
    ...names,
  };
}
