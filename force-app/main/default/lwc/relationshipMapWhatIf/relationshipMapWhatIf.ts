/**
 * "If <name> leaves" beside the map (docs/map-component.md): the decision makers who lose their
 * best warm path and what is left of it, how coverage, map health and warm reach change, and, for
 * a decision maker, that their seat becomes an open risk. Before a trim it shows the same for
 * trimming, with "Trim <name>" and Cancel; before an edit that marks them as left (Vacant), the
 * same for leaving, with "Mark <name> as left" and Cancel. Gets the answer as plain data (`view`,
 * computed by the container's relationshipMap/whatIfModel.ts); fires `close`, `trim`, `leave` and
 * `select` `{ personId }`.
 */
import { LightningElement, api } from 'lwc';

/** The view's data (relationshipMap/whatIfModel.ts WhatIfView), as far as this component reads it. */
export interface WhatIfData {
  personId: string;
  name: string;
  trim: boolean;
  /** What waits for confirmation: 'trim', 'leave' or ''. */
  confirm: string;
  confirmLabel: string;
  heading: string;
  seatRisk: string;
  lost: { key: string; decisionMakerId: string; name: string; before: string; after: string }[];
  hasLost: boolean;
  lostEmpty: string;
  measures: { key: string; label: string; before: string; after: string; change: string; worse: boolean }[];
  found: boolean;
  nothing: string;
}

export default class RelationshipMapWhatIf extends LightningElement {
  private _view: WhatIfData | null = null;
  private focusFor: string | null = null;

  @api
  get view(): WhatIfData | null {
    return this._view;
  }
  set view(value: WhatIfData | null) {
    if (value && value.personId !== this._view?.personId) this.focusFor = value.personId;
    this._view = value ?? null;
  }

  get hasView(): boolean {
    return this._view !== null;
  }

  get lostTitle(): string {
    return `Decision makers who lose their best warm path (${this._view?.lost.length ?? 0})`;
  }

  get measureRows() {
    return (this._view?.measures ?? []).map((m) => ({
      ...m,
      changeClass: m.worse ? 'rm-change rm-change_worse' : 'rm-change',
    }));
  }

  /** The confirm button's hook: what-if-trim or what-if-leave. */
  get confirmId(): string {
    return `what-if-${this._view?.confirm ?? ''}`;
  }

  get backLabel(): string {
    return `Back to ${this._view?.name ?? ''}`;
  }

  renderedCallback(): void {
    if (!this.focusFor) return;
    this.focusFor = null;
    this.template?.querySelector<HTMLElement>('[data-id="what-if-heading"]')?.focus();
  }

  private send(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  handleClose(): void {
    this.send('close');
  }

  /** "Trim <name>" fires `trim`, "Mark <name> as left" fires `leave`. */
  handleConfirm(): void {
    const confirm = this._view?.confirm;
    if (confirm === 'trim' || confirm === 'leave') this.send(confirm, { personId: this._view!.personId });
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.send('close');
  }

  handleSelect(event: Event): void {
    const personId = (event.currentTarget as HTMLElement | null)?.dataset.person;
    if (personId) this.send('select', { personId });
  }
}
