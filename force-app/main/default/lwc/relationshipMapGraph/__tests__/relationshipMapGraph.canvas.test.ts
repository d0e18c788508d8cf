/**
 * A large map (here: any map, the canvas threshold lowered to 1) is painted on a canvas, and
 * stays as usable as a small one: one focusable, labelled element per person, keyboard moves and
 * selection, pointer selection where people are drawn, names painted as text, export as SVG, and
 * back to SVG when the map gets small. jsdom has no canvas: a recording 2D context stands in.
 */
import { personLabel } from '../look';
import { setFrameScheduler } from '../layout';
import { FIXTURE_IDS, ManualFrames, loadMapFixture, mountSettledGraph, resetGraphTest } from './graphTestSupport';
import type { MapView, MapViewData } from 'c/relationshipMapLook';
import { setCanvasThreshold } from '../renderer';

const load = loadMapFixture;
const { MORGAN, LEE } = FIXTURE_IDS;

const MARKUP_NAME = '<img src=x onerror=alert(1)>';
/** A 2D context that records the text it is asked to draw and accepts every other call. */
function recordingContext(texts: string[]): CanvasRenderingContext2D {
  const calls: Record<string, unknown> = {
    fillText: (text: string) => texts.push(text),
    strokeText: () => undefined,
    getTransform: () => ({ a: 1 }),
  };
  return new Proxy(calls, {
    get: (target, key: string) => (key in target ? target[key] : () => undefined),
    set: (target, key: string, value) => {
      target[`$${key}`] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

let frames: ManualFrames;
let painted: string[];

beforeEach(() => {
  frames = new ManualFrames();
  setFrameScheduler(frames);
  setCanvasThreshold(1);
  painted = [];
  (window as unknown as { CanvasRenderingContext2D: unknown }).CanvasRenderingContext2D = class {};
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => recordingContext(painted));
});

afterEach(resetGraphTest);

const flush = () => Promise.resolve();
type Graph = HTMLElement & Pick<MapView, keyof MapViewData> & { exportSvg(): string };

/** Mounts the fixture, its people pinned, and lets it settle. */
const mountSettled = (): Promise<Graph> => mountSettledGraph<Graph>(frames);

const root = (el: Graph): ShadowRoot => el.shadowRoot!;
const targets = (el: Graph) => Array.from(root(el).querySelectorAll<SVGGElement>('g.rmg-node'));
const targetOf = (el: Graph, id: string) => root(el).querySelector<SVGGElement>(`g.rmg-node[data-id="${id}"]`)!;
const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('c-relationship-map-graph on a canvas', () => {
  it('paints the map on a canvas and keeps one focusable, labelled element per person', async () => {
    const element = await mountSettled();
    const data = load();
    expect(root(element).querySelector('canvas.rmg-paint')?.getAttribute('aria-hidden')).toBe('true');
    expect(root(element).querySelectorAll('line.rmg-link')).toHaveLength(0);
    expect(targets(element)).toHaveLength(data.people.length);
    for (const p of data.people) {
      const target = targetOf(element, p.id);
      expect(target.getAttribute('role')).toBe('button');
      expect(target.getAttribute('aria-label')).toBe(personLabel(p, data.flags[p.id] ?? []));
      expect(target.querySelector('path, text')).toBeNull(); // drawn on the canvas, not here
    }
    // Exactly one tab stop into the map.
    expect(targets(element).filter((t) => t.getAttribute('tabindex') === '0')).toHaveLength(1);
    // Every name was painted, as text (the markup one too).
    for (const p of data.people) expect(painted).toContain(p.name);
    expect(painted).toContain(MARKUP_NAME);
    expect(root(element).querySelector('img')).toBeNull();
  });

  it('moves focus with the arrow keys and selects with Enter, as on small maps', async () => {
    const element = await mountSettled();
    const onSelect = jest.fn();
    element.addEventListener('select', onSelect);
    const morgan = targetOf(element, MORGAN);
    morgan.focus();
    press(morgan, 'ArrowRight');
    expect(root(element).activeElement?.getAttribute('data-id')).toBe(LEE);
    press(targetOf(element, LEE), 'Enter');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect((onSelect.mock.calls[0][0] as CustomEvent).detail).toEqual({ personId: LEE });
    await flush();
    expect(targetOf(element, LEE).getAttribute('aria-current')).toBe('true');
  });

  it('on a new selection, changes the attributes of the two people concerned only (no restyle of everyone)', async () => {
    const element = await mountSettled();
    (element as Graph & { selectedId: string | null }).selectedId = MORGAN;
    await flush();
    frames.runAll();
    const changed = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const r of records) changed.add((r.target as Element).getAttribute('data-id') ?? '?');
    });
    observer.observe(root(element), { subtree: true, attributes: true, attributeFilter: ['tabindex', 'aria-current'] });
    (element as Graph & { selectedId: string | null }).selectedId = LEE;
    await flush();
    frames.runAll();
    await flush(); // MutationObserver records are delivered in a microtask
    observer.disconnect();
    expect(targetOf(element, LEE).getAttribute('aria-current')).toBe('true');
    expect(targetOf(element, MORGAN).hasAttribute('aria-current')).toBe(false);
    expect([...changed].sort()).toEqual([MORGAN, LEE].sort());
  });

  it('selects the person drawn where the pointer clicks, and clears the selection on empty map', async () => {
    const element = await mountSettled();
    const onSelect = jest.fn();
    element.addEventListener('select', onSelect);
    const svg = root(element).querySelector('svg')!;
    // jsdom has no layout: the pointer's map coordinates are its client coordinates here.
    svg.dispatchEvent(new MouseEvent('click', { clientX: 101, clientY: 1, bubbles: true }));
    expect((onSelect.mock.calls[0][0] as CustomEvent).detail).toEqual({ personId: LEE });
    svg.dispatchEvent(new MouseEvent('click', { clientX: 50, clientY: 50, bubbles: true }));
    expect((onSelect.mock.calls[1][0] as CustomEvent).detail).toEqual({ personId: null });
  });

  it('exports the canvas-drawn map as a standalone SVG with every name as text', async () => {
    const element = await mountSettled();
    const doc = new DOMParser().parseFromString(element.exportSvg(), 'image/svg+xml');
    const texts = Array.from(doc.querySelectorAll('text')).map((t) => t.textContent);
    for (const p of load().people) expect(texts).toContain(p.name);
    expect(doc.querySelector('img, script, foreignObject, [tabindex], [role="button"]')).toBeNull();
  });

  it('goes back to SVG when the map gets smaller than the threshold', async () => {
    const element = await mountSettled();
    setCanvasThreshold(5);
    element.people = load().people.slice(0, 3);
    await flush();
    frames.runAll();
    expect(root(element).querySelector('canvas.rmg-paint')).toBeNull();
    expect(targets(element)).toHaveLength(3);
    for (const target of targets(element)) expect(target.querySelector('.rmg-shape')).not.toBeNull();
  });
});
