/**
 * The relationship map as an org chart: the customer's Reports To hierarchy as a tidy tree
 * (orgChartLayout.ts), our people in their own lane, influence and the other links drawn as curves
 * over it, branches folded and unfolded by a button under each manager. A person looks as in the
 * graph (c/relationshipMapLook), and selecting fires the graph's `select` event. Contract:
 * docs/map-component.md ("relationshipMapOrgChart").
 *
 * D3 writes only inside the `lwc:dom="manual"` element, and text only with `.text()` or
 * `textContent`, so a name can never become markup.
 */
import { LightningElement, api, unwrap } from 'lwc';
import { select, zoom, zoomIdentity } from 'c/d3';
import type { D3ZoomEvent, Selection, ZoomBehavior, ZoomTransform } from 'c/d3';
import type { InfluenceLink, LinkType, MapPerson } from 'c/relationshipGraph';
import { nameMatches } from 'c/relationshipMapFilters';
import { plural } from 'c/relationshipMapFormat';
import {
  BADGE_MARKS,
  FADED_LINK,
  FADED_NODE,
  LABEL,
  LETTER_WEIGHT,
  OUTLINE_WIDTH,
  RINGS,
  displayName,
  fitTransform,
  labelOf,
  letterPath,
  lookOf,
  round2,
  shapePath,
} from 'c/relationshipMapLook';
import type { BadgeMark } from 'c/relationshipMapLook';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import { COLUMN_WIDTH, layoutOrgChart, personToward } from './orgChartLayout';
import type { ChartDirection, ChartEdge, ChartNode, ChartOverlay, OrgChart } from './orgChartLayout';

/** Detail of the `select` event (the graph's). */
export interface SelectDetail {
  personId: string | null;
}

type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;
type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;

interface Layers {
  svg: SvgSelection;
  viewport: GroupSelection;
  lane: GroupSelection;
  edges: GroupSelection;
  overlays: GroupSelection;
  nodes: GroupSelection;
  toggles: GroupSelection;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ARROW_TYPES: readonly LinkType[] = (Object.keys(LINK_STYLES) as LinkType[]).filter((t) => LINK_STYLES[t].arrow);
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
/** Fit zooms a small chart in up to this much, so that a few people are drawn large. */
const FIT_MAX_SCALE = 1.6;
const FIT_PADDING = 24;
const FALLBACK_SIZE = { width: 800, height: 600 };
/** A name longer than this many characters is cut with an ellipsis (it would run into the next column). */
const NAME_CHARACTERS = Math.floor((COLUMN_WIDTH - 12) / (LABEL.size * 0.55));
const TOGGLE = { below: 14, height: 16, color: '#3E3E3C', fill: '#ffffff' } as const;
const LANE = { fill: '#F3F3F3', title: 'Our team', titleColor: '#444444' } as const;
/** Opacity of the links over the tree while nobody is selected (the graph's LINK_OPACITY is for links alone). */
const OVERLAY_OPACITY = 0.5;

const KEYS: Readonly<Record<string, ChartDirection | 'select' | 'clear' | 'first' | 'last' | 'in' | 'out' | 'fit'>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Enter: 'select',
  ' ': 'select',
  Escape: 'clear',
  Home: 'first',
  End: 'last',
  '+': 'in',
  '=': 'in',
  '-': 'out',
  _: 'out',
  '0': 'fit',
};

let instances = 0;

export default class RelationshipMapOrgChart extends LightningElement {
  /** What the live region says (selection and folding). */
  announcement = '';

  private _people: readonly MapPerson[] = [];
  private _links: readonly InfluenceLink[] = [];
  private _decisionInfluence: Record<string, number> = {};
  private _flags: Readonly<Record<string, readonly string[]>> = {};
  private _selectedId: string | null = null;
  private _highlightIds: readonly string[] = [];
  private _highlightLinkIds: readonly string[] = [];
  private _searchTerm = '';

  private readonly uid = `rmo${++instances}`;
  private layers: Layers | null = null;
  private behavior: ZoomBehavior<SVGSVGElement, unknown> | null = null;
  private transform: ZoomTransform = zoomIdentity;
  /** Whether the view fits the chart after each change (until someone zooms or pans). */
  private autoFit = true;
  private chart: OrgChart | null = null;
  private readonly collapsed = new Set<string>();
  private rovingId: string | null = null;
  private pending: 'layout' | 'states' | null = null;
  private queued = false;

  // ----- public properties -------------------------------------------------------------------

  /** People to draw (the container has applied filters and exclusions). */
  @api
  get people(): MapPerson[] {
    return this._people as MapPerson[];
  }
  set people(value: MapPerson[] | null | undefined) {
    this._people = Array.isArray(value) ? value : [];
    this.request('layout');
  }

  /** Links among the people: Reports To builds the tree, the others are drawn over it. */
  @api
  get links(): InfluenceLink[] {
    return this._links as InfluenceLink[];
  }
  set links(value: InfluenceLink[] | null | undefined) {
    this._links = Array.isArray(value) ? value : [];
    this.request('layout');
  }

  /** Person id → influence over the decision, 0..1 (size). */
  @api
  get decisionInfluence(): Record<string, number> {
    return this._decisionInfluence;
  }
  set decisionInfluence(value: Record<string, number> | null | undefined) {
    this._decisionInfluence = value ?? {};
    this.request('layout');
  }

  /** Person id → flags drawn as badges: 'coverage-gap', 'stale'. */
  @api
  get flags(): Record<string, string[]> {
    return this._flags as Record<string, string[]>;
  }
  set flags(value: Record<string, string[]> | null | undefined) {
    this._flags = value ?? {};
    this.request('layout');
  }

  /** The selected person (ring; the container opens the panel). Selecting someone folded away unfolds them. */
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
    this.request('states');
  }

  /** Links on the highlighted warm path. */
  @api
  get highlightLinkIds(): string[] {
    return this._highlightLinkIds as string[];
  }
  set highlightLinkIds(value: string[] | null | undefined) {
    this._highlightLinkIds = Array.isArray(value) ? value : [];
    this.request('states');
  }

  /** People whose name contains this (case and accents ignored) are emphasised. */
  @api
  get searchTerm(): string {
    return this._searchTerm;
  }
  set searchTerm(value: string | null | undefined) {
    this._searchTerm = typeof value === 'string' ? value : '';
    this.request('states');
  }

  // ----- public methods ----------------------------------------------------------------------

  /** Zooms and pans so that the whole chart is in view (small charts drawn large). */
  @api
  fitToView(): void {
    this.flush();
    this.autoFit = true;
    this.fit();
  }

  /** Unfolds whoever hides the person, pans them into the middle and moves keyboard focus to them. */
  @api
  focusPerson(id: string): void {
    this.flush();
    if (this.reveal(id)) this.update('layout');
    const node = this.chart?.nodeById.get(id);
    if (!node) return;
    this.centerOn(node);
    this.focusNode(node.id);
  }

  /** Unfolds every branch. */
  @api
  expandAll(): void {
    if (this.collapsed.size === 0) return;
    this.collapsed.clear();
    this.request('layout');
  }

  // ----- lifecycle ---------------------------------------------------------------------------

  renderedCallback(): void {
    if (!this.layers) this.build();
  }

  disconnectedCallback(): void {
    this.layers?.svg.on('.zoom', null).on('.orgchart', null);
    this.layers?.svg.remove();
    this.layers = null;
    this.behavior = null;
  }

  private build(): void {
    const host = this.template?.querySelector<HTMLElement>('.rmo-canvas');
    if (!host) return;
    const uid = this.uid;
    const svg = select(host)
      .append('svg')
      .attr('class', 'rmo-svg')
      .attr('role', 'group')
      .attr('aria-roledescription', 'org chart')
      .attr('aria-labelledby', `${uid}-title`)
      .attr('aria-describedby', `${uid}-desc`)
      .attr('width', '100%')
      .attr('height', '100%');
    svg.append('title').attr('id', `${uid}-title`).text('Org chart');
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
      .attr('class', 'rmo-background')
      .attr('width', '100%')
      .attr('height', '100%')
      .attr('fill', '#ffffff');
    const viewport = svg.append('g').attr('class', 'rmo-viewport');
    const layers: Layers = {
      svg,
      viewport,
      lane: viewport.append('g').attr('class', 'rmo-lane'),
      edges: viewport.append('g').attr('class', 'rmo-edges').attr('aria-hidden', 'true'),
      overlays: viewport.append('g').attr('class', 'rmo-overlays').attr('aria-hidden', 'true'),
      nodes: viewport.append('g').attr('class', 'rmo-nodes'),
      toggles: viewport.append('g').attr('class', 'rmo-toggles'),
    };
    this.layers = layers;
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      // The measured area (d3's default reads the SVG's own width and viewBox).
      .extent(() => {
        const { width, height } = this.viewSize();
        return [
          [0, 0],
          [width, height],
        ];
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        viewport.attr('transform', event.transform.toString());
        if (event.sourceEvent) this.autoFit = false;
      });
    svg.call(this.behavior);
    svg.on('click.orgchart', (event: MouseEvent) => this.onClick(event));
    svg.on('keydown.orgchart', (event: KeyboardEvent) => this.onKey(event));
    svg.on('focusin.orgchart', (event: FocusEvent) => {
      const id = personIdOf(event.target);
      if (id !== null) this.setRoving(id);
    });
    this.update('layout');
  }

  private markerId(type: LinkType): string {
    return `${this.uid}-arrow-${ARROW_TYPES.indexOf(type)}`;
  }

  // ----- updates -----------------------------------------------------------------------------

  /** Batches property changes made together into one update (a layout wins over states). */
  private request(kind: 'layout' | 'states'): void {
    if (this.pending !== 'layout') this.pending = kind;
    if (!this.layers || this.queued) return;
    this.queued = true;
    Promise.resolve()
      .then(() => {
        this.queued = false;
        this.flush();
      })
      .catch((error: unknown) => {
        // A failed update must not block later ones; report it where developers look.
        console.error(error);
      });
  }

  private flush(): void {
    const kind = this.pending;
    if (!this.layers || kind === null) return;
    this.update(kind);
  }

  private update(kind: 'layout' | 'states'): void {
    this.pending = null;
    if (kind === 'layout') {
      this.relayout();
      if (this.autoFit) this.fit();
    }
    this.applyStates();
  }

  /** People, links or folds changed: a new layout, drawn afresh. */
  private relayout(): void {
    const layers = this.layers;
    if (!layers) return;
    // The raw data: values passed to @api properties arrive behind LWC's read-only proxy.
    const chart = layoutOrgChart({
      people: unwrap(this._people) as readonly MapPerson[],
      links: unwrap(this._links) as readonly InfluenceLink[],
      decisionInfluence: unwrap(this._decisionInfluence) as Record<string, number>,
      flags: unwrap(this._flags) as Readonly<Record<string, readonly string[]>>,
      collapsed: this.collapsed,
    });
    this.chart = chart;
    this.drawLane(layers.lane, chart);
    layers.edges
      .selectAll<SVGPathElement, ChartEdge>('path.rmo-edge')
      .data(chart.edges, (e) => e.reportId)
      .join('path')
      .attr('class', 'rmo-edge')
      .attr('data-report', (e) => e.reportId)
      .attr('d', (e) => e.path)
      .attr('fill', 'none')
      .attr('stroke', LINK_STYLES['Reports To'].color)
      .attr('stroke-width', OUTLINE_WIDTH);
    layers.overlays
      .selectAll<SVGPathElement, ChartOverlay>('path.rmo-link')
      .data(chart.overlays, (o) => o.id)
      .join('path')
      .attr('class', 'rmo-link')
      .attr('data-id', (o) => o.id)
      .attr('data-type', (o) => o.type)
      .attr('d', (o) => o.path)
      .attr('fill', 'none')
      .attr('stroke', (o) => LINK_STYLES[o.type].color)
      .attr('stroke-dasharray', (o) => LINK_STYLES[o.type].dash || null)
      .attr('stroke-linecap', 'round')
      .attr('marker-end', (o) => (o.arrow ? `url(#${this.markerId(o.type)})` : null));
    layers.nodes
      .selectAll<SVGGElement, ChartNode>('g.rmo-node')
      .data(chart.nodes, (d) => d.id)
      .join((enter) => enter.append('g').attr('class', 'rmo-node').attr('role', 'button'))
      .order()
      .each((d, i, groups) => drawPerson(groups[i], d));
    const folders = chart.nodes.filter((d) => d.reportIds.length > 0);
    layers.toggles
      .selectAll<SVGGElement, ChartNode>('g.rmo-toggle')
      .data(folders, (d) => d.id)
      .join((enter) => enter.append('g').attr('class', 'rmo-toggle').attr('role', 'button'))
      .order()
      .each((d, i, groups) => drawToggle(groups[i], d, peopleBelow(chart, d)));
    if (this.rovingId === null || !chart.nodeById.has(this.rovingId)) {
      this.rovingId =
        this._selectedId !== null && chart.nodeById.has(this._selectedId)
          ? this._selectedId
          : (chart.nodes[0]?.id ?? null);
    }
    const rows = new Set(chart.nodes.map((n) => `${n.lane}${n.y}`)).size;
    layers.svg
      .select('desc')
      .text(
        `${chart.nodes.length} people in ${rows} rows, managers above their reports` +
          (chart.ourLane ? ', our team in the bottom lane' : '') +
          '. Arrow keys: up to the manager, down to the first report, left and right along the row. ' +
          'Enter selects; the button under a manager hides or shows their reports.'
      );
  }

  private drawLane(layer: GroupSelection, chart: OrgChart): void {
    const box = chart.ourLane;
    layer
      .selectAll<SVGRectElement, unknown>('rect')
      .data(box ? [box] : [])
      .join('rect')
      .attr('x', (b) => b.x0)
      .attr('y', (b) => b.y0)
      .attr('width', (b) => b.x1 - b.x0)
      .attr('height', (b) => b.y1 - b.y0)
      .attr('rx', 8)
      .attr('fill', LANE.fill);
    layer
      .selectAll<SVGTextElement, unknown>('text')
      .data(box ? [box] : [])
      .join('text')
      .attr('x', (b) => b.x0 + 10)
      .attr('y', (b) => b.y0 + 18)
      .attr('font-size', LABEL.size + 1)
      .attr('font-weight', 700)
      .attr('fill', LANE.titleColor)
      .text(LANE.title);
  }

  /** Selection, warm path and search: rings, fading, bold names, tab stops. */
  private applyStates(): void {
    const layers = this.layers;
    const chart = this.chart;
    if (!layers || !chart) return;
    const selected = this._selectedId;
    const matches = new Set(
      this._searchTerm.trim()
        ? chart.nodes.filter((n) => nameMatches(n.person.name, this._searchTerm)).map((n) => n.id)
        : []
    );
    const path = new Set(this._highlightIds.filter((id) => chart.nodeById.has(id)));
    const pathLinks = new Set(this._highlightLinkIds);
    const onPath = (o: ChartOverlay): boolean => {
      if (pathLinks.size > 0) return pathLinks.has(o.id);
      return path.has(o.tailId) && path.has(o.headId);
    };
    const nodeOpacity = (d: ChartNode): number => {
      if (path.size > 0) return path.has(d.id) ? 1 : FADED_NODE;
      if (matches.size > 0) return matches.has(d.id) ? 1 : 0.35;
      return 1;
    };
    const emphasised = (d: ChartNode): boolean => d.id === selected || matches.has(d.id) || path.has(d.id);
    const nodes = layers.nodes.selectAll<SVGGElement, ChartNode>('g.rmo-node');
    nodes
      .attr('opacity', nodeOpacity)
      .attr('tabindex', (d) => (d.id === this.rovingId ? 0 : -1))
      .attr('aria-current', (d) => (d.id === selected ? 'true' : null))
      .classed('rmo-selected', (d) => d.id === selected)
      .classed('rmo-match', (d) => matches.has(d.id));
    nodes.select('.rmo-select-ring').attr('display', (d) => (d.id === selected ? null : 'none'));
    nodes.select('.rmo-search-halo').attr('display', (d) => (matches.has(d.id) ? null : 'none'));
    nodes.select('.rmo-label').attr('font-weight', (d) => (emphasised(d) ? LABEL.emphasisedWeight : LABEL.weight));
    layers.toggles
      .selectAll<SVGGElement, ChartNode>('g.rmo-toggle')
      .attr('tabindex', (d) => (d.id === this.rovingId ? 0 : -1))
      .attr('opacity', nodeOpacity);
    const fading = path.size > 0 || pathLinks.size > 0;
    // Over a tree the curves are a second layer: quieter until a person is selected, then theirs
    // stand out and the rest step back.
    const ofSelected = (o: ChartOverlay): boolean => o.tailId === selected || o.headId === selected;
    const selecting = selected !== null && chart.nodeById.has(selected);
    const overlayOpacity = (o: ChartOverlay): number => {
      if (fading) return onPath(o) ? 1 : FADED_LINK;
      if (matches.size > 0) return 0.35;
      if (selecting) return ofSelected(o) ? 1 : FADED_LINK;
      return OVERLAY_OPACITY;
    };
    const stands = (o: ChartOverlay): boolean => (fading ? onPath(o) : !matches.size && selecting && ofSelected(o));
    layers.overlays
      .selectAll<SVGPathElement, ChartOverlay>('path.rmo-link')
      .attr('opacity', overlayOpacity)
      .attr('stroke-width', (o) => (stands(o) ? o.width + 2 : o.width))
      .classed('rmo-highlighted', stands);
    layers.edges
      .selectAll<SVGPathElement, ChartEdge>('path.rmo-edge')
      .attr('opacity', (e) => (fading ? (path.has(e.managerId) && path.has(e.reportId) ? 1 : FADED_LINK) : 1));
  }

  // ----- view --------------------------------------------------------------------------------

  private viewSize(): { width: number; height: number } {
    const host = this.layers?.svg.node()?.parentElement;
    const width = host?.clientWidth ?? 0;
    const height = host?.clientHeight ?? 0;
    return width > 0 && height > 0 ? { width, height } : FALLBACK_SIZE;
  }

  private setTransform(x: number, y: number, k: number): void {
    const behavior = this.behavior;
    const svg = this.layers?.svg;
    if (!behavior || !svg) return;
    svg.call((s) => behavior.transform(s, zoomIdentity.translate(x, y).scale(k)));
  }

  private fit(): void {
    const { width, height } = this.viewSize();
    const box = this.chart?.box;
    if (!box) {
      this.setTransform(width / 2, height / 2, 1);
      return;
    }
    const t = fitTransform(box, width, height, FIT_PADDING, FIT_MAX_SCALE, MIN_SCALE);
    this.setTransform(t.x, t.y, t.k);
  }

  private centerOn(node: ChartNode): void {
    const { width, height } = this.viewSize();
    const k = this.transform.k;
    this.autoFit = false;
    this.setTransform(width / 2 - k * node.x, height / 2 - k * node.y, k);
  }

  /** Pans just enough that a person (focused by keyboard) is in view. */
  private ensureVisible(node: ChartNode): void {
    const { width, height } = this.viewSize();
    const t = this.transform;
    const [sx, sy] = t.apply([node.x, node.y]);
    const margin = Math.min(80, width / 4, height / 4);
    const dx = sx < margin ? margin - sx : sx > width - margin ? width - margin - sx : 0;
    const dy = sy < margin ? margin - sy : sy > height - margin ? height - margin - sy : 0;
    if (dx !== 0 || dy !== 0) {
      this.autoFit = false;
      this.setTransform(t.x + dx, t.y + dy, t.k);
    }
  }

  private zoomBy(factor: number): void {
    const behavior = this.behavior;
    const svg = this.layers?.svg;
    if (!behavior || !svg) return;
    this.autoFit = false;
    svg.call((s) => behavior.scaleBy(s, factor));
  }

  // ----- interaction -------------------------------------------------------------------------

  private onClick(event: MouseEvent): void {
    const target = event.target as Element | null;
    const toggle = target?.closest?.('g.rmo-toggle');
    if (toggle) {
      this.toggle(toggle.getAttribute('data-id') ?? '');
      return;
    }
    const id = personIdOf(target);
    if (id !== null) {
      this.setRoving(id);
      this.choose(id);
    } else if (this._selectedId !== null) {
      this.choose(null);
    }
  }

  private onKey(event: KeyboardEvent): void {
    const target = event.target as Element | null;
    const toggle = target?.closest?.('g.rmo-toggle');
    if (toggle && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.toggle(toggle.getAttribute('data-id') ?? '', true);
      return;
    }
    const chart = this.chart;
    const node = chart?.nodeById.get(personIdOf(target) ?? '');
    const command = Object.prototype.hasOwnProperty.call(KEYS, event.key) ? KEYS[event.key] : undefined;
    if (!chart || !node || !command) return;
    if (this.runKey(chart, node, command)) event.preventDefault();
  }

  /** A key on a person; false when it does nothing there. */
  private runKey(chart: OrgChart, node: ChartNode, command: (typeof KEYS)[string]): boolean {
    switch (command) {
      case 'up':
      case 'down':
      case 'left':
      case 'right': {
        const target = personToward(chart, node, command);
        if (target) this.focusNode(target.id, true);
        return true;
      }
      case 'select':
        this.choose(node.id);
        return true;
      case 'clear':
        if (this._selectedId === null) return false;
        this.choose(null);
        return true;
      case 'first':
      case 'last': {
        const target = chart.nodes[command === 'first' ? 0 : chart.nodes.length - 1];
        if (target) this.focusNode(target.id, true);
        return true;
      }
      case 'in':
      case 'out':
        this.zoomBy(command === 'in' ? 1.25 : 0.8);
        return true;
      case 'fit':
        this.fitToView();
        return true;
      default:
        return false;
    }
  }

  /** Folds or unfolds the branch below a manager, keeping them where they were on screen. */
  private toggle(id: string, keepFocus = false): void {
    const before = this.chart?.nodeById.get(id);
    if (!before || before.reportIds.length === 0) return;
    const folding = !this.collapsed.has(id);
    if (folding) this.collapsed.add(id);
    else this.collapsed.delete(id);
    const count = before.collapsed ? before.hiddenCount : peopleBelow(this.chart!, before);
    const wasFitting = this.autoFit;
    this.autoFit = false;
    this.update('layout');
    this.autoFit = wasFitting;
    const after = this.chart?.nodeById.get(id);
    if (after) {
      const t = this.transform;
      this.setTransform(t.x - t.k * (after.x - before.x), t.y - t.k * (after.y - before.y), t.k);
    }
    const name = displayName(before.person);
    this.announcement = folding ? `${countOf(count)} below ${name} hidden.` : `${countOf(count)} below ${name} shown.`;
    if (keepFocus) this.toggleElement(id)?.focus();
  }

  /** Unfolds everyone above a person hidden in a fold; true when something was unfolded. */
  private reveal(id: string): boolean {
    const chart = this.chart;
    if (!chart || chart.nodeById.has(id)) return false;
    let changed = false;
    const seen = new Set<string>();
    let manager = chart.managers.get(id);
    while (manager !== undefined && !seen.has(manager)) {
      seen.add(manager);
      if (this.collapsed.delete(manager)) changed = true;
      manager = chart.managers.get(manager);
    }
    return changed;
  }

  private personElement(id: string): SVGGElement | null {
    return this.layers?.nodes.node()?.querySelector<SVGGElement>(`g.rmo-node[data-id="${cssEscape(id)}"]`) ?? null;
  }

  private toggleElement(id: string): SVGGElement | null {
    return this.layers?.toggles.node()?.querySelector<SVGGElement>(`g.rmo-toggle[data-id="${cssEscape(id)}"]`) ?? null;
  }

  private focusNode(id: string, reveal = false): void {
    const node = this.chart?.nodeById.get(id);
    const element = this.personElement(id);
    if (!node || !element) return;
    this.setRoving(id);
    if (reveal) this.ensureVisible(node);
    element.focus();
  }

  /** One tab stop in the chart: the focused, else selected, else first person (and their fold button). */
  private setRoving(id: string): void {
    if (this.rovingId === id) return;
    const previous = this.rovingId;
    this.rovingId = id;
    if (previous !== null) {
      this.personElement(previous)?.setAttribute('tabindex', '-1');
      this.toggleElement(previous)?.setAttribute('tabindex', '-1');
    }
    this.personElement(id)?.setAttribute('tabindex', '0');
    this.toggleElement(id)?.setAttribute('tabindex', '0');
  }

  private choose(id: string | null): void {
    this.setSelected(id);
    this.dispatchEvent(new CustomEvent<SelectDetail>('select', { detail: { personId: id } }));
  }

  private setSelected(id: string | null): void {
    if (id === this._selectedId) return;
    this._selectedId = id;
    if (id === null) {
      this.announcement = 'Selection cleared.';
    } else {
      const person = this._people.find((p) => p?.id === id);
      this.announcement = person ? `Selected: ${displayName(person)}.` : '';
      if (this.reveal(id)) {
        this.request('layout');
        return;
      }
      if (this.chart?.nodeById.has(id)) this.setRoving(id);
    }
    this.request('states');
  }
}

// ----- drawing ---------------------------------------------------------------------------------

function svgElement(name: string, attributes: Record<string, string | number | null>): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(key, String(value));
  return element;
}

/** A person as the graph draws them (c/relationshipMapLook): rings, shape, letter, badges, name. */
function drawPerson(g: SVGGElement, d: ChartNode): void {
  const look = lookOf(d);
  const label = labelOf(d);
  g.setAttribute('data-id', d.id);
  g.setAttribute('aria-label', d.label);
  g.setAttribute('transform', `translate(${d.x},${d.y})`);
  const title = svgElement('title', {});
  title.textContent = d.label;
  const name = svgElement('text', {
    class: 'rmo-label',
    y: label.y,
    'text-anchor': 'middle',
    'font-size': LABEL.size,
    'font-style': label.italic ? 'italic' : null,
    fill: LABEL.color,
    stroke: '#ffffff',
    'stroke-width': LABEL.halo,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  });
  name.textContent = shortName(label.text);
  const badges = svgElement('g', { class: 'rmo-badges' });
  for (const badge of look.badges) {
    const group = svgElement('g', {
      class: `rmo-badge rmo-badge-${badge.kind}`,
      transform: `translate(${round2(badge.x)},${round2(badge.y)})`,
    });
    for (const mark of BADGE_MARKS[badge.kind]) group.appendChild(markElement(mark));
    badges.appendChild(group);
  }
  g.replaceChildren(
    title,
    svgElement('path', {
      class: 'rmo-search-halo',
      d: shapePath(d.shape, RINGS.searchHalo.radius(d)),
      fill: RINGS.searchHalo.color,
      stroke: 'none',
      display: 'none',
    }),
    svgElement('path', {
      class: 'rmo-select-ring',
      d: shapePath(d.shape, RINGS.select.radius(d)),
      fill: 'none',
      stroke: RINGS.select.color,
      'stroke-width': RINGS.select.width,
      display: 'none',
    }),
    svgElement('path', {
      class: 'rmo-focus-ring',
      d: shapePath(d.shape, RINGS.focus.radius(d)),
      fill: 'none',
      stroke: RINGS.focus.color,
      'stroke-width': RINGS.focus.width,
    }),
    ...look.rings.map((r) =>
      svgElement('path', {
        class: 'rmo-dm-ring',
        d: shapePath(d.shape, r),
        fill: 'none',
        stroke: RINGS.decisionMaker.color,
        'stroke-width': RINGS.decisionMaker.width,
      })
    ),
    svgElement('path', {
      class: 'rmo-shape',
      d: shapePath(d.shape, look.radius),
      fill: look.fill,
      stroke: look.outline,
      'stroke-width': look.outlineWidth,
      'stroke-dasharray': look.dash?.join(' ') ?? null,
    }),
    // The stance letter as strokes, not text (see geometry's letterPath).
    svgElement('path', {
      class: 'rmo-letter',
      'data-letter': look.letter,
      d: letterPath(look.letter, look.letterSize),
      fill: 'none',
      stroke: look.letterColor,
      'stroke-width': round2(look.letterSize * LETTER_WEIGHT),
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
    }),
    badges,
    name
  );
}

/** One mark of a badge as an SVG element; text is set as text. */
function markElement(mark: BadgeMark): SVGElement {
  if (mark.type === 'text') {
    const text = svgElement('text', {
      'text-anchor': 'middle',
      y: mark.y,
      'font-size': mark.size,
      'font-weight': mark.weight,
      fill: mark.color,
    });
    text.textContent = mark.text;
    return text;
  }
  if (mark.type === 'stroke') {
    return svgElement('path', { d: mark.path, fill: 'none', stroke: mark.color, 'stroke-width': mark.width });
  }
  return svgElement(mark.type === 'circle' ? 'circle' : 'path', {
    ...(mark.type === 'circle' ? { r: mark.r } : { d: mark.path }),
    fill: mark.color,
    stroke: mark.outline.color,
    'stroke-width': mark.outline.width,
  });
}

/** The fold button under a manager's name: "−" when open, "+N" when folded. */
function drawToggle(g: SVGGElement, d: ChartNode, below: number): void {
  const name = displayName(d.person);
  const text = d.collapsed ? `+${d.hiddenCount}` : '−';
  const width = Math.max(TOGGLE.height, 8 + text.length * 7);
  const y = d.y + labelOf(d).y + TOGGLE.below;
  g.setAttribute('data-id', d.id);
  g.setAttribute('aria-expanded', d.collapsed ? 'false' : 'true');
  g.setAttribute(
    'aria-label',
    d.collapsed ? `Show ${countOf(d.hiddenCount)} below ${name}` : `Hide ${countOf(below)} below ${name}`
  );
  g.setAttribute('transform', `translate(${d.x},${round2(y)})`);
  const label = svgElement('text', {
    'text-anchor': 'middle',
    y: 4,
    'font-size': LABEL.size,
    'font-weight': 700,
    fill: TOGGLE.color,
    'aria-hidden': 'true',
  });
  label.textContent = text;
  g.replaceChildren(
    svgElement('rect', {
      class: 'rmo-toggle-box',
      x: round2(-width / 2),
      y: -TOGGLE.height / 2,
      width,
      height: TOGGLE.height,
      rx: TOGGLE.height / 2,
      fill: TOGGLE.fill,
      stroke: TOGGLE.color,
      'stroke-width': 1,
    }),
    label
  );
}

/** How many people are below a manager as drawn (folded branches count what they hide). */
function peopleBelow(chart: OrgChart, d: ChartNode): number {
  if (d.collapsed) return d.hiddenCount;
  let count = 0;
  for (const id of d.reportIds) {
    const report = chart.nodeById.get(id);
    count += 1 + (report ? peopleBelow(chart, report) : 0);
  }
  return count;
}

function countOf(n: number): string {
  return plural(n, 'person', 'people');
}

/** A name cut to its column's width with an ellipsis (the full name is the title and the label). */
function shortName(name: string): string {
  return name.length > NAME_CHARACTERS ? `${name.slice(0, NAME_CHARACTERS - 1).trimEnd()}…` : name;
}

function personIdOf(target: EventTarget | null): string | null {
  const element = (target as Element | null)?.closest?.('g.rmo-node');
  return element?.getAttribute('data-id') ?? null;
}

/** An id inside an attribute selector (Salesforce ids are letters and digits; anything else is escaped). */
function cssEscape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}
