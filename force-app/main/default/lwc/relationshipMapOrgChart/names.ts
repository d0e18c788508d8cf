/**
 * Names on the org chart keep their size on screen: 12 px up to zoom 1, then growing with the
 * zoom to 16 px (as on the graph), so at the fit zoom of a 50-person chart they stay readable.
 * Their size in chart units is that size over the zoom, never more than a stack's step allows
 * (zoomed out further than that, they shrink with the chart). A name longer than its room is
 * cut with an ellipsis; the person's title and accessible name keep it whole. Pure.
 */
import { displayName, ringGap, round2 } from 'c/relationshipMapLook';
import type { ChartNode } from './orgChartLayout';

const MIN_PX = 12;
const MAX_PX = 16;
/** The largest name in chart units: a line of it fits between two people of a stack. */
const MAX_FONT = 24;
/** Average advance of a character, in ems (a little wider when bold). */
const CHAR_EM = 0.52;
const ELLIPSIS = '…';
/**
 * The smallest zoom at which names are still MIN_PX on screen (below it they are MAX_FONT chart
 * units and shrink with the chart): the fit never zooms out further (./viewport).
 */
export const READABLE_SCALE = MIN_PX / MAX_FONT;

/** Name size and halo in chart units at zoom k. */
export interface NameStyle {
  font: number;
  halo: number;
}

export function nameStyle(k: number): NameStyle {
  const scale = k > 0 ? k : 1;
  const px = Math.min(MAX_PX, Math.max(MIN_PX, MIN_PX * scale));
  const font = Math.min(MAX_FONT, px / scale);
  return { font: round2(font), halo: round2(font / 4) };
}

/** Where a person's name goes, relative to their centre, and its text as drawn. */
export interface NamePlace {
  x: number;
  y: number;
  anchor: 'middle' | 'start';
  text: string;
}

export function namePlace(d: ChartNode, style: NameStyle): NamePlace {
  const reach = d.radius + ringGap(d);
  const text = cutName(displayName(d.person), d.nameRoom, style.font);
  if (d.nameSide === 'right') return { x: round2(reach + 6), y: round2(style.font * 0.35), anchor: 'start', text };
  return { x: 0, y: round2(nameBaseline(d, style)), anchor: 'middle', text };
}

/** The baseline of a name under a person. */
function nameBaseline(d: ChartNode, style: NameStyle): number {
  return d.radius + ringGap(d) + 4 + style.font * 0.9;
}

/** A manager's fold button: its centre below their name, its height and text size. */
export function toggleShape(d: ChartNode, style: NameStyle): { y: number; height: number; font: number } {
  const height = round2(style.font * 1.35);
  return { y: round2(nameBaseline(d, style) + style.font * 0.3 + height / 2 + 3), height, font: style.font };
}

/** `name` cut with an ellipsis to fit `room` (chart units) at `font`. */
export function cutName(name: string, room: number, font: number): string {
  const chars = Array.from(name);
  const fits = Math.max(1, Math.floor(room / (font * CHAR_EM)));
  if (chars.length <= fits) return name;
  return `${chars
    .slice(0, Math.max(1, fits - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}
