/**
 * The layout loop with a fake clock: how many ticks a frame runs, when it redraws, how slow
 * redraws and ticks take turns, and that the alpha schedule ends a run in the ticks it promises.
 * No real time is measured: the clock moves only when a tick or a redraw says it costs time.
 */
import {
  ALPHA_MIN,
  FRAME_BUDGET_MS,
  LAYOUT_RUNS,
  LayoutLoop,
  SLOW_FRAME_MS,
  TICK_ONLY_BUDGET_MS,
  alphaDecayFor,
  takingTurns,
} from '../layout';
import type { FrameScheduler, LayoutRun, SimulationForce } from '../layout';

/** Frames on demand, and a clock that moves only when told. */
class FakeFrames implements FrameScheduler {
  time = 0;
  private queue = new Map<number, () => void>();
  private next = 1;
  requestFrame(callback: () => void): number {
    const handle = this.next++;
    this.queue.set(handle, callback);
    return handle;
  }
  cancelFrame(handle: number): void {
    this.queue.delete(handle);
  }
  now(): number {
    return this.time;
  }
  get pending(): number {
    return this.queue.size;
  }
  /** Runs one frame, starting `gapMs` after the previous one ended (vsync). */
  runFrame(gapMs = 0): void {
    this.time += gapMs;
    const callbacks = [...this.queue.values()];
    this.queue.clear();
    for (const callback of callbacks) callback();
  }
}

/** A simulation whose every tick costs `tickMs` on the fake clock and decays alpha as d3 does. */
class FakeSimulation {
  ticks = 0;
  private value: number;
  constructor(
    private readonly frames: FakeFrames,
    private readonly tickMs: number,
    run: LayoutRun,
    private readonly decay = alphaDecayFor(run)
  ) {
    this.value = run.alpha;
  }
  tick(): void {
    this.ticks++;
    this.value *= 1 - this.decay;
    this.frames.time += this.tickMs;
  }
  alpha(): number {
    return this.value;
  }
  alphaMin(): number {
    return ALPHA_MIN;
  }
}

interface FrameRecord {
  ticks: number;
  drew: boolean;
  settled: boolean | null;
}

/** Runs a loop to rest; returns what each frame did. */
function runToRest(options: { tickMs: number; drawMs: number; run: LayoutRun; drawFirst?: boolean }): FrameRecord[] {
  const frames = new FakeFrames();
  const simulation = new FakeSimulation(frames, options.tickMs, options.run);
  let lastSettled: boolean | null = null;
  const loop = new LayoutLoop(
    simulation,
    (settled) => {
      lastSettled = settled;
      frames.time += options.drawMs;
    },
    frames
  );
  loop.drawFirst = options.drawFirst ?? false;
  loop.start();
  const records: FrameRecord[] = [];
  for (let i = 0; i < 2000 && frames.pending > 0; i++) {
    const before = simulation.ticks;
    lastSettled = null;
    frames.runFrame(4);
    records.push({ ticks: simulation.ticks - before, drew: loop.drewInLastFrame, settled: lastSettled });
  }
  expect(frames.pending).toBe(0);
  return records;
}

describe('alphaDecayFor', () => {
  it('brings each run from its alpha to rest in the ticks it promises', () => {
    for (const run of Object.values(LAYOUT_RUNS)) {
      let alpha = run.alpha;
      let ticks = 0;
      const decay = alphaDecayFor(run);
      while (alpha >= ALPHA_MIN) {
        alpha *= 1 - decay;
        ticks++;
      }
      expect(Math.abs(ticks - run.ticks)).toBeLessThanOrEqual(1);
    }
  });

  it('gives placed and warm starts far fewer ticks than d3’s 300, warm the fewest', () => {
    expect(LAYOUT_RUNS.placed.ticks).toBeLessThan(300);
    expect(LAYOUT_RUNS.warm.ticks).toBeLessThan(LAYOUT_RUNS.placed.ticks);
    expect(LAYOUT_RUNS.warm.alpha).toBeLessThan(LAYOUT_RUNS.placed.alpha);
  });
});

describe('LayoutLoop', () => {
  it('never ticks past a frame’s budget (less the last redraw), and always at least once', () => {
    const records = runToRest({ tickMs: 3, drawMs: 4, run: LAYOUT_RUNS.placed });
    const [first, ...rest] = records;
    expect(first.ticks).toBe(FRAME_BUDGET_MS / 3); // no redraw before the first frame
    for (const r of rest) {
      expect(r.ticks).toBeGreaterThanOrEqual(1);
      expect(r.ticks * 3).toBeLessThanOrEqual(FRAME_BUDGET_MS - 4 + 3);
    }
  });

  it('still moves one tick per frame when a tick costs more than the whole budget', () => {
    const records = runToRest({ tickMs: 20, drawMs: 1, run: LAYOUT_RUNS.warm });
    for (const r of records) expect(r.ticks).toBe(1);
    expect(Math.abs(records.length - LAYOUT_RUNS.warm.ticks)).toBeLessThanOrEqual(1);
  });

  it('redraws every frame while redrawing is cheap, and says "settled" on the last one only', () => {
    const records = runToRest({ tickMs: 1, drawMs: 2, run: LAYOUT_RUNS.relinked });
    expect(records.every((r) => r.drew)).toBe(true);
    expect(records.filter((r) => r.settled === true)).toHaveLength(1);
    expect(records[records.length - 1].settled).toBe(true);
  });

  it('lets slow redraws and ticks take turns: no frame does both, tick-only frames stay within their budget', () => {
    const drawMs = SLOW_FRAME_MS + 20;
    const records = runToRest({ tickMs: 2, drawMs, run: LAYOUT_RUNS.placed });
    // The first frame ticks and redraws (nothing is known yet); from then on they take turns.
    const later = records.slice(1);
    for (const r of later) {
      expect(r.ticks > 0 && r.drew).toBe(false);
      expect(r.ticks * 2).toBeLessThanOrEqual(TICK_ONLY_BUDGET_MS + 2);
    }
    // Most frames tick: a slow redraw comes at most every other slow frame's length.
    expect(later.filter((r) => r.ticks > 0).length).toBeGreaterThan(later.filter((r) => r.drew).length);
    // Coming to rest in a tick-only frame, the final redraw gets a frame of its own.
    const last = records[records.length - 1];
    expect(last).toEqual({ ticks: 0, drew: true, settled: true });
  });

  it('only redraws in a run’s first frame when told the drawing is costly', () => {
    const records = runToRest({ tickMs: 2, drawMs: 5, run: LAYOUT_RUNS.warm, drawFirst: true });
    expect(records[0]).toEqual({ ticks: 0, drew: true, settled: false });
    expect(records[1].ticks).toBeGreaterThan(0);
  });

  it('stops on request and does not start when the layout is at rest', () => {
    const frames = new FakeFrames();
    const simulation = new FakeSimulation(frames, 1, LAYOUT_RUNS.resized);
    const draw = jest.fn();
    const loop = new LayoutLoop(simulation, draw, frames);
    loop.start();
    expect(loop.running).toBe(true);
    loop.stop();
    expect(frames.pending).toBe(0);
    frames.runFrame();
    expect(draw).not.toHaveBeenCalled();
    while (simulation.alpha() >= ALPHA_MIN) simulation.tick();
    loop.start();
    expect(loop.running).toBe(false);
  });
});

describe('takingTurns', () => {
  /** A force that records the alpha of each call and the nodes it was given. */
  function recordingForce(): SimulationForce<{ id: number }> & { alphas: number[]; nodes: unknown[] } {
    const calls: number[] = [];
    const force = Object.assign(
      (alpha: number) => {
        calls.push(alpha);
      },
      {
        alphas: calls,
        nodes: [] as unknown[],
        initialize(nodes: { id: number }[]) {
          force.nodes = nodes;
        },
      }
    );
    return force;
  }

  it('applies every force every tick on small maps', () => {
    const charge = recordingForce();
    const collide = recordingForce();
    const both = takingTurns([charge, collide], () => false);
    both(0.5);
    both(0.4);
    expect(charge.alphas).toEqual([0.5, 0.4]);
    expect(collide.alphas).toEqual([0.5, 0.4]);
  });

  it('on large maps lets them take turns, each with twice the alpha, so a tick costs one of them', () => {
    const charge = recordingForce();
    const collide = recordingForce();
    const both = takingTurns([charge, collide], () => true);
    for (const alpha of [0.5, 0.4, 0.3, 0.2]) both(alpha);
    expect(charge.alphas).toEqual([1, 0.6]);
    expect(collide.alphas).toEqual([0.8, 0.4]);
  });

  it('hands the nodes to every force it is made of', () => {
    const charge = recordingForce();
    const collide = recordingForce();
    const nodes = [{ id: 1 }, { id: 2 }];
    takingTurns([charge, collide], () => true).initialize?.(nodes, Math.random);
    expect(charge.nodes).toBe(nodes);
    expect(collide.nodes).toBe(nodes);
  });
});
