/**
 * The person panel's "Log call" form: subject, comments, and the person's stance and sentiment
 * after the call, prefilled with the current ones when the form opens. The panel opens and closes
 * it; the form owns the draft and checks it. Events up: `logcall` (`LogCallDetail`, the panel's own
 * event) and `cancel`. It moves focus itself: to the first field when it opens, to the problem
 * when the call cannot be logged. Subject (255) and comments (32,000) show a counter against the
 * Task's limits and say so at and past them; a call past them is not sent (Apex refuses it too).
 */
import { LightningElement, api } from 'lwc';
import { focusPendingInForm, picklistField } from 'c/relationshipMapForm';
import type { FieldSpec } from 'c/relationshipMapForm';
import { SENTIMENTS, STANCES } from 'c/relationshipGraph';
import type { MapPerson, Sentiment, Stance } from 'c/relationshipGraph';
import { stanceOf } from 'c/relationshipMapTheme';
import { panelFormBox, runFormAction } from 'c/relationshipMapFormBox';
import type { FormAction, FormBoxSpec } from 'c/relationshipMapFormBox';
import { CALL_HELP, CALL_LIMITS, blank, isOneOf, options, tooLong } from 'c/relationshipMapPersonFields';

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

  draft: CallDraft = { subject: 'Call', comments: '', stance: '', sentiment: '' };
  error = '';

  private pendingFocus: string | null = '[data-field]';

  connectedCallback(): void {
    // Prefilled once, when the form opens: a later change of the person leaves the draft alone.
    const p = this.person;
    this.draft = { ...this.draft, stance: stanceOf(p?.stance), sentiment: p?.sentiment ?? 'Unknown' };
  }

  renderedCallback(): void {
    this.pendingFocus = focusPendingInForm(this.template, this.pendingFocus);
  }

  get name(): string {
    return this.person?.name ?? '';
  }

  /** Subject and comments with a counter against the Task's limits, then stance and sentiment. */
  get fields(): FieldSpec[] {
    const d = this.draft;
    return [
      { key: 'subject', kind: 'text', label: 'Subject', value: d.subject, required: true, limit: CALL_LIMITS.subject },
      { key: 'comments', kind: 'longtext', label: 'Comments', value: d.comments, limit: CALL_LIMITS.comments },
      picklistField('stance', 'Stance after the call', d.stance, options(STANCES), CALL_HELP.stance),
      picklistField('sentiment', 'Sentiment after the call', d.sentiment, options(SENTIMENTS), CALL_HELP.sentiment),
    ];
  }

  /** The form's body: heading, the fields, the footer with the error. */
  get box(): FormBoxSpec {
    const box = panelFormBox('call', 'Log a call', 'Log call', 'slds-m-bottom_medium');
    return { ...box, heading: `Log a call with ${this.name}`, fields: this.fields, error: this.error };
  }

  /** A change goes into the draft and clears the error; Cancel goes up; the brand button submits. */
  handleAction(event: CustomEvent<FormAction>): void {
    runFormAction(this, event.detail);
  }

  submit(): void {
    const p = this.person;
    if (!p) return;
    const { subject, comments, stance, sentiment } = this.draft;
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
      this.error = problem ?? '';
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
