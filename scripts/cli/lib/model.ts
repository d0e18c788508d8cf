/**
 * The columns of people and links as the CLI reads and writes them: one definition shared by
 * export (CSV headers, JSON keys) and import (validation), named after docs/data-model.md.
 * Picklist values come from force-app (lib/project.ts), never from a copy.
 */
import {
  LINK_COLUMNS as LINK_CSV_COLUMNS,
  LINK_END_HEADERS,
  PERSON_COLUMNS as PERSON_CSV_COLUMNS,
  PERSON_IDENTITY_HEADERS,
  type LinkColumnKey,
  type PersonColumnKey,
} from '../../../force-app/main/default/lwc/relationshipMapExportFormat/relationshipMapExportFormat.ts';
import { picklistValues } from './project.ts';

export type ValueKind = 'picklist' | 'text' | 'longText' | 'boolean' | 'date' | 'number';

export interface ColumnDef {
  /** CSV header. */
  header: string;
  /** The property of the map's person or link (MapPerson, InfluenceLink) the column holds. */
  key: PersonColumnKey | LinkColumnKey;
  /** API name on the object (also the JSON key). */
  field: string;
  kind: ValueKind;
  /** Longest text the field takes. */
  maxLength?: number;
}

export const MAP_CONTACT = 'Map_Contact__c';
export const INFLUENCE_LINK = 'Influence_Link__c';
export const RELATIONSHIP_MAP = 'Relationship_Map__c';
export const MAP_CONTACT_CHANGE = 'Map_Contact_Change__c';

/** Where each column is stored. */
type FieldsOf<K extends string> = Readonly<Record<K, Omit<ColumnDef, 'header' | 'key'>>>;

/** The export's columns (header and key, in order), each with where it is stored. */
function withFields<K extends ColumnDef['key']>(
  columns: readonly { header: string; key: K }[],
  fields: FieldsOf<K>
): ColumnDef[] {
  return columns.map((c) => ({ header: c.header, key: c.key, ...fields[c.key] }));
}

/**
 * Where each people.csv / links.csv column is stored. The headers and their order are the
 * exports' (c/relationshipMapExportFormat, which the map tab writes with too); this adds the field
 * API name, the kind of value and the longest text, for import.
 */
const PERSON_FIELDS: FieldsOf<PersonColumnKey> = {
  side: { field: 'Side__c', kind: 'picklist' },
  title: { field: 'Title__c', kind: 'text', maxLength: 128 },
  role: { field: 'Role__c', kind: 'picklist' },
  authority: { field: 'Authority__c', kind: 'picklist' },
  stance: { field: 'Stance__c', kind: 'picklist' },
  sentiment: { field: 'Sentiment__c', kind: 'picklist' },
  coverage: { field: 'Coverage__c', kind: 'picklist' },
  communicationStyle: { field: 'Communication_Style__c', kind: 'picklist' },
  preferredChannel: { field: 'Preferred_Channel__c', kind: 'picklist' },
  goalImpact: { field: 'Goal_Impact__c', kind: 'picklist' },
  isVacant: { field: 'Is_Vacant__c', kind: 'boolean' },
  excluded: { field: 'Excluded__c', kind: 'boolean' },
  isPrimaryContact: { field: 'Is_Primary_Contact__c', kind: 'boolean' },
  lastInteraction: { field: 'Last_Interaction__c', kind: 'date' },
  layoutX: { field: 'Layout_X__c', kind: 'number' },
  layoutY: { field: 'Layout_Y__c', kind: 'number' },
  relationToGoal: { field: 'Relation_To_Goal__c', kind: 'longText', maxLength: 32768 },
  personalGoals: { field: 'Personal_Goals__c', kind: 'longText', maxLength: 32768 },
  prioritiesPainPoints: { field: 'Priorities_Pain_Points__c', kind: 'longText', maxLength: 32768 },
  ourAssessment: { field: 'Our_Assessment__c', kind: 'longText', maxLength: 32768 },
  needsFromThem: { field: 'Needs_From_Them__c', kind: 'longText', maxLength: 32768 },
  expectedReaction: { field: 'Expected_Reaction__c', kind: 'longText', maxLength: 32768 },
  contingencyPlan: { field: 'Contingency_Plan__c', kind: 'longText', maxLength: 32768 },
};

/** Map Contact fields an import may set (everything a rep edits; not the trigger-kept ones). */
export const PERSON_COLUMNS: readonly ColumnDef[] = withFields(PERSON_CSV_COLUMNS, PERSON_FIELDS);

/** people.csv columns that say who the person is. */
export { PERSON_IDENTITY_HEADERS };

/** Read-only Map Contact fields the export carries for the record (ignored by import). */
export const PERSON_READ_ONLY_FIELDS = ['Is_Decision_Maker__c', 'Stance_Changed_At__c', 'Unique_Key__c'] as const;

const LINK_FIELDS: FieldsOf<LinkColumnKey> = {
  type: { field: 'Type__c', kind: 'picklist' },
  strength: { field: 'Strength__c', kind: 'picklist' },
  notes: { field: 'Notes__c', kind: 'longText', maxLength: 32768 },
};

/** Influence Link fields an import may set, besides its two ends. */
export const LINK_COLUMNS: readonly ColumnDef[] = withFields(LINK_CSV_COLUMNS, LINK_FIELDS);

/** links.csv columns that say who the two ends are. */
export { LINK_END_HEADERS };

/** Link types the map reads both ways: A–B and B–A are the same link (InfluenceLinkValidator). */
export const TWO_WAY_LINK_TYPES: ReadonlySet<string> = new Set(['Ally', 'Relationship', 'Conflict']);

/** Picklist values of a column, from force-app. */
export function allowedValues(objectName: string, column: ColumnDef): readonly string[] {
  return picklistValues(objectName, column.field);
}

/** The Map Contact fields a query reads for export and import (every column, plus identity). */
export const PERSON_QUERY_FIELDS: readonly string[] = [
  'Id',
  'Name',
  'Relationship_Map__c',
  'Contact__c',
  'Contact__r.Email',
  'User__c',
  'User__r.Email',
  ...PERSON_COLUMNS.map((c) => c.field),
  ...PERSON_READ_ONLY_FIELDS,
];

export const LINK_QUERY_FIELDS: readonly string[] = [
  'Id',
  'Name',
  'Relationship_Map__c',
  'From__c',
  'From__r.Name',
  'From__r.Contact__c',
  'From__r.User__c',
  'From__r.Contact__r.Email',
  'From__r.User__r.Email',
  'To__c',
  'To__r.Name',
  'To__r.Contact__c',
  'To__r.User__c',
  'To__r.Contact__r.Email',
  'To__r.User__r.Email',
  ...LINK_COLUMNS.map((c) => c.field),
  'Unique_Key__c',
];
