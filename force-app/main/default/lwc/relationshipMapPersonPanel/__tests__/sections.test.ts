/** The folded sections, remembered per user: one key per user id, unreadable or refused storage ignored. */
import { readClosedSections, sectionsKey, writeClosedSections } from '../sections';
import type { SectionStorage } from '../sections';

function memory(): SectionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      items.set(k, v);
    },
  };
}

describe('person panel sections', () => {
  it('keeps each user apart', () => {
    const storage = memory();
    writeClosedSections(storage, sectionsKey('005A'), new Set(['links', 'changes']));
    expect([...readClosedSections(storage, sectionsKey('005A'))]).toEqual(['changes', 'links']);
    expect([...readClosedSections(storage, sectionsKey('005B'))]).toEqual([]);
    expect(sectionsKey('005A')).not.toBe(sectionsKey('005B'));
  });

  it('reads nothing from missing, broken or foreign values', () => {
    const storage = memory();
    expect(readClosedSections(null, 'k').size).toBe(0);
    storage.items.set('k', '{not json');
    expect(readClosedSections(storage, 'k').size).toBe(0);
    storage.items.set('k', '{"links":true}');
    expect(readClosedSections(storage, 'k').size).toBe(0);
    storage.items.set('k', '["links", 3, null]');
    expect([...readClosedSections(storage, 'k')]).toEqual(['links']);
  });

  it('ignores storage that refuses to save', () => {
    const refusing: SectionStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writeClosedSections(refusing, 'k', new Set(['links']))).not.toThrow();
  });
});
