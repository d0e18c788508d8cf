/**
 * The lines of the org chart: the tree's elbows from a manager to each report (down a spine
 * beside a stack of leaf reports), and every other link as a curve over the tree between the
 * people it joins, or whoever folds them away. Pure.
 */
import type { InfluenceLink, LinkType } from 'c/relationshipGraph';
import { arrowStop, boundaryDistance, ringGap, round1, segment } from 'c/relationshipMapLook';
import type { DrawnNode } from 'c/relationshipMapLook';
import { LINK_STYLES, strengthWidth } from 'c/relationshipMapTheme';
import type { ChartNode, ChartOverlay } from './orgChartLayout';
import { ROW_HEIGHT } from './orgChartTree';

export type JoinedLink = InfluenceLink & { fromId: string; toId: string };

export function typeOf(link: InfluenceLink): LinkType {
  return link.type && LINK_STYLES[link.type] ? link.type : 'Influences';
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Down from the manager's shape, across low in the row gap (below the manager's name and fold
 * button, above the report's rings), down to the report's shape; to a stacked report, across to
 * the stack's spine (`spine`, its x), down it and across to the report's shape.
 */
export function elbow(manager: ChartNode, report: ChartNode, spine?: number): string {
  const top = round1(manager.y + boundaryDistance(manager.shape, manager.radius + ringGap(manager), 0, 1));
  const middle = round1(manager.y + ROW_HEIGHT * 0.72);
  if (report.stackOf !== null && spine !== undefined) {
    const side = round1(report.x - boundaryDistance(report.shape, report.radius + ringGap(report), -1, 0));
    return `M${manager.x},${top}V${middle}H${round1(spine)}V${report.y}H${side}`;
  }
  const bottom = round1(report.y - boundaryDistance(report.shape, report.radius + ringGap(report), 0, 1));
  return `M${manager.x},${top}V${middle}H${report.x}V${bottom}`;
}

/** Links over the tree, as curves between the people they join (or who folds them away). */
export function overlayLinks(
  links: readonly JoinedLink[],
  visible: (id: string) => ChartNode | undefined
): ChartOverlay[] {
  const overlays: ChartOverlay[] = [];
  const pairCount = new Map<string, number>();
  for (const link of [...links].sort((a, b) => compareIds(a.id, b.id))) {
    const type = typeOf(link);
    const from = visible(link.fromId);
    const to = visible(link.toId);
    if (!from || !to || from === to) continue;
    // Reports To points at the report (manager → report), as in the graph and the legend.
    const atFrom = type === 'Reports To';
    const tail = atFrom ? to : from;
    const head = atFrom ? from : to;
    const pair = from.id < to.id ? `${from.id}|${to.id}` : `${to.id}|${from.id}`;
    const index = pairCount.get(pair) ?? 0;
    pairCount.set(pair, index + 1);
    const arrow = LINK_STYLES[type].arrow;
    overlays.push({
      id: link.id,
      type,
      fromId: link.fromId,
      toId: link.toId,
      tailId: tail.id,
      headId: head.id,
      width: strengthWidth(link.strength),
      arrow,
      rerouted: from.id !== link.fromId || to.id !== link.toId,
      path: curve(tail, head, index, arrow),
    });
  }
  return overlays;
}

/**
 * A quadratic curve from tail to head, bowed sideways (more for each further link between the
 * same two people, and always to the same side of the pair, so that A→B and B→A part), so that
 * it stands out from the tree's straight lines. With an arrow it stops at the head's outline.
 */
export function curve(tail: DrawnNode, head: DrawnNode, index: number, arrow: boolean): string {
  const { x1, y1, x2, y2, dx, dy, length } = segment(tail, head);
  const side = tail.id < head.id ? 1 : -1;
  // A fifth of the distance, at most 80 px: long links arc over the rows, not across the chart.
  const bow = (Math.min(0.2 * length, 80) + 24 * index) * side;
  const cx = (x1 + x2) / 2 + (-dy / length) * bow;
  const cy = (y1 + y2) / 2 + (dx / length) * bow;
  let ex = x2;
  let ey = y2;
  if (arrow) {
    // The curve arrives along (head - control): stop where that line meets the outline.
    const ax = x2 - cx;
    const ay = y2 - cy;
    const along = Math.hypot(ax, ay) || 1;
    const stop = arrowStop(head, ax, ay, along);
    ex = x2 - (ax / along) * stop;
    ey = y2 - (ay / along) * stop;
  }
  return `M${round1(x1)},${round1(y1)}Q${round1(cx)},${round1(cy)} ${round1(ex)},${round1(ey)}`;
}
