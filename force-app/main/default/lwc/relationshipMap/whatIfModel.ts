/**
 * "If <name> leaves", and what trimming them would do, as the plain data c/relationshipMapWhatIf
 * shows: the decision makers who lose their best warm path (and what is left), how coverage, map
 * health and warm reach change, and for a decision maker that their seat becomes an open risk.
 * Leaving is the analytics' own what-if (`whatIfRemoved`: the seat stays, vacant); trimming runs
 * the analytics again without the person (Excluded__c: the seat goes too). Pure, no DOM.
 */
import { analyzePrepared, formatStrength, lostBestPaths, prepareMap, whatIfRemoved } from 'c/relationshipGraph';
import type { MapAnalysis, MapPerson, PathChange, PreparedMap, WarmPath } from 'c/relationshipGraph';
import type { PersonChanges } from 'c/relationshipMapApi';
import type { Insights } from './mapModel';
import { Memo } from './viewModel';

/**
 * What the rep asked: who, and whether a trim, or an edit that marks them as left (Vacant), waits
 * for this answer (`leave`: the edit's fields, saved on confirmation).
 */
export interface WhatIfRequest {
  personId: string;
  trim: boolean;
  leave?: PersonChanges | null;
}

export interface LostPath {
  key: string;
  decisionMakerId: string;
  name: string;
  /** "Jordan Blake knows Carlos; … (0.42)". */
  before: string;
  /** What is left: the next best path, or that none remains. */
  after: string;
}

export interface Measure {
  key: 'coverage' | 'health' | 'reach';
  label: string;
  before: string;
  after: string;
  /** "−8", "+0.05", "no change". */
  change: string;
  worse: boolean;
}

export interface WhatIfView {
  personId: string;
  name: string;
  trim: boolean;
  /** What waits for the rep's confirmation: 'trim', 'leave' (an edit marking them as left), or ''. */
  confirm: 'trim' | 'leave' | '';
  /** "Trim <name>", "Mark <name> as left"; '' when nothing waits. */
  confirmLabel: string;
  heading: string;
  /** For a decision maker: their seat becomes an open risk (or, trimmed, leaves the score). '' otherwise. */
  seatRisk: string;
  lost: LostPath[];
  hasLost: boolean;
  /** Said when nobody loses a path. */
  lostEmpty: string;
  measures: Measure[];
  /** False for someone not on the map or a seat already vacant: nothing changes. */
  found: boolean;
  nothing: string;
}

const fmt = formatStrength;
const pct = (x: number): string => `${Math.round((Number.isFinite(x) ? x : 0) * 100)}%`;
const pathText = (p: WarmPath): string => `${p.explanation} (${fmt(p.strength)})`;

function change(before: number, after: number, digits: number): { change: string; worse: boolean } {
  const delta = Math.round((after - before) * 10 ** digits) / 10 ** digits;
  if (delta === 0) return { change: 'no change', worse: false };
  const size = digits === 0 ? String(Math.abs(delta)) : Math.abs(delta).toFixed(digits);
  return { change: `${delta > 0 ? '+' : '−'}${size}`, worse: delta < 0 };
}

function measures(before: MapAnalysis, after: MapAnalysis): Measure[] {
  const coverage = { before: before.coverage.score, after: after.coverage.score };
  const health = { before: before.health.score, after: after.health.score };
  const reach = { before: before.warmReach, after: after.warmReach };
  return [
    {
      key: 'coverage',
      label: 'Coverage of key people',
      before: pct(coverage.before),
      after: pct(coverage.after),
      ...change(Math.round(coverage.before * 100), Math.round(coverage.after * 100), 0),
    },
    {
      key: 'health',
      label: 'Map health',
      before: String(health.before),
      after: String(health.after),
      ...change(health.before, health.after, 0),
    },
    {
      key: 'reach',
      label: 'Warm reach into the decision',
      before: fmt(reach.before),
      after: fmt(reach.after),
      ...change(Number(fmt(reach.before)), Number(fmt(reach.after)), 2),
    },
  ];
}

/** The decision makers whose best path before ran through `personId` (the analytics' lostBestPaths), in words. */
function lostPaths(changes: readonly PathChange[]): LostPath[] {
  return changes.map((c) => ({
    key: `lost-${c.decisionMakerId}`,
    decisionMakerId: c.decisionMakerId,
    name: c.name,
    before: pathText(c.before),
    after: !c.after
      ? 'No warm path remains.'
      : c.statusAfter === 'only-through-opponents'
        ? `Only through an opponent: ${pathText(c.after)}`
        : `Next best: ${pathText(c.after)}`,
  }));
}

/** The map with `personId` trimmed (Excluded__c), on the same people, links, moment and settings. */
function trimmedMap(insights: Insights, personId: string): PreparedMap {
  const { input, options } = insights.prepared;
  const people = (input.people ?? []).map((p: MapPerson) => (p && p.id === personId ? { ...p, excluded: true } : p));
  return prepareMap({ people, links: input.links }, options);
}

/** The what-if view for `request`, or null when there is nothing to show. */
export function whatIfView(insights: Insights | null, request: WhatIfRequest | null): WhatIfView | null {
  if (!insights || !request) return null;
  const baseline = insights.analysis;
  const { personId, trim } = request;
  const leave = !trim && !!request.leave;
  const v = insights.prepared.index.get(personId) ?? -1;
  const person = v >= 0 ? insights.prepared.people[v] : null;
  const name = person?.name ?? insights.prepared.input.people.find((p) => p?.id === personId)?.name ?? personId;
  const heading = trim ? `Before you trim ${name}` : leave ? `Before you mark ${name} as left` : `If ${name} leaves`;
  const confirm = trim ? 'trim' : leave ? 'leave' : '';
  const confirmLabel = trim ? `Trim ${name}` : leave ? `Mark ${name} as left` : '';
  const base = { personId, name, trim, confirm, confirmLabel, heading } as const;
  if (!person || person.isVacant) {
    return {
      ...base,
      seatRisk: '',
      lost: [],
      hasLost: false,
      lostEmpty: '',
      measures: [],
      found: false,
      nothing: person
        ? `${name}'s seat is already vacant: nothing changes.`
        : `${name} is not on the map: nothing changes.`,
    };
  }
  let after: MapAnalysis;
  let changes: readonly PathChange[];
  if (trim) {
    const trimmed = trimmedMap(insights, personId);
    after = analyzePrepared(trimmed);
    changes = lostBestPaths(baseline, after, trimmed, personId);
  } else {
    const result = whatIfRemoved(insights.prepared, personId, baseline);
    after = result.analysisAfter;
    changes = result.lostPaths;
  }
  const lost = lostPaths(changes);
  const decides = person.isDecisionMaker && !person.isOurs;
  const seatRisk = !decides
    ? ''
    : trim
      ? `${name} is a decision maker: trimming takes them out of the score and the decision-maker list, but they still decide.`
      : `${name} is a decision maker: their seat becomes an open risk until we know who decides in their place.`;
  return {
    ...base,
    seatRisk,
    lost,
    hasLost: lost.length > 0,
    lostEmpty: 'No decision maker loses their best warm path.',
    measures: measures(baseline, after),
    found: true,
    nothing: '',
  };
}

/**
 * Whether saving `fields` marks the person as left (Vacant checked on someone who is not vacant
 * yet): the container shows "If <name> leaves" with a confirmation first, as before a trim.
 */
export function marksAsLeft(
  people: readonly MapPerson[] | null | undefined,
  personId: string,
  fields: PersonChanges
): boolean {
  if (fields?.isVacant !== true) return false;
  const person = (people ?? []).find((p) => p?.id === personId);
  return !!person && person.isVacant !== true;
}

/** Marking `name` as left was cancelled: nothing is saved, and the panel reopens the edit with what the rep typed. */
export function leaveCancelled(
  request: WhatIfRequest,
  name: string
): { personId: string; fields: PersonChanges; message: string; reloaded: boolean } {
  return {
    personId: request.personId,
    fields: request.leave ?? {},
    message: `${name} is not marked as left.`,
    reloaded: true,
  };
}

/** whatIfView, recomputed only when the analytics or the request change (it runs the analytics once more). */
export class WhatIfMemo {
  private readonly memo = new Memo<WhatIfView | null>();
  view(insights: Insights | null, request: WhatIfRequest | null, selectedId: string | null): WhatIfView | null {
    const current = request && request.personId === selectedId ? request : null;
    return this.memo.get([insights, current], () => whatIfView(insights, current));
  }
}
