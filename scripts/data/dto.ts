/**
 * Sample records (tree format) as the controller's DTOs: the one place that knows which
 * Influence_Link__c field feeds which InfluenceLink property, and (through personFields.ts, the
 * tables) which Map_Contact__c field feeds which MapPerson property (the same pairs as
 * RecordDtos.toPerson and toLink).
 */
import type { InfluenceLink, MapPerson } from '../shared/controllerTypes.ts';
import { fieldOf, loadObjectSchema, type ObjectSchema } from './objectMetadata.ts';
import { PERSON_CHECKBOX_FIELDS, PERSON_TEXT_FIELDS } from './personFields.ts';
import { fieldsOf, isReference, type TreeRecord } from './sampleData.ts';

/** Where a reference points, as an Id (or null when the reference is blank). */
export type Resolve = (reference: unknown) => string | null;

/** The people the sample names by reference: the Contact or User behind a seat. */
export interface Snapshot {
  name: string | null;
  title: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const number = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * A Map_Contact__c record as a MapPerson. `snapshot` gives the name and title of the seat's
 * Contact or User: the Map Contact trigger copies them when the record leaves them blank.
 * Picklists left blank get what the platform and the triggers give a new record (the field's
 * default; Unknown for stance and sentiment).
 */
export function personFromRecord(
  record: TreeRecord,
  id: string,
  resolve: Resolve,
  snapshot: (contactOrUserReference: string) => Snapshot | null
): MapPerson {
  const f = fieldsOf(record);
  const person: Record<string, unknown> = { id };
  for (const [field, property] of Object.entries(PERSON_TEXT_FIELDS)) {
    const value = text(f[field]);
    if (value !== null) person[property] = value;
  }
  const who = isReference(f.Contact__c) ? f.Contact__c : isReference(f.User__c) ? f.User__c : null;
  const source = who ? snapshot(who) : null;
  if (!person.name && source?.name) person.name = source.name;
  if (!person.title && source?.title) person.title = source.title;
  person.name ??= '';
  person.contactId = resolve(f.Contact__c);
  person.userId = resolve(f.User__c);
  for (const [field, property] of Object.entries(PERSON_CHECKBOX_FIELDS)) person[property] = f[field] === true;
  person.layoutX = number(f.Layout_X__c);
  person.layoutY = number(f.Layout_Y__c);
  return withInsertDefaults(person as unknown as MapPerson);
}

/** Picklists whose default (object metadata) a new Map Contact gets when the load leaves them blank. */
const DEFAULTED_PICKLISTS = {
  Side__c: 'side',
  Role__c: 'role',
  Authority__c: 'authority',
  Coverage__c: 'coverage',
  Goal_Impact__c: 'goalImpact',
  Communication_Style__c: 'communicationStyle',
} as const satisfies Record<string, keyof MapPerson>;

/** The default value of each defaulted Map Contact picklist, by MapPerson property. */
export function personDefaults(schema: ObjectSchema = loadObjectSchema()): Partial<Record<keyof MapPerson, string>> {
  const defaults: Partial<Record<keyof MapPerson, string>> = {};
  for (const [field, property] of Object.entries(DEFAULTED_PICKLISTS)) {
    const value = fieldOf(schema, 'Map_Contact__c', field).picklist?.find((v) => v.isDefault)?.value;
    if (value) defaults[property] = value;
  }
  return defaults;
}

/**
 * What a new Map Contact holds after insert when the load left fields blank: the picklists'
 * defaults, Unknown for stance and sentiment (the trigger sets it: a global value set has no field
 * default), and the Is_Decision_Maker__c formula.
 */
export function withInsertDefaults<T extends MapPerson>(person: T, schema: ObjectSchema = loadObjectSchema()): T {
  const target = person as Record<string, unknown>;
  for (const [property, value] of Object.entries(personDefaults(schema))) target[property] ??= value;
  person.stance ??= 'Unknown';
  person.sentiment ??= 'Unknown';
  person.isDecisionMaker = isDecisionMakerRole(person.role);
  return person;
}

/** Is_Decision_Maker__c: Role__c is Decision Maker or Economic Buyer. */
export const isDecisionMakerRole = (role: string | null | undefined): boolean =>
  role === 'Decision Maker' || role === 'Economic Buyer';

/** An Influence_Link__c record as an InfluenceLink (blank type and strength get their defaults). */
export function linkFromRecord(record: TreeRecord, id: string, resolve: Resolve): InfluenceLink {
  const f = fieldsOf(record);
  return {
    id,
    fromId: resolve(f.From__c),
    toId: resolve(f.To__c),
    type: (text(f.Type__c) ?? 'Influences') as InfluenceLink['type'],
    strength: (text(f.Strength__c) ?? 'Medium') as InfluenceLink['strength'],
    notes: text(f.Notes__c),
  };
}
