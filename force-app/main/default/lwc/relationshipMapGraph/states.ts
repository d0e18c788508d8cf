/**
 * Selection and filter states: from the selected person, the hovered one, the warm path and the
 * search term, how opaque each person, link and evidence line is, which links are highlighted,
 * who is emphasised. Evidence lines fade as links do. Both renderers apply the same states. No DOM.
 */
import { nameMatches } from 'c/relationshipMapFilters';
import { EVIDENCE_OPACITY, FADED_LINK, FADED_NODE, LINK_OPACITY } from './look';
import type { GraphEvidence, GraphLink, GraphNode, Scene } from './scene';

export interface SceneStates {
  nodeOpacity: (d: GraphNode) => number;
  linkOpacity: (l: GraphLink) => number;
  highlighted: (l: GraphLink) => boolean;
  /** An evidence line's opacity: EVIDENCE_OPACITY at rest, faded as links fade. */
  evidenceOpacity: (e: GraphEvidence) => number;
  /** Whether an evidence line is a step of the highlighted warm path (its id in highlightLinkIds). */
  evidenceHighlighted: (e: GraphEvidence) => boolean;
  emphasised: (d: GraphNode) => boolean;
  /** People whose name matches the search. */
  matches: ReadonlySet<string>;
  selectedId: string | null;
  /** The person under the pointer (their name shows even where there was no room for it). */
  hoverId: string | null;
  /** The person who is the map's one tab stop. */
  rovingId: string | null;
}

export interface StateInputs {
  selectedId: string | null;
  hoverId: string | null;
  rovingId: string | null;
  highlightIds: readonly string[];
  highlightLinkIds: readonly string[];
  searchTerm: string;
}

export function deriveStates(scene: Scene, inputs: StateInputs): SceneStates {
  const { selectedId: selected, rovingId } = inputs;
  const hover = inputs.hoverId !== null && scene.nodeById.has(inputs.hoverId) ? inputs.hoverId : null;
  const hoverSet = hover ? new Set([hover, ...(scene.neighbours.get(hover) ?? [])]) : null;
  // Whom the hovered person has evidence with stay clear too, as their links' people do.
  if (hover && hoverSet) {
    for (const e of scene.evidence) {
      if (e.source.id === hover) hoverSet.add(e.target.id);
      else if (e.target.id === hover) hoverSet.add(e.source.id);
    }
  }
  const pathSet = new Set(inputs.highlightIds.filter((id) => scene.nodeById.has(id)));
  const pathLinks = new Set(inputs.highlightLinkIds);
  const term = inputs.searchTerm;
  const matches = new Set(
    term.trim() ? scene.nodes.filter((n) => nameMatches(n.person.name, term)).map((n) => n.id) : []
  );

  const nodeOpacity = (d: GraphNode): number => {
    if (hoverSet) return hoverSet.has(d.id) ? 1 : FADED_NODE;
    if (pathSet.size > 0) return pathSet.has(d.id) ? 1 : FADED_NODE;
    if (matches.size > 0) return matches.has(d.id) ? 1 : 0.35;
    return 1;
  };
  const onPath = (l: GraphLink): boolean =>
    (pathLinks.size > 0 && pathLinks.has(l.id)) ||
    (pathLinks.size === 0 && pathSet.has(l.source.id) && pathSet.has(l.target.id));
  const linkOpacity = (l: GraphLink): number => {
    if (hoverSet) return l.source.id === hover || l.target.id === hover ? 1 : FADED_LINK;
    if (pathSet.size > 0 || pathLinks.size > 0) return onPath(l) ? 1 : FADED_LINK;
    if (matches.size > 0) return 0.35;
    return LINK_OPACITY;
  };
  const highlighted = (l: GraphLink): boolean => (pathSet.size > 0 || pathLinks.size > 0) && onPath(l);
  // A warm path step that rests on evidence names the evidence line's id; without link ids, a line
  // between two people of the path is on it (as for links).
  const evidenceOnPath = (e: GraphEvidence): boolean => {
    if (pathLinks.size > 0) return pathLinks.has(e.id);
    return pathSet.has(e.source.id) && pathSet.has(e.target.id);
  };
  const evidenceOpacity = (e: GraphEvidence): number => {
    if (hoverSet) return e.source.id === hover || e.target.id === hover ? 1 : FADED_LINK;
    if (pathSet.size > 0 || pathLinks.size > 0) return evidenceOnPath(e) ? 1 : FADED_LINK;
    if (matches.size > 0) return 0.35;
    return EVIDENCE_OPACITY;
  };
  const evidenceHighlighted = (e: GraphEvidence): boolean =>
    (pathSet.size > 0 || pathLinks.size > 0) && evidenceOnPath(e);
  const emphasised = (d: GraphNode): boolean =>
    d.id === selected || matches.has(d.id) || pathSet.has(d.id) || d.id === hover;
  return {
    nodeOpacity,
    linkOpacity,
    highlighted,
    evidenceOpacity,
    evidenceHighlighted,
    emphasised,
    matches,
    selectedId: selected,
    hoverId: hover,
    rovingId,
  };
}
