/**
 * Selection, warm path and search on the drawn chart: rings, fading, bold names, tab stops. Over
 * a tree the curves are a second layer: quieter until a person is selected, then theirs stand out
 * and the rest step back.
 */
import { nameMatches } from 'c/relationshipMapFilters';
import { FADED_LINK, FADED_NODE, LABEL } from 'c/relationshipMapLook';
import type { Layers } from './drawing';
import type { ChartEdge, ChartNode, ChartOverlay, OrgChart } from './orgChartLayout';

/** Opacity of the links over the tree while nobody is selected (the graph's LINK_OPACITY is for links alone). */
const OVERLAY_OPACITY = 0.5;
/** Opacity of what does not match a search. */
const UNMATCHED = 0.35;

export interface ChartStateInputs {
  selectedId: string | null;
  /** The chart's one tab stop. */
  rovingId: string | null;
  highlightIds: readonly string[];
  highlightLinkIds: readonly string[];
  searchTerm: string;
}

export function applyStates(layers: Layers, chart: OrgChart, inputs: ChartStateInputs): void {
  const { selectedId: selected, rovingId } = inputs;
  const term = inputs.searchTerm;
  const matches = new Set(
    term.trim() ? chart.nodes.filter((n) => nameMatches(n.person.name, term)).map((n) => n.id) : []
  );
  const path = new Set(inputs.highlightIds.filter((id) => chart.nodeById.has(id)));
  const pathLinks = new Set(inputs.highlightLinkIds);
  const onPath = (o: ChartOverlay): boolean => {
    if (pathLinks.size > 0) return pathLinks.has(o.id);
    return path.has(o.tailId) && path.has(o.headId);
  };
  const nodeOpacity = (d: ChartNode): number => {
    if (path.size > 0) return path.has(d.id) ? 1 : FADED_NODE;
    if (matches.size > 0) return matches.has(d.id) ? 1 : UNMATCHED;
    return 1;
  };
  const emphasised = (d: ChartNode): boolean => d.id === selected || matches.has(d.id) || path.has(d.id);
  const nodes = layers.nodes.selectAll<SVGGElement, ChartNode>('g.rmo-node');
  nodes
    .attr('opacity', nodeOpacity)
    .attr('tabindex', (d) => (d.id === rovingId ? 0 : -1))
    .attr('aria-current', (d) => (d.id === selected ? 'true' : null))
    .classed('rmo-selected', (d) => d.id === selected)
    .classed('rmo-match', (d) => matches.has(d.id));
  nodes.select('.rmo-select-ring').attr('display', (d) => (d.id === selected ? null : 'none'));
  nodes.select('.rmo-search-halo').attr('display', (d) => (matches.has(d.id) ? null : 'none'));
  // Names are drawn in their own layer (drawing.ts): they fade and turn bold with their people.
  layers.names
    .selectAll<SVGTextElement, ChartNode>('text.rmo-label')
    .attr('opacity', (d) => (nodeOpacity(d) < 1 ? nodeOpacity(d) : null))
    .attr('font-weight', (d) => (emphasised(d) ? LABEL.emphasisedWeight : LABEL.weight));
  layers.toggles
    .selectAll<SVGGElement, ChartNode>('g.rmo-toggle')
    .attr('tabindex', (d) => (d.id === rovingId ? 0 : -1))
    .attr('opacity', nodeOpacity);
  const fading = path.size > 0 || pathLinks.size > 0;
  const ofSelected = (o: ChartOverlay): boolean => o.tailId === selected || o.headId === selected;
  const selecting = selected !== null && chart.nodeById.has(selected);
  const overlayOpacity = (o: ChartOverlay): number => {
    if (fading) return onPath(o) ? 1 : FADED_LINK;
    if (matches.size > 0) return UNMATCHED;
    if (selecting) return ofSelected(o) ? 1 : FADED_LINK;
    return OVERLAY_OPACITY;
  };
  const stands = (o: ChartOverlay): boolean => (fading ? onPath(o) : !matches.size && selecting && ofSelected(o));
  layers.overlays
    .selectAll<SVGPathElement, ChartOverlay>('path.rmo-link')
    .attr('opacity', overlayOpacity)
    .attr('stroke-width', (o) => (stands(o) ? o.width + 2 : o.width))
    .classed('rmo-highlighted', stands);
  layers.edges
    .selectAll<SVGPathElement, ChartEdge>('path.rmo-edge')
    .attr('opacity', (e) => (fading ? (path.has(e.managerId) && path.has(e.reportId) ? 1 : FADED_LINK) : 1));
}
