/**
 * Coverage (issue 3, item 4): the key people — decision makers and high-authority people on the
 * customer's or a partner's side — and what is missing in how we cover each of them.
 *
 * A key person's coverage is the mean of three checks, each 0-1:
 * - a direct relationship: one of our people has a link of a `coverageLinkTypes` type
 *   (default: Relationship) with them, either direction: 1; 0.5 when every such link comes from
 *   one of our people who is also in conflict with them (a Conflict link); 0 without one. Any
 *   conflict with one of our people is a reason (`conflict-with-us`);
 * - their stance is known (not Unknown);
 * - a warm path: 1 when one avoids opponents and is at least `weakPathStrength` strong, 0.75 when
 *   the best such path is weaker (`weak-path`), 0.5 when only a path through an opponent exists,
 *   0 when none of our people can reach them. A best path through two people in conflict is a
 *   reason (`conflicted-path`) without changing the score.
 * Activity evidence (issue 17) between one of our people and a key person counts as a
 * Relationship link of the tie's strength when `evidence.countsAsRelationship` (routeLinks).
 * A vacant key seat scores 0. Every check can only improve when a Relationship link is added, so
 * adding one never lowers coverage (a property test holds the module to that).
 */
import type { PreparedMap } from './graph';
import type { Person } from './people';
import { RouteFinder, formatStrength, opponentNames } from './paths';
import type { DecisionMakerPaths, PathStatus } from './paths';

/** Why a key person is a coverage gap. */
export type CoverageReasonCode =
  | 'vacant-seat'
  | 'no-relationship'
  | 'conflict-with-us'
  | 'unknown-stance'
  | 'only-through-opponents'
  | 'unreachable'
  | 'weak-path'
  | 'conflicted-path';

export interface CoverageReason {
  code: CoverageReasonCode;
  /** The reason alone: "can only be reached through an opponent (Pat)". */
  detail: string;
  /** A sentence: "Riley (decision maker): can only be reached through an opponent (Pat)." */
  message: string;
}

/** A key person and how well we cover them. */
export interface KeyPersonCoverage {
  personId: string;
  name: string;
  isDecisionMaker: boolean;
  /** 0-1, the mean of the three checks (0 for a vacant seat). */
  score: number;
  pathStatus: PathStatus;
  hasDirectRelationship: boolean;
  /** Our people in conflict with them (ids, present people only). */
  conflictWithIds: string[];
  /** Empty when fully covered. */
  reasons: CoverageReason[];
  /** One line: "Riley (decision maker): none of our people …; can only be reached …". */
  summary: string;
}

export interface CoverageResult {
  /** Every key person, decision makers first, then weakest coverage first, then name. */
  keyPeople: KeyPersonCoverage[];
  /** The key people with at least one reason. */
  gaps: KeyPersonCoverage[];
  /** Mean key-person coverage, 0-1 (0 when there are no key people). */
  score: number;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Key people: customer or partner side, decision maker or High authority (vacant seats included). */
export function keyPeople(map: PreparedMap): number[] {
  const result: number[] = [];
  map.people.forEach((p, i) => {
    if (!p.isOurs && (p.isDecisionMaker || p.authority === 'High')) result.push(i);
  });
  return result;
}

function roleWords(p: Person): string {
  if (!p.isDecisionMaker) return 'high authority';
  return p.role === 'Economic Buyer' ? 'economic buyer' : 'decision maker';
}

/**
 * Coverage of every key person. `warmPaths` (from findWarmPaths on the same map) avoids
 * searching decision makers again.
 */
export function findCoverageGaps(
  map: PreparedMap,
  warmPaths?: readonly DecisionMakerPaths[],
  finder: RouteFinder = new RouteFinder(map)
): CoverageResult {
  const n = map.people.length;
  // 1: a coverage link from one of our people not in conflict with them; 2: only from ours in conflict.
  const direct = new Uint8Array(n);
  const types = new Set(map.config.coverageLinkTypes);
  const inConflict = (a: number, b: number): boolean => map.conflicts.get(a)?.includes(b) === true;
  for (const l of map.routeLinks) {
    if (!types.has(l.type)) continue;
    const a = map.people[l.from];
    const b = map.people[l.to];
    if (a.isVacant || b.isVacant) continue;
    const mark = (them: number, us: number) => {
      if (inConflict(them, us)) {
        if (direct[them] === 0) direct[them] = 2;
      } else direct[them] = 1;
    };
    if (a.isOurs) mark(l.to, l.from);
    if (b.isOurs) mark(l.from, l.to);
  }
  const known = new Map<string, DecisionMakerPaths>();
  for (const w of warmPaths ?? []) known.set(w.decisionMakerId, w);
  const typeWords = map.config.coverageLinkTypes.join(' or ');
  const { weakPathStrength } = map.config;

  const keyPeopleList = keyPeople(map).map((v): KeyPersonCoverage => {
    const p = map.people[v];
    const label = `${p.name} (${roleWords(p)})`;
    const reasons: CoverageReason[] = [];
    const gap = (code: CoverageReasonCode, detail: string) =>
      reasons.push({ code, detail, message: `${label}: ${detail}.` });
    const result = (
      score: number,
      pathStatus: PathStatus,
      hasDirect: boolean,
      conflictWithIds: string[]
    ): KeyPersonCoverage => ({
      personId: p.id,
      name: p.name,
      isDecisionMaker: p.isDecisionMaker,
      score,
      pathStatus,
      hasDirectRelationship: hasDirect,
      conflictWithIds,
      reasons,
      summary: reasons.length > 0 ? `${label}: ${reasons.map((r) => r.detail).join('; ')}.` : `${label}: covered.`,
    });
    if (p.isVacant) {
      gap('vacant-seat', 'the seat is vacant; find out who takes over');
      return result(0, 'unreachable', false, []);
    }
    const given = known.get(p.id);
    const status: PathStatus = given ? given.status : finder.status(v);
    const ourFoes = (map.conflicts.get(v) ?? []).filter((u) => map.people[u].isOurs && !map.people[u].isVacant);
    if (direct[v] === 0) gap('no-relationship', `none of our people has a ${typeWords} link with them`);
    if (ourFoes.length > 0) {
      const names = ourFoes.map((u) => map.people[u].name).join(' and ');
      gap(
        'conflict-with-us',
        direct[v] === 1
          ? `in conflict with ${names} (our side); let someone else lead`
          : `in conflict with ${names} (our side), who ${ourFoes.length > 1 ? 'are' : 'is'} our only direct relationship; mend it or let someone else lead`
      );
    }
    if (p.stance === 'Unknown') gap('unknown-stance', 'their stance is Unknown');
    let pathCheck = status === 'warm' ? 1 : status === 'only-through-opponents' ? 0.5 : 0;
    if (status === 'only-through-opponents') {
      const opponents = given?.paths[0]
        ? opponentNames(map, given.paths[0])
        : finder.opponentsOnTheWay(v).join(' and ');
      gap('only-through-opponents', `can only be reached through an opponent (${opponents})`);
    } else if (status === 'unreachable') {
      gap(
        'unreachable',
        finder.hasOurPeople
          ? 'none of our people can reach them through the links on the map'
          : 'none of our own people (Side = Our Company) is on the map to reach them'
      );
    } else {
      const clean = given ? given.cleanStrength : finder.cleanStrength(v);
      if (clean < weakPathStrength) {
        pathCheck = 0.75;
        gap(
          'weak-path',
          `the only way in that avoids opponents is weak (strength ${formatStrength(clean)}); build a stronger one`
        );
      }
      const best = given?.paths[0];
      if (best && best.conflictPairs.length > 0) {
        const pairs = best.conflictPairs
          .map(([a, b]) => `${map.people[map.index.get(a)!].name} and ${map.people[map.index.get(b)!].name}`)
          .join(', ');
        gap('conflicted-path', `their best way in passes people in conflict (${pairs})`);
      }
    }
    const relationshipCheck = direct[v] === 1 ? 1 : direct[v] === 2 ? 0.5 : 0;
    // Three checks, each 0-1: a direct relationship, a known stance, a warm path.
    const score = (relationshipCheck + (p.stance === 'Unknown' ? 0 : 1) + pathCheck) / 3;
    return result(
      score,
      status,
      direct[v] !== 0,
      ourFoes.map((u) => map.people[u].id)
    );
  });
  keyPeopleList.sort(
    (a, b) =>
      Number(b.isDecisionMaker) - Number(a.isDecisionMaker) ||
      a.score - b.score ||
      cmp(a.name, b.name) ||
      cmp(a.personId, b.personId)
  );
  const score = keyPeopleList.length > 0 ? keyPeopleList.reduce((s, k) => s + k.score, 0) / keyPeopleList.length : 0;
  return { keyPeople: keyPeopleList, gaps: keyPeopleList.filter((k) => k.reasons.length > 0), score };
}
