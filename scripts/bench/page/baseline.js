// @ts-check
/**
 * The baseline: a force graph as the common LWC + D3 pattern writes it (Salesforce's own D3
 * recipe and most blog posts): d3-force with its default forces (link, many-body, centre) and its
 * own timer, which ticks once per animation frame until alpha falls below alphaMin (300 ticks),
 * and an SVG redraw of every node and link on each tick. Each person is a group with a circle
 * coloured by stance and a name label; each link a line.
 *
 * Saved positions (warm runs) become starting positions, as that pattern does (`x`/`y`).
 */
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3-force';
import { select } from 'd3-selection';

const STANCE_COLORS = /** @type {Record<string, string>} */ ({
  Champion: '#009E73',
  Supporter: '#56B4E9',
  Neutral: '#BBBBBB',
  Skeptic: '#E69F00',
  Opponent: '#D55E00',
});

/**
 * @typedef {{ id: string, name?: string, stance?: string, layoutX?: number | null, layoutY?: number | null }} BenchPerson
 * @typedef {{ id: string, fromId: string, toId: string }} BenchLink
 * @typedef {import('d3-force').SimulationNodeDatum & { id: string, name: string, stance: string }} Node
 * @typedef {import('d3-force').SimulationLinkDatum<Node>} Link
 */

/**
 * @param {HTMLElement} stage
 * @param {object[]} people
 * @param {object[]} links
 * @param {() => void} onEnd called when the simulation ends
 */
export function mountBaseline(stage, people, links, onEnd) {
  const width = stage.clientWidth || 1200;
  const height = stage.clientHeight || 800;
  /** @type {Node[]} */
  const nodes = /** @type {BenchPerson[]} */ (people).map((p) => {
    /** @type {Node} */
    const node = { id: p.id, name: p.name ?? '', stance: p.stance ?? 'Unknown' };
    if (typeof p.layoutX === 'number' && typeof p.layoutY === 'number') {
      node.x = p.layoutX + width / 2;
      node.y = p.layoutY + height / 2;
    }
    return node;
  });
  /** @type {Link[]} */
  const linkData = /** @type {BenchLink[]} */ (links).map((l) => ({ source: l.fromId, target: l.toId }));

  const svg = select(stage).append('svg').attr('width', width).attr('height', height);
  const link = svg
    .append('g')
    .attr('stroke', '#999')
    .attr('stroke-opacity', 0.6)
    .selectAll('line')
    .data(linkData)
    .join('line')
    .attr('stroke-width', 1.5);
  const node = svg.append('g').selectAll('g').data(nodes).join('g');
  node
    .append('circle')
    .attr('r', 8)
    .attr('fill', (d) => STANCE_COLORS[d.stance] ?? '#ffffff')
    .attr('stroke', '#3E3E3C');
  node
    .append('text')
    .attr('y', 20)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .text((d) => d.name);

  const state = {
    ticks: 0,
    /** Stops the simulation and removes the drawing. */
    remove: () => {
      simulation.stop();
      svg.remove();
    },
    /** @returns {{ id: string, x: number, y: number }[]} */
    positions: () => nodes.map((d) => ({ id: d.id, x: d.x ?? 0, y: d.y ?? 0 })),
  };
  const coordinate = (/** @type {Node | string | number} */ end, /** @type {'x' | 'y'} */ axis) =>
    typeof end === 'object' ? (end[axis] ?? 0) : 0;
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink(linkData).id((d) => /** @type {Node} */ (d).id)
    )
    .force('charge', forceManyBody())
    .force('center', forceCenter(width / 2, height / 2))
    .on('tick', () => {
      state.ticks++;
      link
        .attr('x1', (d) => coordinate(d.source, 'x'))
        .attr('y1', (d) => coordinate(d.source, 'y'))
        .attr('x2', (d) => coordinate(d.target, 'x'))
        .attr('y2', (d) => coordinate(d.target, 'y'));
      node.attr('transform', (d) => `translate(${d.x},${d.y})`);
    })
    .on('end', onEnd);
  return state;
}
