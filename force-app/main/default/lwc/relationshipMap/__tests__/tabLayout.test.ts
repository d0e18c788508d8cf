/**
 * How the map tab fills the window (../tabLayout), on a plain DOM: the drawing's height is the
 * window below its top edge (at least 400 px); where a ResizeObserver exists, the top is measured
 * at the first render, when full screen is toggled and when the card, its body or the window is
 * resized (a frame later), not at every render; without one (Jest's DOM) at every render.
 */
import { NO_FILTERS } from '../mapModel';
import { MIN_FILL, fillHeightFor, measureFill, stopFill } from '../tabLayout';
import type { LayoutHost } from '../tabLayout';

/** The container's card: article > card body > the views' body, whose top is `top.value`. */
function tab(top: { value: number }) {
  const article = document.createElement('article');
  const cardBody = document.createElement('div');
  const body = document.createElement('div');
  body.dataset.id = 'body';
  cardBody.appendChild(body);
  article.appendChild(cardBody);
  document.body.appendChild(article);
  const rect = jest.fn(() => ({ top: top.value }) as DOMRect);
  body.getBoundingClientRect = rect;
  const host: LayoutHost = {
    fillHeight: 0,
    fullScreen: false,
    goalsExpanded: false,
    goalsCut: true,
    view: 'graph',
    filters: NO_FILTERS,
    template: article,
  };
  return { host, article, cardBody, body, rect };
}

/** A ResizeObserver that records what it observes and reports when the test says so. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: () => void) {
    FakeResizeObserver.instances.push(this);
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(): void {
    this.callback();
  }
}

const frames: (() => void)[] = [];
const runFrames = (): void => {
  for (const run of frames.splice(0)) run();
};

describe('the tab fills the window', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('gives the drawing the window below its top edge, at least MIN_FILL', () => {
    expect(fillHeightFor(200, 720)).toBe(720 - 200 - 16);
    expect(fillHeightFor(200.7, 720.2)).toBe(503);
    expect(fillHeightFor(600, 720)).toBe(MIN_FILL);
  });

  it('measures at every render where no ResizeObserver exists', () => {
    expect(typeof (globalThis as { ResizeObserver?: unknown }).ResizeObserver).toBe('undefined');
    const top = { value: 200 };
    const { host, rect } = tab(top);
    measureFill(host);
    expect(host.fillHeight).toBe(fillHeightFor(200, window.innerHeight));
    top.value = 260;
    measureFill(host);
    expect(host.fillHeight).toBe(fillHeightFor(260, window.innerHeight));
    expect(rect).toHaveBeenCalledTimes(2);
  });

  describe('with a ResizeObserver', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    beforeEach(() => {
      FakeResizeObserver.instances = [];
      frames.length = 0;
      g.ResizeObserver = FakeResizeObserver;
      g.requestAnimationFrame = (run: () => void) => frames.push(run);
      g.cancelAnimationFrame = (id: number) => {
        frames[id - 1] = () => undefined;
      };
    });
    afterEach(() => {
      delete g.ResizeObserver;
      delete g.requestAnimationFrame;
      delete g.cancelAnimationFrame;
    });

    it('measures at the first render and when full screen is toggled, not at every render', () => {
      const top = { value: 200 };
      const { host, article, cardBody, rect } = tab(top);
      measureFill(host);
      expect(host.fillHeight).toBe(fillHeightFor(200, window.innerHeight));
      const [observer] = FakeResizeObserver.instances;
      expect(observer.observed).toEqual([article, cardBody]);

      top.value = 300;
      for (let i = 0; i < 5; i++) measureFill(host);
      expect(rect).toHaveBeenCalledTimes(1);
      expect(host.fillHeight).toBe(fillHeightFor(200, window.innerHeight));
      expect(FakeResizeObserver.instances).toHaveLength(1);
      expect(observer.observed).toHaveLength(2);

      host.fullScreen = true;
      top.value = 40;
      measureFill(host);
      expect(rect).toHaveBeenCalledTimes(2);
      expect(host.fillHeight).toBe(fillHeightFor(40, window.innerHeight));
      stopFill(host);
    });

    it('measures a frame after the card or its body was resized, once however many reports', () => {
      const top = { value: 200 };
      const { host, rect } = tab(top);
      measureFill(host);
      const [observer] = FakeResizeObserver.instances;
      top.value = 320; // a notice appeared above the drawing
      observer.report();
      observer.report();
      expect(host.fillHeight).toBe(fillHeightFor(200, window.innerHeight));
      runFrames();
      expect(rect).toHaveBeenCalledTimes(2);
      expect(host.fillHeight).toBe(fillHeightFor(320, window.innerHeight));
      stopFill(host);
    });

    it('follows the window height, and stops when the views are gone or the tab says so', () => {
      const top = { value: 200 };
      const { host, body, rect } = tab(top);
      measureFill(host);
      const [observer] = FakeResizeObserver.instances;
      const before = window.innerHeight;
      try {
        Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1000 });
        window.dispatchEvent(new CustomEvent('resize'));
        runFrames();
        expect(host.fillHeight).toBe(fillHeightFor(200, 1000));

        body.remove();
        window.dispatchEvent(new CustomEvent('resize'));
        runFrames();
        expect(observer.disconnected).toBe(true);
        window.dispatchEvent(new CustomEvent('resize'));
        expect(frames).toHaveLength(0);
        expect(rect).toHaveBeenCalledTimes(2);
      } finally {
        Object.defineProperty(window, 'innerHeight', { configurable: true, value: before });
      }

      // A new tab starts watching afresh; stopFill ends it and drops its waiting measure.
      const again = tab({ value: 100 });
      measureFill(again.host);
      const second = FakeResizeObserver.instances[1];
      second.report();
      stopFill(again.host);
      expect(second.disconnected).toBe(true);
      runFrames();
      expect(again.rect).toHaveBeenCalledTimes(1);
    });

    it('offers "more" only when the goals line is cut, measured again for another map\'s goals', () => {
      const { host, cardBody } = tab({ value: 200 });
      const goals = document.createElement('p');
      goals.className = 'rm-goals-text';
      goals.textContent = 'Win the renewal';
      cardBody.appendChild(goals);
      const size = { scroll: 300, client: 600 };
      Object.defineProperty(goals, 'scrollWidth', { get: () => size.scroll });
      Object.defineProperty(goals, 'clientWidth', { get: () => size.client });

      measureFill(host);
      expect(host.goalsCut).toBe(false);
      // The same goals at the next render are not measured again.
      size.scroll = 900;
      measureFill(host);
      expect(host.goalsCut).toBe(false);
      // Another map's longer goals are.
      goals.textContent = 'Standardise every plant on our platform by the end of next year, three-year agreement';
      measureFill(host);
      expect(host.goalsCut).toBe(true);
      // While the goals are open nothing changes ("less" stays), and a line not laid out keeps "more".
      host.goalsExpanded = true;
      goals.textContent = 'Short';
      size.scroll = 100;
      measureFill(host);
      expect(host.goalsCut).toBe(true);
      host.goalsExpanded = false;
      size.client = 0;
      goals.textContent = 'Short again';
      measureFill(host);
      expect(host.goalsCut).toBe(true);
      stopFill(host);
    });
  });
});
