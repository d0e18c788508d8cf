/**
 * Reading a form through its parts: the shadow roots of c-relationship-map-form-box, -field,
 * -form-footer and -form-alert inside an element, nested ones included, so a test finds a
 * control, the error or a button where the form draws it. Shared by the forms' tests; not a test.
 */

/** The tags whose shadow roots a form's tests read through. */
export const FORM_PARTS =
  'c-relationship-map-form-box, c-relationship-map-field, c-relationship-map-form-footer, c-relationship-map-form-alert';

/** A rendered node: an HTML element, or a base-component stub with the properties the template set. */
export type Stub = HTMLElement & {
  label?: string;
  value?: string;
  checked?: boolean;
  disabled?: boolean;
  required?: boolean;
  variant?: string;
  fieldLevelHelp?: string;
  options?: { label: string; value: string }[];
  maxLength?: number;
  setCustomValidity?: (message: string) => void;
  reportValidity?: () => boolean;
};

/** `el`'s shadow root, then those of the form parts inside it, in document order. */
export function formRoots(el: Element): ShadowRoot[] {
  const roots = el.shadowRoot ? [el.shadowRoot] : [];
  for (let i = 0; i < roots.length; i++) {
    for (const part of Array.from(roots[i].querySelectorAll(FORM_PARTS))) {
      if (part.shadowRoot) roots.push(part.shadowRoot);
    }
  }
  return roots;
}

/** The first node `selector` matches in `el` or its form parts, or null. */
export function inForm(el: Element, selector: string): Stub | null {
  for (const root of formRoots(el)) {
    const found = root.querySelector<Stub>(selector);
    if (found) return found;
  }
  return null;
}

/** Every node `selector` matches in `el` and its form parts. */
export const allInForm = (el: Element, selector: string): Stub[] =>
  formRoots(el).flatMap((root) => Array.from(root.querySelectorAll<Stub>(selector)));

/** Sends the `change` event a lightning-input/-combobox/-textarea/-radio-group fires, and lets it render. */
export async function changeInForm(el: Element, selector: string, detail: { value?: string; checked?: boolean }) {
  const target = inForm(el, selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.dispatchEvent(new CustomEvent('change', { detail }));
  await Promise.resolve();
}

/** The element that has the focus inside `el`, followed through the form parts it is in. */
export function focusedInForm(el: Element): Element | null {
  let active = el.shadowRoot?.activeElement ?? null;
  while (active?.matches(FORM_PARTS) && active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Presses the form's button `submitId`, lets the form render, and reads the sentence `errorId`
 * shows (why the form refused), white space folded; '' when there is none.
 */
export async function submitForError(el: Element, submitId: string, errorId: string): Promise<string> {
  const submit = inForm(el, `[data-id="${submitId}"]`);
  if (!submit) throw new Error(`no button ${submitId}`);
  submit.click();
  await Promise.resolve();
  return (inForm(el, `[data-id="${errorId}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
