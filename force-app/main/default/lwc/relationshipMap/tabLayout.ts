/**
 * How the map tab sits in the page: the drawing views (graph, org chart) fill what is left of the
 * window below the toolbar (at least MIN_FILL px; the admin's height attribute wins when set), a
 * full-screen mode that covers the window, the goals on one line with "more", and where a phone
 * starts (decision makers in the table). The container holds the fields; this module measures and
 * decides, like the other modules handed the component as their host.
 */
import type { Filters } from './mapModel';
import type { View } from 'c/relationshipMapFilters';
import { DECISION_MAKERS } from 'c/relationshipMapFilters';

/** The smallest height the drawing views get when they fill the window. */
export const MIN_FILL = 400;
/** Room kept below the drawing (the card's padding and border) so the page does not scroll for it. */
const BOTTOM_GAP = 16;
/** Below this width the tab is on a phone (the Small form factor): SLDS's small breakpoint. */
const PHONE_QUERY = '(max-width: 47.9375em)';

export interface LayoutHost {
  fillHeight: number;
  fullScreen: boolean;
  goalsExpanded: boolean;
  /** Whether the goals line is cut at one line, so that "more" has more to show (true until measured). */
  goalsCut: boolean;
  view: View;
  filters: Filters;
  readonly template: { querySelector<E extends Element = Element>(selector: string): E | null } | null;
}

/** The height the drawing views fill: the window below the view's top edge, at least MIN_FILL. */
export function fillHeightFor(viewTop: number, windowHeight: number): number {
  return Math.max(MIN_FILL, Math.floor(windowHeight - viewTop - BOTTOM_GAP));
}

/** What watches one tab's layout: a ResizeObserver on the boxes that move the views' top. */
interface FillWatch {
  observer: ResizeObserver;
  /** The elements observed so far (the card and the card's body, which a new map re-creates). */
  observed: WeakSet<Element>;
  /** Whether a render measured yet (the first one does, at once). */
  measured: boolean;
  /** The full-screen mode of the last measure: a toggle measures at the render it causes. */
  fullScreen: boolean;
  /** A measure waiting for the next frame. */
  frame: number | null;
  /** The goals' text at the last measure of the goals line: another map's goals measure again. */
  goalsText: string | null;
  onWindowResize: () => void;
}

const watches = new WeakMap<LayoutHost, FillWatch>();

function bodyOf(host: LayoutHost): HTMLElement | null {
  return host.template?.querySelector<HTMLElement>('[data-id="body"]') ?? null;
}

/**
 * Measures where the views start and sets `fillHeight` when it moved (by more than a pixel, so
 * that a render caused by the new height does not measure again for ever). The top is taken
 * relative to the document, so a scrolled page measures the same as an unscrolled one.
 */
function measureNow(host: LayoutHost, body: HTMLElement): void {
  const top = host.fullScreen ? body.getBoundingClientRect().top : body.getBoundingClientRect().top + window.scrollY;
  const next = fillHeightFor(top, window.innerHeight);
  if (Math.abs(next - host.fillHeight) > 1) host.fillHeight = next;
  measureGoals(host);
}

function goalsTextOf(host: LayoutHost): HTMLElement | null {
  return host.template?.querySelector<HTMLElement>('.rm-goals-text') ?? null;
}

/**
 * Offers "more" only when the one-line goals are cut. While they are open ("less") nothing is
 * measured; a line the browser has not laid out (no width, as in Jest) keeps "more" offered.
 */
function measureGoals(host: LayoutHost): void {
  const text = goalsTextOf(host);
  if (!text || host.goalsExpanded || text.clientWidth === 0) return;
  const cut = text.scrollWidth > text.clientWidth + 1;
  if (cut !== host.goalsCut) host.goalsCut = cut;
}

function startWatching(host: LayoutHost): FillWatch {
  const watch: FillWatch = {
    observer: new ResizeObserver(() => measureSoon(host, watch)),
    observed: new WeakSet(),
    measured: false,
    fullScreen: host.fullScreen,
    frame: null,
    goalsText: null,
    // The window's height moves no observed box outside full screen: the window says so itself.
    onWindowResize: () => measureSoon(host, watch),
  };
  window.addEventListener('resize', watch.onWindowResize);
  watches.set(host, watch);
  return watch;
}

/**
 * A resize the observer or the window reports is measured in the next frame, not in its callback:
 * the new height resizes the observed boxes again, which in the same frame would be a
 * ResizeObserver loop. A tab whose views are gone (another map loading, the tab closed) stops.
 */
function measureSoon(host: LayoutHost, watch: FillWatch): void {
  if (watch.frame !== null) return;
  // A browser with a ResizeObserver has frames too.
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  watch.frame = window.requestAnimationFrame(() => {
    watch.frame = null;
    const body = bodyOf(host);
    if (body?.isConnected) measureNow(host, body);
    else stopFill(host);
  });
}

/**
 * Keeps `fillHeight` current, called at each render of the container (and on a window resize).
 * Where the browser has a ResizeObserver it measures only when something moved the views' top or
 * the window changed: at the first render, when full screen is toggled, and when the card (its
 * width, full screen) or the card's body (a notice, the goals' "more", the filter panel, the
 * decision makers' strip, the views' own new height) is resized. Without one (Jest's DOM), it
 * measures at every call.
 */
export function measureFill(host: LayoutHost): void {
  const body = bodyOf(host);
  if (!body || typeof window === 'undefined') return;
  if (typeof ResizeObserver !== 'function') {
    measureNow(host, body);
    return;
  }
  const watch = watches.get(host) ?? startWatching(host);
  for (const box of [body.closest('article'), body.parentElement]) {
    if (box && !watch.observed.has(box)) {
      watch.observed.add(box);
      watch.observer.observe(box);
    }
  }
  const goals = goalsTextOf(host)?.textContent ?? null;
  if (goals !== watch.goalsText && !host.goalsExpanded) {
    watch.goalsText = goals;
    measureGoals(host);
  }
  if (watch.measured && watch.fullScreen === host.fullScreen) return;
  watch.measured = true;
  watch.fullScreen = host.fullScreen;
  measureNow(host, body);
}

/** Stops watching the tab's layout (when the container leaves the page). */
export function stopFill(host: LayoutHost): void {
  const watch = watches.get(host);
  if (!watch) return;
  watch.observer.disconnect();
  window.removeEventListener('resize', watch.onWindowResize);
  if (watch.frame !== null) window.cancelAnimationFrame(watch.frame);
  watches.delete(host);
}

/** A phone opens on the decision makers in the table: the graph is there, but not the default. */
export function startForFormFactor(host: LayoutHost): void {
  if (typeof window === 'undefined' || !window.matchMedia?.(PHONE_QUERY).matches) return;
  host.view = 'table';
  host.filters = { ...host.filters, role: DECISION_MAKERS };
}

export function toggleFullScreen(host: LayoutHost): void {
  host.fullScreen = !host.fullScreen;
}

export function toggleGoals(host: LayoutHost): void {
  host.goalsExpanded = !host.goalsExpanded;
}
