/**
 * Where people start before the layout runs: managers above their reports, reporting trees as
 * compact blocks, people outside them next to whom they know, newcomers next to their links; the
 * same map always placed the same way.
 */
import { placeByHierarchy, placeNearNeighbours, squarify } from '../placement';
import type { Placeable, ReportsTo } from '../placement';

interface Org {
  nodes: Placeable[];
  reports: ReportsTo[];
  neighbours: Map<string, Set<string>>;
}

function link(map: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    const set = map.get(x) ?? new Set<string>();
    set.add(y);
    map.set(x, set);
  }
}

/** A CEO, 3 VPs, 4 directors under each, 5 people under each director: 76 people. */
function org(): Org {
  const nodes: Placeable[] = [{ id: 'ceo' }];
  const reports: ReportsTo[] = [];
  const neighbours = new Map<string, Set<string>>();
  const add = (id: string, managerId: string) => {
    nodes.push({ id });
    reports.push({ reportId: id, managerId });
    link(neighbours, id, managerId);
  };
  for (let v = 0; v < 3; v++) {
    add(`vp${v}`, 'ceo');
    for (let d = 0; d < 4; d++) {
      add(`dir${v}.${d}`, `vp${v}`);
      for (let p = 0; p < 5; p++) add(`p${v}.${d}.${p}`, `dir${v}.${d}`);
    }
  }
  return { nodes, reports, neighbours };
}

const OPTIONS = { spacing: 70, aspect: 1.5 };
const byId = (nodes: Placeable[]) => new Map(nodes.map((n) => [n.id, n]));

describe('placeByHierarchy', () => {
  it('puts every manager above their reports, their teams kept together', () => {
    const { nodes, reports, neighbours } = org();
    placeByHierarchy(nodes, reports, neighbours, OPTIONS);
    const at = byId(nodes);
    for (const { reportId, managerId } of reports) {
      expect(at.get(reportId)!.y!).toBeGreaterThan(at.get(managerId)!.y!);
    }
    // Teams stay together: each person is nearer their own director than other directors are, on average.
    const directors = nodes.filter((n) => n.id.startsWith('dir'));
    for (const person of nodes.filter((n) => n.id.startsWith('p'))) {
      const own = at.get(`dir${person.id.slice(1, person.id.lastIndexOf('.'))}`)!;
      const distance = (d: Placeable) => Math.hypot(d.x! - person.x!, d.y! - person.y!);
      const others = directors.filter((d) => d !== own).map(distance);
      expect(distance(own)).toBeLessThan(others.reduce((s, d) => s + d, 0) / others.length);
    }
  });

  it('gives everyone a distinct, finite place, about as dense as the layout ends up, centred on the origin', () => {
    const { nodes, reports, neighbours } = org();
    placeByHierarchy(nodes, reports, neighbours, OPTIONS);
    const keys = new Set(nodes.map((n) => `${n.x},${n.y}`));
    expect(keys.size).toBe(nodes.length);
    for (const n of nodes) {
      expect(Number.isFinite(n.x)).toBe(true);
      expect(Number.isFinite(n.y)).toBe(true);
    }
    const xs = nodes.map((n) => n.x!);
    const ys = nodes.map((n) => n.y!);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    // The blocks tile a rectangle of the view's shape with one spacing² of area per person.
    expect(width * height).toBeLessThan(nodes.length * OPTIONS.spacing ** 2);
    expect(width / height).toBeGreaterThan(OPTIONS.aspect / 2);
    expect(width / height).toBeLessThan(OPTIONS.aspect * 2);
    expect(Math.abs((Math.max(...xs) + Math.min(...xs)) / 2)).toBeLessThan(OPTIONS.spacing);
    expect(Math.abs((Math.max(...ys) + Math.min(...ys)) / 2)).toBeLessThan(OPTIONS.spacing);
  });

  it('places the same map the same way every time, whatever the order of the list', () => {
    const first = org();
    const second = org();
    second.nodes.reverse();
    placeByHierarchy(first.nodes, first.reports, first.neighbours, OPTIONS);
    placeByHierarchy(second.nodes, second.reports, second.neighbours, OPTIONS);
    const again = byId(second.nodes);
    for (const n of first.nodes) expect([again.get(n.id)!.x, again.get(n.id)!.y]).toEqual([n.x, n.y]);
  });

  it('starts someone outside the hierarchy (one of our people) next to the people they know', () => {
    const { nodes, reports, neighbours } = org();
    nodes.push({ id: 'ours' });
    link(neighbours, 'ours', 'p1.2.3');
    link(neighbours, 'ours', 'p1.2.4');
    placeByHierarchy(nodes, reports, neighbours, OPTIONS);
    const at = byId(nodes);
    const a = at.get('p1.2.3')!;
    const b = at.get('p1.2.4')!;
    const ours = at.get('ours')!;
    expect(Math.hypot(ours.x! - (a.x! + b.x!) / 2, ours.y! - (a.y! + b.y!) / 2)).toBeLessThan(50);
  });

  it('survives bad reporting data: a cycle, a self-report and a manager not on the map', () => {
    const nodes: Placeable[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const reports: ReportsTo[] = [
      { reportId: 'a', managerId: 'b' },
      { reportId: 'b', managerId: 'a' },
      { reportId: 'c', managerId: 'c' },
      { reportId: 'd', managerId: 'nobody' },
    ];
    placeByHierarchy(nodes, reports, new Map(), OPTIONS);
    for (const n of nodes) {
      expect(Number.isFinite(n.x)).toBe(true);
      expect(Number.isFinite(n.y)).toBe(true);
    }
    // The first link of the cycle counts (a reports to b), the one closing it does not.
    const at = byId(nodes);
    expect(at.get('a')!.y!).toBeGreaterThan(at.get('b')!.y!);
  });
});

describe('placeNearNeighbours', () => {
  it('starts newcomers next to their placed neighbours, leaves everyone placed where they are', () => {
    const nodes: Placeable[] = [
      { id: 'lee', x: 100, y: 0 },
      { id: 'pat', x: 0, y: 100 },
      { id: 'new' },
      { id: 'loner' },
    ];
    const neighbours = new Map<string, Set<string>>();
    link(neighbours, 'new', 'lee');
    placeNearNeighbours(nodes, neighbours, byId(nodes));
    const at = byId(nodes);
    expect([at.get('lee')!.x, at.get('lee')!.y]).toEqual([100, 0]);
    expect([at.get('pat')!.x, at.get('pat')!.y]).toEqual([0, 100]);
    expect(Math.hypot(at.get('new')!.x! - 100, at.get('new')!.y!)).toBeLessThan(50);
    // Nobody to be next to: left to the layout's own start.
    expect(at.get('loner')!.x).toBeUndefined();
  });
});

describe('squarify', () => {
  it('tiles the rectangle with one area per item, in proportion, without overlaps', () => {
    const items = [6, 6, 4, 3, 2, 2, 1].map((value, i) => ({ id: `i${i}`, value }));
    const rect = { x: 0, y: 0, w: 600, h: 400 };
    const placed = new Map<string, { x: number; y: number; w: number; h: number }>();
    squarify(items, rect, (id, r) => placed.set(id, r));
    const total = items.reduce((s, i) => s + i.value, 0);
    for (const item of items) {
      const r = placed.get(item.id)!;
      expect(r.w * r.h).toBeCloseTo((rect.w * rect.h * item.value) / total, 6);
      expect(r.x).toBeGreaterThanOrEqual(-1e-9);
      expect(r.y).toBeGreaterThanOrEqual(-1e-9);
      expect(r.x + r.w).toBeLessThanOrEqual(rect.w + 1e-9);
      expect(r.y + r.h).toBeLessThanOrEqual(rect.h + 1e-9);
    }
    const list = [...placed.values()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        const overlapX = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const overlapY = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        expect(overlapX <= 1e-9 || overlapY <= 1e-9).toBe(true);
      }
    }
  });
});
