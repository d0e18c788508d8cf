/**
 * One group of fields on its own: the rows of that group only, the record link, long texts while
 * they load, and the missing-plan flag in Our Plan only.
 */
import RelationshipMapPersonFieldGroup from 'c/relationshipMapPersonFieldGroup';
import type { GroupKey } from 'c/relationshipMapPersonFields';
import type { MapPerson } from 'c/relationshipGraph';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, MORGAN, clearBody, flush, mountPart, personOf, textOf } = parts;

// Navigate keeps its page reference in globalThis.navigated.
jest.mock('lightning/navigation', () =>
  jest.requireActual<object>('../../relationshipMapPersonPanel/__tests__/data/navigation')
);

const mount = (group: GroupKey, person: MapPerson = personOf(MORGAN), detailsStatus = '') =>
  mountPart('c-relationship-map-person-field-group', RelationshipMapPersonFieldGroup, { person, group, detailsStatus });

afterEach(clearBody);

describe('c-relationship-map-person-field-group', () => {
  it("shows its group's rows (stance and sentiment are the panel's buttons) and opens the record", async () => {
    const el = mount('stand');
    await flush();
    expect($$(el, 'dd[data-field]').map((dd) => dd.dataset.field)).toEqual([
      'coverage',
      'stanceChangedAt',
      'lastInteraction',
    ]);
    expect($(el, '[data-id="contingency-flag"]')).toBeNull();
    const person = mount('person');
    await flush();
    $(person, '[data-id="record-link"]')!.click();
    expect((globalThis as { navigated?: unknown }).navigated).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000001AAA', objectApiName: 'Contact', actionName: 'view' },
    });
  });

  it('says "Loading…" for long texts not loaded yet, and flags the missing plan from the formula', async () => {
    const morgan: MapPerson = { ...personOf(MORGAN), hasDetails: false, hasContingencyPlan: false };
    delete morgan.contingencyPlan;
    const el = mount('plan', morgan, 'loading');
    await flush();
    expect(textOf($(el, 'dd[data-field="ourAssessment"]'))).toBe('Loading…');
    expect(textOf($(el, '[data-id="contingency-flag"]'))).toContain('No damage-control plan.');
  });
});
