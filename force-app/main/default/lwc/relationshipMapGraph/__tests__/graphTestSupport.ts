/**
 * What the graph's Jest tests share: the map fixture and frames on demand. Not a test itself
 * (Jest runs only *.test.ts); never deployed (.forceignore leaves out __tests__).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import RelationshipMapGraph from 'c/relationshipMapGraph';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { setFrameScheduler, type FrameScheduler } from '../layout';
import { setCanvasThreshold } from '../renderer';

export interface MapFixture {
  people: MapPerson[];
  links: InfluenceLink[];
  decisionInfluence: Record<string, number>;
  flags: Record<string, string[]>;
}

/** __tests__/data/map.json: nine people, their links, influence and flags. */
export const loadMapFixture = (): MapFixture =>
  JSON.parse(readFileSync(join(__dirname, 'data', 'map.json'), 'utf8')) as MapFixture;

/** The fixture's people by id (MARKUP is the one whose name is markup). */
export const FIXTURE_IDS = {
  MORGAN: 'a01000000000001AAA',
  LEE: 'a01000000000002AAA',
  RILEY: 'a01000000000003AAA',
  PAT: 'a01000000000004AAA',
  DANA: 'a01000000000005AAA',
  SAM: 'a01000000000006AAA',
  JORDAN: 'a01000000000007AAA',
  ALEX: 'a01000000000008AAA',
  MARKUP: 'a01000000000009AAA',
};
const { MORGAN, LEE, RILEY, PAT, DANA, SAM, JORDAN, ALEX, MARKUP } = FIXTURE_IDS;

/** The fixture's people at fixed positions (by id), so geometry (directions, drags, lines) is known. */
export const FIXTURE_PLACES: Readonly<Record<string, [number, number]>> = {
  [MORGAN]: [0, 0],
  [LEE]: [100, 0],
  [RILEY]: [-100, 0],
  [PAT]: [0, 100],
  [DANA]: [200, 0],
  [SAM]: [0, 200],
  [JORDAN]: [-100, 100],
  [ALEX]: [100, -100],
  [MARKUP]: [-200, -200],
};

/** The fixture's people, each pinned at FIXTURE_PLACES. */
export const pinnedFixturePeople = (): MapPerson[] =>
  loadMapFixture().people.map((p) => ({
    ...p,
    layoutX: FIXTURE_PLACES[p.id][0],
    layoutY: FIXTURE_PLACES[p.id][1],
  }));

/**
 * Mounts a graph on the fixture's people (pinned at FIXTURE_PLACES), links, influence and flags
 * (`inputs` replaces or adds to them), applies the batched update and runs every frame the layout asks for.
 */
export async function mountSettledGraph<T>(frames: ManualFrames, inputs: Record<string, unknown> = {}): Promise<T> {
  const { links, decisionInfluence, flags } = loadMapFixture();
  const people = pinnedFixturePeople();
  const element = createElement('c-relationship-map-graph', { is: RelationshipMapGraph });
  Object.assign(element, { people, links, decisionInfluence, flags, ...inputs });
  document.body.appendChild(element);
  await Promise.resolve();
  frames.runAll();
  return element as unknown as T;
}

/** After each test: the page emptied, real frames, the default canvas threshold, no canvas, mocks restored. */
export function resetGraphTest(): void {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  setFrameScheduler(null);
  setCanvasThreshold(null);
  delete (window as unknown as { CanvasRenderingContext2D?: unknown }).CanvasRenderingContext2D;
  jest.restoreAllMocks();
}

/** Frames on demand; every clock reading costs 1 ms. */
export class ManualFrames implements FrameScheduler {
  private queue = new Map<number, () => void>();
  private nextHandle = 1;
  private time = 0;
  readings = 0;

  requestFrame(callback: () => void): number {
    const handle = this.nextHandle++;
    this.queue.set(handle, callback);
    return handle;
  }
  cancelFrame(handle: number): void {
    this.queue.delete(handle);
  }
  now(): number {
    this.readings++;
    this.time += 1;
    return this.time;
  }
  get pending(): number {
    return this.queue.size;
  }
  runFrame(): void {
    const callbacks = [...this.queue.values()];
    this.queue.clear();
    for (const callback of callbacks) callback();
  }
  /** Runs frames until nothing asks for another; returns how many ran. */
  runAll(limit = 5000): number {
    let frames = 0;
    while (this.queue.size > 0 && frames < limit) {
      this.runFrame();
      frames++;
    }
    return frames;
  }
}
