/**
 * Draws the whole map in one pass onto a surface (surfaces.ts): a 2D canvas for large maps, or SVG
 * elements when a large map is exported. Small maps are live SVG (svgRenderer.ts); both draw each
 * person from look.ts, so this is the same picture (shapes, colours, rings, badges, letters,
 * labels, arrows, dashes) for maps where thousands of SVG elements would make every frame of the
 * layout cost more than 50 ms.
 *
 * Speed comes from batching: every line of one style is one path, every shape of one fill and
 * outline is one path, so a frame is a few dozen draw calls, not one per element; people and
 * links outside the view are skipped; letters too small to read are left out.
 */
import { EVIDENCE_STYLE, LINK_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { LinkType } from 'c/relationshipGraph';
import { linkEnds, ringGap, shapeExtent, traceShape } from './geometry';
import type { DrawnLink, DrawnNode, PathSink } from './geometry';
import {
  lookOf,
  BADGE_MARKS,
  COMPACT_SCALE,
  EVIDENCE_OPACITY,
  LABEL,
  LINK_OPACITY,
  RINGS,
  badgesOf,
  displayName,
  dotColor,
  labelY,
} from './look';
import type { BadgeMark } from './look';
import { LABEL_MAX_WIDTH_PX, shownLabel } from './labels';
import type { LabelLayout } from './labels';
import type { StrokeStyle, Surface, TextItem, TextStyle } from './surfaces';

type TextAnchor = NonNullable<TextStyle['anchor']>;

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

/** Line segments (x1, y1, x2, y2 each) stroked in one style. */
interface LineBatch {
  style: StrokeStyle;
  segments: number[];
}

/** Calls `draw(start, end)` for consecutive slices of at most PATH_CHUNK of `count` items. */
function inChunks(count: number, draw: (start: number, end: number) => void): void {
  for (let start = 0; start < count; start += PATH_CHUNK) draw(start, Math.min(count, start + PATH_CHUNK));
}

export interface PaintLink extends DrawnLink {
  id: string;
  type: LinkType;
  width: number;
}

/** An activity-evidence line (scene.ts GraphEvidence): drawn in EVIDENCE_STYLE, never with an arrow. */
export interface PaintEvidence extends DrawnLink {
  id: string;
  width: number;
}

/** Opacity, emphasis and rings, as the component derives them from selection, hover, path and search. */
export interface PaintStates {
  nodeOpacity(d: DrawnNode): number;
  linkOpacity(l: PaintLink): number;
  highlighted(l: PaintLink): boolean;
  /** An evidence line's opacity (default EVIDENCE_OPACITY) and whether it is on the warm path. */
  evidenceOpacity?(e: PaintEvidence): number;
  evidenceHighlighted?(e: PaintEvidence): boolean;
  emphasised(d: DrawnNode): boolean;
  matches: ReadonlySet<string>;
  selectedId: string | null;
  /** The person under the pointer: their name shows even where there was no room for it. */
  hoverId: string | null;
  /** The person with keyboard focus (drawn with the focus ring), if any. */
  focusedId: string | null;
  /** Where names go and which are hidden (labels.ts); null: every name below its person. */
  labels: LabelLayout | null;
}

/** The zoom: a map point (x, y) is drawn at (tx + k·x, ty + k·y) in a width × height view. */
export interface PaintView {
  width: number;
  height: number;
  tx: number;
  ty: number;
  k: number;
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
 * Order, back to front: evidence lines, links, arrowheads, search halos, rings, shapes, letters,
 * badges, labels, the focus ring.
 */
export function paintMap(
  surface: Surface,
  nodes: readonly DrawnNode[],
  links: readonly PaintLink[],
  states: PaintStates,
  view: PaintView,
  cull: boolean,
  evidence: readonly PaintEvidence[] = []
): void {
  // An export keeps SVG's own dashes; the canvas draws them its faster way.
  const dashes = (dash: string, width: number, k: number): { dash: number[]; ink: number } => {
    if (cull) return canvasDash(dash, width, k);
    return { dash: dash ? dash.split(/[ ,]+/).map(Number) : [], ink: 1 };
  };
  /** A batch's line style: on the canvas, translucency is mixed into the colour (an opaque stroke
   * rasterises without an offscreen mask, and on the white background it looks the same). */
  const lineBatch = (color: string, dash: string, width: number, opacity: number): LineBatch => {
    const d = dashes(dash, width, view.k);
    return {
      style: cull
        ? { color: mixWithWhite(color, opacity * d.ink), width, alpha: 1, dash: d.dash, cap: 'butt' }
        : { color, width, alpha: opacity, dash: d.dash, cap: 'round' },
      segments: [],
    };
  };
  /** Strokes each batch's segments (x1, y1, x2, y2 each) in paths of PATH_CHUNK. */
  const strokeBatches = (batches: Map<string, LineBatch>): void => {
    for (const { style, segments } of batches.values()) {
      inChunks(segments.length / 4, (start, end) =>
        surface.stroke((sink) => {
          for (let i = start * 4; i < end * 4; i += 4) {
            sink.moveTo(segments[i], segments[i + 1]);
            sink.lineTo(segments[i + 2], segments[i + 3]);
          }
        }, style)
      );
    }
  };
  const margin = 60;
  const x0 = (-view.tx - margin) / view.k;
  const y0 = (-view.ty - margin) / view.k;
  const x1 = (view.width - view.tx + margin) / view.k;
  const y1 = (view.height - view.ty + margin) / view.k;
  const inView = (x: number, y: number, reach: number): boolean =>
    !cull || (x + reach >= x0 && x - reach <= x1 && y + reach >= y0 && y - reach <= y1);
  /** Whether a line between its two people lies wholly to one side of the view (culled). */
  const lineOutOfView = ({ source, target }: DrawnLink): boolean => {
    if (!cull) return false;
    const sx = source.x ?? 0;
    const sy = source.y ?? 0;
    const tx = target.x ?? 0;
    const ty = target.y ?? 0;
    return (sx < x0 && tx < x0) || (sx > x1 && tx > x1) || (sy < y0 && ty < y0) || (sy > y1 && ty > y1);
  };

  // Evidence lines, under the links: one path per width and opacity, dotted as EVIDENCE_STYLE says
  // (on the canvas, dots become short dashes with butt caps, as canvasDash draws every dash).
  const evidenceBatches = new Map<string, LineBatch>();
  for (const e of evidence) {
    if (lineOutOfView(e)) continue;
    const opacity = states.evidenceOpacity ? states.evidenceOpacity(e) : EVIDENCE_OPACITY;
    const width = states.evidenceHighlighted?.(e) ? e.width + 1.5 : e.width;
    const key = `${width}|${opacity}`;
    let batch = evidenceBatches.get(key);
    if (!batch)
      evidenceBatches.set(key, (batch = lineBatch(EVIDENCE_STYLE.color, EVIDENCE_STYLE.dash, width, opacity)));
    batch.segments.push(...linkEnds(e));
  }
  strokeBatches(evidenceBatches);

  // Links: one path per colour, width, dash and opacity.
  const lineBatches = new Map<string, LineBatch>();
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
    if (lineOutOfView(l)) continue;
    // Without an arrowhead to meet, a line may run centre to centre (the shapes cover its ends).
    const [ax, ay, bx, by] =
      arrows || l.offset !== 0 ? linkEnds(l) : [l.tail.x ?? 0, l.tail.y ?? 0, l.head.x ?? 0, l.head.y ?? 0];
    const style = LINK_STYLES[l.type];
    const opacity = states.linkOpacity(l);
    const width = states.highlighted(l) ? l.width + 2 : l.width;
    const key = keyOf(l.type, width, opacity);
    let batch = lineBatches.get(key);
    if (!batch) lineBatches.set(key, (batch = lineBatch(style.color, style.dash, width, opacity)));
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
  strokeBatches(lineBatches);
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

  // People in view, with what each needs (a name beside someone just outside may be in view).
  const labelReach = states.labels ? LABEL_MAX_WIDTH_PX / view.k : 0;
  const visible: { d: DrawnNode; x: number; y: number; opacity: number }[] = [];
  for (const d of nodes) {
    const x = d.x ?? 0;
    const y = d.y ?? 0;
    if (!inView(x, y, shapeExtent(d.shape, d.radius) + ringGap(d) + 100 + labelReach)) continue;
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
        slice(items, start, end, (sink, v) => traceShape(sink, v.d.shape, v.x, v.y, RINGS.searchHalo.radius(v.d))),
        RINGS.searchHalo.color,
        Number(key)
      )
    );
  }
  // The selection ring.
  for (const v of visible) {
    if (v.d.id !== states.selectedId) continue;
    surface.stroke((sink) => traceShape(sink, v.d.shape, v.x, v.y, RINGS.select.radius(v.d)), {
      color: RINGS.select.color,
      width: RINGS.select.width,
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
      const key = `${dotColor(v.d.person)}|${v.opacity}`;
      const list = byColour.get(key);
      if (list) list.push(v);
      else byColour.set(key, [v]);
    }
    for (const [key, items] of byColour) {
      const [colour, alpha] = key.split('|');
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
  // Names where the placement put them (hidden ones only for the person pointed at or focused);
  // without a placement, names below their people.
  const layout = states.labels;
  const labels = new Map<
    string,
    { items: TextItem[]; weight: number; italic: boolean; alpha: number; anchor: TextAnchor }
  >();
  for (const v of visible) {
    let item: TextItem;
    let anchor: TextAnchor = 'middle';
    if (layout) {
      const shown = shownLabel(layout, v.d.id, states.hoverId, states.focusedId);
      if (!shown) continue;
      item = { x: v.x + shown.label.dx, y: v.y + shown.label.dy, text: shown.text };
      anchor = shown.label.anchor;
    } else {
      // Not placed (yet): zoomed out, only the emphasised keep their names.
      if (view.k < COMPACT_SCALE && !states.emphasised(v.d)) continue;
      item = { x: v.x, y: v.y + labelY(v.d), text: displayName(v.d.person) };
    }
    const weight = states.emphasised(v.d) ? LABEL.emphasisedWeight : LABEL.weight;
    const italic = v.d.person.isVacant === true;
    const key = `${weight}|${italic ? 1 : 0}|${v.opacity}|${anchor}`;
    const batch = labels.get(key);
    if (batch) batch.items.push(item);
    else labels.set(key, { items: [item], weight, italic, alpha: v.opacity, anchor });
  }
  for (const { items, weight, italic, alpha, anchor } of labels.values()) {
    surface.text(items, {
      size: layout?.fontSize ?? LABEL.size,
      weight,
      italic,
      color: LABEL.color,
      alpha,
      halo: true,
      haloWidth: layout?.halo ?? LABEL.halo,
      centred: false,
      anchor,
    });
  }
  const focused = visible.find((v) => v.d.id === states.focusedId);
  if (focused) {
    surface.stroke((sink) => traceShape(sink, focused.d.shape, focused.x, focused.y, RINGS.focus.radius(focused.d)), {
      color: RINGS.focus.color,
      width: RINGS.focus.width,
      alpha: 1,
    });
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
  const look = lookOf(d);
  if (look.rings.length > 0) {
    surface.stroke(
      (sink) => {
        for (const r of look.rings) traceShape(sink, look.shape, x, y, r);
      },
      { color: RINGS.decisionMaker.color, width: RINGS.decisionMaker.width, alpha }
    );
  }
  surface.fill((sink) => traceShape(sink, look.shape, x, y, look.radius), look.fill, alpha, {
    color: look.outline,
    width: look.outlineWidth,
    alpha,
    dash: look.dash ?? undefined,
  });
  if (letters) {
    surface.text([{ x, y, text: look.letter }], {
      size: look.letterSize,
      weight: 700,
      italic: false,
      color: look.letterColor,
      alpha,
      halo: false,
      centred: true,
    });
  }
  if (badges) {
    for (const badge of look.badges) {
      for (const mark of BADGE_MARKS[badge.kind]) paintMark(surface, mark, x + badge.x, y + badge.y, alpha);
    }
  }
}

/** One mark of a badge centred on (x, y), as the SVG renderer draws it. */
function paintMark(surface: Surface, mark: BadgeMark, x: number, y: number, alpha: number): void {
  const outline = (o: { color: string; width: number }): StrokeStyle => ({ color: o.color, width: o.width, alpha });
  if (mark.type === 'fill') {
    surface.fill((sink) => tracePath(sink, mark.path, x, y), mark.color, alpha, outline(mark.outline));
  } else if (mark.type === 'circle') {
    surface.fill(
      (sink) => {
        sink.moveTo(x + mark.r, y);
        sink.arc(x, y, mark.r, 0, 2 * Math.PI);
        sink.closePath();
      },
      mark.color,
      alpha,
      outline(mark.outline)
    );
  } else if (mark.type === 'stroke') {
    surface.stroke((sink) => tracePath(sink, mark.path, x, y), { color: mark.color, width: mark.width, alpha });
  } else {
    surface.text([{ x, y: y + mark.y, text: mark.text }], {
      size: mark.size,
      weight: mark.weight,
      italic: false,
      color: mark.color,
      alpha,
      halo: false,
      centred: false,
    });
  }
}

/** Badge outlines as points, parsed once from their SVG paths. */
const outlines = new Map<string, number[]>();

/**
 * Traces a polygon given as an SVG path of M/L commands (the badge marks), shifted by (x, y);
 * closed when the path ends in Z.
 */
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
  if (d.trimEnd().endsWith('Z')) sink.closePath();
}
