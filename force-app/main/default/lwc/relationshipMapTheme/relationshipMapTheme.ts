/**
 * How the relationship map encodes meaning, shared by the graph, legend, table and panels so
 * they always agree. Stance colours are the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies) and every stance also has a letter, so colour is never the only cue.
 */
import type { LinkStrength, LinkType, Side, Stance } from 'c/relationshipGraph';

export interface StanceStyle {
  /** Fill colour of the node. */
  color: string;
  /** Text colour that reads on `color` (contrast ≥ 4.5:1). */
  textColor: string;
  /** One letter drawn in the node and shown in the legend. */
  letter: string;
  /** What the stance means, for legends and tooltips. */
  description: string;
}

export const STANCE_STYLES: Readonly<Record<Stance, StanceStyle>> = {
  Champion: { color: '#009E73', textColor: '#000000', letter: 'C', description: 'Pushes for our goal' },
  Supporter: { color: '#56B4E9', textColor: '#000000', letter: 'S', description: 'Favours our goal' },
  Neutral: { color: '#BBBBBB', textColor: '#000000', letter: 'N', description: 'Neither for nor against' },
  Skeptic: { color: '#E69F00', textColor: '#000000', letter: 'K', description: 'Doubts our goal' },
  Opponent: { color: '#D55E00', textColor: '#000000', letter: 'O', description: 'Works against our goal' },
  Unknown: { color: '#FFFFFF', textColor: '#000000', letter: '?', description: 'Stance not yet known' },
};

/** Stance of a person, with blanks read as Unknown (as the data model defines). */
export function stanceOf(stance: Stance | null | undefined): Stance {
  return stance ?? 'Unknown';
}

export interface LinkStyle {
  color: string;
  /** SVG stroke-dasharray, or '' for a solid line. */
  dash: string;
  /** Whether the line ends in an arrow (the link has a direction). */
  arrow: boolean;
  description: string;
}

/** Our own colour: the Relationship links from our people, and our people's outline. */
export const OUR_COLOR = '#0072B2';

export const LINK_STYLES: Readonly<Record<LinkType, LinkStyle>> = {
  'Reports To': { color: '#555555', dash: '', arrow: true, description: 'Manager → report' },
  Influences: { color: '#7A7A7A', dash: '', arrow: true, description: 'Sways the other person' },
  Ally: { color: '#009E73', dash: '2 3', arrow: false, description: 'Work together' },
  Conflict: { color: '#D55E00', dash: '6 4', arrow: false, description: 'Friction between them' },
  Relationship: { color: OUR_COLOR, dash: '', arrow: false, description: 'One of our people knows them' },
};

/**
 * Activity evidence (calls, meetings, emails between one of our people and one of theirs): its own
 * kind of line, unlike every typed link — dotted (round dots), in a colour no link and no stance
 * uses (Paul Tol's purple, 5.2:1 on white), no arrowhead, thinner than a typed link of the same
 * strength, so it reads as a fact under the links people typed rather than as one of them.
 */
export interface EvidenceStyle {
  color: string;
  /** SVG stroke-dasharray with round caps: a dot (the line's width) every `dash[1]` pixels. */
  dash: string;
  /** The legend's words. */
  label: string;
  description: string;
}

export const EVIDENCE_STYLE: Readonly<EvidenceStyle> = {
  color: '#AA4499',
  dash: '0.1 5',
  label: 'Activity (calls, meetings, emails)',
  description: 'One of our people has met, called or emailed them (point at the line for the counts)',
};

/** Evidence line width in pixels by the strength of the evidence (blank = Medium). */
export const EVIDENCE_WIDTHS: Readonly<Record<LinkStrength, number>> = { Strong: 3, Medium: 2.25, Weak: 1.5 };

export function evidenceWidth(strength: LinkStrength | null | undefined): number {
  return EVIDENCE_WIDTHS[strength ?? 'Medium'] ?? EVIDENCE_WIDTHS.Medium;
}

/** Line width in pixels by link strength (blank = Medium). */
export const STRENGTH_WIDTHS: Readonly<Record<LinkStrength, number>> = { Strong: 3.5, Medium: 2, Weak: 1 };

export function strengthWidth(strength: LinkStrength | null | undefined): number {
  return STRENGTH_WIDTHS[strength ?? 'Medium'];
}

/** Node shape by side: their people are circles, ours squares, partners diamonds. */
export const SIDE_SHAPES: Readonly<Record<Side, 'circle' | 'square' | 'diamond'>> = {
  Customer: 'circle',
  'Our Company': 'square',
  Partner: 'diamond',
};

/** Node radius in pixels for a decision influence in [0, 1]: area grows with influence. */
export function nodeRadius(decisionInfluence: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(decisionInfluence) ? decisionInfluence : 0));
  return 8 + 16 * Math.sqrt(clamped);
}
