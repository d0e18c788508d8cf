/** Ways in on their own: the status sentence, the summary, and at most three paths. */
import RelationshipMapPersonWarmPaths from 'c/relationshipMapPersonWarmPaths';
import type { DecisionMakerPaths } from 'c/relationshipGraph';
import { formatStrength } from 'c/relationshipMapFormat';
import * as parts from '../../relationshipMapPersonPanel/__tests__/data/parts';

const { $, $$, clearBody, flush, mountPart, textOf } = parts;

const path = (i: number) => ({
  personIds: ['a', `p${i}`, 'dm'],
  explanation: `Path ${i}`,
  strength: 0.5 / i,
  hops: i,
  throughPrimaryContact: i === 1,
  opponentIds: i === 2 ? ['p2'] : [],
});

const paths = (status: DecisionMakerPaths['status']) =>
  ({
    decisionMakerId: 'dm',
    status,
    summary: `Summary ${status}`,
    paths: [1, 2, 3, 4].map(path),
  }) as unknown as DecisionMakerPaths;

afterEach(clearBody);

describe('c-relationship-map-person-warm-paths', () => {
  it('lists the best three paths with strength, length and what they pass', async () => {
    const el = mountPart('c-relationship-map-person-warm-paths', RelationshipMapPersonWarmPaths, {
      name: 'Morgan Lee',
      warmPaths: paths('warm'),
    });
    await flush();
    expect($(el, '[data-id="warm-status"]')).toBeNull();
    expect($$(el, '[data-id="warm-list"] li').map(textOf)).toEqual([
      'Path 1Strength 0.50 · 1 link · through the primary contact',
      'Path 2Strength 0.25 · 2 links · passes an opponent',
      'Path 3Strength 0.17 · 3 links',
    ]);
  });

  it("shows a strength as the analytics' sentences do (0.105 → 0.11, not 0.10)", async () => {
    const warm = paths('warm');
    const strength = 0.7 * 0.15; // the float 0.10499…
    const el = mountPart('c-relationship-map-person-warm-paths', RelationshipMapPersonWarmPaths, {
      name: 'Morgan Lee',
      warmPaths: {
        ...warm,
        summary: `Best way in (strength ${formatStrength(strength)}).`,
        paths: [{ ...warm.paths[1], strength }],
      },
    });
    await flush();
    expect(textOf($(el, '[data-id="warm-list"] li'))).toBe('Path 2Strength 0.11 · 2 links · passes an opponent');
    expect(textOf($(el, '[data-id="warm-summary"]'))).toBe('Best way in (strength 0.11).');
  });

  it('says when there is no path, and lists none', async () => {
    const el = mountPart('c-relationship-map-person-warm-paths', RelationshipMapPersonWarmPaths, {
      name: 'Morgan Lee',
      warmPaths: paths('unreachable'),
    });
    await flush();
    expect(textOf($(el, '[data-id="warm-status"]'))).toBe('No path: none of our people can reach Morgan Lee.');
    expect(textOf($(el, '[data-id="warm-summary"]'))).toBe('Summary unreachable');
    expect($(el, '[data-id="warm-list"]')).toBeNull();
  });
});
