/**
 * The container and the account's activity evidence (issue 17): the map shows first and the
 * evidence loads in a call of its own (the design attribute's window), a failure is a quiet line
 * that never blocks the map, the graph gets the evidence lines, the suggestions strip accepts a
 * link (saveLinks, a Relationship link of the tie's strength) or a person (addPeople, then the
 * evidence again) and dismisses one (hidden at once, back with a toast when refused), read-only
 * users get nothing to act on, and the person panel's Activity section. c/relationshipMapApi is
 * mocked; the analytics are real (c/relationshipGraph).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { InfluenceLink, MapAnalysis, MapEvidence } from 'c/relationshipGraph';
import * as apex from 'c/relationshipMapApi';
import type { MapGraph, MapSummary } from 'c/relationshipMapApi';
import type { PersonActivity } from 'c/relationshipMapPersonActivity';
import type { EvidenceLink } from '../evidenceModel';
import { ACCOUNT, DANA, LEE, MAP, MORGAN, TODAY, clearPage, deferred, flush, graphFixture, read } from './container';
import { mount as mountMap } from './container';

jest.mock('c/relationshipMapApi', () => jest.requireActual<typeof import('./apexMock')>('./apexMock').mockApex());
const api = jest.mocked(apex);

const LINK_KEY = 'link:005000000000001AAA:003000000000002AAA';
const SAM_KEY = 'person:003000000000009AAA';

/** Dana has met Morgan 10 times today (Strong, no Relationship link: a suggestion), Lee 3 times (a link exists), Sam Ito (not on the map) 5 times. */
function evidenceFixture(): MapEvidence {
  const since = `${Number(TODAY.slice(0, 4)) - 1}${TODAY.slice(4)}`;
  const text = readFileSync(join(__dirname, 'data', 'evidence.json'), 'utf8')
    .replace(/"TODAY"/g, JSON.stringify(TODAY))
    .replace(/"SINCE"/g, JSON.stringify(since));
  return JSON.parse(text) as MapEvidence;
}

interface Child extends HTMLElement {
  evidenceLinks: EvidenceLink[];
  links: InfluenceLink[];
  analysis: MapAnalysis;
  activity: PersonActivity | null;
}

const child = (el: HTMLElement, tag: string): Child | null => (el.shadowRoot as ShadowRoot).querySelector<Child>(tag);
const strip = (el: HTMLElement): ShadowRoot => child(el, 'c-relationship-map-suggestions')!.shadowRoot as ShadowRoot;
const inStrip = (el: HTMLElement, selector: string) => strip(el).querySelector<HTMLElement>(selector);
const graphOf = (el: HTMLElement): Child => child(el, 'c-relationship-map-graph')!;

/** The container on an Account page, with `props`. */
const mount = (props: Record<string, unknown> = {}) =>
  mountMap({ recordId: ACCOUNT, objectApiName: 'Account', ...props });

async function mountWithEvidence(graph: MapGraph = graphFixture(), props: Record<string, unknown> = {}) {
  api.getMapsForAccount.mockResolvedValue(read<MapSummary[]>('maps.json'));
  api.loadMapGraph.mockResolvedValue(graph);
  api.getEvidence.mockResolvedValue(evidenceFixture());
  const mounted = mount(props);
  await flush();
  return mounted;
}

async function openStrip(el: HTMLElement): Promise<void> {
  inStrip(el, '[data-id="suggestions-toggle"]')!.click();
  await flush();
}

const rowKeys = (el: HTMLElement): string[] =>
  Array.from(strip(el).querySelectorAll<HTMLElement>('.rm-sg-row')).map((r) => r.dataset.row ?? '');

beforeEach(() => {
  jest.clearAllMocks();
});

afterEach(clearPage);

describe('loading the evidence', () => {
  it('shows the map first, then asks for the evidence in its own call with the window of the design attribute', async () => {
    api.getMapsForAccount.mockResolvedValue(read<MapSummary[]>('maps.json'));
    api.loadMapGraph.mockResolvedValue(graphFixture());
    const pending = deferred<MapEvidence>();
    api.getEvidence.mockReturnValue(pending.promise);
    const { element } = mount({ activityWindowMonths: 6 });
    await flush();

    expect(api.getEvidence).toHaveBeenCalledTimes(1);
    expect(api.getEvidence).toHaveBeenCalledWith(MAP, 6);
    // The map is on screen while the evidence is on its way.
    expect(graphOf(element).evidenceLinks).toEqual([]);
    expect(child(element, 'c-relationship-map-graph')).not.toBeNull();

    pending.resolve(evidenceFixture());
    await flush();
    const lines = graphOf(element).evidenceLinks;
    expect(lines.map((l) => [l.id, l.fromId, l.toId, l.strength])).toEqual(
      expect.arrayContaining([
        [LINK_KEY, DANA, MORGAN, 'Strong'],
        ['link:005000000000001AAA:003000000000003AAA', DANA, LEE, expect.any(String)],
      ])
    );
    expect(lines.find((l) => l.id === LINK_KEY)?.summary).toBe('10 meetings, last today');
  });

  it('keeps a window the admin typed within 1-36 months', async () => {
    await mountWithEvidence(graphFixture(), { activityWindowMonths: 99 });
    expect(api.getEvidence).toHaveBeenCalledWith(MAP, 36);
  });

  it('a failure is a quiet line under the decision makers, the map stays, and Try again asks again', async () => {
    api.getMapsForAccount.mockResolvedValue(read<MapSummary[]>('maps.json'));
    api.loadMapGraph.mockResolvedValue(graphFixture());
    api.getEvidence.mockRejectedValue({ body: { message: 'You do not have access to activities.' } });
    const { element, toasts } = mount();
    await flush();

    expect(child(element, 'c-relationship-map-graph')).not.toBeNull();
    expect(inStrip(element, '[data-id="evidence-error-text"]')?.textContent).toBe(
      'Activity could not be loaded: You do not have access to activities.'
    );
    expect(toasts).toEqual([]);

    api.getEvidence.mockResolvedValue(evidenceFixture());
    inStrip(element, '[data-id="evidence-retry"]')!.click();
    await flush();
    expect(api.getEvidence).toHaveBeenCalledTimes(2);
    expect(inStrip(element, '[data-id="evidence-error"]')).toBeNull();
    expect(inStrip(element, '[data-id="suggestions-headline"]')?.textContent).toBe(
      'Activity suggests 1 link and 1 person'
    );
  });

  it('counts evidence as relationships unless the design attribute says not', async () => {
    const on = await mountWithEvidence();
    expect(child(on.element, 'c-relationship-map-decision-makers')!.analysis.evidence.countedAsRelationships).toBe(
      true
    );
    const off = await mountWithEvidence(graphFixture(), { countActivityAsRelationships: false });
    expect(child(off.element, 'c-relationship-map-decision-makers')!.analysis.evidence.countedAsRelationships).toBe(
      false
    );
  });
});

describe('suggestions', () => {
  it('accepting a link saves a Relationship link of the tie strength from ours to theirs; the suggestion goes', async () => {
    const { element, toasts } = await mountWithEvidence();
    await openStrip(element);
    expect(rowKeys(element)).toEqual([LINK_KEY, SAM_KEY]);
    api.saveLinks.mockResolvedValue({ savedIds: ['a02000000000099AAA'], errors: [] });

    inStrip(element, `button[data-action="accept"][data-key="${LINK_KEY}"]`)!.click();
    await flush();

    expect(api.saveLinks).toHaveBeenCalledWith(MAP, [
      { fromId: DANA, toId: MORGAN, type: 'Relationship', strength: 'Strong', notes: null },
    ]);
    expect(graphOf(element).links.find((l) => l.id === 'a02000000000099AAA')).toMatchObject({
      fromId: DANA,
      toId: MORGAN,
      type: 'Relationship',
    });
    expect(rowKeys(element)).toEqual([SAM_KEY]);
    expect(toasts).toContainEqual(expect.objectContaining({ title: 'Link added' }));
  });

  it('accepting a person adds them (a contact as Customer), reloads the map and the evidence', async () => {
    const { element } = await mountWithEvidence();
    await openStrip(element);
    api.addPeople.mockResolvedValue({
      people: { savedIds: ['a01000000000099AAA'], errors: [] },
      links: { savedIds: [], errors: [] },
    });
    inStrip(element, `button[data-action="accept"][data-key="${SAM_KEY}"]`)!.click();
    // Hidden at once while it is being added.
    await Promise.resolve();
    expect(rowKeys(element)).not.toContain(SAM_KEY);
    await flush();

    expect(api.addPeople).toHaveBeenCalledWith(MAP, [{ recordId: '003000000000009AAA', side: 'Customer' }]);
    expect(api.loadMapGraph).toHaveBeenCalledTimes(2);
    expect(api.getEvidence).toHaveBeenCalledTimes(2);
  });

  it('dismissing hides it at once and remembers it on the map', async () => {
    const { element } = await mountWithEvidence();
    await openStrip(element);
    const pending = deferred<string[]>();
    api.dismissSuggestion.mockReturnValue(pending.promise);

    inStrip(element, `button[data-action="dismiss"][data-key="${LINK_KEY}"]`)!.click();
    await flush();
    expect(api.dismissSuggestion).toHaveBeenCalledWith(MAP, LINK_KEY);
    expect(rowKeys(element)).toEqual([SAM_KEY]);

    pending.resolve([LINK_KEY]);
    await flush();
    expect(rowKeys(element)).toEqual([SAM_KEY]);
    expect(child(element, 'c-relationship-map-decision-makers')!.analysis.evidence.linkSuggestions).toEqual([]);
  });

  it('a refused dismissal brings the suggestion back and says so in a toast', async () => {
    const { element, toasts } = await mountWithEvidence();
    await openStrip(element);
    api.dismissSuggestion.mockRejectedValue({ body: { message: 'You can view this map but not change it.' } });

    inStrip(element, `button[data-action="dismiss"][data-key="${LINK_KEY}"]`)!.click();
    await flush();

    expect(rowKeys(element)).toEqual([LINK_KEY, SAM_KEY]);
    expect(toasts).toContainEqual(
      expect.objectContaining({ title: 'The suggestion was not dismissed', variant: 'error' })
    );
  });

  it('offers nothing to a read-only user; the panel still shows the activity', async () => {
    const graph = { ...graphFixture(), canEdit: false };
    const { element } = await mountWithEvidence(graph);
    expect(inStrip(element, '[data-id="suggestions"]')).toBeNull();

    graphOf(element).dispatchEvent(new CustomEvent('select', { detail: { personId: MORGAN } }));
    await flush();
    const activity = child(element, 'c-relationship-map-person-panel')!.activity!;
    expect(activity.canAct).toBe(false);
    expect(activity.rows.map((r) => r.name)).toEqual(['Dana Whitfield']);
  });
});

describe('the person panel', () => {
  it("shows the person's activity: each of our people with the summary, the last date, their link suggestion", async () => {
    const { element } = await mountWithEvidence();
    api.getPersonDetails.mockResolvedValue(graphFixture().people.find((p) => p.id === MORGAN)!);
    graphOf(element).dispatchEvent(new CustomEvent('select', { detail: { personId: MORGAN } }));
    await flush();

    const activity = child(element, 'c-relationship-map-person-panel')!.activity!;
    expect(activity).toMatchObject({
      status: '',
      help: 'From the last 12 months of calls, meetings and emails you can see.',
      lastDate: TODAY,
      truncated: false,
      canAct: true,
      rows: [{ name: 'Dana Whitfield', summary: '10 meetings, last today', strength: 'Strong', onMap: true }],
    });
    expect(activity.suggestion?.key).toBe(LINK_KEY);

    // One of ours: each contact, the one not on the map said so.
    graphOf(element).dispatchEvent(new CustomEvent('select', { detail: { personId: DANA } }));
    await flush();
    const ours = child(element, 'c-relationship-map-person-panel')!.activity!;
    expect(ours.rows.map((r) => [r.name, r.onMap])).toEqual(
      expect.arrayContaining([
        ['Morgan Lee', true],
        ['Lee Alvarez', true],
        ['Sam Ito', false],
      ])
    );
  });

  it('a logged call brings the evidence again', async () => {
    const { element } = await mountWithEvidence();
    api.getPersonDetails.mockResolvedValue(graphFixture().people.find((p) => p.id === MORGAN)!);
    graphOf(element).dispatchEvent(new CustomEvent('select', { detail: { personId: MORGAN } }));
    await flush();
    api.logCall.mockResolvedValue('00T000000000001AAA');
    child(element, 'c-relationship-map-person-panel')!.dispatchEvent(
      new CustomEvent('logcall', {
        detail: { personId: MORGAN, subject: 'Call', comments: null, stance: null, sentiment: null },
      })
    );
    await flush();
    expect(api.logCall).toHaveBeenCalled();
    expect(api.getEvidence).toHaveBeenCalledTimes(2);
  });
});
