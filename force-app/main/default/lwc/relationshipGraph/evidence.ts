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
  for (const b of buckets) {
    const read = readBucket(b, asOfMs, new Map());
    if (read) score += bucketScore(read.kind, read.count, read.firstMs, read.lastMs, asOfMs, config);
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
  const parts: string[] = [];
  if (n(t.meetings) > 0) parts.push(counted(n(t.meetings), 'meeting', 'meetings'));
  if (n(t.calls) > 0) parts.push(counted(n(t.calls), 'call', 'calls'));
  if (n(t.emails) > 0) parts.push(counted(n(t.emails), 'email', 'emails'));
  const lastMs = dayMs(t.lastDate);
  const asOfMs = dayMs(asOf);
  if (lastMs !== null && asOfMs !== null) parts.push(lastWords(daysBetween(lastMs, asOfMs)));
  return parts.join(', ');
}

/** One bucket, read; null when it cannot be used. */
interface BucketRead {
  userId: string;
  contactId: string;
  kind: ActivityKind;
  count: number;
  firstMs: number;
  lastMs: number;
}

/**
 * Reads one bucket: user and contact ids (non-empty strings), a kind of ACTIVITY_KINDS, a whole
 * count >= 1, and `YYYY-MM-DD` first and last dates with first <= last <= asOf. Anything else is
 * skipped (the controller makes the buckets; a bad one is a bug upstream, not the rep's to fix).
 * `dates` caches parsed dates: a window holds a few hundred distinct days.
 */
function readBucket(raw: unknown, asOfMs: number, dates: Map<unknown, number | null>): BucketRead | null {
  if (!isRecord(raw)) return null;
  const { userId, contactId, kind, count } = raw;
  if (typeof userId !== 'string' || userId === '' || typeof contactId !== 'string' || contactId === '') return null;
  if (kind !== 'Meeting' && kind !== 'Call' && kind !== 'Email') return null;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
  const date = (value: unknown): number | null => {
    let ms = dates.get(value);
    if (ms === undefined) {
      ms = dayMs(value);
      dates.set(value, ms);
    }
    return ms;
  };
  const firstMs = date(raw.firstDate);
  const lastMs = date(raw.lastDate);
  if (firstMs === null || lastMs === null || firstMs > lastMs || lastMs > asOfMs) return null;
  return { userId, contactId, kind, count, firstMs, lastMs };
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
  /** The users and contacts the evidence names, by id (first occurrence). */
  people: ReadonlyMap<string, EvidencePerson>;
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

/** Record id → the first live (not vacant) person in id order holding it as `field`. */
function holders(people: readonly Person[], field: 'userId' | 'contactId'): Map<string, string> {
  const result = new Map<string, string>();
  for (const p of people) {
    const id: unknown = p.source[field];
    if (p.isVacant || typeof id !== 'string' || id === '' || result.has(id)) continue;
    result.set(id, p.id);
  }
  return result;
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
  const sums = new Map<string, TieSum>();
  const lastActivity = new Map<string, number>();
  const dates = new Map<unknown, number | null>();
  const buckets: unknown = given?.buckets;
  if (Array.isArray(buckets)) {
    for (const entry of buckets as unknown[]) {
      const b = readBucket(entry, asOfMs, dates);
      if (!b) continue;
      const key = `${b.userId}\u0000${b.contactId}`;
      let sum = sums.get(key);
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
        sums.set(key, sum);
      }
      if (b.kind === 'Meeting') sum.meetings += b.count;
      else if (b.kind === 'Call') sum.calls += b.count;
      else sum.emails += b.count;
      sum.score += bucketScore(b.kind, b.count, b.firstMs, b.lastMs, asOfMs, config);
      if (b.firstMs < sum.firstMs) sum.firstMs = b.firstMs;
      if (b.lastMs > sum.lastMs) sum.lastMs = b.lastMs;
      const last = lastActivity.get(b.contactId);
      if (last === undefined || b.lastMs > last) lastActivity.set(b.contactId, b.lastMs);
    }
  }
  const asOf = isoDay(asOfMs);
  const ours = holders(people, 'userId');
  const theirs = holders(people, 'contactId');
  const ties: EvidenceTie[] = [];
  const firstMs = new Map<EvidenceTie, number>();
  for (const sum of sums.values()) {
    if (!(sum.score > 0)) continue;
    const lastDate = isoDay(sum.lastMs);
    const counts = { meetings: sum.meetings, calls: sum.calls, emails: sum.emails, lastDate };
    const tie: EvidenceTie = {
      userId: sum.userId,
      contactId: sum.contactId,
      ourPersonId: ours.get(sum.userId) ?? null,
      theirPersonId: theirs.get(sum.contactId) ?? null,
      ...counts,
      score: sum.score,
      strength: strengthOfScore(sum.score, config.levels),
      summary: summarizeTie(counts, asOf),
    };
    ties.push(tie);
    firstMs.set(tie, sum.firstMs);
  }
  ties.sort(
    (a, b) =>
      b.score - a.score ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0) ||
      (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
  );
  const named = new Map<string, EvidencePerson>();
  const listed: unknown = given?.people;
  if (Array.isArray(listed)) {
    for (const p of listed as unknown[]) {
      if (!isRecord(p) || typeof p.id !== 'string' || p.id === '' || named.has(p.id)) continue;
      if (typeof p.name !== 'string' || p.name.trim() === '') continue;
      named.set(p.id, {
        id: p.id,
        name: p.name.trim(),
        title: typeof p.title === 'string' && p.title.trim() !== '' ? p.title.trim() : null,
        department: typeof p.department === 'string' && p.department.trim() !== '' ? p.department.trim() : null,
        isUser: p.isUser === true,
      });
    }
  }
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
    people: named,
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
  for (const p of map.people) if (p.lastActivityMs !== null) lastActivity[p.id] = isoDay(p.lastActivityMs);
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
