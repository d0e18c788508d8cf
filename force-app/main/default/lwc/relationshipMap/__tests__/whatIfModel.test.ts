/**
 * "If they leave" and "before you trim" as data (./whatIfModel): computed by hand on a small map,
 * then on the sample Northwind map for the person who carries the most best warm paths.
 */
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { computeInsights, resolveSettings } from '../mapModel';
import { WhatIfMemo, leaveCancelled, marksAsLeft, whatIfView } from '../whatIfModel';
import { SAMPLE_AS_OF, sampleMap } from '../../relationshipMapDecisionMakers/__tests__/data/sample';

const NOW = new Date('2026-11-01T12:00:00Z');
const settings = resolveSettings(null, 0.5, 90);

// Dana (ours) knows Lee well (Relationship Strong, 0.7); Lee reports to Morgan (the economic buyer:
// 0.5 along the link) and sways Riley (Influences Strong, 1); Sam (ours) knows Riley a little
// (Relationship Weak, 0.7 × 0.3 = 0.21).
const people: MapPerson[] = [
  { id: 'dana', name: 'Dana Ortiz', side: 'Our Company', stance: 'Champion' },
  { id: 'sam', name: 'Sam Lee', side: 'Our Company', stance: 'Champion' },
  { id: 'lee', name: 'Lee Park', stance: 'Supporter' },
  { id: 'morgan', name: 'Morgan Reyes', role: 'Economic Buyer', authority: 'High', stance: 'Skeptic' },
  { id: 'riley', name: 'Riley Chen', role: 'Decision Maker', authority: 'Medium', stance: 'Supporter' },
];
const links: InfluenceLink[] = [
  { id: 'l1', fromId: 'dana', toId: 'lee', type: 'Relationship', strength: 'Strong' },
  { id: 'l2', fromId: 'lee', toId: 'morgan', type: 'Reports To', strength: 'Strong' },
  { id: 'l3', fromId: 'lee', toId: 'riley', type: 'Influences', strength: 'Strong' },
  { id: 'l4', fromId: 'sam', toId: 'riley', type: 'Relationship', strength: 'Weak' },
];
const insights = computeInsights(people, links, settings, NOW);

describe('whatIfView', () => {
  it('if Lee leaves: Morgan and Riley lose their best warm path, and what is left of it', () => {
    const view = whatIfView(insights, { personId: 'lee', trim: false })!;
    expect(view.heading).toBe('If Lee Park leaves');
    expect(view.seatRisk).toBe('');
    // Dana → Lee → Morgan: 0.7 × 0.5 × 0.5 (one level of decay) = 0.175; Dana → Lee → Riley: 0.7 × 1 × 0.5 = 0.35.
    expect(view.lost.map((l) => [l.name, l.before.slice(-6), l.after.slice(0, 9)])).toEqual([
      ['Morgan Reyes', '(0.18)', 'No warm p'],
      ['Riley Chen', '(0.35)', 'Next best'],
    ]);
    expect(view.lost[1].after).toMatch(/\(0\.21\)$/);
    // Coverage: Morgan (no relationship 0, stance known 1, warm path 1) = 2/3 and Riley 1 → 83%;
    // after: Morgan 1/3 (no path), Riley 1 → 67%. Warm reach: (1 × 0.175 + 0.6 × 0.35) / 1.6 = 0.24,
    // after (0.6 × 0.21) / 1.6 = 0.08.
    const m = Object.fromEntries(view.measures.map((x) => [x.key, x]));
    expect(m.coverage).toMatchObject({ before: '83%', after: '67%', change: '−16', worse: true });
    expect(m.reach).toMatchObject({ before: '0.24', after: '0.08', change: '−0.16', worse: true });
    expect(m.health.before).toBe(String(insights.analysis.health.score));
  });

  it('if a decision maker leaves, their seat becomes an open risk; trimming them says they still decide', () => {
    const leave = whatIfView(insights, { personId: 'morgan', trim: false })!;
    expect(leave.seatRisk).toBe(
      'Morgan Reyes is a decision maker: their seat becomes an open risk until we know who decides in their place.'
    );
    expect(leave.hasLost).toBe(false);
    expect(leave.lostEmpty).toBe('No decision maker loses their best warm path.');
    const trim = whatIfView(insights, { personId: 'morgan', trim: true })!;
    expect(trim.heading).toBe('Before you trim Morgan Reyes');
    expect(trim.seatRisk).toContain('they still decide');
  });

  it('trimming Lee loses the same paths as Lee leaving', () => {
    const trim = whatIfView(insights, { personId: 'lee', trim: true })!;
    expect(trim.trim).toBe(true);
    expect(trim.lost.map((l) => l.name)).toEqual(['Morgan Reyes', 'Riley Chen']);
  });

  it('changes nothing for someone not on the map', () => {
    const view = whatIfView(insights, { personId: 'nobody', trim: false })!;
    expect(view.found).toBe(false);
    expect(view.nothing).toBe('nobody is not on the map: nothing changes.');
    expect(whatIfView(null, { personId: 'lee', trim: false })).toBeNull();
  });

  it('is kept for the selected person only, and computed once per change', () => {
    const memo = new WhatIfMemo();
    const request = { personId: 'lee', trim: false };
    expect(memo.view(insights, request, 'riley')).toBeNull();
    const first = memo.view(insights, request, 'lee');
    expect(memo.view(insights, request, 'lee')).toBe(first);
  });

  it('on the sample map, lists exactly the decision makers whose best path runs through the person who carries the most', () => {
    const sample = sampleMap();
    const sampleInsights = computeInsights(sample.people, sample.links, settings, SAMPLE_AS_OF);
    const carried = new Map<string, string[]>();
    for (const w of sampleInsights.analysis.warmPaths) {
      const best = w.paths[0];
      for (const id of best?.personIds ?? []) {
        if (id === w.decisionMakerId) continue;
        carried.set(id, [...(carried.get(id) ?? []), w.name]);
      }
    }
    const [carrier, names] = [...carried].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0];
    expect(names.length).toBeGreaterThan(1);
    const view = whatIfView(sampleInsights, { personId: carrier, trim: false })!;
    expect(view.lost.map((l) => l.name).sort()).toEqual([...names].sort());
  });
});

describe('marking someone as left', () => {
  it('waits for a confirmation only when the edit checks Vacant on someone who is not vacant yet', () => {
    expect(marksAsLeft(people, 'lee', { isVacant: true })).toBe(true);
    expect(marksAsLeft(people, 'lee', { isVacant: false })).toBe(false);
    expect(marksAsLeft(people, 'lee', { title: 'Director' })).toBe(false);
    expect(marksAsLeft([{ ...people[2], isVacant: true }], 'lee', { isVacant: true })).toBe(false);
    expect(marksAsLeft(people, 'nobody', { isVacant: true })).toBe(false);
    expect(marksAsLeft(null, 'lee', { isVacant: true })).toBe(false);
  });

  it('shows what leaving does (as "If they leave") with "Mark <name> as left"; Cancel gives the edit back', () => {
    const plain = whatIfView(insights, { personId: 'lee', trim: false })!;
    const confirm = whatIfView(insights, { personId: 'lee', trim: false, leave: { isVacant: true } })!;
    expect(confirm).toMatchObject({
      heading: 'Before you mark Lee Park as left',
      confirm: 'leave',
      confirmLabel: 'Mark Lee Park as left',
    });
    expect(plain).toMatchObject({ heading: 'If Lee Park leaves', confirm: '', confirmLabel: '' });
    expect(confirm.lost).toEqual(plain.lost);
    expect(confirm.measures).toEqual(plain.measures);
    expect(whatIfView(insights, { personId: 'lee', trim: true })).toMatchObject({
      confirm: 'trim',
      confirmLabel: 'Trim Lee Park',
    });
    expect(leaveCancelled({ personId: 'lee', trim: false, leave: { isVacant: true } }, 'Lee Park')).toEqual({
      personId: 'lee',
      fields: { isVacant: true },
      message: 'Lee Park is not marked as left.',
      reloaded: true,
    });
  });
});
