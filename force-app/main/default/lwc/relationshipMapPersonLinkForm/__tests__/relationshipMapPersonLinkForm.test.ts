/**
 * The Add a link form on its own: everyone else on the map as the other person, the link in the
 * chosen direction, and no link that already exists.
 */
import RelationshipMapPersonLinkForm from 'c/relationshipMapPersonLinkForm';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, DANA, MORGAN, PAT, change, clearBody, flush, onMap, mountPart, record, textOf, watchFocus } = parts;

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

  it('refuses a link that exists and moves focus to why', async () => {
    const el = mount();
    const added = record(el, 'addlink');
    await flush();
    await change(el, '[data-field="targetId"]', { value: PAT });
    await change(el, '[data-field="direction"]', { value: 'to' });
    await change(el, '[data-field="type"]', { value: 'Reports To' });
    $(el, '[data-id="link-submit"]')!.click();
    await flush();
    expect(added).toEqual([]);
    expect(textOf($(el, '[data-id="link-error"]'))).toBe('This link already exists: Pat Kim reports to Morgan Lee.');
    expect(el.shadowRoot!.activeElement).toBe($(el, '[data-id="link-error"]'));
  });
});
