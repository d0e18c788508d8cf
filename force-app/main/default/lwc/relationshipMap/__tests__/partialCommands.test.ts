/**
 * The saves that may partly succeed (../partialCommands) without a component: what each sends,
 * when the map reloads, the toasts, what a row error says and what "Try again" sends again.
 */
import type { MapPerson } from 'c/relationshipGraph';
import type { NewPerson, PeopleResult, PersonCandidate, PersonPosition, SaveResult } from 'c/relationshipMapApi';
import { NO_CONTACTS_LEFT, addEveryoneCommand, addPeopleCommand } from '../partialCommands';
import { contactsToAdd, savePositionsCommand } from '../partialCommands';
import type { PartialApi } from '../partialCommands';

const MAP = 'a00000000000001AAA';
const ANN = '003000000000011AAA';
const BO = '003000000000012AAA';
const SAM = '005000000000013AAA';

const saved = (...savedIds: string[]): SaveResult => ({ savedIds, errors: [] });
const refused = (recordId: string, message: string, label: string | null = null): SaveResult => ({
  savedIds: [],
  errors: [{ index: 0, recordId, label, message }],
});
const people = (p: SaveResult, links: SaveResult = saved()): PeopleResult => ({ people: p, links });

function fakeApi(): jest.Mocked<PartialApi> {
  return { addPeople: jest.fn(), addEveryone: jest.fn(), savePositions: jest.fn() };
}

describe('addPeopleCommand', () => {
  const toAdd: NewPerson[] = [
    { recordId: ANN, side: 'Customer' },
    { recordId: BO, side: 'Partner' },
  ];

  it('sends the people, reloads the map and says how many were added', async () => {
    const api = fakeApi();
    const command = addPeopleCommand(api, MAP, toAdd);
    api.addPeople.mockResolvedValue(people(saved('a01', 'a02')));
    const outcome = command.settle(await command.send());
    expect(api.addPeople).toHaveBeenCalledWith(MAP, toAdd);
    expect(outcome).toEqual({
      toast: { title: 'People added', message: '2 people added to the map.', variant: 'success' },
      reload: true,
      toastAfterReload: null,
      problem: null,
      resend: null,
    });
    expect([command.input, command.failTitle]).toEqual([toAdd, 'Nobody was added']);
  });

  it('reports the rows not added and sends only those again', () => {
    const result = people({
      savedIds: ['a01'],
      errors: [{ index: 1, recordId: BO, label: 'Bo Chen', message: 'Already on the map.' }],
    });
    const outcome = addPeopleCommand(fakeApi(), MAP, toAdd).settle(result);
    expect(outcome.toast?.message).toBe('1 person added to the map.');
    expect(outcome.problem).toEqual({ title: 'Some people were not added', message: 'Bo Chen: Already on the map.' });
    expect(outcome.resend).toEqual([{ recordId: BO, side: 'Partner' }]);
  });

  it('nobody added: no toast, no reload; nothing to send again when no row names a person', () => {
    const outcome = addPeopleCommand(fakeApi(), MAP, toAdd).settle(people(refused('someone-else', 'No access.')));
    expect([outcome.toast, outcome.reload, outcome.resend]).toEqual([null, false, null]);
    expect(outcome.problem?.title).toBe('Nobody was added');
  });
});

describe('addEveryoneCommand', () => {
  it('reloads, then counts contacts and our people from the reloaded map', async () => {
    const api = fakeApi();
    const command = addEveryoneCommand(api, MAP);
    api.addEveryone.mockResolvedValue(people(saved('p1', 'p2', 'p3'), saved('l1')));
    const outcome = command.settle(await command.send());
    expect(api.addEveryone).toHaveBeenCalledWith(MAP);
    expect([outcome.toast, outcome.reload, outcome.problem]).toEqual([null, true, null]);
    const reloaded = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3', userId: SAM }] as MapPerson[];
    expect(outcome.toastAfterReload?.(reloaded)).toEqual({
      title: 'Everyone added',
      message: '3 people added to the map (2 contacts, 1 of our people), with 1 Reports To link.',
      variant: 'success',
    });
  });

  it('nobody left to add: an info toast', () => {
    const outcome = addEveryoneCommand(fakeApi(), MAP).settle(people(saved()));
    expect(outcome.toast).toEqual({
      title: 'Nobody to add',
      message: 'Everyone around this account is on the map already.',
      variant: 'info',
    });
    expect([outcome.reload, outcome.toastAfterReload]).toEqual([false, null]);
  });

  it('row errors of people and links in one sentence; "Try again" runs it all again', () => {
    const outcome = addEveryoneCommand(fakeApi(), MAP).settle(
      people({ savedIds: ['p1'], errors: refused(ANN, 'Inactive.', 'Ann Lee').errors }, refused('l', 'Cycle.'))
    );
    expect(outcome.problem).toEqual({
      title: 'Some people or links were not added',
      message: 'Ann Lee: Inactive. Cycle.',
    });
    expect(outcome.resend).toBe(MAP);
    const none = addEveryoneCommand(fakeApi(), MAP).settle(people(refused(ANN, 'Inactive.')));
    expect([none.problem?.title, none.toast, none.reload]).toEqual(['Nobody was added', null, false]);
  });
});

describe('savePositionsCommand', () => {
  const places: PersonPosition[] = [{ personId: 'p1', layoutX: 10, layoutY: 20 }];

  it('saves the places silently', async () => {
    const api = fakeApi();
    const command = savePositionsCommand(api, MAP, places);
    api.savePositions.mockResolvedValue(saved('p1'));
    const outcome = command.settle(await command.send());
    expect(api.savePositions).toHaveBeenCalledWith(MAP, places);
    expect(outcome).toEqual({ toast: null, reload: false, toastAfterReload: null, problem: null, resend: null });
    expect(command.failTitle).toBe('The new places were not saved');
  });

  it('a refused row: says so and saves them all again on "Try again"', () => {
    const outcome = savePositionsCommand(fakeApi(), MAP, places).settle(refused('p1', 'Deleted meanwhile.'));
    expect(outcome.problem).toEqual({ title: 'Some places were not saved', message: 'Deleted meanwhile.' });
    expect(outcome.resend).toBe(places);
  });
});

describe('contactsToAdd', () => {
  it('keeps the contacts found, with their side, and leaves out our people', () => {
    const found = [
      { recordId: ANN, side: 'Customer' },
      { recordId: SAM, side: 'Our Company' },
      { recordId: BO, side: 'Partner' },
    ] as PersonCandidate[];
    expect(contactsToAdd(found)).toEqual([
      { recordId: ANN, side: 'Customer' },
      { recordId: BO, side: 'Partner' },
    ]);
    expect(contactsToAdd([])).toEqual([]);
    expect(NO_CONTACTS_LEFT.variant).toBe('info');
  });
});
