/**
 * What the tests of the person panel's parts share: the panel's sample map (map.json beside this
 * file), mounting a part with its properties, and reading its shadow root. Not a test itself.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import type { PersonChange } from 'c/relationshipMapApi';

/** The forms' tests press a form's button and read why it refused through the form's parts. */
export { submitForError } from '../../../relationshipMapField/__tests__/data/formParts';

export interface MapFixture {
  people: MapPerson[];
  links: InfluenceLink[];
  changes: PersonChange[];
}

export const load = (): MapFixture => JSON.parse(readFileSync(join(__dirname, 'map.json'), 'utf8')) as MapFixture;

export const MORGAN = 'a01000000000001AAA';
export const PAT = 'a01000000000002AAA';
export const DANA = 'a01000000000003AAA';

export const personOf = (id: string): MapPerson => load().people.find((p) => p.id === id)!;

/** A person with everyone and every link of the map, as the panel passes them to a part. */
export function onMap(id: string): { person: MapPerson; people: MapPerson[]; links: InfluenceLink[] } {
  const { people, links } = load();
  return { person: people.find((p) => p.id === id)!, people, links };
}

/** A rendered node: an HTML element, or a base-component stub with the properties the template set. */
export type Node = HTMLElement & {
  label?: string;
  value?: string;
  options?: { label: string; value: string }[];
  checked?: boolean;
  setCustomValidity?: (message: string) => void;
};

export type Part = HTMLElement & Record<string, unknown>;

/** Mounts `tag` with `props` set before it connects, as a parent's template sets them. */
export function mountPart(tag: string, is: typeof LightningElement, props: Record<string, unknown>): Part {
  const element = createElement(tag, { is }) as unknown as Part;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

export const flush = () => Promise.resolve();
export const $ = (el: Part, selector: string): Node | null => el.shadowRoot!.querySelector<Node>(selector);
export const $$ = (el: Part, selector: string): Node[] => Array.from(el.shadowRoot!.querySelectorAll<Node>(selector));
export const textOf = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The details of every `name` event the part fires, in order. */
export function record(el: Part, name: string): unknown[] {
  const seen: unknown[] = [];
  el.addEventListener(name, (event) => seen.push((event as CustomEvent).detail ?? null));
  return seen;
}

/** Sends the `change` event a lightning-input/-combobox/-textarea fires. */
export async function change(el: Part, selector: string, detail: { value?: string; checked?: boolean }): Promise<void> {
  el.shadowRoot!.querySelector(selector)!.dispatchEvent(new CustomEvent('change', { detail }));
  await flush();
}

/**
 * The elements focus() is called on from now on. Base-component stubs cannot take focus, so a
 * test reads where a part tried to move it.
 */
export function watchFocus(): () => unknown[] {
  const focus = jest.spyOn(HTMLElement.prototype, 'focus');
  return () => focus.mock.contexts as unknown[];
}

export function clearBody(): void {
  jest.restoreAllMocks();
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}
