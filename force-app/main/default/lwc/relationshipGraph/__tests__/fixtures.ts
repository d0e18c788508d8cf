/**
 * Test helpers: the JSON fixtures in ./data (hand-computed small maps) and small map builders.
 * Not a test file itself (Jest runs only *.test.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { prepareMap } from 'c/relationshipGraph';
import type {
  ConfigOverrides,
  EvidenceBucket,
  InfluenceLink,
  MapEvidence,
  MapInput,
  MapPerson,
  PreparedMap,
} from 'c/relationshipGraph';

export interface Fixture extends MapInput {
  description: string;
  now: string;
  people: MapPerson[];
  links: InfluenceLink[];
}

export type FixtureName =
  'acme-renewal' | 'chain' | 'star' | 'cycle' | 'disconnected' | 'empty' | 'one-person' | 'all-opponents';

/** A fresh copy of a fixture (tests may change it). */
export function loadFixture(name: FixtureName): Fixture {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as Fixture;
}

/** A fixture, validated and prepared with its own `now`. */
export function prepared(name: FixtureName, config?: ConfigOverrides): PreparedMap {
  const fixture = loadFixture(name);
  return prepareMap(fixture, { now: fixture.now, ...(config ? { config } : {}) });
}

/** A customer with just the fields a test cares about. */
export const person = (id: string, extra: Partial<MapPerson> = {}): MapPerson => ({ id, name: id, ...extra });

/** One of our own people. */
export const ours = (id: string, extra: Partial<MapPerson> = {}): MapPerson =>
  person(id, { side: 'Our Company', ...extra });

/** A decision maker with High authority. */
export const decider = (id: string, extra: Partial<MapPerson> = {}): MapPerson =>
  person(id, { role: 'Decision Maker', authority: 'High', ...extra });

let linkCount = 0;
/** A link with a generated id. */
export const link = (
  fromId: string,
  toId: string,
  type: InfluenceLink['type'] = 'Influences',
  strength: InfluenceLink['strength'] = 'Medium'
): InfluenceLink => ({ id: `t${++linkCount}`, fromId, toId, type, strength });

export const NOW = '2025-06-30T12:00:00Z';

/** Values by person id, for compact assertions. */
export function byId<T extends { personId: string }, K extends keyof T>(
  rows: readonly T[],
  key: K
): Record<string, T[K]> {
  return Object.fromEntries(rows.map((r) => [r.personId, r[key]]));
}

/** The day the evidence tests' activity is counted to (NOW's day). */
export const EVIDENCE_AS_OF = '2025-06-30';

/** A year's activity evidence to EVIDENCE_AS_OF holding these buckets; `extra` replaces any field. */
export const evidenceOf = (buckets: EvidenceBucket[], extra: Partial<MapEvidence> = {}): MapEvidence => ({
  asOf: EVIDENCE_AS_OF,
  since: '2024-06-30',
  windowMonths: 12,
  buckets,
  people: [],
  truncated: false,
  dismissed: [],
  ...extra,
});
