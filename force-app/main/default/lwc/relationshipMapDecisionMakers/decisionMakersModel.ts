/**
 * The decision-maker summary: one row per decision maker on their side (Role Decision Maker or
 * Economic Buyer), with what a rep asks first: stance, sentiment, authority, whether one of our
 * people covers them, the best warm path and its strength, days since the last interaction and
 * the next step. Those who do not support us come first. Pure functions, no DOM.
 */
import { formatStrength } from 'c/relationshipGraph';
import type { InfluenceLink, MapAnalysis, MapPerson, Stance, WarmPath } from 'c/relationshipGraph';
import { isDecisionMaker, isSupporting } from 'c/relationshipMapFilters';
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

export interface DecisionMakerSummary {
  rows: DecisionMakerRow[];
  /** How many do not support us (stance not Champion or Supporter). */
  notSupporting: number;
  uncovered: number;
  /** "5 decision makers · 3 not supporting us · 1 not covered". */
  headline: string;
  /** The closed line's short form: "3 of 5 not supporting us". */
  line: string;
}

const DAY_MS = 86_400_000;
const AUTHORITY_ORDER: Record<string, number> = { High: 0, Medium: 1, Low: 2, None: 3, Unknown: 4 };
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Whole days from an ISO date (`YYYY-MM-DD`) to `now`, or null. */
export function daysSince(isoDate: string | null | undefined, now: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(isoDate));
  if (!match) return null;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Number.isFinite(day) ? Math.max(0, Math.round((today - day) / DAY_MS)) : null;
}

function lastText(days: number | null): string {
  if (days === null) return 'never';
  if (days === 0) return 'today';
  return `${plural(days, 'day', 'days')} ago`;
}

/** Person id → the names of our present people with a Relationship link to them (either way). */
function coverers(people: readonly MapPerson[], links: readonly InfluenceLink[]): Map<string, string[]> {
  const present = new Map(people.filter((p) => p && !p.excluded && !p.isVacant).map((p) => [p.id, p]));
  const ours = (id: string | null) => (id ? present.get(id) : undefined)?.side === 'Our Company';
  const result = new Map<string, string[]>();
  const add = (id: string | null, by: string | null) => {
    if (!id || !by || !present.has(id)) return;
    const name = present.get(by)?.name ?? '';
    const list = result.get(id) ?? [];
    if (!list.includes(name)) list.push(name);
    result.set(id, list);
  };
  for (const l of links) {
    if (!l || (l.type ?? 'Influences') !== 'Relationship') continue;
    if (ours(l.fromId)) add(l.toId, l.fromId);
    if (ours(l.toId)) add(l.fromId, l.toId);
  }
  return result;
}

interface StepInput {
  person: MapPerson;
  stance: Stance;
  covered: boolean;
  coverer: string;
  best: WarmPath | null;
  names: ReadonlyMap<string, string>;
  days: number | null;
  stale: boolean;
}

/** The one thing to do next, most urgent first: an empty seat, no way in, an unknown or hostile stance, silence. */
export function nextStep(input: StepInput): string {
  const { person, stance, covered, coverer, best, names, days, stale } = input;
  if (person.isVacant) return 'The seat is empty: find out who decides in their place and add them to the map.';
  if (!covered && !best) return 'Nobody of ours can reach them: ask our contacts who knows them and get introduced.';
  if (!covered && best) {
    const start = names.get(best.fromId) ?? 'our person';
    const via = best.personIds.length > 2 ? names.get(best.personIds[1]) : undefined;
    return via
      ? `Ask ${start} to get introduced through ${via}, and build a relationship of our own.`
      : `Ask ${start} to meet them and build a relationship of our own.`;
  }
  if (stance === 'Unknown') return `Find out where they stand: ask ${coverer} to sound them out.`;
  if (stance === 'Opponent' || stance === 'Skeptic')
    return person.hasContingencyPlan
      ? `Meet to hear their objections and answer them; keep the contingency plan up to date.`
      : `Write a contingency plan, then meet to hear their objections.`;
  if (stance === 'Neutral') return 'Show them what they gain from the goal and ask for their support.';
  if (stale)
    return days === null
      ? 'Get in touch: no interaction is recorded with them.'
      : `Get in touch: nobody has spoken to them for ${plural(days, 'day', 'days')}.`;
  return stance === 'Champion'
    ? 'Keep them close and ask them to bring the other decision makers along.'
    : 'Keep them close and ask them to speak up for the goal.';
}

/**
 * The decision makers on their side (trimmed people left out), those not supporting us first, then
 * by authority, then by name. `staleIds`: the map's stale flags.
 */
export function decisionMakerSummary(
  analysis: MapAnalysis | null,
  people: readonly MapPerson[],
  links: readonly InfluenceLink[],
  staleIds: readonly string[],
  now: Date
): DecisionMakerSummary {
  const everyone: readonly MapPerson[] = (Array.isArray(people) ? people : []).filter(Boolean);
  const list = everyone.filter((p) => !p.excluded && isDecisionMaker(p) && (p.side ?? 'Customer') !== 'Our Company');
  const names = new Map(everyone.map((p) => [p.id, p.name]));
  const covering = coverers(people ?? [], links ?? []);
  const stale = new Set(staleIds ?? []);
  const paths = new Map((analysis?.warmPaths ?? []).map((w) => [w.decisionMakerId, w]));
  const rows = list.map((person): DecisionMakerRow => {
    const stance = stanceOf(person.stance);
    const style = STANCE_STYLES[stance] ?? STANCE_STYLES.Unknown;
    const by = covering.get(person.id) ?? [];
    const ways = paths.get(person.id);
    const best = ways?.paths[0] ?? null;
    const days = daysSince(person.lastInteraction, now);
    const supporting = isSupporting(stance);
    const risky = ways?.status === 'only-through-opponents' ? ' (only through an opponent)' : '';
    return {
      key: `dm-${person.id}`,
      personId: person.id,
      name: person.name,
      title: text(person.title),
      roleLabel: person.role === 'Economic Buyer' ? 'Economic buyer' : 'Decision maker',
      stance,
      stanceLetter: style.letter,
      stanceStyle: `background-color: ${style.color}; color: ${style.textColor};`,
      sentiment: person.sentiment ?? 'Unknown',
      authority: person.authority ?? 'Unknown',
      supporting,
      covered: by.length > 0,
      coveredText: by.length > 0 ? `Covered by ${by.join(', ')}` : 'Not covered by our people',
      hasPath: best !== null,
      pathText: best ? `${best.explanation}${risky}` : person.isVacant ? 'Vacant seat' : 'No warm path',
      pathStrength: best ? formatStrength(best.strength) : '',
      daysSince: days,
      lastText: lastText(days),
      stale: stale.has(person.id),
      vacant: person.isVacant === true,
      nextStep: nextStep({
        person,
        stance,
        covered: by.length > 0,
        coverer: by[0] ?? '',
        best,
        names,
        days,
        stale: stale.has(person.id),
      }),
      className: supporting ? 'rm-dm' : 'rm-dm rm-dm_unsupported',
    };
  });
  rows.sort(
    (a, b) =>
      Number(a.supporting) - Number(b.supporting) ||
      (AUTHORITY_ORDER[a.authority] ?? 9) - (AUTHORITY_ORDER[b.authority] ?? 9) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
  const notSupporting = rows.filter((r) => !r.supporting).length;
  const uncovered = rows.filter((r) => !r.covered).length;
  const parts = [plural(rows.length, 'decision maker', 'decision makers')];
  if (rows.length) parts.push(`${notSupporting} not supporting us`, `${uncovered} not covered`);
  const line = rows.length ? `${notSupporting} of ${rows.length} not supporting us` : '';
  return { rows, notSupporting, uncovered, headline: parts.join(' · '), line };
}
