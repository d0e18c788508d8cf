/**
 * The plan view's content, computed from a MapAnalysis and the map's people: plain objects the
 * template renders as they are (no logic in the template). Pure functions, no DOM.
 */
import type {
  CoverageReasonCode,
  GoalEffect,
  HealthComponent,
  KeyPersonCoverage,
  MapAnalysis,
  MapPerson,
  Stance,
} from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import { plural } from 'c/relationshipMapFormat';

/** A stance as a coloured chip: letter (as on the graph) and word. */
export interface StanceChip {
  letter: string;
  label: string;
  /** Inline style: the stance colour and its readable text colour. */
  style: string;
}

/** One person in a plan list. */
export interface PlanPerson {
  key: string;
  personId: string;
  name: string;
  title: string;
  hasTitle: boolean;
  stance: StanceChip;
  /** Influence over the decision, e.g. "25%". */
  influence: string;
}

export interface ResistanceItem extends PlanPerson {
  plan: string;
  hasPlan: boolean;
}

/** A decision maker who does not support us, and what to do about them. */
export interface UnsupportedItem extends PlanPerson {
  /** "Economic buyer" or "Decision maker". */
  roleLabel: string;
  todo: string;
}

export interface AllyItem extends PlanPerson {
  needs: string;
  hasNeeds: boolean;
  /** The long texts of this person are not loaded (a map load leaves them out): open them to read it. */
  needsUnknown: boolean;
}

export interface LosesItem extends PlanPerson {
  effect: string;
  supportive: boolean;
  expectedReaction: string;
  hasExpectedReaction: boolean;
}

export interface MissingRole {
  key: string;
  role: 'Champion' | 'Executive Sponsor' | 'Economic Buyer';
  problem: string;
  suggestion: string;
}

export interface GapReason {
  key: string;
  code: CoverageReasonCode;
  label: string;
  detail: string;
}

export interface GapItem {
  key: string;
  personId: string;
  name: string;
  /** "Decision maker", "Economic buyer" or "High authority". */
  roleLabel: string;
  /** Key-person coverage, e.g. "50%". */
  coverage: string;
  reasons: GapReason[];
}

export interface HealthComponentView {
  key: string;
  label: string;
  /** "27.5". */
  score: string;
  weight: number;
  /** Width of the score bar. */
  barStyle: string;
  reasons: { key: string; text: string }[];
  hasReasons: boolean;
}

export interface HealthView {
  score: number;
  /** "Healthy", "Needs attention" or "At risk": the score in words, so colour is not the only cue. */
  band: string;
  badgeClass: string;
  barStyle: string;
  /** Components, the one costing the most points first. */
  components: HealthComponentView[];
  /** No component has a reason: every one is at 100. */
  allClear: boolean;
  /** Why the map cannot be Healthy (the analytics' support gate among decision makers), first. */
  gateReasons: { key: string; text: string }[];
  hasGate: boolean;
}

export interface PlanView {
  health: HealthView;
  /** One sentence a sales leader reads first. */
  summary: string;
  /** Decision makers whose stance is not Champion or Supporter, the Plan's first list. */
  unsupported: UnsupportedItem[];
  hasUnsupported: boolean;
  unsupportedEmpty: string;
  resistance: ResistanceItem[];
  hasResistance: boolean;
  resistanceEmpty: string;
  allies: AllyItem[];
  hasAllies: boolean;
  alliesEmpty: string;
  loses: LosesItem[];
  hasLoses: boolean;
  losesEmpty: string;
  missingRoles: MissingRole[];
  hasMissingRoles: boolean;
  missingRolesEmpty: string;
  gaps: GapItem[];
  hasGaps: boolean;
  gapsEmpty: string;
}

const hasText = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** 0..1 as a whole percent; a small non-zero share is "<1%", never "0%". */
export function percent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

export function stanceChip(stance: Stance | null | undefined): StanceChip {
  const s = stanceOf(stance);
  const style = STANCE_STYLES[s] ?? STANCE_STYLES.Unknown;
  return {
    letter: style.letter,
    label: s,
    style: `background-color: ${style.color}; color: ${style.textColor};`,
  };
}

const supportive = (s: Stance): boolean => s === 'Champion' || s === 'Supporter';
const isOurs = (p: MapPerson): boolean => p.side === 'Our Company';
const present = (p: MapPerson): boolean => p.excluded !== true && p.isVacant !== true;

function planPerson(effect: GoalEffect, people: ReadonlyMap<string, MapPerson>, list: string): PlanPerson {
  const title = people.get(effect.personId)?.title;
  return {
    key: `${list}-${effect.personId}`,
    personId: effect.personId,
    name: effect.name,
    title: hasText(title) ? title.trim() : '',
    hasTitle: hasText(title),
    stance: stanceChip(effect.stance),
    influence: percent(effect.decisionInfluence),
  };
}

const BANDS: readonly { min: number; label: string; badgeClass: string }[] = [
  { min: 70, label: 'Healthy', badgeClass: 'slds-theme_success' },
  { min: 40, label: 'Needs attention', badgeClass: 'slds-theme_warning' },
  { min: 0, label: 'At risk', badgeClass: 'slds-theme_error' },
];

const clampPercent = (x: number): number => Math.min(100, Math.max(0, Number.isFinite(x) ? x : 0));

/** The analytics' state of the score, when it gives one (a gated map is never Healthy; a map without decision makers is not scored). */
const STATE_BANDS: Readonly<Record<string, { label: string; badgeClass: string }>> = {
  healthy: BANDS[0],
  fair: BANDS[1],
  poor: BANDS[2],
  unscored: { label: 'Not scored yet', badgeClass: 'slds-theme_shade' },
};

function healthView(analysis: MapAnalysis): HealthView {
  const { health } = analysis;
  const band = STATE_BANDS[health.state] ?? BANDS.find((b) => health.score >= b.min) ?? BANDS[BANDS.length - 1];
  const gateReasons = (health.gate?.reasons ?? []).map((text, i) => ({ key: `gate-${i}`, text }));
  const cost = (c: HealthComponent): number => c.weight * (100 - c.score);
  // Stable: equal costs keep the module's order.
  const components = health.components
    .map((c, i) => ({ c, i }))
    .sort((a, b) => cost(b.c) - cost(a.c) || a.i - b.i)
    .map(({ c }): HealthComponentView => ({
      key: c.key,
      label: c.label,
      score: String(c.score),
      weight: c.weight,
      barStyle: `width: ${clampPercent(c.score)}%;`,
      reasons: c.reasons.map((text, i) => ({ key: `${c.key}-${i}`, text })),
      hasReasons: c.reasons.length > 0,
    }));
  return {
    score: health.score,
    band: band.label,
    badgeClass: band.badgeClass,
    barStyle: `width: ${clampPercent(health.score)}%;`,
    components,
    allClear: !components.some((c) => c.hasReasons) && gateReasons.length === 0,
    gateReasons,
    hasGate: gateReasons.length > 0,
  };
}

/**
 * The three roles a deal needs, by the rules of the health module's "Key roles" component: a
 * Champion (role or stance, customer or partner side), an Executive Sponsor (any side), an
 * Economic Buyer (customer or partner side). Vacant seats and excluded people do not count.
 */
export function missingRoles(people: readonly MapPerson[], analysis: MapAnalysis): MissingRole[] {
  const here = people.filter(present);
  const theirs = here.filter((p) => !isOurs(p));
  const missing: MissingRole[] = [];
  if (!theirs.some((p) => p.role === 'Champion' || p.stance === 'Champion')) {
    const influence = new Map(analysis.influence.people.map((p) => [p.personId, p.decisionInfluence]));
    const supporters = theirs
      .filter((p) => p.stance === 'Supporter')
      .sort((a, b) => (influence.get(b.id) ?? 0) - (influence.get(a.id) ?? 0) || (a.name < b.name ? -1 : 1));
    missing.push({
      key: 'champion',
      role: 'Champion',
      problem: 'Nobody on their side sells for us when we are not in the room.',
      suggestion:
        supporters.length > 0
          ? `Coach ${supporters[0].name}, already a Supporter, to champion the goal inside their company.`
          : 'Find someone who gains from the goal and help them make the case inside their company.',
    });
  }
  if (!here.some((p) => p.role === 'Executive Sponsor')) {
    missing.push({
      key: 'executive-sponsor',
      role: 'Executive Sponsor',
      problem: 'No executive owns the relationship.',
      suggestion: 'Ask one of our executives to sponsor the account and meet their executive counterpart.',
    });
  }
  if (!theirs.some((p) => p.role === 'Economic Buyer')) {
    missing.push({
      key: 'economic-buyer',
      role: 'Economic Buyer',
      problem: 'We do not know who signs off the money.',
      suggestion: 'Ask our contacts who approves the budget, then add that person with the role Economic Buyer.',
    });
  }
  return missing;
}

const REASON_LABELS: Readonly<Record<CoverageReasonCode, string>> = {
  'vacant-seat': 'Vacant seat',
  'no-relationship': 'No relationship',
  'conflict-with-us': 'In conflict with us',
  'unknown-stance': 'Unknown stance',
  'only-through-opponents': 'Only through opponents',
  unreachable: 'Unreachable',
  'weak-path': 'Weak way in',
  'conflicted-path': 'Way in through a conflict',
};

function gapItem(k: KeyPersonCoverage, people: ReadonlyMap<string, MapPerson>): GapItem {
  const p = people.get(k.personId);
  const roleLabel = !k.isDecisionMaker
    ? 'High authority'
    : p?.role === 'Economic Buyer'
      ? 'Economic buyer'
      : 'Decision maker';
  return {
    key: `gap-${k.personId}`,
    personId: k.personId,
    name: k.name,
    roleLabel,
    coverage: percent(k.score),
    reasons: k.reasons.map((r) => ({
      key: `${k.personId}-${r.code}`,
      code: r.code,
      label: REASON_LABELS[r.code] ?? r.code,
      detail: r.detail.charAt(0).toUpperCase() + r.detail.slice(1) + '.',
    })),
  };
}

/**
 * The analytics' decision makers (`analysis.decisionMakers`, the decision-maker strip's source too)
 * who do not support us, in its order (least supportive first), with its next step.
 */
function unsupportedItems(analysis: MapAnalysis): UnsupportedItem[] {
  const influence = new Map(analysis.influence.people.map((p) => [p.personId, p.decisionInfluence]));
  return (analysis.decisionMakers ?? [])
    .filter((d) => !d.supportsUs)
    .map((d) => ({
      key: `unsupported-${d.personId}`,
      personId: d.personId,
      name: d.name,
      title: hasText(d.title) ? d.title.trim() : '',
      hasTitle: hasText(d.title),
      stance: stanceChip(d.vacant ? 'Unknown' : d.stance),
      influence: percent(influence.get(d.personId) ?? 0),
      roleLabel: d.isEconomicBuyer ? 'Economic buyer' : 'Decision maker',
      todo: d.nextStep,
    }));
}

/** Everything the plan view shows. */
export function buildPlan(analysis: MapAnalysis, people: readonly MapPerson[]): PlanView {
  const byId = new Map(people.map((p) => [p.id, p]));
  const { goals, coverage } = analysis;

  const unsupported = unsupportedItems(analysis);
  const deciders = (analysis.decisionMakers ?? []).length;
  const resistance = goals.expectedResistance.map((e): ResistanceItem => ({
    ...planPerson(e, byId, 'resistance'),
    // Written but not loaded (the map load carries only Has_Contingency_Plan__c): the panel has the text.
    plan: e.contingencyPlan ?? (e.hasContingencyPlan ? `written; open ${e.name} to read it.` : ''),
    hasPlan: e.hasContingencyPlan,
  }));
  const allies = goals.potentialAllies.map((e): AllyItem => {
    const person = byId.get(e.personId);
    const needs = person?.needsFromThem;
    return {
      ...planPerson(e, byId, 'ally'),
      needs: hasText(needs) ? needs.trim() : '',
      hasNeeds: hasText(needs),
      needsUnknown: !hasText(needs) && person?.hasDetails === false,
    };
  });
  const loses = goals.losesOnSuccess.map((e): LosesItem => {
    const reaction = byId.get(e.personId)?.expectedReaction;
    return {
      ...planPerson(e, byId, 'loses'),
      supportive: supportive(e.stance),
      effect: supportive(e.stance)
        ? 'Supports us although our success costs them: keep them close.'
        : `Loses if we succeed and is ${e.stance === 'Unknown' ? 'of unknown stance' : e.stance}.`,
      expectedReaction: hasText(reaction) ? reaction.trim() : '',
      hasExpectedReaction: hasText(reaction),
    };
  });
  const roles = missingRoles(people, analysis);
  const gaps = coverage.gaps.map((k) => gapItem(k, byId));
  const health = healthView(analysis);

  const withoutPlan = resistance.filter((r) => !r.hasPlan).length;
  const summary = [
    deciders === 0
      ? 'No decision makers on the map yet.'
      : unsupported.length === 0
        ? `All ${plural(deciders, 'decision maker supports', 'decision makers support')} us.`
        : `${unsupported.length} of ${plural(deciders, 'decision maker does', 'decision makers do')} not support us.`,
    `Map health ${health.score} of 100 (${health.band.toLowerCase()}).`,
    resistance.length === 0
      ? 'Nobody is expected to resist.'
      : `${plural(resistance.length, 'person is', 'people are')} expected to resist` +
        (withoutPlan > 0 ? `, ${withoutPlan} without a contingency plan.` : ', each with a contingency plan.'),
    `${plural(allies.length, 'potential ally', 'potential allies')}, ${plural(roles.length, 'missing role', 'missing roles')}, ${plural(gaps.length, 'coverage gap', 'coverage gaps')}.`,
  ].join(' ');

  return {
    health,
    summary,
    unsupported,
    hasUnsupported: unsupported.length > 0,
    unsupportedEmpty:
      deciders === 0
        ? 'No decision makers yet: give the people who decide the role Decision Maker or Economic Buyer.'
        : 'Every decision maker supports us: keep them close.',
    resistance,
    hasResistance: resistance.length > 0,
    resistanceEmpty:
      loses.length === 0
        ? 'No expected resistance: nobody loses from this goal.'
        : 'No expected resistance: everyone who loses from this goal supports us.',
    allies,
    hasAllies: allies.length > 0,
    alliesEmpty: 'No potential allies waiting: nobody who gains from this goal is Neutral or of unknown stance.',
    loses,
    hasLoses: loses.length > 0,
    losesEmpty: 'Nobody loses if we succeed.',
    missingRoles: roles,
    hasMissingRoles: roles.length > 0,
    missingRolesEmpty: 'No missing roles: the map has a Champion, an Executive Sponsor and an Economic Buyer.',
    gaps,
    hasGaps: gaps.length > 0,
    gapsEmpty:
      coverage.keyPeople.length === 0
        ? 'No coverage gaps to show: no decision makers or high-authority people are on the map yet.'
        : 'No coverage gaps: we have a relationship with every key person, know their stance and can reach them.',
  };
}
