/**
 * The Edit form on its own: it starts from the values the panel gives (and the sentence after a
 * refused save), sends only what changed against the person as saved now, refuses what the org
 * would refuse, and moves focus to the first field and to the problems.
 */
import RelationshipMapPersonEditForm from 'c/relationshipMapPersonEditForm';
import { draftOf } from 'c/relationshipMapPersonFields';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';
import {
  changeInForm as change,
  focusedInForm,
  inForm as $,
} from '../../relationshipMapField/__tests__/data/formParts';

const { MORGAN, clearBody, flush, mountPart, personOf, record, submitForError, textOf, watchFocus } = parts;

const mount = (notice = '') => {
  const person = personOf(MORGAN);
  return mountPart('c-relationship-map-person-edit-form', RelationshipMapPersonEditForm, {
    person,
    start: { values: draftOf(person), notice },
  });
};

afterEach(clearBody);

describe('c-relationship-map-person-edit-form', () => {
  it('starts from the given values, focused on the first field, with the notice above them', async () => {
    const focused = watchFocus();
    const el = mount('Dana Reyes changed this person at 10:42.');
    await flush();
    expect($(el, '[data-field="title"]')?.value).toBe('CFO');
    expect(textOf($(el, '[data-id="edit-conflict"]'))).toBe('Dana Reyes changed this person at 10:42.');
    expect(focused()).toEqual([$(el, '[data-field="name"]')]);
  });

  it('saves only what changed; nothing changed is an empty save', async () => {
    const el = mount();
    const saves = record(el, 'save');
    await flush();
    $(el, '[data-id="edit-save"]')!.click();
    await change(el, '[data-field="title"]', { value: 'Chief Financial Officer' });
    await change(el, '[data-field="isPrimaryContact"]', { checked: true });
    $(el, '[data-id="edit-save"]')!.click();
    expect(saves).toEqual([{ fields: {} }, { fields: { title: 'Chief Financial Officer', isPrimaryContact: true } }]);
  });

  it('refuses a value the org would refuse, lists why and moves focus there', async () => {
    const el = mount();
    const saves = record(el, 'save');
    await flush();
    await change(el, '[data-field="role"]', { value: 'Chief Decider' });
    expect(await submitForError(el, 'edit-save', 'edit-errors')).toContain(
      'Role: "Chief Decider" is not one of the allowed values'
    );
    expect(saves).toEqual([]);
    expect(focusedInForm(el)).toBe($(el, '[data-id="edit-errors"]'));
  });

  it('starts again from a new start, and Cancel only asks the panel to close it', async () => {
    const el = mount();
    const cancels = record(el, 'cancel');
    await flush();
    await change(el, '[data-field="title"]', { value: 'Mine' });
    el.start = { values: { ...draftOf(personOf(MORGAN)), title: 'Theirs' }, notice: 'Refused.' };
    await flush();
    expect($(el, '[data-field="title"]')?.value).toBe('Theirs');
    $(el, '[data-id="edit-cancel"]')!.click();
    expect(cancels).toHaveLength(1);
  });

  it('counts long texts and titles against their limits, says so at and past them, and refuses too long', async () => {
    const el = mount();
    const saves = record(el, 'save');
    await flush();
    const limit = (key: string) => ({
      counter: textOf($(el, `[data-limit="${key}"] [data-part="counter"]`)),
      message: textOf($(el, `[data-limit="${key}"] [data-part="limit-message"]`)),
      error: $(el, `[data-limit="${key}"]`)?.classList.contains('slds-text-color_error') ?? null,
    });
    // No max-length: the browser would stop typing (or cut a paste) without a word.
    expect($(el, '[data-field="title"]')?.getAttribute('max-length')).toBeNull();
    expect(($(el, '[data-field="title"]') as unknown as { maxLength?: unknown }).maxLength).toBeUndefined();
    expect(limit('title')).toEqual({ counter: '3 / 128 characters', message: '', error: false });
    expect(limit('personalGoals').counter).toMatch(/ \/ 32,768 characters$/);
    expect($(el, '[data-limit="role"]')).toBeNull();

    await change(el, '[data-field="title"]', { value: 'x'.repeat(128) });
    expect(limit('title')).toEqual({
      counter: '128 / 128 characters',
      message: 'Title is full: 128 characters is the most it can hold.',
      error: false,
    });
    await change(el, '[data-field="personalGoals"]', { value: 'y'.repeat(32769) });
    expect(limit('personalGoals')).toEqual({
      counter: '32,769 / 32,768 characters',
      message: 'Personal Goals is 1 character over its limit of 32,768: shorten it to save.',
      error: true,
    });
    expect(await submitForError(el, 'edit-save', 'edit-errors')).toContain(
      'Personal Goals: keep it to 32768 characters (it has 32769).'
    );
    expect(saves).toEqual([]);

    await change(el, '[data-field="personalGoals"]', { value: 'y'.repeat(32768) });
    $(el, '[data-id="edit-save"]')!.click();
    expect(saves).toEqual([{ fields: { title: 'x'.repeat(128), personalGoals: 'y'.repeat(32768) } }]);
  });
});
