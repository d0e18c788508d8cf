/**
 * The influence edges of a map in compact form: directed adjacency arrays (CSR: one offsets
 * array, one targets array, one weights array) built from its links, in both directions.
 *
 * Determinism: edges are generated in link order and bucketed with a stable fill, so each
 * person's edge list is in the same order whatever order the input was in.
 */
import type { ResolvedLink } from './links';
import type { Person } from './people';
import type { AnalyticsConfig } from './semantics';

/** Directed adjacency in CSR form: the edges of node v are start[v] .. start[v+1]-1. */
export interface Adjacency {
  start: Int32Array;
  /** The other end of each edge. */
  node: Int32Array;
  /** Influence the edge carries, in (0, 1]. */
  weight: Float64Array;
  /** Index into PreparedMap.links of the link behind the edge. */
  link: Int32Array;
  /** 1 if the edge runs along its link (From→To), 0 if against it (To→From). */
  along: Uint8Array;
}

/** Builds CSR adjacency from m edges; a stable bucket fill keeps each node's edges in input order. */
function buildAdjacency(
  n: number,
  m: number,
  src: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
  link: Int32Array,
  along: Uint8Array
): Adjacency {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[src[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const adj: Adjacency = {
    start,
    node: new Int32Array(m),
    weight: new Float64Array(m),
    link: new Int32Array(m),
    along: new Uint8Array(m),
  };
  for (let e = 0; e < m; e++) {
    const at = fill[src[e]]++;
    adj.node[at] = dst[e];
    adj.weight[at] = weight[e];
    adj.link[at] = link[e];
    adj.along[at] = along[e];
  }
  return adj;
}

/**
 * The influence edges of `links` among `people`: each link gives up to two, one per direction
 * with a positive share; vacant seats carry nothing. Edges are generated in link order (sorted
 * by from, to, type, id) and the fill is stable, so each node's edge list is in that same order.
 */
export function buildEdges(
  people: readonly Person[],
  links: readonly ResolvedLink[],
  config: AnalyticsConfig
): { out: Adjacency; in: Adjacency } {
  const maxEdges = links.length * 2;
  const src = new Int32Array(maxEdges);
  const dst = new Int32Array(maxEdges);
  const weight = new Float64Array(maxEdges);
  const linkOf = new Int32Array(maxEdges);
  const along = new Uint8Array(maxEdges);
  const vacant = Uint8Array.from(people, (p) => (p.isVacant ? 1 : 0));
  let m = 0;
  /** Records the edge from → to of link `li` when its weight is positive (`forward`: along the link). */
  const add = (from: number, to: number, w: number, li: number, forward: 0 | 1): void => {
    if (!(w > 0)) return;
    src[m] = from;
    dst[m] = to;
    weight[m] = w;
    linkOf[m] = li;
    along[m] = forward;
    m++;
  };
  for (let li = 0; li < links.length; li++) {
    const l = links[li];
    if (vacant[l.from] === 1 || vacant[l.to] === 1) continue;
    const s = config.linkTypes[l.type];
    const w = config.strengths[l.strength];
    add(l.from, l.to, s.forward * w, li, 1);
    add(l.to, l.from, s.backward * w, li, 0);
  }
  const n = people.length;
  return {
    out: buildAdjacency(n, m, src, dst, weight, linkOf, along),
    in: buildAdjacency(n, m, dst, src, weight, linkOf, along),
  };
}
