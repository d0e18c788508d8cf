/**
 * What the map's forms share (the person panel's Edit, Log call and Add link forms and the
 * new-map dialog): a field described as data (`FieldSpec`, drawn by c/relationshipMapField), the
 * draft after a field changed, the counter under a field with a limit, and focus that reaches into
 * the form's parts (c/relationshipMapFormBox, -Field, -FormFooter, -FormAlert), each of which offers
 * `focusOn(selector)` (the footer also `holdsFocus(selector)`). Pure TypeScript, no component code.
 */
import { focusPending } from 'c/relationshipMapFocus';
import { lengthNote } from 'c/relationshipMapPersonFields';
import type { Option } from 'c/relationshipMapPersonFields';

/**
 * How a field is edited: text and date (lightning-input), checkbox (lightning-input
 * type=checkbox), longtext (lightning-textarea), picklist (lightning-combobox), radio
 * (lightning-radio-group).
 */
export type FieldSpecKind = 'text' | 'date' | 'checkbox' | 'longtext' | 'picklist' | 'radio';

/** One labelled field of a form, as data. */
export interface FieldSpec {
  /** The draft's key; `data-field` of the control (what tests and focus selectors name). */
  key: string;
  kind: FieldSpecKind;
  label: string;
  /** Text, date or picklist value. */
  value?: string;
  /** A checkbox's state. */
  checked?: boolean;
  options?: readonly Option[];
  /** Field-level help (the metadata's inline help text). */
  help?: string;
  required?: boolean;
  placeholder?: string;
  /** `data-id` of the control, where a test or focus names it so (lightning-input only). */
  dataId?: string;
  /** The browser stops typing past it (the new-map dialog's names and goals). */
  maxLength?: number;
  /** A counter under the field, and a sentence at and past it (the save then refuses). */
  limit?: number;
}

/** A picklist field: a lightning-combobox of `choices`, with its help. */
export function picklistField(
  key: string,
  label: string,
  value: string,
  choices: readonly Option[],
  help?: string
): FieldSpec {
  return { key, kind: 'picklist', label, value, options: choices, help };
}

/** `fieldchange` of c-relationship-map-field: a field's new value (a checkbox's is a boolean). */
export interface FieldChange {
  key: string;
  value: string | boolean;
}

/** The counter paragraph under a field with a limit. */
export interface LimitView {
  counter: string;
  message: string;
  className: string;
}

/** The counter under `value` against `max`, toned as an error past it. */
export function limitView(label: string, value: string | null | undefined, max: number): LimitView {
  const note = lengthNote(label, value, max);
  const tone = note.over ? 'slds-text-color_error' : 'slds-text-color_weak';
  return { counter: note.counter, message: note.message, className: `slds-text-body_small rm-limit ${tone}` };
}

/** What a base component's `change` says, as a draft value of a field of `kind`. */
export function changedValue(
  kind: FieldSpecKind,
  detail: { value?: unknown; checked?: unknown } | null
): string | boolean {
  if (kind === 'checkbox') return detail?.checked === true;
  return typeof detail?.value === 'string' ? detail.value : '';
}

/** The draft with one field changed. */
export function withChange<D extends object>(draft: D, change: FieldChange): D {
  return { ...draft, [change.key]: change.value };
}

/** A part of a form as the form reaches it: it focuses, and tells what has focus, inside itself. */
export interface FormPart extends HTMLElement {
  focusOn(selector: string): boolean;
  holdsFocus?(selector: string): boolean;
}

const PART_TAGS =
  'c-relationship-map-form-box, c-relationship-map-field, c-relationship-map-form-footer, c-relationship-map-form-alert';

/** The form's parts, in document order. */
export function formParts(root: ParentNode | null | undefined): FormPart[] {
  return Array.from(root?.querySelectorAll<FormPart>(PART_TAGS) ?? []);
}

/**
 * `focusPending` for a form: the element `selector` names, in the form's own template or inside
 * one of its parts (the first field, the error paragraph in the footer, the list of problems).
 */
export function focusPendingInForm(root: ParentNode | null | undefined, selector: string | null): string | null {
  return focusPending(root, selector, (s) => formParts(root).some((part) => part.focusOn(s)));
}

/** Whether the element `selector` names, inside one of the form's parts, has the focus. */
export function formFocusIs(root: ParentNode | null | undefined, selector: string): boolean {
  return formParts(root).some((part) => part.holdsFocus?.(selector) === true);
}

/** A part's `focusOn`: focuses the element `selector` names inside `template`; whether it did. */
export function focusInside(template: ParentNode | null | undefined, selector: string): boolean {
  const target = template?.querySelector<HTMLElement>(selector);
  target?.focus();
  return Boolean(target);
}

/** A part's `holdsFocus`: whether the focused element inside `template` is the one `selector` names. */
export function focusedInside(
  template: { activeElement?: Element | null } | null | undefined,
  selector: string
): boolean {
  return template?.activeElement?.matches(selector) === true;
}
