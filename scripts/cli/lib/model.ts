/**
 * The columns of people and links as the CLI reads and writes them: one definition shared by
 * export (CSV headers, JSON keys) and import (validation), named after docs/data-model.md.
 * Picklist values come from force-app (lib/project.ts), never from a copy.
 */
import { picklistValues } from './project.ts';

export type ValueKind = 'picklist' | 'text' | 'longText' | 'boolean' | 'date' | 'number';

export interface ColumnDef {
  /** CSV header. */
  header: string;
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

/** Map Contact fields an import may set (everything a rep edits; not the trigger-kept ones). */
export const PERSON_COLUMNS: readonly ColumnDef[] = [
  { header: 'Side', field: 'Side__c', kind: 'picklist' },
  { header: 'Title', field: 'Title__c', kind: 'text', maxLength: 128 },
  { header: 'Role', field: 'Role__c', kind: 'picklist' },
  { header: 'Authority', field: 'Authority__c', kind: 'picklist' },
  { header: 'Stance', field: 'Stance__c', kind: 'picklist' },
  { header: 'Sentiment', field: 'Sentiment__c', kind: 'picklist' },
  { header: 'Coverage', field: 'Coverage__c', kind: 'picklist' },
  { header: 'Communication Style', field: 'Communication_Style__c', kind: 'picklist' },
  { header: 'Preferred Channel', field: 'Preferred_Channel__c', kind: 'picklist' },
  { header: 'Goal Impact', field: 'Goal_Impact__c', kind: 'picklist' },
  { header: 'Vacant', field: 'Is_Vacant__c', kind: 'boolean' },
  { header: 'Excluded', field: 'Excluded__c', kind: 'boolean' },
  { header: 'Primary Contact', field: 'Is_Primary_Contact__c', kind: 'boolean' },
  { header: 'Last Interaction', field: 'Last_Interaction__c', kind: 'date' },
  { header: 'Layout X', field: 'Layout_X__c', kind: 'number' },
  { header: 'Layout Y', field: 'Layout_Y__c', kind: 'number' },
  { header: 'Relation To Goal', field: 'Relation_To_Goal__c', kind: 'longText', maxLength: 32768 },
  { header: 'Personal Goals', field: 'Personal_Goals__c', kind: 'longText', maxLength: 32768 },
  { header: 'Priorities And Pain Points', field: 'Priorities_Pain_Points__c', kind: 'longText', maxLength: 32768 },
  { header: 'Our Assessment', field: 'Our_Assessment__c', kind: 'longText', maxLength: 32768 },
  { header: 'Needs From Them', field: 'Needs_From_Them__c', kind: 'longText', maxLength: 32768 },
  { header: 'Expected Reaction', field: 'Expected_Reaction__c', kind: 'longText', maxLength: 32768 },
  { header: 'Contingency Plan', field: 'Contingency_Plan__c', kind: 'longText', maxLength: 32768 },
];

/** people.csv columns that say who the person is. */
export const PERSON_IDENTITY_HEADERS = {
  mapContactId: 'Map Contact Id',
  name: 'Name',
  contactId: 'Contact Id',
  userId: 'User Id',
  email: 'Email',
} as const;

/** Read-only Map Contact fields the export carries for the record (ignored by import). */
export const PERSON_READ_ONLY_FIELDS = ['Is_Decision_Maker__c', 'Stance_Changed_At__c', 'Unique_Key__c'] as const;

/** Influence Link fields an import may set, besides its two ends. */
export const LINK_COLUMNS: readonly ColumnDef[] = [
  { header: 'Type', field: 'Type__c', kind: 'picklist' },
  { header: 'Strength', field: 'Strength__c', kind: 'picklist' },
  { header: 'Notes', field: 'Notes__c', kind: 'longText', maxLength: 32768 },
];

/** links.csv columns that say who the two ends are. */
export const LINK_END_HEADERS = {
  linkId: 'Link Id',
  fromMapContactId: 'From Map Contact Id',
  fromName: 'From Name',
  fromPersonId: 'From Person Id',
  fromEmail: 'From Email',
  toMapContactId: 'To Map Contact Id',
  toName: 'To Name',
  toPersonId: 'To Person Id',
  toEmail: 'To Email',
} as const;

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
