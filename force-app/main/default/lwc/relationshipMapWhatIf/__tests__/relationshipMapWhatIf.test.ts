/**
 * The "If they leave" view shows the answer it is given (relationshipMap/whatIfModel.ts): lost
 * paths, the seat risk, the changes; before a trim, Trim and Cancel; before an edit that marks
 * someone as left, Mark as left and Cancel. It fires close, trim, leave, select.
 */
import RelationshipMapWhatIf from 'c/relationshipMapWhatIf';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { computeInsights, resolveSettings } from '../../relationshipMap/mapModel';
import { whatIfView } from '../../relationshipMap/whatIfModel';
import { clearBody, listen, mount } from '../../relationshipMapToolbar/__tests__/data/support';

const people: MapPerson[] = [
  { id: 'dana', name: 'Dana Ortiz', side: 'Our Company', stance: 'Champion' },
  { id: 'lee', name: 'Lee Park', stance: 'Supporter' },
  { id: 'morgan', name: 'Morgan Reyes', role: 'Economic Buyer', authority: 'High', stance: 'Skeptic' },
];
const links: InfluenceLink[] = [
  { id: 'l1', fromId: 'dana', toId: 'lee', type: 'Relationship', strength: 'Strong' },
  { id: 'l2', fromId: 'lee', toId: 'morgan', type: 'Reports To', strength: 'Strong' },
];
const insights = computeInsights(people, links, resolveSettings(null, 0.5, 90), new Date('2026-11-01T12:00:00Z'));
const q = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

afterEach(clearBody);

describe('c-relationship-map-what-if', () => {
  it('lists the decision makers who lose their best path and what changes; a name selects them', async () => {
    const element = mount('c-relationship-map-what-if', RelationshipMapWhatIf, {
      view: whatIfView(insights, { personId: 'lee', trim: false }),
    });
    await Promise.resolve();
    expect((q(element, '[data-id="what-if-heading"]')?.textContent ?? '').trim()).toBe('If Lee Park leaves');
    expect(element.shadowRoot!.activeElement).toBe(q(element, '[data-id="what-if-heading"]'));
    expect(q(element, '[data-dm="morgan"]')!.textContent).toContain('No warm path remains.');
    expect(q(element, '[data-measure="coverage"]')!.textContent).toContain('Coverage of key people');
    expect(q(element, '[data-id="seat-risk"]')).toBeNull();
    expect(q(element, '[data-id="what-if-trim"]')).toBeNull();
    await expect(element).toBeAccessible();

    const selects = listen(element, 'select');
    const closes = listen(element, 'close');
    q(element, '[data-person="morgan"]')!.click();
    (q(element, '[data-id="what-if-back"]') as HTMLElement & { label: string }).click();
    q(element, '[data-id="what-if"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(selects).toEqual([{ personId: 'morgan' }]);
    expect(closes).toHaveLength(2);
  });

  it('before a trim: the seat risk of a decision maker, then Trim or Cancel', async () => {
    const element = mount('c-relationship-map-what-if', RelationshipMapWhatIf, {
      view: whatIfView(insights, { personId: 'morgan', trim: true }),
    });
    await Promise.resolve();
    expect(q(element, '[data-id="seat-risk"]')!.textContent).toContain('Morgan Reyes is a decision maker');
    expect(q(element, '[data-id="no-lost"]')!.textContent).toBe('No decision maker loses their best warm path.');
    const trim = q(element, '[data-id="what-if-trim"]') as HTMLElement & { label: string };
    expect(trim.label).toBe('Trim Morgan Reyes');
    const trims = listen(element, 'trim');
    const closes = listen(element, 'close');
    trim.click();
    q(element, '[data-id="what-if-cancel"]')!.click();
    expect(trims).toEqual([{ personId: 'morgan' }]);
    expect(closes).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('before marking someone as left: the same answer as "If they leave", then Mark as left or Cancel', async () => {
    const element = mount('c-relationship-map-what-if', RelationshipMapWhatIf, {
      view: whatIfView(insights, { personId: 'lee', trim: false, leave: { isVacant: true } }),
    });
    await Promise.resolve();
    expect((q(element, '[data-id="what-if-heading"]')?.textContent ?? '').trim()).toBe(
      'Before you mark Lee Park as left'
    );
    // What leaving does (the analytics' whatIfRemoved), as "If Lee Park leaves" shows it.
    expect(q(element, '[data-dm="morgan"]')!.textContent).toContain('No warm path remains.');
    expect(q(element, '[data-id="what-if-trim"]')).toBeNull();
    const leave = q(element, '[data-id="what-if-leave"]') as HTMLElement & { label: string };
    expect(leave.label).toBe('Mark Lee Park as left');
    const leaves = listen(element, 'leave');
    const trims = listen(element, 'trim');
    const closes = listen(element, 'close');
    leave.click();
    q(element, '[data-id="what-if-cancel"]')!.click();
    expect(leaves).toEqual([{ personId: 'lee' }]);
    expect(trims).toEqual([]);
    expect(closes).toHaveLength(1);
    await expect(element).toBeAccessible();
  });
});
