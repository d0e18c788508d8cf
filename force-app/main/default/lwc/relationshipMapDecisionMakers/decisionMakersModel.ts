/**
 * The decision-maker strip's rows: the analytics' decision-maker summary (`analysis.decisionMakers`,
 * c/relationshipGraph: one source for the strip and the Plan view) put into words and colours —
 * stance, sentiment, authority, who of ours covers them, the best warm path and its strength, days
 * since the last interaction and the next step. The analytics' order: those who do not support us
 * first. Pure functions, no DOM.
 */
import { formatStrength } from 'c/relationshipGraph';
import type { DecisionMakerSummary as DecisionMaker, MapAnalysis, Stance } from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import { plural } from 'c/relationshipMapFormat';

export interface DecisionMakerRow {
  key: string;
  personId: string;
  name: string;
  title: string;
  /** "Economic buyer" or "Decision maker". */
  roleLabel: string;
  stance: Stance;
  /** Letter and colours of the stance, as the graph draws it. */
  stanceLetter: string;
  stanceStyle: string;
  sentiment: string;
  authority: string;
  supporting: boolean;
  /** One of our people has a Relationship link with them (Is_Covered__c). */
  covered: boolean;
  /** "Covered by Jordan Blake" or "Not covered by our people". */
  coveredText: string;
  hasPath: boolean;
  /** The best warm path in words, or why there is none. */
  pathText: string;
  /** "0.42"; '' without a path. */
  pathStrength: string;
  /** A stronger path through an opponent, in words; '' when none. */
  riskyText: string;
  /** Days since the last interaction; null when never recorded. */
  daysSince: number | null;
  /** "12 days ago", "today", "never". */
  lastText: string;
  stale: boolean;
  vacant: boolean;
  /** What to do next, one sentence. */
  nextStep: string;
  className: string;
}

export interface DecisionMakerStrip {
  rows: DecisionMakerRow[];
  /** How many do not support us (stance not Champion or Supporter, or a vacant seat). */
  notSupporting: number;
  uncovered: number;
  /** "5 decision makers · 3 not supporting us · 1 not covered". */
  headline: string;
  /** The closed line's short form: "3 of 5 not supporting us". */
  line: string;
}

export const EMPTY_STRIP: DecisionMakerStrip = { rows: [], notSupporting: 0, uncovered: 0, headline: '', line: '' };

function lastText(days: number | null): string {
  if (days === null) return 'never';
  if (days === 0) return 'today';
  return `${plural(days, 'day', 'days')} ago`;
}

function pathText(d: DecisionMaker): string {
  if (!d.bestPath) return d.vacant ? 'Vacant seat' : 'No warm path';
  return d.pathStatus === 'only-through-opponents'
    ? `${d.bestPath.explanation} (only through an opponent)`
    : d.bestPath.explanation;
}

/** One strip row from the analytics' summary of a decision maker. */
export function decisionMakerRow(d: DecisionMaker): DecisionMakerRow {
  const stance = stanceOf(d.stance);
  const style = STANCE_STYLES[stance] ?? STANCE_STYLES.Unknown;
  const risky = d.riskyAlternative;
  return {
    key: `dm-${d.personId}`,
    personId: d.personId,
    name: d.name,
    title: d.title ?? '',
    roleLabel: d.isEconomicBuyer ? 'Economic buyer' : 'Decision maker',
    stance,
    stanceLetter: style.letter,
    stanceStyle: `background-color: ${style.color}; color: ${style.textColor};`,
    sentiment: d.sentiment,
    authority: d.authority,
    supporting: d.supportsUs,
    covered: d.covered,
    coveredText: d.coveredBy.length > 0 ? `Covered by ${d.coveredBy.join(', ')}` : 'Not covered by our people',
    hasPath: d.bestPath !== null,
    pathText: pathText(d),
    pathStrength: d.bestPath ? formatStrength(d.bestPathStrength) : '',
    riskyText: risky
      ? `Stronger but risky (${formatStrength(risky.strength)}, through an opponent): ${risky.explanation}`
      : '',
    daysSince: d.daysSinceLastInteraction,
    lastText: lastText(d.daysSinceLastInteraction),
    stale: d.stale,
    vacant: d.vacant,
    nextStep: d.nextStep,
    className: d.supportsUs ? 'rm-dm' : 'rm-dm rm-dm_unsupported',
  };
}

/** The strip for a map's analysis (null: none yet). */
export function decisionMakerStrip(analysis: MapAnalysis | null): DecisionMakerStrip {
  const rows = (analysis?.decisionMakers ?? []).map(decisionMakerRow);
  if (rows.length === 0) return EMPTY_STRIP;
  const notSupporting = rows.filter((r) => !r.supporting).length;
  const uncovered = rows.filter((r) => !r.covered).length;
  return {
    rows,
    notSupporting,
    uncovered,
    headline: [
      plural(rows.length, 'decision maker', 'decision makers'),
      `${notSupporting} not supporting us`,
      `${uncovered} not covered`,
    ].join(' · '),
    line: `${notSupporting} of ${rows.length} not supporting us`,
  };
}
