/**
 * A person's look, defined once: shape, fill, outline, stance letter, decision-maker rings,
 * badges, name label, and the rings and halo that states add. The SVG renderer, the canvas
 * painter and the export all draw from here, so a map of 9 people and a map of 900 look the same.
 */
import type { MapPerson } from 'c/relationshipGraph';
import { OUR_COLOR, STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import { boundaryDistance, letterSize, ringGap, starPath, trianglePath } from './geometry';
import type { DrawnNode, NodeShape } from './geometry';

export const SELECTED_COLOR = '#0176D3';
export const FOCUS_COLOR = '#000000';
export const SEARCH_HALO_COLOR = '#FFE27A';
export const NODE_OUTLINE = '#3E3E3C';
export const LABEL_COLOR = '#181818';
export const FADED_NODE = 0.18;
export const FADED_LINK = 0.08;
export const LINK_OPACITY = 0.85;
export const BADGE_COLORS = { star: '#F4BC25', gap: '#BA0517', white: '#ffffff' } as const;
/**
 * Opacity of an activity-evidence line at rest (its colour, dots and width are EVIDENCE_STYLE of
 * c/relationshipMapTheme): a little under a typed link's, so the links people typed stay in front.
 */
export const EVIDENCE_OPACITY = 0.8;
/** Width of the invisible line along an evidence line that the pointer hovers (its tooltip), in map units. */
export const EVIDENCE_HIT_WIDTH = 10;

/** Below this zoom, only emphasised people keep their name labels. */
export const COMPACT_SCALE = 0.55;
/** Outline width of a person's shape, and of each decision-maker ring. */
export const OUTLINE_WIDTH = 1.5;
/** The dash of a vacant seat's outline. */
export const VACANT_DASH: readonly number[] = [4, 3];
/**
 * The rings around a person: a decision maker's double ring (at PersonLook.rings), and the rings
 * and halo that states add (selection, keyboard focus, search match), each at `radius(d)`.
 */
export const RINGS = {
  decisionMaker: { color: NODE_OUTLINE, width: OUTLINE_WIDTH },
  select: { color: SELECTED_COLOR, width: 3, radius: (d: DrawnNode): number => d.radius + ringGap(d) + 4 },
  focus: { color: FOCUS_COLOR, width: 2, radius: (d: DrawnNode): number => d.radius + ringGap(d) + 8 },
  searchHalo: { color: SEARCH_HALO_COLOR, radius: (d: DrawnNode): number => d.radius + 8 },
} as const;
/** Name labels: size, colour, white halo width, and how far below the shape the baseline is. */
export const LABEL = { size: 11, color: LABEL_COLOR, halo: 3, below: 14, weight: 400, emphasisedWeight: 700 } as const;

export type BadgeKind = 'primary' | 'coverage-gap' | 'stale';

export interface Badge {
  kind: BadgeKind;
  x: number;
  y: number;
}

/**
 * One mark of a badge, centred on the badge: a filled outline (an SVG path of M/L/Z, or a circle
 * of radius r) with an optional outline, an open stroked line, or a short text.
 */
export type BadgeMark =
  | { type: 'fill'; path: string; color: string; outline: { color: string; width: number } }
  | { type: 'circle'; r: number; color: string; outline: { color: string; width: number } }
  | { type: 'stroke'; path: string; color: string; width: number }
  | { type: 'text'; text: string; y: number; size: number; weight: number; color: string };

/** Star for the primary contact, warning for a coverage gap, clock for stale. */
export const BADGE_MARKS: Readonly<Record<BadgeKind, readonly BadgeMark[]>> = {
  primary: [
    { type: 'fill', path: starPath(6.5), color: BADGE_COLORS.star, outline: { color: NODE_OUTLINE, width: 1 } },
  ],
  'coverage-gap': [
    { type: 'fill', path: trianglePath(6), color: BADGE_COLORS.gap, outline: { color: BADGE_COLORS.white, width: 1 } },
    { type: 'text', text: '!', y: 3.5, size: 8, weight: 700, color: BADGE_COLORS.white },
  ],
  stale: [
    { type: 'circle', r: 5.5, color: BADGE_COLORS.white, outline: { color: NODE_OUTLINE, width: 1 } },
    { type: 'stroke', path: 'M0,-3.5L0,0L2.8,0', color: NODE_OUTLINE, width: 1.2 },
  ],
};

/** Badges of a person, at the corners of their shape: primary contact, coverage gap, stale. */
export function badgesOf(d: DrawnNode): Badge[] {
  const corner = boundaryDistance(d.shape, d.radius, 1, 1) * Math.SQRT1_2 + 1;
  const badges: Badge[] = [];
  if (d.person.isPrimaryContact) badges.push({ kind: 'primary', x: corner, y: -corner });
  if (d.flags.includes('coverage-gap')) badges.push({ kind: 'coverage-gap', x: -corner, y: -corner });
  if (d.flags.includes('stale')) badges.push({ kind: 'stale', x: corner, y: corner });
  return badges;
}

/** Radii of a decision maker's double ring (none for anyone else). */
export function ringRadii(d: DrawnNode): number[] {
  return d.person.isDecisionMaker ? [d.radius + 3, d.radius + 6] : [];
}

/** Everything that makes a person's picture, from their data. */
export interface PersonLook {
  shape: NodeShape;
  radius: number;
  fill: string;
  outline: string;
  /** Dash of the outline (vacant seats), or null for a solid one. */
  dash: readonly number[] | null;
  letter: string;
  letterColor: string;
  letterSize: number;
  /** The decision-maker rings (RINGS.decisionMaker). */
  rings: number[];
  outlineWidth: number;
  badges: Badge[];
}

/** The name under the shape: its text, whether italic (vacant), and its baseline below the centre. */
export interface LabelLook {
  text: string;
  italic: boolean;
  y: number;
}

export function lookOf(d: DrawnNode): PersonLook {
  const stance = STANCE_STYLES[stanceOf(d.person.stance)];
  return {
    shape: d.shape,
    radius: d.radius,
    fill: stance.color,
    outline: d.person.side === 'Our Company' ? OUR_COLOR : NODE_OUTLINE,
    dash: d.person.isVacant ? VACANT_DASH : null,
    letter: stance.letter,
    letterColor: stance.textColor,
    letterSize: letterSize(d.radius),
    rings: ringRadii(d),
    outlineWidth: OUTLINE_WIDTH,
    badges: badgesOf(d),
  };
}

export function labelOf(d: DrawnNode): LabelLook {
  return { text: displayName(d.person), italic: d.person.isVacant === true, y: labelY(d) };
}

/** The baseline of a person's name label, below their centre. */
export function labelY(d: DrawnNode): number {
  return boundaryDistance(d.shape, d.radius + ringGap(d), 0, 1) + LABEL.below;
}

/** The colour of a person drawn as a plain dot (too small on screen for more). */
export function dotColor(person: MapPerson): string {
  const stance = stanceOf(person.stance);
  return stance === 'Unknown' ? NODE_OUTLINE : STANCE_STYLES[stance].color;
}

/** Flags drawn as badges, with the words a screen reader says for them. */
export const FLAG_WORDS: Readonly<Record<string, string>> = {
  'coverage-gap': 'coverage gap',
  stale: 'stale',
};

/**
 * The accessible name of a person's node: "Name, Title, Role, Stance[, decision maker]
 * [, primary contact][, vacant]", then side and flags, so everything the drawing shows by shape,
 * ring or badge is also said in words.
 */
export function personLabel(person: MapPerson, flags: readonly string[] = []): string {
  const parts: string[] = [displayName(person)];
  const title = person.title?.trim();
  if (title) parts.push(title);
  const role = person.role ?? 'Unknown';
  parts.push(role === 'Unknown' ? 'role unknown' : role);
  const stance = stanceOf(person.stance);
  parts.push(stance === 'Unknown' ? 'stance unknown' : stance);
  if (person.isDecisionMaker && role !== 'Decision Maker') parts.push('decision maker');
  if (person.isPrimaryContact) parts.push('primary contact');
  if (person.isVacant) parts.push('vacant');
  if (person.side === 'Our Company') parts.push('our company');
  if (person.side === 'Partner') parts.push('partner');
  for (const flag of flags) {
    const words = FLAG_WORDS[flag];
    if (words) parts.push(words);
  }
  return parts.join(', ');
}

/** The name to show; a blank name still gets words. */
export function displayName(person: MapPerson): string {
  const name = typeof person.name === 'string' ? person.name.trim() : '';
  return name || 'Unnamed person';
}

/**
 * What an activity-evidence line says on hover: "Dana Reyes ↔ Lee Park: 12 meetings, 30 emails,
 * last 3 days ago" (the summary is the analytics' sentence; without one, only the two names).
 */
export function evidenceTitle(ours: MapPerson, theirs: MapPerson, summary: string): string {
  const pair = `${displayName(ours)} ↔ ${displayName(theirs)}`;
  const words = summary.trim();
  return words ? `${pair}: ${words}` : pair;
}
