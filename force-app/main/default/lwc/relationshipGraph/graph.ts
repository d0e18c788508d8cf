/**
 * The prepared map: input validation and the compact graph every analytic runs on.
 *
 * `prepareMap` reads a map defensively (it never throws on bad data: every problem becomes a
 * {@link ValidationIssue}), drops what cannot be used, and builds adjacency arrays (CSR: one
 * offsets array, one targets array, one weights array) for the influence each link carries.
 * The steps live beside it, one idea a file: dates.ts (ISO dates), issues.ts (the issue log),
 * fields.ts (one raw field), people.ts and links.ts (reading the two lists), edges.ts (CSR).
 *
 * Determinism: people are indexed in id order and links sorted by (from, to, type, id), so every
 * search visits the same nodes in the same order whatever the input order was. Activity evidence
 * (MapInput.evidence, issue 17) is read by evidence.ts; its Relationship links follow the typed
 * ones in routeLinks, in tie order (strongest first, then user and contact id).
 */
import type { MapInput } from './model';
import { parseNow } from './dates';
import { buildEdges } from './edges';
import { evidenceLinks, readEvidence } from './evidence';
import type { PreparedEvidence } from './evidence';
import type { Adjacency } from './edges';
import { isRecord } from './fields';
import { IssueLog } from './issues';
import type { ValidationIssue } from './issues';
import { readLinks } from './links';
import type { ResolvedLink } from './links';
import { readPeople } from './people';
import type { Person, PeopleRead } from './people';
import { resolveConfig } from './semantics';
import type { AnalyticsConfig, ConfigOverrides } from './semantics';

/** Options of every analytic. `now` is an input so that results are reproducible. */
export interface AnalyticsOptions {
  /** The moment "now": an ISO date or date-time string, epoch milliseconds or a Date. */
  now: string | number | Date;
  /** Overrides of {@link DEFAULT_CONFIG}. */
  config?: ConfigOverrides;
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
  /** The activity evidence, read (issue 17): ties, dismissals, latest activities; empty when none was given. */
  evidence: PreparedEvidence;
  /**
   * What coverage and warm paths run on: `links`, then a Relationship link for each tie between two
   * live people on the map when `evidence.countsAsRelationship` (evidence.ts evidenceLinks; a typed
   * Relationship link between the same two wins). The same arrays as links/out/in when there are none.
   */
  routeLinks: ResolvedLink[];
  /** Influence edges of routeLinks u→v (edge `link` indexes routeLinks). */
  routeOut: Adjacency;
  /** routeOut reversed. */
  routeIn: Adjacency;
  /**
   * Friction: for each person with a Conflict link (a link type marked `friction`), the node
   * indices of the people at its other ends, ascending. Vacant ends are listed; users skip them.
   */
  conflicts: ReadonlyMap<number, readonly number[]>;
}

/** The friction pairs of `links` (see PreparedMap.conflicts). */
function conflictIndex(links: readonly ResolvedLink[], config: AnalyticsConfig): Map<number, number[]> {
  const result = new Map<number, number[]>();
  const add = (a: number, b: number) => {
    const list = result.get(a);
    if (!list) result.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const l of links) {
    if (!config.linkTypes[l.type].friction) continue;
    add(l.from, l.to);
    add(l.to, l.from);
  }
  for (const list of result.values()) list.sort((a, b) => a - b);
  return result;
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

  const read = readPeople(log, peopleIn);
  const { people, index, primary } = read;
  const links = readLinks(log, linksIn, read, config);
  const { out, in: inn } = buildEdges(people, links, config);
  const rawEvidence: unknown = isRecord(rawInput) ? rawInput.evidence : undefined;
  const evidence = readEvidence(rawEvidence, people, heldRecordIds(read), nowMs, config.evidence);
  setLastActivity(people, evidence);

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
    conflicts: conflictIndex(links, config),
    evidence,
    ...routes(people, index, links, { out, in: inn }, evidence, config),
  };
}

/**
 * The same map with `evidence` in place of its own (MapInput.evidence; null: none): the ties read,
 * each person's latest activity, and the Relationship links for coverage and warm paths — as
 * prepareMap would give, without validating the people and links again. O(buckets + people + links).
 */
export function withEvidence(map: PreparedMap, evidence: MapInput['evidence']): PreparedMap {
  const people = map.people.map((p) => ({ ...p, lastActivityMs: null }));
  const read = readEvidence(evidence, people, map.evidence.held, map.nowMs, map.config.evidence);
  setLastActivity(people, read);
  // The typed edges depend on who is vacant only: the same as the map's.
  return {
    ...map,
    input: { ...map.input, evidence },
    people,
    evidence: read,
    ...routes(people, map.index, map.links, map, read, map.config),
  };
}

/** Every User and Contact Id a MapPerson of the input holds, excluded and vacant people included. */
function heldRecordIds(read: Pick<PeopleRead, 'seen'>): Set<string> {
  const held = new Set<string>();
  for (const { person } of read.seen.values()) {
    if (person.userId !== null) held.add(person.userId);
    if (person.contactId !== null) held.add(person.contactId);
  }
  return held;
}

/** Each customer's and partner's latest activity (Person.lastActivityMs), from their Contact Id. */
function setLastActivity(people: Person[], evidence: PreparedEvidence): void {
  if (evidence.lastActivity.size === 0) return;
  for (const p of people) {
    if (p.isOurs || p.contactId === null) continue;
    p.lastActivityMs = evidence.lastActivity.get(p.contactId) ?? null;
  }
}

/** routeLinks, routeOut, routeIn (see PreparedMap): the typed graph itself when evidence adds nothing. */
function routes(
  people: readonly Person[],
  index: ReadonlyMap<string, number>,
  links: ResolvedLink[],
  typed: { out: Adjacency; in: Adjacency },
  evidence: PreparedEvidence,
  config: AnalyticsConfig
): Pick<PreparedMap, 'routeLinks' | 'routeOut' | 'routeIn'> {
  const extra = evidenceLinks(evidence, index, links, config.evidence);
  if (extra.length === 0) return { routeLinks: links, routeOut: typed.out, routeIn: typed.in };
  const routeLinks = links.concat(extra);
  const { out, in: inn } = buildEdges(people, routeLinks, config);
  return { routeLinks, routeOut: out, routeIn: inn };
}

/**
 * The same map with person `v`'s seat vacant (as if Is_Vacant__c were set): no new validation,
 * just the edges rebuilt — O(V + E) — except for a flagged primary contact, whose leaving changes
 * the primary contact used and the issues reported (the map is prepared again).
 */
export function withVacancy(map: PreparedMap, v: number): PreparedMap {
  const person = map.people[v];
  const people = map.people.slice();
  people[v] = { ...person, isVacant: true, source: { ...person.source, isVacant: true } };
  const { out, in: inn } = buildEdges(people, map.links, map.config);
  // The person was found, so the input's people list is an array (its entries may be anything).
  const inputPeople = map.input.people.map((p) => (isRecord(p) && p.id === person.id ? { ...p, isVacant: true } : p));
  const input: MapInput = { ...map.input, people: inputPeople };
  // A flagged primary contact who leaves changes who is used and what validation reports (rare):
  // validate the map again, as a fresh load would.
  if (person.isPrimaryContact) return prepareMap(input, map.options);
  const primary = map.primary;
  // The seat's ties no longer reach the map (a vacant person holds no tie): read the evidence again.
  const evidence = map.evidence.present
    ? readEvidence(map.input.evidence, people, map.evidence.held, map.nowMs, map.config.evidence)
    : map.evidence;
  return {
    ...map,
    input,
    people,
    out,
    in: inn,
    primary,
    evidence,
    ...routes(people, map.index, map.links, { out, in: inn }, evidence, map.config),
  };
}
