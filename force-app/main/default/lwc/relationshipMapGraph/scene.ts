/**
 * The scene: the container's people and links joined, by id, to the nodes and links the layout
 * moves and the renderers draw. A person already on the map keeps their node (and so their place);
 * a saved position (Layout_X__c/Layout_Y__c) pins them. Activity evidence joins the same way into
 * lines of its own, which the layout never sees. No DOM, no D3.
 */
import type { SimulationLinkDatum, SimulationNodeDatum } from 'c/d3';
import type { InfluenceLink, LinkStrength, LinkType, MapPerson } from 'c/relationshipGraph';
import { LINK_STYLES, SIDE_SHAPES, evidenceWidth, nodeRadius, strengthWidth } from 'c/relationshipMapTheme';
import type { NodeShape } from './geometry';
import { displayName, personLabel } from './look';

export interface GraphNode extends SimulationNodeDatum {
  id: string;
  person: MapPerson;
  radius: number;
  shape: NodeShape;
  flags: string[];
  label: string;
  /** Position in the stable order (by name): keyboard Home/End and next/previous, DOM order. */
  order: number;
  /** The transform last written, so that a redraw skips people who did not move. */
  drawn?: string;
  /** Layout_X__c/Layout_Y__c as last received ("x,y", or "" when free): a change in the data wins over a local pin. */
  dataPin: string;
}

export interface GraphLink extends SimulationLinkDatum<GraphNode> {
  id: string;
  source: GraphNode;
  target: GraphNode;
  type: LinkType;
  width: number;
  arrow: boolean;
  /** Where the line starts and where it ends (the arrow's tip, when it has one). */
  tail: GraphNode;
  head: GraphNode;
  /** Sideways offset so that two links between the same people do not overlap. */
  offset: number;
  /** Pull of the link force (weaker for Conflict, shared among busy people). */
  pull: number;
  /** The end points last written, so that a redraw skips links that did not move. */
  drawn?: string;
}

/**
 * Activity evidence between two people on the map, as the container passes it (`evidenceLinks`):
 * calls, meetings and emails between one of our people (`fromId`) and one of theirs (`toId`),
 * both MapPerson ids, with the strength the analytics give it and their summary sentence.
 */
export interface EvidenceLink {
  id: string;
  fromId: string;
  toId: string;
  strength: 'Strong' | 'Medium' | 'Weak';
  /** "12 meetings, 30 emails, last 3 days ago". */
  summary: string;
}

/** An evidence line as drawn: no arrow, no pull, its own offset beside the pair's typed links. */
export interface GraphEvidence {
  id: string;
  /** Our person (tail) and theirs (head). */
  source: GraphNode;
  target: GraphNode;
  tail: GraphNode;
  head: GraphNode;
  arrow: false;
  strength: LinkStrength;
  width: number;
  summary: string;
  /** Sideways offset: beyond the pair's typed links, so both can be seen. */
  offset: number;
  /** The end points last written, so that a redraw skips lines that did not move. */
  drawn?: string;
}

/** The joined data. Kept across updates (and a disconnect), so a re-attached graph keeps its layout. */
export interface Scene {
  nodes: GraphNode[];
  links: GraphLink[];
  /** Activity evidence lines (not links: the layout and the neighbours ignore them). */
  evidence: GraphEvidence[];
  nodeById: Map<string, GraphNode>;
  neighbours: Map<string, Set<string>>;
}

/** What one join changed, for the layout to decide how much to move. */
export interface JoinResult {
  firstLayout: boolean;
  added: GraphNode[];
  removed: boolean;
  linksChanged: boolean;
}

/**
 * Which end carries the arrow. Reports To is drawn as the theme's legend says, manager → report:
 * From reports to To, so the arrow points at From. Influences points at To (From sways To).
 */
const ARROW_AT_FROM: ReadonlySet<LinkType> = new Set<LinkType>(['Reports To']);
/** Orders people by name as the user's locale does (Home/End, next/previous, DOM order). */
const NAME_ORDER = new Intl.Collator();

export function emptyScene(): Scene {
  return { nodes: [], links: [], evidence: [], nodeById: new Map(), neighbours: new Map() };
}

/**
 * Joins people, links and evidence (raw objects, not LWC's read-only proxies) into `scene`, in
 * place: people already drawn keep their nodes; links and evidence to people not drawn are left out.
 */
export function joinScene(
  scene: Scene,
  people: readonly MapPerson[],
  links: readonly InfluenceLink[],
  influence: Readonly<Record<string, number>>,
  flags: Readonly<Record<string, readonly string[]>>,
  evidence: readonly EvidenceLink[] = []
): JoinResult {
  const previous = scene.nodeById;
  const firstLayout = previous.size === 0;
  const next = new Map<string, GraphNode>();
  const added: GraphNode[] = [];
  for (const person of people) {
    if (!person || typeof person.id !== 'string' || person.id === '' || next.has(person.id)) continue;
    let node = previous.get(person.id);
    const isNew = node === undefined;
    if (!node) {
      node = { id: person.id, person, radius: 0, shape: 'circle', flags: [], label: '', order: 0, dataPin: '' };
      added.push(node);
    }
    node.person = person;
    const pin = dataPinOf(person);
    const key = pin ? `${pin.x},${pin.y}` : '';
    if (isNew || key !== node.dataPin) {
      node.dataPin = key;
      if (pin) {
        node.x = node.fx = pin.x;
        node.y = node.fy = pin.y;
        node.vx = node.vy = 0;
      } else {
        node.fx = null;
        node.fy = null;
      }
    }
    next.set(person.id, node);
  }
  const removed = [...previous.keys()].some((id) => !next.has(id));
  scene.nodeById = next;
  scene.nodes = [...next.values()];
  updateNodeAttributes(scene, influence, flags);

  const previousLinks = scene.links;
  const joined = joinLinks(scene.nodes, next, links);
  scene.links = joined.links;
  scene.neighbours = joined.neighbours;
  const linksChanged =
    joined.links.length !== previousLinks.length || joined.links.some((l, i) => l.id !== previousLinks[i].id);
  // Evidence changes nothing the layout reads: linksChanged is about typed links only.
  scene.evidence = joinEvidence(next, joined.links, evidence);
  return { firstLayout, added, removed, linksChanged };
}

function joinLinks(
  nodes: readonly GraphNode[],
  nodeById: ReadonlyMap<string, GraphNode>,
  data: readonly InfluenceLink[]
): { links: GraphLink[]; neighbours: Map<string, Set<string>> } {
  const links: GraphLink[] = [];
  const seen = new Set<string>();
  // Per node, by position in the list: cheaper than maps keyed by id on maps of thousands.
  const slot = new Map<GraphNode, number>();
  nodes.forEach((n, i) => slot.set(n, i));
  const degree = new Int32Array(nodes.length);
  const pairs = new Map<number, GraphLink[]>();
  for (const link of data) {
    if (!link || typeof link.id !== 'string' || seen.has(link.id)) continue;
    const from = link.fromId ? nodeById.get(link.fromId) : undefined;
    const to = link.toId ? nodeById.get(link.toId) : undefined;
    if (!from || !to || from === to) continue;
    seen.add(link.id);
    const type: LinkType = link.type && LINK_STYLES[link.type] ? link.type : 'Influences';
    const atFrom = ARROW_AT_FROM.has(type);
    const graphLink: GraphLink = {
      id: link.id,
      source: from,
      target: to,
      type,
      width: strengthWidth(link.strength),
      arrow: LINK_STYLES[type].arrow,
      tail: atFrom ? to : from,
      head: atFrom ? from : to,
      offset: 0,
      pull: 0,
    };
    links.push(graphLink);
    const a = slot.get(from) ?? 0;
    const b = slot.get(to) ?? 0;
    degree[a]++;
    degree[b]++;
    const pairKey = a < b ? a * nodes.length + b : b * nodes.length + a;
    const group = pairs.get(pairKey);
    if (group) group.push(graphLink);
    else pairs.set(pairKey, [graphLink]);
  }
  for (const group of pairs.values()) {
    if (group.length > 1) group.forEach((l, i) => (l.offset = (i - (group.length - 1) / 2) * 6));
  }
  const neighbours = new Map<string, Set<string>>();
  for (const l of links) {
    const share = Math.min(degree[slot.get(l.source) ?? 0], degree[slot.get(l.target) ?? 0]);
    l.pull = (l.type === 'Conflict' ? 0.3 : 1) / Math.max(1, share);
    addNeighbour(neighbours, l.source.id, l.target.id);
    addNeighbour(neighbours, l.target.id, l.source.id);
  }
  return { links, neighbours };
}

/** Distance between the pair's outermost typed link and its evidence line (and between two evidence lines). */
export const EVIDENCE_GAP = 7;
const STRENGTHS: ReadonlySet<string> = new Set<LinkStrength>(['Strong', 'Medium', 'Weak']);

/**
 * Evidence lines between people drawn, in the order given (the first of a repeated id wins; an
 * entry that is not an object, names nobody drawn or joins someone to themselves is left out;
 * an unknown strength reads as Medium, a summary that is not text as none). Beside a typed link
 * of the same pair, the line is offset past the pair's typed links (they spread 6 apart around
 * the centre line, scene.ts joinLinks), so both are seen.
 */
export function joinEvidence(
  nodeById: ReadonlyMap<string, GraphNode>,
  links: readonly GraphLink[],
  data: readonly EvidenceLink[] | null | undefined
): GraphEvidence[] {
  if (!Array.isArray(data) || data.length === 0) return [];
  const pairKey = (a: GraphNode, b: GraphNode): string => (a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
  // How many typed links join each pair: the outermost sits at (count - 1) × 3 from the centre line.
  const typed = new Map<string, number>();
  for (const l of links) {
    const key = pairKey(l.source, l.target);
    typed.set(key, (typed.get(key) ?? 0) + 1);
  }
  const lines: GraphEvidence[] = [];
  const seen = new Set<string>();
  const perPair = new Map<string, number>();
  for (const item of data as readonly unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const { id, fromId, toId, strength, summary } = item as Partial<Record<keyof EvidenceLink, unknown>>;
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    const from = typeof fromId === 'string' ? nodeById.get(fromId) : undefined;
    const to = typeof toId === 'string' ? nodeById.get(toId) : undefined;
    if (!from || !to || from === to) continue;
    seen.add(id);
    const key = pairKey(from, to);
    const count = typed.get(key) ?? 0;
    const before = perPair.get(key) ?? 0;
    perPair.set(key, before + 1);
    const level: LinkStrength =
      typeof strength === 'string' && STRENGTHS.has(strength) ? (strength as LinkStrength) : 'Medium';
    lines.push({
      id,
      source: from,
      target: to,
      tail: from,
      head: to,
      arrow: false,
      strength: level,
      width: evidenceWidth(level),
      summary: typeof summary === 'string' ? summary : '',
      offset: (count > 0 ? (count - 1) * 3 + EVIDENCE_GAP : 0) + before * EVIDENCE_GAP,
    });
  }
  return lines;
}

/** Derived drawing data of each node: size, shape, flags, accessible name, stable order. */
export function updateNodeAttributes(
  scene: Scene,
  influence: Readonly<Record<string, number>>,
  allFlags: Readonly<Record<string, readonly string[]>>
): void {
  for (const node of scene.nodes) {
    const person = node.person;
    node.radius = nodeRadius(influence[node.id] ?? 0);
    node.shape = SIDE_SHAPES[person.side ?? 'Customer'] ?? 'circle';
    const flags = allFlags[node.id];
    node.flags = (Array.isArray(flags) ? (flags as readonly unknown[]) : []).filter(
      (f): f is string => f === 'coverage-gap' || f === 'stale'
    );
    node.label = personLabel(person, node.flags);
  }
  const ordered = scene.nodes.map((n) => ({ n, name: displayName(n.person) }));
  ordered.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
  ordered.forEach(({ n }, i) => (n.order = i));
}

/** The person first by name (the map's tab stop when nobody is selected). */
export function firstByName(scene: Scene): GraphNode | undefined {
  return scene.nodes.find((n) => n.order === 0);
}

/** Pinned position from Layout_X__c/Layout_Y__c: pinned only when both are numbers. */
function dataPinOf(person: MapPerson): { x: number; y: number } | null {
  const x = person.layoutX;
  const y = person.layoutY;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

function addNeighbour(map: Map<string, Set<string>>, a: string, b: string): void {
  const set = map.get(a);
  if (set) set.add(b);
  else map.set(a, new Set([b]));
}
