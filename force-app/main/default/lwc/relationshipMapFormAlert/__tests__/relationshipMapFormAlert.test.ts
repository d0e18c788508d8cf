/**
 * The alert above a form: a sentence and its list, read out as an alert, focusable by the form,
 * as a small red-edged box or as an SLDS error banner.
 */
import RelationshipMapFormAlert from 'c/relationshipMapFormAlert';
import { clearBody, mount } from '../../relationshipMapToolbar/__tests__/data/support';
import { focusedInForm, inForm } from '../../relationshipMapField/__tests__/data/formParts';

type Alert = HTMLElement & { focusOn(s: string): boolean };

const draw = (props: object) => mount<Alert>('c-relationship-map-form-alert', RelationshipMapFormAlert, props);
const flush = () => Promise.resolve();

afterEach(clearBody);

describe('c-relationship-map-form-alert', () => {
  it('lists the problems under its sentence, as an alert the form focuses', async () => {
    const el = draw({ message: 'Please fix these before saving:', items: ['A.', 'B.'], alertId: 'edit-errors' });
    await flush();
    const box = inForm(el, '[data-id="edit-errors"]')!;
    expect([box.getAttribute('role'), box.getAttribute('tabindex')]).toEqual(['alert', '-1']);
    expect(box.classList.contains('errors')).toBe(true);
    expect(Array.from(box.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['A.', 'B.']);
    expect(el.focusOn('[data-id="edit-errors"]')).toBe(true);
    expect(focusedInForm(el)).toBe(box);
    expect(el.focusOn('[data-id="other"]')).toBe(false);
    await expect(el).toBeAccessible();
  });

  it('is a sentence alone without items, and an SLDS error banner when asked', async () => {
    const el = draw({ message: 'Goal: the value is too long.', alertId: 'modal-error', banner: true });
    await flush();
    const box = inForm(el, '[data-id="modal-error"]')!;
    expect(box.textContent.trim()).toBe('Goal: the value is too long.');
    expect(box.querySelector('ul')).toBeNull();
    expect(box.classList.contains('slds-alert_error')).toBe(true);
  });
});
