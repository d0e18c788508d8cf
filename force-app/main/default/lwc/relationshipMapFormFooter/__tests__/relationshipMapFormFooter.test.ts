/**
 * The end of a form: the reason it cannot be sent as a focusable alert, Cancel and the brand
 * button with the forms' data-ids, `cancel` and `submit` up to the form only, both disabled
 * together, and a dialog's footer when asked.
 */
import RelationshipMapFormFooter from 'c/relationshipMapFormFooter';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';
import { focusedInForm, inForm } from '../../relationshipMapField/__tests__/data/formParts';

type Footer = HTMLElement & { error: string; disabled: boolean; focusOn(s: string): boolean };

const IDS = { errorId: 'call-error', cancelId: 'call-cancel', submitId: 'call-submit', submitLabel: 'Log call' };
const draw = (props: object = {}) =>
  mount<Footer>('c-relationship-map-form-footer', RelationshipMapFormFooter, { ...IDS, ...props });
const flush = () => Promise.resolve();

afterEach(clearBody);

describe('c-relationship-map-form-footer', () => {
  it('offers Cancel and the brand button, and tells only the form which was pressed', async () => {
    const el = draw();
    const cancels = listen(el, 'cancel');
    const submits = listen(el, 'submit');
    const outside = listen(document.body, 'submit');
    await flush();
    const [cancel, submit] = [inForm(el, '[data-id="call-cancel"]')!, inForm(el, '[data-id="call-submit"]')!];
    expect([cancel.label, submit.label, submit.variant, cancel.variant]).toEqual([
      'Cancel',
      'Log call',
      'brand',
      undefined,
    ]);
    submit.click();
    cancel.click();
    expect([cancels.length, submits.length, outside.length]).toEqual([1, 1, 0]);
    expect(inForm(el, '[data-id="call-error"]')).toBeNull();
  });

  it('shows why the form cannot be sent as an alert the form can move focus to', async () => {
    const el = draw({ error: 'Subject is required.' });
    await flush();
    const error = inForm(el, '[data-id="call-error"]')!;
    expect([error.getAttribute('role'), error.getAttribute('tabindex'), error.textContent.trim()]).toEqual([
      'alert',
      '-1',
      'Subject is required.',
    ]);
    expect(el.focusOn('[data-id="call-error"]')).toBe(true);
    expect(focusedInForm(el)).toBe(error);
    expect(el.focusOn('[data-id="nothing"]')).toBe(false);
  });

  it('disables both buttons while the form is busy, and lays out as a dialog footer', async () => {
    const el = draw({ modal: true, disabled: true });
    await flush();
    expect(inForm(el, '[data-id="call-cancel"]')!.disabled).toBe(true);
    expect(inForm(el, '[data-id="call-submit"]')!.disabled).toBe(true);
    expect(inForm(el, '.slds-modal__footer')).not.toBeNull();
    el.disabled = false;
    await flush();
    expect(inForm(el, '[data-id="call-submit"]')!.disabled).toBe(false);
  });
});
