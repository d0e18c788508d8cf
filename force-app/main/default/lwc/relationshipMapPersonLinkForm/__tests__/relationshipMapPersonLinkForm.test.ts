/**
 * The Add a link form on its own: everyone else on the map as the other person, the link in the
 * chosen direction, and no link that already exists.
 */
import RelationshipMapPersonLinkForm from 'c/relationshipMapPersonLinkForm';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';
import {
  changeInForm as change,
  focusedInForm,
  inForm as $,
} from '../../relationshipMapField/__tests__/data/formParts';

const SAM = 'a01000000000004AAA';
const { DANA, MORGAN, PAT, clearBody, flush, mountPart, onMap, record, submitForError, watchFocus } = parts;

const mount = () =>
  mountPart('c-relationship-map-person-link-form', RelationshipMapPersonLinkForm, { ...onMap(MORGAN) });

afterEach(clearBody);

describe('c-relationship-map-person-link-form', () => {
  it('offers everyone else, focused, and sends the link in the chosen direction', async () => {
    const focused = watchFocus();
    const el = mount();
    const added = record(el, 'addlink');
    await flush();
    expect(focused()).toEqual([$(el, '[data-field="targetId"]')]);
    expect($(el, '[data-field="targetId"]')?.options?.map((o) => o.value)).not.toContain(MORGAN);
    await change(el, '[data-field="targetId"]', { value: DANA });
    await change(el, '[data-field="direction"]', { value: 'to' });
    $(el, '[data-id="link-submit"]')!.click();
    expect(added).toEqual([{ fromId: DANA, toId: MORGAN, type: 'Influences', strength: 'Medium', notes: null }]);
  });

  it('leaves trimmed people out of "Other person", and refuses one trimmed while the form was open', async () => {
    const map = onMap(MORGAN);
    const trimmed = (id: string) => map.people.map((p) => (p.id === id ? { ...p, excluded: true } : p));
    const el = mountPart('c-relationship-map-person-link-form', RelationshipMapPersonLinkForm, {
      ...map,
      people: trimmed(SAM),
    });
    const added = record(el, 'addlink');
    await flush();
    const offered = () => $(el, '[data-field="targetId"]')?.options?.map((o) => o.value) ?? [];
    expect(offered()).not.toContain(SAM);
    expect(offered()).toEqual(expect.arrayContaining([PAT, DANA]));
    await change(el, '[data-field="targetId"]', { value: DANA });
    el.people = trimmed(DANA);
    await flush();
    expect(offered()).not.toContain(DANA);
    expect(await submitForError(el, 'link-submit', 'link-error')).toBe(
      'Dana Ruiz is trimmed from this map. Restore them first, or choose someone else.'
    );
    expect(added).toEqual([]);
  });

  it('refuses a link that exists and moves focus to why', async () => {
    const el = mount();
    const added = record(el, 'addlink');
    await flush();
    await change(el, '[data-field="targetId"]', { value: PAT });
    await change(el, '[data-field="direction"]', { value: 'to' });
    await change(el, '[data-field="type"]', { value: 'Reports To' });
    expect(await submitForError(el, 'link-submit', 'link-error')).toBe(
      'This link already exists: Pat Kim reports to Morgan Lee.'
    );
    expect(added).toEqual([]);
    expect(focusedInForm(el)).toBe($(el, '[data-id="link-error"]'));
  });
});
