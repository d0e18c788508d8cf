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
import { api } from 'lwc';
import { MapView, displayName } from 'c/relationshipMapLook';
import type { MapViewChange } from 'c/relationshipMapLook';
import {
  buildSkeleton,
  countOf,
  drawChart,
  peopleBelow,
  personElement,
  personIdOf,
  placeNames as drawNames,
  toggleElement,
} from './drawing';
import type { Layers } from './drawing';
import { listenForKeys, stopListeningForKeys } from './keyboard';
import { layoutOrgChart } from './orgChartLayout';
import type { OrgChart } from './orgChartLayout';
import { applyStates } from './states';
import { ChartViewport } from './viewport';

/** Detail of the `select` event (the graph's). */
export type { SelectDetail } from 'c/relationshipMapLook';

let instances = 0;

export default class RelationshipMapOrgChart extends MapView {
  /** What the live region says (selection and folding). */
  announcement = '';

  private readonly uid = `rmo${++instances}`;
  private layers: Layers | null = null;
  private view: ChartViewport | null = null;
  private chart: OrgChart | null = null;
  private readonly collapsed = new Set<string>();
  private rovingId: string | null = null;
  private pending: 'layout' | 'states' | null = null;
  /** The zoom the names were last sized for. */
  private namesScale = 0;

  // ----- inputs (c/relationshipMapLook's MapView declares the shared @api properties) ----------

  /** People, links, influence and flags make a new layout; the highlights restyle it. */
  protected inputChanged(change: MapViewChange): void {
    this.request(change === 'states' ? 'states' : 'layout');
  }

  // ----- public methods ----------------------------------------------------------------------

  /** Zooms and pans so that the whole chart is in view (small charts drawn large). */
  @api
  fitToView(): void {
    this.flush();
    if (!this.view) return;
    this.view.autoFit = true;
    this.view.fit(this.chart?.box ?? null);
  }

  /** Unfolds whoever hides the person, pans them into the middle and moves keyboard focus to them. */
  @api
  focusPerson(id: string): void {
    this.flush();
    if (this.reveal(id)) this.update('layout');
    const node = this.chart?.nodeById.get(id);
    if (!node) return;
    this.view?.centerOn(node);
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
    const layers = this.layers;
    if (layers) {
      this.view?.destroy();
      stopListeningForKeys(layers.svg);
      layers.svg.on('.orgchart', null);
      layers.svg.remove();
    }
    this.layers = null;
    this.view = null;
  }

  private build(): void {
    const host = this.template?.querySelector<HTMLElement>('.rmo-canvas');
    if (!host) return;
    const layers = buildSkeleton(host, this.uid);
    this.layers = layers;
    this.view = new ChartViewport(layers.svg, layers.viewport, (k) => {
      if (k !== this.namesScale) this.placeNames();
    });
    layers.svg.on('click.orgchart', (event: MouseEvent) => this.onClick(event));
    listenForKeys(layers.svg, {
      chart: () => this.chart,
      selectedId: () => this._selectedId,
      focusNode: (id) => this.focusNode(id, true),
      choose: (id) => this.choose(id),
      zoomBy: (factor) => this.view?.zoomBy(factor),
      fit: () => this.fitToView(),
      toggle: (id) => this.toggle(id, true),
      focused: (id) => this.setRoving(id),
    });
    this.update('layout');
  }

  // ----- updates -----------------------------------------------------------------------------

  /** Batches property changes made together into one update (a layout wins over states). */
  private request(kind: 'layout' | 'states'): void {
    if (this.pending !== 'layout') this.pending = kind;
    if (this.layers) this.scheduleFlush();
  }

  protected flush(): void {
    const kind = this.pending;
    if (!this.layers || kind === null) return;
    this.update(kind);
  }

  private update(kind: 'layout' | 'states'): void {
    this.pending = null;
    if (kind === 'layout') {
      this.relayout();
      if (this.view?.autoFit) this.view.fit(this.chart?.box ?? null);
      this.placeNames();
    }
    this.applyStates();
  }

  /** People, links or folds changed: a new layout, drawn afresh. */
  private relayout(): void {
    const layers = this.layers;
    if (!layers) return;
    const chart = layoutOrgChart({
      ...this.data(),
      collapsed: this.collapsed,
      view: this.view?.viewSize() ?? null,
    });
    this.chart = chart;
    drawChart(layers, chart);
    if (this.rovingId === null || !chart.nodeById.has(this.rovingId)) {
      this.rovingId =
        this._selectedId !== null && chart.nodeById.has(this._selectedId)
          ? this._selectedId
          : (chart.nodes[0]?.id ?? null);
    }
  }

  /** Names and fold buttons sized for the zoom (names keep about 12 px on screen). */
  private placeNames(): void {
    if (!this.layers || !this.view) return;
    this.namesScale = this.view.transform.k;
    drawNames(this.layers, this.namesScale);
  }

  private applyStates(): void {
    if (!this.layers || !this.chart) return;
    applyStates(this.layers, this.chart, { ...this.highlights(), rovingId: this.rovingId });
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

  /** Folds or unfolds the branch below a manager, keeping them where they were on screen. */
  private toggle(id: string, keepFocus = false): void {
    const before = this.chart?.nodeById.get(id);
    const view = this.view;
    if (!before || !view || before.reportIds.length === 0) return;
    const folding = !this.collapsed.has(id);
    if (folding) this.collapsed.add(id);
    else this.collapsed.delete(id);
    const count = before.collapsed ? before.hiddenCount : peopleBelow(this.chart!, before);
    const wasFitting = view.autoFit;
    view.autoFit = false;
    this.update('layout');
    view.autoFit = wasFitting;
    const after = this.chart?.nodeById.get(id);
    if (after) view.keepInPlace(before, after);
    const name = displayName(before.person);
    this.announcement = folding ? `${countOf(count)} below ${name} hidden.` : `${countOf(count)} below ${name} shown.`;
    if (keepFocus) toggleElement(this.layers, id)?.focus();
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

  protected focusTarget(id: string): { element: SVGGElement; reveal: () => void } | null {
    const node = this.chart?.nodeById.get(id);
    const element = personElement(this.layers, id);
    return node && element ? { element, reveal: () => this.view?.ensureVisible(node) } : null;
  }

  /** One tab stop in the chart: the focused, else selected, else first person (and their fold button). */
  protected setRoving(id: string): void {
    if (this.rovingId === id) return;
    const previous = this.rovingId;
    this.rovingId = id;
    if (previous !== null) {
      personElement(this.layers, previous)?.setAttribute('tabindex', '-1');
      toggleElement(this.layers, previous)?.setAttribute('tabindex', '-1');
    }
    personElement(this.layers, id)?.setAttribute('tabindex', '0');
    toggleElement(this.layers, id)?.setAttribute('tabindex', '0');
  }

  /** Selecting someone folded away unfolds them. */
  protected setSelected(id: string | null): void {
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
