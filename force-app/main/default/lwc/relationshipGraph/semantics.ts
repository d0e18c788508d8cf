/**
 * Every number the analytics use, in one configuration object: how each link type carries
 * influence, the weight of each strength, the fade per level removed, the value of authority and
 * stance, the health weights. docs/analytics.md explains each choice.
 */
import type { ActivityKind, Authority, LinkStrength, LinkType, Stance } from './model';
import { LINK_STRENGTHS } from './model';

/** How one link type carries influence along the link (From→To) and against it (To→From). */
export interface LinkTypeSemantics {
  /** Share of the strength that flows From→To (0 = none). */
  forward: number;
  /** Share of the strength that flows To→From (0 = none). */
  backward: number;
  /** The link marks friction between the two people (and carries no influence). */
  friction: boolean;
  /** Verb phrase for a path step taken From→To: "Lee reports to Morgan". */
  forwardPhrase: string;
  /** Verb phrase for a path step taken To→From: "Morgan manages Lee". */
  backwardPhrase: string;
}

/** Tunable numbers of the health score. */
export interface HealthConfig {
  /** Weight of each component in the 0-100 score (any scale; normalised by their sum). */
  weights: {
    support: number;
    coverage: number;
    freshness: number;
    completeness: number;
    roles: number;
  };
  /** A map scores Healthy from this score up (when no decision maker gates it). */
  healthyAt: number;
  /** Below Healthy, a map is Fair from this score up, else Poor. */
  fairAt: number;
}

/**
 * Activity evidence (issue 17): how calls, meetings and emails add up to a tie's score, the score
 * a strength needs, and what the map does with ties. docs/analytics.md ("Evidence").
 */
export interface EvidenceConfig {
  /** A bucket's weight halves every this many days of age. > 0. */
  halfLifeDays: number;
  /** Weight of one activity of each kind (>= 0): a meeting counts more than a call, a call more than an email. */
  kindWeights: Readonly<Record<ActivityKind, number>>;
  /** The score a tie needs for each strength (0 < Weak <= Medium <= Strong); below Weak it is no relationship. */
  levels: Readonly<Record<LinkStrength, number>>;
  /** Coverage and warm paths count a tie between two people on the map as a Relationship link of its strength. */
  countsAsRelationship: boolean;
  /** A tie this strong between two people on the map with no Relationship link suggests one. */
  suggestLinkAt: LinkStrength;
  /** A person off the map with a tie this strong is offered as a person to add. */
  offerPeopleAt: LinkStrength;
  /** Months of activity read (the component's default; the controller takes it as a parameter). Integer 1-120. */
  windowMonths: number;
}

/** The whole configuration of the analytics. */
export interface AnalyticsConfig {
  /** Link semantics table (issue 3, item 1). */
  linkTypes: Readonly<Record<LinkType, LinkTypeSemantics>>;
  /** Weight of each link strength, in [0, 1]. */
  strengths: Readonly<Record<LinkStrength, number>>;
  /** Fade per level removed: a chain of h links is worth decay^(h-1) of its links' product. In (0, 1]. */
  decay: number;
  /** Influence below this is treated as none (prunes the searches). In (0, 1). */
  epsilon: number;
  /** Weight of a decision maker's vote in "influence over the decision", by authority. */
  authorityWeights: Readonly<Record<Authority, number>>;
  /** How much each stance counts as support (1 = full support). */
  stanceSupport: Readonly<Record<Stance, number>>;
  /** Warm paths through the primary contact rank as if this many times stronger. >= 1. */
  primaryContactBonus: number;
  /** Warm paths kept per decision maker (best first). */
  maxAlternatives: number;
  /** A person is stale when neither an interaction nor a stance review happened in this many days. */
  staleDays: number;
  /**
   * A warm path weaker than this is weak: when the best path avoiding opponents is weak, coverage
   * gives the path check 0.75 instead of 1. In [0, 1].
   */
  weakPathStrength: number;
  /** Link types that count as a direct relationship from our people for coverage. */
  coverageLinkTypes: readonly LinkType[];
  health: HealthConfig;
  /** Activity evidence (issue 17). */
  evidence: EvidenceConfig;
}

/**
 * The defaults. Influence flows the way a link says:
 *
 * | Type         | From→To                    | To→From                           | Friction |
 * | ------------ | -------------------------- | --------------------------------- | -------- |
 * | Influences   | 1.0 (From sways To)        | 0                                 | no       |
 * | Reports To   | 0.5 (a report's pull up)   | 1.0 (the manager's sway over them) | no       |
 * | Ally         | 0.8                        | 0.8                               | no       |
 * | Relationship | 0.7                        | 0.7                               | no       |
 * | Conflict     | 0                          | 0                                 | yes      |
 *
 * The weight of one step is (type share) × (strength weight): Strong 1.0, Medium 0.6, Weak 0.3.
 */
export const DEFAULT_CONFIG: AnalyticsConfig = Object.freeze({
  linkTypes: Object.freeze({
    Influences: Object.freeze({
      forward: 1,
      backward: 0,
      friction: false,
      forwardPhrase: 'influences',
      backwardPhrase: 'is influenced by',
    }),
    'Reports To': Object.freeze({
      forward: 0.5,
      backward: 1,
      friction: false,
      forwardPhrase: 'reports to',
      backwardPhrase: 'manages',
    }),
    Ally: Object.freeze({
      forward: 0.8,
      backward: 0.8,
      friction: false,
      forwardPhrase: 'is an ally of',
      backwardPhrase: 'is an ally of',
    }),
    Relationship: Object.freeze({
      forward: 0.7,
      backward: 0.7,
      friction: false,
      forwardPhrase: 'knows',
      backwardPhrase: 'knows',
    }),
    Conflict: Object.freeze({
      forward: 0,
      backward: 0,
      friction: true,
      forwardPhrase: 'is in conflict with',
      backwardPhrase: 'is in conflict with',
    }),
  }),
  strengths: Object.freeze({ Strong: 1, Medium: 0.6, Weak: 0.3 }),
  decay: 0.5,
  epsilon: 0.01,
  authorityWeights: Object.freeze({ High: 1, Medium: 0.6, Low: 0.3, None: 0.1, Unknown: 0.5 }),
  stanceSupport: Object.freeze({
    Champion: 1,
    Supporter: 0.75,
    Neutral: 0.4,
    Skeptic: 0.15,
    Opponent: 0,
    Unknown: 0.25,
  }),
  primaryContactBonus: 1.25,
  maxAlternatives: 3,
  staleDays: 90,
  weakPathStrength: 0.1,
  coverageLinkTypes: Object.freeze(['Relationship'] as LinkType[]),
  health: Object.freeze({
    weights: Object.freeze({ support: 30, coverage: 25, freshness: 15, completeness: 15, roles: 15 }),
    healthyAt: 70,
    fairAt: 40,
  }),
  evidence: Object.freeze({
    halfLifeDays: 90,
    kindWeights: Object.freeze({ Meeting: 1, Call: 0.6, Email: 0.2 }),
    levels: Object.freeze({ Strong: 6, Medium: 2, Weak: 0.5 }),
    countsAsRelationship: true,
    suggestLinkAt: 'Strong',
    offerPeopleAt: 'Medium',
    windowMonths: 12,
  }),
});

/** Overrides for {@link DEFAULT_CONFIG}; nested tables are merged one level deep. */
export interface ConfigOverrides {
  linkTypes?: Partial<Record<LinkType, Partial<LinkTypeSemantics>>>;
  strengths?: Partial<Record<LinkStrength, number>>;
  decay?: number;
  epsilon?: number;
  authorityWeights?: Partial<Record<Authority, number>>;
  stanceSupport?: Partial<Record<Stance, number>>;
  primaryContactBonus?: number;
  maxAlternatives?: number;
  staleDays?: number;
  weakPathStrength?: number;
  coverageLinkTypes?: readonly LinkType[];
  health?: { weights?: Partial<HealthConfig['weights']>; healthyAt?: number; fairAt?: number };
  evidence?: {
    halfLifeDays?: number;
    kindWeights?: Partial<Record<ActivityKind, number>>;
    levels?: Partial<Record<LinkStrength, number>>;
    countsAsRelationship?: boolean;
    suggestLinkAt?: LinkStrength;
    offerPeopleAt?: LinkStrength;
    windowMonths?: number;
  };
}

const inRange = (value: number, min: number, max: number, minOpen: boolean): boolean =>
  Number.isFinite(value) && (minOpen ? value > min : value >= min) && value <= max;

/**
 * The defaults with `overrides` applied. Throws a RangeError naming the setting when a number is
 * outside its range (a programming error, unlike bad map data, which is reported as issues).
 */
export function resolveConfig(overrides: ConfigOverrides = {}): AnalyticsConfig {
  const d = DEFAULT_CONFIG;
  const linkTypes = {} as Record<LinkType, LinkTypeSemantics>;
  for (const type of Object.keys(d.linkTypes) as LinkType[]) {
    linkTypes[type] = { ...d.linkTypes[type], ...(overrides.linkTypes?.[type] ?? {}) };
  }
  const config: AnalyticsConfig = {
    linkTypes,
    strengths: { ...d.strengths, ...(overrides.strengths ?? {}) },
    decay: overrides.decay ?? d.decay,
    epsilon: overrides.epsilon ?? d.epsilon,
    authorityWeights: { ...d.authorityWeights, ...(overrides.authorityWeights ?? {}) },
    stanceSupport: { ...d.stanceSupport, ...(overrides.stanceSupport ?? {}) },
    primaryContactBonus: overrides.primaryContactBonus ?? d.primaryContactBonus,
    maxAlternatives: overrides.maxAlternatives ?? d.maxAlternatives,
    staleDays: overrides.staleDays ?? d.staleDays,
    weakPathStrength: overrides.weakPathStrength ?? d.weakPathStrength,
    coverageLinkTypes: overrides.coverageLinkTypes ?? d.coverageLinkTypes,
    health: {
      weights: { ...d.health.weights, ...(overrides.health?.weights ?? {}) },
      healthyAt: overrides.health?.healthyAt ?? d.health.healthyAt,
      fairAt: overrides.health?.fairAt ?? d.health.fairAt,
    },
    evidence: resolveEvidence(overrides.evidence),
  };
  const problems: string[] = [];
  const unit = (name: string, value: number) => {
    if (!inRange(value, 0, 1, false)) problems.push(`${name} must be between 0 and 1 (got ${value})`);
  };
  for (const [type, s] of Object.entries(config.linkTypes)) {
    unit(`linkTypes.${type}.forward`, s.forward);
    unit(`linkTypes.${type}.backward`, s.backward);
  }
  for (const [name, value] of Object.entries(config.strengths)) unit(`strengths.${name}`, value);
  for (const [name, value] of Object.entries(config.authorityWeights)) unit(`authorityWeights.${name}`, value);
  for (const [name, value] of Object.entries(config.stanceSupport)) unit(`stanceSupport.${name}`, value);
  if (!inRange(config.decay, 0, 1, true)) problems.push(`decay must be in (0, 1] (got ${config.decay})`);
  if (!inRange(config.epsilon, 0, 1, true) || config.epsilon >= 1)
    problems.push(`epsilon must be in (0, 1) (got ${config.epsilon})`);
  if (!(config.primaryContactBonus >= 1)) problems.push(`primaryContactBonus must be >= 1`);
  if (!Number.isInteger(config.maxAlternatives) || config.maxAlternatives < 1)
    problems.push(`maxAlternatives must be a positive integer`);
  if (!(config.staleDays >= 0)) problems.push(`staleDays must be >= 0`);
  unit('weakPathStrength', config.weakPathStrength);
  const { healthyAt, fairAt } = config.health;
  if (!(fairAt >= 0 && healthyAt >= fairAt && healthyAt <= 100))
    problems.push(`health thresholds must satisfy 0 <= fairAt <= healthyAt <= 100 (got ${fairAt}, ${healthyAt})`);
  for (const [name, value] of Object.entries(config.health.weights)) {
    if (!(value >= 0)) problems.push(`health.weights.${name} must be >= 0`);
  }
  problems.push(...evidenceProblems(config.evidence));
  if (problems.length > 0) throw new RangeError(`Invalid analytics configuration: ${problems.join('; ')}`);
  return config;
}

function resolveEvidence(overrides: ConfigOverrides['evidence'] = {}): EvidenceConfig {
  const d = DEFAULT_CONFIG.evidence;
  return {
    halfLifeDays: overrides.halfLifeDays ?? d.halfLifeDays,
    kindWeights: { ...d.kindWeights, ...(overrides.kindWeights ?? {}) },
    levels: { ...d.levels, ...(overrides.levels ?? {}) },
    countsAsRelationship: overrides.countsAsRelationship ?? d.countsAsRelationship,
    suggestLinkAt: overrides.suggestLinkAt ?? d.suggestLinkAt,
    offerPeopleAt: overrides.offerPeopleAt ?? d.offerPeopleAt,
    windowMonths: overrides.windowMonths ?? d.windowMonths,
  };
}

/** What is wrong with an evidence block, one phrase a problem. */
function evidenceProblems(e: EvidenceConfig): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(e.halfLifeDays) && e.halfLifeDays > 0))
    problems.push(`evidence.halfLifeDays must be > 0 (got ${e.halfLifeDays})`);
  for (const [kind, w] of Object.entries(e.kindWeights)) {
    if (!(Number.isFinite(w) && w >= 0)) problems.push(`evidence.kindWeights.${kind} must be >= 0 (got ${w})`);
  }
  const { Strong, Medium, Weak } = e.levels;
  if (!(Number.isFinite(Strong) && Weak > 0 && Medium >= Weak && Strong >= Medium))
    problems.push(`evidence.levels must satisfy 0 < Weak <= Medium <= Strong (got ${Weak}, ${Medium}, ${Strong})`);
  if (typeof e.countsAsRelationship !== 'boolean') problems.push('evidence.countsAsRelationship must be true or false');
  for (const key of ['suggestLinkAt', 'offerPeopleAt'] as const) {
    if (!LINK_STRENGTHS.includes(e[key])) problems.push(`evidence.${key} must be one of ${LINK_STRENGTHS.join(', ')}`);
  }
  if (!(Number.isInteger(e.windowMonths) && e.windowMonths >= 1 && e.windowMonths <= 120))
    problems.push(`evidence.windowMonths must be a whole number from 1 to 120 (got ${e.windowMonths})`);
  return problems;
}
