/**
 * Draws the whole map in one pass onto a surface: a 2D canvas for large maps, or SVG elements
 * when a large map is exported. Small maps are drawn as live SVG by the component itself; this
 * is the same picture (shapes, colours, rings, badges, letters, labels, arrows, dashes) for maps
 * where thousands of SVG elements would make every frame of the layout cost more than 50 ms.
 *
 * Speed comes from batching: every line of one style is one path, every shape of one fill and
 * outline is one path, so a frame is a few dozen draw calls, not one per element; people and
 * links outside the view are skipped; letters too small to read are left out.
 */
import { LINK_STYLES, OUR_COLOR, STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { LinkType, Stance } from 'c/relationshipGraph';
import {
  badgesOf,
  boundaryDistance,
  displayName,
  letterSize,
  linkEnds,
  ringGap,
  round1,
  shapeExtent,
  starPath,
  traceShape,
  trianglePath,
} from './geometry';
import type { DrawnLink, DrawnNode, PathSink } from './geometry';

export const SELECTED_COLOR = '#0176D3';
export const FOCUS_COLOR = '#000000';
export const SEARCH_HALO_COLOR = '#FFE27A';
export const NODE_OUTLINE = '#3E3E3C';
export const LABEL_COLOR = '#181818';
export const FADED_NODE = 0.18;
export const FADED_LINK = 0.08;
export const LINK_OPACITY = 0.85;
export const BADGE_COLORS = { star: '#F4BC25', gap: '#BA0517', white: '#ffffff' } as const;
/** Arrowheads as the SVG markers draw them: 9 long, 9 wide, in map units. */
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4.5;
/** Letters smaller than this on screen (px) are not drawn: unreadable, and slow in thousands. */
const MIN_LETTER_PX = 4;
/** Arrowheads smaller than this on screen (px) are left out. */
const MIN_DETAIL_PX = 3;
/** Badges (about 12 map units across) smaller than this on screen (px) are left out: specks. */
const MIN_BADGE_PX = 6;
/** People with a radius under this on screen (px) are drawn as plain dots. */
const MIN_DOT_PX = 3;
/**
 * Items per path. One path per style would be fewest calls, but a software rasteriser's cost
 * grows faster than the path (measured at 5,000 people: 15,000 arrowheads in one path 90 ms,
 * in paths of 128 about 5 ms).
 */
const PATH_CHUNK = 128;

/** Calls `draw(start, end)` for consecutive slices of at most PATH_CHUNK of `count` items. */
function inChunks(count: number, draw: (start: number, end: number) => void): void {
  for (let start = 0; start < count; start += PATH_CHUNK) draw(start, Math.min(count, start + PATH_CHUNK));
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

export interface PaintLink extends DrawnLink {
  id: string;
  type: LinkType;
  width: number;
}

/** Opacity, emphasis and rings, as the component derives them from selection, hover, path and search. */
export interface PaintStates {
  nodeOpacity(d: DrawnNode): number;
  linkOpacity(l: PaintLink): number;
  highlighted(l: PaintLink): boolean;
  emphasised(d: DrawnNode): boolean;
  matches: ReadonlySet<string>;
  selectedId: string | null;
  /** The person with keyboard focus (drawn with the focus ring), if any. */
  focusedId: string | null;
  /** Zoomed out: only emphasised people keep their name labels. */
  compact: boolean;
}

/** The zoom: a map point (x, y) is drawn at (tx + k·x, ty + k·y) in a width × height view. */
export interface PaintView {
  width: number;
  height: number;
  tx: number;
  ty: number;
  k: number;
}

interface StrokeStyle {
  color: string;
  width: number;
  alpha: number;
  dash?: readonly number[];
  cap?: 'round' | 'butt';
}

interface TextItem {
  x: number;
  y: number;
  text: string;
}

interface TextStyle {
  size: number;
  weight: number;
  italic: boolean;
  color: string;
  alpha: number;
  /** A white outline under the letters (labels over lines). */
  halo: boolean;
  /** Vertically centred on y (letters) or with the baseline on y (labels). */
  centred: boolean;
}

/** Where the drawing goes. */
export interface Surface {
  stroke(trace: (sink: PathSink) => void, style: StrokeStyle): void;
  fill(trace: (sink: PathSink) => void, color: string, alpha: number, outline?: StrokeStyle): void;
  text(items: readonly TextItem[], style: TextStyle): void;
  /**
   * Draws the picture `key` (what `draw` paints around (0, 0), within `reach` map units) centred
   * on (x, y); a surface that can cache pictures implements it.
   */
  stamp?: {
    prepare(key: string, reach: number, draw: (surface: Surface) => void): void;
    draw(key: string, x: number, y: number, alpha: number): void;
  };
}

/** `#rrggbb` at `alpha` over white, as an opaque `#rrggbb`. */
export function mixWithWhite(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  if (!match || alpha >= 1) return color;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => Math.round(255 - (255 - ((value >> shift) & 255)) * Math.max(0, alpha));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

/** A dash pattern shorter than this on screen (px) is drawn as a fainter solid line. */
const MIN_DASH_PERIOD_PX = 4;

/**
 * How a dashed link is stroked on the canvas, at zoom k: SVG draws dashes with round caps, which a
 * canvas rasterises slowly (measured: 60 of 90 ms per frame at 1,000 people), so dashes get butt
 * caps lengthened by the line width, which covers the same ground; and a pattern too fine to see
 * on screen is a solid line with the ink it would have had.
 */
export function canvasDash(dash: string, width: number, k: number): { dash: number[]; ink: number } {
  const pattern = dash ? dash.split(/[ ,]+/).map(Number) : [];
  if (pattern.length < 2) return { dash: [], ink: 1 };
  const on = pattern[0] + width;
  const off = pattern[1] - width;
  const period = pattern[0] + pattern[1];
  if (off <= 0) return { dash: [], ink: 1 };
  if (period * k < MIN_DASH_PERIOD_PX) return { dash: [], ink: on / period };
  return { dash: [on, off], ink: 1 };
}

/**
 * Paints the map. `cull` skips what lies outside the view (the canvas; an export keeps all).
 * Order, back to front: links, arrowheads, search halos, rings, shapes, letters, badges, labels,
 * the focus ring.
 */
export function paintMap(
  surface: Surface,
  nodes: readonly DrawnNode[],
  links: readonly PaintLink[],
  states: PaintStates,
  view: PaintView,
  cull: boolean
): void {
  // An export keeps SVG's own dashes; the canvas draws them its faster way.
  const dashes = (dash: string, width: number, k: number): { dash: number[]; ink: number } => {
    if (cull) return canvasDash(dash, width, k);
    return { dash: dash ? dash.split(/[ ,]+/).map(Number) : [], ink: 1 };
  };
  const margin = 60;
  const x0 = (-view.tx - margin) / view.k;
  const y0 = (-view.ty - margin) / view.k;
  const x1 = (view.width - view.tx + margin) / view.k;
  const y1 = (view.height - view.ty + margin) / view.k;
  const inView = (x: number, y: number, reach: number): boolean =>
    !cull || (x + reach >= x0 && x - reach <= x1 && y + reach >= y0 && y - reach <= y1);

  // Links: one path per colour, width, dash and opacity.
  const lineBatches = new Map<string, { style: StrokeStyle; segments: number[] }>();
  const arrowBatches = new Map<string, { color: string; alpha: number; points: number[] }>();
  const arrows = !cull || ARROW_LENGTH * view.k >= MIN_DETAIL_PX;
  // Batch keys by style, made once per style rather than once per link.
  const keys = new Map<LinkType, Map<number, Map<number, string>>>();
  const keyOf = (type: LinkType, width: number, opacity: number): string => {
    let byWidth = keys.get(type);
    if (!byWidth) keys.set(type, (byWidth = new Map<number, Map<number, string>>()));
    let byOpacity = byWidth.get(width);
    if (!byOpacity) byWidth.set(width, (byOpacity = new Map<number, string>()));
    let key = byOpacity.get(opacity);
    if (key === undefined) byOpacity.set(opacity, (key = `${type}|${width}|${opacity}`));
    return key;
  };
  for (const l of links) {
    const sx = l.source.x ?? 0;
    const sy = l.source.y ?? 0;
    const tx = l.target.x ?? 0;
    const ty = l.target.y ?? 0;
    if (cull && ((sx < x0 && tx < x0) || (sx > x1 && tx > x1) || (sy < y0 && ty < y0) || (sy > y1 && ty > y1))) {
      continue;
    }
    // Without an arrowhead to meet, a line may run centre to centre (the shapes cover its ends).
    const [ax, ay, bx, by] =
      arrows || l.offset !== 0 ? linkEnds(l) : [l.tail.x ?? 0, l.tail.y ?? 0, l.head.x ?? 0, l.head.y ?? 0];
    const style = LINK_STYLES[l.type];
    const opacity = states.linkOpacity(l);
    const width = states.highlighted(l) ? l.width + 2 : l.width;
    const key = keyOf(l.type, width, opacity);
    let batch = lineBatches.get(key);
    if (!batch) {
      const { dash, ink } = dashes(style.dash, width, view.k);
      // On the canvas, translucency is mixed into the colour: an opaque stroke rasterises
      // without an offscreen mask, and on the white background it looks the same.
      batch = {
        style: cull
          ? { color: mixWithWhite(style.color, opacity * ink), width, alpha: 1, dash, cap: 'butt' }
          : { color: style.color, width, alpha: opacity, dash, cap: 'round' },
        segments: [],
      };
      lineBatches.set(key, batch);
    }
    batch.segments.push(ax, ay, bx, by);
    if (l.arrow && arrows) {
      // The arrowhead fades with its line only in faded states, as an SVG marker does.
      const alpha = opacity < LINK_OPACITY ? opacity : 1;
      const arrowKey = `${style.color}|${alpha}`;
      let heads = arrowBatches.get(arrowKey);
      if (!heads) {
        heads = cull
          ? { color: mixWithWhite(style.color, alpha), alpha: 1, points: [] }
          : { color: style.color, alpha, points: [] };
        arrowBatches.set(arrowKey, heads);
      }
      const length = Math.hypot(bx - ax, by - ay) || 1;
      const ux = (bx - ax) / length;
      const uy = (by - ay) / length;
      const baseX = bx - ux * ARROW_LENGTH;
      const baseY = by - uy * ARROW_LENGTH;
      heads.points.push(
        bx,
        by,
        baseX - uy * ARROW_HALF_WIDTH,
        baseY + ux * ARROW_HALF_WIDTH,
        baseX + uy * ARROW_HALF_WIDTH,
        baseY - ux * ARROW_HALF_WIDTH
      );
    }
  }
  for (const { style, segments } of lineBatches.values()) {
    inChunks(segments.length / 4, (start, end) =>
      surface.stroke((sink) => {
        for (let i = start * 4; i < end * 4; i += 4) {
          sink.moveTo(segments[i], segments[i + 1]);
          sink.lineTo(segments[i + 2], segments[i + 3]);
        }
      }, style)
    );
  }
  for (const { color, alpha, points } of arrowBatches.values()) {
    inChunks(points.length / 6, (start, end) =>
      surface.fill(
        (sink) => {
          for (let i = start * 6; i < end * 6; i += 6) {
            sink.moveTo(points[i], points[i + 1]);
            sink.lineTo(points[i + 2], points[i + 3]);
            sink.lineTo(points[i + 4], points[i + 5]);
            sink.closePath();
          }
        },
        color,
        alpha
      )
    );
  }

  // People in view, with what each needs.
  const visible: { d: DrawnNode; x: number; y: number; opacity: number }[] = [];
  for (const d of nodes) {
    const x = d.x ?? 0;
    const y = d.y ?? 0;
    if (!inView(x, y, shapeExtent(d.shape, d.radius) + ringGap(d) + 100)) continue;
    visible.push({ d, x, y, opacity: states.nodeOpacity(d) });
  }
  type Visible = (typeof visible)[number];
  /** People in view by a key (null: left out), in drawing order. */
  const group = (key: (v: Visible) => string | null): Map<string, Visible[]> => {
    const groups = new Map<string, Visible[]>();
    for (const v of visible) {
      const k = key(v);
      if (k === null) continue;
      const list = groups.get(k);
      if (list) list.push(v);
      else groups.set(k, [v]);
    }
    return groups;
  };
  /** Traces `items[start..end)` with `trace`. */
  const slice =
    (items: readonly Visible[], start: number, end: number, trace: (sink: PathSink, v: Visible) => void) =>
    (sink: PathSink) => {
      for (let i = start; i < end; i++) trace(sink, items[i]);
    };

  // Search halos.
  for (const [key, items] of group((v) => (states.matches.has(v.d.id) ? String(v.opacity) : null))) {
    inChunks(items.length, (start, end) =>
      surface.fill(
        slice(items, start, end, (sink, v) => traceShape(sink, v.d.shape, v.x, v.y, v.d.radius + 8)),
        SEARCH_HALO_COLOR,
        Number(key)
      )
    );
  }
  // The selection ring.
  for (const v of visible) {
    if (v.d.id !== states.selectedId) continue;
    surface.stroke((sink) => traceShape(sink, v.d.shape, v.x, v.y, v.d.radius + ringGap(v.d) + 4), {
      color: SELECTED_COLOR,
      width: 3,
      alpha: v.opacity,
    });
  }
  // Each person's picture: double ring, shape, letter, badges. A canvas stamps it from a cache
  // of small pre-drawn images (a blit per person instead of a dozen path operations).
  const letters = view.k * 9 >= MIN_LETTER_PX;
  const badges = !cull || 12 * view.k >= MIN_BADGE_PX;
  // People smaller than a few pixels on screen are dots in their stance colour (batched fills):
  // at that size outlines, rings and badges cannot be told apart, and they cost the most.
  const dots = cull ? visible.filter((v) => v.d.radius * view.k < MIN_DOT_PX) : [];
  if (dots.length > 0) {
    const byColour = new Map<string, Visible[]>();
    for (const v of dots) {
      const key = `${stanceOf(v.d.person.stance)}|${v.opacity}`;
      const list = byColour.get(key);
      if (list) list.push(v);
      else byColour.set(key, [v]);
    }
    for (const [key, items] of byColour) {
      const [stance, alpha] = key.split('|');
      const colour = stance === 'Unknown' ? NODE_OUTLINE : STANCE_STYLES[stance as Stance].color;
      inChunks(items.length, (start, end) =>
        surface.fill(
          slice(items, start, end, (sink, v) => traceShape(sink, v.d.shape, v.x, v.y, v.d.radius)),
          colour,
          Number(alpha)
        )
      );
    }
  }
  const detailed = dots.length > 0 ? visible.filter((v) => v.d.radius * view.k >= MIN_DOT_PX) : visible;
  const stamp = surface.stamp;
  if (stamp) {
    const pictures = detailed.map((v) => {
      const { d } = v;
      const radius = Math.round(d.radius);
      const badgeKinds = badges
        ? badgesOf(d)
            .map((b) => b.kind[0])
            .join('')
        : '';
      const key = `${d.shape}|${stanceOf(d.person.stance)}|${d.person.side === 'Our Company' ? 1 : 0}|${d.person.isVacant ? 1 : 0}|${d.person.isDecisionMaker ? 1 : 0}|${radius}|${badgeKinds}|${letters ? 1 : 0}`;
      return {
        key,
        reach: shapeExtent(d.shape, radius) + ringGap(d) + 10,
        draw: (s: Surface) => paintPerson(s, { ...d, radius }, 0, 0, 1, letters, badges),
      };
    });
    // Every picture is drawn into the cache before the first is copied out of it.
    pictures.forEach((p) => stamp.prepare(p.key, p.reach, p.draw));
    detailed.forEach((v, i) => stamp.draw(pictures[i].key, v.x, v.y, v.opacity));
  } else {
    for (const v of detailed) paintPerson(surface, v.d, v.x, v.y, v.opacity, letters, badges);
  }
  // Name labels: everyone when zoomed in, only the emphasised when zoomed out.
  const labels = group((v) => {
    const emphasised = states.emphasised(v.d);
    if (states.compact && !emphasised) return null;
    return `${emphasised ? 700 : 400}|${v.d.person.isVacant ? 1 : 0}|${v.opacity}`;
  });
  for (const [key, items] of labels) {
    const [weight, italic, alpha] = key.split('|');
    surface.text(
      items.map((v) => ({
        x: v.x,
        y: v.y + boundaryDistance(v.d.shape, v.d.radius + ringGap(v.d), 0, 1) + 14,
        text: displayName(v.d.person),
      })),
      {
        size: 11,
        weight: Number(weight),
        italic: italic === '1',
        color: LABEL_COLOR,
        alpha: Number(alpha),
        halo: true,
        centred: false,
      }
    );
  }
  const focused = visible.find((v) => v.d.id === states.focusedId);
  if (focused) {
    surface.stroke(
      (sink) => traceShape(sink, focused.d.shape, focused.x, focused.y, focused.d.radius + ringGap(focused.d) + 8),
      { color: FOCUS_COLOR, width: 2, alpha: 1 }
    );
  }
}

/** One person's picture centred on (x, y): decision makers' double ring, shape, letter, badges. */
function paintPerson(
  surface: Surface,
  d: DrawnNode,
  x: number,
  y: number,
  alpha: number,
  letters: boolean,
  badges: boolean
): void {
  if (d.person.isDecisionMaker) {
    surface.stroke(
      (sink) => {
        traceShape(sink, d.shape, x, y, d.radius + 3);
        traceShape(sink, d.shape, x, y, d.radius + 6);
      },
      { color: NODE_OUTLINE, width: 1.5, alpha }
    );
  }
  const stance = STANCE_STYLES[stanceOf(d.person.stance)];
  surface.fill((sink) => traceShape(sink, d.shape, x, y, d.radius), stance.color, alpha, {
    color: d.person.side === 'Our Company' ? OUR_COLOR : NODE_OUTLINE,
    width: 1.5,
    alpha,
    dash: d.person.isVacant ? [4, 3] : undefined,
  });
  if (letters) {
    surface.text([{ x, y, text: stance.letter }], {
      size: letterSize(d.radius),
      weight: 700,
      italic: false,
      color: stance.textColor,
      alpha,
      halo: false,
      centred: true,
    });
  }
  if (badges) for (const badge of badgesOf(d)) paintBadge(surface, badge.kind, x + badge.x, y + badge.y, alpha);
}

function paintBadge(surface: Surface, kind: 'primary' | 'coverage-gap' | 'stale', x: number, y: number, alpha: number) {
  if (kind === 'primary') {
    surface.fill((sink) => tracePath(sink, starPath(6.5), x, y), BADGE_COLORS.star, alpha, {
      color: NODE_OUTLINE,
      width: 1,
      alpha,
    });
  } else if (kind === 'coverage-gap') {
    surface.fill((sink) => tracePath(sink, trianglePath(6), x, y), BADGE_COLORS.gap, alpha, {
      color: BADGE_COLORS.white,
      width: 1,
      alpha,
    });
    surface.text([{ x, y: y + 3.5, text: '!' }], {
      size: 8,
      weight: 700,
      italic: false,
      color: BADGE_COLORS.white,
      alpha,
      halo: false,
      centred: false,
    });
  } else {
    surface.fill(
      (sink) => {
        sink.moveTo(x + 5.5, y);
        sink.arc(x, y, 5.5, 0, 2 * Math.PI);
        sink.closePath();
      },
      BADGE_COLORS.white,
      alpha,
      { color: NODE_OUTLINE, width: 1, alpha }
    );
    surface.stroke(
      (sink) => {
        sink.moveTo(x, y - 3.5);
        sink.lineTo(x, y);
        sink.lineTo(x + 2.8, y);
      },
      { color: NODE_OUTLINE, width: 1.2, alpha }
    );
  }
}

/** Badge outlines as points (one polygon each), parsed once from their SVG paths. */
const outlines = new Map<string, number[]>();

/** Traces a closed polygon given as an SVG path of M/L commands (the badge outlines), shifted by (x, y). */
function tracePath(sink: PathSink, d: string, x: number, y: number): void {
  let points = outlines.get(d);
  if (!points) {
    points = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    outlines.set(d, points);
  }
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (i === 0) sink.moveTo(x + points[i], y + points[i + 1]);
    else sink.lineTo(x + points[i], y + points[i + 1]);
  }
  sink.closePath();
}

/**
 * Pictures of people drawn at one scale (device pixels per map unit), reused across frames: all
 * in one atlas canvas, packed in rows (one canvas per picture would cost more to create than to
 * draw).
 */
export interface StampCache {
  scale: number;
  /** Paints at this scale so far: the pictures are made from the second on (see canvasSurface). */
  paints: number;
  atlas: HTMLCanvasElement | null;
  places: Map<string, { x: number; y: number; size: number }>;
  /** Where the next picture goes: the current row's top and left, and its height. */
  rowY: number;
  rowX: number;
  rowHeight: number;
}

export function newStampCache(): StampCache {
  return { scale: 0, paints: 0, atlas: null, places: new Map(), rowY: 0, rowX: 0, rowHeight: 0 };
}

/** Side of the atlas; pictures larger than MAX_STAMP_PX are drawn directly. */
const ATLAS_PX = 1024;
const MAX_STAMP_PX = 128;

/**
 * A 2D canvas as a surface; the caller has set the zoom transform. With `stamps`, people's
 * pictures are drawn once per scale and then copied, which is most of what makes a frame cheap.
 */
export function canvasSurface(
  context: CanvasRenderingContext2D,
  fontFamily: string,
  stamps: StampCache | null = null
): Surface {
  const ctx = context;
  const scale = stamps ? ctx.getTransform().a : 1;
  if (stamps && stamps.scale !== scale) {
    stamps.scale = scale;
    stamps.paints = 0;
    stamps.places.clear();
    stamps.rowX = 0;
    stamps.rowY = 0;
    stamps.rowHeight = 0;
    stamps.atlas?.getContext('2d')?.clearRect(0, 0, ATLAS_PX, ATLAS_PX);
  }
  /** Pictures too large for the atlas (or with no room left): drawn directly. */
  const unplaced = new Map<string, (surface: Surface) => void>();
  /** A place in the atlas for a picture of `size` px, with `draw` painted into it; null when full. */
  const place = (stampCache: StampCache, key: string, size: number, draw: (surface: Surface) => void) => {
    if (size > MAX_STAMP_PX) return null;
    if (!stampCache.atlas) {
      stampCache.atlas = document.createElement('canvas');
      stampCache.atlas.width = ATLAS_PX;
      stampCache.atlas.height = ATLAS_PX;
    }
    const atlasContext = stampCache.atlas.getContext('2d');
    if (!atlasContext) return null;
    if (stampCache.rowX + size > ATLAS_PX) {
      stampCache.rowY += stampCache.rowHeight;
      stampCache.rowX = 0;
      stampCache.rowHeight = 0;
    }
    if (stampCache.rowY + size > ATLAS_PX) return null;
    const spot = { x: stampCache.rowX, y: stampCache.rowY, size };
    stampCache.rowX += size;
    stampCache.rowHeight = Math.max(stampCache.rowHeight, size);
    atlasContext.save();
    atlasContext.beginPath();
    atlasContext.rect(spot.x, spot.y, size, size);
    atlasContext.clip();
    atlasContext.setTransform(scale, 0, 0, scale, spot.x + size / 2, spot.y + size / 2);
    draw(canvasSurface(atlasContext, fontFamily));
    atlasContext.restore();
    stampCache.places.set(key, spot);
    return spot;
  };
  const applyStroke = (style: StrokeStyle) => {
    ctx.strokeStyle = style.color;
    ctx.lineWidth = style.width;
    ctx.globalAlpha = style.alpha;
    ctx.lineCap = style.cap ?? 'butt';
    ctx.lineJoin = 'miter';
    ctx.setLineDash(style.dash ?? []);
  };
  return {
    stroke(trace, style) {
      ctx.beginPath();
      trace(ctx);
      applyStroke(style);
      ctx.stroke();
    },
    fill(trace, color, alpha, outline) {
      ctx.beginPath();
      trace(ctx);
      ctx.fillStyle = color;
      ctx.globalAlpha = alpha;
      ctx.fill();
      if (outline) {
        applyStroke(outline);
        ctx.stroke();
      }
    },
    text(items, style) {
      ctx.font = `${style.italic ? 'italic ' : ''}${style.weight} ${style.size}px ${fontFamily}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = style.centred ? 'middle' : 'alphabetic';
      ctx.globalAlpha = style.alpha;
      ctx.setLineDash([]);
      if (style.halo) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        for (const t of items) ctx.strokeText(t.text, t.x, t.y);
      }
      ctx.fillStyle = style.color;
      for (const t of items) ctx.fillText(t.text, t.x, t.y);
    },
    // A scale painted once may be a passing one (a zoom, the layout's last frame): people are
    // drawn directly, and their pictures made only when the scale is painted again.
    stamp:
      stamps && stamps.paints++ > 0
        ? {
            prepare(key, reach, draw) {
              if (stamps.places.has(key) || unplaced.has(key)) return;
              if (!place(stamps, key, Math.ceil(2 * reach * scale) + 2, draw)) unplaced.set(key, draw);
            },
            draw(key, x, y, alpha) {
              const spot = stamps.places.get(key);
              ctx.globalAlpha = alpha;
              if (spot && stamps.atlas) {
                const extent = spot.size / scale;
                ctx.drawImage(
                  stamps.atlas,
                  spot.x,
                  spot.y,
                  spot.size,
                  spot.size,
                  x - extent / 2,
                  y - extent / 2,
                  extent,
                  extent
                );
                return;
              }
              const draw = unplaced.get(key);
              if (!draw) return;
              ctx.save();
              ctx.translate(x, y);
              draw(canvasSurface(ctx, fontFamily));
              ctx.restore();
            },
          }
        : undefined,
  };
}

/** An SVG path string builder (the export's surface traces into it). */
class PathBuilder implements PathSink {
  parts: string[] = [];
  moveTo(x: number, y: number): void {
    this.parts.push(`M${round1(x)},${round1(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.parts.push(`L${round1(x)},${round1(y)}`);
  }
  arc(x: number, y: number, r: number): void {
    // Only full circles are traced (starting at angle 0): two half-circle arcs.
    const c = round1(r);
    this.parts.push(
      `M${round1(x + r)},${round1(y)}A${c},${c} 0 1,1 ${round1(x - r)},${round1(y)}A${c},${c} 0 1,1 ${round1(x + r)},${round1(y)}`
    );
  }
  closePath(): void {
    this.parts.push('Z');
  }
  toString(): string {
    return this.parts.join('');
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** SVG elements appended to `parent` as a surface (exports of canvas-drawn maps). Text is set as text. */
export function svgSurface(parent: SVGGElement): Surface {
  const doc = parent.ownerDocument;
  const element = (name: string, attributes: Record<string, string | number | null | undefined>) => {
    const el = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== null && value !== undefined) el.setAttribute(key, String(value));
    }
    parent.appendChild(el);
    return el;
  };
  const strokeAttributes = (style: StrokeStyle) => ({
    stroke: style.color,
    'stroke-width': style.width,
    'stroke-opacity': style.alpha < 1 ? style.alpha : null,
    'stroke-dasharray': style.dash && style.dash.length > 0 ? style.dash.join(' ') : null,
    'stroke-linecap': style.cap ?? null,
  });
  return {
    stroke(trace, style) {
      const path = new PathBuilder();
      trace(path);
      element('path', { d: path.toString(), fill: 'none', ...strokeAttributes(style) });
    },
    fill(trace, color, alpha, outline) {
      const path = new PathBuilder();
      trace(path);
      element('path', {
        d: path.toString(),
        fill: color,
        'fill-opacity': alpha < 1 ? alpha : null,
        ...(outline ? strokeAttributes(outline) : {}),
      });
    },
    text(items, style) {
      for (const t of items) {
        const text = element('text', {
          x: round1(t.x),
          y: round1(t.y),
          'text-anchor': 'middle',
          'dominant-baseline': style.centred ? 'central' : null,
          'font-size': style.size,
          'font-weight': style.weight,
          'font-style': style.italic ? 'italic' : null,
          fill: style.color,
          opacity: style.alpha < 1 ? style.alpha : null,
          stroke: style.halo ? '#ffffff' : null,
          'stroke-width': style.halo ? 3 : null,
          'stroke-linejoin': style.halo ? 'round' : null,
          'paint-order': style.halo ? 'stroke' : null,
        });
        text.textContent = t.text;
      }
    },
  };
}
