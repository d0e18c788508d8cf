/**
 * c/relationshipMapApi: each wrapper calls its Apex method with the parameter names the controller
 * declares, resolves with what Apex returns, and turns every rejection into an Error whose message
 * is the sentence a sales rep reads (never a stack trace).
 */
import getMapsForAccountApex from '@salesforce/apex/RelationshipMapController.getMapsForAccount';
import loadMapGraphApex from '@salesforce/apex/RelationshipMapController.loadMapGraph';
import createMapApex from '@salesforce/apex/RelationshipMapController.createMap';
import addPeopleApex from '@salesforce/apex/RelationshipMapController.addPeople';
import addEveryoneApex from '@salesforce/apex/RelationshipMapController.addEveryone';
import countEveryoneApex from '@salesforce/apex/RelationshipMapController.countEveryone';
import setPeopleExcludedApex from '@salesforce/apex/RelationshipMapController.setPeopleExcluded';
import deletePeopleApex from '@salesforce/apex/RelationshipMapController.deletePeople';
import saveLinksApex from '@salesforce/apex/RelationshipMapController.saveLinks';
import deleteLinksApex from '@salesforce/apex/RelationshipMapController.deleteLinks';
import savePositionsApex from '@salesforce/apex/RelationshipMapController.savePositions';
import updatePersonApex from '@salesforce/apex/RelationshipMapController.updatePerson';
import getPersonDetailsApex from '@salesforce/apex/RelationshipMapController.getPersonDetails';
import logCallApex from '@salesforce/apex/RelationshipMapController.logCall';
import searchPeopleApex from '@salesforce/apex/RelationshipMapController.searchPeople';
import {
  GENERIC_ERROR,
  NO_ACCESS_ERROR,
  getPersonDetails,
  addEveryone,
  addPeople,
  countEveryone,
  createMap,
  deleteLinks,
  deletePeople,
  getMapsForAccount,
  loadMapGraph,
  logCall,
  reduceError,
  saveLinks,
  savePositions,
  searchPeople,
  setPeopleExcluded,
  updatePerson,
} from 'c/relationshipMapApi';
import type { MapGraph, PersonCandidate, SaveResult } from 'c/relationshipMapApi';

jest.mock('@salesforce/apex/RelationshipMapController.getMapsForAccount', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.loadMapGraph', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.createMap', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelationshipMapController.addPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelationshipMapController.addEveryone', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.countEveryone', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.setPeopleExcluded', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.deletePeople', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.saveLinks', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelationshipMapController.deleteLinks', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.savePositions', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.updatePerson', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.getPersonDetails', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/RelationshipMapController.logCall', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelationshipMapController.searchPeople', () => ({ default: jest.fn() }), {
  virtual: true,
});

const mocked = (method: unknown) => method as jest.Mock;

const MAP_ID = 'a00000000000001AAA';
const ACCOUNT_ID = '001000000000001AAA';
const ANN = 'a01000000000001AAA';
const BO = 'a01000000000002AAA';

/** The shape Lightning rejects an imperative Apex call with when Apex throws AuraHandledException. */
const auraHandled = (message: string) => ({
  status: 500,
  body: {
    message,
    exceptionType: 'System.AuraHandledException',
    isUserDefinedException: false,
    stackTrace: 'Class.RelationshipMapController.saveLinks: line 120, column 1',
  },
  headers: {},
  ok: false,
  statusText: 'Server Error',
});

const saved = (...savedIds: string[]): SaveResult => ({ savedIds, errors: [] });

beforeEach(() => {
  jest.resetAllMocks();
});

describe('each wrapper passes its parameters to the controller method and resolves with the result', () => {
  it('getMapsForAccount(accountId)', async () => {
    const maps = [{ id: MAP_ID, name: 'Renewal', accountId: ACCOUNT_ID, goal: 'Renew', status: 'Active' }];
    mocked(getMapsForAccountApex).mockResolvedValue(maps);
    await expect(getMapsForAccount(ACCOUNT_ID)).resolves.toBe(maps);
    expect(getMapsForAccountApex).toHaveBeenCalledWith({ accountId: ACCOUNT_ID });
  });

  it('loadMapGraph(mapId)', async () => {
    const graph: MapGraph = {
      canEdit: true,
      canDelete: false,
      summary: {
        id: MAP_ID,
        name: 'Renewal',
        accountId: ACCOUNT_ID,
        goal: 'Renew',
        status: 'Active',
        peopleCount: 2,
        decisionMakerCount: 1,
        unsupportedDecisionMakerCount: 0,
      },
      people: [
        { id: ANN, name: 'Ann Lee', layoutX: 10.5, layoutY: -3 },
        { id: BO, name: 'Bo Chen' },
      ],
      links: [{ id: 'a02000000000001AAA', fromId: ANN, toId: BO, type: 'Reports To' }],
      changes: [{ id: 'a03000000000001AAA', personId: ANN, field: 'Stance', newValue: 'Champion' }],
    };
    mocked(loadMapGraphApex).mockResolvedValue(graph);
    await expect(loadMapGraph(MAP_ID)).resolves.toBe(graph);
    expect(loadMapGraphApex).toHaveBeenCalledWith({ mapId: MAP_ID });
  });

  it('createMap(newMap)', async () => {
    const newMap = { accountId: ACCOUNT_ID, goal: 'Renew', targetDate: '2026-03-31', includeEveryone: true };
    mocked(createMapApex).mockResolvedValue({ summary: { id: MAP_ID }, people: saved(), links: saved() });
    await createMap(newMap);
    expect(createMapApex).toHaveBeenCalledWith({ newMap });
  });

  it('addPeople(mapId, people) sends only recordId and side, so search results can be passed as they are', async () => {
    const candidates: PersonCandidate[] = [
      { recordId: '003000000000001AAA', name: 'Cy Diaz', title: 'CFO', side: 'Customer' },
      { recordId: '005000000000001AAA', name: 'Dee Ng', side: 'Our Company' },
    ];
    mocked(addPeopleApex).mockResolvedValue({ people: saved(ANN, BO), links: saved() });
    await expect(addPeople(MAP_ID, candidates)).resolves.toEqual({ people: saved(ANN, BO), links: saved() });
    expect(addPeopleApex).toHaveBeenCalledWith({
      mapId: MAP_ID,
      people: [
        { recordId: '003000000000001AAA', side: 'Customer' },
        { recordId: '005000000000001AAA', side: 'Our Company' },
      ],
    });
  });

  it('setPeopleExcluded(mapId, personIds, excluded)', async () => {
    mocked(setPeopleExcludedApex).mockResolvedValue(saved(ANN));
    await setPeopleExcluded(MAP_ID, [ANN], true);
    expect(setPeopleExcludedApex).toHaveBeenCalledWith({ mapId: MAP_ID, personIds: [ANN], excluded: true });
    await setPeopleExcluded(MAP_ID, [ANN], false);
    expect(setPeopleExcludedApex).toHaveBeenLastCalledWith({ mapId: MAP_ID, personIds: [ANN], excluded: false });
  });

  it('deletePeople(mapId, personIds)', async () => {
    mocked(deletePeopleApex).mockResolvedValue(saved(ANN));
    await deletePeople(MAP_ID, [ANN, BO]);
    expect(deletePeopleApex).toHaveBeenCalledWith({ mapId: MAP_ID, personIds: [ANN, BO] });
  });

  it('saveLinks(mapId, links) resolves with the partial result, row errors included', async () => {
    const result: SaveResult = {
      savedIds: ['a02000000000001AAA'],
      errors: [{ index: 1, label: 'Ann Lee → Ann Lee', message: "A person can't be linked to themselves." }],
    };
    mocked(saveLinksApex).mockResolvedValue(result);
    const links = [
      { fromId: ANN, toId: BO, type: 'Influences' as const },
      { fromId: ANN, toId: ANN },
    ];
    await expect(saveLinks(MAP_ID, links)).resolves.toBe(result);
    expect(saveLinksApex).toHaveBeenCalledWith({ mapId: MAP_ID, links });
  });

  it('deleteLinks(mapId, linkIds)', async () => {
    mocked(deleteLinksApex).mockResolvedValue(saved('a02000000000001AAA'));
    await deleteLinks(MAP_ID, ['a02000000000001AAA']);
    expect(deleteLinksApex).toHaveBeenCalledWith({ mapId: MAP_ID, linkIds: ['a02000000000001AAA'] });
  });

  it('savePositions(mapId, positions): null coordinates unpin', async () => {
    mocked(savePositionsApex).mockResolvedValue(saved(ANN, BO));
    const positions = [
      { personId: ANN, layoutX: 120.25, layoutY: 80 },
      { personId: BO, layoutX: null, layoutY: null },
    ];
    await savePositions(MAP_ID, positions);
    expect(savePositionsApex).toHaveBeenCalledWith({ mapId: MAP_ID, positions });
  });

  it('updatePerson(personId, changes) sends only the changed fields', async () => {
    mocked(updatePersonApex).mockResolvedValue({ id: ANN, name: 'Ann Lee', stance: 'Champion' });
    await expect(updatePerson(ANN, { stance: 'Champion', lastInteraction: '2025-06-30' })).resolves.toEqual({
      id: ANN,
      name: 'Ann Lee',
      stance: 'Champion',
    });
    expect(updatePersonApex).toHaveBeenCalledWith({
      personId: ANN,
      changes: { stance: 'Champion', lastInteraction: '2025-06-30' },
      version: null,
      seen: null,
    });
  });

  it('updatePerson(personId, changes, seen) sends the version and the values the rep saw', async () => {
    mocked(updatePersonApex).mockResolvedValue({ id: ANN, name: 'Ann Lee', stance: 'Champion' });
    await updatePerson(
      ANN,
      { stance: 'Champion' },
      { version: '2025-07-01T10:42:00.000Z', values: { stance: 'Neutral' } }
    );
    expect(updatePersonApex).toHaveBeenCalledWith({
      personId: ANN,
      changes: { stance: 'Champion' },
      version: '2025-07-01T10:42:00.000Z',
      seen: { stance: 'Neutral' },
    });
  });

  it('getPersonDetails(personId) loads one person with the long texts', async () => {
    mocked(getPersonDetailsApex).mockResolvedValue({
      id: ANN,
      name: 'Ann Lee',
      personalGoals: 'CFO',
      hasDetails: true,
    });
    await expect(getPersonDetails(ANN)).resolves.toEqual(expect.objectContaining({ personalGoals: 'CFO' }));
    expect(getPersonDetailsApex).toHaveBeenCalledWith({ personId: ANN });
  });

  it('logCall(personId, log) sends every parameter, blanks as null', async () => {
    mocked(logCallApex).mockResolvedValue('00T000000000001AAA');
    await expect(logCall(ANN, { subject: 'QBR prep', stance: 'Supporter' })).resolves.toBe('00T000000000001AAA');
    expect(logCallApex).toHaveBeenCalledWith({
      personId: ANN,
      subject: 'QBR prep',
      comments: null,
      stance: 'Supporter',
      sentiment: null,
    });
  });

  it('countEveryone(mapId) and addEveryone(mapId)', async () => {
    mocked(countEveryoneApex).mockResolvedValue({ contacts: 4, users: 1 });
    await expect(countEveryone(MAP_ID)).resolves.toEqual({ contacts: 4, users: 1 });
    expect(countEveryoneApex).toHaveBeenCalledWith({ mapId: MAP_ID });
    const result = { people: saved(ANN), links: saved() };
    mocked(addEveryoneApex).mockResolvedValue(result);
    await expect(addEveryone(MAP_ID)).resolves.toBe(result);
    expect(addEveryoneApex).toHaveBeenCalledWith({ mapId: MAP_ID });
    mocked(addEveryoneApex).mockRejectedValue({ body: { message: 'Choose a relationship map first.' } });
    await expect(addEveryone(MAP_ID)).rejects.toThrow('Choose a relationship map first.');
  });

  it('searchPeople(mapId, searchText)', async () => {
    mocked(searchPeopleApex).mockResolvedValue([]);
    await expect(searchPeople(MAP_ID, 'lee')).resolves.toEqual([]);
    expect(searchPeopleApex).toHaveBeenCalledWith({ mapId: MAP_ID, searchText: 'lee' });
  });
});

describe('errors reach the caller as a sentence a rep reads', () => {
  const accessMessage =
    "You don't have access to edit links on this map. Ask your Salesforce admin for the Relationship Maps User permission set.";

  it('an AuraHandledException rejects with an Error carrying body.message, not the stack trace', async () => {
    mocked(saveLinksApex).mockRejectedValue(auraHandled(accessMessage));
    const error = (await saveLinks(MAP_ID, []).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(accessMessage);
    expect(error.message).not.toMatch(/Class\.|line \d+/);
    expect((error as Error & { cause?: unknown }).cause).toEqual(auraHandled(accessMessage));
  });

  it.each([
    ['getMapsForAccount', getMapsForAccountApex, () => getMapsForAccount(ACCOUNT_ID)],
    ['loadMapGraph', loadMapGraphApex, () => loadMapGraph(MAP_ID)],
    ['createMap', createMapApex, () => createMap({ accountId: ACCOUNT_ID, goal: 'Renew' })],
    ['addPeople', addPeopleApex, () => addPeople(MAP_ID, [])],
    ['setPeopleExcluded', setPeopleExcludedApex, () => setPeopleExcluded(MAP_ID, [], true)],
    ['deletePeople', deletePeopleApex, () => deletePeople(MAP_ID, [])],
    ['deleteLinks', deleteLinksApex, () => deleteLinks(MAP_ID, [])],
    ['savePositions', savePositionsApex, () => savePositions(MAP_ID, [])],
    ['updatePerson', updatePersonApex, () => updatePerson(ANN, { stance: 'Neutral' })],
    ['logCall', logCallApex, () => logCall(ANN, {})],
    ['searchPeople', searchPeopleApex, () => searchPeople(MAP_ID, '')],
  ])('%s surfaces the controller message', async (_name, apex, invoke) => {
    mocked(apex).mockRejectedValue(auraHandled('Stance: "Fan" isn\'t one of the choices.'));
    await expect(invoke()).rejects.toThrow('Stance: "Fan" isn\'t one of the choices.');
  });

  it('a user without Apex class access is told which permission set to ask for', async () => {
    mocked(loadMapGraphApex).mockRejectedValue({
      status: 403,
      body: { message: "You do not have access to the Apex class named 'RelationshipMapController'." },
    });
    await expect(loadMapGraph(MAP_ID)).rejects.toThrow(NO_ACCESS_ERROR);
  });
});

describe('reduceError', () => {
  it('joins the page and field errors of a DML failure', () => {
    expect(
      reduceError({
        body: {
          pageErrors: [{ message: 'Choose both people.' }],
          fieldErrors: { To__c: [{ message: 'Choose a person who is on the same relationship map as this link.' }] },
        },
      })
    ).toBe('Choose both people. Choose a person who is on the same relationship map as this link.');
  });

  it('joins a list of UI API errors, once each', () => {
    expect(reduceError({ body: [{ message: 'First.' }, { message: 'Second.' }, { message: 'First.' }] })).toBe(
      'First. Second.'
    );
  });

  it('reads plain errors and strings', () => {
    expect(reduceError(new Error('Network down.'))).toBe('Network down.');
    expect(reduceError('  Offline.  ')).toBe('Offline.');
    expect(reduceError({ message: 'Top-level message.' })).toBe('Top-level message.');
  });

  it('falls back to a generic sentence when there is nothing a rep can read', () => {
    expect(reduceError(undefined)).toBe(GENERIC_ERROR);
    expect(reduceError(42)).toBe(GENERIC_ERROR);
    expect(reduceError({ body: { stackTrace: 'Class.X: line 1' } })).toBe(GENERIC_ERROR);
    expect(reduceError({ body: { message: '   ' } })).toBe(GENERIC_ERROR);
    expect(reduceError(new Error(''))).toBe(GENERIC_ERROR);
  });
});
