/**
 * The force setup: d3-force with the map's forces, ticked by layout.ts's frame loop (never by
 * d3's own timer), and where newcomers start (placement.ts). The shell tells it what changed;
 * it tells the shell, once per frame, to draw.
 *
 * What the picture means, with d3's own forces: forceY pulls everyone in a reporting tree to the
 * row of their Reports To depth (managers above their reports); forceX pulls our people to a strip
 * on the left, partners to one on the right, customers to the middle (sideStrips); links pull
 * people who work together into clusters; many-body and collision keep everyone apart. Targets are
 * computed once per data change (reportingLines: one O(people + links) pass), never per tick.
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
import { placeByHierarchy, placeNearNeighbours, reportingLines, sideStrips } from './placement';
import type { GraphLink, GraphNode, JoinResult, Scene } from './scene';

/** Grid spacing of the first placement: about the length links settle at. */
const PLACEMENT_SPACING = 70;
/** Placement order of reporting trees by side, left to right: ours, the customer's, partners. */
const SIDE_RANK: Readonly<Record<string, number>> = { 'Our Company': 0, Customer: 1, Partner: 2 };
/** Least distance between two reporting levels: a person, their name below, a gap. */
const LEVEL_MIN = 80;
/**
 * Pulls toward a person's target (d3 adds (target − position) × strength × alpha to the velocity
 * each tick): firm enough that levels and sides read at a glance, weak enough that links still
 * cluster people who work together and collision keeps everyone apart.
 */
const PULL = {
  /** Someone in a reporting tree, toward the row of their depth. */
  level: 0.2,
  /** Someone in no reporting tree, toward the middle row. */
  loose: 0.04,
  /** Our people and partners, toward their side's strip. */
  side: 0.3,
  /** Customers, toward the middle strip. */
  middle: 0.015,
} as const;

/** Where forceX and forceY pull a person. */
export interface Target {
  x: number;
  y: number;
  pullX: number;
  pullY: number;
}
const NO_TARGET: Target = { x: 0, y: 0, pullX: PULL.middle, pullY: PULL.loose };

export class GraphLayout {
  private simulation: Simulation<GraphNode, GraphLink>;
  private linkForce: ForceLink<GraphNode, GraphLink>;
  private collideForce: ReturnType<typeof forceCollide<GraphNode>>;
  private chargeForce: ReturnType<typeof forceManyBody<GraphNode>>;
  private loop: LayoutLoop;
  /** Each person's target, by id: recomputed by setScene (the forces read it on initialise). */
  private targets = new Map<string, Target>();

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
      .force(
        'x',
        forceX<GraphNode>((d) => this.targetOf(d).x).strength((d) => this.targetOf(d).pullX)
      )
      .force(
        'y',
        forceY<GraphNode>((d) => this.targetOf(d).y).strength((d) => this.targetOf(d).pullY)
      )
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
    this.targets = layoutTargets(scene, aspect);
    // Setting the nodes initialises every force: forceX and forceY read the new targets here.
    this.simulation.nodes(scene.nodes);
    this.linkForce.links(scene.links);
    this.chargeForce.theta(scene.nodes.length >= TAKE_TURNS_FROM_PEOPLE ? LARGE_MAP_THETA : 0.9);
  }

  private targetOf(node: GraphNode): Target {
    return this.targets.get(node.id) ?? NO_TARGET;
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

/**
 * Where forceX and forceY pull each person: the row of their Reports To depth (levels spread over
 * the height the map fills at PLACEMENT_SPACING in a view of `aspect`, at least LEVEL_MIN apart,
 * centred on 0), and their side's strip (sideStrips over that width: ours, customers, partners).
 */
export function layoutTargets(scene: Scene, aspect: number): Map<string, Target> {
  const shape = Number.isFinite(aspect) && aspect > 0 ? aspect : 1.5;
  const reports = scene.links
    .filter((l) => l.type === 'Reports To')
    .map((l) => ({ reportId: l.source.id, managerId: l.target.id }));
  const lines = reportingLines(
    scene.nodes.map((n) => n.id),
    reports
  );
  const width = Math.sqrt(scene.nodes.length * PLACEMENT_SPACING * PLACEMENT_SPACING * shape);
  const level = Math.max(LEVEL_MIN, width / shape / (lines.maxDepth + 1));
  const rankOf = (node: GraphNode): number => SIDE_RANK[node.person.side ?? 'Customer'] ?? SIDE_RANK.Customer;
  const counts = [0, 0, 0];
  for (const node of scene.nodes) counts[rankOf(node)]++;
  const strips = sideStrips(counts, width);
  const targets = new Map<string, Target>();
  for (const node of scene.nodes) {
    const rank = rankOf(node);
    const inTree = lines.inTree.has(node.id);
    targets.set(node.id, {
      x: strips[rank],
      y: inTree ? (lines.depth.get(node.id)! - lines.maxDepth / 2) * level : 0,
      pullX: rank === SIDE_RANK.Customer ? PULL.middle : PULL.side,
      pullY: inTree ? PULL.level : PULL.loose,
    });
  }
  return targets;
}
