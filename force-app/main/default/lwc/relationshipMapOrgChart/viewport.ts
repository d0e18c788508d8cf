/**
 * The org chart's view: d3-zoom on the SVG (wheel, drag to pan, + and −), fit (a small chart is
 * drawn large, up to FIT_MAX_SCALE), centring a person and panning a focused one into view. It
 * moves the view only.
 */
import { zoom, zoomIdentity } from 'c/d3';
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'c/d3';
import { fitTransform, panIntoView } from 'c/relationshipMapLook';
import type { Box } from 'c/relationshipMapLook';
import type { GroupSelection, SvgSelection } from './drawing';

const SCALE_EXTENT: [number, number] = [0.05, 4];
/** Fit zooms a small chart in up to this much, so that a few people are drawn large. */
export const FIT_MAX_SCALE = 1.6;
const FIT_PADDING = 24;
const FALLBACK_SIZE = { width: 800, height: 600 } as const;

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
    const t = fitTransform(box, width, height, FIT_PADDING, FIT_MAX_SCALE, SCALE_EXTENT[0]);
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
