/**
 * Saving a person's edits (../personCommands) without a component: what it sends (the version
 * and the values the rep saw), the optimistic change and its rollback, which record wins when it
 * is answered, the toast, and when a refused edit reopens.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { MapPerson } from 'c/relationshipGraph';
import type { MapGraph } from 'c/relationshipMapApi';
import { EditsInFlight, reopenedEdit, savePersonCommand } from '../personCommands';
import type { PersonApi } from '../personCommands';

const MORGAN = 'a01000000000002AAA';
const LEE = 'a01000000000003AAA';

function graph(): MapGraph {
  const g = JSON.parse(readFileSync(join(__dirname, 'data', 'graph.json'), 'utf8')) as MapGraph;
  g.people = g.people.map((p) => (p.id === MORGAN ? { ...p, version: 'v1', layoutX: 5, layoutY: 6 } : p));
  return g;
}
const morgan = (g: MapGraph): MapPerson => g.people.find((p) => p.id === MORGAN)!;
const fakeApi = (): jest.Mocked<PersonApi> => ({ updatePerson: jest.fn() });

describe('savePersonCommand', () => {
  it('sends the fields with the version and the values the rep saw, and changes the map at once', async () => {
    const api = fakeApi();
    const edits = new EditsInFlight();
    const g = graph();
    const command = savePersonCommand(api, g, MORGAN, { stance: 'Supporter' }, edits, jest.fn())!;
    expect(command).toMatchObject({ mapId: null, failTitle: 'Morgan Lee was not saved', analytics: true });
    expect(morgan(command.optimistic!(g)).stance).toBe('Supporter');
    expect(morgan(g).stance).toBe('Neutral');

    api.updatePerson.mockResolvedValue({ ...morgan(g), stance: 'Supporter', version: 'v2' });
    const saved = await command.send();
    expect(api.updatePerson).toHaveBeenCalledWith(
      MORGAN,
      { stance: 'Supporter' },
      { version: 'v1', values: { stance: 'Neutral' } }
    );
    expect(edits.has(MORGAN)).toBe(true);

    const outcome = command.settle(saved);
    if (!outcome.ok) throw new Error('expected a success');
    expect(outcome.toast).toEqual({ title: 'Saved', message: 'Morgan Lee: stance saved.', variant: 'success' });
    // The record as saved wins, keeping where the person is drawn.
    const after = morgan(outcome.update!(g));
    expect([after.stance, after.version, after.layoutX, after.layoutY]).toEqual(['Supporter', 'v2', 5, 6]);

    command.done!();
    expect(edits.has(MORGAN)).toBe(false);
  });

  it('applies only its own fields while another save of the same person is on its way', () => {
    const api = fakeApi();
    const edits = new EditsInFlight();
    const g = graph();
    const first = savePersonCommand(api, g, MORGAN, { stance: 'Supporter' }, edits, jest.fn())!;
    const second = savePersonCommand(api, g, MORGAN, { sentiment: 'Positive' }, edits, jest.fn())!;
    api.updatePerson.mockResolvedValue({ ...morgan(g), stance: 'Supporter', sentiment: 'Neutral', version: 'v2' });
    first.send().catch(() => undefined);
    second.send().catch(() => undefined);
    const outcome = first.settle({ ...morgan(g), stance: 'Supporter', sentiment: 'Neutral', version: 'v2' });
    if (!outcome.ok) throw new Error('expected a success');
    const pending = {
      ...g,
      people: g.people.map((p) => (p.id === MORGAN ? { ...p, sentiment: 'Positive' as const } : p)),
    };
    const after = morgan(outcome.update!(pending));
    // Not the saved record's sentiment: the second save would flicker back.
    expect([after.stance, after.sentiment, after.version]).toEqual(['Supporter', 'Positive', 'v1']);
  });

  it('rolls back to what the rep saw', () => {
    const g = graph();
    const command = savePersonCommand(
      fakeApi(),
      g,
      MORGAN,
      { stance: 'Opponent', title: 'CEO' },
      new EditsInFlight(),
      jest.fn()
    )!;
    const changed = command.optimistic!(g);
    expect([morgan(changed).stance, morgan(changed).title]).toEqual(['Opponent', 'CEO']);
    const back = morgan(command.rollback!(changed));
    expect([back.stance, back.title]).toEqual(['Neutral', 'CFO']);
  });

  it('on a refusal, hands on the sentence and the version the rep saw; without a version, nothing', () => {
    const g = graph();
    const refusedAfterSeeing = jest.fn();
    savePersonCommand(fakeApi(), g, MORGAN, { stance: 'Opponent' }, new EditsInFlight(), refusedAfterSeeing)!.refused!(
      'Dana changed this person.'
    );
    expect(refusedAfterSeeing).toHaveBeenCalledWith('Dana changed this person.', 'v1');

    const unversioned = jest.fn();
    savePersonCommand(fakeApi(), g, LEE, { stance: 'Opponent' }, new EditsInFlight(), unversioned)!.refused!('No.');
    expect(unversioned).not.toHaveBeenCalled();
  });

  it('is nothing to run without the person or without fields', () => {
    const g = graph();
    expect(
      savePersonCommand(fakeApi(), g, 'a01000000000099AAA', { stance: 'Opponent' }, new EditsInFlight(), jest.fn())
    ).toBeNull();
    expect(savePersonCommand(fakeApi(), g, MORGAN, {}, new EditsInFlight(), jest.fn())).toBeNull();
    expect(
      savePersonCommand(fakeApi(), null, MORGAN, { stance: 'Opponent' }, new EditsInFlight(), jest.fn())
    ).toBeNull();
  });
});

describe('EditsInFlight', () => {
  it('counts saves per person', () => {
    const edits = new EditsInFlight();
    edits.start(MORGAN);
    expect([edits.has(MORGAN), edits.alone(MORGAN)]).toEqual([true, true]);
    edits.start(MORGAN);
    expect(edits.alone(MORGAN)).toBe(false);
    edits.end(MORGAN);
    expect(edits.alone(MORGAN)).toBe(true);
    edits.end(MORGAN);
    expect([edits.has(MORGAN), edits.has(LEE)]).toEqual([false, false]);
  });
});

describe('reopenedEdit', () => {
  const fields = { stance: 'Opponent' as const };
  it('reopens when their version is no longer the one the rep saw', () => {
    expect(reopenedEdit(MORGAN, fields, 'Dana changed this person.', 'v1', true, 'v2')).toEqual({
      personId: MORGAN,
      fields,
      message: 'Dana changed this person.',
      reloaded: true,
    });
  });

  it('reopens when the reload failed, so nothing typed is lost', () => {
    expect(reopenedEdit(MORGAN, fields, 'No.', 'v1', false, 'v1')).toMatchObject({ reloaded: false });
  });

  it('does not reopen when the version is unchanged: refused for another reason', () => {
    expect(reopenedEdit(MORGAN, fields, 'Value too long.', 'v1', true, 'v1')).toBeNull();
  });
});
