/**
 * The SVG every renderer draws in (or, for the canvas, over): title and description for screen
 * readers, arrowhead markers, a background, the zoomed viewport with a link layer, a node layer
 * and a name layer over them. Built once, inside the `lwc:dom="manual"` element.
 */
import { select } from 'c/d3';
import { appendArrowMarkers } from 'c/relationshipMapLook';
import type { Skeleton } from './renderer';

export function buildSkeleton(host: HTMLElement, uid: string, editable: boolean): Skeleton {
  const svg = select(host)
    .append('svg')
    .attr('class', 'rmg-svg')
    .attr('role', 'group')
    .attr('aria-roledescription', 'relationship map')
    .attr('aria-labelledby', `${uid}-title`)
    .attr('aria-describedby', `${uid}-desc`)
    .attr('width', '100%')
    .attr('height', '100%')
    .classed('rmg-editable', editable);
  svg.append('title').attr('id', `${uid}-title`).text('Relationship map');
  svg.append('desc').attr('id', `${uid}-desc`);
  const markerId = appendArrowMarkers(svg.append('defs').node()!, uid);
  svg
    .append('rect')
    .attr('class', 'rmg-background')
    .attr('width', '100%')
    .attr('height', '100%')
    .attr('fill', '#ffffff');
  const viewport = svg.append('g').attr('class', 'rmg-viewport');
  const linkLayer = viewport.append('g').attr('class', 'rmg-links').attr('aria-hidden', 'true');
  const nodeLayer = viewport.append('g').attr('class', 'rmg-nodes');
  const labelLayer = viewport
    .append('g')
    .attr('class', 'rmg-names')
    .attr('aria-hidden', 'true')
    .attr('pointer-events', 'none');
  return { host, svg, viewport, linkLayer, nodeLayer, labelLayer, markerId };
}
