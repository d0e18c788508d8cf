/**
 * The links of a map as the analytics see them: each record read defensively (bad ones
 * reported and ignored, blanks resolved to the defaults), links to excluded people trimmed, and
 * duplicates (the same Unique_Key__c: from, to, type) reduced to one.
 *
 * Determinism: links are sorted by (from, to, type, id) whatever order the input listed them in.
 */
import { LINK_STRENGTHS, LINK_TYPES } from './model';
import type { LinkStrength, LinkType } from './model';
import { blank, hasId, picklist, show, text } from './fields';
import type { EvidenceTie } from './evidence';
import type { IssueLog } from './issues';
import type { PeopleRead, Person } from './people';
import type { AnalyticsConfig } from './semantics';

/** A usable link between two people on the map. */
export interface ResolvedLink {
  id: string;
  from: number;
  to: number;
  type: LinkType;
  strength: LinkStrength;
  notes: string;
  /**
   * Set on the links activity evidence stands for (issue 17; PreparedMap.routeLinks only): the tie
   * behind it. Typed links never have one.
   */
  evidence?: EvidenceTie;
}

/**
 * Reads the links list against the people read before: links with no id, a missing or unknown
 * end, a self-link or an unknown type are reported and ignored; links to an excluded person are
 * dropped silently. Returns the usable links, deduplicated and sorted.
 */
export function readLinks(
  log: IssueLog,
  linksIn: readonly unknown[],
  read: Pick<PeopleRead, 'seen' | 'people' | 'known'>,
  config: AnalyticsConfig
): ResolvedLink[] {
  const { seen, people, known } = read;
  const n = people.length;
  const nameOf = (pid: string) => seen.get(pid)?.person.name ?? pid;
  const keys: number[] = [];
  const candidates: ResolvedLink[] = [];
  linksIn.forEach((raw, position) => {
    if (!hasId(log, raw, position, 'Links')) return;
    const id = raw.id;
    const fromId = raw.fromId;
    const toId = raw.toId;
    if (typeof fromId !== 'string' || fromId === '' || typeof toId !== 'string' || toId === '') {
      const field = typeof fromId !== 'string' || fromId === '' ? 'fromId' : 'toId';
      log.add({
        severity: 'error',
        code: 'missing-link-end',
        message: `Link ${id} has no ${field === 'fromId' ? 'From' : 'To'} person (deleted?); ignored.`,
        linkId: id,
        field,
      });
      return;
    }
    if (fromId === toId) {
      log.add({
        severity: 'error',
        code: 'self-link',
        message: `Link ${id} links ${nameOf(fromId)} to themselves; ignored.`,
        linkId: id,
        personId: fromId,
      });
      return;
    }
    const from = known.get(fromId);
    const to = known.get(toId);
    if (from === undefined || to === undefined) {
      const missing = [fromId, toId].filter((pid) => !known.has(pid));
      log.add({
        severity: 'error',
        code: 'unknown-person',
        message: `Link ${id} points to ${missing.join(' and ')}, not on this map; ignored.`,
        linkId: id,
        field: missing[0] === fromId ? 'fromId' : 'toId',
        value: missing.join(', '),
      });
      return;
    }
    const label = () => `Link ${id} (${nameOf(fromId)} → ${nameOf(toId)})`;
    const typeValue = raw.type;
    let type: LinkType = 'Influences';
    if (!blank(typeValue)) {
      if (typeof typeValue === 'string' && (LINK_TYPES as readonly string[]).includes(typeValue)) {
        type = typeValue as LinkType;
      } else {
        log.add({
          severity: 'error',
          code: 'unknown-value',
          message: `${label()}: type ${show(typeValue)} is not one of ${LINK_TYPES.join(', ')}; the link is ignored (its meaning is unknown).`,
          linkId: id,
          field: 'type',
          value: show(typeValue),
        });
        return;
      }
    }
    const strength = picklist(log, raw.strength, 'strength', LINK_STRENGTHS, 'Medium', { linkId: id, label });
    if (from < 0 || to < 0) return; // an excluded end: trimmed with the person
    const semantics = config.linkTypes[type];
    // One key per Unique_Key__c (from, to, type); two-way types in either direction are the
    // same link. Sorting by key orders the links and brings duplicates together.
    const twoWay = semantics.forward === semantics.backward;
    const key = (twoWay && from > to ? to * n + from : from * n + to) * LINK_TYPES.length + LINK_TYPES.indexOf(type);
    keys.push(key);
    candidates.push({ id, from, to, type, strength, notes: text(raw.notes) });
  });
  return dedupeLinks(log, keys, candidates, config, people);
}

/**
 * Sorts links by key (lower end, other end, type) — deterministic whatever the input order —
 * and keeps one link per key: the strongest, then the smallest id; the others are reported.
 */
function dedupeLinks(
  log: IssueLog,
  keys: readonly number[],
  candidates: readonly ResolvedLink[],
  config: AnalyticsConfig,
  people: readonly Person[]
): ResolvedLink[] {
  const count = candidates.length;
  let order: Int32Array;
  const maxKey = keys.reduce((max, k) => (k > max ? k : max), 0);
  if ((maxKey + 1) * count < Number.MAX_SAFE_INTEGER) {
    // key × count + position, sorted natively (no comparator): the fast path for real maps.
    const packed = Float64Array.from(keys, (k, i) => k * count + i).sort();
    order = Int32Array.from(packed, (x) => x % count);
  } else {
    order = Int32Array.from(keys, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  }
  const better = (x: ResolvedLink, y: ResolvedLink): boolean => {
    const wx = config.strengths[x.strength];
    const wy = config.strengths[y.strength];
    return wx > wy || (wx === wy && x.id < y.id);
  };
  const links: ResolvedLink[] = [];
  for (let i = 0; i < count;) {
    let j = i + 1;
    while (j < count && keys[order[j]] === keys[order[i]]) j++;
    let best = candidates[order[i]];
    for (let k = i + 1; k < j; k++) if (better(candidates[order[k]], best)) best = candidates[order[k]];
    for (let k = i; k < j; k++) {
      const dropped = candidates[order[k]];
      if (dropped === best) continue;
      log.add({
        severity: 'warning',
        code: 'duplicate-link',
        message: `Links ${best.id} and ${dropped.id} are the same ${best.type} link between ${people[best.from].name} and ${people[best.to].name}; ${best.id} (${best.strength}) is used.`,
        linkId: dropped.id,
      });
    }
    links.push(best);
    i = j;
  }
  return links;
}
