/**
 * PendingPlaces (../places) without a component: a burst of drags is saved once, after the
 * delay or when flushed; places not saved yet win over a fresh map; a refused save keeps them.
 */
import type { MapGraph, SaveResult } from 'c/relationshipMapApi';
import type { PartialApi } from '../partialCommands';
import { PIN_SAVE_DELAY_MS, PendingPlaces } from '../places';
import { CommandRunner } from '../running';
import type { RunnerHost } from '../running';

const MAP = 'a00000000000001AAA';

function setUp() {
  const api: jest.Mocked<PartialApi> = { addPeople: jest.fn(), addEveryone: jest.fn(), savePositions: jest.fn() };
  const fail = jest.fn((_title: string, _error: unknown, _retry: (() => void) | null) => 'x');
  const host = { selectedMapId: MAP as string | null, fail, toast: jest.fn() } as unknown as RunnerHost;
  const places = new PendingPlaces(host, api, new CommandRunner(host));
  return { api, fail, host, places };
}

const graph = (): MapGraph =>
  ({
    people: [
      { id: 'p1', name: 'Ann', layoutX: 1, layoutY: 1 },
      { id: 'p2', name: 'Bo' },
    ],
  }) as MapGraph;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('PendingPlaces', () => {
  it('saves a burst of drags once, the delay after the last one', async () => {
    const { api, places } = setUp();
    api.savePositions.mockResolvedValue({ savedIds: ['p1', 'p2'], errors: [] });
    places.add([{ id: 'p1', x: 10, y: 20 }]);
    jest.advanceTimersByTime(PIN_SAVE_DELAY_MS - 1);
    places.add([{ id: 'p2', x: 30, y: 40 }]);
    jest.advanceTimersByTime(PIN_SAVE_DELAY_MS - 1);
    expect(api.savePositions).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    expect(api.savePositions).toHaveBeenCalledTimes(1);
    expect(api.savePositions).toHaveBeenCalledWith(MAP, [
      { personId: 'p1', layoutX: 10, layoutY: 20 },
      { personId: 'p2', layoutX: 30, layoutY: 40 },
    ]);
  });

  it('places not saved yet win over a fresh map; once flushed, the map is as sent', async () => {
    const { api, places } = setUp();
    api.savePositions.mockResolvedValue({ savedIds: ['p2'], errors: [] });
    const fresh = graph();
    expect(places.withPins(fresh)).toBe(fresh);
    places.add([{ id: 'p2', x: 5, y: null }]);
    const pinned = places.withPins(fresh).people;
    expect([pinned[0], pinned[1].layoutX, pinned[1].layoutY]).toEqual([fresh.people[0], 5, null]);
    await places.flush();
    expect(api.savePositions).toHaveBeenCalledTimes(1);
    expect(places.withPins(fresh)).toBe(fresh);
    jest.advanceTimersByTime(PIN_SAVE_DELAY_MS);
    expect(api.savePositions).toHaveBeenCalledTimes(1);
  });

  it('"Try again" after a refused save sends the same places again', async () => {
    const { api, fail, places } = setUp();
    const refused: SaveResult = { savedIds: [], errors: [{ index: 0, recordId: 'p1', message: 'Deleted.' }] };
    api.savePositions.mockResolvedValueOnce(refused).mockResolvedValueOnce({ savedIds: ['p1'], errors: [] });
    places.add([{ id: 'p1', x: 1, y: 2 }]);
    await places.flush();
    expect(fail).toHaveBeenCalledWith('Some places were not saved', 'Deleted.', expect.any(Function));
    fail.mock.calls[0][2]!();
    await Promise.resolve();
    expect(api.savePositions).toHaveBeenLastCalledWith(MAP, [{ personId: 'p1', layoutX: 1, layoutY: 2 }]);
  });

  it('saves nothing with no map open', async () => {
    const { api, host, places } = setUp();
    (host as { selectedMapId: string | null }).selectedMapId = null;
    places.add([{ id: 'p1', x: 1, y: 2 }]);
    await places.flush();
    expect(api.savePositions).not.toHaveBeenCalled();
  });
});
