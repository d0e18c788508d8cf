/**
 * Goal-effect planning (issue 3, item 6), from each customer or partner person's Goal_Impact
 * (what our success does to them) and stance:
 *
 * - expected resistance: not supportive (not Champion or Supporter) and either Loses, or a
 *   decision maker who is Skeptic or Opponent whatever their goal impact (they can stop the deal)
 *   — with their contingency plan, or a flag that none exists. The Is_Expected_Resistance__c
 *   formula, the Expected Resistance report and list view use the same rule;
 * - potential allies: Gains but Neutral or Unknown — they have a reason to help and nobody has
 *   asked yet;
 * - loses on success: everyone whose success-side effect is negative (Loses), supporters
 *   included: a supporter who loses is a risk to keep close.
 *
 * Each list is ordered by influence over the decision (most first), then name.
 */
import type { PreparedMap } from './graph';
import type { Person } from './people';
import { computeInfluence } from './influence';
import type { InfluenceResult } from './influence';
import { isSupportiveStance as supportive } from './model';
import type { Authority, Stance } from './model';

export interface GoalEffect {
  personId: string;
  name: string;
  stance: Stance;
  authority: Authority;
  decisionInfluence: number;
  /** Contingency_Plan__c, trimmed; null when blank or not loaded (see hasContingencyPlan). */
  contingencyPlan: string | null;
  /** Only meaningful for resistance: false = flag, someone must write the plan. */
  hasContingencyPlan: boolean;
  /** What to do, in words. */
  note: string;
}

export interface GoalPlan {
  expectedResistance: GoalEffect[];
  potentialAllies: GoalEffect[];
  losesOnSuccess: GoalEffect[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expected resistance (the Is_Expected_Resistance__c rule, on a present customer or partner person):
 * not Champion or Supporter, and Goal Impact Loses or a Skeptic or Opponent decision maker.
 */
export const expectsResistance = (p: Pick<Person, 'goalImpact' | 'stance' | 'isDecisionMaker'>): boolean =>
  !supportive(p.stance) &&
  (p.goalImpact === 'Loses' || (p.isDecisionMaker && (p.stance === 'Skeptic' || p.stance === 'Opponent')));

/** The three planning lists. `influence` avoids recomputing influence over the decision. */
export function planGoalEffects(map: PreparedMap, influence?: InfluenceResult): GoalPlan {
  const inf = influence ?? computeInfluence(map);
  // inf.people is in map.people order (id order).
  const influenceOf = (p: Person): number => inf.people[map.index.get(p.id)!]?.decisionInfluence ?? 0;
  const effect = (p: Person, note: (plan: string | null, hasPlan: boolean) => string): GoalEffect => {
    const text = p.source.contingencyPlan;
    const plan = typeof text === 'string' ? text.trim() : '';
    const contingencyPlan = plan === '' ? null : plan;
    // The text when loaded; otherwise the formula flag Has_Contingency_Plan__c (map loads leave the text out).
    const hasContingencyPlan =
      typeof text === 'string' ? contingencyPlan !== null : p.source.hasContingencyPlan === true;
    return {
      personId: p.id,
      name: p.name,
      stance: p.stance,
      authority: p.authority,
      decisionInfluence: influenceOf(p),
      contingencyPlan,
      hasContingencyPlan,
      note: note(contingencyPlan, hasContingencyPlan),
    };
  };
  const order = (a: GoalEffect, b: GoalEffect) =>
    b.decisionInfluence - a.decisionInfluence || cmp(a.name, b.name) || cmp(a.personId, b.personId);
  const people = map.people.filter((p) => !p.isOurs && !p.isVacant);

  const expectedResistance = people
    .filter(expectsResistance)
    .map((p) =>
      effect(p, (plan, hasPlan) => {
        const what =
          p.goalImpact === 'Loses'
            ? `${p.name} loses if we succeed and is ${p.stance}`
            : `${p.name} is a decision maker and ${p.stance}`;
        return plan
          ? `${what}: contingency plan: ${plan}`
          : hasPlan
            ? `${what}: a contingency plan is written (open ${p.name} to read it).`
            : `${what}: no contingency plan — write one.`;
      })
    )
    .sort(order);
  const potentialAllies = people
    .filter((p) => p.goalImpact === 'Gains' && (p.stance === 'Neutral' || p.stance === 'Unknown'))
    .map((p) =>
      effect(
        p,
        () =>
          `${p.name} gains if we succeed but is ${p.stance === 'Unknown' ? 'of unknown stance' : 'Neutral'}: show them what they gain.`
      )
    )
    .sort(order);
  const losesOnSuccess = people
    .filter((p) => p.goalImpact === 'Loses')
    .map((p) =>
      effect(p, () => {
        if (supportive(p.stance)) return `${p.name} supports us although our success costs them: keep them close.`;
        return `${p.name} loses if we succeed (${p.stance}).`;
      })
    )
    .sort(order);
  return { expectedResistance, potentialAllies, losesOnSuccess };
}
