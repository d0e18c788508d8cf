/**
 * The map's filters as data: which people the map shows, the views and export kinds, and how one
 * filter control's value becomes a change to merge. Pure TypeScript with no component code, so the
 * container's model (relationshipMap/mapModel.ts), the toolbar and Node (npm run bench) share it.
 */
import { ROLES, SIDES, STANCES } from 'c/relationshipGraph';
import type { Role, Side, Stance } from 'c/relationshipGraph';

/** The role filter's value for "Decision Maker or Economic Buyer". */
export const DECISION_MAKERS = 'decision-makers';

/** Which people the map shows. */
export interface Filters {
  stance: Stance | '';
  /** '' = all; DECISION_MAKERS = Decision Maker or Economic Buyer. */
  role: Role | typeof DECISION_MAKERS | '';
  side: Side | '';
  /** Show people trimmed from the map (they are hidden by default). */
  showExcluded: boolean;
}

export const NO_FILTERS: Readonly<Filters> = Object.freeze({ stance: '', role: '', side: '', showExcluded: false });

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
  if (field === 'stance') return { stance: (STANCES as readonly unknown[]).includes(value) ? (value as Stance) : '' };
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
  return {};
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
