/**
 * The preview's org in a JSON file: accounts, contacts, users, maps, people, links, the change
 * log and logged calls. Built from the sample data (data/, through scripts/data/sampleData.ts),
 * changed by the local controller, written after every successful change (temp file + rename,
 * so a crash never leaves half a file).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kindOf } from '../../data/activities.ts';
import { linkFromRecord, personFromRecord, type Snapshot } from '../../data/dto.ts';
import { generateSample } from '../../data/generate.ts';
import { fieldsOf, isReference, loadSampleData, type SampleData, type TreeRecord } from '../../data/sampleData.ts';
import { makeId, type IdType } from './ids.ts';
import type {
  ActivityKind,
  ChangeField,
  ChangeSource,
  InfluenceLink,
  MapPerson,
  MapStatus,
} from '../../shared/controllerTypes.ts';

/** Bump when the shape below changes: an older file is replaced by fresh sample data. */
export const STORE_VERSION = 5;

export interface AccountRow {
  id: string;
  name: string;
  industry?: string | null;
  city?: string | null;
  ownerId: string;
}
export interface ContactRow {
  id: string;
  accountId: string | null;
  firstName: string;
  lastName: string;
  title?: string | null;
  email?: string | null;
  reportsToId?: string | null;
  department?: string | null;
}
export interface UserRow {
  id: string;
  name: string;
  title?: string | null;
  email?: string | null;
  department?: string | null;
  isActive: boolean;
}
export interface MapRow {
  id: string;
  accountId: string;
  name: string;
  goal: string;
  accountGoal?: string | null;
  status: MapStatus;
  targetDate?: string | null;
  lastReviewed?: string | null;
  lastModifiedDate: string;
  /** CreatedDate (ISO date-time): set once, when the map is created. */
  createdDate?: string;
  /** Dismissed_Suggestions__c: the keys of the suggestions dismissed on the map, oldest first. */
  dismissedSuggestions?: string[];
}
/**
 * A Map_Contact__c row. `version` is its LastModifiedDate and `lastModifiedById` its
 * LastModifiedBy (the DTO carries the name); every save moves both (LocalController.stamp).
 * `createdDate` (MapPerson) is its CreatedDate, set once when the person is added (sample
 * people: sample-meta.json `createdOn`).
 */
export type PersonRow = MapPerson & { mapId: string; lastModifiedById?: string };
/** An Influence_Link__c row, with its version as on a person. */
export type LinkRow = InfluenceLink & { mapId: string; lastModifiedById?: string };
/** A Map_Contact_Change__c row: it outlives its person (the lookup is cleared, the name kept). */
export interface ChangeRow {
  id: string;
  mapId: string;
  personId: string | null;
  personName: string;
  field: ChangeField;
  oldValue: string | null;
  newValue: string | null;
  changedAt: string;
  changedById: string;
  source: ChangeSource;
  note: string | null;
  activityId: string | null;
}
/** A logged call (Task). */
export interface TaskRow {
  id: string;
  subject: string;
  description: string | null;
  whoId: string | null;
  whatId: string;
  stance: string | null;
  sentiment: string | null;
  activityDate: string;
  ownerId: string;
}

/**
 * A call, meeting or email with contacts (issue 17): a Task with TaskSubtype Call or Email, or an
 * Event. `contactIds` are its WhoId and, for a shared activity, the other contacts it is related to
 * (TaskRelation/EventRelation); it counts once per contact. Logged calls are in `tasks` and count
 * as calls too.
 */
export interface ActivityRow {
  id: string;
  kind: ActivityKind;
  ownerId: string;
  contactIds: string[];
  /** ActivityDate, `YYYY-MM-DD`. */
  activityDate: string;
  subject: string;
}

export interface StoreData {
  version: number;
  /** Where the data came from, for the page ("sample data + 1,000 synthetic people"). */
  source: string;
  /** The synthetic accounts added (so a reopen with the same option does not add another). */
  synthetic: { people: number; seed: number }[];
  currentUserId: string;
  accounts: AccountRow[];
  contacts: ContactRow[];
  users: UserRow[];
  maps: MapRow[];
  people: PersonRow[];
  links: LinkRow[];
  changes: ChangeRow[];
  tasks: TaskRow[];
  /** The activity history: calls, meetings and emails (the sample's, or a scenario's). */
  activities: ActivityRow[];
  /** Next number per Id type. */
  counters: Partial<Record<IdType, number>>;
}

/** A new Id of `type` from the store's counters. */
export function nextId(store: StoreData, type: IdType): string {
  const n = store.counters[type] ?? 1;
  store.counters[type] = n + 1;
  return makeId(type, n);
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const contactName = (c: ContactRow): string => `${c.firstName} ${c.lastName}`.trim();

/**
 * Adds sample data (the data/ folder, or a generated map) to the store: our team's Users first,
 * then the plan's records in plan order, then our team's seats and links. References become the
 * store's Ids; accounts are owned by the sample's account owner, or by `ownerId`.
 */
export function addSample(store: StoreData, sample: SampleData, nowIso: string, ownerId?: string): void {
  const ids = new Map<string, string>();
  // The day the sample's records were entered (sample-meta.json `createdOn`), at midnight GMT.
  const createdDate = sample.meta.createdOn ? `${sample.meta.createdOn}T00:00:00.000Z` : nowIso;
  const snapshots = new Map<string, Snapshot>();
  const resolve = (value: unknown): string | null => {
    if (!isReference(value)) return null;
    const id = ids.get(value.slice(1));
    // not-a-sentence: a mistake in data/, for whoever edits the sample data
    if (!id) throw new Error(`Sample data: ${value} does not name an earlier record.`);
    return id;
  };
  const snapshot = (reference: string): Snapshot | null => snapshots.get(reference.slice(1)) ?? null;

  for (const user of sample.team.users) {
    const f = fieldsOf(user);
    const id = nextId(store, 'User');
    const name = `${text(f.FirstName) ?? ''} ${text(f.LastName) ?? ''}`.trim();
    ids.set(user.attributes.referenceId, id);
    snapshots.set(user.attributes.referenceId, { name, title: text(f.Title) });
    store.users.push({
      id,
      name,
      title: text(f.Title),
      email: text(f.Email),
      department: text(f.Department),
      isActive: true,
    });
  }
  store.currentUserId ||= ids.get(sample.meta.currentUser) ?? store.users[0]?.id ?? '';
  const owner = ownerId ?? ids.get(sample.meta.accountOwner) ?? store.currentUserId;

  const addRecord = (record: (typeof sample.records)[number]): void => {
    const f = fieldsOf(record);
    const ref = record.attributes.referenceId;
    switch (record.attributes.type) {
      case 'Account': {
        const id = nextId(store, 'Account');
        ids.set(ref, id);
        store.accounts.push({
          id,
          name: text(f.Name) ?? '',
          industry: text(f.Industry),
          city: text(f.BillingCity),
          ownerId: owner,
        });
        return;
      }
      case 'Contact': {
        const id = nextId(store, 'Contact');
        ids.set(ref, id);
        const contact: ContactRow = {
          id,
          accountId: resolve(f.AccountId),
          firstName: text(f.FirstName) ?? '',
          lastName: text(f.LastName) ?? '',
          title: text(f.Title),
          email: text(f.Email),
          reportsToId: resolve(f.ReportsToId),
          department: text(f.Department),
        };
        snapshots.set(ref, { name: contactName(contact), title: contact.title ?? null });
        store.contacts.push(contact);
        return;
      }
      case 'Relationship_Map__c': {
        const id = nextId(store, 'Relationship_Map__c');
        ids.set(ref, id);
        store.maps.push({
          id,
          accountId: resolve(f.Account__c) ?? '',
          name: text(f.Name) ?? '',
          goal: text(f.Goal__c) ?? '',
          accountGoal: text(f.Account_Goal__c),
          status: (text(f.Status__c) ?? 'Draft') as MapStatus,
          targetDate: text(f.Target_Date__c),
          lastReviewed: text(f.Last_Reviewed__c),
          lastModifiedDate: nowIso,
          createdDate,
          dismissedSuggestions: (text(f.Dismissed_Suggestions__c) ?? '')
            .split('\n')
            .map((key) => key.trim())
            .filter((key) => key !== ''),
        });
        return;
      }
      case 'Map_Contact__c': {
        const id = nextId(store, 'Map_Contact__c');
        ids.set(ref, id);
        const person = personFromRecord(record, id, resolve, snapshot);
        const version = { version: nowIso, lastModifiedById: store.currentUserId, createdDate };
        store.people.push({ ...person, mapId: resolve(f.Relationship_Map__c) ?? '', ...version });
        return;
      }
      case 'Influence_Link__c': {
        const id = nextId(store, 'Influence_Link__c');
        ids.set(ref, id);
        store.links.push({
          ...linkFromRecord(record, id, resolve),
          mapId: resolve(f.Relationship_Map__c) ?? '',
          version: nowIso,
          lastModifiedById: store.currentUserId,
        });
        return;
      }
      default:
        // not-a-sentence: a mistake in data/, for whoever edits the sample data
        throw new Error(`Sample data: the preview does not load ${record.attributes.type} records.`);
    }
  };
  for (const record of sample.records) addRecord(record);
  for (const record of [...sample.team.people, ...sample.team.links]) addRecord(record);
  for (const record of sample.activities ?? []) {
    const f = fieldsOf(record);
    const kind = kindOf(record);
    const ownerId = resolve(f.OwnerId);
    const whoId = resolve(f.WhoId);
    const related = relationIdsOf(record).map(resolve);
    const day = text(f.ActivityDate);
    // A to-do or an activity without a contact is no evidence; the preview keeps only evidence.
    if (!kind || !ownerId || !whoId || !day) continue;
    const id = nextId(store, kind === 'Meeting' ? 'Event' : 'Task');
    ids.set(record.attributes.referenceId, id);
    store.activities.push({
      id,
      kind,
      ownerId,
      contactIds: [...new Set([whoId, ...related.filter((id): id is string => id !== null)])],
      activityDate: day,
      subject: text(f.Subject) ?? '',
    });
  }
}

/**
 * The other contacts of a shared activity: a Task or Event record's `RelationIds` (references),
 * which an org with Shared Activities keeps as TaskRelation/EventRelation rows.
 */
function relationIdsOf(record: TreeRecord): string[] {
  const value: unknown = (record as { RelationIds?: unknown }).RelationIds;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** An empty store. */
export function emptyStore(): StoreData {
  return {
    version: STORE_VERSION,
    source: 'sample data',
    synthetic: [],
    currentUserId: '',
    accounts: [],
    contacts: [],
    users: [],
    maps: [],
    people: [],
    links: [],
    changes: [],
    tasks: [],
    activities: [],
    counters: {},
  };
}

/** A fresh store from the sample data (dates shifted to `today`). */
export function buildStore(dataDir: string | undefined, today: Date): StoreData {
  const store = emptyStore();
  addSample(store, loadSampleData(dataDir, today), today.toISOString());
  return store;
}

/**
 * Adds the account "Synthetic Corp (N people)" with one generated map (scripts/data/generate.ts),
 * owned by the preview's user, unless the store already has it.
 */
export function addSynthetic(store: StoreData, options: { people: number; seed?: number }, today: Date): boolean {
  const seed = options.seed ?? 1;
  if (store.synthetic.some((s) => s.people === options.people && s.seed === seed)) return false;
  const sample = generateSample({ people: options.people, seed, asOf: today.toISOString().slice(0, 10) });
  addSample(store, sample, today.toISOString(), store.currentUserId);
  store.synthetic.push({ people: options.people, seed });
  store.source = `sample data + ${store.synthetic.map((s) => `${s.people.toLocaleString('en-US')} synthetic people`).join(' + ')}`;
  return true;
}

/** Reads a store file; null when it is missing, unreadable or from another version. */
// not-a-sentence: notices npm start prints on the console for whoever runs the preview
export function readStore(file: string): { store: StoreData | null; notice?: string } {
  if (!existsSync(file)) return { store: null };
  let parsed: Partial<StoreData>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreData>;
  } catch (error) {
    return {
      store: null,
      notice: `${file} could not be read (${(error as Error).message}); starting again from the sample data.`,
    };
  }
  const arrays: (keyof StoreData)[] = [
    'accounts',
    'contacts',
    'users',
    'maps',
    'people',
    'links',
    'changes',
    'tasks',
    'activities',
  ];
  const usable = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  if (!usable || parsed.version !== STORE_VERSION || arrays.some((key) => !Array.isArray(parsed[key]))) {
    return {
      store: null,
      notice: `${file} was written by another version of the preview (store version ${usable ? String(parsed.version) : 'none'}, this one reads ${STORE_VERSION}); starting again from the sample data.`,
    };
  }
  return { store: parsed as StoreData };
}

/** Writes the store atomically: a reader sees the old file or the new one, never half of one. */
export function writeStore(file: string, store: StoreData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(store));
  renameSync(temp, file);
}
