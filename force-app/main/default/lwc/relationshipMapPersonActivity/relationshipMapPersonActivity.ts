/**
 * The person panel's Activity section (docs/map-component.md): from the account's calls, meetings
 * and emails the user can see, each tie of the selected person (for a customer, each of our
 * people; for one of ours, each contact) with its summary ("12 meetings, 30 emails, last 3 days
 * ago"), the person's last activity, "Counts are lower bounds" when the evidence was cut, and
 * the Relationship link the evidence suggests, with **Add link** and **Dismiss** for those who may
 * edit. The container builds what it shows (`PersonActivity`).
 *
 * Events `acceptsuggestion` / `dismisssuggestion` `{ key }` bubble and are composed, so that they
 * reach the container's listener on the panel without the panel passing them on.
 */
import { LightningElement, api } from 'lwc';

/** Loading the evidence: '' = loaded (or not asked for yet). */
export type EvidenceStatus = '' | 'loading' | 'error';

/** One tie of the person's: the other side's name and what the activities add up to. */
export interface ActivityRow {
  key: string;
  name: string;
  summary: string;
  /** "Strong", "Medium", "Weak", or "" below the weakest level. */
  strength: string;
  /** Whether the other person is on the map (else "not on the map" is said). */
  onMap: boolean;
}

/** What the section shows for the selected person. */
export interface PersonActivity {
  status: EvidenceStatus;
  error: string;
  rows: ActivityRow[];
  /** "From the last 12 months of calls, meetings and emails you can see." */
  help: string;
  /** The person's latest activity, `YYYY-MM-DD`, or ''. */
  lastDate: string;
  /** The evidence was cut at its limit: counts are lower bounds. */
  truncated: boolean;
  /** The link the evidence suggests for them, if any. */
  suggestion: { key: string; sentence: string; name: string } | null;
  /** Offer Add link and Dismiss (not read-only). */
  canAct: boolean;
}

/** `acceptsuggestion` / `dismisssuggestion` detail. */
export interface SuggestionDetail {
  key: string;
}

/** "3 Dec 2026" in the user's locale from `YYYY-MM-DD` (the day as written, no time zone shift). */
export function dayText(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export default class RelationshipMapPersonActivity extends LightningElement {
  @api activity: PersonActivity | null = null;

  get loading(): boolean {
    return this.activity?.status === 'loading' && this.activity.rows.length === 0;
  }

  get failed(): boolean {
    return this.activity?.status === 'error';
  }

  get rows(): (ActivityRow & { detail: string })[] {
    return (this.activity?.rows ?? []).map((r) => ({
      ...r,
      detail: [r.summary, r.strength ? `${r.strength} tie` : '', r.onMap ? '' : 'not on the map']
        .filter(Boolean)
        .join(' · '),
    }));
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get lastText(): string {
    const last = this.activity?.lastDate;
    return last
      ? `Last activity: ${dayText(last)}`
      : 'No calls, meetings or emails with the other side in this window.';
  }

  get suggestion() {
    return this.activity?.suggestion ?? null;
  }

  /** The suggestion's two buttons: Add link, Dismiss (their accessible names say with whom). */
  get actions(): { id: string; action: string; text: string; label: string }[] {
    const name = this.suggestion?.name ?? 'them';
    return [
      { id: 'activity-accept', action: 'acceptsuggestion', text: 'Add link', label: `Add link with ${name}` },
      {
        id: 'activity-dismiss',
        action: 'dismisssuggestion',
        text: 'Dismiss',
        label: `Dismiss the link suggestion with ${name}`,
      },
    ];
  }

  handleAction(event: Event): void {
    const action = (event.currentTarget as HTMLElement | null)?.dataset.action;
    if (action) this.fire(action);
  }

  private fire(name: string): void {
    const key = this.suggestion?.key;
    if (!key) return;
    this.dispatchEvent(new CustomEvent<SuggestionDetail>(name, { detail: { key }, bubbles: true, composed: true }));
  }
}
