/**
 * What component tests share, whichever component they test: mounting an element with its
 * properties, recording the events it fires, and emptying the page between tests. Not a test
 * itself (Jest runs *.test.ts only); .forceignore keeps __tests__ out of every deploy. The person
 * panel's parts have their own fixtures in relationshipMapPersonPanel/__tests__/data/parts.ts.
 */
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';

/** Creates `tag` from `is`, sets `props` on it, and puts it on the page. */
export function mount<T extends HTMLElement = HTMLElement>(
  tag: string,
  is: typeof LightningElement,
  props: object = {}
): T {
  const element = createElement(tag, { is });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element as unknown as T;
}

/** The details of every `name` event the element fires, in order (undefined for none). */
export function listen(el: HTMLElement, name: string): unknown[] {
  const details: unknown[] = [];
  el.addEventListener(name, (event) => details.push((event as CustomEvent).detail));
  return details;
}

/** Removes everything the test put on the page; for afterEach. */
export function clearBody(): void {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}
