/**
 * The "Relationship Map" tab: one container (docs/map-component.md) that owns the data (Apex
 * through c/relationshipMapApi), the analytics (c/relationshipGraph) and the state: map picker,
 * "New map", toolbar (filters, search, legend, view switch, fit, unpin, add people, export,
 * health), loading/empty/error states and read-only mode. Children get plain data through `@api`
 * and report what the user asked for with events; this component calls Apex and updates the data
 * in place.
 *
 * Placement: on an Account page `recordId` is the account; on a Relationship Map page it is the
 * map (its account's other maps are in the picker); on an app or home page the `mapId` design
 * attribute names the map. See docs/admin-setup.md.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import * as apex from 'c/relationshipMapApi';
import type { EveryoneCount, MapGraph, MapSummary, PersonCandidate } from 'c/relationshipMapApi';
import type { MapEvidence } from 'c/relationshipGraph';
import type { SuggestionDetail } from 'c/relationshipMapSuggestions';
import type { PinDetail, SelectDetail } from 'c/relationshipMapGraph';
import type { AddLinkDetail, DetailsStatus, LogCallDetail, RejectedEdit } from 'c/relationshipMapPersonPanel';
import type { RemoveLinkDetail, UpdatePersonDetail } from 'c/relationshipMapPersonPanel';
import type { AddPeopleDetail, EveryoneStatus, SearchDetail } from 'c/relationshipMapAddPeople';
import { VIEWS } from 'c/relationshipMapFilters';
import type { View } from 'c/relationshipMapFilters';
import type { NewMapDetail } from 'c/relationshipMapNewMap';
import { focusPending } from 'c/relationshipMapFocus';
import { NO_FILTERS, contextOf, isReadOnlyError } from './mapModel';
import type { Filters, MapContext } from './mapModel';
import { MapViewModel } from './viewModel';
import { MapLoading } from './loading';
import { CommandRunner, detach } from './running';
import { AddingPeople } from './addingPeople';
import { exportMap } from './exporting';
import { measureFill, startForFormFactor, stopFill, toggleFullScreen, toggleGoals } from './tabLayout';
import type { GraphElement } from './exporting';
import { addLinkCommand, deletePersonCommand, logCallCommand, nameIn, peopleToAdd, placedAt } from './commands';
import { removeLinkCommand, setExcludedCommand, updateLinkCommand } from './commands';
import type { LinkChange, ToastVariant } from './commands';
import { EditsInFlight } from './personCommands';
import { PersonEditing } from './editing';
import { PendingPlaces } from './places';
import { cancelNewMap, createMap, openNewMap } from './creating';
import { MapEvidenceLoading } from './evidence';
import type { EvidenceStatus } from './evidenceModel';
import { WhatIfMemo, leaveCancelled } from './whatIfModel';
import type { WhatIfRequest, WhatIfView } from './whatIfModel';

/** An error shown inline (besides the toast), with the request to send again. */
interface Notice {
  title: string;
  message: string;
  retry: (() => void) | null;
}

type ToolbarElement = HTMLElement & { focusAddPeople(): void };
const ADD_PEOPLE_BUTTON = '[data-id="add-people"]';
const TOOLBAR = 'c-relationship-map-toolbar';

export default class RelationshipMap extends LightningElement {
  // ------------------------------------------------------------------ design attributes

  /** Graph height in pixels (300-2000); unset, the drawing fills the window below the toolbar. */
  @api height: number | string | undefined;
  /** Analytics decay: how fast influence fades per level removed (0.1-0.9; default 0.5). */
  @api decayFactor: number | string = 0.5;
  /** Customer and partner people untouched for longer than this many days are flagged stale. */
  @api staleAfterDays: number | string = 90;
  /** Activity evidence: the window in months (1-36; default 12). */
  @api activityWindowMonths: number | string = 12;
  /** Whether coverage and warm paths count activity evidence as relationships; unset = true (LWC: no true default). */
  @api countActivityAsRelationships: boolean | string | undefined;

  private _recordId: string | undefined;
  private _objectApiName: string | undefined;
  private _mapId: string | undefined;

  /** The record of the page: an Account or a Relationship Map. */
  @api
  get recordId(): string | undefined {
    return this._recordId;
  }
  set recordId(value: string | undefined) {
    this._recordId = value;
    this.contextChanged();
  }

  /** The record page's object (set by the page). */
  @api
  get objectApiName(): string | undefined {
    return this._objectApiName;
  }
  set objectApiName(value: string | undefined) {
    this._objectApiName = value;
    this.contextChanged();
  }

  /** On an app or home page: the Relationship Map to open. */
  @api
  get mapId(): string | undefined {
    return this._mapId;
  }
  set mapId(value: string | undefined) {
    this._mapId = value;
    this.contextChanged();
  }

  // ------------------------------------------------------------------ state

  context: MapContext = { kind: 'none' };
  accountId: string | null = null;

  maps: MapSummary[] | null = null;
  mapsLoading = false;
  mapsError: string | null = null;

  selectedMapId: string | null = null;
  graph: MapGraph | null = null;
  graphLoading = false;
  graphError: string | null = null;
  /** Bumped on every change the analytics care about (not on pins). */
  dataVersion = 0;
  /** Health score of maps seen in this session, for the picker. */
  healthSeen: Record<string, string> = {};

  filters: Filters = { ...NO_FILTERS };
  searchTerm = '';
  view: View = 'graph';
  selectedId: string | null = null;

  addPeopleOpen = false;
  candidates: PersonCandidate[] = [];
  searching = false;
  /** "Add everyone not on the map": the count the panel confirms, and what is running. */
  everyoneCount: EveryoneCount | null = null;
  everyoneStatus: EveryoneStatus = '';

  modalOpen = false;
  modalError: string | null = null;
  creating = false;

  confirmingDelete = false;
  busy = false;

  readOnly = false;
  readOnlyReason = '';
  /** The height the drawing views fill when no height is set (./tabLayout), the full-screen mode, the goals' "more". */
  fillHeight = 0;
  fullScreen = false;
  goalsExpanded = false;
  goalsCut = true;
  notice: Notice | null = null;
  /** The account's calls, meetings and emails (./evidence), loaded after the map; and the suggestions on their way. */
  evidence: MapEvidence | null = null;
  evidenceStatus: EvidenceStatus = '';
  evidenceError = '';
  hiddenSuggestions: string[] = [];

  private connected = false;
  private startQueued = false;
  /** Person id → updatePerson calls not answered yet. */
  readonly editsInFlight = new EditsInFlight();
  /**
   * The selected person's long texts: a map load leaves them out (Apex heap), so they are loaded
   * when a person is opened (getPersonDetails). '' = loaded or not needed.
   */
  detailsStatus: DetailsStatus = '';
  detailsError = '';
  /** An edit refused because someone changed the person meanwhile: the panel reopens it. */
  rejectedEdit: RejectedEdit | null = null;
  pendingFocus: string | null = null;
  returnFocus: string | null = null;
  /** "If <name> leaves", or a trim waiting for its confirmation (./whatIfModel, c/relationshipMapWhatIf). */
  whatIf: WhatIfRequest | null = null;
  private readonly whatIfs = new WhatIfMemo();

  /** What the template shows, derived from the fields above: `vm.<name>` (./viewModel). */
  readonly vm = new MapViewModel(this);
  /** The modules that fill and change those fields (each is handed this component). */
  private readonly loading = new MapLoading(this, apex);
  private readonly runner = new CommandRunner(this);
  private readonly adding = new AddingPeople(this, apex, this.runner);
  readonly places = new PendingPlaces(this, apex, this.runner);
  private readonly evidenceLoading = new MapEvidenceLoading(this, apex, this.runner, this.adding);
  private readonly editing = new PersonEditing(this, apex, this.runner, this.loading);

  // ------------------------------------------------------------------ lifecycle

  connectedCallback(): void {
    this.connected = true;
    startForFormFactor(this);
    this.start();
  }

  disconnectedCallback(): void {
    this.connected = false;
    // tabLayout watches the card and the window while the tab is on the page.
    stopFill(this);
    // Whatever was dragged last is still saved.
    detach(this.places.flush());
  }

  renderedCallback(): void {
    measureFill(this);
    this.pendingFocus = focusPending(this.template, this.pendingFocus, (selector) => {
      // "Add people" lives in the toolbar.
      const toolbar = selector === ADD_PEOPLE_BUTTON ? this.template?.querySelector<ToolbarElement>(TOOLBAR) : null;
      toolbar?.focusAddPeople();
      return !!toolbar;
    });
  }

  private contextChanged(): void {
    if (!this.connected || this.startQueued) return;
    this.startQueued = true;
    // recordId and objectApiName arrive together: start once.
    queueMicrotask(() => {
      this.startQueued = false;
      const next = contextOf(this._recordId, this._objectApiName, this._mapId);
      if (JSON.stringify(next) !== JSON.stringify(this.context)) this.start();
    });
  }

  /** (Re)loads everything for the current placement. */
  private start(): void {
    detach(this.places.flush());
    this.context = contextOf(this._recordId, this._objectApiName, this._mapId);
    this.maps = null;
    this.mapsError = null;
    this.graph = null;
    this.graphError = null;
    this.selectedMapId = null;
    this.selectPerson(null);
    this.accountId = null;
    this.notice = null;
    this.evidenceLoading.forget();
    const context = this.context;
    if (context.kind === 'account') {
      this.accountId = context.accountId;
      detach(this.loading.loadMaps(true));
    } else if (context.kind === 'map') {
      this.selectedMapId = context.mapId;
      detach(this.loading.loadGraph(context.mapId));
    }
  }

  // ------------------------------------------------------------------ loading (./loading), selection

  /** Reloads the open map in place (after people were added), then its evidence. */
  async reloadInPlace(): Promise<boolean> {
    const reloaded = await this.loading.reloadInPlace();
    if (reloaded) this.graphLoaded();
    return reloaded;
  }

  /** The map is on screen: its activity evidence loads in a call of its own (./evidence). */
  graphLoaded(): void {
    detach(this.evidenceLoading.load());
  }

  /** The panel's "Try again" after its details failed to load. */
  handleRetryDetails(): void {
    if (this.selectedId) detach(this.loading.loadDetails(this.selectedId));
  }

  /** A new selection: forget the previous person's loading state and refused edit. */
  private selectPerson(personId: string | null): void {
    if (personId !== this.selectedId) {
      this.loading.forgetDetails();
      this.rejectedEdit = null;
    }
    this.selectedId = personId;
    this.loading.ensureDetails();
  }

  selectMap(mapId: string): void {
    if (mapId === this.selectedMapId && (this.graph || this.graphLoading)) return;
    detach(this.places.flush());
    this.loading.rememberHealth();
    this.selectedMapId = mapId;
    this.graph = null;
    this.selectPerson(null);
    this.addPeopleOpen = false;
    this.everyoneCount = null;
    this.confirmingDelete = false;
    this.notice = null;
    this.evidenceLoading.forget();
    detach(this.loading.loadGraph(mapId));
  }

  handleRetryMaps(): void {
    detach(this.loading.loadMaps(true));
  }

  handleRetryGraph(): void {
    if (this.selectedMapId) detach(this.loading.loadGraph(this.selectedMapId));
  }

  // ------------------------------------------------------------------ picker

  handleMapChange(event: CustomEvent<{ value?: unknown }>): void {
    const value = event.detail?.value;
    if (typeof value === 'string' && value) this.selectMap(value);
  }

  // ------------------------------------------------------------------ toolbar (c/relationshipMapToolbar)

  handleFiltersChange(event: CustomEvent<Partial<Filters>>): void {
    if (event.detail) this.filters = { ...this.filters, ...event.detail };
  }

  handleSearch(event: CustomEvent<{ term?: unknown }>): void {
    const term = event.detail?.term;
    this.searchTerm = typeof term === 'string' ? term : '';
  }

  handleClearFilters(): void {
    this.filters = { ...NO_FILTERS };
    this.searchTerm = '';
  }

  handleView(event: CustomEvent<{ view?: unknown }>): void {
    const value = event.detail?.view;
    if ((VIEWS as readonly unknown[]).includes(value)) this.view = value as View;
  }

  get graphElement(): GraphElement | null {
    return this.template?.querySelector<GraphElement>('c-relationship-map-graph') ?? null;
  }

  /** The drawing on screen, graph or org chart: both have fitToView and focusPerson. */
  private get drawingElement(): GraphElement | null {
    return this.graphElement ?? this.template?.querySelector<GraphElement>('c-relationship-map-org-chart') ?? null;
  }

  handleFit(): void {
    this.drawingElement?.fitToView();
  }

  handleToggleFullScreen(): void {
    toggleFullScreen(this);
  }

  handleToggleGoals(): void {
    toggleGoals(this);
  }

  handleUnpinAll(): void {
    if (this.readOnly) return;
    this.graphElement?.unpinAll();
  }

  // ------------------------------------------------------------------ selection

  handleSelect(event: CustomEvent<SelectDetail>): void {
    const personId = event.detail?.personId ?? null;
    this.selectPerson(personId);
    this.confirmingDelete = false;
    if (personId) this.addPeopleOpen = false;
  }

  /** Plan or table: select the person; the panel opens beside the view. */
  handleListSelect(event: CustomEvent<{ personId?: string }>): void {
    const personId = event.detail?.personId;
    if (!personId) return;
    this.selectPerson(personId);
    this.addPeopleOpen = false;
    this.confirmingDelete = false;
  }

  /** The what-if beside the map (c/relationshipMapWhatIf), for the selected person only. */
  get whatIfView(): WhatIfView | null {
    return this.whatIfs.view(this.vm.insights, this.whatIf, this.selectedId);
  }

  /** "If <name> leaves" from the panel or the table (`{ personId }`); the what-if's close (no person) closes it. */
  handleWhatIf(event: CustomEvent<{ personId?: string } | undefined>): void {
    const personId = event.detail?.personId;
    const pending = this.whatIf;
    if (personId) this.handleListSelect(event as CustomEvent<{ personId: string }>);
    this.whatIf = personId ? { personId, trim: false } : null;
    // Cancelled marking as left: nothing is saved, and the edit reopens with what the rep typed.
    if (!personId && pending?.leave) this.rejectedEdit = leaveCancelled(pending, this.nameOf(pending.personId));
  }

  handlePanelClose(): void {
    const id = this.selectedId;
    this.selectPerson(null);
    this.confirmingDelete = false;
    if (id && this.vm.isDrawingView) this.drawingElement?.focusPerson(id);
  }

  // ------------------------------------------------------------------ notices and toasts

  toast(title: string, message: string, variant: ToastVariant = 'success'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  /** A failed request: a toast, and the same message inline with "Try again" (nothing is lost). */
  fail(title: string, error: unknown, retry: (() => void) | null): string {
    const message = apex.reduceError(error);
    this.toast(title, message, 'error');
    this.notice = { title, message, retry };
    if (isReadOnlyError(message)) this.enterReadOnly(message);
    return message;
  }

  enterReadOnly(message: string): void {
    this.readOnly = true;
    this.readOnlyReason = message;
    this.addPeopleOpen = false;
  }

  handleNoticeRetry(): void {
    const retry = this.notice?.retry;
    this.notice = null;
    retry?.();
  }

  handleNoticeDismiss(): void {
    this.notice = null;
  }

  // ------------------------------------------------------------------ person edits

  private nameOf(personId: string): string {
    return nameIn(this.graph, personId);
  }

  handleUpdatePerson(event: CustomEvent<UpdatePersonDetail>): void {
    this.editing.update(event.detail);
  }

  /** "Mark <name> as left" in the what-if: the edit is saved (./editing). */
  handleConfirmLeave(): void {
    this.editing.confirmLeave();
  }

  handleAddLink(event: CustomEvent<AddLinkDetail>): void {
    const mapId = this.selectedMapId;
    if (event.detail && mapId) this.runner.run(addLinkCommand(apex, mapId, event.detail, this.graph));
  }

  handleRemoveLink(event: CustomEvent<RemoveLinkDetail>): void {
    const linkId = event.detail?.linkId;
    const mapId = this.selectedMapId;
    if (linkId && mapId) this.runner.run(removeLinkCommand(apex, mapId, linkId));
  }

  handleUpdateLink(event: CustomEvent<LinkChange>): void {
    const { selectedMapId: mapId, graph } = this;
    const command = mapId && updateLinkCommand(apex, mapId, graph, event.detail, () => this.loading.reloadInPlace());
    if (command) this.runner.run(command);
  }

  handleLogCall(event: CustomEvent<LogCallDetail>): void {
    if (!event.detail) return;
    const { personId, subject, comments, stance, sentiment } = event.detail;
    const command = logCallCommand(apex, personId, { subject, comments, stance, sentiment }, this.nameOf(personId));
    // The call may have changed stance, sentiment and last interaction: that person is refreshed, and the evidence.
    const after = () => this.loading.refreshPerson(personId, true).then(() => this.evidenceLoading.load());
    this.runner.run(command, { after });
  }

  // ------------------------------------------------------------------ activity suggestions (./evidence)

  handleAcceptSuggestion(event: CustomEvent<SuggestionDetail>): void {
    if (event.detail?.key) this.evidenceLoading.accept(event.detail.key);
  }

  handleDismissSuggestion(event: CustomEvent<SuggestionDetail>): void {
    if (event.detail?.key) detach(this.evidenceLoading.dismiss(event.detail.key));
  }

  handleRetryEvidence(): void {
    this.graphLoaded();
  }

  // ------------------------------------------------------------------ pins

  handlePin(event: CustomEvent<PinDetail>): void {
    const positions = event.detail?.positions ?? [];
    if (this.readOnly || positions.length === 0) return;
    this.places.add(positions);
    // The records follow the drawing, so a later redraw or export keeps the places.
    if (this.graph) this.graph = placedAt(this.graph, positions);
  }

  // ------------------------------------------------------------------ add people

  handleOpenAddPeople(): void {
    if (this.readOnly) return;
    this.addPeopleOpen = true;
    this.candidates = [];
    this.searching = false;
    this.everyoneCount = null;
  }

  handleCloseAddPeople(): void {
    this.addPeopleOpen = false;
    this.everyoneCount = null;
    this.pendingFocus = ADD_PEOPLE_BUTTON;
  }

  handleSearchCandidates(event: CustomEvent<SearchDetail>): void {
    detach(this.adding.search(event.detail?.term ?? ''));
  }

  handleAddPeople(event: CustomEvent<AddPeopleDetail>): void {
    if (event.detail) detach(this.adding.add(peopleToAdd(event.detail, this.candidates)));
  }

  /** "Add everyone not on the map": count first, so the confirmation can say how many. */
  handleCountEveryone(): void {
    detach(this.adding.countEveryone());
  }

  handleCancelEveryone(): void {
    this.everyoneCount = null;
  }

  handleAddEveryone(): void {
    detach(this.adding.addEveryone());
  }

  /** "Add all the account's contacts" on an empty map. */
  handleAddAllContacts(): void {
    detach(this.adding.addAllContacts());
  }

  // ------------------------------------------------------------------ exclude, restore, delete

  /** Trim first shows what trimming changes (c/relationshipMapWhatIf); its "Trim <name>" trims. */
  handleExclude(): void {
    if (this.selectedId) this.whatIf = { personId: this.selectedId, trim: true };
  }

  handleConfirmTrim(): void {
    this.whatIf = null;
    this.setExcluded(true);
  }

  handleRestore(): void {
    this.setExcluded(false);
  }

  private setExcluded(excluded: boolean): void {
    const { selectedId, selectedMapId } = this;
    if (!selectedId || !selectedMapId) return;
    this.runner.run(setExcludedCommand(apex, selectedMapId, selectedId, excluded, this.nameOf(selectedId)), {
      busy: true,
    });
  }

  handleAskDelete(): void {
    if (!this.vm.canDeletePeople) return;
    this.confirmingDelete = true;
  }

  handleCancelDelete(): void {
    this.confirmingDelete = false;
  }

  handleConfirmDelete(): void {
    this.confirmingDelete = false;
    const { selectedId, selectedMapId } = this;
    if (!selectedId || !selectedMapId) return;
    this.runner.run(deletePersonCommand(apex, selectedMapId, selectedId, this.nameOf(selectedId)), { busy: true });
  }

  // ------------------------------------------------------------------ export

  handleExport(event: CustomEvent<{ kind?: unknown }>): void {
    exportMap(this, event.detail?.kind);
  }

  /** The hidden link a download goes through (./exporting). */
  get downloadLink(): HTMLAnchorElement | undefined {
    return this.refs?.download as HTMLAnchorElement | undefined;
  }

  // ------------------------------------------------------------------ new map (c/relationshipMapNewMap)

  handleOpenNewMap(event?: Event): void {
    openNewMap(this, (event?.currentTarget as HTMLElement | null)?.dataset?.id);
  }

  handleCancelNewMap(): void {
    cancelNewMap(this);
  }

  handleCreateMap(event: CustomEvent<NewMapDetail>): void {
    if (event.detail) detach(createMap(this, apex, event.detail));
  }
}
