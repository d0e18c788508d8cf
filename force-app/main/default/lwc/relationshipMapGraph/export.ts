/**
 * Export: a standalone SVG document for handing the map over, and that document drawn on a canvas
 * as a PNG. The document has three bands: a title block (map name; account and date; an optional
 * note such as the filters shown), the current view (a copy of the map's SVG, which the renderer
 * fills with the picture; presentation attributes only, no ARIA, events or classes), and the
 * legend, drawn from the same definitions as the screen (c/relationshipMapTheme for stance and
 * link colours, c/relationshipMapLook for shapes, rings, badges and letters) with the texts of
 * c/relationshipMapLegend.
 */
import { EVIDENCE_STYLE, LINK_STYLES, OUR_COLOR, STANCE_STYLES } from 'c/relationshipMapTheme';
import type { LinkType, Stance } from 'c/relationshipGraph';
import {
  BADGE_COLORS,
  BADGE_MARKS,
  LETTER_WEIGHT,
  NODE_OUTLINE,
  OUTLINE_WIDTH,
  VACANT_DASH,
  letterPath,
  letterSize,
  shapePath,
  starPath,
  trianglePath,
} from 'c/relationshipMapLook';
import type { NodeShape } from 'c/relationshipMapLook';
import { xmlSafe } from 'c/relationshipMapExportFormat';
import type { Renderer } from './renderer';

/** What the title block says: the account, the map and the day (default today). */
export interface ExportHeading {
  accountName?: string | null;
  mapName?: string | null;
  date?: Date | null;
  /** One more line, e.g. which filters the picture shows. */
  note?: string | null;
}

/** Attributes an exported SVG keeps: geometry and presentation only (no ARIA, events, classes). */
const EXPORT_ATTRIBUTES = new Set([
  'id',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'width',
  'height',
  'transform',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'paint-order',
  'text-anchor',
  'dominant-baseline',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
  'marker-start',
  'marker-end',
  'viewBox',
  'refX',
  'refY',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'orient',
]);

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Salesforce Sans, Arial, sans-serif';
const TEXT_COLOR = '#181818';
const MUTED_COLOR = '#444444';
const RULE_COLOR = '#C9C9C9';
const MARGIN = 16;
/** Narrowest document: the title block and legend stay whole when the view is narrow (a phone). */
const MIN_WIDTH = 640;
const LEGEND = { size: 11, heading: 11, row: 20, icon: 20, gap: 8, columnGap: 28 } as const;

/** The legend's entries, as c/relationshipMapLegend words them (a Jest test keeps the two the same). */
export const LEGEND_SHAPES: readonly { key: string; text: string }[] = [
  { key: 'customer', text: "Circle: the customer's people" },
  { key: 'ours', text: 'Square: our own people' },
  { key: 'partner', text: 'Diamond: partners' },
  { key: 'decision-maker', text: 'Double ring: decision maker' },
  { key: 'primary', text: 'Star: primary contact' },
  { key: 'vacant', text: 'Dashed outline: vacant seat (the person left)' },
  { key: 'coverage-gap', text: 'Red triangle: coverage gap (a key person we do not reach well)' },
  { key: 'stale', text: 'Clock: stale (no interaction or stance review for a while)' },
];
export const LEGEND_NOTE = 'Thicker lines are stronger links. Bigger people sway the decision more.';
export const LEGEND_HEADINGS = { stance: 'Stance (fill and letter)', shape: 'Shape (side)', links: 'Links' } as const;

/** A rough width of a text in the export's sans-serif font (no layout engine needed). */
function textWidth(text: string, size: number, bold = false): number {
  return text.length * size * (bold ? 0.6 : 0.52);
}

/** The text cut with an ellipsis to fit `width` (by the same rough measure). */
function fitText(text: string, size: number, width: number, bold = false): string {
  if (textWidth(text, size, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (size * (bold ? 0.6 : 0.52))) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

/** The day as the browser's locale writes it in full ("7 December 2026", "December 7, 2026"). */
export function exportDate(date: Date): string {
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

type Attributes = Record<string, string | number>;

/** Builds SVG elements in a document. */
function maker(doc: Document) {
  return (name: string, attributes: Attributes = {}, text?: string): SVGElement => {
    const element: SVGElement = doc.createElementNS(SVG_NS, name as 'g');
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = xmlSafe(text);
    return element;
  };
}
type Make = ReturnType<typeof maker>;

/** The title block: map name, then account and date, then the note. Returns its height. */
function titleBlock(make: Make, heading: ExportHeading, width: number): { group: SVGElement; height: number } {
  const group = make('g', { id: 'rm-export-title' });
  const mapName = heading.mapName?.trim() || 'Relationship map';
  const account = heading.accountName?.trim();
  const line2 = [account, `Relationship map, ${exportDate(heading.date ?? new Date())}`].filter(Boolean).join(' · ');
  const inner = width - 2 * MARGIN;
  let y = MARGIN + 18;
  group.appendChild(
    make(
      'text',
      { x: MARGIN, y, 'font-size': 18, 'font-weight': 700, fill: TEXT_COLOR, 'data-part': 'map-name' },
      fitText(mapName, 18, inner, true)
    )
  );
  y += 20;
  group.appendChild(
    make(
      'text',
      { x: MARGIN, y, 'font-size': 13, fill: MUTED_COLOR, 'data-part': 'account-date' },
      fitText(line2, 13, inner)
    )
  );
  const note = heading.note?.trim();
  if (note) {
    y += 17;
    group.appendChild(
      make(
        'text',
        { x: MARGIN, y, 'font-size': 12, 'font-style': 'italic', fill: MUTED_COLOR, 'data-part': 'note' },
        fitText(note, 12, inner)
      )
    );
  }
  return { group, height: y + 12 };
}

/** One legend row: an icon drawn in a 20 × 20 box, then its words (a bold name and a description). */
function legendRow(make: Make, icon: SVGElement, y: number, name: string, description?: string): SVGElement {
  const row = make('g', { transform: `translate(0,${y})` });
  icon.setAttribute('transform', `translate(${LEGEND.icon / 2},0)`);
  row.appendChild(icon);
  const text = make('text', { x: LEGEND.icon + LEGEND.gap, y: 4, 'font-size': LEGEND.size, fill: TEXT_COLOR });
  if (description === undefined) {
    text.textContent = xmlSafe(name);
  } else {
    text.appendChild(make('tspan', { 'font-weight': 700 }, name));
    text.appendChild(make('tspan', {}, `: ${description}`));
  }
  row.appendChild(text);
  return row;
}

function shapeIcon(make: Make, shape: NodeShape, attributes: Attributes = {}): SVGElement {
  return make('path', {
    d: shapePath(shape, 7),
    fill: '#ffffff',
    stroke: NODE_OUTLINE,
    'stroke-width': OUTLINE_WIDTH,
    ...attributes,
  });
}

function stanceIcon(make: Make, stance: Stance): SVGElement {
  const style = STANCE_STYLES[stance];
  const icon = make('g');
  icon.appendChild(shapeIcon(make, 'circle', { fill: style.color }));
  const size = letterSize(7);
  icon.appendChild(
    make('path', {
      d: letterPath(style.letter, size),
      fill: 'none',
      stroke: style.textColor,
      'stroke-width': Math.round(LETTER_WEIGHT * size * 10) / 10,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
    })
  );
  return icon;
}

function markIcon(make: Make, key: string): SVGElement {
  const icon = make('g');
  if (key === 'customer') icon.appendChild(shapeIcon(make, 'circle'));
  else if (key === 'ours') icon.appendChild(shapeIcon(make, 'square', { stroke: OUR_COLOR, 'stroke-width': 2 }));
  else if (key === 'partner') icon.appendChild(shapeIcon(make, 'diamond'));
  else if (key === 'decision-maker') {
    icon.appendChild(shapeIcon(make, 'circle', { d: shapePath('circle', 4) }));
    for (const r of [6, 8.5]) {
      icon.appendChild(
        make('path', { d: shapePath('circle', r), fill: 'none', stroke: NODE_OUTLINE, 'stroke-width': 1.2 })
      );
    }
  } else if (key === 'primary') {
    icon.appendChild(
      make('path', { d: starPath(8), fill: BADGE_COLORS.star, stroke: NODE_OUTLINE, 'stroke-width': 1 })
    );
  } else if (key === 'vacant') {
    icon.appendChild(shapeIcon(make, 'circle', { 'stroke-dasharray': VACANT_DASH.join(' ') }));
  } else if (key === 'coverage-gap') {
    for (const mark of BADGE_MARKS['coverage-gap']) {
      if (mark.type === 'fill') {
        icon.appendChild(make('path', { d: trianglePath(7), fill: mark.color }));
      } else if (mark.type === 'text') {
        icon.appendChild(
          make(
            'text',
            { y: 4, 'text-anchor': 'middle', 'font-size': 9, 'font-weight': mark.weight, fill: mark.color },
            mark.text
          )
        );
      }
    }
  } else if (key === 'stale') {
    for (const mark of BADGE_MARKS.stale) {
      if (mark.type === 'circle') {
        icon.appendChild(
          make('circle', { r: 7, fill: mark.color, stroke: mark.outline.color, 'stroke-width': OUTLINE_WIDTH })
        );
      } else if (mark.type === 'stroke') {
        icon.appendChild(
          make('path', { d: 'M0,-4.5L0,0L3.6,0', fill: 'none', stroke: mark.color, 'stroke-width': 1.5 })
        );
      }
    }
  }
  return icon;
}

function linkIcon(make: Make, type: LinkType): SVGElement {
  const style = LINK_STYLES[type];
  const icon = make('g');
  const line: Attributes = { x1: -10, y1: 0, x2: style.arrow ? 6 : 10, y2: 0, stroke: style.color, 'stroke-width': 2 };
  if (style.dash) line['stroke-dasharray'] = style.dash;
  icon.appendChild(make('line', line));
  if (style.arrow) icon.appendChild(make('path', { d: 'M4,-4L11,0L4,4Z', fill: style.color }));
  return icon;
}

/** Activity evidence's entry: a dotted line in its colour, no arrow (as the map draws it). */
function evidenceIcon(make: Make): SVGElement {
  const icon = make('g');
  icon.appendChild(
    make('line', {
      x1: -9,
      y1: 0,
      x2: 9,
      y2: 0,
      stroke: EVIDENCE_STYLE.color,
      'stroke-width': 2.5,
      'stroke-dasharray': EVIDENCE_STYLE.dash,
      'stroke-linecap': 'round',
    })
  );
  return icon;
}

/** A legend column: a heading, then its rows. */
function legendColumn(
  make: Make,
  id: string,
  heading: string,
  rows: { icon: SVGElement; name: string; description?: string }[]
): { group: SVGElement; width: number; height: number } {
  const group = make('g', { id });
  group.appendChild(
    make(
      'text',
      { x: 0, y: 0, 'font-size': LEGEND.heading, 'font-weight': 700, fill: MUTED_COLOR },
      heading.toUpperCase()
    )
  );
  let width = textWidth(heading, LEGEND.heading, true);
  rows.forEach((row, i) => {
    group.appendChild(legendRow(make, row.icon, 18 + i * LEGEND.row, row.name, row.description));
    const words = row.description === undefined ? row.name : `${row.name}: ${row.description}`;
    width = Math.max(width, LEGEND.icon + LEGEND.gap + textWidth(words, LEGEND.size));
  });
  return { group, width, height: 18 + rows.length * LEGEND.row };
}

/** The legend, its columns side by side while they fit in `width`, wrapped below otherwise. */
function legend(make: Make, width: number): { group: SVGElement; height: number } {
  const group = make('g', { id: 'rm-export-legend' });
  const stances = (Object.keys(STANCE_STYLES) as Stance[]).map((stance) => ({
    icon: stanceIcon(make, stance),
    name: stance,
    description: STANCE_STYLES[stance].description,
  }));
  const shapes = LEGEND_SHAPES.map((entry) => ({ icon: markIcon(make, entry.key), name: entry.text }));
  const links: { icon: SVGElement; name: string; description: string }[] = (Object.keys(LINK_STYLES) as LinkType[]).map(
    (type) => ({
      icon: linkIcon(make, type),
      name: type,
      description: LINK_STYLES[type].description,
    })
  );
  links.push({ icon: evidenceIcon(make), name: EVIDENCE_STYLE.label, description: EVIDENCE_STYLE.description });
  const columns = [
    legendColumn(make, 'rm-export-legend-stances', LEGEND_HEADINGS.stance, stances),
    legendColumn(make, 'rm-export-legend-shapes', LEGEND_HEADINGS.shape, shapes),
    legendColumn(make, 'rm-export-legend-links', LEGEND_HEADINGS.links, links),
  ];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const column of columns) {
    if (x > 0 && x + column.width > width - 2 * MARGIN) {
      x = 0;
      y += rowHeight + 12;
      rowHeight = 0;
    }
    column.group.setAttribute('transform', `translate(${Math.round(x)},${y})`);
    group.appendChild(column.group);
    x += column.width + LEGEND.columnGap;
    rowHeight = Math.max(rowHeight, column.height);
  }
  const noteY = y + rowHeight + 8;
  group.appendChild(
    make(
      'text',
      { x: 0, y: noteY, 'font-size': LEGEND.size, fill: MUTED_COLOR, id: 'rm-export-legend-note' },
      LEGEND_NOTE
    )
  );
  return { group, height: noteY + 4 };
}

/**
 * The map as a standalone SVG document: the title block, the current view (`size`, as on screen)
 * and the legend; labelled by a <title> with the id `titleId`.
 */
export function exportSvgDocument(
  svgElement: SVGSVGElement,
  renderer: Renderer,
  size: { width: number; height: number },
  titleId: string,
  heading: ExportHeading = {}
): string {
  const view = { width: Math.round(size.width), height: Math.round(size.height) };
  const copy = svgElement.cloneNode(true) as SVGSVGElement;
  renderer.exportInto(copy);
  for (const ring of Array.from(copy.querySelectorAll('.rmg-focus-ring'))) ring.remove();
  // The pointer's invisible lines along evidence lines draw nothing; a canvas map's tooltip is not the picture.
  for (const hit of Array.from(copy.querySelectorAll('.rmg-evidence-hit, .rmg-background > title'))) hit.remove();
  // The document's own title and description say what it is; the live ones speak to screen readers.
  for (const words of Array.from(copy.querySelectorAll(':scope > title, :scope > desc'))) words.remove();
  for (const element of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const name of element.getAttributeNames()) {
      if (!EXPORT_ATTRIBUTES.has(name)) element.removeAttribute(name);
    }
  }
  const width = Math.max(view.width, MIN_WIDTH);
  const make = maker(svgElement.ownerDocument);
  const title = titleBlock(make, heading, width);
  const drawnLegend = legend(make, width);
  const mapTop = title.height;
  const legendTop = mapTop + view.height + MARGIN + 14;
  const height = Math.round(legendTop + drawnLegend.height + MARGIN);

  copy.setAttribute('id', 'rm-export-map');
  copy.setAttribute('x', String(Math.round((width - view.width) / 2)));
  copy.setAttribute('y', String(mapTop));
  copy.setAttribute('width', String(view.width));
  copy.setAttribute('height', String(view.height));
  copy.setAttribute('viewBox', `0 0 ${view.width} ${view.height}`);

  const doc = make('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': titleId,
    'font-family': FONT,
    style: `background-color:#ffffff;font-family:${FONT}`,
  });
  const mapName = heading.mapName?.trim() || 'Relationship map';
  const account = heading.accountName?.trim();
  doc.appendChild(
    make(
      'title',
      { id: titleId },
      `${mapName}${account ? ` (${account})` : ''}: relationship map, ${exportDate(heading.date ?? new Date())}`
    )
  );
  doc.appendChild(make('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  doc.appendChild(title.group);
  doc.appendChild(
    make('line', { x1: MARGIN, y1: mapTop - 0.5, x2: width - MARGIN, y2: mapTop - 0.5, stroke: RULE_COLOR })
  );
  doc.appendChild(copy);
  doc.appendChild(
    make('line', {
      x1: MARGIN,
      y1: mapTop + view.height + 0.5,
      x2: width - MARGIN,
      y2: mapTop + view.height + 0.5,
      stroke: RULE_COLOR,
    })
  );
  drawnLegend.group.setAttribute('transform', `translate(${MARGIN},${legendTop})`);
  doc.appendChild(drawnLegend.group);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** The width and height an SVG document declares on its root. */
export function documentSize(svgText: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svgText)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: read('width'), height: read('height') };
}

/** An SVG document drawn on a canvas at twice its size (sharp on slides), as a PNG data URL. */
export async function svgToPng(svgText: string): Promise<string> {
  const { width, height } = documentSize(svgText);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
  if (!context) {
    throw new Error('PNG export needs a browser that can draw on a canvas; export the map as SVG instead.');
  }
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The browser could not turn the map into an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
