/**
 * The SVG every renderer draws in (or, for the canvas, over): title and description for screen
 * readers, arrowhead markers, a background, the zoomed viewport (c/relationshipMapLook's
 * appendViewSvg, as the org chart's) with an evidence layer, a link layer, a node layer and a name
 * layer over them. Built once, inside the `lwc:dom="manual"` element.
 */
import { appendViewSvg } from 'c/relationshipMapLook';
import type { Skeleton } from './renderer';

export function buildSkeleton(host: HTMLElement, uid: string, editable: boolean): Skeleton {
  const { svg, viewport, markerId } = appendViewSvg(host, uid, {
    prefix: 'rmg',
    roleDescription: 'relationship map',
    title: 'Relationship map',
  });
  svg.classed('rmg-editable', editable);
  // Activity evidence under the typed links: the facts behind, what people typed in front.
  const evidenceLayer = viewport.append('g').attr('class', 'rmg-evidence-lines').attr('aria-hidden', 'true');
  const linkLayer = viewport.append('g').attr('class', 'rmg-links').attr('aria-hidden', 'true');
  const nodeLayer = viewport.append('g').attr('class', 'rmg-nodes');
  const labelLayer = viewport
    .append('g')
    .attr('class', 'rmg-names')
    .attr('aria-hidden', 'true')
    .attr('pointer-events', 'none');
  return { host, svg, viewport, evidenceLayer, linkLayer, nodeLayer, labelLayer, markerId };
}
