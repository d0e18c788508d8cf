/**
 * The contract scenarios (force-app/main/default/staticresources/RelationshipMapContract.json)
 * against the preview backend: the file's shape (checked, with a sentence per problem), a fresh
 * store per scenario built from its `given`, the `when` run through the LocalController (a
 * controller method with Aura's parameter conversion, or a Contact DML through the Contact
 * trigger's rules), and the `then` compared. The Apex test RelationshipMapContractTest does the
 * same against the real controller and triggers; docs/preview.md, "Contract scenarios", says how
 * to add one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type SampleData, type TreeRecord } from '../../data/sampleData.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import { loadObjectSchema, type ObjectSchema } from '../../data/objectMetadata.ts';
import { LocalController, PreviewApexError, addMonths } from './controller.ts';
import { SIGNATURES, isControllerMethod, readParams } from './params.ts';
import { addSample, emptyStore, type StoreData } from './store.ts';

export const CONTRACT_FILE = path.join(
  REPO_ROOT,
  'force-app',
  'main',
  'default',
  'staticresources',
  'RelationshipMapContract.json'
);
export const CONTRACT_APEX_TEST = path.join(
  REPO_ROOT,
  'force-app',
  'main',
  'default',
  'classes',
  'tests',
  'RelationshipMapContractTest.cls'
);

/** Field API name → value; `@kind.key` strings refer to another record of the scenario. */
/** A record's fields; a list only for an activity's RelationIds (references to contacts). */
export type Fields = Record<string, string | number | boolean | null | string[]>;

/** The records a scenario starts from, by kind and symbolic key. */
export interface Given {
  accounts?: Record<string, Fields>;
  contacts?: Record<string, Fields>;
  maps?: Record<string, Fields>;
  people?: Record<string, Fields>;
  links?: Record<string, Fields>;
  /**
   * Calls, emails and to-dos (Task: OwnerId, WhoId, TaskSubtype, ActivityDate, Subject), closed.
   * `RelationIds` (on tasks and events): the other contacts of a shared activity, which the Apex
   * runner makes TaskRelation/EventRelation rows where the org has Shared Activities on; the
   * preview counts the activity for each of them, as such an org does.
   */
  tasks?: Record<string, Fields>;
  /** Meetings (Event: OwnerId, WhoId, ActivityDate, Subject), all-day events on their ActivityDate. */
  events?: Record<string, Fields>;
}

export type When =
  | { call: string; params: Record<string, unknown> }
  | { dml: 'update' | 'delete'; sobject: 'Contact'; record: string; fields?: Fields };

export interface ExpectedChange {
  person?: string;
  field?: string;
  oldValue?: string | null;
  newValue?: string | null;
  source?: string;
  note?: string | null;
}

export interface Then {
  /** Partial match on the DTO the call returns. */
  result?: unknown;
  /**
   * What replaces `result` in an org without Shared Activities, where a shared activity
   * (`RelationIds`) has its WhoId contact only. Only the Apex runner uses it; the preview counts
   * like an org with Shared Activities on.
   */
  withoutSharedActivities?: unknown;
  /** The exact sentence the call is refused with. */
  error?: string;
  /** A regular expression the whole refusal must match, when it holds a name or a time. */
  errorPattern?: string;
  /** Every change-log row the `when` wrote, in any order. */
  changes?: ExpectedChange[];
  /** Records afterwards as DTOs (MapPerson, InfluenceLink), partial; null = gone. */
  records?: Record<string, Record<string, unknown> | null>;
}

export interface Scenario {
  name: string;
  /** Set while the behaviour is not implemented on both sides: both runners skip it and say why. */
  pending?: string;
  /** A fixture's name, or records (optionally `fixture` plus records that replace or add to it). */
  given: string | (Given & { fixture?: string });
  when: When;
  then: Then;
}

export interface ContractUser {
  FirstName: string;
  LastName: string;
  Title?: string;
  Department?: string;
  /** The rep the calls run as (Relationship_Maps_User); exactly one user has it. */
  runAs?: boolean;
}

export interface ContractFile {
  about?: string;
  version: 1;
  users: Record<string, ContractUser>;
  fixtures: Record<string, Given>;
  scenarios: Scenario[];
}

/** Record kinds in creation order, with their sObject and reference prefix. */
export const KINDS = [
  { kind: 'accounts', sobject: 'Account', prefix: 'account' },
  { kind: 'contacts', sobject: 'Contact', prefix: 'contact' },
  { kind: 'maps', sobject: 'Relationship_Map__c', prefix: 'map' },
  { kind: 'people', sobject: 'Map_Contact__c', prefix: 'person' },
  { kind: 'links', sobject: 'Influence_Link__c', prefix: 'link' },
  { kind: 'tasks', sobject: 'Task', prefix: 'task' },
  { kind: 'events', sobject: 'Event', prefix: 'event' },
] as const;
/** The kinds that are activities: the preview keeps them apart from the plan's records. */
const ACTIVITY_SOBJECTS = new Set(['Task', 'Event']);
/** Task.TaskSubtype values a scenario may use. */
const TASK_SUBTYPES = ['Call', 'Email', 'Task'];

/** Standard-object fields a scenario may set (the custom objects' come from their metadata). */
const STANDARD_FIELDS: Record<string, string[]> = {
  Account: ['Name', 'Industry', 'BillingCity'],
  Contact: ['AccountId', 'FirstName', 'LastName', 'Title', 'Email', 'ReportsToId'],
  Task: ['OwnerId', 'WhoId', 'TaskSubtype', 'ActivityDate', 'Subject', 'RelationIds'],
  Event: ['OwnerId', 'WhoId', 'ActivityDate', 'Subject', 'RelationIds'],
};
/** Fields that take a reference, and the kind they point to. */
const REFERENCE_FIELDS: Record<string, string> = {
  AccountId: 'account',
  ReportsToId: 'contact',
  Account__c: 'account',
  Relationship_Map__c: 'map',
  Contact__c: 'contact',
  User__c: 'user',
  From__c: 'person',
  To__c: 'person',
  OwnerId: 'user',
  WhoId: 'contact',
};
const KEY = /^[a-z][a-z0-9-]*$/;
const REFERENCE = /^@(account|contact|user|map|person|link)\.([a-z][a-z0-9-]*)$/;
/** `@text.<n>`: a text of n letters "x", for limits too long to write out (RelationshipMapContract.resolve). */
const TEXT = /^@text\.(\d{1,6})$/;
/**
 * `@date.<when>`: a day relative to today (RelationshipMapContract.resolve), as `YYYY-MM-DD`:
 * `today`, `<n>-days-ago`, `in-<n>-days`, `<n>-months-ago` (Date.addMonths), `<n>-months-and-<d>-days-ago`,
 * `<n>-months-ago-day-<d>` (day d, 1-28, of the calendar month n months before this one).
 */
const DATE =
  /^@date\.(?:(today)|(\d{1,4})-days-ago|in-(\d{1,4})-days|(\d{1,2})-months-ago|(\d{1,2})-months-and-(\d{1,3})-days-ago|(\d{1,2})-months-ago-day-([1-9]|1\d|2[0-8]))$/;
/** `{@kind.key}` inside a longer text (a suggestion key such as `link:{@user.sam}:{@contact.cy}`): the record's Id. */
const EMBEDDED = /\{(@(?:account|contact|user|map|person|link)\.[a-z][a-z0-9-]*)\}/g;

const plusDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day an `@date.…` value names, counted from `today` (`YYYY-MM-DD`); null when it is not one. */
export function resolveDate(value: string, today: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  if (m[1]) return today;
  if (m[2]) return plusDays(today, -Number(m[2]));
  if (m[3]) return plusDays(today, Number(m[3]));
  if (m[4]) return addMonths(today, -Number(m[4]));
  if (m[5]) return plusDays(addMonths(today, -Number(m[5])), -Number(m[6]));
  const month = addMonths(`${today.slice(0, 8)}01`, -Number(m[7]));
  return `${month.slice(0, 8)}${m[8].padStart(2, '0')}`;
}
/** In `then`: any value that is not null (e.g. the Id of a record the call created). */
export const ANY = '@any';
const CHANGE_KEYS = ['person', 'field', 'oldValue', 'newValue', 'source', 'note'];

export function loadContract(file = CONTRACT_FILE): ContractFile {
  return JSON.parse(readFileSync(file, 'utf8')) as ContractFile;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The scenario's records: its fixture, with the scenario's own records replacing or adding to it. */
export function givenOf(contract: ContractFile, scenario: Scenario): Given {
  const own: Given & { fixture?: string } =
    typeof scenario.given === 'string' ? { fixture: scenario.given } : scenario.given;
  const base: Given = own.fixture ? (contract.fixtures[own.fixture] ?? {}) : {};
  const merged: Given = {};
  for (const { kind } of KINDS) merged[kind] = { ...(base[kind] ?? {}), ...(own[kind] ?? {}) };
  return merged;
}

/**
 * Everything wrong with the file, one sentence each (empty when it is fine): unknown keys,
 * fields the objects do not have, references to records the scenario does not have, calls to
 * methods or parameters the controller does not have, `then` without anything to compare.
 */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
export function contractProblems(contract: unknown, schema: ObjectSchema = loadObjectSchema()): string[] {
  const problems: string[] = [];
  if (!isObject(contract)) return ['The contract file must hold a JSON object.'];
  const unknownKeys = (where: string, value: Record<string, unknown>, allowed: string[]): void => {
    for (const key of Object.keys(value))
      if (!allowed.includes(key))
        problems.push(`${where}: unknown property "${key}" (allowed: ${allowed.join(', ')}).`);
  };
  unknownKeys('the file', contract, ['about', 'version', 'users', 'fixtures', 'scenarios']);
  if (contract.version !== 1) problems.push('the file: "version" must be 1.');
  const users = isObject(contract.users) ? contract.users : {};
  if (!isObject(contract.users)) problems.push('the file: "users" must be an object of users by key.');
  for (const [key, user] of Object.entries(users)) {
    if (!KEY.test(key)) problems.push(`users.${key}: keys are lowercase letters, digits and hyphens.`);
    if (!isObject(user) || typeof user.FirstName !== 'string' || typeof user.LastName !== 'string') {
      problems.push(`users.${key}: needs FirstName and LastName.`);
      continue;
    }
    unknownKeys(`users.${key}`, user, ['FirstName', 'LastName', 'Title', 'Department', 'runAs']);
  }
  if (Object.values(users).filter((u) => isObject(u) && u.runAs === true).length !== 1)
    problems.push('users: exactly one user has "runAs": true (the rep the calls run as).');
  const names = Object.values(users).map((u) => (isObject(u) ? `${String(u.FirstName)} ${String(u.LastName)}` : ''));
  if (new Set(names).size !== names.length) problems.push('users: two users have the same name.');

  const fixtures = isObject(contract.fixtures) ? contract.fixtures : {};
  if (!isObject(contract.fixtures)) problems.push('the file: "fixtures" must be an object of record sets by name.');
  for (const [name, fixture] of Object.entries(fixtures)) givenProblems(`fixtures.${name}`, fixture, false);

  if (!Array.isArray(contract.scenarios) || contract.scenarios.length === 0) {
    problems.push('the file: "scenarios" must be a non-empty list.');
    return problems;
  }
  const seen = new Set<string>();
  (contract.scenarios as unknown[]).forEach((raw, index) => {
    if (!isObject(raw) || typeof raw.name !== 'string' || raw.name.trim() === '') {
      problems.push(`scenarios[${index}]: needs a "name".`);
      return;
    }
    const where = `scenario "${raw.name}"`;
    if (seen.has(raw.name)) problems.push(`${where}: another scenario has the same name.`);
    seen.add(raw.name);
    unknownKeys(where, raw, ['name', 'pending', 'given', 'when', 'then']);
    if (raw.pending !== undefined && (typeof raw.pending !== 'string' || raw.pending.trim() === ''))
      problems.push(`${where}: "pending" says why, in words.`);
    if (typeof raw.given === 'string' && !(raw.given in fixtures))
      problems.push(`${where}: given names the fixture "${raw.given}", which the file does not have.`);
    else if (typeof raw.given !== 'string') givenProblems(`${where}: given`, raw.given, true);
    const keys = new Set<string>(Object.keys(users).map((k) => `user.${k}`));
    const fine = typeof raw.given === 'string' ? raw.given in fixtures : isObject(raw.given);
    if (fine) {
      const given = givenOf(contract as unknown as ContractFile, raw as unknown as Scenario);
      for (const { kind, prefix } of KINDS)
        for (const key of Object.keys(given[kind] ?? {})) keys.add(`${prefix}.${key}`);
      referenceProblems(`${where}: given`, given, keys, false);
    }
    whenProblems(where, raw.when, keys);
    thenProblems(where, raw.then, keys);
  });
  return problems;

  function givenProblems(where: string, given: unknown, mayNameFixture: boolean): void {
    if (!isObject(given)) {
      problems.push(`${where}: must be an object of record kinds (${KINDS.map((k) => k.kind).join(', ')}).`);
      return;
    }
    unknownKeys(where, given, [...KINDS.map((k) => k.kind), ...(mayNameFixture ? ['fixture'] : [])]);
    if (given.fixture !== undefined && !(typeof given.fixture === 'string' && given.fixture in fixtures))
      problems.push(`${where}: "fixture" names no fixture of the file.`);
    for (const { kind, sobject } of KINDS) {
      const records = given[kind];
      if (records === undefined) continue;
      if (!isObject(records)) {
        problems.push(`${where}.${kind}: must be an object of records by key.`);
        continue;
      }
      const writable = [...(schema.get(sobject)?.fields.values() ?? [])].filter((f) => !f.computed);
      const allowed = STANDARD_FIELDS[sobject] ?? writable.map((f) => f.name);
      for (const [key, record] of Object.entries(records)) {
        if (!KEY.test(key)) problems.push(`${where}.${kind}.${key}: keys are lowercase letters, digits and hyphens.`);
        if (!isObject(record)) {
          problems.push(`${where}.${kind}.${key}: must be an object of fields.`);
          continue;
        }
        for (const [field, value] of Object.entries(record)) {
          if (!allowed.includes(field))
            problems.push(`${where}.${kind}.${key}: ${sobject} has no field ${field} here.`);
          if (field === 'RelationIds') {
            if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.startsWith('@contact.')))
              problems.push(
                `${where}.${kind}.${key}.RelationIds: a list of the other contacts of the activity (@contact.<key>).`
              );
          } else if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
            problems.push(`${where}.${kind}.${key}.${field}: a field value is text, a number, true/false or null.`);
          const choices =
            sobject === 'Task' && field === 'TaskSubtype'
              ? TASK_SUBTYPES
              : writable.find((f) => f.name === field)?.picklist?.map((v) => v.value);
          if (choices && typeof value === 'string' && !choices.includes(value))
            problems.push(
              `${where}.${kind}.${key}.${field}: "${value}" isn't one of the choices (${choices.join(', ')}).`
            );
        }
      }
    }
  }

  function referenceProblems(where: string, value: unknown, keys: Set<string>, inThen: boolean): void {
    if (typeof value === 'string' && value.startsWith('@')) {
      if ((inThen && value === ANY) || TEXT.test(value) || DATE.test(value)) return;
      if (value.startsWith('@date.')) {
        problems.push(
          `${where}: "${value}" is not a day (@date.today, @date.<n>-days-ago, @date.in-<n>-days, @date.<n>-months-ago, @date.<n>-months-and-<d>-days-ago, @date.<n>-months-ago-day-<1-28>).`
        );
        return;
      }
      const match = REFERENCE.exec(value);
      if (!match)
        problems.push(`${where}: "${value}" is not a reference (@account|contact|user|map|person|link.<key>).`);
      else if (!keys.has(`${match[1]}.${match[2]}`))
        problems.push(`${where}: "${value}" names no record of the scenario.`);
    } else if (typeof value === 'string' && value.includes('{@')) {
      for (const [, reference] of value.matchAll(EMBEDDED)) referenceProblems(where, reference, keys, false);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => referenceProblems(`${where}[${i}]`, item, keys, inThen));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key in REFERENCE_FIELDS && typeof item === 'string' && !item.startsWith(`@${REFERENCE_FIELDS[key]}.`))
          problems.push(
            `${where}.${key}: expects a reference to a ${REFERENCE_FIELDS[key]} (@${REFERENCE_FIELDS[key]}.<key>).`
          );
        referenceProblems(`${where}.${key}`, item, keys, inThen);
      }
    }
  }

  function whenProblems(where: string, when: unknown, keys: Set<string>): void {
    if (!isObject(when)) {
      problems.push(
        `${where}: "when" must be { "call": ..., "params": {...} } or { "dml": ..., "sobject": "Contact", ... }.`
      );
      return;
    }
    if ('call' in when) {
      unknownKeys(`${where}: when`, when, ['call', 'params']);
      if (typeof when.call !== 'string' || !isControllerMethod(when.call)) {
        problems.push(`${where}: RelationshipMapController has no method "${String(when.call)}".`);
        return;
      }
      if (!isObject(when.params)) problems.push(`${where}: "params" must be an object.`);
      else {
        const signature = SIGNATURES[when.call];
        for (const name of Object.keys(when.params))
          if (!(name in signature))
            problems.push(
              `${where}: ${when.call} has no parameter "${name}" (its parameters: ${Object.keys(signature).join(', ')}).`
            );
        referenceProblems(`${where}: params`, when.params, keys, false);
      }
      return;
    }
    unknownKeys(`${where}: when`, when, ['dml', 'sobject', 'record', 'fields']);
    if (when.dml !== 'update' && when.dml !== 'delete') problems.push(`${where}: "dml" is update or delete.`);
    if (when.sobject !== 'Contact')
      problems.push(`${where}: a DML scenario changes a Contact (the Contact trigger's rules).`);
    if (typeof when.record !== 'string' || !when.record.startsWith('@contact.'))
      problems.push(`${where}: "record" is the contact changed (@contact.<key>).`);
    else referenceProblems(`${where}: record`, when.record, keys, false);
    if (when.dml === 'update') {
      if (!isObject(when.fields) || Object.keys(when.fields).some((f) => f !== 'AccountId'))
        problems.push(
          `${where}: an update sets "fields": { "AccountId": ... } (the Contact trigger follows AccountId).`
        );
      else referenceProblems(`${where}: fields`, when.fields, keys, false);
    } else if (when.fields !== undefined) problems.push(`${where}: a delete takes no "fields".`);
  }

  function thenProblems(where: string, then: unknown, keys: Set<string>): void {
    if (!isObject(then)) {
      problems.push(`${where}: "then" must be an object.`);
      return;
    }
    unknownKeys(`${where}: then`, then, [
      'result',
      'withoutSharedActivities',
      'error',
      'errorPattern',
      'changes',
      'records',
    ]);
    if ('withoutSharedActivities' in then && !('result' in then))
      problems.push(`${where}: "withoutSharedActivities" replaces a "result"; the "then" has none.`);
    const refusals = ['error', 'errorPattern'].filter((k) => k in then).length;
    if (refusals > 1) problems.push(`${where}: "then" has an "error" or an "errorPattern", not both.`);
    if ('result' in then && refusals > 0) problems.push(`${where}: "then" has a result or an error, not both.`);
    if ('errorPattern' in then) {
      try {
        new RegExp(String(then.errorPattern), 'u');
      } catch (error) {
        problems.push(`${where}: "errorPattern" is not a regular expression (${(error as Error).message}).`);
      }
    }
    if (!['result', 'error', 'changes', 'records'].some((k) => k in then))
      problems.push(`${where}: "then" compares nothing.`);
    if ('error' in then && (typeof then.error !== 'string' || then.error === ''))
      problems.push(`${where}: "error" is the exact sentence.`);
    if ('result' in then) referenceProblems(`${where}: result`, then.result, keys, true);
    if ('withoutSharedActivities' in then)
      referenceProblems(`${where}: withoutSharedActivities`, then.withoutSharedActivities, keys, true);
    if ('changes' in then) {
      if (!Array.isArray(then.changes)) problems.push(`${where}: "changes" is a list of change-log rows.`);
      else
        then.changes.forEach((row, i) => {
          if (!isObject(row)) return void problems.push(`${where}: changes[${i}] must be an object.`);
          unknownKeys(`${where}: changes[${i}]`, row, CHANGE_KEYS);
          if (row.person !== undefined && (typeof row.person !== 'string' || !row.person.startsWith('@person.')))
            problems.push(`${where}: changes[${i}].person is @person.<key>.`);
          referenceProblems(`${where}: changes[${i}]`, row, keys, false);
        });
    }
    if ('records' in then) {
      if (!isObject(then.records)) problems.push(`${where}: "records" is an object by record reference.`);
      else
        for (const [ref, record] of Object.entries(then.records)) {
          if (!/^@(person|link)\./.test(ref))
            problems.push(`${where}: records: "${ref}" is @person.<key> or @link.<key>.`);
          referenceProblems(`${where}: records`, ref, keys, false);
          if (record !== null && !isObject(record)) problems.push(`${where}: records["${ref}"] is an object or null.`);
          else referenceProblems(`${where}: records["${ref}"]`, record, keys, true);
        }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running a scenario against the preview backend
// ---------------------------------------------------------------------------------------------

/** What a scenario did: the store afterwards, the Ids of its records by reference, the outcome. */
export interface Outcome {
  store: StoreData;
  ids: Map<string, string>;
  result?: unknown;
  error?: string;
  /** Change-log rows written by the `when`. */
  changes: StoreData['changes'];
  /** The scenario's today (`YYYY-MM-DD`), which `@date.…` values count from. */
  today: string;
}

/** A fresh store holding exactly the scenario's users and records (no sample data). */
export function storeFromGiven(
  contract: ContractFile,
  given: Given,
  now: Date
): { store: StoreData; ids: Map<string, string> } {
  const tree = (type: string, referenceId: string, fields: Fields): TreeRecord => ({
    attributes: { type, referenceId },
    ...fields,
  });
  const users = Object.entries(contract.users);
  const me = users.find(([, u]) => u.runAs)?.[0] ?? '';
  const managers = new Map<string, string>();
  const records: TreeRecord[] = [];
  const activities: TreeRecord[] = [];
  const today = now.toISOString().slice(0, 10);
  // Keys in order on both sides (the Apex test sorts them too): the order records are created in.
  for (const { kind, sobject, prefix } of KINDS) {
    const byKey = given[kind] ?? {};
    for (const key of Object.keys(byKey).sort()) {
      const { ReportsToId, ...written } = byKey[key];
      const fields = Object.fromEntries(
        Object.entries(written).map(([name, value]) => [
          name,
          typeof value === 'string' ? (resolveDate(value, today) ?? value) : value,
        ])
      );
      // A manager may come later in key order: Reports To is set once every contact exists.
      if (typeof ReportsToId === 'string') managers.set(`contact.${key}`, ReportsToId.slice(1));
      (ACTIVITY_SOBJECTS.has(sobject) ? activities : records).push(tree(sobject, `${prefix}.${key}`, fields));
    }
  }
  const sample: SampleData = {
    meta: { asOf: now.toISOString().slice(0, 10), currentUser: `user.${me}`, accountOwner: `user.${me}` },
    records,
    team: {
      users: users.map(([key, u]) =>
        tree('User', `user.${key}`, {
          FirstName: u.FirstName,
          LastName: u.LastName,
          Title: u.Title ?? null,
          Department: u.Department ?? null,
        })
      ),
      people: [],
      links: [],
    },
    files: [],
    activities,
  };
  const store = emptyStore();
  store.source = 'contract scenario';
  addSample(store, sample, now.toISOString());
  // addSample numbers each type from 1 in the order above: the same Ids it gave.
  const ids = new Map<string, string>();
  const counters: Record<string, number> = {};
  const byType: Record<string, { id: string }[]> = {
    User: store.users,
    Account: store.accounts,
    Contact: store.contacts,
    Relationship_Map__c: store.maps,
    Map_Contact__c: store.people,
    Influence_Link__c: store.links,
  };
  for (const record of [...sample.team.users, ...records]) {
    const type = record.attributes.type;
    const n = counters[type] ?? 0;
    counters[type] = n + 1;
    ids.set(record.attributes.referenceId, byType[type][n].id);
  }
  for (const [contact, manager] of managers) {
    const row = store.contacts.find((c) => c.id === ids.get(contact));
    if (row) row.reportsToId = ids.get(manager) ?? null;
  }
  // A map's dismissed suggestions name records by `{@kind.key}`: their Ids, now that they exist.
  for (const map of store.maps)
    map.dismissedSuggestions = map.dismissedSuggestions?.map((key) => resolveReferences(key, ids, today) as string);
  return { store, ids };
}

/**
 * `@kind.key` strings (and `{@kind.key}` inside a text) replaced by the scenario's Ids, `@date.…`
 * by the day counted from `today`, everywhere in `value` (`@any` stays).
 */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
export function resolveReferences(value: unknown, ids: Map<string, string>, today?: string): unknown {
  const idOf = (reference: string): string => {
    const id = ids.get(reference.slice(1));
    if (!id) throw new Error(`${reference} names no record of the scenario.`);
    return id;
  };
  if (typeof value === 'string' && value.startsWith('@') && value !== ANY) {
    const text = TEXT.exec(value);
    if (text) return 'x'.repeat(Number(text[1]));
    const day = today === undefined ? null : resolveDate(value, today);
    return day ?? idOf(value);
  }
  if (typeof value === 'string' && value.includes('{@'))
    return value.replace(EMBEDDED, (_whole, reference: string) => idOf(reference));
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, ids, today));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, ids, today)]));
  return value;
}

/** Runs the scenario's `when` on a fresh store, as the file's runAs user with Relationship_Maps_User. */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
export function runScenario(contract: ContractFile, scenario: Scenario, now = new Date()): Outcome {
  const { store, ids } = storeFromGiven(contract, givenOf(contract, scenario), now);
  const before = structuredClone(store);
  const changesBefore = store.changes.length;
  const controller = new LocalController(store, 'user', () => now);
  const today = now.toISOString().slice(0, 10);
  const outcome = (partial: Partial<Outcome>, after: StoreData): Outcome => ({
    store: after,
    ids,
    changes: after.changes.slice(changesBefore),
    today,
    ...partial,
  });
  try {
    const when = resolveReferences(scenario.when, ids, today) as When;
    if ('call' in when) {
      if (!isControllerMethod(when.call)) throw new Error(`RelationshipMapController has no method "${when.call}".`);
      const args = readParams(when.call, when.params);
      const result = (controller[when.call] as (p: Record<string, unknown>) => unknown).call(controller, args);
      return outcome({ result }, store);
    }
    controller.applyContactChange(
      when.record,
      when.dml === 'delete' ? null : { AccountId: (when.fields?.AccountId as string | null) ?? null }
    );
    return outcome({}, store);
  } catch (error) {
    // Like an Apex transaction (and the preview server): a refused call changes nothing.
    if (error instanceof PreviewApexError) return outcome({ error: error.message }, before);
    throw error;
  }
}

/** An Id back to its reference, for readable messages. */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
const describeValue = (value: unknown, names: Map<string, string>): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && names.has(v) ? `@${names.get(v)}` : v)) ??
  'undefined';

/** Where `actual` differs from the partial `expected` (only the properties listed are compared). */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
export function partialMismatches(
  expected: unknown,
  actual: unknown,
  where: string,
  names: Map<string, string>
): string[] {
  const shown = (v: unknown): string => describeValue(v, names);
  if (expected === ANY) return actual === null || actual === undefined ? [`${where}: expected a value, got none`] : [];
  if (expected === null)
    return actual === null || actual === undefined ? [] : [`${where}: expected null, got ${shown(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${where}: expected a list, got ${shown(actual)}`];
    if (actual.length !== expected.length)
      return [`${where}: expected ${expected.length} item(s), got ${actual.length}: ${shown(actual)}`];
    return expected.flatMap((item, i) => partialMismatches(item, actual[i], `${where}[${i}]`, names));
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${where}: expected an object, got ${shown(actual)}`];
    return Object.entries(expected).flatMap(([key, item]) =>
      partialMismatches(item, actual[key], `${where}.${key}`, names)
    );
  }
  return expected === actual ? [] : [`${where}: expected ${shown(expected)}, got ${shown(actual)}`];
}

/** Everything in the outcome that differs from the scenario's `then`. */
// not-a-sentence: messages about the contract file, for whoever writes a scenario (not for a rep)
export function thenMismatches(scenario: Scenario, outcome: Outcome): string[] {
  const names = new Map([...outcome.ids].map(([ref, id]) => [id, ref]));
  const then = resolveReferences(scenario.then, outcome.ids, outcome.today) as Then;
  const found: string[] = [];
  if (then.error !== undefined) {
    if (outcome.error === undefined) found.push(`error: expected "${then.error}", but the call succeeded`);
    else if (outcome.error !== then.error) found.push(`error: expected "${then.error}", got "${outcome.error}"`);
  } else if (then.errorPattern !== undefined) {
    // The whole sentence matches, as Apex's Pattern.matches does.
    if (outcome.error === undefined) found.push(`error: expected /${then.errorPattern}/, but the call succeeded`);
    else if (!new RegExp(`^(?:${then.errorPattern})$`, 'u').test(outcome.error))
      found.push(`error: expected /${then.errorPattern}/, got "${outcome.error}"`);
  } else if (outcome.error !== undefined) {
    found.push(`the call was refused: "${outcome.error}"`);
  }
  if ('result' in then && outcome.error === undefined)
    found.push(...partialMismatches(then.result, outcome.result, 'result', names));
  if (then.changes) {
    const rows = outcome.changes.map((c) => ({
      person: c.personId,
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
      source: c.source,
      note: c.note,
    }));
    const unmatched = [...rows];
    for (const expected of then.changes) {
      const at = unmatched.findIndex((row) => partialMismatches(expected, row, '', names).length === 0);
      if (at < 0) found.push(`changes: no row ${describeValue(expected, names)} among ${describeValue(rows, names)}`);
      else unmatched.splice(at, 1);
    }
    if (then.changes.length !== rows.length)
      found.push(`changes: expected ${then.changes.length} row(s), got ${rows.length}: ${describeValue(rows, names)}`);
  }
  for (const [reference, expected] of Object.entries(then.records ?? {})) {
    const id = outcome.ids.get(reference.slice(1));
    const person = outcome.store.people.find((p) => p.id === id);
    const link = outcome.store.links.find((l) => l.id === id);
    const row = person ?? link;
    const actual = row ? (({ mapId: _mapId, ...dto }) => dto)(row) : null;
    if (person && actual) (actual as Record<string, unknown>).isDecisionMaker ??= person.isDecisionMaker;
    found.push(...partialMismatches(expected, actual, `records[${reference}]`, names));
  }
  return found;
}
