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
import { stratify, tree } from 'c/d3';
import type { HierarchyNode, HierarchyPointNode } from 'c/d3';
import type { InfluenceLink, LinkType, MapPerson } from 'c/relationshipGraph';
import { boundaryDistance, displayName, personLabel, ringGap, round1 } from 'c/relationshipMapLook';
import type { Box, DrawnNode, NodeShape } from 'c/relationshipMapLook';
import { LINK_STYLES, SIDE_SHAPES, nodeRadius, strengthWidth } from 'c/relationshipMapTheme';

/** Horizontal distance between neighbours in a row (room for a name under each). */
export const COLUMN_WIDTH = 150;
/** Vertical distance between a manager and their reports. */
export const ROW_HEIGHT = 130;
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

/** Never a Salesforce Id: the parent of every root. */
const VIRTUAL_ROOT = '\u0000root';
const NAME_ORDER = new Intl.Collator();
const FLAG_KINDS: ReadonlySet<string> = new Set(['coverage-gap', 'stale']);

interface Row {
  id: string;
  parentId: string;
}

interface Placed {
  id: string;
  depth: number;
  x: number;
  hiddenCount: number;
}

/** The org chart of `input`. */
export function layoutOrgChart(input: OrgChartInput): OrgChart {
  const people = uniquePeople(input.people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const laneOf = (id: string): Lane => (byId.get(id)?.side === 'Our Company' ? 'ours' : 'tree');
  const links = uniqueLinks(input.links).filter((l) => byId.has(l.fromId) && byId.has(l.toId) && l.fromId !== l.toId);

  // One manager per person, the Reports To link first by id; every other link goes over the tree.
  const managerOf = new Map<string, string>();
  const treeLinkOf = new Map<string, string>();
  const reportsTo = links.filter((l) => typeOf(l) === 'Reports To').sort((a, b) => compareIds(a.id, b.id));
  for (const link of reportsTo) {
    if (managerOf.has(link.fromId) || laneOf(link.fromId) !== laneOf(link.toId)) continue;
    managerOf.set(link.fromId, link.toId);
    treeLinkOf.set(link.fromId, link.id);
  }
  const cycleBreaks = breakCycles(managerOf, people);
  for (const id of cycleBreaks) treeLinkOf.delete(id);
  const inTree = new Set(treeLinkOf.values());

  const collapsed = input.collapsed ?? new Set<string>();
  const reportsOf = new Map<string, string[]>();
  const placed = new Map<string, Placed>();
  const lanes: Record<Lane, Placed[]> = { tree: [], ours: [] };
  for (const lane of ['tree', 'ours'] as const) {
    const lanePeople = people.filter((p) => laneOf(p.id) === lane);
    if (lanePeople.length === 0) continue;
    const { root, hidden } = layoutLane(lanePeople, managerOf, collapsed, reportsOf);
    root.eachBefore((n) => {
      if (n.data.id === VIRTUAL_ROOT) return;
      const p: Placed = { id: n.data.id, depth: n.depth - 1, x: n.x, hiddenCount: hidden.get(n.data.id) ?? 0 };
      placed.set(p.id, p);
      lanes[lane].push(p);
    });
  }

  // Rows from the top; our lane below the tree, centred under it.
  const flags = input.flags ?? {};
  const influence = input.decisionInfluence ?? {};
  const treeDepth = Math.max(-1, ...lanes.tree.map((p) => p.depth));
  const ourTop = lanes.tree.length > 0 ? (treeDepth + 1) * ROW_HEIGHT + LANE_GAP : 0;
  const centre = (list: Placed[]): number => {
    if (list.length === 0) return 0;
    return (Math.min(...list.map((p) => p.x)) + Math.max(...list.map((p) => p.x))) / 2;
  };
  const ourShift = centre(lanes.tree) - centre(lanes.ours);

  const nodes: ChartNode[] = [];
  for (const lane of ['tree', 'ours'] as const) {
    for (const p of lanes[lane]) {
      const person = byId.get(p.id)!;
      const personFlags = flagsOf(flags[p.id]);
      nodes.push({
        id: p.id,
        person,
        x: round1(lane === 'ours' ? p.x + ourShift : p.x),
        y: (lane === 'ours' ? ourTop : 0) + p.depth * ROW_HEIGHT,
        radius: nodeRadius(influence[p.id] ?? 0),
        shape: shapeOf(person),
        flags: personFlags,
        label: personLabel(person, personFlags),
        lane,
        depth: p.depth,
        managerId: managerOf.get(p.id) ?? null,
        reportIds: reportsOf.get(p.id) ?? [],
        collapsed: collapsed.has(p.id) && (reportsOf.get(p.id)?.length ?? 0) > 0,
        hiddenCount: p.hiddenCount,
        order: 0,
      });
    }
  }
  nodes.sort((a, b) => (a.lane === b.lane ? 0 : a.lane === 'tree' ? -1 : 1) || a.y - b.y || a.x - b.x);
  nodes.forEach((n, i) => (n.order = i));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  const edges: ChartEdge[] = [];
  for (const n of nodes) {
    const manager = n.managerId === null ? undefined : nodeById.get(n.managerId);
    if (manager) edges.push({ managerId: manager.id, reportId: n.id, path: elbow(manager, n) });
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
          x1: Math.max(...ourNodes.map((n) => n.x)) + COLUMN_WIDTH / 2,
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

type JoinedLink = InfluenceLink & { fromId: string; toId: string };

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

function typeOf(link: InfluenceLink): LinkType {
  return link.type && LINK_STYLES[link.type] ? link.type : 'Influences';
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Removes the manager of one person in every cycle of `managerOf` (in place): the person first
 * by id among the cycle's members. Returns whose manager was removed, by id.
 */
export function breakCycles(managerOf: Map<string, string>, people: readonly MapPerson[]): string[] {
  const broken: string[] = [];
  const state = new Map<string, 'walking' | 'done'>();
  const ids = people.map((p) => p.id).sort(compareIds);
  for (const start of ids) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = managerOf.get(current);
    }
    if (current !== undefined && state.get(current) === 'walking') {
      const cycle = path.slice(path.indexOf(current));
      const breakAt = [...cycle].sort(compareIds)[0];
      managerOf.delete(breakAt);
      broken.push(breakAt);
    }
    for (const id of path) state.set(id, 'done');
  }
  return broken.sort(compareIds);
}

/**
 * A lane's forest as a tidy tree under the virtual root, with collapsed branches folded away
 * (`hidden`: person id → how many people their fold hides); fills `reportsOf` before folding.
 */
function layoutLane(
  people: readonly MapPerson[],
  managerOf: ReadonlyMap<string, string>,
  collapsed: ReadonlySet<string>,
  reportsOf: Map<string, string[]>
): { root: HierarchyPointNode<Row>; hidden: Map<string, number> } {
  const ids = new Set(people.map((p) => p.id));
  const rows: Row[] = [{ id: VIRTUAL_ROOT, parentId: '' }];
  for (const p of people) {
    const manager = managerOf.get(p.id);
    rows.push({ id: p.id, parentId: manager !== undefined && ids.has(manager) ? manager : VIRTUAL_ROOT });
  }
  const nameOf = new Map(people.map((p) => [p.id, displayName(p)]));
  const root = stratify<Row>()
    .id((d) => d.id)
    .parentId((d) => (d.id === VIRTUAL_ROOT ? null : d.parentId))(rows);
  root.sort(
    (a, b) =>
      NAME_ORDER.compare(nameOf.get(a.data.id) ?? '', nameOf.get(b.data.id) ?? '') || compareIds(a.data.id, b.data.id)
  );
  // Fold collapsed branches before the layout, so the tree closes up around them.
  const hidden = new Map<string, number>();
  root.eachBefore((n) => {
    if (n.data.id !== VIRTUAL_ROOT)
      reportsOf.set(
        n.data.id,
        (n.children ?? []).map((c) => c.data.id)
      );
  });
  const fold = (n: HierarchyNode<Row>): void => {
    if (n.children && n.data.id !== VIRTUAL_ROOT && collapsed.has(n.data.id)) {
      hidden.set(n.data.id, n.descendants().length - 1);
      n.children = undefined;
      return;
    }
    for (const child of n.children ?? []) fold(child);
  };
  fold(root);
  const laidOut = tree<Row>()
    .nodeSize([COLUMN_WIDTH, ROW_HEIGHT])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(root);
  return { root: laidOut, hidden };
}

function shapeOf(person: MapPerson): NodeShape {
  return SIDE_SHAPES[person.side ?? 'Customer'] ?? 'circle';
}

function flagsOf(value: readonly string[] | undefined): string[] {
  return (Array.isArray(value) ? (value as readonly unknown[]) : []).filter(
    (f): f is string => typeof f === 'string' && FLAG_KINDS.has(f)
  );
}

/**
 * Down from the manager's shape, across low in the row gap (below the manager's name and fold
 * button, above the report's rings), down to the report's shape.
 */
function elbow(manager: ChartNode, report: ChartNode): string {
  const top = round1(manager.y + boundaryDistance(manager.shape, manager.radius + ringGap(manager), 0, 1));
  const bottom = round1(report.y - boundaryDistance(report.shape, report.radius + ringGap(report), 0, 1));
  const middle = round1(report.y - ROW_HEIGHT * 0.28);
  return `M${manager.x},${top}V${middle}H${report.x}V${bottom}`;
}

/** Links over the tree, as curves between the people they join (or who folds them away). */
function overlayLinks(links: readonly JoinedLink[], visible: (id: string) => ChartNode | undefined): ChartOverlay[] {
  const overlays: ChartOverlay[] = [];
  const pairCount = new Map<string, number>();
  for (const link of [...links].sort((a, b) => compareIds(a.id, b.id))) {
    const type = typeOf(link);
    const from = visible(link.fromId);
    const to = visible(link.toId);
    if (!from || !to || from === to) continue;
    // Reports To points at the report (manager → report), as in the graph and the legend.
    const atFrom = type === 'Reports To';
    const tail = atFrom ? to : from;
    const head = atFrom ? from : to;
    const pair = from.id < to.id ? `${from.id}|${to.id}` : `${to.id}|${from.id}`;
    const index = pairCount.get(pair) ?? 0;
    pairCount.set(pair, index + 1);
    const arrow = LINK_STYLES[type].arrow;
    overlays.push({
      id: link.id,
      type,
      fromId: link.fromId,
      toId: link.toId,
      tailId: tail.id,
      headId: head.id,
      width: strengthWidth(link.strength),
      arrow,
      rerouted: from.id !== link.fromId || to.id !== link.toId,
      path: curve(tail, head, index, arrow),
    });
  }
  return overlays;
}

/**
 * A quadratic curve from tail to head, bowed sideways (more for each further link between the
 * same two people, and always to the same side of the pair, so that A→B and B→A part), so that
 * it stands out from the tree's straight lines. With an arrow it stops at the head's outline.
 */
export function curve(tail: DrawnNode, head: DrawnNode, index: number, arrow: boolean): string {
  const x1 = tail.x ?? 0;
  const y1 = tail.y ?? 0;
  const x2 = head.x ?? 0;
  const y2 = head.y ?? 0;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy) || 1;
  const side = tail.id < head.id ? 1 : -1;
  // A fifth of the distance, at most 80 px: long links arc over the rows, not across the chart.
  const bow = (Math.min(0.2 * length, 80) + 24 * index) * side;
  const cx = (x1 + x2) / 2 + (-dy / length) * bow;
  const cy = (y1 + y2) / 2 + (dx / length) * bow;
  let ex = x2;
  let ey = y2;
  if (arrow) {
    // The curve arrives along (head - control): stop where that line meets the outline.
    const ax = x2 - cx;
    const ay = y2 - cy;
    const along = Math.hypot(ax, ay) || 1;
    const stop = Math.min(along / 2, boundaryDistance(head.shape, head.radius + ringGap(head), ax, ay) + 2);
    ex = x2 - (ax / along) * stop;
    ey = y2 - (ay / along) * stop;
  }
  return `M${round1(x1)},${round1(y1)}Q${round1(cx)},${round1(cy)} ${round1(ex)},${round1(ey)}`;
}

/** Everything drawn: shapes, rings and names (a name is at most a column wide), and our lane. */
function boxOf(nodes: readonly ChartNode[], lane: Box | null): Box | null {
  if (nodes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const reach = n.radius + ringGap(n) + 8;
    const half = Math.max(reach, COLUMN_WIDTH / 2 - 5);
    x0 = Math.min(x0, n.x - half);
    x1 = Math.max(x1, n.x + half);
    y0 = Math.min(y0, n.y - reach);
    y1 = Math.max(y1, n.y + reach + 30);
  }
  if (lane) {
    x0 = Math.min(x0, lane.x0);
    x1 = Math.max(x1, lane.x1);
    y0 = Math.min(y0, lane.y0 - 20);
    y1 = Math.max(y1, lane.y1);
  }
  return { x0, y0, x1, y1 };
}

// ----- moving through the chart (keyboard) -------------------------------------------------------

export type ChartDirection = 'up' | 'down' | 'left' | 'right';

/**
 * Where an arrow key goes from `from`: up to the manager, down to the first report (none when
 * folded), left and right to the neighbour in the same row of the same lane. Null: nowhere.
 */
export function personToward(chart: OrgChart, from: ChartNode, direction: ChartDirection): ChartNode | null {
  if (direction === 'up') return from.managerId === null ? null : (chart.nodeById.get(from.managerId) ?? null);
  if (direction === 'down') {
    if (from.collapsed) return null;
    const reports = from.reportIds.map((id) => chart.nodeById.get(id)).filter((n): n is ChartNode => n !== undefined);
    return reports[0] ?? null;
  }
  const row = chart.nodes.filter((n) => n.lane === from.lane && n.y === from.y);
  const at = row.indexOf(from);
  return row[direction === 'left' ? at - 1 : at + 1] ?? null;
}
