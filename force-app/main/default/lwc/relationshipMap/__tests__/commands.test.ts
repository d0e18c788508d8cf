/**
 * The map's commands (../commands) without a component: which Apex call each makes, what it
 * changes in the map once Salesforce said yes, what a row error says, and the toast text.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { MapGraph, PersonCandidate, SaveResult } from 'c/relationshipMapApi';
import {
  addLinkCommand,
  deletePersonCommand,
  everyoneAddedMessage,
  logCallCommand,
  nameIn,
  peopleToAdd,
  placedAt,
  removeLinkCommand,
  rowErrors,
  setExcludedCommand,
  updateLinkCommand,
} from '../commands';
import type { CommandApi, Outcome } from '../commands';

const MAP = 'a00000000000001AAA';
const DANA = 'a01000000000001AAA';
const MORGAN = 'a01000000000002AAA';
const LEE = 'a01000000000003AAA';
const DANA_LEE = 'a02000000000001AAA';

const graph = (): MapGraph => JSON.parse(readFileSync(join(__dirname, 'data', 'graph.json'), 'utf8')) as MapGraph;
const saved = (...savedIds: string[]): SaveResult => ({ savedIds, errors: [] });
const refused = (message: string, label?: string): SaveResult => ({
  savedIds: [],
  errors: [{ recordId: null, label: label ?? null, message }] as SaveResult['errors'],
});

function fakeApi(): jest.Mocked<CommandApi> {
  return {
    saveLinks: jest.fn(),
    deleteLinks: jest.fn(),
    setPeopleExcluded: jest.fn(),
    deletePeople: jest.fn(),
    logCall: jest.fn(),
  };
}

function ok(outcome: Outcome) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.problem}`);
  return outcome;
}

describe('commands', () => {
  it('addLink saves one link and draws it with the id Salesforce gave it', async () => {
    const api = fakeApi();
    api.saveLinks.mockResolvedValue(saved('a02000000000099AAA'));
    const link = { fromId: DANA, toId: MORGAN, type: 'Influences' as const, strength: 'Strong' as const, notes: null };
    const command = addLinkCommand(api, MAP, link, graph());
    const outcome = ok(command.settle(await command.send()));

    expect(api.saveLinks).toHaveBeenCalledWith(MAP, [link]);
    const after = outcome.update!(graph());
    expect(after.links.find((l) => l.id === 'a02000000000099AAA')).toEqual({ id: 'a02000000000099AAA', ...link });
    expect(outcome.toast).toEqual({
      title: 'Link added',
      message: `${nameIn(graph(), DANA)} → ${nameIn(graph(), MORGAN)} (Influences, Strong).`,
      variant: 'success',
    });
    expect(command.failTitle).toBe('The link was not added');
    expect(command.settle(refused('You already have a Conflict link.'))).toEqual({
      ok: false,
      problem: 'You already have a Conflict link.',
    });
  });

  it('removeLink deletes the link from the map', async () => {
    const api = fakeApi();
    api.deleteLinks.mockResolvedValue(saved(DANA_LEE));
    const command = removeLinkCommand(api, MAP, DANA_LEE);
    const outcome = ok(command.settle(await command.send()));
    expect(api.deleteLinks).toHaveBeenCalledWith(MAP, [DANA_LEE]);
    expect(outcome.update!(graph()).links.some((l) => l.id === DANA_LEE)).toBe(false);
    expect(outcome.toast.title).toBe('Link removed');
  });

  it('trims and restores a person, naming them in what the rep reads', async () => {
    const api = fakeApi();
    api.setPeopleExcluded.mockResolvedValue(saved(LEE));
    const trim = setExcludedCommand(api, MAP, LEE, true, 'Lee Park');
    const trimmed = ok(trim.settle(await trim.send()));
    expect(api.setPeopleExcluded).toHaveBeenCalledWith(MAP, [LEE], true);
    expect(trimmed.update!(graph()).people.find((p) => p.id === LEE)?.excluded).toBe(true);
    expect(trimmed.toast.message).toBe('Lee Park is hidden from the map; "Show excluded" shows them.');
    expect(trim.failTitle).toBe('Lee Park was not trimmed');

    const restore = setExcludedCommand(api, MAP, LEE, false, 'Lee Park');
    expect(restore.failTitle).toBe('Lee Park was not restored');
    expect(ok(restore.settle(saved(LEE))).toast).toEqual({
      title: 'Restored',
      message: 'Lee Park is back on the map.',
      variant: 'success',
    });
    expect(restore.settle(refused('Locked', 'Lee Park'))).toEqual({ ok: false, problem: 'Lee Park: Locked' });
  });

  it('deletes a person with their links', async () => {
    const api = fakeApi();
    api.deletePeople.mockResolvedValue(saved(LEE));
    const command = deletePersonCommand(api, MAP, LEE, 'Lee Park');
    const after = ok(command.settle(await command.send())).update!(graph());
    expect(api.deletePeople).toHaveBeenCalledWith(MAP, [LEE]);
    expect(after.people.some((p) => p.id === LEE)).toBe(false);
    expect(after.links.some((l) => l.fromId === LEE || l.toId === LEE)).toBe(false);
    expect(after.people.length).toBe(graph().people.length - 1);
  });

  it('logs a call and changes nothing itself (the container refreshes the person)', async () => {
    const api = fakeApi();
    api.logCall.mockResolvedValue('00T000000000001AAA');
    const log = { subject: 'Check-in', comments: null, stance: 'Champion' as const, sentiment: null };
    const command = logCallCommand(api, DANA, log, 'Dana Cole');
    const outcome = ok(command.settle(await command.send()));
    expect(api.logCall).toHaveBeenCalledWith(DANA, log);
    expect(outcome.update).toBeNull();
    expect(outcome.toast.message).toBe('Call with Dana Cole logged.');
  });

  it('puts row errors in one sentence and names unknown people "This person"', () => {
    expect(rowErrors({ savedIds: [], errors: [] })).toBe('');
    expect(rowErrors(undefined)).toBe('');
    expect(nameIn(null, DANA)).toBe('This person');
  });
});

describe('adding people', () => {
  it('adds ticked contacts with the side they were found with, and users as our people', () => {
    const candidates = [
      { recordId: '003000000000001AAA', side: 'Customer' },
      { recordId: '003000000000002AAA', side: null },
    ] as unknown as PersonCandidate[];
    expect(
      peopleToAdd(
        {
          contactIds: ['003000000000001AAA', '003000000000002AAA', '003000000000003AAA'],
          userIds: ['005000000000001AAA'],
        },
        candidates
      )
    ).toEqual([
      { recordId: '003000000000001AAA', side: 'Customer' },
      { recordId: '003000000000002AAA', side: null },
      { recordId: '003000000000003AAA', side: null },
      { recordId: '005000000000001AAA', side: 'Our Company' },
    ]);
    expect(peopleToAdd({}, candidates)).toEqual([]);
  });

  it('says how many contacts and how many of our people "Add everyone" placed, with the links', () => {
    const people = graph().people;
    const [a, b] = people;
    const withUser = people.map((p) => ({ ...p, userId: p.id === b.id ? '005000000000001AAA' : null }));
    expect(everyoneAddedMessage([a.id, b.id], withUser, 1)).toBe(
      '2 people added to the map (1 contact, 1 of our people), with 1 Reports To link.'
    );
    expect(everyoneAddedMessage([a.id], withUser, 0)).toBe(
      '1 person added to the map (1 contact), with 0 Reports To links.'
    );
  });
});

describe('dragged places', () => {
  it('moves the dragged people to where they were dropped (null: unpinned) and leaves the rest', () => {
    const before = graph();
    const [a, b] = before.people;
    const after = placedAt(before, [{ id: a.id, x: 12.5, y: -40 }]);
    expect(placedAt(after, [{ id: a.id, x: null, y: null }]).people[0]).toMatchObject({ layoutX: null, layoutY: null });
    expect(after.people.find((p) => p.id === a.id)).toMatchObject({ layoutX: 12.5, layoutY: -40 });
    expect(after.people.find((p) => p.id === b.id)).toBe(b);
    expect(after.links).toBe(before.links);
  });
});

describe('updateLink', () => {
  const change = { linkId: DANA_LEE, type: 'Influences' as const, strength: 'Weak' as const };
  const withVersion = (): MapGraph => {
    const g = graph();
    return {
      ...g,
      links: g.links.map((l) => (l.id === DANA_LEE ? { ...l, version: '2025-01-01T09:00:00.000Z' } : l)),
    };
  };

  it('draws the change at once, saves it with the version the rep saw, and reloads for the new version', async () => {
    const api = fakeApi();
    const reload = jest.fn().mockResolvedValue(true);
    api.saveLinks.mockResolvedValue(saved(DANA_LEE));
    const command = updateLinkCommand(api, MAP, withVersion(), change, reload)!;
    const drawn = command.optimistic!(withVersion()).links.find((l) => l.id === DANA_LEE);
    expect(drawn).toMatchObject({ fromId: DANA, toId: LEE, type: 'Influences', strength: 'Weak' });
    const outcome = ok(command.settle(await command.send()));
    expect(api.saveLinks).toHaveBeenCalledWith(MAP, [
      { id: DANA_LEE, type: 'Influences', strength: 'Weak', version: '2025-01-01T09:00:00.000Z' },
    ]);
    expect(outcome.update).toBeNull();
    expect(outcome.toast).toEqual({
      title: 'Link changed',
      message: 'Dana Whitfield → Lee Alvarez (Influences, Weak).',
      variant: 'success',
    });
    expect(reload).not.toHaveBeenCalled();
    command.done!();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("is undone when refused (someone changed it meanwhile), with Salesforce's sentence, and still reloads", async () => {
    const api = fakeApi();
    const reload = jest.fn().mockRejectedValue(new Error('offline'));
    api.saveLinks.mockResolvedValue(refused('Dana Reyes changed this link at 10:42.', 'Dana Whitfield → Lee Alvarez'));
    const command = updateLinkCommand(api, MAP, graph(), change, reload)!;
    const outcome = command.settle(await command.send());
    expect(outcome).toEqual({
      ok: false,
      problem: 'Dana Whitfield → Lee Alvarez: Dana Reyes changed this link at 10:42.',
    });
    expect(command.rollback!(command.optimistic!(graph())).links).toEqual(graph().links);
    expect(api.saveLinks.mock.calls[0][1]).toEqual([
      { id: DANA_LEE, type: 'Influences', strength: 'Weak', version: null },
    ]);
    command.done!(); // a failed reload is not a second error: the refusal was shown
    await Promise.resolve();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('is not a command for a link that is not on the map, nor a success without its id', async () => {
    const api = fakeApi();
    expect(updateLinkCommand(api, MAP, graph(), { ...change, linkId: 'a02000000000404AAA' }, jest.fn())).toBeNull();
    expect(updateLinkCommand(api, MAP, null, change, jest.fn())).toBeNull();
    api.saveLinks.mockResolvedValue(saved());
    const command = updateLinkCommand(api, MAP, graph(), change, jest.fn())!;
    expect(command.settle(await command.send())).toEqual({ ok: false, problem: '' });
  });
});
