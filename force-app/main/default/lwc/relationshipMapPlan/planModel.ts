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
import { isSupportiveStance as supportive } from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import { plural } from 'c/relationshipMapFormat';

/** A stance as a coloured chip: letter (as on the graph) and word. */
export interface StanceChip {
  letter: string;
  label: string;
  /** Inline style: the stance colour and its readable text colour. */
  style: string;
}

/** A paragraph under a person in a plan list: an optional bold label, the text, an optional warning badge. */
export interface PlanLine {
  key: string;
  className: string;
  label: string;
  text: string;
  /** A warning badge before the text ('' for none). */
  badge: string;
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

/** One person in a plan list: their name (a button), a word about them, the stance chip, a number, then lines. */
export interface PlanItem {
  key: string;
  personId: string;
  name: string;
  /** The title, or the role ("Decision maker", "Economic buyer", "High authority"); '' for none. */
  subtitle: string;
  /** Null: no chip (coverage gaps). */
  stance: StanceChip | null;
  /** "Decision influence 25%", "Coverage 50%". */
  metric: string;
  lines: PlanLine[];
  /** Coverage gaps: why, one reason a line. */
  reasons: GapReason[];
  hasReasons: boolean;
}

/** A section of the plan: a list of people, the health score, or the missing roles. */
export interface PlanSection {
  key: 'unsupported' | 'health' | 'resistance' | 'allies' | 'loses' | 'roles' | 'coverage';
  className: string;
  /** "Expected resistance (2)". */
  heading: string;
  isHealth: boolean;
  isRoles: boolean;
  isList: boolean;
  items: PlanItem[];
  hasItems: boolean;
  /** Said when the list is empty. */
  empty: string;
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
  /** In order: the decision makers not supporting us, health, expected resistance, potential allies, lose if we succeed, missing roles, coverage gaps. */
  sections: PlanSection[];
  missingRoles: MissingRole[];
  hasMissingRoles: boolean;
  missingRolesEmpty: string;
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

const isOurs = (p: MapPerson): boolean => p.side === 'Our Company';
const present = (p: MapPerson): boolean => p.excluded !== true && p.isVacant !== true;

const line = (key: string, className: string, label: string, text: string, badge = ''): PlanLine => ({
  key,
  className,
  label,
  text,
  badge,
});

/** A person of a goal-effect list (resistance, allies, loses), with the lines under them. */
function planItem(
  effect: GoalEffect,
  people: ReadonlyMap<string, MapPerson>,
  list: string,
  lines: PlanLine[]
): PlanItem {
  const title = people.get(effect.personId)?.title;
  return {
    key: `${list}-${effect.personId}`,
    personId: effect.personId,
    name: effect.name,
    subtitle: hasText(title) ? title.trim() : '',
    stance: stanceChip(effect.stance),
    metric: `Decision influence ${percent(effect.decisionInfluence)}`,
    lines,
    reasons: [],
    hasReasons: false,
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

function gapItem(k: KeyPersonCoverage, people: ReadonlyMap<string, MapPerson>): PlanItem {
  const p = people.get(k.personId);
  const roleLabel = !k.isDecisionMaker
    ? 'High authority'
    : p?.role === 'Economic Buyer'
      ? 'Economic buyer'
      : 'Decision maker';
  const reasons = k.reasons.map((r) => ({
    key: `${k.personId}-${r.code}`,
    code: r.code,
    label: REASON_LABELS[r.code] ?? r.code,
    detail: r.detail.charAt(0).toUpperCase() + r.detail.slice(1) + '.',
  }));
  return {
    key: `gap-${k.personId}`,
    personId: k.personId,
    name: k.name,
    subtitle: roleLabel,
    stance: null,
    metric: `Coverage ${percent(k.score)}`,
    lines: [],
    reasons,
    hasReasons: reasons.length > 0,
  };
}

/**
 * The analytics' decision makers (`analysis.decisionMakers`, the decision-maker strip's source too)
 * who do not support us, in its order (least supportive first), with its next step.
 */
function unsupportedItems(analysis: MapAnalysis): PlanItem[] {
  const influence = new Map(analysis.influence.people.map((p) => [p.personId, p.decisionInfluence]));
  return (analysis.decisionMakers ?? [])
    .filter((d) => !d.supportsUs)
    .map((d) => ({
      key: `unsupported-${d.personId}`,
      personId: d.personId,
      name: d.name,
      subtitle: d.isEconomicBuyer ? 'Economic buyer' : 'Decision maker',
      stance: stanceChip(d.vacant ? 'Unknown' : d.stance),
      metric: `Decision influence ${percent(influence.get(d.personId) ?? 0)}`,
      lines: [line(`todo-${d.personId}`, 'todo', 'What to do:', d.nextStep)],
      reasons: [],
      hasReasons: false,
    }));
}

/** A list section of the plan. */
function listSection(key: PlanSection['key'], title: string, items: PlanItem[], empty: string): PlanSection {
  return {
    key,
    className: key === 'coverage' ? '' : 'slds-m-bottom_large',
    heading: `${title} (${items.length})`,
    isHealth: false,
    isRoles: false,
    isList: true,
    items,
    hasItems: items.length > 0,
    empty,
  };
}

/** The health or missing-roles section (their own markup). */
function fixedSection(key: 'health' | 'roles', heading: string): PlanSection {
  return {
    key,
    className: 'slds-m-bottom_large',
    heading,
    isHealth: key === 'health',
    isRoles: key === 'roles',
    isList: false,
    items: [],
    hasItems: false,
    empty: '',
  };
}

/** Everything the plan view shows. */
export function buildPlan(analysis: MapAnalysis, people: readonly MapPerson[]): PlanView {
  const byId = new Map(people.map((p) => [p.id, p]));
  const { goals, coverage } = analysis;

  const unsupported = unsupportedItems(analysis);
  const deciders = (analysis.decisionMakers ?? []).length;
  const resistance = goals.expectedResistance.map((e) =>
    planItem(e, byId, 'resistance', [
      e.hasContingencyPlan
        ? // Written but not loaded (the map load carries only Has_Contingency_Plan__c): the panel has the text.
          line(
            'plan',
            'contingency-plan',
            'Contingency plan:',
            e.contingencyPlan ?? `written; open ${e.name} to read it.`
          )
        : line('plan', 'no-plan', '', 'Write one before they act against the goal.', 'No contingency plan'),
    ])
  );
  const allies = goals.potentialAllies.map((e) => {
    const person = byId.get(e.personId);
    const needs = person?.needsFromThem;
    return planItem(e, byId, 'ally', [
      line('gains', '', '', 'Gains if we succeed but has not taken our side yet: show them what they gain.'),
      hasText(needs)
        ? line('needs', 'needs', 'What we need from them:', needs.trim())
        : person?.hasDetails === false
          ? line('needs', 'needs slds-text-color_weak', '', `Open ${e.name} to read what we need from them.`)
          : line('needs', 'needs slds-text-color_weak', '', 'What we need from them is not written down yet.'),
    ]);
  });
  const loses = goals.losesOnSuccess.map((e) => {
    const reaction = byId.get(e.personId)?.expectedReaction;
    const effect = supportive(e.stance)
      ? 'Supports us although our success costs them: keep them close.'
      : `Loses if we succeed and is ${e.stance === 'Unknown' ? 'of unknown stance' : e.stance}.`;
    const lines = [line('effect', 'effect', '', effect)];
    if (hasText(reaction)) lines.push(line('reaction', '', 'Expected reaction:', reaction.trim()));
    return planItem(e, byId, 'loses', lines);
  });
  const roles = missingRoles(people, analysis);
  const gaps = coverage.gaps.map((k) => gapItem(k, byId));
  const health = healthView(analysis);

  const withoutPlan = goals.expectedResistance.filter((e) => !e.hasContingencyPlan).length;
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
    sections: [
      listSection(
        'unsupported',
        'Decision makers not supporting us',
        unsupported,
        deciders === 0
          ? 'No decision makers yet: give the people who decide the role Decision Maker or Economic Buyer.'
          : 'Every decision maker supports us: keep them close.'
      ),
      fixedSection('health', 'Map health'),
      listSection(
        'resistance',
        'Expected resistance',
        resistance,
        loses.length === 0
          ? 'No expected resistance: nobody loses from this goal.'
          : 'No expected resistance: everyone who loses from this goal supports us.'
      ),
      listSection(
        'allies',
        'Potential allies',
        allies,
        'No potential allies waiting: nobody who gains from this goal is Neutral or of unknown stance.'
      ),
      listSection('loses', 'Lose if we succeed', loses, 'Nobody loses if we succeed.'),
      fixedSection('roles', `Missing roles (${roles.length})`),
      listSection(
        'coverage',
        'Coverage gaps',
        gaps,
        coverage.keyPeople.length === 0
          ? 'No coverage gaps to show: no decision makers or high-authority people are on the map yet.'
          : 'No coverage gaps: we have a relationship with every key person, know their stance and can reach them.'
      ),
    ],
    missingRoles: roles,
    hasMissingRoles: roles.length > 0,
    missingRolesEmpty: 'No missing roles: the map has a Champion, an Executive Sponsor and an Economic Buyer.',
  };
}
