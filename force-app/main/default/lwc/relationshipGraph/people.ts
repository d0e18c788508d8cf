/**
 * The people of a map as the analytics see them: each record read defensively (blanks resolved
 * to the field defaults, bad values reported), duplicates dropped, excluded people trimmed, and
 * the primary contact chosen.
 *
 * Determinism: people are indexed in id order, whatever order the input listed them in.
 */
import { PERSON_PICKLISTS as VALUES, decidesByRole } from './model';
import type { Authority, Coverage, GoalImpact, MapPerson, Role, Sentiment, Side, Stance } from './model';
import { dateField, hasId, picklist, text } from './fields';
import { cmp } from './issues';
import type { IssueLog } from './issues';

/** A person as the analytics see them: blanks resolved to the field defaults. */
export interface Person {
  id: string;
  name: string;
  title: string;
  side: Side;
  role: Role;
  authority: Authority;
  stance: Stance;
  sentiment: Sentiment;
  coverage: Coverage;
  goalImpact: GoalImpact;
  isPrimaryContact: boolean;
  isVacant: boolean;
  isDecisionMaker: boolean;
  /** Side is Our Company. */
  isOurs: boolean;
  /** A customer or partner whose stance is Opponent. */
  isOpponent: boolean;
  /** Last_Interaction__c as epoch ms, or null. */
  lastInteractionMs: number | null;
  /**
   * Their latest activity in the map's evidence (issue 17: the contact's latest call, meeting or
   * email, any of our people) as epoch ms, or null (no evidence). Staleness uses the later of this
   * and lastInteractionMs ({@link lastContactMs}).
   */
  lastActivityMs: number | null;
  /** Stance_Changed_At__c as epoch ms, or null. */
  stanceChangedAtMs: number | null;
  /** `User__c` (one of our people) when a non-empty string, else null. */
  userId: string | null;
  /** `Contact__c` when a non-empty string, else null. */
  contactId: string | null;
  /** CreatedDate (added to the map) as epoch ms, or null (blank: added long ago). */
  createdMs: number | null;
  /** The input record. */
  source: MapPerson;
}

/** The effective last interaction: the later of Last_Interaction__c and the latest activity; null: neither. */
export function lastContactMs(p: Pick<Person, 'lastInteractionMs' | 'lastActivityMs'>): number | null {
  const a = p.lastInteractionMs;
  const b = p.lastActivityMs;
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** A person read from the input, and whether they are excluded (to be trimmed). */
export interface PersonCandidate {
  person: Person;
  excluded: boolean;
}

function readPerson(log: IssueLog, raw: unknown, position: number): PersonCandidate | null {
  if (!hasId(log, raw, position, 'People')) return null;
  const id = raw.id;
  let name = text(raw.name).trim();
  if (name === '') {
    log.add({
      severity: 'warning',
      code: 'missing-name',
      message: `Person ${id} has no name; shown by id.`,
      personId: id,
      field: 'name',
    });
    name = id;
  }
  const label = `${name} (${id})`;
  const owner = { personId: id, label };
  const role = picklist(log, raw.role, 'role', VALUES.role, 'Unknown', owner);
  const side = picklist(log, raw.side, 'side', VALUES.side, 'Customer', owner);
  const stance = picklist(log, raw.stance, 'stance', VALUES.stance, 'Unknown', owner);
  picklist(log, raw.communicationStyle, 'communicationStyle', VALUES.communicationStyle, 'Unknown', owner);
  picklist(log, raw.preferredChannel, 'preferredChannel', VALUES.preferredChannel, 'Email', owner, 'blank');
  const roleDecides = decidesByRole(role);
  if (typeof raw.isDecisionMaker === 'boolean' && raw.isDecisionMaker !== roleDecides) {
    log.add({
      severity: 'warning',
      code: 'decision-maker-mismatch',
      message: `${label}: isDecisionMaker is ${String(raw.isDecisionMaker)} but the role is ${role}; treated as a decision maker.`,
      personId: id,
      field: 'isDecisionMaker',
      value: String(raw.isDecisionMaker),
    });
  }
  const person: Person = {
    id,
    name,
    title: text(raw.title).trim(),
    side,
    role,
    authority: picklist(log, raw.authority, 'authority', VALUES.authority, 'Unknown', owner),
    stance,
    sentiment: picklist(log, raw.sentiment, 'sentiment', VALUES.sentiment, 'Unknown', owner),
    coverage: picklist(log, raw.coverage, 'coverage', VALUES.coverage, 'None', owner),
    goalImpact: picklist(log, raw.goalImpact, 'goalImpact', VALUES.goalImpact, 'Unknown', owner),
    isPrimaryContact: raw.isPrimaryContact === true,
    isVacant: raw.isVacant === true,
    isDecisionMaker: roleDecides || raw.isDecisionMaker === true,
    isOurs: side === 'Our Company',
    isOpponent: side !== 'Our Company' && stance === 'Opponent',
    lastInteractionMs: dateField(log, raw.lastInteraction, 'lastInteraction', id, label),
    lastActivityMs: null,
    userId: typeof raw.userId === 'string' && raw.userId !== '' ? raw.userId : null,
    contactId: typeof raw.contactId === 'string' && raw.contactId !== '' ? raw.contactId : null,
    stanceChangedAtMs: dateField(log, raw.stanceChangedAt, 'stanceChangedAt', id, label),
    createdMs: dateField(log, raw.createdDate, 'createdDate', id, label),
    source: raw as unknown as MapPerson,
  };
  return { person, excluded: raw.excluded === true };
}

/** The people of a map, read: who is on it (in id order) and who is known but trimmed. */
export interface PeopleRead {
  /** Every valid person by id, first occurrence, excluded ones included. */
  seen: ReadonlyMap<string, PersonCandidate>;
  /** Non-excluded people, in id order; their position is their node index. */
  people: Person[];
  index: ReadonlyMap<string, number>;
  /** Every known id → node index, or -1 for an excluded person (known, but trimmed). */
  known: ReadonlyMap<string, number>;
  /** Node index of the primary contact, or -1. */
  primary: number;
}

/**
 * Reads the people list. The first occurrence of an id wins; excluded people are known (links
 * to them are not "unknown") but trimmed. Of several primary contacts the first present one in id
 * order is used; a vacant seat (reported) or one of our own people is no primary contact.
 */
export function readPeople(log: IssueLog, peopleIn: readonly unknown[]): PeopleRead {
  const seen = new Map<string, PersonCandidate>();
  peopleIn.forEach((raw, position) => {
    const candidate = readPerson(log, raw, position);
    if (!candidate) return;
    if (seen.has(candidate.person.id)) {
      log.add({
        severity: 'error',
        code: 'duplicate-person',
        message: `Person id ${candidate.person.id} appears more than once (${candidate.person.name}); only the first is used.`,
        personId: candidate.person.id,
      });
      return;
    }
    seen.set(candidate.person.id, candidate);
  });
  const people = [...seen.values()]
    .filter((c) => !c.excluded)
    .map((c) => c.person)
    .sort((a, b) => cmp(a.id, b.id));
  const index = new Map<string, number>();
  people.forEach((p, i) => index.set(p.id, i));
  const known = new Map<string, number>();
  for (const [id, c] of seen) known.set(id, c.excluded ? -1 : index.get(id)!);

  // The primary contact is the first flagged person (id order) who is there: a flagged seat that
  // is vacant is reported, and a live flagged contact is used instead.
  const flagged = people.filter((p) => p.isPrimaryContact && !p.isOurs);
  const live = flagged.filter((p) => !p.isVacant);
  const primary = live.length > 0 ? index.get(live[0].id)! : -1;
  for (const p of flagged) {
    if (!p.isVacant) continue;
    log.add({
      severity: 'warning',
      code: 'vacant-primary-contact',
      message:
        live.length > 0
          ? `${p.name} is flagged as the primary contact but their seat is vacant; ${live[0].name} is used.`
          : `${p.name} is flagged as the primary contact but their seat is vacant: flag the person who took over as primary contact.`,
      personId: p.id,
      field: 'isPrimaryContact',
    });
  }
  if (live.length > 1) {
    log.add({
      severity: 'warning',
      code: 'multiple-primary-contacts',
      message: `${live.length} primary contacts (${live.map((p) => p.name).join(', ')}); at most one is allowed, ${live[0].name} is used.`,
      personId: live[0].id,
    });
  }
  return { seen, people, index, known, primary };
}
