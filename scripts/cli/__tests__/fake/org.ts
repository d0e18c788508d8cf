/**
 * An in-memory org for the CLI tests: the project's objects with their fields (read from
 * force-app, so a misspelt field fails here as in an org), Ids with real key prefixes and
 * checksums, SOQL through soql.ts, transactions with rollback, and the parts of our triggers the
 * CLI relies on (Unique_Key__c, defaults, duplicate and link rules, name snapshots, the change log
 * with Source "Import" only for Bulk API saves).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matches, parseSoql, soqlEquals, sortRows } from './soql.ts';

const OBJECTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../force-app/main/default/objects'
);

type Rec = Record<string, unknown> & { Id: string; IsDeleted: boolean };

interface ObjectSchema {
  prefix: string;
  fields: Set<string>;
  /** relationship name → lookup field and target object */
  references: Record<string, { field: string; target: string }>;
}

function customFields(objectName: string): string[] {
  return readdirSync(path.join(OBJECTS_DIR, objectName, 'fields')).map((f) => f.replace('.field-meta.xml', ''));
}

const SYSTEM_FIELDS = ['Id', 'IsDeleted', 'CreatedDate', 'LastModifiedDate'];
/** The fields Task and Event share (seed writes them on both). */
const ACTIVITY_FIELDS = [...SYSTEM_FIELDS, 'Subject', 'OwnerId', 'WhoId', 'WhatId', 'ActivityDate', 'Description'];

function schemaOf(): Record<string, ObjectSchema> {
  const custom = (name: string, prefix: string, references: ObjectSchema['references']): ObjectSchema => ({
    prefix,
    fields: new Set([...SYSTEM_FIELDS, 'Name', ...customFields(name)]),
    references,
  });
  const map = { Relationship_Map__r: { field: 'Relationship_Map__c', target: 'Relationship_Map__c' } };
  return {
    Account: {
      prefix: '001',
      fields: new Set([
        ...SYSTEM_FIELDS,
        'Name',
        'Industry',
        'Type',
        'Phone',
        'BillingStreet',
        'BillingCity',
        'BillingState',
        'BillingPostalCode',
        'BillingCountry',
        'NumberOfEmployees',
        'AnnualRevenue',
        'Website',
        'Description',
        'OwnerId',
      ]),
      references: {},
    },
    Contact: {
      prefix: '003',
      fields: new Set([
        ...SYSTEM_FIELDS,
        'Name',
        'Salutation',
        'FirstName',
        'LastName',
        'Email',
        'Title',
        'Department',
        'Phone',
        'MobilePhone',
        'MailingCity',
        'MailingCountry',
        'Description',
        'AccountId',
        'ReportsToId',
        'OwnerId',
      ]),
      references: {
        Account: { field: 'AccountId', target: 'Account' },
        ReportsTo: { field: 'ReportsToId', target: 'Contact' },
      },
    },
    User: {
      prefix: '005',
      fields: new Set([...SYSTEM_FIELDS, 'Name', 'FirstName', 'LastName', 'Email', 'Title', 'Username', 'IsActive']),
      references: {},
    },
    // Activities (seed loads the sample's calls, meetings and emails) and the Status picklist's values.
    Task: {
      prefix: '00T',
      fields: new Set([...ACTIVITY_FIELDS, 'TaskSubtype', 'Status']),
      references: {},
    },
    Event: {
      prefix: '00U',
      fields: new Set([...ACTIVITY_FIELDS, 'IsAllDayEvent', 'StartDateTime', 'EndDateTime', 'DurationInMinutes']),
      references: {},
    },
    TaskStatus: {
      prefix: '01J',
      fields: new Set([...SYSTEM_FIELDS, 'ApiName', 'MasterLabel', 'IsClosed', 'SortOrder']),
      references: {},
    },
    Relationship_Map__c: custom('Relationship_Map__c', 'a0A', {
      Account__r: { field: 'Account__c', target: 'Account' },
    }),
    Map_Contact__c: custom('Map_Contact__c', 'a0B', {
      ...map,
      Contact__r: { field: 'Contact__c', target: 'Contact' },
      User__r: { field: 'User__c', target: 'User' },
    }),
    Influence_Link__c: custom('Influence_Link__c', 'a0C', {
      ...map,
      From__r: { field: 'From__c', target: 'Map_Contact__c' },
      To__r: { field: 'To__c', target: 'Map_Contact__c' },
    }),
    Map_Contact_Change__c: custom('Map_Contact_Change__c', 'a0D', {
      ...map,
      Map_Contact__r: { field: 'Map_Contact__c', target: 'Map_Contact__c' },
      Contact__r: { field: 'Contact__c', target: 'Contact' },
      Changed_By__r: { field: 'Changed_By__c', target: 'User' },
    }),
  };
}

/** Text of a field value (the fake stores what the API sent: strings, numbers, booleans). */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** A save error as the REST API reports it. */
export class RecordError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: string[] = []
  ) {
    super(message);
  }
}

/** Where a save came from: the change log's Source follows it, as ChangeLogContext does. */
export type SaveChannel = 'rest' | 'bulk';

const TWO_WAY = new Set(['Ally', 'Relationship', 'Conflict']);
const TRACKED: Record<string, string> = {
  Stance__c: 'Stance',
  Sentiment__c: 'Sentiment',
  Role__c: 'Role',
  Authority__c: 'Authority',
  Coverage__c: 'Coverage',
  Goal_Impact__c: 'Goal Impact',
  Title__c: 'Title',
  Is_Vacant__c: 'Vacant',
};
const MAP_CONTACT_DEFAULTS: Record<string, unknown> = {
  Side__c: 'Customer',
  Role__c: 'Unknown',
  Authority__c: 'Unknown',
  Coverage__c: 'None',
  Communication_Style__c: 'Unknown',
  Goal_Impact__c: 'Unknown',
  Stance__c: 'Unknown',
  Sentiment__c: 'Unknown',
  Is_Vacant__c: false,
  Excluded__c: false,
  Is_Primary_Contact__c: false,
};

/** The case-safe 18-character form (written here independently of the CLI's own lib/ids.ts). */
export function fakeId18(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let c = 0; c < 3; c++) {
    let n = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[c * 5 + i])) n += 2 ** i;
    suffix += alphabet[n];
  }
  return id15 + suffix;
}

const DUPLICATE_LINK = 'This link already exists on the map.';

export class FakeOrg {
  readonly schema = schemaOf();
  private records = new Map<string, Map<string, Rec>>();
  private counter = 0;
  private autoNumbers = new Map<string, number>();
  private clock = Date.parse('2026-11-01T09:00:00Z');
  /** Tests make the org reject chosen records (a validation rule, a locked row). */
  rejectWhen: (objectName: string, record: Readonly<Record<string, unknown>>) => string | undefined = () => undefined;
  /** The user the API runs as (Changed_By__c). */
  currentUserId: string;

  constructor() {
    for (const name of Object.keys(this.schema)) this.records.set(name, new Map());
    this.currentUserId = this.insert('User', {
      FirstName: 'Integration',
      LastName: 'User',
      Email: 'integration@ourcompany.example.com',
      IsActive: true,
    });
    // A Status picklist whose first closed value is not "Completed", so code that names a status fails here.
    const statuses: [string, boolean][] = [
      ['Not Started', false],
      ['In Progress', false],
      ['Done', true],
      ['Completed', true],
    ];
    statuses.forEach(([name, closed], i) =>
      this.insert('TaskStatus', { ApiName: name, MasterLabel: name, IsClosed: closed, SortOrder: i + 1 })
    );
  }

  private table(objectName: string): Map<string, Rec> {
    const table = this.records.get(objectName);
    if (!table) throw new RecordError('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);
    return table;
  }

  private newId(objectName: string): string {
    this.counter++;
    // Letters of both cases in the body, so that 15 → 18 conversions and checksums are exercised.
    const body = (this.counter * 104_729 + 916_132_831).toString(36);
    const mixed = [...body].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    return fakeId18(`${this.schema[objectName].prefix}${'0'.repeat(12 - mixed.length)}${mixed}`);
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('Z', '+0000');
  }

  keyPrefix(objectName: string): string {
    return this.schema[objectName]?.prefix ?? '';
  }

  /** Every record of an object (deleted ones too), for assertions. */
  all(objectName: string, includeDeleted = false): Rec[] {
    return [...this.table(objectName).values()]
      .filter((r) => includeDeleted || !r.IsDeleted)
      .map((r) => ({ ...r, ...this.derived(objectName, r) }));
  }

  get(objectName: string, id: string): Rec | undefined {
    const rec = this.find(objectName, id);
    return rec ? { ...rec, ...this.derived(objectName, rec) } : undefined;
  }

  find(objectName: string, id: string): Rec | undefined {
    if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) return undefined;
    return this.table(objectName).get(fakeId18(id.slice(0, 15)));
  }

  /** Finds which object an Id belongs to, by prefix. */
  objectOf(id: string): string | undefined {
    return Object.entries(this.schema).find(([, s]) => id.startsWith(s.prefix))?.[0];
  }

  // ── transactions ───────────────────────────────────────────────────────────────────────────────

  /** Runs fn; on an exception every change it made is undone. */
  transaction<T>(fn: () => T): T {
    const saved = new Map(
      [...this.records].map(([name, table]) => [name, new Map([...table].map(([id, r]) => [id, structuredClone(r)]))])
    );
    const counters = { counter: this.counter, autoNumbers: new Map(this.autoNumbers) };
    try {
      return fn();
    } catch (error) {
      this.records = saved;
      this.counter = counters.counter;
      this.autoNumbers = counters.autoNumbers;
      throw error;
    }
  }

  // ── writes ─────────────────────────────────────────────────────────────────────────────────────

  /** Replaces relationship-by-external-Id values (`From__r: {Unique_Key__c}` or `From__r.Unique_Key__c`) with Ids. */
  private resolveExternalIds(objectName: string, fields: Record<string, unknown>): Record<string, unknown> {
    const schema = this.schema[objectName];
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      const dotted = /^(\w+__r|\w+)\.(\w+)$/.exec(name);
      const nested =
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'attributes')
          : undefined;
      const relation = dotted ? dotted[1] : nested ? name : undefined;
      if (relation === undefined) {
        out[name] = value;
        continue;
      }
      const reference = schema.references[relation];
      if (!reference) throw new RecordError('INVALID_FIELD', `No such column '${name}' on entity '${objectName}'.`);
      const [externalField, externalValue] = dotted ? [dotted[2], value] : (nested?.[0] ?? ['', null]);
      if (externalValue === null || externalValue === '' || externalValue === undefined) continue;
      const target = [...this.table(reference.target).values()].find(
        (r) => !r.IsDeleted && soqlEquals(r[externalField], externalValue as string)
      );
      if (!target) {
        throw new RecordError(
          'INVALID_FIELD',
          `Foreign key external ID: ${str(externalValue)} not found for field ${externalField} in entity ${reference.target}`
        );
      }
      out[reference.field] = target.Id;
    }
    return out;
  }

  private checkFields(objectName: string, fields: Record<string, unknown>): void {
    for (const name of Object.keys(fields)) {
      if (name === 'attributes') continue;
      if (!this.schema[objectName].fields.has(name))
        throw new RecordError('INVALID_FIELD', `No such column '${name}' on sobject of type ${objectName}`, [name]);
    }
  }

  insert(objectName: string, rawFields: Record<string, unknown>, channel: SaveChannel = 'rest'): string {
    const { attributes: _a, ...given } = rawFields;
    const fields = this.resolveExternalIds(objectName, given);
    this.checkFields(objectName, fields);
    const record: Rec = { ...fields, Id: this.newId(objectName), IsDeleted: false, CreatedDate: this.now() };
    this.beforeSave(objectName, record, undefined);
    const rejection = this.rejectWhen(objectName, record);
    if (rejection) throw new RecordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rejection);
    this.table(objectName).set(record.Id, record);
    this.afterSave(objectName, record, undefined, channel);
    return record.Id;
  }

  update(objectName: string, id: string, rawFields: Record<string, unknown>, channel: SaveChannel = 'rest'): void {
    const { attributes: _a, Id: _id, ...given } = rawFields;
    const old = this.find(objectName, id);
    if (!old || old.IsDeleted) throw new RecordError('ENTITY_IS_DELETED', 'entity is deleted');
    const fields = this.resolveExternalIds(objectName, given);
    this.checkFields(objectName, fields);
    if ('Relationship_Map__c' in fields && !soqlEquals(old.Relationship_Map__c, fields.Relationship_Map__c as string)) {
      throw new RecordError('FIELD_INTEGRITY_EXCEPTION', 'You cannot reparent this record (Master-Detail).', [
        'Relationship_Map__c',
      ]);
    }
    const record: Rec = { ...old, ...fields, Id: old.Id, IsDeleted: false };
    this.beforeSave(objectName, record, old);
    const rejection = this.rejectWhen(objectName, record);
    if (rejection) throw new RecordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rejection);
    this.table(objectName).set(record.Id, record);
    this.afterSave(objectName, record, old, channel);
  }

  /** Soft delete (recycle bin); lookups set null on delete are cleared, as the platform does. */
  delete(objectName: string, id: string): void {
    const record = this.find(objectName, id);
    if (!record) throw new RecordError('ENTITY_IS_DELETED', 'entity is deleted');
    record.IsDeleted = true;
    if (objectName === 'Contact') {
      for (const table of [this.table('Map_Contact__c'), this.table('Map_Contact_Change__c')]) {
        for (const r of table.values()) if (soqlEquals(r.Contact__c, record.Id)) r.Contact__c = null;
      }
    }
  }

  /** Changes fields without triggers (an admin's data fix, a deactivated user). */
  setRaw(objectName: string, id: string, fields: Record<string, unknown>): void {
    const record = this.find(objectName, id);
    if (!record) throw new Error(`no ${objectName} ${id}`);
    Object.assign(record, fields);
  }

  private autoNumber(objectName: string, prefix: string, width: number): string {
    const n = (this.autoNumbers.get(objectName) ?? 0) + 1;
    this.autoNumbers.set(objectName, n);
    return `${prefix}${String(n).padStart(width, '0')}`;
  }

  private nameOf(objectName: string, id: unknown): string | undefined {
    if (typeof id !== 'string') return undefined;
    const r = this.find(objectName, id);
    return r ? str(this.derived(objectName, r).Name) : undefined;
  }

  private beforeSave(objectName: string, record: Rec, old: Rec | undefined): void {
    if (objectName === 'Contact' && !record.LastName)
      throw new RecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', ['LastName']);
    if (objectName === 'Account' && !record.Name)
      throw new RecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Name]', ['Name']);
    if (objectName === 'Relationship_Map__c') {
      if (!old) record.Status__c ??= 'Draft';
      if (!record.Goal__c)
        throw new RecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Goal__c]', ['Goal__c']);
    }
    if (objectName === 'Task' && record.Status !== undefined && record.Status !== null) {
      const known = [...this.table('TaskStatus').values()].some((t) => soqlEquals(t.ApiName, str(record.Status)));
      if (!known)
        throw new RecordError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `Status: bad value for restricted picklist field: ${str(record.Status)}`,
          ['Status']
        );
    }
    if (objectName === 'Event' && record.IsAllDayEvent !== true && !record.StartDateTime)
      throw new RecordError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [StartDateTime]', [
        'StartDateTime',
      ]);
    if (objectName === 'Map_Contact__c') this.mapContactRules(record, old);
    if (objectName === 'Influence_Link__c') this.linkRules(record, old);
  }

  private mapContactRules(record: Rec, old: Rec | undefined): void {
    if (!old)
      for (const [field, value] of Object.entries(MAP_CONTACT_DEFAULTS))
        if (record[field] === undefined || record[field] === null) record[field] = value;
    const hasContact = !!record.Contact__c;
    const hasUser = !!record.User__c;
    if (hasContact && hasUser)
      throw new RecordError(
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'Choose either a Contact or a User, not both: a person on the map is one or the other.'
      );
    if (!hasContact && !hasUser && record.Is_Vacant__c !== true) {
      const orphan = old && !old.Contact__c && !old.User__c && old.Is_Vacant__c !== true;
      if (!orphan)
        throw new RecordError(
          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          'Choose who this is: a Contact (customer, partner or consultant) or a User (one of our people). To keep an empty seat, mark it Vacant.'
        );
      record.Is_Vacant__c = true;
    }
    const person = (record.Contact__c ?? record.User__c) as string | null | undefined;
    if (person && (!record.Name || (old && old.Contact__c !== record.Contact__c))) {
      record.Name = this.nameOf(hasContact ? 'Contact' : 'User', person) ?? record.Name;
      if (!record.Title__c) record.Title__c = this.find(hasContact ? 'Contact' : 'User', person)?.Title ?? null;
    }
    const key =
      person && record.Relationship_Map__c
        ? `${fakeId18((record.Relationship_Map__c as string).slice(0, 15))}:${fakeId18(person.slice(0, 15))}`
        : null;
    record.Unique_Key__c = key;
    if (key) {
      const clash = [...this.table('Map_Contact__c').values()].find(
        (r) => !r.IsDeleted && r.Id !== record.Id && soqlEquals(r.Unique_Key__c, key)
      );
      if (clash)
        throw new RecordError(
          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          `${str(record.Name) || 'This person'} is already on this map. Open their entry instead of adding them again.`
        );
    }
  }

  private linkRules(record: Rec, old: Rec | undefined): void {
    if (!old) {
      record.Type__c ??= 'Influences';
      record.Strength__c ??= 'Medium';
      record.Name = this.autoNumber('Influence_Link__c', 'IL-', 6);
    }
    if (!record.From__c || !record.To__c)
      throw new RecordError(
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'Choose both people: who influences (From) and who is influenced (To).'
      );
    if (soqlEquals(record.From__c, record.To__c as string))
      throw new RecordError(
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        "A person can't influence themselves. Choose a different person in To.",
        ['To__c']
      );
    const from = this.find('Map_Contact__c', record.From__c as string);
    const to = this.find('Map_Contact__c', record.To__c as string);
    if (
      !from ||
      !to ||
      !soqlEquals(from.Relationship_Map__c, record.Relationship_Map__c as string) ||
      !soqlEquals(to.Relationship_Map__c, record.Relationship_Map__c as string)
    ) {
      throw new RecordError(
        'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        'Both people must be on this relationship map. Add the person to the map first, then link them.'
      );
    }
    const type = str(record.Type__c);
    const key = `${fakeId18(from.Id.slice(0, 15))}:${fakeId18(to.Id.slice(0, 15))}:${type}`;
    const reverse = `${fakeId18(to.Id.slice(0, 15))}:${fakeId18(from.Id.slice(0, 15))}:${type}`;
    record.Unique_Key__c = key;
    const clash = [...this.table('Influence_Link__c').values()].find(
      (r) =>
        !r.IsDeleted &&
        r.Id !== record.Id &&
        (soqlEquals(r.Unique_Key__c, key) || (TWO_WAY.has(type) && soqlEquals(r.Unique_Key__c, reverse)))
    );
    if (clash) throw new RecordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', DUPLICATE_LINK);
  }

  /** Side effects on other records, after every check passed (so a rejected save changes nothing). */
  private afterSave(objectName: string, record: Rec, old: Rec | undefined, channel: SaveChannel): void {
    if (objectName !== 'Map_Contact__c') return;
    if (record.Is_Primary_Contact__c === true) {
      // A new primary contact replaces the old one (MapContactPrimaryGuard).
      for (const r of this.table('Map_Contact__c').values()) {
        if (r.Id !== record.Id && soqlEquals(r.Relationship_Map__c, record.Relationship_Map__c as string))
          r.Is_Primary_Contact__c = false;
      }
    }
    if (!old) return;
    for (const [field, label] of Object.entries(TRACKED)) {
      if (old[field] === record[field]) continue;
      const change: Rec = {
        Id: this.newId('Map_Contact_Change__c'),
        IsDeleted: false,
        CreatedDate: this.now(),
        Name: this.autoNumber('Map_Contact_Change__c', 'CHG-', 7),
        Relationship_Map__c: record.Relationship_Map__c,
        Map_Contact__c: record.Id,
        Contact__c: record.Contact__c ?? null,
        Person_Name__c: record.Name ?? null,
        Field__c: label,
        Old_Value__c: old[field] === undefined || old[field] === null ? null : str(old[field]),
        New_Value__c: record[field] === undefined || record[field] === null ? null : str(record[field]),
        Changed_By__c: this.currentUserId,
        Changed_At__c: this.now(),
        Source__c: channel === 'bulk' ? 'Import' : 'Edit',
      };
      this.table('Map_Contact_Change__c').set(change.Id, change);
    }
  }

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────

  /** Formula and roll-up fields, computed when read. */
  private derived(objectName: string, record: Rec): Record<string, unknown> {
    if (objectName === 'Contact' || objectName === 'User') {
      return { Name: [record.FirstName, record.LastName].filter(Boolean).join(' ') };
    }
    if (objectName === 'Map_Contact__c') {
      return { Is_Decision_Maker__c: record.Role__c === 'Decision Maker' || record.Role__c === 'Economic Buyer' };
    }
    if (objectName === 'Relationship_Map__c') {
      const people = [...this.table('Map_Contact__c').values()].filter(
        (p) => !p.IsDeleted && p.Relationship_Map__c === record.Id && p.Excluded__c !== true
      );
      const deciders = people.filter((p) => p.Role__c === 'Decision Maker' || p.Role__c === 'Economic Buyer');
      return {
        People_Count__c: people.length,
        Decision_Maker_Count__c: deciders.length,
        Unsupported_Decision_Maker_Count__c: deciders.filter(
          (p) => p.Stance__c !== 'Champion' && p.Stance__c !== 'Supporter'
        ).length,
      };
    }
    return {};
  }

  /** Reads a field path (relationships through `__r` / standard names) of a record. */
  resolvePath(objectName: string, record: Rec | undefined, pathText: string): unknown {
    if (!record) return null;
    const [head, ...rest] = pathText.split('.');
    const full = { ...record, ...this.derived(objectName, record) };
    if (rest.length === 0) {
      if (!this.schema[objectName].fields.has(head) && !(head in full))
        throw new RecordError('INVALID_FIELD', `No such column '${head}' on entity '${objectName}'.`);
      return full[head] ?? null;
    }
    const reference = this.schema[objectName].references[head];
    if (!reference)
      throw new RecordError(
        'INVALID_FIELD',
        `Didn't understand relationship '${head}' in field path on ${objectName}.`
      );
    const targetId = record[reference.field];
    const target = typeof targetId === 'string' ? this.find(reference.target, targetId) : undefined;
    return this.resolvePath(reference.target, target, rest.join('.'));
  }

  /** A query's rows in the REST shape (relationships as nested objects, null when empty). */
  query(statement: string, includeDeleted: boolean): Record<string, unknown>[] {
    const parsed = parseSoql(statement);
    const objectName = parsed.object;
    if (!this.schema[objectName])
      throw new RecordError('INVALID_TYPE', `sObject type '${objectName}' is not supported.`);
    const candidates = [...this.table(objectName).values()].filter((r) => includeDeleted || !r.IsDeleted);
    let rows = candidates.filter((r) => matches(parsed.where, (p) => this.resolvePath(objectName, r, p)));
    rows = sortRows(rows, parsed.orderBy, (r, p) => this.resolvePath(objectName, r, p));
    if (parsed.limit !== undefined) rows = rows.slice(0, parsed.limit);
    return rows.map((r) => this.project(objectName, r, parsed.fields));
  }

  private project(objectName: string, record: Rec, fields: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: { type: objectName, url: `/services/data/v65.0/sobjects/${objectName}/${record.Id}` },
    };
    for (const field of fields) {
      const parts = field.split('.');
      if (parts.length === 1) {
        out[field] = this.resolvePath(objectName, record, field);
        continue;
      }
      // Nest relationship values as the REST API does: Contact__r: { attributes, Email }.
      let holder = out;
      let currentObject = objectName;
      let current: Rec | undefined = record;
      for (const part of parts.slice(0, -1)) {
        const reference = this.schema[currentObject].references[part];
        if (!reference)
          throw new RecordError(
            'INVALID_FIELD',
            `Didn't understand relationship '${part}' in field path on ${currentObject}.`
          );
        const targetId: unknown = current?.[reference.field];
        current = typeof targetId === 'string' ? this.find(reference.target, targetId) : undefined;
        if (!current) {
          if (!(part in holder)) holder[part] = null;
          holder = {};
          break;
        }
        if (holder[part] === null || holder[part] === undefined)
          holder[part] = { attributes: { type: reference.target } };
        holder = holder[part] as Record<string, unknown>;
        currentObject = reference.target;
      }
      if (current) holder[parts.at(-1) ?? ''] = this.resolvePath(currentObject, current, parts.at(-1) ?? '');
    }
    return out;
  }
}
