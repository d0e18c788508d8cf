/**
 * The person panel's Edit form: every editable field of the person, grouped as the panel shows
 * them, each checked against its picklist, type and length before anything is sent. The panel
 * opens it with `start` (the values to begin from and, after a refused save, the sentence why) and
 * closes it; the form owns the draft. Events up: `save` `{ fields }` (only what the rep changed;
 * empty when nothing changed) and `cancel`. It moves focus itself: to the first field when it opens
 * or starts again, to the list of problems when a save is refused. A field with a limit (titles,
 * long text areas) shows a counter against it and says so at and past it, instead of the browser
 * silently refusing to type more (c/relationshipMapPersonFields' lengthNote).
 */
import { LightningElement, api } from 'lwc';
import { focusPendingInForm, withChange } from 'c/relationshipMapForm';
import type { FieldChange, FieldSpec, FieldSpecKind } from 'c/relationshipMapForm';
import type { MapPerson } from 'c/relationshipGraph';
import type { PersonChanges } from 'c/relationshipMapApi';
import { EDITABLE_FIELDS, FIELD_GROUPS, effectiveValue, options } from 'c/relationshipMapPersonFields';
import { validationError } from 'c/relationshipMapPersonFields';
import { runFormAction } from 'c/relationshipMapFormBox';
import type { AlertSpec, FormAction, FormBoxSpec } from 'c/relationshipMapFormBox';
import type { DraftValue, FieldInfo, FieldKey } from 'c/relationshipMapPersonFields';

/** What the form starts from: the draft values, and the sentence above them (or ''). */
export interface EditStart {
  values: Partial<Record<FieldKey, DraftValue>>;
  notice: string;
}

/** `save`: the fields the rep changed, with their new values (null clears a field). */
export interface EditSaveDetail {
  fields: PersonChanges;
}

/** The form's body as far as validation goes: it marks each field with its message. */
type BoxPart = HTMLElement & { showValidity?: (messages?: Record<string, string>) => void };

const FOOTER = { cancelId: 'edit-cancel', submitId: 'edit-save', submitLabel: 'Save' };

export default class RelationshipMapPersonEditForm extends LightningElement {
  /** The person as saved now: what a change is measured against. */
  @api person: MapPerson | null = null;

  private started: EditStart | null = null;

  /** The values to begin from; a new value starts the form again. */
  @api
  get start(): EditStart | null {
    return this.started;
  }
  set start(value: EditStart | null) {
    this.started = value ?? null;
    this.draft = { ...(value?.values ?? {}) };
    this.editNotice = value?.notice ?? '';
    this.editErrors = [];
    this.pendingFocus = '[data-field]';
  }

  draft: Partial<Record<FieldKey, DraftValue>> = {};
  editErrors: string[] = [];
  /** The refusal shown above a reopened form. */
  editNotice = '';

  private pendingFocus: string | null = '[data-field]';

  renderedCallback(): void {
    this.pendingFocus = focusPendingInForm(this.template, this.pendingFocus);
  }

  get name(): string {
    return this.person?.name ?? '';
  }

  get editLabel(): string {
    return `Edit ${this.name}`;
  }

  get editGroups() {
    return FIELD_GROUPS.map((group) => ({
      key: group.key,
      title: group.title,
      fields: group.fields.filter((f) => f.editable).map((f) => this.fieldSpec(f)),
    })).filter((g) => g.fields.length > 0);
  }

  /** A field of the draft as c-relationship-map-field draws it; titles and long texts count against their limit. */
  private fieldSpec(f: FieldInfo): FieldSpec {
    const value = this.draft[f.key];
    const spec: FieldSpec = {
      key: f.key,
      kind: f.kind as FieldSpecKind,
      label: f.label,
      help: f.help,
      required: f.required,
      value: typeof value === 'string' ? value : '',
      checked: value === true,
    };
    if (f.kind === 'picklist')
      return {
        ...spec,
        options: options(f.options ?? []),
        placeholder: f.blankMeans === undefined ? 'None' : undefined,
      };
    const limited = f.maxLength !== undefined && (f.kind === 'text' || f.kind === 'longtext');
    return limited ? { ...spec, limit: f.maxLength } : spec;
  }

  /** The refusal after a save someone else's change stopped, then the list of problems, above the fields. */
  get alerts(): AlertSpec[] {
    const alerts: AlertSpec[] = [];
    if (this.editNotice) alerts.push({ alertId: 'edit-conflict', message: this.editNotice });
    if (this.editErrors.length > 0)
      alerts.push({ alertId: 'edit-errors', message: 'Please fix these before saving:', items: this.editErrors });
    return alerts;
  }

  /** The form's body: heading, the alerts, the field groups, Cancel and Save. */
  get box(): FormBoxSpec {
    const label = this.editLabel;
    const groups = this.editGroups;
    return { boxClass: 'form', boxId: 'edit-form', label, heading: label, alerts: this.alerts, groups, footer: FOOTER };
  }

  handleAction(event: CustomEvent<FormAction>): void {
    runFormAction(this, event.detail);
  }

  change(change: FieldChange): void {
    if (EDITABLE_FIELDS.some((f) => f.key === change.key)) this.draft = withChange(this.draft, change);
  }

  submit(): void {
    const p = this.person;
    if (!p) return;
    const errors: string[] = [];
    const messages: Record<string, string> = {};
    for (const f of EDITABLE_FIELDS) {
      const message = validationError(f, this.draft[f.key] ?? null);
      messages[f.key] = message ?? '';
      if (message) errors.push(message);
    }
    this.template?.querySelector<BoxPart>('c-relationship-map-form-box')?.showValidity?.(messages);
    this.editErrors = errors;
    if (errors.length > 0) {
      this.pendingFocus = '[data-id="edit-errors"]';
      return;
    }
    const fields: Record<string, DraftValue> = {};
    for (const f of EDITABLE_FIELDS) {
      const next = effectiveValue(f, this.draft[f.key]);
      if (next !== effectiveValue(f, p[f.key])) fields[f.key] = next;
    }
    // Every value was checked against its field's picklist, type and length above.
    this.dispatchEvent(new CustomEvent<EditSaveDetail>('save', { detail: { fields } }));
  }
}
