/**
 * Runs the force layout in animation frames so that it never freezes the page.
 *
 * A synchronous d3-force run (300 ticks) blocks the page for over a second at 1,000 people. The
 * loop here ticks the simulation only while a frame's time budget lasts, redraws once per frame,
 * and asks for the next frame only while the layout has not settled (alpha ≥ alphaMin). It never
 * uses d3's own timer. The budget (12 ms) covers ticks and redraw together: the ticks get what
 * the previous redraw left, and at least one tick per frame so the layout always progresses.
 *
 * Frames and the clock come from a `FrameScheduler`: the browser's requestAnimationFrame and
 * performance.now in production; Jest swaps in a manual one (setFrameScheduler) to run frames on
 * demand with a fake clock. The loop itself is the same in both.
 */

export interface FrameScheduler {
  /** Calls `callback` before the next repaint; returns a handle for cancelFrame. */
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** Milliseconds from an arbitrary origin (budgets only compare differences). */
  now(): number;
}

/** requestAnimationFrame and performance.now: frames pause in background tabs, as they should. */
export const BROWSER_FRAMES: FrameScheduler = {
  requestFrame(callback: () => void): number {
    // The layout is animation by nature: one chunk of ticks per frame is the point.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return window.requestAnimationFrame(() => callback());
  },
  cancelFrame(handle: number): void {
    window.cancelAnimationFrame(handle);
  },
  now(): number {
    return performance.now();
  },
};

let current: FrameScheduler = BROWSER_FRAMES;

/** The scheduler new graphs use. */
export function frameScheduler(): FrameScheduler {
  return current;
}

/** For tests: run frames on demand (null restores the browser's frames). */
export function setFrameScheduler(scheduler: FrameScheduler | null): void {
  current = scheduler ?? BROWSER_FRAMES;
}

/** The parts of a d3-force simulation the loop drives. */
export interface Tickable {
  tick(iterations?: number): unknown;
  alpha(): number;
  alphaMin(): number;
}

/** Default time budget of ticks per frame, in milliseconds. */
export const FRAME_BUDGET_MS = 12;

export class LayoutLoop {
  private handle: number | null = null;
  /** How long the last redraw took: the next frame's ticks get the rest of the budget. */
  private drawMs = 0;
  /** Ticks run in the most recent frame (at least one). */
  ticksInLastFrame = 0;

  constructor(
    private readonly simulation: Tickable,
    /** Redraws positions; `settled` is true on the frame the layout came to rest. */
    private readonly draw: (settled: boolean) => void,
    private readonly frames: FrameScheduler = frameScheduler(),
    private readonly budgetMs: number = FRAME_BUDGET_MS
  ) {}

  /** Whether a frame is scheduled. */
  get running(): boolean {
    return this.handle !== null;
  }

  /** Whether the layout is at rest (alpha below alphaMin, as d3's own timer decides). */
  get settled(): boolean {
    return this.simulation.alpha() < this.simulation.alphaMin();
  }

  /** Schedules frames until the layout settles (no-op when already running or at rest). */
  start(): void {
    if (this.handle === null && !this.settled) {
      this.handle = this.frames.requestFrame(this.frame);
    }
  }

  stop(): void {
    if (this.handle !== null) {
      this.frames.cancelFrame(this.handle);
      this.handle = null;
    }
  }

  private readonly frame = (): void => {
    this.handle = null;
    const started = this.frames.now();
    const tickBudget = this.budgetMs - this.drawMs;
    let ticks = 0;
    do {
      this.simulation.tick();
      ticks++;
    } while (!this.settled && this.frames.now() - started < tickBudget);
    this.ticksInLastFrame = ticks;
    const settled = this.settled;
    const drawStarted = this.frames.now();
    this.draw(settled);
    this.drawMs = this.frames.now() - drawStarted;
    if (!settled) this.handle = this.frames.requestFrame(this.frame);
  };
}
