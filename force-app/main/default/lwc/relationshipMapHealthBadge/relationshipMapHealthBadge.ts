/**
 * The map's health score as a badge in the card header. A click (or hovering) opens the reasons
 * the score is not 100; Escape closes them. Data only comes down (`score`, `reasons`); it fires
 * no events: opening the reasons changes nothing outside it.
 */
import { LightningElement, api } from 'lwc';

export default class RelationshipMapHealthBadge extends LightningElement {
  /** 0-100, from the map's analytics. */
  @api score: number | null = null;
  /** Why the score is not 100, one sentence each. */
  @api reasons: readonly string[] = [];

  open = false;
  hover = false;

  get label(): string {
    return `Map health ${this.score ?? ''} of 100`;
  }

  get text(): string {
    return `Health ${this.score ?? ''}`;
  }

  get badgeClass(): string {
    const score = this.score ?? 0;
    const tone = score >= 70 ? 'rm-health_good' : score >= 40 ? 'rm-health_fair' : 'rm-health_poor';
    return `slds-button rm-health ${tone}`;
  }

  get reasonItems(): { key: string; text: string }[] {
    return (this.reasons ?? []).map((text, i) => ({ key: `r${i}`, text }));
  }

  get hasReasons(): boolean {
    return (this.reasons ?? []).length > 0;
  }

  get showReasons(): boolean {
    return this.open || this.hover;
  }

  get expanded(): string {
    return this.showReasons ? 'true' : 'false';
  }

  handleClick(): void {
    this.open = !this.open;
  }

  handleEnter(): void {
    this.hover = true;
  }

  handleLeave(): void {
    this.hover = false;
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.showReasons) {
      event.stopPropagation();
      this.open = false;
      this.hover = false;
    }
  }
}
