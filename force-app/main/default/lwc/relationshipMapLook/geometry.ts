/**
 * Pure geometry of the relationship map graph: node shapes and their outlines, stance letters as
 * strokes, badge outlines, link end points, the zoom that fits a box. No DOM, no D3, no colours
 * (a person's look is look.ts).
 */
import type { MapPerson } from 'c/relationshipGraph';

export type NodeShape = 'circle' | 'square' | 'diamond';

/** Rounds to two decimals: short path strings, and the precision of Layout_X__c/Layout_Y__c. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Half the side of a square with the area of a circle of radius r (√π/2 ≈ 0.886): shapes of
 * one influence look equally heavy whatever the side.
 */
const SQUARE_HALF = Math.sqrt(Math.PI) / 2;
/** Half the diagonal of a diamond (a square on its corner) with the area of that circle. */
const DIAMOND_HALF = Math.sqrt(Math.PI / 2);

/** SVG path of a node shape centred on (0, 0) for a circle-equivalent radius r. */
export function shapePath(shape: NodeShape, r: number): string {
  if (shape === 'square') {
    const h = round2(r * SQUARE_HALF);
    return `M${-h},${-h}H${h}V${h}H${-h}Z`;
  }
  if (shape === 'diamond') {
    const h = round2(r * DIAMOND_HALF);
    return `M0,${-h}L${h},0L0,${h}L${-h},0Z`;
  }
  const c = round2(r);
  return `M${c},0A${c},${c} 0 1,1 ${-c},0A${c},${c} 0 1,1 ${c},0Z`;
}

/**
 * Distance from the centre of a shape to its outline along the direction (dx, dy): where a
 * link's arrow has to stop so that its tip touches the outline.
 */
export function boundaryDistance(shape: NodeShape, r: number, dx: number, dy: number): number {
  const length = Math.hypot(dx, dy);
  if (length === 0) return r;
  const cos = Math.abs(dx / length);
  const sin = Math.abs(dy / length);
  if (shape === 'square') return (r * SQUARE_HALF) / Math.max(cos, sin);
  if (shape === 'diamond') return (r * DIAMOND_HALF) / (cos + sin);
  return r;
}

/** Farthest extent of a shape from its centre (for bounding boxes and rings). */
export function shapeExtent(shape: NodeShape, r: number): number {
  if (shape === 'square') return r * SQUARE_HALF * Math.SQRT2;
  if (shape === 'diamond') return r * DIAMOND_HALF;
  return r;
}

/**
 * The stance letters as strokes in a box one unit high, centred on (0, 0). Drawn as paths, not
 * text: a letter inside a node is visible text that is not part of the node's accessible name
 * (the name says the stance in words), which WCAG 2.5.3 (label in name) forbids.
 */
const LETTER_STROKES: Readonly<Record<string, string>> = {
  C: 'M0.25,-0.24C0.16,-0.36 -0.25,-0.4 -0.25,0C-0.25,0.4 0.16,0.36 0.25,0.24',
  S: 'M0.22,-0.26C0.14,-0.38 -0.24,-0.4 -0.23,-0.17C-0.22,0.02 0.23,-0.04 0.23,0.17C0.23,0.4 -0.16,0.4 -0.24,0.25',
  N: 'M-0.22,0.36L-0.22,-0.36L0.22,0.36L0.22,-0.36',
  K: 'M-0.22,-0.36L-0.22,0.36M0.24,-0.36L-0.22,0.08M-0.06,-0.07L0.25,0.36',
  O: 'M0,-0.36C-0.34,-0.36 -0.34,0.36 0,0.36C0.34,0.36 0.34,-0.36 0,-0.36Z',
  '?': 'M-0.2,-0.2C-0.2,-0.42 0.22,-0.42 0.22,-0.18C0.22,0 0,0 0,0.14M0,0.33L0,0.34',
};

/** The letter's em size in a node of radius r (its strokes are 0.72 em high, a capital's height). */
export function letterSize(r: number): number {
  return Math.max(9, Math.round(r * 0.9));
}

/** Stroke width of a letter drawn `size` high: about a bold font's. */
export const LETTER_WEIGHT = 0.14;

/**
 * SVG path of a stance letter `size` high centred on (0, 0), to be stroked (LETTER_WEIGHT × size
 * wide, round caps); a letter without strokes of its own draws as "?".
 */
export function letterPath(letter: string, size: number): string {
  const strokes = LETTER_STROKES[letter] ?? LETTER_STROKES['?'];
  return strokes.replace(/-?\d*\.?\d+/g, (n) => String(round2(Number(n) * size)));
}

/** A five-pointed star centred on (0, 0) with outer radius `outer` (the primary-contact badge). */
export function starPath(outer: number): string {
  const inner = outer * 0.45;
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${round2(radius * Math.cos(angle))},${round2(radius * Math.sin(angle))}`);
  }
  return `M${points.join('L')}Z`;
}

/** A warning triangle centred on (0, 0) (the coverage-gap badge). */
export function trianglePath(size: number): string {
  const h = round2(size);
  return `M0,${-h}L${round2(h * 1.1)},${round2(h * 0.8)}L${round2(-h * 1.1)},${round2(h * 0.8)}Z`;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The zoom that shows a box inside a viewport with padding, centred; never zoomed in beyond
 * `maxScale` (a small map stays readable rather than huge).
 */
export function fitTransform(
  box: Box,
  width: number,
  height: number,
  padding: number,
  maxScale: number,
  minScale: number
): { x: number; y: number; k: number } {
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const boxHeight = Math.max(1, box.y1 - box.y0);
  const k = Math.max(
    minScale,
    Math.min(maxScale, (width - 2 * padding) / boxWidth, (height - 2 * padding) / boxHeight)
  );
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  return { x: width / 2 - k * cx, y: height / 2 - k * cy, k };
}

/** What drawing a person needs (the component's graph nodes have all of it). */
export interface DrawnNode {
  id: string;
  x?: number;
  y?: number;
  radius: number;
  shape: NodeShape;
  person: MapPerson;
  flags: readonly string[];
}

/** What drawing a link needs. */
export interface DrawnLink {
  source: DrawnNode;
  target: DrawnNode;
  /** Where the line starts and where it ends (the arrow's tip, when it has one). */
  tail: DrawnNode;
  head: DrawnNode;
  /** Sideways offset so that two links between the same people do not overlap. */
  offset: number;
  arrow: boolean;
}

/** Extra reach of a node's rings beyond its shape (decision makers have a double ring). */
export function ringGap(d: DrawnNode): number {
  return d.person.isDecisionMaker ? 6 : 0;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The straight line from one person's centre to another's: its ends, direction and length (never 0). */
export function segment(
  tail: DrawnNode,
  head: DrawnNode
): { x1: number; y1: number; x2: number; y2: number; dx: number; dy: number; length: number } {
  const x1 = tail.x ?? 0;
  const y1 = tail.y ?? 0;
  const x2 = head.x ?? 0;
  const y2 = head.y ?? 0;
  return { x1, y1, x2, y2, dx: x2 - x1, dy: y2 - y1, length: Math.hypot(x2 - x1, y2 - y1) || 1 };
}

/**
 * How far short of the head's centre a line arriving along (dx, dy) stops so that its arrowhead
 * touches the head's outline (rings included); never more than half of `length`.
 */
export function arrowStop(head: DrawnNode, dx: number, dy: number, length: number): number {
  return Math.min(length / 2, boundaryDistance(head.shape, head.radius + ringGap(head), dx, dy) + 2);
}

/**
 * How far to pan so that a point on screen (sx, sy) is inside a width × height view, at least
 * `margin` (at most 80 px, a quarter of the view) from its edges; [0, 0] when it already is.
 */
export function panIntoView(sx: number, sy: number, width: number, height: number): [number, number] {
  const margin = Math.min(80, width / 4, height / 4);
  const dx = sx < margin ? margin - sx : sx > width - margin ? width - margin - sx : 0;
  const dy = sy < margin ? margin - sy : sy > height - margin ? height - margin - sy : 0;
  return [dx, dy];
}

/**
 * The line of a link: from tail to head, shifted sideways when two links join the same people,
 * and stopped at the head's outline (rings included) when it ends in an arrow.
 */
export function linkEnds(l: DrawnLink): [number, number, number, number] {
  const tail = l.tail;
  const head = l.head;
  const line = segment(tail, head);
  let { x1, y1, x2, y2 } = line;
  const { dx, dy, length } = line;
  if (l.offset !== 0) {
    // Perpendicular to the pair in a fixed orientation, so opposite links don't swap sides.
    const sign = l.source.id < l.target.id === (tail === l.source) ? 1 : -1;
    const ox = (-dy / length) * l.offset * sign;
    const oy = (dx / length) * l.offset * sign;
    x1 += ox;
    y1 += oy;
    x2 += ox;
    y2 += oy;
  }
  if (l.arrow) {
    const stop = arrowStop(head, dx, dy, length);
    x2 -= (dx / length) * stop;
    y2 -= (dy / length) * stop;
  }
  return [round1(x1), round1(y1), round1(x2), round1(y2)];
}

/** Receives an outline: a canvas context, a Path2D, or an SVG path builder. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  closePath(): void;
}

/** Traces a node shape centred on (cx, cy) with circle-equivalent radius r, as shapePath draws it. */
export function traceShape(sink: PathSink, shape: NodeShape, cx: number, cy: number, r: number): void {
  if (shape === 'square') {
    const h = r * SQUARE_HALF;
    sink.moveTo(cx - h, cy - h);
    sink.lineTo(cx + h, cy - h);
    sink.lineTo(cx + h, cy + h);
    sink.lineTo(cx - h, cy + h);
    sink.closePath();
  } else if (shape === 'diamond') {
    const h = r * DIAMOND_HALF;
    sink.moveTo(cx, cy - h);
    sink.lineTo(cx + h, cy);
    sink.lineTo(cx, cy + h);
    sink.lineTo(cx - h, cy);
    sink.closePath();
  } else {
    sink.moveTo(cx + r, cy);
    sink.arc(cx, cy, r, 0, 2 * Math.PI);
    sink.closePath();
  }
}
