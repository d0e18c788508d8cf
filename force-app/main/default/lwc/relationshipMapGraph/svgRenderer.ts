/**
 * Small maps as live SVG: a group per person (shape, letter, rings, badges, made from one
 * template), a line per link, a group per evidence line (the dotted line, a wider invisible line
 * the pointer hovers, and a <title> saying its summary) and a name per person, joined by id;
 * states restyle them, moves rewrite only what moved. Names are drawn in their own layer over the people, not inside the
 * person's element: that element is a button named by its aria-label (the whole name and more),
 * and a name cut to fit ("Frank Morris…") inside it would be visible text its accessible name
 * does not contain (WCAG 2.5.3 Label in Name). Each name moves, fades and turns bold with its
 * person. Text is written with `.text()` only, so a name never becomes markup.
 */
import { select } from 'c/d3';
import type { Selection } from 'c/d3';
import { badgeMarkElement, svgElement } from 'c/relationshipMapLook';
import { EVIDENCE_STYLE, LINK_STYLES } from 'c/relationshipMapTheme';
import { LETTER_WEIGHT, letterPath, linkEnds, round1, round2, shapePath } from './geometry';
import { shownLabel } from './labels';
import {
  BADGE_MARKS,
  EVIDENCE_HIT_WIDTH,
  LABEL,
  LINK_OPACITY,
  OUTLINE_WIDTH,
  RINGS,
  evidenceTitle,
  labelOf,
  lookOf,
} from './look';
import type { Badge, PersonLook } from './look';
import { elementOf } from './pointer';
import type { NodeSelection, Renderer, RendererHost, Skeleton } from './renderer';
import type { GraphEvidence, GraphLink, GraphNode } from './scene';

type LinkSelection = Selection<SVGLineElement, GraphLink, SVGGElement, unknown>;
type EvidenceSelection = Selection<SVGGElement, GraphEvidence, SVGGElement, unknown>;
type LabelSelection = Selection<SVGTextElement, GraphNode, SVGGElement, unknown>;

export class SvgRenderer implements Renderer {
  readonly drawFirst = false;
  private nodeSel: NodeSelection | null = null;
  private linkSel: LinkSelection | null = null;
  private evidenceSel: EvidenceSelection | null = null;
  private labelSel: LabelSelection | null = null;
  private readonly elementById = new Map<string, SVGGElement>();
  /** Each person's name in the name layer. */
  private readonly labelById = new Map<string, SVGTextElement>();
  private template: SVGGElement | null = null;
  /** The person with keyboard focus: their name shows in full, even where there was no room. */
  private focusedId: string | null = null;

  constructor(
    private readonly skeleton: Skeleton,
    private readonly host: RendererHost
  ) {
    skeleton.svg.select('.rmg-background').attr('fill', '#ffffff');
  }

  render(scope: 'all' | 'nodes'): void {
    if (scope === 'all') {
      this.renderEvidence();
      this.renderLinks();
    }
    this.renderNodes();
    if (scope === 'all') this.redraw();
  }

  private renderLinks(): void {
    const markerId = this.skeleton.markerId;
    this.linkSel = this.skeleton.linkLayer
      .selectAll<SVGLineElement, GraphLink>('line.rmg-link')
      .data(this.host.scene().links, (l) => l.id)
      .join('line')
      .attr('class', 'rmg-link')
      .attr('data-id', (l) => l.id)
      .attr('data-type', (l) => l.type)
      .attr('stroke', (l) => LINK_STYLES[l.type].color)
      .attr('stroke-dasharray', (l) => LINK_STYLES[l.type].dash || null)
      .attr('stroke-linecap', 'round')
      .attr('marker-end', (l) => (l.arrow ? `url(#${markerId(l.type)})` : null));
  }

  /**
   * One group per evidence line: the dotted line (EVIDENCE_STYLE), under it a wider transparent
   * line that the pointer can rest on (a dotted line is mostly gaps), and a <title> the browser
   * shows on hover: "Dana Reyes ↔ Lee Park: 12 meetings, 30 emails, last 3 days ago".
   */
  private renderEvidence(): void {
    this.evidenceSel = this.skeleton.evidenceLayer
      .selectAll<SVGGElement, GraphEvidence>('g.rmg-evidence')
      .data(this.host.scene().evidence, (e) => e.id)
      .join((enter) =>
        enter.append(() => {
          const g = svgElement('g', { class: 'rmg-evidence' }) as SVGGElement;
          g.append(
            svgElement('title', {}),
            svgElement('line', {
              class: 'rmg-evidence-hit',
              stroke: 'transparent',
              'stroke-width': EVIDENCE_HIT_WIDTH,
            }),
            svgElement('line', {
              class: 'rmg-evidence-line',
              stroke: EVIDENCE_STYLE.color,
              'stroke-dasharray': EVIDENCE_STYLE.dash,
              'stroke-linecap': 'round',
            })
          );
          return g;
        })
      )
      .attr('data-id', (e) => e.id)
      .attr('data-strength', (e) => e.strength);
    this.evidenceSel.select('title').text((e) => evidenceTitle(e.source.person, e.target.person, e.summary));
  }

  private renderNodes(): void {
    const scene = this.host.scene();
    const joined = this.skeleton.nodeLayer
      .selectAll<SVGGElement, GraphNode>('g.rmg-node')
      .data(scene.nodes, (d) => d.id);
    joined.exit().remove();
    // Each new node is a copy of one template: one DOM insertion per person instead of nine.
    const template = (this.template ??= nodeTemplate());
    const entered = joined.enter().append(() => template.cloneNode(true) as SVGGElement);
    // A new element has no transform yet, whatever was drawn for this person before.
    entered.each((d) => (d.drawn = undefined));

    const looks = new Map<GraphNode, PersonLook>(scene.nodes.map((d) => [d, lookOf(d)]));
    const look = (d: GraphNode): PersonLook => looks.get(d) ?? lookOf(d);
    const nodes: NodeSelection = entered.merge(joined);
    nodes.sort((a, b) => a.order - b.order);
    nodes.attr('data-id', (d) => d.id).attr('aria-label', (d) => d.label);
    nodes.select('title').text((d) => d.label);
    nodes.select('.rmg-search-halo').attr('d', (d) => shapePath(d.shape, RINGS.searchHalo.radius(d)));
    nodes.select('.rmg-select-ring').attr('d', (d) => shapePath(d.shape, RINGS.select.radius(d)));
    nodes.select('.rmg-focus-ring').attr('d', (d) => shapePath(d.shape, RINGS.focus.radius(d)));
    nodes
      .selectAll<SVGPathElement, number>('path.rmg-dm-ring')
      .data((d) => look(d).rings)
      .join((enter) => enter.insert('path', '.rmg-shape').attr('class', 'rmg-dm-ring'))
      .attr('fill', 'none')
      .attr('stroke', RINGS.decisionMaker.color)
      .attr('stroke-width', RINGS.decisionMaker.width);
    nodes.each((d, i, groups) => {
      select(groups[i])
        .selectAll<SVGPathElement, number>('path.rmg-dm-ring')
        .attr('d', (r) => shapePath(d.shape, r));
    });
    nodes
      .select('.rmg-shape')
      .attr('d', (d) => shapePath(d.shape, d.radius))
      .attr('fill', (d) => look(d).fill)
      .attr('stroke', (d) => look(d).outline)
      .attr('stroke-dasharray', (d) => look(d).dash?.join(' ') ?? null);
    nodes
      .select('.rmg-letter')
      .attr('data-letter', (d) => look(d).letter)
      .attr('d', (d) => letterPath(look(d).letter, look(d).letterSize))
      .attr('stroke-width', (d) => round2(look(d).letterSize * LETTER_WEIGHT))
      .attr('stroke', (d) => look(d).letterColor);
    const labels: LabelSelection = this.skeleton.labelLayer
      .selectAll<SVGTextElement, GraphNode>('text.rmg-label')
      .data(scene.nodes, (d) => d.id)
      .join((enter) => enter.append(() => labelTemplate()))
      .attr('data-id', (d) => d.id)
      .attr('y', (d) => labelOf(d).y)
      .attr('font-style', (d) => (labelOf(d).italic ? 'italic' : null))
      .text((d) => labelOf(d).text);
    labels.sort((a, b) => a.order - b.order);
    nodes
      .select<SVGGElement>('.rmg-badges')
      .selectAll<SVGGElement, Badge>('g.rmg-badge')
      .data(
        (d) => look(d).badges,
        (b) => b.kind
      )
      .join((enter) => {
        const g = enter.append('g').attr('class', (b) => `rmg-badge rmg-badge-${b.kind}`);
        g.each((b, i, groups) => {
          for (const mark of BADGE_MARKS[b.kind]) groups[i].appendChild(badgeMarkElement(mark));
        });
        return g;
      })
      .attr('transform', (b) => `translate(${round2(b.x)},${round2(b.y)})`);

    this.nodeSel = nodes;
    this.labelSel = labels;
    this.elementById.clear();
    nodes.each((d, i, groups) => this.elementById.set(d.id, groups[i]));
    this.labelById.clear();
    // A new name stands where its person was last drawn (new people are placed by the next redraw).
    labels.each((d, i, texts) => {
      this.labelById.set(d.id, texts[i]);
      setIfChanged(texts[i], 'transform', d.drawn ?? null);
    });
    this.placeLabels();
    this.host.adopted();
  }

  /**
   * Each name where the placement put it (at its size on screen, so in map units it is
   * fontSize); a name without room hidden (display none, also in an export) unless pointed at or
   * focused. Before the first placement, names sit below their people as labelOf says.
   */
  placeLabels(): void {
    const nodes = this.nodeSel;
    const layout = this.host.labels();
    if (!nodes || !layout) return;
    const { hoverId } = this.host.states();
    const focusedId = this.focusedId;
    const size = String(round2(layout.fontSize));
    const halo = String(round2(layout.halo));
    nodes.each((d) => {
      const label = this.labelById.get(d.id);
      const shown = shownLabel(layout, d.id, hoverId, focusedId);
      const placed = layout.byId.get(d.id);
      if (!label || !placed) return;
      setIfChanged(label, 'display', shown ? null : 'none');
      setIfChanged(label, 'x', String(round2(placed.dx)));
      setIfChanged(label, 'y', String(round2(placed.dy)));
      setIfChanged(label, 'text-anchor', placed.anchor);
      setIfChanged(label, 'font-size', size);
      setIfChanged(label, 'stroke-width', halo);
      const text = shown?.text ?? placed.text;
      if (label.textContent !== text) label.textContent = text;
    });
  }

  applyStates(): void {
    const nodes = this.nodeSel;
    const links = this.linkSel;
    if (!nodes || !links) return;
    const states = this.host.states();
    const { selectedId: selected, matches, rovingId } = states;
    nodes
      .attr('opacity', states.nodeOpacity)
      .attr('tabindex', (d) => (d.id === rovingId ? 0 : -1))
      .attr('aria-current', (d) => (d.id === selected ? 'true' : null))
      .classed('rmg-selected', (d) => d.id === selected)
      .classed('rmg-match', (d) => matches.has(d.id))
      .classed('rmg-faded', (d) => states.nodeOpacity(d) < 1)
      .classed('rmg-emph', states.emphasised);
    // display="none" rather than visibility: hidden rings then cost no style or layout at all.
    nodes.select('.rmg-select-ring').attr('display', (d) => (d.id === selected ? null : 'none'));
    nodes.select('.rmg-search-halo').attr('display', (d) => (matches.has(d.id) ? null : 'none'));
    // Names fade and turn bold with their people (they are drawn in their own layer).
    this.labelSel
      ?.attr('opacity', (d) => (states.nodeOpacity(d) < 1 ? states.nodeOpacity(d) : null))
      .attr('font-weight', (d) => (states.emphasised(d) ? LABEL.emphasisedWeight : LABEL.weight));
    // The person pointed at shows their name even where there was no room for it.
    this.placeLabels();
    // Links are translucent by stroke-opacity: an `opacity` on each of thousands of lines makes the
    // browser composite each one on its own (measured: 3× the frame time at 2,000 people). Group
    // opacity is left for the faded states, where arrowheads must fade with their lines.
    const linkOpacity = states.linkOpacity;
    links
      .attr('stroke-opacity', (l) => (linkOpacity(l) === LINK_OPACITY ? LINK_OPACITY : null))
      .attr('opacity', (l) => (linkOpacity(l) < LINK_OPACITY ? linkOpacity(l) : null))
      .attr('stroke-width', (l) => (states.highlighted(l) ? l.width + 2 : l.width))
      .classed('rmg-highlighted', states.highlighted)
      .classed('rmg-faded', (l) => linkOpacity(l) < LINK_OPACITY);
    // Evidence lines are few (one per pair of people who meet): their opacity is written as is.
    this.evidenceSel
      ?.select('.rmg-evidence-line')
      .attr('stroke-opacity', (e) => states.evidenceOpacity(e))
      .attr('stroke-width', (e) => (states.evidenceHighlighted(e) ? e.width + 1.5 : e.width));
  }

  /**
   * Writes current positions: node transforms and link end points, to a tenth of a pixel, and
   * only where they changed (attribute writes are most of a frame's cost at 1,000 people). Links
   * are <line>s, not <path>s: Chrome maps a path's `d` to a CSS property, so every `d` write
   * restyles the element, while x1/y1/x2/y2 are plain geometry (measured: ~5× cheaper per link).
   */
  redraw(): void {
    if (this.nodeSel) placeElements(this.nodeSel, this.labelById);
    this.evidenceSel?.each((e, i, groups) => {
      const [x1, y1, x2, y2] = linkEnds(e);
      const key = `${x1},${y1},${x2},${y2}`;
      if (key === e.drawn) return;
      e.drawn = key;
      // Its two lines (hit and dotted), walked in place: no array per line per tick.
      for (let line = groups[i].firstElementChild; line; line = line.nextElementSibling) {
        if (line.tagName === 'line') setEnds(line, x1, y1, x2, y2);
      }
    });
    this.linkSel?.each((l, i, groups) => {
      const [x1, y1, x2, y2] = linkEnds(l);
      const key = `${x1},${y1},${x2},${y2}`;
      if (key !== l.drawn) {
        l.drawn = key;
        setEnds(groups[i], x1, y1, x2, y2);
      }
    });
  }

  // Live SVG shows every change at once: nothing to schedule. The focus ring is CSS (:focus-visible).
  settle(): void {}
  invalidate(): void {}
  cancelPaint(): void {}

  /** Keyboard focus shows the person's name in full, even where there was no room for it. */
  showFocus(id: string | null): void {
    if (this.focusedId === id) return;
    this.focusedId = id;
    this.placeLabels();
  }

  element(id: string): SVGGElement | undefined {
    return this.elementById.get(id);
  }

  /** The person whose element the event happened on. */
  nodeUnder(event: MouseEvent | TouchEvent): GraphNode | null {
    const element = elementOf(event)?.closest('g.rmg-node');
    return element ? (this.host.scene().nodeById.get(element.getAttribute('data-id') ?? '') ?? null) : null;
  }

  /** Evidence lines show their summary by their own <title>. */
  pointerMoved(): void {}

  /** The copy of the SVG is the picture already. */
  exportInto(): void {}

  destroy(): void {
    this.skeleton.evidenceLayer.selectAll('*').remove();
    this.skeleton.linkLayer.selectAll('*').remove();
    this.skeleton.nodeLayer.selectAll('*').remove();
    this.skeleton.labelLayer.selectAll('*').remove();
    this.linkSel = null;
    this.evidenceSel = null;
    this.nodeSel = null;
    this.labelSel = null;
    this.elementById.clear();
    this.labelById.clear();
  }
}

/** Sets (or with null removes) an attribute only when its value differs. */
export function setIfChanged(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * Moves person elements (and their names, when drawn apart from them) to their people, to a tenth
 * of a pixel, touching only those who moved.
 */
export function placeElements(nodes: NodeSelection, labels?: ReadonlyMap<string, SVGTextElement>): void {
  nodes.each((d, i, groups) => {
    const transform = `translate(${round1(d.x ?? 0)},${round1(d.y ?? 0)})`;
    if (transform !== d.drawn) {
      d.drawn = transform;
      groups[i].setAttribute('transform', transform);
      labels?.get(d.id)?.setAttribute('transform', transform);
    }
  });
}

/**
 * What every SVG node is made of, filled in per person afterwards: title, search halo, selection
 * and focus rings, shape, stance letter, badges. No text: the name is in the name layer.
 */
function nodeTemplate(): SVGGElement {
  const g = svgElement('g', { class: 'rmg-node', role: 'button' }) as SVGGElement;
  g.append(
    svgElement('title', {}),
    svgElement('path', { class: 'rmg-search-halo', fill: RINGS.searchHalo.color, stroke: 'none' }),
    svgElement('path', {
      class: 'rmg-select-ring',
      fill: 'none',
      stroke: RINGS.select.color,
      'stroke-width': RINGS.select.width,
    }),
    svgElement('path', {
      class: 'rmg-focus-ring',
      fill: 'none',
      stroke: RINGS.focus.color,
      'stroke-width': RINGS.focus.width,
      display: 'none',
    }),
    svgElement('path', { class: 'rmg-shape', 'stroke-width': OUTLINE_WIDTH }),
    // The stance letter as strokes, not text (see letterPath).
    svgElement('path', {
      class: 'rmg-letter',
      fill: 'none',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
    }),
    svgElement('g', { class: 'rmg-badges' })
  );
  return g;
}

/** A person's name in the name layer, filled in and placed per person afterwards. */
function labelTemplate(): SVGTextElement {
  return svgElement('text', {
    class: 'rmg-label',
    'text-anchor': 'middle',
    'font-size': LABEL.size,
    fill: LABEL.color,
    stroke: '#ffffff',
    'stroke-width': LABEL.halo,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  }) as SVGTextElement;
}

/** Writes a <line>'s two ends (a link's, or an evidence line's hit and dotted lines). */
function setEnds(line: Element, x1: number, y1: number, x2: number, y2: number): void {
  line.setAttribute('x1', String(x1));
  line.setAttribute('y1', String(y1));
  line.setAttribute('x2', String(x2));
  line.setAttribute('y2', String(y2));
}
