/**
 * Influence with decay, influence over the decision and degree, on hand-computed maps.
 *
 * Step weights (DEFAULT_CONFIG): type share × strength, strengths Strong 1, Medium 0.6, Weak 0.3;
 * shares Influences 1 (From→To only), Reports To 0.5 up / 1 down, Ally 0.8, Relationship 0.7,
 * Conflict 0. A chain of h links is worth the product of its weights × 0.5^(h-1); below 0.01 = 0.
 */
import {
  DEFAULT_CONFIG,
  computeInfluence,
  influenceBetween,
  influenceFrom,
  influenceMatrix,
  matrixInfluence,
  prepareMap,
  resolveConfig,
} from 'c/relationshipGraph';
import { NOW, byId, decider, link, ours, person, prepared } from './fixtures';

describe('link semantics', () => {
  it('carries influence the way each link type says, in one config object', () => {
    const t = DEFAULT_CONFIG.linkTypes;
    expect([t.Influences.forward, t.Influences.backward]).toEqual([1, 0]);
    // Reports To: From reports to To; the manager's sway down (backward) beats the pull up.
    expect([t['Reports To'].forward, t['Reports To'].backward]).toEqual([0.5, 1]);
    expect([t.Ally.forward, t.Ally.backward]).toEqual([0.8, 0.8]);
    expect([t.Relationship.forward, t.Relationship.backward]).toEqual([0.7, 0.7]);
    expect(t.Conflict).toMatchObject({ forward: 0, backward: 0, friction: true });
    expect(DEFAULT_CONFIG.strengths).toEqual({ Strong: 1, Medium: 0.6, Weak: 0.3 });
    expect(DEFAULT_CONFIG.decay).toBe(0.5);
  });

  it('a manager sways their report more than the report sways them', () => {
    const map = prepareMap(
      { people: [person('rep'), person('boss')], links: [link('rep', 'boss', 'Reports To', 'Strong')] },
      { now: NOW }
    );
    expect(influenceBetween(map, 'boss', 'rep')).toBe(1); // 1 × Strong 1
    expect(influenceBetween(map, 'rep', 'boss')).toBe(0.5); // 0.5 × Strong 1
  });

  it('a conflict carries no influence either way', () => {
    const map = prepareMap(
      { people: [person('a'), person('b')], links: [link('a', 'b', 'Conflict', 'Strong')] },
      { now: NOW }
    );
    expect(influenceBetween(map, 'a', 'b')).toBe(0);
    expect(influenceBetween(map, 'b', 'a')).toBe(0);
  });

  it('rejects configuration numbers out of range, naming the setting', () => {
    expect(() => resolveConfig({ decay: 0 })).toThrow(/decay must be in \(0, 1\]/);
    expect(() => resolveConfig({ strengths: { Strong: 1.5 } })).toThrow(/strengths.Strong/);
    expect(() => prepareMap({ people: [], links: [] }, { now: 'yesterday' })).toThrow(/options.now/);
  });
});

describe('chain: Olive (ours) → Ana → Ben → Cy → Dee (decision maker, High)', () => {
  const map = prepared('chain');

  it('fades by half per level removed', () => {
    // Olive–Ana Relationship Strong 0.7; Ana→Ben Strong 1; Ben→Cy Medium 0.6; Cy→Dee Strong 1.
    const reach = influenceFrom(map, 'olive');
    expect(reach.map((r) => [r.personId, r.influence, r.hops])).toEqual([
      ['ana', 0.7, 1], // 0.7
      ['ben', 0.35, 2], // 0.7 × 1 × 0.5
      ['cy', expect.closeTo(0.105, 12), 3], // 0.7 × 1 × 0.6 × 0.5²
      ['dee', expect.closeTo(0.0525, 12), 4], // 0.7 × 1 × 0.6 × 1 × 0.5³
    ]);
    expect(reach[3].via).toEqual(['olive', 'ana', 'ben', 'cy', 'dee']);
  });

  it('influence over the decision is influence over Dee (the only decision maker)', () => {
    const inf = computeInfluence(map);
    expect(inf.decisionMakerIds).toEqual(['dee']);
    expect(byId(inf.people, 'decisionInfluence')).toEqual({
      dee: 1, // a decision maker counts for themselves
      cy: 1, // Cy→Dee Strong: 1
      ben: 0.3, // 0.6 × 1 × 0.5
      ana: expect.closeTo(0.15, 12), // 1 × 0.6 × 1 × 0.25
      olive: expect.closeTo(0.0525, 12), // 0.7 × 0.15 × 0.5
    });
    // Plain degree for comparison: the middle of the chain has two links, the ends one.
    expect(byId(inf.people, 'degree')).toEqual({ olive: 1, ana: 2, ben: 2, cy: 2, dee: 1 });
  });

  it('Influences is one-way: Dee has no influence back up the chain', () => {
    expect(influenceBetween(map, 'dee', 'cy')).toBe(0);
    // Relationship is two-way: Ana sways Olive as much as Olive sways Ana.
    expect(influenceBetween(map, 'ana', 'olive')).toBe(0.7);
  });

  it('the decay factor is configurable', () => {
    const slow = prepared('chain', { decay: 1 });
    // No fading: 0.7 × 1 × 0.6 × 1.
    expect(influenceBetween(slow, 'olive', 'dee')).toBeCloseTo(0.42, 12);
  });

  it('influence weaker than epsilon is none', () => {
    // Olive over Dee is 0.0525: gone with epsilon 0.06, kept with the default 0.01.
    expect(influenceBetween(prepared('chain', { epsilon: 0.06 }), 'olive', 'dee')).toBe(0);
    expect(influenceBetween(map, 'olive', 'dee')).toBeCloseTo(0.0525, 12);
  });
});

describe('star: Sage, Sky, Sol, Sue around Hub (decision maker); Olive knows Sky, Otto knows Sol', () => {
  const inf = computeInfluence(prepared('star'));

  it('ranks people by their sway over Hub, not by how many links they have', () => {
    expect(byId(inf.people, 'decisionInfluence')).toEqual({
      hub: 1,
      s2: 1, // Sky→Hub Influences Strong
      s1: 0.6, // Sage→Hub Influences Medium
      s4: 0.5, // Sue reports to Hub, Strong: the upward pull 0.5 × 1
      s3: 0.48, // Sol–Hub Ally Medium 0.8 × 0.6
      olive: 0.105, // Olive–Sky Relationship Weak 0.21 × 1 × 0.5
      otto: expect.closeTo(0.1008, 12), // Otto–Sol Relationship Medium 0.42 × 0.48 × 0.5
    });
    // Hub has the most links (4) but Sky, with 2, sways the decision as much.
    expect(byId(inf.people, 'degree')).toMatchObject({ hub: 4, s2: 2, s1: 1 });
    expect(byId(inf.people, 'relativeDegree')).toMatchObject({ hub: 1, s2: 0.5, s1: 0.25 });
  });
});

describe('cycle: Ana → Ben → Cy → Ana (Strong), Cy → Dee (Medium), Olive knows Ana', () => {
  const map = prepared('cycle');

  it('terminates and takes each best chain once round', () => {
    expect(influenceBetween(map, 'ana', 'cy')).toBe(0.5); // Ana→Ben→Cy: 1 × 1 × 0.5
    expect(influenceBetween(map, 'ben', 'ana')).toBe(0.5); // Ben→Cy→Ana
    expect(influenceBetween(map, 'ana', 'ana')).toBe(1); // going round never adds anything
    expect(byId(computeInfluence(map).people, 'decisionInfluence')).toEqual({
      dee: 1,
      cy: 0.6, // Cy→Dee Medium
      ben: 0.3, // 1 × 0.6 × 0.5
      ana: 0.15, // 1 × 1 × 0.6 × 0.25
      olive: expect.closeTo(0.0525, 12), // 0.7 × 1 × 1 × 0.6 × 0.125
    });
  });
});

describe('disconnected: Olive → Xia → Dora (High) | Yan → Drew (Medium) | Zed alone', () => {
  const inf = computeInfluence(prepared('disconnected'));

  it('weights each decision maker by authority and normalises to the largest', () => {
    // Authority weights High 1, Medium 0.6: total 1.6.
    expect(inf.totalAuthority).toBe(1.6);
    const decision = byId(inf.people, 'decisionInfluence');
    expect(decision.dora).toBe(0.625); // 1 × 1 / 1.6
    expect(decision.xia).toBe(0.625); // Xia→Dora Strong: 1 × 1 / 1.6
    expect(decision.drew).toBeCloseTo(0.375, 12); // 0.6 × 1 / 1.6
    expect(decision.olive).toBeCloseTo(0.21875, 12); // 1 × (0.7 × 1 × 0.5) / 1.6
    expect(decision.zed).toBe(0);
    // Node size: relative to the largest (0.625).
    const size = byId(inf.people, 'relativeInfluence');
    expect(size).toMatchObject({ dora: 1, xia: 1, zed: 0 });
    expect(size.drew).toBeCloseTo(0.6, 12);
    expect(size.olive).toBeCloseTo(0.35, 12);
  });
});

describe('empty, one person, all opponents', () => {
  it('an empty map has no influence to compute', () => {
    expect(computeInfluence(prepared('empty'))).toEqual({ people: [], decisionMakerIds: [], totalAuthority: 0 });
  });

  it('a lone decision maker holds the whole decision', () => {
    expect(computeInfluence(prepared('one-person')).people).toEqual([
      {
        personId: 'solo',
        name: 'Solo',
        decisionInfluence: 1,
        relativeInfluence: 1,
        degree: 0,
        outDegree: 0,
        inDegree: 0,
        relativeDegree: 0,
      },
    ]);
  });

  it('opponents sway the decision like anyone else (avoiding them is for paths only)', () => {
    expect(byId(computeInfluence(prepared('all-opponents')).people, 'decisionInfluence')).toEqual({
      dee: 1,
      rex: 0.6, // Rex→Dee Influences Medium
      quinn: 0.5, // Quinn reports to Dee, Strong: 0.5
      pia: 0.075, // Pia reports to Quinn, Medium: 0.3 × 0.5 × 0.5
      olive: 0.063, // best of Olive–Rex 0.21 × 0.6 × 0.5 = 0.063 and Olive–Pia 0.7 × 0.075 × 0.5
    });
  });

  it('no decision makers: nobody has influence over the decision', () => {
    const map = prepareMap({ people: [person('a'), person('b')], links: [link('a', 'b')] }, { now: NOW });
    expect(computeInfluence(map).people.map((p) => p.decisionInfluence)).toEqual([0, 0]);
  });
});

describe('vacant seats and excluded people', () => {
  it('a vacant seat carries nothing and an excluded person is not on the map', () => {
    const map = prepareMap(
      {
        people: [ours('us'), person('gone', { isVacant: true }), person('hidden', { excluded: true }), decider('d')],
        links: [link('us', 'gone', 'Relationship'), link('gone', 'd'), link('us', 'hidden', 'Relationship')],
      },
      { now: NOW }
    );
    expect(map.people.map((p) => p.id)).toEqual(['d', 'gone', 'us']);
    expect(influenceBetween(map, 'us', 'd')).toBe(0);
    expect(influenceFrom(map, 'gone')).toEqual([]);
    expect(influenceFrom(map, 'hidden')).toEqual([]);
  });
});

describe('influenceMatrix', () => {
  it('holds every pair above epsilon and agrees with influenceBetween', () => {
    const map = prepared('star');
    const matrix = influenceMatrix(map);
    for (const a of map.people) {
      for (const b of map.people) {
        expect(matrixInfluence(matrix, a.id, b.id)).toBe(influenceBetween(map, a.id, b.id));
      }
    }
    expect(matrixInfluence(matrix, 'otto', 'hub')).toBeCloseTo(0.1008, 12);
    expect(matrixInfluence(matrix, 'hub', 'nobody')).toBe(0);
  });
});
