/**
 * The org chart's keys on a person: arrows up the tree to the manager, down to the first report
 * and along the row; Home and End; Enter or Space selects, Escape clears; + and − zoom, 0 fits.
 * Enter or Space on a fold button folds or unfolds. One listener on the SVG serves everyone.
 */
import { personIdOf } from './drawing';
import type { SvgSelection } from './drawing';
import { personToward } from './orgChartLayout';
import type { ChartDirection, ChartNode, OrgChart } from './orgChartLayout';

/** What the keyboard needs from the shell. */
export interface ChartKeyHost {
  chart(): OrgChart | null;
  selectedId(): string | null;
  focusNode(id: string): void;
  choose(id: string | null): void;
  zoomBy(factor: number): void;
  fit(): void;
  toggle(id: string): void;
  /** A person's element got focus (by keyboard or pointer). */
  focused(id: string): void;
}

/** A key's command on a person; false when it does nothing there. */
type KeyAction = (host: ChartKeyHost, chart: OrgChart, node: ChartNode) => boolean;

const move =
  (direction: ChartDirection): KeyAction =>
  (host, chart, node) => {
    const target = personToward(chart, node, direction);
    if (target) host.focusNode(target.id);
    return true;
  };
const end =
  (last: boolean): KeyAction =>
  (host, chart) => {
    const target = chart.nodes[last ? chart.nodes.length - 1 : 0];
    if (target) host.focusNode(target.id);
    return true;
  };
const zoomBy =
  (factor: number): KeyAction =>
  (host) => {
    host.zoomBy(factor);
    return true;
  };
const selectPerson: KeyAction = (host, _chart, node) => {
  host.choose(node.id);
  return true;
};
const clear: KeyAction = (host) => {
  if (host.selectedId() === null) return false;
  host.choose(null);
  return true;
};
const fit: KeyAction = (host) => {
  host.fit();
  return true;
};

const ACTIONS: Readonly<Record<string, KeyAction>> = {
  ArrowUp: move('up'),
  ArrowDown: move('down'),
  ArrowLeft: move('left'),
  ArrowRight: move('right'),
  Enter: selectPerson,
  ' ': selectPerson,
  Escape: clear,
  Home: end(false),
  End: end(true),
  '+': zoomBy(1.25),
  '=': zoomBy(1.25),
  '-': zoomBy(0.8),
  _: zoomBy(0.8),
  '0': fit,
};

/** Listens for keys and focus on the chart's SVG. */
export function listenForKeys(svg: SvgSelection, host: ChartKeyHost): void {
  svg.on('keydown.keyboard', (event: KeyboardEvent) => {
    const target = event.target as Element | null;
    const toggle = target?.closest?.('g.rmo-toggle');
    if (toggle && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      host.toggle(toggle.getAttribute('data-id') ?? '');
      return;
    }
    const chart = host.chart();
    const node = chart?.nodeById.get(personIdOf(target) ?? '');
    const action = Object.prototype.hasOwnProperty.call(ACTIONS, event.key) ? ACTIONS[event.key] : undefined;
    if (chart && node && action && action(host, chart, node)) event.preventDefault();
  });
  svg.on('focusin.keyboard', (event: FocusEvent) => {
    const id = personIdOf(event.target);
    if (id !== null) host.focused(id);
  });
}

export function stopListeningForKeys(svg: SvgSelection): void {
  svg.on('.keyboard', null);
}
