/** The change log on its own: this person's entries only, newest first, blanks said as "(blank)". */
import RelationshipMapPersonChanges from 'c/relationshipMapPersonChanges';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, MORGAN, PAT, clearBody, flush, load, mountPart, textOf } = parts;

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
});
