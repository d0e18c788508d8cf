/**
 * `seed`: loads the sample data (data/, through scripts/data/sampleData.ts) into an org, with
 * dates shifted so that stale people stay stale and recent ones recent.
 *
 * Idempotent: every record is first looked for in the org (Account by Name, Contact by Email,
 * map by Account + Name, Map Contact by Unique_Key__c, link by Unique_Key__c) and only what is
 * missing is created, so a second run reports "0 created". Our own team are Users, which seed
 * never creates: each is matched by email, then by name, among the org's active Users; a team
 * member who is not found is skipped with the reason, and so are their map rows, links and activities.
 *
 * Activities (data/our-activities.json, issue 17): the sample's calls and emails become closed Tasks
 * (TaskSubtype Call or Email, Status the org's default closed status read from TaskStatus, as
 * TaskStatuses.cls does) and its meetings Events, each with WhoId the seeded contact, WhatId the
 * contact's account and OwnerId the matched User. They are found again by the sample key seed writes
 * into Description ("[sample:Act_…]"), read back from the contacts' activities before anything is
 * inserted.
 */
import path from 'node:path';
import type { Connection } from 'jsforce';
import {
  DEFAULT_DATA_DIR,
  fieldsOf,
  isReference,
  loadSampleData,
  type FieldValue,
  type TreeRecord,
} from '../../data/sampleData.ts';
import { ORG_FLAGS, stringFlag, type Command, type CommandContext } from '../lib/command.ts';
import { UsageError } from '../lib/errors.ts';
import { to18 } from '../lib/ids.ts';
import { INFLUENCE_LINK, MAP_CONTACT, RELATIONSHIP_MAP, TWO_WAY_LINK_TYPES } from '../lib/model.ts';
import { table } from '../lib/output.ts';
import { queryInSlices, queryRows, text, type SObjectRow } from '../lib/query.ts';
import { errorText, savePartial, type WriteOp } from '../lib/save.ts';
import { soql } from '../lib/soql.ts';

/** What seed knows how to find again; a plan record of any other type stops the run before it writes. */
const MATCHABLE_TYPES = ['User', 'Account', 'Contact', RELATIONSHIP_MAP, MAP_CONTACT, INFLUENCE_LINK] as const;

/** The sample's activities (our-activities.json), loaded after everything else. */
const ACTIVITY_TYPES = ['Task', 'Event'] as const;

/**
 * How seed finds an activity again: its sample key in Description. Subject stays what a rep
 * reads ("Meeting: rollout plan"), and the sample has activities with the same owner, contact,
 * day and subject, so no natural key tells them apart. Description is a long text, which SOQL
 * cannot filter on, so seed reads the Description of the seeded contacts' activities and matches
 * the key in code.
 */
const SAMPLE_KEY = /\[sample:([^\]\s]+)\]/;
const sampleKeyText = (referenceId: string) => `Sample activity loaded by npm run seed [sample:${referenceId}]`;

interface TypeStats {
  found: number;
  created: number;
  failed: number;
  skipped: number;
}

/** Seed's memory of the run: referenceId → record Id, and why a reference cannot be used. */
interface SeedState {
  ids: Map<string, string>;
  unavailable: Map<string, string>;
  stats: Map<string, TypeStats>;
  failures: string[];
  skips: string[];
  dryRun: boolean;
}

/** Stands in for the Id of a record a dry run would create. */
const WOULD_CREATE = 'would-create';

function statsOf(state: SeedState, type: string): TypeStats {
  let stats = state.stats.get(type);
  if (!stats) state.stats.set(type, (stats = { found: 0, created: 0, failed: 0, skipped: 0 }));
  return stats;
}

const refOf = (record: TreeRecord) => record.attributes.referenceId;
const typeOf = (record: TreeRecord) => record.attributes.type;

function label(record: TreeRecord): string {
  const fields = fieldsOf(record);
  const name =
    fields.Name ?? ([fields.FirstName, fields.LastName].filter((v) => typeof v === 'string').join(' ') || undefined);
  return `${typeOf(record)} ${refOf(record)}${typeof name === 'string' && name ? ` (${name})` : ''}`;
}

/** References of a record that are not yet usable: unresolved, or pointing at something skipped. */
function referencesOf(record: TreeRecord): string[] {
  return Object.values(fieldsOf(record))
    .filter(isReference)
    .map((value) => value.slice(1));
}

/** Field values with references replaced by Ids. */
function resolvedFields(record: TreeRecord, state: SeedState): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(fieldsOf(record))) {
    out[name] = isReference(value) ? (state.ids.get(value.slice(1)) ?? null) : value;
  }
  return out;
}

const str = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : '');
const isPlaceholder = (id: string | undefined) => id === undefined || id === WOULD_CREATE;

// ── matching existing records, one query (or a few IN slices) per wave ──────────────────────────

type Matcher = (conn: Connection, records: TreeRecord[], state: SeedState) => Promise<Map<string, string>>;

/** referenceId → existing Id, by a key computed from the record and from the org's rows. */
async function matchByKey(
  conn: Connection,
  records: TreeRecord[],
  keyOfRecord: (fields: Record<string, FieldValue>) => string | undefined,
  lookupValues: (fields: Record<string, FieldValue>) => string[],
  statement: (values: readonly string[]) => string,
  keyOfRow: (row: SObjectRow) => string[],
  state: SeedState
): Promise<Map<string, string>> {
  const wanted = new Map<string, TreeRecord[]>();
  const values: string[] = [];
  for (const record of records) {
    const key = keyOfRecord(resolvedFields(record, state));
    if (key === undefined) continue;
    wanted.set(key, [...(wanted.get(key) ?? []), record]);
    values.push(...lookupValues(resolvedFields(record, state)));
  }
  const found = new Map<string, string>();
  if (values.length === 0) return found;
  const rows = await queryInSlices(conn, values, statement);
  for (const row of rows) {
    for (const key of keyOfRow(row)) {
      for (const record of wanted.get(key) ?? []) if (!found.has(refOf(record))) found.set(refOf(record), row.Id);
    }
  }
  return found;
}

const lower = (value: string) => value.trim().toLowerCase();

/** Activities of the seeded contacts (archived ones too: closed tasks older than a year are archived), by their sample key. */
const activityMatcher =
  (type: (typeof ACTIVITY_TYPES)[number]): Matcher =>
  async (conn, records, state) => {
    const keyOf = (description: string) => SAMPLE_KEY.exec(description)?.[1];
    const wanted = new Set<string>();
    const contactIds: string[] = [];
    for (const record of records) {
      const f = resolvedFields(record, state);
      if (isPlaceholder(str(f.WhoId) || undefined)) continue;
      wanted.add(refOf(record));
      contactIds.push(str(f.WhoId));
    }
    const found = new Map<string, string>();
    if (contactIds.length === 0) return found;
    const rows = await queryInSlices(
      conn,
      contactIds,
      (ids) =>
        type === 'Task'
          ? soql`SELECT Id, Description, IsDeleted FROM Task WHERE WhoId IN ${ids}`
          : soql`SELECT Id, Description, IsDeleted FROM Event WHERE WhoId IN ${ids}`,
      true
    );
    for (const row of rows) {
      if (row.IsDeleted === true) continue;
      const key = keyOf(text(row, 'Description') ?? '');
      if (key !== undefined && wanted.has(key) && !found.has(key)) found.set(key, row.Id);
    }
    return found;
  };

const MATCHERS: Record<(typeof MATCHABLE_TYPES)[number] | (typeof ACTIVITY_TYPES)[number], Matcher> = {
  Task: activityMatcher('Task'),
  Event: activityMatcher('Event'),
  User: (conn, records, state) =>
    // Email first; a User whose email differs (sandboxes append ".invalid") is found by full name.
    matchByKey(
      conn,
      records,
      (f) => lower(str(f.Email)),
      (f) => [str(f.Email)],
      (emails) => soql`SELECT Id, Email, FirstName, LastName FROM User WHERE IsActive = ${true} AND Email IN ${emails}`,
      (row) => [lower(text(row, 'Email') ?? '')],
      state
    ).then(async (byEmail) => {
      const rest = records.filter((r) => !byEmail.has(refOf(r)));
      if (rest.length === 0) return byEmail;
      const byName = await matchByKey(
        conn,
        rest,
        (f) => lower(`${str(f.FirstName)} ${str(f.LastName)}`),
        (f) => [str(f.LastName)],
        (lastNames) =>
          soql`SELECT Id, FirstName, LastName FROM User WHERE IsActive = ${true} AND LastName IN ${lastNames}`,
        (row) => [lower(`${text(row, 'FirstName') ?? ''} ${text(row, 'LastName') ?? ''}`)],
        state
      );
      return new Map([...byEmail, ...byName]);
    }),
  Account: (conn, records, state) =>
    matchByKey(
      conn,
      records,
      (f) => lower(str(f.Name)),
      (f) => [str(f.Name)],
      (names) => soql`SELECT Id, Name FROM Account WHERE Name IN ${names} ORDER BY CreatedDate`,
      (row) => [lower(text(row, 'Name') ?? '')],
      state
    ),
  Contact: (conn, records, state) =>
    matchByKey(
      conn,
      records,
      (f) => (str(f.Email) ? lower(str(f.Email)) : undefined),
      (f) => [str(f.Email)],
      (emails) => soql`SELECT Id, Email FROM Contact WHERE Email IN ${emails} ORDER BY CreatedDate`,
      (row) => [lower(text(row, 'Email') ?? '')],
      state
    ),
  [RELATIONSHIP_MAP]: (conn, records, state) =>
    matchByKey(
      conn,
      records,
      (f) =>
        isPlaceholder(str(f.Account__c) || undefined) ? undefined : `${to18(str(f.Account__c))}|${lower(str(f.Name))}`,
      (f) => [str(f.Account__c)],
      (accountIds) => soql`SELECT Id, Name, Account__c FROM Relationship_Map__c WHERE Account__c IN ${accountIds}`,
      (row) => [`${to18(text(row, 'Account__c') ?? '')}|${lower(text(row, 'Name') ?? '')}`],
      state
    ),
  [MAP_CONTACT]: async (conn, records, state) => {
    const withPerson = records.filter((r) => fieldsOf(r).Contact__c || fieldsOf(r).User__c);
    const byKey = await matchByKey(
      conn,
      withPerson,
      (f) => {
        const person = str(f.Contact__c) || str(f.User__c);
        const map = str(f.Relationship_Map__c);
        return isPlaceholder(person || undefined) || isPlaceholder(map || undefined)
          ? undefined
          : `${to18(map)}:${to18(person)}`;
      },
      (f) => [`${to18(str(f.Relationship_Map__c))}:${to18(str(f.Contact__c) || str(f.User__c))}`],
      (keys) => soql`SELECT Id, Unique_Key__c FROM Map_Contact__c WHERE Unique_Key__c IN ${keys}`,
      (row) => [text(row, 'Unique_Key__c') ?? ''],
      state
    );
    // A seat without a person has no key: it is the same seat when the map and the name match.
    const personless = records.filter((r) => !fieldsOf(r).Contact__c && !fieldsOf(r).User__c);
    const bySeat = await matchByKey(
      conn,
      personless,
      (f) =>
        isPlaceholder(str(f.Relationship_Map__c) || undefined)
          ? undefined
          : `${to18(str(f.Relationship_Map__c))}|${lower(str(f.Name))}`,
      (f) => [str(f.Relationship_Map__c)],
      (mapIds) =>
        soql`SELECT Id, Name, Relationship_Map__c FROM Map_Contact__c WHERE Relationship_Map__c IN ${mapIds} AND Contact__c = ${null} AND User__c = ${null}`,
      (row) => [`${to18(text(row, 'Relationship_Map__c') ?? '')}|${lower(text(row, 'Name') ?? '')}`],
      state
    );
    return new Map([...byKey, ...bySeat]);
  },
  [INFLUENCE_LINK]: (conn, records, state) =>
    matchByKey(
      conn,
      records,
      (f) => {
        const [from, to] = [str(f.From__c), str(f.To__c)];
        return isPlaceholder(from || undefined) || isPlaceholder(to || undefined)
          ? undefined
          : `${to18(from)}:${to18(to)}:${str(f.Type__c)}`;
      },
      (f) => {
        const key = `${to18(str(f.From__c))}:${to18(str(f.To__c))}:${str(f.Type__c)}`;
        // Two-way types are one link either way round (InfluenceLinkValidator).
        return TWO_WAY_LINK_TYPES.has(str(f.Type__c))
          ? [key, `${to18(str(f.To__c))}:${to18(str(f.From__c))}:${str(f.Type__c)}`]
          : [key];
      },
      (keys) => soql`SELECT Id, Unique_Key__c, Type__c FROM Influence_Link__c WHERE Unique_Key__c IN ${keys}`,
      (row) => {
        const key = text(row, 'Unique_Key__c') ?? '';
        const [from, to, type] = key.split(':');
        return TWO_WAY_LINK_TYPES.has(type ?? '') ? [key, `${to}:${from}:${type}`] : [key];
      },
      state
    ),
};

// ── the run ──────────────────────────────────────────────────────────────────────────────────────

/** Records of one type in one step of the plan, processed in waves so that references to records of the same step (a contact's manager) resolve first. */
async function seedGroup(
  conn: Connection,
  type: string,
  records: TreeRecord[],
  state: SeedState,
  matchOnly: boolean
): Promise<void> {
  const stats = statsOf(state, type);
  let pending = records;
  while (pending.length > 0) {
    const ready: TreeRecord[] = [];
    const waiting: TreeRecord[] = [];
    for (const record of pending) {
      const refs = referencesOf(record);
      const blocked = refs.find((ref) => state.unavailable.has(ref));
      if (blocked !== undefined) {
        stats.skipped++;
        state.unavailable.set(refOf(record), `it refers to ${blocked}, which was not loaded`);
        continue;
      }
      if (refs.every((ref) => state.ids.has(ref))) ready.push(record);
      else waiting.push(record);
    }
    if (ready.length === 0 && waiting.length > 0) {
      for (const record of waiting) {
        const missing = referencesOf(record).filter((ref) => !state.ids.has(ref));
        stats.failed++;
        state.unavailable.set(refOf(record), 'unresolved reference');
        state.failures.push(
          `${label(record)}: refers to ${missing.map((m) => `@${m}`).join(', ')}, which the data does not define earlier`
        );
      }
      return;
    }
    const existing = await MATCHERS[type as keyof typeof MATCHERS](conn, ready, state);
    const toCreate: TreeRecord[] = [];
    for (const record of ready) {
      const id = existing.get(refOf(record));
      if (id) {
        state.ids.set(refOf(record), id);
        stats.found++;
      } else if (matchOnly) {
        stats.skipped++;
        const f = fieldsOf(record);
        const reason = `no active User in the org with email ${str(f.Email) || '(none)'} or name ${str(f.FirstName)} ${str(f.LastName)}`;
        state.unavailable.set(refOf(record), reason);
        state.skips.push(
          `Skipped our-team user ${str(f.FirstName)} ${str(f.LastName)} <${str(f.Email)}>: ${reason}. Seed never creates Users; their map rows, links and activities are skipped too.`
        );
      } else {
        toCreate.push(record);
      }
    }
    if (state.dryRun) {
      for (const record of toCreate) state.ids.set(refOf(record), WOULD_CREATE);
      stats.created += toCreate.length;
    } else if (toCreate.length > 0) {
      const ops: WriteOp[] = toCreate.map((record) => ({
        kind: 'create',
        objectName: type,
        record: resolvedFields(record, state),
        label: label(record),
      }));
      for (const outcome of await savePartial(conn, ops)) {
        const record = toCreate[ops.indexOf(outcome.op)];
        if (outcome.success && outcome.id) {
          state.ids.set(refOf(record), outcome.id);
          stats.created++;
        } else {
          stats.failed++;
          state.unavailable.set(refOf(record), 'it failed');
          state.failures.push(`${outcome.op.label}: ${errorText(outcome.errors)}`);
        }
      }
    }
    pending = waiting;
  }
}

/** Plan records plus our team, in an order where references point backwards: Users first, team rows after the plan's rows of the same type. */
function orderedGroups(
  records: TreeRecord[],
  team: { users: TreeRecord[]; people: TreeRecord[]; links: TreeRecord[] }
): { type: string; records: TreeRecord[]; matchOnly: boolean }[] {
  const groups: { type: string; records: TreeRecord[]; matchOnly: boolean }[] = [];
  if (team.users.length > 0) groups.push({ type: 'User', records: team.users, matchOnly: true });
  for (const record of records) {
    const last = groups.at(-1);
    if (last && !last.matchOnly && last.type === typeOf(record)) last.records.push(record);
    else groups.push({ type: typeOf(record), records: [record], matchOnly: false });
  }
  const appendAfterLast = (type: string, extra: TreeRecord[]) => {
    if (extra.length === 0) return;
    const index = groups.map((g) => g.type).lastIndexOf(type);
    if (index >= 0) groups[index].records.push(...extra);
    else groups.push({ type, records: extra, matchOnly: false });
  };
  appendAfterLast(MAP_CONTACT, team.people);
  appendAfterLast(INFLUENCE_LINK, team.links);
  return groups;
}

/** The org's default closed Task status: the first closed one in the Status picklist's order (as TaskStatuses.cls reads it). */
async function defaultClosedStatus(conn: Connection): Promise<string> {
  const rows = await queryRows(
    conn,
    soql`SELECT ApiName FROM TaskStatus WHERE IsClosed = ${true} ORDER BY SortOrder LIMIT 1`
  );
  const status = rows.length > 0 ? text(rows[0], 'ApiName') : undefined;
  if (!status)
    throw new Error('The org has no closed Task status, so the sample calls and emails cannot be logged as done.');
  return status;
}

/**
 * The sample's activities as seed inserts them, Tasks then Events: the org's closed status on
 * Tasks, WhatId the contact's account, the sample key in Description. A shared activity's other
 * contacts (RelationIds) need Shared Activities in the org and are not loaded: its WhoId contact gets it.
 */
function activityGroups(
  data: { records: TreeRecord[]; activities?: TreeRecord[] },
  closedStatus: string | undefined
): { type: string; records: TreeRecord[]; matchOnly: boolean }[] {
  const contacts = new Map(data.records.filter((r) => typeOf(r) === 'Contact').map((r) => [refOf(r), r]));
  const prepared = (data.activities ?? []).map((record): TreeRecord => {
    const { RelationIds: _others, ...rest } = record;
    const out: TreeRecord = { ...rest };
    const who =
      typeof rest.WhoId === 'string' && isReference(rest.WhoId) ? contacts.get(rest.WhoId.slice(1)) : undefined;
    const account = who ? fieldsOf(who).AccountId : undefined;
    if (typeof account === 'string' && isReference(account)) out.WhatId = account;
    if (typeOf(record) === 'Task' && closedStatus !== undefined) out.Status = closedStatus;
    const description = typeof rest.Description === 'string' && rest.Description ? `${rest.Description}\n\n` : '';
    out.Description = `${description}${sampleKeyText(refOf(record))}`;
    return out;
  });
  return ACTIVITY_TYPES.map((type) => ({
    type,
    records: prepared.filter((r) => typeOf(r) === type),
    matchOnly: false,
  })).filter((g) => g.records.length > 0);
}

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the sample data (data/) into an org; running it again creates nothing new.',
  usage: '[--target-org <alias>] [--data <dir>] [--dry-run]',
  details: [
    'Creates the sample accounts, contacts, relationship maps, people and influence links that are not in the org yet. Existing records are found by Account Name, Contact Email, map Account + Name, and the Unique_Key__c of people and links, and left as they are. Dates move from the sample\'s "as of" day to today.',
    'Our account team (data/our-team.json) are Users: seed matches them by email or name among active Users and never creates Users. Team members it cannot find are skipped, with their map rows, links and activities, and listed.',
    "The sample's calls and emails (data/our-activities.json) become Tasks closed with the org's default closed status, its meetings Events, each on the contact and the contact's account and owned by our team member; they are found again by the sample key in their Description.",
  ],
  flags: {
    ...ORG_FLAGS,
    data: {
      type: 'string',
      value: '<dir>',
      description: 'folder with sample-plan.json, our-team.json, sample-meta.json (default: data/)',
    },
    'dry-run': { type: 'boolean', description: 'find what exists and say what would be created, without writing' },
  },
  examples: ['npm run seed -- --target-org my-scratch', 'npm run seed -- --target-org my-scratch --dry-run'],
  async run(context: CommandContext) {
    const dataDir = path.resolve(context.io.cwd, stringFlag(context.flags, 'data') ?? DEFAULT_DATA_DIR);
    const today = context.io.now();
    let data;
    try {
      data = loadSampleData(dataDir, today);
    } catch (error) {
      throw new UsageError(
        `Cannot read the sample data in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`
      );
    }
    const groups = orderedGroups(data.records, data.team);
    const unknown = groups.find((g) => !(MATCHABLE_TYPES as readonly string[]).includes(g.type));
    if (unknown) {
      throw new UsageError(
        `The sample data has ${unknown.type} records, which seed cannot match to existing ones; nothing was written.`
      );
    }
    // Contacts are found again by Email; one without would be created anew on every run.
    const noEmail = data.records.find((r) => typeOf(r) === 'Contact' && !str(fieldsOf(r).Email));
    if (noEmail)
      throw new UsageError(
        `${label(noEmail)} has no Email, so seed could not find it again on a later run; nothing was written.`
      );
    const dryRun = context.flags['dry-run'] === true;
    const state: SeedState = {
      ids: new Map(),
      unavailable: new Map(),
      stats: new Map(),
      failures: [],
      skips: [],
      dryRun,
    };
    const conn = await context.connection();
    context.io.out(
      `${dryRun ? 'Dry run: nothing is written. ' : ''}Seeding the sample data from ${dataDir}, dates as of ${today.toISOString().slice(0, 10)} (written for ${data.meta.asOf}).`
    );
    for (const group of groups) await seedGroup(conn, group.type, group.records, state, group.matchOnly);
    const hasTasks = (data.activities ?? []).some((r) => typeOf(r) === 'Task');
    const closedStatus = hasTasks ? await defaultClosedStatus(conn) : undefined;
    for (const group of activityGroups(data, closedStatus))
      await seedGroup(conn, group.type, group.records, state, group.matchOnly);

    for (const line of state.skips) context.io.out(line);
    const rows = [...state.stats.entries()].map(([type, s]) => [type, s.found, s.created, s.skipped, s.failed]);
    context.io.out(table(['Object', 'Found', dryRun ? 'Would create' : 'Created', 'Skipped', 'Failed'], rows));
    for (const line of state.failures) context.io.err(`Failed: ${line}`);
    const total = (key: keyof TypeStats) => [...state.stats.values()].reduce((sum, s) => sum + s[key], 0);
    context.io.out(
      dryRun
        ? `Dry run: would create ${total('created')}; ${total('found')} already there, ${total('skipped')} skipped.`
        : `Done: ${total('created')} created, ${total('found')} already there, ${total('skipped')} skipped, ${total('failed')} failed.`
    );
    return total('failed') > 0 ? 1 : 0;
  },
};
