/**
 * The relationship map as a force-directed graph: who decides, who influences whom, who is for
 * or against us. Contract: docs/map-component.md ("relationshipMapGraph").
 *
 * D3 owns one `lwc:dom="manual"` element: it builds the SVG once (renderedCallback), then every
 * `@api` setter updates only what changed, batched into one update per microtask: a new people
 * or links list joins by id (people already drawn keep their positions) and reheats the layout
 * gently; selection, highlight, search and hover only restyle. Text is written with `.text()`
 * only, so a name can never become markup.
 *
 * Layout: layout.ts ticks the simulation in animation frames within a time budget, so even
 * 1,000+ people never freeze the page. Pinned people (Layout_X__c/Layout_Y__c, or dragged) stay
 * fixed; everyone else starts near a placed neighbour.
 */
import { LightningElement, api, unwrap } from 'lwc';
import {
  drag,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  pointer,
  select,
  zoom,
  zoomIdentity,
} from 'c/d3';
import type {
  D3DragEvent,
  D3ZoomEvent,
  DragBehavior,
  ForceLink,
  Selection,
  Simulation,
  SimulationLinkDatum,
  SimulationNodeDatum,
  ZoomBehavior,
  ZoomTransform,
} from 'c/d3';
import type { InfluenceLink, LinkType, MapPerson } from 'c/relationshipGraph';
import {
  LINK_STYLES,
  OUR_COLOR,
  SIDE_SHAPES,
  STANCE_STYLES,
  nodeRadius,
  stanceOf,
  strengthWidth,
} from 'c/relationshipMapTheme';
import {
  badgesOf,
  boundaryDistance,
  displayName,
  fitTransform,
  LETTER_WEIGHT,
  letterPath,
  letterSize,
  linkEnds,
  nameMatches,
  nearestInDirection,
  normalizeForSearch,
  personLabel,
  ringGap,
  round1,
  round2,
  shapeExtent,
  shapePath,
  starPath,
  trianglePath,
} from './geometry';
import type { Badge, Box, Direction, NodeShape } from './geometry';
import {
  LARGE_MAP_THETA,
  LAYOUT_RUNS,
  LayoutLoop,
  TAKE_TURNS_FROM_PEOPLE,
  alphaDecayFor,
  frameScheduler,
  takingTurns,
} from './layout';
import type { LayoutRun } from './layout';
import { placeByHierarchy, placeNearNeighbours } from './placement';
import {
  FADED_LINK,
  FADED_NODE,
  FOCUS_COLOR,
  LABEL_COLOR,
  LINK_OPACITY,
  NODE_OUTLINE,
  SEARCH_HALO_COLOR,
  SELECTED_COLOR,
  canvasSurface,
  canvasThreshold,
  newStampCache,
  nodeAt,
  paintMap,
  svgSurface,
} from './painter';
import type { PaintStates, StampCache } from './painter';

/** Detail of the `select` event. */
export interface SelectDetail {
  personId: string | null;
}
/** Detail of the `hover` event. */
export interface HoverDetail {
  personId: string | null;
}
/** One position in a `pin` event: x/y null unpins the person. */
export interface PinPosition {
  id: string;
  x: number | null;
  y: number | null;
}
/** Detail of the `pin` event. */
export interface PinDetail {
  positions: PinPosition[];
}

interface GraphNode extends SimulationNodeDatum {
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

interface GraphLink extends SimulationLinkDatum<GraphNode> {
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

type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;
type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;
type NodeSelection = Selection<SVGGElement, GraphNode, SVGGElement, unknown>;
type LinkSelection = Selection<SVGLineElement, GraphLink, SVGGElement, unknown>;
/** Where a drag is (in map coordinates): all the drag handlers read, whichever element drags. */
type NodeDragEvent = Pick<D3DragEvent<Element, unknown, GraphNode>, 'x' | 'y'>;

const FALLBACK_WIDTH = 800;
const FALLBACK_HEIGHT = 600;
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** Below this zoom, only emphasised people keep their name labels. */
const COMPACT_SCALE = 0.55;
const FIT_PADDING = 24;
/** Grid spacing of the first placement: about the length links settle at. */
const PLACEMENT_SPACING = 70;
/** Placement order of reporting trees by side: ours, then the customer's, then partners. */
const SIDE_RANK: Readonly<Record<string, number>> = { 'Our Company': 0, Customer: 1, Partner: 2 };
/** Screen pixels a node must move before a drag counts (and pins); less is a click. */
const DRAG_THRESHOLD = 3;
/** Resolution of the canvas while the layout moves, relative to the sharp picture at rest. */
const DRAFT_RATIO = 0.5;
/** From this many people, the sharp picture is painted in SHARPEN_BANDS bands over as many frames. */
const BANDED_FROM_PEOPLE = 800;
const SHARPEN_BANDS = 4;
/** Canvas mode makes this many focus targets per frame. */
const TARGETS_PER_FRAME = 150;
/** Orders people by name as the user's locale does (Home/End, next/previous, DOM order). */
const NAME_ORDER = new Intl.Collator();
/** The canvas's backing store is at most twice the CSS size (sharp on HiDPI, bounded memory). */
const MAX_PIXEL_RATIO = 2;
const ARROW_TYPES: readonly LinkType[] = (Object.keys(LINK_STYLES) as LinkType[]).filter((t) => LINK_STYLES[t].arrow);
/**
 * Which end carries the arrow. Reports To is drawn as the theme's legend says, manager → report:
 * From reports to To, so the arrow points at From. Influences points at To (From sways To).
 */
const ARROW_AT_FROM: ReadonlySet<LinkType> = new Set<LinkType>(['Reports To']);
/** Attributes an exported SVG keeps: geometry and presentation only (no ARIA, events, classes). */
const EXPORT_ATTRIBUTES = new Set([
  'id',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'transform',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
  'marker-start',
  'marker-end',
  'viewBox',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'orient',
]);

let instances = 0;

export default class RelationshipMapGraph extends LightningElement {
  /** What the live region says (selection changes). */
  announcement = '';

  private _people: readonly MapPerson[] = [];
  private _links: readonly InfluenceLink[] = [];
  private _decisionInfluence: Record<string, number> = {};
  private _selectedId: string | null = null;
  private _highlightIds: readonly string[] = [];
  private _highlightLinkIds: readonly string[] = [];
  private _flags: Readonly<Record<string, readonly string[]>> = {};
  private _readOnly = false;
  private _searchTerm = '';

  private readonly uid = `rmg${++instances}`;
  private built = false;
  private everBuilt = false;
  private pending = new Set<'data' | 'nodes' | 'states'>();
  private flushQueued = false;

  private canvas: HTMLElement | null = null;
  private svg: SvgSelection | null = null;
  private viewport: GroupSelection | null = null;
  private linkLayer: GroupSelection | null = null;
  private nodeLayer: GroupSelection | null = null;
  private nodeSel: NodeSelection | null = null;
  private linkSel: LinkSelection | null = null;
  private simulation: Simulation<GraphNode, GraphLink> | null = null;
  private linkForce: ForceLink<GraphNode, GraphLink> | null = null;
  private collideForce: ReturnType<typeof forceCollide<GraphNode>> | null = null;
  private chargeForce: ReturnType<typeof forceManyBody<GraphNode>> | null = null;
  private loop: LayoutLoop | null = null;
  private zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private dragBehavior: DragBehavior<SVGGElement, GraphNode, GraphNode> | null = null;
  private transform: ZoomTransform = zoomIdentity;
  private size: { width: number; height: number } | null = null;
  private resizeObserver: ResizeObserver | null = null;

  /** Survive a disconnect, so a re-attached graph keeps its layout. */
  private nodeById = new Map<string, GraphNode>();
  private graphNodes: GraphNode[] = [];
  private graphLinks: GraphLink[] = [];
  private neighbours = new Map<string, Set<string>>();
  private elementById = new Map<string, SVGGElement>();

  private rovingId: string | null = null;
  private hoverId: string | null = null;
  private autoFit = true;
  private drag: { id: string; x: number; y: number; moved: boolean } | null = null;

  /**
   * 'canvas' for large maps: people and links are painted on a 2D canvas under the SVG, which
   * keeps one focusable, labelled element per person for keyboard and screen-reader users and
   * takes the pointer (hit-tested against the layout). 'svg' draws everything as SVG.
   */
  private mode: 'svg' | 'canvas' = 'svg';
  private paintCanvas: HTMLCanvasElement | null = null;
  private context2d: CanvasRenderingContext2D | null = null;
  private paintStates: PaintStates | null = null;
  private paintHandle: number | null = null;
  /** The person whose element has keyboard focus (canvas mode draws the focus ring itself). */
  private focusedId: string | null = null;
  private fontFamily = "'Salesforce Sans', Arial, sans-serif";
  /** Whether fontFamily is the SVG's own (read at the first paint, when styles are up to date anyway). */
  private fontResolved = false;
  /** The sharp picture of a large map, painted off screen a band per frame. */
  private sharpCanvas: HTMLCanvasElement | null = null;
  private sharpenHandle: number | null = null;
  private canvasDrag: DragBehavior<SVGSVGElement, unknown, GraphNode> | null = null;
  private stamps: StampCache = newStampCache();
  private nodeTemplate: SVGGElement | null = null;
  private draftStamps: StampCache = newStampCache();
  /** Canvas mode: people whose focus target is still to be made, and the frame that makes them. */
  private targetQueue: GraphNode[] = [];
  private targetHandle: number | null = null;
  private targetsListening = false;

  // ----- public properties -------------------------------------------------------------------

  /** People to draw (the container has applied filters and exclusions). */
  @api
  get people(): MapPerson[] {
    return this._people as MapPerson[];
  }
  set people(value: MapPerson[] | null | undefined) {
    this._people = Array.isArray(value) ? value : [];
    this.requestUpdate('data');
  }

  /** Links among the people (links to people not drawn are ignored). */
  @api
  get links(): InfluenceLink[] {
    return this._links as InfluenceLink[];
  }
  set links(value: InfluenceLink[] | null | undefined) {
    this._links = Array.isArray(value) ? value : [];
    this.requestUpdate('data');
  }

  /** Person id → influence over the decision, 0..1 (node size). */
  @api
  get decisionInfluence(): Record<string, number> {
    return this._decisionInfluence;
  }
  set decisionInfluence(value: Record<string, number> | null | undefined) {
    this._decisionInfluence = value ?? {};
    this.requestUpdate('nodes');
  }

  /** The selected person (ring; the container opens the panel). */
  @api
  get selectedId(): string | null {
    return this._selectedId;
  }
  set selectedId(value: string | null | undefined) {
    this.setSelected(value ?? null);
  }

  /** People on the highlighted warm path (everyone else fades). */
  @api
  get highlightIds(): string[] {
    return this._highlightIds as string[];
  }
  set highlightIds(value: string[] | null | undefined) {
    this._highlightIds = Array.isArray(value) ? value : [];
    this.requestUpdate('states');
  }

  /** Links on the highlighted warm path. */
  @api
  get highlightLinkIds(): string[] {
    return this._highlightLinkIds as string[];
  }
  set highlightLinkIds(value: string[] | null | undefined) {
    this._highlightLinkIds = Array.isArray(value) ? value : [];
    this.requestUpdate('states');
  }

  /** Person id → flags drawn as badges: 'coverage-gap', 'stale'. */
  @api
  get flags(): Record<string, string[]> {
    return this._flags as Record<string, string[]>;
  }
  set flags(value: Record<string, string[]> | null | undefined) {
    this._flags = value ?? {};
    this.requestUpdate('nodes');
  }

  /** No drag-to-pin (and unpinAll does nothing). */
  @api
  get readOnly(): boolean {
    return this._readOnly;
  }
  set readOnly(value: boolean) {
    this._readOnly = Boolean(value);
    this.svg?.classed('rmg-editable', !this._readOnly);
  }

  /** People whose name contains this (case and accents ignored) are emphasised. */
  @api
  get searchTerm(): string {
    return this._searchTerm;
  }
  set searchTerm(value: string | null | undefined) {
    this._searchTerm = typeof value === 'string' ? value : '';
    this.requestUpdate('states');
  }

  // ----- public methods ----------------------------------------------------------------------

  /** Zooms and pans so that everyone is in view (and keeps them in view while the layout runs). */
  @api
  fitToView(): void {
    this.flush();
    this.autoFit = true;
    if (!this.resizeObserver) this.size = this.measure();
    this.fit(2);
  }

  /** Releases every pinned person; emits `pin` with null positions for them. */
  @api
  unpinAll(): void {
    this.flush();
    if (this._readOnly) return;
    const positions: PinPosition[] = [];
    for (const node of this.graphNodes) {
      if (node.fx != null || node.fy != null) {
        node.fx = null;
        node.fy = null;
        positions.push({ id: node.id, x: null, y: null });
      }
    }
    if (positions.length === 0) return;
    this.reheat(LAYOUT_RUNS.released);
    this.dispatchEvent(new CustomEvent<PinDetail>('pin', { detail: { positions } }));
  }

  /** Moves keyboard focus to a person and pans them into the middle of the view. */
  @api
  focusPerson(id: string): void {
    this.flush();
    const node = this.nodeById.get(id);
    if (!node || !this.built) return;
    this.centerOn(node);
    this.focusNode(node.id);
  }

  /** The current view as a standalone SVG document (inline presentation, xmlns, no scripts). */
  @api
  exportSvg(): string {
    this.flush();
    const svgElement = this.svg?.node();
    if (!svgElement) throw new Error('The relationship map has not been drawn yet.');
    const { width, height } = this.viewportSize();
    const copy = svgElement.cloneNode(true) as SVGSVGElement;
    if (this.mode === 'canvas') this.paintInto(copy);
    for (const ring of Array.from(copy.querySelectorAll('.rmg-focus-ring'))) ring.remove();
    for (const element of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
      for (const name of element.getAttributeNames()) {
        if (!EXPORT_ATTRIBUTES.has(name)) element.removeAttribute(name);
      }
    }
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
    copy.setAttribute('role', 'img');
    copy.setAttribute('aria-labelledby', `${this.uid}-title`);
    copy.setAttribute('font-family', 'Salesforce Sans, Arial, sans-serif');
    copy.setAttribute('style', 'background-color:#ffffff;font-family:Salesforce Sans, Arial, sans-serif');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  }

  /** The current view as a PNG data URL (twice the screen size, for sharp slides). */
  @api
  async exportPng(): Promise<string> {
    const svgText = this.exportSvg();
    const { width, height } = this.viewportSize();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
    if (!context) {
      throw new Error('PNG export needs a browser that can draw on a canvas; export the map as SVG instead.');
    }
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The browser could not turn the map into an image.'));
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
    });
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
  }

  // ----- lifecycle ---------------------------------------------------------------------------

  connectedCallback(): void {
    // Re-attached after a disconnect: the template is still there, rebuild on it.
    if (!this.built && this.everBuilt) this.build();
  }

  renderedCallback(): void {
    if (!this.built) this.build();
  }

  disconnectedCallback(): void {
    this.loop?.stop();
    this.loop = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.simulation?.stop();
    this.simulation?.on('tick', null).on('end', null);
    this.simulation = null;
    this.linkForce = null;
    this.collideForce = null;
    this.chargeForce = null;
    this.cancelPaint();
    this.cancelSharpening();
    this.sharpCanvas = null;
    this.cancelTargets();
    this.targetsListening = false;
    this.paintCanvas?.remove();
    this.paintCanvas = null;
    this.context2d = null;
    this.mode = 'svg';
    this.focusedId = null;
    this.svg?.on('.zoom', null).on('click.background', null).on('.canvasmode', null).on('.drag', null);
    this.canvasDrag = null;
    this.nodeSel?.on('.drag', null).on('click', null).on('keydown', null).on('focus', null);
    this.nodeSel?.on('mouseenter', null).on('mouseleave', null);
    this.svg?.remove();
    this.svg = null;
    this.viewport = null;
    this.linkLayer = null;
    this.nodeLayer = null;
    this.nodeSel = null;
    this.linkSel = null;
    this.zoomBehavior = null;
    this.dragBehavior = null;
    this.elementById.clear();
    this.canvas = null;
    this.drag = null;
    this.hoverId = null;
    this.built = false;
    this.pending.add('data');
  }

  // ----- building ----------------------------------------------------------------------------

  private build(): void {
    const canvas = this.template?.querySelector<HTMLElement>('.rmg-canvas');
    if (!canvas) return;
    this.canvas = canvas;
    this.size = null;
    this.observeSize(canvas);
    const uid = this.uid;

    const svg = select(canvas)
      .append('svg')
      .attr('class', 'rmg-svg')
      .attr('role', 'group')
      .attr('aria-roledescription', 'relationship map')
      .attr('aria-labelledby', `${uid}-title`)
      .attr('aria-describedby', `${uid}-desc`)
      .attr('width', '100%')
      .attr('height', '100%')
      .classed('rmg-editable', !this._readOnly);
    svg.append('title').attr('id', `${uid}-title`).text('Relationship map');
    svg.append('desc').attr('id', `${uid}-desc`);
    const defs = svg.append('defs');
    for (const type of ARROW_TYPES) {
      defs
        .append('marker')
        .attr('id', this.markerId(type))
        .attr('viewBox', '0 -5 10 10')
        .attr('refX', 10)
        .attr('refY', 0)
        .attr('markerWidth', 9)
        .attr('markerHeight', 9)
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('orient', 'auto')
        .append('path')
        .attr('d', 'M0,-5L10,0L0,5Z')
        .attr('fill', LINK_STYLES[type].color);
    }
    svg
      .append('rect')
      .attr('class', 'rmg-background')
      .attr('width', '100%')
      .attr('height', '100%')
      .attr('fill', '#ffffff');
    const viewport = svg.append('g').attr('class', 'rmg-viewport');
    this.linkLayer = viewport.append('g').attr('class', 'rmg-links').attr('aria-hidden', 'true');
    this.nodeLayer = viewport.append('g').attr('class', 'rmg-nodes');
    this.svg = svg;
    this.viewport = viewport;

    const reducedMotion =
      typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .extent(() => {
        const { width, height } = this.viewportSize();
        return [
          [0, 0],
          [width, height],
        ];
      })
      .duration(reducedMotion ? 0 : 250)
      // d3's default filter, and on a canvas-drawn map a press on a person drags them, not the map.
      .filter((event: MouseEvent | TouchEvent | WheelEvent) => {
        if (event.ctrlKey && event.type !== 'wheel') return false;
        if ('button' in event && event.button) return false;
        const press = event.type === 'mousedown' || event.type === 'touchstart';
        return !(press && this.mode === 'canvas' && !this._readOnly && this.nodeUnder(event) !== null);
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(event));
    svg.call(this.zoomBehavior);
    svg.on('click.background', (event: MouseEvent) => {
      const target = event.target as Element | null;
      const onPerson = target?.closest('.rmg-node') || (this.mode === 'canvas' && this.nodeUnder(event) !== null);
      if (this._selectedId !== null && !onPerson) this.choose(null);
    });
    // Canvas mode: the pointer finds people by where they are drawn.
    svg.on('click.canvasmode', (event: MouseEvent) => {
      const node = this.mode === 'canvas' ? this.nodeUnder(event) : null;
      if (node) this.onNodeClick(event, node);
    });
    svg.on('mousemove.canvasmode', (event: MouseEvent) => {
      if (this.mode === 'canvas') this.onHover(this.nodeUnder(event)?.id ?? null);
    });
    svg.on('mouseleave.canvasmode', () => {
      if (this.mode === 'canvas') this.onHover(null);
    });

    this.dragBehavior = drag<SVGGElement, GraphNode, GraphNode>()
      .subject((_event: unknown, d: GraphNode) => d)
      .container(() => this.viewport?.node() ?? canvas)
      .filter(
        (event: MouseEvent | TouchEvent) =>
          !this._readOnly && !event.ctrlKey && !('button' in event && event.button !== 0)
      )
      .clickDistance(DRAG_THRESHOLD)
      .on('start', (event: NodeDragEvent, d: GraphNode) => this.onDragStart(event, d))
      .on('drag', (event: NodeDragEvent, d: GraphNode) => this.onDragMove(event, d))
      .on('end', (event: NodeDragEvent, d: GraphNode) => this.onDragEnd(event, d));
    this.canvasDrag = drag<SVGSVGElement, unknown, GraphNode>()
      // No person under the pointer: null, and d3 starts no drag (the map pans instead).
      .subject((event: MouseEvent | TouchEvent) => this.nodeUnder(event) as GraphNode)
      .container(() => this.viewport?.node() ?? canvas)
      .filter(
        (event: MouseEvent | TouchEvent) =>
          !this._readOnly && !event.ctrlKey && !('button' in event && event.button !== 0)
      )
      .clickDistance(DRAG_THRESHOLD)
      .on('start', (event: D3DragEvent<SVGSVGElement, unknown, GraphNode>) => this.onDragStart(event, event.subject))
      .on('drag', (event: D3DragEvent<SVGSVGElement, unknown, GraphNode>) => this.onDragMove(event, event.subject))
      .on('end', (event: D3DragEvent<SVGSVGElement, unknown, GraphNode>) => this.onDragEnd(event, event.subject));

    const simulation = forceSimulation<GraphNode, GraphLink>([]);
    // d3 starts its own timer on creation; the layout loop ticks it instead, frame by frame.
    simulation.stop();
    this.linkForce = forceLink<GraphNode, GraphLink>([])
      .distance((l) => 46 + l.source.radius + l.target.radius + (l.type === 'Conflict' ? 50 : 0))
      .strength((l) => l.pull);
    this.collideForce = forceCollide<GraphNode>((d) => d.radius + 14).iterations(1);
    this.chargeForce = forceManyBody<GraphNode>().strength(-260).distanceMax(600).theta(0.9);
    simulation
      .force('link', this.linkForce)
      // The two costly forces take turns on large maps (see TAKE_TURNS_FROM_PEOPLE).
      .force(
        'charge+collide',
        takingTurns<GraphNode>(
          [this.chargeForce, this.collideForce],
          () => this.graphNodes.length >= TAKE_TURNS_FROM_PEOPLE
        )
      )
      .force('x', forceX<GraphNode>(0).strength(0.04))
      .force('y', forceY<GraphNode>(0).strength(0.04))
      .alpha(0);
    this.simulation = simulation;
    this.loop = new LayoutLoop(simulation, (settled) => this.onFrame(settled), frameScheduler());

    this.built = true;
    this.everBuilt = true;
    this.pending.add('data');
    this.flush();
  }

  private markerId(type: LinkType): string {
    return `${this.uid}-arrow-${ARROW_TYPES.indexOf(type)}`;
  }

  // ----- updates -----------------------------------------------------------------------------

  /** Batches property changes made together (people, links, influence...) into one update. */
  private requestUpdate(kind: 'data' | 'nodes' | 'states'): void {
    this.pending.add(kind);
    if (!this.built || this.flushQueued) return;
    this.flushQueued = true;
    // A promise rather than queueMicrotask: every platform sandbox (LWS and Locker) has promises.
    Promise.resolve()
      .then(() => {
        this.flushQueued = false;
        this.flush();
      })
      .catch((error: unknown) => {
        // A failed update must not block later ones; report it where developers look.
        console.error(error);
      });
  }

  private flush(): void {
    if (!this.built || this.pending.size === 0) return;
    const pending = this.pending;
    this.pending = new Set();
    if (pending.has('data')) {
      this.joinData();
    } else {
      if (pending.has('nodes')) this.refreshNodes();
      this.applyStates();
    }
  }

  /** People and links changed: join by id, keep positions, reheat gently. */
  private joinData(): void {
    const simulation = this.simulation;
    const linkForce = this.linkForce;
    if (!simulation || !linkForce) return;
    const previous = this.nodeById;
    const firstLayout = previous.size === 0;
    const next = new Map<string, GraphNode>();
    const added: GraphNode[] = [];
    // The raw data: values passed to @api properties arrive behind LWC's read-only proxy, whose
    // every property read is a trap, and drawing reads each person's fields every frame.
    for (const person of unwrap(this._people) as readonly MapPerson[]) {
      if (!person || typeof person.id !== 'string' || person.id === '' || next.has(person.id)) continue;
      let node = previous.get(person.id);
      const isNew = node === undefined;
      if (!node) {
        node = {
          id: person.id,
          person,
          radius: 0,
          shape: 'circle',
          flags: [],
          label: '',
          order: 0,
          dataPin: '',
        };
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
    this.nodeById = next;
    this.graphNodes = [...next.values()];
    this.updateNodeAttributes();

    const previousLinks = this.graphLinks;
    const links: GraphLink[] = [];
    const seen = new Set<string>();
    // Per node, by position in the list: cheaper than maps keyed by id on maps of thousands.
    const slot = new Map<GraphNode, number>();
    this.graphNodes.forEach((n, i) => slot.set(n, i));
    const degree = new Int32Array(this.graphNodes.length);
    const pairs = new Map<number, GraphLink[]>();
    for (const link of unwrap(this._links) as readonly InfluenceLink[]) {
      if (!link || typeof link.id !== 'string' || seen.has(link.id)) continue;
      const from = link.fromId ? next.get(link.fromId) : undefined;
      const to = link.toId ? next.get(link.toId) : undefined;
      if (!from || !to || from === to) continue;
      seen.add(link.id);
      const type: LinkType = link.type && LINK_STYLES[link.type] ? link.type : 'Influences';
      const style = LINK_STYLES[type];
      const atFrom = ARROW_AT_FROM.has(type);
      const graphLink: GraphLink = {
        id: link.id,
        source: from,
        target: to,
        type,
        width: strengthWidth(link.strength),
        arrow: style.arrow,
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
      const pairKey = a < b ? a * this.graphNodes.length + b : b * this.graphNodes.length + a;
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
    this.graphLinks = links;
    this.neighbours = neighbours;
    const linksChanged = links.length !== previousLinks.length || links.some((l, i) => l.id !== previousLinks[i].id);

    const unplaced = added.filter((n) => n.x === undefined);
    if (firstLayout && unplaced.length > this.graphNodes.length / 2) {
      const { width, height } = this.viewportSize();
      const reports = links
        .filter((l) => l.type === 'Reports To')
        .map((l) => ({ reportId: l.source.id, managerId: l.target.id }));
      placeByHierarchy(unplaced, reports, neighbours, {
        spacing: PLACEMENT_SPACING,
        aspect: width / height,
        rootRank: (id) => SIDE_RANK[next.get(id)?.person.side ?? 'Customer'] ?? 1,
      });
    } else {
      placeNearNeighbours(added, neighbours, next);
    }
    simulation.nodes(this.graphNodes);
    linkForce.links(links);
    this.chargeForce?.theta(this.graphNodes.length >= TAKE_TURNS_FROM_PEOPLE ? LARGE_MAP_THETA : 0.9);

    this.chooseMode();
    this.renderLinks();
    this.renderNodes();
    this.applyStates();
    if (this.mode === 'svg') this.redraw();

    const free = this.graphNodes.some((n) => n.fx == null || n.fy == null);
    if (free) {
      // Warm start: when most people come with a saved position, the rest only settle in.
      const pinnedShare = this.graphNodes.filter((n) => n.fx != null && n.fy != null).length / this.graphNodes.length;
      if (firstLayout) this.reheat(pinnedShare >= 0.5 ? LAYOUT_RUNS.warm : LAYOUT_RUNS.placed);
      else if (added.length > 0) this.reheat(LAYOUT_RUNS.added);
      else if (linksChanged || removed) this.reheat(LAYOUT_RUNS.relinked);
    }
    if (this.autoFit) this.fit(1);
    // Canvas mode paints in the next frame, once, with the view just fitted.
    if (this.mode === 'canvas') this.requestPaint();
  }

  /** Influence or flags changed: new sizes and badges, no new layout. */
  private refreshNodes(): void {
    const before = this.graphNodes.map((n) => n.radius);
    this.updateNodeAttributes();
    this.renderNodes();
    if (this.graphNodes.some((n, i) => n.radius !== before[i])) {
      this.collideForce?.radius(this.collideForce.radius());
      this.linkForce?.distance(this.linkForce.distance());
      this.reheat(LAYOUT_RUNS.resized);
      this.redraw();
    }
  }

  /** Derived drawing data of each node: size, shape, flags, accessible name, stable order. */
  private updateNodeAttributes(): void {
    // Raw objects, as for people: a read through LWC's read-only proxy is a trap per property.
    const influence = unwrap(this._decisionInfluence) as Record<string, number>;
    const allFlags = unwrap(this._flags) as Readonly<Record<string, readonly string[]>>;
    for (const node of this.graphNodes) {
      const person = node.person;
      node.radius = nodeRadius(influence[node.id] ?? 0);
      node.shape = SIDE_SHAPES[person.side ?? 'Customer'] ?? 'circle';
      const flags = allFlags[node.id];
      node.flags = (Array.isArray(flags) ? (flags as readonly unknown[]) : []).filter(
        (f): f is string => f === 'coverage-gap' || f === 'stale'
      );
      node.label = personLabel(person, node.flags);
    }
    const ordered = this.graphNodes.map((n) => ({ n, name: displayName(n.person) }));
    ordered.sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
    ordered.forEach(({ n }, i) => (n.order = i));
  }

  /** Gives the layout the energy of `run` (never less than it has) and ticks it to rest. */
  private reheat(run: LayoutRun): void {
    const simulation = this.simulation;
    if (!simulation) return;
    if (run.alpha >= simulation.alpha()) {
      simulation.alpha(run.alpha).alphaDecay(alphaDecayFor(run));
    }
    this.loop?.start();
    // The layout's first frame paints: a paint asked for before would be a second one.
    if (this.loop?.running) this.cancelPaint();
  }

  // ----- drawing -----------------------------------------------------------------------------

  /**
   * SVG for small maps, the canvas from canvasThreshold() people on (where the browser can draw
   * on one). Switching starts the layers afresh: the modes share no elements.
   */
  private chooseMode(): void {
    const wanted = this.graphNodes.length >= canvasThreshold() && this.ensureCanvas() ? 'canvas' : 'svg';
    if (wanted === this.mode) return;
    this.mode = wanted;
    if (this.loop) this.loop.drawFirst = wanted === 'canvas';
    this.linkLayer?.selectAll('*').remove();
    this.nodeLayer?.selectAll('*').remove();
    this.linkSel = null;
    this.nodeSel = null;
    this.elementById.clear();
    this.cancelTargets();
    for (const node of this.graphNodes) node.drawn = undefined;
    for (const link of this.graphLinks) link.drawn = undefined;
    const canvasDrag = this.canvasDrag;
    if (wanted === 'canvas') {
      if (canvasDrag) this.svg?.call(canvasDrag);
      // The SVG stays on top for the pointer and focus; the canvas below shows through.
      this.svg?.select('.rmg-background').attr('fill', 'transparent');
    } else {
      this.svg?.on('.drag', null);
      this.svg?.select('.rmg-background').attr('fill', '#ffffff');
      this.cancelPaint();
      this.cancelSharpening();
      this.paintCanvas?.remove();
      this.paintCanvas = null;
      this.context2d = null;
      this.focusedId = null;
    }
  }

  /** The canvas under the SVG and its 2D context; false where the browser cannot draw (jsdom). */
  private ensureCanvas(): boolean {
    if (this.context2d) return true;
    const host = this.canvas;
    const svgElement = this.svg?.node();
    if (!host || !svgElement || typeof CanvasRenderingContext2D !== 'function') return false;
    const element = document.createElement('canvas');
    const context = element.getContext('2d');
    if (!context) return false;
    element.className = 'rmg-paint';
    element.setAttribute('aria-hidden', 'true');
    host.insertBefore(element, svgElement);
    this.paintCanvas = element;
    this.context2d = context;
    this.fontResolved = false;
    return true;
  }

  private renderLinks(): void {
    if (!this.linkLayer) return;
    this.linkSel = this.linkLayer
      .selectAll<SVGLineElement, GraphLink>('line.rmg-link')
      // Canvas mode paints the links: no line elements.
      .data(this.mode === 'svg' ? this.graphLinks : [], (l) => l.id)
      .join('line')
      .attr('class', 'rmg-link')
      .attr('data-id', (l) => l.id)
      .attr('data-type', (l) => l.type)
      .attr('stroke', (l) => LINK_STYLES[l.type].color)
      .attr('stroke-dasharray', (l) => LINK_STYLES[l.type].dash || null)
      .attr('stroke-linecap', 'round')
      .attr('marker-end', (l) => (l.arrow ? `url(#${this.markerId(l.type)})` : null));
  }

  private renderNodes(): void {
    if (this.mode === 'canvas') {
      this.renderFocusTargets();
      return;
    }
    if (!this.nodeLayer || !this.dragBehavior) return;
    const joined = this.nodeLayer.selectAll<SVGGElement, GraphNode>('g.rmg-node').data(this.graphNodes, (d) => d.id);
    joined.exit().remove();
    // Each new node is a copy of one template: one DOM insertion per person instead of nine.
    const template = (this.nodeTemplate ??= nodeTemplate());
    const entered = joined.enter().append(() => template.cloneNode(true) as SVGGElement);
    // A new element has no transform yet, whatever was drawn for this person before.
    entered.each((d) => (d.drawn = undefined));
    entered
      .on('click', (event: MouseEvent, d: GraphNode) => this.onNodeClick(event, d))
      .on('keydown', (event: KeyboardEvent, d: GraphNode) => this.onNodeKeydown(event, d))
      .on('focus', (_event: FocusEvent, d: GraphNode) => this.setRoving(d.id))
      .on('mouseenter', (_event: MouseEvent, d: GraphNode) => this.onHover(d.id))
      .on('mouseleave', (_event: MouseEvent, d: GraphNode) => {
        if (this.hoverId === d.id) this.onHover(null);
      })
      .call(this.dragBehavior);

    const nodes: NodeSelection = entered.merge(joined);
    nodes.sort((a, b) => a.order - b.order);
    nodes.attr('data-id', (d) => d.id).attr('aria-label', (d) => d.label);
    nodes.select('title').text((d) => d.label);
    nodes.select('.rmg-search-halo').attr('d', (d) => shapePath(d.shape, d.radius + 8));
    nodes.select('.rmg-select-ring').attr('d', (d) => shapePath(d.shape, d.radius + ringGap(d) + 4));
    nodes.select('.rmg-focus-ring').attr('d', (d) => shapePath(d.shape, d.radius + ringGap(d) + 8));
    nodes
      .selectAll<SVGPathElement, number>('path.rmg-dm-ring')
      .data((d) => (d.person.isDecisionMaker ? [d.radius + 3, d.radius + 6] : []))
      .join((enter) => enter.insert('path', '.rmg-shape').attr('class', 'rmg-dm-ring'))
      .attr('fill', 'none')
      .attr('stroke', NODE_OUTLINE)
      .attr('stroke-width', 1.5);
    nodes.each((d, i, groups) => {
      select(groups[i])
        .selectAll<SVGPathElement, number>('path.rmg-dm-ring')
        .attr('d', (r) => shapePath(d.shape, r));
    });
    nodes
      .select('.rmg-shape')
      .attr('d', (d) => shapePath(d.shape, d.radius))
      .attr('fill', (d) => STANCE_STYLES[stanceOf(d.person.stance)].color)
      .attr('stroke', (d) => (d.person.side === 'Our Company' ? OUR_COLOR : NODE_OUTLINE))
      .attr('stroke-dasharray', (d) => (d.person.isVacant ? '4 3' : null));
    nodes
      .select('.rmg-letter')
      .attr('data-letter', (d) => STANCE_STYLES[stanceOf(d.person.stance)].letter)
      .attr('d', (d) => letterPath(STANCE_STYLES[stanceOf(d.person.stance)].letter, letterSize(d.radius)))
      .attr('stroke-width', (d) => round2(letterSize(d.radius) * LETTER_WEIGHT))
      .attr('stroke', (d) => STANCE_STYLES[stanceOf(d.person.stance)].textColor);
    nodes
      .select('.rmg-label')
      .attr('y', (d) => boundaryDistance(d.shape, d.radius + ringGap(d), 0, 1) + 14)
      .attr('font-style', (d) => (d.person.isVacant ? 'italic' : null))
      .text((d) => displayName(d.person));
    this.renderBadges(nodes);
    this.adoptNodes(nodes);
  }

  /**
   * Canvas mode: one element per person, drawn nowhere, for keyboard focus and screen readers
   * (role, name, tab stop, current) — the canvas draws the person and, on focus, the focus ring.
   * Thousands of elements are made a few hundred per frame after the first paint, so that the
   * map shows (and the page answers) first; one listener on their layer serves them all.
   */
  private renderFocusTargets(): void {
    const layer = this.nodeLayer;
    if (!layer) return;
    for (const [id, element] of this.elementById) {
      const node = this.nodeById.get(id);
      if (node) element.setAttribute('aria-label', node.label);
      else {
        element.remove();
        this.elementById.delete(id);
      }
    }
    if (!this.targetsListening) {
      this.targetsListening = true;
      const nodeOf = (event: Event): GraphNode | null => {
        const element = (event.target as Element | null)?.closest?.('g.rmg-node');
        return this.mode === 'canvas' && element
          ? (this.nodeById.get(element.getAttribute('data-id') ?? '') ?? null)
          : null;
      };
      layer.on('keydown.targets', (event: KeyboardEvent) => {
        const d = nodeOf(event);
        if (d) this.onNodeKeydown(event, d);
      });
      layer.on('focusin.targets', (event: FocusEvent) => {
        const d = nodeOf(event);
        if (!d) return;
        this.setRoving(d.id);
        this.focusedId = d.id;
        this.requestPaint();
      });
      layer.on('focusout.targets', (event: FocusEvent) => {
        const d = nodeOf(event);
        if (d && this.focusedId === d.id) this.focusedId = null;
        this.requestPaint();
      });
    }
    // Made in name order, the order adoptTargets sorts them into: then that sort moves no element
    // (moving thousands at once restyles them all in one long task).
    this.targetQueue = this.graphNodes.filter((n) => !this.elementById.has(n.id)).sort((a, b) => a.order - b.order);
    this.makeTargets();
    this.requestPaint();
  }

  /** A few focus targets are made at once; many, a batch per frame from the next frame on. */
  private makeTargets(): void {
    this.cancelTargetFrame();
    const layer = this.nodeLayer?.node();
    if (!layer) return;
    if (this.targetQueue.length > TARGETS_PER_FRAME / 2) {
      this.targetHandle = frameScheduler().requestFrame(this.makeTargetsInFrame);
      return;
    }
    for (const node of this.targetQueue.splice(0)) this.makeTarget(layer, node);
    this.adoptTargets();
  }

  private readonly makeTargetsInFrame = (): void => {
    this.targetHandle = null;
    const layer = this.nodeLayer?.node();
    if (!layer || this.mode !== 'canvas') return;
    for (const node of this.targetQueue.splice(0, TARGETS_PER_FRAME)) this.makeTarget(layer, node);
    if (this.targetQueue.length > 0) this.targetHandle = frameScheduler().requestFrame(this.makeTargetsInFrame);
    else this.adoptTargets();
  };

  private makeTarget(layer: SVGGElement, node: GraphNode): void {
    const element = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    element.setAttribute('class', 'rmg-node');
    element.setAttribute('role', 'button');
    element.setAttribute('tabindex', '-1');
    element.setAttribute('data-id', node.id);
    element.setAttribute('aria-label', node.label);
    layer.appendChild(element);
    this.elementById.set(node.id, element);
  }

  /** All focus targets exist: in name order, bound to their people, tab stop and states applied. */
  private adoptTargets(): void {
    if (!this.nodeLayer) return;
    const nodes: NodeSelection = this.nodeLayer
      .selectAll<SVGGElement, GraphNode>('g.rmg-node')
      // Bound by id: elements made one by one carry it in data-id.
      .data<GraphNode>(this.graphNodes, function (this: unknown, d: GraphNode) {
        const datum = d as GraphNode | undefined;
        return datum ? datum.id : ((this as SVGGElement).getAttribute('data-id') ?? '');
      });
    nodes.sort((a, b) => a.order - b.order);
    this.adoptNodes(nodes);
    this.applyStates();
    if (this.loop && !this.loop.running) this.placeNodeElements();
  }

  private cancelTargets(): void {
    this.cancelTargetFrame();
    this.targetQueue = [];
  }

  private cancelTargetFrame(): void {
    if (this.targetHandle !== null) frameScheduler().cancelFrame(this.targetHandle);
    this.targetHandle = null;
  }

  /** The node elements as drawn: lookup by id, the roving tab stop, the map's description. */
  private adoptNodes(nodes: NodeSelection): void {
    this.nodeSel = nodes;
    this.elementById.clear();
    nodes.each((d, i, groups) => this.elementById.set(d.id, groups[i]));
    if (this.rovingId === null || !this.nodeById.has(this.rovingId)) {
      this.rovingId =
        this._selectedId !== null && this.nodeById.has(this._selectedId)
          ? this._selectedId
          : (this.graphNodes.find((n) => n.order === 0)?.id ?? null);
    }
    this.svg
      ?.select('desc')
      .text(
        `${this.graphNodes.length} people and ${this.graphLinks.length} links. Arrow keys move between people, ` +
          'Enter or Space selects, Escape clears the selection, plus and minus zoom, 0 fits the map.'
      );
  }

  /** Badges: star for the primary contact, warning for a coverage gap, clock for stale. */
  private renderBadges(nodes: NodeSelection): void {
    const badges = nodes
      .select<SVGGElement>('.rmg-badges')
      .selectAll<SVGGElement, Badge>('g.rmg-badge')
      .data(badgesOf, (b) => b.kind)
      .join((enter) => {
        const g = enter.append('g').attr('class', (b) => `rmg-badge rmg-badge-${b.kind}`);
        g.filter((b) => b.kind === 'primary')
          .append('path')
          .attr('d', starPath(6.5))
          .attr('fill', '#F4BC25')
          .attr('stroke', NODE_OUTLINE)
          .attr('stroke-width', 1);
        const gap = g.filter((b) => b.kind === 'coverage-gap');
        gap.append('path').attr('d', trianglePath(6)).attr('fill', '#BA0517').attr('stroke', '#ffffff');
        gap
          .append('text')
          .attr('text-anchor', 'middle')
          .attr('y', 3.5)
          .attr('font-size', 8)
          .attr('font-weight', 700)
          .attr('fill', '#ffffff')
          .text('!');
        const stale = g.filter((b) => b.kind === 'stale');
        stale.append('circle').attr('r', 5.5).attr('fill', '#ffffff').attr('stroke', NODE_OUTLINE);
        stale
          .append('path')
          .attr('d', 'M0,-3.5V0H2.8')
          .attr('fill', 'none')
          .attr('stroke', NODE_OUTLINE)
          .attr('stroke-width', 1.2);
        return g;
      });
    badges.attr('transform', (b) => `translate(${round2(b.x)},${round2(b.y)})`);
  }

  /** Opacity, rings and emphasis from selection, warm path, hover and search; and tab stops. */
  private applyStates(): void {
    const nodes = this.nodeSel;
    const links = this.linkSel;
    if (!nodes || !links) return;
    const selected = this._selectedId;
    const hover = this.hoverId !== null && this.nodeById.has(this.hoverId) ? this.hoverId : null;
    const hoverSet = hover ? new Set([hover, ...(this.neighbours.get(hover) ?? [])]) : null;
    const pathSet = new Set(this._highlightIds.filter((id) => this.nodeById.has(id)));
    const pathLinks = new Set(this._highlightLinkIds);
    const term = normalizeForSearch(this._searchTerm.trim());
    const matches = new Set(term ? this.graphNodes.filter((n) => nameMatches(n.person, term)).map((n) => n.id) : []);

    const nodeOpacity = (d: GraphNode): number => {
      if (hoverSet) return hoverSet.has(d.id) ? 1 : FADED_NODE;
      if (pathSet.size > 0) return pathSet.has(d.id) ? 1 : FADED_NODE;
      if (matches.size > 0) return matches.has(d.id) ? 1 : 0.35;
      return 1;
    };
    const onPath = (l: GraphLink): boolean =>
      (pathLinks.size > 0 && pathLinks.has(l.id)) ||
      (pathLinks.size === 0 && pathSet.has(l.source.id) && pathSet.has(l.target.id));
    const linkOpacity = (l: GraphLink): number => {
      if (hoverSet) return l.source.id === hover || l.target.id === hover ? 1 : FADED_LINK;
      if (pathSet.size > 0 || pathLinks.size > 0) return onPath(l) ? 1 : FADED_LINK;
      if (matches.size > 0) return 0.35;
      return LINK_OPACITY;
    };
    const highlighted = (l: GraphLink): boolean => (pathSet.size > 0 || pathLinks.size > 0) && onPath(l);
    const emphasised = (d: GraphNode): boolean =>
      d.id === selected || matches.has(d.id) || pathSet.has(d.id) || d.id === hover;

    if (this.mode === 'canvas') {
      // Only the elements whose state changes are touched: setting an attribute on each of
      // thousands of elements, even to its old value, makes the browser restyle them all.
      nodes.each((d, i, groups) => {
        const element = groups[i];
        setIfChanged(element, 'tabindex', d.id === this.rovingId ? '0' : '-1');
        setIfChanged(element, 'aria-current', d.id === selected ? 'true' : null);
      });
      this.paintStates = {
        nodeOpacity: (d) => nodeOpacity(d as GraphNode),
        linkOpacity: (l) => linkOpacity(l as GraphLink),
        highlighted: (l) => highlighted(l as GraphLink),
        emphasised: (d) => emphasised(d as GraphNode),
        matches,
        selectedId: selected,
        focusedId: null,
        compact: false,
      };
      this.requestPaint();
      return;
    }
    nodes
      .attr('opacity', nodeOpacity)
      .attr('tabindex', (d) => (d.id === this.rovingId ? 0 : -1))
      .attr('aria-current', (d) => (d.id === selected ? 'true' : null))
      .classed('rmg-selected', (d) => d.id === selected)
      .classed('rmg-match', (d) => matches.has(d.id))
      .classed('rmg-faded', (d) => nodeOpacity(d) < 1)
      .classed('rmg-emph', emphasised);
    // display="none" rather than visibility: hidden rings then cost no style or layout at all.
    nodes.select('.rmg-select-ring').attr('display', (d) => (d.id === selected ? null : 'none'));
    nodes.select('.rmg-search-halo').attr('display', (d) => (matches.has(d.id) ? null : 'none'));
    nodes.select('.rmg-label').attr('font-weight', (d) => (emphasised(d) ? 700 : 400));
    // Links are translucent by stroke-opacity: an `opacity` on each of thousands of lines makes the
    // browser composite each one on its own (measured: 3× the frame time at 2,000 people). Group
    // opacity is left for the faded states, where arrowheads must fade with their lines.
    links
      .attr('stroke-opacity', (l) => (linkOpacity(l) === LINK_OPACITY ? LINK_OPACITY : null))
      .attr('opacity', (l) => (linkOpacity(l) < LINK_OPACITY ? linkOpacity(l) : null))
      .attr('stroke-width', (l) => (highlighted(l) ? l.width + 2 : l.width))
      .classed('rmg-highlighted', highlighted)
      .classed('rmg-faded', (l) => linkOpacity(l) < LINK_OPACITY);
  }

  /**
   * Writes current positions: node transforms and link end points, to a tenth of a pixel, and
   * only where they changed (attribute writes are most of a frame's cost at 1,000 people). Links
   * are <line>s, not <path>s: Chrome maps a path's `d` to a CSS property, so every `d` write
   * restyles the element, while x1/y1/x2/y2 are plain geometry (measured: ~5× cheaper per link).
   */
  /** Writes current positions (canvas mode: paints; a draft while the layout is still moving). */
  private redraw(moving = false): void {
    if (this.mode === 'canvas') {
      this.paint(moving);
      return;
    }
    this.placeNodeElements();
    this.linkSel?.each((l, i, groups) => {
      const [x1, y1, x2, y2] = linkEnds(l);
      const key = `${x1},${y1},${x2},${y2}`;
      if (key !== l.drawn) {
        l.drawn = key;
        const line = groups[i];
        line.setAttribute('x1', String(x1));
        line.setAttribute('y1', String(y1));
        line.setAttribute('x2', String(x2));
        line.setAttribute('y2', String(y2));
      }
    });
  }

  /**
   * Moves node elements to their people. Canvas mode does it only once the layout rests (and
   * after a drag): its elements are focus targets, placed so that a screen reader's highlight
   * lands on the person.
   */
  private placeNodeElements(): void {
    this.nodeSel?.each((d, i, groups) => {
      const transform = `translate(${round1(d.x ?? 0)},${round1(d.y ?? 0)})`;
      if (transform !== d.drawn) {
        d.drawn = transform;
        groups[i].setAttribute('transform', transform);
      }
    });
  }

  /** Canvas mode: paints in the next frame (zoom, hover, selection), once however often asked. */
  private requestPaint(): void {
    // While the layout runs, its own frames repaint (a second paint in one frame would double it).
    if (this.mode !== 'canvas' || this.paintHandle !== null || !this.built || this.loop?.running) return;
    this.paintHandle = frameScheduler().requestFrame(() => {
      this.paintHandle = null;
      this.paint(this.loop?.running === true);
    });
  }

  private cancelPaint(): void {
    if (this.paintHandle !== null) frameScheduler().cancelFrame(this.paintHandle);
    this.paintHandle = null;
  }

  /**
   * Canvas mode: paints everyone at their current place, in the current view and states. While
   * the layout moves, a draft at half resolution (a quarter of the pixels to rasterise); sharp
   * again the frame it comes to rest.
   */
  private paint(draft = false): void {
    this.cancelPaint();
    this.cancelSharpening();
    const context = this.context2d;
    const element = this.paintCanvas;
    if (this.mode !== 'canvas' || !context || !element || !this.paintStates) return;
    if (!this.fontResolved) {
      const svgElement = this.svg?.node();
      if (svgElement) this.fontFamily = getComputedStyle(svgElement).fontFamily || this.fontFamily;
      this.fontResolved = true;
    }
    // A large map's sharp picture costs more than a frame can take: a draft now, sharpened in
    // bands over the next frames.
    const banded = !draft && this.graphNodes.length >= BANDED_FROM_PEOPLE;
    const ratio = this.pixelRatio(draft || banded);
    const { width, height } = this.viewportSize();
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (element.width !== pixelWidth || element.height !== pixelHeight) {
      element.width = pixelWidth;
      element.height = pixelHeight;
    }
    this.paintBand(context, ratio, 0, pixelHeight, draft || banded ? this.draftStamps : this.stamps);
    if (banded) this.startSharpening();
  }

  private pixelRatio(draft: boolean): number {
    return Math.min(MAX_PIXEL_RATIO, Math.max(1, window.devicePixelRatio || 1)) * (draft ? DRAFT_RATIO : 1);
  }

  /** Paints the rows [top, bottom) (device pixels) of the picture at `ratio` onto `context`. */
  private paintBand(
    context: CanvasRenderingContext2D,
    ratio: number,
    top: number,
    bottom: number,
    stamps: StampCache
  ): void {
    const states = this.paintStates;
    if (!states) return;
    const { width } = this.viewportSize();
    const t = this.transform;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.save();
    context.beginPath();
    context.rect(0, top, Math.round(width * ratio), bottom - top);
    context.clip();
    context.globalAlpha = 1;
    context.fillStyle = '#ffffff';
    context.fillRect(0, top, Math.round(width * ratio), bottom - top);
    context.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
    paintMap(
      canvasSurface(context, this.fontFamily, stamps),
      this.graphNodes,
      this.graphLinks,
      { ...states, focusedId: this.focusedId, compact: t.k < COMPACT_SCALE },
      // The view, as far as culling goes, is the band.
      { width, height: (bottom - top) / ratio, tx: t.x, ty: t.y - top / ratio, k: t.k },
      true
    );
    context.restore();
  }

  /** Paints the sharp picture off screen, a band per frame, then shows it at once. */
  private startSharpening(): void {
    this.cancelSharpening();
    const { width, height } = this.viewportSize();
    const ratio = this.pixelRatio(false);
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    const offscreen = (this.sharpCanvas ??= document.createElement('canvas'));
    offscreen.width = pixelWidth;
    offscreen.height = pixelHeight;
    const offscreenContext = offscreen.getContext('2d');
    if (!offscreenContext) return;
    const bandHeight = Math.ceil(pixelHeight / SHARPEN_BANDS);
    let top = 0;
    const step = (): void => {
      this.sharpenHandle = null;
      const element = this.paintCanvas;
      const context = this.context2d;
      if (this.mode !== 'canvas' || !element || !context) return;
      const bottom = Math.min(pixelHeight, top + bandHeight);
      this.paintBand(offscreenContext, ratio, top, bottom, this.stamps);
      // Rasterise this band now, in its own frame, rather than all bands at the final copy.
      offscreenContext.getImageData(0, top, 1, 1);
      top = bottom;
      if (top < pixelHeight) {
        this.sharpenHandle = frameScheduler().requestFrame(step);
        return;
      }
      element.width = pixelWidth;
      element.height = pixelHeight;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.drawImage(offscreen, 0, 0);
    };
    this.sharpenHandle = frameScheduler().requestFrame(step);
  }

  private cancelSharpening(): void {
    if (this.sharpenHandle !== null) frameScheduler().cancelFrame(this.sharpenHandle);
    this.sharpenHandle = null;
  }

  /** Canvas mode's export: the same picture as SVG elements, in the copy's viewport. */
  private paintInto(copy: SVGSVGElement): void {
    const viewport = copy.querySelector<SVGGElement>('.rmg-viewport');
    const states = this.paintStates;
    if (!viewport || !states) return;
    copy.querySelector('.rmg-background')?.setAttribute('fill', '#ffffff');
    while (viewport.firstChild) viewport.removeChild(viewport.firstChild);
    const t = this.transform;
    const { width, height } = this.viewportSize();
    paintMap(
      svgSurface(viewport),
      this.graphNodes,
      this.graphLinks,
      { ...states, focusedId: null, compact: t.k < COMPACT_SCALE },
      { width, height, tx: t.x, ty: t.y, k: t.k },
      false
    );
  }

  /** Canvas mode: the person drawn under the pointer of `event`, if any. */
  private nodeUnder(event: MouseEvent | TouchEvent): GraphNode | null {
    const viewport = this.viewport?.node();
    if (!viewport) return null;
    const source = 'touches' in event ? (event.touches[0] ?? event.changedTouches[0]) : event;
    if (!source) return null;
    const [x, y] = pointer(source, viewport);
    return nodeAt(this.graphNodes, x, y);
  }

  private onFrame(settled: boolean): void {
    // Follow the layout with the view until someone zooms, pans or drags (before drawing, so
    // that a canvas paints each frame once, in the new view).
    if (this.autoFit) this.follow(settled);
    this.redraw(!settled);
    if (settled && this.mode === 'canvas') this.placeNodeElements();
  }

  /**
   * Keeps everyone in view while the layout moves, in steps: a new zoom every frame would redraw
   * every label at a new size each frame. The view moves when it is 5% off, and fits exactly once
   * the layout is at rest.
   */
  private follow(settled: boolean): void {
    const { width, height } = this.viewportSize();
    const box = this.boundingBox();
    if (!box) return;
    const target = fitTransform(box, width, height, FIT_PADDING, 1, MIN_SCALE);
    const current = this.transform;
    const off =
      Math.abs(target.k / current.k - 1) > 0.05 ||
      Math.abs(target.x - current.x) > 0.05 * width ||
      Math.abs(target.y - current.y) > 0.05 * height;
    if (settled || off) this.setTransform(target.x, target.y, target.k);
  }

  // ----- zoom --------------------------------------------------------------------------------

  /**
   * Size of the drawing area, cached: reading clientWidth after a redraw would force a layout of
   * the whole SVG in every frame. A ResizeObserver keeps the cache current; without one, the size
   * is measured on first use and again on fitToView().
   */
  private viewportSize(): { width: number; height: number } {
    this.size ??= this.measure();
    return this.size;
  }

  private measure(): { width: number; height: number } {
    return sizeOr(this.canvas?.clientWidth ?? 0, this.canvas?.clientHeight ?? 0);
  }

  private observeSize(canvas: HTMLElement): void {
    if (typeof ResizeObserver !== 'function') return;
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      this.size = sizeOr(box.width, box.height);
      if (this.autoFit) this.fit(1);
      this.requestPaint();
    });
    this.resizeObserver.observe(canvas);
  }

  private onZoom(event: D3ZoomEvent<SVGSVGElement, unknown>): void {
    this.transform = event.transform;
    this.viewport?.attr('transform', event.transform.toString());
    this.svg?.classed('rmg-compact', event.transform.k < COMPACT_SCALE);
    this.requestPaint();
    // A person zoomed or panned: stop following the layout with the view.
    if (event.sourceEvent) this.autoFit = false;
  }

  private setTransform(x: number, y: number, k: number): void {
    const behavior = this.zoomBehavior;
    if (!this.svg || !behavior) return;
    this.svg.call((svg) => behavior.transform(svg, zoomIdentity.translate(x, y).scale(k)));
  }

  /** Everyone in view, zoomed in no further than maxScale. */
  private fit(maxScale: number): void {
    const { width, height } = this.viewportSize();
    const box = this.boundingBox();
    if (!box) {
      this.setTransform(width / 2, height / 2, 1);
      return;
    }
    const t = fitTransform(box, width, height, FIT_PADDING, maxScale, MIN_SCALE);
    this.setTransform(t.x, t.y, t.k);
  }

  /** Bounding box of every node with its rings and name label. */
  private boundingBox(): Box | null {
    if (this.graphNodes.length === 0) return null;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of this.graphNodes) {
      const x = n.x ?? 0;
      const y = n.y ?? 0;
      const reach = shapeExtent(n.shape, n.radius) + ringGap(n) + 8;
      const labelHalf = Math.min(90, displayName(n.person).length * 3.3);
      x0 = Math.min(x0, x - Math.max(reach, labelHalf));
      x1 = Math.max(x1, x + Math.max(reach, labelHalf));
      y0 = Math.min(y0, y - reach);
      y1 = Math.max(y1, y + reach + 16);
    }
    return { x0, y0, x1, y1 };
  }

  private zoomBy(factor: number): void {
    const behavior = this.zoomBehavior;
    if (!this.svg || !behavior) return;
    this.autoFit = false;
    this.svg.call((svg) => behavior.scaleBy(svg, factor));
  }

  private centerOn(node: GraphNode): void {
    const { width, height } = this.viewportSize();
    const k = this.transform.k;
    this.autoFit = false;
    this.setTransform(width / 2 - k * (node.x ?? 0), height / 2 - k * (node.y ?? 0), k);
  }

  /** Pans just enough that a node (focused by keyboard) is inside the view. */
  private ensureVisible(node: GraphNode): void {
    const { width, height } = this.viewportSize();
    const t = this.transform;
    const [sx, sy] = t.apply([node.x ?? 0, node.y ?? 0]);
    const margin = Math.min(80, width / 4, height / 4);
    const dx = sx < margin ? margin - sx : sx > width - margin ? width - margin - sx : 0;
    const dy = sy < margin ? margin - sy : sy > height - margin ? height - margin - sy : 0;
    if (dx !== 0 || dy !== 0) {
      this.autoFit = false;
      this.setTransform(t.x + dx, t.y + dy, t.k);
    }
  }

  // ----- interaction -------------------------------------------------------------------------

  private onNodeClick(event: MouseEvent, d: GraphNode): void {
    event.stopPropagation();
    this.setRoving(d.id);
    this.choose(d.id);
  }

  private onNodeKeydown(event: KeyboardEvent, d: GraphNode): void {
    const directions: Record<string, Direction> = {
      ArrowLeft: 'left',
      ArrowRight: 'right',
      ArrowUp: 'up',
      ArrowDown: 'down',
    };
    const direction = directions[event.key];
    if (direction) {
      event.preventDefault();
      this.moveFocus(d, direction);
      return;
    }
    switch (event.key) {
      case 'Enter':
      case ' ':
      case 'Spacebar':
        event.preventDefault();
        this.choose(d.id);
        break;
      case 'Escape':
        if (this._selectedId !== null) {
          event.preventDefault();
          this.choose(null);
        }
        break;
      case 'Home':
      case 'End': {
        event.preventDefault();
        const target = this.graphNodes.find((n) => n.order === (event.key === 'Home' ? 0 : this.graphNodes.length - 1));
        if (target) this.focusNode(target.id, true);
        break;
      }
      case '+':
      case '=':
        event.preventDefault();
        this.zoomBy(1.25);
        break;
      case '-':
      case '_':
        event.preventDefault();
        this.zoomBy(0.8);
        break;
      case '0':
        event.preventDefault();
        this.fitToView();
        break;
      default:
    }
  }

  /** Arrow keys: nearest linked person that way, else anyone that way, else next/previous by name. */
  private moveFocus(from: GraphNode, direction: Direction): void {
    const place = (n: GraphNode) => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0 });
    const origin = place(from);
    const linked = [...(this.neighbours.get(from.id) ?? [])]
      .map((id) => this.nodeById.get(id))
      .filter((n): n is GraphNode => n !== undefined)
      .map(place);
    let targetId =
      nearestInDirection(origin, linked, direction) ??
      nearestInDirection(origin, this.graphNodes.map(place), direction);
    if (targetId === null) {
      const step = direction === 'right' || direction === 'down' ? 1 : -1;
      targetId = this.graphNodes.find((n) => n.order === from.order + step)?.id ?? null;
    }
    if (targetId !== null) this.focusNode(targetId, true);
  }

  private focusNode(id: string, reveal = false): void {
    const node = this.nodeById.get(id);
    const element = this.elementById.get(id);
    if (!node || !element) return;
    this.setRoving(id);
    if (reveal) this.ensureVisible(node);
    element.focus();
  }

  /** One tab stop in the map: the focused, else selected, else first person. */
  private setRoving(id: string): void {
    if (this.rovingId === id) return;
    const previous = this.rovingId === null ? undefined : this.elementById.get(this.rovingId);
    previous?.setAttribute('tabindex', '-1');
    this.rovingId = id;
    this.elementById.get(id)?.setAttribute('tabindex', '0');
  }

  private choose(id: string | null): void {
    this.setSelected(id);
    this.dispatchEvent(new CustomEvent<SelectDetail>('select', { detail: { personId: id } }));
  }

  private setSelected(id: string | null): void {
    if (id === this._selectedId) return;
    this._selectedId = id;
    const node = id === null ? undefined : this.nodeById.get(id);
    if (node) this.setRoving(node.id);
    const person = node?.person ?? (id === null ? undefined : this._people.find((p) => p?.id === id));
    if (id === null) this.announcement = 'Selection cleared.';
    else this.announcement = person ? `Selected: ${node?.label ?? personLabel(person)}.` : '';
    this.requestUpdate('states');
  }

  private onHover(id: string | null): void {
    if (this.drag || this.hoverId === id) return;
    this.hoverId = id;
    this.applyStates();
    this.dispatchEvent(new CustomEvent<HoverDetail>('hover', { detail: { personId: id } }));
  }

  private onDragStart(event: NodeDragEvent, d: GraphNode): void {
    this.drag = { id: d.id, x: event.x, y: event.y, moved: false };
  }

  private onDragMove(event: NodeDragEvent, d: GraphNode): void {
    const state = this.drag;
    if (!state || state.id !== d.id) return;
    if (!state.moved) {
      const screenDistance = Math.hypot(event.x - state.x, event.y - state.y) * this.transform.k;
      if (screenDistance <= DRAG_THRESHOLD) return;
      state.moved = true;
      this.autoFit = false;
      this.simulation?.alphaTarget(0.3);
      this.reheat(LAYOUT_RUNS.released);
    }
    d.fx = d.x = event.x;
    d.fy = d.y = event.y;
    this.loop?.start();
  }

  private onDragEnd(_event: NodeDragEvent, d: GraphNode): void {
    const state = this.drag;
    this.drag = null;
    if (!state || state.id !== d.id || !state.moved) return;
    this.simulation?.alphaTarget(0);
    this.loop?.start();
    this.redraw();
    const x = round2(d.fx ?? d.x ?? 0);
    const y = round2(d.fy ?? d.y ?? 0);
    this.dispatchEvent(new CustomEvent<PinDetail>('pin', { detail: { positions: [{ id: d.id, x, y }] } }));
  }
}

/** Sets (or with null removes) an attribute only when its value differs. */
function setIfChanged(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * What every SVG node is made of, filled in per person afterwards: title, search halo, selection
 * and focus rings, shape, stance letter, badges, name label.
 */
function nodeTemplate(): SVGGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const make = (name: string, attributes: Record<string, string | number>): SVGElement => {
    const element = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    return element;
  };
  const g = make('g', { class: 'rmg-node', role: 'button' }) as SVGGElement;
  g.append(
    make('title', {}),
    make('path', { class: 'rmg-search-halo', fill: SEARCH_HALO_COLOR, stroke: 'none' }),
    make('path', { class: 'rmg-select-ring', fill: 'none', stroke: SELECTED_COLOR, 'stroke-width': 3 }),
    make('path', { class: 'rmg-focus-ring', fill: 'none', stroke: FOCUS_COLOR, 'stroke-width': 2, display: 'none' }),
    make('path', { class: 'rmg-shape', 'stroke-width': 1.5 }),
    // The stance letter as strokes, not text (see letterPath).
    make('path', {
      class: 'rmg-letter',
      fill: 'none',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
    }),
    make('g', { class: 'rmg-badges' }),
    make('text', {
      class: 'rmg-label',
      'text-anchor': 'middle',
      'font-size': 11,
      fill: LABEL_COLOR,
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    })
  );
  return g;
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

/** A measured size, or 800 × 600 while the graph is hidden (no layout, zero size). */
function sizeOr(width: number, height: number): { width: number; height: number } {
  return { width: width > 0 ? width : FALLBACK_WIDTH, height: height > 0 ? height : FALLBACK_HEIGHT };
}
