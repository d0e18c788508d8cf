import { forceLink, forceManyBody, forceSimulation, select } from 'c/d3';
import type { SimulationNodeDatum } from 'c/d3';

interface Node extends SimulationNodeDatum {
  id: string;
}

describe('c/d3', () => {
  it('lays out linked people with the force simulation, deterministically for the same start', () => {
    const run = (): Node[] => {
      const nodes: Node[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
      forceSimulation(nodes)
        .force('charge', forceManyBody())
        .force(
          'link',
          forceLink<Node, { source: string; target: string }>([
            { source: 'a', target: 'b' },
            { source: 'b', target: 'c' },
          ]).id((n) => n.id)
        )
        .stop()
        .tick(50);
      return nodes;
    };
    const first = run();
    for (const node of first) {
      expect(Number.isFinite(node.x)).toBe(true);
      expect(Number.isFinite(node.y)).toBe(true);
    }
    // Linked people end up apart (charge) but not on top of each other.
    expect(Math.hypot(first[0].x! - first[1].x!, first[0].y! - first[1].y!)).toBeGreaterThan(1);
    expect(run().map((n) => [n.x, n.y])).toEqual(first.map((n) => [n.x, n.y]));
  });

  it('writes names as text, so markup in a name is never parsed', () => {
    const host = document.createElement('div');
    select(host).append('span').text('<img src=x onerror=alert(1)>');
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
