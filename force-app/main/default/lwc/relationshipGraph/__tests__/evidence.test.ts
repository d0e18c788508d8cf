/**
 * Activity evidence (issue 17): the strength formula by hand, the levels at their boundaries, the
 * sentences, evidence in warm paths and coverage (and not when the setting is off), a typed link
 * winning, suggestions (dismissed, off the map, excluded and vacant people), the truncated flag,
 * and staleness from the latest activity.
 *
 * All dates as of 2025-06-30 (NOW); defaults: half-life 90 days, weights Meeting 1, Call 0.6,
 * Email 0.2, levels Strong 6, Medium 2, Weak 0.5.
 */
import {
  DEFAULT_CONFIG,
  analyzeMap,
  evidenceScore,
  linkSuggestionKey,
  monthsSince,
  parseIsoDate,
  personSuggestionKey,
  prepareMap,
  resolveConfig,
  strengthOfScore,
  summarizeTie,
  whatIfRemoved,
  withEvidence,
  analyzePrepared,
} from 'c/relationshipGraph';
import type {
  ConfigOverrides,
  EvidenceBucket,
  EvidencePerson,
  InfluenceLink,
  MapEvidence,
  MapInput,
  MapPerson,
} from 'c/relationshipGraph';
import { EVIDENCE_AS_OF, NOW, decider, evidenceOf, link, ours, person } from './fixtures';

const AS_OF = EVIDENCE_AS_OF;

const bucket = (
  userId: string,
  contactId: string,
  kind: EvidenceBucket['kind'],
  count: number,
  firstDate: string,
  lastDate = firstDate
): EvidenceBucket => ({ userId, contactId, kind, count, firstDate, lastDate });

const named = (id: string, name: string, extra: Partial<EvidencePerson> = {}): EvidencePerson => ({
  id,
  name,
  isUser: id.startsWith('U'),
  ...extra,
});

/** Dana (ours, User U1), Lee (customer, Contact C1) who influences Morgan (decision maker, C2). */
const dana = ours('dana', { name: 'Dana Reyes', title: 'VP Sales', userId: 'U1' });
const lee = person('lee', { name: 'Lee Park', contactId: 'C1', stance: 'Supporter' });
const morgan = decider('morgan', { name: 'Morgan Lee', title: 'CEO', contactId: 'C2', stance: 'Neutral' });
const leeToMorgan: InfluenceLink = { id: 'l1', fromId: 'lee', toId: 'morgan', type: 'Influences', strength: 'Strong' };

/** Dana met Lee 12 times and wrote 30 emails, all 3 days ago (2025-06-27). */
const danaLee = [bucket('U1', 'C1', 'Meeting', 12, '2025-06-27'), bucket('U1', 'C1', 'Email', 30, '2025-06-27')];

const mapWith = (
  buckets: EvidenceBucket[],
  extra: Partial<MapEvidence> = {},
  people: MapPerson[] = [dana, lee, morgan],
  links: InfluenceLink[] = [leeToMorgan]
): MapInput => ({ people, links, evidence: evidenceOf(buckets, extra) });

const analyze = (input: MapInput, config?: ConfigOverrides) =>
  analyzeMap(input, { now: NOW, ...(config ? { config } : {}) });

describe('the strength of a tie', () => {
  it('is Σ weight × count × ½^(age of the bucket’s middle ÷ 90 days), by hand', () => {
    const buckets = [
      // 3 meetings today: age 0 → 1 × 3 × ½^0 = 3
      bucket('U1', 'C1', 'Meeting', 3, '2025-06-30'),
      // 2 calls on 2025-04-01: 30 (Apr) + 31 (May) + 29 (to Jun 30) = 90 days → 0.6 × 2 × ½^1 = 0.6
      bucket('U1', 'C1', 'Call', 2, '2025-04-01'),
      // 10 emails 2024-12-28..2025-01-05: 8 days apart, middle = Dec 28 + ⌊8/2⌋ = 2025-01-01;
      // Jan 1 → Jun 30 = 180 days → 0.2 × 10 × ½^2 = 0.5
      bucket('U1', 'C1', 'Email', 10, '2024-12-28', '2025-01-05'),
    ];
    // 3 + 0.6 + 0.5 = 4.1: Medium (2 <= 4.1 < 6)
    expect(evidenceScore(buckets, AS_OF)).toBeCloseTo(4.1, 12);
    const tie = analyze(mapWith(buckets)).evidence.ties[0];
    expect(tie).toMatchObject({
      userId: 'U1',
      contactId: 'C1',
      ourPersonId: 'dana',
      theirPersonId: 'lee',
      meetings: 3,
      calls: 2,
      emails: 10,
      lastDate: '2025-06-30',
      strength: 'Medium',
      summary: '3 meetings, 2 calls, 10 emails, last today',
    });
    expect(tie.score).toBeCloseTo(4.1, 12);
  });

  it('halves with every half-life of age, whatever the half-life', () => {
    // One meeting 2025-05-31: 30 days old. Half-life 30 → 1 × ½^1 = 0.5; half-life 90 → ½^(1/3) ≈ 0.7937
    const one = [bucket('U1', 'C1', 'Meeting', 1, '2025-05-31')];
    expect(evidenceScore(one, AS_OF, resolveConfig({ evidence: { halfLifeDays: 30 } }).evidence)).toBeCloseTo(0.5, 12);
    expect(evidenceScore(one, AS_OF)).toBeCloseTo(Math.pow(0.5, 1 / 3), 12);
    // Kind weights are settings: emails worth 1 → 1 × 1 × 0.5
    const email = [bucket('U1', 'C1', 'Email', 1, '2025-05-31')];
    const config = resolveConfig({ evidence: { halfLifeDays: 30, kindWeights: { Email: 1 } } }).evidence;
    expect(evidenceScore(email, AS_OF, config)).toBeCloseTo(0.5, 12);
  });

  it('reaches a level at exactly its score: Strong 6, Medium 2, Weak 0.5, none below', () => {
    expect(strengthOfScore(6)).toBe('Strong');
    expect(strengthOfScore(5.999)).toBe('Medium');
    expect(strengthOfScore(2)).toBe('Medium');
    expect(strengthOfScore(1.999)).toBe('Weak');
    expect(strengthOfScore(0.5)).toBe('Weak');
    expect(strengthOfScore(0.499)).toBeNull();
    expect(strengthOfScore(0)).toBeNull();
    expect(strengthOfScore(Number.NaN)).toBeNull();
    // Through the map: 6 meetings today = 6 (Strong), 2 = 2 (Medium), 1 call = 0.6 (Weak),
    // 2 emails = 0.4 (a tie, score above zero, but no strength: not drawn, not a relationship).
    const input = mapWith(
      [
        bucket('U1', 'C1', 'Meeting', 6, AS_OF),
        bucket('U1', 'C2', 'Meeting', 2, AS_OF),
        bucket('U1', 'C3', 'Call', 1, AS_OF),
        bucket('U1', 'C4', 'Email', 2, AS_OF),
      ],
      {},
      [
        dana,
        lee,
        morgan,
        person('kim', { name: 'Kim', contactId: 'C3' }),
        person('sam', { name: 'Sam', contactId: 'C4' }),
      ]
    );
    const { ties, mapTies } = analyze(input).evidence;
    expect(ties.map((t) => [t.contactId, t.score, t.strength])).toEqual([
      ['C1', 6, 'Strong'],
      ['C2', 2, 'Medium'],
      ['C3', 0.6, 'Weak'],
      ['C4', 0.4, null],
    ]);
    expect(mapTies.map((t) => t.contactId)).toEqual(['C1', 'C2', 'C3']);
  });

  it('skips buckets that cannot be read, and dates after asOf', () => {
    const bad = [
      bucket('U1', 'C1', 'Meeting', 0, AS_OF),
      bucket('U1', 'C1', 'Meeting', 1.5, AS_OF),
      bucket('U1', 'C1', 'Meeting', 1, '2025-07-01'),
      bucket('U1', 'C1', 'Meeting', 1, '2025-06-20', '2025-06-10'),
      bucket('U1', 'C1', 'Meeting', 1, '2025-02-30'),
      { ...bucket('U1', 'C1', 'Meeting', 1, AS_OF), kind: 'Todo' } as unknown as EvidenceBucket,
      bucket('', 'C1', 'Meeting', 1, AS_OF),
    ];
    expect(evidenceScore(bad, AS_OF)).toBe(0);
    expect(analyze(mapWith(bad)).evidence.ties).toEqual([]);
  });
});

describe('sentences', () => {
  it('a tie: kinds with activity, singular and plural, today / yesterday / N days ago', () => {
    expect(summarizeTie({ meetings: 12, calls: 0, emails: 30, lastDate: '2025-06-27' }, AS_OF)).toBe(
      '12 meetings, 30 emails, last 3 days ago'
    );
    expect(summarizeTie({ meetings: 1, calls: 1, emails: 1, lastDate: '2025-06-29' }, AS_OF)).toBe(
      '1 meeting, 1 call, 1 email, last yesterday'
    );
    expect(summarizeTie({ meetings: 0, calls: 3, emails: 0, lastDate: AS_OF }, AS_OF)).toBe('3 calls, last today');
    expect(summarizeTie({ meetings: 0, calls: 0, emails: 2, lastDate: '2025-07-02' }, AS_OF)).toBe(
      '2 emails, last today'
    );
  });

  it('months are counted up from the first activity, at least 1', () => {
    const ms = (d: string) => parseIsoDate(d)!;
    expect(monthsSince(ms('2025-01-10'), ms(AS_OF))).toBe(6); // 5 months 20 days
    expect(monthsSince(ms('2024-12-30'), ms(AS_OF))).toBe(6); // exactly 6 months
    expect(monthsSince(ms('2025-01-31'), ms('2025-03-01'))).toBe(2); // Feb 28 + 1 day
    expect(monthsSince(ms(AS_OF), ms(AS_OF))).toBe(1);
  });

  it('a link suggestion: "<ours> has met <theirs> <n> times in <m> months — add a Relationship link?"', () => {
    const buckets = [...danaLee, bucket('U1', 'C1', 'Call', 3, '2025-01-10', '2025-01-20')];
    const [s] = analyze(mapWith(buckets)).evidence.linkSuggestions;
    // 12 + 30 + 3 = 45 activities since 2025-01-10: 5 months and 20 days → 6 months
    expect(s).toMatchObject({
      key: 'link:U1:C1',
      ourPersonId: 'dana',
      theirPersonId: 'lee',
      sentence: 'Dana Reyes has met Lee Park 45 times in 6 months — add a Relationship link?',
    });
    expect(s.key).toBe(linkSuggestionKey('U1', 'C1'));
    // One activity, this month: "once in 1 month" (levels lowered so that one meeting is Strong)
    const one = analyze(mapWith([bucket('U1', 'C1', 'Meeting', 1, AS_OF)]), {
      evidence: { levels: { Strong: 1, Medium: 0.8, Weak: 0.5 } },
    });
    expect(one.evidence.linkSuggestions[0].sentence).toBe(
      'Dana Reyes has met Lee Park once in 1 month — add a Relationship link?'
    );
  });
});

describe('warm paths and coverage count evidence as a Relationship link', () => {
  it('a path over evidence says so, is flagged, and has the strength of a Relationship link', () => {
    const analysis = analyze(mapWith(danaLee));
    const [paths] = analysis.warmPaths;
    expect(paths.status).toBe('warm');
    const best = paths.paths[0];
    // Dana → Lee: Relationship Strong 0.7 × 1; Lee → Morgan: Influences Strong 1 × 1; 2 links: × 0.5
    expect(best.strength).toBeCloseTo(0.35, 12);
    expect(best.explanation).toBe(
      'Dana Reyes (our VP Sales) has met Lee Park (12 meetings, 30 emails, last 3 days ago); Lee Park influences Morgan Lee, the decision maker'
    );
    expect(best.steps.map((s) => [s.linkId, s.linkType, s.strength, s.evidence])).toEqual([
      ['evidence:U1:C1', 'Relationship', 'Strong', true],
      ['l1', 'Influences', 'Strong', false],
    ]);
    expect(analysis.evidence.countedAsRelationships).toBe(true);
  });

  it('a decision maker met directly is covered, and the step names them with the evidence', () => {
    const analysis = analyze(mapWith([...danaLee, bucket('U1', 'C2', 'Meeting', 2, AS_OF)]));
    const best = analysis.warmPaths[0].paths[0];
    // Direct: Relationship Medium (score 2) 0.7 × 0.6 = 0.42 beats 0.35 through Lee
    expect(best.strength).toBeCloseTo(0.42, 12);
    expect(best.explanation).toBe(
      'Dana Reyes (our VP Sales) has met Morgan Lee (2 meetings, last today), the decision maker'
    );
    const morganCoverage = analysis.coverage.keyPeople.find((k) => k.personId === 'morgan')!;
    expect(morganCoverage.hasDirectRelationship).toBe(true);
    expect(morganCoverage.score).toBe(1);
    const strip = analysis.decisionMakers[0];
    expect(strip).toMatchObject({ personId: 'morgan', covered: true, coveredBy: ['Dana Reyes'] });
  });

  it('do not when the setting is off (the ties and suggestions are still there)', () => {
    const input = mapWith([...danaLee, bucket('U1', 'C2', 'Meeting', 2, AS_OF)]);
    const off = analyze(input, { evidence: { countsAsRelationship: false } });
    const without = analyze({ people: input.people, links: input.links });
    expect(off.warmPaths).toEqual(without.warmPaths);
    expect(off.warmPaths[0].status).toBe('unreachable');
    expect(off.coverage).toEqual(without.coverage);
    // (The strip's days since the last interaction do come from the evidence: a meeting today.)
    const coverageOf = (a: typeof off) =>
      a.decisionMakers.map(({ covered, coveredBy, pathStatus, bestPath }) => ({
        covered,
        coveredBy,
        pathStatus,
        bestPath,
      }));
    expect(coverageOf(off)).toEqual(coverageOf(without));
    expect(off.decisionMakers[0]).toMatchObject({ covered: false, daysSinceLastInteraction: 0 });
    expect(off.evidence.countedAsRelationships).toBe(false);
    expect(off.evidence.mapTies).toHaveLength(2);
    expect(off.evidence.linkSuggestions.map((s) => s.key)).toEqual(['link:U1:C1']);
  });

  it('leaves influence alone: evidence is for coverage and paths only', () => {
    const input = mapWith([...danaLee, bucket('U1', 'C2', 'Meeting', 2, AS_OF)]);
    expect(analyze(input).influence).toEqual(analyze({ people: input.people, links: input.links }).influence);
  });

  it('a typed Relationship link between the same two wins (no second link), and no link is suggested', () => {
    const typed: InfluenceLink = { id: 'r1', fromId: 'lee', toId: 'dana', type: 'Relationship', strength: 'Weak' };
    const analysis = analyze(mapWith(danaLee, {}, [dana, lee, morgan], [leeToMorgan, typed]));
    const best = analysis.warmPaths[0].paths[0];
    // The typed Weak link, taken To→From: 0.7 × 0.3 = 0.21; × Influences Strong 1 × 0.5 = 0.105
    expect(best.strength).toBeCloseTo(0.105, 12);
    expect(best.steps[0]).toMatchObject({
      linkId: 'r1',
      evidence: false,
      sentence: 'Dana Reyes (our VP Sales) knows Lee Park',
    });
    expect(analysis.evidence.linkSuggestions).toEqual([]);
    // The tie is still a line on the map.
    expect(analysis.evidence.mapTies.map((t) => t.contactId)).toEqual(['C1']);
  });

  it('another typed link does not stop the suggestion of a Relationship link', () => {
    const influences = link('dana', 'lee', 'Influences', 'Weak');
    const analysis = analyze(mapWith(danaLee, {}, [dana, lee, morgan], [leeToMorgan, influences]));
    expect(analysis.evidence.linkSuggestions.map((s) => s.key)).toEqual(['link:U1:C1']);
  });

  it('without evidence every result is as before, and the evidence part is empty', () => {
    const plain = analyze({ people: [dana, lee, morgan], links: [leeToMorgan] });
    expect(plain.evidence).toEqual({
      ties: [],
      mapTies: [],
      linkSuggestions: [],
      personSuggestions: [],
      lastActivity: {},
      truncated: false,
      countedAsRelationships: true,
    });
    expect(plain.warmPaths[0].status).toBe('unreachable');
    // Evidence that names nobody on the map changes nothing either (but the analysis' own part).
    const elsewhere = analyze(mapWith([bucket('U9', 'C9', 'Meeting', 9, AS_OF)]));
    expect({ ...elsewhere, evidence: null }).toEqual({ ...plain, evidence: null });
  });

  it('withEvidence gives the map prepared with the evidence, without validating it again', () => {
    const input = mapWith([...danaLee, bucket('U1', 'C2', 'Meeting', 2, AS_OF)]);
    const direct = analyzePrepared(prepareMap(input, { now: NOW }));
    const bare = prepareMap({ people: input.people, links: input.links }, { now: NOW });
    const later = analyzePrepared(withEvidence(bare, input.evidence));
    expect(later).toEqual(direct);
    // And back: no evidence, as before.
    expect(analyzePrepared(withEvidence(bare, null))).toEqual(analyzePrepared(bare));
  });

  it('what-if: when our person leaves, the paths over their evidence go with them', () => {
    const input = mapWith(danaLee);
    const map = prepareMap(input, { now: NOW });
    const result = whatIfRemoved(map, 'dana');
    expect(result.lostPaths.map((l) => l.message)).toEqual(['Morgan Lee: no warm path remains.']);
    expect(result.analysisAfter.evidence.mapTies).toEqual([]);
    expect(result.analysisAfter.evidence.ties[0].ourPersonId).toBeNull();
  });
});

describe('suggestions', () => {
  const people = [
    dana,
    lee,
    morgan,
    person('gone', { name: 'Gone Person', contactId: 'C7', excluded: true }),
    person('left', { name: 'Left Person', contactId: 'C6', isVacant: true }),
    ours('alex', { name: 'Alex Out', userId: 'U5', excluded: true }),
  ];
  const evidencePeople = [
    named('U1', 'Dana Reyes'),
    named('U2', 'Priya Shah', { department: 'Engineering' }),
    named('U3', 'Jo Bloggs'),
    named('U5', 'Alex Out'),
    named('C9', 'Kim Ode', { title: 'CFO' }),
    named('C8', 'Ari Noname'),
    named('C7', 'Gone Person'),
    named('C6', 'Left Person'),
    named('C5', 'Weak Contact'),
  ];
  const buckets = [
    // Kim (off the map): Dana 3 meetings today (3: Medium), Priya 1 call today (0.6)
    bucket('U1', 'C9', 'Meeting', 3, AS_OF),
    bucket('U2', 'C9', 'Call', 1, AS_OF),
    // Priya (off the map) met Morgan 8 times 2025-06-01..06-20: middle Jun 10, 20 days old,
    // 8 × ½^(20/90) ≈ 6.86: Strong
    bucket('U2', 'C2', 'Meeting', 8, '2025-06-01', '2025-06-20'),
    // Jo (off the map, no department) met Ari (off the map, no title) 2 times today: 2, Medium
    bucket('U3', 'C8', 'Meeting', 2, AS_OF),
    // Excluded and vacant people are on the map: never offered
    bucket('U1', 'C7', 'Meeting', 9, AS_OF),
    bucket('U1', 'C6', 'Meeting', 9, AS_OF),
    bucket('U5', 'C1', 'Meeting', 9, AS_OF),
    // Too weak to offer: 1 call (0.6, Weak)
    bucket('U1', 'C5', 'Call', 1, AS_OF),
    // Nobody the evidence names: not offered
    bucket('U1', 'C4', 'Meeting', 9, AS_OF),
  ];
  const input = mapWith(buckets, { people: evidencePeople }, people);

  it('offers contacts and users off the map, strongest tie first, in the plan’s sentences', () => {
    const { personSuggestions } = analyze(input).evidence;
    expect(personSuggestions.map((s) => [s.key, s.sentence])).toEqual([
      ['person:U2', 'Priya Shah from Engineering has met Morgan Lee (CEO) 8 times — add them to the map?'],
      ['person:C9', 'Our people met Kim Ode (CFO) 4 times in 1 month — add them to the map?'],
      ['person:C8', 'Our people met Ari Noname 2 times in 1 month — add them to the map?'],
      ['person:U3', 'Jo Bloggs has met Ari Noname 2 times — add them to the map?'],
    ]);
    expect(personSuggestions[0]).toMatchObject({
      recordId: 'U2',
      isUser: true,
      name: 'Priya Shah',
      title: null,
      department: 'Engineering',
    });
    expect(personSuggestions[0].tie.strength).toBe('Strong');
    expect(personSuggestions[1]).toMatchObject({ recordId: 'C9', isUser: false, title: 'CFO' });
    expect(personSuggestions[1].tie.userId).toBe('U1');
    expect(personSuggestionKey('C9')).toBe('person:C9');
  });

  it('excluded and vacant people are not drawn and not offered', () => {
    const { mapTies, ties } = analyze(input).evidence;
    for (const contactId of ['C6', 'C7']) {
      expect(ties.find((t) => t.contactId === contactId)?.theirPersonId).toBeNull();
    }
    expect(ties.find((t) => t.userId === 'U5')?.ourPersonId).toBeNull();
    // Dana and Morgan are on the map, but Priya (U2) who met Morgan is not: nothing to draw.
    expect(mapTies).toEqual([]);
  });

  it('dismissed suggestions are hidden', () => {
    const dismissed = analyze(
      mapWith(buckets, { people: evidencePeople, dismissed: ['person:U2', 'link:U1:C1', 'junk'] }, people)
    ).evidence;
    expect(dismissed.personSuggestions.map((s) => s.key)).toEqual(['person:C9', 'person:C8', 'person:U3']);
    const links = analyze(mapWith(danaLee, { dismissed: ['link:U1:C1'] })).evidence;
    expect(links.linkSuggestions).toEqual([]);
    expect(links.mapTies).toHaveLength(1);
  });

  it('the offer level is a setting', () => {
    const strongOnly = analyze(input, { evidence: { offerPeopleAt: 'Strong' } }).evidence;
    expect(strongOnly.personSuggestions.map((s) => s.key)).toEqual(['person:U2']);
  });

  it('passes the truncated flag through', () => {
    expect(analyze(mapWith(danaLee, { truncated: true })).evidence.truncated).toBe(true);
    expect(analyze(mapWith(danaLee)).evidence.truncated).toBe(false);
  });
});

describe('last interaction from the latest activity', () => {
  const old = { lastInteraction: '2025-01-02', createdDate: '2024-01-01T00:00:00Z' };
  const input = (buckets: EvidenceBucket[], morganExtra: Partial<MapPerson> = {}): MapInput =>
    mapWith(buckets, {}, [dana, { ...lee, ...old }, { ...morgan, ...old, ...morganExtra }]);

  it('a call in the stale period keeps a person fresh', () => {
    const without = analyze(input([]));
    expect(without.stalePeople.map((s) => s.personId)).toEqual(['lee', 'morgan']);
    // Morgan: a call 2025-06-20, 10 days ago (Last Interaction says 2025-01-02, 179 days ago)
    const withCall = analyze(input([bucket('U9', 'C2', 'Call', 1, '2025-06-01', '2025-06-20')]));
    expect(withCall.stalePeople.map((s) => s.personId)).toEqual(['lee']);
    expect(withCall.evidence.lastActivity).toEqual({ morgan: '2025-06-20' });
    expect(withCall.decisionMakers[0]).toMatchObject({
      personId: 'morgan',
      daysSinceLastInteraction: 10,
      daysSinceLastTouch: 10,
      stale: false,
    });
  });

  it('uses the later of Last Interaction and the latest activity', () => {
    const later = analyze(input([bucket('U9', 'C2', 'Email', 1, '2025-03-01')], { lastInteraction: '2025-06-25' }));
    expect(later.decisionMakers[0].daysSinceLastInteraction).toBe(5);
    expect(later.evidence.lastActivity).toEqual({ morgan: '2025-03-01' });
  });

  it('counts every activity, also one that weighs nothing, and not for our people', () => {
    const analysis = analyze(input([bucket('U1', 'C2', 'Email', 1, '2025-06-29')]), undefined);
    expect(analysis.evidence.lastActivity).toEqual({ morgan: '2025-06-29' });
    const weightless = analyze(input([bucket('U1', 'C2', 'Email', 1, '2025-06-29')]), {
      evidence: { kindWeights: { Email: 0 } },
    });
    expect(weightless.evidence.ties).toEqual([]);
    expect(weightless.evidence.lastActivity).toEqual({ morgan: '2025-06-29' });
  });
});

describe('configuration', () => {
  it('has the plan’s defaults', () => {
    expect(DEFAULT_CONFIG.evidence).toEqual({
      halfLifeDays: 90,
      kindWeights: { Meeting: 1, Call: 0.6, Email: 0.2 },
      levels: { Strong: 6, Medium: 2, Weak: 0.5 },
      countsAsRelationship: true,
      suggestLinkAt: 'Strong',
      offerPeopleAt: 'Medium',
      windowMonths: 12,
    });
    expect(resolveConfig({ evidence: { levels: { Weak: 1 } } }).evidence.levels).toEqual({
      Strong: 6,
      Medium: 2,
      Weak: 1,
    });
  });

  it('refuses settings out of range, naming them', () => {
    expect(() => resolveConfig({ evidence: { halfLifeDays: 0 } })).toThrow(/evidence.halfLifeDays/);
    expect(() => resolveConfig({ evidence: { kindWeights: { Call: -1 } } })).toThrow(/evidence.kindWeights.Call/);
    expect(() => resolveConfig({ evidence: { levels: { Medium: 7 } } })).toThrow(/evidence.levels/);
    expect(() => resolveConfig({ evidence: { levels: { Weak: 0 } } })).toThrow(/evidence.levels/);
    expect(() => resolveConfig({ evidence: { suggestLinkAt: 'Huge' as never } })).toThrow(/evidence.suggestLinkAt/);
    expect(() => resolveConfig({ evidence: { windowMonths: 1.5 } })).toThrow(/evidence.windowMonths/);
    expect(() => resolveConfig({ evidence: { countsAsRelationship: 'yes' as never } })).toThrow(
      /evidence.countsAsRelationship/
    );
  });
});
