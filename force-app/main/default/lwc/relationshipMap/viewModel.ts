/**
 * What the map tab's template shows, derived from the container's state: the analytics, who the
 * graph, table and plan get, which state is on screen (loading, empty, error, the map), the
 * picker's options and the summary line, the health badge, the toolbar's counts, what the rep may
 * do. Pure: it reads the state it is given (the container passes itself, so LWC sees every field
 * the template depends on being read) and never changes it. The template binds `vm.<name>`.
 *
 * The analytics and the lists the children get are memoised: recomputed only when one of their
 * inputs changed (by identity), so a child receives the same array until something it shows changed.
 */
import type { InfluenceLink, MapEvidence, MapPerson } from 'c/relationshipGraph';
import type { MapGraph, MapSummary, PersonChange } from 'c/relationshipMapApi';
import type { View } from 'c/relationshipMapFilters';
import type { MapState as MapAreaState } from 'c/relationshipMapStates';
import { MIN_FILL } from './tabLayout';
import { plural } from 'c/relationshipMapFormat';
import {
  computeInsights,
  filterPeople,
  linksAmong,
  resolveSettings,
  searchPeopleByName,
  warmHighlight,
  warmPathsOf,
} from './mapModel';
import type { Filters, Insights, MapContext, Settings } from './mapModel';
import { evidenceLinksOf, openSuggestions, personActivity, resolveEvidenceSettings } from './evidenceModel';
import type { EvidenceLink, EvidenceSettings, EvidenceStatus, OpenSuggestions, PersonActivity } from './evidenceModel';

/** The container's state the view reads (its fields and design attributes). */
export interface MapState {
  readonly height: number | string | undefined;
  readonly decayFactor: number | string;
  readonly staleAfterDays: number | string;
  readonly activityWindowMonths: number | string;
  readonly countActivityAsRelationships: boolean | string | undefined;
  readonly context: MapContext;
  readonly accountId: string | null;
  readonly maps: MapSummary[] | null;
  readonly mapsLoading: boolean;
  readonly mapsError: string | null;
  readonly selectedMapId: string | null;
  readonly graph: MapGraph | null;
  readonly graphLoading: boolean;
  readonly graphError: string | null;
  /** Bumped on every change the analytics read (not on pins, which only move people). */
  readonly dataVersion: number;
  /** Health score of maps seen in this session, for the picker. */
  /** Each map seen in this session: its health as the picker says it ("health 69", "not scored yet"). */
  readonly healthSeen: Readonly<Record<string, string>>;
  readonly filters: Filters;
  readonly searchTerm: string;
  readonly view: View;
  readonly selectedId: string | null;
  readonly addPeopleOpen: boolean;
  readonly readOnly: boolean;
  readonly busy: boolean;
  readonly notice: { readonly retry: unknown } | null;
  /** The height the drawing views fill when no height is set (./tabLayout); 0 = not measured yet. */
  readonly fillHeight: number;
  readonly fullScreen: boolean;
  readonly goalsExpanded: boolean;
  readonly goalsCut: boolean;
  /** The account's activity evidence (./evidence), null until it loads. */
  readonly evidence: MapEvidence | null;
  readonly evidenceStatus: EvidenceStatus;
  readonly evidenceError: string;
  /** Suggestions being accepted or dismissed. */
  readonly hiddenSuggestions: readonly string[];
}

/** The inputs the graph and the org chart share (their @api properties of the same names). */
export interface DrawingInputs {
  people: MapPerson[];
  links: InfluenceLink[];
  decisionInfluence: Record<string, number>;
  selectedId: string | null;
  highlightIds: string[];
  highlightLinkIds: string[];
  flags: Record<string, string[]>;
  searchTerm: string;
}

/** Small, calm, deterministic memo: recomputes only when one of its inputs changed (by identity). */
export class Memo<T> {
  private deps: readonly unknown[] | null = null;
  private value: T | undefined;
  get(deps: readonly unknown[], compute: () => T): T {
    if (this.deps && this.deps.length === deps.length && this.deps.every((d, i) => d === deps[i])) {
      return this.value as T;
    }
    this.deps = deps;
    this.value = compute();
    return this.value;
  }
}

/** A map's health as the picker says it: "health 69", or "not scored yet" while it has no decision makers (as the badge). */
export function healthWords(health: { score: number; state: string }): string {
  return health.state === 'unscored' ? 'not scored yet' : `health ${health.score}`;
}

export class MapViewModel {
  private readonly insightsMemo = new Memo<Insights | null>();
  private readonly visibleMemo = new Memo<MapPerson[]>();
  private readonly visibleLinksMemo = new Memo<InfluenceLink[]>();
  private readonly tablePeopleMemo = new Memo<MapPerson[]>();
  private readonly tableLinksMemo = new Memo<InfluenceLink[]>();
  private readonly activeMemo = new Memo<MapPerson[]>();
  private readonly highlightMemo = new Memo<{ personIds: string[]; linkIds: string[] }>();
  private readonly changesMemo = new Memo<PersonChange[]>();
  private readonly evidenceLinksMemo = new Memo<EvidenceLink[]>();
  private readonly suggestionsMemo = new Memo<OpenSuggestions>();

  constructor(private readonly state: MapState) {}

  // ------------------------------------------------------------------ derived data

  get settings(): Settings {
    const s = this.state;
    return resolveSettings(s.height, s.decayFactor, s.staleAfterDays);
  }

  get evidenceSettings(): EvidenceSettings {
    return resolveEvidenceSettings(this.state.activityWindowMonths, this.state.countActivityAsRelationships);
  }

  /** Analytics of the loaded map, recomputed only when the data, the evidence or settings change. */
  get insights(): Insights | null {
    const { graph, dataVersion, evidence } = this.state;
    const settings = this.settings;
    const counts = this.evidenceSettings.countsAsRelationship;
    // dataVersion moves with every change the analytics read (not with pins, which only move people).
    return this.insightsMemo.get(
      [graph ? dataVersion : -1, settings.decay, settings.staleDays, evidence, counts],
      () => {
        if (!graph) return null;
        return computeInsights(graph.people, graph.links, settings, new Date(), {
          data: evidence,
          countsAsRelationship: counts,
        });
      }
    );
  }

  /** Everyone on the map who is not trimmed from it. */
  get activePeople(): MapPerson[] {
    const people = this.state.graph?.people ?? [];
    return this.activeMemo.get([people], () => people.filter((p) => !p.excluded));
  }

  /** What the graph draws: the filters applied, excluded people only when asked for. */
  get visiblePeople(): MapPerson[] {
    const people = this.state.graph?.people ?? [];
    const { filters, graph } = this.state;
    // The quick filters read who covers whom (links) and the stale flags.
    const links = graph?.links ?? [];
    const staleIds = this.insights?.staleIds ?? [];
    return this.visibleMemo.get([people, filters, links, staleIds], () =>
      filterPeople(people, filters, { links, staleIds })
    );
  }

  get visibleLinks(): InfluenceLink[] {
    return this.linksAmong(this.visiblePeople, this.visibleLinksMemo);
  }

  /** The table lists the same people, narrowed by the name search. */
  get tablePeople(): MapPerson[] {
    const people = this.visiblePeople;
    const term = this.state.searchTerm;
    return this.tablePeopleMemo.get([people, term], () => searchPeopleByName(people, term));
  }

  get tableLinks(): InfluenceLink[] {
    return this.linksAmong(this.tablePeople, this.tableLinksMemo);
  }

  /** The links between `people`, memoised in `memo`. */
  private linksAmong(people: MapPerson[], memo: Memo<InfluenceLink[]>): InfluenceLink[] {
    const links = this.state.graph?.links ?? [];
    return memo.get([links, people], () => linksAmong(links, people));
  }

  get analysis() {
    return this.insights?.analysis ?? null;
  }

  get decisionInfluence(): Record<string, number> {
    return this.insights?.decisionInfluence ?? {};
  }

  get flags(): Record<string, string[]> {
    return this.insights?.flags ?? {};
  }

  private get highlight(): { personIds: string[]; linkIds: string[] } {
    const analysis = this.analysis;
    const id = this.state.selectedId;
    return this.highlightMemo.get([analysis, id], () => warmHighlight(analysis, id));
  }

  get highlightIds(): string[] {
    return this.highlight.personIds;
  }

  get highlightLinkIds(): string[] {
    return this.highlight.linkIds;
  }

  /**
   * What both drawings (the graph and the org chart) are given, bound with lwc:spread: the engine
   * sets each property only when its value changed, so a new object on every render costs nothing.
   */
  get drawing(): DrawingInputs {
    return {
      people: this.visiblePeople,
      links: this.visibleLinks,
      decisionInfluence: this.decisionInfluence,
      selectedId: this.state.selectedId,
      highlightIds: this.highlightIds,
      highlightLinkIds: this.highlightLinkIds,
      flags: this.flags,
      searchTerm: this.state.searchTerm,
    };
  }

  /** The evidence lines the graph draws between the people it draws. */
  get evidenceLinks(): EvidenceLink[] {
    const evidence = this.analysis?.evidence ?? null;
    const people = this.visiblePeople;
    return this.evidenceLinksMemo.get([evidence, people], () => evidenceLinksOf(evidence, people));
  }

  /** The suggestions still open (not dismissed, not being accepted or dismissed). */
  get suggestions(): OpenSuggestions {
    const evidence = this.analysis?.evidence ?? null;
    const hidden = this.state.hiddenSuggestions;
    return this.suggestionsMemo.get([evidence, hidden], () => openSuggestions(evidence, hidden));
  }

  /** The selected person's Activity section in the panel. */
  get selectedActivity(): PersonActivity | null {
    const s = this.state;
    return personActivity(this.selectedPerson, this.analysis?.evidence ?? null, s.evidence, this.suggestions, {
      status: s.evidenceStatus,
      error: s.evidenceError,
      canAct: !s.readOnly,
      windowMonths: this.evidenceSettings.windowMonths,
    });
  }

  get selectedPerson(): MapPerson | null {
    const id = this.state.selectedId;
    return (id && this.state.graph?.people.find((p) => p.id === id)) || null;
  }

  get selectedChanges(): PersonChange[] {
    const changes = this.state.graph?.changes ?? [];
    const id = this.state.selectedId;
    return this.changesMemo.get([changes, id], () => changes.filter((c) => c.personId === id));
  }

  get selectedWarmPaths() {
    return warmPathsOf(this.analysis, this.state.selectedId);
  }

  get selectedIsExcluded(): boolean {
    return this.selectedPerson?.excluded === true;
  }

  get selectedName(): string | null {
    return this.selectedPerson?.name ?? null;
  }

  get summary(): MapSummary | null {
    const s = this.state;
    return s.graph?.summary ?? s.maps?.find((m) => m.id === s.selectedMapId) ?? null;
  }

  // ------------------------------------------------------------------ which state is on screen

  get isNoContext(): boolean {
    return this.state.context.kind === 'none';
  }

  get isLoadingMaps(): boolean {
    const s = this.state;
    return !this.isNoContext && s.maps === null && s.mapsLoading && !s.graph && !s.graphLoading;
  }

  get showMapsError(): boolean {
    const s = this.state;
    return !this.isNoContext && s.mapsError !== null && !s.graph && !s.graphLoading && !s.selectedMapId;
  }

  get isEmpty(): boolean {
    const s = this.state;
    return !this.isNoContext && s.maps !== null && s.maps.length === 0 && !s.selectedMapId;
  }

  /** What fills the whole tab instead of a map (c/relationshipMapStates), or '' for the picker. */
  get wholeAreaState(): MapAreaState {
    if (this.isNoContext) return 'no-context';
    if (this.isLoadingMaps) return 'loading';
    if (this.showMapsError) return 'maps-error';
    return this.isEmpty ? 'empty' : '';
  }

  /** What shows under the picker instead of the map: loading it, or why it could not be loaded. */
  get mapAreaState(): MapAreaState {
    if (this.state.graphLoading) return 'graph-loading';
    return this.showGraphError ? 'graph-error' : '';
  }

  /** With the picker in the header the heading is for screen readers; without it, it is the title. */
  get headingClass(): string {
    return this.showPicker ? 'slds-assistive-text' : 'slds-card__header-title';
  }

  get showPicker(): boolean {
    return !this.isNoContext && !this.isEmpty && !this.isLoadingMaps && !this.showMapsError;
  }

  get showGraphError(): boolean {
    return this.state.graphError !== null && !this.state.graphLoading;
  }

  get isMapLoaded(): boolean {
    const s = this.state;
    return s.graph !== null && !s.graphLoading && s.graphError === null;
  }

  get mapHasNoPeople(): boolean {
    return this.isMapLoaded && this.activePeople.length === 0;
  }

  get isGraphView(): boolean {
    return this.state.view === 'graph';
  }

  get isOrgChartView(): boolean {
    return this.state.view === 'orgchart';
  }

  /** Graph and org chart are drawings: they fill the window's height and Fit works on them. */
  get isDrawingView(): boolean {
    return this.isGraphView || this.isOrgChartView;
  }

  get isTableView(): boolean {
    return this.state.view === 'table';
  }

  get showPersonPanel(): boolean {
    return !this.state.addPeopleOpen && this.selectedPerson !== null;
  }

  get showAside(): boolean {
    return this.state.addPeopleOpen || this.showPersonPanel;
  }

  get nothingVisible(): boolean {
    return this.visiblePeople.length === 0;
  }

  /** How many of the people shown the name search matches (the toolbar's "No one … matches"); null without a search. */
  get searchMatchCount(): number | null {
    return (this.state.searchTerm ?? '').trim() ? this.tablePeople.length : null;
  }

  /** The height of the drawing views (and the most the details panel beside them takes). */
  get viewHeight(): number {
    return this.settings.height ?? Math.max(MIN_FILL, this.state.fillHeight);
  }

  get bodyStyle(): string {
    return `--rm-view-height: ${this.viewHeight}px;`;
  }

  get cardClass(): string {
    return this.state.fullScreen ? 'slds-card rm rm_full-screen' : 'slds-card rm';
  }

  get fullScreenLabel(): string {
    return this.state.fullScreen ? 'Leave full screen' : 'Full screen';
  }

  get fullScreenIcon(): string {
    return this.state.fullScreen ? 'utility:contract_alt' : 'utility:expand';
  }

  get goalsClass(): string {
    return this.state.goalsExpanded ? 'rm-goals rm-goals_expanded' : 'rm-goals';
  }

  /** aria-expanded's value. */
  get goalsExpandedText(): string {
    return String(this.state.goalsExpanded);
  }

  /** "more" only when the one-line goals are cut; "less" while they are open. */
  get showGoalsMore(): boolean {
    return this.state.goalsExpanded || this.state.goalsCut;
  }

  get goalsMoreLabel(): string {
    return this.state.goalsExpanded ? 'less' : 'more';
  }

  get hasNotice(): boolean {
    return this.state.notice !== null;
  }

  get noticeCanRetry(): boolean {
    return !!this.state.notice?.retry;
  }

  // ------------------------------------------------------------------ what the rep may do

  get canEdit(): boolean {
    return !this.state.readOnly;
  }

  /**
   * Delete is offered only with the Relationship Maps Admin permission set (delete on people and
   * links). Without it nothing is lost: "Trim from map" hides a person and keeps everything.
   */
  get canDeletePeople(): boolean {
    return !this.state.readOnly && this.state.graph?.canDelete === true;
  }

  /** Deleting links needs the same Relationship Maps Admin permission set as deleting people. */
  get canDeleteLinks(): boolean {
    return this.canDeletePeople;
  }

  get cannotEdit(): boolean {
    return this.state.readOnly || this.state.busy;
  }

  get cannotCreate(): boolean {
    return this.state.readOnly || !this.state.accountId;
  }

  // ------------------------------------------------------------------ picker and summary

  get mapOptions(): { label: string; value: string }[] {
    const s = this.state;
    const maps = s.maps ?? (s.graph ? [s.graph.summary] : []);
    const live = this.insights ? healthWords(this.insights.analysis.health) : undefined;
    return maps.map((m) => {
      const health = m.id === s.selectedMapId && live !== undefined ? live : s.healthSeen[m.id];
      const parts = [m.name, m.status];
      if (health !== undefined) parts.push(health);
      return { label: parts.join(' · '), value: m.id };
    });
  }

  get pickerValue(): string {
    return this.state.selectedMapId ?? '';
  }

  get summaryGoal(): string {
    return this.summary?.goal ?? '';
  }

  get theirGoal(): string {
    return this.summary?.accountGoal ?? '';
  }

  get hasAccountGoal(): boolean {
    return !!this.summary?.accountGoal;
  }

  get summaryFacts(): string {
    const s = this.summary;
    if (!s) return '';
    const facts = [`Status: ${s.status}`];
    if (s.targetDate) facts.push(`Target date: ${s.targetDate}`);
    facts.push(plural(s.peopleCount ?? 0, 'person', 'people'));
    facts.push(plural(s.decisionMakerCount ?? 0, 'decision maker', 'decision makers'));
    return facts.join(' · ');
  }

  // ------------------------------------------------------------------ health badge and toolbar

  get healthScore(): number | null {
    return this.insights?.analysis.health.score ?? null;
  }

  /** HealthReport.state: the badge's tone, and 'unscored' (no decision makers) in a neutral colour. */
  get healthState(): string | null {
    return this.insights?.analysis.health.state ?? null;
  }

  get healthReasons(): readonly string[] {
    return this.insights?.analysis.health.reasons ?? [];
  }

  get hasHealth(): boolean {
    return this.healthScore !== null && this.isMapLoaded;
  }

  /** How many people the filters choose from (trimmed people count when they are shown). */
  get totalCount(): number {
    return this.state.filters.showExcluded ? (this.state.graph?.people.length ?? 0) : this.activePeople.length;
  }

  get shownCount(): number {
    return this.visiblePeople.length;
  }
}
