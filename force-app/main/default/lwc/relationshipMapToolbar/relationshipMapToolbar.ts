/**
 * The map's toolbar, one row: name search, a Filters button (the stance (several at once), role and
 * side filters and "Show excluded" open under it; the active ones stay in view as removable pills,
 * one per stance), the quick filters ("Not supporting us", "Uncovered decision makers", "Stale
 * people": one click each, a pill when on) beside the count, the view switch, Fit,
 * Unpin all, Add people, Export and the legend (which it shows and hides itself).
 * Data comes down (`filters`, `searchTerm`, `view`, `readOnly`, the counts, how many the search
 * matches: with none it says so, naming the term); every request goes up
 * as an event the container handles:
 * - `filterschange` (detail: the filters that changed, to merge), `searchchange` ({ term }), `clearfilters`
 * - `viewchange` ({ view }), `fit`, `unpin`, `openaddpeople`,
 *   `export` ({ kind: 'png' | 'svg' | 'json' | 'people-csv' | 'links-csv' | 'graphml' })
 */
import { LightningElement, api } from 'lwc';
import { ROLES, SIDES, STANCES } from 'c/relationshipGraph';
import { plural } from 'c/relationshipMapFormat';
import {
  DECISION_MAKERS,
  EXPORT_KINDS,
  NO_FILTERS,
  QUICK_FILTERS,
  VIEWS,
  filterChange,
} from 'c/relationshipMapFilters';
import type { ExportKind, Filters, View } from 'c/relationshipMapFilters';
import type { ChoiceSpec, ChooseDetail } from 'c/relationshipMapChoices';

// The filters' vocabulary lives in c/relationshipMapFilters (pure, shared with the model); the toolbar re-exports it.
export { DECISION_MAKERS, NO_FILTERS, filterChange } from 'c/relationshipMapFilters';
export type { ExportKind, Filters, View } from 'c/relationshipMapFilters';

interface Option {
  label: string;
  value: string;
}

/** One filter combobox, in the order the panel shows them. */
interface FilterField {
  name: 'role' | 'side';
  label: string;
  dataId: string;
  options: Option[];
  value: string;
}

/** A button of the Fit / Unpin all group; its data-id is the event it sends. */
interface ViewButton {
  dataId: 'fit' | 'unpin';
  label: string;
  icon: string;
  title: string;
  disabled: boolean;
}

/** An active filter as a removable pill ("Stance: Opponent"); `name` is what removing it clears ("stance:Opponent"). */
interface FilterPill {
  name: string;
  label: string;
  dataId: string;
}

/** The Export menu: pictures of the graph (graph view only), then the whole map as data files. */
const EXPORTS: readonly { value: ExportKind; label: string; image: boolean }[] = [
  { value: 'png', label: 'Image (PNG)', image: true },
  { value: 'svg', label: 'Vector image (SVG)', image: true },
  { value: 'json', label: 'Data (JSON)', image: false },
  { value: 'people-csv', label: 'People (CSV)', image: false },
  { value: 'links-csv', label: 'Links (CSV)', image: false },
  { value: 'graphml', label: 'Graph tools (GraphML)', image: false },
];

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
  /** How many of the people shown the name search matches; null (or unset) without a search. */
  @api searchMatches: number | null = null;

  legendOpen = false;
  filtersOpen = false;

  /** The stance filter's checkbox group: several stances at once. */
  get stanceControl() {
    const options = STANCES.map((v) => ({ label: v, value: v }));
    return { label: 'Stance (any of)', name: 'stance', options, value: this.stanceValue };
  }

  /** The stances chosen (several at once; none = all). */
  get stanceValue(): string[] {
    const stance: unknown = this.filters?.stance;
    return Array.isArray(stance) ? stance.filter((s): s is string => typeof s === 'string') : [];
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

  get filterFields(): FilterField[] {
    const f = this.filters ?? NO_FILTERS;
    return [
      { name: 'role', label: 'Role', dataId: 'filter-role', options: this.roleOptions, value: f.role },
      { name: 'side', label: 'Side', dataId: 'filter-side', options: this.sideOptions, value: f.side },
    ];
  }

  /** The quick filters: one click each, pressed while on (c-relationship-map-choices' properties). */
  get quickFilters() {
    const f = (this.filters ?? NO_FILTERS) as unknown as Record<string, unknown>;
    const choices: ChoiceSpec[] = QUICK_FILTERS.map((q) => ({
      value: q.name,
      label: q.label,
      title: q.title,
      dataId: q.dataId,
      pressed: f[q.name] === true,
    }));
    return { name: 'quick', label: 'Quick filters', variant: 'toggle', choices };
  }

  /** Each active filter, named as its option reads ("Role: Decision makers (any)"), one pill per stance. */
  get activeFilters(): FilterPill[] {
    const f = this.filters ?? NO_FILTERS;
    const pills: FilterPill[] = this.stanceValue.map((stance) => ({
      name: `stance:${stance}`,
      label: `Stance: ${stance}`,
      dataId: `pill-stance-${stance}`,
    }));
    for (const field of this.filterFields.filter((x) => x.value)) {
      const option = field.options.find((o) => o.value === field.value);
      pills.push({
        name: field.name,
        label: `${field.label}: ${option?.label ?? field.value}`,
        dataId: `pill-${field.name}`,
      });
    }
    for (const q of QUICK_FILTERS)
      if ((f as unknown as Record<string, unknown>)[q.name] === true)
        pills.push({ name: q.name, label: q.label, dataId: `pill-${q.name}` });
    if (f.showExcluded) pills.push({ name: 'showExcluded', label: 'Excluded shown', dataId: 'pill-showExcluded' });
    return pills;
  }

  get filtersButtonLabel(): string {
    const active = this.activeFilters.length;
    return active ? `Filters (${active})` : 'Filters';
  }

  get filtersExpanded(): string {
    return this.filtersOpen ? 'true' : 'false';
  }

  get filterPanelClass(): string {
    return this.filtersOpen ? 'rm-filter-panel' : 'rm-filter-panel slds-hide';
  }

  get exportItems(): { value: string; label: string; disabled: boolean; dataId: string }[] {
    return EXPORTS.map((e) => ({
      value: e.value,
      label: e.label,
      disabled: e.image && this.exportImageDisabled,
      dataId: `export-${e.value}`,
    }));
  }

  /** The view switch: a row of buttons, its label for screen readers only. */
  get viewControl() {
    const options: Option[] = [
      { label: 'Graph', value: 'graph' },
      { label: 'Org chart', value: 'orgchart' },
      { label: 'Table', value: 'table' },
      { label: 'Plan', value: 'plan' },
    ];
    return { type: 'button', label: 'View', variant: 'label-hidden', name: 'view', options, value: this.view };
  }

  get filterSummary(): string {
    const shown = this.shownCount;
    const total = this.totalCount;
    return shown === total ? `Showing all ${plural(total, 'person', 'people')}` : `Showing ${shown} of ${total} people`;
  }

  /** Said when the name search matches nobody shown, so an empty result is not a mystery. */
  get noMatchText(): string {
    const term = (this.searchTerm ?? '').trim();
    if (!term || this.searchMatches !== 0) return '';
    if (this.shownCount < this.totalCount) {
      return `No one of the ${plural(this.shownCount, 'person', 'people')} shown matches "${term}". Clear the filters to search everyone.`;
    }
    const next = this.readOnly ? 'Check the spelling.' : 'Check the spelling, or add them with Add people.';
    return `No one on this map matches "${term}". ${next}`;
  }

  get hasFilters(): boolean {
    return this.activeFilters.length > 0 || !!this.searchTerm;
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

  /** Fit frames a drawing: the graph or the org chart. */
  get cannotFit(): boolean {
    return !this.isGraphView && this.view !== 'orgchart';
  }

  get viewButtons(): ViewButton[] {
    return [
      {
        dataId: 'fit',
        label: 'Fit',
        icon: 'utility:expand_alt',
        title: 'Zoom so that everyone is in view',
        disabled: this.cannotFit,
      },
      {
        dataId: 'unpin',
        label: 'Unpin all',
        icon: 'utility:pin',
        title: 'Release everyone you placed by hand',
        disabled: this.cannotUnpin,
      },
    ];
  }

  get legendExpanded(): string {
    return this.legendOpen ? 'true' : 'false';
  }

  private send(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  /** Stance, role and side: the control's data-id names the filter. */
  handleFilter(event: CustomEvent<{ value?: unknown }>): void {
    const field = (event.currentTarget as HTMLElement).dataset.id?.replace('filter-', '') ?? '';
    this.send('filterschange', filterChange(field, event.detail?.value));
  }

  handleToggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
  }

  /** A quick filter's button: on, or off again. */
  handleQuickFilter(event: CustomEvent<ChooseDetail>): void {
    const name = event.detail?.value ?? '';
    const on = (this.filters as unknown as Record<string, unknown> | undefined)?.[name] === true;
    this.send('filterschange', filterChange(name, !on));
  }

  /** A pill's close button: that one filter (or that one stance) goes back to "all". */
  handleRemovePill(event: CustomEvent<{ name?: unknown }>): void {
    const name = (event.currentTarget as HTMLElement).dataset.name ?? '';
    if (name.startsWith('stance:')) {
      const stance = name.slice('stance:'.length);
      this.send(
        'filterschange',
        filterChange(
          'stance',
          this.stanceValue.filter((s) => s !== stance)
        )
      );
    } else {
      this.send('filterschange', filterChange(name, name === 'role' || name === 'side' ? '' : false));
    }
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
    if ((VIEWS as readonly unknown[]).includes(value)) this.send('viewchange', { view: value });
  }

  /** Fit sends `fit`; Unpin all sends `unpin` unless the map is read-only. */
  handleViewButton(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id === 'fit') this.send('fit');
    else if (id === 'unpin' && !this.readOnly) this.send('unpin');
  }

  handleAddPeople(): void {
    if (!this.readOnly) this.send('openaddpeople');
  }

  handleExport(event: CustomEvent<{ value?: unknown }>): void {
    const kind = event.detail?.value;
    if ((EXPORT_KINDS as readonly unknown[]).includes(kind)) this.send('export', { kind });
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
