/**
 * The person's links on their own: both directions as sentences, removal only through the
 * question the panel opens (`confirmingId`), and focus moving to "No" and back to the button.
 */
import RelationshipMapPersonLinks from 'c/relationshipMapPersonLinks';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, MORGAN, change, clearBody, flush, onMap, mountPart, record, textOf, watchFocus } = parts;

const REPORTS = 'a02000000000001AAA'; // Pat reports to Morgan

const INFLUENCES = 'a02000000000002AAA'; // Morgan influences Eve (Weak)

/** An admin may edit and delete links; a rep only edit. */
const mount = (canEdit: boolean, canDelete = canEdit) =>
  mountPart('c-relationship-map-person-links', RelationshipMapPersonLinks, {
    ...onMap(MORGAN),
    canEdit,
    canDelete,
    confirmingId: null,
  });

afterEach(clearBody);

describe('c-relationship-map-person-links', () => {
  it('lists links from and to the person as sentences; read-only offers no removal', async () => {
    const el = mount(false);
    await flush();
    expect($$(el, '[data-id="outgoing"] .link-sentence').map(textOf)).toEqual([
      'Morgan Lee influences <img src=x onerror=alert(1)><b>Eve</b>',
    ]);
    expect($$(el, '[data-id="incoming"] .link-sentence').map(textOf)).toEqual([
      'Pat Kim reports to Morgan Lee',
      '<img src=x onerror=alert(1)><b>Eve</b> and Morgan Lee are allies',
    ]);
    expect($$(el, '[data-remove]')).toEqual([]);
    expect($$(el, '[data-change]')).toEqual([]);
  });

  it('asks, then removes on "Yes" or goes back to the button on "No"', async () => {
    const el = mount(true);
    const asked = record(el, 'askremove');
    const removed = record(el, 'removelink');
    const cancelled = record(el, 'cancelremove');
    await flush();
    $(el, `[data-remove="${REPORTS}"]`)!.click();
    expect(asked).toEqual([{ linkId: REPORTS }]);
    el.confirmingId = REPORTS; // the panel opens the question
    await flush();
    expect(textOf($(el, '[data-id="confirm-text"]'))).toBe('Remove the link "Pat Kim reports to Morgan Lee"?');
    $(el, '[data-id="confirm-yes"]')!.click();
    expect(removed).toEqual([{ linkId: REPORTS }]);
    $(el, '[data-id="confirm-no"]')!.click();
    expect(cancelled).toHaveLength(1);
    const focused = watchFocus();
    el.confirmingId = null;
    await flush();
    expect(focused()).toEqual([$(el, `[data-remove="${REPORTS}"]`)]);
  });

  it('offers a rep who may not delete links no remove button, and ignores a removal anyway', async () => {
    const el = mount(true, false);
    const asked = record(el, 'askremove');
    const removed = record(el, 'removelink');
    await flush();
    expect($$(el, '[data-remove]')).toEqual([]);
    expect($$(el, '[data-change]').map((b) => b.dataset.change)).toEqual([INFLUENCES, REPORTS, 'a02000000000004AAA']);
    el.confirmingId = REPORTS; // even if asked, there is no question to answer
    await flush();
    expect($(el, '[data-id="confirm-yes"]')).toBeNull();
    expect([asked, removed]).toEqual([[], []]);
  });

  it("changes a link's type and strength in place, sends it up to the container, and focuses back", async () => {
    const el = mount(true, false);
    const updates: CustomEvent<unknown>[] = [];
    el.addEventListener('updatelink', (e) => updates.push(e as CustomEvent<unknown>));
    await flush();
    const focused = watchFocus();
    $(el, `[data-change="${REPORTS}"]`)!.click();
    await flush();
    expect($(el, '[data-id="link-edit"]')?.getAttribute('aria-label')).toBe(
      'Change link: Pat Kim reports to Morgan Lee'
    );
    expect($(el, '[data-edit-field="type"]')?.value).toBe('Reports To');
    expect($(el, '[data-edit-field="strength"]')?.value).toBe('Strong');
    const type = $(el, '[data-edit-field="type"]');
    expect(focused()).toEqual([type]);
    await change(el, '[data-edit-field="strength"]', { value: 'Weak' });
    $(el, '[data-id="link-edit-save"]')!.click();
    await flush();
    expect(updates.map((e) => e.detail)).toEqual([{ linkId: REPORTS, type: 'Reports To', strength: 'Weak' }]);
    // The panel does not pass it on: it crosses the panel's shadow to the container.
    expect([updates[0].bubbles, updates[0].composed]).toEqual([true, true]);
    expect($(el, '[data-id="link-edit"]')).toBeNull();
    expect(focused()).toEqual([type, $(el, `[data-change="${REPORTS}"]`)]);
  });

  it('refuses a change that would copy another link; nothing changed or Cancel sends nothing', async () => {
    const el = mount(true);
    const updates = record(el, 'updatelink');
    await flush();
    $(el, `[data-change="${INFLUENCES}"]`)!.click();
    await flush();
    // Eve and Morgan are allies already: Ally reads the same both ways.
    await change(el, '[data-edit-field="type"]', { value: 'Ally' });
    $(el, '[data-id="link-edit-save"]')!.click();
    await flush();
    expect(textOf($(el, '[data-id="link-edit-error"]'))).toBe(
      'These two people already have a link of this type. Choose another type, or remove that link.'
    );
    expect(el.shadowRoot!.activeElement).toBe($(el, '[data-id="link-edit-error"]'));
    await change(el, '[data-edit-field="type"]', { value: 'Chief' });
    $(el, '[data-id="link-edit-save"]')!.click();
    await flush();
    expect(textOf($(el, '[data-id="link-edit-error"]'))).toContain('Type: "Chief" is not one of');
    await change(el, '[data-edit-field="type"]', { value: 'Influences' });
    $(el, '[data-id="link-edit-save"]')!.click();
    await flush();
    expect($(el, '[data-id="link-edit"]')).toBeNull();
    $(el, `[data-change="${INFLUENCES}"]`)!.click();
    await flush();
    await change(el, '[data-edit-field="strength"]', { value: 'Strong' });
    $(el, '[data-id="link-edit-cancel"]')!.click();
    await flush();
    expect($(el, '[data-id="link-edit"]')).toBeNull();
    expect(updates).toEqual([]);
  });

  it('closes a change when the map turns read-only', async () => {
    const el = mount(true);
    await flush();
    $(el, `[data-change="${REPORTS}"]`)!.click();
    await flush();
    expect($(el, '[data-id="link-edit"]')).not.toBeNull();
    el.canEdit = false;
    await flush();
    expect($(el, '[data-id="link-edit"]')).toBeNull();
    expect($$(el, '[data-change]')).toEqual([]);
  });
});
