/**
 * The table view of a relationship map, the accessible alternative to the graph: a sortable
 * lightning-datatable of the people and one of the links. On a phone (narrower than 30em) the same
 * rows are cards instead (./cards.ts): a tap on a person card selects the person. Receives plain
 * data (docs/map-component.md); a person's name button or card (or a link's From/To button) fires
 * `select` `{ personId }`; a person's "If they leave" (row action, or the card's button) fires
 * `whatif` `{ personId }`.
 */
import { LightningElement, api } from 'lwc';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { sortBy } from './sorting';
import { PHONE_QUERY, linkCards, personCards } from './cards';
import type { LinkCard, PersonCard } from './cards';
import type { SortDirection } from './sorting';
import {
  LINK_COLUMNS,
  PEOPLE_COLUMNS,
  SELECT_FROM,
  SELECT_PERSON,
  SELECT_TO,
  linkEntries,
  personEntries,
} from './tableModel';
import type { DatatableColumn, Entry, LinkField, LinkRow, PersonField, PersonRow } from './tableModel';

/** `select` event detail. */
export interface SelectDetail {
  personId: string;
}

/** lightning-datatable `sort` event detail (the parts used). */
interface SortEventDetail {
  fieldName: string;
  sortDirection: SortDirection;
}

/** lightning-datatable `rowaction` event detail (the parts used). */
interface RowActionDetail<R> {
  action: { name?: string };
  row: R;
}

/** The people table's row action "If they leave": `whatif` { personId } asks the container what changes. */
const WHAT_IF = 'whatIf';
const WHAT_IF_COLUMN: DatatableColumn = {
  label: 'If they leave',
  fieldName: WHAT_IF,
  type: 'button',
  sortable: false,
  hideDefaultActions: true,
  typeAttributes: {
    label: 'What changes',
    name: WHAT_IF,
    variant: 'base',
    title: 'What changes if this person leaves',
  },
};

const PEOPLE_FIELDS: ReadonlySet<string> = new Set(PEOPLE_COLUMNS.map((c) => c.fieldName));
const LINK_FIELDS: ReadonlySet<string> = new Set(LINK_COLUMNS.map((c) => c.fieldName));

export default class RelationshipMapTable extends LightningElement {
  private _analysis: MapAnalysis | null = null;
  private _people: MapPerson[] = [];
  private _links: InfluenceLink[] = [];
  private _decisionInfluence: Record<string, number> = {};
  private personRows: Entry<PersonRow, PersonField>[] = [];
  private linkRows: Entry<LinkRow, LinkField>[] = [];

  peopleColumns: DatatableColumn[] = [...PEOPLE_COLUMNS, WHAT_IF_COLUMN];
  linkColumns: DatatableColumn[] = [...LINK_COLUMNS];
  /** Most influential first until the user sorts. */
  peopleSortedBy: PersonField = 'decisionInfluence';
  peopleSortDirection: SortDirection = 'desc';
  /** Links keep their input order until the user sorts. */
  linksSortedBy: LinkField | undefined = undefined;
  linksSortDirection: SortDirection = 'asc';
  peopleData: PersonRow[] = [];
  linkData: LinkRow[] = [];
  /** A phone-sized screen: cards instead of the datatables. */
  narrow = false;
  private phoneQuery: MediaQueryList | null = null;
  private readonly onWidthChange = (event: MediaQueryListEvent): void => {
    this.narrow = event.matches;
  };

  connectedCallback(): void {
    this.phoneQuery = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null;
    this.narrow = this.phoneQuery?.matches === true;
    this.phoneQuery?.addEventListener?.('change', this.onWidthChange);
  }

  disconnectedCallback(): void {
    this.phoneQuery?.removeEventListener?.('change', this.onWidthChange);
    this.phoneQuery = null;
  }

  get showPeopleCards(): boolean {
    return this.narrow && this.hasPeople;
  }

  get showLinkCards(): boolean {
    return this.narrow && this.hasLinks;
  }

  get peopleCards(): PersonCard[] {
    return personCards(this.peopleData, this._people);
  }

  get linkCardList(): LinkCard[] {
    return linkCards(this.linkData);
  }

  handleCardSelect(event: Event): void {
    const personId = (event.currentTarget as HTMLElement).dataset.person;
    if (personId) this.select(personId);
  }

  /** Every analytic of the map: coverage gaps and missing contingency plans become flags. */
  @api
  get analysis(): MapAnalysis | null {
    return this._analysis;
  }
  set analysis(value: MapAnalysis | null) {
    this._analysis = value ?? null;
    this.rebuildPeople();
  }

  /** The people to list. */
  @api
  get people(): MapPerson[] {
    return this._people;
  }
  set people(value: MapPerson[]) {
    this._people = Array.isArray(value) ? value : [];
    this.rebuildPeople();
    this.rebuildLinks();
  }

  /** The links to list (names resolved from `people`). */
  @api
  get links(): InfluenceLink[] {
    return this._links;
  }
  set links(value: InfluenceLink[]) {
    this._links = Array.isArray(value) ? value : [];
    this.rebuildLinks();
  }

  /** Person id → influence over the decision, 0-1 (shown as a percent). */
  @api
  get decisionInfluence(): Record<string, number> {
    return this._decisionInfluence;
  }
  set decisionInfluence(value: Record<string, number>) {
    this._decisionInfluence = value ?? {};
    this.rebuildPeople();
  }

  get hasPeople(): boolean {
    return this.peopleData.length > 0;
  }

  get hasLinks(): boolean {
    return this.linkData.length > 0;
  }

  get peopleTitle(): string {
    return `People (${this.peopleData.length})`;
  }

  get linksTitle(): string {
    return `Links (${this.linkData.length})`;
  }

  private rebuildPeople(): void {
    this.personRows = personEntries(this._people, this._decisionInfluence, this._analysis);
    this.sortPeople();
  }

  private rebuildLinks(): void {
    this.linkRows = linkEntries(this._links, this._people);
    this.sortLinks();
  }

  private sortPeople(): void {
    const field = this.peopleSortedBy;
    this.peopleData = sortBy(this.personRows, (e) => e.keys[field], this.peopleSortDirection).map((e) => e.row);
  }

  private sortLinks(): void {
    const field = this.linksSortedBy;
    const entries = field ? sortBy(this.linkRows, (e) => e.keys[field], this.linksSortDirection) : this.linkRows;
    this.linkData = entries.map((e) => e.row);
  }

  handlePeopleSort(event: CustomEvent<SortEventDetail>): void {
    const { fieldName, sortDirection } = event.detail;
    if (!PEOPLE_FIELDS.has(fieldName)) return;
    this.peopleSortedBy = fieldName as PersonField;
    this.peopleSortDirection = sortDirection === 'desc' ? 'desc' : 'asc';
    this.sortPeople();
  }

  handleLinksSort(event: CustomEvent<SortEventDetail>): void {
    const { fieldName, sortDirection } = event.detail;
    if (!LINK_FIELDS.has(fieldName)) return;
    this.linksSortedBy = fieldName as LinkField;
    this.linksSortDirection = sortDirection === 'desc' ? 'desc' : 'asc';
    this.sortLinks();
  }

  handlePeopleRowAction(event: CustomEvent<RowActionDetail<PersonRow>>): void {
    const { action, row } = event.detail;
    if (action?.name === SELECT_PERSON && row?.id) this.select(row.id);
    else if (action?.name === WHAT_IF && row?.id) this.whatIf(row.id);
  }

  /** A card's "If they leave". */
  handleCardWhatIf(event: Event): void {
    const personId = (event.currentTarget as HTMLElement).dataset.whatIf;
    if (personId) this.whatIf(personId);
  }

  private whatIf(personId: string): void {
    this.dispatchEvent(new CustomEvent('whatif', { detail: { personId }, bubbles: false, composed: false }));
  }

  handleLinksRowAction(event: CustomEvent<RowActionDetail<LinkRow>>): void {
    const { action, row } = event.detail;
    const personId = action?.name === SELECT_FROM ? row?.fromId : action?.name === SELECT_TO ? row?.toId : null;
    if (personId) this.select(personId);
  }

  private select(personId: string): void {
    this.dispatchEvent(
      new CustomEvent<SelectDetail>('select', { detail: { personId }, bubbles: false, composed: false })
    );
  }
}
