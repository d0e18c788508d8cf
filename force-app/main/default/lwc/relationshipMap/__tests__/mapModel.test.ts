/**
 * The container's pure rules: where it is placed, what the design attributes resolve to, which
 * errors mean "read only", how a failed edit rolls back, and the export file name.
 */
import {
  applyFields,
  contextOf,
  describeFields,
  exportFileName,
  NO_FILTERS,
  computeInsights,
  filterPeople,
  isReadOnlyError,
  resolveSettings,
  rollBack,
  snapshotOf,
} from '../mapModel';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { SAMPLE_AS_OF, sampleMap } from '../../relationshipMapDecisionMakers/__tests__/data/sample';

const ACCOUNT = '001000000000001AAA';
const MAP = 'a00000000000001AAA';

describe('contextOf', () => {
  it('reads the record page: an account, or a map (namespaced too)', () => {
    expect(contextOf(ACCOUNT, 'Account', undefined)).toEqual({ kind: 'account', accountId: ACCOUNT });
    expect(contextOf(MAP, 'Relationship_Map__c', undefined)).toEqual({ kind: 'map', mapId: MAP });
    expect(contextOf(MAP, 'rmap__Relationship_Map__c', undefined)).toEqual({ kind: 'map', mapId: MAP });
  });

  it('uses the mapId design attribute on app and home pages, and nothing else', () => {
    expect(contextOf(undefined, undefined, MAP)).toEqual({ kind: 'map', mapId: MAP });
    expect(contextOf(undefined, undefined, undefined)).toEqual({ kind: 'none' });
    expect(contextOf(undefined, undefined, 'not an id')).toEqual({ kind: 'none' });
    expect(contextOf('003000000000001AAA', 'Contact', undefined)).toEqual({ kind: 'none' });
  });
});

describe('resolveSettings', () => {
  it('keeps values in range and falls back on the defaults for junk', () => {
    expect(resolveSettings(800, '0.7', 30)).toEqual({ height: 800, decay: 0.7, staleDays: 30 });
    expect(resolveSettings('abc', '', null)).toEqual({ height: null, decay: 0.5, staleDays: 90 });
    expect(resolveSettings(50, 5, 0)).toEqual({ height: 300, decay: 0.9, staleDays: 1 });
  });
});

describe('isReadOnlyError', () => {
  it('is true for refused writes and false for admin-only deletes or other problems', () => {
    expect(isReadOnlyError("You don't have access to edit people on this map. Ask your admin.")).toBe(true);
    expect(isReadOnlyError("You don't have access to change this record. Ask your admin.")).toBe(true);
    expect(isReadOnlyError("You don't have access to create maps on this account.")).toBe(true);
    expect(isReadOnlyError("You don't have permission to delete people from maps. Exclude them instead.")).toBe(false);
    expect(isReadOnlyError("You don't have access to delete links on this map.")).toBe(false);
    expect(isReadOnlyError('Stance: bad value for restricted picklist field')).toBe(false);
  });
});

describe('optimistic edits', () => {
  const morgan: MapPerson = { id: 'm', name: 'Morgan', role: 'Influencer', stance: 'Neutral', isDecisionMaker: false };

  it('applies fields (role keeps the decision-maker flag in step) and rolls them back', () => {
    const fields = { stance: 'Champion' as const, role: 'Economic Buyer' as const };
    const before = snapshotOf(morgan, fields);
    const changed = applyFields(morgan, fields);
    expect(changed).toMatchObject({ stance: 'Champion', role: 'Economic Buyer', isDecisionMaker: true });
    expect(rollBack(changed, fields, before)).toMatchObject({
      stance: 'Neutral',
      role: 'Influencer',
      isDecisionMaker: false,
    });
  });

  it('leaves a field alone when a later edit changed it since', () => {
    const fields = { stance: 'Champion' as const };
    const before = snapshotOf(morgan, fields);
    const later = { ...applyFields(morgan, fields), stance: 'Supporter' as const };
    expect(rollBack(later, fields, before).stance).toBe('Supporter');
  });

  it('says what changed in words', () => {
    expect(describeFields({ stance: 'Champion' })).toBe('stance');
    expect(describeFields({ stance: 'Champion', sentiment: 'Positive' })).toBe('stance and sentiment');
    expect(describeFields({ contingencyPlan: 'x', title: 'y', role: null, authority: null })).toBe('4 fields');
  });
});

describe('filterPeople', () => {
  const people: MapPerson[] = [
    { id: 'a', name: 'A', stance: 'Opponent' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C', side: 'Partner', role: 'Decision Maker', excluded: true },
  ];

  it('reads blanks as the field defaults', () => {
    const all = { ...NO_FILTERS, showExcluded: true };
    expect(filterPeople(people, { ...all, stance: ['Unknown'] }).map((p) => p.id)).toEqual(['b', 'c']);
    expect(filterPeople(people, { ...all, stance: ['Opponent', 'Unknown'] }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(filterPeople(people, { ...all, side: 'Customer' }).map((p) => p.id)).toEqual(['a', 'b']);
    expect(filterPeople(people, { ...all, role: 'decision-makers' }).map((p) => p.id)).toEqual(['c']);
    expect(filterPeople(people, { ...all, showExcluded: false }).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('the quick filters', () => {
  // Their side: Morgan (Skeptic economic buyer), Riley (Supporter decision maker, covered by Dana),
  // Pat (blank-stance decision maker, covered only through an Influences link), Vic (vacant
  // Opponent decision-maker seat), Kim (partner influencer); ours: Dana, and Sam (Opponent DM role, ours).
  const people: MapPerson[] = [
    { id: 'dana', name: 'Dana', side: 'Our Company' },
    { id: 'sam', name: 'Sam', side: 'Our Company', role: 'Decision Maker', stance: 'Opponent' },
    { id: 'morgan', name: 'Morgan', role: 'Economic Buyer', stance: 'Skeptic' },
    { id: 'riley', name: 'Riley', role: 'Decision Maker', stance: 'Supporter' },
    { id: 'pat', name: 'Pat', role: 'Decision Maker' },
    { id: 'vic', name: 'Vic', role: 'Decision Maker', stance: 'Opponent', isVacant: true },
    { id: 'kim', name: 'Kim', side: 'Partner', role: 'Influencer', stance: 'Neutral' },
    { id: 'jo', name: 'Jo', role: 'Decision Maker', stance: 'Neutral', excluded: true },
  ];
  const links: InfluenceLink[] = [
    { id: 'l1', fromId: 'riley', toId: 'dana', type: 'Relationship' },
    { id: 'l2', fromId: 'dana', toId: 'pat', type: 'Influences' },
    { id: 'l3', fromId: 'dana', toId: 'vic', type: 'Relationship' },
    { id: 'l4', fromId: 'dana', toId: 'jo', type: 'Relationship' },
  ];
  const ids = (filters: Partial<typeof NO_FILTERS>, staleIds: string[] = []) =>
    filterPeople(people, { ...NO_FILTERS, ...filters }, { links, staleIds }).map((p) => p.id);

  it('"Not supporting us": their decision makers whose stance is not Champion or Supporter, blank included', () => {
    expect(ids({ notSupporting: true })).toEqual(['morgan', 'pat', 'vic']);
  });

  it('"Uncovered decision makers": no Relationship link with one of our present people (a vacant seat is uncovered)', () => {
    expect(ids({ uncovered: true })).toEqual(['morgan', 'pat', 'vic']);
    expect(ids({ uncovered: true, notSupporting: true, stance: ['Skeptic'] })).toEqual(['morgan']);
  });

  it('"Stale people": their people flagged stale, not vacant seats', () => {
    expect(ids({ stale: true }, ['dana', 'kim', 'vic', 'morgan'])).toEqual(['morgan', 'kim']);
  });

  it('on the sample map, "Not supporting us" shows exactly the decision makers whose stance is not Champion or Supporter', () => {
    const sample = sampleMap();
    const shown = filterPeople(sample.people, { ...NO_FILTERS, notSupporting: true }, { links: sample.links });
    const expected = sample.people.filter(
      (p) =>
        !p.excluded &&
        p.side !== 'Our Company' &&
        (p.role === 'Decision Maker' || p.role === 'Economic Buyer') &&
        p.stance !== 'Champion' &&
        p.stance !== 'Supporter'
    );
    expect(shown.map((p) => p.name).sort()).toEqual(['Dieter Vogel', 'Marcus Whitfield', 'Olivia Grant']);
    expect(shown.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    const uncovered = filterPeople(sample.people, { ...NO_FILTERS, uncovered: true }, { links: sample.links });
    expect(uncovered.map((p) => p.name).sort()).toEqual(['Dieter Vogel', 'Marcus Whitfield', 'Olivia Grant']);
    const insights = computeInsights(sample.people, sample.links, resolveSettings(null, 0.5, 90), SAMPLE_AS_OF);
    const stale = filterPeople(sample.people, { ...NO_FILTERS, stale: true }, { staleIds: insights.staleIds });
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((p) => p.side !== 'Our Company' && !p.isVacant && !p.excluded)).toBe(true);
  });
});

describe('stale flags', () => {
  it('follow the analytics (Is_Stale__c) rule: nobody is stale before 90 days on the map', () => {
    const now = new Date('2025-06-30T12:00:00Z');
    const people: MapPerson[] = [
      { id: 'new', name: 'New', createdDate: '2025-06-30T11:00:00Z' }, // added an hour ago, never touched
      { id: 'old', name: 'Old', createdDate: '2025-01-01T00:00:00Z' }, // 180 days, never touched
      { id: 'seen', name: 'Seen', createdDate: '2025-01-01T00:00:00Z', lastInteraction: '2025-06-01' },
    ];
    const insights = computeInsights(people, [], resolveSettings(null, 0.5, 90), now);
    expect(insights.staleIds).toEqual(['old']);
    expect(insights.flags.new).toBeUndefined();
    expect(insights.staleIds).toEqual(insights.analysis.stalePeople.map((p) => p.personId));
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from the map name', () => {
    expect(exportFileName({ name: 'Fleet platform renewal' }, 'json')).toBe(
      'fleet-platform-renewal-relationship-map.json'
    );
    expect(exportFileName({ name: '<img src=x> Übernahme 2026!' }, 'png')).toBe(
      'img-src-x-ubernahme-2026-relationship-map.png'
    );
    expect(exportFileName(null, 'svg')).toBe('relationship-map.svg');
  });
});
