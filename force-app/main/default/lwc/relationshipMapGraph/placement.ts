/**
 * Where people start before the force layout runs. A good start is most of a fast layout: d3's
 * default start (a sunflower spiral in list order) puts linked people far apart, so the
 * simulation spends hundreds of ticks untangling. Here:
 *
 * - A first layout places each reporting tree (Reports To: From reports to To) as a compact block,
 *   every manager above the block of their reports; the blocks tile a rectangle the shape of the
 *   view (a squarified treemap, block area ∝ people), so the map starts about as dense as it ends.
 *   People outside any tree start next to the people they are linked to; the unlinked fill in.
 * - People added to a map already drawn start next to their placed neighbours (a small spiral so
 *   that they do not start on top of each other); d3 places anyone else.
 * - Both start from `reportingLines`: one manager each, cycles broken, every person's depth (the
 *   layout's forceY reads it too). Trees whose roots have different ranks (sides) tile strips side
 *   by side, left to right (`sideStrips`: the layout's forceX pulls each side to its strip).
 *
 * Pure functions on plain objects: no DOM, no D3.
 */
import { reportingLines } from 'c/relationshipGraph';
import type { ReportingLines, ReportsTo } from 'c/relationshipGraph';

// reportingLines lives in c/relationshipGraph: the org chart reads the same lines.
export { reportingLines };
export type { ReportingLines, ReportsTo };

export interface Placeable {
  id: string;
  x?: number;
  y?: number;
}

export interface PlacementOptions {
  /** Distance between neighbours in the placement grid (≈ the layout's link length). */
  spacing: number;
  /** Width / height of the rectangle to fill (the view's shape). */
  aspect: number;
  /**
   * Strip of a root (e.g. its side): trees of rank 0 tile the leftmost strip, then rank 1, and so
   * on (`sideStrips`, width ∝ people); within a strip, larger trees first, ties by id.
   */
  rootRank?: (id: string) => number;
}

/**
 * Centres of strips that tile a width side by side, left to right, each as wide as its share of
 * `counts` (centred on 0; an empty strip has no width and sits at its neighbour's edge).
 */
export function sideStrips(counts: readonly number[], width: number): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  let left = -width / 2;
  return counts.map((count) => {
    const w = total > 0 ? (width * count) / total : 0;
    left += w;
    return left - w / 2;
  });
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The golden angle: successive points of a spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places every person of a first layout (all of `nodes` get x and y), centred on (0, 0).
 * `neighbours` holds every link, any type; `reports` only Reports To links.
 */
export function placeByHierarchy(
  nodes: readonly Placeable[],
  reports: readonly ReportsTo[],
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  options: PlacementOptions
): void {
  if (nodes.length === 0) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  // One manager each, only among the people placed, cycles broken.
  const { managerOf } = reportingLines(
    nodes.map((n) => n.id),
    reports
  );
  for (const [reportId, managerId] of managerOf) {
    const list = children.get(managerId);
    if (list) list.push(reportId);
    else children.set(managerId, [reportId]);
  }
  const size = new Map<string, number>();
  const sizeOf = (id: string): number => {
    // Iterative post-order: deep hierarchies must not overflow the stack.
    const stack: [string, boolean][] = [[id, false]];
    while (stack.length > 0) {
      const [current, done] = stack.pop()!;
      if (size.has(current)) continue;
      const kids = children.get(current) ?? [];
      if (done || kids.length === 0) {
        size.set(current, 1 + kids.reduce((sum, k) => sum + (size.get(k) ?? 0), 0));
      } else {
        stack.push([current, true]);
        for (const k of kids) stack.push([k, false]);
      }
    }
    return size.get(id)!;
  };

  const rank = options.rootRank ?? (() => 0);
  const roots = nodes.filter((n) => !managerOf.has(n.id)).map((n) => n.id);
  // A person alone (no manager, no reports) but linked to someone in a tree starts next to them.
  const followers: string[] = [];
  const blocks: string[] = [];
  for (const id of roots) {
    const alone = sizeOf(id) === 1;
    const linkedToTree = alone && [...(neighbours.get(id) ?? [])].some((n) => byId.has(n) && isInTree(n));
    (linkedToTree ? followers : blocks).push(id);
  }
  function isInTree(id: string): boolean {
    return managerOf.has(id) || children.has(id);
  }
  blocks.sort((a, b) => rank(a) - rank(b) || sizeOf(b) - sizeOf(a) || compareIds(a, b));

  const cell = options.spacing;
  const total = blocks.reduce((sum, id) => sum + sizeOf(id), 0);
  const height = Math.sqrt((total * cell * cell) / options.aspect);
  const bounds: Rect = { x: 0, y: 0, w: height * options.aspect, h: height };
  // One strip per rank, left to right, as wide as its share of the people in trees.
  let left = 0;
  for (let start = 0; start < blocks.length;) {
    let end = start;
    let people = 0;
    while (end < blocks.length && rank(blocks[end]) === rank(blocks[start])) people += sizeOf(blocks[end++]);
    const w = (bounds.w * people) / total;
    squarify(
      blocks.slice(start, end).map((id) => ({ id, value: sizeOf(id) })),
      { x: left, y: 0, w, h: bounds.h },
      (id, rect) => placeTree(id, rect)
    );
    left += w;
    start = end;
  }

  function placeTree(rootId: string, rootRect: Rect): void {
    const queue: [string, Rect][] = [[rootId, rootRect]];
    while (queue.length > 0) {
      const [id, rect] = queue.pop()!;
      const node = byId.get(id)!;
      const kids = children.get(id);
      // The manager's own share of the block is a strip across its top.
      const strip = kids ? Math.min(rect.h / 2, (cell * cell) / Math.max(rect.w, 1)) : rect.h;
      node.x = rect.x + rect.w / 2;
      node.y = rect.y + strip / 2;
      if (!kids) continue;
      const below: Rect = { x: rect.x, y: rect.y + strip, w: rect.w, h: rect.h - strip };
      const items = [...kids].sort((a, b) => sizeOf(b) - sizeOf(a) || compareIds(a, b));
      squarify(
        items.map((k) => ({ id: k, value: sizeOf(k) })),
        below,
        (k, r) => queue.push([k, r])
      );
    }
  }

  // Centre the blocks on (0, 0), where the layout's centring forces pull.
  for (const id of blocks) forEachInTree(id, children, (n) => translate(byId.get(n)!, -bounds.w / 2, -bounds.h / 2));
  placeNearNeighbours(
    followers.map((id) => byId.get(id)!),
    neighbours,
    byId
  );
  // Followers whose neighbours are all followers too: on a spiral around the centre.
  let i = 0;
  for (const id of followers) {
    const node = byId.get(id)!;
    if (node.x !== undefined && node.y !== undefined) continue;
    const radius = cell * Math.sqrt(i + 0.5);
    node.x = radius * Math.cos(i * GOLDEN_ANGLE);
    node.y = radius * Math.sin(i * GOLDEN_ANGLE);
    i++;
  }
}

/**
 * Starts each of `added` without a position next to its already-placed neighbours (their
 * centroid, spread on a small spiral). People with no placed neighbour keep no position.
 */
export function placeNearNeighbours(
  added: readonly Placeable[],
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  nodeById: ReadonlyMap<string, Placeable>
): void {
  const addedIds = new Set(added.filter((n) => n.x === undefined).map((n) => n.id));
  let i = 0;
  for (const node of added) {
    if (node.x !== undefined) continue;
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (const id of neighbours.get(node.id) ?? []) {
      const other = nodeById.get(id);
      if (other && !addedIds.has(id) && other.x !== undefined && other.y !== undefined) {
        sx += other.x;
        sy += other.y;
        count++;
      }
    }
    if (count === 0) continue;
    const angle = i * GOLDEN_ANGLE;
    const distance = 40 + 6 * Math.sqrt(i);
    node.x = sx / count + distance * Math.cos(angle);
    node.y = sy / count + distance * Math.sin(angle);
    i++;
  }
}

function forEachInTree(rootId: string, children: ReadonlyMap<string, string[]>, visit: (id: string) => void): void {
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    visit(id);
    for (const k of children.get(id) ?? []) stack.push(k);
  }
}

function translate(node: Placeable, dx: number, dy: number): void {
  node.x = (node.x ?? 0) + dx;
  node.y = (node.y ?? 0) + dy;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Squarified treemap (Bruls, Huizing and van Wijk): tiles `rect` with one rectangle per item,
 * areas proportional to `value`, in order, keeping each as close to a square as the row allows.
 */
export function squarify(
  items: readonly { id: string; value: number }[],
  rect: Rect,
  place: (id: string, rect: Rect) => void
): void {
  const total = items.reduce((sum, item) => sum + item.value, 0);
  if (total <= 0 || items.length === 0) return;
  const scale = (rect.w * rect.h) / total;
  let { x, y, w, h } = rect;
  let start = 0;
  while (start < items.length) {
    const side = Math.min(w, h);
    let end = start;
    let rowArea = 0;
    let worst = Infinity;
    // Grow the row while its worst aspect ratio improves.
    while (end < items.length) {
      const area = items[end].value * scale;
      const next = worstRatio(items, start, end + 1, rowArea + area, side, scale);
      if (end > start && next > worst) break;
      worst = next;
      rowArea += area;
      end++;
    }
    const thickness = side > 0 ? rowArea / side : 0;
    let offset = 0;
    for (let i = start; i < end; i++) {
      const length = thickness > 0 ? (items[i].value * scale) / thickness : 0;
      if (w >= h) place(items[i].id, { x, y: y + offset, w: thickness, h: length });
      else place(items[i].id, { x: x + offset, y, w: length, h: thickness });
      offset += length;
    }
    if (w >= h) {
      x += thickness;
      w -= thickness;
    } else {
      y += thickness;
      h -= thickness;
    }
    start = end;
  }
}

function worstRatio(
  items: readonly { value: number }[],
  start: number,
  end: number,
  rowArea: number,
  side: number,
  scale: number
): number {
  let min = Infinity;
  let max = 0;
  for (let i = start; i < end; i++) {
    const area = items[i].value * scale;
    min = Math.min(min, area);
    max = Math.max(max, area);
  }
  const s2 = side * side;
  const r2 = rowArea * rowArea;
  return Math.max((s2 * max) / r2, r2 / (s2 * min));
}
