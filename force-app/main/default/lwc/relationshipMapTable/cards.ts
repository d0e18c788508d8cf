/**
 * The table view on a phone: the same rows as the datatables (same order), as cards a thumb can
 * tap. A person card shows name, title, role and side, and the stance as a coloured chip with its
 * letter and word; a link card names both ends (each a button that selects the person) with the
 * link's type and strength. Pure functions, no DOM.
 */
import type { MapPerson } from 'c/relationshipGraph';
import { STANCE_STYLES, stanceOf } from 'c/relationshipMapTheme';
import type { LinkEnds, LinkRow, PersonRow } from './tableModel';

/** Below this width the view shows cards instead of the wide datatables. */
export const PHONE_QUERY = '(max-width: 30em)';

export interface PersonCard {
  id: string;
  name: string;
  title: string;
  hasTitle: boolean;
  /** Role and side, e.g. "Decision Maker · Customer". */
  meta: string;
  stance: string;
  stanceLetter: string;
  stanceStyle: string;
}

/** One end of a link card: a button that selects the person (disabled when they are not on the table). */
export interface LinkCardEnd {
  key: string;
  personId: string | null;
  name: string;
  missing: boolean;
  /** The link's type and strength follow this end (the From end). */
  metaAfter: boolean;
  metaKey: string;
}

/** A link card: the row's two ends (buttons, From then To), and its type and strength in one line between them. */
export interface LinkCard {
  id: string;
  ends: LinkCardEnd[];
  /** "Influences · Strong". */
  meta: string;
}

/** One card per row, in the rows' order; the stance comes from the person (the row has its text). */
export function personCards(rows: readonly PersonRow[], people: readonly MapPerson[]): PersonCard[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((row) => {
    const stance = stanceOf(byId.get(row.id)?.stance);
    const style = STANCE_STYLES[stance] ?? STANCE_STYLES.Unknown;
    const meta = [row.role, row.side].filter((s) => s !== '').join(' · ');
    return {
      id: row.id,
      name: row.name,
      title: row.title,
      hasTitle: row.title !== '',
      meta,
      stance,
      stanceLetter: style.letter,
      stanceStyle: `background-color: ${style.color}; color: ${style.textColor};`,
    };
  });
}

/** One card per row: the row's two ends, its type and strength in one line (the notes stay in the table). */
export function linkCards(rows: readonly LinkRow[]): LinkCard[] {
  const end = (e: LinkEnds, from: boolean): LinkCardEnd => ({
    key: from ? 'from' : 'to',
    personId: from ? e.fromId : e.toId,
    name: from ? e.fromName : e.toName,
    missing: from ? e.fromMissing : e.toMissing,
    metaAfter: from,
    metaKey: from ? 'from-meta' : 'to-meta',
  });
  return rows.map((row) => ({
    id: row.id,
    ends: [end(row, true), end(row, false)],
    meta: `${row.type} · ${row.strength}`,
  }));
}
