/**
 * All analytics of one map in one call, and the what-if of a person leaving (issue 3, item 7).
 */
import { show } from './fields';
import { prepareMap, withVacancy } from './graph';
import type { AnalyticsOptions, PreparedMap } from './graph';
import type { ValidationIssue } from './issues';
import { computeInfluence } from './influence';
import type { InfluenceResult } from './influence';
import { RouteFinder, findWarmPaths, formatStrength, opponentNames } from './paths';
import type { DecisionMakerPaths, PathStatus, WarmPath } from './paths';
import { findCoverageGaps } from './coverage';
import type { CoverageResult } from './coverage';
import { computeHealth, decisionMakerSeats, findStalePeople } from './health';
import type { HealthComponentKey, HealthReport, HealthState, StalePerson } from './health';
import { summarizeDecisionMakers } from './decisionMakers';
import type { DecisionMakerSummary } from './decisionMakers';
import { planGoalEffects } from './goals';
import type { GoalPlan } from './goals';
import { Workspace } from './search';
import { analyzeEvidence } from './evidence';
import type { EvidenceAnalysis } from './evidence';
import type { MapInput } from './model';

/** Every analytic of one map. */
export interface MapAnalysis {
  issues: ValidationIssue[];
  influence: InfluenceResult;
  warmPaths: DecisionMakerPaths[];
  coverage: CoverageResult;
  health: HealthReport;
  goals: GoalPlan;
  /**
   * Our reach into the decision, 0-1: the authority-weighted mean strength of the best warm path
   * to each decision-maker seat (0 for one we cannot reach or a vacant seat).
   */
  warmReach: number;
  /** Every decision-maker seat with stance, coverage, best path and next step; unsupported first. */
  decisionMakers: DecisionMakerSummary[];
  /** Customer and partner people nobody touched in the stale period (added before it), id order. */
  stalePeople: StalePerson[];
  /** Who the primary contact is, and flagged primary contacts whose seat is vacant. */
  primaryContact: PrimaryContactStatus;
  /** What the activity evidence says (issue 17): ties, suggestions, latest activities; empty without evidence. */
  evidence: EvidenceAnalysis;
}

/** The primary contact the analytics use and the flagged ones they cannot (vacant seats). */
export interface PrimaryContactStatus {
  /** The present, flagged primary contact used (first in id order), or null. */
  personId: string | null;
  name: string | null;
  /** Flagged primary contacts whose seat is vacant. */
  vacant: { personId: string; name: string }[];
  /** A sentence when a flagged primary contact's seat is vacant, else null. */
  message: string | null;
}

function primaryContactStatus(map: PreparedMap): PrimaryContactStatus {
  const used = map.primary >= 0 ? map.people[map.primary] : null;
  const vacant = map.people
    .filter((p) => p.isPrimaryContact && p.isVacant && !p.isOurs)
    .map((p) => ({ personId: p.id, name: p.name }));
  const names = vacant.map((v) => v.name).join(' and ');
  const message =
    vacant.length === 0
      ? null
      : used
        ? `The primary contact ${names} has left (seat vacant); ${used.name} is used as primary contact.`
        : `The primary contact ${names} has left (seat vacant): flag the person who took over as primary contact.`;
  return { personId: used?.id ?? null, name: used?.name ?? null, vacant, message };
}

/** Runs every analytic on a prepared map (sharing the search arrays and intermediate results). */
export function analyzePrepared(map: PreparedMap): MapAnalysis {
  const influence = computeInfluence(map, new Workspace(map.people.length));
  const finder = new RouteFinder(map);
  const warmPaths = findWarmPaths(map, finder);
  const coverage = findCoverageGaps(map, warmPaths, finder);
  const health = computeHealth(map, coverage);
  const goals = planGoalEffects(map, influence);
  return {
    issues: map.issues,
    influence,
    warmPaths,
    coverage,
    health,
    goals,
    warmReach: warmReach(map, warmPaths),
    decisionMakers: summarizeDecisionMakers(map, warmPaths, coverage, health),
    stalePeople: findStalePeople(map),
    primaryContact: primaryContactStatus(map),
    evidence: analyzeEvidence(map),
  };
}

/** Validates a map and runs every analytic on it. Never throws on bad map data. */
export function analyzeMap(input: MapInput, options: AnalyticsOptions): MapAnalysis {
  return analyzePrepared(prepareMap(input, options));
}

function warmReach(map: PreparedMap, warmPaths: readonly DecisionMakerPaths[]): number {
  const best = new Map(warmPaths.map((w) => [w.decisionMakerId, w.paths[0]?.strength ?? 0]));
  let total = 0;
  let sum = 0;
  // Vacant decision-maker seats count at 0: nobody there to reach.
  for (const d of decisionMakerSeats(map)) {
    const a = map.config.authorityWeights[map.people[d].authority];
    total += a;
    sum += a * (best.get(map.people[d].id) ?? 0);
  }
  return total > 0 ? sum / total : 0;
}

/** A decision maker whose best warm path ran through the person who leaves. */
export interface PathChange {
  decisionMakerId: string;
  name: string;
  before: WarmPath;
  /** The best path left, or null. */
  after: WarmPath | null;
  statusBefore: PathStatus;
  statusAfter: PathStatus;
  message: string;
}

/** How one person's influence over the decision changes. */
export interface InfluenceChange {
  personId: string;
  name: string;
  before: number;
  after: number;
  delta: number;
}

export interface WhatIfResult {
  personId: string;
  name: string;
  /** False when the person is not on the map (unknown id or excluded): nothing changes. */
  found: boolean;
  wasDecisionMaker: boolean;
  /** Decision makers who lose their best warm path, in id order. */
  lostPaths: PathChange[];
  /** The person's own influence over the decision, which leaves with them. */
  influenceLost: number;
  /** Everyone else whose influence over the decision changes, biggest loss first. */
  influenceChanges: InfluenceChange[];
  warmReach: { before: number; after: number; delta: number };
  /** Coverage of key people, 0-1, before and after. */
  coverage: { before: number; after: number; delta: number };
  health: {
    before: number;
    after: number;
    delta: number;
    /** The badge's state before and after (a map can stop being Healthy). */
    stateBefore: HealthState;
    stateAfter: HealthState;
    components: { key: HealthComponentKey; before: number; after: number; delta: number }[];
  };
  /** Decision-maker seats the departure leaves vacant (the person's own, when they decide): open risks. */
  vacantSeats: VacantSeatRisk[];
  /** The result in sentences. */
  summary: string[];
  /** The analysis of the map without the person. */
  analysisAfter: MapAnalysis;
}

/** A decision-maker seat that becomes vacant: an open risk until someone takes over. */
export interface VacantSeatRisk {
  personId: string;
  name: string;
  role: string;
  /** "Morgan's seat (economic buyer) becomes vacant: find out who takes over; …". */
  message: string;
}

const fmt = formatStrength;
const signed = (x: number): string => (x > 0 ? `+${x}` : `${x}`);

/**
 * The decision makers whose best warm path in `before` runs through `personId`, with the best path
 * left in `after` (the analysis of `afterMap`: the person gone, vacant or trimmed) and a sentence.
 */
export function lostBestPaths(
  before: MapAnalysis,
  after: MapAnalysis,
  afterMap: PreparedMap,
  personId: string
): PathChange[] {
  const afterPaths = new Map(after.warmPaths.map((w) => [w.decisionMakerId, w]));
  const lost: PathChange[] = [];
  for (const w of before.warmPaths) {
    const best = w.paths[0];
    if (!best || w.decisionMakerId === personId || !best.personIds.includes(personId)) continue;
    const now = afterPaths.get(w.decisionMakerId);
    const next = now?.paths[0] ?? null;
    const statusAfter = now?.status ?? 'unreachable';
    let message: string;
    if (!next) message = `${w.name}: no warm path remains.`;
    else if (statusAfter === 'only-through-opponents')
      message = `${w.name}: now only reachable through an opponent (${opponentNames(afterMap, next)}): ${next.explanation} (strength ${fmt(next.strength)}).`;
    else
      message = `${w.name}: next best path: ${next.explanation} (strength ${fmt(next.strength)}, was ${fmt(best.strength)}).`;
    lost.push({
      decisionMakerId: w.decisionMakerId,
      name: w.name,
      before: best,
      after: next,
      statusBefore: w.status,
      statusAfter,
      message,
    });
  }
  return lost;
}

/**
 * What if `personId` leaves: their seat becomes vacant (as Is_Vacant__c would), so their links
 * carry nothing, they start and relay no warm path, and a decision maker leaving leaves a vacant
 * key seat. `baseline` is the analysis of `map` if already computed.
 */
export function whatIfRemoved(map: PreparedMap, personId: string, baseline?: MapAnalysis): WhatIfResult {
  const before = baseline ?? analyzePrepared(map);
  const v = map.index.get(personId) ?? -1;
  const person = v >= 0 ? map.people[v] : null;
  if (!person || person.isVacant) {
    // An id that is not a string (bad input) is shown, never converted: it may not convert.
    const shownId = typeof personId === 'string' ? personId : show(personId);
    const reason = person ? `${person.name}'s seat is already vacant` : `${shownId} is not on the map`;
    return {
      personId,
      name: person?.name ?? shownId,
      found: false,
      wasDecisionMaker: false,
      lostPaths: [],
      influenceLost: 0,
      influenceChanges: [],
      warmReach: { before: before.warmReach, after: before.warmReach, delta: 0 },
      coverage: { before: before.coverage.score, after: before.coverage.score, delta: 0 },
      health: {
        before: before.health.score,
        after: before.health.score,
        delta: 0,
        stateBefore: before.health.state,
        stateAfter: before.health.state,
        components: before.health.components.map((c) => ({ key: c.key, before: c.score, after: c.score, delta: 0 })),
      },
      vacantSeats: [],
      summary: [`Nothing changes: ${reason}.`],
      analysisAfter: before,
    };
  }
  const afterMap = withVacancy(map, v);
  const after = analyzePrepared(afterMap);

  const lostPaths = lostBestPaths(before, after, afterMap, personId);

  const afterInfluence = new Map(after.influence.people.map((p) => [p.personId, p.decisionInfluence]));
  let influenceLost = 0;
  const influenceChanges: InfluenceChange[] = [];
  for (const p of before.influence.people) {
    if (p.personId === personId) {
      influenceLost = p.decisionInfluence;
      continue;
    }
    const a = afterInfluence.get(p.personId) ?? 0;
    if (Math.abs(a - p.decisionInfluence) > 1e-12) {
      influenceChanges.push({
        personId: p.personId,
        name: p.name,
        before: p.decisionInfluence,
        after: a,
        delta: a - p.decisionInfluence,
      });
    }
  }
  influenceChanges.sort((a, b) => a.delta - b.delta || (a.personId < b.personId ? -1 : 1));

  const afterComponents = new Map(after.health.components.map((c) => [c.key, c.score]));
  const components = before.health.components.map((c) => {
    const a = afterComponents.get(c.key) ?? 0;
    return { key: c.key, before: c.score, after: a, delta: Math.round((a - c.score) * 10) / 10 };
  });
  const healthDelta = after.health.score - before.health.score;

  const wasDecisionMaker = person.isDecisionMaker && !person.isOurs;
  const vacantSeats: VacantSeatRisk[] = [];
  if (wasDecisionMaker) {
    const role = person.role === 'Economic Buyer' ? 'economic buyer' : 'decision maker';
    const supportBefore = before.health.components.find((c) => c.key === 'support')?.score ?? 0;
    const supportAfter = afterComponents.get('support') ?? 0;
    vacantSeats.push({
      personId,
      name: person.name,
      role,
      message: `${person.name}'s seat (${role}) becomes vacant: an open risk until someone takes over; support among decision makers goes from ${supportBefore} to ${supportAfter}.`,
    });
  }

  const summary: string[] = [];
  if (wasDecisionMaker) summary.push(`${person.name} is a decision maker: their seat becomes vacant.`);
  for (const seat of vacantSeats) summary.push(seat.message);
  if (lostPaths.length === 0)
    summary.push(
      wasDecisionMaker
        ? 'No other decision maker loses their best warm path.'
        : 'No decision maker loses their best warm path.'
    );
  else {
    const who = lostPaths.length === 1 ? '1 decision maker loses' : `${lostPaths.length} decision makers lose`;
    summary.push(`${who} their best warm path. ${lostPaths.map((l) => l.message).join(' ')}`);
  }
  summary.push(`${person.name} held ${fmt(influenceLost)} of the influence over the decision.`);
  const biggest = influenceChanges[0];
  if (biggest && biggest.delta < 0)
    summary.push(`Biggest loss: ${biggest.name}, from ${fmt(biggest.before)} to ${fmt(biggest.after)}.`);
  const stateWords =
    after.health.state !== before.health.state ? ` (${before.health.label} → ${after.health.label})` : '';
  summary.push(
    `Our warm reach goes from ${fmt(before.warmReach)} to ${fmt(after.warmReach)}; map health from ${before.health.score} to ${after.health.score} (${signed(healthDelta)})${stateWords}.`
  );

  return {
    personId,
    name: person.name,
    found: true,
    wasDecisionMaker,
    lostPaths,
    influenceLost,
    influenceChanges,
    warmReach: { before: before.warmReach, after: after.warmReach, delta: after.warmReach - before.warmReach },
    coverage: {
      before: before.coverage.score,
      after: after.coverage.score,
      delta: after.coverage.score - before.coverage.score,
    },
    health: {
      before: before.health.score,
      after: after.health.score,
      delta: healthDelta,
      stateBefore: before.health.state,
      stateAfter: after.health.state,
      components,
    },
    vacantSeats,
    summary,
    analysisAfter: after,
  };
}
