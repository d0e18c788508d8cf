/** The change log on its own: this person's entries only, newest first, blanks said as "(blank)". */
import RelationshipMapPersonChanges from 'c/relationshipMapPersonChanges';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, MORGAN, PAT, clearBody, flush, load, mountPart, textOf } = parts;

// Navigate keeps its page reference in globalThis.navigated.
jest.mock('lightning/navigation', () =>
  jest.requireActual<object>('../../relationshipMapPersonPanel/__tests__/data/navigation')
);

/** `n` changes of one person, a minute apart. */
const changesOf = (personId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `a0300000000010${i}AAA`,
    personId,
    field: 'Stance' as const,
    oldValue: 'Neutral',
    newValue: 'Supporter',
    changedAt: new Date(Date.UTC(2025, 0, 1, 9, i)).toISOString(),
    changedByName: 'Dana Reyes',
    source: 'Edit' as const,
  }));

afterEach(clearBody);

describe('c-relationship-map-person-changes', () => {
  it("lists only the person's changes, newest first, and marks call logs", async () => {
    const el = mountPart('c-relationship-map-person-changes', RelationshipMapPersonChanges, {
      personId: MORGAN,
      changes: load().changes,
    });
    await flush();
    const rows = $$(el, 'li[data-change]');
    expect(rows.map((r) => r.dataset.change).join(' ')).toBe(
      'a03000000000002AAA a03000000000001AAA a03000000000003AAA'
    );
    expect(rows.map((r) => r.querySelector('[data-id="call-log-badge"]') !== null)).toEqual([true, false, false]);
    expect(textOf(rows[2])).toContain('Title: (blank) → changed to CFO');
  });

  it('says so when there are none', async () => {
    const el = mountPart('c-relationship-map-person-changes', RelationshipMapPersonChanges, {
      personId: PAT,
      changes: load().changes.filter((c) => c.personId !== PAT),
    });
    await flush();
    expect(textOf($(el, '[data-id="no-changes"]'))).toBe('No changes recorded yet.');
  });

  it('offers every change in Salesforce once the latest 5 are shown, and not before', async () => {
    const few = mountPart('c-relationship-map-person-changes', RelationshipMapPersonChanges, {
      personId: PAT,
      changes: changesOf(PAT, 4),
    });
    await flush();
    expect($$(few, 'li[data-change]')).toHaveLength(4);
    expect($(few, '[data-id="view-all-changes"]')).toBeNull();

    (globalThis as { navigated?: unknown }).navigated = undefined;
    const five = mountPart('c-relationship-map-person-changes', RelationshipMapPersonChanges, {
      personId: PAT,
      changes: [...changesOf(PAT, 5), ...changesOf(MORGAN, 1).map((c) => ({ ...c, id: 'a03000000000999AAA' }))],
    });
    await flush();
    expect($$(five, 'li[data-change]')).toHaveLength(5);
    expect(textOf($(five, '[data-id="changes-more"]'))).toBe('The latest 5 changes are shown here.');
    $(five, '[data-id="view-all-changes"]')!.click();
    expect((globalThis as { navigated?: unknown }).navigated).toEqual({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: PAT,
        objectApiName: 'Map_Contact__c',
        relationshipApiName: 'Changes__r',
        actionName: 'view',
      },
    });
  });

  it('navigates nowhere without a person', async () => {
    (globalThis as { navigated?: unknown }).navigated = undefined;
    const el = mountPart('c-relationship-map-person-changes', RelationshipMapPersonChanges, {
      personId: PAT,
      changes: changesOf(PAT, 5),
    });
    await flush();
    const button = $(el, '[data-id="view-all-changes"]')!;
    el.personId = null;
    button.click();
    expect((globalThis as { navigated?: unknown }).navigated).toBeUndefined();
  });
});
