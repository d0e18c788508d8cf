/**
 * One labelled field of a form, drawn from a `FieldSpec` (c/relationshipMapForm): a
 * lightning-input (text, date, checkbox), -textarea, -combobox or -radio-group with its label,
 * help and required mark, `data-field` (and `data-id`) on the control, and, for a field with a
 * limit, the counter paragraph under it (`data-limit`, its counter and its sentence read aloud as
 * it changes). Event up: `fieldchange` (`FieldChange`, not bubbling, not composed) for the form
 * that holds it. The form reaches into it with `focusOn` and `showValidity`.
 */
import { LightningElement, api } from 'lwc';
import { changedValue, focusInside, limitView } from 'c/relationshipMapForm';
import type { FieldChange, FieldSpec, LimitView } from 'c/relationshipMapForm';

/** A base input component as far as validation goes. */
type Validatable = HTMLElement & {
  setCustomValidity?: (message: string) => void;
  reportValidity?: () => boolean;
};

const INPUT_TYPES: Partial<Record<FieldSpec['kind'], string>> = { date: 'date', checkbox: 'checkbox' };

export default class RelationshipMapField extends LightningElement {
  @api field: FieldSpec | null = null;

  get key(): string {
    return this.field?.key ?? '';
  }

  get dataId(): string | undefined {
    return this.field?.dataId;
  }

  get isInput(): boolean {
    const kind = this.field?.kind;
    return kind === 'text' || kind === 'date' || kind === 'checkbox';
  }

  get isTextarea(): boolean {
    return this.field?.kind === 'longtext';
  }

  get isCombobox(): boolean {
    return this.field?.kind === 'picklist';
  }

  /** The control's properties: those its kind takes that the field sets, as the forms' templates set them. */
  get control(): Record<string, unknown> {
    const f = this.field;
    if (!f) return {};
    const props: Record<string, unknown> = { label: f.label, required: f.required };
    if (f.kind === 'checkbox') props.checked = f.checked === true;
    else props.value = f.value ?? '';
    if (f.kind === 'picklist' || f.kind === 'radio') props.options = f.options;
    if (f.kind !== 'radio') Object.assign(props, { fieldLevelHelp: f.help, placeholder: f.placeholder });
    if (this.isInput) Object.assign(props, { type: INPUT_TYPES[f.kind], maxLength: f.maxLength });
    return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
  }

  get limit(): LimitView | null {
    const f = this.field;
    return f?.limit === undefined ? null : limitView(f.label, f.value, f.limit);
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: unknown }>): void {
    const f = this.field;
    if (!f) return;
    const detail: FieldChange = { key: f.key, value: changedValue(f.kind, event.detail ?? null) };
    this.dispatchEvent(new CustomEvent<FieldChange>('fieldchange', { detail }));
  }

  /** Focuses the control if `selector` names it; whether it did. */
  @api
  focusOn(selector: string): boolean {
    return focusInside(this.template, selector);
  }

  /** Marks the control with `message` ('' clears it) and shows it, or only shows what the control finds. */
  @api
  showValidity(message?: string): void {
    const control = this.template?.querySelector<Validatable>('[data-field]');
    if (message !== undefined) control?.setCustomValidity?.(message);
    control?.reportValidity?.();
  }
}
