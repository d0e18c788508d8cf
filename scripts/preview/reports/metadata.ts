/**
 * What the reports page reads from force-app: every field of the project's objects with what a
 * report needs to compute it (type, label, formula and how it treats blanks, lookup target and
 * relationship name, roll-up summary definition), plus the few standard fields the reports,
 * list views and formulas name (Id, Name, CreatedDate, LastModifiedDate, Account.OwnerId, …).
 *
 * Read once per process from the metadata files that deploy, so a changed formula or roll-up
 * filter shows on the page without anyone copying it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../../shared/project.mjs';

export const DEFAULT_ROOT = path.join(REPO_ROOT, 'force-app', 'main', 'default');

/** A filter item of a roll-up summary (`summaryFilterItems`). */
export interface SummaryFilterItem {
  /** `Object.Field`, e.g. Map_Contact__c.Role__c. */
  field: string;
  operation: string;
  value: string;
}

export interface FieldDef {
  object: string;
  name: string;
  label: string;
  /** Metadata API type (Text, Picklist, Checkbox, Date, DateTime, Number, Percent, Lookup, MasterDetail, Summary, …). */
  type: string;
  formula?: string;
  /** BlankAsZero (the platform's default) or BlankAsBlank. */
  treatBlanksAs?: string;
  referenceTo?: string;
  /** Lookup/master-detail: the child relationship name (e.g. Map_Contacts for Relationship_Map__c). */
  relationshipName?: string;
  summary?: {
    foreignKey: string;
    operation: string;
    summarizedField?: string;
    filters: SummaryFilterItem[];
  };
}

export interface ObjectDefs {
  /** Fields by API name, standard ones included. */
  fields: Map<string, Map<string, FieldDef>>;
  /** Where the metadata was read from. */
  root: string;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'summaryFilterItems',
});

/** Standard fields every object has, and the ones the project's metadata names on standard objects. */
const STANDARD_FIELDS: Record<string, [string, string, string, string?][]> = {
  '*': [
    ['Id', 'Record ID', 'Id'],
    ['CreatedDate', 'Created Date', 'DateTime'],
    ['LastModifiedDate', 'Last Modified Date', 'DateTime'],
  ],
  Account: [
    ['Name', 'Account Name', 'Text'],
    ['OwnerId', 'Account Owner', 'Lookup', 'User'],
    ['AccountNumber', 'Account Number', 'Text'],
    ['Type', 'Type', 'Picklist'],
    ['Industry', 'Industry', 'Picklist'],
    ['Rating', 'Rating', 'Picklist'],
    ['Site', 'Account Site', 'Text'],
    ['BillingCity', 'Billing City', 'Text'],
  ],
  User: [['Name', 'Full Name', 'Text']],
  Contact: [
    ['Name', 'Full Name', 'Text'],
    ['Title', 'Title', 'Text'],
    ['AccountId', 'Account', 'Lookup', 'Account'],
  ],
};

function standardFields(object: string): FieldDef[] {
  return [...STANDARD_FIELDS['*'], ...(STANDARD_FIELDS[object] ?? [])].map(([name, label, type, referenceTo]) => ({
    object,
    name,
    label,
    type,
    ...(referenceTo ? { referenceTo } : {}),
  }));
}

type Raw = Record<string, unknown>;
const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v === ''
      ? undefined
      : v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;

function readField(object: string, file: string): FieldDef {
  const raw = (xml.parse(readFileSync(file, 'utf8')) as { CustomField: Raw }).CustomField;
  const field: FieldDef = {
    object,
    name: String(raw.fullName),
    label: str(raw.label) ?? String(raw.fullName),
    type: str(raw.type) ?? (raw.formula !== undefined ? 'Text' : ''),
  };
  const formula = str(raw.formula);
  if (formula !== undefined) {
    field.formula = formula;
    field.treatBlanksAs = str(raw.formulaTreatBlanksAs) ?? 'BlankAsZero';
  }
  const referenceTo = str(raw.referenceTo);
  if (referenceTo) field.referenceTo = referenceTo;
  const relationshipName = str(raw.relationshipName);
  if (relationshipName) field.relationshipName = relationshipName;
  if (field.type === 'Summary') {
    const items = (raw.summaryFilterItems as Raw[] | undefined) ?? [];
    field.summary = {
      foreignKey: str(raw.summaryForeignKey) ?? '',
      operation: str(raw.summaryOperation) ?? '',
      ...(str(raw.summarizedField) ? { summarizedField: str(raw.summarizedField) } : {}),
      filters: items.map((item) => ({
        field: str(item.field) ?? '',
        operation: str(item.operation) ?? '',
        value: str(item.value) ?? '',
      })),
    };
  }
  return field;
}

function nameField(object: string, objectDir: string): FieldDef | undefined {
  const file = path.join(objectDir, `${object}.object-meta.xml`);
  if (!existsSync(file)) return undefined;
  const raw = xml.parse(readFileSync(file, 'utf8')) as { CustomObject?: { nameField?: Raw } };
  const name = raw.CustomObject?.nameField;
  if (!name) return undefined;
  return { object, name: 'Name', label: str(name.label) ?? 'Name', type: str(name.type) ?? 'Text' };
}

const cache = new Map<string, ObjectDefs>();

/** Every object folder under `<root>/objects`, with standard fields added. Cached per root. */
export function loadObjectDefs(root = DEFAULT_ROOT): ObjectDefs {
  const cached = cache.get(root);
  if (cached) return cached;
  const fields = new Map<string, Map<string, FieldDef>>();
  const objectsDir = path.join(root, 'objects');
  const objects = new Set([...readdirSync(objectsDir), ...Object.keys(STANDARD_FIELDS).filter((o) => o !== '*')]);
  for (const object of [...objects].sort()) {
    const byName = new Map<string, FieldDef>();
    for (const field of standardFields(object)) byName.set(field.name, field);
    const objectDir = path.join(objectsDir, object);
    const name = existsSync(objectDir) ? nameField(object, objectDir) : undefined;
    if (name) byName.set('Name', name);
    const fieldsDir = path.join(objectDir, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()) {
        const field = readField(object, path.join(fieldsDir, file));
        byName.set(field.name, field);
      }
    }
    fields.set(object, byName);
  }
  const defs = { fields, root };
  cache.set(root, defs);
  return defs;
}

/** A field, or an error naming what is missing (a report or formula names a field nobody defined). */
export function fieldDef(defs: ObjectDefs, object: string, name: string): FieldDef {
  const found = defs.fields.get(object)?.get(name);
  if (!found)
    throw new ReportError(`${object}.${name} is not a field the preview knows (force-app/main/default/objects).`);
  return found;
}

/** The lookup field whose relationship is `relationship` (`Relationship_Map__r` → Relationship_Map__c). */
export function lookupByRelationship(defs: ObjectDefs, object: string, relationship: string): FieldDef {
  if (relationship === 'Owner' && object === 'Account') return fieldDef(defs, object, 'OwnerId');
  const field = fieldDef(defs, object, relationship.replace(/__r$/, '__c'));
  if (!field.referenceTo)
    throw new ReportError(`${object}.${field.name} is not a lookup, so ${relationship} names nothing.`);
  return field;
}

/** The child object and its lookup field behind a child relationship (`Map_Contacts__r` on Relationship_Map__c). */
export function childRelationship(defs: ObjectDefs, parent: string, relationship: string): FieldDef {
  const name = relationship.replace(/__r$/, '');
  for (const fields of defs.fields.values()) {
    for (const field of fields.values()) {
      if (field.referenceTo === parent && field.relationshipName === name) return field;
    }
  }
  throw new ReportError(`No lookup to ${parent} has the child relationship ${relationship}.`);
}

/**
 * Something in a report, list view or formula that the preview does not interpret. It is refused
 * rather than guessed at, so the page never shows rows that an org would not.
 */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}
