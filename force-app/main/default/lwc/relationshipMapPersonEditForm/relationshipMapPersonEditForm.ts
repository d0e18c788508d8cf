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
import { focusPending } from 'c/relationshipMapFocus';
import type { MapPerson } from 'c/relationshipGraph';
import type { PersonChanges } from 'c/relationshipMapApi';
import { EDITABLE_FIELDS, FIELD_GROUPS, effectiveValue, lengthNote, options } from 'c/relationshipMapPersonFields';
import { validationError } from 'c/relationshipMapPersonFields';
import type { ChangeEvent, DraftValue, FieldKey } from 'c/relationshipMapPersonFields';

/** What the form starts from: the draft values, and the sentence above them (or ''). */
export interface EditStart {
  values: Partial<Record<FieldKey, DraftValue>>;
  notice: string;
}

/** `save`: the fields the rep changed, with their new values (null clears a field). */
export interface EditSaveDetail {
  fields: PersonChanges;
}

/** A base input component (lightning-input, -combobox, -textarea) as far as validation goes. */
type ValidatableElement = HTMLElement & {
  setCustomValidity?: (message: string) => void;
  reportValidity?: () => boolean;
};

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
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
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
      fields: group.fields
        .filter((f) => f.editable)
        .map((f) => {
          const value = this.draft[f.key];
          const text = typeof value === 'string' ? value : '';
          const limited = f.maxLength !== undefined && (f.kind === 'text' || f.kind === 'longtext');
          const note = limited ? lengthNote(f.label, text, f.maxLength as number) : null;
          return {
            key: f.key,
            label: f.label,
            help: f.help,
            required: f.required === true,
            hasLimit: note !== null,
            counter: note?.counter ?? '',
            limitMessage: note?.message ?? '',
            limitClass: `slds-text-body_small rm-limit${note?.over ? ' slds-text-color_error' : ' slds-text-color_weak'}`,
            isText: f.kind === 'text',
            isLongText: f.kind === 'longtext',
            isPicklist: f.kind === 'picklist',
            isCheckbox: f.kind === 'checkbox',
            isDate: f.kind === 'date',
            value: text,
            checked: value === true,
            options: options(f.options ?? []),
            placeholder: f.blankMeans === undefined ? 'None' : undefined,
          };
        }),
    })).filter((g) => g.fields.length > 0);
  }

  get hasEditErrors(): boolean {
    return this.editErrors.length > 0;
  }

  handleDraftChange(event: ChangeEvent): void {
    const key = (event.currentTarget as HTMLElement).dataset.field as FieldKey;
    const field = EDITABLE_FIELDS.find((f) => f.key === key);
    if (!field) return;
    const { value, checked } = event.detail ?? {};
    const next: DraftValue = field.kind === 'checkbox' ? checked === true : typeof value === 'string' ? value : '';
    this.draft = { ...this.draft, [key]: next };
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSave(event?: Event): void {
    event?.preventDefault();
    const p = this.person;
    if (!p) return;
    const errors: string[] = [];
    for (const f of EDITABLE_FIELDS) {
      const message = validationError(f, this.draft[f.key] ?? null);
      const input = this.template?.querySelector<ValidatableElement>(`[data-field="${f.key}"]`);
      input?.setCustomValidity?.(message ?? '');
      input?.reportValidity?.();
      if (message) errors.push(message);
    }
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
