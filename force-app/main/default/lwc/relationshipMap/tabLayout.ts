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
  view: View;
  filters: Filters;
  readonly template: { querySelector<E extends Element = Element>(selector: string): E | null } | null;
}

/** The height the drawing views fill: the window below the view's top edge, at least MIN_FILL. */
export function fillHeightFor(viewTop: number, windowHeight: number): number {
  return Math.max(MIN_FILL, Math.floor(windowHeight - viewTop - BOTTOM_GAP));
}

/**
 * Measures where the views start and sets `fillHeight` when it moved (by more than a pixel, so
 * that a render caused by the new height does not measure again for ever). The top is taken
 * relative to the document, so a scrolled page measures the same as an unscrolled one.
 */
export function measureFill(host: LayoutHost): void {
  const body = host.template?.querySelector<HTMLElement>('[data-id="body"]');
  if (!body || typeof window === 'undefined') return;
  const top = host.fullScreen ? body.getBoundingClientRect().top : body.getBoundingClientRect().top + window.scrollY;
  const next = fillHeightFor(top, window.innerHeight);
  if (Math.abs(next - host.fillHeight) > 1) host.fillHeight = next;
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
