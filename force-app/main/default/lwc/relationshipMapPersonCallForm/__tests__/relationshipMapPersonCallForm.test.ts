/**
 * The Log call form on its own: prefilled once with the person's stance and sentiment, it sends
 * the call with trimmed texts, refuses a call without a subject, and moves focus to the problem.
 */
import RelationshipMapPersonCallForm from 'c/relationshipMapPersonCallForm';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';
import {
  changeInForm as change,
  focusedInForm,
  inForm as $,
} from '../../relationshipMapField/__tests__/data/formParts';

const { MORGAN, clearBody, flush, mountPart, personOf, record, submitForError, textOf, watchFocus } = parts;

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
    expect(await submitForError(el, 'call-submit', 'call-error')).toBe('Subject is required.');
    expect(calls).toEqual([]);
    expect(focusedInForm(el)).toBe($(el, '[data-id="call-error"]'));
    $(el, '[data-id="call-cancel"]')!.click();
    expect(cancels).toHaveLength(1);
  });

  it("counts subject and comments against the Task's limits and does not send a call past them", async () => {
    const el = mountPart('c-relationship-map-person-call-form', RelationshipMapPersonCallForm, {
      person: personOf(MORGAN),
    });
    const calls = record(el, 'logcall');
    await flush();
    const limit = (key: string) => [
      textOf($(el, `[data-limit="${key}"] [data-part="counter"]`)),
      textOf($(el, `[data-limit="${key}"] [data-part="limit-message"]`)),
    ];
    expect(($(el, '[data-field="subject"]') as unknown as { maxLength?: unknown }).maxLength).toBeUndefined();
    expect(limit('subject')).toEqual(['4 / 255 characters', '']);
    expect(limit('comments')).toEqual(['0 / 32,000 characters', '']);

    await change(el, '[data-field="subject"]', { value: 's'.repeat(255) });
    expect(limit('subject')).toEqual([
      '255 / 255 characters',
      'Subject is full: 255 characters is the most it can hold.',
    ]);
    await change(el, '[data-field="comments"]', { value: 'c'.repeat(32001) });
    expect(limit('comments')).toEqual([
      '32,001 / 32,000 characters',
      'Comments is 1 character over its limit of 32,000: shorten it to save.',
    ]);
    expect(await submitForError(el, 'call-submit', 'call-error')).toBe(
      'Comments: keep it to 32000 characters (it has 32001).'
    );
    expect(calls).toEqual([]);

    await change(el, '[data-field="subject"]', { value: 's'.repeat(256) });
    expect(await submitForError(el, 'call-submit', 'call-error')).toBe(
      'Subject: keep it to 255 characters (it has 256).'
    );

    await change(el, '[data-field="subject"]', { value: 'Pilot call' });
    await change(el, '[data-field="comments"]', { value: 'c'.repeat(32000) });
    $(el, '[data-id="call-submit"]')!.click();
    expect(calls).toHaveLength(1);
    expect((calls[0] as { comments: string }).comments).toHaveLength(32000);
  });
});
