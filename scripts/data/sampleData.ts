/**
 * The sample data, loaded once for everything that uses it: the local preview's store, the
 * `seed` command and the tests. It lives in data/ in the `sf data tree import` format (a plan
 * file and one JSON file per sObject), plus data/our-team.json for our own people, whom a tree
 * import cannot create (they are Users). See data/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIVITIES_FILE, activitiesOf, type ActivitiesFile } from './activities.ts';
import { loadObjectSchema, type FieldInfo, type ObjectSchema } from './objectMetadata.ts';
import { REPO_ROOT } from '../shared/project.mjs';

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data');
/** The most records `sf data import tree` accepts in one file. */
export const MAX_RECORDS_PER_FILE = 200;
export const PLAN_FILE = 'sample-plan.json';
export const TEAM_FILE = 'our-team.json';
export const META_FILE = 'sample-meta.json';

/** A field value in a tree file: `@ref` strings are references to another record's referenceId. */
export type FieldValue = string | number | boolean | null;

/** One record of a tree file. */
export interface TreeRecord {
  attributes: { type: string; referenceId: string };
  /**
   * A Task's or Event's other contacts, for a shared activity (references, `@Con_…`): an org with
   * Shared Activities keeps them as TaskRelation/EventRelation rows. Not a field of the record.
   */
  RelationIds?: string[];
  [field: string]: FieldValue | string[] | { type: string; referenceId: string } | undefined;
}

/** One entry of a plan file. */
export interface PlanEntry {
  sobject: string;
  saveRefs: boolean;
  resolveRefs: boolean;
  files: string[];
}

/** data/sample-meta.json: the date the sample's dates were written for, and who "we" are. */
export interface SampleMeta {
  /** `YYYY-MM-DD`: dates in the files are as of this day; loaders shift them to today. */
  asOf: string;
  /** referenceId (in our-team.json) of the user the preview runs as. */
  currentUser: string;
  /** referenceId of the user who owns the sample accounts. */
  accountOwner: string;
  /**
   * `YYYY-MM-DD`: the day the sample's records were entered (their CreatedDate where a loader
   * can set it: the preview's store); shifted like the other dates. Default `asOf`.
   */
  createdOn?: string;
}

/** One file of the sample and what it holds. */
export interface SampleFile {
  name: string;
  sobject: string;
  /** Index of its plan entry; -1 for our-team.json. */
  planIndex: number;
  referenceIds: string[];
}

export interface SampleData {
  meta: SampleMeta;
  /** Plan records, in plan order (each file's records in file order). */
  records: TreeRecord[];
  /** Our people (Users) and their map rows and links, from our-team.json. */
  team: { users: TreeRecord[]; people: TreeRecord[]; links: TreeRecord[] };
  /** The files the records came from (for the per-file limit and load order). */
  files: SampleFile[];
  /**
   * Calls, meetings and emails between our people and the contacts (Task and Event records, from
   * our-activities.json: see activities.ts). A tree import cannot load them (their owners are
   * Users), so they are kept apart like our team. Absent in a folder written before issue 17.
   */
  activities?: TreeRecord[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Whether a value is a reference (`@ReferenceId`). */
export const isReference = (value: unknown): value is string => typeof value === 'string' && value.startsWith('@');

/** Fields of a record without its `attributes`. */
export function fieldsOf(record: TreeRecord): Record<string, FieldValue> {
  const { attributes: _attributes, ...fields } = record;
  return fields as Record<string, FieldValue>;
}

/** The references a record makes: field name and the referenceId it points to (without `@`). */
export function referencesOf(record: TreeRecord): { field: string; referenceId: string }[] {
  return Object.entries(fieldsOf(record))
    .filter((entry): entry is [string, string] => isReference(entry[1]))
    .map(([field, value]) => ({ field, referenceId: value.slice(1) }));
}

/** Every record of the sample (plan records, then our team, then the activities), in load order. */
export const allRecords = (data: SampleData): TreeRecord[] => [
  ...data.records,
  ...data.team.users,
  ...data.team.people,
  ...data.team.links,
  ...(data.activities ?? []),
];

/** Records by referenceId, our team included. */
export function indexByReferenceId(data: SampleData): Map<string, TreeRecord> {
  return new Map(allRecords(data).map((r) => [r.attributes.referenceId, r]));
}

/** Records of one sObject type, in plan order (our team not included). */
export const recordsOf = (data: SampleData, type: string): TreeRecord[] =>
  data.records.filter((r) => r.attributes.type === type);

/**
 * Loads the plan and the team file. With `shiftTo`, every date and date-time moves by the days
 * between `meta.asOf` and that day, so "stale" and "recent" people keep their meaning whenever the
 * data is loaded.
 */
export function loadSampleData(dataDir = DEFAULT_DATA_DIR, shiftTo?: Date): SampleData {
  const meta = readJson<SampleMeta>(path.join(dataDir, META_FILE));
  const plan = readJson<PlanEntry[]>(path.join(dataDir, PLAN_FILE));
  const records: TreeRecord[] = [];
  const files: SampleFile[] = [];
  plan.forEach((entry, planIndex) => {
    for (const file of entry.files) {
      const { records: fileRecords } = readJson<{ records: TreeRecord[] }>(path.join(dataDir, file));
      for (const record of fileRecords) {
        if (record.attributes.type !== entry.sobject) {
          throw new Error(
            `${file}: record ${record.attributes.referenceId} is a ${record.attributes.type}, the plan says ${entry.sobject}`
          );
        }
        records.push(record);
      }
      files.push({
        name: file,
        sobject: entry.sobject,
        planIndex,
        referenceIds: fileRecords.map((r) => r.attributes.referenceId),
      });
    }
  });
  const teamFile = readJson<Record<string, { records: TreeRecord[] }>>(path.join(dataDir, TEAM_FILE));
  const team = {
    users: teamFile.User?.records ?? [],
    people: teamFile.Map_Contact__c?.records ?? [],
    links: teamFile.Influence_Link__c?.records ?? [],
  };
  const teamRecords = [...team.users, ...team.people, ...team.links];
  files.push({
    name: TEAM_FILE,
    sobject: 'User, Map_Contact__c, Influence_Link__c',
    planIndex: -1,
    referenceIds: teamRecords.map((r) => r.attributes.referenceId),
  });
  const activitiesFile = path.join(dataDir, ACTIVITIES_FILE);
  const activities = existsSync(activitiesFile) ? activitiesOf(readJson<ActivitiesFile>(activitiesFile)) : [];
  files.push({
    name: ACTIVITIES_FILE,
    sobject: 'Task, Event',
    planIndex: -1,
    referenceIds: activities.map((r) => r.attributes.referenceId),
  });
  const data: SampleData = { meta, records, team, files, activities };
  if (shiftTo) {
    const days = daysBetween(meta.asOf, shiftTo);
    shiftDates(data, days);
    if (meta.createdOn) meta.createdOn = shiftDay(meta.createdOn, days);
  }
  return data;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Whole days from `asOf` (YYYY-MM-DD) to `day` (UTC calendar days). */
export function daysBetween(asOf: string, day: Date): number {
  const from = Date.parse(`${asOf}T00:00:00Z`);
  const to = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return Math.round((to - from) / 86_400_000);
}

/** `day` (`YYYY-MM-DD`) moved by `days`. */
const shiftDay = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Moves every date (`YYYY-MM-DD`) and date-time (ISO 8601) value of the sample by `days`. */
export function shiftDates(data: SampleData, days: number): void {
  if (days === 0) return;
  for (const record of allRecords(data)) {
    for (const [field, value] of Object.entries(fieldsOf(record))) {
      if (typeof value !== 'string') continue;
      if (DATE.test(value)) {
        record[field] = shiftDay(value, days);
      } else if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
        record[field] = new Date(Date.parse(value) + days * 86_400_000).toISOString();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation against the object metadata
// ---------------------------------------------------------------------------------------------

/** Fields our triggers set (a loaded value would be overwritten), which a load must leave alone. */
export const TRIGGER_SET_FIELDS: ReadonlySet<string> = new Set([
  'Unique_Key__c',
  'Stance_Changed_At__c',
  'Is_Covered__c',
]);
/** Lookups of standard objects the sample uses, and where they point. */
const STANDARD_REFERENCES: Record<string, Record<string, string>> = {
  Contact: { AccountId: 'Account', ReportsToId: 'Contact' },
  Account: { ParentId: 'Account' },
  Task: { OwnerId: 'User', WhoId: 'Contact' },
  Event: { OwnerId: 'User', WhoId: 'Contact' },
};
/** Standard objects the sample may hold, with their required fields. */
const STANDARD_REQUIRED: Record<string, string[]> = {
  Account: ['Name'],
  Contact: ['LastName'],
  User: ['LastName', 'Email'],
  Task: ['OwnerId', 'WhoId', 'ActivityDate', 'Subject'],
  Event: ['OwnerId', 'WhoId', 'ActivityDate', 'Subject'],
};
/** Required fields a before-insert trigger fills when the load leaves them blank. */
const TRIGGER_FILLED_FIELDS = new Set(['Map_Contact__c.Name']);
const SYMMETRIC_LINK_TYPES = new Set(['Ally', 'Relationship', 'Conflict']);

function valueProblem(field: FieldInfo, value: FieldValue): string | null {
  if (value === null) return field.required ? 'is required' : null;
  switch (field.type) {
    case 'Picklist': {
      const values = (field.picklist ?? []).map((v) => v.value);
      return typeof value === 'string' && values.includes(value)
        ? null
        : `"${String(value)}" is not one of its values (${values.join(', ')})`;
    }
    case 'Checkbox':
      return typeof value === 'boolean' ? null : `must be true or false, not ${JSON.stringify(value)}`;
    case 'Date': {
      const ok = typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
      return ok && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? null
        : `"${String(value)}" is not a date (YYYY-MM-DD)`;
    }
    case 'DateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `"${String(value)}" is not a date-time (ISO 8601)`;
    case 'Number':
    case 'Currency':
    case 'Percent':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `must be a number, not ${JSON.stringify(value)}`;
    case 'Lookup':
    case 'MasterDetail':
      return isReference(value) ? null : `must be a reference (@referenceId), not ${JSON.stringify(value)}`;
    default:
      if (typeof value !== 'string') return `must be text, not ${JSON.stringify(value)}`;
      return field.length !== undefined && value.length > field.length
        ? `has ${value.length} characters; the field holds ${field.length}`
        : null;
  }
}

/**
 * Everything that would stop `sf data import tree` (or our triggers) from loading the sample, or
 * make it say something the data model does not: unknown fields, read-only fields (formula,
 * roll-up, auto number, trigger-set keys), picklist values the metadata lacks, wrong value types,
 * text too long, references that do not resolve (or resolve to a record of the wrong type, or to a
 * record that loads later), files over 200 records, and the rules our triggers and validation
 * rules enforce (one person per seat and map, one primary contact per map, links between two
 * different people of the link's own map, no duplicate links). Empty when the sample is fine.
 */
export function validateSampleData(data: SampleData, schema: ObjectSchema = loadObjectSchema()): string[] {
  const problems: string[] = [];
  const byRef = new Map<string, TreeRecord>();
  const fileOf = new Map<string, SampleFile>();
  for (const file of data.files) {
    if (file.planIndex >= 0 && file.referenceIds.length > MAX_RECORDS_PER_FILE) {
      problems.push(
        `${file.name}: ${file.referenceIds.length} records; a tree import takes at most ${MAX_RECORDS_PER_FILE} per file.`
      );
    }
    for (const ref of file.referenceIds) fileOf.set(ref, file);
  }
  for (const record of allRecords(data)) {
    const ref = record.attributes.referenceId;
    if (byRef.has(ref)) problems.push(`${ref}: the referenceId is used twice.`);
    byRef.set(ref, record);
  }

  for (const record of allRecords(data)) {
    const type = record.attributes.type;
    const ref = record.attributes.referenceId;
    const fields = fieldsOf(record);
    const own = fileOf.get(ref);
    const object = schema.get(type);
    const isCustomObject = type.endsWith('__c');
    if (isCustomObject && !object) {
      problems.push(`${ref}: ${type} is not an object of this project.`);
      continue;
    }
    if (!isCustomObject && !(type in STANDARD_REQUIRED)) {
      problems.push(`${ref}: the sample does not load ${type} records.`);
      continue;
    }
    if (type === 'User' && own && own.planIndex >= 0) {
      problems.push(`${ref}: a tree import cannot create Users; keep our people in ${TEAM_FILE}.`);
    }
    for (const [name, value] of Object.entries(fields)) {
      const where = `${ref}.${name}`;
      const field = object?.fields.get(name) ?? schema.get(type)?.fields.get(name);
      if (name.endsWith('__c') || isCustomObject) {
        if (!field) {
          problems.push(`${where}: ${type}.${name} does not exist in the object metadata.`);
          continue;
        }
        if (field.computed) problems.push(`${where}: ${type}.${name} is computed (formula, roll-up or auto number).`);
        if (TRIGGER_SET_FIELDS.has(name)) problems.push(`${where}: ${type}.${name} is set by a trigger; leave it out.`);
        const problem = valueProblem(field, value);
        if (problem) problems.push(`${where} ${problem}.`);
      }
      if (!isReference(value)) continue;
      const targetType = field?.referenceTo ?? STANDARD_REFERENCES[type]?.[name];
      const target = byRef.get(value.slice(1));
      if (!target) {
        problems.push(`${where}: ${value} is not a record of the sample.`);
        continue;
      }
      if (targetType && target.attributes.type !== targetType) {
        problems.push(`${where}: ${value} is a ${target.attributes.type}; the field points to ${targetType}.`);
      }
      // A tree import resolves references only to records saved by earlier plan entries.
      const targetFile = fileOf.get(value.slice(1));
      if (
        own &&
        own.planIndex >= 0 &&
        targetFile &&
        !(targetFile.planIndex >= 0 && targetFile.planIndex < own.planIndex)
      ) {
        problems.push(`${where}: ${value} must load in an earlier plan entry than ${own.name}.`);
      }
    }
    const required = isCustomObject
      ? [...(object?.fields.values() ?? [])]
          .filter((f) => f.required && !TRIGGER_FILLED_FIELDS.has(`${type}.${f.name}`))
          .map((f) => f.name)
      : (STANDARD_REQUIRED[type] ?? []);
    for (const name of required) {
      if (fields[name] === undefined || fields[name] === null || fields[name] === '') {
        problems.push(`${ref}: ${type}.${name} is required.`);
      }
    }
  }
  problems.push(...ruleProblems(data, byRef));
  return problems;
}

/** What the Map Contact and Influence Link triggers and validation rules would refuse. */
function ruleProblems(data: SampleData, byRef: Map<string, TreeRecord>): string[] {
  const problems: string[] = [];
  const records = allRecords(data);
  const seats = new Set<string>();
  const primaries = new Map<string, string>();
  for (const person of records.filter((r) => r.attributes.type === 'Map_Contact__c')) {
    const f = fieldsOf(person);
    const ref = person.attributes.referenceId;
    const who = f.Contact__c ?? f.User__c ?? null;
    if (f.Contact__c && f.User__c) problems.push(`${ref}: a seat holds a Contact or a User, not both.`);
    if (!who && f.Is_Vacant__c !== true) problems.push(`${ref}: a seat without a Contact or User must be vacant.`);
    if (who) {
      const key = `${String(f.Relationship_Map__c)}:${String(who)}`;
      if (seats.has(key)) problems.push(`${ref}: ${String(who)} is on ${String(f.Relationship_Map__c)} twice.`);
      seats.add(key);
    }
    if (f.Is_Primary_Contact__c === true) {
      const map = String(f.Relationship_Map__c);
      const first = primaries.get(map);
      if (first) problems.push(`${ref}: ${map} already has a primary contact (${first}).`);
      else primaries.set(map, ref);
    }
  }
  const linkKeys = new Set<string>();
  for (const link of records.filter((r) => r.attributes.type === 'Influence_Link__c')) {
    const f = fieldsOf(link);
    const ref = link.attributes.referenceId;
    const from = typeof f.From__c === 'string' ? f.From__c : null;
    const to = typeof f.To__c === 'string' ? f.To__c : null;
    if (!from || !to) {
      problems.push(`${ref}: a link needs both From__c and To__c.`);
      continue;
    }
    if (from === to) problems.push(`${ref}: a person can't influence themselves.`);
    for (const end of [from, to]) {
      const person = byRef.get(end.slice(1));
      if (person && fieldsOf(person).Relationship_Map__c !== f.Relationship_Map__c) {
        problems.push(`${ref}: ${end} is on another map than the link.`);
      }
    }
    const type = typeof f.Type__c === 'string' ? f.Type__c : 'Influences';
    const keys = [`${from}:${to}:${type}`, ...(SYMMETRIC_LINK_TYPES.has(type) ? [`${to}:${from}:${type}`] : [])];
    if (keys.some((k) => linkKeys.has(k))) problems.push(`${ref}: ${from} and ${to} already have a ${type} link.`);
    linkKeys.add(keys[0]);
  }
  return problems;
}
