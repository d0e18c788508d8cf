/**
 * The body of a form, described by data (`FormBoxSpec`): the box (its class, `data-id`, role
 * group and name), the heading, the alerts above the fields (c/relationshipMapFormAlert), the
 * fields (c/relationshipMapField) in one list or in titled groups, and the footer
 * (c/relationshipMapFormFooter: the error, Cancel and the brand button). The person panel's Log
 * call, Add link and Edit forms and the new-map dialog draw themselves with it; each keeps its
 * draft and its checks. Event up, not bubbling, not composed: `formaction` (`FormAction`: a field
 * changed, Cancel or the brand button; `runFormAction` hands it to the form). It is a form part
 * (c/relationshipMapForm): the form moves focus into it with `focusOn`, asks
 * `firstFieldHasFocus`, and marks its fields with `showValidity`.
 */
import { LightningElement, api } from 'lwc';
import { focusPendingInForm, withChange } from 'c/relationshipMapForm';
import type { FieldChange, FieldSpec } from 'c/relationshipMapForm';

/** The footer's settings (c/relationshipMapFormFooter's properties but the error). */
export interface FooterSpec {
  errorId?: string;
  cancelId: string;
  submitId: string;
  submitLabel: string;
  disabled?: boolean;
  modal?: boolean;
}

/** An alert above the fields (c/relationshipMapFormAlert's properties). */
export interface AlertSpec {
  alertId: string;
  message: string;
  items?: string[];
  banner?: boolean;
}

/** Fields under a title (a fieldset with its legend). */
export interface FieldGroupSpec {
  key: string;
  title: string;
  fields: FieldSpec[];
}

/** A form's body. Without `boxId` the box is a plain wrapper (the dialog draws its own frame). */
export interface FormBoxSpec {
  boxClass?: string;
  boxId?: string;
  /** The group's accessible name. */
  label?: string;
  heading?: string;
  /** The heading is an h4 (a form inside a panel section), not an h3. */
  subHeading?: boolean;
  alerts?: AlertSpec[];
  fields?: FieldSpec[];
  groups?: FieldGroupSpec[];
  /** No footer when the form draws its own (a dialog's footer sits outside its scrolling body). */
  footer?: FooterSpec;
  /** Why the form cannot be sent, shown in the footer. */
  error?: string | null;
}

/** `formaction`: a field changed, or Cancel or the brand button was pressed. */
export type FormAction = { kind: 'change'; change: FieldChange } | { kind: 'cancel' } | { kind: 'submit' };

/**
 * A form as its box's actions reach it. Without `change`, a change goes into `draft` and clears
 * `error`; without `cancel`, the form sends `cancel` up.
 */
export interface FormActions extends EventTarget {
  draft?: object;
  error?: string | null;
  change?(change: FieldChange): void;
  cancel?(): void;
  submit(): void;
}

/** Hands a `formaction` to the form: a change to its draft, Cancel, or the brand button to `submit`. */
export function runFormAction(form: FormActions, action: FormAction): void {
  if (action.kind === 'submit') form.submit();
  else if (action.kind === 'cancel') {
    if (form.cancel) form.cancel();
    else form.dispatchEvent(new CustomEvent('cancel'));
  } else if (form.change) form.change(action.change);
  else {
    form.draft = withChange(form.draft ?? {}, action.change);
    form.error = '';
  }
}

/**
 * A panel form's box named by `prefix`: `<prefix>-form`, its error, Cancel and brand button
 * `<prefix>-error/-cancel/-submit`; `spacing` is its margin class.
 */
export function panelFormBox(prefix: string, label: string, submitLabel: string, spacing: string): FormBoxSpec {
  const ids = { errorId: `${prefix}-error`, cancelId: `${prefix}-cancel`, submitId: `${prefix}-submit` };
  return { boxClass: `slds-box ${spacing} form`, boxId: `${prefix}-form`, label, footer: { ...ids, submitLabel } };
}

/** A c-relationship-map-field as far as validation goes. */
type FieldPart = HTMLElement & { field?: FieldSpec | null; showValidity?: (message?: string) => void };

export default class RelationshipMapFormBox extends LightningElement {
  @api form: FormBoxSpec | null = null;

  get spec(): FormBoxSpec {
    return this.form ?? {};
  }

  /** The box's role and name; a plain wrapper has neither. */
  get boxRole(): string | undefined {
    return this.spec.boxId ? 'group' : undefined;
  }

  get hasH4(): boolean {
    return !!this.spec.heading && this.spec.subHeading === true;
  }

  get alerts(): AlertSpec[] {
    return this.spec.alerts ?? [];
  }

  get fields(): FieldSpec[] {
    return this.spec.fields ?? [];
  }

  get groups(): FieldGroupSpec[] {
    return this.spec.groups ?? [];
  }

  handleChange(event: CustomEvent<FieldChange>): void {
    this.send({ kind: 'change', change: event.detail });
  }

  handleCancel(): void {
    this.send({ kind: 'cancel' });
  }

  handleSubmit(): void {
    this.send({ kind: 'submit' });
  }

  private send(detail: FormAction): void {
    this.dispatchEvent(new CustomEvent<FormAction>('formaction', { detail }));
  }

  /** Focuses the element `selector` names, here or inside a part (a field, an alert, the footer); whether it did. */
  @api
  focusOn(selector: string): boolean {
    return focusPendingInForm(this.template, selector) === null;
  }

  /** Whether the focus is in the first field (a dialog wraps Shift+Tab round there). */
  @api
  firstFieldHasFocus(): boolean {
    const active = this.template?.activeElement;
    return active != null && active === this.template?.querySelector('c-relationship-map-field');
  }

  /**
   * Marks each field with its message in `messages` ('' clears it) and shows it; without
   * `messages`, shows only what each control finds itself.
   */
  @api
  showValidity(messages?: Record<string, string>): void {
    for (const part of Array.from(this.template?.querySelectorAll<FieldPart>('c-relationship-map-field') ?? [])) {
      const key = part.field?.key ?? '';
      part.showValidity?.(messages ? (messages[key] ?? '') : undefined);
    }
  }
}
