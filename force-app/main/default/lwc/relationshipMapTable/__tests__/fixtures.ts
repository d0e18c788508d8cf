/**
 * Test helpers: the JSON fixtures in ./data, analysed with the real analytics module so the tests
 * follow it. Not a test file itself (Jest runs only *.test.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeMap } from 'c/relationshipGraph';
import type { InfluenceLink, MapAnalysis, MapInput, MapPerson } from 'c/relationshipGraph';

export interface Fixture extends MapInput {
  description: string;
  now: string;
  people: MapPerson[];
  links: InfluenceLink[];
}

export type FixtureName = 'acme-renewal';

/** A fresh copy of a fixture (tests may change it). */
export function loadFixture(name: FixtureName): Fixture {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as Fixture;
}

/** The fixture's analysis, at the fixture's own `now`. */
export function analyze(fixture: Fixture): MapAnalysis {
  return analyzeMap(fixture, { now: fixture.now });
}

/** Person id → influence over the decision, as the container passes it to the table. */
export function decisionInfluenceOf(analysis: MapAnalysis): Record<string, number> {
  return Object.fromEntries(analysis.influence.people.map((p) => [p.personId, p.decisionInfluence]));
}
