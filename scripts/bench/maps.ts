/**
 * The benchmark's maps: deterministic generated accounts (scripts/data/generate.ts, the generator
 * the preview and the browser tests use: a customer hierarchy, partners, our own people, about 3
 * links per person), turned into exactly what the container hands the graph — people not trimmed
 * from the map, links among them, and the analytics' decision influence and flags (computed by
 * the container's own computeInsights, from the compiled component code, so node sizes and badges
 * are the real ones).
 *
 * Importing the compiled components needs lwc-loader.mjs registered (main.ts does it).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateMap, random } from '../data/generate.ts';
import type { MapInput } from './browser/chromium.ts';
import { REPO_ROOT } from '../shared/project.mjs';

/** The day the generated dates are written for: fixed, so every run computes the same analytics. */
export const AS_OF = '2026-11-01';
const SEED = 1;

/** A generated map of `size` people: people, links, and the moment the analytics take as now. */
export function generatedMap(size: number): { people: Person[]; links: Link[]; now: string } {
  const { people, links } = generateMap({ people: size, seed: SEED, asOf: AS_OF });
  return {
    people: people as unknown as Person[],
    links: links as unknown as Link[],
    now: `${AS_OF}T12:00:00.000Z`,
  };
}

/** Activities per person on the map: 100,000 at 5,000 people (issue 17's evidence step). */
export const ACTIVITIES_PER_PERSON = 20;

/** An activity bucket and the evidence as getEvidence answers (c/relationshipGraph's MapEvidence). */
export interface BenchBucket {
  userId: string;
  contactId: string;
  kind: 'Meeting' | 'Call' | 'Email';
  count: number;
  firstDate: string;
  lastDate: string;
}
export interface BenchEvidence {
  asOf: string;
  since: string;
  windowMonths: number;
  buckets: BenchBucket[];
  people: { id: string; name: string; title: string | null; department: string | null; isUser: boolean }[];
  truncated: boolean;
  dismissed: string[];
  /** Activities the buckets hold. */
  activities: number;
}

const DAY_MS = 86_400_000;

/**
 * A year of calls, meetings and emails for a generated map, bucketed as the controller's aggregate
 * queries do (owner, contact, kind, calendar month; most recent first): `perPerson` activities per
 * person. Each contact is worked mostly by one of our people (60 %), sometimes a second (30 %) or
 * a third (10 %); one contact in 20 and one user in 10 are off the map (people to suggest); half
 * the activities are emails, 30 % calls, 20 % meetings, dates uniform over the 365 days before
 * AS_OF. Deterministic (seed 17).
 *
 * `maxBucketsPerQuery`: the controller's limit (ActivityEvidenceSelector.MAX_BUCKETS, 2,000 per
 * query; one query for tasks — calls and emails — and one for events): the most recent buckets of
 * each are kept and `truncated` says so, as getEvidence answers. null: every bucket (a stress case
 * the component never receives). The answer goes through JSON, as it comes from the server.
 */
export function generatedEvidence(
  people: readonly Person[],
  perPerson = ACTIVITIES_PER_PERSON,
  maxBucketsPerQuery: number | null = 2000
): BenchEvidence {
  const rand = random(17);
  const users = people.flatMap((p) => (typeof p.userId === 'string' && !p.excluded ? [p.userId] : []));
  const contacts = people.flatMap((p) => (typeof p.contactId === 'string' && !p.excluded ? [p.contactId] : []));
  const offUsers = Math.max(1, Math.round(users.length / 10));
  for (let i = 0; i < offUsers; i++) users.push(`OffU${i + 1}`);
  const offContacts = Math.max(1, Math.round(contacts.length / 20));
  for (let i = 0; i < offContacts; i++) contacts.push(`OffC${i + 1}`);
  const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
  const activities = people.length * perPerson;
  const buckets = new Map<string, BenchBucket>();
  for (let i = 0; i < activities; i++) {
    const c = Math.floor(rand() * contacts.length);
    const r = rand();
    const u = (c * 7 + (r < 0.6 ? 0 : r < 0.9 ? 1 : 2)) % users.length;
    const k = rand();
    const kind = k < 0.5 ? 'Email' : k < 0.8 ? 'Call' : 'Meeting';
    const date = new Date(asOfMs - Math.floor(rand() * 365) * DAY_MS).toISOString().slice(0, 10);
    const key = `${users[u]}|${contacts[c]}|${kind}|${date.slice(0, 7)}`;
    const b = buckets.get(key);
    if (!b)
      buckets.set(key, { userId: users[u], contactId: contacts[c], kind, count: 1, firstDate: date, lastDate: date });
    else {
      b.count++;
      if (date < b.firstDate) b.firstDate = date;
      if (date > b.lastDate) b.lastDate = date;
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const all = [...buckets.values()].sort(
    (a, b) =>
      cmp(b.lastDate, a.lastDate) || cmp(a.userId, b.userId) || cmp(a.contactId, b.contactId) || cmp(a.kind, b.kind)
  );
  const named = [
    ...users.map((id) => ({ id, name: `User ${id}`, title: null, department: 'Sales', isUser: true })),
    ...contacts.map((id) => ({ id, name: `Contact ${id}`, title: 'Manager', department: null, isUser: false })),
  ];
  const since = `${Number(AS_OF.slice(0, 4)) - 1}${AS_OF.slice(4)}`;
  const limit = maxBucketsPerQuery ?? Number.POSITIVE_INFINITY;
  const tasks = all.filter((b) => b.kind !== 'Meeting');
  const events = all.filter((b) => b.kind === 'Meeting');
  const kept = new Set([...tasks.slice(0, limit), ...events.slice(0, limit)]);
  const sent = all.filter((b) => kept.has(b));
  // Like the controller, name only the users and contacts the buckets sent name.
  const ids = new Set(sent.flatMap((b) => [b.userId, b.contactId]));
  const answer = {
    asOf: AS_OF,
    since,
    windowMonths: 12,
    buckets: sent,
    people: named.filter((p) => ids.has(p.id)),
    truncated: kept.size < all.length,
    dismissed: [],
    activities,
  };
  return JSON.parse(JSON.stringify(answer)) as BenchEvidence;
}

interface Person {
  id: string;
  excluded?: boolean;
  layoutX?: number | null;
  layoutY?: number | null;
  [field: string]: unknown;
}
interface Link {
  id: string;
  fromId: string;
  toId: string;
  [field: string]: unknown;
}

type ComputeInsights = (
  people: readonly Person[],
  links: readonly Link[],
  settings: { height: number; decay: number; staleDays: number },
  now: Date
) => { decisionInfluence: Record<string, number>; flags: Record<string, string[]> };

const MAP_MODEL = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc', 'relationshipMap', 'mapModel.js');

let computeInsights: ComputeInsights | null = null;

async function insightsFunction(): Promise<ComputeInsights> {
  if (!computeInsights) {
    const model = (await import(pathToFileURL(MAP_MODEL).href)) as { computeInsights: ComputeInsights };
    computeInsights = model.computeInsights;
  }
  return computeInsights;
}

/** The graph's input for a synthetic account of `size` people (about 3 links each). */
export async function benchMap(size: number): Promise<MapInput> {
  const map = generatedMap(size);
  const people = map.people.filter((p) => !p.excluded);
  const ids = new Set(people.map((p) => p.id));
  const links = map.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId));
  const compute = await insightsFunction();
  const { decisionInfluence, flags } = compute(
    map.people,
    map.links,
    { height: 600, decay: 0.5, staleDays: 90 },
    new Date(map.now)
  );
  return { people, links, decisionInfluence, flags };
}

/**
 * The same map with saved positions (Layout_X__c/Layout_Y__c) for everyone but every
 * `newcomerEvery`-th person: a map laid out and saved before, with people added since.
 */
export function withSavedPositions(
  input: MapInput,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  newcomerEvery = 20
): MapInput {
  const people = input.people.map((p, i) => {
    const saved = positions.get(String(p.id));
    if (!saved || i % newcomerEvery === newcomerEvery - 1) return { ...p, layoutX: null, layoutY: null };
    return { ...p, layoutX: Math.round(saved.x * 100) / 100, layoutY: Math.round(saved.y * 100) / 100 };
  });
  return { ...input, people };
}
