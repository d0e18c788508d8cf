/**
 * Decision makers first (issue 16): one row per decision-maker seat with what a rep needs to
 * decide the next step — stance, sentiment, authority, whether one of our people covers them,
 * the best warm path and its strength (and a stronger risky one through an opponent), days since
 * the last interaction, whether they keep the map from being Healthy, and the next step in words.
 * Unsupported decision makers first. O(decision makers) given the analysis.
 */
import type { PreparedMap } from './graph';
import { lastContactMs } from './people';
import type { Person } from './people';
import type { Authority, Role, Sentiment, Stance } from './model';
import type { DecisionMakerPaths, PathStatus, WarmPath } from './paths';
import { formatStrength } from './paths';
import type { CoverageResult } from './coverage';
import type { HealthReport } from './health';
import { daysSinceLastTouch, decisionMakerSeats, isStale, supportsUs } from './health';
import { daysBetween } from './dates';

/** One decision maker (or vacant decision-maker seat) as the decision-maker strip shows them. */
export interface DecisionMakerSummary {
  personId: string;
  name: string;
  title: string;
  role: Role;
  isEconomicBuyer: boolean;
  authority: Authority;
  stance: Stance;
  sentiment: Sentiment;
  /** The seat is vacant: nobody to win over until someone takes over. */
  vacant: boolean;
  /** Champion or Supporter (and not vacant). */
  supportsUs: boolean;
  /** One of our present people has a Relationship link with them (what Is_Covered__c says). */
  covered: boolean;
  /** The names of those of our people (present, coverage link type, either way), by name. */
  coveredBy: string[];
  /** Their key-person coverage, 0-1 (docs/analytics.md §4). */
  coverage: number;
  pathStatus: PathStatus;
  /** The best warm path (clean when one exists), or null. */
  bestPath: WarmPath | null;
  /** Its strength, 0 when none. */
  bestPathStrength: number;
  /** A stronger path through an opponent, labelled risky; null when none. */
  riskyAlternative: WarmPath | null;
  /** Whole days since the last interaction (the later of Last_Interaction__c and their latest activity); null: never. */
  daysSinceLastInteraction: number | null;
  /** Whole days since the later of the last interaction and stance review; null: never. */
  daysSinceLastTouch: number | null;
  /** No touch in the stale period (and added before it). */
  stale: boolean;
  /** They keep the map from being Healthy (health gate). */
  blocksHealth: boolean;
  /** What to do next, one sentence for a rep. */
  nextStep: string;
}

/** Unsupported first: Opponent, Skeptic, Unknown, vacant, Neutral, then Supporter, Champion. */
const STANCE_ORDER: Record<Stance, number> = {
  Opponent: 0,
  Skeptic: 1,
  Unknown: 2,
  Neutral: 4,
  Supporter: 5,
  Champion: 6,
};
const AUTHORITY_ORDER: Record<Authority, number> = { High: 0, Medium: 1, Unknown: 2, Low: 3, None: 4 };

function nextStep(p: Person, row: Omit<DecisionMakerSummary, 'nextStep'>, map: PreparedMap): string {
  if (p.isVacant) return `Find out who takes over ${p.name}'s seat and add them to the map.`;
  const best = row.bestPath;
  if (!row.covered) {
    if (row.pathStatus === 'unreachable')
      return `Find someone who knows ${p.name}: none of our people can reach them yet.`;
    if (best && row.pathStatus === 'warm') {
      const intro = best.personIds.length > 2 ? map.people[map.index.get(best.personIds[1])!].name : null;
      const from = map.people[map.index.get(best.fromId)!].name;
      return intro
        ? `Ask ${intro} to introduce ${from} to ${p.name} (strength ${formatStrength(best.strength)}).`
        : `Have ${from} build a direct relationship with ${p.name}.`;
    }
    return `Find a way in to ${p.name} that avoids the opponents on the way.`;
  }
  if (p.stance === 'Unknown') return `Find out where ${p.name} stands on our goal.`;
  if (p.stance === 'Opponent') return `Plan damage control for ${p.name}: write or review their contingency plan.`;
  if (p.stance === 'Skeptic') return `Meet ${p.name} to hear and answer their concerns.`;
  if (p.stance === 'Neutral') return `Show ${p.name} what our success gives them.`;
  if (row.stale)
    return `Get back in touch with ${p.name}: nobody has in ${row.daysSinceLastTouch ?? 'a long time'}${row.daysSinceLastTouch === null ? '' : ' days'}.`;
  return `Keep ${p.name} close.`;
}

/**
 * Node index → the names of our present people with a coverage-type link to them, by name (evidence
 * counted as a Relationship link when the setting says so: PreparedMap.routeLinks).
 */
function coverers(map: PreparedMap): Map<number, string[]> {
  const types = new Set(map.config.coverageLinkTypes);
  const result = new Map<number, string[]>();
  const add = (them: number, us: number) => {
    const names = result.get(them) ?? [];
    if (!names.includes(map.people[us].name)) names.push(map.people[us].name);
    result.set(them, names);
  };
  for (const l of map.routeLinks) {
    const a = map.people[l.from];
    const b = map.people[l.to];
    if (!types.has(l.type) || a.isVacant || b.isVacant) continue;
    if (a.isOurs) add(l.to, l.from);
    if (b.isOurs) add(l.from, l.to);
  }
  for (const names of result.values()) names.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return result;
}

/**
 * Every decision-maker seat of the map with what the rep needs, unsupported first (then highest
 * authority, then name). `warmPaths`, `coverage` and `health` come from the same analysis.
 */
export function summarizeDecisionMakers(
  map: PreparedMap,
  warmPaths: readonly DecisionMakerPaths[],
  coverage: CoverageResult,
  health: HealthReport
): DecisionMakerSummary[] {
  const paths = new Map(warmPaths.map((w) => [w.decisionMakerId, w]));
  const covered = new Map(coverage.keyPeople.map((k) => [k.personId, k]));
  const blockers = new Set(health.gate?.blockers.map((b) => b.personId) ?? []);
  const coveredBy = coverers(map);
  const rows = decisionMakerSeats(map).map((d): DecisionMakerSummary => {
    const p = map.people[d];
    const w = paths.get(p.id);
    const k = covered.get(p.id);
    const best = w?.paths[0] ?? null;
    const lastContact = lastContactMs(p);
    const row = {
      personId: p.id,
      name: p.name,
      title: p.title,
      role: p.role,
      isEconomicBuyer: p.role === 'Economic Buyer',
      authority: p.authority,
      stance: p.stance,
      sentiment: p.sentiment,
      vacant: p.isVacant,
      supportsUs: supportsUs(p),
      covered: k?.hasDirectRelationship ?? false,
      coveredBy: p.isVacant ? [] : (coveredBy.get(d) ?? []),
      coverage: k?.score ?? 0,
      pathStatus: w?.status ?? 'unreachable',
      bestPath: best,
      bestPathStrength: best?.strength ?? 0,
      riskyAlternative: w?.riskyAlternative ?? null,
      daysSinceLastInteraction: lastContact === null ? null : daysBetween(lastContact, map.nowMs),
      daysSinceLastTouch: daysSinceLastTouch(p, map.nowMs),
      stale: !p.isVacant && isStale(p, map.nowMs, map.config.staleDays),
      blocksHealth: blockers.has(p.id),
    };
    return { ...row, nextStep: nextStep(p, row, map) };
  });
  const rank = (r: DecisionMakerSummary) => (r.vacant ? 3 : STANCE_ORDER[r.stance]);
  return rows.sort(
    (a, b) =>
      Number(a.supportsUs) - Number(b.supportsUs) ||
      rank(a) - rank(b) ||
      AUTHORITY_ORDER[a.authority] - AUTHORITY_ORDER[b.authority] ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.personId < b.personId ? -1 : 1)
  );
}
