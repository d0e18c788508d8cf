/**
 * Influence with decay (issue 3, item 2).
 *
 * influence(a, b) = the value of the best chain of links from a to b: the product of the step
 * weights (type share × strength) times decay^(links - 1); 1 for a over themselves; 0 below
 * epsilon. We take the best chain, not a sum over chains: a sum double-counts people reached
 * along several chains, grows without bound in cycles and cannot be explained in one sentence,
 * while "Dana sways Morgan through Lee at 0.21" can.
 *
 * Influence over the decision of a person p = Σ_d authority(d) × influence(p, d) / Σ_d authority(d)
 * over the decision makers d (a decision maker counts for themselves at 1). It is in [0, 1]:
 * 1 = full sway over every decision maker. `relativeInfluence` divides by the map's largest
 * value so the most influential person is 1 (node size).
 *
 * Cost: one reverse search per decision maker — O(D × (V' + E') log V') — instead of
 * all pairs; `influenceMatrix` (all pairs, sparse) runs one forward search per person.
 */
import type { PreparedMap } from './graph';
import { Workspace } from './search';

/** One person's influence figures. */
export interface PersonInfluence {
  personId: string;
  name: string;
  /** Authority-weighted mean influence over the decision makers, 0-1. */
  decisionInfluence: number;
  /** decisionInfluence / the map's largest decisionInfluence, 0-1 (what node size shows). */
  relativeInfluence: number;
  /** Links touching the person (any type; links to or from a vacant seat included). */
  degree: number;
  /** Links from the person. */
  outDegree: number;
  /** Links to the person. */
  inDegree: number;
  /** degree / the map's largest degree, 0-1 (for comparison with relativeInfluence). */
  relativeDegree: number;
}

/** Influence over the decision and degree for everyone on the map. */
export interface InfluenceResult {
  /** Every non-excluded person, in id order. */
  people: PersonInfluence[];
  /** The decision makers counted (not vacant, not our own people), in id order. */
  decisionMakerIds: string[];
  /** Σ authority weight of those decision makers (0 when there are none). */
  totalAuthority: number;
}

/** How much one person sways another. */
export interface InfluenceReach {
  personId: string;
  name: string;
  /** influence(source, person), in (0, 1]. */
  influence: number;
  /** Links on the best chain. */
  hops: number;
  /** Ids on the best chain, source first, this person last. */
  via: string[];
}

/** influence(a, b) for all pairs above epsilon, row by row (CSR over PreparedMap.people order). */
export interface InfluenceMatrix {
  ids: string[];
  /** Row a's entries are rowStart[a] .. rowStart[a+1]-1. */
  rowStart: Int32Array;
  /** Column (person index) of each entry, ascending within a row. */
  column: Int32Array;
  /** influence(row person, column person) of each entry. */
  value: Float64Array;
}

/** Decision makers the analytics count: not vacant, not on our side. */
export function decisionMakers(map: PreparedMap): number[] {
  const result: number[] = [];
  map.people.forEach((p, i) => {
    if (p.isDecisionMaker && !p.isVacant && !p.isOurs) result.push(i);
  });
  return result;
}

/**
 * Links per person: every link on the map touching them (as docs/analytics.md says), whatever
 * its type and whether an end is vacant: degree counts links drawn, influence what they carry.
 */
function degrees(map: PreparedMap): { out: Int32Array; in: Int32Array } {
  const out = new Int32Array(map.people.length);
  const inn = new Int32Array(map.people.length);
  for (const l of map.links) {
    out[l.from]++;
    inn[l.to]++;
  }
  return { out, in: inn };
}

/** Influence over the decision (and degree) for every person. */
export function computeInfluence(map: PreparedMap, workspace?: Workspace): InfluenceResult {
  const n = map.people.length;
  const { decay, epsilon, authorityWeights } = map.config;
  const ws = workspace ?? new Workspace(n);
  const sum = new Float64Array(n);
  const dms = decisionMakers(map);
  let totalAuthority = 0;
  for (const d of dms) {
    const a = authorityWeights[map.people[d].authority];
    totalAuthority += a;
    if (a === 0) continue;
    ws.search(map.in, d, decay, epsilon);
    for (let i = 0; i < ws.reachedCount; i++) {
      const v = ws.reached[i];
      sum[v] += a * ws.score[v];
    }
  }
  ws.reset();
  const deg = degrees(map);
  let maxInfluence = 0;
  let maxDegree = 0;
  const decision = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    decision[v] = totalAuthority > 0 ? Math.min(1, sum[v] / totalAuthority) : 0;
    if (decision[v] > maxInfluence) maxInfluence = decision[v];
    const d = deg.out[v] + deg.in[v];
    if (d > maxDegree) maxDegree = d;
  }
  const people = map.people.map((p, v): PersonInfluence => {
    const degree = deg.out[v] + deg.in[v];
    return {
      personId: p.id,
      name: p.name,
      decisionInfluence: decision[v],
      relativeInfluence: maxInfluence > 0 ? decision[v] / maxInfluence : 0,
      degree,
      outDegree: deg.out[v],
      inDegree: deg.in[v],
      relativeDegree: maxDegree > 0 ? degree / maxDegree : 0,
    };
  });
  return { people, decisionMakerIds: dms.map((d) => map.people[d].id), totalAuthority };
}

/**
 * Everyone `personId` sways (influence above epsilon), strongest first (ties by id); the person
 * themselves is not listed. Empty for an unknown, excluded or vacant person.
 */
export function influenceFrom(map: PreparedMap, personId: string, workspace?: Workspace): InfluenceReach[] {
  const root = map.index.get(personId);
  if (root === undefined || map.people[root].isVacant) return [];
  const ws = workspace ?? new Workspace(map.people.length);
  ws.search(map.out, root, map.config.decay, map.config.epsilon);
  const result: InfluenceReach[] = [];
  for (let i = 0; i < ws.reachedCount; i++) {
    const v = ws.reached[i];
    if (v === root) continue;
    result.push({
      personId: map.people[v].id,
      name: map.people[v].name,
      influence: ws.score[v],
      hops: ws.hops[v],
      via: ws
        .chain(v)
        .reverse()
        .map((u) => map.people[u].id),
    });
  }
  ws.reset();
  // Settled order is already best-first with ties by index (= id order).
  return result;
}

/** influence(from, to): 1 for a person over themselves, 0 when unknown or below epsilon. */
export function influenceBetween(map: PreparedMap, fromId: string, toId: string): number {
  const from = map.index.get(fromId);
  const to = map.index.get(toId);
  if (from === undefined || to === undefined || map.people[from].isVacant || map.people[to].isVacant) return 0;
  if (from === to) return 1;
  const ws = new Workspace(map.people.length);
  ws.search(map.out, from, map.config.decay, map.config.epsilon);
  return ws.score[to];
}

/** Every person's influence over every other person (above epsilon): one forward search each. */
export function influenceMatrix(map: PreparedMap, workspace?: Workspace): InfluenceMatrix {
  const n = map.people.length;
  const ws = workspace ?? new Workspace(n);
  const rowStart = new Int32Array(n + 1);
  let column = new Int32Array(Math.max(16, n * 4));
  let value = new Float64Array(column.length);
  let size = 0;
  for (let a = 0; a < n; a++) {
    rowStart[a] = size;
    if (map.people[a].isVacant) continue;
    ws.search(map.out, a, map.config.decay, map.config.epsilon);
    const count = ws.reachedCount - 1;
    if (size + count > column.length) {
      const grown = Math.max(column.length * 2, size + count);
      const c = new Int32Array(grown);
      c.set(column.subarray(0, size));
      column = c;
      const w = new Float64Array(grown);
      w.set(value.subarray(0, size));
      value = w;
    }
    const row = column.subarray(size, size + count);
    let k = 0;
    for (let i = 0; i < ws.reachedCount; i++) {
      const v = ws.reached[i];
      if (v !== a) row[k++] = v;
    }
    row.sort();
    for (let i = 0; i < count; i++) value[size + i] = ws.score[row[i]];
    size += count;
  }
  rowStart[n] = size;
  ws.reset();
  return {
    ids: map.people.map((p) => p.id),
    rowStart,
    column: column.slice(0, size),
    value: value.slice(0, size),
  };
}

/** influence(from, to) read from a matrix (1 on the diagonal, 0 when absent). */
export function matrixInfluence(matrix: InfluenceMatrix, fromId: string, toId: string): number {
  const a = matrix.ids.indexOf(fromId);
  const b = matrix.ids.indexOf(toId);
  if (a < 0 || b < 0) return 0;
  if (a === b) return 1;
  // Binary search in row a.
  let lo = matrix.rowStart[a];
  let hi = matrix.rowStart[a + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = matrix.column[mid];
    if (c === b) return matrix.value[mid];
    if (c < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
