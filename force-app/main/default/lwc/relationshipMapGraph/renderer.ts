/**
 * What draws the scene. Two renderers implement it: svgRenderer.ts (live SVG, small maps) and
 * canvasRenderer.ts (a 2D canvas plus focus targets, large maps). pickRenderer is the one place
 * that chooses between them; everything else talks to the interface.
 */
import type { Selection, ZoomTransform } from 'c/d3';
import type { GroupSelection, ViewSvg } from 'c/relationshipMapLook';
import { CanvasRenderer } from './canvasRenderer';
import type { LabelLayout } from './labels';
import type { GraphNode, Scene } from './scene';
import type { SceneStates } from './states';
import { SvgRenderer } from './svgRenderer';

export type { GroupSelection, SvgSelection } from 'c/relationshipMapLook';
/** The person elements as drawn (SVG nodes, or the canvas's focus targets), bound to their nodes. */
export type NodeSelection = Selection<SVGGElement, GraphNode, SVGGElement, unknown>;

/** The elements every renderer draws in or under (skeleton.ts builds them once). */
export interface Skeleton extends ViewSvg {
  /** The `lwc:dom="manual"` element. */
  host: HTMLElement;
  /** The viewport's layers from back to front. */
  evidenceLayer: GroupSelection;
  linkLayer: GroupSelection;
  nodeLayer: GroupSelection;
  /**
   * The names the SVG renderer draws, one text per person, outside the person elements: a name
   * cut to fit would otherwise be visible text inside a button whose accessible name is longer
   * (WCAG 2.5.3 Label in Name). Hidden from assistive technology; the pointer passes through.
   */
  labelLayer: GroupSelection;
}

/** What a renderer reads from the shell, always current. */
export interface RendererHost {
  scene: () => Scene;
  states: () => SceneStates;
  transform: () => ZoomTransform;
  /** Where each name goes and which are hidden (labels.ts); null until first placed. */
  labels: () => LabelLayout | null;
  size: () => { width: number; height: number };
  /** Whether layout frames are scheduled (they redraw; a separate paint would be a second one). */
  layoutRunning: () => boolean;
  /** The person elements were (re)made: the shell fixes the tab stop and the map's description. */
  adopted: () => void;
}

export interface Renderer {
  /** Whether the layout's first frame only draws (a costly picture comes first, alone). */
  readonly drawFirst: boolean;
  /** People or links changed ('all'), or only their sizes, badges and labels ('nodes'). */
  render(scope: 'all' | 'nodes'): void;
  /** Selection, hover, warm path or search changed (and tab stops). */
  applyStates(): void;
  /** The names were placed again (labels.ts): draw them where they now go. */
  placeLabels(): void;
  /** Positions changed; `moving` while the layout still runs. */
  redraw(moving: boolean): void;
  /** The layout came to rest. */
  settle(): void;
  /** The view changed (zoom, size, focus ring): draw again when the browser is ready. */
  invalidate(): void;
  /** Drops a drawing asked for but not yet made (the layout's next frame draws anyway). */
  cancelPaint(): void;
  /** The person with keyboard focus (null: nobody). */
  showFocus(id: string | null): void;
  /** The focusable element of a person. */
  element(id: string): SVGGElement | undefined;
  /** The person under the pointer of `event`, if any. */
  nodeUnder(event: MouseEvent | TouchEvent): GraphNode | null;
  /**
   * The pointer moved over the map, above `node` (or nobody). The SVG renderer has nothing to do
   * (an evidence line's <title> is the browser's tooltip); the canvas one says the summary of the
   * evidence line under the pointer in the same way.
   */
  pointerMoved(event: MouseEvent, node: GraphNode | null): void;
  /** Makes `copy` (a clone of the SVG) show the picture as SVG elements, for export. */
  exportInto(copy: SVGSVGElement): void;
  /** Removes everything it drew and stops its frames. */
  destroy(): void;
}

/**
 * From this many people on, the map is painted on a canvas. Below it, building and redrawing the
 * SVG (about 13 elements a person, 4 a link) stays under 50 ms a task; from about 120 people on,
 * making and restyling those elements alone takes longer (measured in headless Chromium, see
 * docs/benchmarks.md).
 */
export const CANVAS_FROM_PEOPLE = 100;
let canvasFrom = CANVAS_FROM_PEOPLE;

/** How many people make the map paint on a canvas. */
export function canvasThreshold(): number {
  return canvasFrom;
}

/** For tests: paint on a canvas from `people` on (null restores the default). */
export function setCanvasThreshold(people: number | null): void {
  canvasFrom = people ?? CANVAS_FROM_PEOPLE;
}

/**
 * SVG for small maps, the canvas from canvasThreshold() people on (where the browser can draw on
 * one). Switching starts the layers afresh: the renderers share no elements.
 */
export function pickRenderer(current: Renderer | null, skeleton: Skeleton, host: RendererHost): Renderer {
  const scene = host.scene();
  const wantsCanvas = scene.nodes.length >= canvasThreshold();
  if (current && current instanceof CanvasRenderer === wantsCanvas) return current;
  const canvas = wantsCanvas ? CanvasRenderer.paintCanvas(skeleton) : null;
  if (current && current instanceof SvgRenderer && !canvas) return current;
  current?.destroy();
  for (const node of scene.nodes) node.drawn = undefined;
  for (const link of scene.links) link.drawn = undefined;
  for (const line of scene.evidence) line.drawn = undefined;
  return canvas ? new CanvasRenderer(skeleton, host, canvas) : new SvgRenderer(skeleton, host);
}
