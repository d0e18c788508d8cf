/**
 * The org chart's view: d3-zoom on the SVG (wheel, drag to pan, + and −), fit (a small chart is
 * drawn large, up to FIT_MAX_SCALE; a large one no smaller than names can be read, its top in view
 * and the rest a drag away), centring a person and panning a focused one into view. It moves the
 * view only.
 */
import { zoom, zoomIdentity } from 'c/d3';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'c/d3';
import { fitTransform, panIntoView } from 'c/relationshipMapLook';
import type { Box } from 'c/relationshipMapLook';
import type { GroupSelection, SvgSelection } from './drawing';
import { READABLE_SCALE } from './names';

const SCALE_EXTENT: [number, number] = [0.05, 4];
/** Fit zooms a small chart in up to this much, so that a few people are drawn large. */
export const FIT_MAX_SCALE = 1.6;
const FIT_PADDING = 24;
const FALLBACK_SIZE = { width: 800, height: 600 } as const;

/**
 * The fit of `box` into a view of `width` × `height`: the whole chart, centred, when it can be
 * drawn at READABLE_SCALE or larger (up to FIT_MAX_SCALE). A chart too large for that is fitted
 * by its width instead, never below READABLE_SCALE, so that names stay 12 px or more on screen:
 * centred across (where a tidy tree's root is), its top row at the top of the view when it is
 * taller than the view, the rest reached by dragging, the keyboard or zooming out.
 */
export function readableFit(box: Box, width: number, height: number): { x: number; y: number; k: number } {
  const whole = fitTransform(box, width, height, FIT_PADDING, FIT_MAX_SCALE, SCALE_EXTENT[0]);
  if (whole.k >= READABLE_SCALE) return whole;
  const byWidth = (width - 2 * FIT_PADDING) / Math.max(1, box.x1 - box.x0);
  const k = Math.min(FIT_MAX_SCALE, Math.max(READABLE_SCALE, byWidth));
  const tall = k * (box.y1 - box.y0) > height - 2 * FIT_PADDING;
  const y = tall ? FIT_PADDING - k * box.y0 : height / 2 - (k * (box.y0 + box.y1)) / 2;
  return { x: width / 2 - (k * (box.x0 + box.x1)) / 2, y, k };
}

export interface Point {
  x: number;
  y: number;
}

export class ChartViewport {
  transform: ZoomTransform = zoomIdentity;
  /** Whether the view fits the chart after each change (until someone zooms or pans). */
  autoFit = true;
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;

  /** `zoomEnded` hears the scale whenever a zoom, pan or fit ends. */
  constructor(
    private readonly svg: SvgSelection,
    zoomed: GroupSelection,
    zoomEnded: (k: number) => void
  ) {
    const area = (): [[number, number], [number, number]] => {
      const size = this.viewSize();
      return [
        [0, 0],
        [size.width, size.height],
      ];
    };
    // The measured area: d3's default reads the SVG's own width and viewBox.
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .extent(area)
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        zoomed.attr('transform', event.transform.toString());
        if (event.sourceEvent) this.autoFit = false;
      })
      .on('end', (event: D3ZoomEvent<SVGSVGElement, unknown>) => zoomEnded(event.transform.k));
    svg.call(this.behavior);
  }

  destroy(): void {
    this.svg.on('.zoom', null);
  }

  viewSize(): { width: number; height: number } {
    const host = this.svg.node()?.parentElement;
    const width = host?.clientWidth ?? 0;
    const height = host?.clientHeight ?? 0;
    return width > 0 && height > 0 ? { width, height } : FALLBACK_SIZE;
  }

  /** Everything in `box` in view (the middle at scale 1 when there is nothing). */
  fit(box: Box | null): void {
    const { width, height } = this.viewSize();
    if (!box) {
      this.setTransform(width / 2, height / 2, 1);
      return;
    }
    const t = readableFit(box, width, height);
    this.setTransform(t.x, t.y, t.k);
  }

  centerOn(point: Point): void {
    const { width, height } = this.viewSize();
    const k = this.transform.k;
    this.autoFit = false;
    this.setTransform(width / 2 - k * point.x, height / 2 - k * point.y, k);
  }

  /** Pans just enough that a point (a person focused by keyboard) is in view. */
  ensureVisible(point: Point): void {
    const { width, height } = this.viewSize();
    const t = this.transform;
    const [dx, dy] = panIntoView(...t.apply([point.x, point.y]), width, height);
    if (dx === 0 && dy === 0) return;
    this.autoFit = false;
    this.setTransform(t.x + dx, t.y + dy, t.k);
  }

  /** Keeps a point where it was on screen after it moved from `before` to `after` in the chart. */
  keepInPlace(before: Point, after: Point): void {
    const t = this.transform;
    this.setTransform(t.x - t.k * (after.x - before.x), t.y - t.k * (after.y - before.y), t.k);
  }

  zoomBy(factor: number): void {
    this.autoFit = false;
    this.svg.call((s) => this.behavior.scaleBy(s, factor));
  }

  private setTransform(x: number, y: number, k: number): void {
    this.svg.call((s) => this.behavior.transform(s, zoomIdentity.translate(x, y).scale(k)));
  }
}
