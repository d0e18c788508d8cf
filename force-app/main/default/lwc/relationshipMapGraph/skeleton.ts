/**
 * The SVG every renderer draws in (or, for the canvas, over): title and description for screen
 * readers, arrowhead markers, a background, the zoomed viewport with a link layer and a node
 * layer. Built once, inside the `lwc:dom="manual"` element.
 */
import { select } from 'c/d3';
import type { LinkType } from 'c/relationshipGraph';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import type { Skeleton } from './renderer';

const ARROW_TYPES: readonly LinkType[] = (Object.keys(LINK_STYLES) as LinkType[]).filter((t) => LINK_STYLES[t].arrow);

export function buildSkeleton(host: HTMLElement, uid: string, editable: boolean): Skeleton {
  const markerId = (type: LinkType): string => `${uid}-arrow-${ARROW_TYPES.indexOf(type)}`;
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
  const defs = svg.append('defs');
  for (const type of ARROW_TYPES) {
    defs
      .append('marker')
      .attr('id', markerId(type))
      .attr('viewBox', '0 -5 10 10')
      .attr('refX', 10)
      .attr('refY', 0)
      .attr('markerWidth', 9)
      .attr('markerHeight', 9)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-5L10,0L0,5Z')
      .attr('fill', LINK_STYLES[type].color);
  }
  svg
    .append('rect')
    .attr('class', 'rmg-background')
    .attr('width', '100%')
    .attr('height', '100%')
    .attr('fill', '#ffffff');
  const viewport = svg.append('g').attr('class', 'rmg-viewport');
  const linkLayer = viewport.append('g').attr('class', 'rmg-links').attr('aria-hidden', 'true');
  const nodeLayer = viewport.append('g').attr('class', 'rmg-nodes');
  return { host, svg, viewport, linkLayer, nodeLayer, markerId };
}
