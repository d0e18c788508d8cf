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
import type { MapPerson } from 'c/relationshipGraph';
import {
  addEveryone,
  addPeople,
  countEveryone,
  createMap,
  deleteLinks,
  deletePeople,
  getMapsForAccount,
  getPersonDetails,
  loadMapGraph,
  logCall,
  reduceError,
  saveLinks,
  savePositions,
  searchPeople,
  setPeopleExcluded,
  updatePerson,
} from 'c/relationshipMapApi';
import type {
  EveryoneCount,
  MapGraph,
  MapSummary,
  NewMap,
  NewPerson,
  PersonCandidate,
  PersonChanges,
  PersonPosition,
} from 'c/relationshipMapApi';
import type { PinDetail, SelectDetail } from 'c/relationshipMapGraph';
import type {
  AddLinkDetail,
  DetailsStatus,
  LogCallDetail,
  RejectedEdit,
  RemoveLinkDetail,
  UpdatePersonDetail,
} from 'c/relationshipMapPersonPanel';
import type { AddPeopleDetail, EveryoneStatus, SearchDetail } from 'c/relationshipMapAddPeople';
import type { View } from 'c/relationshipMapFilters';
import type { NewMapDetail } from 'c/relationshipMapNewMap';
import { NO_FILTERS, contextOf, exportDocument, exportFileName, isReadOnlyError } from './mapModel';
import type { Filters, MapContext } from './mapModel';
import { MapViewModel } from './viewModel';
import {
  addLinkCommand,
  deletePersonCommand,
  logCallCommand,
  nameIn,
  peopleToAdd,
  placedAt,
  removeLinkCommand,
  rowErrors,
  setExcludedCommand,
} from './commands';
import type { Command, CommandApi } from './commands';
import { EditsInFlight, reopenedEdit, savePersonCommand } from './personCommands';
import {
  NO_CONTACTS_LEFT,
  addEveryoneCommand,
  addPeopleCommand,
  contactsToAdd,
  savePositionsCommand,
} from './partialCommands';
import type { PartialApi, PartialCommand, PartialOutcome } from './partialCommands';
import type { PersonApi } from './personCommands';
import { plural } from 'c/relationshipMapFormat';
import { focusPending } from 'c/relationshipMapFocus';

/** The graph's public methods (docs/map-component.md). */
type GraphElement = HTMLElement & {
  fitToView(): void;
  unpinAll(): void;
  focusPerson(id: string): void;
  exportSvg(): string;
  exportPng(): Promise<string>;
};

/** An error shown inline (besides the toast), with the request to send again. */
interface Notice {
  title: string;
  message: string;
  retry: (() => void) | null;
}

/** The Apex calls the commands make. */
const API: CommandApi & PersonApi & PartialApi = {
  ...{ saveLinks, deleteLinks, setPeopleExcluded, deletePeople, logCall, updatePerson },
  ...{ addPeople, addEveryone, savePositions },
};

type ToolbarElement = HTMLElement & { focusAddPeople(): void };
const ADD_PEOPLE_BUTTON = '[data-id="add-people"]';
const TOOLBAR = 'c-relationship-map-toolbar';

/** How the container runs a command: `after` it succeeded, `busy` meanwhile, `retry` for "Try again". */
interface RunOptions {
  after?: () => Promise<void>;
  busy?: boolean;
  retry?: () => void;
}

/** Pins collected while the user drags are saved together this long after the last one. */
const PIN_SAVE_DELAY_MS = 800;

/** Starts a task that reports its own errors (every async handler here catches what it can). */
function detach(task: Promise<unknown>): void {
  task.catch(() => undefined);
}

export default class RelationshipMap extends LightningElement {
  // ------------------------------------------------------------------ design attributes

  /** Graph height in pixels (300-2000; default 600). */
  @api height: number | string = 600;
  /** Analytics decay: how fast influence fades per level removed (0.1-0.9; default 0.5). */
  @api decayFactor: number | string = 0.5;
  /** Customer and partner people untouched for longer than this many days are flagged stale. */
  @api staleAfterDays: number | string = 90;

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
  healthSeen: Record<string, number> = {};

  filters: Filters = { ...NO_FILTERS };
  searchTerm = '';
  view: View = 'graph';
  selectedId: string | null = null;

  addPeopleOpen = false;
  candidates: PersonCandidate[] = [];
  searching = false;
  private searchToken = 0;
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
  notice: Notice | null = null;

  private connected = false;
  private startQueued = false;
  private loadToken = 0;
  private pendingPositions = new Map<string, PersonPosition>();
  /** Person id → updatePerson calls not answered yet. */
  private readonly editsInFlight = new EditsInFlight();
  /**
   * The selected person's long texts: a map load leaves them out (Apex heap), so they are loaded
   * when a person is opened (getPersonDetails). '' = loaded or not needed.
   */
  detailsStatus: DetailsStatus = '';
  detailsError = '';
  private detailsToken = 0;
  /** An edit refused because someone changed the person meanwhile: the panel reopens it. */
  rejectedEdit: RejectedEdit | null = null;
  private pinTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingFocus: string | null = null;
  private returnFocus: string | null = null;

  /** What the template shows, derived from the fields above: `vm.<name>` (./viewModel). */
  readonly vm = new MapViewModel(this);

  // ------------------------------------------------------------------ lifecycle

  connectedCallback(): void {
    this.connected = true;
    this.start();
  }

  disconnectedCallback(): void {
    this.connected = false;
    // Whatever was dragged last is still saved.
    detach(this.flushPositions());
  }

  renderedCallback(): void {
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
    detach(this.flushPositions());
    this.context = contextOf(this._recordId, this._objectApiName, this._mapId);
    this.maps = null;
    this.mapsError = null;
    this.graph = null;
    this.graphError = null;
    this.selectedMapId = null;
    this.selectPerson(null);
    this.accountId = null;
    this.notice = null;
    const context = this.context;
    if (context.kind === 'account') {
      this.accountId = context.accountId;
      detach(this.loadMaps(true));
    } else if (context.kind === 'map') {
      this.selectedMapId = context.mapId;
      detach(this.loadGraph(context.mapId));
    }
  }

  // ------------------------------------------------------------------ loading

  /** Loads the account's maps; `selectFirst` opens the first one when none is open. */
  private async loadMaps(selectFirst: boolean): Promise<void> {
    const accountId = this.accountId;
    if (!accountId) return;
    this.mapsLoading = true;
    this.mapsError = null;
    try {
      const maps = await getMapsForAccount(accountId);
      if (accountId !== this.accountId) return;
      this.maps = Array.isArray(maps) ? maps : [];
      if (selectFirst && !this.selectedMapId && this.maps.length > 0) {
        const preferred = this._mapId && this.maps.find((m) => m.id === this._mapId);
        this.selectMap((preferred || this.maps[0]).id);
      }
    } catch (error) {
      if (accountId !== this.accountId) return;
      this.mapsError = reduceError(error);
    } finally {
      if (accountId === this.accountId) this.mapsLoading = false;
    }
  }

  /** Loads one map's graph, replacing what is shown. */
  private async loadGraph(mapId: string): Promise<void> {
    const token = ++this.loadToken;
    this.graphLoading = true;
    this.graphError = null;
    try {
      const graph = await loadMapGraph(mapId);
      if (token !== this.loadToken) return;
      this.setGraph(graph);
      if (!this.accountId && graph.summary?.accountId) {
        // Opened on a map page: its account's maps fill the picker.
        this.accountId = graph.summary.accountId;
        detach(this.loadMaps(false));
      }
    } catch (error) {
      if (token !== this.loadToken) return;
      this.graph = null;
      this.graphError = reduceError(error);
    } finally {
      if (token === this.loadToken) this.graphLoading = false;
    }
  }

  private setGraph(graph: MapGraph): void {
    this.graph = {
      summary: graph.summary,
      people: Array.isArray(graph.people) ? graph.people : [],
      links: Array.isArray(graph.links) ? graph.links : [],
      changes: Array.isArray(graph.changes) ? graph.changes : [],
      canEdit: graph.canEdit !== false,
      // Only an explicit true offers Delete: the server refuses it without the admin permission set.
      canDelete: graph.canDelete === true,
    };
    if (graph.canEdit === false) {
      this.enterReadOnly(
        'You can view this map but not change it. Ask your Salesforce admin for the Relationship Maps User permission set.'
      );
    }
    this.dataVersion++;
    this.updateSummary(graph.summary);
    this.rememberHealth();
    this.ensureDetails();
  }

  /** Loads the selected person's long texts when the person shown lacks them. */
  private ensureDetails(): void {
    const person = this.vm.selectedPerson;
    if (!person || person.hasDetails !== false || this.detailsStatus === 'loading') return;
    detach(this.loadDetails(person.id));
  }

  /**
   * The person with everything (long texts, current version) replaces the one from the map load.
   * Not while one of the rep's own edits of them is on its way (its answer brings the same), unless
   * `force`d: after a refusal the other user's version must replace ours.
   */
  private async loadDetails(personId: string, force = false): Promise<boolean> {
    const token = ++this.detailsToken;
    this.detailsStatus = 'loading';
    this.detailsError = '';
    try {
      const fresh = await getPersonDetails(personId);
      if (token !== this.detailsToken) return false;
      this.detailsStatus = '';
      if (fresh && (force || !this.editsInFlight.has(personId))) {
        this.patchPerson(personId, (p) => ({ ...p, ...fresh, layoutX: p.layoutX, layoutY: p.layoutY }));
      }
      return true;
    } catch (error) {
      if (token !== this.detailsToken) return false;
      this.detailsStatus = 'error';
      this.detailsError = reduceError(error);
      return false;
    }
  }

  /** The panel's "Try again" after its details failed to load. */
  handleRetryDetails(): void {
    if (this.selectedId) detach(this.loadDetails(this.selectedId));
  }

  /** A new selection: forget the previous person's loading state and refused edit. */
  private selectPerson(personId: string | null): void {
    if (personId !== this.selectedId) {
      this.detailsToken++;
      this.detailsStatus = '';
      this.detailsError = '';
      this.rejectedEdit = null;
    }
    this.selectedId = personId;
    this.ensureDetails();
  }

  /** Reloads the map without disturbing what the user is doing (selection, filters, view). */
  private async reloadInPlace(): Promise<boolean> {
    const mapId = this.selectedMapId;
    if (!mapId) return false;
    const graph = await loadMapGraph(mapId);
    if (mapId !== this.selectedMapId) return false;
    this.setGraph(this.withPendingPins(graph));
    return true;
  }

  /**
   * After a call (`withRecord`: the call may have changed stance, sentiment and last interaction)
   * or an edit (the saved record is already here): that person's recent changes from the server.
   */
  private async refreshPerson(personId: string, withRecord: boolean): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId) return;
    try {
      const fresh = await loadMapGraph(mapId);
      const graph = this.graph;
      if (!graph || mapId !== this.selectedMapId) return;
      const person = withRecord ? this.withPendingPins(fresh).people.find((p) => p.id === personId) : undefined;
      const people = person ? graph.people.map((p) => (p.id === personId ? person : p)) : graph.people;
      const changes = [
        ...graph.changes.filter((c) => c.personId !== personId),
        ...(fresh.changes ?? []).filter((c) => c.personId === personId),
      ];
      this.graph = { ...graph, summary: fresh.summary ?? graph.summary, people, changes };
      if (person) this.dataVersion++;
      this.updateSummary(fresh.summary);
      this.ensureDetails();
    } catch (_error) {
      // The change itself was saved; the recent-changes list catches up on the next load.
    }
  }

  /** Positions dragged but not saved yet win over what the server sent. */
  private withPendingPins(graph: MapGraph): MapGraph {
    if (this.pendingPositions.size === 0) return graph;
    const people = graph.people.map((p) => {
      const pin = this.pendingPositions.get(p.id);
      return pin ? { ...p, layoutX: pin.layoutX ?? null, layoutY: pin.layoutY ?? null } : p;
    });
    return { ...graph, people };
  }

  private updateSummary(summary: MapSummary | undefined): void {
    if (!summary || !this.maps) return;
    this.maps = this.maps.map((m) => (m.id === summary.id ? summary : m));
  }

  private rememberHealth(): void {
    const id = this.selectedMapId;
    const insights = this.vm.insights;
    if (id && insights) this.healthSeen = { ...this.healthSeen, [id]: insights.analysis.health.score };
  }

  private selectMap(mapId: string): void {
    if (mapId === this.selectedMapId && (this.graph || this.graphLoading)) return;
    detach(this.flushPositions());
    this.rememberHealth();
    this.selectedMapId = mapId;
    this.graph = null;
    this.selectPerson(null);
    this.addPeopleOpen = false;
    this.everyoneCount = null;
    this.confirmingDelete = false;
    this.notice = null;
    detach(this.loadGraph(mapId));
  }

  handleRetryMaps(): void {
    detach(this.loadMaps(true));
  }

  handleRetryGraph(): void {
    if (this.selectedMapId) detach(this.loadGraph(this.selectedMapId));
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
    if (value === 'graph' || value === 'table' || value === 'plan') this.view = value;
  }

  private get graphElement(): GraphElement | null {
    return this.template?.querySelector<GraphElement>('c-relationship-map-graph') ?? null;
  }

  handleFit(): void {
    this.graphElement?.fitToView();
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

  handlePanelClose(): void {
    const id = this.selectedId;
    this.selectPerson(null);
    this.confirmingDelete = false;
    if (id && this.vm.isGraphView) this.graphElement?.focusPerson(id);
  }

  // ------------------------------------------------------------------ notices and toasts

  private toast(title: string, message: string, variant: 'success' | 'error' | 'warning' | 'info' = 'success'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }

  /** A failed request: a toast, and the same message inline with "Try again" (nothing is lost). */
  private fail(title: string, error: unknown, retry: (() => void) | null): string {
    const message = reduceError(error);
    this.toast(title, message, 'error');
    this.notice = { title, message, retry };
    if (isReadOnlyError(message)) this.enterReadOnly(message);
    return message;
  }

  private enterReadOnly(message: string): void {
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

  private patchPerson(personId: string, update: (p: MapPerson) => MapPerson, analytics = true): void {
    const graph = this.graph;
    if (!graph) return;
    this.graph = { ...graph, people: graph.people.map((p) => (p.id === personId ? update(p) : p)) };
    if (analytics) this.dataVersion++;
  }

  private nameOf(personId: string): string {
    return nameIn(this.graph, personId);
  }

  handleUpdatePerson(event: CustomEvent<UpdatePersonDetail>): void {
    const { personId, fields } = event.detail ?? ({} as UpdatePersonDetail);
    if (this.rejectedEdit?.personId === personId) this.rejectedEdit = null;
    if (personId && fields) this.savePerson(personId, fields);
  }

  /** An edit, optimistic and version-checked (./personCommands); "Try again" saves it anew. */
  private savePerson(personId: string, fields: PersonChanges): void {
    const command = savePersonCommand(API, this.graph, personId, fields, this.editsInFlight, (message, seen) =>
      detach(this.showTheirChanges(personId, fields, message, seen))
    );
    const retry = () => this.savePerson(personId, fields);
    if (command) this.run(command, { after: () => this.refreshPerson(personId, false), retry });
  }

  /**
   * After a refused save that carried a version: the person is reloaded (their version replaces
   * ours), and when someone changed them meanwhile the panel reopens the rep's edit with what they
   * typed (reopenedEdit).
   */
  private async showTheirChanges(
    personId: string,
    fields: PersonChanges,
    message: string,
    seen: string
  ): Promise<void> {
    const loaded = await this.loadDetails(personId, true);
    const version = this.graph?.people.find((p) => p.id === personId)?.version ?? null;
    const edit = reopenedEdit(personId, fields, message, seen, loaded, version);
    if (!edit) return;
    if (this.selectedId === personId) this.rejectedEdit = edit;
    // No "Try again" here: re-sending the same fields would now overwrite their change unseen. The
    // reopened edit form, with their version on screen, is where the rep applies theirs on top.
    if (this.notice?.message === message) this.notice = { ...this.notice, retry: null };
    detach(this.refreshPerson(personId, false));
  }

  handleAddLink(event: CustomEvent<AddLinkDetail>): void {
    const mapId = this.selectedMapId;
    if (event.detail && mapId) this.run(addLinkCommand(API, mapId, event.detail, this.graph));
  }

  handleRemoveLink(event: CustomEvent<RemoveLinkDetail>): void {
    const linkId = event.detail?.linkId;
    const mapId = this.selectedMapId;
    if (linkId && mapId) this.run(removeLinkCommand(API, mapId, linkId));
  }

  handleLogCall(event: CustomEvent<LogCallDetail>): void {
    if (!event.detail) return;
    const { personId, subject, comments, stance, sentiment } = event.detail;
    const command = logCallCommand(API, personId, { subject, comments, stance, sentiment }, this.nameOf(personId));
    // The call may have changed stance, sentiment and last interaction: that person is refreshed.
    this.run(command, { after: () => this.refreshPerson(personId, true) });
  }

  /**
   * Runs a command (./commands, ./personCommands) the same way every time: nothing while
   * read-only, the optimistic change, the call, then the change (if the same map is still open),
   * the toast and `after` (started, not awaited), or the rollback and the error as a toast and
   * inline with "Try again" (`retry`, else the same command again).
   */
  private run<R>(command: Command<R>, options: RunOptions = {}): void {
    detach(this.execute(command, options));
  }

  private async execute<R>(command: Command<R>, options: RunOptions): Promise<void> {
    if (this.readOnly) return;
    const { after, busy = false } = options;
    const retry = options.retry ?? (() => this.run(command, options));
    const update = (change: ((graph: MapGraph) => MapGraph) | undefined | null) => {
      const graph = this.graph;
      if (!change || !graph || (command.mapId !== null && command.mapId !== this.selectedMapId)) return;
      this.graph = change(graph);
      if (command.analytics) this.dataVersion++;
    };
    update(command.optimistic);
    if (busy) this.busy = true;
    try {
      const outcome = command.settle(await command.send());
      if (!outcome.ok) {
        update(command.rollback);
        const message = this.fail(command.failTitle, outcome.problem || null, retry);
        command.refused?.(message);
        return;
      }
      update(outcome.update);
      if (this.selectedId && !this.graph?.people.some((p) => p.id === this.selectedId)) this.selectedId = null;
      this.toast(outcome.toast.title, outcome.toast.message, outcome.toast.variant);
      if (after) detach(after());
    } catch (error) {
      update(command.rollback);
      const message = this.fail(command.failTitle, error, retry);
      command.refused?.(message);
    } finally {
      command.done?.();
      if (busy) this.busy = false;
    }
  }

  // ------------------------------------------------------------------ pins

  handlePin(event: CustomEvent<PinDetail>): void {
    const positions = event.detail?.positions ?? [];
    if (this.readOnly || positions.length === 0) return;
    for (const p of positions) this.pendingPositions.set(p.id, { personId: p.id, layoutX: p.x, layoutY: p.y });
    // The records follow the drawing, so a later redraw or export keeps the places.
    if (this.graph) this.graph = placedAt(this.graph, positions);
    if (this.pinTimer !== null) clearTimeout(this.pinTimer);
    // Debounce: one save for a burst of drags (and for "Unpin all").
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pinTimer = setTimeout(() => {
      this.pinTimer = null;
      detach(this.flushPositions());
    }, PIN_SAVE_DELAY_MS);
  }

  /** Saves every position collected so far in one call (./partialCommands). */
  private async flushPositions(): Promise<void> {
    if (this.pinTimer !== null) clearTimeout(this.pinTimer);
    this.pinTimer = null;
    const mapId = this.selectedMapId;
    const positions = [...this.pendingPositions.values()];
    this.pendingPositions.clear();
    if (!mapId || positions.length === 0) return;
    await this.executePartial(savePositionsCommand(API, mapId, positions), (again) => {
      for (const p of again) if (!this.pendingPositions.has(p.personId)) this.pendingPositions.set(p.personId, p);
      detach(this.flushPositions());
    });
  }

  /**
   * Runs a partial command (./partialCommands): what was saved stays and the map reloads when it
   * says so, with its toasts; the rows not saved are reported as a toast and inline, where "Try
   * again" hands `again` what is left. Resolves to the outcome, or null when the call failed.
   */
  private async executePartial<R, T>(
    command: PartialCommand<R, T>,
    again: (input: T) => void
  ): Promise<PartialOutcome<T> | null> {
    try {
      const outcome = command.settle(await command.send());
      const { toast, toastAfterReload, problem, resend } = outcome;
      if (toast) this.toast(toast.title, toast.message, toast.variant);
      if (outcome.reload) {
        try {
          await this.reloadInPlace();
        } catch (error) {
          this.fail('The map could not be refreshed', error, () => this.handleRetryGraph());
        }
      }
      const after = toastAfterReload?.(this.graph?.people ?? []);
      if (after) this.toast(after.title, after.message, after.variant);
      if (problem) this.fail(problem.title, problem.message, resend !== null ? () => again(resend) : null);
      return outcome;
    } catch (error) {
      this.fail(command.failTitle, error, () => again(command.input));
      return null;
    }
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
    const term = event.detail?.term ?? '';
    detach(this.searchCandidates(term));
  }

  private async searchCandidates(term: string): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId) return;
    const token = ++this.searchToken;
    this.searching = true;
    try {
      const found = await searchPeople(mapId, term);
      if (token !== this.searchToken) return;
      this.candidates = Array.isArray(found) ? found : [];
    } catch (error) {
      if (token !== this.searchToken) return;
      this.candidates = [];
      this.fail('Search failed', error, () => detach(this.searchCandidates(term)));
    } finally {
      if (token === this.searchToken) this.searching = false;
    }
  }

  handleAddPeople(event: CustomEvent<AddPeopleDetail>): void {
    const detail = event.detail;
    if (!detail) return;
    detach(this.addToMap(peopleToAdd(detail, this.candidates)));
  }

  /** "Add everyone not on the map": count first, so the confirmation can say how many. */
  handleCountEveryone(): void {
    detach(this.countEveryoneNotOnMap());
  }

  private async countEveryoneNotOnMap(): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId || this.readOnly || this.everyoneStatus !== '') return;
    this.everyoneStatus = 'counting';
    try {
      const count = await countEveryone(mapId);
      if (mapId !== this.selectedMapId) return;
      this.everyoneCount = { contacts: count?.contacts ?? 0, users: count?.users ?? 0 };
    } catch (error) {
      this.fail('Could not count the people not on the map yet', error, () => detach(this.countEveryoneNotOnMap()));
    } finally {
      this.everyoneStatus = '';
    }
  }

  handleCancelEveryone(): void {
    this.everyoneCount = null;
  }

  handleAddEveryone(): void {
    detach(this.addEveryoneNotOnMap());
  }

  private async addEveryoneNotOnMap(): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId || this.readOnly || this.everyoneStatus !== '') return;
    this.everyoneStatus = 'adding';
    this.busy = true;
    try {
      const command = addEveryoneCommand(API, mapId);
      const outcome = await this.executePartial(command, () => detach(this.addEveryoneNotOnMap()));
      if (outcome && !outcome.problem) this.closeAddPeople();
      if (outcome) this.everyoneCount = null;
    } finally {
      this.everyoneStatus = '';
      this.busy = false;
    }
  }

  /** "Add all the account's contacts" on an empty map. */
  handleAddAllContacts(): void {
    detach(this.addAllContacts());
  }

  private async addAllContacts(): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId || this.readOnly) return;
    this.busy = true;
    try {
      const contacts = contactsToAdd(await searchPeople(mapId, ''));
      if (contacts.length === 0) this.toast(NO_CONTACTS_LEFT.title, NO_CONTACTS_LEFT.message, NO_CONTACTS_LEFT.variant);
      else await this.addToMap(contacts);
    } catch (error) {
      this.fail("The account's contacts were not added", error, () => detach(this.addAllContacts()));
    } finally {
      this.busy = false;
    }
  }

  private async addToMap(people: NewPerson[]): Promise<void> {
    const mapId = this.selectedMapId;
    if (!mapId || this.readOnly || people.length === 0) return;
    const outcome = await this.executePartial(addPeopleCommand(API, mapId, people), (rest) =>
      detach(this.addToMap(rest))
    );
    if (outcome && !outcome.problem) this.closeAddPeople();
  }

  private closeAddPeople(): void {
    this.addPeopleOpen = false;
    this.candidates = [];
  }

  // ------------------------------------------------------------------ exclude, restore, delete

  handleExclude(): void {
    this.setExcluded(true);
  }

  handleRestore(): void {
    this.setExcluded(false);
  }

  private setExcluded(excluded: boolean): void {
    const { selectedId, selectedMapId } = this;
    if (!selectedId || !selectedMapId) return;
    this.run(setExcludedCommand(API, selectedMapId, selectedId, excluded, this.nameOf(selectedId)), { busy: true });
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
    this.run(deletePersonCommand(API, selectedMapId, selectedId, this.nameOf(selectedId)), { busy: true });
  }

  // ------------------------------------------------------------------ export

  handleExport(event: CustomEvent<{ kind?: unknown }>): void {
    const kind = event.detail?.kind;
    if (kind === 'json') this.exportJson();
    else if (kind === 'svg') this.exportSvg();
    else if (kind === 'png') detach(this.exportPng());
  }

  private exportJson(): void {
    const graph = this.graph;
    if (!graph) return;
    const blob = new Blob([exportDocument(graph, this.vm.insights, new Date())], { type: 'application/json' });
    this.download(blob, exportFileName(graph.summary, 'json'));
  }

  private exportSvg(): void {
    const element = this.graphElement;
    if (!element) return;
    try {
      const blob = new Blob([element.exportSvg()], { type: 'image/svg+xml' });
      this.download(blob, exportFileName(this.vm.summary, 'svg'));
    } catch (error) {
      this.fail('The map was not exported', error, () => this.exportSvg());
    }
  }

  private async exportPng(): Promise<void> {
    const element = this.graphElement;
    if (!element) return;
    try {
      const url = await element.exportPng();
      this.saveUrl(url, exportFileName(this.vm.summary, 'png'));
    } catch (error) {
      this.fail('The map was not exported', error, () => detach(this.exportPng()));
    }
  }

  private download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    this.saveUrl(url, fileName);
    // Let the browser start the download before the URL goes away.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private saveUrl(url: string, fileName: string): void {
    const anchor = this.refs?.download as HTMLAnchorElement | undefined;
    if (!anchor) return;
    anchor.href = url;
    anchor.download = fileName;
    anchor.click();
  }

  // ------------------------------------------------------------------ new map (c/relationshipMapNewMap)

  handleOpenNewMap(event?: Event): void {
    if (this.vm.cannotCreate) return;
    const opener = (event?.currentTarget as HTMLElement | null)?.dataset?.id;
    this.returnFocus = opener ? `[data-id="${opener}"]` : null;
    this.modalError = null;
    this.modalOpen = true;
  }

  handleCancelNewMap(): void {
    if (this.creating) return;
    this.modalOpen = false;
    this.modalError = null;
    this.pendingFocus = this.returnFocus ?? '[data-id="new-map"]';
  }

  handleCreateMap(event: CustomEvent<NewMapDetail>): void {
    if (event.detail) detach(this.create(event.detail));
  }

  private async create(detail: NewMapDetail): Promise<void> {
    const accountId = this.accountId;
    if (!accountId || this.creating || this.readOnly) return;
    const newMap: NewMap = { ...detail, accountId };
    this.creating = true;
    this.modalError = null;
    try {
      const result = await createMap(newMap);
      const summary = result.summary;
      this.maps = [summary, ...(this.maps ?? []).filter((m) => m.id !== summary.id)];
      const placed = result.people?.savedIds?.length ?? 0;
      this.toast(
        'Map created',
        newMap.includeEveryone
          ? `${summary.name}: ${plural(placed, 'person', 'people')} placed on the map.`
          : summary.name
      );
      const problems = rowErrors(result.people);
      if (problems) this.toast('Some people were not placed', problems, 'warning');
      this.creating = false;
      this.modalOpen = false;
      this.returnFocus = null;
      this.pendingFocus = '[data-id="picker"]';
      this.selectMap(summary.id);
    } catch (error) {
      const message = reduceError(error);
      this.modalError = message;
      this.toast('The map was not created', message, 'error');
      if (isReadOnlyError(message)) this.enterReadOnly(message);
    } finally {
      this.creating = false;
    }
  }
}
