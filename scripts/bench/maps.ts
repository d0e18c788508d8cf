/**
 * The benchmark's maps: deterministic generated accounts (scripts/data/generate.ts, the generator
 * the preview and the browser tests use: a customer hierarchy, partners, our own people, about 3
 * links per person), turned into exactly what the container hands the graph — people not trimmed
 * from the map, links among them, and the analytics' decision influence and flags (computed by
 * the container's own computeInsights, from the compiled component code, so node sizes and badges
 * are the real ones).
 *
 * Importing the compiled components needs lwc-loader.mjs registered (main.ts does it).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateMap } from '../data/generate.ts';
import type { MapInput } from './browser/chromium.ts';
import { REPO_ROOT } from '../shared/project.mjs';

/** The day the generated dates are written for: fixed, so every run computes the same analytics. */
export const AS_OF = '2026-11-01';
const SEED = 1;

/** A generated map of `size` people: people, links, and the moment the analytics take as now. */
export function generatedMap(size: number): { people: Person[]; links: Link[]; now: string } {
  const { people, links } = generateMap({ people: size, seed: SEED, asOf: AS_OF });
  return {
    people: people as unknown as Person[],
    links: links as unknown as Link[],
    now: `${AS_OF}T12:00:00.000Z`,
  };
}

interface Person {
  id: string;
  excluded?: boolean;
  layoutX?: number | null;
  layoutY?: number | null;
  [field: string]: unknown;
}
interface Link {
  id: string;
  fromId: string;
  toId: string;
  [field: string]: unknown;
}

type ComputeInsights = (
  people: readonly Person[],
  links: readonly Link[],
  settings: { height: number; decay: number; staleDays: number },
  now: Date
) => { decisionInfluence: Record<string, number>; flags: Record<string, string[]> };

const MAP_MODEL = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc', 'relationshipMap', 'mapModel.js');

let computeInsights: ComputeInsights | null = null;

async function insightsFunction(): Promise<ComputeInsights> {
  if (!computeInsights) {
    const model = (await import(pathToFileURL(MAP_MODEL).href)) as { computeInsights: ComputeInsights };
    computeInsights = model.computeInsights;
  }
  return computeInsights;
}

/** The graph's input for a synthetic account of `size` people (about 3 links each). */
export async function benchMap(size: number): Promise<MapInput> {
  const map = generatedMap(size);
  const people = map.people.filter((p) => !p.excluded);
  const ids = new Set(people.map((p) => p.id));
  const links = map.links.filter((l) => ids.has(l.fromId) && ids.has(l.toId));
  const compute = await insightsFunction();
  const { decisionInfluence, flags } = compute(
    map.people,
    map.links,
    { height: 600, decay: 0.5, staleDays: 90 },
    new Date(map.now)
  );
  return { people, links, decisionInfluence, flags };
}

/**
 * The same map with saved positions (Layout_X__c/Layout_Y__c) for everyone but every
 * `newcomerEvery`-th person: a map laid out and saved before, with people added since.
 */
export function withSavedPositions(
  input: MapInput,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  newcomerEvery = 20
): MapInput {
  const people = input.people.map((p, i) => {
    const saved = positions.get(String(p.id));
    if (!saved || i % newcomerEvery === newcomerEvery - 1) return { ...p, layoutX: null, layoutY: null };
    return { ...p, layoutX: Math.round(saved.x * 100) / 100, layoutY: Math.round(saved.y * 100) / 100 };
  });
  return { ...input, people };
}
