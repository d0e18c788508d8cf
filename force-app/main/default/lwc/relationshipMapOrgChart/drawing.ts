/**
 * The org chart's SVG: the skeleton inside the `lwc:dom="manual"` element (title, description,
 * arrowheads, background, the zoomed layers), and the chart drawn into it: our team's lane, the
 * tree's lines, the links over it as curves, each person as the graph draws them
 * (c/relationshipMapLook), their names and a fold button under each manager. Names are drawn in
 * their own layer, not inside the person's element: that element is a button named by its
 * aria-label (the whole name and more), and a name cut to fit ("Frank Morris…") inside it would
 * be visible text its accessible name does not contain (WCAG 2.5.3 Label in Name). Text is
 * written with `.text()` or `textContent` only, so a name can never become markup.
 */
import type { Selection } from 'c/d3';
import { plural } from 'c/relationshipMapFormat';
import {
  BADGE_MARKS,
  LABEL,
  LETTER_WEIGHT,
  OUTLINE_WIDTH,
  RINGS,
  appendViewSvg,
  badgeMarkElement,
  displayName,
  labelOf,
  letterPath,
  lookOf,
  round2,
  shapePath,
  svgElement,
} from 'c/relationshipMapLook';
import type { GroupSelection, ViewSvg } from 'c/relationshipMapLook';
import { LINK_STYLES } from 'c/relationshipMapTheme';
import { namePlace, nameStyle, toggleShape } from './names';
import type { ChartNode, OrgChart } from './orgChartLayout';

export type { GroupSelection, SvgSelection } from 'c/relationshipMapLook';

/** The elements the chart is drawn in (buildSkeleton makes them once). */
export interface Layers extends ViewSvg {
  /** The viewport's layers from back to front. */
  lane: GroupSelection;
  edges: GroupSelection;
  overlays: GroupSelection;
  nodes: GroupSelection;
  /** One name per person (data-id), over the people; hidden from assistive technology. */
  names: GroupSelection;
  toggles: GroupSelection;
}

const TOGGLE = { color: '#3E3E3C', fill: '#ffffff' } as const;
const LANE = { fill: '#F3F3F3', title: 'Our team', titleColor: '#444444' } as const;

/** The SVG in `host`: title and description (ids from `uid`), arrowheads, background, layers. */
export function buildSkeleton(host: HTMLElement, uid: string): Layers {
  const { svg, viewport, markerId } = appendViewSvg(host, uid, {
    prefix: 'rmo',
    roleDescription: 'org chart',
    title: 'Org chart',
  });
  return {
    svg,
    viewport,
    lane: viewport.append('g').attr('class', 'rmo-lane'),
    edges: viewport.append('g').attr('class', 'rmo-edges').attr('aria-hidden', 'true'),
    overlays: viewport.append('g').attr('class', 'rmo-overlays').attr('aria-hidden', 'true'),
    nodes: viewport.append('g').attr('class', 'rmo-nodes'),
    names: viewport.append('g').attr('class', 'rmo-names').attr('aria-hidden', 'true').attr('pointer-events', 'none'),
    toggles: viewport.append('g').attr('class', 'rmo-toggles'),
    markerId,
  };
}

/** Draws a new layout afresh: lane, tree lines, curves, people, fold buttons, description. */
export function drawChart(layers: Layers, chart: OrgChart): void {
  drawLane(layers.lane, chart);
  joinPaths(layers.edges, 'rmo-edge', chart.edges, (e) => e.reportId)
    .attr('data-report', (e) => e.reportId)
    .attr('stroke', LINK_STYLES['Reports To'].color)
    .attr('stroke-width', OUTLINE_WIDTH);
  joinPaths(layers.overlays, 'rmo-link', chart.overlays, (o) => o.id)
    .attr('data-id', (o) => o.id)
    .attr('data-type', (o) => o.type)
    .attr('stroke', (o) => LINK_STYLES[o.type].color)
    .attr('stroke-dasharray', (o) => LINK_STYLES[o.type].dash || null)
    .attr('stroke-linecap', 'round')
    .attr('marker-end', (o) => (o.arrow ? `url(#${layers.markerId(o.type)})` : null));
  layers.nodes
    .selectAll<SVGGElement, ChartNode>('g.rmo-node')
    .data(chart.nodes, (d) => d.id)
    .join((enter) => enter.append('g').attr('class', 'rmo-node').attr('role', 'button'))
    .order()
    .each((d, i, groups) => drawPerson(groups[i], d));
  // Placed, sized and cut for the zoom by placeNames; at the person's position, like their group.
  layers.names
    .selectAll<SVGTextElement, ChartNode>('text.rmo-label')
    .data(chart.nodes, (d) => d.id)
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'rmo-label')
        .attr('fill', LABEL.color)
        .attr('stroke', '#ffffff')
        .attr('stroke-linejoin', 'round')
        .attr('paint-order', 'stroke')
    )
    .order()
    .attr('data-id', (d) => d.id)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('font-style', (d) => (labelOf(d).italic ? 'italic' : null));
  const folders = chart.nodes.filter((d) => d.reportIds.length > 0);
  layers.toggles
    .selectAll<SVGGElement, ChartNode>('g.rmo-toggle')
    .data(folders, (d) => d.id)
    .join((enter) => enter.append('g').attr('class', 'rmo-toggle').attr('role', 'button'))
    .order()
    .each((d, i, groups) => drawToggle(groups[i], d, peopleBelow(chart, d)));
  const rows = new Set(chart.nodes.map((n) => `${n.lane}${n.depth}`)).size;
  layers.svg
    .select('desc')
    .text(
      `${chart.nodes.length} people in ${rows} rows, managers above their reports` +
        (chart.ourLane ? ', our team in the bottom lane' : '') +
        '. Arrow keys: up to the manager, down to the first report, left and right along the row. ' +
        'Enter selects; the button under a manager hides or shows their reports.'
    );
}

/** The unfilled paths of class `name` in `layer`, one per datum (by `key`), along its `path`. */
function joinPaths<T extends { path: string }>(
  layer: GroupSelection,
  name: string,
  data: readonly T[],
  key: (d: T) => string
): Selection<SVGPathElement, T, SVGGElement, unknown> {
  return layer
    .selectAll<SVGPathElement, T>(`path.${name}`)
    .data(data, key)
    .join('path')
    .attr('class', name)
    .attr('d', (d) => d.path)
    .attr('fill', 'none');
}

function drawLane(layer: GroupSelection, chart: OrgChart): void {
  const box = chart.ourLane;
  layer
    .selectAll<SVGRectElement, unknown>('rect')
    .data(box ? [box] : [])
    .join('rect')
    .attr('x', (b) => b.x0)
    .attr('y', (b) => b.y0)
    .attr('width', (b) => b.x1 - b.x0)
    .attr('height', (b) => b.y1 - b.y0)
    .attr('rx', 8)
    .attr('fill', LANE.fill);
  layer
    .selectAll<SVGTextElement, unknown>('text')
    .data(box ? [box] : [])
    .join('text')
    .attr('x', (b) => b.x0 + 10)
    .attr('y', (b) => b.y0 + 18)
    .attr('font-size', LABEL.size + 1)
    .attr('font-weight', 700)
    .attr('fill', LANE.titleColor)
    .text(LANE.title);
}

/** A person as the graph draws them (c/relationshipMapLook): rings, shape, letter, badges (the name is in layers.names). */
function drawPerson(g: SVGGElement, d: ChartNode): void {
  const look = lookOf(d);
  g.setAttribute('data-id', d.id);
  g.setAttribute('aria-label', d.label);
  g.setAttribute('transform', `translate(${d.x},${d.y})`);
  const title = svgElement('title', {});
  title.textContent = d.label;
  const badges = svgElement('g', { class: 'rmo-badges' });
  for (const badge of look.badges) {
    const group = svgElement('g', {
      class: `rmo-badge rmo-badge-${badge.kind}`,
      transform: `translate(${round2(badge.x)},${round2(badge.y)})`,
    });
    for (const mark of BADGE_MARKS[badge.kind]) group.appendChild(badgeMarkElement(mark));
    badges.appendChild(group);
  }
  g.replaceChildren(
    title,
    svgElement('path', {
      class: 'rmo-search-halo',
      d: shapePath(d.shape, RINGS.searchHalo.radius(d)),
      fill: RINGS.searchHalo.color,
      stroke: 'none',
      display: 'none',
    }),
    svgElement('path', {
      class: 'rmo-select-ring',
      d: shapePath(d.shape, RINGS.select.radius(d)),
      fill: 'none',
      stroke: RINGS.select.color,
      'stroke-width': RINGS.select.width,
      display: 'none',
    }),
    svgElement('path', {
      class: 'rmo-focus-ring',
      d: shapePath(d.shape, RINGS.focus.radius(d)),
      fill: 'none',
      stroke: RINGS.focus.color,
      'stroke-width': RINGS.focus.width,
    }),
    ...look.rings.map((r) =>
      svgElement('path', {
        class: 'rmo-dm-ring',
        d: shapePath(d.shape, r),
        fill: 'none',
        stroke: RINGS.decisionMaker.color,
        'stroke-width': RINGS.decisionMaker.width,
      })
    ),
    svgElement('path', {
      class: 'rmo-shape',
      d: shapePath(d.shape, look.radius),
      fill: look.fill,
      stroke: look.outline,
      'stroke-width': look.outlineWidth,
      'stroke-dasharray': look.dash?.join(' ') ?? null,
    }),
    // The stance letter as strokes, not text (see geometry's letterPath).
    svgElement('path', {
      class: 'rmo-letter',
      'data-letter': look.letter,
      d: letterPath(look.letter, look.letterSize),
      fill: 'none',
      stroke: look.letterColor,
      'stroke-width': round2(look.letterSize * LETTER_WEIGHT),
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
    }),
    badges
  );
}

/** The fold button under a manager's name: "−" when open, "+N" when folded (placed by placeNames). */
function drawToggle(g: SVGGElement, d: ChartNode, below: number): void {
  const name = displayName(d.person);
  g.setAttribute('data-id', d.id);
  g.setAttribute('aria-expanded', d.collapsed ? 'false' : 'true');
  g.setAttribute(
    'aria-label',
    d.collapsed ? `Show ${countOf(d.hiddenCount)} below ${name}` : `Hide ${countOf(below)} below ${name}`
  );
  const label = svgElement('text', {
    'text-anchor': 'middle',
    'font-weight': 700,
    fill: TOGGLE.color,
    'aria-hidden': 'true',
  });
  label.textContent = d.collapsed ? `+${d.hiddenCount}` : '−';
  g.replaceChildren(
    svgElement('rect', {
      class: 'rmo-toggle-box',
      fill: TOGGLE.fill,
      stroke: TOGGLE.color,
      'stroke-width': 1,
    }),
    label
  );
}

/**
 * Names and fold buttons at their size for zoom k (names keep about 12 px on screen; see
 * names.ts): each name placed, sized and cut to its room, each fold button under its name.
 */
export function placeNames(layers: Layers, k: number): void {
  const style = nameStyle(k);
  layers.lane
    .select('text')
    .attr('font-size', style.font)
    .attr('dy', round2(style.font * 0.4));
  layers.names.selectAll<SVGTextElement, ChartNode>('text.rmo-label').each((d, i, labels) => {
    const label = labels[i];
    const place = namePlace(d, style);
    label.setAttribute('x', String(place.x));
    label.setAttribute('y', String(place.y));
    label.setAttribute('text-anchor', place.anchor);
    label.setAttribute('font-size', String(style.font));
    label.setAttribute('stroke-width', String(style.halo));
    if (label.textContent !== place.text) label.textContent = place.text;
  });
  layers.toggles.selectAll<SVGGElement, ChartNode>('g.rmo-toggle').each((d, i, groups) => {
    const shape = toggleShape(d, style);
    const text = groups[i].querySelector('text');
    const box = groups[i].querySelector('rect');
    if (!text || !box) return;
    const width = Math.max(shape.height, shape.height * 0.5 + (text.textContent ?? '').length * shape.font * 0.62);
    groups[i].setAttribute('transform', `translate(${d.x},${round2(d.y + shape.y)})`);
    text.setAttribute('font-size', String(shape.font));
    text.setAttribute('y', String(round2(shape.font * 0.35)));
    box.setAttribute('x', String(round2(-width / 2)));
    box.setAttribute('y', String(round2(-shape.height / 2)));
    box.setAttribute('width', String(round2(width)));
    box.setAttribute('height', String(shape.height));
    box.setAttribute('rx', String(round2(shape.height / 2)));
  });
}

/** How many people are below a manager as drawn (folded branches count what they hide). */
export function peopleBelow(chart: OrgChart, d: ChartNode): number {
  if (d.collapsed) return d.hiddenCount;
  let count = 0;
  for (const id of d.reportIds) {
    const report = chart.nodeById.get(id);
    count += 1 + (report ? peopleBelow(chart, report) : 0);
  }
  return count;
}

export function countOf(n: number): string {
  return plural(n, 'person', 'people');
}

/** The person of an element inside a person's group (null for anything else). */
export function personIdOf(target: EventTarget | null): string | null {
  const element = (target as Element | null)?.closest?.('g.rmo-node');
  return element?.getAttribute('data-id') ?? null;
}

/** A person's group. */
export function personElement(layers: Layers | null, id: string): SVGGElement | null {
  return layers?.nodes.node()?.querySelector<SVGGElement>(`g.rmo-node[data-id="${cssEscape(id)}"]`) ?? null;
}

/** A manager's fold button. */
export function toggleElement(layers: Layers | null, id: string): SVGGElement | null {
  return layers?.toggles.node()?.querySelector<SVGGElement>(`g.rmo-toggle[data-id="${cssEscape(id)}"]`) ?? null;
}

/** An id inside an attribute selector (Salesforce ids are letters and digits; anything else is escaped). */
function cssEscape(id: string): string {
  return id.replace(/["\\]/g, '\\$&');
}
