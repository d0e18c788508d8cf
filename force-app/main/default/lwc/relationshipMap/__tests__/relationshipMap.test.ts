/**
 * The Relationship Map container as an account manager uses it: what they see while it loads,
 * with no map, with a map; what each child receives (the real children render); and which Apex
 * call (c/relationshipMapApi, mocked) each action sends, with the toast and the inline error a
 * failure shows. Base components are sfdx-lwc-jest stubs: the tests read their public properties
 * and drive them with the events the real components fire.
 */
import { analyzeMap } from 'c/relationshipGraph';
import type { DecisionMakerPaths, InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import * as apex from 'c/relationshipMapApi';
import type { MapGraph, MapSummary, PersonCandidate, PersonChange, SaveResult } from 'c/relationshipMapApi';
import type { DrawingInputs } from '../viewModel';
import { ACCOUNT, DANA, LEE, MAP, MORGAN, clearPage, deferred, flush, graphFixture, read } from './container';
import { mount as mountMap } from './container';

jest.mock('c/relationshipMapApi', () => jest.requireActual<typeof import('./apexMock')>('./apexMock').mockApex());
const api = jest.mocked(apex);

const OTHER_MAP = 'a00000000000002AAA';
const PAT = 'a01000000000004AAA';
const KIM = 'a01000000000005AAA';
const JO = 'a01000000000006AAA';
const RILEY = 'a01000000000007AAA';
const DANA_LEE = 'a02000000000001AAA';
const LEE_MORGAN = 'a02000000000002AAA';

const mapsFixture = (): MapSummary[] => read<MapSummary[]>('maps.json');

// ---------------------------------------------------------------- elements

interface MapElement extends HTMLElement {
  recordId?: string;
  objectApiName?: string;
  mapId?: string;
  height?: number;
  decayFactor?: string;
  staleAfterDays?: number;
}
/** A base-component stub or a child: the public properties the template set. */
interface Stub extends HTMLElement {
  label: string;
  value: string;
  checked: boolean;
  disabled: boolean;
  alternativeText: string;
  fieldLevelHelp: string;
  /** lightning-helptext: the text shown on hover, focus or tap. */
  content: string;
  options: { label: string; value: string }[];
  people: MapPerson[];
  analysis: MapAnalysis;
  person: MapPerson;
  warmPaths: DecisionMakerPaths;
  changes: PersonChange[];
  candidates: PersonCandidate[];
  readOnly: boolean;
  detailsStatus: string;
  detailsError: string;
  rejectedEdit: { personId: string; fields: Record<string, unknown>; message: string } | null;
  canDeleteLinks: boolean;
  searchMatches: number | null;
}

/** The graph's inputs: what both drawings get (vm.drawing) and read-only. */
interface GraphChild extends HTMLElement, DrawingInputs {
  readOnly: boolean;
}

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot as ShadowRoot;
/** The container's children that own parts of its screen (health, toolbar, legend, new-map dialog), and theirs. */
const PARTS = [
  'c-relationship-map-health-badge',
  'c-relationship-map-toolbar',
  'c-relationship-map-legend',
  'c-relationship-map-new-map',
  'c-relationship-map-person-actions',
  'c-relationship-map-states',
  // The new-map dialog's body, fields, error and buttons.
  'c-relationship-map-form-box',
  'c-relationship-map-field',
  'c-relationship-map-form-alert',
  'c-relationship-map-form-footer',
].join(', ');
/** The container's shadow root and those of its parts (nested parts included). */
function roots(el: HTMLElement): ShadowRoot[] {
  const found = [root(el)];
  for (let i = 0; i < found.length; i++) {
    for (const part of Array.from(found[i].querySelectorAll<HTMLElement>(PARTS))) {
      if (part.shadowRoot) found.push(part.shadowRoot);
    }
  }
  return found;
}
const $ = (el: HTMLElement, selector: string): Stub | null => {
  for (const r of roots(el)) {
    const found = r.querySelector<Stub>(selector);
    if (found) return found;
  }
  return null;
};
const byId = (el: HTMLElement, id: string): Stub | null => $(el, `[data-id="${id}"]`);
const WHAT_IF = 'c-relationship-map-what-if';
const need = (el: HTMLElement, id: string): Stub => {
  const found = byId(el, id);
  if (!found) throw new Error(`nothing with data-id="${id}"`);
  return found;
};
const text = (el: HTMLElement): string =>
  roots(el)
    .map((r) => r.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
const graphOf = (el: HTMLElement): GraphChild => {
  const graph = $(el, 'c-relationship-map-graph');
  if (!graph) throw new Error('no graph');
  return graph as unknown as GraphChild;
};
const panelOf = (el: HTMLElement): Stub | null => $(el, 'c-relationship-map-person-panel');
const idsOf = (people: readonly { id: string }[]): string[] => people.map((p) => p.id).sort();

function change(target: Stub, detail: Record<string, unknown>): void {
  target.dispatchEvent(new CustomEvent('change', { detail }));
}

function fire(target: HTMLElement, name: string, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(name, { detail }));
}

/** The container on the page (default: an Account page), and the toasts it shows. */
const mount = (props?: Partial<MapElement>) => mountMap<MapElement>(props);

/** Mounted on an Account page with its maps and the first map loaded. */
async function mountLoaded(graph: MapGraph = graphFixture()) {
  api.getMapsForAccount.mockResolvedValue(mapsFixture());
  api.loadMapGraph.mockResolvedValue(graph);
  const mounted = mount();
  await flush();
  return mounted;
}

/** A Blob's text (jsdom's Blob has no text()). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

beforeEach(() => {
  jest.clearAllMocks();
  api.savePositions.mockResolvedValue({ savedIds: [], errors: [] });
});

afterEach(() => {
  clearPage();
  jest.useRealTimers();
});

// ---------------------------------------------------------------- loading and states

describe('loading', () => {
  it('shows a spinner, then the picker with the account maps and the first map', async () => {
    const maps = deferred<MapSummary[]>();
    api.getMapsForAccount.mockReturnValue(maps.promise);
    api.loadMapGraph.mockResolvedValue(graphFixture());
    const { element } = mount();
    await flush(1);

    expect(need(element, 'loading')).toBeTruthy();
    expect($(element, 'lightning-spinner')?.alternativeText).toBe('Loading relationship maps');
    expect(api.getMapsForAccount).toHaveBeenCalledWith(ACCOUNT);

    maps.resolve(mapsFixture());
    await flush();

    expect(byId(element, 'loading')).toBeNull();
    const picker = need(element, 'picker');
    expect(picker.options.map((o) => o.label)).toEqual([
      expect.stringMatching(/^Fleet platform renewal · Active · health \d+$/),
      'Telematics pilot · Draft',
    ]);
    expect(picker.value).toBe(MAP);
    expect(api.loadMapGraph).toHaveBeenCalledWith(MAP);
    expect(text(element)).toContain('Our goal: Renew the fleet platform for three years');
    expect(text(element)).toContain('Their goal: Cut logistics cost 10% this year');
    expect(need(element, 'health').textContent?.trim()).toMatch(/^Health \d+$/);
  });

  it('switches maps from the picker', async () => {
    const { element } = await mountLoaded();
    const empty: MapGraph = {
      summary: mapsFixture()[1],
      people: [],
      links: [],
      changes: [],
      canEdit: true,
      canDelete: false,
    };
    api.loadMapGraph.mockResolvedValue(empty);

    change(need(element, 'picker'), { value: OTHER_MAP });
    await flush();

    expect(api.loadMapGraph).toHaveBeenLastCalledWith(OTHER_MAP);
    expect(text(element)).toContain('Run a telematics pilot in two depots');
    expect(text(element)).toContain('Nobody is on this map yet');
  });

  it('shows the empty state with "Create your first map" when the account has no map', async () => {
    api.getMapsForAccount.mockResolvedValue([]);
    const { element } = mount();
    await flush();

    expect(text(element)).toContain('No relationship map yet');
    expect(need(element, 'create-first').label).toBe('Create your first map');
    expect(api.loadMapGraph).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('explains where the component belongs when there is no account', async () => {
    const { element } = mount({});
    await flush();

    expect(need(element, 'no-context').textContent).toContain('Place this component on an Account');
    expect(api.getMapsForAccount).not.toHaveBeenCalled();
  });

  it('on a Relationship Map page opens that map, then lists its account maps', async () => {
    api.loadMapGraph.mockResolvedValue(graphFixture());
    api.getMapsForAccount.mockResolvedValue(mapsFixture());
    const { element } = mount({ recordId: MAP, objectApiName: 'Relationship_Map__c' });
    await flush();

    expect(api.loadMapGraph).toHaveBeenCalledWith(MAP);
    expect(api.getMapsForAccount).toHaveBeenCalledWith(ACCOUNT);
    expect(need(element, 'picker').value).toBe(MAP);
    expect(need(element, 'picker').options).toHaveLength(2);
  });

  it('shows a load error inline with "Try again", and retries', async () => {
    api.getMapsForAccount.mockRejectedValueOnce(new Error('Salesforce is down for maintenance.'));
    const { element } = mount();
    await flush();

    expect(need(element, 'maps-error').textContent).toContain('Salesforce is down for maintenance.');
    api.getMapsForAccount.mockResolvedValue(mapsFixture());
    api.loadMapGraph.mockResolvedValue(graphFixture());
    need(element, 'retry-maps').click();
    await flush();

    expect(byId(element, 'maps-error')).toBeNull();
    expect(graphOf(element).people.length).toBeGreaterThan(0);
  });

  it('shows a map that fails to load inline, keeping the picker', async () => {
    api.getMapsForAccount.mockResolvedValue(mapsFixture());
    api.loadMapGraph.mockRejectedValue(new Error("This relationship map was deleted, or you don't have access to it."));
    const { element } = mount();
    await flush();

    expect(need(element, 'graph-error').textContent).toContain('This relationship map was deleted');
    expect(byId(element, 'picker')).not.toBeNull();
    expect(byId(element, 'retry-graph')).not.toBeNull();
  });
});

// ---------------------------------------------------------------- new map

describe('new map', () => {
  it('sends the NewMap the rep entered, including "Include everyone", and opens the new map', async () => {
    api.getMapsForAccount.mockResolvedValue([]);
    const { element, toasts } = mount();
    await flush();
    need(element, 'create-first').click();
    await flush();

    expect(need(element, 'new-map-modal').getAttribute('role')).toBe('dialog');
    expect(need(element, 'new-include-everyone').fieldLevelHelp).toContain('Places every contact of this account');
    await expect(element).toBeAccessible();

    const set = (field: string, detail: Record<string, unknown>) =>
      change($(element, `[data-field="${field}"]`) as Stub, detail);
    set('name', { value: 'Fleet renewal' });
    set('goal', { value: '  Renew for three years ' });
    set('accountGoal', { value: 'Cut cost' });
    set('targetDate', { value: '2025-12-31' });
    set('status', { value: 'Active' });
    set('includeEveryone', { checked: true });

    const summary: MapSummary = { ...mapsFixture()[0], id: 'a00000000000003AAA', name: 'Fleet renewal' };
    api.createMap.mockResolvedValue({
      summary,
      people: { savedIds: ['p1', 'p2', 'p3'], errors: [] },
      links: { savedIds: [], errors: [] },
    });
    api.loadMapGraph.mockResolvedValue({ ...graphFixture(), summary });
    need(element, 'new-create').click();
    await flush();

    expect(api.createMap).toHaveBeenCalledWith({
      accountId: ACCOUNT,
      name: 'Fleet renewal',
      goal: 'Renew for three years',
      accountGoal: 'Cut cost',
      targetDate: '2025-12-31',
      status: 'Active',
      includeEveryone: true,
    });
    expect(byId(element, 'new-map-modal')).toBeNull();
    expect(api.loadMapGraph).toHaveBeenCalledWith('a00000000000003AAA');
    expect(need(element, 'picker').value).toBe('a00000000000003AAA');
    expect(toasts).toContainEqual(expect.objectContaining({ title: 'Map created', variant: 'success' }));
    expect(toasts[0].message).toContain('3 people placed');
  });

  it('keeps the dialog and what was typed when Salesforce refuses', async () => {
    const { element, toasts } = await mountLoaded();
    need(element, 'new-map').click();
    await flush();
    change($(element, '[data-field="goal"]') as Stub, { value: 'Expand to Europe' });
    api.createMap.mockRejectedValue(new Error('Goal: the value is too long.'));
    need(element, 'new-create').click();
    await flush();

    expect(need(element, 'modal-error').textContent).toContain('Goal: the value is too long.');
    expect(($(element, '[data-field="goal"]') as Stub).value).toBe('Expand to Europe');
    expect(toasts).toContainEqual(expect.objectContaining({ variant: 'error', title: 'The map was not created' }));
  });

  it('closes on Escape without creating anything', async () => {
    const { element } = await mountLoaded();
    need(element, 'new-map').click();
    await flush();
    need(element, 'new-map-modal').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();

    expect(byId(element, 'new-map-modal')).toBeNull();
    expect(api.createMap).not.toHaveBeenCalled();
  });

  it('requires our goal before calling Apex', async () => {
    const { element } = await mountLoaded();
    need(element, 'new-map').click();
    await flush();
    need(element, 'new-create').click();
    await flush();

    expect(api.createMap).not.toHaveBeenCalled();
    expect(need(element, 'modal-error').textContent).toContain('Our goal is required');
  });
});

// ---------------------------------------------------------------- what the graph receives

describe('the graph', () => {
  it('receives the people on the map (excluded hidden), their links and influence from the analytics', async () => {
    const fixture = graphFixture();
    const { element } = await mountLoaded(fixture);
    const graph = graphOf(element);

    expect(idsOf(graph.people)).toEqual([DANA, MORGAN, LEE, PAT, KIM, RILEY].sort());
    expect(graph.links.map((l) => l.id)).not.toContain('a02000000000005AAA');
    const expected = analyzeMap(fixture, { now: new Date(), config: { decay: 0.5 } });
    for (const p of expected.influence.people) {
      expect(graph.decisionInfluence[p.personId]).toBeCloseTo(p.decisionInfluence, 10);
    }
    expect(graph.decisionInfluence[MORGAN]).toBeGreaterThan(0);
    expect(graph.flags[KIM]).toContain('stale');
    expect(graph.flags[RILEY]).toContain('coverage-gap');
    expect(graph.flags[LEE]).toBeUndefined();
    expect(graph.readOnly).toBe(false);
  });

  it('hides everyone but the chosen stance, and shows excluded people only when asked', async () => {
    const { element } = await mountLoaded();

    change(need(element, 'filter-stance'), { value: 'Opponent' });
    await flush();
    expect(idsOf(graphOf(element).people)).toEqual([PAT]);
    expect(text(element)).toContain('Showing 1 of 6 people');

    change(need(element, 'filter-stance'), { value: '' });
    change(need(element, 'show-excluded'), { checked: true });
    await flush();
    expect(idsOf(graphOf(element).people)).toContain(JO);

    change(need(element, 'filter-role'), { value: 'decision-makers' });
    await flush();
    expect(idsOf(graphOf(element).people)).toEqual([MORGAN, JO, RILEY].sort());

    change(need(element, 'filter-role'), { value: '' });
    change(need(element, 'filter-side'), { value: 'Partner' });
    await flush();
    expect(idsOf(graphOf(element).people)).toEqual([KIM]);
  });

  it('passes the search term on', async () => {
    const { element } = await mountLoaded();
    change(need(element, 'search'), { value: 'lee' });
    await flush();

    expect(graphOf(element).searchTerm).toBe('lee');
  });

  it('tells the toolbar how many people the search matches, so it can say when nobody does', async () => {
    const { element } = await mountLoaded();
    const toolbar = () => $(element, 'c-relationship-map-toolbar') as Stub;
    expect(toolbar().searchMatches).toBeNull();
    change(need(element, 'search'), { value: 'zzz' });
    await flush();
    expect(toolbar().searchMatches).toBe(0);
    expect(need(element, 'no-match').textContent).toContain('No one on this map matches "zzz"');
    change(need(element, 'search'), { value: 'dana' });
    await flush();
    expect(toolbar().searchMatches).toBe(1);
    expect(byId(element, 'no-match')).toBeNull();
  });

  it('highlights the best warm path when a decision maker is selected', async () => {
    const { element } = await mountLoaded();
    fire(graphOf(element), 'select', { personId: MORGAN });
    await flush();

    const graph = graphOf(element);
    expect(graph.selectedId).toBe(MORGAN);
    expect([...graph.highlightIds]).toEqual([DANA, LEE, MORGAN]);
    expect([...graph.highlightLinkIds]).toEqual([DANA_LEE, LEE_MORGAN]);
    const panel = panelOf(element);
    expect(panel?.person.id).toBe(MORGAN);
    expect(panel?.warmPaths.decisionMakerId).toBe(MORGAN);
    expect(panel?.changes.map((c) => c.id)).toEqual(['a03000000000001AAA']);

    fire(graphOf(element), 'select', { personId: LEE });
    await flush();
    expect(graphOf(element).highlightIds).toEqual([]);

    fire(panelOf(element) as Stub, 'close', {});
    await flush();
    expect(panelOf(element)).toBeNull();
    expect(graphOf(element).selectedId).toBeNull();
  });

  it('saves a burst of drags in one call', async () => {
    const { element } = await mountLoaded();
    jest.useFakeTimers();
    fire(graphOf(element), 'pin', { positions: [{ id: MORGAN, x: 10.5, y: 20 }] });
    fire(graphOf(element), 'pin', { positions: [{ id: LEE, x: -30, y: 40.25 }] });
    fire(graphOf(element), 'pin', { positions: [{ id: MORGAN, x: 12, y: 22 }] });
    expect(api.savePositions).not.toHaveBeenCalled();

    jest.advanceTimersByTime(1000);
    jest.useRealTimers();
    await flush();

    expect(api.savePositions).toHaveBeenCalledTimes(1);
    expect(api.savePositions).toHaveBeenCalledWith(MAP, [
      { personId: MORGAN, layoutX: 12, layoutY: 22 },
      { personId: LEE, layoutX: -30, layoutY: 40.25 },
    ]);
    expect(graphOf(element).people.find((p) => p.id === LEE)?.layoutX).toBe(-30);
  });
});

// ---------------------------------------------------------------- edits from the panel

describe('the person panel', () => {
  async function selected(personId: string) {
    const mounted = await mountLoaded();
    fire(graphOf(mounted.element), 'select', { personId });
    await flush();
    return { ...mounted, panel: panelOf(mounted.element) as Stub };
  }

  const stanceOf = (element: HTMLElement, id: string) => graphOf(element).people.find((p) => p.id === id)?.stance;

  it('marking someone as left shows what changes if they leave first; Mark as left saves, Cancel reopens the edit', async () => {
    const { element } = await selected(LEE);
    api.updatePerson.mockResolvedValue({ ...(graphFixture().people.find((p) => p.id === LEE) as MapPerson) });
    fire(panelOf(element) as Stub, 'updateperson', { personId: LEE, fields: { isVacant: true, title: 'Gone' } });
    await flush();
    expect(api.updatePerson).not.toHaveBeenCalled();
    const view = () => ($(element, WHAT_IF) as unknown as { view: { heading: string; confirm: string } } | null)?.view;
    expect(view()).toMatchObject({ heading: 'Before you mark Lee Alvarez as left', confirm: 'leave' });

    // Cancel: nothing saved, the edit reopens with what the rep typed.
    fire($(element, WHAT_IF)!, 'close', undefined);
    await flush();
    expect(api.updatePerson).not.toHaveBeenCalled();
    expect(panelOf(element)?.rejectedEdit).toEqual(
      expect.objectContaining({ personId: LEE, fields: { isVacant: true, title: 'Gone' } })
    );

    fire(panelOf(element) as Stub, 'updateperson', { personId: LEE, fields: { isVacant: true } });
    await flush();
    fire($(element, WHAT_IF)!, 'leave', { personId: LEE });
    await flush();
    expect(api.updatePerson).toHaveBeenCalledWith(LEE, { isVacant: true }, expect.anything());
    expect(graphOf(element).people.find((p) => p.id === LEE)?.isVacant).toBe(true);
    expect($(element, WHAT_IF)).toBeNull();
  });

  it('updateperson changes the map at once, calls Apex and confirms', async () => {
    const { element, toasts, panel } = await selected(MORGAN);
    const saved = deferred<MapPerson>();
    api.updatePerson.mockReturnValue(saved.promise);

    fire(panel, 'updateperson', { personId: MORGAN, fields: { stance: 'Champion' } });
    await flush();

    expect(api.updatePerson).toHaveBeenCalledWith(
      MORGAN,
      { stance: 'Champion' },
      { version: null, values: { stance: 'Neutral' } }
    );
    expect(stanceOf(element, MORGAN)).toBe('Champion');
    expect(panelOf(element)?.person.stance).toBe('Champion');

    const morgan = graphFixture().people.find((p) => p.id === MORGAN) as MapPerson;
    saved.resolve({ ...morgan, stance: 'Champion', stanceChangedAt: '2025-07-01T10:00:00.000Z' });
    await flush();

    expect(stanceOf(element, MORGAN)).toBe('Champion');
    expect(toasts).toContainEqual(
      expect.objectContaining({ title: 'Saved', message: 'Morgan Lee: stance saved.', variant: 'success' })
    );
    expect(byId(element, 'notice')).toBeNull();
  });

  /** The fixture as a map load sends it: versions, no long texts (their flags instead). */
  function loadedWithoutTexts(): MapGraph {
    const graph = graphFixture();
    for (const p of graph.people) {
      p.version = '2025-07-01T10:00:00.000Z';
      p.hasDetails = false;
      p.hasPersonalGoals = !!p.personalGoals;
      delete p.personalGoals;
    }
    return graph;
  }

  it('opening a person loads their long texts (one call), with a loading state and a retry on failure', async () => {
    const details = deferred<MapPerson>();
    api.getPersonDetails.mockReturnValueOnce(details.promise);
    const mounted = await mountLoaded(loadedWithoutTexts());
    fire(graphOf(mounted.element), 'select', { personId: MORGAN });
    await flush();
    expect(api.getPersonDetails).toHaveBeenCalledTimes(1);
    expect(api.getPersonDetails).toHaveBeenCalledWith(MORGAN);
    expect(panelOf(mounted.element)?.detailsStatus).toBe('loading');

    const morgan = graphFixture().people.find((p) => p.id === MORGAN) as MapPerson;
    details.resolve({ ...morgan, personalGoals: 'Wants the CFO role', hasDetails: true, version: 'v2' });
    await flush();
    const panel = panelOf(mounted.element) as Stub;
    expect(panel.detailsStatus).toBe('');
    expect(panel.person.personalGoals).toBe('Wants the CFO role');
    expect(panel.person.version).toBe('v2');

    // Someone else: their texts fail to load; the panel says so and "Try again" asks once more.
    api.getPersonDetails.mockRejectedValueOnce(new Error("You don't have access to open this person."));
    fire(graphOf(mounted.element), 'select', { personId: LEE });
    await flush();
    expect(panelOf(mounted.element)?.detailsStatus).toBe('error');
    expect(panelOf(mounted.element)?.detailsError).toBe("You don't have access to open this person.");
    api.getPersonDetails.mockResolvedValueOnce({
      ...(graphFixture().people.find((p) => p.id === LEE) as MapPerson),
      hasDetails: true,
    });
    fire(panelOf(mounted.element) as Stub, 'retrydetails', {});
    await flush();
    expect(api.getPersonDetails).toHaveBeenCalledTimes(3);
    expect(panelOf(mounted.element)?.detailsStatus).toBe('');
  });

  it('a save refused because someone changed the person meanwhile reloads them and keeps what the rep typed', async () => {
    const graph = loadedWithoutTexts();
    const morgan = graphFixture().people.find((p) => p.id === MORGAN) as MapPerson;
    api.getPersonDetails.mockResolvedValueOnce({ ...morgan, version: '2025-07-01T10:00:00.000Z', hasDetails: true });
    const { element, toasts } = await mountLoaded(graph);
    fire(graphOf(element), 'select', { personId: MORGAN });
    await flush();

    const sentence = 'Dana Reyes changed this person at 10:42 — reload to see their changes.';
    api.updatePerson.mockRejectedValueOnce(new Error(sentence));
    const theirs = {
      ...morgan,
      stance: 'Champion' as const,
      personalGoals: 'Their text',
      version: '2025-07-01T10:42:00.000Z',
      hasDetails: true,
    };
    api.getPersonDetails.mockResolvedValueOnce(theirs);
    fire(panelOf(element) as Stub, 'updateperson', {
      personId: MORGAN,
      fields: { personalGoals: 'My text', stance: 'Opponent' },
    });
    await flush();

    expect(api.updatePerson).toHaveBeenCalledWith(
      MORGAN,
      { personalGoals: 'My text', stance: 'Opponent' },
      {
        version: '2025-07-01T10:00:00.000Z',
        values: { personalGoals: morgan.personalGoals ?? null, stance: 'Neutral' },
      }
    );
    expect(toasts).toContainEqual(expect.objectContaining({ variant: 'error', message: sentence }));
    // Their version replaces the optimistic one: nothing of theirs is hidden, nothing of ours saved.
    expect(stanceOf(element, MORGAN)).toBe('Champion');
    const panel = panelOf(element) as Stub;
    expect(panel.person.personalGoals).toBe('Their text');
    // What the rep typed goes back to the panel, which reopens the edit form with it.
    expect(panel.rejectedEdit).toEqual(
      expect.objectContaining({
        personId: MORGAN,
        message: sentence,
        fields: { personalGoals: 'My text', stance: 'Opponent' },
      })
    );
    expect(need(element, 'notice').textContent).toContain(sentence);
    // No "Try again": it would re-send the rep's fields over their change without showing it first.
    expect(byId(element, 'notice-retry')).toBeNull();

    // Saving again from the reopened form clears it and sends the new version.
    api.updatePerson.mockResolvedValueOnce({ ...theirs, personalGoals: 'My text', version: 'v3' });
    fire(panel, 'updateperson', { personId: MORGAN, fields: { personalGoals: 'My text' } });
    await flush();
    expect(api.updatePerson).toHaveBeenLastCalledWith(
      MORGAN,
      { personalGoals: 'My text' },
      { version: '2025-07-01T10:42:00.000Z', values: { personalGoals: 'Their text' } }
    );
    expect(panelOf(element)?.rejectedEdit).toBeNull();
  });

  it('tells a refusal because someone changed the person by their version, whatever its words', async () => {
    const morgan = graphFixture().people.find((p) => p.id === MORGAN) as MapPerson;
    const seen = { ...morgan, version: '2025-07-01T10:00:00.000Z', hasDetails: true };
    api.getPersonDetails.mockResolvedValueOnce(seen);
    const { element } = await mountLoaded(loadedWithoutTexts());
    fire(graphOf(element), 'select', { personId: MORGAN });
    await flush();

    // Refused for another reason: the person's version is still the one the rep saw.
    api.updatePerson.mockRejectedValueOnce(new Error('Stance: bad value for restricted picklist field: Ally'));
    api.getPersonDetails.mockResolvedValueOnce(seen);
    fire(panelOf(element) as Stub, 'updateperson', { personId: MORGAN, fields: { personalGoals: 'Mine' } });
    await flush();
    expect(api.getPersonDetails).toHaveBeenCalledTimes(2);
    expect(panelOf(element)?.rejectedEdit).toBeNull();

    // The org's wording (a translated Custom Label) does not matter: the version moved.
    const translated = 'Dana Reyes hat diese Person um 10:42 geändert – neu laden, um die Änderungen zu sehen.';
    api.updatePerson.mockRejectedValueOnce(new Error(translated));
    api.getPersonDetails.mockResolvedValueOnce({
      ...seen,
      personalGoals: 'Theirs',
      version: '2025-07-01T10:42:00.000Z',
    });
    fire(panelOf(element) as Stub, 'updateperson', { personId: MORGAN, fields: { personalGoals: 'Mine' } });
    await flush();
    expect((panelOf(element) as Stub).person.personalGoals).toBe('Theirs');
    expect(panelOf(element)?.rejectedEdit).toEqual(
      expect.objectContaining({ personId: MORGAN, message: translated, fields: { personalGoals: 'Mine' } })
    );
  });

  it('rolls the change back and says why, in a toast and inline, when Apex refuses', async () => {
    const { element, toasts, panel } = await selected(MORGAN);
    api.updatePerson.mockRejectedValue(new Error('Stance: bad value for restricted picklist field: Ally'));

    fire(panel, 'updateperson', { personId: MORGAN, fields: { stance: 'Champion', sentiment: 'Positive' } });
    await flush();

    expect(stanceOf(element, MORGAN)).toBe('Neutral');
    expect(graphOf(element).people.find((p) => p.id === MORGAN)?.sentiment).toBe('Neutral');
    expect(toasts).toContainEqual(
      expect.objectContaining({ variant: 'error', message: 'Stance: bad value for restricted picklist field: Ally' })
    );
    const notice = need(element, 'notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('Morgan Lee was not saved');

    // "Try again" sends the same change again: nothing the rep chose is lost.
    api.updatePerson.mockResolvedValue({ ...graphFixture().people[1], stance: 'Champion' });
    need(element, 'notice-retry').click();
    await flush();
    expect(api.updatePerson).toHaveBeenLastCalledWith(
      MORGAN,
      { stance: 'Champion', sentiment: 'Positive' },
      expect.objectContaining({ values: { stance: 'Neutral', sentiment: 'Neutral' } })
    );
    expect(stanceOf(element, MORGAN)).toBe('Champion');
    expect(byId(element, 'notice')).toBeNull();
  });

  it('keeps a later click when an earlier one fails', async () => {
    const { element, panel } = await selected(MORGAN);
    const first = deferred<MapPerson>();
    const second = deferred<MapPerson>();
    api.updatePerson.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);

    fire(panel, 'updateperson', { personId: MORGAN, fields: { stance: 'Skeptic' } });
    fire(panel, 'updateperson', { personId: MORGAN, fields: { stance: 'Supporter' } });
    await flush();
    first.reject(new Error('Record locked: try again.'));
    await flush();
    expect(stanceOf(element, MORGAN)).toBe('Supporter');

    second.resolve({ ...graphFixture().people[1], stance: 'Supporter' });
    await flush();
    expect(stanceOf(element, MORGAN)).toBe('Supporter');
  });

  it('opens read-only when the user has no edit rights, before they try to change anything', async () => {
    const { element } = await mountLoaded({ ...graphFixture(), canEdit: false });
    fire(graphOf(element), 'select', { personId: MORGAN });
    await flush();

    expect(need(element, 'read-only').textContent).toContain('You can view this map but not change it');
    expect(graphOf(element).readOnly).toBe(true);
    expect(panelOf(element)?.readOnly).toBe(true);
    expect(need(element, 'add-people').disabled).toBe(true);
    expect(api.updatePerson).not.toHaveBeenCalled();
  });

  it('turns read-only when Salesforce says the user may not edit, and tells them', async () => {
    const { element, panel } = await selected(MORGAN);
    api.updatePerson.mockRejectedValue(
      new Error(
        "You don't have access to edit people on this map. Ask your Salesforce admin for the Relationship Maps User permission set."
      )
    );
    fire(panel, 'updateperson', { personId: MORGAN, fields: { stance: 'Champion' } });
    await flush();

    expect(need(element, 'read-only').textContent).toContain("You don't have access to edit people on this map");
    expect(graphOf(element).readOnly).toBe(true);
    expect(panelOf(element)?.readOnly).toBe(true);
    expect(need(element, 'add-people').disabled).toBe(true);
    expect(byId(element, 'person-actions')).toBeNull();

    fire(panelOf(element) as Stub, 'updateperson', { personId: MORGAN, fields: { stance: 'Supporter' } });
    await flush();
    expect(api.updatePerson).toHaveBeenCalledTimes(1);
  });

  it('logcall logs the call, then refreshes that person and their changes', async () => {
    const { element, toasts, panel } = await selected(PAT);
    api.logCall.mockResolvedValue('00T000000000001AAA');
    const fresh = graphFixture();
    const pat = fresh.people.find((p) => p.id === PAT) as MapPerson;
    pat.stance = 'Skeptic';
    fresh.changes.push({
      id: 'a03000000000009AAA',
      personId: PAT,
      field: 'Stance',
      oldValue: 'Opponent',
      newValue: 'Skeptic',
      changedAt: '2025-07-02T09:00:00.000Z',
      source: 'Call Log',
    });
    api.loadMapGraph.mockResolvedValue(fresh);

    fire(panel, 'logcall', {
      personId: PAT,
      subject: 'Call',
      comments: 'Open to a phased migration',
      stance: 'Skeptic',
      sentiment: 'Neutral',
    });
    await flush();

    expect(api.logCall).toHaveBeenCalledWith(PAT, {
      subject: 'Call',
      comments: 'Open to a phased migration',
      stance: 'Skeptic',
      sentiment: 'Neutral',
    });
    expect(toasts).toContainEqual(expect.objectContaining({ title: 'Call logged', variant: 'success' }));
    expect(stanceOf(element, PAT)).toBe('Skeptic');
    expect(
      panelOf(element)
        ?.changes.map((c) => c.id)
        .sort()
    ).toEqual(['a03000000000002AAA', 'a03000000000009AAA']);
  });

  it('addlink saves the link and draws it; removelink deletes it', async () => {
    const { element, panel, toasts } = await selected(RILEY);
    expect(graphOf(element).flags[RILEY]).toContain('coverage-gap');
    api.saveLinks.mockResolvedValue({ savedIds: ['a02000000000009AAA'], errors: [] });
    fire(panel, 'addlink', { fromId: DANA, toId: RILEY, type: 'Relationship', strength: 'Weak', notes: null });
    await flush();

    expect(api.saveLinks).toHaveBeenCalledWith(MAP, [
      { fromId: DANA, toId: RILEY, type: 'Relationship', strength: 'Weak', notes: null },
    ]);
    expect(graphOf(element).links.map((l) => l.id)).toContain('a02000000000009AAA');
    // Dana now knows Riley: the analytics rerun and Riley is no longer a coverage gap.
    expect(graphOf(element).flags[RILEY] ?? []).not.toContain('coverage-gap');
    expect(toasts).toContainEqual(expect.objectContaining({ title: 'Link added' }));

    api.deleteLinks.mockResolvedValue({ savedIds: ['a02000000000009AAA'], errors: [] });
    fire(panelOf(element) as Stub, 'removelink', { linkId: 'a02000000000009AAA' });
    await flush();
    expect(api.deleteLinks).toHaveBeenCalledWith(MAP, ['a02000000000009AAA']);
    expect(graphOf(element).links.map((l) => l.id)).not.toContain('a02000000000009AAA');
  });

  it("updatelink changes a link's type and strength at once, with the version seen, then reloads the map", async () => {
    const seen = '2025-01-01T09:00:00.000Z';
    const fixture = graphFixture();
    const withVersion = {
      ...fixture,
      links: fixture.links.map((l) => (l.id === DANA_LEE ? { ...l, version: seen } : l)),
    };
    const { element, toasts } = await mountLoaded(withVersion);
    fire(graphOf(element), 'select', { personId: DANA });
    await flush();
    expect(panelOf(element)?.canDeleteLinks).toBe(true);
    const saved = deferred<SaveResult>();
    api.saveLinks.mockReturnValue(saved.promise);
    const loads = api.loadMapGraph.mock.calls.length;
    fire(panelOf(element) as Stub, 'updatelink', { linkId: DANA_LEE, type: 'Influences', strength: 'Weak' });
    await flush();
    expect(api.saveLinks).toHaveBeenCalledWith(MAP, [
      { id: DANA_LEE, type: 'Influences', strength: 'Weak', version: seen },
    ]);
    // Drawn before Salesforce answers.
    expect(graphOf(element).links.find((l) => l.id === DANA_LEE)).toMatchObject({
      type: 'Influences',
      strength: 'Weak',
    });
    saved.resolve({ savedIds: [DANA_LEE], errors: [] });
    await flush();
    expect(toasts).toContainEqual(expect.objectContaining({ title: 'Link changed' }));
    // The save returns ids only: the map comes again with the link's new version.
    expect(api.loadMapGraph.mock.calls.length).toBe(loads + 1);
  });

  it('updatelink refused (changed meanwhile) puts the link back and says why inline', async () => {
    const { element } = await selected(DANA);
    api.saveLinks.mockResolvedValue({
      savedIds: [],
      errors: [{ index: 0, label: 'Dana Whitfield → Lee Alvarez', message: 'Sam Ortiz changed this link at 10:42.' }],
    });
    fire(panelOf(element) as Stub, 'updatelink', { linkId: DANA_LEE, type: 'Influences', strength: 'Weak' });
    await flush();
    expect(graphOf(element).links.find((l) => l.id === DANA_LEE)).toMatchObject({
      type: 'Relationship',
      strength: 'Strong',
    });
    expect(need(element, 'notice').textContent).toContain('Sam Ortiz changed this link at 10:42.');
  });

  it('offers removing links only to those who may delete them', async () => {
    const { element } = await mountLoaded({ ...graphFixture(), canDelete: false });
    fire(graphOf(element), 'select', { personId: DANA });
    await flush();
    expect(panelOf(element)?.canDeleteLinks).toBe(false);
  });

  it('shows a row error of a link save inline', async () => {
    const { element, panel } = await selected(RILEY);
    api.saveLinks.mockResolvedValue({
      savedIds: [],
      errors: [{ index: 0, label: 'Dana Whitfield → Riley Chen', message: 'This link already exists.' }],
    });
    fire(panel, 'addlink', { fromId: DANA, toId: RILEY, type: 'Relationship', strength: 'Weak', notes: null });
    await flush();

    expect(need(element, 'notice').textContent).toContain('Dana Whitfield → Riley Chen: This link already exists.');
  });

  it('trims a person from the map and restores them', async () => {
    const { element } = await selected(PAT);
    api.setPeopleExcluded.mockResolvedValue({ savedIds: [PAT], errors: [] });
    need(element, 'exclude').click();
    await flush();
    // Trim first shows what trimming changes; its "Trim <name>" trims.
    expect(api.setPeopleExcluded).not.toHaveBeenCalled();
    expect(($(element, WHAT_IF)! as unknown as { view: { heading: string } }).view.heading).toBe(
      'Before you trim Pat Okafor'
    );
    fire($(element, WHAT_IF)!, 'trim', { personId: PAT });
    await flush();

    expect(api.setPeopleExcluded).toHaveBeenCalledWith(MAP, [PAT], true);
    expect(idsOf(graphOf(element).people)).not.toContain(PAT);
    need(element, 'restore').click();
    await flush();
    expect(api.setPeopleExcluded).toHaveBeenLastCalledWith(MAP, [PAT], false);
    expect(idsOf(graphOf(element).people)).toContain(PAT);
  });

  it('shows "If <name> leaves" from the panel beside the map, and the panel again when it closes', async () => {
    const { element, panel } = await selected(LEE);
    fire(panel, 'whatif', { personId: LEE });
    await flush();
    const whatIf = $(element, WHAT_IF)! as unknown as { view: { heading: string; trim: boolean } };
    expect(whatIf.view).toMatchObject({ heading: 'If Lee Alvarez leaves', trim: false });
    expect(panelOf(element)).toBeNull();
    fire($(element, WHAT_IF)!, 'close', undefined);
    await flush();
    expect($(element, WHAT_IF)).toBeNull();
    expect(panelOf(element)).not.toBeNull();
  });

  it('deletes a person after a confirmation', async () => {
    const { element } = await selected(KIM);
    api.deletePeople.mockResolvedValue({ savedIds: [KIM], errors: [] });
    need(element, 'delete').click();
    await flush();
    expect(need(element, 'delete-question').textContent).toContain('Delete Kim Sato from the map?');
    need(element, 'delete-yes').click();
    await flush();

    expect(api.deletePeople).toHaveBeenCalledWith(MAP, [KIM]);
    expect(idsOf(graphOf(element).people)).not.toContain(KIM);
    expect(graphOf(element).links.some((l) => l.fromId === KIM || l.toId === KIM)).toBe(false);
    expect(panelOf(element)).toBeNull();
  });

  it('offers no Delete without the admin permission set, and says trimming keeps everything', async () => {
    const { element } = await mountLoaded({ ...graphFixture(), canDelete: false });
    fire(graphOf(element), 'select', { personId: KIM });
    await flush();

    expect(byId(element, 'person-actions')).not.toBeNull();
    expect(byId(element, 'delete')).toBeNull();
    expect(need(element, 'exclude').disabled).toBe(false);
    expect(need(element, 'trim-hint').content).toContain('keeps their details, links and history');
    expect(need(element, 'trim-hint').content).toContain('Only a Relationship Maps admin can delete people');

    api.setPeopleExcluded.mockResolvedValue({ savedIds: [KIM], errors: [] });
    need(element, 'exclude').click();
    await flush();
    fire($(element, WHAT_IF)!, 'trim', { personId: KIM });
    await flush();
    expect(api.setPeopleExcluded).toHaveBeenCalledWith(MAP, [KIM], true);
    expect(api.deletePeople).not.toHaveBeenCalled();
  });

  it('treats a graph without canDelete (an older server) as no delete', async () => {
    const older: Partial<MapGraph> = graphFixture();
    delete older.canDelete;
    const { element } = await mountLoaded(older as MapGraph);
    fire(graphOf(element), 'select', { personId: KIM });
    await flush();

    expect(byId(element, 'delete')).toBeNull();
    expect(byId(element, 'exclude')).not.toBeNull();
  });

  it("puts Trim and Delete in the person panel's action row, after Edit, Log call and Add link", async () => {
    const { element } = await selected(KIM);
    const actions = $(element, 'c-relationship-map-person-actions');
    expect(actions?.getAttribute('slot')).toBe('actions');
    expect(actions?.parentElement).toBe(panelOf(element));
  });

  it('offers Delete with the admin permission set, and no trim hint', async () => {
    const { element } = await selected(KIM);
    expect(byId(element, 'delete')).not.toBeNull();
    expect(byId(element, 'trim-hint')).toBeNull();
  });
});

// ---------------------------------------------------------------- adding people

describe('adding people', () => {
  it('searches candidates and adds the ticked contacts and users, then reloads the map', async () => {
    const { element, toasts } = await mountLoaded();
    need(element, 'add-people').click();
    await flush();
    const panel = $(element, 'c-relationship-map-add-people') as Stub;
    api.searchPeople.mockResolvedValue([
      { recordId: '003000000000010AAA', name: 'Sasha Kim', title: 'COO', side: 'Customer' },
      { recordId: '005000000000010AAA', name: 'Sam Ortiz', side: 'Our Company' },
    ]);
    fire(panel, 'search', { term: 'sa' });
    await flush();

    expect(api.searchPeople).toHaveBeenCalledWith(MAP, 'sa');
    expect(($(element, 'c-relationship-map-add-people') as Stub).candidates).toHaveLength(2);

    api.addPeople.mockResolvedValue({
      people: { savedIds: ['a01000000000010AAA', 'a01000000000011AAA'], errors: [] },
      links: { savedIds: [], errors: [] },
    });
    fire(panel, 'addpeople', { contactIds: ['003000000000010AAA'], userIds: ['005000000000010AAA'] });
    await flush();

    expect(api.addPeople).toHaveBeenCalledWith(MAP, [
      { recordId: '003000000000010AAA', side: 'Customer' },
      { recordId: '005000000000010AAA', side: 'Our Company' },
    ]);
    expect(api.loadMapGraph).toHaveBeenCalledTimes(2);
    expect(toasts).toContainEqual(
      expect.objectContaining({ title: 'People added', message: '2 people added to the map.' })
    );
    expect($(element, 'c-relationship-map-add-people')).toBeNull();
  });

  describe('"Add everyone not on the map"', () => {
    const NEW_CONTACT = 'a01000000000020AAA';
    const NEW_USER = 'a01000000000021AAA';

    async function openPanel() {
      const mounted = await mountLoaded();
      need(mounted.element, 'add-people').click();
      await flush();
      const panel = () =>
        $(mounted.element, 'c-relationship-map-add-people') as Stub & {
          everyoneCount: { contacts: number; users: number } | null;
          everyoneStatus: string;
        };
      return { ...mounted, panel };
    }

    it('counts first, confirms, adds, reloads the map and toasts the counts', async () => {
      const { element, toasts, panel } = await openPanel();
      api.countEveryone.mockResolvedValue({ contacts: 1, users: 1 });
      fire(panel(), 'counteveryone', {});
      await flush();

      expect(api.countEveryone).toHaveBeenCalledWith(MAP);
      expect(panel().everyoneCount).toEqual({ contacts: 1, users: 1 });
      expect(panel().everyoneStatus).toBe('');
      expect(api.addEveryone).not.toHaveBeenCalled();

      const reloaded = graphFixture();
      reloaded.people = [
        ...reloaded.people,
        { id: NEW_CONTACT, name: 'Sasha Kim', contactId: '003000000000010AAA' },
        { id: NEW_USER, name: 'Sam Ortiz', side: 'Our Company', userId: '005000000000010AAA' },
      ];
      api.loadMapGraph.mockResolvedValue(reloaded);
      let resolveAdd: (value: Awaited<ReturnType<typeof apex.addEveryone>>) => void = () => undefined;
      api.addEveryone.mockReturnValue(new Promise((resolve) => (resolveAdd = resolve)));
      fire(panel(), 'addeveryone', {});
      await flush();
      expect(panel().everyoneStatus).toBe('adding');
      expect(api.addEveryone).toHaveBeenCalledWith(MAP);

      resolveAdd({
        people: { savedIds: [NEW_CONTACT, NEW_USER], errors: [] },
        links: { savedIds: ['a02000000000020AAA'], errors: [] },
      });
      await flush();

      expect(api.loadMapGraph).toHaveBeenCalledTimes(2);
      expect(idsOf(graphOf(element).people)).toEqual(expect.arrayContaining([NEW_CONTACT, NEW_USER]));
      expect(toasts).toContainEqual(
        expect.objectContaining({
          title: 'Everyone added',
          variant: 'success',
          message: '2 people added to the map (1 contact, 1 of our people), with 1 Reports To link.',
        })
      );
      expect($(element, 'c-relationship-map-add-people')).toBeNull();
    });

    it('cancelling the confirmation adds nobody', async () => {
      const { panel } = await openPanel();
      api.countEveryone.mockResolvedValue({ contacts: 12, users: 0 });
      fire(panel(), 'counteveryone', {});
      await flush();
      fire(panel(), 'canceleveryone', {});
      await flush();

      expect(panel().everyoneCount).toBeNull();
      expect(api.addEveryone).not.toHaveBeenCalled();
    });

    it('a failure shows a toast and the error inline, and "Try again" adds again', async () => {
      const { element, toasts, panel } = await openPanel();
      api.countEveryone.mockResolvedValue({ contacts: 3, users: 0 });
      fire(panel(), 'counteveryone', {});
      await flush();
      api.addEveryone.mockRejectedValueOnce(
        new Error(
          "You don't have access to add people to this map. Ask your Salesforce admin for the Relationship Maps User permission set."
        )
      );
      fire(panel(), 'addeveryone', {});
      await flush();

      expect(toasts).toContainEqual(expect.objectContaining({ title: 'Nobody was added', variant: 'error' }));
      expect(need(element, 'notice').textContent).toContain("You don't have access to add people to this map");
      expect(api.loadMapGraph).toHaveBeenCalledTimes(1);
      expect(need(element, 'read-only').textContent).toContain("You don't have access to add people");
    });

    it('reports the rows it could not add, keeps the panel open and retries only the rest', async () => {
      const { element, toasts, panel } = await openPanel();
      api.countEveryone.mockResolvedValue({ contacts: 2, users: 0 });
      fire(panel(), 'counteveryone', {});
      await flush();
      api.addEveryone.mockResolvedValueOnce({
        people: {
          savedIds: [NEW_CONTACT],
          errors: [{ index: 1, label: 'Lou Park', message: 'Title: keep it to 128 characters.' }],
        },
        links: { savedIds: [], errors: [] },
      });
      fire(panel(), 'addeveryone', {});
      await flush();

      expect(toasts).toContainEqual(expect.objectContaining({ title: 'Everyone added' }));
      expect(toasts).toContainEqual(
        expect.objectContaining({ title: 'Some people or links were not added', variant: 'error' })
      );
      expect(need(element, 'notice').textContent).toContain('Lou Park: Title: keep it to 128 characters.');
      expect($(element, 'c-relationship-map-add-people')).not.toBeNull();

      api.addEveryone.mockResolvedValueOnce({
        people: { savedIds: [], errors: [] },
        links: { savedIds: [], errors: [] },
      });
      need(element, 'notice-retry').click();
      await flush();
      expect(api.addEveryone).toHaveBeenCalledTimes(2);
      expect(toasts).toContainEqual(expect.objectContaining({ title: 'Nobody to add', variant: 'info' }));
    });

    it('a failed count shows the error and asks nothing', async () => {
      const { element, toasts, panel } = await openPanel();
      api.countEveryone.mockRejectedValueOnce(
        new Error("This relationship map was deleted, or you don't have access to it.")
      );
      fire(panel(), 'counteveryone', {});
      await flush();

      expect(toasts).toContainEqual(
        expect.objectContaining({ title: 'Could not count the people not on the map yet', variant: 'error' })
      );
      expect(panel().everyoneCount).toBeNull();
      expect(panel().everyoneStatus).toBe('');
      expect(need(element, 'notice').textContent).toContain('This relationship map was deleted');
    });
  });

  it('offers to add people to an empty map', async () => {
    api.getMapsForAccount.mockResolvedValue(mapsFixture());
    api.loadMapGraph.mockResolvedValue({
      summary: mapsFixture()[0],
      people: [],
      links: [],
      changes: [],
      canEdit: true,
      canDelete: false,
    });
    const { element } = mount();
    await flush();

    expect(text(element)).toContain('Nobody is on this map yet');
    expect($(element, 'c-relationship-map-graph')).toBeNull();
    api.searchPeople.mockResolvedValue([{ recordId: '003000000000010AAA', name: 'Sasha Kim', side: 'Customer' }]);
    api.addPeople.mockResolvedValue({
      people: { savedIds: ['a01000000000010AAA'], errors: [] },
      links: { savedIds: [], errors: [] },
    });
    need(element, 'add-all').click();
    await flush();

    expect(api.searchPeople).toHaveBeenCalledWith(MAP, '');
    expect(api.addPeople).toHaveBeenCalledWith(MAP, [{ recordId: '003000000000010AAA', side: 'Customer' }]);
    await expect(element).toBeAccessible();
  });
});

// ---------------------------------------------------------------- views, export, legend, health

describe('views and tools', () => {
  it('switches between graph, table and plan', async () => {
    const { element } = await mountLoaded();
    change(need(element, 'view'), { value: 'table' });
    await flush();

    expect($(element, 'c-relationship-map-graph')).toBeNull();
    const table = $(element, 'c-relationship-map-table') as Stub;
    expect(idsOf(table.people)).toEqual([DANA, MORGAN, LEE, PAT, KIM, RILEY].sort());
    expect(table.analysis.health.score).toBeGreaterThanOrEqual(0);
    expect(byId(element, 'fit')?.disabled).toBe(true);

    change(need(element, 'search'), { value: 'LEE' });
    await flush();
    expect(idsOf(($(element, 'c-relationship-map-table') as Stub).people)).toEqual([MORGAN, LEE].sort());

    fire($(element, 'c-relationship-map-table') as Stub, 'select', { personId: LEE });
    await flush();
    expect(panelOf(element)?.person.id).toBe(LEE);

    change(need(element, 'view'), { value: 'plan' });
    await flush();
    const plan = $(element, 'c-relationship-map-plan') as Stub;
    expect(plan).not.toBeNull();
    expect(idsOf(plan.people)).not.toContain(JO);
    // axe over the plan and the open person panel takes a few seconds in jsdom.
    await expect(element).toBeAccessible();
  }, 30000);

  it('exports the map data as a JSON file', async () => {
    const { element } = await mountLoaded();
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:relationship-map';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    fire(need(element, 'export'), 'select', { value: 'json' });
    await flush();

    expect(blobs).toHaveLength(1);
    expect(blobs[0].type).toBe('application/json');
    const doc = JSON.parse(await readBlob(blobs[0])) as {
      map: MapSummary;
      people: MapPerson[];
      links: InfluenceLink[];
      analysis: { health: { score: number }; decisionInfluence: Record<string, number> };
    };
    expect(doc.map.id).toBe(MAP);
    expect(doc.people).toHaveLength(7);
    expect(doc.links).toHaveLength(5);
    expect(need(element, 'health').textContent?.trim()).toBe(`Health ${doc.analysis.health.score}`);
    expect(doc.analysis.decisionInfluence[MORGAN]).toBeGreaterThan(0);
    const anchor = root(element).querySelector('a.rm-download') as HTMLAnchorElement;
    expect(anchor.download).toBe('fleet-platform-renewal-relationship-map.json');
    expect(anchor.getAttribute('href')).toBe('blob:relationship-map');
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('exports the drawing as SVG through the graph', async () => {
    const { element } = await mountLoaded();
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:svg';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fire(need(element, 'export'), 'select', { value: 'svg' });
    await flush();

    expect(blobs[0].type).toBe('image/svg+xml');
    expect(await readBlob(blobs[0])).toContain('<svg');
    click.mockRestore();
  });

  it('shows the legend and the health reasons on request', async () => {
    const { element } = await mountLoaded();
    expect(byId(element, 'legend')).toBeNull();
    need(element, 'legend-toggle').click();
    await flush();

    const legend = need(element, 'legend');
    expect(need(element, 'legend-toggle').getAttribute('aria-expanded')).toBe('true');
    for (const words of [
      'Champion',
      'Opponent',
      'Square: our own people',
      'Reports To',
      'Double ring',
      'Star: primary contact',
      'vacant',
    ])
      expect(legend.textContent).toContain(words);

    need(element, 'health').click();
    await flush();
    expect(need(element, 'health-reasons').textContent).toContain('decision makers');
    await expect(element).toBeAccessible();
  });
});

// ---------------------------------------------------------------- safety

describe('untrusted text', () => {
  it('renders names and goals that contain markup as text', async () => {
    api.getMapsForAccount.mockResolvedValue([graphFixture('markup.json').summary]);
    api.loadMapGraph.mockResolvedValue(graphFixture('markup.json'));
    const { element } = mount();
    await flush();

    expect(text(element)).toContain("<b>Win</b> the <script>alert('goal')</script> deal");
    expect(text(element)).toContain('<i>Their</i> goal');
    expect(need(element, 'picker').options[0].label).toContain('<img src=x onerror=alert(1)> renewal');
    fire(graphOf(element), 'select', { personId: 'a01000000000091AAA' });
    await flush();
    need(element, 'delete').click();
    await flush();
    expect(need(element, 'delete-question').textContent).toContain('<img src=x onerror=alert(2)>Mallory');

    for (const shadow of roots(element)) expect(shadow.querySelector('img, script, b, i')).toBeNull();
    const graphShadow = graphOf(element).shadowRoot as ShadowRoot;
    expect(graphShadow.querySelector('img, script')).toBeNull();
    expect(graphShadow.textContent).toContain('<img src=x onerror=alert(2)>Mallory');
  });
});
