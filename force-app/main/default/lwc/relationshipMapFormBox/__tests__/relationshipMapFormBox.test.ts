/**
 * A form's body drawn from data: the box named as a group with its heading, the alerts, the
 * fields (flat or in titled groups) and the footer; every change, Cancel and the brand button go
 * up as one `formaction`; the form reaches its fields' validity and focus through it.
 */
import RelationshipMapFormBox, { panelFormBox, runFormAction } from 'c/relationshipMapFormBox';
import type { FormAction, FormBoxSpec } from 'c/relationshipMapFormBox';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';
import { allInForm, changeInForm, inForm } from '../../relationshipMapField/__tests__/data/formParts';

type Box = HTMLElement & {
  form: FormBoxSpec;
  focusOn(selector: string): boolean;
  holdsFocus(selector: string): boolean;
  showValidity(messages?: Record<string, string>): void;
};

const FIELDS: FormBoxSpec['fields'] = [
  { key: 'subject', kind: 'text', label: 'Subject', value: 'Call', required: true },
  { key: 'comments', kind: 'longtext', label: 'Comments', value: '' },
];
const draw = (form: FormBoxSpec) => mount<Box>('c-relationship-map-form-box', RelationshipMapFormBox, { form });
const flush = () => Promise.resolve();

afterEach(clearBody);

describe('c-relationship-map-form-box', () => {
  it('draws a panel form: a named group, its heading, the fields and the footer with the error', async () => {
    const form = { ...panelFormBox('call', 'Log a call', 'Log call', 'slds-m-bottom_medium'), heading: 'Log a call' };
    const el = draw({ ...form, fields: FIELDS, error: 'Subject is required.' });
    await flush();
    const box = inForm(el, '[data-id="call-form"]')!;
    expect([box.getAttribute('role'), box.getAttribute('aria-label'), box.className]).toEqual([
      'group',
      'Log a call',
      'slds-box slds-m-bottom_medium form',
    ]);
    expect(box.querySelector('h3')!.textContent).toBe('Log a call');
    expect(allInForm(el, '[data-field]').map((f) => f.label)).toEqual(['Subject', 'Comments']);
    expect(inForm(el, '[data-id="call-error"]')!.textContent).toContain('Subject is required.');
    expect(inForm(el, '[data-id="call-submit"]')!.label).toBe('Log call');
  });

  it('sends every change, Cancel and the brand button up as one formaction', async () => {
    const el = draw({ ...panelFormBox('link', 'Add a link', 'Add link', 'slds-m-top_small'), fields: FIELDS });
    const actions = listen(el, 'formaction') as FormAction[];
    await flush();
    await changeInForm(el, '[data-field="subject"]', { value: 'Pilot' });
    inForm(el, '[data-id="link-cancel"]')!.click();
    inForm(el, '[data-id="link-submit"]')!.click();
    expect(actions).toEqual([
      { kind: 'change', change: { key: 'subject', value: 'Pilot' } },
      { kind: 'cancel' },
      { kind: 'submit' },
    ]);
    // A form without its own change and cancel: the draft takes the change, the error clears, cancel goes up.
    const form = Object.assign(new EventTarget(), {
      draft: { subject: 'Call' },
      error: 'Subject is required.',
      sent: 0,
    });
    const submit = () => form.sent++;
    const cancels: Event[] = [];
    form.addEventListener('cancel', (event) => cancels.push(event));
    for (const action of actions) runFormAction(Object.assign(form, { submit }), action);
    expect([form.draft, form.error, cancels.length, form.sent]).toEqual([{ subject: 'Pilot' }, '', 1, 1]);
  });

  it('draws titled groups as fieldsets, alerts above them, an h4 heading, and no footer when the form has its own', async () => {
    const el = draw({
      heading: 'Add a link',
      subHeading: true,
      alerts: [{ alertId: 'edit-errors', message: 'Please fix these before saving:', items: ['Role is wrong.'] }],
      groups: [{ key: 'stand', title: 'Where they stand', fields: FIELDS ?? [] }],
    });
    await flush();
    const root = el.shadowRoot!;
    expect(root.querySelector('div')!.getAttribute('role')).toBeNull();
    expect(root.querySelector('h4')!.textContent).toBe('Add a link');
    expect(root.querySelector('legend')!.textContent).toBe('Where they stand');
    expect(root.querySelectorAll('fieldset c-relationship-map-field')).toHaveLength(2);
    expect(inForm(el, '[data-id="edit-errors"]')!.textContent).toContain('Role is wrong.');
    expect(root.querySelector('c-relationship-map-form-footer')).toBeNull();
    expect(el.focusOn('[data-id="edit-errors"]')).toBe(true);
    expect(el.focusOn('[data-id="nothing"]')).toBe(false);
  });

  it('marks each field with its message, or lets each control check itself', async () => {
    const el = draw({ fields: FIELDS });
    await flush();
    const [subject, comments] = allInForm(el, '[data-field]');
    const marked: string[] = [];
    const check = jest.fn(() => true);
    for (const control of [subject, comments]) {
      control.setCustomValidity = (message: string) => marked.push(`${control.dataset.field}:${message}`);
      control.reportValidity = check;
    }
    el.showValidity({ subject: 'Subject is required.' });
    expect(marked).toEqual(['subject:Subject is required.', 'comments:']);
    el.showValidity();
    expect(marked).toHaveLength(2);
    expect(check).toHaveBeenCalledTimes(4);
  });
});
