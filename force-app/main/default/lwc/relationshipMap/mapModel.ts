/**
 * The container's pure logic, kept out of the component so it reads (and is tested) on its own:
 * where the component is placed, its design settings, the analytics of one map with the flags the
 * graph draws, filters, the warm-path highlight, read-only detection, and the JSON export.
 */
import { analyzePrepared, decidesByRole, prepareMap } from 'c/relationshipGraph';
import type {
  DecisionMakerPaths,
  InfluenceLink,
  MapAnalysis,
  MapEvidence,
  MapPerson,
  PreparedMap,
} from 'c/relationshipGraph';
import type { MapGraph, MapSummary, PersonChanges } from 'c/relationshipMapApi';

// ------------------------------------------------------------------ context

/** What the component shows maps for. */
export type MapContext = { kind: 'account'; accountId: string } | { kind: 'map'; mapId: string } | { kind: 'none' };

const ACCOUNT_KEY_PREFIX = '001';
const isId = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value.trim());

/**
 * On an Account page the record is the account; on a Relationship Map page (with or without a
 * namespace prefix) the record is the map; on an app or home page the `mapId` design attribute
 * names a map. Anything else has no account to show maps for.
 */
export function contextOf(
  recordId: string | null | undefined,
  objectApiName: string | null | undefined,
  mapId: string | null | undefined
): MapContext {
  if (isId(recordId)) {
    const id = recordId.trim();
    const objectName = (objectApiName ?? '').trim();
    if (objectName === 'Account') return { kind: 'account', accountId: id };
    if (/(?:^|__)Relationship_Map__c$/.test(objectName)) return { kind: 'map', mapId: id };
    if (!objectName && id.startsWith(ACCOUNT_KEY_PREFIX)) return { kind: 'account', accountId: id };
  }
  if (isId(mapId)) return { kind: 'map', mapId: mapId.trim() };
  return { kind: 'none' };
}

// ------------------------------------------------------------------ settings

/** The design attributes, checked: App Builder accepts whatever an admin types. */
export interface Settings {
  /** Height of the drawing views in pixels; null = fill the window below the toolbar (./tabLayout). */
  height: number | null;
  /** Analytics `decay`: the fade per level removed. */
  decay: number;
  /** A customer or partner person is stale after this many days without interaction or stance review. */
  staleDays: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ height: null, decay: 0.5, staleDays: 90 });

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/** A number within [min, max], or the fallback when the value is not a number at all. */
function bounded(value: unknown, min: number, max: number, fallback: number): number {
  const n = numberOf(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function resolveSettings(height: unknown, decayFactor: unknown, staleAfterDays: unknown): Settings {
  return {
    height: Number.isFinite(numberOf(height)) ? Math.round(bounded(height, 300, 2000, 300)) : null,
    decay: bounded(decayFactor, 0.1, 0.9, DEFAULT_SETTINGS.decay),
    staleDays: Math.round(bounded(staleAfterDays, 1, 3650, DEFAULT_SETTINGS.staleDays)),
  };
}

// ------------------------------------------------------------------ analytics

/** Flags the graph draws as badges. */
export type PersonFlag = 'coverage-gap' | 'stale';

/** What the map shows beyond the raw records. */
export interface Insights {
  analysis: MapAnalysis;
  /** The map the analysis ran on (for the what-if of someone leaving or being trimmed). */
  prepared: PreparedMap;
  /** Person id → influence over the decision, 0-1. */
  decisionInfluence: Record<string, number>;
  /** Person id → flags (only people with at least one). */
  flags: Record<string, PersonFlag[]>;
  /** Ids of the stale people (customer or partner, no interaction or stance review in `staleDays`). */
  staleIds: string[];
}

/** The account's activity evidence (`getEvidence`) and whether it counts as relationships. */
export interface EvidenceInput {
  data: MapEvidence | null;
  countsAsRelationship: boolean;
}

/**
 * Every analytic of the map (`analyzeMap`, in its two steps so that the prepared people give the
 * stale flags with the same dates and rules as the health score's freshness), with the activity
 * evidence once it has loaded.
 */
export function computeInsights(
  people: readonly MapPerson[],
  links: readonly InfluenceLink[],
  settings: Settings,
  now: Date,
  evidence: EvidenceInput | null = null
): Insights {
  const { decay, staleDays } = settings;
  const countsAsRelationship = evidence?.countsAsRelationship ?? true;
  const prepared = prepareMap(
    { people, links, evidence: evidence?.data ?? null },
    { now, config: { decay, staleDays, evidence: { countsAsRelationship } } }
  );
  const analysis = analyzePrepared(prepared);
  const decisionInfluence: Record<string, number> = {};
  for (const p of analysis.influence.people) decisionInfluence[p.personId] = p.decisionInfluence;
  const flags: Record<string, PersonFlag[]> = {};
  const add = (id: string, flag: PersonFlag) => {
    const list = flags[id] ?? (flags[id] = []);
    if (!list.includes(flag)) list.push(flag);
  };
  for (const gap of analysis.coverage.gaps) add(gap.personId, 'coverage-gap');
  // The analytics' stale rule (Is_Stale__c's): no touch in staleDays, and added before that.
  const staleIds = analysis.stalePeople.map((p) => p.personId);
  for (const id of staleIds) add(id, 'stale');
  return { analysis, prepared, decisionInfluence, flags, staleIds };
}

/** The warm paths to a person when they are a decision maker, or null. */
export function warmPathsOf(analysis: MapAnalysis | null, personId: string | null): DecisionMakerPaths | null {
  if (!analysis || !personId) return null;
  return analysis.warmPaths.find((w) => w.decisionMakerId === personId) ?? null;
}

/** The best warm path to the selected decision maker: its people and links (empty otherwise). */
export function warmHighlight(
  analysis: MapAnalysis | null,
  personId: string | null
): { personIds: string[]; linkIds: string[] } {
  const best = warmPathsOf(analysis, personId)?.paths[0];
  if (!best) return { personIds: [], linkIds: [] };
  return { personIds: [...best.personIds], linkIds: best.steps.map((s) => s.linkId) };
}

// ------------------------------------------------------------------ filters

// The filters' vocabulary belongs to the toolbar that sets them.
import {
  DECISION_MAKERS,
  NO_FILTERS,
  coveredIds,
  isDecisionMaker,
  isNotSupporting,
  isStalePerson,
  isUncovered,
  nameMatches,
  normalizeForSearch,
} from 'c/relationshipMapFilters';
import type { Filters } from 'c/relationshipMapFilters';
export { DECISION_MAKERS, NO_FILTERS };
export type { Filters };

/** What the quick filters read besides the people: the links (who covers whom) and the stale flags. */
export interface FilterContext {
  links?: readonly InfluenceLink[];
  staleIds?: readonly string[];
}

/**
 * The people the filters let through, in their original order. The quick filters name the people
 * the packaged reports name (c/relationshipMapFilters): "Not supporting us", "Uncovered decision
 * makers" (from `context.links`), "Stale people" (from `context.staleIds`).
 */
export function filterPeople(people: readonly MapPerson[], filters: Filters, context: FilterContext = {}): MapPerson[] {
  const stances = Array.isArray(filters.stance) ? filters.stance : [];
  const covered = filters.uncovered ? coveredIds(people, context.links ?? []) : null;
  const stale = filters.stale ? new Set(context.staleIds ?? []) : null;
  return people.filter((p) => {
    if (p.excluded && !filters.showExcluded) return false;
    if (stances.length && !stances.includes(p.stance ?? 'Unknown')) return false;
    if (filters.side && (p.side ?? 'Customer') !== filters.side) return false;
    if (filters.notSupporting && !isNotSupporting(p)) return false;
    if (covered && !isUncovered(p, covered)) return false;
    if (stale && !isStalePerson(p, stale)) return false;
    if (filters.role === DECISION_MAKERS) return isDecisionMaker(p);
    if (filters.role && (p.role ?? 'Unknown') !== filters.role) return false;
    return true;
  });
}

/** The links whose both ends are among `people`. */
export function linksAmong(links: readonly InfluenceLink[], people: readonly MapPerson[]): InfluenceLink[] {
  const ids = new Set(people.map((p) => p.id));
  return links.filter((l) => l.fromId !== null && l.toId !== null && ids.has(l.fromId) && ids.has(l.toId));
}

/** People whose name contains the search term (case and accents ignored); all when it is blank. */
export function searchPeopleByName(people: readonly MapPerson[], term: string): MapPerson[] {
  if (!term.trim()) return [...people];
  return people.filter((p) => nameMatches(p.name, term));
}

// ------------------------------------------------------------------ edits

const sameValue = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

/** A person with `fields` applied. */
export function applyFields(person: MapPerson, fields: PersonChanges): MapPerson {
  const next: MapPerson = { ...person, ...(fields as Partial<MapPerson>) };
  if ('role' in fields) next.isDecisionMaker = decidesByRole(fields.role);
  return next;
}

/** The values `fields` will overwrite, as they are on `person` (to roll back). */
export function snapshotOf(person: MapPerson, fields: PersonChanges): Record<string, unknown> {
  const before: Record<string, unknown> = {};
  const source = person as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) before[key] = source[key] ?? null;
  if ('role' in fields) before.isDecisionMaker = person.isDecisionMaker ?? null;
  return before;
}

/**
 * Rolls back a failed change: each field returns to its `before` value, unless a later edit has
 * changed it since (that edit's own outcome decides it).
 */
export function rollBack(person: MapPerson, attempted: PersonChanges, before: Record<string, unknown>): MapPerson {
  const current = person as unknown as Record<string, unknown>;
  const tried = attempted as Record<string, unknown>;
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(before)) {
    if (key in tried && !sameValue(current[key], tried[key])) continue;
    next[key] = value;
  }
  return next as unknown as MapPerson;
}

/** "stance and sentiment", "3 fields": what an edit changed, for a toast. */
export function describeFields(fields: PersonChanges): string {
  const labels: Record<string, string> = {
    goalImpact: 'goal impact',
    isPrimaryContact: 'primary contact',
    isVacant: 'vacancy',
    lastInteraction: 'last interaction',
    personalGoals: 'personal goals',
    prioritiesPainPoints: 'priorities and pain points',
    ourAssessment: 'our assessment',
    needsFromThem: 'what we need from them',
    expectedReaction: 'expected reaction',
    contingencyPlan: 'contingency plan',
    relationToGoal: 'relation to goal',
    communicationStyle: 'communication style',
    preferredChannel: 'preferred channel',
  };
  const names = Object.keys(fields).map((k) => labels[k] ?? k);
  if (names.length === 0) return 'nothing';
  if (names.length > 3) return `${names.length} fields`;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// ------------------------------------------------------------------ access

/**
 * Whether a write failed because the user may only read this map. The controller reports refused
 * writes as "You don't have access to <action>." (create, add, edit, move) or, for a row,
 * "You don't have access to change this record."; missing delete rights (an admin-only permission)
 * and missing Task rights do not make the whole map read-only.
 */
export function isReadOnlyError(message: string): boolean {
  return /\bdon['’]t have access to (?:create|add|edit|move|change)\b/i.test(message);
}

// ------------------------------------------------------------------ export

/** The map as a JSON document: the records and what the analytics make of them. */
export function exportDocument(graph: MapGraph, insights: Insights | null, exportedAt: Date): string {
  const analysis = insights?.analysis;
  const doc = {
    format: 'relationship-map',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    map: graph.summary,
    people: graph.people,
    links: graph.links,
    changes: graph.changes,
    analysis: analysis
      ? {
          health: { score: analysis.health.score, reasons: analysis.health.reasons },
          decisionInfluence: insights.decisionInfluence,
          warmReach: analysis.warmReach,
          warmPaths: analysis.warmPaths.map((w) => ({
            decisionMakerId: w.decisionMakerId,
            name: w.name,
            status: w.status,
            summary: w.summary,
          })),
          coverageGaps: analysis.coverage.gaps.map((g) => ({ personId: g.personId, summary: g.summary })),
          stalePersonIds: insights.staleIds,
          issues: analysis.issues.map((i) => i.message),
        }
      : null,
  };
  return JSON.stringify(doc, null, 2);
}

/** A file name from the map name: "Fleet renewal" → "fleet-renewal-relationship-map.json". */
export function exportFileName(summary: Pick<MapSummary, 'name'> | null, extension: string): string {
  const slug = normalizeForSearch(summary?.name ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug ? `${slug}-` : ''}relationship-map.${extension}`;
}
