/**
 * The export.json format: one map with its people, links and change log, as `export` writes it
 * and `import` reads it back. Field keys are the API names of docs/data-model.md; a few readable
 * extras (names and emails) ride along for people reading the file.
 */
import { PERSON_COLUMNS, PERSON_READ_ONLY_FIELDS } from './model.ts';
import { text, type SObjectRow } from './query.ts';

export const EXPORT_FORMAT = 'relationship-maps-export';
export const EXPORT_VERSION = 1;

export type JsonValue = string | number | boolean | null;

export interface ExportedMap {
  Id: string;
  Name: string | null;
  Account__c: string | null;
  accountName: string | null;
  Goal__c: string | null;
  Account_Goal__c: string | null;
  Status__c: string | null;
  Target_Date__c: string | null;
  Last_Reviewed__c: string | null;
  People_Count__c: number | null;
  Decision_Maker_Count__c: number | null;
  Unsupported_Decision_Maker_Count__c: number | null;
}

/** A person: identity, every editable field by API name, and the read-only ones for the record. */
export type ExportedPerson = {
  Id: string;
  Name: string | null;
  Contact__c: string | null;
  User__c: string | null;
  /** The Contact's or User's email. */
  Email: string | null;
} & Record<string, JsonValue>;

export interface ExportedLink {
  Id: string;
  Name: string | null;
  From__c: string | null;
  fromName: string | null;
  To__c: string | null;
  toName: string | null;
  Type__c: string | null;
  Strength__c: string | null;
  Notes__c: string | null;
  Unique_Key__c: string | null;
}

export type ExportedChange = Record<string, JsonValue>;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  map: ExportedMap;
  people: ExportedPerson[];
  links: ExportedLink[];
  changes: ExportedChange[];
}

export const MAP_FIELDS = [
  'Id',
  'Name',
  'Account__c',
  'Account__r.Name',
  'Goal__c',
  'Account_Goal__c',
  'Status__c',
  'Target_Date__c',
  'Last_Reviewed__c',
  'People_Count__c',
  'Decision_Maker_Count__c',
  'Unsupported_Decision_Maker_Count__c',
] as const;

export const CHANGE_FIELDS = [
  'Id',
  'Name',
  'Relationship_Map__c',
  'Map_Contact__c',
  'Contact__c',
  'Person_Name__c',
  'Field__c',
  'Old_Value__c',
  'New_Value__c',
  'Changed_By__c',
  'Changed_By__r.Name',
  'Changed_At__c',
  'Source__c',
  'Activity_Id__c',
  'Note__c',
] as const;

function plain(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function mapOf(row: SObjectRow): ExportedMap {
  return {
    Id: row.Id,
    Name: text(row, 'Name') ?? null,
    Account__c: text(row, 'Account__c') ?? null,
    accountName: text(row, 'Account__r', 'Name') ?? null,
    Goal__c: text(row, 'Goal__c') ?? null,
    Account_Goal__c: text(row, 'Account_Goal__c') ?? null,
    Status__c: text(row, 'Status__c') ?? null,
    Target_Date__c: text(row, 'Target_Date__c') ?? null,
    Last_Reviewed__c: text(row, 'Last_Reviewed__c') ?? null,
    People_Count__c: num(row.People_Count__c),
    Decision_Maker_Count__c: num(row.Decision_Maker_Count__c),
    Unsupported_Decision_Maker_Count__c: num(row.Unsupported_Decision_Maker_Count__c),
  };
}

export function personOf(row: SObjectRow): ExportedPerson {
  const person: ExportedPerson = {
    Id: row.Id,
    Name: text(row, 'Name') ?? null,
    Contact__c: text(row, 'Contact__c') ?? null,
    User__c: text(row, 'User__c') ?? null,
    Email: text(row, 'Contact__r', 'Email') ?? text(row, 'User__r', 'Email') ?? null,
  };
  for (const column of PERSON_COLUMNS) person[column.field] = plain(row[column.field]);
  for (const field of PERSON_READ_ONLY_FIELDS) person[field] = plain(row[field]);
  return person;
}

export function linkOf(row: SObjectRow): ExportedLink {
  return {
    Id: row.Id,
    Name: text(row, 'Name') ?? null,
    From__c: text(row, 'From__c') ?? null,
    fromName: text(row, 'From__r', 'Name') ?? null,
    To__c: text(row, 'To__c') ?? null,
    toName: text(row, 'To__r', 'Name') ?? null,
    Type__c: text(row, 'Type__c') ?? null,
    Strength__c: text(row, 'Strength__c') ?? null,
    Notes__c: text(row, 'Notes__c') ?? null,
    Unique_Key__c: text(row, 'Unique_Key__c') ?? null,
  };
}

export function changeOf(row: SObjectRow): ExportedChange {
  const change: ExportedChange = {};
  for (const field of CHANGE_FIELDS) {
    if (field === 'Changed_By__r.Name') change.changedByName = text(row, 'Changed_By__r', 'Name') ?? null;
    else change[field] = plain(row[field]);
  }
  return change;
}
