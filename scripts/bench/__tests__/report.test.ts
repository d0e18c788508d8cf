import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MapSummary } from '../browser/mapBench.ts';
import { checkTargets, markdownReport, table } from '../report.ts';
import type { BenchResults } from '../report.ts';

function summary(
  size: number,
  mode: 'cold' | 'warm',
  variant: 'ours' | 'baseline',
  fields: Partial<MapSummary>
): MapSummary {
  return {
    size,
    mode,
    variant,
    runs: 3,
    firstPaintMs: 50,
    settledMs: 1000,
    frames: 30,
    longestTaskMs: 0,
    longestAnimationFrameMs: 0,
    longestFrameGapMs: 20,
    timedOut: 0,
    quality: null,
    ...fields,
  };
}

function results(maps: MapSummary[], analyticsTotalMs: number): BenchResults {
  return {
    machine: {
      cpus: '2 × test CPU',
      node: 'v20',
      chromium: '150',
      d3: '7.9.2',
      lwc: '9.4.3',
      date: '2026-01-01T00:00:00Z',
    },
    quick: false,
    runs: 3,
    analyticsRuns: 15,
    analytics: [{ people: 5000, links: 15000, decisionMakers: 200, ms: { total: analyticsTotalMs }, note: '' }],
    maps,
    mapsSkipped: null,
    apexQueries: [],
    apexRules: { ok: true, summary: 'ok', output: '' },
  };
}

const fastEverywhere = [1000, 2000].flatMap((size) =>
  (['cold', 'warm'] as const).flatMap((mode) => [
    summary(size, mode, 'ours', { settledMs: 1000, firstPaintMs: 80 }),
    summary(size, mode, 'baseline', { settledMs: 6000 }),
  ])
);

test('every target is met when the numbers meet them', () => {
  const checks = checkTargets(results(fastEverywhere, 60));
  assert.equal(checks.length, 7); // 4 speed-ups, first paint, long tasks, analytics
  assert.ok(
    checks.every((c) => c.met),
    JSON.stringify(checks.filter((c) => !c.met))
  );
});

test('a target missed by the numbers is reported missed, with what was measured', () => {
  const maps = fastEverywhere.map((m) =>
    m.size === 2000 && m.mode === 'cold' && m.variant === 'ours' ? { ...m, settledMs: 1500, longestTaskMs: 75 } : m
  );
  const checks = checkTargets(results(maps, 120));
  const missed = checks.filter((c) => !c.met);
  assert.deepEqual(
    missed.map((c) => c.target),
    [
      'Settled ≥ 5× faster than the baseline, 2,000 people, cold',
      'No main-thread task > 50 ms while settling, any size',
      'Analytics ≤ 100 ms, 5,000 people / 15,000 links',
    ]
  );
  assert.match(missed[0].measured, /4\.0×/);
  assert.match(missed[1].measured, /75 ms \(2,000 people, cold\)/);
});

test('a run that did not settle never counts as fast', () => {
  const maps = fastEverywhere.map((m) =>
    m.size === 1000 && m.mode === 'warm' && m.variant === 'ours' ? { ...m, timedOut: 1 } : m
  );
  assert.equal(checkTargets(results(maps, 60)).find((c) => c.target.includes('1,000 people, warm'))?.met, false);
});

test('tables line up and the report says where and when it was measured', () => {
  const text = table(
    ['a', 'bb'],
    [
      ['1', 'x'],
      ['22', 'yyy'],
    ],
    ['r', 'l']
  );
  assert.deepEqual(text.split('\n'), ['|  a | bb  |', '|---:|:----|', '|  1 | x   |', '| 22 | yyy |']);
  const markdown = markdownReport(results(fastEverywhere, 60), '## Notes\n\nmethod');
  assert.match(markdown, /^# Benchmarks/);
  assert.match(markdown, /2 × test CPU/);
  assert.match(markdown, /2026-01-01T00:00:00Z/);
  assert.match(markdown, /## Notes\n\nmethod\n$/);
});
