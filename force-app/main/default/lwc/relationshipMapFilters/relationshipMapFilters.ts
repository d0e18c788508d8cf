/**
 * The map's filters as data: which people the map shows, the views and export kinds, and how one
 * filter control's value becomes a change to merge, and who the quick filters name (the same rules
 * as the packaged reports). Pure TypeScript with no component code, so the
 * container's model (relationshipMap/mapModel.ts), the toolbar and Node (npm run bench) share it.
 */
import { ROLES, SIDES, STANCES, decidesByRole, isSupportiveStance } from 'c/relationshipGraph';
import type { InfluenceLink, MapPerson, Role, Side, Stance } from 'c/relationshipGraph';

/** The role filter's value for "Decision Maker or Economic Buyer". */
export const DECISION_MAKERS = 'decision-makers';

/** Which people the map shows. */
export interface Filters {
  /** Any of these stances (blank reads as Unknown); empty = all. */
  stance: readonly Stance[];
  /** '' = all; DECISION_MAKERS = Decision Maker or Economic Buyer. */
  role: Role | typeof DECISION_MAKERS | '';
  side: Side | '';
  /** Show people trimmed from the map (they are hidden by default). */
  showExcluded: boolean;
  /** Quick filter: decision makers on their side whose stance is not Champion or Supporter. */
  notSupporting: boolean;
  /** Quick filter: decision makers on their side none of our people has a Relationship link with. */
  uncovered: boolean;
  /** Quick filter: people on their side whom nobody has touched within the stale period. */
  stale: boolean;
}

export const NO_FILTERS: Readonly<Filters> = Object.freeze({
  stance: Object.freeze<Stance[]>([]),
  role: '',
  side: '',
  showExcluded: false,
  notSupporting: false,
  uncovered: false,
  stale: false,
});

/** The quick filters: one click each, shown as pills like the others once on. */
export type QuickFilter = 'notSupporting' | 'uncovered' | 'stale';
export const QUICK_FILTERS: readonly { name: QuickFilter; label: string; dataId: string; title: string }[] = [
  {
    name: 'notSupporting',
    label: 'Not supporting us',
    dataId: 'quick-not-supporting',
    title: 'Decision makers whose stance is not Champion or Supporter',
  },
  {
    name: 'uncovered',
    label: 'Uncovered decision makers',
    dataId: 'quick-uncovered',
    title: 'Decision makers none of our people has a relationship with',
  },
  {
    name: 'stale',
    label: 'Stale people',
    dataId: 'quick-stale',
    title: 'People nobody has talked to or reviewed within the stale period',
  },
];

// ------------------------------------------------------------------ who the quick filters name

/**
 * The rules of the packaged reports and list views (Unsupported Decision Makers, Uncovered
 * Decision Makers, Stale People), on the map's people, so that the map and the reports name the
 * same people: a decision maker is Role Decision Maker or Economic Buyer (Is_Decision_Maker__c),
 * on the customer's or a partner's side.
 */
type Person = Pick<MapPerson, 'id' | 'role' | 'isDecisionMaker' | 'side' | 'stance' | 'excluded' | 'isVacant'>;

const theirs = (p: Person): boolean => (p.side ?? 'Customer') !== 'Our Company';

/** Decision Maker or Economic Buyer (the Is_Decision_Maker__c formula), any side. */
export const isDecisionMaker = (p: Person): boolean => p.isDecisionMaker === true || decidesByRole(p.role);

/** A decision maker on their side whose stance is not Champion or Supporter (Unknown and blank included). */
export const isNotSupporting = (p: Person): boolean => isDecisionMaker(p) && theirs(p) && !isSupportiveStance(p.stance);

/**
 * Ids of the people one of our people covers (Is_Covered__c, MapContactCoverage): neither vacant nor
 * trimmed, with a Relationship link, either way, with one of ours who is neither vacant nor trimmed.
 */
export function coveredIds(people: readonly Person[], links: readonly InfluenceLink[]): Set<string> {
  const present = new Map<string, Person>();
  for (const p of people) if (p && !p.excluded && !p.isVacant) present.set(p.id, p);
  const ours = (id: string | null): boolean => !!id && (present.get(id)?.side ?? '') === 'Our Company';
  const covered = new Set<string>();
  for (const l of links) {
    if (!l || (l.type ?? 'Influences') !== 'Relationship') continue;
    if (ours(l.fromId) && l.toId && present.has(l.toId)) covered.add(l.toId);
    if (ours(l.toId) && l.fromId && present.has(l.fromId)) covered.add(l.fromId);
  }
  return covered;
}

/** A decision maker on their side whom none of our people covers (`covered` from coveredIds). */
export const isUncovered = (p: Person, covered: ReadonlySet<string>): boolean =>
  isDecisionMaker(p) && theirs(p) && !covered.has(p.id);

/** A person on their side, not a vacant seat, among `staleIds` (the map's stale flags). */
export const isStalePerson = (p: Person, staleIds: ReadonlySet<string>): boolean =>
  theirs(p) && !p.isVacant && staleIds.has(p.id);

export type View = 'graph' | 'orgchart' | 'table' | 'plan';
export const VIEWS: readonly View[] = ['graph', 'orgchart', 'table', 'plan'];
/** What Export offers: the drawing (png, svg), the map as JSON, and people, links and graph files (c/relationshipMapExportFormat). */
export type ExportKind = 'png' | 'svg' | 'json' | 'people-csv' | 'links-csv' | 'graphml';
export const EXPORT_KINDS: readonly ExportKind[] = ['png', 'svg', 'json', 'people-csv', 'links-csv', 'graphml'];

/**
 * One filter's new value, checked against its vocabulary ('' when it is not one of them), as the
 * change to merge into the current filters (so that two changes in a row both count).
 */
export function filterChange(field: string, value: unknown): Partial<Filters> {
  if (field === 'stance') return { stance: stancesOf(value) };
  if (field === 'role') {
    const role =
      value === DECISION_MAKERS
        ? DECISION_MAKERS
        : (ROLES as readonly unknown[]).includes(value)
          ? (value as Role)
          : '';
    return { role };
  }
  if (field === 'side') return { side: (SIDES as readonly unknown[]).includes(value) ? (value as Side) : '' };
  if (field === 'showExcluded') return { showExcluded: value === true };
  if (QUICK_FILTERS.some((q) => q.name === field)) return { [field]: value === true };
  return {};
}

/** The stances among `value` (a list, or one value as a single-choice control sends it), in picklist order. */
export function stancesOf(value: unknown): Stance[] {
  const chosen = Array.isArray(value) ? value : [value];
  return STANCES.filter((s) => chosen.includes(s));
}

/** Lower case without accents, so "jose" finds "José" (name search). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Whether a name contains the search term, case and accents ignored; a blank term matches no one. */
export function nameMatches(name: string | null | undefined, term: string): boolean {
  const needle = normalizeForSearch(term.trim());
  return needle !== '' && normalizeForSearch(typeof name === 'string' ? name : '').includes(needle);
}
