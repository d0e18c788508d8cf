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
 * empty map is not a healthy one. Vacant seats and our own people are not assessed, except that
 * a vacant key seat is a coverage gap.
 */
import { daysBetween } from './dates';
import type { PreparedMap } from './graph';
import type { Person } from './people';
import { decisionMakers } from './influence';
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

export interface HealthReport {
  /** 0-100, whole number: Σ weight × component / Σ weight, rounded. */
  score: number;
  components: HealthComponent[];
  /** Every component's reasons, the component costing the most points first. */
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

function support(map: PreparedMap): { score: number; reasons: string[] } {
  const dms = decisionMakers(map).map((d) => map.people[d]);
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
    sum += a * map.config.stanceSupport[d.stance];
  }
  const notSupporting = dms.filter((d) => d.stance !== 'Champion' && d.stance !== 'Supporter');
  const reasons: string[] = [];
  if (notSupporting.length > 0) {
    reasons.push(
      `${notSupporting.length} of ${dms.length} decision makers do not support us yet: ${nameList(
        notSupporting.map((d) => `${d.name} (${d.stance})`)
      )}.`
    );
  } else if (dms.some((d) => d.stance === 'Supporter')) {
    reasons.push('Every decision maker supports us; none is a Champion yet.');
  }
  return { score: total > 0 ? (100 * sum) / total : 0, reasons };
}

function freshness(map: PreparedMap): { score: number; reasons: string[] } {
  const people = assessed(map);
  if (people.length === 0) return { score: 0, reasons: ['No customer or partner people on the map yet.'] };
  const { staleDays } = map.config;
  const stale: string[] = [];
  for (const p of people) {
    const times = [p.lastInteractionMs, p.stanceChangedAtMs].filter((t): t is number => t !== null);
    if (times.length === 0) {
      stale.push(`${p.name} (never)`);
      continue;
    }
    const age = daysBetween(Math.max(...times), map.nowMs);
    if (age > staleDays) stale.push(`${p.name} (${age} days)`);
  }
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
  const reasons = [...components].sort((a, b) => cost(b) - cost(a)).flatMap((c) => c.reasons);
  return { score: Math.round(exact), components, reasons };
}
