/**
 * The map tab's view model (../viewModel) on plain state, without a component: which state is on
 * screen, what the picker, summary, health badge and toolbar show, what the rep may do, and that
 * the memoised lists stay the same arrays until one of their inputs changes.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { MapGraph, MapSummary } from 'c/relationshipMapApi';
import { NO_FILTERS } from '../mapModel';
import { MapViewModel, Memo } from '../viewModel';
import type { MapState } from '../viewModel';

const read = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, 'data', name), 'utf8')) as T;
// The fixture's maps and people: Dana (ours), Morgan (economic buyer), Lee, Pat, Kim (never contacted).
const [{ id: MAP, accountId: ACCOUNT }, { id: OTHER_MAP }] = read<MapSummary[]>('maps.json');
const [DANA, MORGAN, LEE, , KIM] = read<MapGraph>('graph.json').people.map((p) => p.id);
function graph(): MapGraph {
  const g = read<MapGraph>('graph.json');
  const today = new Date().toISOString().slice(0, 10);
  for (const p of g.people) if (p.lastInteraction === 'FRESH') p.lastInteraction = today;
  return g;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** An account page with its maps listed and nothing loaded yet; `patch` sets the rest. */
function state(patch: Partial<Writable<MapState>> = {}): Writable<MapState> {
  return {
    height: 600,
    decayFactor: 0.5,
    staleAfterDays: 90,
    activityWindowMonths: 12,
    countActivityAsRelationships: true,
    context: { kind: 'account', accountId: ACCOUNT },
    accountId: ACCOUNT,
    maps: null,
    mapsLoading: false,
    mapsError: null,
    selectedMapId: null,
    graph: null,
    graphLoading: false,
    graphError: null,
    dataVersion: 0,
    healthSeen: {},
    filters: { ...NO_FILTERS },
    searchTerm: '',
    view: 'graph',
    fillHeight: 0,
    fullScreen: false,
    goalsExpanded: false,
    goalsCut: true,
    selectedId: null,
    addPeopleOpen: false,
    readOnly: false,
    busy: false,
    notice: null,
    evidence: null,
    evidenceStatus: '',
    evidenceError: '',
    hiddenSuggestions: [],
    ...patch,
  };
}

const loaded = (patch: Partial<Writable<MapState>> = {}) =>
  state({ maps: read<MapSummary[]>('maps.json'), selectedMapId: MAP, graph: graph(), dataVersion: 1, ...patch });

describe('which state is on screen', () => {
  it('nothing to show maps for', () => {
    const vm = new MapViewModel(state({ context: { kind: 'none' }, accountId: null }));
    expect([vm.isNoContext, vm.isLoadingMaps, vm.isEmpty, vm.showPicker]).toEqual([true, false, false, false]);
    expect(vm.cannotCreate).toBe(true);
  });

  it('loading the maps, then a load error, then none at all', () => {
    const s = state({ mapsLoading: true });
    const vm = new MapViewModel(s);
    expect([vm.isLoadingMaps, vm.showPicker]).toEqual([true, false]);
    Object.assign(s, { mapsLoading: false, mapsError: 'The maps could not be loaded.' });
    expect([vm.isLoadingMaps, vm.showMapsError, vm.showPicker]).toEqual([false, true, false]);
    Object.assign(s, { mapsError: null, maps: [] });
    expect([vm.isEmpty, vm.showPicker]).toEqual([true, false]);
  });

  it('a loaded map with people, its picker and summary', () => {
    const vm = new MapViewModel(loaded());
    expect([vm.showPicker, vm.isMapLoaded, vm.mapHasNoPeople, vm.showGraphError]).toEqual([true, true, false, false]);
    expect(vm.pickerValue).toBe(MAP);
    expect(vm.summaryGoal).toBe('Renew the fleet platform for three years');
    expect([vm.hasAccountGoal, vm.theirGoal]).toEqual([true, 'Cut logistics cost 10% this year']);
    expect(vm.summaryFacts).toBe('Status: Active · Target date: 2025-12-31 · 6 people · 2 decision makers');
  });

  it('a map that failed to load, and one still loading, is not shown as loaded', () => {
    expect(new MapViewModel(loaded({ graphError: 'No access.' })).showGraphError).toBe(true);
    expect(new MapViewModel(loaded({ graphLoading: true })).isMapLoaded).toBe(false);
  });

  it('an empty map offers to add people', () => {
    const empty = { ...graph(), people: [], links: [] };
    expect(new MapViewModel(loaded({ graph: empty })).mapHasNoPeople).toBe(true);
  });

  it('the aside holds Add people or the selected person, and the views switch', () => {
    const s = loaded();
    const vm = new MapViewModel(s);
    expect([vm.showAside, vm.showPersonPanel]).toEqual([false, false]);
    s.selectedId = DANA;
    expect([vm.showAside, vm.showPersonPanel, vm.selectedName, vm.selectedIsExcluded]).toEqual([
      true,
      true,
      'Dana Whitfield',
      false,
    ]);
    s.addPeopleOpen = true;
    expect([vm.showAside, vm.showPersonPanel]).toEqual([true, false]);
    expect([vm.isGraphView, vm.isTableView]).toEqual([true, false]);
    s.view = 'table';
    expect([vm.isGraphView, vm.isTableView]).toEqual([false, true]);
  });

  it('the inline notice and whether it offers "Try again"', () => {
    const s = loaded();
    const vm = new MapViewModel(s);
    expect(vm.hasNotice).toBe(false);
    s.notice = { retry: null };
    expect([vm.hasNotice, vm.noticeCanRetry]).toEqual([true, false]);
    s.notice = { retry: () => undefined };
    expect(vm.noticeCanRetry).toBe(true);
  });
});

describe('what the rep may do', () => {
  it('edits unless read-only; Delete only with the admin permission set; nothing while busy', () => {
    const s = loaded({ graph: { ...graph(), canDelete: false } });
    const vm = new MapViewModel(s);
    expect([vm.canEdit, vm.canDeletePeople, vm.cannotEdit, vm.cannotCreate]).toEqual([true, false, false, false]);
    s.graph = { ...s.graph!, canDelete: true };
    expect(vm.canDeletePeople).toBe(true);
    s.busy = true;
    expect(vm.cannotEdit).toBe(true);
    s.readOnly = true;
    expect([vm.canEdit, vm.canDeletePeople, vm.cannotEdit, vm.cannotCreate]).toEqual([false, false, true, true]);
  });
});

describe('analytics and what the children get', () => {
  it('health, flags and influence come from the analytics; the picker shows the live health', () => {
    const vm = new MapViewModel(loaded({ healthSeen: { [OTHER_MAP]: 'health 42' } }));
    expect(vm.hasHealth).toBe(true);
    expect(vm.healthScore).toBe(vm.insights?.analysis.health.score);
    expect(vm.healthReasons.length).toBeGreaterThan(0);
    expect(vm.flags[KIM]).toContain('stale');
    expect(Object.keys(vm.decisionInfluence).length).toBeGreaterThan(0);
    const [live, other] = vm.mapOptions;
    expect(live).toEqual({ value: MAP, label: `Fleet platform renewal · Active · health ${vm.healthScore}` });
    expect(other.label).toMatch(/ · health 42$/);
  });

  it('a map without decision makers is "not scored yet" in the picker, as on the badge, not a low score', () => {
    const g = graph();
    const noDeciders = { ...g, people: g.people.map((p) => ({ ...p, role: null, isDecisionMaker: false })) };
    const vm = new MapViewModel(loaded({ graph: noDeciders }));
    expect(vm.insights?.analysis.health.state).toBe('unscored');
    expect(vm.mapOptions[0]).toEqual({ value: MAP, label: 'Fleet platform renewal · Active · not scored yet' });
  });

  it('no map: no analytics, no health, nothing to draw', () => {
    const vm = new MapViewModel(state({ maps: [] }));
    expect([vm.insights, vm.analysis, vm.healthScore, vm.hasHealth]).toEqual([null, null, null, false]);
    expect([vm.visiblePeople, vm.activePeople, vm.flags, vm.mapOptions]).toEqual([[], [], {}, []]);
  });

  it('filters and the name search narrow the graph and the table; the toolbar counts them', () => {
    const s = loaded();
    const vm = new MapViewModel(s);
    const everyone = vm.activePeople.length;
    expect([vm.shownCount, vm.totalCount, vm.nothingVisible]).toEqual([everyone, everyone, false]);
    expect(vm.searchMatchCount).toBeNull();
    s.searchTerm = 'zzz';
    expect([vm.searchMatchCount, vm.shownCount]).toEqual([0, everyone]);
    s.searchTerm = '   ';
    expect(vm.searchMatchCount).toBeNull();
    s.searchTerm = 'dana';
    expect(vm.searchMatchCount).toBe(1);
    expect(vm.tablePeople.map((p) => p.id)).toEqual([DANA]);
    expect(vm.tableLinks.every((l) => l.fromId === DANA && l.toId === DANA)).toBe(true);
    // Only Jo, trimmed from the map, is a Champion.
    s.filters = { ...s.filters, stance: ['Champion'] };
    expect([vm.shownCount, vm.nothingVisible]).toEqual([0, true]);
    expect(vm.visibleLinks).toEqual([]);
  });

  it('the selected person: their changes and, for a decision maker, the best warm path highlighted', () => {
    const s = loaded({ selectedId: DANA });
    const vm = new MapViewModel(s);
    expect(vm.selectedPerson?.id).toBe(DANA);
    expect([vm.selectedChanges, vm.highlightIds, vm.selectedWarmPaths]).toEqual([[], [], null]);
    // Morgan (the economic buyer) is reached through Dana → Lee → Morgan.
    s.selectedId = MORGAN;
    expect(vm.selectedChanges.map((c) => c.personId)).toEqual([MORGAN]);
    expect(vm.selectedWarmPaths?.decisionMakerId).toBe(MORGAN);
    expect(vm.highlightIds).toEqual(expect.arrayContaining([DANA, LEE, MORGAN]));
    expect(vm.highlightLinkIds.length).toBeGreaterThan(0);
    s.selectedId = null;
    expect([vm.highlightIds, vm.highlightLinkIds, vm.selectedPerson]).toEqual([[], [], null]);
  });

  it('the drawing height comes from the design attribute, within bounds, or fills the window', () => {
    expect(new MapViewModel(loaded({ height: 900 })).bodyStyle).toBe('--rm-view-height: 900px;');
    expect(new MapViewModel(loaded({ height: 100, fillHeight: 700 })).viewHeight).toBe(300);
    // Unset (or not a number): the window's height below the toolbar, at least 400 px.
    expect(new MapViewModel(loaded({ height: undefined, fillHeight: 700 })).viewHeight).toBe(700);
    expect(new MapViewModel(loaded({ height: 'tall', fillHeight: 250 })).viewHeight).toBe(400);
    expect(new MapViewModel(loaded({ height: undefined, fillHeight: 0 })).viewHeight).toBe(400);
  });

  it('says which state fills the tab and which fills the map area', () => {
    expect(new MapViewModel(state({ context: { kind: 'none' } })).wholeAreaState).toBe('no-context');
    expect(new MapViewModel(state({ mapsLoading: true })).wholeAreaState).toBe('loading');
    expect(new MapViewModel(state({ maps: [] })).wholeAreaState).toBe('empty');
    expect(new MapViewModel(state({ mapsError: 'No access' })).wholeAreaState).toBe('maps-error');
    expect(new MapViewModel(loaded()).wholeAreaState).toBe('');
    expect(new MapViewModel(loaded({ graphLoading: true })).mapAreaState).toBe('graph-loading');
    expect(new MapViewModel(loaded({ graph: null, graphError: 'Gone' })).mapAreaState).toBe('graph-error');
    expect(new MapViewModel(loaded()).mapAreaState).toBe('');
  });

  it('the org chart is a drawing view like the graph; full screen and the goals line switch their classes', () => {
    const s = loaded({ view: 'orgchart' });
    const vm = new MapViewModel(s);
    expect([vm.isOrgChartView, vm.isDrawingView, vm.isGraphView]).toEqual([true, true, false]);
    expect(vm.cardClass).toBe('slds-card rm');
    s.fullScreen = true;
    s.goalsExpanded = true;
    expect([vm.cardClass, vm.fullScreenLabel, vm.goalsMoreLabel]).toEqual([
      'slds-card rm rm_full-screen',
      'Leave full screen',
      'less',
    ]);
  });
});

describe('memoised: the same arrays until an input changes', () => {
  it('analytics are recomputed on a data change (dataVersion) or new settings, not on pins or selection', () => {
    const s = loaded();
    const vm = new MapViewModel(s);
    const first = vm.insights;
    s.selectedId = DANA;
    s.graph = { ...s.graph!, people: s.graph!.people.map((p) => ({ ...p, layoutX: 10, layoutY: 20 })) };
    expect(vm.insights).toBe(first);
    s.dataVersion++;
    const second = vm.insights;
    expect(second).not.toBe(first);
    s.staleAfterDays = 30;
    expect(vm.insights).not.toBe(second);
  });

  it('the lists the children get stay the same until their inputs change', () => {
    const s = loaded({ selectedId: DANA });
    const vm = new MapViewModel(s);
    const before = [vm.visiblePeople, vm.visibleLinks, vm.tablePeople, vm.tableLinks, vm.activePeople];
    const changes = vm.selectedChanges;
    const highlight = vm.highlightIds;
    const again = [vm.visiblePeople, vm.visibleLinks, vm.tablePeople, vm.tableLinks, vm.activePeople];
    again.forEach((list, i) => expect(list).toBe(before[i]));
    expect(vm.selectedChanges).toBe(changes);
    expect(vm.highlightIds).toBe(highlight);

    s.searchTerm = 'd';
    expect(vm.visiblePeople).toBe(before[0]);
    expect(vm.tablePeople).not.toBe(before[2]);
    s.filters = { ...s.filters };
    expect(vm.visiblePeople).not.toBe(before[0]);
    s.graph = { ...s.graph!, people: [...s.graph!.people] };
    expect(vm.activePeople).not.toBe(before[4]);
    s.graph = { ...s.graph, changes: [...s.graph.changes] };
    expect(vm.selectedChanges).not.toBe(changes);
  });

  it('Memo recomputes only when an input changes by identity', () => {
    const memo = new Memo<number>();
    const compute = jest.fn(() => 7);
    const input = {};
    expect(memo.get([input, 1], compute)).toBe(7);
    expect(memo.get([input, 1], compute)).toBe(7);
    expect(compute).toHaveBeenCalledTimes(1);
    memo.get([{}, 1], compute);
    memo.get([{}, 1, 2], compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
