/**
 * What the graph's Jest tests share: the map fixture and frames on demand. Not a test itself
 * (Jest runs only *.test.ts); never deployed (.forceignore leaves out __tests__).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import type { FrameScheduler } from '../layout';

export interface MapFixture {
  people: MapPerson[];
  links: InfluenceLink[];
  decisionInfluence: Record<string, number>;
  flags: Record<string, string[]>;
}

/** __tests__/data/map.json: nine people, their links, influence and flags. */
export const loadMapFixture = (): MapFixture =>
  JSON.parse(readFileSync(join(__dirname, 'data', 'map.json'), 'utf8')) as MapFixture;

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
