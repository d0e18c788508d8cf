/**
 * The person's links on their own: both directions as sentences, removal only through the
 * question the panel opens (`confirmingId`), and focus moving to "No" and back to the button.
 */
import RelationshipMapPersonLinks from 'c/relationshipMapPersonLinks';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, MORGAN, clearBody, flush, onMap, mountPart, record, textOf, watchFocus } = parts;

const REPORTS = 'a02000000000001AAA'; // Pat reports to Morgan

const mount = (canEdit: boolean) =>
  mountPart('c-relationship-map-person-links', RelationshipMapPersonLinks, {
    ...onMap(MORGAN),
    canEdit,
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
});
