/**
 * The org chart's layout: people and their Reports To links → a tidy tree (d3-hierarchy's
 * `stratify` and `tree`), managers a row above their reports. Pure: no DOM, no events; bad data
 * never throws.
 *
 * - Each person has at most one manager in the tree: the Reports To link first by link id whose
 *   manager is on the chart, in the same lane. Every other Reports To link (a second manager, a
 *   manager in the other lane, a link that closed a cycle) is drawn over the tree as a curve.
 * - People without a manager are roots; several roots make a forest under a virtual root that is
 *   never drawn. Cycles (A reports to B reports to A) are broken at the person first by id, so the
 *   same data always gives the same chart.
 * - Vacant seats are people like any other: they keep their manager, their reports and their
 *   place among their colleagues (siblings are ordered by name, then id; a seat keeps its name).
 * - Our people (side Our Company) are laid out the same way in their own lane below the
 *   customer's and partners' tree.
 * - A collapsed person keeps their place and hides everyone below them (`hiddenCount` says how
 *   many); links to hidden people are drawn to that collapsed person instead.
 * - Influence, relationship and the other links become curves between the people they join.
 */
import type { InfluenceLink, LinkType, MapPerson } from 'c/relationshipGraph';
import { reportingLines } from 'c/relationshipGraph';
import { displayName, personLabel, ringGap, round1 } from 'c/relationshipMapLook';
import type { Box, DrawnNode, NodeShape } from 'c/relationshipMapLook';
import { SIDE_SHAPES, nodeRadius } from 'c/relationshipMapTheme';
import { compareIds, elbow, overlayLinks, typeOf } from './orgChartLinks';
import type { JoinedLink } from './orgChartLinks';
import { COLUMN_WIDTH, ROW_HEIGHT, STACK_EXTRA, STACK_SHIFT, VIRTUAL_ROOT, layoutLane } from './orgChartTree';
import type { Placed } from './orgChartTree';

export { COLUMN_WIDTH, ROW_HEIGHT };
/** Space between the bottom of the tree and our people's lane. */
export const LANE_GAP = 70;

export type Lane = 'tree' | 'ours';

/** One person on the chart. */
export interface ChartNode extends DrawnNode {
  x: number;
  y: number;
  lane: Lane;
  /** Generation within the lane: 0 for roots. */
  depth: number;
  /** The manager in the tree (null: a root). */
  managerId: string | null;
  /** Their reports in the tree, in drawing order (also when collapsed). */
  reportIds: string[];
  /** Whether the branch below them is folded away. */
  collapsed: boolean;
  /** How many people the fold hides (0 when open or without reports). */
  hiddenCount: number;
  /** The manager whose stack of leaf reports holds them (null: in a row of the tree). */
  stackOf: string | null;
  /** Where the name goes: under the picture, or to its right in a stack. */
  nameSide: 'below' | 'right';
  /** How wide the name may be (chart units) before it is cut with an ellipsis. */
  nameRoom: number;
  /** Accessible name (look.ts's personLabel with the flags). */
  label: string;
  /** Reading order: lane, row, then left to right. */
  order: number;
}

/** A manager-to-report line of the tree. */
export interface ChartEdge {
  managerId: string;
  reportId: string;
  /** SVG path: down from the manager, across, down to the report. */
  path: string;
}

/** A link drawn over the tree as a curve. */
export interface ChartOverlay {
  /** The link's id. */
  id: string;
  type: LinkType;
  fromId: string;
  toId: string;
  /** The people the curve joins as drawn (a hidden person's collapsed manager stands in). */
  tailId: string;
  headId: string;
  width: number;
  arrow: boolean;
  /** An end is hidden in a collapsed branch: the curve goes to whoever folds it. */
  rerouted: boolean;
  /** SVG path of the curve (a quadratic Bézier), stopped at the head's outline when it has an arrow. */
  path: string;
}

export interface OrgChartInput {
  people: readonly MapPerson[];
  links: readonly InfluenceLink[];
  /** Person id → influence over the decision, 0..1 (size, as in the graph). */
  decisionInfluence?: Readonly<Record<string, number>>;
  /** Person id → flags drawn as badges ('coverage-gap', 'stale'). */
  flags?: Readonly<Record<string, readonly string[]>>;
  /** People whose branch is folded away. */
  collapsed?: ReadonlySet<string>;
  /**
   * The view the chart is fitted into: in a wide view (over 1.6 times as wide as high) our lane
   * goes beside the tree when that draws everyone larger; otherwise, and without a view, below.
   */
  view?: { width: number; height: number } | null;
}

export interface OrgChart {
  /** Everyone drawn (hidden people left out), in reading order. */
  nodes: ChartNode[];
  nodeById: Map<string, ChartNode>;
  edges: ChartEdge[];
  overlays: ChartOverlay[];
  /** Our people's lane, when there are any: where to draw its band and title. */
  ourLane: Box | null;
  /** Person id → their manager in the tree, for everyone (hidden people too). */
  managers: ReadonlyMap<string, string>;
  /** The people whose Reports To link was left out of the tree to break a cycle. */
  cycleBreaks: string[];
  /** Everything drawn, names included. */
  box: Box | null;
}

const FLAG_KINDS: ReadonlySet<string> = new Set(['coverage-gap', 'stale']);

/** The org chart of `input`. */
export function layoutOrgChart(input: OrgChartInput): OrgChart {
  const people = uniquePeople(input.people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const laneOf = (id: string): Lane => (byId.get(id)?.side === 'Our Company' ? 'ours' : 'tree');
  const links = uniqueLinks(input.links).filter((l) => byId.has(l.fromId) && byId.has(l.toId) && l.fromId !== l.toId);

  // One manager per person, the Reports To link first by id, cycles broken as the graph's layout
  // breaks them (c/relationshipGraph's reportingLines); every other link goes over the tree.
  const reportsTo = links
    .filter((l) => typeOf(l) === 'Reports To' && laneOf(l.fromId) === laneOf(l.toId))
    .sort((a, b) => compareIds(a.id, b.id));
  const lines = reportingLines(
    people.map((p) => p.id),
    reportsTo.map((l) => ({ reportId: l.fromId, managerId: l.toId }))
  );
  const managerOf = new Map(lines.managerOf);
  const cycleBreaks = lines.broken;
  const treeLinkOf = new Map<string, string>();
  for (const link of reportsTo)
    if (!treeLinkOf.has(link.fromId) && managerOf.get(link.fromId) === link.toId) treeLinkOf.set(link.fromId, link.id);
  const inTree = new Set(treeLinkOf.values());

  const collapsed = input.collapsed ?? new Set<string>();
  const flags = input.flags ?? {};
  const influence = input.decisionInfluence ?? {};
  const radiusOf = (id: string): number => nodeRadius(influence[id] ?? 0);
  const reach = (id: string): number => {
    const person = byId.get(id)!;
    return radiusOf(id) + ringGap({ id, person, radius: radiusOf(id), shape: shapeOf(person), flags: [] });
  };
  const reportsOf = new Map<string, string[]>();
  const lanes: Record<Lane, Placed[]> = { tree: [], ours: [] };
  for (const lane of ['tree', 'ours'] as const) {
    const names = new Map(people.filter((p) => laneOf(p.id) === lane).map((p) => [p.id, displayName(p)]));
    if (names.size === 0) continue;
    const laid = layoutLane({ names, managerOf, collapsed, reach });
    lanes[lane] = laid.placed;
    for (const [id, reports] of laid.reportsOf) reportsOf.set(id, reports);
  }

  // Rows from the top; our lane below the tree, centred under it, or beside it in a wide view.
  const deepest = Math.max(-ROW_HEIGHT, ...lanes.tree.map((p) => p.depth * ROW_HEIGHT + p.below));
  const beside = besideFits(lanes, deepest, input.view);
  const ourTop = lanes.tree.length > 0 && !beside ? deepest + ROW_HEIGHT / 2 + LANE_GAP + 30 : 0;
  const ourShift = beside
    ? spanOf(lanes.tree).x1 + LANE_GAP - spanOf(lanes.ours).x0
    : spanOf(lanes.tree).middle - spanOf(lanes.ours).middle;

  const nodes: ChartNode[] = [];
  for (const lane of ['tree', 'ours'] as const) {
    for (const p of lanes[lane]) {
      const person = byId.get(p.id)!;
      const personFlags = flagsOf(flags[p.id]);
      nodes.push({
        id: p.id,
        person,
        x: round1(lane === 'ours' ? p.x + ourShift : p.x),
        y: round1((lane === 'ours' ? ourTop : 0) + p.depth * ROW_HEIGHT + p.below),
        radius: radiusOf(p.id),
        shape: shapeOf(person),
        flags: personFlags,
        label: personLabel(person, personFlags),
        lane,
        depth: p.depth,
        managerId: managerOf.get(p.id) ?? null,
        reportIds: reportsOf.get(p.id) ?? [],
        collapsed: collapsed.has(p.id) && (reportsOf.get(p.id)?.length ?? 0) > 0,
        hiddenCount: p.hiddenCount,
        stackOf: p.stackOf,
        nameSide: p.stackOf === null ? 'below' : 'right',
        nameRoom:
          p.stackOf === null ? COLUMN_WIDTH - 12 : STACK_SHIFT + COLUMN_WIDTH * (0.5 + STACK_EXTRA) - 16 - reach(p.id),
        order: 0,
      });
    }
  }
  nodes.sort((a, b) => (a.lane === b.lane ? 0 : a.lane === 'tree' ? -1 : 1) || a.y - b.y || a.x - b.x);
  nodes.forEach((n, i) => (n.order = i));
  widenNames(nodes);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  // A stack's spine runs down its left, clear of its widest picture.
  const spines = new Map<string, number>();
  for (const n of nodes) {
    if (n.stackOf === null) continue;
    const x = n.x - reach(n.id) - 10;
    spines.set(n.stackOf, Math.min(spines.get(n.stackOf) ?? x, x));
  }
  const edges: ChartEdge[] = [];
  for (const n of nodes) {
    const manager = n.managerId === null ? undefined : nodeById.get(n.managerId);
    if (manager) edges.push({ managerId: manager.id, reportId: n.id, path: elbow(manager, n, spines.get(manager.id)) });
  }

  const visible = (id: string): ChartNode | undefined => {
    let current: string | undefined = id;
    while (current !== undefined && !nodeById.has(current)) current = managerOf.get(current);
    return current === undefined ? undefined : nodeById.get(current);
  };
  const overlays = overlayLinks(
    links.filter((l) => !inTree.has(l.id)),
    visible
  );

  const ourNodes = nodes.filter((n) => n.lane === 'ours');
  const ourLane =
    ourNodes.length === 0
      ? null
      : {
          x0: Math.min(...ourNodes.map((n) => n.x)) - COLUMN_WIDTH / 2,
          x1: Math.max(
            ...ourNodes.map((n) => n.x + (n.stackOf === null ? COLUMN_WIDTH / 2 : n.radius + n.nameRoom + 16))
          ),
          y0: ourTop - ROW_HEIGHT / 2,
          y1: Math.max(...ourNodes.map((n) => n.y)) + ROW_HEIGHT / 2,
        };
  return { nodes, nodeById, edges, overlays, ourLane, managers: managerOf, cycleBreaks, box: boxOf(nodes, ourLane) };
}

/** People with a usable id, each once (the first wins). */
function uniquePeople(people: readonly MapPerson[]): MapPerson[] {
  const seen = new Set<string>();
  const result: MapPerson[] = [];
  const list: readonly (MapPerson | null | undefined)[] = Array.isArray(people) ? people : [];
  for (const p of list) {
    if (!p || typeof p.id !== 'string' || p.id === '' || p.id === VIRTUAL_ROOT || seen.has(p.id)) continue;
    seen.add(p.id);
    result.push(p);
  }
  return result;
}

function uniqueLinks(links: readonly InfluenceLink[]): JoinedLink[] {
  const seen = new Set<string>();
  const result: JoinedLink[] = [];
  const list: readonly (InfluenceLink | null | undefined)[] = Array.isArray(links) ? links : [];
  for (const l of list) {
    if (!l || typeof l.id !== 'string' || seen.has(l.id)) continue;
    if (typeof l.fromId !== 'string' || typeof l.toId !== 'string') continue;
    seen.add(l.id);
    result.push(l as JoinedLink);
  }
  return result;
}

function shapeOf(person: MapPerson): NodeShape {
  return SIDE_SHAPES[person.side ?? 'Customer'] ?? 'circle';
}

function flagsOf(value: readonly string[] | undefined): string[] {
  return (Array.isArray(value) ? (value as readonly unknown[]) : []).filter(
    (f): f is string => typeof f === 'string' && FLAG_KINDS.has(f)
  );
}

/** The horizontal reach of a lane's people (names included) and its middle. */
function spanOf(list: readonly Placed[]): { x0: number; x1: number; middle: number } {
  if (list.length === 0) return { x0: 0, x1: 0, middle: 0 };
  const x0 = Math.min(...list.map((p) => p.x)) - COLUMN_WIDTH / 2;
  const x1 =
    Math.max(...list.map((p) => p.x + (p.stackOf === null ? 0 : COLUMN_WIDTH * STACK_EXTRA))) + COLUMN_WIDTH / 2;
  return { x0, x1, middle: (Math.min(...list.map((p) => p.x)) + Math.max(...list.map((p) => p.x))) / 2 };
}

/** Whether our lane goes beside the tree: a wide view, and everyone drawn larger that way. */
function besideFits(
  lanes: Record<Lane, Placed[]>,
  deepest: number,
  view: { width: number; height: number } | null | undefined
): boolean {
  if (!view || lanes.tree.length === 0 || lanes.ours.length === 0 || view.width < 1.6 * view.height) return false;
  const tree = spanOf(lanes.tree);
  const ours = spanOf(lanes.ours);
  const treeHeight = deepest + ROW_HEIGHT;
  const ourHeight = Math.max(...lanes.ours.map((p) => p.depth * ROW_HEIGHT + p.below)) + ROW_HEIGHT;
  const scale = (width: number, height: number): number => Math.min(view.width / width, view.height / height);
  const below = scale(Math.max(tree.x1 - tree.x0, ours.x1 - ours.x0), treeHeight + LANE_GAP + 90 + ourHeight);
  const side = scale(tree.x1 - tree.x0 + LANE_GAP + ours.x1 - ours.x0, Math.max(treeHeight, ourHeight));
  return side > below * 1.05;
}

/** The widest a name under a person may be (chart units), where the row has room. */
const WIDEST_NAME = 260;

/**
 * Gives a name under a person the room its row leaves it (up to WIDEST_NAME), not just a column:
 * half the way to a neighbour with a name under them, up to the spine of a stack beside, and
 * clear of the names of a stack on the left. Neighbours are the people whose pictures or names
 * share the band under the person.
 */
function widenNames(nodes: readonly ChartNode[]): void {
  const reachOf = (n: ChartNode): number => n.radius + ringGap(n);
  for (const n of nodes) {
    if (n.nameSide !== 'below') continue;
    let left = n.x - WIDEST_NAME / 2;
    let right = n.x + WIDEST_NAME / 2;
    const top = n.y;
    const bottom = n.y + reachOf(n) + 40;
    for (const o of nodes) {
      if (o === n || o.lane !== n.lane || o.y + reachOf(o) < top || o.y - reachOf(o) > bottom) continue;
      const start = o.nameSide === 'right' ? o.x - reachOf(o) - 14 : (o.x + n.x) / 2;
      const end = o.nameSide === 'right' ? o.x + reachOf(o) + 6 + o.nameRoom : (o.x + n.x) / 2;
      if (o.x >= n.x) right = Math.min(right, start);
      if (o.x <= n.x) left = Math.max(left, end);
    }
    n.nameRoom = Math.max(COLUMN_WIDTH / 2, 2 * Math.min(n.x - left, right - n.x) - 8);
  }
}

/** Everything drawn: shapes, rings and names (a name is at most a column wide), and our lane. */
function boxOf(nodes: readonly ChartNode[], lane: Box | null): Box | null {
  if (nodes.length === 0) return null;
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const grow = (x0: number, y0: number, x1: number, y1: number): void => {
    box.x0 = Math.min(box.x0, x0);
    box.y0 = Math.min(box.y0, y0);
    box.x1 = Math.max(box.x1, x1);
    box.y1 = Math.max(box.y1, y1);
  };
  for (const n of nodes) {
    const reach = n.radius + ringGap(n) + 8;
    if (n.nameSide === 'right') {
      // A stack: its spine on the left, names to the right.
      grow(n.x - reach - 12, n.y - reach, n.x + reach + n.nameRoom, n.y + reach);
    } else {
      const half = Math.max(reach, COLUMN_WIDTH / 2 - 5);
      grow(n.x - half, n.y - reach, n.x + half, n.y + reach + 30);
    }
  }
  if (lane) grow(lane.x0, lane.y0 - 20, lane.x1, lane.y1);
  return box;
}

// ----- moving through the chart (keyboard) -------------------------------------------------------

export type ChartDirection = 'up' | 'down' | 'left' | 'right';

/**
 * Where an arrow key goes from `from`: up to the manager, down to the first report (none when
 * folded), left and right to the neighbour in the same row of the same lane. Null: nowhere.
 */
export function personToward(chart: OrgChart, from: ChartNode, direction: ChartDirection): ChartNode | null {
  const manager = from.managerId === null ? null : (chart.nodeById.get(from.managerId) ?? null);
  // In a stack, up and down go along the stack (up from its first person to the manager).
  const stack =
    from.stackOf !== null && manager
      ? manager.reportIds.filter((id) => chart.nodeById.get(id)?.stackOf === manager.id)
      : [];
  const at = stack.indexOf(from.id);
  if (direction === 'up') return at > 0 ? (chart.nodeById.get(stack[at - 1]) ?? null) : manager;
  if (direction === 'down') {
    if (at >= 0) return chart.nodeById.get(stack[at + 1] ?? '') ?? null;
    if (from.collapsed) return null;
    const reports = from.reportIds.map((id) => chart.nodeById.get(id)).filter((n): n is ChartNode => n !== undefined);
    return reports[0] ?? null;
  }
  const row = chart.nodes.filter((n) => n.lane === from.lane && n.y === from.y);
  const index = row.indexOf(from);
  return row[direction === 'left' ? index - 1 : index + 1] ?? null;
}
