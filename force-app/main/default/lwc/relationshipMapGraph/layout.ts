/**
 * Runs the force layout in animation frames so that it never freezes the page.
 *
 * A synchronous d3-force run (300 ticks) blocks the page for over a second at 1,000 people. The
 * loop here ticks the simulation only while a frame's time budget lasts, redraws at most once per
 * frame, and asks for the next frame only while the layout has not settled (alpha ≥ alphaMin). It
 * never uses d3's own timer. The budget (12 ms) covers ticks and redraw together: the ticks get
 * what the previous redraw left, and at least one tick per frame so the layout always progresses.
 * When redrawing itself makes frames slow (large maps), ticking and redrawing take turns (see
 * LayoutLoop.frame).
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

/** d3's default alphaMin: the layout is at rest below it. */
export const ALPHA_MIN = 0.001;

/** How a layout run starts: its energy (alpha) and how many ticks it takes to come to rest. */
export interface LayoutRun {
  alpha: number;
  ticks: number;
}

/**
 * Runs of the layout by occasion. d3's default (alpha 1, 300 ticks) assumes a random start; our
 * placement starts near the result, so a first layout needs less energy and fewer ticks; a map
 * mostly pinned (saved positions) only lets the newcomers settle in; edits reheat gently.
 */
export const LAYOUT_RUNS = {
  /** First layout from the hierarchy placement. */
  placed: { alpha: 0.5, ticks: 140 },
  /** First layout with most people at saved positions. */
  warm: { alpha: 0.3, ticks: 70 },
  /** People added to a drawn map. */
  added: { alpha: 0.3, ticks: 120 },
  /** Links changed or people removed. */
  relinked: { alpha: 0.15, ticks: 90 },
  /** Node sizes changed. */
  resized: { alpha: 0.1, ticks: 60 },
  /** Pins released. */
  released: { alpha: 0.3, ticks: 120 },
} as const satisfies Record<string, LayoutRun>;

/**
 * The alphaDecay that brings alpha from `alpha` below ALPHA_MIN in `ticks` ticks: d3 multiplies
 * alpha by (1 − alphaDecay) each tick (with alphaTarget 0).
 */
export function alphaDecayFor(run: LayoutRun, alphaMin: number = ALPHA_MIN): number {
  if (run.alpha <= alphaMin) return 0;
  return 1 - Math.pow(alphaMin / run.alpha, 1 / Math.max(1, run.ticks));
}

/**
 * From this many people, one tick of every force at once costs about a frame's budget or more
 * (charge alone ~16 ms at 2,000 people, ~38 ms at 5,000 on a laptop-class core) and a tick cannot
 * be split: so the costly forces take turns (takingTurns) and many-body is approximated more
 * coarsely (LARGE_MAP_THETA).
 */
export const TAKE_TURNS_FROM_PEOPLE = 1000;
/** Barnes-Hut theta for large maps (d3's default 0.9): about half the many-body cost at 2,000. */
export const LARGE_MAP_THETA = 1.3;

/** A d3 force: applied each tick with the simulation's alpha; told its nodes when they change. */
export interface SimulationForce<N> {
  (alpha: number): void;
  initialize?(nodes: N[], random: () => number): void;
}

/**
 * One force made of several that, while `active()`, take turns tick by tick — each applied every
 * n-th tick with n times the alpha, so its pull over a run is the same — and otherwise all apply
 * every tick. A tick then costs the dearest one's time rather than their sum.
 */
export function takingTurns<N>(forces: readonly SimulationForce<N>[], active: () => boolean): SimulationForce<N> {
  let turn = 0;
  const force: SimulationForce<N> = (alpha: number) => {
    if (!active()) {
      for (const f of forces) f(alpha);
      return;
    }
    forces[turn % forces.length](alpha * forces.length);
    turn++;
  };
  force.initialize = (nodes: N[], random: () => number) => {
    for (const f of forces) f.initialize?.(nodes, random);
  };
  return force;
}

/**
 * A frame with a redraw that took longer than this (start to next start) counts as slow: half a
 * frame over 60 Hz's 16.7 ms. Lower than two frames on purpose: a redraw of 25-35 ms plus a few
 * ticks in the same frame already made 50-60 ms tasks at 1,000-2,000 people.
 */
export const SLOW_FRAME_MS = 25;
/** Ticks a frame without a redraw may run for: well under the 50 ms of a long task. */
export const TICK_ONLY_BUDGET_MS = 24;

export class LayoutLoop {
  private handle: number | null = null;
  /** How long the last redraw took (its script part): the next frame's ticks get the rest of the budget. */
  private drawMs = 0;
  /** When the previous frame started, and whether it redrew (null: first frame of a run). */
  private lastFrame: { started: number; drew: boolean } | null = null;
  /**
   * What a frame with a redraw costs the browser, start to next start: the redraw's script plus
   * style, layout, paint and rasterising, which no script can time directly.
   */
  private drawFrameMs = 0;
  private lastDrawAt = -Infinity;
  /** Ticks run in the most recent frame (0 in a frame that only redrew). */
  ticksInLastFrame = 0;
  /** Whether the most recent frame redrew. */
  drewInLastFrame = false;
  /**
   * Whether a run's first frame only redraws (no ticks): for drawings known to be costly (a
   * canvas of hundreds of people), so that the first picture comes as soon as possible and alone.
   */
  drawFirst = false;

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
      this.lastFrame = null;
      this.handle = this.frames.requestFrame(this.frame);
    }
  }

  stop(): void {
    if (this.handle !== null) {
      this.frames.cancelFrame(this.handle);
      this.handle = null;
    }
  }

  /**
   * One frame. While redrawing is cheap, every frame ticks (within the budget, less what the last
   * redraw took) and redraws. Once a frame with a redraw proves slow (a large map), ticking and
   * redrawing take turns: frames without a redraw tick for up to TICK_ONLY_BUDGET_MS, and a redraw
   * comes at most every other slow-frame's length, alone in its frame — so no frame adds ticks to
   * an expensive redraw, and most of the time goes to the layout rather than to intermediate
   * pictures. The frame the layout comes to rest always redraws.
   */
  private readonly frame = (): void => {
    this.handle = null;
    const started = this.frames.now();
    const previous = this.lastFrame;
    if (previous === null) this.drawFrameMs = 0;
    else if (previous.drew) this.drawFrameMs = started - previous.started;
    if (this.settled) {
      // Came to rest in a frame that only ticked: the final redraw has this frame to itself.
      this.redraw(started, true);
      return;
    }
    const slow = this.drawFrameMs > SLOW_FRAME_MS || (previous === null && this.drawFirst);
    const drawDue = !slow || previous === null || started - this.lastDrawAt >= 2 * this.drawFrameMs;
    let ticks = 0;
    // A slow redraw gets its frame to itself; otherwise tick within the budget, at least once.
    if (!(slow && drawDue)) {
      const tickBudget = slow ? TICK_ONLY_BUDGET_MS : this.budgetMs - this.drawMs;
      do {
        this.simulation.tick();
        ticks++;
      } while (!this.settled && this.frames.now() - started < tickBudget);
    }
    this.ticksInLastFrame = ticks;
    const settled = this.settled;
    if (drawDue) this.redraw(started, settled);
    else this.lastFrame = { started, drew: false };
    this.drewInLastFrame = drawDue;
    if (!settled || !drawDue) this.handle = this.frames.requestFrame(this.frame);
  };

  private redraw(started: number, settled: boolean): void {
    const drawStarted = this.frames.now();
    this.draw(settled);
    this.drawMs = this.frames.now() - drawStarted;
    this.lastDrawAt = started;
    this.lastFrame = { started, drew: true };
    this.drewInLastFrame = true;
  }
}
