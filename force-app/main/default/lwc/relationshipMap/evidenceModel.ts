/**
 * What the map tab shows of the activity evidence (issue 17), derived from the analytics'
 * `analysis.evidence` (c/relationshipGraph, evidence.ts): the design settings, the evidence lines
 * the graph draws, the suggestions still open, and a person's Activity section in the panel.
 * Pure: the sentences are the analytics' (one source); this module only picks and arranges them.
 */
import { linkSuggestionKey } from 'c/relationshipGraph';
import type { EvidenceAnalysis, EvidenceTie, LinkStrength, MapEvidence, MapPerson } from 'c/relationshipGraph';
import type { LinkSuggestion, PersonSuggestion } from 'c/relationshipGraph';
import type { EvidenceStatus, PersonActivity } from 'c/relationshipMapPersonActivity';

export type { EvidenceStatus, PersonActivity };

/** The evidence design attributes, checked (App Builder accepts what an admin types). */
export interface EvidenceSettings {
  /** The activity window in months (1-36). */
  windowMonths: number;
  /** Whether coverage and warm paths count evidence as Relationship links (analytics `evidence.countsAsRelationship`). */
  countsAsRelationship: boolean;
}

export const DEFAULT_EVIDENCE_SETTINGS: Readonly<EvidenceSettings> = Object.freeze({
  windowMonths: 12,
  countsAsRelationship: true,
});

export function resolveEvidenceSettings(windowMonths: unknown, countsAsRelationship: unknown): EvidenceSettings {
  const n = typeof windowMonths === 'string' && windowMonths.trim() !== '' ? Number(windowMonths) : windowMonths;
  const months = typeof n === 'number' && Number.isFinite(n) ? Math.round(Math.min(36, Math.max(1, n))) : 12;
  // A Boolean design attribute arrives as a boolean, or as text from some pages.
  const counts = countsAsRelationship === false || String(countsAsRelationship).trim().toLowerCase() === 'false';
  return { windowMonths: months, countsAsRelationship: !counts };
}

/** An evidence line between our person and theirs (c/relationshipMapGraph's `evidenceLinks`). */
export interface EvidenceLink {
  /** `link:<userId>:<contactId>`, the tie's suggestion key. */
  id: string;
  fromId: string;
  toId: string;
  strength: LinkStrength;
  /** "12 meetings, 30 emails, last 3 days ago". */
  summary: string;
}

/** The lines the graph draws: ties with a strength between two people it draws. */
export function evidenceLinksOf(
  evidence: EvidenceAnalysis | null | undefined,
  people: readonly MapPerson[]
): EvidenceLink[] {
  if (!evidence) return [];
  const drawn = new Set(people.map((p) => p.id));
  const lines: EvidenceLink[] = [];
  for (const tie of evidence.mapTies) {
    const { ourPersonId: fromId, theirPersonId: toId, strength } = tie;
    if (!fromId || !toId || !strength || !drawn.has(fromId) || !drawn.has(toId)) continue;
    lines.push({ id: linkSuggestionKey(tie.userId, tie.contactId), fromId, toId, strength, summary: tie.summary });
  }
  return lines;
}

/** The suggestions the rep still sees: the analytics' (dismissed ones already left out), less those being accepted or dismissed. */
export interface OpenSuggestions {
  links: LinkSuggestion[];
  people: PersonSuggestion[];
}

export const NO_SUGGESTIONS: OpenSuggestions = Object.freeze({ links: [], people: [] });

export function openSuggestions(
  evidence: EvidenceAnalysis | null | undefined,
  hidden: readonly string[]
): OpenSuggestions {
  if (!evidence) return NO_SUGGESTIONS;
  const gone = new Set(hidden);
  return {
    links: evidence.linkSuggestions.filter((s) => !gone.has(s.key)),
    people: evidence.personSuggestions.filter((s) => !gone.has(s.key)),
  };
}

/** A suggestion the rep accepted: what to save. */
export type Acceptance =
  | { kind: 'link'; key: string; fromId: string; toId: string; strength: LinkStrength }
  | { kind: 'person'; key: string; recordId: string; side: 'Customer' | 'Our Company' };

/** What accepting the suggestion with this key saves, or null when it is no longer open. */
export function acceptanceOf(open: OpenSuggestions, key: string): Acceptance | null {
  const link = open.links.find((s) => s.key === key);
  if (link) {
    const strength = link.tie.strength ?? 'Strong';
    return { kind: 'link', key, fromId: link.ourPersonId, toId: link.theirPersonId, strength };
  }
  const person = open.people.find((s) => s.key === key);
  if (!person) return null;
  return { kind: 'person', key, recordId: person.recordId, side: person.isUser ? 'Our Company' : 'Customer' };
}

// ------------------------------------------------------------------ the panel's Activity section (c/relationshipMapPersonActivity)

function tiesOf(person: MapPerson, evidence: EvidenceAnalysis): EvidenceTie[] {
  if (person.side === 'Our Company')
    return person.userId ? evidence.ties.filter((t) => t.userId === person.userId) : [];
  return person.contactId ? evidence.ties.filter((t) => t.contactId === person.contactId) : [];
}

/** The person's Activity section: their ties (the other side's names), last activity, their suggestion. */
export function personActivity(
  person: MapPerson | null,
  evidence: EvidenceAnalysis | null | undefined,
  data: MapEvidence | null,
  open: OpenSuggestions,
  options: { status: EvidenceStatus; error: string; canAct: boolean; windowMonths: number }
): PersonActivity | null {
  if (!person) return null;
  const months = data?.windowMonths ?? options.windowMonths;
  const base: PersonActivity = {
    status: options.status,
    error: options.error,
    rows: [],
    help: `From the last ${months === 1 ? 'month' : `${months} months`} of calls, meetings and emails you can see.`,
    lastDate: '',
    truncated: false,
    suggestion: null,
    canAct: options.canAct,
  };
  if (!evidence || !data) return base;
  const ours = person.side === 'Our Company';
  const names = new Map(data.people.map((p) => [p.id, p.name]));
  const ties = tiesOf(person, evidence);
  const rows = ties.map((t) => {
    const otherId = ours ? t.contactId : t.userId;
    return {
      key: `${t.userId}:${t.contactId}`,
      name: names.get(otherId) ?? 'Someone you cannot see',
      summary: t.summary,
      strength: t.strength ?? '',
      onMap: !!(ours ? t.theirPersonId : t.ourPersonId),
    };
  });
  const lastDate = ties.reduce((latest, t) => (t.lastDate > latest ? t.lastDate : latest), '');
  const link = open.links.find((s) => (ours ? s.ourPersonId : s.theirPersonId) === person.id);
  const suggestion = link
    ? { key: link.key, sentence: link.sentence, name: names.get(ours ? link.tie.contactId : link.tie.userId) ?? '' }
    : null;
  return { ...base, rows, lastDate, truncated: data.truncated === true, suggestion };
}
