/**
 * Where painter.ts draws: a 2D canvas (with a cache of people's pictures, "stamps", reused across
 * frames), or SVG elements (the export of a canvas-drawn map). Text is always set as text.
 */
import { round1 } from './geometry';
import type { PathSink } from './geometry';

export interface StrokeStyle {
  color: string;
  width: number;
  alpha: number;
  dash?: readonly number[];
  cap?: 'round' | 'butt';
}

export interface TextItem {
  x: number;
  y: number;
  text: string;
}

export interface TextStyle {
  size: number;
  weight: number;
  italic: boolean;
  color: string;
  alpha: number;
  /** A white outline under the letters (labels over lines). */
  halo: boolean;
  /** Vertically centred on y (letters) or with the baseline on y (labels). */
  centred: boolean;
  /** Where x is along the text (default: its middle). */
  anchor?: 'start' | 'middle' | 'end';
  /** Width of the halo (default 3). */
  haloWidth?: number;
}

const CANVAS_ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

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
      ctx.textAlign = CANVAS_ALIGN[style.anchor ?? 'middle'];
      ctx.textBaseline = style.centred ? 'middle' : 'alphabetic';
      ctx.globalAlpha = style.alpha;
      ctx.setLineDash([]);
      if (style.halo) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = style.haloWidth ?? 3;
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
          'text-anchor': style.anchor ?? 'middle',
          'dominant-baseline': style.centred ? 'central' : null,
          'font-size': style.size,
          'font-weight': style.weight,
          'font-style': style.italic ? 'italic' : null,
          fill: style.color,
          opacity: style.alpha < 1 ? style.alpha : null,
          stroke: style.halo ? '#ffffff' : null,
          'stroke-width': style.halo ? (style.haloWidth ?? 3) : null,
          'stroke-linejoin': style.halo ? 'round' : null,
          'paint-order': style.halo ? 'stroke' : null,
        });
        text.textContent = t.text;
      }
    },
  };
}
