import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { generateMap, generateSample, main, writeSample } from '../generate.ts';
import {
  allRecords,
  fieldsOf,
  indexByReferenceId,
  loadSampleData,
  MAX_RECORDS_PER_FILE,
  validateSampleData,
  type TreeRecord,
} from '../sampleData.ts';

const AS_OF = '2026-11-01';
const ofType = (records: TreeRecord[], type: string): TreeRecord[] => records.filter((r) => r.attributes.type === type);

test('the same options give the same map; another seed another one', () => {
  const a = generateSample({ people: 300, seed: 7, asOf: AS_OF });
  assert.deepEqual(a, generateSample({ people: 300, seed: 7, asOf: AS_OF }));
  assert.notDeepEqual(a, generateSample({ people: 300, seed: 8, asOf: AS_OF }));
});

for (const people of [1, 2, 7, 300]) {
  test(`a generated map of ${people} people is valid sample data (fields, picklists, references, rules)`, () => {
    const sample = generateSample({ people, seed: 5, asOf: AS_OF });
    assert.deepEqual(validateSampleData(sample), []);
    assert.equal(ofType(allRecords(sample), 'Map_Contact__c').length, people);
  });
}

test('a map of 1,000 people looks like a real account: sides, hierarchy, ~3 links each of every type, one primary', () => {
  const sample = generateSample({ people: 1000, seed: 11, asOf: AS_OF });
  assert.deepEqual(validateSampleData(sample), []);
  const records = allRecords(sample);
  const seats = ofType(records, 'Map_Contact__c');
  const links = ofType(records, 'Influence_Link__c');
  const count = (values: unknown[]): Map<unknown, number> =>
    values.reduce<Map<unknown, number>>((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map());
  const sides = count(seats.map((s) => s.Side__c));
  assert.ok((sides.get('Customer') ?? 0) > 850, 'mostly the customer');
  assert.ok((sides.get('Our Company') ?? 0) >= 10 && (sides.get('Partner') ?? 0) >= 10, [...sides].join(' '));
  assert.ok(links.length >= 2800 && links.length <= 3000, `links: ${links.length}`);
  assert.deepEqual(
    new Set(links.map((l) => l.Type__c)),
    new Set(['Reports To', 'Influences', 'Ally', 'Conflict', 'Relationship'])
  );
  const stances = count(seats.map((s) => s.Stance__c));
  assert.equal(stances.size, 6, 'every stance');
  assert.ok(seats.some((s) => s.Is_Vacant__c === true) && seats.some((s) => s.Excluded__c === true));
  assert.equal(seats.filter((s) => s.Is_Primary_Contact__c === true).length, 1);
  assert.ok(ofType(records, 'User').length === (sides.get('Our Company') ?? 0), 'each of our people is a User');
});

test('the reporting hierarchy: Contact.ReportsToId and Reports To links (report → manager) agree', () => {
  const sample = generateSample({ people: 400, seed: 2, asOf: AS_OF });
  const byRef = indexByReferenceId(sample);
  const records = allRecords(sample);
  const seatOfContact = new Map(
    ofType(records, 'Map_Contact__c')
      .filter((s) => s.Contact__c)
      .map((s) => [String(fieldsOf(s).Contact__c), `@${s.attributes.referenceId}`])
  );
  const expected = ofType(records, 'Contact')
    .filter((c) => c.ReportsToId)
    .map(
      (c) =>
        `${seatOfContact.get(`@${c.attributes.referenceId}`)}>${seatOfContact.get(String(fieldsOf(c).ReportsToId))}`
    )
    .sort();
  const reportsTo = ofType(records, 'Influence_Link__c')
    .filter((l) => l.Type__c === 'Reports To')
    .filter((l) => byRef.get(String(fieldsOf(l).From__c).slice(1))?.Contact__c) // a vacant seat has no Contact
    .map((l) => `${String(fieldsOf(l).From__c)}>${String(fieldsOf(l).To__c)}`)
    .sort();
  assert.ok(expected.length > 300);
  assert.deepEqual(reportsTo, expected);
});

test('written out, it is a data folder like data/: plan files of at most 200 records that load back unchanged', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'generated-'));
  const sample = generateSample({ people: 450, seed: 3, asOf: AS_OF });
  const written = writeSample(sample, dir);
  assert.deepEqual(written.sort(), readdirSync(dir).sort());
  const plan = JSON.parse(readFileSync(path.join(dir, 'sample-plan.json'), 'utf8')) as { files: string[] }[];
  for (const file of plan.flatMap((entry) => entry.files)) {
    const { records } = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { records: unknown[] };
    assert.ok(records.length > 0 && records.length <= MAX_RECORDS_PER_FILE, `${file}: ${records.length}`);
  }
  const loaded = loadSampleData(dir);
  assert.deepEqual(loaded.records, sample.records);
  assert.deepEqual(loaded.team, sample.team);
  assert.deepEqual(loaded.meta, sample.meta);
  assert.ok(sample.activities?.length, 'calls, meetings and emails');
  assert.deepEqual(loaded.activities, sample.activities);
  assert.deepEqual(validateSampleData(loaded), []);
});

test('activities: about 20 per person between our Users and the map contacts, over ~15 months, from their own sequence', () => {
  const sample = generateSample({ people: 1000, seed: 11, asOf: AS_OF });
  const activities = sample.activities ?? [];
  assert.equal(activities.length, 20000);
  const users = new Set(sample.team.users.map((u) => `@${u.attributes.referenceId}`));
  const contacts = new Set(
    ofType(sample.records, 'Contact')
      .filter((c) => c.AccountId === '@SynAccount')
      .map((c) => `@${c.attributes.referenceId}`)
  );
  const fields = activities.map((a) => fieldsOf(a));
  assert.ok(fields.every((f) => users.has(String(f.OwnerId)) && contacts.has(String(f.WhoId))));
  const kinds = new Set(
    activities.map((a) => (a.attributes.type === 'Event' ? 'Meeting' : String(fieldsOf(a).TaskSubtype)))
  );
  assert.deepEqual(kinds, new Set(['Meeting', 'Call', 'Email']));
  const days = fields.map((f) => String(f.ActivityDate)).sort();
  assert.ok(days[0] >= '2025-08-01' && days[0] < '2025-10-01', `oldest ${days[0]}`);
  assert.ok(
    days.some((d) => d > AS_OF),
    'a few meetings still to come'
  );
  assert.ok(days.filter((d) => d >= '2026-08-01').length > days.length / 3, 'most of it recent');
  const without = generateSample({ people: 1000, seed: 11, asOf: AS_OF, activitiesPerPerson: 0 });
  assert.deepEqual(without.activities, []);
  assert.deepEqual(without.records, sample.records, 'the map is the same with or without activities');
  assert.deepEqual(sample.activities, generateSample({ people: 1000, seed: 11, asOf: AS_OF }).activities);
});

test('generateMap gives the component input: N people, links between them', () => {
  const map = generateMap({ people: 250, seed: 4, asOf: AS_OF });
  assert.equal(map.people.length, 250);
  const ids = new Set(map.people.map((p) => p.id));
  assert.ok(map.links.every((l) => ids.has(l.fromId ?? '') && ids.has(l.toId ?? '') && l.fromId !== l.toId));
  assert.ok(map.people.every((p) => p.name && p.stance && p.side));
});

test('a map of 5,000 people can be generated (benchmarks)', () => {
  const sample = generateSample({ people: 5000, seed: 1, asOf: AS_OF });
  assert.equal(ofType(allRecords(sample), 'Map_Contact__c').length, 5000);
  assert.ok(sample.files.filter((f) => f.planIndex >= 0).every((f) => f.referenceIds.length <= MAX_RECORDS_PER_FILE));
});

test('the command line writes the folder, and refuses bad arguments with the usage', () => {
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cli-')), 'out');
  assert.equal(main(['--people', '30', '--out', dir, '--seed', '9', '--as-of', AS_OF], log), 0);
  assert.match(lines.join('\n'), /Wrote a map of 30 people/);
  assert.deepEqual(loadSampleData(dir).records, generateSample({ people: 30, seed: 9, asOf: AS_OF }).records);
  for (const args of [
    ['--people', '0', '--out', dir],
    ['--people', '10'],
    ['--people', 'many', '--out', dir],
    ['--bogus'],
  ]) {
    lines.length = 0;
    assert.equal(
      main(args, () => assert.fail('nothing on stdout'), log),
      2,
      args.join(' ')
    );
    assert.match(lines.join('\n'), /Usage: npm run sample-data/);
  }
  assert.equal(fieldsOf(loadSampleData(dir).records[0]).Name, 'Synthetic Corp (30 people)');
});

test('out-of-range sizes are refused with a clear error', () => {
  assert.throws(() => generateSample({ people: 0 }), /people must be a whole number from 1 to 20000/);
  assert.throws(() => generateSample({ people: 1.5 }), /whole number/);
});
