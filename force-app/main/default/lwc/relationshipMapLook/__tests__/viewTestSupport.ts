/**
 * What the tests of the two views, the graph (c/relationshipMapGraph, classes `rmg-`) and the org
 * chart (c/relationshipMapOrgChart, classes `rmo-`), share: reading people and names from the
 * shadow root, listening to events, and the rule that names stay outside the person buttons.
 * Not a test itself.
 */

export type ViewPrefix = 'rmg' | 'rmo';

/** Queries into a view's shadow root. */
export function viewQueries<E extends HTMLElement>(prefix: ViewPrefix) {
  const root = (el: E): ShadowRoot => el.shadowRoot!;
  return {
    root,
    nodes: (el: E): SVGGElement[] => Array.from(root(el).querySelectorAll<SVGGElement>(`g.${prefix}-node`)),
    nodeOf: (el: E, id: string): SVGGElement =>
      root(el).querySelector<SVGGElement>(`g.${prefix}-node[data-id="${id}"]`)!,
    /** A person's name, drawn in the name layer over the people (not inside their button). */
    labelOf: (el: E, id: string): SVGTextElement =>
      root(el).querySelector<SVGTextElement>(`.${prefix}-names text.${prefix}-label[data-id="${id}"]`)!,
  };
}

/** An element's `transform="translate(x,y)"`. */
export function translateOf(element: Element): [number, number] {
  const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(element.getAttribute('transform') ?? '')!;
  return [Number(match[1]), Number(match[2])];
}

/** Whether a ring, halo or other element is drawn (hidden ones have display="none"). */
export const shown = (element: Element | null): boolean =>
  element !== null && element.getAttribute('display') !== 'none';

export function listen(el: HTMLElement, name: string): jest.Mock {
  const handler = jest.fn();
  el.addEventListener(name, handler);
  return handler;
}

export const detailOf = (handler: jest.Mock, call = 0): unknown => (handler.mock.calls[call][0] as CustomEvent).detail;

/**
 * Names drawn outside the person buttons: a name cut to fit inside a button named by its
 * aria-label breaks WCAG 2.5.3 (Label in Name). Inside each person's button: the title, and at
 * most a badge's symbol ("!"), never a word. The name layer is hidden from assistive technology,
 * lets the pointer through, and holds one name per person, standing at its person.
 */
export function expectNamesOutsideButtons(prefix: ViewPrefix, nodes: readonly Element[], layer: Element): void {
  for (const node of nodes) {
    expect(node.querySelector(`.${prefix}-label`)).toBeNull();
    const title = node.querySelector('title')!.textContent ?? '';
    expect(node.textContent.startsWith(title)).toBe(true);
    expect(node.textContent.slice(title.length)).toMatch(/^[^\p{L}\p{N}]*$/u);
  }
  expect(layer.getAttribute('aria-hidden')).toBe('true');
  expect(layer.getAttribute('pointer-events')).toBe('none');
  expect(layer.querySelectorAll(`text.${prefix}-label`)).toHaveLength(nodes.length);
  for (const node of nodes) {
    const label = layer.querySelector(`text.${prefix}-label[data-id="${node.getAttribute('data-id')}"]`);
    expect(label?.getAttribute('transform')).toBe(node.getAttribute('transform'));
  }
}
