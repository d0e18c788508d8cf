/**
 * Property tests (fast-check) on random small maps: influence never increases with added
 * distance, adding a Relationship link never lowers health, results do not depend on input
 * order, and no input crashes the analytics (every exported function, on garbage maps).
 */
import * as fc from 'fast-check';
import {
  AUTHORITIES,
  GOAL_IMPACTS,
  LINK_STRENGTHS,
  LINK_TYPES,
  ROLES,
  SIDES,
  STANCES,
  ACTIVITY_KINDS,
  analyzeEvidence,
  analyzeMap,
  analyzePrepared,
  computeHealth,
  computeInfluence,
  conflictsAmong,
  daysSinceLastTouch,
  decisionMakerSeats,
  evidenceScore,
  findCoverageGaps,
  findStalePeople,
  findWarmPaths,
  formatStrength,
  healthGate,
  influenceBetween,
  influenceFrom,
  lostBestPaths,
  influenceMatrix,
  isStale,
  matrixInfluence,
  parseIsoDate,
  planGoalEffects,
  prepareMap,
  reportingLines,
  strengthOfScore,
  summarizeDecisionMakers,
  summarizeTie,
  supportsUs,
  validateMap,
  whatIfRemoved,
} from 'c/relationshipGraph';
import type { InfluenceLink, MapInput, MapPerson, ReportsTo } from 'c/relationshipGraph';
import { NOW, evidenceOf } from './fixtures';

const RUNS = { numRuns: 150 };

const personArb = (id: string): fc.Arbitrary<MapPerson> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Name ${id}`),
    side: fc.constantFrom(...SIDES),
    role: fc.constantFrom(...ROLES),
    authority: fc.constantFrom(...AUTHORITIES),
    stance: fc.constantFrom(...STANCES),
    goalImpact: fc.constantFrom(...GOAL_IMPACTS),
    isPrimaryContact: fc.constantFrom(false, false, false, true),
    isVacant: fc.constantFrom(false, false, false, true),
    excluded: fc.constantFrom(false, false, false, false, true),
    lastInteraction: fc.option(fc.constantFrom('2025-06-01', '2025-01-15', '2024-03-03'), { nil: null }),
  });

/** A random map of 1-10 people and up to 25 links (self links and duplicates included). */
const mapArb: fc.Arbitrary<MapInput & { people: MapPerson[]; links: InfluenceLink[] }> = fc
  .integer({ min: 1, max: 10 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const linkArb = fc.record({
      fromId: fc.constantFrom(...ids),
      toId: fc.constantFrom(...ids),
      type: fc.constantFrom(...LINK_TYPES),
      strength: fc.constantFrom(...LINK_STRENGTHS),
    });
    return fc.record({
      people: fc.tuple(...ids.map(personArb)),
      links: fc
        .array(linkArb, { maxLength: 25 })
        .map((links) => links.map((l, i): InfluenceLink => ({ id: `l${String(i).padStart(2, '0')}`, ...l }))),
    });
  });

/** A permutation of `items` decided by `keys` (one random number per item). */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % keys.length] + i / 1e6 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

describe('influence never increases with added distance', () => {
  it('along every best chain, each person has at least the influence of the next', () => {
    fc.assert(
      fc.property(mapArb, fc.double({ min: 0.05, max: 1, noNaN: true }), (input, decay) => {
        const map = prepareMap(input, { now: NOW, config: { decay } });
        for (const source of map.people) {
          const reach = new Map(influenceFrom(map, source.id).map((r) => [r.personId, r]));
          for (const r of reach.values()) {
            expect(r.influence).toBeGreaterThan(0);
            expect(r.influence).toBeLessThanOrEqual(1);
            expect(r.hops).toBe(r.via.length - 1);
            const previous = r.via[r.via.length - 2];
            // The source has influence 1 over themselves.
            const before = previous === source.id ? 1 : reach.get(previous)!.influence;
            expect(before).toBeGreaterThanOrEqual(r.influence);
          }
        }
      }),
      RUNS
    );
  });

  it('putting someone in the middle of a link never raises anyone’s influence', () => {
    fc.assert(
      fc.property(mapArb, fc.nat(), (input, pick) => {
        fc.pre(input.links.length > 0);
        const before = prepareMap(input, { now: NOW });
        const i = pick % input.links.length;
        const cut = input.links[i];
        const middle: MapPerson = { id: 'zz-middle', name: 'Middle' };
        const after = prepareMap(
          {
            people: [...input.people, middle],
            links: [
              ...input.links.filter((_, j) => j !== i),
              { ...cut, id: `${cut.id}-a`, toId: middle.id },
              { ...cut, id: `${cut.id}-b`, fromId: middle.id },
            ],
          },
          { now: NOW }
        );
        for (const a of before.people) {
          for (const b of before.people) {
            expect(influenceBetween(after, a.id, b.id)).toBeLessThanOrEqual(influenceBetween(before, a.id, b.id));
          }
        }
      }),
      RUNS
    );
  });

  it('influence over the decision stays in [0, 1] and node sizes peak at 1', () => {
    fc.assert(
      fc.property(mapArb, (input) => {
        const people = computeInfluence(prepareMap(input, { now: NOW })).people;
        for (const p of people) {
          expect(p.decisionInfluence).toBeGreaterThanOrEqual(0);
          expect(p.decisionInfluence).toBeLessThanOrEqual(1);
        }
        const max = Math.max(0, ...people.map((p) => p.relativeInfluence));
        expect([0, 1]).toContain(max);
      }),
      RUNS
    );
  });
});

describe('adding a Relationship link never lowers health', () => {
  it('whoever it joins and however strong', () => {
    fc.assert(
      fc.property(mapArb, fc.nat(), fc.nat(), fc.constantFrom(...LINK_STRENGTHS), (input, x, y, strength) => {
        const ids = input.people.map((p) => p.id);
        const [fromId, toId] = [ids[x % ids.length], ids[y % ids.length]];
        const before = prepareMap(input, { now: NOW });
        const after = prepareMap(
          {
            people: input.people,
            links: [...input.links, { id: 'zz-new', fromId, toId, type: 'Relationship', strength }],
          },
          { now: NOW }
        );
        expect(findCoverageGaps(after).score).toBeGreaterThanOrEqual(findCoverageGaps(before).score);
        expect(computeHealth(after).score).toBeGreaterThanOrEqual(computeHealth(before).score);
      }),
      // Many runs: the interesting case (a link turning "unreachable" into "only through an
      // opponent" or "warm" for a key person) needs opponents, our people and a lucky link.
      { numRuns: 1000 }
    );
  });
});

describe('activity evidence never lowers coverage or health', () => {
  it('whatever the calls, meetings and emails, with or without counting them as relationships', () => {
    fc.assert(
      fc.property(
        mapArb,
        fc.array(
          fc.record({
            user: fc.nat(),
            contact: fc.nat(),
            kind: fc.constantFrom(...ACTIVITY_KINDS),
            count: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 0, max: 200 }),
          }),
          { maxLength: 12 }
        ),
        fc.boolean(),
        (input, raw, counts) => {
          // Our people hold User Ids, everyone else Contact Ids; one of each is off the map.
          const people = input.people.map((p) => {
            const held = p.side === 'Our Company' ? { userId: `U${p.id}` } : { contactId: `C${p.id}` };
            return { ...p, ...held };
          });
          const users = [...people.flatMap((p) => (p.userId ? [p.userId] : [])), 'Uoff'];
          const contacts = [...people.flatMap((p) => (p.contactId ? [p.contactId] : [])), 'Coff'];
          const day = (d: number) => new Date(Date.parse('2025-06-30') - d * 86_400_000).toISOString().slice(0, 10);
          const buckets = raw.map((b) => ({
            userId: users[b.user % users.length],
            contactId: contacts[b.contact % contacts.length],
            kind: b.kind,
            count: b.count,
            firstDate: day(b.day + 10),
            lastDate: day(b.day),
          }));
          const evidence = evidenceOf(buckets);
          const options = { now: NOW, config: { evidence: { countsAsRelationship: counts } } };
          const before = analyzeMap({ people, links: input.links }, options);
          const after = analyzeMap({ people, links: input.links, evidence }, options);
          expect(after.coverage.score).toBeGreaterThanOrEqual(before.coverage.score);
          expect(after.health.score).toBeGreaterThanOrEqual(before.health.score);
          expect(after.stalePeople.length).toBeLessThanOrEqual(before.stalePeople.length);
          expect(after.influence).toEqual(before.influence);
          // Not counted as relationships, evidence leaves the paths alone.
          expect(counts || JSON.stringify(after.warmPaths) === JSON.stringify(before.warmPaths)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('results are independent of input order', () => {
  it('shuffling people and links changes nothing', () => {
    fc.assert(
      fc.property(mapArb, fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 40 }), (input, keys) => {
        const shuffled = { people: permute(input.people, keys), links: permute(input.links, [...keys].reverse()) };
        expect(analyzeMap(shuffled, { now: NOW })).toEqual(analyzeMap(input, { now: NOW }));
      }),
      RUNS
    );
  });
});

describe('no input crashes the analytics', () => {
  it('whatever the records hold', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.anything()),
          name: fc.anything(),
          fromId: fc.oneof(fc.constantFrom('a', 'b', 'c', null), fc.anything()),
          toId: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.anything()),
          type: fc.oneof(fc.constantFrom(...LINK_TYPES), fc.anything()),
          strength: fc.anything(),
          side: fc.oneof(fc.constantFrom(...SIDES), fc.anything()),
          role: fc.oneof(fc.constantFrom(...ROLES), fc.anything()),
          stance: fc.anything(),
          isVacant: fc.anything(),
          isPrimaryContact: fc.anything(),
          lastInteraction: fc.oneof(fc.string(), fc.anything()),
          contingencyPlan: fc.anything(),
          personalGoals: fc.anything(),
        },
        { requiredKeys: [] }
      )
    );
    fc.assert(
      fc.property(fc.array(junk, { maxLength: 8 }), fc.array(junk, { maxLength: 8 }), (people, links) => {
        const input = { people, links } as unknown as MapInput;
        expect(Array.isArray(validateMap(input))).toBe(true);
        expect(() => analyzeMap(input, { now: NOW })).not.toThrow();
      }),
      { numRuns: 300 }
    );
  });
});

describe('bad data never throws, in any exported function', () => {
  /** Garbage maps: nulls in the lists, missing fields, wrong types, self links, dangling ids. */
  const ids = ['a', 'b', 'c', 'gone'];
  const value = fc.oneof(fc.constantFrom(null, undefined, '', 0, true, [], {}), fc.anything());
  const personJunk = fc.oneof(
    fc.constantFrom(null, undefined, 7, 'p', []),
    fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c'), value),
        name: fc.oneof(fc.string(), value),
        side: fc.oneof(fc.constantFrom(...SIDES), value),
        role: fc.oneof(fc.constantFrom(...ROLES), value),
        authority: fc.oneof(fc.constantFrom(...AUTHORITIES), value),
        stance: fc.oneof(fc.constantFrom(...STANCES), value),
        goalImpact: fc.oneof(fc.constantFrom(...GOAL_IMPACTS), value),
        isVacant: fc.oneof(fc.boolean(), value),
        isPrimaryContact: fc.oneof(fc.boolean(), value),
        isDecisionMaker: fc.oneof(fc.boolean(), value),
        excluded: fc.oneof(fc.constantFrom(false, false, true), value),
        lastInteraction: fc.oneof(fc.constantFrom('2025-06-01', '2024-13-40'), value),
        stanceChangedAt: fc.oneof(fc.constantFrom('2025-06-01T10:00:00Z'), value),
        createdDate: fc.oneof(fc.constantFrom('2025-06-29T10:00:00Z', '2020-01-01T00:00:00Z'), value),
        contingencyPlan: value,
        personalGoals: value,
        hasContingencyPlan: value,
        contactId: fc.oneof(fc.constantFrom('C1', 'C2'), value),
        userId: fc.oneof(fc.constantFrom('U1', 'U2'), value),
      },
      { requiredKeys: [] }
    )
  );
  /** Garbage activity evidence (issue 17): buckets, people and dismissals of any shape. */
  const date = fc.oneof(fc.constantFrom('2025-06-01', '2025-06-30', '2025-07-09', '2025-02-30', '2025-6-1'), value);
  const bucketJunk = fc.oneof(
    fc.constantFrom(null, undefined, 'b', 4),
    fc.record(
      {
        userId: fc.oneof(fc.constantFrom('U1', 'U2', 'U3'), value),
        contactId: fc.oneof(fc.constantFrom('C1', 'C2', 'C3'), value),
        kind: fc.oneof(fc.constantFrom(...ACTIVITY_KINDS), value),
        count: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double(), value),
        firstDate: date,
        lastDate: date,
      },
      { requiredKeys: [] }
    )
  );
  const evidenceJunk = fc.oneof(
    value,
    fc.record(
      {
        asOf: fc.oneof(fc.constantFrom('2025-06-30', 'today'), value),
        buckets: fc.oneof(fc.array(bucketJunk, { maxLength: 12 }), value),
        people: fc.oneof(
          fc.array(
            fc.oneof(
              value,
              fc.record(
                {
                  id: fc.oneof(fc.constantFrom('U1', 'U3', 'C1', 'C3'), value),
                  name: fc.oneof(fc.string(), value),
                  title: value,
                  department: value,
                  isUser: value,
                },
                { requiredKeys: [] }
              )
            ),
            { maxLength: 6 }
          ),
          value
        ),
        truncated: value,
        dismissed: fc.oneof(fc.array(fc.oneof(fc.constantFrom('link:U1:C1', 'person:C3'), value)), value),
      },
      { requiredKeys: [] }
    )
  );
  const linkJunk = fc.oneof(
    fc.constantFrom(null, undefined, 'l', 3),
    fc.record(
      {
        id: fc.oneof(fc.constantFrom('l1', 'l2', 'l3'), value),
        fromId: fc.oneof(fc.constantFrom(...ids, null), value),
        toId: fc.oneof(fc.constantFrom(...ids), value),
        type: fc.oneof(fc.constantFrom(...LINK_TYPES), value),
        strength: fc.oneof(fc.constantFrom(...LINK_STRENGTHS), value),
      },
      { requiredKeys: [] }
    )
  );
  const input = fc.oneof(
    fc.record({ people: fc.array(personJunk, { maxLength: 8 }), links: fc.array(linkJunk, { maxLength: 10 }) }),
    fc.record({
      people: fc.array(personJunk, { maxLength: 8 }),
      links: fc.array(linkJunk, { maxLength: 10 }),
      evidence: evidenceJunk,
    }),
    fc.record({ people: value, links: value }, { requiredKeys: [] }),
    value
  );

  it('every exported function takes a garbage map (and garbage ids) without throwing', () => {
    fc.assert(
      fc.property(
        input,
        fc.oneof(fc.constantFrom(...ids), value),
        fc.oneof(fc.constantFrom(...ids), value),
        (raw, x, y) => {
          const mapInput = raw as MapInput;
          const idX = x as string;
          const idY = y as string;
          expect(Array.isArray(validateMap(mapInput))).toBe(true);
          const map = prepareMap(mapInput, { now: NOW });
          const analysis = analyzePrepared(map);
          expect(analyzeMap(mapInput, { now: NOW })).toEqual(analysis);
          computeInfluence(map);
          influenceFrom(map, idX);
          influenceBetween(map, idX, idY);
          matrixInfluence(influenceMatrix(map), idX, idY);
          const warm = findWarmPaths(map);
          const coverage = findCoverageGaps(map, warm);
          const health = computeHealth(map, coverage);
          summarizeDecisionMakers(map, warm, coverage, health);
          healthGate(map);
          findStalePeople(map);
          decisionMakerSeats(map);
          for (const p of map.people) {
            isStale(p, map.nowMs, 90);
            daysSinceLastTouch(p, map.nowMs);
            supportsUs(p);
          }
          conflictsAmong(
            map,
            map.people.map((_, i) => i)
          );
          planGoalEffects(map);
          analyzeEvidence(map);
          const rawEvidence = (raw as { evidence?: { buckets?: unknown } } | null)?.evidence;
          evidenceScore(rawEvidence?.buckets as never, typeof x === 'string' ? x : '2025-06-30');
          summarizeTie(x as never, y as never);
          strengthOfScore(typeof x === 'number' ? x : Number.NaN);
          whatIfRemoved(map, idX, analysis);
          lostBestPaths(analysis, analysis, map, idX);
          for (const p of map.people) whatIfRemoved(map, p.id);
          formatStrength(typeof x === 'number' ? x : Number.NaN);
          parseIsoDate(typeof x === 'string' ? x : '2025-02-30');
          const people = (
            Array.isArray((raw as { people?: unknown })?.people) ? (raw as { people: unknown[] }).people : []
          ) as {
            id?: unknown;
          }[];
          const links = (
            Array.isArray((raw as { links?: unknown })?.links) ? (raw as { links: unknown[] }).links : []
          ) as {
            fromId?: unknown;
            toId?: unknown;
          }[];
          reportingLines(
            people.map((p) => (p && typeof p === 'object' ? p.id : p)) as string[],
            links.map((l) => {
              return l && typeof l === 'object' ? { reportId: l.fromId, managerId: l.toId } : l;
            }) as ReportsTo[]
          );
          reportingLines(raw as string[], raw as ReportsTo[]);
        }
      ),
      { numRuns: 400 }
    );
  });
});
