/**
 * The person panel's "Log call" form: subject, comments, and the person's stance and sentiment
 * after the call, prefilled with the current ones when the form opens. The panel opens and closes
 * it; the form owns the draft and checks it. Events up: `logcall` (`LogCallDetail`, the panel's own
 * event) and `cancel`. It moves focus itself: to the first field when it opens, to the problem
 * when the call cannot be logged. Subject (255) and comments (32,000) show a counter against the
 * Task's limits and say so at and past them; a call past them is not sent (Apex refuses it too).
 */
import { LightningElement, api } from 'lwc';
import { focusPending } from 'c/relationshipMapFocus';
import { SENTIMENTS, STANCES } from 'c/relationshipGraph';
import type { MapPerson, Sentiment, Stance } from 'c/relationshipGraph';
import { stanceOf } from 'c/relationshipMapTheme';
import { CALL_HELP, CALL_LIMITS, blank, isOneOf, lengthNote, options, tooLong } from 'c/relationshipMapPersonFields';
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

  get subjectLimit() {
    return this.limitView('Subject', this.callDraft.subject, CALL_LIMITS.subject);
  }

  get commentsLimit() {
    return this.limitView('Comments', this.callDraft.comments, CALL_LIMITS.comments);
  }

  private limitView(label: string, value: string, max: number) {
    const note = lengthNote(label, value, max);
    const tone = note.over ? 'slds-text-color_error' : 'slds-text-color_weak';
    return { ...note, className: `slds-text-body_small rm-limit ${tone}` };
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
    else if (subject.trim().length > CALL_LIMITS.subject)
      problem = tooLong('Subject', subject.trim(), CALL_LIMITS.subject);
    else if (comments.trim().length > CALL_LIMITS.comments)
      problem = tooLong('Comments', comments.trim(), CALL_LIMITS.comments);
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
