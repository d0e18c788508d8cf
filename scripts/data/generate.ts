/**
 * Synthetic relationship maps of any size, deterministic for a seed, in the same record shape as
 * the sample data (tree records; see sampleData.ts): a customer hierarchy (Contact.ReportsToId and
 * matching Reports To links), partner consultants, our own people (Users, kept apart like
 * data/our-team.json), about 3 links per person of every type, a realistic mix of roles, stances
 * and sides, a few vacant seats and trimmed people, and calls, meetings and emails between our
 * people and the contacts (about 20 per person; Task and Event records, kept apart like
 * data/our-activities.json).
 *
 *   node --import tsx scripts/data/generate.ts --people 500 --out /tmp/map500
 *
 * writes a data folder like data/ (sample-plan.json with files of at most 200 records,
 * our-team.json, our-activities.json, sample-meta.json): `sf data import tree --plan /tmp/map500/sample-plan.json`
 * loads it, and `loadSampleData('/tmp/map500')` reads it back. The preview's store
 * (`npm start -- --people 1000`) and the browser tests use `generateSample` directly; benchmarks
 * that want the component's input use `generateMap`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { InfluenceLink, MapPerson } from '../shared/controllerTypes.ts';
import { ACTIVITIES_FILE, activityRecord } from './activities.ts';
import { linkFromRecord, personFromRecord } from './dto.ts';
import {
  fieldsOf,
  MAX_RECORDS_PER_FILE,
  META_FILE,
  PLAN_FILE,
  TEAM_FILE,
  type FieldValue,
  type PlanEntry,
  type SampleData,
  type SampleFile,
  type TreeRecord,
} from './sampleData.ts';

/** The most people one generated map may have (the Apex loads at most 2,000 per map; tests go beyond). */
export const MAX_PEOPLE = 20_000;

export interface GenerateOptions {
  /** People on the map, 1..MAX_PEOPLE. */
  people: number;
  /** Same seed, same map (default 1). */
  seed?: number;
  /** Links per person, Reports To included (default 3). */
  linksPerPerson?: number;
  /** The day the dates are written for, `YYYY-MM-DD` (default: today, UTC). */
  asOf?: string;
  /** Calls, meetings and emails per person on the map, on average (default 20; 0 for none). */
  activitiesPerPerson?: number;
}

/** mulberry32: small, fast, good enough for test data, and the same sequence for a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Table<T extends string> = readonly (readonly [T, number])[];

function weighted<T extends string>(rand: () => number, table: Table<T>): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = rand() * total;
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}
const pick = <T>(rand: () => number, values: readonly T[]): T => values[Math.floor(rand() * values.length)];

// prettier-ignore
const FIRST_NAMES = [
  'Ada', 'Ben', 'Cleo', 'Dev', 'Elif', 'Farid', 'Greta', 'Hana', 'Ivo', 'Jonas', 'Kira', 'Lena', 'Milo',
  'Nia', 'Oskar', 'Pia', 'Quentin', 'Rosa', 'Sami', 'Tess', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe',
];
// prettier-ignore
const LAST_NAMES = [
  'Adler', 'Brooks', 'Costa', 'Dietz', 'Evans', 'Fischer', 'Grant', 'Hale', 'Ito', 'Jansen', 'Klein', 'Lund',
  'Moss', 'Nagy', 'Ortiz', 'Park', 'Quade', 'Rossi', 'Silva', 'Tran', 'Ueda', 'Vogel', 'Wong', 'Young', 'Zeller',
];
const DEPARTMENTS = ['Operations', 'Finance', 'IT', 'Engineering', 'Procurement', 'Quality', 'Supply Chain', 'Sales'];
const OUR_DEPARTMENTS = ['Sales', 'Solutions Engineering', 'Customer Success', 'Engineering', 'Partnerships'];
const ACTIVITY_KINDS: Table<'Meeting' | 'Call' | 'Email'> = [
  ['Meeting', 25],
  ['Call', 20],
  ['Email', 55],
];
const TOPICS = ['rollout plan', 'renewal', 'roadmap', 'pilot review', 'pricing', 'support escalation', 'workshop'];
const TITLE_BY_LEVEL = ['Chief Executive Officer', 'Vice President', 'Director', 'Manager', 'Lead', 'Specialist'];

// prettier-ignore
const ROLES_TOP: Table<string> = [
  ['Decision Maker', 5], ['Economic Buyer', 2], ['Executive Sponsor', 3], ['Influencer', 2],
];
// prettier-ignore
const ROLES: Table<string> = [
  ['Decision Maker', 2], ['Economic Buyer', 1], ['Executive Sponsor', 1], ['Champion', 3], ['Influencer', 15],
  ['Technical Evaluator', 12], ['Business User', 38], ['Procurement', 5], ['Gatekeeper', 3], ['Coach', 2], ['Unknown', 18],
];
const OUR_ROLES: Table<string> = [
  ['Executive Sponsor', 1],
  ['Coach', 2],
  ['Influencer', 3],
  ['Technical Evaluator', 2],
];
// prettier-ignore
const STANCES: Table<string> = [
  ['Champion', 8], ['Supporter', 22], ['Neutral', 30], ['Skeptic', 15], ['Opponent', 7], ['Unknown', 18],
];
// prettier-ignore
/** Sentiment leans with stance: a champion is rarely negative. */
const SENTIMENT_BY_STANCE: Record<string, Table<string>> = {
  Champion: [['Very Positive', 5], ['Positive', 4], ['Neutral', 1]],
  Supporter: [['Very Positive', 1], ['Positive', 6], ['Neutral', 3]],
  Neutral: [['Positive', 2], ['Neutral', 6], ['Negative', 2]],
  Skeptic: [['Neutral', 4], ['Negative', 5], ['Very Negative', 1]],
  Opponent: [['Negative', 5], ['Very Negative', 4], ['Neutral', 1]],
  Unknown: [['Unknown', 8], ['Neutral', 2]],
};
const COVERAGES: Table<string> = [
  ['In-depth', 1],
  ['Regular', 3],
  ['Brief', 4],
  ['None', 6],
];
const STYLES = ['Short and Direct', 'Detailed', 'Data-Driven', 'Visual', 'Relationship-First', 'Unknown'] as const;
const CHANNELS = ['Email', 'Phone', 'In Person', 'Video', 'Chat'] as const;
const LINK_TYPES: Table<string> = [
  ['Influences', 55],
  ['Ally', 20],
  ['Conflict', 10],
  ['Relationship', 15],
];
const STRENGTHS: Table<string> = [
  ['Strong', 3],
  ['Medium', 5],
  ['Weak', 2],
];
const SYMMETRIC = new Set(['Ally', 'Relationship', 'Conflict']);

type Side = 'Customer' | 'Partner' | 'Our Company';
interface Person {
  index: number;
  side: Side;
  first: string;
  last: string;
  level: number;
  manager: Person | null;
  vacant: boolean;
  contactRef: string | null;
  userRef: string | null;
  seatRef: string;
}

const todayUtc = (): string => new Date().toISOString().slice(0, 10);
const minusDays = (asOf: string, days: number): string =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

const record = (type: string, referenceId: string, fields: Record<string, FieldValue | undefined>): TreeRecord => {
  const clean: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) clean[key] = value;
  return { attributes: { type, referenceId }, ...clean };
};

/**
 * A synthetic account with one map of `people` people, as sample data (the plan's records and our
 * team apart). Deterministic: the same options give the same records.
 */
export function generateSample(options: GenerateOptions): SampleData {
  const count = options.people;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PEOPLE) {
    throw new Error(`people must be a whole number from 1 to ${MAX_PEOPLE}, not ${String(count)}`);
  }
  const seed = options.seed ?? 1;
  const linksPerPerson = options.linksPerPerson ?? 3;
  const asOf = options.asOf ?? todayUtc();
  const rand = random(seed);

  // Who is who: sides first, then the customers' reporting tree (k-th customer reports to the
  // (k-1)/5-th: about five reports per manager, a few levels deep).
  const people: Person[] = [];
  const customers: Person[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const side: Side = i === 0 ? 'Customer' : r < 0.04 ? 'Our Company' : r < 0.07 ? 'Partner' : 'Customer';
    const combination = (i * 7919 + seed) % (FIRST_NAMES.length * LAST_NAMES.length);
    const first = FIRST_NAMES[combination % FIRST_NAMES.length];
    const lastBase = LAST_NAMES[Math.floor(combination / FIRST_NAMES.length)];
    const round = Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length));
    const person: Person = {
      index: i,
      side,
      first,
      last: round > 0 ? `${lastBase} ${round + 1}` : lastBase,
      level: 0,
      manager: null,
      vacant: false,
      contactRef: null,
      userRef: null,
      seatRef: `SynM${i + 1}`,
    };
    if (side === 'Customer') {
      const k = customers.length;
      if (k > 0) {
        person.manager = customers[Math.floor((k - 1) / 5)];
        person.level = person.manager.level + 1;
      }
      customers.push(person);
    }
    people.push(person);
  }
  // Vacant seats only where nobody reports to them (a seat's reports would lose their manager).
  customers.forEach((person, k) => {
    const hasReports = 5 * k + 1 < customers.length;
    person.vacant = k > 0 && !hasReports && rand() < 0.01;
  });
  for (const person of people) {
    if (person.side === 'Our Company') person.userRef = `SynU${person.index + 1}`;
    else if (!person.vacant) person.contactRef = `SynC${person.index + 1}`;
  }

  const accounts: TreeRecord[] = [
    record('Account', 'SynAccount', {
      Name: `Synthetic Corp (${count.toLocaleString('en-US')} people)`,
      Industry: 'Manufacturing',
      BillingCity: 'Springfield',
      Description: `Synthetic account, seed ${seed}: generated by scripts/data/generate.ts.`,
    }),
  ];
  const partners = people.filter((p) => p.side === 'Partner');
  if (partners.length) {
    accounts.push(record('Account', 'SynPartnerAccount', { Name: 'Partner Consulting Group', Industry: 'Consulting' }));
  }
  // Each vice president runs a department; everyone below works in their VP's department.
  const department = (p: Person): string =>
    p.level > 1 && p.manager ? department(p.manager) : DEPARTMENTS[p.index % DEPARTMENTS.length];
  const titleOf = (p: Person): string =>
    p.side === 'Our Company'
      ? pick(rand, ['Account Executive', 'Solutions Engineer', 'Customer Success Manager', 'Sales Director'])
      : p.side === 'Partner'
        ? pick(rand, ['Senior Consultant', 'Principal Consultant', 'Engagement Manager'])
        : p.level === 0
          ? TITLE_BY_LEVEL[0]
          : `${TITLE_BY_LEVEL[Math.min(p.level, TITLE_BY_LEVEL.length - 1)]}, ${department(p)}`;
  const email = (p: Person, domain: string): string =>
    `${p.first}.${p.last.replace(/\s+/g, '')}.${p.index + 1}@${domain}`.toLowerCase();

  // Contacts, one plan entry per reporting level: a tree import resolves ReportsToId only to
  // contacts saved by an earlier entry.
  const titles = new Map<Person, string>();
  for (const p of people) titles.set(p, titleOf(p));
  const contactsByLevel: TreeRecord[][] = [];
  for (const p of people) {
    if (!p.contactRef) continue;
    const level = p.side === 'Partner' ? 0 : p.level;
    (contactsByLevel[level] ??= []).push(
      record('Contact', p.contactRef, {
        FirstName: p.first,
        LastName: p.last,
        Title: titles.get(p),
        Email: email(p, p.side === 'Partner' ? 'partners.synthetic.example.com' : 'synthetic.example.com'),
        AccountId: p.side === 'Partner' ? '@SynPartnerAccount' : '@SynAccount',
        ReportsToId: p.manager?.contactRef ? `@${p.manager.contactRef}` : undefined,
      })
    );
  }
  const users = people
    .filter((p) => p.userRef)
    .map((p) =>
      record('User', p.userRef as string, {
        FirstName: p.first,
        LastName: p.last,
        Title: titles.get(p),
        Department: OUR_DEPARTMENTS[p.index % OUR_DEPARTMENTS.length],
        Email: email(p, 'ourcompany.example.com'),
      })
    );
  const map = record('Relationship_Map__c', 'SynMap', {
    Name: `Synthetic map of ${count.toLocaleString('en-US')} people`,
    Account__c: '@SynAccount',
    Goal__c: 'Renew and expand the platform agreement across every business unit.',
    Account_Goal__c: 'One data model for every plant.',
    Status__c: 'Active',
    Target_Date__c: minusDays(asOf, -120),
    Last_Reviewed__c: minusDays(asOf, 14),
  });

  // Seats. The primary contact: the first filled seat one level below the top (or the top).
  const primary = customers.find((p) => p.level === 1 && !p.vacant) ?? customers[0];
  const seat = (p: Person): TreeRecord => {
    const ours = p.side === 'Our Company';
    const role = ours ? weighted(rand, OUR_ROLES) : p.level <= 1 ? weighted(rand, ROLES_TOP) : weighted(rand, ROLES);
    const stance = ours ? 'Champion' : weighted(rand, STANCES);
    const decides = role === 'Decision Maker' || role === 'Economic Buyer';
    const authority = decides || p.level === 0 ? 'High' : p.level === 1 ? 'High' : p.level === 2 ? 'Medium' : 'Low';
    const goalImpact =
      stance === 'Opponent' ? 'Loses' : stance === 'Champion' ? 'Gains' : pick(rand, ['Gains', 'Neutral', 'Unknown']);
    const contacted = rand() < 0.85;
    const days = Math.floor(rand() * (rand() < 0.2 ? 240 : 80));
    return record('Map_Contact__c', p.seatRef, {
      Name: p.vacant ? `${p.first} ${p.last} (left)` : undefined,
      Relationship_Map__c: '@SynMap',
      Contact__c: p.contactRef ? `@${p.contactRef}` : undefined,
      User__c: p.userRef ? `@${p.userRef}` : undefined,
      Is_Vacant__c: p.vacant || undefined,
      Side__c: p.side,
      Title__c: p.vacant ? titles.get(p) : undefined,
      Role__c: role,
      Authority__c: authority,
      Stance__c: stance,
      Sentiment__c: weighted(rand, SENTIMENT_BY_STANCE[stance] ?? SENTIMENT_BY_STANCE.Unknown),
      Coverage__c: ours ? 'In-depth' : weighted(rand, COVERAGES),
      Goal_Impact__c: goalImpact,
      Communication_Style__c: pick(rand, STYLES),
      Preferred_Channel__c: pick(rand, CHANNELS),
      Last_Interaction__c: contacted && !p.vacant ? minusDays(asOf, days) : undefined,
      Our_Assessment__c: decides ? `${stance} decision maker in ${department(p)}.` : undefined,
      Contingency_Plan__c:
        goalImpact === 'Loses' && rand() < 0.7 ? 'Offer a role in the steering committee.' : undefined,
      Is_Primary_Contact__c: p === primary || undefined,
      Excluded__c: (!ours && p.index > 0 && rand() < 0.02) || undefined,
    });
  };
  const seats = people.map((p) => ({ person: p, record: seat(p) }));

  // Links: the reporting lines, then influence, alliances, conflicts and our relationships,
  // mostly between people close in the tree (departments), until about linksPerPerson each.
  const planLinks: TreeRecord[] = [];
  const teamLinks: TreeRecord[] = [];
  const keys = new Set<string>();
  const addLink = (from: Person, to: Person, type: string, strength: string): void => {
    const forward = `${from.index}:${to.index}:${type}`;
    if (from === to || keys.has(forward) || keys.has(`${to.index}:${from.index}:${type}`)) return;
    keys.add(forward);
    if (SYMMETRIC.has(type)) keys.add(`${to.index}:${from.index}:${type}`);
    const link = record('Influence_Link__c', `SynL${planLinks.length + teamLinks.length + 1}`, {
      Relationship_Map__c: '@SynMap',
      From__c: `@${from.seatRef}`,
      To__c: `@${to.seatRef}`,
      Type__c: type,
      Strength__c: strength,
    });
    (from.userRef || to.userRef ? teamLinks : planLinks).push(link);
  };
  for (const p of customers) if (p.manager) addLink(p, p.manager, 'Reports To', 'Strong');
  const target = Math.round(count * linksPerPerson);
  for (let guard = 0; planLinks.length + teamLinks.length < target && guard < target * 20; guard++) {
    const from = people[Math.floor(rand() * count)];
    const near = rand() < 0.8;
    const to = near
      ? people[Math.min(count - 1, Math.max(0, from.index + Math.round((rand() - 0.5) * 30)))]
      : people[Math.floor(rand() * count)];
    if (from.side === 'Our Company') {
      if (to.side !== 'Our Company') addLink(from, to, 'Relationship', weighted(rand, STRENGTHS));
      continue;
    }
    if (to.side === 'Our Company') continue;
    addLink(from, to, weighted(rand, LINK_TYPES), weighted(rand, STRENGTHS));
  }

  const customerSeats = seats.filter((s) => !s.person.userRef).map((s) => s.record);
  const teamSeats = seats.filter((s) => s.person.userRef).map((s) => s.record);
  const groups: PlanGroup[] = [
    { sobject: 'Account', name: 'Account', records: accounts },
    ...contactsByLevel.map((records, level) => ({ sobject: 'Contact', name: `Contact-level${level}`, records })),
    { sobject: 'Relationship_Map__c', name: 'Relationship_Map__c', records: [map] },
    { sobject: 'Map_Contact__c', name: 'Map_Contact__c', records: customerSeats },
    { sobject: 'Influence_Link__c', name: 'Influence_Link__c', records: planLinks },
  ];
  const { files } = layOut(groups);
  const team = { users, people: teamSeats, links: teamLinks };
  files.push({
    name: TEAM_FILE,
    sobject: 'User, Map_Contact__c, Influence_Link__c',
    planIndex: -1,
    referenceIds: [...users, ...teamSeats, ...teamLinks].map((r) => r.attributes.referenceId),
  });
  const activities = generateActivities(people, asOf, seed, Math.round(count * (options.activitiesPerPerson ?? 20)));
  files.push({
    name: ACTIVITIES_FILE,
    sobject: 'Task, Event',
    planIndex: -1,
    referenceIds: activities.map((r) => r.attributes.referenceId),
  });
  return {
    meta: {
      asOf,
      currentUser: users[0]?.attributes.referenceId ?? '',
      accountOwner: users[0]?.attributes.referenceId ?? '',
      createdOn: minusDays(asOf, 365),
    },
    records: groups.flatMap((g) => g.records),
    team,
    files,
    activities,
  };
}

/**
 * `total` calls, meetings and emails between our people and the customers' contacts, from their
 * own random sequence (so the map's records are the same with or without them). Each contact has
 * up to three of our people it deals with; a few contacts are met far more often than the rest;
 * days reach back about 15 months, most of them recent, and a few meetings are still to come.
 */
function generateActivities(people: Person[], asOf: string, seed: number, total: number): TreeRecord[] {
  const ours = people.filter((p) => p.userRef);
  const contacts = people.filter((p) => p.contactRef && p.side === 'Customer');
  if (!ours.length || !contacts.length || total <= 0) return [];
  const rand = random(seed * 7919 + 17);
  const records: TreeRecord[] = [];
  for (let n = 1; n <= total; n++) {
    const contact = contacts[Math.floor(rand() ** 2 * contacts.length)];
    const owner = ours[(contact.index * 7 + Math.floor(rand() * 3)) % ours.length];
    const kind = weighted(rand, ACTIVITY_KINDS);
    const ago = rand() < 0.02 && kind === 'Meeting' ? -Math.ceil(rand() * 30) : Math.floor(rand() ** 1.6 * 450);
    const topic = TOPICS[(contact.index + owner.index) % TOPICS.length];
    records.push(
      activityRecord(
        `SynA${n}`,
        kind,
        `@${owner.userRef as string}`,
        `@${contact.contactRef as string}`,
        minusDays(asOf, ago),
        `${kind}: ${topic}`
      )
    );
  }
  return records;
}

interface PlanGroup {
  sobject: string;
  /** File name stem. */
  name: string;
  records: TreeRecord[];
}

/** One plan entry per group, its records split into files of at most 200. */
function layOut(groups: PlanGroup[]): { plan: PlanEntry[]; files: SampleFile[]; contents: Map<string, TreeRecord[]> } {
  const plan: PlanEntry[] = [];
  const files: SampleFile[] = [];
  const contents = new Map<string, TreeRecord[]>();
  for (const group of groups.filter((g) => g.records.length > 0)) {
    const names: string[] = [];
    const parts = Math.ceil(group.records.length / MAX_RECORDS_PER_FILE);
    for (let part = 0; part < parts; part++) {
      const name = parts === 1 ? `${group.name}.json` : `${group.name}-${part + 1}.json`;
      const chunk = group.records.slice(part * MAX_RECORDS_PER_FILE, (part + 1) * MAX_RECORDS_PER_FILE);
      names.push(name);
      contents.set(name, chunk);
      files.push({
        name,
        sobject: group.sobject,
        planIndex: plan.length,
        referenceIds: chunk.map((r) => r.attributes.referenceId),
      });
    }
    plan.push({ sobject: group.sobject, saveRefs: true, resolveRefs: true, files: names });
  }
  return { plan, files, contents };
}

/**
 * Writes sample data as a data folder (the layout of data/): sample-plan.json and its files,
 * our-team.json and sample-meta.json. Returns the file names written.
 */
export function writeSample(sample: SampleData, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const planFiles = sample.files.filter((f) => f.planIndex >= 0);
  const byRef = new Map(sample.records.map((r) => [r.attributes.referenceId, r]));
  const plan: PlanEntry[] = [];
  const written: string[] = [];
  for (const file of planFiles) {
    const records = file.referenceIds.map((ref) => byRef.get(ref) as TreeRecord);
    writeFileSync(path.join(outDir, file.name), JSON.stringify({ records }, null, 2) + '\n');
    written.push(file.name);
    const entry = (plan[file.planIndex] ??= { sobject: file.sobject, saveRefs: true, resolveRefs: true, files: [] });
    entry.files.push(file.name);
  }
  const json = (name: string, value: unknown): void => {
    writeFileSync(path.join(outDir, name), JSON.stringify(value, null, 2) + '\n');
    written.push(name);
  };
  json(PLAN_FILE, plan);
  json(TEAM_FILE, {
    User: { records: sample.team.users },
    Map_Contact__c: { records: sample.team.people },
    Influence_Link__c: { records: sample.team.links },
  });
  json(META_FILE, sample.meta);
  if (sample.activities?.length) json(ACTIVITIES_FILE, { records: sample.activities });
  return written;
}

/**
 * A generated map as the component's input: MapPerson and InfluenceLink (Ids are the records'
 * referenceIds), for benchmarks and tests that do not need a store.
 */
export function generateMap(options: GenerateOptions): { people: MapPerson[]; links: InfluenceLink[] } {
  const sample = generateSample(options);
  const byRef = new Map(
    [...sample.records, ...sample.team.users].map((r) => [r.attributes.referenceId, fieldsOf(r)] as const)
  );
  const resolve = (value: unknown): string | null =>
    typeof value === 'string' && value.startsWith('@') ? value.slice(1) : null;
  const snapshot = (reference: string): { name: string; title: string | null } | null => {
    const f = byRef.get(reference.slice(1));
    return f
      ? { name: `${String(f.FirstName)} ${String(f.LastName)}`, title: (f.Title as string | undefined) ?? null }
      : null;
  };
  const seats = [...sample.records, ...sample.team.people].filter((r) => r.attributes.type === 'Map_Contact__c');
  const links = [...sample.records, ...sample.team.links].filter((r) => r.attributes.type === 'Influence_Link__c');
  return {
    people: seats.map((r) => personFromRecord(r, r.attributes.referenceId, resolve, snapshot)),
    links: links.map((r) => linkFromRecord(r, r.attributes.referenceId, resolve)),
  };
}

const USAGE = `Usage: npm run sample-data -- --people <1..${MAX_PEOPLE}> --out <dir> [--seed N] [--as-of YYYY-MM-DD]

Writes a synthetic account with one relationship map of N people as a data folder like data/:
  sample-plan.json (+ its files, at most ${MAX_RECORDS_PER_FILE} records each)  sf data import tree --plan <dir>/${PLAN_FILE}
  our-team.json    our people (Users): npm run seed -- --data <dir> matches them to the org's users
  our-activities.json  calls, meetings and emails (Task and Event records) between our people and the contacts
  sample-meta.json the day the dates are written for`;

/** The command line; returns the exit code. Problems go to `warn` (stderr), results to `log`. */
export function main(
  argv: string[],
  log: (line: string) => void = console.log,
  warn: (line: string) => void = console.error
): number {
  let values: { people?: string; seed?: string; out?: string; 'as-of'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        people: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    warn(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const people = Number(values.people);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const problems = [
    Number.isInteger(people) && people >= 1 && people <= MAX_PEOPLE
      ? null
      : `--people must be a whole number from 1 to ${MAX_PEOPLE}.`,
    values.out ? null : '--out <dir> is required.',
    Number.isInteger(seed) ? null : '--seed must be a whole number.',
    values['as-of'] === undefined || /^\d{4}-\d{2}-\d{2}$/.test(values['as-of']) ? null : '--as-of must be YYYY-MM-DD.',
  ].filter((p): p is string => p !== null);
  if (problems.length || !values.out) {
    warn(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const sample = generateSample({ people, seed, asOf: values['as-of'] });
  const files = writeSample(sample, values.out);
  log(
    `Wrote a map of ${people} people (${files.length} files) to ${values.out}.\n` +
      `Load into an org: npx sf data import tree --plan ${path.join(values.out, PLAN_FILE)} --target-org <alias>`
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
