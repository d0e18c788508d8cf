/**
 * The toolbar sends what the rep asked for and changes nothing itself (but the legend): each
 * filter, the search, the view, Fit, Unpin all, Add people and Export go up as events; the counts
 * and filters come down. Base components are sfdx-lwc-jest stubs driven with their events.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import RelationshipMapToolbar, { DECISION_MAKERS, filterChange } from 'c/relationshipMapToolbar';
import type { Filters } from 'c/relationshipMapToolbar';
import { clearBody, listen, mount as mountElement } from './data/support';

const fixture = (): Record<'none' | 'opponents', Filters> =>
  JSON.parse(readFileSync(join(__dirname, 'data', 'filters.json'), 'utf8')) as Record<'none' | 'opponents', Filters>;

type Stub = HTMLElement & {
  label: string;
  value: string;
  checked: boolean;
  disabled: boolean;
  options: { value: string }[];
};

interface Props {
  filters?: Filters;
  searchTerm?: string;
  view?: string;
  readOnly?: boolean;
  shownCount?: number;
  totalCount?: number;
  searchMatches?: number | null;
}

const mount = (props: Props = {}) =>
  mountElement('c-relationship-map-toolbar', RelationshipMapToolbar, {
    filters: fixture().none,
    shownCount: 6,
    totalCount: 6,
    ...props,
  });

const flush = () => Promise.resolve();
const byId = (el: HTMLElement, id: string): Stub => el.shadowRoot!.querySelector<Stub>(`[data-id="${id}"]`) as Stub;

/** The container sends `view` down; then whether Fit and Unpin all are disabled. */
async function disabledIn(el: HTMLElement, view: string): Promise<{ fit: boolean; unpin: boolean }> {
  Object.assign(el, { view });
  await flush();
  return { fit: byId(el, 'fit').disabled, unpin: byId(el, 'unpin').disabled };
}

afterEach(clearBody);

describe('c-relationship-map-toolbar', () => {
  it('is a labelled group of accessible controls that says how many people are shown', async () => {
    const element = mount({ shownCount: 1, totalCount: 6 });
    await flush();
    expect(byId(element, 'toolbar').getAttribute('role')).toBe('group');
    expect(byId(element, 'toolbar').getAttribute('aria-label')).toBe('Map tools');
    expect(byId(element, 'search').label).toBe('Search people by name');
    expect(byId(element, 'shown').textContent).toContain('Showing 1 of 6 people');
    expect(byId(element, 'filter-role').options.map((o) => o.value)).toContain(DECISION_MAKERS);
    await expect(element).toBeAccessible();

    Object.assign(element, { shownCount: 1, totalCount: 1 });
    await flush();
    expect(byId(element, 'shown').textContent).toContain('Showing all 1 person');
  });

  it('sends each filter as a change to merge, checked against its values', async () => {
    const element = mount();
    const changes = listen(element, 'filterschange');
    await flush();
    byId(element, 'filter-stance').dispatchEvent(
      new CustomEvent('change', { detail: { value: ['Opponent', 'Nonsense', 'Skeptic'] } })
    );
    byId(element, 'filter-role').dispatchEvent(new CustomEvent('change', { detail: { value: DECISION_MAKERS } }));
    byId(element, 'filter-side').dispatchEvent(new CustomEvent('change', { detail: { value: 'Nonsense' } }));
    byId(element, 'show-excluded').dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    expect(changes).toEqual([
      { stance: ['Skeptic', 'Opponent'] },
      { role: DECISION_MAKERS },
      { side: '' },
      { showExcluded: true },
    ]);
    expect(filterChange('stance', 'Opponent')).toEqual({ stance: ['Opponent'] });
    expect(filterChange('stance', '')).toEqual({ stance: [] });
    expect(filterChange('role', 'Opponent')).toEqual({ role: '' });
    expect(filterChange('role', 'Economic Buyer')).toEqual({ role: 'Economic Buyer' });
  });

  it('offers "Clear filters" only when something filters, and sends the search term', async () => {
    const element = mount();
    await flush();
    expect(byId(element, 'clear-filters')).toBeNull();
    const searches = listen(element, 'searchchange');
    byId(element, 'search').dispatchEvent(new CustomEvent('change', { detail: { value: 'Lee' } }));
    expect(searches).toEqual([{ term: 'Lee' }]);

    Object.assign(element, { filters: fixture().opponents });
    await flush();
    const cleared = listen(element, 'clearfilters');
    byId(element, 'clear-filters').click();
    expect(cleared).toHaveLength(1);
  });

  it('switches views, and disables Fit, Unpin and image export outside the graph', async () => {
    const element = mount();
    const views = listen(element, 'viewchange');
    const fits = listen(element, 'fit');
    const unpins = listen(element, 'unpin');
    await flush();
    byId(element, 'fit').click();
    byId(element, 'unpin').click();
    expect(fits).toHaveLength(1);
    expect(unpins).toHaveLength(1);
    byId(element, 'view').dispatchEvent(new CustomEvent('change', { detail: { value: 'table' } }));
    byId(element, 'view').dispatchEvent(new CustomEvent('change', { detail: { value: 'pie' } }));
    expect(views).toEqual([{ view: 'table' }]);

    expect(await disabledIn(element, 'table')).toEqual({ fit: true, unpin: true });
    expect(byId(element, 'export-png').disabled).toBe(true);
    expect(byId(element, 'export-svg').disabled).toBe(true);
    expect(byId(element, 'export-json').disabled).toBeFalsy();
    expect(
      ['people-csv', 'links-csv', 'graphml'].map(
        (kind) => (byId(element, `export-${kind}`) as { label?: string }).label
      )
    ).toEqual(['People (CSV)', 'Links (CSV)', 'Graph tools (GraphML)']);
    expect(byId(element, 'export-people-csv').disabled).toBeFalsy();
    expect(byId(element, 'export-links-csv').disabled).toBeFalsy();
    expect(byId(element, 'export-graphml').disabled).toBeFalsy();
  });

  it('asks for an export by kind and for the add-people panel, but not when read-only', async () => {
    const element = mount();
    const exports = listen(element, 'export');
    const adds = listen(element, 'openaddpeople');
    await flush();
    byId(element, 'export').dispatchEvent(new CustomEvent('select', { detail: { value: 'json' } }));
    byId(element, 'add-people').click();
    expect(exports).toEqual([{ kind: 'json' }]);
    expect(adds).toHaveLength(1);
    for (const kind of ['people-csv', 'links-csv', 'graphml', 'csv', 'pdf']) {
      byId(element, 'export').dispatchEvent(new CustomEvent('select', { detail: { value: kind } }));
    }
    expect(exports.slice(1)).toEqual([{ kind: 'people-csv' }, { kind: 'links-csv' }, { kind: 'graphml' }]);

    Object.assign(element, { readOnly: true });
    await flush();
    expect(byId(element, 'add-people').disabled).toBe(true);
    expect(byId(element, 'unpin').disabled).toBe(true);
  });

  it('shows and hides the legend itself, with aria-expanded', async () => {
    const element = mount();
    await flush();
    const toggle = byId(element, 'legend-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot!.querySelector('c-relationship-map-legend')).toBeNull();
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(element.shadowRoot!.querySelector('c-relationship-map-legend')).not.toBeNull();
    await expect(element).toBeAccessible();
    toggle.click();
    await flush();
    expect(element.shadowRoot!.querySelector('c-relationship-map-legend')).toBeNull();
  });

  it('keeps the filters behind a Filters button and shows the active ones as removable pills', async () => {
    const element = mount();
    await flush();
    const toggle = byId(element, 'filters-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(byId(element, 'filter-panel').classList).toContain('slds-hide');
    expect(toggle.textContent.trim()).toBe('Filters');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(byId(element, 'filter-panel').classList).not.toContain('slds-hide');

    Object.assign(element, {
      filters: { ...fixture().none, stance: ['Skeptic', 'Opponent'], role: DECISION_MAKERS, showExcluded: true },
    });
    await flush();
    expect(toggle.textContent.trim()).toBe('Filters (4)');
    expect(byId(element, 'filter-stance').value).toEqual(['Skeptic', 'Opponent']);
    expect(byId(element, 'pill-stance-Skeptic').label).toBe('Stance: Skeptic');
    expect(byId(element, 'pill-stance-Opponent').label).toBe('Stance: Opponent');
    expect(byId(element, 'pill-role').label).toBe('Role: Decision makers (any)');
    expect(byId(element, 'pill-showExcluded').label).toBe('Excluded shown');
    expect(byId(element, 'pill-side')).toBeNull();

    const changes = listen(element, 'filterschange');
    byId(element, 'pill-stance-Opponent').dispatchEvent(new CustomEvent('remove'));
    byId(element, 'pill-role').dispatchEvent(new CustomEvent('remove'));
    byId(element, 'pill-showExcluded').dispatchEvent(new CustomEvent('remove'));
    expect(changes).toEqual([{ stance: ['Skeptic'] }, { role: '' }, { showExcluded: false }]);
    await expect(element).toBeAccessible();
  });

  it('offers the quick filters one click away, pressed and shown as a pill while on', async () => {
    const element = mount();
    await flush();
    const changes = listen(element, 'filterschange');
    const quick = { notSupporting: 'quick-not-supporting', uncovered: 'quick-uncovered', stale: 'quick-stale' };
    for (const [name, id] of Object.entries(quick)) {
      expect(byId(element, id).getAttribute('aria-pressed')).toBe('false');
      byId(element, id).click();
      expect(changes.pop()).toEqual({ [name]: true });
    }
    expect(byId(element, 'quick-not-supporting').textContent.trim()).toBe('Not supporting us');
    expect(byId(element, 'quick-uncovered').textContent.trim()).toBe('Uncovered decision makers');
    expect(byId(element, 'quick-stale').textContent.trim()).toBe('Stale people');

    Object.assign(element, { filters: { ...fixture().none, notSupporting: true, stale: true } });
    await flush();
    expect(byId(element, 'quick-not-supporting').getAttribute('aria-pressed')).toBe('true');
    expect(byId(element, 'quick-uncovered').getAttribute('aria-pressed')).toBe('false');
    expect(byId(element, 'pill-notSupporting').label).toBe('Not supporting us');
    expect(byId(element, 'pill-stale').label).toBe('Stale people');
    expect(byId(element, 'pill-uncovered')).toBeNull();
    expect(byId(element, 'clear-filters')).not.toBeNull();

    byId(element, 'quick-not-supporting').click();
    byId(element, 'pill-stale').dispatchEvent(new CustomEvent('remove'));
    expect(changes).toEqual([{ notSupporting: false }, { stale: false }]);
    await expect(element).toBeAccessible();
  });

  it('offers the org chart as a view, where Fit works but Unpin all does not', async () => {
    const element = mount();
    const views = listen(element, 'viewchange');
    await flush();
    expect(byId(element, 'view').options.map((o) => o.value)).toEqual(['graph', 'orgchart', 'table', 'plan']);
    byId(element, 'view').dispatchEvent(new CustomEvent('change', { detail: { value: 'orgchart' } }));
    expect(views).toEqual([{ view: 'orgchart' }]);
    expect(await disabledIn(element, 'orgchart')).toEqual({ fit: false, unpin: true });
  });

  describe('a name search that matches nobody', () => {
    const noMatch = (el: HTMLElement) => el.shadowRoot!.querySelector('[data-id="no-match"]')?.textContent ?? null;

    it('says so, naming the term, in the live summary', async () => {
      const element = mount({ searchTerm: '  xyz ', searchMatches: 0 });
      await flush();
      expect(noMatch(element)).toBe(
        'No one on this map matches "xyz". Check the spelling, or add them with Add people.'
      );
      expect(byId(element, 'shown').getAttribute('aria-live')).toBe('polite');
      expect(byId(element, 'shown').textContent).toContain('No one on this map matches "xyz"');
    });

    it('points at the filters when they hide people, and offers no adding when read-only', async () => {
      const filtered = mount({ searchTerm: 'xyz', searchMatches: 0, shownCount: 2, totalCount: 6 });
      const readOnly = mount({ searchTerm: 'xyz', searchMatches: 0, readOnly: true });
      await flush();
      expect(noMatch(filtered)).toBe(
        'No one of the 2 people shown matches "xyz". Clear the filters to search everyone.'
      );
      expect(noMatch(readOnly)).toBe('No one on this map matches "xyz". Check the spelling.');
    });

    it('says nothing when someone matches, without a term, or when the count is not known', async () => {
      const some = mount({ searchTerm: 'ann', searchMatches: 2 });
      const blank = mount({ searchTerm: '   ', searchMatches: 0 });
      const unknown = mount({ searchTerm: 'xyz', searchMatches: null });
      await flush();
      expect([noMatch(some), noMatch(blank), noMatch(unknown)]).toEqual([null, null, null]);
      Object.assign(some, { searchMatches: 0 });
      await flush();
      expect(noMatch(some)).toBe('No one on this map matches "ann". Check the spelling, or add them with Add people.');
    });
  });
});
