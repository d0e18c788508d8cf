/**
 * The worked example of docs/analytics.md (data/acme-renewal.json): the numbers the module
 * produces, checked by hand here and required to appear in the document as written, so the
 * document cannot drift from the code.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzePrepared, influenceFrom, whatIfRemoved } from 'c/relationshipGraph';
import type { MapAnalysis, WhatIfResult } from 'c/relationshipGraph';
import { prepared } from './fixtures';

const docs = readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'docs', 'analytics.md'), 'utf8');
const map = prepared('acme-renewal');
const analysis: MapAnalysis = analyzePrepared(map);
const whatIf: WhatIfResult = whatIfRemoved(map, 'lee', analysis);

/** The rows and sentences docs/analytics.md shows, built from the module's output. */
function documentedLines(a: MapAnalysis, w: WhatIfResult): string[] {
  const lines: string[] = [];
  const sorted = [...a.influence.people].sort(
    (x, y) => y.decisionInfluence - x.decisionInfluence || (x.name < y.name ? -1 : 1)
  );
  for (const p of sorted) {
    lines.push(`| ${p.name} | ${p.decisionInfluence.toFixed(4)} | ${p.relativeInfluence.toFixed(3)} | ${p.degree} |`);
  }
  for (const d of a.warmPaths) {
    lines.push(d.summary);
    for (const p of d.paths)
      lines.push(`| ${d.name} | ${p.strength.toFixed(4)} | ${p.rank.toFixed(4)} | ${p.explanation} |`);
  }
  for (const k of a.coverage.keyPeople) lines.push(`| ${k.summary} | ${k.score.toFixed(3)} |`);
  for (const c of a.health.components) lines.push(`| ${c.label} | ${c.weight} | ${c.score} |`);
  lines.push(`Map health: **${a.health.score}** (${a.health.label}; uncapped ${a.health.uncappedScore})`);
  for (const r of a.health.reasons) lines.push(`- ${r}`);
  for (const g of [...a.goals.expectedResistance, ...a.goals.potentialAllies, ...a.goals.losesOnSuccess]) {
    lines.push(g.note);
  }
  for (const s of w.summary) lines.push(`- ${s}`);
  for (const d of a.decisionMakers) {
    const days = d.daysSinceLastInteraction === null ? 'never' : `${d.daysSinceLastInteraction} days`;
    lines.push(
      `| ${d.name} | ${d.stance} | ${d.covered ? 'yes' : 'no'} | ${d.bestPathStrength.toFixed(3)} | ${days} | ${d.blocksHealth ? 'yes' : 'no'} | ${d.nextStep} |`
    );
  }
  for (const s of whatIfRemoved(map, 'morgan', a).summary) lines.push(`- ${s}`);
  for (const c of w.health.components) lines.push(`| ${c.key} | ${c.before} | ${c.after} | ${c.delta} |`);
  return lines;
}

describe('the worked example (Acme Logistics renewal)', () => {
  it('influence over the decision, by hand', () => {
    const d = Object.fromEntries(analysis.influence.people.map((p) => [p.personId, p.decisionInfluence]));
    // Decision makers Morgan and Riley, both High authority (weight 1 each, total 2).
    expect(d.morgan).toBe(0.5); // (1 + 0) / 2
    expect(d.riley).toBe(0.5);
    expect(d.pat).toBe(0.25); // Pat reports to Riley, Strong: 0.5 over Riley → 0.5 / 2
    // Lee: over Morgan, reports to him (Medium, up): 0.3; over Riley via Sam and Pat:
    // Lee–Sam 0.21 × Sam–Pat 0.42 × Pat→Riley 0.5 × 0.5² = 0.011025 (above epsilon 0.01).
    expect(d.lee).toBeCloseTo((0.3 + 0.011025) / 2, 12);
    expect(d.sam).toBeCloseTo((0.21 * 0.3 * 0.5 + 0.42 * 0.5 * 0.5) / 2, 12); // 0.06825
    expect(d.dana).toBeCloseTo((0.7 * 0.3 * 0.5) / 2, 12); // 0.0525; Dana over Riley is 0.0039: below epsilon
    expect(d.alex).toBeCloseTo((0.5 * 0.3 * 0.5) / 2, 12); // 0.0375
    expect(d.kim).toBe(0); // Kim's only links: a Conflict with Pat, and Morgan's influence on her
    expect(d.jo).toBeUndefined(); // excluded: trimmed from the map with her link
    expect(influenceFrom(map, 'dana').map((r) => r.personId)).toEqual(['lee', 'alex', 'morgan', 'sam', 'kim', 'pat']);
  });

  it('warm paths, coverage, health, goals and what-if, by hand', () => {
    const [morgan, riley] = analysis.warmPaths;
    expect(morgan.paths.map((p) => p.strength)).toEqual([0.105, expect.closeTo(0.0315, 12)]); // 0.7×0.3×0.5, 0.21×0.3×0.5
    expect(riley.status).toBe('only-through-opponents');
    expect(riley.paths[0].strength).toBeCloseTo(0.105, 12); // 0.42 × 0.5 × 0.5
    expect(analysis.coverage.score).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    // 0.30 × 27.5 + 0.25 × 58.33 + 0.15 × 66.67 + 0.15 × 83.33 + 0.15 × 66.67 = 55.33
    expect(analysis.health.score).toBe(55);
    expect(analysis.warmReach).toBe(0.105);
    expect(whatIf.health).toMatchObject({ before: 55, after: 50, delta: -5 });
    expect(whatIf.lostPaths.map((l) => [l.name, l.statusAfter])).toEqual([['Morgan', 'unreachable']]);
  });

  it('docs/analytics.md shows exactly these numbers and sentences', () => {
    // Prettier pads table cells: compare with runs of spaces collapsed.
    const norm = (text: string) => text.replace(/[ \t]+/g, ' ');
    const text = norm(docs);
    const missing = documentedLines(analysis, whatIf).filter((line) => !text.includes(norm(line)));
    expect(missing).toEqual([]);
  });
});
