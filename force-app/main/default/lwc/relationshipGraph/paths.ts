/**
 * Warm paths (issue 3, item 3): the best chains from our own people (Side = Our Company) to each
 * decision maker, valued like influence (product of step weights × decay^(links-1)): a warm path
 * is a chain along which our person's influence reaches the decision maker.
 *
 * - One reverse search per decision maker finds, at once, the best chain from every person to
 *   them. A chain starts at the last of our people on it (a chain through Dana to Sam is never
 *   better than Sam's own), so our people are starts, never stepping stones.
 * - Alternatives differ in who makes the introduction: one candidate per (our person, first
 *   contact) pair — their link to that contact, then the contact's best chain onward. "Dana via
 *   Lee" and "Dana via Kim" are both offered.
 * - Opponents are not stepping stones; only when no chain avoids them does a second search allow
 *   them, and the result says so (status `only-through-opponents`). Which case applies is known
 *   beforehand from two multi-source searches from all our people at once (also used by coverage).
 * - The primary contact is preferred: a chain through them ranks as if `primaryContactBonus`
 *   times stronger (its `strength` stays true). Each of our people's best chain to the primary
 *   contact, joined to the primary contact's best chain onward, is a candidate too (kept only if
 *   nobody appears twice).
 * - Up to `maxAlternatives` distinct chains, best rank first; ties by strength, fewer links, ids.
 * - Activity evidence (issue 17) counts as a Relationship link of the tie's strength when
 *   `evidence.countsAsRelationship` (PreparedMap.routeOut/routeIn/routeLinks); a step over it is
 *   flagged (`evidence`) and its sentence says so ("Dana Reyes has met Lee Park (12 meetings, …)").
 *
 * Cost per decision maker: one reverse search plus the out-links of the few of our people it
 * reaches; O(k × candidates) to pick k.
 */
import type { PreparedMap } from './graph';
import type { Person } from './people';
import type { LinkStrength, LinkType } from './model';
import { decisionMakers } from './influence';
import { Workspace } from './search';

/** Whether our people can reach a person, and how. */
export type PathStatus = 'warm' | 'only-through-opponents' | 'unreachable';

/** One link of a warm path, in the direction the path takes it. */
export interface PathStep {
  fromId: string;
  toId: string;
  linkId: string;
  linkType: LinkType;
  strength: LinkStrength;
  /** True when the step runs From→To on its link, false when against it (e.g. manager → report). */
  alongLink: boolean;
  /** Influence the step carries (type share × strength weight). */
  weight: number;
  /** "Lee reports to Morgan"; over evidence "Dana Reyes has met Lee Park (12 meetings, 30 emails, last 3 days ago)". */
  sentence: string;
  /**
   * The step rests on activity evidence (issue 17), not on a typed link: `linkId` is then
   * `evidence:<userId>:<contactId>` and `linkType` Relationship (evidence counts as one).
   */
  evidence: boolean;
}

/** One chain from one of our people to a target. */
export interface WarmPath {
  /** Our person at the start. */
  fromId: string;
  /** The decision maker (or other target) at the end. */
  toId: string;
  /** Everyone on the chain, start first. */
  personIds: string[];
  steps: PathStep[];
  /** Product of step weights × decay^(links-1), in (0, 1]. */
  strength: number;
  /** strength × primaryContactBonus when the chain runs through the primary contact; ranks the paths. */
  rank: number;
  hops: number;
  throughPrimaryContact: boolean;
  /** Opponents the chain passes through (a clean chain offered first unless none exists). */
  opponentIds: string[];
  /** Pairs of people on the chain who are in conflict (a Conflict link between them), id order. */
  conflictPairs: [string, string][];
  /** The chain passes an opponent or a conflicted pair: use it with care. */
  risky: boolean;
  /** Why it is risky, in words ("passes Pat, an opponent"; "Kim and Pat are in conflict"); empty when not. */
  risks: string[];
  /** "Dana (our VP) knows Lee; Lee reports to Morgan, the decision maker". */
  explanation: string;
}

/** The ways in to one decision maker. */
export interface DecisionMakerPaths {
  decisionMakerId: string;
  name: string;
  status: PathStatus;
  /** Best first; empty when unreachable. */
  paths: WarmPath[];
  /** One sentence for the user. */
  summary: string;
  /**
   * A chain through an opponent that is stronger than every clean chain, shown next to the clean
   * ones and labelled risky (`risky` true); null when there is none or no clean chain exists
   * (then `paths` already run through opponents).
   */
  riskyAlternative: WarmPath | null;
  /** Strength of the best chain that avoids opponents (0 when none). */
  cleanStrength: number;
}

/** Routes to one target: status and up to k chains. */
export interface Routes {
  status: PathStatus;
  paths: WarmPath[];
}

function roleNoun(p: Person): string {
  if (p.role === 'Economic Buyer') return 'the economic buyer';
  return p.isDecisionMaker ? 'the decision maker' : `the ${p.role.toLowerCase()}`;
}

/**
 * A path strength (or another 0-1 share) as every part of the map shows it: two decimals, half up
 * on the decimal value (0.7 × 0.15 = 0.105 → "0.11"; `toFixed` alone would say "0.10", as the float
 * is 0.10499…). c/relationshipMapFormat passes it on to the components.
 */
export function formatStrength(x: number): string {
  return (Math.round(Number((x * 100).toPrecision(12))) / 100).toFixed(2);
}

const fmt = formatStrength;

interface Candidate {
  /** Our person the chain starts from. */
  start: number;
  /** The first person after them. */
  entry: number;
  strength: number;
  rank: number;
  hops: number;
  /** false: start's best chain; true: start → primary contact → target. */
  viaPrimary: boolean;
}

/** Finds warm paths on one map; reuses its search arrays across targets. */
export class RouteFinder {
  private readonly map: PreparedMap;
  private readonly ws: Workspace;
  /** Our people who can start a chain (not vacant), in id order. */
  private readonly ours: number[];
  /** 1 for those people. */
  private readonly isOurs: Uint8Array;
  /** through masks: 1 = a chain may pass through. */
  private readonly avoidOpponents: Uint8Array;
  private readonly allowOpponents: Uint8Array;
  /** Reverse searches from the primary contact, per mode (computed on first use). */
  private primaryAvoid: Workspace | null = null;
  private primaryAllow: Workspace | null = null;
  /** Multi-source searches from all our people, per mode (computed on first use). */
  private reachAvoid: Workspace | null = null;
  private reachAllow: Workspace | null = null;

  constructor(map: PreparedMap) {
    this.map = map;
    const n = map.people.length;
    this.ws = new Workspace(n);
    this.ours = [];
    this.isOurs = new Uint8Array(n);
    this.avoidOpponents = new Uint8Array(n);
    this.allowOpponents = new Uint8Array(n);
    map.people.forEach((p, i) => {
      if (p.isOurs) {
        if (!p.isVacant) {
          this.ours.push(i);
          this.isOurs[i] = 1;
        }
        return;
      }
      if (p.isVacant) return;
      this.allowOpponents[i] = 1;
      if (!p.isOpponent) this.avoidOpponents[i] = 1;
    });
  }

  /** Whether the map has any of our people to start from. */
  get hasOurPeople(): boolean {
    return this.ours.length > 0;
  }

  private primarySearch(allow: boolean): Workspace | null {
    const p = this.map.primary;
    if (p < 0) return null;
    if (allow) {
      if (!this.primaryAllow) {
        this.primaryAllow = new Workspace(this.map.people.length);
        this.primaryAllow.search(
          this.map.routeIn,
          p,
          this.map.config.decay,
          this.map.config.epsilon,
          this.allowOpponents
        );
      }
      return this.primaryAllow;
    }
    if (!this.primaryAvoid) {
      this.primaryAvoid = new Workspace(this.map.people.length);
      this.primaryAvoid.search(
        this.map.routeIn,
        p,
        this.map.config.decay,
        this.map.config.epsilon,
        this.avoidOpponents
      );
    }
    return this.primaryAvoid;
  }

  /**
   * Best warm-path value from any of our people to every person, per mode: one multi-source
   * search from all our people at once (computed on first use).
   */
  private reach(allow: boolean): Workspace {
    let ws = allow ? this.reachAllow : this.reachAvoid;
    if (!ws) {
      ws = new Workspace(this.map.people.length);
      const { decay, epsilon } = this.map.config;
      ws.searchFrom(this.map.routeOut, this.ours, decay, epsilon, allow ? this.allowOpponents : this.avoidOpponents);
      if (allow) this.reachAllow = ws;
      else this.reachAvoid = ws;
    }
    return ws;
  }

  /** Strength of the best chain from our people to `v` that avoids opponents (0 when none). */
  cleanStrength(v: number): number {
    const person = this.map.people[v];
    if (person.isVacant || person.isOurs || this.ours.length === 0) return 0;
    return this.reach(false).score[v];
  }

  /**
   * A chain through an opponent stronger than every clean chain to `v`, or null. The two
   * multi-source searches tell at once whether one can exist; only then is a search run.
   */
  riskyAlternative(v: number): WarmPath | null {
    const clean = this.cleanStrength(v);
    if (clean <= 0 || !(this.reach(true).score[v] > clean * (1 + 1e-9))) return null;
    return (
      this.search(v, this.map.config.maxAlternatives, true).find(
        (p) => p.opponentIds.length > 0 && p.strength > clean
      ) ?? null
    );
  }

  /** Whether our people can reach person `v`, without searching paths to them. */
  status(v: number): PathStatus {
    const person = this.map.people[v];
    if (person.isVacant || person.isOurs || this.ours.length === 0) return 'unreachable';
    if (this.reach(false).score[v] > 0) return 'warm';
    if (this.reach(true).score[v] > 0) return 'only-through-opponents';
    return 'unreachable';
  }

  /** Names of the opponents on the best chain to `v` when opponents are allowed. */
  opponentsOnTheWay(v: number): string[] {
    const ws = this.reach(true);
    if (ws.score[v] <= 0) return [];
    const chain = ws.chain(v); // v, …, one of our people
    return chain.slice(1, -1).flatMap((u) => (this.map.people[u].isOpponent ? [this.map.people[u].name] : []));
  }

  /** Best chains from our people to `target` (a node index), up to `k`. */
  routes(target: number, k = this.map.config.maxAlternatives): Routes {
    const status = this.status(target);
    if (status === 'unreachable') return { status, paths: [] };
    // The multi-source search decided the mode; one reverse search finds the alternatives.
    // (Rounding could in theory put a chain on the other side of epsilon in the two directions,
    // so fall through to the next mode if the reverse search finds nothing.)
    if (status === 'warm') {
      const paths = this.search(target, k, false);
      if (paths.length > 0) return { status, paths };
    }
    const paths = this.search(target, k, true);
    return paths.length > 0 ? { status: 'only-through-opponents', paths } : { status: 'unreachable', paths: [] };
  }

  /**
   * Candidates, one per (our person s, first contact c): s's link to c, then c's best chain to
   * the target (from one reverse search) — so alternatives differ in who makes the
   * introduction, not only in who we are. Plus, per our person, the chain via the primary contact.
   */
  private search(target: number, k: number, allow: boolean): WarmPath[] {
    const { map, ws } = this;
    const { decay, epsilon, primaryContactBonus } = map.config;
    const mask = allow ? this.allowOpponents : this.avoidOpponents;
    ws.search(map.routeIn, target, decay, epsilon, mask);
    const p = map.primary;
    const out = map.routeOut;
    const candidates: Candidate[] = [];
    // Does the best chain from v pass through the primary contact? Walk it (short: bounded by epsilon).
    const passesPrimary = (v: number): boolean => {
      if (p < 0) return false;
      for (let u = v; u !== -1; u = ws.next[u]) if (u === p) return true;
      return false;
    };
    // Our people are settled by the search (never expanded): they are among `reached`.
    for (let i = 0; i < ws.reachedCount; i++) {
      const s = ws.reached[i];
      if (this.isOurs[s] !== 1) continue;
      for (let e = out.start[s]; e < out.start[s + 1]; e++) {
        const c = out.node[e];
        let strength: number;
        if (c === target) strength = out.weight[e];
        else if (mask[c] === 1 && ws.score[c] > 0) strength = out.weight[e] * ws.score[c] * decay;
        else continue;
        if (strength < epsilon) continue;
        candidates.push({
          start: s,
          entry: c,
          strength,
          rank: passesPrimary(c) ? strength * primaryContactBonus : strength,
          hops: ws.hops[c] + 1,
          viaPrimary: false,
        });
      }
    }
    // Via the primary contact: s → … → p (primary's own search) then p → … → target (this search).
    const toTarget = p >= 0 && p !== target && mask[p] === 1 ? ws.score[p] : 0;
    const pws = toTarget > 0 ? this.primarySearch(allow) : null;
    if (pws) {
      for (let i = 0; i < pws.reachedCount; i++) {
        const s = pws.reached[i];
        if (this.isOurs[s] !== 1) continue;
        const strength = pws.score[s] * toTarget * decay;
        if (strength < epsilon) continue;
        candidates.push({
          start: s,
          entry: pws.next[s],
          strength,
          rank: strength * primaryContactBonus,
          hops: pws.hops[s] + ws.hops[p],
          viaPrimary: true,
        });
      }
    }
    // Pick the best k distinct chains by repeated selection (k is small).
    const before = (a: Candidate, b: Candidate): boolean => {
      if (a.rank !== b.rank) return a.rank > b.rank;
      if (a.strength !== b.strength) return a.strength > b.strength;
      if (a.hops !== b.hops) return a.hops < b.hops;
      if (a.start !== b.start) return a.start < b.start;
      if (a.entry !== b.entry) return a.entry < b.entry;
      return !a.viaPrimary && b.viaPrimary;
    };
    const used = new Uint8Array(candidates.length);
    const result: WarmPath[] = [];
    const seen = new Set<string>();
    while (result.length < k) {
      let best = -1;
      for (let i = 0; i < candidates.length; i++) {
        if (used[i] === 0 && (best < 0 || before(candidates[i], candidates[best]))) best = i;
      }
      if (best < 0) break;
      used[best] = 1;
      const c = candidates[best];
      let nodes: number[] | null;
      if (c.viaPrimary) nodes = pws ? this.joinViaPrimary(c.start, pws) : null;
      else nodes = c.entry === target ? [c.start, target] : [c.start, ...ws.chain(c.entry)];
      if (!nodes) continue;
      // The same chain can come twice (parallel links, or the primary variant of a best chain).
      const key = nodes.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(this.describe(nodes, c.strength, c.rank));
    }
    return result;
  }

  /** start → primary (from the primary's search) then primary → target (current search); null if someone repeats. */
  private joinViaPrimary(start: number, pws: Workspace): number[] | null {
    const first = pws.chain(start); // start … primary
    const second = this.ws.chain(this.map.primary); // primary … target
    if (first[first.length - 1] !== second[0]) return null;
    const nodes = first.concat(second.slice(1));
    return new Set(nodes).size === nodes.length ? nodes : null;
  }

  /** Builds the steps and the sentence for a chain of node indices (influence direction). */
  private describe(nodes: number[], strength: number, rank: number): WarmPath {
    const { map } = this;
    const people = map.people;
    const steps: PathStep[] = [];
    const clauses: string[] = [];
    const last = nodes.length - 1;
    // `note`: what the evidence says, in the person's brackets ("Lee Park (12 meetings, last today)").
    const label = (v: number, first: boolean, note = ''): string => {
      const p = people[v];
      if (v === nodes[last]) return note ? `${p.name} (${note}), ${roleNoun(p)}` : `${p.name}, ${roleNoun(p)}`;
      if (!first) return p.name;
      const tags: string[] = [];
      if (p.isOurs) tags.push(p.title ? `our ${p.title}` : 'our side');
      else {
        if (p.side === 'Partner') tags.push('partner');
        if (v === map.primary) tags.push('primary contact');
        if (p.isOpponent) tags.push('opponent');
      }
      const inBrackets = [tags.join(', '), note].filter((t) => t !== '').join('; ');
      return inBrackets !== '' ? `${p.name} (${inBrackets})` : p.name;
    };
    const out = map.routeOut;
    for (let i = 0; i < last; i++) {
      const u = nodes[i];
      const v = nodes[i + 1];
      // The strongest edge u→v, the first of equals: the same edge the search kept (both
      // adjacency lists hold parallel edges in link order, and a search only replaces a value
      // with a strictly better one).
      let e = -1;
      for (let j = out.start[u]; j < out.start[u + 1]; j++) {
        if (out.node[j] === v && (e < 0 || out.weight[j] > out.weight[e])) e = j;
      }
      const link = map.routeLinks[out.link[e]];
      const along = out.along[e] === 1;
      const semantics = map.config.linkTypes[link.type];
      // A step over evidence says what it rests on: "Dana Reyes has met Lee Park (12 meetings, …)".
      const tie = link.evidence ?? null;
      const sentence = tie
        ? `${label(u, i === 0)} has met ${label(v, true, tie.summary)}`
        : `${label(u, i === 0)} ${along ? semantics.forwardPhrase : semantics.backwardPhrase} ${label(v, true)}`;
      clauses.push(sentence);
      steps.push({
        fromId: people[u].id,
        toId: people[v].id,
        linkId: link.id,
        linkType: link.type,
        strength: link.strength,
        alongLink: along,
        weight: out.weight[e],
        sentence,
        evidence: tie !== null,
      });
    }
    const opponents = nodes.slice(1, last).filter((v) => people[v].isOpponent);
    const conflicts = conflictsAmong(map, nodes);
    const risks = [
      ...opponents.map((v) => `passes ${people[v].name}, an opponent`),
      ...conflicts.map(([a, b]) => `${people[a].name} and ${people[b].name} are in conflict`),
    ];
    return {
      fromId: people[nodes[0]].id,
      toId: people[nodes[last]].id,
      personIds: nodes.map((v) => people[v].id),
      steps,
      strength,
      rank,
      hops: last,
      throughPrimaryContact: map.primary >= 0 && nodes.includes(map.primary),
      opponentIds: opponents.map((v) => people[v].id),
      conflictPairs: conflicts.map(([a, b]) => [people[a].id, people[b].id]),
      risky: risks.length > 0,
      risks,
      explanation: clauses.join('; '),
    };
  }
}

/**
 * Pairs of people among `nodes` (a chain) who are in conflict, both present, as node indices in
 * chain order (a Conflict link between any two people on the chain, next to each other or not).
 */
export function conflictsAmong(map: PreparedMap, nodes: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  if (map.conflicts.size === 0) return pairs;
  for (let i = 0; i < nodes.length; i++) {
    const others = map.conflicts.get(nodes[i]);
    if (!others || map.people[nodes[i]].isVacant) continue;
    for (let j = i + 1; j < nodes.length; j++) {
      if (others.includes(nodes[j]) && !map.people[nodes[j]].isVacant) pairs.push([nodes[i], nodes[j]]);
    }
  }
  return pairs;
}

/** Names of the opponents on a path, "Pat" / "Pat and Sam". */
export const opponentNames = (map: PreparedMap, path: WarmPath): string =>
  path.opponentIds.map((id) => map.people[map.index.get(id)!].name).join(' and ');

/** One sentence about the ways in to `person`. */
export function routesSummary(
  map: PreparedMap,
  person: Person,
  routes: Routes,
  hasOurPeople: boolean,
  riskyAlternative: WarmPath | null = null
): string {
  if (routes.status === 'warm') {
    const best = routes.paths[0];
    const care = best.risky ? ` Careful: ${best.risks.join('; ')}.` : '';
    const risky = riskyAlternative
      ? ` A stronger way runs through an opponent (${opponentNames(map, riskyAlternative)}, strength ${fmt(riskyAlternative.strength)}): risky.`
      : '';
    return `Best way in to ${person.name}: ${best.explanation} (strength ${fmt(best.strength)}).${care}${risky}`;
  }
  if (routes.status === 'only-through-opponents') {
    const best = routes.paths[0];
    return `${person.name} can only be reached through an opponent (${opponentNames(map, best)}): ${best.explanation} (strength ${fmt(best.strength)}).`;
  }
  if (person.isVacant) return `${person.name}'s seat is vacant.`;
  if (!hasOurPeople)
    return `No warm path to ${person.name}: none of our own people (Side = Our Company) is on the map.`;
  return `None of our people can reach ${person.name} through the links on the map.`;
}

/** Warm paths to every decision maker (not vacant, not ours), in id order. */
export function findWarmPaths(map: PreparedMap, finder: RouteFinder = new RouteFinder(map)): DecisionMakerPaths[] {
  return decisionMakers(map).map((d) => {
    const person = map.people[d];
    const routes = finder.routes(d);
    const riskyAlternative = routes.status === 'warm' ? finder.riskyAlternative(d) : null;
    return {
      decisionMakerId: person.id,
      name: person.name,
      status: routes.status,
      paths: routes.paths,
      summary: routesSummary(map, person, routes, finder.hasOurPeople, riskyAlternative),
      riskyAlternative,
      cleanStrength: finder.cleanStrength(d),
    };
  });
}
