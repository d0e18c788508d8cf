/**
 * Activity evidence (issue 17): what the org's calls, meetings and emails say about who of ours
 * knows whom of theirs. The controller groups activities into buckets (`MapEvidence`); this module
 * sums them into ties, turns a tie's score into a link strength, and derives what the map suggests.
 * docs/analytics.md has the formula and a worked example.
 *
 * Types first: the component, the graph and the preview read these; the functions below them are
 * the analytics'. What the evidence suggests (links and people to add) is in suggestions.ts.
 *
 * Cost: O(buckets + people) with hash maps (one pass over the buckets, one over the ties), plus
 * sorting the ties. Determinism: ties come out sorted (score descending, then userId, contactId);
 * a tie's score sums its buckets in input order, so the same input always gives the same numbers
 * (another order of the same buckets can move a score in its last binary digit only).
 */
import { daysBetween, parseIsoDate } from './dates';
import { isRecord } from './fields';
import type { PreparedMap } from './graph';
import type { ResolvedLink } from './links';
import { LINK_STRENGTHS } from './model';
import type { ActivityKind, EvidenceBucket, EvidencePerson, LinkStrength } from './model';
import type { Person } from './people';
import { DEFAULT_CONFIG } from './semantics';
import type { EvidenceConfig } from './semantics';
import { suggestLinks, suggestPeople } from './suggestions';

export { linkSuggestionKey, personSuggestionKey } from './suggestions';

/** What the activities between one of our users and one contact add up to over the window. */
export interface EvidenceTie {
  /** Our person: the activities' owner (User Id). */
  userId: string;
  /** Their person (Contact Id). */
  contactId: string;
  /** The live (not excluded, not vacant) MapPerson holding `userId`, or null when not on the map. */
  ourPersonId: string | null;
  /** The live MapPerson holding `contactId`, or null when not on the map. */
  theirPersonId: string | null;
  meetings: number;
  calls: number;
  emails: number;
  /** The latest activity, `YYYY-MM-DD`. */
  lastDate: string;
  /** Σ kind weight × count × ½^(age in days of the bucket's middle ÷ half-life). */
  score: number;
  /** The link strength the score amounts to; null below the weakest level (not a relationship). */
  strength: LinkStrength | null;
  /** "12 meetings, 30 emails, last 3 days ago" (kinds with no activity left out). */
  summary: string;
}

/** A Relationship link the evidence suggests between two people on the map. */
export interface LinkSuggestion {
  /** `link:<userId>:<contactId>`: what a dismissal remembers. */
  key: string;
  /** MapPerson ids: ours (From) and theirs (To). */
  ourPersonId: string;
  theirPersonId: string;
  tie: EvidenceTie;
  /** "Dana Reyes has met Lee Park 12 times in 6 months — add a Relationship link?" */
  sentence: string;
}

/** A contact or one of our users the evidence says belongs on the map. */
export interface PersonSuggestion {
  /** `person:<recordId>`. */
  key: string;
  /** Contact or User Id: pass it to addPeople as NewPerson.recordId. */
  recordId: string;
  isUser: boolean;
  name: string;
  title: string | null;
  department: string | null;
  /** The strongest tie that makes the case. */
  tie: EvidenceTie;
  /** "Priya Shah from Engineering has met their CTO 8 times" / "Our people met Lee Park 9 times…". */
  sentence: string;
}

/** Everything the map shows from the evidence. */
export interface EvidenceAnalysis {
  /** Every tie with a score above zero, strongest first (ties on equal score by userId, contactId). */
  ties: EvidenceTie[];
  /** Ties whose two people are both on the map with a strength: the lines the graph draws. */
  mapTies: EvidenceTie[];
  /** Strong ties on the map with no Relationship link between the two, not dismissed. */
  linkSuggestions: LinkSuggestion[];
  /** People off the map with a tie of at least the offer level, not dismissed, strongest first. */
  personSuggestions: PersonSuggestion[];
  /** MapPerson id → their latest activity (`YYYY-MM-DD`), for customers and partners on the map. */
  lastActivity: Record<string, string>;
  /** The evidence was cut at the bucket limit (counts are lower bounds). */
  truncated: boolean;
  /** Whether coverage and warm paths counted evidence as relationships (the setting). */
  countedAsRelationships: boolean;
}

const DAY_MS = 86_400_000;

/** The id of the Relationship link a tie stands for in warm paths (PathStep.linkId): `evidence:<userId>:<contactId>`. */
export const evidenceLinkId = (userId: string, contactId: string): string => `evidence:${userId}:${contactId}`;

/** `YYYY-MM-DD` of an epoch-ms day (UTC). */
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Epoch ms of a `YYYY-MM-DD` date (UTC midnight), or null when the value is not one. */
function dayMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  return parseIsoDate(value);
}

/**
 * The score of `count` activities of `kind` from `firstMs` to `lastMs` (UTC days) as of `asOfMs`:
 * weight(kind) × count × ½^(ageDays ÷ halfLifeDays), ageDays = whole days from the bucket's middle
 * day (firstDate + ⌊(lastDate − firstDate) ÷ 2⌋ days) to asOf, at least 0.
 */
export function bucketScore(
  kind: ActivityKind,
  count: number,
  firstMs: number,
  lastMs: number,
  asOfMs: number,
  config: EvidenceConfig
): number {
  const spanDays = Math.round((lastMs - firstMs) / DAY_MS);
  const middleMs = firstMs + Math.floor(spanDays / 2) * DAY_MS;
  const ageDays = Math.max(0, daysBetween(middleMs, asOfMs));
  return config.kindWeights[kind] * count * Math.pow(0.5, ageDays / config.halfLifeDays);
}

/** One bucket, read (the fields of {@link readBucket}'s answer, reused from bucket to bucket). */
interface BucketRead {
  userId: string;
  contactId: string;
  kind: ActivityKind;
  count: number;
  firstMs: number;
  lastMs: number;
}

/** Parses `YYYY-MM-DD` dates through a cache: a window holds a few hundred distinct days. */
class DayCache {
  private readonly days = new Map<string, number | null>();
  // The buckets come most recent first: the same date often comes twice in a row.
  private last = '';
  private lastMs: number | null = null;
  read(value: unknown): number | null {
    if (typeof value !== 'string') return null;
    if (value === this.last) return this.lastMs;
    let ms = this.days.get(value);
    if (ms === undefined) {
      ms = dayMs(value);
      this.days.set(value, ms);
    }
    this.last = value;
    this.lastMs = ms;
    return ms;
  }
}

/**
 * Reads one bucket into `into`: user and contact ids (non-empty strings), a kind of
 * ACTIVITY_KINDS, a whole count >= 1, and `YYYY-MM-DD` first and last dates with
 * first <= last <= asOf. False for anything else: the bucket is skipped (the controller makes the
 * buckets; a bad one is a bug upstream, not the rep's to fix).
 */
function readBucket(raw: unknown, asOfMs: number, dates: DayCache, into: BucketRead): boolean {
  if (!isRecord(raw)) return false;
  const { userId, contactId, kind, count } = raw;
  if (typeof userId !== 'string' || userId === '' || typeof contactId !== 'string' || contactId === '') return false;
  if (kind !== 'Meeting' && kind !== 'Call' && kind !== 'Email') return false;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return false;
  const firstMs = dates.read(raw.firstDate);
  const lastMs = dates.read(raw.lastDate);
  if (firstMs === null || lastMs === null || firstMs > lastMs || lastMs > asOfMs) return false;
  into.userId = userId;
  into.contactId = contactId;
  into.kind = kind;
  into.count = count;
  into.firstMs = firstMs;
  into.lastMs = lastMs;
  return true;
}

const emptyBucket = (): BucketRead => ({ userId: '', contactId: '', kind: 'Meeting', count: 0, firstMs: 0, lastMs: 0 });

/**
 * The score of a set of buckets as of `asOf` (`YYYY-MM-DD`): the sum of {@link bucketScore}. Buckets
 * that cannot be read (see {@link readEvidence}) count nothing.
 */
export function evidenceScore(
  buckets: readonly EvidenceBucket[],
  asOf: string,
  config: EvidenceConfig = DEFAULT_CONFIG.evidence
): number {
  const asOfMs = dayMs(asOf);
  if (asOfMs === null || !Array.isArray(buckets)) return 0;
  let score = 0;
  const dates = new DayCache();
  const b = emptyBucket();
  for (const raw of buckets) {
    if (readBucket(raw, asOfMs, dates, b)) score += bucketScore(b.kind, b.count, b.firstMs, b.lastMs, asOfMs, config);
  }
  return score;
}

/** The link strength a score amounts to: the strongest level it reaches (score >= level), else null. */
export function strengthOfScore(
  score: number,
  levels: Readonly<Record<LinkStrength, number>> = DEFAULT_CONFIG.evidence.levels
): LinkStrength | null {
  for (const strength of LINK_STRENGTHS) if (score >= levels[strength]) return strength;
  return null;
}

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "last today", "last yesterday", "last 3 days ago" for whole days since the last activity. */
export function lastWords(days: number): string {
  if (days <= 0) return 'last today';
  return days === 1 ? 'last yesterday' : `last ${days} days ago`;
}

/**
 * A tie in words: "12 meetings, 3 calls, 30 emails, last 3 days ago" (kinds with no activity left
 * out, "1 meeting"; the days from the last activity to `asOf`, a date after asOf read as today).
 */
export function summarizeTie(
  tie: Pick<EvidenceTie, 'meetings' | 'calls' | 'emails' | 'lastDate'>,
  asOf: string
): string {
  // Read defensively: the UI may hand over a tie of its own making.
  const raw: unknown = tie;
  const t = isRecord(raw) ? raw : {};
  const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
  const lastMs = dayMs(t.lastDate);
  const asOfMs = dayMs(asOf);
  const days = lastMs !== null && asOfMs !== null ? daysBetween(lastMs, asOfMs) : null;
  return tieWords(n(t.meetings), n(t.calls), n(t.emails), days);
}

/** The words of {@link summarizeTie} from the counts and whole days since the last (null: unknown). */
function tieWords(meetings: number, calls: number, emails: number, days: number | null): string {
  const parts: string[] = [];
  if (meetings > 0) parts.push(counted(meetings, 'meeting', 'meetings'));
  if (calls > 0) parts.push(counted(calls, 'call', 'calls'));
  if (emails > 0) parts.push(counted(emails, 'email', 'emails'));
  if (days !== null) parts.push(lastWords(days));
  return parts.join(', ');
}

/** The evidence of a prepared map: the ties and what the suggestions need (PreparedMap.evidence). */
export interface PreparedEvidence {
  /** Evidence was given (MapInput.evidence is an object). */
  present: boolean;
  /** The day the scores are computed for (MapEvidence.asOf, else the UTC day of `now`), `YYYY-MM-DD`. */
  asOf: string;
  asOfMs: number;
  truncated: boolean;
  dismissed: ReadonlySet<string>;
  /** Every tie with a score above zero, strongest first (then userId, contactId). */
  ties: EvidenceTie[];
  /** Each tie's earliest activity (epoch ms): "in 6 months". */
  firstMs: ReadonlyMap<EvidenceTie, number>;
  /** The users and contacts the evidence names, by id (first entry with a name). */
  people: EvidenceNames;
  /** Contact Id → their latest activity (epoch ms), every bucket counted. */
  lastActivity: ReadonlyMap<string, number>;
  /** Every User and Contact Id a MapPerson holds, excluded and vacant people included: not "off the map". */
  held: ReadonlySet<string>;
}

interface TieSum {
  userId: string;
  contactId: string;
  meetings: number;
  calls: number;
  emails: number;
  score: number;
  firstMs: number;
  lastMs: number;
}

/** User Id / Contact Id → the first live (not vacant) person in id order holding it. One pass. */
function holders(people: readonly Person[]): { ours: Map<string, string>; theirs: Map<string, string> } {
  const ours = new Map<string, string>();
  const theirs = new Map<string, string>();
  for (const p of people) {
    if (p.isVacant) continue;
    if (p.userId !== null && !ours.has(p.userId)) ours.set(p.userId, p.id);
    if (p.contactId !== null && !theirs.has(p.contactId)) theirs.set(p.contactId, p.id);
  }
  return { ours, theirs };
}

/**
 * The users and contacts the evidence names, read on demand (only people off the map are ever
 * looked up: reading every entry up front would cost more than the suggestions): id → its first
 * entry with a name.
 */
export class EvidenceNames {
  private readonly raw: readonly unknown[];
  private index: Map<string, number> | null = null;
  constructor(raw: unknown) {
    this.raw = Array.isArray(raw) ? (raw as unknown[]) : [];
  }
  get(id: string): EvidencePerson | undefined {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.raw.length; i++) {
        const p = this.raw[i];
        if (!isRecord(p) || typeof p.id !== 'string' || p.id === '' || this.index.has(p.id)) continue;
        if (typeof p.name === 'string' && p.name.trim() !== '') this.index.set(p.id, i);
      }
    }
    const at = this.index.get(id);
    if (at === undefined) return undefined;
    const p = this.raw[at] as Record<string, unknown>;
    const words = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      id,
      name: words(p.name)!,
      title: words(p.title),
      department: words(p.department),
      isUser: p.isUser === true,
    };
  }
}

/**
 * Reads a map's evidence (anything: never throws) against its people (`people`: the prepared,
 * non-excluded people in id order; `held`: the record ids every MapPerson holds) and sums the
 * buckets into ties. O(buckets + people), plus sorting the ties.
 */
export function readEvidence(
  raw: unknown,
  people: readonly Person[],
  held: ReadonlySet<string>,
  nowMs: number,
  config: EvidenceConfig
): PreparedEvidence {
  const given = isRecord(raw) ? raw : null;
  const asOfGiven = given ? dayMs(given.asOf) : null;
  const asOfMs = asOfGiven ?? Math.floor(nowMs / DAY_MS) * DAY_MS;
  // User → contact → sums: two lookups on the input's own strings (no key built per bucket).
  const sums = new Map<string, Map<string, TieSum>>();
  const lastActivity = new Map<string, number>();
  const dates = new DayCache();
  // ½^(age ÷ half-life) by whole days of age: a window has a few hundred.
  const fade: number[] = [];
  const b = emptyBucket();
  const buckets: unknown = given?.buckets;
  const list: readonly unknown[] = Array.isArray(buckets) ? (buckets as unknown[]) : [];
  let userId = '';
  let byContact = new Map<string, TieSum>();
  for (let i = 0; i < list.length; i++) {
    if (!readBucket(list[i], asOfMs, dates, b)) continue;
    // Buckets of one user often come in a row (the controller sorts by date, then user).
    if (b.userId !== userId) {
      userId = b.userId;
      const known = sums.get(userId);
      if (known) byContact = known;
      else sums.set(userId, (byContact = new Map<string, TieSum>()));
    }
    let sum = byContact.get(b.contactId);
    if (!sum) {
      sum = {
        userId: b.userId,
        contactId: b.contactId,
        meetings: 0,
        calls: 0,
        emails: 0,
        score: 0,
        firstMs: b.firstMs,
        lastMs: b.lastMs,
      };
      byContact.set(b.contactId, sum);
    }
    if (b.kind === 'Meeting') sum.meetings += b.count;
    else if (b.kind === 'Call') sum.calls += b.count;
    else sum.emails += b.count;
    // bucketScore, with the fade looked up by age.
    const spanDays = Math.round((b.lastMs - b.firstMs) / DAY_MS);
    const ageDays = Math.max(0, daysBetween(b.firstMs + Math.floor(spanDays / 2) * DAY_MS, asOfMs));
    const f = fade[ageDays] ?? (fade[ageDays] = Math.pow(0.5, ageDays / config.halfLifeDays));
    sum.score += config.kindWeights[b.kind] * b.count * f;
    if (b.firstMs < sum.firstMs) sum.firstMs = b.firstMs;
    if (b.lastMs > sum.lastMs) sum.lastMs = b.lastMs;
  }
  const asOf = isoDay(asOfMs);
  const { ours, theirs } = holders(people);
  const ties: EvidenceTie[] = [];
  const firstMs = new Map<EvidenceTie, number>();
  const days = new Map<number, string>();
  const dayOf = (ms: number): string => days.get(ms) ?? days.set(ms, isoDay(ms)).get(ms)!;
  for (const ofUser of sums.values())
    for (const sum of ofUser.values()) {
      // Every activity counts for the latest one, even of a kind that weighs nothing.
      const last = lastActivity.get(sum.contactId);
      if (last === undefined || sum.lastMs > last) lastActivity.set(sum.contactId, sum.lastMs);
      if (!(sum.score > 0)) continue;
      const tie: EvidenceTie = {
        userId: sum.userId,
        contactId: sum.contactId,
        ourPersonId: ours.get(sum.userId) ?? null,
        theirPersonId: theirs.get(sum.contactId) ?? null,
        meetings: sum.meetings,
        calls: sum.calls,
        emails: sum.emails,
        lastDate: dayOf(sum.lastMs),
        score: sum.score,
        strength: strengthOfScore(sum.score, config.levels),
        summary: tieWords(sum.meetings, sum.calls, sum.emails, daysBetween(sum.lastMs, asOfMs)),
      };
      ties.push(tie);
      firstMs.set(tie, sum.firstMs);
    }
  ties.sort(
    (x, y) =>
      y.score - x.score ||
      (x.userId < y.userId ? -1 : x.userId > y.userId ? 1 : 0) ||
      (x.contactId < y.contactId ? -1 : x.contactId > y.contactId ? 1 : 0)
  );
  const dismissedIn: unknown = given?.dismissed;
  const dismissed = new Set<string>(
    Array.isArray(dismissedIn) ? (dismissedIn as unknown[]).filter((k): k is string => typeof k === 'string') : []
  );
  return {
    present: given !== null,
    asOf,
    asOfMs,
    truncated: given?.truncated === true,
    dismissed,
    ties,
    firstMs,
    people: new EvidenceNames(given?.people),
    lastActivity,
    held,
  };
}

/**
 * The Relationship links the evidence stands for, for coverage and warm paths (PreparedMap.routeLinks):
 * one per tie between two live people on the map with a strength, unless a typed Relationship link
 * joins the same two (the typed link wins: evidence never adds a second Relationship between two
 * people). None when `countsAsRelationship` is off. Ties order.
 */
export function evidenceLinks(
  evidence: PreparedEvidence,
  index: ReadonlyMap<string, number>,
  links: readonly ResolvedLink[],
  config: EvidenceConfig
): ResolvedLink[] {
  if (!config.countsAsRelationship || evidence.ties.length === 0) return [];
  const n = index.size;
  const typed = new Set<number>();
  for (const l of links) if (l.type === 'Relationship') typed.add(Math.min(l.from, l.to) * n + Math.max(l.from, l.to));
  const result: ResolvedLink[] = [];
  for (const tie of evidence.ties) {
    if (tie.strength === null || tie.ourPersonId === null || tie.theirPersonId === null) continue;
    const from = index.get(tie.ourPersonId);
    const to = index.get(tie.theirPersonId);
    if (from === undefined || to === undefined || from === to) continue;
    if (typed.has(Math.min(from, to) * n + Math.max(from, to))) continue;
    result.push({
      id: evidenceLinkId(tie.userId, tie.contactId),
      from,
      to,
      type: 'Relationship',
      strength: tie.strength,
      notes: tie.summary,
      evidence: tie,
    });
  }
  return result;
}

/** Ties between two live people on the map with a strength: the lines the graph draws. */
export const onTheMap = (tie: EvidenceTie): boolean =>
  tie.strength !== null &&
  tie.ourPersonId !== null &&
  tie.theirPersonId !== null &&
  tie.ourPersonId !== tie.theirPersonId;

/**
 * Everything the map shows from its evidence (always an answer: empty without evidence). The ties
 * are read once by prepareMap (PreparedMap.evidence); this adds the suggestions and each person's
 * latest activity. O(ties + people).
 */
export function analyzeEvidence(map: PreparedMap): EvidenceAnalysis {
  const ev = map.evidence;
  const lastActivity: Record<string, string> = {};
  const days = new Map<number, string>();
  for (const p of map.people) {
    const ms = p.lastActivityMs;
    if (ms === null) continue;
    let day = days.get(ms);
    if (day === undefined) days.set(ms, (day = isoDay(ms)));
    lastActivity[p.id] = day;
  }
  return {
    ties: ev.ties,
    mapTies: ev.ties.filter(onTheMap),
    linkSuggestions: suggestLinks(map),
    personSuggestions: suggestPeople(map),
    lastActivity,
    truncated: ev.truncated,
    countedAsRelationships: map.config.evidence.countsAsRelationship,
  };
}
