/**
 * Moved to c/relationshipMapLook (relationshipMapLook/look.ts), so that the org chart draws a person
 * from the same definition: another component can import only a library's main file. The graph's
 * modules keep importing './look'. Named, not `export *`: the platform compiler refuses `export *`
 * from another module (LWC1507). A new export of look.ts that the graph needs is added here too.
 */
export {
  SELECTED_COLOR,
  FOCUS_COLOR,
  SEARCH_HALO_COLOR,
  NODE_OUTLINE,
  LABEL_COLOR,
  FADED_NODE,
  FADED_LINK,
  LINK_OPACITY,
  BADGE_COLORS,
  EVIDENCE_OPACITY,
  EVIDENCE_HIT_WIDTH,
  evidenceTitle,
  COMPACT_SCALE,
  OUTLINE_WIDTH,
  VACANT_DASH,
  RINGS,
  LABEL,
  BADGE_MARKS,
  badgesOf,
  ringRadii,
  lookOf,
  labelOf,
  labelY,
  dotColor,
  FLAG_WORDS,
  personLabel,
  displayName,
} from 'c/relationshipMapLook';
export type { BadgeKind, Badge, BadgeMark, PersonLook, LabelLook } from 'c/relationshipMapLook';
