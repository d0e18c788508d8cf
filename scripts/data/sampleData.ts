/**
 * The sample data, loaded once for everything that uses it: the local preview's store, the
 * `seed` command and the tests. It lives in data/ in the `sf data tree import` format (a plan
 * file and one JSON file per sObject), plus data/our-team.json for our own people, whom a tree
 * import cannot create (they are Users). See data/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, 'data');

/** A field value in a tree file: `@ref` strings are references to another record's referenceId. */
export type FieldValue = string | number | boolean | null;

/** One record of a tree file. */
export interface TreeRecord {
  attributes: { type: string; referenceId: string };
  [field: string]: FieldValue | { type: string; referenceId: string };
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
}

export interface SampleData {
  meta: SampleMeta;
  /** Plan records, in plan order (each file's records in file order). */
  records: TreeRecord[];
  /** Our people (Users) and their map rows and links, from our-team.json. */
  team: { users: TreeRecord[]; people: TreeRecord[]; links: TreeRecord[] };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Whether a value is a reference (`@ReferenceId`). */
export const isReference = (value: unknown): value is string => typeof value === 'string' && value.startsWith('@');

/** Fields of a record without its `attributes`. */
export function fieldsOf(record: TreeRecord): Record<string, FieldValue> {
  const { attributes: _attributes, ...fields } = record;
  return fields as Record<string, FieldValue>;
}

/**
 * Loads the plan and the team file. With `shiftTo`, every date and date-time moves by the days
 * between `meta.asOf` and that day, so "stale" and "recent" people keep their meaning whenever the
 * data is loaded.
 */
export function loadSampleData(dataDir = DEFAULT_DATA_DIR, shiftTo?: Date): SampleData {
  const meta = readJson<SampleMeta>(path.join(dataDir, 'sample-meta.json'));
  const plan = readJson<PlanEntry[]>(path.join(dataDir, 'sample-plan.json'));
  const records: TreeRecord[] = [];
  for (const entry of plan) {
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
    }
  }
  const teamFile = readJson<Record<string, { records: TreeRecord[] }>>(path.join(dataDir, 'our-team.json'));
  const team = {
    users: teamFile.User?.records ?? [],
    people: teamFile.Map_Contact__c?.records ?? [],
    links: teamFile.Influence_Link__c?.records ?? [],
  };
  const data: SampleData = { meta, records, team };
  if (shiftTo) {
    const days = daysBetween(meta.asOf, shiftTo);
    for (const record of [...records, ...team.users, ...team.people, ...team.links]) shiftDates(record, days);
  }
  return data;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/** Whole days from `asOf` (YYYY-MM-DD) to `day` (UTC calendar days). */
export function daysBetween(asOf: string, day: Date): number {
  const from = Date.parse(`${asOf}T00:00:00Z`);
  const to = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return Math.round((to - from) / 86_400_000);
}

function shiftDates(record: TreeRecord, days: number): void {
  for (const [field, value] of Object.entries(fieldsOf(record))) {
    if (typeof value !== 'string') continue;
    if (DATE.test(value)) {
      record[field] = new Date(Date.parse(`${value}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    } else if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      record[field] = new Date(Date.parse(value) + days * 86_400_000).toISOString();
    }
  }
}

/** Records of one sObject type. */
export const recordsOf = (data: SampleData, type: string): TreeRecord[] =>
  data.records.filter((r) => r.attributes.type === type);
