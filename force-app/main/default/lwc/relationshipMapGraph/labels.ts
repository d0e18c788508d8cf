/**
 * Where each person's name goes, so that no two names overlap: pure, deterministic, no DOM.
 *
 * Names are drawn at a size on screen (labelPx: 12 px up to zoom 1, growing with the zoom up to
 * 16 px), not in map units, so they stay legible however far out the map is zoomed. Each person
 * gets the first of several spots around their picture (below, above, right, left, then below and
 * above shifted sideways) where their name overlaps no name placed before it and no other
 * person's picture; people are placed in order of priority (labelPriority: the selected person
 * and anyone emphasised, the selected person's neighbours, decision makers, then by influence),
 * so when there is no room it is the least important names that are hidden. People who must keep
 * their name (`keep`) may, as a last resort, cover someone else's picture, never another name.
 * A name wider than LABEL_MAX_EM ems is cut with an ellipsis.
 *
 * Everything is computed in screen pixels relative to the map's origin (x·k, y·k): panning does
 * not change it, only the zoom. Overlap tests use a uniform grid, so a map of thousands places in
 * a few milliseconds.
 */

/** One person to label. Positions and reach in map units. */
export interface LabelInput {
  id: string;
  x: number;
  y: number;
  /** Half the size of the person's picture (shape, rings, badges) from its centre, in map units. */
  reach: number;
  /** The full name. */
  text: string;
  /** Drawn bold (emphasised): measured so. */
  bold: boolean;
  /** Higher is placed first. */
  priority: number;
  /** May cover other people's pictures when nothing else fits (never another name). */
  keep: boolean;
}

export interface LabelOptions {
  /** The zoom (screen px per map unit). */
  scale: number;
  /** Width in screen px of `text` drawn at `fontPx` (bold or not). */
  measure: (text: string, fontPx: number, bold: boolean) => number;
  /** Names wider than this many ems are cut with an ellipsis (default LABEL_MAX_EM). */
  maxEm?: number;
}

export type LabelSide =
  'below' | 'above' | 'right' | 'left' | 'below-right' | 'below-left' | 'above-right' | 'above-left';

/** A box in screen px relative to the map's origin scaled by the zoom. */
export interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel {
  /** What is drawn: the name, or its start and an ellipsis. */
  text: string;
  /** The full name (shown on hover and focus). */
  full: string;
  truncated: boolean;
  /** Whether there was no room: drawn only on hover and focus, at its first spot. */
  hidden: boolean;
  side: LabelSide;
  anchor: 'start' | 'middle' | 'end';
  /** The baseline's anchor point relative to the person's centre, in map units. */
  dx: number;
  dy: number;
  /** The box the name takes on screen (px, relative to the scaled origin), halo included. */
  box: LabelBox;
}

export interface LabelLayout {
  /** The zoom this was placed for. */
  scale: number;
  /** Font size in screen px, and in map units (what the renderers set). */
  fontPx: number;
  fontSize: number;
  /** Width of the white halo under the letters, in map units. */
  halo: number;
  byId: Map<string, PlacedLabel>;
}

/** Smallest and largest name size on screen, px. */
export const LABEL_MIN_PX = 12;
export const LABEL_MAX_PX = 16;
/** Names are cut to this many ems (about 30 characters): 192 px at 12 px. */
export const LABEL_MAX_EM = 16;
/** The widest a name is drawn on screen, px (at the largest name size). */
export const LABEL_MAX_WIDTH_PX = LABEL_MAX_EM * LABEL_MAX_PX;
/** Space between a picture and its name, px. */
const GAP_PX = 3;
/** Room kept around a name's letters (its white halo), px. */
const PAD_PX = 1.5;
/** A name's ascent and descent as shares of the font size (Salesforce Sans, Arial, DejaVu Sans). */
const ASCENT = 0.93;
const DESCENT = 0.24;
const HALO_PX = 3;
const ELLIPSIS = '…';

/** Name size on screen at zoom k: 12 px up to zoom 1, then with the zoom, up to 16 px. */
export function labelPx(k: number): number {
  return Math.min(LABEL_MAX_PX, Math.max(LABEL_MIN_PX, LABEL_MIN_PX * k));
}

/** A width estimate where nothing can measure text (tests, Node): about half an em a character. */
export function estimateWidth(text: string, fontPx: number, bold: boolean): number {
  return text.length * fontPx * (bold ? 0.58 : 0.52);
}

/**
 * The zoom that fits a box of people (map units) in a width × height view with their names:
 * names keep their size on screen, so the box must fit inside the view less room for names (px)
 * on each side — half the widest name (`widestEm` ems) left and right, a line above and below —
 * at the name size of the zoom found (two rounds settle it). Never beyond maxScale.
 */
export function fitScale(
  box: LabelBox,
  width: number,
  height: number,
  widestEm: number,
  padding: number,
  maxScale: number,
  minScale: number
): number {
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const boxHeight = Math.max(1, box.y1 - box.y0);
  let k = 1;
  for (let round = 0; round < 2; round++) {
    const px = labelPx(k);
    const marginX = Math.min(width / 4, padding + (Math.min(widestEm, LABEL_MAX_EM) * px) / 2);
    const marginY = Math.min(height / 4, padding + px * 1.2);
    k = Math.max(minScale, Math.min(maxScale, (width - 2 * marginX) / boxWidth, (height - 2 * marginY) / boxHeight));
  }
  return k;
}

/**
 * The priority of a person's name: 4 selected or emphasised (hover, search match, warm path),
 * 3 a neighbour of the selected person, 2 a decision maker, else 1; influence (0..1) orders
 * within a tier.
 */
export function labelPriority(
  tier: { emphasised: boolean; neighbour: boolean; decisionMaker: boolean },
  influence: number
): number {
  const base = tier.emphasised ? 4 : tier.neighbour ? 3 : tier.decisionMaker ? 2 : 1;
  return base + Math.max(0, Math.min(0.999, influence));
}

/**
 * `text` cut so that it and an ellipsis fit `maxWidth` (px), or `text` when it fits. Cuts at a
 * character, trims the space before the ellipsis.
 */
export function truncate(
  text: string,
  maxWidth: number,
  width: (text: string) => number
): { text: string; truncated: boolean } {
  if (width(text) <= maxWidth) return { text, truncated: false };
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length - 1;
  // The longest prefix whose cut text fits.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (width(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return { text: chars.slice(0, low).join('').trimEnd() + ELLIPSIS, truncated: true };
}

/** The boxes a uniform grid has seen, found by the cells they cover. */
class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly boxes: number[] = [];
  private readonly owners: number[] = [];

  constructor(private readonly cell: number) {}

  private key(cx: number, cy: number): number {
    // A small integer (fast as a Map key); cells 32,768 apart share a key, which costs a few more
    // boxes to test, never a wrong answer (every box found is tested for overlap).
    return (cx & 0x7fff) * 32768 + (cy & 0x7fff);
  }

  add(box: LabelBox, owner: number): void {
    const index = this.owners.length;
    this.boxes.push(box.x0, box.y0, box.x1, box.y1);
    this.owners.push(owner);
    const c = this.cell;
    for (let cx = Math.floor(box.x0 / c); cx <= Math.floor(box.x1 / c); cx++) {
      for (let cy = Math.floor(box.y0 / c); cy <= Math.floor(box.y1 / c); cy++) {
        const key = this.key(cx, cy);
        const list = this.cells.get(key);
        if (list) list.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }

  /** Whether `box` overlaps a box of another owner than `owner`. */
  hits(box: LabelBox, owner: number): boolean {
    return this.search(box, owner, true) > 0;
  }

  /** How many boxes of other owners `box` overlaps. */
  count(box: LabelBox, owner: number): number {
    return this.search(box, owner, false);
  }

  private search(box: LabelBox, owner: number, first: boolean): number {
    const c = this.cell;
    const boxes = this.boxes;
    let found = 0;
    const seen = first ? null : new Set<number>();
    for (let cx = Math.floor(box.x0 / c); cx <= Math.floor(box.x1 / c); cx++) {
      for (let cy = Math.floor(box.y0 / c); cy <= Math.floor(box.y1 / c); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (this.owners[i] === owner || seen?.has(i)) continue;
          const j = i * 4;
          if (box.x0 < boxes[j + 2] && boxes[j] < box.x1 && box.y0 < boxes[j + 3] && boxes[j + 1] < box.y1) {
            if (first) return 1;
            seen?.add(i);
            found++;
          }
        }
      }
    }
    return found;
  }
}

/** The spots tried, in order. */
export const LABEL_SIDES: readonly LabelSide[] = [
  'below',
  'above',
  'right',
  'left',
  'below-right',
  'below-left',
  'above-right',
  'above-left',
];

/**
 * The box (px, relative to the person's centre) and baseline anchor of a name `width` px wide on
 * `side` of a picture reaching `reach` px from its centre.
 */
export function spotOf(
  side: LabelSide,
  reach: number,
  width: number,
  fontPx: number
): { box: LabelBox; anchor: PlacedLabel['anchor']; bx: number; by: number } {
  const height = (ASCENT + DESCENT) * fontPx;
  const out = reach + GAP_PX;
  let x0: number;
  let y0: number;
  if (side === 'right' || side === 'left') {
    y0 = -height / 2;
    x0 = side === 'right' ? out : -out - width;
  } else {
    y0 = side.startsWith('below') ? out : -out - height;
    // Centred, or shifted to start at the picture's left edge (…-right) or end at its right one.
    x0 = side === 'below' || side === 'above' ? -width / 2 : side.endsWith('right') ? -reach : reach - width;
  }
  const anchor =
    side === 'right' || side.endsWith('-right')
      ? 'start'
      : side === 'left' || side.endsWith('-left')
        ? 'end'
        : 'middle';
  const bx = anchor === 'start' ? x0 : anchor === 'end' ? x0 + width : x0 + width / 2;
  const by = y0 + ASCENT * fontPx;
  return {
    box: { x0: x0 - PAD_PX, y0: y0 - PAD_PX, x1: x0 + width + PAD_PX, y1: y0 + height + PAD_PX },
    anchor,
    bx,
    by,
  };
}

/** Places every name at `options.scale`; see the module's comment. */
export function placeLabels(items: readonly LabelInput[], options: LabelOptions): LabelLayout {
  const k = options.scale > 0 ? options.scale : 1;
  const fontPx = labelPx(k);
  const maxWidth = (options.maxEm ?? LABEL_MAX_EM) * fontPx;
  const byId = new Map<string, PlacedLabel>();
  const layout: LabelLayout = { scale: k, fontPx, fontSize: fontPx / k, halo: HALO_PX / k, byId };
  const n = items.length;
  if (n === 0) return layout;

  // Highest priority first; ties by id, so the result never depends on the input's order.
  const order = items.map((_, i) => i);
  order.sort(
    (a, b) =>
      items[b].priority - items[a].priority || (items[a].id < items[b].id ? -1 : items[a].id > items[b].id ? 1 : 0)
  );

  const centres = new Float64Array(2 * n);
  const reaches = new Float64Array(n);
  let reachSum = 0;
  items.forEach((item, i) => {
    centres[2 * i] = item.x * k;
    centres[2 * i + 1] = item.y * k;
    reaches[i] = Math.max(0, item.reach * k);
    reachSum += reaches[i];
  });
  // Names in cells about a name's size; pictures (small when zoomed out, and many) in cells about
  // their own, so that a test looks at few of them.
  const names = new BoxGrid(Math.max(32, fontPx * 5));
  const pictures = new BoxGrid(Math.min(64, Math.max(8, (4 * reachSum) / n)));
  for (let i = 0; i < n; i++) {
    const r = reaches[i];
    const cx = centres[2 * i];
    const cy = centres[2 * i + 1];
    pictures.add({ x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r }, i);
  }

  const shifted = (box: LabelBox, cx: number, cy: number): LabelBox => ({
    x0: box.x0 + cx,
    y0: box.y0 + cy,
    x1: box.x1 + cx,
    y1: box.y1 + cy,
  });

  for (const i of order) {
    const item = items[i];
    const widthOf = (text: string): number => options.measure(text, fontPx, item.bold);
    const cut = truncate(item.text, maxWidth, widthOf);
    const width = widthOf(cut.text);
    const cx = centres[2 * i];
    const cy = centres[2 * i + 1];
    // The first spot clear of names and pictures; for those who keep their name, else the first
    // clear of names. Spots are tried one at a time: most people take the first.
    let chosen = -1;
    const passes = item.keep ? 2 : 1;
    for (let pass = 0; pass < passes && chosen < 0; pass++) {
      for (let side = 0; side < LABEL_SIDES.length; side++) {
        const box = shifted(spotOf(LABEL_SIDES[side], reaches[i], width, fontPx).box, cx, cy);
        if (!names.hits(box, i) && (pass === 1 || !pictures.hits(box, i))) {
          chosen = side;
          break;
        }
      }
    }
    const side = LABEL_SIDES[Math.max(0, chosen)];
    const spot = { side, ...spotOf(side, reaches[i], width, fontPx) };
    const box = shifted(spot.box, cx, cy);
    if (chosen >= 0) names.add(box, i);
    byId.set(item.id, {
      text: cut.text,
      full: item.text,
      truncated: cut.truncated,
      hidden: chosen < 0,
      side: spot.side,
      anchor: spot.anchor,
      dx: spot.bx / k,
      dy: spot.by / k,
      box,
    });
  }
  return layout;
}

/** Pairs of shown names whose boxes overlap (0 for any placement made here). */
export function labelOverlaps(layout: LabelLayout): number {
  const shown = [...layout.byId.values()].filter((l) => !l.hidden).map((l) => l.box);
  return countOverlaps(shown);
}

/** Pairs of boxes that overlap (a grid keeps this near-linear). */
export function countOverlaps(boxes: readonly LabelBox[]): number {
  const grid = new BoxGrid(64);
  let overlaps = 0;
  boxes.forEach((box, i) => {
    // Each box is tested against those added before it: every pair once.
    overlaps += grid.count(box, i);
    grid.add(box, i);
  });
  return overlaps;
}

/**
 * The name to draw for a person, or null: a placed name as placed; a hidden one only for the
 * person under the pointer or with keyboard focus, who also see a cut name in full.
 */
export function shownLabel(
  layout: LabelLayout | null,
  id: string,
  hoverId: string | null,
  focusedId: string | null
): { text: string; label: PlacedLabel } | null {
  const label = layout?.byId.get(id);
  if (!label) return null;
  const pointed = id === hoverId || id === focusedId;
  if (label.hidden && !pointed) return null;
  return { text: pointed ? label.full : label.text, label };
}
