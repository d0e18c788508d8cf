/**
 * Input validation: every bad input is reported as an issue in words, and the analytics carry on
 * with what is usable — never a crash.
 */
import { analyzeMap, influenceBetween, parseIsoDate, prepareMap, validateMap } from 'c/relationshipGraph';
import type { InfluenceLink, MapInput, MapPerson, ValidationIssue } from 'c/relationshipGraph';
import { NOW, decider, link, ours, person } from './fixtures';

const issues = (people: unknown[], links: unknown[] = []): ValidationIssue[] => validateMap({ people, links });
const codes = (list: ValidationIssue[]) => list.map((i) => i.code);

describe('links', () => {
  it('a self link is reported and ignored', () => {
    const found = issues([person('a', { name: 'Ann' })], [{ id: 'L1', fromId: 'a', toId: 'a', type: 'Influences' }]);
    expect(found).toEqual([
      {
        severity: 'error',
        code: 'self-link',
        message: 'Link L1 links Ann to themselves; ignored.',
        linkId: 'L1',
        personId: 'a',
      },
    ]);
  });

  it('a link to someone not on the map is reported and ignored', () => {
    const people = [person('a'), decider('d')];
    const links: InfluenceLink[] = [{ id: 'L2', fromId: 'a', toId: 'ghost', type: 'Influences', strength: 'Strong' }];
    expect(issues(people, links)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'unknown-person',
        message: 'Link L2 points to ghost, not on this map; ignored.',
        field: 'toId',
      }),
    ]);
    expect(prepareMap({ people, links }, { now: NOW }).links).toEqual([]);
  });

  it('a link whose person was deleted (end set to null) is reported', () => {
    expect(issues([person('a')], [{ id: 'L3', fromId: null, toId: 'a' }])).toEqual([
      expect.objectContaining({ code: 'missing-link-end', message: 'Link L3 has no From person (deleted?); ignored.' }),
    ]);
  });

  it('duplicates are reported and the strongest is used', () => {
    const people = [person('a', { name: 'Ann' }), decider('d', { name: 'Dee' })];
    const links: InfluenceLink[] = [
      { id: 'weak', fromId: 'a', toId: 'd', type: 'Influences', strength: 'Weak' },
      { id: 'strong', fromId: 'a', toId: 'd', type: 'Influences', strength: 'Strong' },
      // Two-way types are the same link in either direction.
      { id: 'ally1', fromId: 'a', toId: 'd', type: 'Ally', strength: 'Medium' },
      { id: 'ally2', fromId: 'd', toId: 'a', type: 'Ally', strength: 'Medium' },
      // A different type between the same people is not a duplicate.
      { id: 'rel', fromId: 'a', toId: 'd', type: 'Relationship', strength: 'Medium' },
    ];
    const map = prepareMap({ people, links }, { now: NOW });
    expect(map.issues.map((i) => i.message)).toEqual([
      'Links ally1 and ally2 are the same Ally link between Ann and Dee; ally1 (Medium) is used.',
      'Links strong and weak are the same Influences link between Ann and Dee; strong (Strong) is used.',
    ]);
    expect(map.links.map((l) => l.id).sort()).toEqual(['ally1', 'rel', 'strong']);
    expect(influenceBetween(map, 'a', 'd')).toBe(1); // the Strong one
  });

  it('an unknown link type drops the link; an unknown strength falls back to Medium', () => {
    const people = [person('a', { name: 'Ann' }), person('b', { name: 'Bo' })];
    const links = [
      { id: 'L4', fromId: 'a', toId: 'b', type: 'Friend', strength: 'Strong' },
      { id: 'L5', fromId: 'b', toId: 'a', type: 'Influences', strength: 'Very Strong' },
    ];
    const map = prepareMap({ people, links } as unknown as MapInput, { now: NOW });
    expect(map.issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      [
        'error',
        'unknown-value',
        'Link L4 (Ann → Bo): type "Friend" is not one of Reports To, Influences, Ally, Conflict, Relationship; the link is ignored (its meaning is unknown).',
      ],
      [
        'warning',
        'unknown-value',
        'Link L5 (Bo → Ann): strength "Very Strong" is not one of Strong, Medium, Weak; treated as Medium.',
      ],
    ]);
    expect(influenceBetween(map, 'b', 'a')).toBe(0.6);
    expect(influenceBetween(map, 'a', 'b')).toBe(0);
  });

  it('blank type and strength mean the field defaults (Influences, Medium), without an issue', () => {
    const map = prepareMap(
      { people: [person('a'), person('b')], links: [{ id: 'L6', fromId: 'a', toId: 'b' }] },
      { now: NOW }
    );
    expect(map.issues).toEqual([]);
    expect(map.links[0]).toMatchObject({ type: 'Influences', strength: 'Medium' });
  });

  it('a link to an excluded person is dropped with them, silently', () => {
    const map = prepareMap(
      { people: [person('a'), person('x', { excluded: true })], links: [link('a', 'x')] },
      { now: NOW }
    );
    expect(map.issues).toEqual([]);
    expect(map.links).toEqual([]);
  });
});

describe('people', () => {
  it('unknown picklist values are reported and read as the default', () => {
    const map = prepareMap(
      {
        people: [{ id: 'p', name: 'Pam', stance: 'Hostile', side: 'Vendor', preferredChannel: 'Fax' }],
        links: [],
      } as unknown as MapInput,
      { now: NOW }
    );
    expect(map.issues.map((i) => i.message)).toEqual([
      'Pam (p): preferredChannel "Fax" is not one of Email, Phone, In Person, Video, Chat; treated as blank.',
      'Pam (p): side "Vendor" is not one of Customer, Our Company, Partner; treated as Customer.',
      'Pam (p): stance "Hostile" is not one of Champion, Supporter, Neutral, Skeptic, Opponent, Unknown; treated as Unknown.',
    ]);
    expect(map.people[0]).toMatchObject({ stance: 'Unknown', side: 'Customer' });
  });

  it('a duplicate id is reported; the first record is used', () => {
    const map = prepareMap(
      { people: [person('p', { name: 'First' }), person('p', { name: 'Second' })], links: [] },
      { now: NOW }
    );
    expect(map.issues).toEqual([
      expect.objectContaining({
        code: 'duplicate-person',
        message: 'Person id p appears more than once (Second); only the first is used.',
      }),
    ]);
    expect(map.people.map((p) => p.name)).toEqual(['First']);
  });

  it('records without an id, or that are not records, are reported and skipped', () => {
    const found = issues([null, 42, { name: 'No id' }, person('ok')]);
    expect(found.map((i) => i.message)).toEqual([
      'People entry 1 has no id (null); ignored.',
      'People entry 2 has no id (42); ignored.',
      'People entry 3 has no id (undefined); ignored.',
    ]);
  });

  it('a missing name is reported and the id shown instead', () => {
    const map = prepareMap({ people: [{ id: 'p7' } as MapPerson], links: [] }, { now: NOW });
    expect(codes(map.issues)).toEqual(['missing-name']);
    expect(map.people[0].name).toBe('p7');
  });

  it('dates that are not ISO dates are reported and read as blank', () => {
    const map = prepareMap(
      {
        people: [person('p', { name: 'Pam', lastInteraction: '31/12/2024', stanceChangedAt: '2024-02-30T10:00:00Z' })],
        links: [],
      },
      { now: NOW }
    );
    expect(map.issues.map((i) => [i.code, i.field])).toEqual([
      ['invalid-date', 'lastInteraction'],
      ['invalid-date', 'stanceChangedAt'],
    ]);
    expect(map.people[0].lastInteractionMs).toBeNull();
  });

  it('an Is_Decision_Maker__c that disagrees with the role is reported', () => {
    const found = issues([person('p', { name: 'Pam', role: 'Influencer', isDecisionMaker: true })]);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'decision-maker-mismatch',
        message: 'Pam (p): isDecisionMaker is true but the role is Influencer; treated as a decision maker.',
      }),
    ]);
  });

  it('more than one primary contact is reported', () => {
    const found = issues([person('a', { isPrimaryContact: true }), person('b', { isPrimaryContact: true })]);
    expect(found.map((i) => i.message)).toEqual(['2 primary contacts (a, b); at most one is allowed, a is used.']);
  });

  it('excluded people are still validated', () => {
    expect(codes(issues([person('x', { excluded: true, stance: 'Angry' as MapPerson['stance'] })]))).toEqual([
      'unknown-value',
    ]);
  });
});

describe('never crashes', () => {
  it.each([null, undefined, 'map', 42, [], {}, { people: 'x', links: {} }])('on %p', (input) => {
    const found = validateMap(input);
    expect(codes(found)).toEqual(['invalid-input', 'invalid-input']);
    expect(() => analyzeMap(input as unknown as MapInput, { now: NOW })).not.toThrow();
  });

  it('reports every problem at once, errors first, and still analyses the rest', () => {
    const people = [ours('us'), decider('d', { stance: 'Furious' as MapPerson['stance'] }), person('d')];
    const links = [link('us', 'd', 'Relationship'), link('us', 'us'), link('us', 'ghost')];
    const analysis = analyzeMap({ people, links }, { now: NOW });
    expect(analysis.issues.map((i) => `${i.severity} ${i.code}`)).toEqual([
      'error duplicate-person',
      'error self-link',
      'error unknown-person',
      'warning unknown-value',
    ]);
    expect(analysis.warmPaths[0].status).toBe('warm');
  });
});

describe('parseIsoDate', () => {
  it('reads the date and date-time forms Salesforce returns', () => {
    expect(parseIsoDate('2025-06-30')).toBe(Date.UTC(2025, 5, 30));
    expect(parseIsoDate('2025-06-30T12:34:56.789Z')).toBe(Date.UTC(2025, 5, 30, 12, 34, 56, 789));
    expect(parseIsoDate('2025-06-30T12:34:56.000+0000')).toBe(Date.UTC(2025, 5, 30, 12, 34, 56));
    expect(parseIsoDate('2025-06-30T12:34+02:00')).toBe(Date.UTC(2025, 5, 30, 10, 34));
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects what is not a real ISO date', () => {
    for (const bad of ['', '2025-6-30', '2025-13-01', '2023-02-29', '2025-06-30T25:00', '2025-06-30X', 'tomorrow']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
