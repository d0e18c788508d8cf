/**
 * The relationship map as a force-directed graph: who decides, who influences whom, who is for
 * or against us. Contract: docs/map-component.md ("relationshipMapGraph"); the modules:
 * docs/architecture.md ("The graph").
 *
 * This component is the shell: it keeps the `@api` contract, batches property changes into one
 * update per microtask, owns the selection, hover and tab stop, and wires the modules together —
 * the scene (scene.ts), the layout (simulation.ts, ticked in frames by layout.ts), a renderer
 * (renderer.ts picks live SVG or a canvas), the viewport (zoom and fit), the pointer and the
 * keyboard. D3 writes only inside the `lwc:dom="manual"` element, and text only with `.text()`
 * or `textContent`, so a name can never become markup.
 */
import { api, unwrap } from 'lwc';
import { MapView } from 'c/relationshipMapLook';
import type { MapViewChange } from 'c/relationshipMapLook';
import { round2 } from './geometry';
import { exportSvgDocument, svgToPng } from './export';
import type { ExportHeading } from './export';
import { listenForKeys, personByOrder, personToward, stopListeningForKeys } from './keyboard';
import type { KeyCommand } from './keyboard';
import { labelInputs, textMeasurer } from './labelInputs';
import { placeLabels } from './labels';
import type { LabelLayout } from './labels';
import { LAYOUT_RUNS } from './layout';
import { personLabel } from './look';
import { Pointer } from './pointer';
import { pickRenderer } from './renderer';
import type { Renderer, RendererHost, Skeleton } from './renderer';
import { emptyScene, firstByName, joinScene, updateNodeAttributes } from './scene';
import type { EvidenceLink, GraphNode, Scene } from './scene';
import { GraphLayout } from './simulation';
import { buildSkeleton } from './skeleton';
import { deriveStates } from './states';
import type { SceneStates } from './states';
import { Viewport } from './viewport';

/** What the exported picture's title block says (exportSvg, exportPng). */
export type { ExportHeading } from './export';

/** Detail of the `select` event. */
export type { SelectDetail } from 'c/relationshipMapLook';
/** One activity-evidence line (`evidenceLinks`). */
export type { EvidenceLink } from './scene';
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

let instances = 0;

export default class RelationshipMapGraph extends MapView {
  /** What the live region says (selection changes). */
  announcement = '';

  private _readOnly = false;
  private _evidenceLinks: readonly EvidenceLink[] = [];

  private readonly uid = `rmg${++instances}`;
  private built = false;
  private everBuilt = false;
  private pending = new Set<'data' | 'nodes' | 'states' | 'labels'>();

  /** Survives a disconnect, so a re-attached graph keeps its layout. */
  private scene: Scene = emptyScene();
  private skeleton: Skeleton | null = null;
  private layout: GraphLayout | null = null;
  private renderer: Renderer | null = null;
  private viewport: Viewport | null = null;
  private pointer: Pointer | null = null;
  /** The view's follow mode and zoom, kept across a disconnect. */
  private view: Pick<Viewport, 'autoFit' | 'transform'> | null = null;

  private rovingId: string | null = null;
  private hoverId: string | null = null;
  /** Where the names go (labels.ts), placed when the layout rests, the zoom changes or priorities do. */
  private labels: LabelLayout | null = null;
  private readonly measurer = textMeasurer();

  // ----- inputs (c/relationshipMapLook's MapView declares the shared @api properties) ----------

  /** People or links join the scene anew; influence and flags resize and restyle it; the highlights restyle. */
  protected inputChanged(change: MapViewChange): void {
    this.requestUpdate(change);
  }

  /** No drag-to-pin (and unpinAll does nothing). */
  @api
  get readOnly(): boolean {
    return this._readOnly;
  }
  set readOnly(value: boolean) {
    this._readOnly = Boolean(value);
    this.skeleton?.svg.classed('rmg-editable', !this._readOnly);
  }

  /**
   * Activity evidence between our people (fromId) and theirs (toId), drawn as dotted lines of its
   * own kind with the summary on hover. The graph's alone: the org chart draws no evidence. The
   * layout ignores it (docs/architecture.md), so evidence arriving after the map moves nobody.
   */
  @api
  get evidenceLinks(): EvidenceLink[] {
    return this._evidenceLinks as EvidenceLink[];
  }
  set evidenceLinks(value: EvidenceLink[] | null | undefined) {
    this._evidenceLinks = Array.isArray(value) ? value : [];
    this.requestUpdate('data');
  }

  // ----- public methods ----------------------------------------------------------------------

  /** Zooms and pans so that everyone is in view (and keeps them in view while the layout runs). */
  @api
  fitToView(): void {
    this.flush();
    const viewport = this.viewport;
    if (!viewport) {
      if (this.view) this.view.autoFit = true;
      return;
    }
    viewport.autoFit = true;
    viewport.remeasure();
    viewport.fit();
  }

  /** Releases every pinned person; emits `pin` with null positions for them. */
  @api
  unpinAll(): void {
    this.flush();
    if (this._readOnly) return;
    const positions: PinPosition[] = [];
    for (const node of this.scene.nodes) {
      if (node.fx != null || node.fy != null) {
        node.fx = null;
        node.fy = null;
        positions.push({ id: node.id, x: null, y: null });
      }
    }
    if (positions.length === 0) return;
    this.layout?.reheat(LAYOUT_RUNS.released);
    this.dispatchEvent(new CustomEvent<PinDetail>('pin', { detail: { positions } }));
  }

  /** Moves keyboard focus to a person and pans them into the middle of the view. */
  @api
  focusPerson(id: string): void {
    this.flush();
    const node = this.scene.nodeById.get(id);
    if (!node || !this.built) return;
    this.viewport?.centerOn(node);
    this.focusNode(node.id);
  }

  /**
   * The current view as a standalone SVG document (inline presentation, xmlns, no scripts), with a
   * title block (the heading's map name, account, date and note) and the legend.
   */
  @api
  exportSvg(heading?: ExportHeading): string {
    this.flush();
    const svgElement = this.skeleton?.svg.node();
    if (!svgElement || !this.renderer || !this.viewport)
      throw new Error('The relationship map has not been drawn yet.');
    return exportSvgDocument(svgElement, this.renderer, this.viewport.viewSize(), `${this.uid}-title`, heading);
  }

  /** exportSvg's document as a PNG data URL (twice its size, for sharp slides). */
  @api
  async exportPng(heading?: ExportHeading): Promise<string> {
    return svgToPng(this.exportSvg(heading));
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
    this.layout?.stop();
    this.layout = null;
    this.renderer?.destroy();
    this.renderer = null;
    if (this.viewport) this.view = { autoFit: this.viewport.autoFit, transform: this.viewport.transform };
    this.viewport?.detach();
    this.viewport = null;
    this.pointer?.detach();
    this.pointer = null;
    if (this.skeleton) stopListeningForKeys(this.skeleton.nodeLayer);
    this.skeleton?.svg.remove();
    this.skeleton = null;
    this.hoverId = null;
    this.built = false;
    this.pending.add('data');
  }

  // ----- building ----------------------------------------------------------------------------

  private build(): void {
    const host = this.template?.querySelector<HTMLElement>('.rmg-canvas');
    if (!host) return;
    const skeleton = buildSkeleton(host, this.uid, !this._readOnly);
    this.skeleton = skeleton;
    const viewport = new Viewport(skeleton, {
      nodes: () => this.scene.nodes,
      pressesPerson: (event) => this.pointer?.pressesPerson(event) ?? false,
      changed: () => this.renderer?.invalidate(),
      zoomEnded: () => this.zoomEnded(),
    });
    if (this.view) Object.assign(viewport, this.view);
    this.viewport = viewport;
    this.pointer = new Pointer(skeleton.svg, () => skeleton.viewport.node() ?? host, {
      nodeUnder: (event) => this.renderer?.nodeUnder(event) ?? null,
      readOnly: () => this._readOnly,
      scale: () => viewport.transform.k,
      clicked: (node) => this.onClick(node),
      hovered: (id) => this.onHover(id),
      moved: (event, node) => this.renderer?.pointerMoved(event, node),
      dragStarted: () => {
        viewport.autoFit = false;
        this.layout?.dragStarted();
      },
      dragged: () => this.layout?.start(),
      dropped: (node) => this.onDrop(node),
    });
    listenForKeys(skeleton.nodeLayer, {
      nodeOf: (element) => this.scene.nodeById.get(element?.getAttribute('data-id') ?? '') ?? null,
      run: (command, node) => this.runKey(command, node),
      focused: (node) => {
        if (node) this.setRoving(node.id);
        this.renderer?.showFocus(node ? node.id : null);
      },
    });
    this.layout = new GraphLayout(
      () => this.scene.nodes.length,
      (settled) => this.onFrame(settled),
      () => this.renderer?.cancelPaint()
    );
    this.renderer = pickRenderer(null, skeleton, this.rendererHost);
    this.built = true;
    this.everBuilt = true;
    this.pending.add('data');
    this.flush();
  }

  private readonly rendererHost: RendererHost = {
    scene: () => this.scene,
    states: () => this.states(),
    transform: () => this.viewport!.transform,
    labels: () => this.labels,
    size: () => this.viewport!.viewSize(),
    layoutRunning: () => this.layout?.moving === true,
    adopted: () => this.adopted(),
  };

  // ----- updates -----------------------------------------------------------------------------

  /** Batches property changes made together (people, links, influence...) into one update. */
  private requestUpdate(kind: 'data' | 'nodes' | 'states' | 'labels'): void {
    this.pending.add(kind);
    if (this.built) this.scheduleFlush();
  }

  protected flush(): void {
    if (!this.built || this.pending.size === 0) return;
    const pending = this.pending;
    this.pending = new Set();
    if (pending.has('data')) {
      this.joinData();
    } else if (pending.has('nodes') || pending.has('states')) {
      if (pending.has('nodes')) this.refreshNodes();
      this.renderer?.applyStates();
      // Selection, search and warm path decide whose names keep their place.
      this.placeNames();
    } else if (pending.has('labels')) {
      this.placeNames();
    }
  }

  /**
   * Places the names (labels.ts) for the current positions, zoom and priorities, and has the
   * renderer draw them. Not while the layout moves: names keep their last places and follow their
   * people until it rests.
   */
  private placeNames(): void {
    const viewport = this.viewport;
    if (!viewport || !this.renderer) return;
    this.pending.delete('labels');
    // The font names are drawn in, read each time: the page's styles may arrive after the first placement.
    const svg = this.skeleton?.svg.node();
    const family = (svg && getComputedStyle(svg).fontFamily) || "'Salesforce Sans', Arial, sans-serif";
    this.labels = placeLabels(labelInputs(this.scene, this.states(), this.data().decisionInfluence), {
      scale: viewport.transform.k,
      measure: this.measurer(family),
    });
    this.renderer.placeLabels();
  }

  /** A zoom ended: names are placed again for the new zoom (panning alone changes nothing). */
  private zoomEnded(): void {
    const k = this.viewport?.transform.k ?? 1;
    if (this.layout?.moving || (this.labels && Math.abs(this.labels.scale / k - 1) < 0.001)) return;
    this.requestUpdate('labels');
  }

  /** People and links changed: join by id, keep positions, reheat gently. */
  private joinData(): void {
    const { layout, viewport, skeleton } = this;
    if (!layout || !viewport || !skeleton) return;
    const { people, links, decisionInfluence, flags } = this.data();
    const evidence = unwrap(this._evidenceLinks) as readonly EvidenceLink[];
    const join = joinScene(this.scene, people, links, decisionInfluence, flags, evidence);
    const { width, height } = viewport.viewSize();
    layout.setScene(this.scene, join, width / height);
    const renderer = pickRenderer(this.renderer, skeleton, this.rendererHost);
    this.renderer = renderer;
    layout.drawFirst = renderer.drawFirst;
    renderer.render('all');
    renderer.applyStates();
    layout.settleIn(this.scene, join);
    if (viewport.autoFit) viewport.fit();
    // Names for where everyone starts; placed again when the layout rests.
    this.placeNames();
    // A canvas paints in the next frame, once, with the view just fitted.
    renderer.invalidate();
  }

  /** Influence or flags changed: new sizes and badges, no new layout. */
  private refreshNodes(): void {
    const before = this.scene.nodes.map((n) => n.radius);
    const { decisionInfluence, flags } = this.data();
    updateNodeAttributes(this.scene, decisionInfluence, flags);
    this.renderer?.render('nodes');
    if (this.scene.nodes.some((n, i) => n.radius !== before[i])) {
      this.layout?.resized();
      this.renderer?.redraw(false);
    }
  }

  /** Selection, hover, warm path and search as the renderers apply them. */
  private states(): SceneStates {
    return deriveStates(this.scene, { ...this.highlights(), hoverId: this.hoverId, rovingId: this.rovingId });
  }

  /** The person elements were (re)made: the tab stop and the map's description. */
  private adopted(): void {
    const { nodeById } = this.scene;
    if (this.rovingId === null || !nodeById.has(this.rovingId)) {
      this.rovingId =
        this._selectedId !== null && nodeById.has(this._selectedId)
          ? this._selectedId
          : (firstByName(this.scene)?.id ?? null);
    }
    this.skeleton?.svg
      .select('desc')
      .text(
        `${this.scene.nodes.length} people and ${this.scene.links.length} links${this.evidenceWords()}. Arrow keys move between people, ` +
          'Enter or Space selects, Escape clears the selection, plus and minus zoom, 0 fits the map.'
      );
  }

  /** ", 3 lines of activity" in the map's description (nothing without evidence). */
  private evidenceWords(): string {
    const count = this.scene.evidence.length;
    if (count === 0) return '';
    return count === 1 ? ', 1 line of activity' : `, ${count} lines of activity`;
  }

  private onFrame(settled: boolean): void {
    // Follow the layout with the view until someone zooms, pans or drags (before drawing, so
    // that a canvas paints each frame once, in the new view).
    if (this.viewport?.autoFit) this.viewport.follow(settled);
    if (settled) this.placeNames();
    this.renderer?.redraw(!settled);
    if (settled) this.renderer?.settle();
  }

  // ----- interaction -------------------------------------------------------------------------

  private onClick(node: GraphNode | null): void {
    if (node) {
      this.setRoving(node.id);
      this.choose(node.id);
    } else if (this._selectedId !== null) {
      this.choose(null);
    }
  }

  /** A key on a person's element; false when the key does nothing there. */
  private runKey(command: KeyCommand, node: GraphNode): boolean {
    switch (command.kind) {
      case 'move': {
        const target = personToward(this.scene, node, command.direction);
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
        const target = personByOrder(this.scene, command.kind === 'first' ? 0 : this.scene.nodes.length - 1);
        if (target) this.focusNode(target.id, true);
        return true;
      }
      case 'zoom':
        this.viewport?.zoomBy(command.factor);
        return true;
      case 'fit':
        this.fitToView();
        return true;
      default:
        return false;
    }
  }

  protected focusTarget(id: string): { element: SVGGElement; reveal: () => void } | null {
    const node = this.scene.nodeById.get(id);
    const element = this.renderer?.element(id);
    return node && element ? { element, reveal: () => this.viewport?.ensureVisible(node) } : null;
  }

  /** One tab stop in the map: the focused, else selected, else first person. */
  protected setRoving(id: string): void {
    if (this.rovingId === id) return;
    const previous = this.rovingId === null ? undefined : this.renderer?.element(this.rovingId);
    previous?.setAttribute('tabindex', '-1');
    this.rovingId = id;
    this.renderer?.element(id)?.setAttribute('tabindex', '0');
  }

  protected setSelected(id: string | null): void {
    if (id === this._selectedId) return;
    this._selectedId = id;
    const node = id === null ? undefined : this.scene.nodeById.get(id);
    if (node) this.setRoving(node.id);
    const person = node?.person ?? (id === null ? undefined : this._people.find((p) => p?.id === id));
    if (id === null) this.announcement = 'Selection cleared.';
    else this.announcement = person ? `Selected: ${node?.label ?? personLabel(person)}.` : '';
    this.requestUpdate('states');
  }

  private onHover(id: string | null): void {
    if (this.hoverId === id) return;
    this.hoverId = id;
    this.renderer?.applyStates();
    this.dispatchEvent(new CustomEvent<HoverDetail>('hover', { detail: { personId: id } }));
  }

  private onDrop(d: GraphNode): void {
    this.layout?.dragEnded();
    this.renderer?.redraw(false);
    const x = round2(d.fx ?? d.x ?? 0);
    const y = round2(d.fy ?? d.y ?? 0);
    this.dispatchEvent(new CustomEvent<PinDetail>('pin', { detail: { positions: [{ id: d.id, x, y }] } }));
  }
}
