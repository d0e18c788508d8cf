import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  crossingsPercent,
  layoutQuality,
  nameQuality,
  nearestDistances,
  overlapsPer100,
  relativeLinkLength,
  segmentsCross,
  stress,
} from '../quality.ts';

const path4 = [
  [0, 1],
  [1, 2],
  [2, 3],
] as [number, number][];

test('stress is zero for a path drawn in a straight line at even spacing, whatever the scale', () => {
  for (const spacing of [1, 30, 80]) {
    const points = [0, 1, 2, 3].map((i) => ({ x: i * spacing, y: 0 }));
    assert.ok(stress(points, path4) < 1e-12);
  }
});

test('stress grows when the drawing folds the path back on itself', () => {
  const straight = [0, 1, 2, 3].map((i) => ({ x: i, y: 0 }));
  const folded = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 0.1 },
  ];
  assert.ok(stress(folded, path4) > stress(straight, path4) + 0.01);
});

test('two links crossing in an X count; links sharing a person or touching at an end do not', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 2, y: 2 };
  const c = { x: 0, y: 2 };
  const d = { x: 2, y: 0 };
  assert.equal(segmentsCross(a, b, c, d), true);
  assert.equal(segmentsCross(a, c, b, d), false);
  const points = [a, b, c, d];
  assert.equal(
    crossingsPercent(points, [
      [0, 1],
      [2, 3],
    ]),
    100
  );
  assert.equal(
    crossingsPercent(points, [
      [0, 2],
      [1, 3],
    ]),
    0
  );
  assert.equal(
    crossingsPercent(points, [
      [0, 1],
      [0, 2],
    ]),
    0
  ); // share a person: not a pair that counts
});

test('nearest distances from the grid match a brute-force search', () => {
  let seed = 3;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points = Array.from({ length: 300 }, () => ({ x: rnd() * 1000, y: rnd() * 600 }));
  const fast = nearestDistances(points);
  points.forEach((p, i) => {
    const brute = Math.min(...points.filter((_, j) => j !== i).map((q) => Math.hypot(q.x - p.x, q.y - p.y)));
    assert.ok(Math.abs(fast[i] - brute) < 1e-9, `point ${i}: ${fast[i]} vs ${brute}`);
  });
});

test('link length is relative to the spacing of people, so drawings at different scales compare', () => {
  const grid = (spacing: number) => [0, 1, 2, 3].map((i) => ({ x: (i % 2) * spacing, y: Math.floor(i / 2) * spacing }));
  const diagonal = [[0, 3]] as [number, number][];
  assert.ok(Math.abs(relativeLinkLength(grid(1), diagonal) - Math.SQRT2) < 1e-9);
  assert.ok(Math.abs(relativeLinkLength(grid(50), diagonal) - Math.SQRT2) < 1e-9);
});

test('overlaps count pairs of shapes drawn on top of each other, per 100 people', () => {
  const points = [
    { x: 0, y: 0 },
    { x: 5, y: 0 },
    { x: 100, y: 0 },
    { x: 200, y: 0 },
  ];
  assert.equal(overlapsPer100(points, [8, 8, 8, 8]), 25); // one pair among 4 people
  assert.equal(overlapsPer100(points, [2, 2, 2, 2]), 0);
});

test('layoutQuality gives all four figures of the layout, and the two of its names', () => {
  const points = [0, 1, 2, 3].map((i) => ({ x: i * 40, y: 0 }));
  const q = layoutQuality(points, path4, [8, 8, 8, 8], { labelOverlapsPer100: 25, namesShownPercent: 75 });
  assert.deepEqual(Object.keys(q).sort(), [
    'crossingsPercent',
    'labelOverlapsPer100',
    'linkLength',
    'namesShownPercent',
    'overlapsPer100',
    'stress',
  ]);
  assert.equal(q.crossingsPercent, 0);
  assert.equal(q.overlapsPer100, 0);
  assert.equal(q.labelOverlapsPer100, 25);
  assert.equal(q.namesShownPercent, 75);
});

test('nameQuality counts overlapping pairs of names shown per 100 people, and the share of names shown', () => {
  const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
  // Three names shown for four people: the first two overlap, the third only touches the second.
  const shown = [box(0, 0, 60, 14), box(50, 5, 110, 19), box(110, 0, 170, 14)];
  assert.deepEqual(nameQuality(shown, 4), { labelOverlapsPer100: 25, namesShownPercent: 75 });
  assert.deepEqual(nameQuality([], 0), { labelOverlapsPer100: 0, namesShownPercent: 0 });
});
