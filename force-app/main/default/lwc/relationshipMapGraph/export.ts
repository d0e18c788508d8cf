/**
 * Export: the current view as a standalone SVG document (a copy of the map's SVG, which the
 * renderer fills with the picture; presentation attributes only, no ARIA, events or classes),
 * and that document drawn on a canvas as a PNG.
 */
import type { Renderer } from './renderer';

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

/** The map as a standalone SVG document, `width` × `height`, titled by the element `titleId`. */
export function exportSvgDocument(
  svgElement: SVGSVGElement,
  renderer: Renderer,
  size: { width: number; height: number },
  titleId: string
): string {
  const { width, height } = size;
  const copy = svgElement.cloneNode(true) as SVGSVGElement;
  renderer.exportInto(copy);
  for (const ring of Array.from(copy.querySelectorAll('.rmg-focus-ring'))) ring.remove();
  for (const element of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const name of element.getAttributeNames()) {
      if (!EXPORT_ATTRIBUTES.has(name)) element.removeAttribute(name);
    }
  }
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('role', 'img');
  copy.setAttribute('aria-labelledby', titleId);
  copy.setAttribute('font-family', 'Salesforce Sans, Arial, sans-serif');
  copy.setAttribute('style', 'background-color:#ffffff;font-family:Salesforce Sans, Arial, sans-serif');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** An SVG document drawn on a canvas at twice its size (sharp on slides), as a PNG data URL. */
export async function svgToPng(svgText: string, size: { width: number; height: number }): Promise<string> {
  const { width, height } = size;
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
