/**
 * The force setup: d3-force with the map's forces, ticked by layout.ts's frame loop (never by
 * d3's own timer), and where newcomers start (placement.ts). The shell tells it what changed;
 * it tells the shell, once per frame, to draw.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'c/d3';
import type { ForceLink, Simulation } from 'c/d3';
import {
  LARGE_MAP_THETA,
  LAYOUT_RUNS,
  LayoutLoop,
  TAKE_TURNS_FROM_PEOPLE,
  alphaDecayFor,
  frameScheduler,
  takingTurns,
} from './layout';
import type { LayoutRun } from './layout';
import { placeByHierarchy, placeNearNeighbours } from './placement';
import type { GraphLink, GraphNode, JoinResult, Scene } from './scene';

/** Grid spacing of the first placement: about the length links settle at. */
const PLACEMENT_SPACING = 70;
/** Placement order of reporting trees by side: ours, then the customer's, then partners. */
const SIDE_RANK: Readonly<Record<string, number>> = { 'Our Company': 0, Customer: 1, Partner: 2 };

export class GraphLayout {
  private simulation: Simulation<GraphNode, GraphLink>;
  private linkForce: ForceLink<GraphNode, GraphLink>;
  private collideForce: ReturnType<typeof forceCollide<GraphNode>>;
  private chargeForce: ReturnType<typeof forceManyBody<GraphNode>>;
  private loop: LayoutLoop;

  /**
   * `draw` redraws positions (`settled`: the frame the layout came to rest); `running` is told
   * when a reheat leaves frames scheduled (their first frame draws: a paint asked for before would
   * be a second one).
   */
  constructor(
    nodeCount: () => number,
    draw: (settled: boolean) => void,
    private readonly running: () => void
  ) {
    const simulation = forceSimulation<GraphNode, GraphLink>([]);
    // d3 starts its own timer on creation; the layout loop ticks it instead, frame by frame.
    simulation.stop();
    this.linkForce = forceLink<GraphNode, GraphLink>([])
      .distance((l) => 46 + l.source.radius + l.target.radius + (l.type === 'Conflict' ? 50 : 0))
      .strength((l) => l.pull);
    this.collideForce = forceCollide<GraphNode>((d) => d.radius + 14).iterations(1);
    this.chargeForce = forceManyBody<GraphNode>().strength(-260).distanceMax(600).theta(0.9);
    simulation
      .force('link', this.linkForce)
      // The two costly forces take turns on large maps (see TAKE_TURNS_FROM_PEOPLE).
      .force(
        'charge+collide',
        takingTurns<GraphNode>([this.chargeForce, this.collideForce], () => nodeCount() >= TAKE_TURNS_FROM_PEOPLE)
      )
      .force('x', forceX<GraphNode>(0).strength(0.04))
      .force('y', forceY<GraphNode>(0).strength(0.04))
      .alpha(0);
    this.simulation = simulation;
    this.loop = new LayoutLoop(simulation, draw, frameScheduler());
  }

  /** Whether a layout frame is scheduled (its frames draw; a separate paint would be a second one). */
  get moving(): boolean {
    return this.loop.running;
  }

  /** Whether a run's first frame only draws (costly drawings: the first picture comes alone). */
  set drawFirst(value: boolean) {
    this.loop.drawFirst = value;
  }

  /**
   * A new scene: newcomers start near a placed neighbour (on a first layout, by the reporting
   * hierarchy), then the layout gets the energy the change calls for.
   */
  setScene(scene: Scene, join: JoinResult, aspect: number): void {
    const { added, firstLayout } = join;
    const unplaced = added.filter((n) => n.x === undefined);
    if (firstLayout && unplaced.length > scene.nodes.length / 2) {
      const reports = scene.links
        .filter((l) => l.type === 'Reports To')
        .map((l) => ({ reportId: l.source.id, managerId: l.target.id }));
      placeByHierarchy(unplaced, reports, scene.neighbours, {
        spacing: PLACEMENT_SPACING,
        aspect,
        rootRank: (id) => SIDE_RANK[scene.nodeById.get(id)?.person.side ?? 'Customer'] ?? 1,
      });
    } else {
      placeNearNeighbours(added, scene.neighbours, scene.nodeById);
    }
    this.simulation.nodes(scene.nodes);
    this.linkForce.links(scene.links);
    this.chargeForce.theta(scene.nodes.length >= TAKE_TURNS_FROM_PEOPLE ? LARGE_MAP_THETA : 0.9);
  }

  /** After setScene and the first drawing: moves whoever is free, as much as the change calls for. */
  settleIn(scene: Scene, join: JoinResult): void {
    const free = scene.nodes.some((n) => n.fx == null || n.fy == null);
    if (!free) return;
    // Warm start: when most people come with a saved position, the rest only settle in.
    const pinnedShare = scene.nodes.filter((n) => n.fx != null && n.fy != null).length / scene.nodes.length;
    if (join.firstLayout) this.reheat(pinnedShare >= 0.5 ? LAYOUT_RUNS.warm : LAYOUT_RUNS.placed);
    else if (join.added.length > 0) this.reheat(LAYOUT_RUNS.added);
    else if (join.linksChanged || join.removed) this.reheat(LAYOUT_RUNS.relinked);
  }

  /** People changed size: the forces read the new radii, and the layout makes room. */
  resized(): void {
    this.collideForce.radius(this.collideForce.radius());
    this.linkForce.distance(this.linkForce.distance());
    this.reheat(LAYOUT_RUNS.resized);
  }

  /** Gives the layout the energy of `run` (never less than it has) and ticks it to rest. */
  reheat(run: LayoutRun): void {
    if (run.alpha >= this.simulation.alpha()) {
      this.simulation.alpha(run.alpha).alphaDecay(alphaDecayFor(run));
    }
    this.loop.start();
    if (this.loop.running) this.running();
  }

  /** A drag began to move someone: the layout follows until it ends. */
  dragStarted(): void {
    this.simulation.alphaTarget(0.3);
    this.reheat(LAYOUT_RUNS.released);
  }

  dragEnded(): void {
    this.simulation.alphaTarget(0);
    this.loop.start();
  }

  /** Keeps ticking (a dragged person moved). */
  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
    this.simulation.stop();
    this.simulation.on('tick', null).on('end', null);
  }
}
