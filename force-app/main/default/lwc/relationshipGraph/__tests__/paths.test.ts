/**
 * Warm paths: the best chains from our own people to each decision maker. Values as in
 * influence.test.ts: product of step weights × 0.5^(links-1).
 */
import { findWarmPaths, formatStrength, prepareMap } from 'c/relationshipGraph';
import type { DecisionMakerPaths } from 'c/relationshipGraph';
import { NOW, decider, link, ours, person, prepared } from './fixtures';

const only = (paths: DecisionMakerPaths[]): DecisionMakerPaths => {
  expect(paths).toHaveLength(1);
  return paths[0];
};

describe('chain', () => {
  it('explains the path in words, link by link', () => {
    const dee = only(findWarmPaths(prepared('chain')));
    expect(dee.status).toBe('warm');
    expect(dee.paths).toHaveLength(1);
    const [path] = dee.paths;
    expect(path.explanation).toBe(
      'Olive (our Account Executive) knows Ana; Ana influences Ben; Ben influences Cy; Cy influences Dee, the decision maker'
    );
    expect(path.strength).toBeCloseTo(0.0525, 12); // 0.7 × 1 × 0.6 × 1 × 0.5³
    expect(path.hops).toBe(4);
    expect(path.steps.map((s) => s.linkId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(dee.summary).toBe(
      'Best way in to Dee: Olive (our Account Executive) knows Ana; Ana influences Ben; Ben influences Cy; Cy influences Dee, the decision maker (strength 0.05).'
    );
  });
});

describe('star: Olive knows Sky (Weak), Otto knows Sol (Medium), Sol is the primary contact', () => {
  it('prefers the path through the primary contact, and reports its true strength', () => {
    const hub = only(findWarmPaths(prepared('star')));
    expect(hub.paths.map((p) => p.fromId)).toEqual(['otto', 'olive']);
    const [viaSol, viaSky] = hub.paths;
    // Otto–Sol Relationship Medium 0.42, Sol–Hub Ally Medium 0.48: 0.42 × 0.48 × 0.5 = 0.1008,
    // ranked as 0.1008 × 1.25 = 0.126 for running through the primary contact.
    expect(viaSol.strength).toBeCloseTo(0.1008, 12);
    expect(viaSol.rank).toBeCloseTo(0.126, 12);
    expect(viaSol.throughPrimaryContact).toBe(true);
    expect(viaSol.explanation).toBe(
      'Otto (our CTO) knows Sol (primary contact); Sol is an ally of Hub, the decision maker'
    );
    // Olive–Sky Relationship Weak 0.21, Sky→Hub Influences Strong 1: 0.21 × 1 × 0.5 = 0.105 —
    // stronger, but second.
    expect(viaSky.strength).toBeCloseTo(0.105, 12);
    expect(viaSky.throughPrimaryContact).toBe(false);
  });

  it('without the primary-contact preference the stronger path comes first', () => {
    const hub = only(findWarmPaths(prepared('star', { primaryContactBonus: 1 })));
    expect(hub.paths.map((p) => p.fromId)).toEqual(['olive', 'otto']);
  });
});

describe('cycle', () => {
  it('finds the chain through the cycle without going round it', () => {
    const dee = only(findWarmPaths(prepared('cycle')));
    expect(dee.paths[0].personIds).toEqual(['olive', 'ana', 'ben', 'cy', 'dee']);
    expect(dee.paths[0].strength).toBeCloseTo(0.0525, 12); // 0.7 × 1 × 1 × 0.6 × 0.125
  });
});

describe('disconnected', () => {
  it('says when none of our people can reach a decision maker', () => {
    const [dora, drew] = findWarmPaths(prepared('disconnected'));
    expect(dora.status).toBe('warm');
    expect(dora.paths[0].strength).toBe(0.35); // 0.7 × 1 × 0.5
    expect(drew).toEqual({
      decisionMakerId: 'drew',
      name: 'Drew',
      status: 'unreachable',
      paths: [],
      summary: 'None of our people can reach Drew through the links on the map.',
      riskyAlternative: null,
      cleanStrength: 0,
    });
  });
});

describe('empty and one person', () => {
  it('an empty map has no decision makers to reach', () => {
    expect(findWarmPaths(prepared('empty'))).toEqual([]);
  });

  it('without any of our people there is no warm path, and it says why', () => {
    const solo = only(findWarmPaths(prepared('one-person')));
    expect(solo.status).toBe('unreachable');
    expect(solo.summary).toBe('No warm path to Solo: none of our own people (Side = Our Company) is on the map.');
  });
});

describe('all opponents: Olive knows Pia and Rex; Pia → Quinn → Dee; Rex → Dee', () => {
  it('routes through opponents only because no other path exists, and says so', () => {
    const dee = only(findWarmPaths(prepared('all-opponents')));
    expect(dee.status).toBe('only-through-opponents');
    expect(dee.paths.map((p) => [p.explanation, p.strength, p.opponentIds])).toEqual([
      // Olive–Rex Relationship Weak 0.21, Rex→Dee Influences Medium 0.6: 0.21 × 0.6 × 0.5 = 0.063
      ['Olive (our Account Executive) knows Rex (opponent); Rex influences Dee, the decision maker', 0.063, ['rex']],
      // Olive–Pia 0.7, Pia reports to Quinn (up, Medium) 0.3, Quinn reports to Dee (up, Strong) 0.5:
      // 0.7 × 0.3 × 0.5 × 0.25 = 0.02625
      [
        'Olive (our Account Executive) knows Pia (opponent); Pia reports to Quinn (opponent); Quinn reports to Dee, the decision maker',
        expect.closeTo(0.02625, 12),
        ['pia', 'quinn'],
      ],
    ]);
    expect(dee.summary).toMatch(/^Dee can only be reached through an opponent \(Rex\): /);
  });
  // Whenever a path avoids opponents it comes first, however weak: trust.test.ts, 'opponents'.
});

describe('alternatives', () => {
  // Dana is our only person; she knows Lee, Kim and Max, who each reach Morgan another way.
  const map = prepareMap(
    {
      people: [
        ours('dana', { name: 'Dana', title: 'VP' }),
        person('lee', { name: 'Lee' }),
        person('kim', { name: 'Kim' }),
        person('max', { name: 'Max' }),
        person('ned', { name: 'Ned' }),
        decider('morgan', { name: 'Morgan' }),
      ],
      links: [
        link('dana', 'lee', 'Relationship', 'Strong'), // 0.7
        link('lee', 'morgan', 'Reports To', 'Strong'), // up 0.5
        link('dana', 'kim', 'Relationship', 'Medium'), // 0.42
        link('kim', 'morgan', 'Influences', 'Strong'), // 1
        link('dana', 'max', 'Relationship', 'Weak'), // 0.21
        link('max', 'morgan', 'Ally', 'Medium'), // 0.48
        link('dana', 'ned', 'Relationship', 'Weak'), // 0.21
        link('ned', 'morgan', 'Influences', 'Weak'), // 0.3
      ],
    },
    { now: NOW }
  );

  it('offers the best three, each through a different contact, best first', () => {
    const morgan = only(findWarmPaths(map));
    expect(morgan.paths.map((p) => [p.personIds[1], p.strength])).toEqual([
      ['kim', 0.21], // 0.42 × 1 × 0.5
      ['lee', 0.175], // 0.7 × 0.5 × 0.5
      ['max', expect.closeTo(0.0504, 12)], // 0.21 × 0.48 × 0.5; Ned's 0.21 × 0.3 × 0.5 = 0.0315 is fourth
    ]);
    expect(morgan.paths[1].explanation).toBe('Dana (our VP) knows Lee; Lee reports to Morgan, the decision maker');
  });

  it('keeps as many as configured', () => {
    const one = prepareMap(map.input, { now: NOW, config: { maxAlternatives: 1 } });
    expect(only(findWarmPaths(one)).paths.map((p) => p.personIds[1])).toEqual(['kim']);
  });
});

describe('who can start and relay a path', () => {
  it('a path starts at the last of our people on it, and a manager passes influence down', () => {
    // Dana knows Sam (both ours); Sam knows Lee; Morgan manages... Lee reports to Morgan.
    const map = prepareMap(
      {
        people: [
          ours('dana', { name: 'Dana' }),
          ours('sam', { name: 'Sam' }),
          person('lee', { name: 'Lee' }),
          person('kai', { name: 'Kai' }),
          decider('morgan', { name: 'Morgan', role: 'Economic Buyer' }),
        ],
        links: [
          link('dana', 'sam', 'Relationship', 'Strong'),
          link('sam', 'lee', 'Relationship', 'Strong'),
          link('lee', 'morgan', 'Reports To', 'Strong'),
          // Kai's manager is Morgan: the path to Kai goes down from Morgan.
          link('kai', 'morgan', 'Reports To', 'Strong'),
        ],
      },
      { now: NOW }
    );
    const morgan = only(findWarmPaths(map));
    expect(morgan.paths.map((p) => p.explanation)).toEqual([
      'Sam (our side) knows Lee; Lee reports to Morgan, the economic buyer',
    ]);
    const kai = prepareMap(
      {
        people: [ours('dana', { name: 'Dana' }), decider('kai', { name: 'Kai' }), person('mo', { name: 'Mo' })],
        links: [link('dana', 'mo', 'Relationship', 'Strong'), link('kai', 'mo', 'Reports To', 'Medium')],
      },
      { now: NOW }
    );
    // Mo manages Kai: 0.7 × (1 × 0.6) × 0.5 = 0.21.
    const [toKai] = only(findWarmPaths(kai)).paths;
    expect(toKai.explanation).toBe('Dana (our side) knows Mo; Mo manages Kai, the decision maker');
    expect(toKai.strength).toBeCloseTo(0.21, 12);
    expect(toKai.steps[1]).toMatchObject({ linkType: 'Reports To', alongLink: false, weight: 0.6 });
  });

  it('a vacant seat neither starts nor relays a path', () => {
    const map = prepareMap(
      {
        people: [ours('dana'), person('lee', { isVacant: true }), decider('morgan'), ours('gone', { isVacant: true })],
        links: [link('dana', 'lee', 'Relationship'), link('lee', 'morgan'), link('gone', 'morgan', 'Relationship')],
      },
      { now: NOW }
    );
    expect(only(findWarmPaths(map)).status).toBe('unreachable');
  });
});

describe('formatStrength', () => {
  it('rounds half up on the decimal value, so a strength reads the same everywhere', () => {
    // 0.7 × 0.15 is the float 0.10499…: toFixed alone said "0.10" where the sentences said "0.11".
    expect((0.7 * 0.15).toFixed(2)).toBe('0.10');
    expect(formatStrength(0.7 * 0.15)).toBe('0.11');
    expect(formatStrength(0.0525)).toBe('0.05');
    expect(formatStrength(1.005)).toBe('1.01');
    expect(formatStrength(0.5)).toBe('0.50');
    expect(formatStrength(0)).toBe('0.00');
  });
});
