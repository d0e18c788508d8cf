/**
 * The Log call form on its own: prefilled once with the person's stance and sentiment, it sends
 * the call with trimmed texts, refuses a call without a subject, and moves focus to the problem.
 */
import RelationshipMapPersonCallForm from 'c/relationshipMapPersonCallForm';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, MORGAN, change, clearBody, flush, mountPart, personOf, record, textOf, watchFocus } = parts;

afterEach(clearBody);

describe('c-relationship-map-person-call-form', () => {
  it('is prefilled when it opens and keeps the draft when the person changes later', async () => {
    const focused = watchFocus();
    const morgan = personOf(MORGAN);
    const el = mountPart('c-relationship-map-person-call-form', RelationshipMapPersonCallForm, { person: morgan });
    const calls = record(el, 'logcall');
    await flush();
    expect(focused()).toEqual([$(el, '[data-field="subject"]')]);
    expect($(el, '[data-field="stance"]')?.value).toBe('Skeptic');
    el.person = { ...morgan, stance: 'Champion' };
    await flush();
    expect($(el, '[data-field="stance"]')?.value).toBe('Skeptic');
    await change(el, '[data-field="comments"]', { value: '  Agreed to a pilot. ' });
    $(el, '[data-id="call-submit"]')!.click();
    expect(calls).toEqual([
      { personId: MORGAN, subject: 'Call', comments: 'Agreed to a pilot.', stance: 'Skeptic', sentiment: 'Neutral' },
    ]);
  });

  it('refuses a call without a subject and moves focus to why; Cancel asks the panel to close it', async () => {
    const el = mountPart('c-relationship-map-person-call-form', RelationshipMapPersonCallForm, {
      person: personOf(MORGAN),
    });
    const calls = record(el, 'logcall');
    const cancels = record(el, 'cancel');
    await flush();
    await change(el, '[data-field="subject"]', { value: '  ' });
    $(el, '[data-id="call-submit"]')!.click();
    await flush();
    expect(calls).toEqual([]);
    expect(textOf($(el, '[data-id="call-error"]'))).toBe('Subject is required.');
    expect(el.shadowRoot!.activeElement).toBe($(el, '[data-id="call-error"]'));
    $(el, '[data-id="call-cancel"]')!.click();
    expect(cancels).toHaveLength(1);
  });
});
