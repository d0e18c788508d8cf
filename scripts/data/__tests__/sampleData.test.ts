import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { fieldsOf, isReference, loadSampleData, REPO_ROOT, type TreeRecord } from '../sampleData.ts';
import { generateMap, writeTree } from '../generate.ts';

const OBJECTS = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'objects');
const VALUE_SETS = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'globalValueSets');
const xml = new XMLParser({ ignoreAttributes: true, isArray: (name) => ['value', 'customValue'].includes(name) });

/** Picklist values of a custom field (own list or global value set); null when not a picklist. */
function picklist(object: string, field: string): string[] | null {
  const file = path.join(OBJECTS, object, 'fields', `${field}.field-meta.xml`);
  const meta = (
    xml.parse(readFileSync(file, 'utf8')) as {
      CustomField: {
        type: string;
        valueSet: { valueSetName?: string; valueSetDefinition: { value: { fullName: string }[] } };
      };
    }
  ).CustomField;
  if (meta.type !== 'Picklist') return null;
  const set = meta.valueSet;
  if (set.valueSetName) {
    const gvs = xml.parse(
      readFileSync(path.join(VALUE_SETS, `${set.valueSetName}.globalValueSet-meta.xml`), 'utf8')
    ) as {
      GlobalValueSet: { customValue: { fullName: string }[] };
    };
    return gvs.GlobalValueSet.customValue.map((v) => String(v.fullName));
  }
  return set.valueSetDefinition.value.map((v) => String(v.fullName));
}

/** Fields a tree import may set on our objects: real, writable (not formula/roll-up/auto number). */
function checkRecord(record: TreeRecord, refs: Set<string>): string[] {
  const type = record.attributes.type;
  const problems: string[] = [];
  for (const [field, value] of Object.entries(fieldsOf(record))) {
    if (isReference(value) && !refs.has(value.slice(1)))
      problems.push(`${record.attributes.referenceId}.${field}: unknown reference ${value}`);
    if (!field.endsWith('__c')) continue;
    const file = path.join(OBJECTS, type, 'fields', `${field}.field-meta.xml`);
    if (!existsSync(file)) {
      problems.push(`${type}.${field} does not exist`);
      continue;
    }
    const meta = readFileSync(file, 'utf8');
    if (/<formula>|<type>Summary<\/type>|<type>AutoNumber<\/type>/.test(meta))
      problems.push(`${type}.${field} is read-only`);
    if (field === 'Unique_Key__c') problems.push(`${type}.${field} is set by a trigger`);
    const values = picklist(type, field);
    if (values && typeof value === 'string' && !values.includes(value))
      problems.push(`${record.attributes.referenceId}.${field}: "${value}" is not a value`);
  }
  return problems;
}

test('every field and picklist value in the sample data exists in the object metadata, every reference resolves', () => {
  const data = loadSampleData();
  const refs = new Set<string>();
  const problems: string[] = [];
  for (const record of [...data.records, ...data.team.users, ...data.team.people, ...data.team.links]) {
    refs.add(record.attributes.referenceId);
  }
  // Plan order: a record may only reference records of earlier plan entries or its own file's earlier records.
  const seen = new Set<string>();
  for (const record of data.records) {
    problems.push(...checkRecord(record, seen));
    seen.add(record.attributes.referenceId);
  }
  for (const record of [...data.team.people, ...data.team.links]) problems.push(...checkRecord(record, refs));
  assert.deepEqual(problems, []);
});

test('each plan file stays within the 200 records a tree import accepts per file', () => {
  for (const file of readdirSync(path.join(REPO_ROOT, 'data')).filter(
    (f) => f.endsWith('__c.json') || f.startsWith('Contact') || f === 'Account.json'
  )) {
    const { records } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', file), 'utf8')) as { records: unknown[] };
    assert.ok(records.length <= 200, `${file} has ${records.length} records`);
  }
});

test('the enterprise account is realistic: ~45 people, ~90 links of every type, opponents among decision makers, a vacant seat, stale people, one primary', () => {
  const data = loadSampleData(undefined, new Date('2026-11-01T12:00:00Z'));
  const people = [...data.records, ...data.team.people].filter(
    (r) => r.attributes.type === 'Map_Contact__c' && r.Relationship_Map__c === '@MapNorthwind'
  );
  const customers = people.filter((p) => p.Side__c !== 'Our Company');
  assert.ok(customers.length >= 42 && customers.length <= 50, `customers: ${customers.length}`);
  assert.equal(people.filter((p) => p.Side__c === 'Our Company').length, 5, 'our 5-person account team');
  const links = [...data.records, ...data.team.links].filter(
    (r) => r.attributes.type === 'Influence_Link__c' && r.Relationship_Map__c === '@MapNorthwind'
  );
  assert.ok(links.length >= 85 && links.length <= 110, `links: ${links.length}`);
  assert.deepEqual(
    new Set(links.map((l) => l.Type__c)),
    new Set(['Reports To', 'Influences', 'Ally', 'Conflict', 'Relationship'])
  );
  const deciders = people.filter((p) => p.Role__c === 'Decision Maker' || p.Role__c === 'Economic Buyer');
  assert.ok(
    deciders.some((p) => p.Stance__c === 'Opponent'),
    'an opposing decision maker'
  );
  assert.equal(people.filter((p) => p.Is_Vacant__c === true).length, 1, 'one vacant seat');
  const stale = people.filter(
    (p) => typeof p.Last_Interaction__c === 'string' && Date.parse(p.Last_Interaction__c) < Date.parse('2026-08-03')
  );
  assert.ok(stale.length >= 3, `stale people: ${stale.length}`);
  assert.equal(people.filter((p) => p.Is_Primary_Contact__c === true).length, 1, 'one primary contact');
  // Some decision makers have a Relationship link from our people, some have none.
  const ours = new Set(people.filter((p) => p.Side__c === 'Our Company').map((p) => `@${p.attributes.referenceId}`));
  const covered = new Set(
    links.filter((l) => l.Type__c === 'Relationship' && ours.has(l.From__c as string)).map((l) => l.To__c as string)
  );
  const deciderRefs = deciders.map((d) => `@${d.attributes.referenceId}`);
  assert.ok(
    deciderRefs.some((r) => covered.has(r)) && deciderRefs.some((r) => !covered.has(r)),
    'covered and uncovered decision makers'
  );
});

test('dates move with today, so stale people stay stale whenever the data is loaded', () => {
  const asOf = loadSampleData(undefined, new Date('2026-11-01T00:00:00Z'));
  const later = loadSampleData(undefined, new Date('2027-01-30T00:00:00Z'));
  const first = (d: typeof asOf) =>
    d.records.find((r) => r.attributes.referenceId === 'MC_dvogel')?.Last_Interaction__c;
  assert.equal(first(asOf), '2026-09-14');
  assert.equal(first(later), '2026-12-13', '90 days later');
});

test('the synthetic generator is deterministic, sized as asked, and writes an importable tree', () => {
  const a = generateMap({ people: 300, seed: 7, today: new Date('2026-11-01T00:00:00Z') });
  const b = generateMap({ people: 300, seed: 7, today: new Date('2026-11-01T00:00:00Z') });
  assert.deepEqual(a, b);
  assert.equal(a.people.length, 300);
  assert.ok(a.links.length >= 850 && a.links.length <= 900, `links: ${a.links.length}`);
  assert.ok(
    a.links.every((l) => l.fromId !== l.toId),
    'no self links'
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'tree-'));
  const files = writeTree(a, dir);
  const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8')) as { files: string[] }[];
  assert.deepEqual(plan.flatMap((p) => p.files).sort(), files.filter((f) => f !== 'plan.json').sort());
  for (const f of files.filter((x) => x !== 'plan.json')) {
    const { records } = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { records: TreeRecord[] };
    assert.ok(records.length <= 200);
    const seen = new Set<string>();
    for (const r of records)
      assert.deepEqual(
        checkRecord(
          r,
          new Set([
            ...seen,
            'SynAccount',
            'SynMap',
            ...a.people.map((p) => `C${p.id}`),
            ...a.people.map((p) => `M${p.id}`),
          ])
        ),
        []
      );
  }
});
