import { createElement } from 'lwc';
import RelationshipMapTable from 'c/relationshipMapTable';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { sortBy } from '../sorting';
import type { LinkRow, PersonRow } from '../tableModel';
import { analyze, decisionInfluenceOf, loadFixture } from './fixtures';
import type { Fixture } from './fixtures';

// sfdx-lwc-jest's stub does not declare the real table's public `ariaLabel`; this one does.
jest.mock('lightning/datatable', () => jest.requireActual<object>('./stubs/datatable/datatable'));

interface TableProps {
  analysis: MapAnalysis | null;
  people: MapPerson[];
  links: InfluenceLink[];
  decisionInfluence: Record<string, number>;
}
type TableElement = HTMLElement & TableProps;

/** What the lightning-datatable stub received. */
interface DatatableStub extends HTMLElement {
  data: Record<string, unknown>[];
  columns: { label: string; fieldName: string; type: string; sortable: boolean; typeAttributes?: unknown }[];
  keyField: string;
  sortedBy: string | undefined;
  sortedDirection: string;
  hideCheckboxColumn: boolean;
}

function mount(fixture: Fixture, analysis: MapAnalysis | null = analyze(fixture)): TableElement {
  const element = createElement<TableProps>('c-relationship-map-table', { is: RelationshipMapTable });
  element.analysis = analysis;
  element.people = fixture.people;
  element.links = fixture.links;
  element.decisionInfluence = analysis ? decisionInfluenceOf(analysis) : {};
  document.body.appendChild(element);
  return element;
}

const root = (element: TableElement): ShadowRoot => element.shadowRoot as ShadowRoot;
function table(element: TableElement, id: 'people' | 'links'): DatatableStub {
  const found = root(element).querySelector<DatatableStub>(`lightning-datatable[data-id="${id}"]`);
  if (!found) throw new Error(`no ${id} table`);
  return found;
}
const peopleRows = (element: TableElement) => table(element, 'people').data as unknown as PersonRow[];
const linkRows = (element: TableElement) => table(element, 'links').data as unknown as LinkRow[];
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const rowOf = (element: TableElement, id: string): PersonRow => {
  const row = peopleRows(element).find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

/** Sorts a table as a click on its column header does. */
async function sort(element: TableElement, id: 'people' | 'links', fieldName: string, sortDirection: 'asc' | 'desc') {
  table(element, id).dispatchEvent(new CustomEvent('sort', { detail: { fieldName, sortDirection } }));
  await Promise.resolve();
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-table', () => {
  const fixture = loadFixture('acme-renewal');
  const analysis = analyze(fixture);

  describe('people', () => {
    it('has one row per person, keyed by id, without a checkbox column', () => {
      const element = mount(fixture, analysis);
      const people = table(element, 'people');
      expect(people.keyField).toBe('id');
      expect(people.hideCheckboxColumn).toBe(true);
      expect([...ids(peopleRows(element))].sort()).toEqual(fixture.people.map((p) => p.id).sort());
    });

    it('has every column of the contract, each sortable', () => {
      const element = mount(fixture, analysis);
      const columns = table(element, 'people').columns;
      expect(columns.map((c) => c.label)).toEqual([
        'Name',
        'Title',
        'Side',
        'Role',
        'Authority',
        'Stance',
        'Sentiment',
        'Decision influence',
        'Coverage',
        'Last interaction',
        'Last activity',
        'Flags',
        'If they leave',
      ]);
      expect(columns.filter((c) => c.fieldName !== 'whatIf').every((c) => c.sortable)).toBe(true);
      expect(columns.find((c) => c.fieldName === 'decisionInfluence')?.type).toBe('percent');
      expect(columns.find((c) => c.fieldName === 'lastInteraction')?.type).toBe('date-local');
      expect(columns.find((c) => c.fieldName === 'lastActivity')?.type).toBe('date-local');
    });

    it('shows each stance with its letter, blanks as the defaults, and influence as a share for the percent column', () => {
      const element = mount(fixture, analysis);
      expect(rowOf(element, 'pat')).toMatchObject({
        name: 'Pat',
        title: 'Enterprise Architect',
        side: 'Customer',
        role: 'Technical Evaluator',
        authority: 'Medium',
        stance: 'O Opponent',
        sentiment: 'Negative',
        decisionInfluence: 0.25,
        coverage: 'None',
        lastInteraction: null,
      });
      expect(rowOf(element, 'alex').stance).toBe('C Champion');
      expect(rowOf(element, 'riley').stance).toBe('K Skeptic');
      expect(rowOf(element, 'kim')).toMatchObject({ stance: '? Unknown', sentiment: 'Unknown' });
      expect(rowOf(element, 'dana')).toMatchObject({ side: 'Our Company', role: 'Unknown', lastInteraction: null });
      expect(rowOf(element, 'morgan')).toMatchObject({ decisionInfluence: 0.5, lastInteraction: '2025-06-10' });
      expect(rowOf(element, 'lee').decisionInfluence).toBeCloseTo(0.1555, 4);
      // Excluded from the analysis: no influence, a blank.
      expect(rowOf(element, 'jo').decisionInfluence).toBeNull();
    });

    it('takes decision influence from the decisionInfluence property', async () => {
      const element = mount(fixture, analysis);
      element.decisionInfluence = { ...decisionInfluenceOf(analysis), kim: 0.42 };
      await Promise.resolve();
      expect(rowOf(element, 'kim').decisionInfluence).toBe(0.42);
      expect(ids(peopleRows(element))[0]).toBe('morgan');
    });

    it('flags decision makers, the primary contact, exclusions, coverage gaps and missing contingency plans', () => {
      const element = mount(fixture, analysis);
      expect(rowOf(element, 'riley').flags).toBe('Decision maker, Coverage gap');
      expect(rowOf(element, 'morgan').flags).toBe('Decision maker, Coverage gap');
      expect(rowOf(element, 'pat').flags).toBe('No contingency plan');
      expect(rowOf(element, 'lee').flags).toBe('Primary contact');
      expect(rowOf(element, 'jo').flags).toBe('Decision maker, Excluded');
      expect(rowOf(element, 'dana').flags).toBe('');
    });

    it('starts with the most influential first, ties in input order, blanks last', () => {
      const element = mount(fixture, analysis);
      expect(table(element, 'people').sortedBy).toBe('decisionInfluence');
      expect(table(element, 'people').sortedDirection).toBe('desc');
      expect(ids(peopleRows(element))).toEqual(['morgan', 'riley', 'pat', 'lee', 'sam', 'dana', 'alex', 'kim', 'jo']);
    });

    it('sorts by name both ways', async () => {
      const element = mount(fixture, analysis);
      await sort(element, 'people', 'name', 'asc');
      const ascending = ['alex', 'dana', 'jo', 'kim', 'lee', 'morgan', 'pat', 'riley', 'sam'];
      expect(ids(peopleRows(element))).toEqual(ascending);
      expect(table(element, 'people').sortedBy).toBe('name');
      expect(table(element, 'people').sortedDirection).toBe('asc');
      await sort(element, 'people', 'name', 'desc');
      expect(ids(peopleRows(element))).toEqual([...ascending].reverse());
      expect(table(element, 'people').sortedDirection).toBe('desc');
    });

    it('sorts dates with blanks last in both directions', async () => {
      const element = mount(fixture, analysis);
      const blanks = ['dana', 'sam', 'pat', 'kim', 'jo'];
      await sort(element, 'people', 'lastInteraction', 'asc');
      expect(ids(peopleRows(element))).toEqual(['riley', 'alex', 'morgan', 'lee', ...blanks]);
      await sort(element, 'people', 'lastInteraction', 'desc');
      expect(ids(peopleRows(element))).toEqual(['lee', 'morgan', 'alex', 'riley', ...blanks]);
    });

    it("shows each person's latest call, meeting or email from the analysis, blank when none", () => {
      const lastActivity = { lee: '2025-06-20', riley: '2025-01-05', pat: 'not a date' };
      const element = mount(fixture, { ...analysis, evidence: { ...analysis.evidence, lastActivity } });
      expect(rowOf(element, 'lee').lastActivity).toBe('2025-06-20');
      expect(rowOf(element, 'riley').lastActivity).toBe('2025-01-05');
      expect(rowOf(element, 'pat').lastActivity).toBeNull();
      expect(rowOf(element, 'morgan').lastActivity).toBeNull();
      // Without evidence (or an analysis) the column is blank, not an error.
      expect(rowOf(mount(fixture, analysis), 'lee').lastActivity).toBeNull();
      expect(rowOf(mount(fixture, null), 'lee').lastActivity).toBeNull();
    });

    it('sorts last activity like the other dates, blanks last in both directions', async () => {
      const lastActivity = { lee: '2025-06-20', riley: '2025-01-05', alex: '2025-03-10' };
      const element = mount(fixture, { ...analysis, evidence: { ...analysis.evidence, lastActivity } });
      // Blanks keep the input order.
      const blanks = ['dana', 'sam', 'morgan', 'pat', 'kim', 'jo'];
      await sort(element, 'people', 'lastActivity', 'asc');
      expect(ids(peopleRows(element))).toEqual(['riley', 'alex', 'lee', ...blanks]);
      expect(table(element, 'people').sortedBy).toBe('lastActivity');
      await sort(element, 'people', 'lastActivity', 'desc');
      expect(ids(peopleRows(element))).toEqual(['lee', 'alex', 'riley', ...blanks]);
    });

    it('sorts stance in picklist order, Unknown last, equal stances in input order', async () => {
      const element = mount(fixture, analysis);
      await sort(element, 'people', 'stance', 'asc');
      expect(ids(peopleRows(element))).toEqual(['alex', 'jo', 'lee', 'morgan', 'riley', 'pat', 'dana', 'sam', 'kim']);
      await sort(element, 'people', 'stance', 'desc');
      expect(ids(peopleRows(element))).toEqual(['pat', 'riley', 'morgan', 'lee', 'alex', 'jo', 'dana', 'sam', 'kim']);
    });

    it('sorts text with a blank title last', async () => {
      const untitled: Fixture = {
        ...fixture,
        people: fixture.people.map((p) => (p.id === 'kim' ? { ...p, title: '   ' } : p)),
      };
      const element = mount(untitled);
      await sort(element, 'people', 'title', 'asc');
      expect(ids(peopleRows(element))).toEqual(['morgan', 'riley', 'alex', 'pat', 'jo', 'lee', 'sam', 'dana', 'kim']);
      await sort(element, 'people', 'title', 'desc');
      expect(ids(peopleRows(element))).toEqual(['dana', 'sam', 'lee', 'jo', 'pat', 'alex', 'riley', 'morgan', 'kim']);
    });

    it('sorts by every column without losing a row', async () => {
      const element = mount(fixture, analysis);
      for (const column of table(element, 'people').columns.filter((c) => c.sortable)) {
        for (const direction of ['asc', 'desc'] as const) {
          // eslint-disable-next-line no-await-in-loop -- each sort must render before the next one
          await sort(element, 'people', column.fieldName, direction);
          expect(table(element, 'people').sortedBy).toBe(column.fieldName);
          expect([...ids(peopleRows(element))].sort()).toEqual(fixture.people.map((p) => p.id).sort());
        }
      }
    });

    it('ignores a sort on an unknown field', async () => {
      const element = mount(fixture, analysis);
      const before = ids(peopleRows(element));
      await sort(element, 'people', 'nonsense', 'asc');
      expect(ids(peopleRows(element))).toEqual(before);
      expect(table(element, 'people').sortedBy).toBe('decisionInfluence');
    });

    it('makes the name a button whose row action fires select with the person id', () => {
      const element = mount(fixture, analysis);
      const name = table(element, 'people').columns[0];
      expect(name).toMatchObject({
        fieldName: 'name',
        type: 'button',
        typeAttributes: { label: { fieldName: 'name' }, name: 'select', variant: 'base' },
      });
      const handler = jest.fn();
      element.addEventListener('select', handler);
      table(element, 'people').dispatchEvent(
        new CustomEvent('rowaction', { detail: { action: name.typeAttributes, row: rowOf(element, 'riley') } })
      );
      expect(handler).toHaveBeenCalledTimes(1);
      const event = handler.mock.calls[0][0] as CustomEvent<{ personId: string }>;
      expect(event.detail).toEqual({ personId: 'riley' });
      expect(event.bubbles).toBe(false);
      expect(event.composed).toBe(false);
    });

    it('offers "If they leave" on every row: its row action fires whatif with the person id', () => {
      const element = mount(fixture, analysis);
      const columns = table(element, 'people').columns;
      const whatIf = columns[columns.length - 1];
      expect(whatIf).toMatchObject({ label: 'If they leave', type: 'button', sortable: false });
      const handler = jest.fn();
      element.addEventListener('whatif', handler);
      table(element, 'people').dispatchEvent(
        new CustomEvent('rowaction', { detail: { action: whatIf.typeAttributes, row: rowOf(element, 'riley') } })
      );
      expect(handler).toHaveBeenCalledTimes(1);
      expect((handler.mock.calls[0][0] as CustomEvent).detail).toEqual({ personId: 'riley' });
    });

    it('passes names with markup as plain text', () => {
      const marked = '<b>Kim</b> <img src=x onerror="alert(1)"> & Co';
      const withMarkup: Fixture = {
        ...fixture,
        people: fixture.people.map((p) => (p.id === 'kim' ? { ...p, name: marked } : p)),
      };
      const element = mount(withMarkup);
      expect(rowOf(element, 'kim').name).toBe(marked);
      expect(linkRows(element).find((r) => r.id === 'L6')?.fromName).toBe(marked);
      // The name column is a button labelled with the text; no column renders rich text or HTML.
      expect(table(element, 'people').columns.map((c) => c.type)).not.toContain('rich-text');
      expect(root(element).querySelector('b, img')).toBeNull();
    });
  });

  describe('links', () => {
    it('has one row per link: from, type, strength, to and notes', () => {
      const element = mount(fixture, analysis);
      expect(table(element, 'links').columns.map((c) => c.label)).toEqual(['From', 'Type', 'Strength', 'To', 'Notes']);
      expect(table(element, 'links').columns.every((c) => c.sortable)).toBe(true);
      const rows = linkRows(element);
      expect(ids(rows)).toEqual(fixture.links.map((l) => l.id));
      expect(rows.find((r) => r.id === 'L2')).toMatchObject({
        fromId: 'lee',
        fromName: 'Lee',
        type: 'Reports To',
        strength: 'Medium',
        toId: 'morgan',
        toName: 'Morgan',
        notes: 'Weekly operations review',
        fromMissing: false,
        toMissing: false,
      });
      expect(rows.find((r) => r.id === 'L10')).toMatchObject({
        fromId: null,
        fromName: 'Removed person',
        fromMissing: true,
        toName: 'Kim',
      });
    });

    it('names a person who is not in the people list', () => {
      const element = mount({ ...fixture, people: fixture.people.filter((p) => p.id !== 'jo') });
      expect(linkRows(element).find((r) => r.id === 'L9')).toMatchObject({
        fromId: null,
        fromName: 'Not on this map',
        fromMissing: true,
      });
    });

    it('sorts by strength in picklist order and by name with blanks last, both ways', async () => {
      const element = mount(fixture, analysis);
      await sort(element, 'links', 'strength', 'asc');
      expect(ids(linkRows(element))).toEqual(['L1', 'L4', 'L5', 'L9', 'L2', 'L3', 'L6', 'L7', 'L8', 'L10']);
      await sort(element, 'links', 'fromName', 'asc');
      expect(ids(linkRows(element))).toEqual(['L5', 'L1', 'L9', 'L6', 'L2', 'L7', 'L4', 'L3', 'L8', 'L10']);
      await sort(element, 'links', 'fromName', 'desc');
      expect(ids(linkRows(element))).toEqual(['L3', 'L8', 'L4', 'L7', 'L2', 'L6', 'L9', 'L1', 'L5', 'L10']);
      expect(table(element, 'links').sortedBy).toBe('fromName');
      expect(table(element, 'links').sortedDirection).toBe('desc');
      await sort(element, 'links', 'notes', 'asc');
      expect(ids(linkRows(element)).slice(0, 3)).toEqual(['L10', 'L7', 'L2']);
    });

    it('fires select for the From or To person of a link, never for a missing one', () => {
      const element = mount(fixture, analysis);
      const [from, , , to] = table(element, 'links').columns;
      expect(from.typeAttributes).toMatchObject({ name: 'selectFrom', disabled: { fieldName: 'fromMissing' } });
      const handler = jest.fn();
      element.addEventListener('select', handler);
      const rowAction = (action: unknown, id: string) =>
        table(element, 'links').dispatchEvent(
          new CustomEvent('rowaction', { detail: { action, row: linkRows(element).find((r) => r.id === id) } })
        );
      rowAction(from.typeAttributes, 'L4');
      rowAction(to.typeAttributes, 'L4');
      rowAction(from.typeAttributes, 'L10');
      expect(handler.mock.calls.map((c) => (c[0] as CustomEvent<{ personId: string }>).detail)).toEqual([
        { personId: 'pat' },
        { personId: 'riley' },
      ]);
    });
  });

  it('says so when there are no people or links', async () => {
    const element = mount({ ...fixture, people: [], links: [] }, null);
    const shadow = root(element);
    expect(shadow.querySelector('lightning-datatable')).toBeNull();
    expect(shadow.querySelector('[data-empty="people"]')?.textContent).toBe('No people on this map yet.');
    expect(shadow.querySelector('[data-empty="links"]')?.textContent).toBe(
      'No links yet: nobody on this map is connected.'
    );
    await expect(element).toBeAccessible();
  });

  it('is accessible, with a name for each table', async () => {
    const element = mount(fixture, analysis);
    expect(table(element, 'people').ariaLabel).toBe('People on the map');
    expect(table(element, 'links').ariaLabel).toBe('Links between people');
    expect(table(element, 'people').hasAttribute('aria-label')).toBe(false);
    await expect(element).toBeAccessible();
  });
});

describe('c-relationship-map-table on a phone', () => {
  const fixture = loadFixture('acme-renewal');
  const analysis = analyze(fixture);
  let listeners: ((event: { matches: boolean }) => void)[];

  /** A window as narrow as a phone (or not): what `matchMedia('(max-width: 30em)')` answers. */
  function screenWidth(phone: boolean): void {
    listeners = [];
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        media: query,
        matches: phone && query === '(max-width: 30em)',
        addEventListener: (_: string, listener: (event: { matches: boolean }) => void) => listeners.push(listener),
        removeEventListener: () => undefined,
      }),
    });
  }

  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  const cards = (element: TableElement) =>
    Array.from(root(element).querySelectorAll<HTMLButtonElement>('[data-id="people-cards"] button[data-person]'));

  it('lists the people as cards in the table order (name, title, role, stance), with no datatable', () => {
    screenWidth(true);
    const element = mount(fixture, analysis);
    expect(root(element).querySelector('lightning-datatable')).toBeNull();
    // The datatable's starting order: the most influential first.
    const order = ['morgan', 'riley', 'pat', 'lee', 'sam', 'dana', 'alex', 'kim', 'jo'];
    expect(cards(element).map((c) => c.dataset.person)).toEqual(order);
    // Morgan has a title, a role and a stance.
    const first = fixture.people.find((p) => p.id === order[0])!;
    expect(first.title).toBeTruthy();
    const card = cards(element)[0];
    expect(card.textContent).toContain(first.name);
    expect(card.textContent).toContain(first.title);
    expect(card.textContent).toContain(first.role ?? 'Unknown');
    expect(card.querySelector('[data-part="stance"]')!.textContent).toBe(first.stance ?? 'Unknown');
  });

  it('a tap on a card selects the person; a tap on a link end selects that end', () => {
    screenWidth(true);
    const element = mount(fixture, analysis);
    const handler = jest.fn();
    element.addEventListener('select', handler);
    cards(element)[1].click();
    expect(handler.mock.calls[0][0].detail).toEqual({ personId: cards(element)[1].dataset.person });
    // Each card also has "If <name> leaves": whatif { personId }.
    const whatIfs = jest.fn();
    element.addEventListener('whatif', whatIfs);
    const leave = root(element).querySelector<HTMLButtonElement>('[data-id="card-what-if"]')!;
    expect(leave.textContent?.trim()).toMatch(/^If .+ leaves$/);
    leave.click();
    expect(whatIfs.mock.calls[0][0].detail).toEqual({ personId: leave.dataset.whatIf });
    const link = fixture.links[0];
    const end = root(element).querySelector<HTMLButtonElement>(
      `[data-id="link-cards"] button[data-person="${link.toId}"]`
    )!;
    end.click();
    expect(handler.mock.calls[1][0].detail).toEqual({ personId: link.toId });
  });

  it('switches between cards and datatables when the window crosses the phone width', async () => {
    screenWidth(false);
    const element = mount(fixture, analysis);
    expect(table(element, 'people')).not.toBeNull();
    for (const listener of listeners) listener({ matches: true });
    await Promise.resolve();
    expect(root(element).querySelector('lightning-datatable')).toBeNull();
    expect(cards(element).length).toBe(fixture.people.length);
  });

  it('is accessible as cards', async () => {
    screenWidth(true);
    const element = mount(fixture, analysis);
    await expect(element).toBeAccessible();
  });
});

describe('sortBy', () => {
  const items = [
    { id: 'a', v: 2 as number | string | null },
    { id: 'b', v: null },
    { id: 'c', v: 1 },
    { id: 'd', v: Number.NaN },
    { id: 'e', v: 2 },
    { id: 'f', v: '' },
    { id: 'g', v: 1 },
  ];
  const order = (direction: 'asc' | 'desc') => sortBy(items, (i) => i.v, direction).map((i) => i.id);

  it('is stable and puts blanks (null, empty text, not-a-number) last in input order, both ways', () => {
    expect(order('asc')).toEqual(['c', 'g', 'a', 'e', 'b', 'd', 'f']);
    expect(order('desc')).toEqual(['a', 'e', 'c', 'g', 'b', 'd', 'f']);
  });

  it('compares text by locale, ignoring case, with numbers inside text in numeric order', () => {
    const names = ['item 10', 'Item 9', 'éclair', 'apple', 'Zebra'].map((v) => ({ v }));
    expect(sortBy(names, (n) => n.v, 'asc').map((n) => n.v)).toEqual(['apple', 'éclair', 'Item 9', 'item 10', 'Zebra']);
  });

  it('does not change its input', () => {
    const copy = items.map((i) => i.id);
    sortBy(items, (i) => i.v, 'desc');
    expect(items.map((i) => i.id)).toEqual(copy);
  });
});
