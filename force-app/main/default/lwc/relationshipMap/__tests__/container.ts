/**
 * What the container's tests share (relationshipMap.test.ts, evidence.test.ts; ./apexMock mocks
 * their Apex): the sample map's ids and fixtures, mounting the container
 * with its toasts collected, and letting promises settle. Not a test file itself (testMatch: *.test.ts).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import RelationshipMap from 'c/relationshipMap';
import type { MapGraph } from 'c/relationshipMapApi';

export const ACCOUNT = '001000000000001AAA';
export const MAP = 'a00000000000001AAA';
export const DANA = 'a01000000000001AAA';
export const MORGAN = 'a01000000000002AAA';
export const LEE = 'a01000000000003AAA';

export const TODAY = new Date().toISOString().slice(0, 10);

/** A JSON fixture of ./data. */
export const read = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, 'data', name), 'utf8')) as T;

/** The map, with "FRESH" interaction dates set to today (so only Kim, never contacted, is stale). */
export function graphFixture(name = 'graph.json'): MapGraph {
  const graph = read<MapGraph>(name);
  for (const p of graph.people) if (p.lastInteraction === 'FRESH') p.lastInteraction = TODAY;
  return graph;
}

/** Lets pending promises (Apex mocks, chained awaits, re-renders) settle. */
export function flush(rounds = 30): Promise<void> {
  return rounds === 0 ? Promise.resolve() : Promise.resolve().then(() => flush(rounds - 1));
}

/** A promise the test resolves or rejects when it wants. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface Toast {
  title: string;
  message: string;
  variant: string;
}

/** The container on the page with `props` (default: an Account page), and the toasts it shows. */
export function mount<E extends HTMLElement = HTMLElement>(
  props: Record<string, unknown> = { recordId: ACCOUNT, objectApiName: 'Account' }
): { element: E; toasts: Toast[] } {
  const element = createElement('c-relationship-map', { is: RelationshipMap }) as unknown as E;
  Object.assign(element, props);
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  document.body.appendChild(element);
  return { element, toasts };
}

/** Empties the page after each test. */
export function clearPage(): void {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}
