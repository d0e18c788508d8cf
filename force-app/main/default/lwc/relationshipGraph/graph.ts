/**
 * Input validation and the compact graph every analytic runs on.
 *
 * `prepareMap` reads a map defensively (it never throws on bad data: every problem becomes a
 * {@link ValidationIssue}), drops what cannot be used, and builds adjacency arrays (CSR: one
 * offsets array, one targets array, one weights array) for the influence each link carries.
 *
 * Determinism: people are indexed in id order and links sorted by (from, to, type, id), so every
 * search visits the same nodes in the same order whatever the input order was.
 */
import {
  AUTHORITIES,
  COMMUNICATION_STYLES,
  COVERAGES,
  GOAL_IMPACTS,
  LINK_STRENGTHS,
  LINK_TYPES,
  PREFERRED_CHANNELS,
  ROLES,
  SENTIMENTS,
  SIDES,
  STANCES,
} from './model';
import type {
  Authority,
  Coverage,
  GoalImpact,
  LinkStrength,
  LinkType,
  MapInput,
  MapPerson,
  Role,
  Sentiment,
  Side,
  Stance,
} from './model';
import { resolveConfig } from './semantics';
import type { AnalyticsConfig, ConfigOverrides } from './semantics';

/** Options of every analytic. `now` is an input so that results are reproducible. */
export interface AnalyticsOptions {
  /** The moment "now": an ISO date or date-time string, epoch milliseconds or a Date. */
  now: string | number | Date;
  /** Overrides of {@link DEFAULT_CONFIG}. */
  config?: ConfigOverrides;
}

/** What kind of problem an input has. */
export type IssueCode =
  | 'invalid-input'
  | 'invalid-person'
  | 'missing-name'
  | 'duplicate-person'
  | 'unknown-value'
  | 'invalid-date'
  | 'decision-maker-mismatch'
  | 'multiple-primary-contacts'
  | 'invalid-link'
  | 'missing-link-end'
  | 'self-link'
  | 'unknown-person'
  | 'duplicate-link';

/**
 * A problem with the input. `error`: the record (or link) is ignored by the analytics;
 * `warning`: it is used, with the fallback the message names.
 */
export interface ValidationIssue {
  severity: 'error' | 'warning';
  code: IssueCode;
  /** What is wrong and what the analytics did about it, in words. */
  message: string;
  personId?: string;
  linkId?: string;
  /** The MapPerson / InfluenceLink property at fault. */
  field?: string;
  /** The offending value, as text. */
  value?: string;
}

/** A person as the analytics see them: blanks resolved to the field defaults. */
export interface Person {
  id: string;
  name: string;
  title: string;
  side: Side;
  role: Role;
  authority: Authority;
  stance: Stance;
  sentiment: Sentiment;
  coverage: Coverage;
  goalImpact: GoalImpact;
  isPrimaryContact: boolean;
  isVacant: boolean;
  isDecisionMaker: boolean;
  /** Side is Our Company. */
  isOurs: boolean;
  /** A customer or partner whose stance is Opponent. */
  isOpponent: boolean;
  /** Last_Interaction__c as epoch ms, or null. */
  lastInteractionMs: number | null;
  /** Stance_Changed_At__c as epoch ms, or null. */
  stanceChangedAtMs: number | null;
  /** The input record. */
  source: MapPerson;
}

/** A usable link between two people on the map. */
export interface ResolvedLink {
  id: string;
  from: number;
  to: number;
  type: LinkType;
  strength: LinkStrength;
  notes: string;
}

/** Directed adjacency in CSR form: the edges of node v are start[v] .. start[v+1]-1. */
export interface Adjacency {
  start: Int32Array;
  /** The other end of each edge. */
  node: Int32Array;
  /** Influence the edge carries, in (0, 1]. */
  weight: Float64Array;
  /** Index into PreparedMap.links of the link behind the edge. */
  link: Int32Array;
  /** 1 if the edge runs along its link (From→To), 0 if against it (To→From). */
  along: Uint8Array;
}

/** A validated map, ready for the analytics (build once, run every analytic on it). */
export interface PreparedMap {
  input: MapInput;
  options: AnalyticsOptions;
  config: AnalyticsConfig;
  nowMs: number;
  issues: ValidationIssue[];
  /** Non-excluded people, in id order; their position is their node index. */
  people: Person[];
  index: ReadonlyMap<string, number>;
  /** Usable links, deduplicated, sorted by (from, to, type, id). */
  links: ResolvedLink[];
  /** Influence edges u→v: u sways v. */
  out: Adjacency;
  /** The same edges reversed, listed at their target: v's entries are the u with u→v. */
  in: Adjacency;
  /** Node index of the primary contact, or -1. */
  primary: number;
}

const DAY_MS = 86_400_000;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Parses options.now; throws a RangeError when it is not a date (a programming error). */
export function parseNow(now: string | number | Date): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseIsoDate(now);
  if (ms === null || !Number.isFinite(ms)) throw new RangeError(`options.now is not a valid date: ${String(now)}`);
  return ms;
}

/** Value of the `count` decimal digits at `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Epoch ms of an ISO date (`YYYY-MM-DD`, read as UTC midnight) or date-time
 * (`YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, UTC when no zone); null if not one, or if the
 * date does not exist (2024-02-31). Hand-parsed: a map carries thousands of these.
 */
export function parseIsoDate(value: string): number | null {
  const text = value.trim();
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || text[4] !== '-' || text[7] !== '-') return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays =
    month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > monthDays) return null;
  const date = Date.UTC(year, month - 1, day);
  if (text.length === 10) return date;
  if (text[10] !== 'T' && text[10] !== ' ') return null;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || text[13] !== ':') return null;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return null;
    at += 3;
    if (text[at] === '.') {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end === at + 1) return null;
      millis = Math.floor(Number(`0${text.slice(at, end)}`) * 1000);
      at = end;
    }
  }
  let offsetMinutes = 0;
  const zone = text.slice(at);
  if (zone !== '' && zone !== 'Z') {
    const sign = zone[0] === '+' ? 1 : zone[0] === '-' ? -1 : 0;
    const zh = digits(zone, 1, 2);
    const zm = zone.length === 6 && zone[3] === ':' ? digits(zone, 4, 2) : zone.length === 5 ? digits(zone, 3, 2) : -1;
    if (sign === 0 || zh < 0 || zh > 23 || zm < 0 || zm > 59) return null;
    offsetMinutes = sign * (zh * 60 + zm);
  }
  return date + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** Whole days from `thenMs` to `nowMs` (negative when in the future). */
export const daysBetween = (thenMs: number, nowMs: number): number => Math.floor((nowMs - thenMs) / DAY_MS);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const blank = (value: unknown): boolean => value === null || value === undefined || value === '';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A printable form of a bad value for messages. */
const show = (value: unknown): string => {
  if (typeof value === 'string') return `"${value}"`;
  // The catch names its binding: PMD's JavaScript parser (Rhino, in Code Analyzer) crashes on `catch {`.
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (_unserializable) {
    return String(value);
  }
};

/** Collects issues in a deterministic order (sorted at the end). */
class IssueLog {
  readonly list: ValidationIssue[] = [];
  add(issue: ValidationIssue): void {
    this.list.push(issue);
  }
  sorted(): ValidationIssue[] {
    const sev = (i: ValidationIssue) => (i.severity === 'error' ? 0 : 1);
    return this.list.sort(
      (a, b) =>
        sev(a) - sev(b) ||
        cmp(a.code, b.code) ||
        cmp(a.personId ?? '', b.personId ?? '') ||
        cmp(a.linkId ?? '', b.linkId ?? '') ||
        cmp(a.field ?? '', b.field ?? '') ||
        cmp(a.message, b.message)
    );
  }
}

function picklist<T extends string>(
  log: IssueLog,
  value: unknown,
  field: string,
  values: readonly T[],
  fallback: T,
  owner: { personId?: string; linkId?: string; label: string | (() => string) },
  fallbackText: string = fallback
): T {
  if (value === null || value === undefined || value === '') return fallback;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  const label = typeof owner.label === 'function' ? owner.label() : owner.label;
  log.add({
    severity: 'warning',
    code: 'unknown-value',
    message: `${label}: ${field} ${show(value)} is not one of ${values.join(', ')}; treated as ${fallbackText}.`,
    ...(owner.personId !== undefined ? { personId: owner.personId } : {}),
    ...(owner.linkId !== undefined ? { linkId: owner.linkId } : {}),
    field,
    value: show(value),
  });
  return fallback;
}

function dateField(log: IssueLog, value: unknown, field: string, id: string, label: string) {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'string' ? parseIsoDate(value) : null;
  if (ms === null) {
    log.add({
      severity: 'warning',
      code: 'invalid-date',
      message: `${label}: ${field} ${show(value)} is not an ISO date; treated as blank.`,
      personId: id,
      field,
      value: show(value),
    });
  }
  return ms;
}

interface PersonCandidate {
  person: Person;
  excluded: boolean;
}

function readPerson(log: IssueLog, raw: unknown, position: number): PersonCandidate | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
    const value = isRecord(raw) ? show(raw.id) : show(raw);
    log.add({
      severity: 'error',
      code: 'invalid-person',
      message: `People entry ${position + 1} has no id (${value}); ignored.`,
      value,
    });
    return null;
  }
  const id = raw.id;
  let name = text(raw.name).trim();
  if (name === '') {
    log.add({
      severity: 'warning',
      code: 'missing-name',
      message: `Person ${id} has no name; shown by id.`,
      personId: id,
      field: 'name',
    });
    name = id;
  }
  const label = `${name} (${id})`;
  const owner = { personId: id, label };
  const role = picklist(log, raw.role, 'role', ROLES, 'Unknown', owner);
  const side = picklist(log, raw.side, 'side', SIDES, 'Customer', owner);
  const stance = picklist(log, raw.stance, 'stance', STANCES, 'Unknown', owner);
  picklist(log, raw.communicationStyle, 'communicationStyle', COMMUNICATION_STYLES, 'Unknown', owner);
  picklist(log, raw.preferredChannel, 'preferredChannel', PREFERRED_CHANNELS, 'Email', owner, 'blank');
  const roleDecides = role === 'Decision Maker' || role === 'Economic Buyer';
  if (typeof raw.isDecisionMaker === 'boolean' && raw.isDecisionMaker !== roleDecides) {
    log.add({
      severity: 'warning',
      code: 'decision-maker-mismatch',
      message: `${label}: isDecisionMaker is ${String(raw.isDecisionMaker)} but the role is ${role}; treated as a decision maker.`,
      personId: id,
      field: 'isDecisionMaker',
      value: String(raw.isDecisionMaker),
    });
  }
  const person: Person = {
    id,
    name,
    title: text(raw.title).trim(),
    side,
    role,
    authority: picklist(log, raw.authority, 'authority', AUTHORITIES, 'Unknown', owner),
    stance,
    sentiment: picklist(log, raw.sentiment, 'sentiment', SENTIMENTS, 'Unknown', owner),
    coverage: picklist(log, raw.coverage, 'coverage', COVERAGES, 'None', owner),
    goalImpact: picklist(log, raw.goalImpact, 'goalImpact', GOAL_IMPACTS, 'Unknown', owner),
    isPrimaryContact: raw.isPrimaryContact === true,
    isVacant: raw.isVacant === true,
    isDecisionMaker: roleDecides || raw.isDecisionMaker === true,
    isOurs: side === 'Our Company',
    isOpponent: side !== 'Our Company' && stance === 'Opponent',
    lastInteractionMs: dateField(log, raw.lastInteraction, 'lastInteraction', id, label),
    stanceChangedAtMs: dateField(log, raw.stanceChangedAt, 'stanceChangedAt', id, label),
    source: raw as unknown as MapPerson,
  };
  return { person, excluded: raw.excluded === true };
}

/** Builds CSR adjacency from m edges; a stable bucket fill keeps each node's edges in input order. */
function buildAdjacency(
  n: number,
  m: number,
  src: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
  link: Int32Array,
  along: Uint8Array
): Adjacency {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[src[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const adj: Adjacency = {
    start,
    node: new Int32Array(m),
    weight: new Float64Array(m),
    link: new Int32Array(m),
    along: new Uint8Array(m),
  };
  for (let e = 0; e < m; e++) {
    const at = fill[src[e]]++;
    adj.node[at] = dst[e];
    adj.weight[at] = weight[e];
    adj.link[at] = link[e];
    adj.along[at] = along[e];
  }
  return adj;
}

/**
 * The influence edges of `links` among `people`: each link gives up to two, one per direction
 * with a positive share; vacant seats carry nothing. Edges are generated in link order (sorted
 * by from, to, type, id) and the fill is stable, so each node's edge list is in that same order.
 */
export function buildEdges(
  people: readonly Person[],
  links: readonly ResolvedLink[],
  config: AnalyticsConfig
): { out: Adjacency; in: Adjacency } {
  const maxEdges = links.length * 2;
  const src = new Int32Array(maxEdges);
  const dst = new Int32Array(maxEdges);
  const weight = new Float64Array(maxEdges);
  const linkOf = new Int32Array(maxEdges);
  const along = new Uint8Array(maxEdges);
  const vacant = Uint8Array.from(people, (p) => (p.isVacant ? 1 : 0));
  let m = 0;
  for (let li = 0; li < links.length; li++) {
    const l = links[li];
    if (vacant[l.from] === 1 || vacant[l.to] === 1) continue;
    const s = config.linkTypes[l.type];
    const w = config.strengths[l.strength];
    if (s.forward * w > 0) {
      src[m] = l.from;
      dst[m] = l.to;
      weight[m] = s.forward * w;
      linkOf[m] = li;
      along[m] = 1;
      m++;
    }
    if (s.backward * w > 0) {
      src[m] = l.to;
      dst[m] = l.from;
      weight[m] = s.backward * w;
      linkOf[m] = li;
      along[m] = 0;
      m++;
    }
  }
  const n = people.length;
  return {
    out: buildAdjacency(n, m, src, dst, weight, linkOf, along),
    in: buildAdjacency(n, m, dst, src, weight, linkOf, along),
  };
}

/**
 * Sorts links by key (lower end, other end, type) — deterministic whatever the input order —
 * and keeps one link per key: the strongest, then the smallest id; the others are reported.
 */
function dedupeLinks(
  log: IssueLog,
  keys: readonly number[],
  candidates: readonly ResolvedLink[],
  config: AnalyticsConfig,
  people: readonly Person[]
): ResolvedLink[] {
  const count = candidates.length;
  let order: Int32Array;
  const maxKey = keys.reduce((max, k) => (k > max ? k : max), 0);
  if ((maxKey + 1) * count < Number.MAX_SAFE_INTEGER) {
    // key × count + position, sorted natively (no comparator): the fast path for real maps.
    const packed = Float64Array.from(keys, (k, i) => k * count + i).sort();
    order = Int32Array.from(packed, (x) => x % count);
  } else {
    order = Int32Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  }
  const better = (x: ResolvedLink, y: ResolvedLink): boolean => {
    const wx = config.strengths[x.strength];
    const wy = config.strengths[y.strength];
    return wx > wy || (wx === wy && x.id < y.id);
  };
  const links: ResolvedLink[] = [];
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && keys[order[j]] === keys[order[i]]) j++;
    let best = candidates[order[i]];
    for (let k = i + 1; k < j; k++) if (better(candidates[order[k]], best)) best = candidates[order[k]];
    for (let k = i; k < j; k++) {
      const dropped = candidates[order[k]];
      if (dropped === best) continue;
      log.add({
        severity: 'warning',
        code: 'duplicate-link',
        message: `Links ${best.id} and ${dropped.id} are the same ${best.type} link between ${people[best.from].name} and ${people[best.to].name}; ${best.id} (${best.strength}) is used.`,
        linkId: dropped.id,
      });
    }
    links.push(best);
    i = j;
  }
  return links;
}

/**
 * Every problem with a map's people and links (the issues of {@link prepareMap}).
 * Never throws, whatever the input.
 */
export function validateMap(input: unknown): ValidationIssue[] {
  return prepareMap(input as MapInput, { now: 0 }).issues;
}

/**
 * Validates a map and builds its graph. Excluded people are validated, then trimmed; links to
 * them are dropped silently. Never throws on bad map data (only on invalid options).
 */
export function prepareMap(input: MapInput, options: AnalyticsOptions): PreparedMap {
  const config = resolveConfig(options.config);
  const nowMs = parseNow(options.now);
  const log = new IssueLog();
  const rawInput: unknown = input;
  const rawPeople: unknown = isRecord(rawInput) ? rawInput.people : undefined;
  const rawLinks: unknown = isRecord(rawInput) ? rawInput.links : undefined;
  if (!Array.isArray(rawPeople)) {
    log.add({ severity: 'error', code: 'invalid-input', message: 'The map has no people list; read as empty.' });
  }
  if (!Array.isArray(rawLinks)) {
    log.add({ severity: 'error', code: 'invalid-input', message: 'The map has no links list; read as empty.' });
  }
  const peopleIn: readonly unknown[] = Array.isArray(rawPeople) ? (rawPeople as unknown[]) : [];
  const linksIn: readonly unknown[] = Array.isArray(rawLinks) ? (rawLinks as unknown[]) : [];

  // People: first occurrence of an id wins; excluded people are known (links to them are not
  // "unknown") but trimmed.
  const seen = new Map<string, PersonCandidate>();
  peopleIn.forEach((raw, position) => {
    const candidate = readPerson(log, raw, position);
    if (!candidate) return;
    if (seen.has(candidate.person.id)) {
      log.add({
        severity: 'error',
        code: 'duplicate-person',
        message: `Person id ${candidate.person.id} appears more than once (${candidate.person.name}); only the first is used.`,
        personId: candidate.person.id,
      });
      return;
    }
    seen.set(candidate.person.id, candidate);
  });
  const people = [...seen.values()]
    .filter((c) => !c.excluded)
    .map((c) => c.person)
    .sort((a, b) => cmp(a.id, b.id));
  const index = new Map<string, number>();
  people.forEach((p, i) => index.set(p.id, i));
  // Every known id → node index, or -1 for an excluded person (known, but trimmed).
  const known = new Map<string, number>();
  for (const [id, c] of seen) known.set(id, c.excluded ? -1 : index.get(id)!);

  const primaries = people.filter((p) => p.isPrimaryContact);
  let primary = primaries.length > 0 ? index.get(primaries[0].id)! : -1;
  if (primaries.length > 1) {
    log.add({
      severity: 'warning',
      code: 'multiple-primary-contacts',
      message: `${primaries.length} primary contacts (${primaries.map((p) => p.name).join(', ')}); at most one is allowed, ${primaries[0].name} is used.`,
      personId: primaries[0].id,
    });
  }
  if (primary >= 0 && (people[primary].isVacant || people[primary].isOurs)) primary = -1;

  // Links.
  const n = people.length;
  const nameOf = (pid: string) => seen.get(pid)?.person.name ?? pid;
  const keys: number[] = [];
  const candidates: ResolvedLink[] = [];
  linksIn.forEach((raw, position) => {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
      const value = isRecord(raw) ? show(raw.id) : show(raw);
      log.add({
        severity: 'error',
        code: 'invalid-link',
        message: `Links entry ${position + 1} has no id (${value}); ignored.`,
        value,
      });
      return;
    }
    const id = raw.id;
    const fromId = raw.fromId;
    const toId = raw.toId;
    if (typeof fromId !== 'string' || fromId === '' || typeof toId !== 'string' || toId === '') {
      const field = typeof fromId !== 'string' || fromId === '' ? 'fromId' : 'toId';
      log.add({
        severity: 'error',
        code: 'missing-link-end',
        message: `Link ${id} has no ${field === 'fromId' ? 'From' : 'To'} person (deleted?); ignored.`,
        linkId: id,
        field,
      });
      return;
    }
    if (fromId === toId) {
      log.add({
        severity: 'error',
        code: 'self-link',
        message: `Link ${id} links ${nameOf(fromId)} to themselves; ignored.`,
        linkId: id,
        personId: fromId,
      });
      return;
    }
    const from = known.get(fromId);
    const to = known.get(toId);
    if (from === undefined || to === undefined) {
      const missing = [fromId, toId].filter((pid) => !known.has(pid));
      log.add({
        severity: 'error',
        code: 'unknown-person',
        message: `Link ${id} points to ${missing.join(' and ')}, not on this map; ignored.`,
        linkId: id,
        field: missing[0] === fromId ? 'fromId' : 'toId',
        value: missing.join(', '),
      });
      return;
    }
    const label = () => `Link ${id} (${nameOf(fromId)} → ${nameOf(toId)})`;
    const typeValue = raw.type;
    let type: LinkType = 'Influences';
    if (!blank(typeValue)) {
      if (typeof typeValue === 'string' && (LINK_TYPES as readonly string[]).includes(typeValue)) {
        type = typeValue as LinkType;
      } else {
        log.add({
          severity: 'error',
          code: 'unknown-value',
          message: `${label()}: type ${show(typeValue)} is not one of ${LINK_TYPES.join(', ')}; the link is ignored (its meaning is unknown).`,
          linkId: id,
          field: 'type',
          value: show(typeValue),
        });
        return;
      }
    }
    const strength = picklist(log, raw.strength, 'strength', LINK_STRENGTHS, 'Medium', { linkId: id, label });
    if (from < 0 || to < 0) return; // an excluded end: trimmed with the person
    const semantics = config.linkTypes[type];
    // One key per Unique_Key__c (from, to, type); two-way types in either direction are the
    // same link. Sorting by key orders the links and brings duplicates together.
    const twoWay = semantics.forward === semantics.backward;
    const key = (twoWay && from > to ? to * n + from : from * n + to) * LINK_TYPES.length + LINK_TYPES.indexOf(type);
    keys.push(key);
    candidates.push({ id, from, to, type, strength, notes: text(raw.notes) });
  });
  const links = dedupeLinks(log, keys, candidates, config, people);
  const { out, in: inn } = buildEdges(people, links, config);

  return {
    input,
    options,
    config,
    nowMs,
    issues: log.sorted(),
    people,
    index,
    links,
    out,
    in: inn,
    primary,
  };
}

/**
 * The same map with person `v`'s seat vacant (as if Is_Vacant__c were set): no new validation,
 * just the edges rebuilt — O(V + E).
 */
export function withVacancy(map: PreparedMap, v: number): PreparedMap {
  const person = map.people[v];
  const people = map.people.slice();
  people[v] = { ...person, isVacant: true, source: { ...person.source, isVacant: true } };
  const { out, in: inn } = buildEdges(people, map.links, map.config);
  // The person was found, so the input's people list is an array.
  const inputPeople = map.input.people.map((p) => (p.id === person.id ? { ...p, isVacant: true } : p));
  return {
    ...map,
    input: { people: inputPeople, links: map.input.links },
    people,
    out,
    in: inn,
    primary: map.primary === v ? -1 : map.primary,
  };
}
