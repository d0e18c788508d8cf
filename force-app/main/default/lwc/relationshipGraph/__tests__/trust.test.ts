/**
 * Signals a rep can trust (issue 16), each rule on a hand-computed map: the health gate and the
 * unscored state, staleness from the date a person was added, conflicts, risky paths through
 * opponents and weak clean paths, vacant decision-maker seats (also in what-if), the primary
 * contact, degree, and the decision-maker summary.
 */
import {
  analyzeMap,
  analyzePrepared,
  computeHealth,
  computeInfluence,
  findCoverageGaps,
  findStalePeople,
  findWarmPaths,
  prepareMap,
  whatIfRemoved,
} from 'c/relationshipGraph';
import type { MapInput, MapPerson } from 'c/relationshipGraph';
import { NOW, decider, link, ours, person } from './fixtures';

/** A customer with every key field filled and a recent interaction (completeness and freshness 100). */
const full = (id: string, extra: Partial<MapPerson> = {}): MapPerson =>
  person(id, {
    name: id[0].toUpperCase() + id.slice(1),
    role: 'Influencer',
    authority: 'High',
    stance: 'Neutral',
    sentiment: 'Neutral',
    goalImpact: 'Neutral',
    personalGoals: 'g',
    prioritiesPainPoints: 'p',
    relationToGoal: 'r',
    lastInteraction: '2025-06-20',
    ...extra,
  });

const prep = (input: MapInput) => prepareMap(input, { now: NOW });

/** Links as a table: one row of link()'s arguments per link. */
const linkRows = (...rows: Parameters<typeof link>[]) => rows.map((row) => link(...row));

describe('support among decision makers gates the health score', () => {
  /** Three High decision makers, each known by one of us (Strong Relationship), everything filled in. */
  const deal = (ebStance: MapPerson['stance']): MapInput => ({
    people: [
      ours('us', { role: 'Executive Sponsor' }),
      full('eb', { name: 'Marcus', role: 'Economic Buyer', stance: ebStance }),
      full('d1', { role: 'Decision Maker', stance: 'Champion' }),
      full('d2', { role: 'Decision Maker', stance: 'Supporter' }),
    ],
    links: linkRows(
      ['us', 'eb', 'Relationship', 'Strong'],
      ['us', 'd1', 'Relationship', 'Strong'],
      ['us', 'd2', 'Relationship', 'Strong']
    ),
  });

  it('a Skeptic economic buyer keeps a map scoring 89 from being Healthy, and is the first reason', () => {
    const health = computeHealth(prep(deal('Skeptic')));
    // Support (0.15 + 1 + 0.75) / 3 = 63.3; coverage, freshness, completeness, roles 100:
    // 0.3 × 63.33 + 0.25 × 100 + 0.15 × 100 × 3 = 89.
    expect(health.uncappedScore).toBe(89);
    expect(health.score).toBe(69); // capped just below Healthy (70)
    expect(health).toMatchObject({ state: 'fair', label: 'Fair' });
    expect(health.gate?.blockers).toEqual([{ personId: 'eb', name: 'Marcus', why: 'economic buyer, Skeptic' }]);
    expect(health.reasons[0]).toBe(
      'Marcus (economic buyer) is a Skeptic: the map cannot be Healthy until they support us.'
    );
  });

  it('once the economic buyer supports us, the same map is Healthy', () => {
    const health = computeHealth(prep(deal('Supporter')));
    // Support (0.75 + 1 + 0.75) / 3 = 83.3 → 0.3 × 83.33 + 70 = 95.
    expect(health).toMatchObject({ score: 95, uncappedScore: 95, state: 'healthy', label: 'Healthy', gate: null });
  });

  it('an economic buyer of unknown stance, or a vacant seat, gates too', () => {
    expect(computeHealth(prep(deal('Unknown'))).reasons[0]).toBe(
      'Marcus (economic buyer) is of unknown stance: the map cannot be Healthy until they support us; find out where they stand.'
    );
    const input = deal('Champion');
    const vacant = { ...input, people: input.people.map((p) => (p.id === 'eb' ? { ...p, isVacant: true } : p)) };
    const health = computeHealth(prep(vacant));
    expect(health.reasons[0]).toBe(
      "Marcus's seat (economic buyer) is vacant: the map cannot be Healthy until someone who backs us holds it; find out who takes over."
    );
    // The vacant seat counts against support: (1 × 0 + 1 × 1 + 1 × 0.75) / 3 = 58.3.
    expect(health.components.find((c) => c.key === 'support')?.score).toBe(58.3);
  });

  it('fewer than half the decision makers supporting us gates, even with no blocker', () => {
    const health = computeHealth(
      prep({
        people: [
          decider('a', { name: 'A', authority: 'Medium', stance: 'Supporter' }),
          decider('b', { name: 'B', authority: 'Medium', stance: 'Neutral' }),
          decider('c', { name: 'C', authority: 'Low', stance: 'Neutral' }),
        ],
        links: [],
      })
    );
    expect(health.gate).toMatchObject({ blockers: [], supporting: 1, decisionMakers: 3 });
    expect(health.reasons[0]).toBe(
      'Only 1 of 3 decision makers support us: the map cannot be Healthy until at least half do.'
    );
  });

  it('a map without decision makers is not scored yet and says what to add', () => {
    const health = computeHealth(
      prep({ people: [ours('us'), full('kim')], links: [link('us', 'kim', 'Relationship')] })
    );
    expect(health.state).toBe('unscored');
    expect(health.reasons[0]).toBe(
      'Add the decision makers to score this map (role Decision Maker or Economic Buyer).'
    );
    expect(health.reasons).not.toContain(
      'No decision maker on the map (role Decision Maker or Economic Buyer): support cannot be judged.'
    );
  });
});

describe('nobody is stale before the stale period has passed since they were added', () => {
  it('counts the days since the last touch only once the person has been on the map for 90 days', () => {
    const map = prep({
      people: [
        person('new', { name: 'New', createdDate: '2025-06-30T11:59:59Z' }), // added a second ago
        person('month', { name: 'Month', createdDate: '2025-05-31T12:00:00Z' }), // 30 days
        person('old', { name: 'Old', createdDate: '2025-03-31T12:00:00Z' }), // 91 days, never touched
        person('back', { name: 'Back', createdDate: '2025-06-20T12:00:00Z', lastInteraction: '2024-01-01' }),
        person('blank', { name: 'Blank' }), // no created date: treated as added long ago
        person('fresh', { name: 'Fresh', createdDate: '2020-01-01T00:00:00Z', lastInteraction: '2025-06-01' }),
      ],
      links: [],
    });
    expect(findStalePeople(map)).toEqual([
      { personId: 'blank', name: 'Blank', daysSinceLastTouch: null, daysSinceAdded: null },
      { personId: 'old', name: 'Old', daysSinceLastTouch: null, daysSinceAdded: 91 },
    ]);
    const freshness = computeHealth(map).components.find((c) => c.key === 'freshness');
    expect(freshness?.score).toBe(66.7); // 4 of 6
    expect(freshness?.reasons).toEqual([
      '2 of 6 people had no interaction or stance review in the last 90 days: Blank (never) and Old (never).',
    ]);
  });

  it('a person with an invalid created date is reported and treated as added long ago', () => {
    const map = prep({ people: [person('p', { createdDate: 'yesterday' })], links: [] });
    expect(map.issues.map((i) => [i.code, i.field])).toEqual([['invalid-date', 'createdDate']]);
    expect(findStalePeople(map).map((s) => s.personId)).toEqual(['p']);
  });
});

describe('conflicts', () => {
  it('a conflict with our only direct relationship halves that check and is a reason', () => {
    const people = [ours('us', { name: 'Sam' }), decider('d', { name: 'Dee', stance: 'Neutral' })];
    const links = [link('us', 'd', 'Relationship', 'Strong'), link('d', 'us', 'Conflict', 'Strong')];
    const [dee] = findCoverageGaps(prep({ people, links })).keyPeople;
    // (0.5 + 1 + 1) / 3: the path (0.7) is strong.
    expect(dee.score).toBeCloseTo(2.5 / 3, 12);
    expect(dee.conflictWithIds).toEqual(['us']);
    expect(dee.reasons.map((r) => r.message)).toEqual([
      'Dee (decision maker): in conflict with Sam (our side), who is our only direct relationship; mend it or let someone else lead.',
    ]);
    // Without the conflict, fully covered: the conflict weakened coverage.
    expect(findCoverageGaps(prep({ people, links: [links[0]] })).score).toBe(1);
    // A clean relationship from another of us restores the check; the conflict stays a reason.
    const other = findCoverageGaps(
      prep({ people: [...people, ours('us2')], links: [...links, link('us2', 'd', 'Relationship', 'Weak')] })
    ).keyPeople[0];
    expect(other.score).toBe(1);
    expect(other.reasons.map((r) => r.code)).toEqual(['conflict-with-us']);
  });

  it('a path through two people in conflict is flagged, and the conflict is a health reason', () => {
    const input: MapInput = {
      people: [
        ours('us', { name: 'Sam' }),
        person('a', { name: 'Ann' }),
        decider('d', { name: 'Dee', stance: 'Neutral' }),
      ],
      links: linkRows(
        ['us', 'a', 'Relationship', 'Strong'],
        ['a', 'd', 'Influences', 'Strong'],
        ['a', 'd', 'Conflict']
      ),
    };
    const map = prep(input);
    const [dee] = findWarmPaths(map);
    expect(dee.paths[0]).toMatchObject({
      personIds: ['us', 'a', 'd'],
      strength: 0.35, // 0.7 × 1 × 0.5
      conflictPairs: [['a', 'd']],
      risky: true,
      risks: ['Ann and Dee are in conflict'],
    });
    expect(dee.summary).toBe(
      'Best way in to Dee: Sam (our side) knows Ann; Ann influences Dee, the decision maker (strength 0.35). Careful: Ann and Dee are in conflict.'
    );
    const analysis = analyzePrepared(map);
    expect(analysis.coverage.keyPeople[0].reasons.map((r) => r.code)).toEqual(['no-relationship', 'conflicted-path']);
    expect(analysis.health.reasons).toContain(
      'Dee (decision maker): none of our people has a Relationship link with them; their best way in passes people in conflict (Ann and Dee).'
    );
  });
});

describe('opponents: a stronger risky path next to a weak clean one', () => {
  const input: MapInput = {
    people: [
      ours('us', { name: 'Sam' }),
      person('opp', { name: 'Otto', stance: 'Opponent' }),
      person('c', { name: 'Cleo' }),
      decider('d', { name: 'Dee', stance: 'Neutral' }),
    ],
    links: linkRows(
      ['us', 'opp', 'Relationship', 'Strong'],
      ['opp', 'd', 'Influences', 'Strong'],
      ['us', 'c', 'Relationship', 'Weak'],
      ['c', 'd', 'Influences', 'Weak']
    ),
  };

  it('shows the clean path first, however weak, and the stronger one through the opponent beside it, labelled risky', () => {
    const [dee] = findWarmPaths(prep(input));
    expect(dee.status).toBe('warm');
    expect(dee.paths.map((p) => p.personIds)).toEqual([['us', 'c', 'd']]);
    expect(dee.paths[0].strength).toBeCloseTo(0.0315, 12); // 0.21 × 0.3 × 0.5
    expect(dee.cleanStrength).toBeCloseTo(0.0315, 12);
    expect(dee.riskyAlternative).toMatchObject({
      personIds: ['us', 'opp', 'd'],
      strength: 0.35, // 0.7 × 1 × 0.5
      opponentIds: ['opp'],
      risky: true,
      risks: ['passes Otto, an opponent'],
    });
    expect(dee.summary).toMatch(/A stronger way runs through an opponent \(Otto, strength 0\.35\): risky\.$/);
  });

  it('gives a weak clean path 0.75 of the path check', () => {
    const [dee] = findCoverageGaps(prep(input)).keyPeople;
    expect(dee.score).toBeCloseTo(1.75 / 3, 12); // (0 + 1 + 0.75) / 3
    expect(dee.reasons.map((r) => r.detail)).toContain(
      'the only way in that avoids opponents is weak (strength 0.03); build a stronger one'
    );
  });

  it('no risky alternative when the clean path is the strongest', () => {
    const strongClean = { ...input, links: [...input.links, link('us', 'd', 'Relationship', 'Strong')] };
    expect(findWarmPaths(prep(strongClean))[0].riskyAlternative).toBeNull();
  });
});

describe('a vacant decision-maker seat', () => {
  const input: MapInput = {
    people: [
      ours('us', { name: 'Sam' }),
      decider('d1', { name: 'Dan', stance: 'Champion' }),
      decider('d2', { name: 'Eve', role: 'Economic Buyer', stance: 'Supporter' }),
    ],
    links: [link('us', 'd1', 'Relationship', 'Strong'), link('us', 'd2', 'Relationship', 'Strong')],
  };

  it('counts against support and warm reach', () => {
    const vacant = { ...input, people: input.people.map((p) => (p.id === 'd2' ? { ...p, isVacant: true } : p)) };
    const analysis = analyzeMap(vacant, { now: NOW });
    expect(analysis.health.components.find((c) => c.key === 'support')?.score).toBe(50); // (1 + 0) / 2
    expect(analysis.warmReach).toBe(0.35); // (0.7 + 0) / 2
  });

  it('shows in what-if: the seat is an open risk, support drops, and no "no decision maker loses" line', () => {
    const result = whatIfRemoved(prep(input), 'd2');
    expect(result.wasDecisionMaker).toBe(true);
    expect(result.vacantSeats).toEqual([
      {
        personId: 'd2',
        name: 'Eve',
        role: 'economic buyer',
        message:
          "Eve's seat (economic buyer) becomes vacant: an open risk until someone takes over; support among decision makers goes from 87.5 to 50.",
      },
    ]);
    expect(result.summary).not.toContain('No decision maker loses their best warm path.');
    expect(result.summary).toContain('No other decision maker loses their best warm path.');
    // Support (1 + 0.75) / 2 = 87.5 → (1 + 0) / 2 = 50; warm reach (0.7 + 0.7) / 2 → (0.7 + 0) / 2.
    expect(result.health.components.find((c) => c.key === 'support')).toMatchObject({ before: 87.5, after: 50 });
    expect(result.warmReach).toMatchObject({ before: 0.7, after: 0.35 });
    // Before: 0.3 × 87.5 + 0.25 × 100 + 0.15 × 0 (never touched) + 0.15 × 37.5 + 0.15 × 66.7 = 66.9;
    // after: 0.3 × 50 + 0.25 × 50 (Eve's vacant key seat) + 0 + 0.15 × 37.5 + 0.15 × 33.3 = 38.1.
    expect(result.health).toMatchObject({ before: 67, after: 38, stateBefore: 'fair', stateAfter: 'poor' });
    expect(result.coverage.after).toBeLessThan(result.coverage.before);
  });
});

describe('primary contact', () => {
  it('a vacant flagged primary contact is reported and a live flagged one is used', () => {
    const map = prep({
      people: [
        ours('us'),
        person('a-old', { name: 'Old', isPrimaryContact: true, isVacant: true }),
        person('b-new', { name: 'New', isPrimaryContact: true }),
        decider('d'),
      ],
      links: [link('us', 'b-new', 'Relationship', 'Strong'), link('b-new', 'd', 'Influences', 'Strong')],
    });
    expect(map.people[map.primary].id).toBe('b-new');
    expect(map.issues.map((i) => [i.code, i.message])).toEqual([
      ['vacant-primary-contact', 'Old is flagged as the primary contact but their seat is vacant; New is used.'],
    ]);
    const analysis = analyzePrepared(map);
    expect(analysis.primaryContact).toEqual({
      personId: 'b-new',
      name: 'New',
      vacant: [{ personId: 'a-old', name: 'Old' }],
      message: 'The primary contact Old has left (seat vacant); New is used as primary contact.',
    });
    expect(analysis.warmPaths[0].paths[0].throughPrimaryContact).toBe(true);
  });

  it('with only a vacant flagged contact, says to flag whoever took over', () => {
    const analysis = analyzeMap(
      { people: [person('old', { name: 'Old', isPrimaryContact: true, isVacant: true })], links: [] },
      { now: NOW }
    );
    expect(analysis.primaryContact.personId).toBeNull();
    expect(analysis.primaryContact.message).toBe(
      'The primary contact Old has left (seat vacant): flag the person who took over as primary contact.'
    );
  });
});

describe('degree', () => {
  it('counts every link touching the person, links to a vacant seat included', () => {
    const map = prep({
      people: [person('a'), person('gone', { isVacant: true }), person('b')],
      links: [link('a', 'gone', 'Reports To'), link('a', 'b', 'Conflict'), link('b', 'a', 'Relationship')],
    });
    const byId = Object.fromEntries(computeInfluence(map).people.map((p) => [p.personId, p.degree]));
    expect(byId).toEqual({ a: 3, gone: 1, b: 2 });
  });
});

describe('whatIfRemoved with bad data', () => {
  it('does not throw when the people list holds a null entry', () => {
    const input = {
      people: [null, decider('d'), ours('us'), person('x')],
      links: [link('us', 'x', 'Relationship', 'Strong'), link('x', 'd', 'Influences', 'Strong')],
    } as unknown as MapInput;
    const result = whatIfRemoved(prep(input), 'x');
    expect(result.found).toBe(true);
    expect(result.lostPaths.map((l) => l.decisionMakerId)).toEqual(['d']);
  });
});

describe('the decision-maker summary', () => {
  it('lists every decision-maker seat, unsupported first, with what the strip shows', () => {
    const analysis = analyzeMap(
      {
        people: [
          ours('us', { name: 'Sam' }),
          person('lee', { name: 'Lee' }),
          decider('champ', { name: 'Cara', stance: 'Champion', lastInteraction: '2025-06-20' }),
          decider('sk', { name: 'Skip', stance: 'Skeptic', sentiment: 'Negative', lastInteraction: '2025-05-31' }),
          decider('eb', { name: 'Erin', role: 'Economic Buyer', isVacant: true }),
        ],
        links: linkRows(
          ['us', 'champ', 'Relationship', 'Strong'],
          ['us', 'lee', 'Relationship', 'Strong'],
          ['lee', 'sk', 'Influences', 'Strong']
        ),
      },
      { now: NOW }
    );
    expect(
      analysis.decisionMakers.map((d) => [
        d.name,
        d.supportsUs,
        d.vacant,
        d.covered,
        d.bestPathStrength,
        d.blocksHealth,
      ])
    ).toEqual([
      ['Skip', false, false, false, 0.35, true],
      ['Erin', false, true, false, 0, true],
      ['Cara', true, false, true, 0.7, false],
    ]);
    const [skip, erin, cara] = analysis.decisionMakers;
    expect(skip).toMatchObject({
      stance: 'Skeptic',
      sentiment: 'Negative',
      authority: 'High',
      pathStatus: 'warm',
      daysSinceLastInteraction: 30,
      stale: false,
      nextStep: 'Ask Lee to introduce Sam to Skip (strength 0.35).',
    });
    expect(erin.nextStep).toBe("Find out who takes over Erin's seat and add them to the map.");
    expect(cara.nextStep).toBe('Keep Cara close.');
  });
});
