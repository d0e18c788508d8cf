/**
 * Drawing a person's marks as SVG elements, shared by the graph's SVG renderer and the org chart
 * (the canvas painter draws the same BADGE_MARKS as paths). Text is set as text, never markup.
 */
import { select } from 'c/d3';
import type { Selection } from 'c/d3';
import type { LinkType } from 'c/relationshipGraph';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import type { BadgeMark } from './look';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with these attributes (a null value is left out). */
export function svgElement(name: string, attributes: Readonly<Record<string, string | number | null>>): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(key, String(value));
  return element;
}

/** One mark of a badge (look.ts's BADGE_MARKS), centred on the badge, as an SVG element. */
export function badgeMarkElement(mark: BadgeMark): SVGElement {
  if (mark.type === 'text') {
    const text = svgElement('text', {
      'text-anchor': 'middle',
      y: mark.y,
      'font-size': mark.size,
      'font-weight': mark.weight,
      fill: mark.color,
    });
    text.textContent = mark.text;
    return text;
  }
  if (mark.type === 'stroke') {
    return svgElement('path', { d: mark.path, fill: 'none', stroke: mark.color, 'stroke-width': mark.width });
  }
  return svgElement(mark.type === 'circle' ? 'circle' : 'path', {
    ...(mark.type === 'circle' ? { r: mark.r } : { d: mark.path }),
    fill: mark.color,
    stroke: mark.outline.color,
    'stroke-width': mark.outline.width,
  });
}

/** The link types drawn with an arrowhead. */
const ARROW_TYPES: readonly LinkType[] = (Object.keys(LINK_STYLES) as LinkType[]).filter((t) => LINK_STYLES[t].arrow);

/**
 * An arrowhead marker in `defs` for each link type drawn with one, in the type's colour, its tip
 * at the line's end; returns the id of a type's marker (ids start with `uid`).
 */
export function appendArrowMarkers(defs: Element, uid: string): (type: LinkType) => string {
  const markerId = (type: LinkType): string => `${uid}-arrow-${ARROW_TYPES.indexOf(type)}`;
  for (const type of ARROW_TYPES) {
    const marker = svgElement('marker', {
      id: markerId(type),
      viewBox: '0 -5 10 10',
      refX: 10,
      refY: 0,
      markerWidth: 9,
      markerHeight: 9,
      markerUnits: 'userSpaceOnUse',
      orient: 'auto',
    });
    marker.appendChild(svgElement('path', { d: 'M0,-5L10,0L0,5Z', fill: LINK_STYLES[type].color }));
    defs.appendChild(marker);
  }
  return markerId;
}

export type SvgSelection = Selection<SVGSVGElement, unknown, null, undefined>;
export type GroupSelection = Selection<SVGGElement, unknown, null, undefined>;

/** The SVG a view draws in (appendViewSvg); each view adds its layers to the viewport. */
export interface ViewSvg {
  svg: SvgSelection;
  /** The zoomed group. */
  viewport: GroupSelection;
  /** Id of the arrowhead marker of a link type. */
  markerId: (type: LinkType) => string;
}

/**
 * The SVG the graph and the org chart draw in, appended to `host` (the `lwc:dom="manual"`
 * element): a group with a title and description for screen readers (ids from `uid`), arrowhead
 * markers, a white background and the zoomed viewport. Classes start with `prefix` (rmg, rmo).
 */
export function appendViewSvg(
  host: HTMLElement,
  uid: string,
  view: { prefix: string; roleDescription: string; title: string }
): ViewSvg {
  const svg = select(host)
    .append('svg')
    .attr('class', `${view.prefix}-svg`)
    .attr('role', 'group')
    .attr('aria-roledescription', view.roleDescription)
    .attr('aria-labelledby', `${uid}-title`)
    .attr('aria-describedby', `${uid}-desc`)
    .attr('width', '100%')
    .attr('height', '100%');
  svg.append('title').attr('id', `${uid}-title`).text(view.title);
  svg.append('desc').attr('id', `${uid}-desc`);
  const markerId = appendArrowMarkers(svg.append('defs').node()!, uid);
  svg
    .append('rect')
    .attr('class', `${view.prefix}-background`)
    .attr('width', '100%')
    .attr('height', '100%')
    .attr('fill', '#ffffff');
  const viewport = svg.append('g').attr('class', `${view.prefix}-viewport`);
  return { svg, viewport, markerId };
}
