/**
 * The preview's org in a JSON file: accounts, contacts, users, maps, people, links, the change
 * log and logged calls. Built from the sample data (data/), changed by the local controller,
 * written after every successful change (temp file + rename, so a crash never leaves half a file).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InfluenceLink, MapPerson, MapStatus, PersonChange } from './types.ts';
import { generateMap } from '../../data/generate.ts';
import { fieldsOf, isReference, loadSampleData, recordsOf, type TreeRecord } from '../../data/sampleData.ts';
import { makeId, type IdType } from './ids.ts';

/** Bump when the shape below changes: an older file is replaced by fresh sample data. */
export const STORE_VERSION = 1;

export interface AccountRow {
  id: string;
  name: string;
  industry?: string;
  city?: string;
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
}
export interface UserRow {
  id: string;
  name: string;
  title?: string | null;
  email?: string | null;
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
}
export type PersonRow = MapPerson & { mapId: string };
export type LinkRow = InfluenceLink & { mapId: string };
export type ChangeRow = PersonChange & { mapId: string };
export interface TaskRow {
  id: string;
  subject: string;
  comments?: string | null;
  whoId?: string | null;
  whatId: string;
  stance?: string | null;
  sentiment?: string | null;
  activityDate: string;
  ownerId: string;
}

export interface StoreData {
  version: number;
  /** Where the data came from, for the page banner ("sample data", "+ 1,000 synthetic people"). */
  source: string;
  currentUserId: string;
  accounts: AccountRow[];
  contacts: ContactRow[];
  users: UserRow[];
  maps: MapRow[];
  people: PersonRow[];
  links: LinkRow[];
  changes: ChangeRow[];
  tasks: TaskRow[];
  /** Next number per Id type. */
  counters: Partial<Record<IdType, number>>;
}

/** A new Id of `type` from the store's counters. */
export function nextId(store: StoreData, type: IdType): string {
  const n = store.counters[type] ?? 1;
  store.counters[type] = n + 1;
  return makeId(type, n);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const bool = (v: unknown): boolean => v === true;

/** Map_Contact__c field → MapPerson property, for the fields a tree file may carry. */
const PERSON_FIELDS: Record<string, keyof MapPerson> = {
  Name: 'name',
  Title__c: 'title',
  Side__c: 'side',
  Role__c: 'role',
  Authority__c: 'authority',
  Stance__c: 'stance',
  Sentiment__c: 'sentiment',
  Coverage__c: 'coverage',
  Goal_Impact__c: 'goalImpact',
  Communication_Style__c: 'communicationStyle',
  Preferred_Channel__c: 'preferredChannel',
  Personal_Goals__c: 'personalGoals',
  Priorities_Pain_Points__c: 'prioritiesPainPoints',
  Our_Assessment__c: 'ourAssessment',
  Needs_From_Them__c: 'needsFromThem',
  Expected_Reaction__c: 'expectedReaction',
  Contingency_Plan__c: 'contingencyPlan',
  Relation_To_Goal__c: 'relationToGoal',
  Last_Interaction__c: 'lastInteraction',
  Stance_Changed_At__c: 'stanceChangedAt',
};

/** Defaults the platform (picklist defaults) and the triggers (stance, sentiment) apply on insert. */
export function withDefaults(person: PersonRow): PersonRow {
  person.side ??= 'Customer';
  person.role ??= 'Unknown';
  person.authority ??= 'Unknown';
  person.stance ??= 'Unknown';
  person.sentiment ??= 'Unknown';
  person.coverage ??= 'None';
  person.goalImpact ??= 'Unknown';
  person.communicationStyle ??= 'Unknown';
  person.isPrimaryContact = person.isPrimaryContact === true;
  person.excluded = person.excluded === true;
  person.isVacant = person.isVacant === true;
  person.isDecisionMaker = person.role === 'Decision Maker' || person.role === 'Economic Buyer';
  return person;
}

/** A fresh store from the sample data (dates shifted to `today`), optionally with a synthetic account. */
export function buildStore(
  dataDir: string | undefined,
  today: Date,
  synthetic?: { people: number; seed?: number }
): StoreData {
  const sample = loadSampleData(dataDir, today);
  const store: StoreData = {
    version: STORE_VERSION,
    source: 'sample data',
    currentUserId: '',
    accounts: [],
    contacts: [],
    users: [],
    maps: [],
    people: [],
    links: [],
    changes: [],
    tasks: [],
    counters: {},
  };
  const ids = new Map<string, string>();
  const ref = (value: unknown): string | null => {
    if (!isReference(value)) return null;
    const id = ids.get(value.slice(1));
    if (!id) throw new Error(`Sample data: unknown reference ${value}`);
    return id;
  };
  const nowIso = today.toISOString();

  for (const user of sample.team.users) {
    const f = fieldsOf(user);
    const id = nextId(store, 'User');
    ids.set(user.attributes.referenceId, id);
    store.users.push({
      id,
      name: `${str(f.FirstName) ?? ''} ${str(f.LastName) ?? ''}`.trim(),
      title: str(f.Title),
      email: str(f.Email),
      isActive: true,
    });
  }
  store.currentUserId = ids.get(sample.meta.currentUser) ?? store.users[0]?.id ?? '';
  const ownerId = ids.get(sample.meta.accountOwner) ?? store.currentUserId;

  const addPerson = (record: TreeRecord): void => {
    const f = fieldsOf(record);
    const id = nextId(store, 'Map_Contact__c');
    ids.set(record.attributes.referenceId, id);
    const person: PersonRow = { id, mapId: ref(f.Relationship_Map__c) ?? '', name: '' };
    for (const [field, prop] of Object.entries(PERSON_FIELDS)) {
      const value = str(f[field]);
      if (value !== null) (person as unknown as Record<string, unknown>)[prop] = value;
    }
    person.contactId = ref(f.Contact__c);
    person.userId = ref(f.User__c);
    person.isPrimaryContact = bool(f.Is_Primary_Contact__c);
    person.excluded = bool(f.Excluded__c);
    person.isVacant = bool(f.Is_Vacant__c);
    person.layoutX = num(f.Layout_X__c);
    person.layoutY = num(f.Layout_Y__c);
    // The snapshot trigger names the seat after its contact or user.
    const contact = store.contacts.find((c) => c.id === person.contactId);
    const user = store.users.find((u) => u.id === person.userId);
    if (contact) person.name = `${contact.firstName} ${contact.lastName}`.trim();
    else if (user) person.name = user.name;
    store.people.push(withDefaults(person));
  };
  const addLink = (record: TreeRecord): void => {
    const f = fieldsOf(record);
    store.links.push({
      id: nextId(store, 'Influence_Link__c'),
      mapId: ref(f.Relationship_Map__c) ?? '',
      fromId: ref(f.From__c),
      toId: ref(f.To__c),
      type: (str(f.Type__c) as InfluenceLink['type']) ?? 'Influences',
      strength: (str(f.Strength__c) as InfluenceLink['strength']) ?? 'Medium',
      notes: str(f.Notes__c),
    });
  };

  for (const record of sample.records) {
    const f = fieldsOf(record);
    switch (record.attributes.type) {
      case 'Account': {
        const id = nextId(store, 'Account');
        ids.set(record.attributes.referenceId, id);
        store.accounts.push({
          id,
          name: str(f.Name) ?? '',
          industry: str(f.Industry) ?? undefined,
          city: str(f.BillingCity) ?? undefined,
          ownerId,
        });
        break;
      }
      case 'Contact': {
        const id = nextId(store, 'Contact');
        ids.set(record.attributes.referenceId, id);
        store.contacts.push({
          id,
          accountId: ref(f.AccountId),
          firstName: str(f.FirstName) ?? '',
          lastName: str(f.LastName) ?? '',
          title: str(f.Title),
          email: str(f.Email),
          reportsToId: ref(f.ReportsToId),
        });
        break;
      }
      case 'Relationship_Map__c': {
        const id = nextId(store, 'Relationship_Map__c');
        ids.set(record.attributes.referenceId, id);
        store.maps.push({
          id,
          accountId: ref(f.Account__c) ?? '',
          name: str(f.Name) ?? '',
          goal: str(f.Goal__c) ?? '',
          accountGoal: str(f.Account_Goal__c),
          status: (str(f.Status__c) as MapStatus) ?? 'Draft',
          targetDate: str(f.Target_Date__c),
          lastReviewed: str(f.Last_Reviewed__c),
          lastModifiedDate: nowIso,
        });
        break;
      }
      case 'Map_Contact__c':
        addPerson(record);
        break;
      case 'Influence_Link__c':
        addLink(record);
        break;
      default:
        throw new Error(`Sample data: the preview does not know ${record.attributes.type}`);
    }
  }
  for (const person of sample.team.people) addPerson(person);
  for (const link of sample.team.links) addLink(link);

  if (synthetic && synthetic.people > 0) addSynthetic(store, synthetic.people, synthetic.seed ?? 1, ownerId, nowIso);
  return store;
}

/** An account "Synthetic Corp (N people)" with one map of N generated people (tests, benchmarks). */
function addSynthetic(store: StoreData, count: number, seed: number, ownerId: string, nowIso: string): void {
  const accountId = nextId(store, 'Account');
  store.accounts.push({
    id: accountId,
    name: `Synthetic Corp (${count.toLocaleString('en-US')} people)`,
    industry: 'Synthetic',
    ownerId,
  });
  const mapId = nextId(store, 'Relationship_Map__c');
  store.maps.push({
    id: mapId,
    accountId,
    name: `Synthetic map of ${count} people`,
    goal: 'Exercise the map at size.',
    status: 'Active',
    lastModifiedDate: nowIso,
  });
  const generated = generateMap({ people: count, seed });
  const idOf = new Map<string, string>();
  for (const p of generated.people) {
    const id = nextId(store, 'Map_Contact__c');
    idOf.set(p.id, id);
    let contactId: string | null = null;
    if (p.side !== 'Our Company' && !p.isVacant) {
      contactId = nextId(store, 'Contact');
      const [firstName, ...rest] = p.name.split(' ');
      store.contacts.push({
        id: contactId,
        accountId,
        firstName: firstName ?? '',
        lastName: rest.join(' '),
        title: p.title ?? null,
      });
    }
    let userId: string | null = null;
    if (p.side === 'Our Company') {
      userId = nextId(store, 'User');
      store.users.push({ id: userId, name: p.name, title: p.title ?? null, isActive: true });
    }
    store.people.push(withDefaults({ ...p, id, mapId, contactId, userId }));
  }
  for (const l of generated.links) {
    store.links.push({
      ...l,
      id: nextId(store, 'Influence_Link__c'),
      mapId,
      fromId: idOf.get(l.fromId ?? '') ?? null,
      toId: idOf.get(l.toId ?? '') ?? null,
    });
  }
  store.source += ` + ${count} synthetic people`;
}

/** Reads a store file; null when it is missing, unreadable or from another version. */
export function readStore(file: string): { store: StoreData | null; notice?: string } {
  if (!existsSync(file)) return { store: null };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreData>;
    if (parsed.version !== STORE_VERSION || !Array.isArray(parsed.people)) {
      return { store: null, notice: `${file} is from another version of the preview; starting from the sample data.` };
    }
    return { store: parsed as StoreData };
  } catch (error) {
    return {
      store: null,
      notice: `${file} could not be read (${(error as Error).message}); starting from the sample data.`,
    };
  }
}

/** Writes the store atomically. */
export function writeStore(file: string, store: StoreData): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(store));
  renameSync(temp, file);
}

/** Records of a type in the sample (re-exported for tests). */
export { recordsOf };
