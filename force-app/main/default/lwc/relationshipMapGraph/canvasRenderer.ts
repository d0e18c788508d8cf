/**
 * Large maps on a 2D canvas under the SVG (painter.ts paints; this decides when and how sharp):
 * a draft at half resolution while the layout moves, the sharp picture once it rests (on large
 * maps painted off screen in bands over a few frames). The SVG stays on top for the pointer and
 * holds one focus target per person (focusTargets.ts); the pointer finds people by where they are
 * drawn.
 */
import { frameScheduler } from './layout';
import { paintMap } from './painter';
import type { PaintStates } from './painter';
import { canvasSurface, newStampCache, svgSurface } from './surfaces';
import type { StampCache } from './surfaces';
import { FocusTargets } from './focusTargets';
import { evidenceTitle } from './look';
import { lineAt, mapPoint, nodeAtPointer } from './pointer';
import { setIfChanged } from './svgRenderer';
import type { Renderer, RendererHost, Skeleton } from './renderer';
import type { GraphEvidence, GraphLink, GraphNode } from './scene';

/** Resolution of the canvas while the layout moves, relative to the sharp picture at rest. */
const DRAFT_RATIO = 0.5;
/** From this many people, the sharp picture is painted in SHARPEN_BANDS bands over as many frames. */
const BANDED_FROM_PEOPLE = 800;
const SHARPEN_BANDS = 4;
/** How close (screen px) the pointer must come to an evidence line to show its summary. */
const EVIDENCE_POINTER_PX = 5;
/** The canvas's backing store is at most twice the CSS size (sharp on HiDPI, bounded memory). */
const MAX_PIXEL_RATIO = 2;

interface PaintCanvas {
  element: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
}

export class CanvasRenderer implements Renderer {
  readonly drawFirst = true;
  private readonly targets: FocusTargets;
  private paintStates: PaintStates | null = null;
  private paintHandle: number | null = null;
  /** The person whose element has keyboard focus (the canvas draws the focus ring itself). */
  private focusedId: string | null = null;
  private fontFamily = "'Salesforce Sans', Arial, sans-serif";
  /** Whether fontFamily is the SVG's own (read at the first paint, when styles are up to date anyway). */
  private fontResolved = false;
  /** The sharp picture of a large map, painted off screen a band per frame. */
  private sharpCanvas: HTMLCanvasElement | null = null;
  private sharpenHandle: number | null = null;
  private stamps: StampCache = newStampCache();
  private draftStamps: StampCache = newStampCache();

  /** The canvas under the SVG; null where the browser cannot draw (jsdom). */
  static paintCanvas(skeleton: Skeleton): PaintCanvas | null {
    const svgElement = skeleton.svg.node();
    if (!svgElement || typeof CanvasRenderingContext2D !== 'function') return null;
    const element = document.createElement('canvas');
    const context = element.getContext('2d');
    if (!context) return null;
    element.className = 'rmg-paint';
    element.setAttribute('aria-hidden', 'true');
    skeleton.host.insertBefore(element, svgElement);
    return { element, context };
  }

  constructor(
    private readonly skeleton: Skeleton,
    private readonly host: RendererHost,
    private readonly canvas: PaintCanvas
  ) {
    // The SVG stays on top for the pointer and focus; the canvas below shows through.
    skeleton.svg.select('.rmg-background').attr('fill', 'transparent');
    this.targets = new FocusTargets(skeleton.nodeLayer, host.scene, () => {
      this.host.adopted();
      this.applyStates();
      if (!this.host.layoutRunning()) this.targets.place();
    });
  }

  render(): void {
    this.targets.update();
    this.invalidate();
  }

  applyStates(): void {
    const nodes = this.targets.selection;
    if (!nodes) return;
    const states = this.host.states();
    // Only the elements whose state changes are touched: setting an attribute on each of
    // thousands of elements, even to its old value, makes the browser restyle them all.
    nodes.each((d, i, groups) => {
      const element = groups[i];
      setIfChanged(element, 'tabindex', d.id === states.rovingId ? '0' : '-1');
      setIfChanged(element, 'aria-current', d.id === states.selectedId ? 'true' : null);
    });
    this.paintStates = {
      nodeOpacity: (d) => states.nodeOpacity(d as GraphNode),
      linkOpacity: (l) => states.linkOpacity(l as GraphLink),
      highlighted: (l) => states.highlighted(l as GraphLink),
      evidenceOpacity: (e) => states.evidenceOpacity(e as GraphEvidence),
      evidenceHighlighted: (e) => states.evidenceHighlighted(e as GraphEvidence),
      emphasised: (d) => states.emphasised(d as GraphNode),
      matches: states.matches,
      selectedId: states.selectedId,
      hoverId: states.hoverId,
      focusedId: null,
      labels: null,
    };
    this.invalidate();
  }

  /** Names are painted with everything else. */
  placeLabels(): void {
    this.invalidate();
  }

  redraw(moving: boolean): void {
    this.paint(moving);
  }

  settle(): void {
    this.targets.place();
  }

  /** Paints in the next frame (zoom, hover, selection), once however often asked. */
  invalidate(): void {
    // While the layout runs, its own frames repaint (a second paint in one frame would double it).
    if (this.paintHandle !== null || this.host.layoutRunning()) return;
    this.paintHandle = frameScheduler().requestFrame(() => {
      this.paintHandle = null;
      this.paint(this.host.layoutRunning());
    });
  }

  cancelPaint(): void {
    if (this.paintHandle !== null) frameScheduler().cancelFrame(this.paintHandle);
    this.paintHandle = null;
  }

  showFocus(id: string | null): void {
    this.focusedId = id;
    this.invalidate();
  }

  element(id: string): SVGGElement | undefined {
    return this.targets.elementById.get(id);
  }

  nodeUnder(event: MouseEvent | TouchEvent): GraphNode | null {
    return nodeAtPointer(event, this.skeleton.viewport.node(), this.host.scene().nodes);
  }

  /**
   * Over an evidence line (within 5 px on screen) and no person: the line's summary becomes the
   * <title> of the map's background, which the browser shows as the tooltip, as an SVG-drawn
   * line's own <title>. One pass over the evidence lines per move (a few hundred at most).
   */
  pointerMoved(event: MouseEvent, node: GraphNode | null): void {
    const evidence = this.host.scene().evidence;
    const point = node || evidence.length === 0 ? null : mapPoint(event, this.skeleton.viewport.node());
    const line = point ? lineAt(evidence, point[0], point[1], EVIDENCE_POINTER_PX / this.host.transform().k) : null;
    const text = line ? evidenceTitle(line.source.person, line.target.person, line.summary) : '';
    const background = this.skeleton.svg.select<SVGRectElement>('.rmg-background');
    const title = background.select<SVGTitleElement>('title');
    if (!text) {
      title.remove();
    } else if (title.empty()) {
      background.append('title').text(text);
    } else if (title.text() !== text) {
      title.text(text);
    }
  }

  /**
   * Paints everyone at their current place, in the current view and states. While the layout
   * moves, a draft at half resolution (a quarter of the pixels to rasterise); sharp again the
   * frame it comes to rest.
   */
  private paint(draft = false): void {
    this.cancelPaint();
    this.cancelSharpening();
    const { context, element } = this.canvas;
    if (!this.paintStates) return;
    if (!this.fontResolved) {
      const svgElement = this.skeleton.svg.node();
      if (svgElement) this.fontFamily = getComputedStyle(svgElement).fontFamily || this.fontFamily;
      this.fontResolved = true;
    }
    // A large map's sharp picture costs more than a frame can take: a draft now, sharpened in
    // bands over the next frames.
    const banded = !draft && this.host.scene().nodes.length >= BANDED_FROM_PEOPLE;
    const ratio = this.pixelRatio(draft || banded);
    const { width, height } = this.host.size();
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (element.width !== pixelWidth || element.height !== pixelHeight) {
      element.width = pixelWidth;
      element.height = pixelHeight;
    }
    this.paintBand(context, ratio, 0, pixelHeight, draft || banded ? this.draftStamps : this.stamps);
    if (banded) this.startSharpening();
  }

  private pixelRatio(draft: boolean): number {
    return Math.min(MAX_PIXEL_RATIO, Math.max(1, window.devicePixelRatio || 1)) * (draft ? DRAFT_RATIO : 1);
  }

  /** Paints the rows [top, bottom) (device pixels) of the picture at `ratio` onto `context`. */
  private paintBand(
    context: CanvasRenderingContext2D,
    ratio: number,
    top: number,
    bottom: number,
    stamps: StampCache
  ): void {
    const states = this.paintStates;
    if (!states) return;
    const { width } = this.host.size();
    const t = this.host.transform();
    const scene = this.host.scene();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.save();
    context.beginPath();
    context.rect(0, top, Math.round(width * ratio), bottom - top);
    context.clip();
    context.globalAlpha = 1;
    context.fillStyle = '#ffffff';
    context.fillRect(0, top, Math.round(width * ratio), bottom - top);
    context.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
    paintMap(
      canvasSurface(context, this.fontFamily, stamps),
      scene.nodes,
      scene.links,
      { ...states, focusedId: this.focusedId, labels: this.host.labels() },
      // The view, as far as culling goes, is the band.
      { width, height: (bottom - top) / ratio, tx: t.x, ty: t.y - top / ratio, k: t.k },
      true,
      scene.evidence
    );
    context.restore();
  }

  /** Paints the sharp picture off screen, a band per frame, then shows it at once. */
  private startSharpening(): void {
    this.cancelSharpening();
    const { width, height } = this.host.size();
    const ratio = this.pixelRatio(false);
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    const offscreen = (this.sharpCanvas ??= document.createElement('canvas'));
    offscreen.width = pixelWidth;
    offscreen.height = pixelHeight;
    const offscreenContext = offscreen.getContext('2d');
    if (!offscreenContext) return;
    const bandHeight = Math.ceil(pixelHeight / SHARPEN_BANDS);
    let top = 0;
    const step = (): void => {
      this.sharpenHandle = null;
      const { element, context } = this.canvas;
      const bottom = Math.min(pixelHeight, top + bandHeight);
      this.paintBand(offscreenContext, ratio, top, bottom, this.stamps);
      // Rasterise this band now, in its own frame, rather than all bands at the final copy.
      offscreenContext.getImageData(0, top, 1, 1);
      top = bottom;
      if (top < pixelHeight) {
        this.sharpenHandle = frameScheduler().requestFrame(step);
        return;
      }
      element.width = pixelWidth;
      element.height = pixelHeight;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.drawImage(offscreen, 0, 0);
    };
    this.sharpenHandle = frameScheduler().requestFrame(step);
  }

  private cancelSharpening(): void {
    if (this.sharpenHandle !== null) frameScheduler().cancelFrame(this.sharpenHandle);
    this.sharpenHandle = null;
  }

  /** The same picture as SVG elements, in the copy's viewport. */
  exportInto(copy: SVGSVGElement): void {
    const viewport = copy.querySelector<SVGGElement>('.rmg-viewport');
    const states = this.paintStates;
    if (!viewport || !states) return;
    copy.querySelector('.rmg-background')?.setAttribute('fill', '#ffffff');
    while (viewport.firstChild) viewport.removeChild(viewport.firstChild);
    const t = this.host.transform();
    const { width, height } = this.host.size();
    const scene = this.host.scene();
    paintMap(
      svgSurface(viewport),
      scene.nodes,
      scene.links,
      { ...states, focusedId: null, labels: this.host.labels() },
      { width, height, tx: t.x, ty: t.y, k: t.k },
      false,
      scene.evidence
    );
  }

  destroy(): void {
    this.cancelPaint();
    this.cancelSharpening();
    this.sharpCanvas = null;
    this.targets.destroy();
    this.skeleton.linkLayer.selectAll('*').remove();
    this.skeleton.svg.select('.rmg-background').select('title').remove();
    this.canvas.element.remove();
    this.focusedId = null;
  }
}
