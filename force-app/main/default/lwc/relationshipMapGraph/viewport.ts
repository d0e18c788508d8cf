/**
 * Zoom and fit: the d3 zoom on the SVG, the view's size (cached, kept current by a
 * ResizeObserver), fitting everyone in view, following the layout while it moves, and panning a
 * person into view. It moves the view only; renderers read the transform.
 */
import { zoom, zoomIdentity } from 'c/d3';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'c/d3';
import { panIntoView } from 'c/relationshipMapLook';
import { fitTransform, ringGap, shapeExtent } from './geometry';
import type { Box } from './geometry';
import { estimateWidth, fitScale } from './labels';
import { displayName } from './look';
import type { Skeleton } from './renderer';
import type { GraphNode } from './scene';

const FALLBACK_WIDTH = 800;
const FALLBACK_HEIGHT = 600;
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const FIT_PADDING = 24;
/**
 * Fit zooms in no further than this: a map of a few people fills the view at about 2.5 times
 * their size (shapes 40-120 px across) rather than sitting small in an empty box.
 */
export const FIT_MAX_SCALE = 2.5;

type ZoomFilterEvent = MouseEvent | TouchEvent | WheelEvent;

export interface ViewportHost {
  nodes(): readonly GraphNode[];
  /** Whether a press should drag a person rather than pan the map. */
  pressesPerson(event: MouseEvent | TouchEvent): boolean;
  /** The view moved (or the area changed size). */
  changed(): void;
  /** A zoom or pan came to an end (a gesture, a fit, a step of following the layout). */
  zoomEnded(): void;
}

export class Viewport {
  transform: ZoomTransform = zoomIdentity;
  /** Whether the view follows the layout (until someone zooms, pans or drags). */
  autoFit = true;
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private size: { width: number; height: number } | null = null;
  private resizeObserver: ResizeObserver | null = null;

  constructor(
    private readonly skeleton: Skeleton,
    private readonly host: ViewportHost
  ) {
    const reducedMotion =
      typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_SCALE, MAX_SCALE])
      .extent(() => {
        const { width, height } = this.viewSize();
        return [
          [0, 0],
          [width, height],
        ];
      })
      .duration(reducedMotion ? 0 : 250)
      // d3's default filter, and a press on a person drags them, not the map.
      .filter((event: ZoomFilterEvent) => {
        if (event.ctrlKey && event.type !== 'wheel') return false;
        if ('button' in event && event.button) return false;
        return !(event.type !== 'wheel' && host.pressesPerson(event));
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => this.onZoom(event))
      .on('end', () => host.zoomEnded());
    skeleton.svg.call(this.behavior);
    this.observeSize(skeleton.host);
  }

  /**
   * Size of the drawing area, cached: reading clientWidth after a redraw would force a layout of
   * the whole SVG in every frame. A ResizeObserver keeps the cache current; without one, the size
   * is measured on first use and again on remeasure().
   */
  viewSize(): { width: number; height: number } {
    this.size ??= this.measure();
    return this.size;
  }

  /** Measures again where no ResizeObserver keeps the size current. */
  remeasure(): void {
    if (!this.resizeObserver) this.size = this.measure();
  }

  private measure(): { width: number; height: number } {
    return sizeOr(this.skeleton.host.clientWidth, this.skeleton.host.clientHeight);
  }

  private observeSize(element: HTMLElement): void {
    if (typeof ResizeObserver !== 'function') return;
    this.resizeObserver = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      this.size = sizeOr(box.width, box.height);
      if (this.autoFit) this.fit(1);
      this.host.changed();
    });
    this.resizeObserver.observe(element);
  }

  private onZoom(event: D3ZoomEvent<SVGSVGElement, unknown>): void {
    this.transform = event.transform;
    this.skeleton.viewport.attr('transform', event.transform.toString());
    this.host.changed();
    // A person zoomed or panned: stop following the layout with the view.
    if (event.sourceEvent) this.autoFit = false;
  }

  private setTransform(x: number, y: number, k: number): void {
    const behavior = this.behavior;
    this.skeleton.svg.call((svg) => behavior.transform(svg, zoomIdentity.translate(x, y).scale(k)));
  }

  /** Everyone in view with their names, as large as fits, zoomed in no further than maxScale. */
  fit(maxScale: number = FIT_MAX_SCALE): void {
    const { width, height } = this.viewSize();
    if (this.host.nodes().length === 0) {
      this.setTransform(width / 2, height / 2, 1);
      return;
    }
    const t = this.fitTarget(maxScale);
    this.setTransform(t.x, t.y, t.k);
  }

  /**
   * Keeps everyone in view while the layout moves, in steps: a new zoom every frame would redraw
   * every label at a new size each frame. The view moves when it is 5% off, and fits exactly once
   * the layout is at rest.
   */
  follow(settled: boolean): void {
    const { width, height } = this.viewSize();
    const box = this.boundingBox();
    if (!box) return;
    const target = this.fitTarget(FIT_MAX_SCALE, box);
    const current = this.transform;
    const off =
      Math.abs(target.k / current.k - 1) > 0.05 ||
      Math.abs(target.x - current.x) > 0.05 * width ||
      Math.abs(target.y - current.y) > 0.05 * height;
    if (settled || off) this.setTransform(target.x, target.y, target.k);
  }

  /** The zoom that shows everyone with their names (labels.ts's fitScale), centred. */
  private fitTarget(maxScale: number, box: Box | null = this.boundingBox()): { x: number; y: number; k: number } {
    const { width, height } = this.viewSize();
    if (!box) return { x: width / 2, y: height / 2, k: 1 };
    const widestEm = Math.max(0, ...this.host.nodes().map((n) => estimateWidth(displayName(n.person), 1, false)));
    const k = fitScale(box, width, height, widestEm, FIT_PADDING, maxScale, MIN_SCALE);
    return fitTransform(box, width, height, 0, k, k);
  }

  /** Bounding box of every node with its rings and badges (names are added on screen by fitTarget). */
  private boundingBox(): Box | null {
    const nodes = this.host.nodes();
    if (nodes.length === 0) return null;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of nodes) {
      const x = n.x ?? 0;
      const y = n.y ?? 0;
      const reach = shapeExtent(n.shape, n.radius) + ringGap(n) + 8;
      x0 = Math.min(x0, x - reach);
      x1 = Math.max(x1, x + reach);
      y0 = Math.min(y0, y - reach);
      y1 = Math.max(y1, y + reach);
    }
    return { x0, y0, x1, y1 };
  }

  zoomBy(factor: number): void {
    const behavior = this.behavior;
    this.autoFit = false;
    this.skeleton.svg.call((svg) => behavior.scaleBy(svg, factor));
  }

  centerOn(node: GraphNode): void {
    const { width, height } = this.viewSize();
    const k = this.transform.k;
    this.autoFit = false;
    this.setTransform(width / 2 - k * (node.x ?? 0), height / 2 - k * (node.y ?? 0), k);
  }

  /** Pans just enough that a node (focused by keyboard) is inside the view. */
  ensureVisible(node: GraphNode): void {
    const { width, height } = this.viewSize();
    const t = this.transform;
    const [dx, dy] = panIntoView(...t.apply([node.x ?? 0, node.y ?? 0]), width, height);
    if (dx !== 0 || dy !== 0) {
      this.autoFit = false;
      this.setTransform(t.x + dx, t.y + dy, t.k);
    }
  }

  detach(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.skeleton.svg.on('.zoom', null);
  }
}

/** A measured size, or 800 × 600 while the graph is hidden (no layout, zero size). */
function sizeOr(width: number, height: number): { width: number; height: number } {
  return { width: width > 0 ? width : FALLBACK_WIDTH, height: height > 0 ? height : FALLBACK_HEIGHT };
}
