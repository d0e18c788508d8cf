/**
 * What the graph (c/relationshipMapGraph) and the org chart (c/relationshipMapOrgChart) take from
 * the container, declared once: a base class both components extend, with the `@api` properties
 * of docs/map-component.md they share, the selection and the `select` event. The LWC engine
 * inherits a base class's public properties; each view says what a change means to it
 * (inputChanged) and what selecting someone does (setSelected).
 */
import { LightningElement, api, unwrap } from 'lwc';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';

/** Detail of the `select` event. */
export interface SelectDetail {
  personId: string | null;
}

/** Which inputs changed: who and which links (data), sizes and badges (nodes), or only the highlights (states). */
export type MapViewChange = 'data' | 'nodes' | 'states';

/** The data a view draws, without LWC's read-only proxy. */
export interface MapViewData {
  people: readonly MapPerson[];
  links: readonly InfluenceLink[];
  decisionInfluence: Record<string, number>;
  flags: Readonly<Record<string, readonly string[]>>;
}

/** Selection, warm path and search, as a view's states read them. */
export interface MapViewHighlights {
  selectedId: string | null;
  highlightIds: readonly string[];
  highlightLinkIds: readonly string[];
  searchTerm: string;
}

export abstract class MapView extends LightningElement {
  protected _people: readonly MapPerson[] = [];
  protected _links: readonly InfluenceLink[] = [];
  protected _decisionInfluence: Record<string, number> = {};
  protected _flags: Readonly<Record<string, readonly string[]>> = {};
  protected _selectedId: string | null = null;
  protected _highlightIds: readonly string[] = [];
  protected _highlightLinkIds: readonly string[] = [];
  protected _searchTerm = '';

  /** People to draw (the container has applied filters and exclusions). */
  @api
  get people(): MapPerson[] {
    return this._people as MapPerson[];
  }
  set people(value: MapPerson[] | null | undefined) {
    this._people = Array.isArray(value) ? value : [];
    this.inputChanged('data');
  }

  /** Links among the people (links to people not drawn are ignored). */
  @api
  get links(): InfluenceLink[] {
    return this._links as InfluenceLink[];
  }
  set links(value: InfluenceLink[] | null | undefined) {
    this._links = Array.isArray(value) ? value : [];
    this.inputChanged('data');
  }

  /** Person id → influence over the decision, 0..1 (size). */
  @api
  get decisionInfluence(): Record<string, number> {
    return this._decisionInfluence;
  }
  set decisionInfluence(value: Record<string, number> | null | undefined) {
    this._decisionInfluence = value ?? {};
    this.inputChanged('nodes');
  }

  /** Person id → flags drawn as badges: 'coverage-gap', 'stale'. */
  @api
  get flags(): Record<string, string[]> {
    return this._flags as Record<string, string[]>;
  }
  set flags(value: Record<string, string[]> | null | undefined) {
    this._flags = value ?? {};
    this.inputChanged('nodes');
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
    this.inputChanged('states');
  }

  /** Links on the highlighted warm path. */
  @api
  get highlightLinkIds(): string[] {
    return this._highlightLinkIds as string[];
  }
  set highlightLinkIds(value: string[] | null | undefined) {
    this._highlightLinkIds = Array.isArray(value) ? value : [];
    this.inputChanged('states');
  }

  /** People whose name contains this (case and accents ignored) are emphasised. */
  @api
  get searchTerm(): string {
    return this._searchTerm;
  }
  set searchTerm(value: string | null | undefined) {
    this._searchTerm = typeof value === 'string' ? value : '';
    this.inputChanged('states');
  }

  private flushQueued = false;

  /** An input changed: the view batches its update. */
  protected abstract inputChanged(change: MapViewChange): void;

  /** Applies the changes batched so far (scheduleFlush runs it). */
  protected abstract flush(): void;

  /**
   * Runs flush() once, in the next microtask, for all the changes made until then. A promise
   * rather than queueMicrotask: every platform sandbox (LWS and Locker) has promises.
   */
  protected scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
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

  /** The selection changed (from the container, a click or a key). */
  protected abstract setSelected(id: string | null): void;

  /**
   * The raw data: values passed to `@api` properties arrive behind LWC's read-only proxy, whose
   * every property read is a trap, and drawing reads each person's fields every frame.
   */
  protected data(): MapViewData {
    return {
      people: unwrap(this._people) as readonly MapPerson[],
      links: unwrap(this._links) as readonly InfluenceLink[],
      decisionInfluence: unwrap(this._decisionInfluence) as Record<string, number>,
      flags: unwrap(this._flags) as Readonly<Record<string, readonly string[]>>,
    };
  }

  protected highlights(): MapViewHighlights {
    return {
      selectedId: this._selectedId,
      highlightIds: this._highlightIds,
      highlightLinkIds: this._highlightLinkIds,
      searchTerm: this._searchTerm,
    };
  }

  /** A drawn person's focusable element and how to pan them into view; null when they are not drawn. */
  protected abstract focusTarget(id: string): { element: SVGGElement; reveal: () => void } | null;

  /** Makes a person the one tab stop of the view. */
  protected abstract setRoving(id: string): void;

  /** Moves keyboard focus to a drawn person (their element becomes the tab stop); `reveal` pans them into view. */
  protected focusNode(id: string, reveal = false): void {
    const target = this.focusTarget(id);
    if (!target) return;
    this.setRoving(id);
    if (reveal) target.reveal();
    target.element.focus();
  }

  /** Selects someone (or no one) as the user did, and tells the container (`select`). */
  protected choose(id: string | null): void {
    this.setSelected(id);
    this.dispatchEvent(new CustomEvent<SelectDetail>('select', { detail: { personId: id } }));
  }
}
