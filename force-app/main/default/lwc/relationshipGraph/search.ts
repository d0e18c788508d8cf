/**
 * Best-path search on influence edges (max-product Dijkstra with a binary heap), the one
 * algorithm behind influence, warm paths and coverage.
 *
 * The value of a chain of h links with weights w1..wh is w1 × … × wh × decay^(h-1). Every factor
 * is in [0, 1], so extending a chain never raises its value; that makes the best chain
 * findable greedily (Dijkstra: settle the best unsettled person, relax their edges), makes cycles
 * harmless (going round one can only lose value) and gives "influence never increases with added
 * distance" by construction. Chains below `epsilon` are cut: with decay 0.5 and Strong links that
 * bounds a chain to seven links (1 × 0.5^7 < 0.01), and a search to a neighbourhood of its root.
 *
 * Cost of one search: O((V' + E') log V') for the V' people and E' edges it reaches above epsilon.
 * Arrays are typed and reused between searches (a Workspace); resetting touches only what the
 * last search reached.
 */
import type { Adjacency } from './edges';

/**
 * Binary max-heap of (key, node) with lazy deletion; ties pop the smaller node index first, so
 * the pop order — and every search result — is the same whatever order entries were pushed in.
 */
export class MaxHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(capacity, 4));
    this.nodes = new Int32Array(Math.max(capacity, 4));
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      // Stop when the parent pops first: larger key, or equal key and smaller node.
      if (pk > key || (pk === key && nodes[parent] < node)) break;
      keys[i] = pk;
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** Removes and returns the node with the largest key (call only when size > 0). */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0];
    const last = --this.size;
    const key = keys[last];
    const node = nodes[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ck = keys[child];
      let cn = nodes[child];
      const right = child + 1;
      if (right < last) {
        const rk = keys[right];
        const rn = nodes[right];
        if (rk > ck || (rk === ck && rn < cn)) {
          child = right;
          ck = rk;
          cn = rn;
        }
      }
      // Stop when the moving entry pops before the better child.
      if (key > ck || (key === ck && node < cn)) break;
      keys[i] = ck;
      nodes[i] = cn;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }

  clear(): void {
    this.size = 0;
  }
}

/** Reusable arrays for searches on one map. */
export class Workspace {
  /** Best chain value found per node; 0 = not reached. */
  readonly score: Float64Array;
  /** The neighbour one step closer to the root on the best chain; -1 for the root and the unreached. */
  readonly next: Int32Array;
  /** Index (in the searched adjacency) of the edge from `next` on the best chain. */
  readonly edge: Int32Array;
  /** Links on the best chain. */
  readonly hops: Int32Array;
  private readonly done: Uint8Array;
  /** Nodes reached by the last search, in the order they were settled (best first). */
  readonly reached: Int32Array;
  reachedCount = 0;
  private readonly heap: MaxHeap;

  constructor(n: number) {
    this.score = new Float64Array(n);
    this.next = new Int32Array(n).fill(-1);
    this.edge = new Int32Array(n).fill(-1);
    this.hops = new Int32Array(n);
    this.done = new Uint8Array(n);
    this.reached = new Int32Array(n);
    this.heap = new MaxHeap(Math.min(Math.max(n, 16), 4096));
  }

  /** Clears what the last search touched (not the whole arrays). */
  reset(): void {
    for (let i = 0; i < this.reachedCount; i++) {
      const v = this.reached[i];
      this.score[v] = 0;
      this.next[v] = -1;
      this.edge[v] = -1;
      this.hops[v] = 0;
      this.done[v] = 0;
    }
    this.reachedCount = 0;
    this.heap.clear();
  }

  /**
   * Best chains from `root` over `adj` (after a reset). On the `out` adjacency it finds how much
   * the root sways everyone; on the `in` adjacency, how much everyone sways the root.
   * `through`: when given, a chain may pass through node v (not end there) only if through[v] is 1.
   */
  search(adj: Adjacency, root: number, decay: number, epsilon: number, through: Uint8Array | null = null): void {
    this.searchFrom(adj, [root], decay, epsilon, through);
  }

  /**
   * Like {@link search} from several roots at once (each at value 1): every node gets the best
   * chain from whichever root serves it best. Roots are never passed through (a chain reaching a
   * root is worth less than 1, the root's own value).
   */
  searchFrom(
    adj: Adjacency,
    roots: readonly number[],
    decay: number,
    epsilon: number,
    through: Uint8Array | null = null
  ): void {
    this.reset();
    const { score, next, edge, hops, done, reached, heap } = this;
    const { start, node, weight } = adj;
    for (const root of roots) {
      if (score[root] === 1) continue;
      score[root] = 1;
      heap.push(1, root);
    }
    // Every node pushed was given a score; all of them are settled before the heap empties, so
    // the touched set is exactly `reached`. Lazy deletion: stale heap entries are skipped.
    let count = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u] === 1) continue;
      done[u] = 1;
      reached[count++] = u;
      const isRoot = hops[u] === 0;
      if (!isRoot && through !== null && through[u] !== 1) continue;
      // The first link of a chain carries its full weight; each further one fades by `decay`.
      const base = isRoot ? score[u] : score[u] * decay;
      for (let e = start[u], end = start[u + 1]; e < end; e++) {
        const v = node[e];
        if (done[v] === 1) continue;
        const value = base * weight[e];
        if (value < epsilon || value <= score[v]) continue;
        score[v] = value;
        next[v] = u;
        edge[v] = e;
        hops[v] = hops[u] + 1;
        heap.push(value, v);
      }
    }
    this.reachedCount = count;
  }

  /** The best chain from v to the root of the last search, as node indices (v first, root last). */
  chain(v: number): number[] {
    const nodes = [v];
    for (let u = this.next[v]; u !== -1; u = this.next[u]) nodes.push(u);
    return nodes;
  }
}
