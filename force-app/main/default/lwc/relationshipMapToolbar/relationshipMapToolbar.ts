/**
 * The map's toolbar: name search, the stance/role/side filters and "Show excluded", the view
 * switch, Fit, Unpin all, Add people, Export and the legend (which it shows and hides itself).
 * Data comes down (`filters`, `searchTerm`, `view`, `readOnly`, the counts); every request goes up
 * as an event the container handles:
 * - `filterschange` (detail: the filters that changed, to merge), `searchchange` ({ term }), `clearfilters`
 * - `viewchange` ({ view }), `fit`, `unpin`, `openaddpeople`, `export` ({ kind: 'png' | 'svg' | 'json' })
 */
import { LightningElement, api } from 'lwc';
import { ROLES, SIDES, STANCES } from 'c/relationshipGraph';
import { plural } from 'c/relationshipMapFormat';
import { DECISION_MAKERS, NO_FILTERS, filterChange } from 'c/relationshipMapFilters';
import type { Filters, View } from 'c/relationshipMapFilters';

// The filters' vocabulary lives in c/relationshipMapFilters (pure, shared with the model); the toolbar re-exports it.
export { DECISION_MAKERS, NO_FILTERS, filterChange } from 'c/relationshipMapFilters';
export type { ExportKind, Filters, View } from 'c/relationshipMapFilters';

interface Option {
  label: string;
  value: string;
}

const optionsOf = (values: readonly string[], allLabel: string): Option[] => [
  { label: allLabel, value: '' },
  ...values.map((v) => ({ label: v, value: v })),
];

export default class RelationshipMapToolbar extends LightningElement {
  @api filters: Filters = { ...NO_FILTERS };
  @api searchTerm = '';
  @api view: View = 'graph';
  @api readOnly = false;
  /** People the current filters show, and how many they choose from. */
  @api shownCount = 0;
  @api totalCount = 0;

  legendOpen = false;

  get stanceOptions(): Option[] {
    return optionsOf(STANCES, 'All stances');
  }

  get roleOptions(): Option[] {
    return [
      { label: 'All roles', value: '' },
      { label: 'Decision makers (any)', value: DECISION_MAKERS },
      ...ROLES.map((r) => ({ label: r, value: r })),
    ];
  }

  get sideOptions(): Option[] {
    return optionsOf(SIDES, 'All sides');
  }

  get viewOptions(): Option[] {
    return [
      { label: 'Graph', value: 'graph' },
      { label: 'Table', value: 'table' },
      { label: 'Plan', value: 'plan' },
    ];
  }

  get filterSummary(): string {
    const shown = this.shownCount;
    const total = this.totalCount;
    return shown === total ? `Showing all ${plural(total, 'person', 'people')}` : `Showing ${shown} of ${total} people`;
  }

  get hasFilters(): boolean {
    const f = this.filters ?? NO_FILTERS;
    return !!(f.stance || f.role || f.side || f.showExcluded || this.searchTerm);
  }

  private get isGraphView(): boolean {
    return this.view === 'graph';
  }

  get exportImageDisabled(): boolean {
    return !this.isGraphView;
  }

  get cannotUnpin(): boolean {
    return this.readOnly || !this.isGraphView;
  }

  get cannotFit(): boolean {
    return !this.isGraphView;
  }

  get legendExpanded(): string {
    return this.legendOpen ? 'true' : 'false';
  }

  private send(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  /** Stance, role and side: the combobox's data-id names the filter. */
  handleFilter(event: CustomEvent<{ value?: unknown }>): void {
    const field = (event.currentTarget as HTMLElement).dataset.id?.replace('filter-', '') ?? '';
    this.send('filterschange', filterChange(field, event.detail?.value));
  }

  handleShowExcluded(event: CustomEvent<{ checked?: unknown }>): void {
    this.send('filterschange', filterChange('showExcluded', event.detail?.checked));
  }

  handleSearch(event: CustomEvent<{ value?: unknown }>): void {
    const value = event.detail?.value;
    this.send('searchchange', { term: typeof value === 'string' ? value : '' });
  }

  handleClearFilters(): void {
    this.send('clearfilters');
  }

  handleView(event: CustomEvent<{ value?: unknown }>): void {
    const value = event.detail?.value;
    if (value === 'graph' || value === 'table' || value === 'plan') this.send('viewchange', { view: value });
  }

  handleFit(): void {
    this.send('fit');
  }

  handleUnpinAll(): void {
    if (!this.readOnly) this.send('unpin');
  }

  handleAddPeople(): void {
    if (!this.readOnly) this.send('openaddpeople');
  }

  handleExport(event: CustomEvent<{ value?: unknown }>): void {
    const kind = event.detail?.value;
    if (kind === 'png' || kind === 'svg' || kind === 'json') this.send('export', { kind });
  }

  handleToggleLegend(): void {
    this.legendOpen = !this.legendOpen;
  }

  /** Focus "Add people" (the container returns the focus here when its panel closes). */
  @api
  focusAddPeople(): void {
    this.template?.querySelector<HTMLElement>('[data-id="add-people"]')?.focus();
  }
}
