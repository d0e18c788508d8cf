/**
 * The person panel's "Log call" form: subject, comments, and the person's stance and sentiment
 * after the call, prefilled with the current ones when the form opens. The panel opens and closes
 * it; the form owns the draft and checks it. Events up: `logcall` (`LogCallDetail`, the panel's own
 * event) and `cancel`. It moves focus itself: to the first field when it opens, to the problem
 * when the call cannot be logged.
 */
import { LightningElement, api } from 'lwc';
import { focusPending } from 'c/relationshipMapFocus';
import { SENTIMENTS, STANCES } from 'c/relationshipGraph';
import type { MapPerson, Sentiment, Stance } from 'c/relationshipGraph';
import { stanceOf } from 'c/relationshipMapTheme';
import { CALL_HELP, blank, isOneOf, options } from 'c/relationshipMapPersonFields';
import type { ChangeEvent, Option } from 'c/relationshipMapPersonFields';

/** `logcall`: a Task with the person's stance and sentiment after the call. */
export interface LogCallDetail {
  personId: string;
  subject: string;
  comments: string;
  stance: Stance;
  sentiment: Sentiment;
}

interface CallDraft {
  subject: string;
  comments: string;
  stance: string;
  sentiment: string;
}

export default class RelationshipMapPersonCallForm extends LightningElement {
  /** The person called. */
  @api person: MapPerson | null = null;

  callDraft: CallDraft = { subject: 'Call', comments: '', stance: '', sentiment: '' };
  callError = '';

  private pendingFocus: string | null = '[data-field]';

  connectedCallback(): void {
    // Prefilled once, when the form opens: a later change of the person leaves the draft alone.
    const p = this.person;
    this.callDraft = { ...this.callDraft, stance: stanceOf(p?.stance), sentiment: p?.sentiment ?? 'Unknown' };
  }

  renderedCallback(): void {
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
  }

  get name(): string {
    return this.person?.name ?? '';
  }

  get stanceOptions(): Option[] {
    return options(STANCES);
  }

  get sentimentOptions(): Option[] {
    return options(SENTIMENTS);
  }

  get callHelp() {
    return CALL_HELP;
  }

  handleCallChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.field as keyof CallDraft;
    const value = event.detail?.value;
    this.callDraft = { ...this.callDraft, [key]: typeof value === 'string' ? value : '' };
    this.callError = '';
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSubmit(event?: Event): void {
    event?.preventDefault();
    const p = this.person;
    if (!p) return;
    const { subject, comments, stance, sentiment } = this.callDraft;
    let problem: string | null = null;
    if (blank(subject)) problem = 'Subject is required.';
    else if (!isOneOf(STANCES, stance)) problem = `Stance: "${stance}" is not one of ${STANCES.join(', ')}.`;
    else if (!isOneOf(SENTIMENTS, sentiment))
      problem = `Sentiment: "${sentiment}" is not one of ${SENTIMENTS.join(', ')}.`;
    if (problem !== null || !isOneOf(STANCES, stance) || !isOneOf(SENTIMENTS, sentiment)) {
      this.callError = problem ?? '';
      this.pendingFocus = '[data-id="call-error"]';
      return;
    }
    const detail: LogCallDetail = {
      personId: p.id,
      subject: subject.trim(),
      comments: comments.trim(),
      stance,
      sentiment,
    };
    this.dispatchEvent(new CustomEvent<LogCallDetail>('logcall', { detail }));
  }
}
