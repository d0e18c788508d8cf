/**
 * The map's health score as a badge in the card header. A click (or hovering) opens the reasons
 * the score is not 100; Escape closes them. Data only comes down (`score`, `reasons`, `state`);
 * it fires no events: opening the reasons changes nothing outside it.
 *
 * `state` is HealthReport.state from c/relationshipGraph: the tone follows it (a map gated by
 * support among decision makers is never green), and `unscored` (no decision makers yet) shows
 * "Not scored" in a neutral colour instead of a red number. Without a state, the tone follows
 * the score (70 and up good, 40 and up fair).
 */
import { LightningElement, api } from 'lwc';

export default class RelationshipMapHealthBadge extends LightningElement {
  /** 0-100, from the map's analytics. */
  @api score: number | null = null;
  /** Why the score is not 100, one sentence each. */
  @api reasons: readonly string[] = [];
  /** HealthReport.state: 'healthy' | 'fair' | 'poor' | 'unscored'; null = by score. */
  @api state: string | null = null;

  open = false;
  hover = false;

  get unscored(): boolean {
    return this.state === 'unscored';
  }

  get label(): string {
    return this.unscored ? 'Map health not scored yet' : `Map health ${this.score ?? ''} of 100`;
  }

  get text(): string {
    return this.unscored ? 'Not scored' : `Health ${this.score ?? ''}`;
  }

  get badgeClass(): string {
    return `slds-button rm-health ${this.tone}`;
  }

  private get tone(): string {
    switch (this.state) {
      case 'unscored':
        return 'rm-health_neutral';
      case 'healthy':
        return 'rm-health_good';
      case 'fair':
        return 'rm-health_fair';
      case 'poor':
        return 'rm-health_poor';
      default: {
        const score = this.score ?? 0;
        if (score >= 70) return 'rm-health_good';
        return score >= 40 ? 'rm-health_fair' : 'rm-health_poor';
      }
    }
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
