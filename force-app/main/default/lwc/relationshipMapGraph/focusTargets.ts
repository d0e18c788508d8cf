/**
 * Canvas mode's focus targets: one element per person, drawn nowhere, for keyboard focus and
 * screen readers (role, name, tab stop, current); the canvas draws the person and, on focus, the
 * focus ring. Thousands of elements are made a few hundred per frame after the first paint, so
 * that the map shows (and the page answers) first.
 */
import { frameScheduler } from './layout';
import type { GroupSelection, NodeSelection } from './renderer';
import type { GraphNode, Scene } from './scene';
import { placeElements } from './svgRenderer';

/** Canvas mode makes this many focus targets per frame. */
const TARGETS_PER_FRAME = 150;

export class FocusTargets {
  /** The targets, once all are made and bound to their people (null until then). */
  selection: NodeSelection | null = null;
  readonly elementById = new Map<string, SVGGElement>();
  /** People whose focus target is still to be made, and the frame that makes them. */
  private queue: GraphNode[] = [];
  private handle: number | null = null;

  constructor(
    private readonly layer: GroupSelection,
    private readonly scene: () => Scene,
    /** All targets exist and are bound (in name order). */
    private readonly adopted: () => void
  ) {}

  /** Names the targets of people still drawn, removes the others, and makes the missing ones. */
  update(): void {
    const { nodeById, nodes } = this.scene();
    for (const [id, element] of this.elementById) {
      const node = nodeById.get(id);
      if (node) element.setAttribute('aria-label', node.label);
      else {
        element.remove();
        this.elementById.delete(id);
      }
    }
    // Made in name order, the order adopt sorts them into: then that sort moves no element
    // (moving thousands at once restyles them all in one long task).
    this.queue = nodes.filter((n) => !this.elementById.has(n.id)).sort((a, b) => a.order - b.order);
    this.make();
  }

  /** A few focus targets are made at once; many, a batch per frame from the next frame on. */
  private make(): void {
    this.cancelFrame();
    const layer = this.layer.node();
    if (!layer) return;
    if (this.queue.length > TARGETS_PER_FRAME / 2) {
      this.handle = frameScheduler().requestFrame(this.makeInFrame);
      return;
    }
    for (const node of this.queue.splice(0)) this.makeTarget(layer, node);
    this.adopt();
  }

  private readonly makeInFrame = (): void => {
    this.handle = null;
    const layer = this.layer.node();
    if (!layer) return;
    for (const node of this.queue.splice(0, TARGETS_PER_FRAME)) this.makeTarget(layer, node);
    if (this.queue.length > 0) this.handle = frameScheduler().requestFrame(this.makeInFrame);
    else this.adopt();
  };

  private makeTarget(layer: SVGGElement, node: GraphNode): void {
    const element = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    element.setAttribute('class', 'rmg-node');
    element.setAttribute('role', 'button');
    element.setAttribute('tabindex', '-1');
    element.setAttribute('data-id', node.id);
    element.setAttribute('aria-label', node.label);
    layer.appendChild(element);
    this.elementById.set(node.id, element);
  }

  /** All focus targets exist: in name order, bound to their people. */
  private adopt(): void {
    const nodes: NodeSelection = this.layer
      .selectAll<SVGGElement, GraphNode>('g.rmg-node')
      // Bound by id: elements made one by one carry it in data-id.
      .data<GraphNode>(this.scene().nodes, function (this: unknown, d: GraphNode) {
        const datum = d as GraphNode | undefined;
        return datum ? datum.id : ((this as SVGGElement).getAttribute('data-id') ?? '');
      });
    nodes.sort((a, b) => a.order - b.order);
    this.selection = nodes;
    this.elementById.clear();
    nodes.each((d, i, groups) => this.elementById.set(d.id, groups[i]));
    this.adopted();
  }

  /**
   * Moves the targets to their people (once the layout rests, and after a drag), so that a
   * screen reader's highlight lands on the person.
   */
  place(): void {
    if (this.selection) placeElements(this.selection);
  }

  destroy(): void {
    this.cancelFrame();
    this.queue = [];
    this.layer.selectAll('*').remove();
    this.selection = null;
    this.elementById.clear();
  }

  private cancelFrame(): void {
    if (this.handle !== null) frameScheduler().cancelFrame(this.handle);
    this.handle = null;
  }
}
