/**
 * What the tests of the map's header components (toolbar, legend, new-map dialog) share, and any
 * other component test may use: mounting an element with its properties, recording the events it
 * fires, and emptying the page between tests. Not a test itself. It lives under a component's
 * __tests__/data like the person panel's parts.ts (a top-level lwc/__tests__ folder would count as
 * a component bundle in the deploy set).
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
