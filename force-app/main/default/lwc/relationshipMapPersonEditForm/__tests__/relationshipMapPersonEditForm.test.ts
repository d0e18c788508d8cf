/**
 * The Edit form on its own: it starts from the values the panel gives (and the sentence after a
 * refused save), sends only what changed against the person as saved now, refuses what the org
 * would refuse, and moves focus to the first field and to the problems.
 */
import RelationshipMapPersonEditForm from 'c/relationshipMapPersonEditForm';
import { draftOf } from 'c/relationshipMapPersonFields';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, MORGAN, change, clearBody, flush, mountPart, personOf, record, textOf, watchFocus } = parts;

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
    $(el, '[data-id="edit-save"]')!.click();
    await flush();
    expect(saves).toEqual([]);
    expect(textOf($(el, '[data-id="edit-errors"]'))).toContain(
      'Role: "Chief Decider" is not one of the allowed values'
    );
    expect(el.shadowRoot!.activeElement).toBe($(el, '[data-id="edit-errors"]'));
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
});
