/**
 * The decision makers at the top of the map tab (docs/map-component.md): one line that names them,
 * those not supporting us first, and opens into a card each (stance, sentiment, authority, who of
 * ours covers them, the best warm path and its strength, days since the last interaction, the
 * next step). On a phone it starts open: it is the first screen. Clicking a person fires `select`
 * `{ personId }`. Receives the map's analysis; the rows are its `decisionMakers` (./decisionMakersModel).
 */
import { LightningElement, api } from 'lwc';
import type { MapAnalysis } from 'c/relationshipGraph';
import { EMPTY_STRIP, decisionMakerStrip } from './decisionMakersModel';
import type { DecisionMakerRow, DecisionMakerStrip } from './decisionMakersModel';

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

  summary: DecisionMakerStrip = EMPTY_STRIP;
  expanded = false;

  /** Every analytic of the map (`analyzeMap`): the strip shows its `decisionMakers`. */
  @api
  get analysis(): MapAnalysis | null {
    return this._analysis;
  }
  set analysis(value: MapAnalysis | null) {
    this._analysis = value ?? null;
    this.summary = decisionMakerStrip(this._analysis);
  }

  connectedCallback(): void {
    this.expanded = typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;
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
