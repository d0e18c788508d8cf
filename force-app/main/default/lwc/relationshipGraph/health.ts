/**
 * Map health 0-100 (issue 3, item 5): a weighted mean of five components, each 0-100 with the
 * reasons it is not 100, in words.
 *
 * - support: authority-weighted mean stance support of the decision makers
 *   (Champion 1, Supporter 0.75, Neutral 0.4, Skeptic 0.15, Opponent 0, Unknown 0.25);
 * - coverage: mean key-person coverage (see coverage.ts);
 * - freshness: share of customer and partner people with an interaction or a stance review in
 *   the last `staleDays` days (default 90);
 * - completeness: share of the key fields filled for customer and partner people
 *   ({@link KEY_FIELDS});
 * - roles: share of the three roles a deal needs that are on the map: a Champion (role or
 *   stance, customer or partner side), an Executive Sponsor (any side), an Economic Buyer.
 *
 * A component with nothing to measure (no decision makers, no customer people) scores 0: an
 * empty map is not a healthy one; without decision makers the report is `unscored` and its first
 * reason says to add them. Support among decision makers gates the score ({@link HealthGate}):
 * a gated map is never Healthy and its first reasons name who keeps it from being so. Vacant
 * seats and our own people are not assessed, except that a vacant decision-maker seat counts
 * against support (no support, its authority's weight) and a vacant key seat is a coverage gap.
 * Freshness: nobody is stale before `staleDays` have passed since they were added.
 */
import { daysBetween } from './dates';
import type { PreparedMap } from './graph';
import { lastContactMs } from './people';
import type { Person } from './people';
import { isSupportiveStance } from './model';
import type { MapPerson } from './model';
import { findCoverageGaps } from './coverage';
import type { CoverageResult } from './coverage';

export type HealthComponentKey = 'support' | 'coverage' | 'freshness' | 'completeness' | 'roles';

export interface HealthComponent {
  key: HealthComponentKey;
  label: string;
  /** 0-100, one decimal. */
  score: number;
  /** The component's weight in the total (from config.health.weights). */
  weight: number;
  /** Why the score is not 100, in words; empty when it is. */
  reasons: string[];
}

/**
 * What the badge shows: `healthy` (score ≥ healthyAt and not gated), `fair` (≥ fairAt), `poor`,
 * or `unscored` (no decision makers on the map: nothing to score yet, shown in a neutral colour).
 */
export type HealthState = 'healthy' | 'fair' | 'poor' | 'unscored';

/** A decision maker who keeps the map from being Healthy. */
export interface HealthGateBlocker {
  personId: string;
  name: string;
  /** Why, in words: "economic buyer, Skeptic" / "decision maker, High authority, seat vacant". */
  why: string;
}

/**
 * Support among decision makers gates the score: while the economic buyer or a High-authority
 * decision maker is Skeptic, Opponent or Unknown (or their seat is vacant), or while fewer than
 * half the decision makers support us (Champion or Supporter), the map cannot be Healthy.
 */
export interface HealthGate {
  blockers: HealthGateBlocker[];
  /** Decision makers (seats) who support us, and how many there are. */
  supporting: number;
  decisionMakers: number;
  /** The gate's sentences; the first is the first reason of the report. */
  reasons: string[];
}

export interface HealthReport {
  /**
   * 0-100, whole number: Σ weight × component / Σ weight, rounded; while the gate is closed, at
   * most healthyAt - 1 (69): a gated map never shows a healthy number.
   */
  score: number;
  /** The score before the gate's cap. */
  uncappedScore: number;
  /** healthy / fair / poor by score and gate; unscored when the map has no decision makers. */
  state: HealthState;
  /** "Healthy", "Fair", "Poor", "Not scored yet". */
  label: string;
  /** The gate when it keeps the map from being Healthy, else null. */
  gate: HealthGate | null;
  components: HealthComponent[];
  /**
   * Every reason: the gate's first (or "Add the decision makers to score this map" when
   * unscored), then every component's, the component costing the most points first.
   */
  reasons: string[];
}

/** A key field of a person, as the completeness component counts it. */
export interface KeyField {
  field: keyof MapPerson;
  label: string;
  filled: (p: Person) => boolean;
}

/**
 * A long text counts as filled by its text when loaded, else by its formula flag (a map load
 * leaves the long texts out and sends `Has_…__c` instead).
 */
function filledText(text: string | null | undefined, flag: boolean | null | undefined): boolean {
  return typeof text === 'string' ? text.trim() !== '' : flag === true;
}

/** The fields the completeness component checks on each customer and partner person. */
export const KEY_FIELDS: readonly KeyField[] = [
  { field: 'role', label: 'Role', filled: (p) => p.role !== 'Unknown' },
  { field: 'authority', label: 'Authority', filled: (p) => p.authority !== 'Unknown' },
  { field: 'stance', label: 'Stance', filled: (p) => p.stance !== 'Unknown' },
  { field: 'sentiment', label: 'Sentiment', filled: (p) => p.sentiment !== 'Unknown' },
  { field: 'goalImpact', label: 'Goal impact', filled: (p) => p.goalImpact !== 'Unknown' },
  {
    field: 'personalGoals',
    label: 'Personal goals',
    filled: (p) => filledText(p.source.personalGoals, p.source.hasPersonalGoals),
  },
  {
    field: 'prioritiesPainPoints',
    label: 'Priorities and pain points',
    filled: (p) => filledText(p.source.prioritiesPainPoints, p.source.hasPrioritiesPainPoints),
  },
  {
    field: 'relationToGoal',
    label: 'Relation to goal',
    filled: (p) => filledText(p.source.relationToGoal, p.source.hasRelationToGoal),
  },
];

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** "Kim, Lee and 3 more" for at most `max` names. */
export function nameList(names: readonly string[], max = 5): string {
  if (names.length <= max) {
    return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** Customer and partner people who are actually there (not vacant). */
const assessed = (map: PreparedMap): Person[] => map.people.filter((p) => !p.isOurs && !p.isVacant);

/**
 * Decision-maker seats: the customer's and partners' decision makers, vacant seats included (a
 * vacant seat counts against support and warm reach: nobody there backs us). Node indices, id order.
 */
export function decisionMakerSeats(map: PreparedMap): number[] {
  const result: number[] = [];
  map.people.forEach((p, i) => {
    if (p.isDecisionMaker && !p.isOurs) result.push(i);
  });
  return result;
}

/** Champion or Supporter, and there (a vacant seat supports nobody). */
export const supportsUs = (p: Person): boolean => !p.isVacant && isSupportiveStance(p.stance);

function stanceWords(p: Person): string {
  if (p.isVacant) return 'seat vacant';
  return p.stance === 'Unknown' ? 'stance unknown' : p.stance;
}

/** The support gate of a map with decision makers, or null when it is open. */
export function healthGate(map: PreparedMap): HealthGate | null {
  const seats = decisionMakerSeats(map).map((d) => map.people[d]);
  if (seats.length === 0) return null;
  const blocking = (p: Person): boolean =>
    (p.role === 'Economic Buyer' || p.authority === 'High') &&
    (p.isVacant || p.stance === 'Skeptic' || p.stance === 'Opponent' || p.stance === 'Unknown');
  const order = (a: Person, b: Person) =>
    Number(b.role === 'Economic Buyer') - Number(a.role === 'Economic Buyer') ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.id < b.id ? -1 : 1);
  const blockers = seats
    .filter(blocking)
    .sort(order)
    .map((p) => ({
      personId: p.id,
      name: p.name,
      why: `${p.role === 'Economic Buyer' ? 'economic buyer' : 'decision maker, High authority'}, ${stanceWords(p)}`,
    }));
  const supporting = seats.filter(supportsUs).length;
  const tooFew = supporting * 2 < seats.length;
  if (blockers.length === 0 && !tooFew) return null;
  const reasons = blockers.map((b) => {
    const p = map.people[map.index.get(b.personId)!];
    const what = p.isVacant
      ? `${p.name}'s seat (${b.why.split(',')[0]}) is vacant: the map cannot be Healthy until someone who backs us holds it; find out who takes over.`
      : p.stance === 'Unknown'
        ? `${p.name} (${b.why.split(',')[0]}) is of unknown stance: the map cannot be Healthy until they support us; find out where they stand.`
        : `${p.name} (${b.why.split(',')[0]}) is ${p.stance === 'Opponent' ? 'an Opponent' : 'a Skeptic'}: the map cannot be Healthy until they support us.`;
    return what;
  });
  if (tooFew) {
    reasons.push(
      `Only ${supporting} of ${seats.length} decision makers support us: the map cannot be Healthy until at least half do.`
    );
  }
  return { blockers, supporting, decisionMakers: seats.length, reasons };
}

function support(map: PreparedMap): { score: number; reasons: string[] } {
  const dms = decisionMakerSeats(map).map((d) => map.people[d]);
  if (dms.length === 0) {
    return {
      score: 0,
      reasons: ['No decision maker on the map (role Decision Maker or Economic Buyer): support cannot be judged.'],
    };
  }
  let total = 0;
  let sum = 0;
  for (const d of dms) {
    const a = map.config.authorityWeights[d.authority];
    total += a;
    // A vacant seat backs nobody: it counts with its authority and no support.
    sum += d.isVacant ? 0 : a * map.config.stanceSupport[d.stance];
  }
  const notSupporting = dms.filter((d) => !supportsUs(d));
  const reasons: string[] = [];
  if (notSupporting.length > 0) {
    reasons.push(
      `${notSupporting.length} of ${dms.length} decision makers do not support us yet: ${nameList(
        notSupporting.map((d) => `${d.name} (${d.isVacant ? 'seat vacant' : d.stance})`)
      )}.`
    );
  } else if (dms.some((d) => d.stance === 'Supporter')) {
    reasons.push('Every decision maker supports us; none is a Champion yet.');
  }
  return { score: total > 0 ? (100 * sum) / total : 0, reasons };
}

/** A customer or partner person no one has touched in the stale period. */
export interface StalePerson {
  personId: string;
  name: string;
  /** Whole days since the later of the last interaction and the last stance review; null: never. */
  daysSinceLastTouch: number | null;
  /** Whole days since they were added to the map (CreatedDate); null when unknown. */
  daysSinceAdded: number | null;
}

/**
 * Whole days since the later of the last interaction (Last_Interaction__c or, when later, their
 * latest activity in the evidence) and the last stance review; null: never.
 */
export function daysSinceLastTouch(p: Person, nowMs: number): number | null {
  const times = [lastContactMs(p), p.stanceChangedAtMs].filter((t): t is number => t !== null);
  return times.length === 0 ? null : daysBetween(Math.max(...times), nowMs);
}

/**
 * Whether a person is stale: no interaction or stance review in the last `staleDays` days, and
 * added to the map more than `staleDays` days ago (nobody is stale the day they are added). The
 * same rule as the Is_Stale__c formula (CreatedDate, Days_Since_Last_Touch__c).
 */
export function isStale(p: Person, nowMs: number, staleDays: number): boolean {
  const touched = daysSinceLastTouch(p, nowMs);
  if (touched !== null && touched <= staleDays) return false;
  return p.createdMs === null || daysBetween(p.createdMs, nowMs) > staleDays;
}

/** The stale customer and partner people (present, not ours), in id order. */
export function findStalePeople(map: PreparedMap): StalePerson[] {
  const { staleDays } = map.config;
  return assessed(map)
    .filter((p) => isStale(p, map.nowMs, staleDays))
    .map((p) => ({
      personId: p.id,
      name: p.name,
      daysSinceLastTouch: daysSinceLastTouch(p, map.nowMs),
      daysSinceAdded: p.createdMs === null ? null : daysBetween(p.createdMs, map.nowMs),
    }));
}

function freshness(map: PreparedMap): { score: number; reasons: string[] } {
  const people = assessed(map);
  if (people.length === 0) return { score: 0, reasons: ['No customer or partner people on the map yet.'] };
  const { staleDays } = map.config;
  const stale = findStalePeople(map).map(
    (p) => `${p.name} (${p.daysSinceLastTouch ?? 'never'}${p.daysSinceLastTouch === null ? '' : ' days'})`
  );
  const reasons =
    stale.length > 0
      ? [
          `${stale.length} of ${people.length} people had no interaction or stance review in the last ${staleDays} days: ${nameList(stale)}.`,
        ]
      : [];
  return { score: (100 * (people.length - stale.length)) / people.length, reasons };
}

function completeness(map: PreparedMap): { score: number; reasons: string[] } {
  const people = assessed(map);
  if (people.length === 0) return { score: 0, reasons: ['No customer or partner people on the map yet.'] };
  let filled = 0;
  const reasons: string[] = [];
  for (const f of KEY_FIELDS) {
    const missing = people.filter((p) => !f.filled(p));
    filled += people.length - missing.length;
    if (missing.length > 0) {
      reasons.push(
        `${f.label} missing for ${missing.length} of ${people.length}: ${nameList(missing.map((p) => p.name))}.`
      );
    }
  }
  return { score: (100 * filled) / (people.length * KEY_FIELDS.length), reasons };
}

function roles(map: PreparedMap): { score: number; reasons: string[] } {
  const present = map.people.filter((p) => !p.isVacant);
  const customer = present.filter((p) => !p.isOurs);
  const checks: [boolean, string][] = [
    [
      customer.some((p) => p.role === 'Champion' || p.stance === 'Champion'),
      'No Champion: nobody on the customer side sells for us when we are not in the room.',
    ],
    [present.some((p) => p.role === 'Executive Sponsor'), 'No Executive Sponsor: no executive owns the relationship.'],
    [customer.some((p) => p.role === 'Economic Buyer'), 'No Economic Buyer: we do not know who signs off the money.'],
  ];
  const met = checks.filter(([ok]) => ok).length;
  return { score: (100 * met) / checks.length, reasons: checks.filter(([ok]) => !ok).map(([, why]) => why) };
}

/** Map health with its components and reasons. `coverage` avoids recomputing coverage. */
export function computeHealth(map: PreparedMap, coverage?: CoverageResult): HealthReport {
  const cov = coverage ?? findCoverageGaps(map);
  const w = map.config.health.weights;
  const covReasons =
    cov.keyPeople.length === 0
      ? ['No decision makers or high-authority people identified: nobody to cover.']
      : cov.gaps.map((g) => g.summary);
  const parts: [HealthComponentKey, string, { score: number; reasons: string[] }][] = [
    ['support', 'Support among decision makers', support(map)],
    ['coverage', 'Coverage of key people', { score: 100 * cov.score, reasons: covReasons }],
    ['freshness', 'Freshness', freshness(map)],
    ['completeness', 'Completeness', completeness(map)],
    ['roles', 'Key roles', roles(map)],
  ];
  const components: HealthComponent[] = parts.map(([key, label, r]) => ({
    key,
    label,
    score: round1(r.score),
    weight: w[key],
    reasons: r.reasons,
  }));
  const totalWeight = parts.reduce((s, [key]) => s + w[key], 0);
  const exact = totalWeight > 0 ? parts.reduce((s, [key, , r]) => s + w[key] * r.score, 0) / totalWeight : 0;
  const cost = (c: HealthComponent) => c.weight * (100 - c.score);
  const componentReasons = [...components].sort((a, b) => cost(b) - cost(a)).flatMap((c) => c.reasons);
  const { healthyAt, fairAt } = map.config.health;
  const uncappedScore = Math.round(exact);
  if (decisionMakerSeats(map).length === 0) {
    // Nothing to score yet: say what is missing rather than show a red number.
    const first = 'Add the decision makers to score this map (role Decision Maker or Economic Buyer).';
    return {
      score: uncappedScore,
      uncappedScore,
      state: 'unscored',
      label: 'Not scored yet',
      gate: null,
      components,
      reasons: [first, ...componentReasons.filter((r) => !r.startsWith('No decision maker on the map'))],
    };
  }
  const gate = healthGate(map);
  const score = gate ? Math.min(uncappedScore, Math.max(0, Math.ceil(healthyAt) - 1)) : uncappedScore;
  const state: HealthState = score >= healthyAt && !gate ? 'healthy' : score >= fairAt ? 'fair' : 'poor';
  const label = state === 'healthy' ? 'Healthy' : state === 'fair' ? 'Fair' : 'Poor';
  return {
    score,
    uncappedScore,
    state,
    label,
    gate,
    components,
    reasons: [...(gate?.reasons ?? []), ...componentReasons],
  };
}
