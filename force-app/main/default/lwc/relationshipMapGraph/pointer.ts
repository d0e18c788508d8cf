/**
 * The pointer: click to select (or, on empty map, to clear), hover, drag to pin. One set of
 * listeners on the SVG serves both renderers: each says which person is under the pointer
 * (the element the event is on, or, on a canvas, the person drawn there: nodeAtPointer).
 */
import { drag, pointer } from 'c/d3';
import type { D3DragEvent, DragBehavior } from 'c/d3';
import { linkEnds, shapeExtent } from './geometry';
import type { DrawnLink, DrawnNode } from './geometry';
import type { GraphNode } from './scene';
import type { SvgSelection } from './renderer';

/** Screen pixels a node must move before a drag counts (and pins); less is a click. */
export const DRAG_THRESHOLD = 3;

type PressEvent = MouseEvent | TouchEvent;
type NodeDragEvent = D3DragEvent<SVGSVGElement, unknown, GraphNode>;

/** The person drawn at map point (x, y): the nearest whose shape (plus 2) covers it, or null. */
export function nodeAt<T extends DrawnNode>(nodes: readonly T[], x: number, y: number): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const d of nodes) {
    const distance = Math.hypot((d.x ?? 0) - x, (d.y ?? 0) - y);
    if (distance <= shapeExtent(d.shape, d.radius) + 2 && distance <= bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The line drawn nearest map point (x, y), if it passes within `reach` (map units) of it: what a
 * canvas-drawn map's evidence lines answer to hover (their ends as linkEnds draws them).
 */
export function lineAt<T extends DrawnLink>(lines: readonly T[], x: number, y: number, reach: number): T | null {
  let best: T | null = null;
  let bestDistance = reach;
  for (const l of lines) {
    const [x1, y1, x2, y2] = linkEnds(l);
    const dx = x2 - x1;
    const dy = y2 - y1;
    const squared = dx * dx + dy * dy;
    const t = squared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / squared));
    const distance = Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    if (distance <= bestDistance) {
      best = l;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where the pointer of `event` is, in the coordinates of the zoomed `viewport`. */
export function mapPoint(event: PressEvent, viewport: SVGGElement | null): [number, number] | null {
  if (!viewport) return null;
  const source = 'touches' in event ? (event.touches[0] ?? event.changedTouches[0]) : event;
  return source ? pointer(source, viewport) : null;
}

/** The person drawn under the pointer of `event`, in the coordinates of the zoomed `viewport`. */
export function nodeAtPointer<T extends DrawnNode>(
  event: PressEvent,
  viewport: SVGGElement | null,
  nodes: readonly T[]
): T | null {
  const point = mapPoint(event, viewport);
  return point ? nodeAt(nodes, point[0], point[1]) : null;
}

/**
 * The element an event happened on; for the events d3 makes (a drag's subject is asked with one),
 * the element of the browser event behind it.
 */
export function elementOf(event: Event): Element | null {
  let source: unknown = event;
  while ((source as { sourceEvent?: unknown }).sourceEvent) source = (source as { sourceEvent: unknown }).sourceEvent;
  const target = (source as Event).target as Element | null;
  return typeof target?.closest === 'function' ? target : null;
}

/** What the pointer needs from the shell. */
export interface PointerHost {
  nodeUnder(event: PressEvent): GraphNode | null;
  readOnly(): boolean;
  /** The zoom's scale (a drag's threshold is in screen pixels). */
  scale(): number;
  /** A click on a person (null: on the empty map). */
  clicked(node: GraphNode | null): void;
  hovered(id: string | null): void;
  /** The pointer moved over the map (above `node`, or null); a canvas-drawn map answers lines. */
  moved(event: MouseEvent, node: GraphNode | null): void;
  /** A drag moved far enough to count: the person follows the pointer from now on. */
  dragStarted(): void;
  dragged(node: GraphNode): void;
  /** The person was dropped at their new place. */
  dropped(node: GraphNode): void;
}

export class Pointer {
  private drag: { id: string; x: number; y: number; moved: boolean } | null = null;
  private readonly behavior: DragBehavior<SVGSVGElement, unknown, GraphNode>;

  constructor(
    private readonly svg: SvgSelection,
    container: () => SVGGElement | HTMLElement,
    private readonly host: PointerHost
  ) {
    this.behavior = drag<SVGSVGElement, unknown, GraphNode>()
      // No person under the pointer: null, and d3 starts no drag (the map pans instead).
      .subject((event: PressEvent) => host.nodeUnder(event) as GraphNode)
      .container(container)
      .filter((event: PressEvent) => !host.readOnly() && !event.ctrlKey && !('button' in event && event.button !== 0))
      .clickDistance(DRAG_THRESHOLD)
      .on('start', (event: NodeDragEvent) => this.onStart(event))
      .on('drag', (event: NodeDragEvent) => this.onMove(event))
      .on('end', (event: NodeDragEvent) => this.onEnd(event));
    svg.call(this.behavior);
    svg.on('click.pointer', (event: MouseEvent) => {
      const node = host.nodeUnder(event);
      if (node) event.stopPropagation();
      host.clicked(node);
    });
    svg.on('mousemove.pointer', (event: MouseEvent) => {
      const node = host.nodeUnder(event);
      this.hover(node?.id ?? null);
      if (!this.drag) host.moved(event, node);
    });
    svg.on('mouseleave.pointer', () => this.hover(null));
    const svgElement = svg.node();
    // A person's element: entering and leaving it (these do not bubble; the capture phase sees them).
    svgElement?.addEventListener('mouseenter', this.onEnter, true);
    svgElement?.addEventListener('mouseleave', this.onLeave, true);
  }

  /** Whether a person is being dragged (hover then changes nothing). */
  get dragging(): boolean {
    return this.drag !== null;
  }

  /** Whether a press starts on a person who can be dragged: then it drags them, not the map. */
  pressesPerson(event: PressEvent): boolean {
    const press = event.type === 'mousedown' || event.type === 'touchstart';
    return press && !this.host.readOnly() && this.host.nodeUnder(event) !== null;
  }

  detach(): void {
    this.svg.on('.drag', null).on('.pointer', null);
    const svgElement = this.svg.node();
    svgElement?.removeEventListener('mouseenter', this.onEnter, true);
    svgElement?.removeEventListener('mouseleave', this.onLeave, true);
    this.drag = null;
  }

  private readonly onEnter = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    if (target?.matches?.('g.rmg-node')) this.hover(this.host.nodeUnder(event)?.id ?? null);
  };

  private readonly onLeave = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    if (target?.matches?.('g.rmg-node') && this.host.nodeUnder(event)?.id === this.hovering) this.hover(null);
  };

  private hovering: string | null = null;

  private hover(id: string | null): void {
    if (this.drag || this.hovering === id) return;
    this.hovering = id;
    this.host.hovered(id);
  }

  private onStart(event: NodeDragEvent): void {
    this.drag = { id: event.subject.id, x: event.x, y: event.y, moved: false };
  }

  private onMove(event: NodeDragEvent): void {
    const d = event.subject;
    const state = this.drag;
    if (!state || state.id !== d.id) return;
    if (!state.moved) {
      const screenDistance = Math.hypot(event.x - state.x, event.y - state.y) * this.host.scale();
      if (screenDistance <= DRAG_THRESHOLD) return;
      state.moved = true;
      this.host.dragStarted();
    }
    d.fx = d.x = event.x;
    d.fy = d.y = event.y;
    this.host.dragged(d);
  }

  private onEnd(event: NodeDragEvent): void {
    const d = event.subject;
    const state = this.drag;
    this.drag = null;
    if (!state || state.id !== d.id || !state.moved) return;
    this.host.dropped(d);
  }
}
