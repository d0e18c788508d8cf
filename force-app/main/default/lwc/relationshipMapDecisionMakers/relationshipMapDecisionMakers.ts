/**
 * The decision makers at the top of the map tab (docs/map-component.md): one line that names them,
 * those not supporting us first, and opens into a card each (stance, sentiment, authority, who of
 * ours covers them, the best warm path and its strength, days since the last interaction, the
 * next step). On a phone it starts open: it is the first screen. Clicking a person fires `select`
 * `{ personId }`. Receives plain data; the rows come from ./decisionMakersModel.
 */
import { LightningElement, api } from 'lwc';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { decisionMakerSummary } from './decisionMakersModel';
import type { DecisionMakerRow, DecisionMakerSummary } from './decisionMakersModel';

/** `select` event detail. */
export interface SelectDetail {
  personId: string;
}

/** Below this width the strip starts open (the tab's phone breakpoint, relationshipMap/tabLayout). */
const PHONE_QUERY = '(max-width: 47.9375em)';
/** How many names the closed line shows before "+N more". */
const LINE_NAMES = 5;

export default class RelationshipMapDecisionMakers extends LightningElement {
  private _analysis: MapAnalysis | null = null;
  private _people: MapPerson[] = [];
  private _links: InfluenceLink[] = [];
  private _flags: Record<string, string[]> = {};
  private _today: string | null = null;

  summary: DecisionMakerSummary = { rows: [], notSupporting: 0, uncovered: 0, headline: '', line: '' };
  expanded = false;

  /** Every analytic of the map (`analyzeMap`): the warm paths. */
  @api
  get analysis(): MapAnalysis | null {
    return this._analysis;
  }
  set analysis(value: MapAnalysis | null) {
    this._analysis = value ?? null;
    this.rebuild();
  }

  /** Everyone on the map (trimmed people are left out here). */
  @api
  get people(): MapPerson[] {
    return this._people;
  }
  set people(value: MapPerson[]) {
    this._people = Array.isArray(value) ? value : [];
    this.rebuild();
  }

  /** The map's links: who of ours covers whom. */
  @api
  get links(): InfluenceLink[] {
    return this._links;
  }
  set links(value: InfluenceLink[]) {
    this._links = Array.isArray(value) ? value : [];
    this.rebuild();
  }

  /** Person id → the map's flags ('stale', 'coverage-gap'), as the graph gets them. */
  @api
  get flags(): Record<string, string[]> {
    return this._flags;
  }
  set flags(value: Record<string, string[]>) {
    this._flags = value ?? {};
    this.rebuild();
  }

  /** The day "days since" counts to (ISO date); unset = today. */
  @api
  get today(): string | null {
    return this._today;
  }
  set today(value: string | null) {
    this._today = value ?? null;
    this.rebuild();
  }

  connectedCallback(): void {
    this.expanded = typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;
  }

  private rebuild(): void {
    const now = this._today ? new Date(`${this._today}T12:00:00Z`) : new Date();
    const stale = Object.keys(this._flags).filter((id) => this._flags[id]?.includes('stale'));
    this.summary = decisionMakerSummary(this._analysis, this._people, this._links, stale, now);
  }

  get hasRows(): boolean {
    return this.summary.rows.length > 0;
  }

  /** The names on the closed line. */
  get lineRows(): DecisionMakerRow[] {
    return this.summary.rows.slice(0, LINE_NAMES);
  }

  get moreCount(): string {
    const more = this.summary.rows.length - LINE_NAMES;
    return more > 0 ? `+${more} more` : '';
  }

  get showLine(): boolean {
    return this.hasRows && !this.expanded;
  }

  get showCards(): boolean {
    return this.hasRows && this.expanded;
  }

  /** Closed: the short count; open: every count. */
  get countText(): string {
    return this.expanded ? this.summary.headline : this.summary.line;
  }

  get toggleLabel(): string {
    return this.expanded ? 'Hide details' : 'Details';
  }

  get expandedText(): string {
    return this.expanded ? 'true' : 'false';
  }

  handleToggle(): void {
    this.expanded = !this.expanded;
  }

  handleSelect(event: Event): void {
    const personId = (event.currentTarget as HTMLElement | null)?.dataset.person;
    if (!personId) return;
    this.dispatchEvent(
      new CustomEvent<SelectDetail>('select', { detail: { personId }, bubbles: false, composed: false })
    );
  }
}
