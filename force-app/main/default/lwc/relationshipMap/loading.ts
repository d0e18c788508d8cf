/**
 * How the map tab loads its data: the account's maps, one map's graph (and reloading it in place),
 * the selected person's long texts, and one person's recent changes after an edit or a call. The
 * container owns the data; this module fills its fields through `LoadingHost` (the container
 * passes itself, so LWC sees every change) and keeps the tokens that let only the latest answer
 * count. No component code: Apex comes in as `api`.
 */
import type { MapPerson } from 'c/relationshipGraph';
import type { MapGraph, MapSummary } from 'c/relationshipMapApi';
import { reduceError } from 'c/relationshipMapApi';
import type { Insights } from './mapModel';
import { healthWords } from './viewModel';

/** What loading needs from Apex (a subset of c/relationshipMapApi). */
export interface LoadingApi {
  getMapsForAccount(accountId: string): Promise<MapSummary[]>;
  loadMapGraph(mapId: string): Promise<MapGraph>;
  getPersonDetails(personId: string): Promise<MapPerson>;
}

/** The container's fields loading fills, and what it asks of the container. */
export interface LoadingHost {
  accountId: string | null;
  maps: MapSummary[] | null;
  mapsLoading: boolean;
  mapsError: string | null;
  selectedMapId: string | null;
  graph: MapGraph | null;
  graphLoading: boolean;
  graphError: string | null;
  dataVersion: number;
  healthSeen: Record<string, string>;
  detailsStatus: '' | 'loading' | 'error';
  detailsError: string;
  /** The `mapId` design attribute: the map to open first. */
  readonly mapId: string | undefined;
  readonly vm: { readonly insights: Insights | null; readonly selectedPerson: MapPerson | null };
  /** Places dragged but not saved yet: they win over what the server sends. */
  readonly places: { withPins(graph: MapGraph): MapGraph };
  /** A person with a save on its way is not replaced by their details (the save's answer brings them). */
  readonly editsInFlight: { has(personId: string): boolean };
  selectMap(mapId: string): void;
  enterReadOnly(message: string): void;
  /** A map was loaded and is on screen: what loads after it (its activity evidence) may start. */
  graphLoaded?(): void;
}

const VIEW_ONLY =
  'You can view this map but not change it. Ask your Salesforce admin for the Relationship Maps User permission set.';

/** Starts a task that reports its own errors. */
function detach(task: Promise<unknown>): void {
  task.catch(() => undefined);
}

export class MapLoading {
  private graphToken = 0;
  private detailsToken = 0;

  constructor(
    private readonly host: LoadingHost,
    private readonly api: LoadingApi
  ) {}

  /** Loads the account's maps; `selectFirst` opens the first one (or the `mapId` one) when none is open. */
  async loadMaps(selectFirst: boolean): Promise<void> {
    const host = this.host;
    const accountId = host.accountId;
    if (!accountId) return;
    host.mapsLoading = true;
    host.mapsError = null;
    try {
      const maps = await this.api.getMapsForAccount(accountId);
      if (accountId !== host.accountId) return;
      host.maps = Array.isArray(maps) ? maps : [];
      if (selectFirst && !host.selectedMapId && host.maps.length > 0) {
        const preferred = host.mapId && host.maps.find((m) => m.id === host.mapId);
        host.selectMap((preferred || host.maps[0]).id);
      }
    } catch (error) {
      if (accountId !== host.accountId) return;
      host.mapsError = reduceError(error);
    } finally {
      if (accountId === host.accountId) host.mapsLoading = false;
    }
  }

  /** Loads one map's graph, replacing what is shown. */
  async loadGraph(mapId: string): Promise<void> {
    const host = this.host;
    const token = ++this.graphToken;
    host.graphLoading = true;
    host.graphError = null;
    try {
      const graph = await this.api.loadMapGraph(mapId);
      if (token !== this.graphToken) return;
      this.setGraph(graph);
      host.graphLoaded?.();
      if (!host.accountId && graph.summary?.accountId) {
        // Opened on a map page: its account's maps fill the picker.
        host.accountId = graph.summary.accountId;
        detach(this.loadMaps(false));
      }
    } catch (error) {
      if (token !== this.graphToken) return;
      host.graph = null;
      host.graphError = reduceError(error);
    } finally {
      if (token === this.graphToken) host.graphLoading = false;
    }
  }

  /** Reloads the map without disturbing what the user is doing (selection, filters, view). */
  async reloadInPlace(): Promise<boolean> {
    const mapId = this.host.selectedMapId;
    if (!mapId) return false;
    const graph = await this.api.loadMapGraph(mapId);
    if (mapId !== this.host.selectedMapId) return false;
    this.setGraph(this.host.places.withPins(graph));
    return true;
  }

  private setGraph(graph: MapGraph): void {
    const host = this.host;
    host.graph = {
      summary: graph.summary,
      people: Array.isArray(graph.people) ? graph.people : [],
      links: Array.isArray(graph.links) ? graph.links : [],
      changes: Array.isArray(graph.changes) ? graph.changes : [],
      canEdit: graph.canEdit !== false,
      // Only an explicit true offers Delete: the server refuses it without the admin permission set.
      canDelete: graph.canDelete === true,
    };
    if (graph.canEdit === false) host.enterReadOnly(VIEW_ONLY);
    host.dataVersion++;
    this.updateSummary(graph.summary);
    this.rememberHealth();
    this.ensureDetails();
  }

  /** Keeps the open map's health words for the picker (it shows the maps seen in this session). */
  rememberHealth(): void {
    const { selectedMapId: id, vm } = this.host;
    const insights = vm.insights;
    if (id && insights) this.host.healthSeen = { ...this.host.healthSeen, [id]: healthWords(insights.analysis.health) };
  }

  /** Loads the selected person's long texts when the person shown lacks them. */
  ensureDetails(): void {
    const person = this.host.vm.selectedPerson;
    if (!person || person.hasDetails !== false || this.host.detailsStatus === 'loading') return;
    detach(this.loadDetails(person.id));
  }

  /** Another person is selected: the previous one's details no longer count. */
  forgetDetails(): void {
    this.detailsToken++;
    this.host.detailsStatus = '';
    this.host.detailsError = '';
  }

  /**
   * The person with everything (long texts, current version) replaces the one from the map load.
   * Not while one of the rep's own edits of them is on its way (its answer brings the same), unless
   * `force`d: after a refusal the other user's version must replace ours. Resolves to whether
   * they were loaded.
   */
  async loadDetails(personId: string, force = false): Promise<boolean> {
    const host = this.host;
    const token = ++this.detailsToken;
    host.detailsStatus = 'loading';
    host.detailsError = '';
    try {
      const fresh = await this.api.getPersonDetails(personId);
      if (token !== this.detailsToken) return false;
      host.detailsStatus = '';
      const graph = host.graph;
      if (fresh && graph && (force || !host.editsInFlight.has(personId))) {
        const withDetails = (p: MapPerson): MapPerson => ({ ...p, ...fresh, layoutX: p.layoutX, layoutY: p.layoutY });
        host.graph = { ...graph, people: graph.people.map((p) => (p.id === personId ? withDetails(p) : p)) };
        host.dataVersion++;
      }
      return true;
    } catch (error) {
      if (token !== this.detailsToken) return false;
      host.detailsStatus = 'error';
      host.detailsError = reduceError(error);
      return false;
    }
  }

  /**
   * After a call (`withRecord`: the call may have changed stance, sentiment and last interaction)
   * or an edit (the saved record is already here): that person's recent changes from the server.
   */
  async refreshPerson(personId: string, withRecord: boolean): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId) return;
    try {
      const fresh = await this.api.loadMapGraph(mapId);
      const graph = host.graph;
      if (!graph || mapId !== host.selectedMapId) return;
      const person = withRecord ? this.host.places.withPins(fresh).people.find((p) => p.id === personId) : undefined;
      const people = person ? graph.people.map((p) => (p.id === personId ? person : p)) : graph.people;
      const changes = [
        ...graph.changes.filter((c) => c.personId !== personId),
        ...(fresh.changes ?? []).filter((c) => c.personId === personId),
      ];
      host.graph = { ...graph, summary: fresh.summary ?? graph.summary, people, changes };
      if (person) host.dataVersion++;
      this.updateSummary(fresh.summary);
      this.ensureDetails();
    } catch (_error) {
      // The change itself was saved; the recent-changes list catches up on the next load.
    }
  }

  private updateSummary(summary: MapSummary | undefined): void {
    const maps = this.host.maps;
    if (!summary || !maps) return;
    this.host.maps = maps.map((m) => (m.id === summary.id ? summary : m));
  }
}
