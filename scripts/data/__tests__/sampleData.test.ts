import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadObjectSchema, picklistValues } from '../objectMetadata.ts';
import {
  allRecords,
  fieldsOf,
  indexByReferenceId,
  loadSampleData,
  recordsOf,
  referencesOf,
  TRIGGER_SET_FIELDS,
  validateSampleData,
  type SampleData,
  type TreeRecord,
} from '../sampleData.ts';

const AS_OF = new Date('2026-11-01T12:00:00Z');
const sample = loadSampleData(undefined, AS_OF);
const byRef = indexByReferenceId(sample);
const seatsOf = (map: string): TreeRecord[] =>
  [...sample.records, ...sample.team.people].filter(
    (r) => r.attributes.type === 'Map_Contact__c' && r.Relationship_Map__c === map
  );
const linksOf = (map: string): TreeRecord[] =>
  [...sample.records, ...sample.team.links].filter(
    (r) => r.attributes.type === 'Influence_Link__c' && r.Relationship_Map__c === map
  );
const ref = (r: TreeRecord): string => `@${r.attributes.referenceId}`;
const isDecider = (r: TreeRecord): boolean => r.Role__c === 'Decision Maker' || r.Role__c === 'Economic Buyer';

test('the sample loads cleanly: every field, picklist value, reference and rule checks out against the object metadata', () => {
  assert.deepEqual(validateSampleData(loadSampleData()), []);
});

test('the validation finds what a tree import or our triggers would refuse', () => {
  const broken: SampleData = structuredClone(loadSampleData());
  const seat = broken.records.find((r) => r.attributes.referenceId === 'MC_dvogel') as TreeRecord;
  seat.Stance__c = 'Hostile';
  seat.Is_Decision_Maker__c = true;
  seat.Unique_Key__c = 'x';
  seat.Favourite_Colour__c = 'Blue';
  seat.Last_Interaction__c = '2026-02-30';
  seat.Title__c = 'x'.repeat(129);
  const link = broken.records.find((r) => r.attributes.type === 'Influence_Link__c') as TreeRecord;
  link.To__c = link.From__c;
  const map = broken.records.find((r) => r.attributes.type === 'Relationship_Map__c') as TreeRecord;
  delete map.Goal__c;
  const contact = broken.records.find((r) => r.attributes.referenceId === 'Con_dvogel') as TreeRecord;
  contact.ReportsToId = '@Nobody';
  broken.files[0].referenceIds = Array.from({ length: 201 }, (_, i) => `X${i}`);
  const problems = validateSampleData(broken).join('\n');
  for (const expected of [
    /MC_dvogel\.Stance__c "Hostile" is not one of its values \(Champion, Supporter, Neutral, Skeptic, Opponent, Unknown\)/,
    /MC_dvogel\.Is_Decision_Maker__c: .* is computed/,
    /MC_dvogel\.Unique_Key__c: .* is set by a trigger/,
    /MC_dvogel\.Favourite_Colour__c: Map_Contact__c\.Favourite_Colour__c does not exist/,
    /MC_dvogel\.Last_Interaction__c "2026-02-30" is not a date/,
    /MC_dvogel\.Title__c has 129 characters; the field holds 128/,
    new RegExp(`${link.attributes.referenceId}: a person can't influence themselves`),
    /MapNorthwind: Relationship_Map__c\.Goal__c is required/,
    /Con_dvogel\.ReportsToId: @Nobody is not a record of the sample/,
    /Account\.json: 201 records; a tree import takes at most 200 per file/,
  ]) {
    assert.match(problems, expected);
  }
});

test('references only point back to records an earlier plan entry loads (managers before their reports)', () => {
  const broken: SampleData = structuredClone(loadSampleData());
  const ceo = broken.records.find((r) => r.attributes.referenceId === 'Con_hbrandt') as TreeRecord;
  ceo.ReportsToId = '@Con_dvogel';
  assert.match(
    validateSampleData(broken).join('\n'),
    /Con_hbrandt\.ReportsToId: @Con_dvogel must load in an earlier plan entry/
  );
});

test('the enterprise account: ~45 people, our 5-person team, ~90 links of every type, one primary contact', () => {
  const seats = seatsOf('@MapNorthwind');
  const theirs = seats.filter((p) => p.Side__c !== 'Our Company');
  assert.ok(theirs.length >= 42 && theirs.length <= 50, `their side: ${theirs.length}`);
  assert.equal(seats.filter((p) => p.Side__c === 'Our Company').length, 5);
  assert.ok(
    seats.some((p) => p.Side__c === 'Partner'),
    'partner consultants'
  );
  const links = linksOf('@MapNorthwind');
  assert.ok(links.length >= 85 && links.length <= 110, `links: ${links.length}`);
  assert.deepEqual(
    new Set(links.map((l) => l.Type__c)),
    new Set(picklistValues(loadObjectSchema(), 'Influence_Link__c', 'Type__c'))
  );
  assert.ok(
    links.every((l) => typeof l.Strength__c === 'string'),
    'every link has a strength'
  );
  assert.equal(seats.filter((p) => p.Is_Primary_Contact__c === true).length, 1);
});

test('the enterprise account spans two business units with a reporting hierarchy', () => {
  const contacts = recordsOf(sample, 'Contact').filter((c) => c.AccountId === '@AccNorthwind');
  const units = new Set(contacts.map((c) => fieldsOf(c).Department));
  assert.ok(units.has('Industrial Automation') && units.has('Consumer Appliances'), [...units].join(', '));
  const managed = contacts.filter((c) => typeof c.ReportsToId === 'string');
  assert.ok(managed.length >= contacts.length - 3, 'nearly everyone reports to someone');
  assert.ok(
    contacts.every((c) => typeof c.Title === 'string' && /@northwind\.example\.com$/.test(String(fieldsOf(c).Email))),
    'titles and fictional emails'
  );
});

test('Reports To links follow Contact.ReportsToId: From is the report, To the manager, for every pair on a map', () => {
  const problems: string[] = [];
  for (const map of recordsOf(sample, 'Relationship_Map__c').map(ref)) {
    const seats = seatsOf(map);
    const seatOfContact = new Map(seats.filter((s) => s.Contact__c).map((s) => [s.Contact__c as string, s]));
    const reportsTo = new Set(
      linksOf(map)
        .filter((l) => l.Type__c === 'Reports To')
        .map((l) => `${String(fieldsOf(l).From__c)}>${String(fieldsOf(l).To__c)}`)
    );
    for (const seat of seats.filter((s) => s.Contact__c)) {
      const contact = byRef.get(String(fieldsOf(seat).Contact__c).slice(1)) as TreeRecord;
      const manager = seatOfContact.get(String(fieldsOf(contact).ReportsToId));
      if (manager && !reportsTo.has(`${ref(seat)}>${ref(manager)}`)) {
        problems.push(`${seat.attributes.referenceId} reports to ${manager.attributes.referenceId}: no link`);
      }
    }
    for (const link of linksOf(map).filter((l) => l.Type__c === 'Reports To')) {
      const from = byRef.get(String(fieldsOf(link).From__c).slice(1)) as TreeRecord;
      const to = byRef.get(String(fieldsOf(link).To__c).slice(1)) as TreeRecord;
      const contact = from.Contact__c ? byRef.get(String(fieldsOf(from).Contact__c).slice(1)) : undefined;
      if (contact && to.Contact__c && contact.ReportsToId !== to.Contact__c) {
        problems.push(`${link.attributes.referenceId}: ${from.attributes.referenceId}'s contact reports elsewhere`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the map tells a story: opponents and skeptics among decision makers, a vacant seat, stale people, uncovered deciders', () => {
  const seats = seatsOf('@MapNorthwind');
  const deciders = seats.filter(isDecider);
  assert.ok(deciders.some((p) => p.Stance__c === 'Opponent'));
  assert.ok(deciders.some((p) => p.Stance__c === 'Skeptic'));
  assert.equal(seats.filter((p) => p.Is_Vacant__c === true).length, 1, 'one vacant seat');
  const ninetyDaysAgo = '2026-08-03';
  const stale = seats.filter((p) => typeof p.Last_Interaction__c === 'string' && p.Last_Interaction__c < ninetyDaysAgo);
  assert.ok(stale.length >= 3, `stale people: ${stale.length}`);
  const ours = new Set(seats.filter((p) => p.Side__c === 'Our Company').map(ref));
  const covered = new Set(
    linksOf('@MapNorthwind')
      .filter((l) => l.Type__c === 'Relationship')
      .flatMap((l) =>
        ours.has(String(fieldsOf(l).From__c)) ? [l.To__c] : ours.has(String(fieldsOf(l).To__c)) ? [l.From__c] : []
      )
  );
  assert.ok(deciders.some((d) => covered.has(ref(d))) && deciders.some((d) => !covered.has(ref(d))));
  const losers = seats.filter((p) => p.Goal_Impact__c === 'Loses');
  assert.ok(
    losers.length >= 3 && losers.filter((p) => p.Contingency_Plan__c).length >= losers.length - 1,
    'people who lose mostly have a contingency plan'
  );
});

test('every writable Map Contact field is filled somewhere on the enterprise map', () => {
  const schema = loadObjectSchema();
  const writable = [...(schema.get('Map_Contact__c')?.fields.values() ?? [])].filter(
    // Pinned positions are the rep's to set, on the map.
    (f) => !f.computed && !TRIGGER_SET_FIELDS.has(f.name) && f.name !== 'Layout_X__c' && f.name !== 'Layout_Y__c'
  );
  const used = new Set(seatsOf('@MapNorthwind').flatMap((r) => Object.keys(fieldsOf(r))));
  const missing = writable.map((f) => f.name).filter((name) => !used.has(name));
  assert.deepEqual(missing, []);
});

test('markup in names lives only in the small account, where the browser tests look for it; emails are fictional', () => {
  const withMarkup = allRecords(sample).filter((r) =>
    /[<>]/.test(`${String(fieldsOf(r).FirstName)} ${String(fieldsOf(r).LastName)} ${String(fieldsOf(r).Name)}`)
  );
  assert.ok(withMarkup.length >= 2);
  for (const record of withMarkup) {
    const account = record.AccountId ?? byRef.get(String(fieldsOf(record).Relationship_Map__c).slice(1))?.Account__c;
    assert.equal(account, '@AccBluefin', `${record.attributes.referenceId} is not in the small account`);
  }
  for (const record of allRecords(sample).filter((r) => r.Email !== undefined)) {
    assert.match(String(fieldsOf(record).Email), /@[a-z.-]*example\.com$/);
  }
});

test('our team are Users kept apart from the plan, referenced by their seats and links', () => {
  assert.equal(sample.team.users.length, 6, 'the account team of five and a colleague on no map (Nadia Farouk)');
  assert.ok(sample.team.users.every((u) => u.attributes.type === 'User' && u.Email && u.FirstName && u.LastName));
  const users = new Set(sample.team.users.map(ref));
  for (const seat of sample.team.people) {
    assert.ok(users.has(String(fieldsOf(seat).User__c)), `${seat.attributes.referenceId} names one of our users`);
    assert.equal(seat.Side__c, 'Our Company');
  }
  const referenced = new Set(sample.team.links.flatMap((l) => referencesOf(l).map((r) => r.referenceId)));
  assert.ok(sample.team.people.some((p) => referenced.has(p.attributes.referenceId)));
  assert.ok(
    sample.records.every((r) => referencesOf(r).every((x) => !users.has(`@${x.referenceId}`))),
    'the plan never references a User'
  );
});

test('dates move with today, so stale people stay stale whenever the data is loaded', () => {
  const asOf = loadSampleData(undefined, new Date('2026-11-01T00:00:00Z'));
  const later = loadSampleData(undefined, new Date('2027-01-30T23:00:00Z'));
  const lastInteraction = (d: SampleData): unknown =>
    d.records.find((r) => r.attributes.referenceId === 'MC_dvogel')?.Last_Interaction__c;
  assert.equal(lastInteraction(asOf), '2026-09-14');
  assert.equal(lastInteraction(later), '2026-12-13', '90 days later');
  assert.equal(lastInteraction(loadSampleData()), '2026-09-14', 'without a day, as written');
});
