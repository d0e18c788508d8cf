/**
 * The keyboard's pure part: which command a key is, and which person an arrow key goes to.
 */
import type { MapPerson } from 'c/relationshipGraph';
import { commandFor, personByOrder, personToward } from '../keyboard';
import { emptyScene, joinScene } from '../scene';

const person = (id: string, name: string, x: number, y: number): MapPerson => ({
  id,
  name,
  layoutX: x,
  layoutY: y,
});

/** A at the centre, B right of it (linked), C nearer on the right (not linked), D below-left. */
function scene() {
  const s = emptyScene();
  joinScene(
    s,
    [person('a', 'Ann', 0, 0), person('b', 'Bo', 100, 0), person('c', 'Cy', 40, -10), person('d', 'Di', -300, 300)],
    [{ id: 'l1', fromId: 'a', toId: 'b', type: 'Ally' }],
    {},
    {}
  );
  return s;
}

describe('keyboard', () => {
  it('maps keys to commands and leaves other keys alone', () => {
    expect(commandFor('ArrowUp')).toEqual({ kind: 'move', direction: 'up' });
    expect(commandFor(' ')).toEqual({ kind: 'select' });
    expect(commandFor('Escape')).toEqual({ kind: 'clear' });
    expect(commandFor('+')).toEqual({ kind: 'zoom', factor: 1.25 });
    expect(commandFor('_')).toEqual({ kind: 'zoom', factor: 0.8 });
    expect(commandFor('0')).toEqual({ kind: 'fit' });
    expect(commandFor('a')).toBeNull();
    expect(commandFor('toString')).toBeNull();
  });

  it('goes to the linked person that way first, then anyone that way, then the next by name', () => {
    const s = scene();
    const a = s.nodeById.get('a')!;
    expect(personToward(s, a, 'right')?.id).toBe('b'); // linked, though C is nearer
    expect(personToward(s, a, 'left')?.id).toBe('d'); // nobody linked that way: anyone that way
    const b = s.nodeById.get('b')!;
    expect(personToward(s, b, 'right')?.id).toBe('c'); // nobody that way: next by name
    expect(personToward(s, b, 'up')?.id).toBe('a'); // nobody that way: previous by name
    expect(personByOrder(s, 0)?.id).toBe('a');
    expect(personByOrder(s, 3)?.id).toBe('d');
  });
});
