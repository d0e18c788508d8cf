/**
 * What the activity evidence suggests (issue 17): Relationship links between people on the map
 * who meet often, and people off the map whom the evidence says belong on it. The sentences are
 * the ones the map shows (one source: the UI does not write its own).
 *
 * - A link suggestion: a tie between two live people on the map at least `suggestLinkAt` strong
 *   with no typed Relationship link between the two (either direction), not dismissed.
 * - A person suggestion: a contact or one of our users no MapPerson holds (excluded and vacant
 *   people count as held: trimmed on purpose, or their seat keeps their history) whose strongest
 *   tie is at least `offerPeopleAt` strong, named in the evidence, not dismissed.
 *
 * Determinism: ties come sorted (evidence.ts), suggestions follow that order (strongest tie first,
 * then userId, contactId; person suggestions by their strongest tie the same way). O(ties).
 */
import type { EvidenceTie, LinkSuggestion, PersonSuggestion } from './evidence';
import type { PreparedMap } from './graph';

/** `link:<userId>:<contactId>`: the key a dismissed link suggestion is remembered by. */
export const linkSuggestionKey = (userId: string, contactId: string): string => `link:${userId}:${contactId}`;

/** `person:<recordId>`: the key a dismissed person suggestion is remembered by. */
export const personSuggestionKey = (recordId: string): string => `person:${recordId}`;

const RANK: Record<string, number> = { Strong: 3, Medium: 2, Weak: 1 };
const atLeast = (tie: EvidenceTie, level: string): boolean =>
  tie.strength !== null && RANK[tie.strength] >= RANK[level];

/** "once", "8 times". */
export const timesWords = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/** "1 month", "6 months". */
const monthsWords = (m: number): string => (m === 1 ? '1 month' : `${m} months`);

/** The same day `k` months later (UTC), the month's last day when it is shorter: Jan 31 + 1 = Feb 28. */
function addMonths(ms: number, k: number): number {
  const a = new Date(ms);
  const month = a.getUTCMonth() + k;
  const monthDays = new Date(Date.UTC(a.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return Date.UTC(a.getUTCFullYear(), month, Math.min(a.getUTCDate(), monthDays));
}

/**
 * Months from `firstMs` to `asOfMs` (UTC days), a part month counted as one (5 months and 3 days
 * is 6), at least 1: "in 6 months".
 */
export function monthsSince(firstMs: number, asOfMs: number): number {
  const a = new Date(firstMs);
  const b = new Date(asOfMs);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  while (months > 0 && addMonths(firstMs, months) > asOfMs) months--;
  if (addMonths(firstMs, months) < asOfMs) months++;
  return Math.max(1, months);
}

const total = (t: Pick<EvidenceTie, 'meetings' | 'calls' | 'emails'>): number => t.meetings + t.calls + t.emails;

/** "Lee Park (CTO)", or "Lee Park" without a title. */
const withTitle = (name: string, title: string | null | undefined): string => (title ? `${name} (${title})` : name);

/** Link suggestions of a prepared map: strong ties on the map with no Relationship link, not dismissed. */
export function suggestLinks(map: PreparedMap): LinkSuggestion[] {
  const ev = map.evidence;
  const { suggestLinkAt } = map.config.evidence;
  const n = map.people.length;
  const typed = new Set<number>();
  for (const l of map.links)
    if (l.type === 'Relationship') typed.add(Math.min(l.from, l.to) * n + Math.max(l.from, l.to));
  const result: LinkSuggestion[] = [];
  for (const tie of ev.ties) {
    if (!atLeast(tie, suggestLinkAt) || tie.ourPersonId === null || tie.theirPersonId === null) continue;
    const ours = map.index.get(tie.ourPersonId);
    const theirs = map.index.get(tie.theirPersonId);
    if (ours === undefined || theirs === undefined || ours === theirs) continue;
    if (typed.has(Math.min(ours, theirs) * n + Math.max(ours, theirs))) continue;
    const key = linkSuggestionKey(tie.userId, tie.contactId);
    if (ev.dismissed.has(key)) continue;
    const months = monthsSince(ev.firstMs.get(tie) ?? ev.asOfMs, ev.asOfMs);
    result.push({
      key,
      ourPersonId: tie.ourPersonId,
      theirPersonId: tie.theirPersonId,
      tie,
      sentence: `${map.people[ours].name} has met ${map.people[theirs].name} ${timesWords(total(tie))} in ${monthsWords(months)} — add a Relationship link?`,
    });
  }
  return result;
}

/** One record off the map and what its ties add up to. */
interface OffMap {
  recordId: string;
  isUser: boolean;
  best: EvidenceTie;
  activities: number;
  firstMs: number;
}

/** People to add: contacts and users off the map with a tie of at least the offer level, strongest first. */
export function suggestPeople(map: PreparedMap): PersonSuggestion[] {
  const ev = map.evidence;
  const { offerPeopleAt } = map.config.evidence;
  const off = new Map<string, OffMap>();
  const add = (recordId: string, isUser: boolean, tie: EvidenceTie) => {
    if (ev.held.has(recordId)) return;
    const first = ev.firstMs.get(tie) ?? ev.asOfMs;
    const seen = off.get(recordId);
    if (!seen) off.set(recordId, { recordId, isUser, best: tie, activities: total(tie), firstMs: first });
    else {
      seen.activities += total(tie);
      if (first < seen.firstMs) seen.firstMs = first;
    }
  };
  // Ties come strongest first: the first tie of a record is its best.
  for (const tie of ev.ties) {
    add(tie.contactId, false, tie);
    add(tie.userId, true, tie);
  }
  const result: PersonSuggestion[] = [];
  for (const o of off.values()) {
    if (!atLeast(o.best, offerPeopleAt)) continue;
    const person = ev.people.get(o.recordId);
    const key = personSuggestionKey(o.recordId);
    if (!person || ev.dismissed.has(key)) continue;
    let sentence: string;
    if (o.isUser) {
      const at = o.best.theirPersonId === null ? undefined : map.index.get(o.best.theirPersonId);
      const c = at === undefined ? null : map.people[at];
      const named = ev.people.get(o.best.contactId);
      const contact = c
        ? withTitle(c.name, c.title)
        : named
          ? withTitle(named.name, named.title)
          : 'one of their people';
      const from = person.department ? ` from ${person.department}` : '';
      sentence = `${person.name}${from} has met ${contact} ${timesWords(total(o.best))} — add them to the map?`;
    } else {
      const months = monthsSince(o.firstMs, ev.asOfMs);
      sentence = `Our people met ${withTitle(person.name, person.title)} ${timesWords(o.activities)} in ${monthsWords(months)} — add them to the map?`;
    }
    result.push({
      key,
      recordId: o.recordId,
      isUser: o.isUser,
      name: person.name,
      title: person.title ?? null,
      department: person.department ?? null,
      tie: o.best,
      sentence,
    });
  }
  // Strongest tie first; equal ties (one tie can make the case for a user and a contact) by key.
  const order = new Map(ev.ties.map((t, i) => [t, i]));
  return result.sort((a, b) => order.get(a.tie)! - order.get(b.tie)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
