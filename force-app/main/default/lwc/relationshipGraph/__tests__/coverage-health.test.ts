/**
 * Coverage gaps and map health. Coverage of a key person = mean of three checks: a direct
 * Relationship from our people (1/0), a known stance (1/0), a warm path (1, 0.5 if only through
 * an opponent, 0). Health = (30 support + 25 coverage + 15 freshness + 15 completeness + 15 roles) / 100.
 */
import { computeHealth, findCoverageGaps, prepareMap } from 'c/relationshipGraph';
import type { HealthReport, MapPerson } from 'c/relationshipGraph';
import { NOW, decider, link, ours, person, prepared } from './fixtures';

const component = (health: HealthReport, key: string) => {
  const found = health.components.find((c) => c.key === key);
  if (!found) throw new Error(`no component ${key}`);
  return found;
};

describe('coverage gaps', () => {
  it('flags the decision maker reached only through an opponent, with the reason in words', () => {
    const coverage = findCoverageGaps(prepared('all-opponents'));
    expect(coverage.gaps).toHaveLength(1);
    const [dee] = coverage.gaps;
    expect(dee.reasons.map((r) => r.code)).toEqual(['no-relationship', 'only-through-opponents']);
    expect(dee.reasons[1].message).toBe('Dee (decision maker): can only be reached through an opponent (Rex).');
    expect(dee.summary).toBe(
      'Dee (decision maker): none of our people has a Relationship link with them; can only be reached through an opponent (Rex).'
    );
    expect(dee.score).toBe(0.5); // (0 + 1 + 0.5) / 3
  });

  it('flags a decision maker none of our people can reach', () => {
    const coverage = findCoverageGaps(prepared('disconnected'));
    // Decision makers first, weakest coverage first.
    expect(coverage.keyPeople.map((k) => [k.personId, k.score])).toEqual([
      ['drew', 1 / 3], // (0 + 1 + 0) / 3
      ['dora', 2 / 3], // (0 + 1 + 1) / 3: warm path via Xia, but no direct relationship
    ]);
    expect(coverage.keyPeople[0].summary).toBe(
      'Drew (economic buyer): none of our people has a Relationship link with them; none of our people can reach them through the links on the map.'
    );
    expect(coverage.score).toBe(0.5);
  });

  it('covers a key person fully with a direct relationship, a known stance and a warm path', () => {
    const map = prepareMap(
      { people: [ours('us'), decider('d', { stance: 'Neutral' })], links: [link('us', 'd', 'Relationship', 'Weak')] },
      { now: NOW }
    );
    const coverage = findCoverageGaps(map);
    expect(coverage.gaps).toEqual([]);
    expect(coverage.keyPeople[0]).toMatchObject({ score: 1, hasDirectRelationship: true, pathStatus: 'warm' });
  });

  it('covers high-authority people too, and reports an unknown stance and a vacant seat', () => {
    const map = prepareMap(
      {
        people: [
          ours('us'),
          person('opp', { name: 'Opp', stance: 'Opponent' }),
          person('vp', { name: 'Vee', authority: 'High' }), // stance blank = Unknown
          decider('old', { name: 'Old', isVacant: true }),
          person('low', { name: 'Low', authority: 'Low' }), // not a key person
        ],
        links: [link('us', 'opp', 'Relationship', 'Strong'), link('opp', 'vp', 'Influences', 'Strong')],
      },
      { now: NOW }
    );
    const coverage = findCoverageGaps(map);
    expect(coverage.keyPeople.map((k) => k.summary)).toEqual([
      'Old (decision maker): the seat is vacant; find out who takes over.',
      'Vee (high authority): none of our people has a Relationship link with them; their stance is Unknown; can only be reached through an opponent (Opp).',
    ]);
    expect(coverage.keyPeople.map((k) => k.score)).toEqual([0, 0.5 / 3]);
  });

  it('counts Ally links as direct relationships when configured', () => {
    const people: MapPerson[] = [ours('us'), decider('d', { stance: 'Neutral' })];
    const links = [link('us', 'd', 'Ally', 'Strong')];
    const strict = findCoverageGaps(prepareMap({ people, links }, { now: NOW }));
    expect(strict.gaps[0].reasons.map((r) => r.code)).toEqual(['no-relationship']);
    const lenient = findCoverageGaps(
      prepareMap({ people, links }, { now: NOW, config: { coverageLinkTypes: ['Relationship', 'Ally'] } })
    );
    expect(lenient.gaps).toEqual([]);
  });
});

describe('health', () => {
  it('an empty map scores 0, is not scored yet and says what is missing', () => {
    const health = computeHealth(prepared('empty'));
    expect(health.score).toBe(0);
    expect(health).toMatchObject({ state: 'unscored', label: 'Not scored yet', gate: null });
    expect(health.components.map((c) => c.score)).toEqual([0, 0, 0, 0, 0]);
    expect(health.reasons).toEqual([
      'Add the decision makers to score this map (role Decision Maker or Economic Buyer).',
      'No decision makers or high-authority people identified: nobody to cover.',
      'No customer or partner people on the map yet.',
      'No customer or partner people on the map yet.',
      'No Champion: nobody on the customer side sells for us when we are not in the room.',
      'No Executive Sponsor: no executive owns the relationship.',
      'No Economic Buyer: we do not know who signs off the money.',
    ]);
  });

  it('one person: a Champion decision maker we have never talked to', () => {
    const health = computeHealth(prepared('one-person'));
    expect(health.components.map((c) => [c.key, c.score])).toEqual([
      ['support', 100], // Champion: support 1
      ['coverage', 33.3], // (0 + 1 + 0) / 3
      ['freshness', 0], // never contacted
      ['completeness', 37.5], // role, authority, stance filled: 3 of 8
      ['roles', 33.3], // Champion (by stance) yes; Executive Sponsor, Economic Buyer no
    ]);
    // 0.30 × 100 + 0.25 × 33.33 + 0.15 × 0 + 0.15 × 37.5 + 0.15 × 33.33 = 48.96
    expect(health.score).toBe(49);
    expect(component(health, 'freshness').reasons).toEqual([
      '1 of 1 people had no interaction or stance review in the last 90 days: Solo (never).',
    ]);
    // The component costing the most points comes first: coverage loses 25 × 66.7, freshness 15 × 100.
    expect(health.reasons[0]).toMatch(/^Solo \(decision maker\): none of our people/);
  });

  it('chain: support from a Supporter decision maker, nothing else filled in', () => {
    const health = computeHealth(prepared('chain'));
    expect(component(health, 'support').score).toBe(75); // Supporter 0.75
    expect(component(health, 'completeness').score).toBe(28.1); // 9 of 32 fields
    expect(component(health, 'roles').score).toBe(0);
    // Dee's only way in is weak (0.0525 < 0.1): path check 0.75, coverage (0 + 1 + 0.75) / 3 = 58.3.
    expect(component(health, 'coverage').score).toBe(58.3);
    // 0.3 × 75 + 0.25 × 58.33 + 0 + 0.15 × 28.125 + 0 = 41.3
    expect(health.score).toBe(41);
  });

  it('weights support by authority and names who does not support us yet', () => {
    const health = computeHealth(prepared('disconnected'));
    // (1 × Supporter 0.75 + 0.6 × Neutral 0.4) / 1.6 = 0.61875
    expect(component(health, 'support')).toMatchObject({
      score: 61.9,
      reasons: ['1 of 2 decision makers do not support us yet: Drew (Neutral).'],
    });
  });

  it('freshness: an interaction or a stance review within the last N days', () => {
    const people: MapPerson[] = [
      person('a', { name: 'A', lastInteraction: '2025-04-01' }), // 90 days before now: fresh
      person('b', { name: 'B', lastInteraction: '2025-03-31' }), // 91 days: stale
      person('c', { name: 'C', lastInteraction: '2024-01-01', stanceChangedAt: '2025-06-01T08:00:00.000Z' }),
      person('d', { name: 'D' }), // never
      ours('us', { lastInteraction: '2020-01-01' }), // our people are not assessed
    ];
    const health = computeHealth(prepareMap({ people, links: [] }, { now: NOW }));
    expect(component(health, 'freshness')).toMatchObject({
      score: 50,
      reasons: ['2 of 4 people had no interaction or stance review in the last 90 days: B (91 days) and D (never).'],
    });
    const strict = computeHealth(prepareMap({ people, links: [] }, { now: NOW, config: { staleDays: 30 } }));
    expect(component(strict, 'freshness').score).toBe(25); // only C (reviewed 29 days ago)
  });

  it('completeness names the missing key fields', () => {
    const people: MapPerson[] = [
      person('full', {
        name: 'Full',
        role: 'Influencer',
        authority: 'Low',
        stance: 'Neutral',
        sentiment: 'Neutral',
        goalImpact: 'Neutral',
        personalGoals: 'x',
        prioritiesPainPoints: 'y',
        relationToGoal: 'z',
      }),
      person('bare', { name: 'Bare', personalGoals: '   ' }), // blank text does not count
    ];
    const health = computeHealth(prepareMap({ people, links: [] }, { now: NOW }));
    expect(component(health, 'completeness').score).toBe(50);
    expect(component(health, 'completeness').reasons).toContain('Personal goals missing for 1 of 2: Bare.');
  });

  it('key roles: Champion, Executive Sponsor (any side) and Economic Buyer', () => {
    const people: MapPerson[] = [
      person('c', { role: 'Champion' }),
      ours('sponsor', { role: 'Executive Sponsor' }),
      person('eb', { role: 'Economic Buyer', isVacant: true }), // a vacant seat does not count
    ];
    const health = computeHealth(prepareMap({ people, links: [] }, { now: NOW }));
    expect(component(health, 'roles')).toMatchObject({
      score: 66.7,
      reasons: ['No Economic Buyer: we do not know who signs off the money.'],
    });
  });

  it('the weights are configurable', () => {
    const onlySupport = computeHealth(
      prepared('one-person', { health: { weights: { coverage: 0, freshness: 0, completeness: 0, roles: 0 } } })
    );
    expect(onlySupport.score).toBe(100);
  });
});
