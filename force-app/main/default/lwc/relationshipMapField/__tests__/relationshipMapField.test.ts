/**
 * One field of a form drawn from its description: the control for its kind with the label, help
 * and hooks the forms' tests and browser tests use, the counter under a field with a limit, the
 * value up as `fieldchange`, and focus and validity reached from the form.
 */
import RelationshipMapField from 'c/relationshipMapField';
import type { FieldChange, FieldSpec } from 'c/relationshipMapForm';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';
import { inForm } from './data/formParts';

type Field = HTMLElement & { field: FieldSpec; focusOn(s: string): boolean; showValidity(m?: string): void };

const draw = (field: FieldSpec) => mount<Field>('c-relationship-map-field', RelationshipMapField, { field });
const flush = () => Promise.resolve();
const text = (el: Field, selector: string) => (inForm(el, selector)?.textContent ?? '').trim();

afterEach(() => {
  jest.restoreAllMocks();
  clearBody();
});

describe('c-relationship-map-field', () => {
  it.each([
    ['text', 'LIGHTNING-INPUT', undefined],
    ['date', 'LIGHTNING-INPUT', 'date'],
    ['longtext', 'LIGHTNING-TEXTAREA', undefined],
    ['picklist', 'LIGHTNING-COMBOBOX', undefined],
    ['radio', 'LIGHTNING-RADIO-GROUP', undefined],
  ] as const)('draws a %s field as %s with its label, value, help and hooks', async (kind, tag, type) => {
    const options = [{ label: 'A', value: 'a' }];
    const el = draw({ key: 'k', kind, label: 'Label', value: 'a', options, help: 'Why', required: true });
    await flush();
    const control = inForm(el, '[data-field="k"]')! as HTMLElement & Record<string, unknown>;
    expect(control.tagName).toBe(tag);
    expect({
      label: control.label,
      value: control.value,
      help: control.fieldLevelHelp,
      required: control.required,
      // A radio group has no field-level help.
    }).toEqual({ label: 'Label', value: 'a', help: kind === 'radio' ? undefined : 'Why', required: true });
    expect(control.type).toBe(type);
    expect(control.options).toEqual(kind === 'picklist' || kind === 'radio' ? options : undefined);
  });

  it('draws a checkbox checked, with its data-id, and sends its state as a boolean', async () => {
    const el = draw({ key: 'everyone', kind: 'checkbox', label: 'Everyone', checked: true, dataId: 'new-everyone' });
    const changes = listen(el, 'fieldchange');
    await flush();
    const box = inForm(el, '[data-id="new-everyone"]')!;
    expect([box.getAttribute('data-field'), box.checked, box.value]).toEqual(['everyone', true, undefined]);
    box.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
    inForm(el, '[data-field="everyone"]')!.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    expect(changes).toEqual<FieldChange[]>([
      { key: 'everyone', value: false },
      { key: 'everyone', value: true },
    ]);
  });

  it('sends a text as text and anything else as blank; the event does not leave the form', async () => {
    const el = draw({ key: 'subject', kind: 'text', label: 'Subject', value: '' });
    const changes = listen(el, 'fieldchange');
    const outside = listen(document.body, 'fieldchange');
    await flush();
    inForm(el, '[data-field="subject"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 'Call' } }));
    inForm(el, '[data-field="subject"]')!.dispatchEvent(new CustomEvent('change', { detail: { value: 3 } }));
    expect(changes).toEqual([
      { key: 'subject', value: 'Call' },
      { key: 'subject', value: '' },
    ]);
    expect(outside).toEqual([]);
  });

  it('counts against a limit under the field, says so at and past it, and gives no max-length', async () => {
    const el = draw({ key: 'title', kind: 'text', label: 'Title', value: 'x'.repeat(5), limit: 5 });
    await flush();
    expect(inForm(el, '[data-field="title"]')!.getAttribute('max-length')).toBeNull();
    expect(text(el, '[data-limit="title"] [data-part="counter"]')).toBe('5 / 5 characters');
    expect(text(el, '[data-limit="title"] [data-part="limit-message"]')).toBe(
      'Title is full: 5 characters is the most it can hold.'
    );
    expect(inForm(el, '[data-part="limit-message"]')!.getAttribute('aria-live')).toBe('polite');
    el.field = { ...el.field, value: 'x'.repeat(6) };
    await flush();
    expect(inForm(el, '[data-limit="title"]')!.classList.contains('slds-text-color_error')).toBe(true);
    el.field = { key: 'role', kind: 'picklist', label: 'Role', value: '' };
    await flush();
    expect(inForm(el, '[data-limit]')).toBeNull();
  });

  it('passes max-length to the browser when the field asks for it (the new-map dialog)', async () => {
    const el = draw({ key: 'goal', kind: 'text', label: 'Our goal', value: '', maxLength: 255 });
    await flush();
    expect(inForm(el, '[data-field="goal"]')!.maxLength).toBe(255);
  });

  it('focuses its control for the form, marks it invalid, and says when a selector is not its own', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const el = draw({ key: 'name', kind: 'text', label: 'Name', value: '' });
    await flush();
    const control = inForm(el, '[data-field="name"]')!;
    control.setCustomValidity = jest.fn();
    control.reportValidity = jest.fn();
    expect(el.focusOn('[data-field="other"]')).toBe(false);
    expect(el.focusOn('[data-field]')).toBe(true);
    expect(focus.mock.contexts).toEqual([control]);
    el.showValidity('Name is required.');
    el.showValidity();
    expect(control.setCustomValidity).toHaveBeenCalledTimes(1);
    expect(control.setCustomValidity).toHaveBeenCalledWith('Name is required.');
    expect(control.reportValidity).toHaveBeenCalledTimes(2);
  });
});
