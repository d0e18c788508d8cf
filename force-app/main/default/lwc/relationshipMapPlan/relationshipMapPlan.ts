/**
 * The plan view of a relationship map: map health with its reasons, expected resistance with
 * contingency plans, potential allies, people who lose if we succeed, missing key roles and
 * coverage gaps. Receives plain data (docs/map-component.md); every person is a button that
 * fires `select` `{ personId }`.
 */
import { LightningElement, api } from 'lwc';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { buildPlan } from './planModel';
import type { PlanView } from './planModel';

/** `select` event detail. */
export interface SelectDetail {
  personId: string;
}

export default class RelationshipMapPlan extends LightningElement {
  private _analysis: MapAnalysis | null = null;
  private _people: MapPerson[] = [];

  /** What the template shows; null until an analysis arrives. */
  view: PlanView | null = null;

  /** Links of the map (part of the shared child contract; the plan reads the analysis instead). */
  @api links: InfluenceLink[] = [];

  /** Every analytic of the map (`analyzeMap`). */
  @api
  get analysis(): MapAnalysis | null {
    return this._analysis;
  }
  set analysis(value: MapAnalysis | null) {
    this._analysis = value ?? null;
    this.rebuild();
  }

  /** The map's people: titles, what we need from them, expected reactions, key roles. */
  @api
  get people(): MapPerson[] {
    return this._people;
  }
  set people(value: MapPerson[]) {
    this._people = Array.isArray(value) ? value : [];
    this.rebuild();
  }

  get hasView(): boolean {
    return this.view !== null;
  }

  private rebuild(): void {
    this.view = this._analysis ? buildPlan(this._analysis, this._people) : null;
  }

  handleSelect(event: Event): void {
    const personId = (event.currentTarget as HTMLElement | null)?.dataset.id;
    if (!personId) return;
    this.dispatchEvent(
      new CustomEvent<SelectDetail>('select', { detail: { personId }, bubbles: false, composed: false })
    );
  }
}
