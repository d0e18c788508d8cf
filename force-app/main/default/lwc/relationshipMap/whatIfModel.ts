/**
 * "If <name> leaves", and what trimming them would do, as the plain data c/relationshipMapWhatIf
 * shows: the decision makers who lose their best warm path (and what is left), how coverage, map
 * health and warm reach change, and for a decision maker that their seat becomes an open risk.
 * Leaving is the analytics' own what-if (`whatIfRemoved`: the seat stays, vacant); trimming runs
 * the analytics again without the person (Excluded__c: the seat goes too). Pure, no DOM.
 */
import { analyzePrepared, formatStrength, prepareMap, whatIfRemoved } from 'c/relationshipGraph';
import type { MapAnalysis, MapPerson, WarmPath } from 'c/relationshipGraph';
import type { Insights } from './mapModel';
import { Memo } from './viewModel';

/** What the rep asked: who, and whether a trim waits for this answer. */
export interface WhatIfRequest {
  personId: string;
  trim: boolean;
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

/** The decision makers whose best path before ran through `personId`, and their best path after. */
function lostPaths(before: MapAnalysis, after: MapAnalysis, personId: string): LostPath[] {
  const afterPaths = new Map(after.warmPaths.map((w) => [w.decisionMakerId, w]));
  const lost: LostPath[] = [];
  for (const w of before.warmPaths) {
    const best = w.paths[0];
    if (!best || w.decisionMakerId === personId || !best.personIds.includes(personId)) continue;
    const now = afterPaths.get(w.decisionMakerId);
    const next = now?.paths[0];
    lost.push({
      key: `lost-${w.decisionMakerId}`,
      decisionMakerId: w.decisionMakerId,
      name: w.name,
      before: pathText(best),
      after: !next
        ? 'No warm path remains.'
        : now?.status === 'only-through-opponents'
          ? `Only through an opponent: ${pathText(next)}`
          : `Next best: ${pathText(next)}`,
    });
  }
  return lost;
}

/** The analysis with `personId` trimmed (Excluded__c), on the same people, links, moment and settings. */
function trimmedAnalysis(insights: Insights, personId: string): MapAnalysis {
  const { input, options } = insights.prepared;
  const people = (input.people ?? []).map((p: MapPerson) => (p && p.id === personId ? { ...p, excluded: true } : p));
  return analyzePrepared(prepareMap({ people, links: input.links }, options));
}

/** The what-if view for `request`, or null when there is nothing to show. */
export function whatIfView(insights: Insights | null, request: WhatIfRequest | null): WhatIfView | null {
  if (!insights || !request) return null;
  const baseline = insights.analysis;
  const { personId, trim } = request;
  const v = insights.prepared.index.get(personId) ?? -1;
  const person = v >= 0 ? insights.prepared.people[v] : null;
  const name = person?.name ?? insights.prepared.input.people.find((p) => p?.id === personId)?.name ?? personId;
  const heading = trim ? `Before you trim ${name}` : `If ${name} leaves`;
  const base = { personId, name, trim, heading };
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
  const result = trim ? null : whatIfRemoved(insights.prepared, personId, baseline);
  const after = result ? result.analysisAfter : trimmedAnalysis(insights, personId);
  const lost = lostPaths(baseline, after, personId);
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

/** whatIfView, recomputed only when the analytics or the request change (it runs the analytics once more). */
export class WhatIfMemo {
  private readonly memo = new Memo<WhatIfView | null>();
  view(insights: Insights | null, request: WhatIfRequest | null, selectedId: string | null): WhatIfView | null {
    const current = request && request.personId === selectedId ? request : null;
    return this.memo.get([insights, current], () => whatIfView(insights, current));
  }
}
