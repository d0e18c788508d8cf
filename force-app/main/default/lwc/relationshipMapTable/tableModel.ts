/**
 * Rows, columns and sort keys of the table view. Pure functions, no DOM.
 *
 * Picklist columns sort in picklist order (as Salesforce list views do), so "ascending" stance
 * runs Champion → Opponent. A blank value, and Unknown where a picklist has it, is a blank: it
 * sorts last in both directions. Blank side, coverage, link type and strength read as their
 * defaults (Customer, None, Influences, Medium), as the data model defines.
 */
import {
  AUTHORITIES,
  COVERAGES,
  LINK_STRENGTHS,
  LINK_TYPES,
  ROLES,
  SENTIMENTS,
  SIDES,
  STANCES,
} from 'c/relationshipGraph';
import { decidesByRole } from 'c/relationshipGraph';
import type { InfluenceLink, MapAnalysis, MapPerson } from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { SortKey } from './sorting';

/** The subset of a lightning-datatable column definition this view uses. */
export interface DatatableColumn {
  label: string;
  fieldName: string;
  type: 'text' | 'button' | 'percent' | 'date-local';
  sortable: boolean;
  typeAttributes?: Record<string, unknown>;
  cellAttributes?: Record<string, unknown>;
  wrapText?: boolean;
  hideDefaultActions?: boolean;
  initialWidth?: number;
}

/** One row of the people table. Every value is plain text or a number: nothing renders as markup. */
export interface PersonRow {
  id: string;
  name: string;
  title: string;
  side: string;
  role: string;
  authority: string;
  /** Letter and word, e.g. "O Opponent" (the letter the graph draws in the node). */
  stance: string;
  sentiment: string;
  /** Influence over the decision, 0-1 (the datatable shows it as a percent); null when unknown. */
  decisionInfluence: number | null;
  coverage: string;
  /** ISO date `YYYY-MM-DD`, or null. */
  lastInteraction: string | null;
  /** Their latest call, meeting or email (analysis.evidence.lastActivity), `YYYY-MM-DD`; null when none. */
  lastActivity: string | null;
  flags: string;
}

export type PersonField = Exclude<keyof PersonRow, 'id'>;

/** A link's two ends as the table and the cards show them (a button each). */
export interface LinkEnds {
  id: string;
  fromId: string | null;
  toId: string | null;
  fromName: string;
  toName: string;
  /** True when From is not a person on this table (the button is disabled). */
  fromMissing: boolean;
  toMissing: boolean;
}

/** One row of the links table. */
export interface LinkRow extends LinkEnds {
  type: string;
  strength: string;
  notes: string;
}

export type LinkField = 'fromName' | 'type' | 'strength' | 'toName' | 'notes';

/** A row with its sort key per column. */
export interface Entry<R, F extends string> {
  row: R;
  keys: Record<F, SortKey>;
}

/** Row action names fired by the button columns. */
export const SELECT_PERSON = 'select';
export const SELECT_FROM = 'selectFrom';
export const SELECT_TO = 'selectTo';

const text = (fieldName: PersonField | LinkField, label: string, extra: Partial<DatatableColumn> = {}) =>
  ({ label, fieldName, type: 'text', sortable: true, hideDefaultActions: true, ...extra }) as DatatableColumn;

const dateColumn = (fieldName: PersonField, label: string) =>
  ({
    label,
    fieldName,
    type: 'date-local',
    sortable: true,
    hideDefaultActions: true,
    typeAttributes: { year: 'numeric', month: 'short', day: '2-digit' },
  }) as DatatableColumn;

export const PEOPLE_COLUMNS: readonly DatatableColumn[] = [
  {
    label: 'Name',
    fieldName: 'name',
    type: 'button',
    sortable: true,
    hideDefaultActions: true,
    typeAttributes: { label: { fieldName: 'name' }, name: SELECT_PERSON, variant: 'base' },
  },
  text('title', 'Title', { wrapText: true }),
  text('side', 'Side'),
  text('role', 'Role'),
  text('authority', 'Authority'),
  text('stance', 'Stance'),
  text('sentiment', 'Sentiment'),
  {
    label: 'Decision influence',
    fieldName: 'decisionInfluence',
    type: 'percent',
    sortable: true,
    hideDefaultActions: true,
    typeAttributes: { maximumFractionDigits: 1 },
  },
  text('coverage', 'Coverage'),
  dateColumn('lastInteraction', 'Last interaction'),
  dateColumn('lastActivity', 'Last activity'),
  text('flags', 'Flags', { wrapText: true }),
];

const personButton = (fieldName: 'fromName' | 'toName', label: string, name: string, disabled: string) =>
  ({
    label,
    fieldName,
    type: 'button',
    sortable: true,
    hideDefaultActions: true,
    typeAttributes: { label: { fieldName }, name, variant: 'base', disabled: { fieldName: disabled } },
  }) as DatatableColumn;

export const LINK_COLUMNS: readonly DatatableColumn[] = [
  personButton('fromName', 'From', SELECT_FROM, 'fromMissing'),
  text('type', 'Type'),
  text('strength', 'Strength'),
  personButton('toName', 'To', SELECT_TO, 'toMissing'),
  text('notes', 'Notes', { wrapText: true }),
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date `YYYY-MM-DD`, or null. */
const isoDate = (value: unknown): string | null => (typeof value === 'string' && ISO_DATE.test(value) ? value : null);

const clean = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');

/** Position in a picklist, or null when blank (or Unknown, which means "not known"). */
function rank<T extends string>(values: readonly T[], value: T | null | undefined): number | null {
  if (value === null || value === undefined || value === 'Unknown') return null;
  const i = values.indexOf(value);
  return i >= 0 ? i : null;
}

const isDecisionMaker = (p: MapPerson): boolean =>
  p.side !== 'Our Company' && (p.isDecisionMaker === true || decidesByRole(p.role));

/** Flags of each person, from the record and the analysis. */
function flagsOf(p: MapPerson, gaps: ReadonlySet<string>, noPlan: ReadonlySet<string>): string {
  const flags: string[] = [];
  if (isDecisionMaker(p)) flags.push('Decision maker');
  if (p.isPrimaryContact === true) flags.push('Primary contact');
  if (p.isVacant === true) flags.push('Vacant seat');
  if (p.excluded === true) flags.push('Excluded');
  if (gaps.has(p.id)) flags.push('Coverage gap');
  if (noPlan.has(p.id)) flags.push('No contingency plan');
  return flags.join(', ');
}

/**
 * One entry per person. Influence comes from `decisionInfluence`, else from the analysis, else it
 * is blank (e.g. an excluded person).
 */
export function personEntries(
  people: readonly MapPerson[],
  decisionInfluence: Readonly<Record<string, number>> | null | undefined,
  analysis: MapAnalysis | null
): Entry<PersonRow, PersonField>[] {
  const fromAnalysis = new Map((analysis?.influence.people ?? []).map((p) => [p.personId, p.decisionInfluence]));
  const gaps = new Set((analysis?.coverage.gaps ?? []).map((g) => g.personId));
  const noPlan = new Set(
    (analysis?.goals.expectedResistance ?? []).filter((e) => !e.hasContingencyPlan).map((e) => e.personId)
  );
  const lastActivities = analysis?.evidence?.lastActivity;
  return people.map((p) => {
    const stance = stanceOf(p.stance);
    const given = decisionInfluence?.[p.id];
    const influence = typeof given === 'number' && Number.isFinite(given) ? given : (fromAnalysis.get(p.id) ?? null);
    const side = p.side ?? 'Customer';
    const coverage = p.coverage ?? 'None';
    const lastInteraction = isoDate(p.lastInteraction);
    const lastActivity = isoDate(lastActivities?.[p.id]);
    const row: PersonRow = {
      id: p.id,
      name: typeof p.name === 'string' && p.name !== '' ? p.name : p.id,
      title: clean(p.title),
      side,
      role: p.role ?? 'Unknown',
      authority: p.authority ?? 'Unknown',
      stance: `${(STANCE_STYLES[stance] ?? STANCE_STYLES.Unknown).letter} ${stance}`,
      sentiment: p.sentiment ?? 'Unknown',
      decisionInfluence: influence,
      coverage,
      lastInteraction,
      lastActivity,
      flags: flagsOf(p, gaps, noPlan),
    };
    return {
      row,
      keys: {
        name: row.name,
        title: row.title || null,
        side: rank(SIDES, side),
        role: rank(ROLES, p.role),
        authority: rank(AUTHORITIES, p.authority),
        stance: rank(STANCES, p.stance),
        sentiment: rank(SENTIMENTS, p.sentiment),
        decisionInfluence: influence,
        coverage: rank(COVERAGES, coverage),
        lastInteraction,
        lastActivity,
        flags: row.flags || null,
      },
    };
  });
}

/** One entry per link; names come from `people`. */
export function linkEntries(
  links: readonly InfluenceLink[],
  people: readonly MapPerson[]
): Entry<LinkRow, LinkField>[] {
  const names = new Map(people.map((p) => [p.id, typeof p.name === 'string' && p.name !== '' ? p.name : p.id]));
  const end = (id: string | null): { name: string; missing: boolean } => {
    if (id === null || id === undefined || id === '') return { name: 'Removed person', missing: true };
    const name = names.get(id);
    return name === undefined ? { name: 'Not on this map', missing: true } : { name, missing: false };
  };
  return links.map((l) => {
    const from = end(l.fromId);
    const to = end(l.toId);
    const type = l.type ?? 'Influences';
    const strength = l.strength ?? 'Medium';
    const row: LinkRow = {
      id: l.id,
      fromId: from.missing ? null : l.fromId,
      toId: to.missing ? null : l.toId,
      fromName: from.name,
      toName: to.name,
      fromMissing: from.missing,
      toMissing: to.missing,
      type,
      strength,
      notes: clean(l.notes),
    };
    return {
      row,
      keys: {
        fromName: from.missing ? null : from.name,
        type: rank(LINK_TYPES, type),
        strength: rank(LINK_STRENGTHS, strength),
        toName: to.missing ? null : to.name,
        notes: row.notes || null,
      },
    };
  });
}
