/**
 * Where people start before the layout runs: managers above their reports, reporting trees as
 * compact blocks, people outside them next to whom they know, newcomers next to their links; the
 * same map always placed the same way.
 */
import { placeByHierarchy, placeNearNeighbours, reportingLines, sideStrips, squarify } from '../placement';
import type { Placeable, ReportsTo } from '../placement';

interface Org {
  nodes: Placeable[];
  reports: ReportsTo[];
  neighbours: Map<string, Set<string>>;
}

/** Reports To links written "report>manager": reportsTo('a>b b>c') says a reports to b, and b to c. */
function reportsTo(spec: string): ReportsTo[] {
  return spec.split(' ').map((pair) => {
    const [reportId, managerId] = pair.split('>');
    return { reportId, managerId };
  });
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

  it('places trees of each rank (side) in their own strip, left to right', () => {
    const { nodes, reports, neighbours } = org();
    for (const [id, managerId] of [
      ['ourLead', ''],
      ['ourRep', 'ourLead'],
      ['partnerLead', ''],
      ['partnerRep', 'partnerLead'],
    ]) {
      nodes.push({ id });
      if (managerId) reports.push({ reportId: id, managerId });
    }
    const rank = (id: string) => (id.startsWith('our') ? 0 : id.startsWith('partner') ? 2 : 1);
    placeByHierarchy(nodes, reports, neighbours, { ...OPTIONS, rootRank: rank });
    const customersX = nodes.filter((n) => rank(n.id) === 1).map((n) => n.x!);
    for (const n of nodes.filter((x) => rank(x.id) === 0)) expect(n.x!).toBeLessThan(Math.min(...customersX));
    for (const n of nodes.filter((x) => rank(x.id) === 2)) expect(n.x!).toBeGreaterThan(Math.max(...customersX));
  });

  it('survives bad reporting data: a cycle, a self-report and a manager not on the map', () => {
    const nodes: Placeable[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    const reports: ReportsTo[] = reportsTo('a>b b>a c>c d>nobody');
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

describe('reportingLines', () => {
  const depths = (lines: ReturnType<typeof reportingLines>) => Object.fromEntries(lines.depth);

  it('counts the managers above each person in several trees; people in none are roots', () => {
    const ids = ['ceo', 'vp', 'dir', 'ic', 'boss2', 'mate2', 'loner'];
    const lines = reportingLines(ids, reportsTo('ic>dir dir>vp vp>ceo mate2>boss2'));
    expect(depths(lines)).toEqual({ ceo: 0, vp: 1, dir: 2, ic: 3, boss2: 0, mate2: 1, loner: 0 });
    expect(lines.maxDepth).toBe(3);
    expect([...lines.inTree].sort()).toEqual(['boss2', 'ceo', 'dir', 'ic', 'mate2', 'vp']);
    expect(lines.inTree.has('loner')).toBe(false);
  });

  it('breaks a cycle at its link that comes last, and people below the cycle hang from it', () => {
    // a → b → c → a, and d reports to c: the last link of the cycle (c reports to a) is dropped.
    const lines = reportingLines(['a', 'b', 'c', 'd'], reportsTo('a>b b>c d>c c>a'));
    expect(lines.managerOf.has('c')).toBe(false);
    expect(depths(lines)).toEqual({ c: 0, b: 1, a: 2, d: 1 });
    // A two-person cycle: the first link counts (a reports to b), as the placement has it.
    const pair = reportingLines(['a', 'b'], reportsTo('a>b b>a'));
    expect(depths(pair)).toEqual({ a: 1, b: 0 });
  });

  it('ignores self-reports and links to people not on the map; the first manager of two counts', () => {
    const lines = reportingLines(['a', 'b', 'c', 'd'], reportsTo('a>a b>gone ghost>c d>c d>b'));
    expect(depths(lines)).toEqual({ a: 0, b: 0, c: 0, d: 1 });
    expect(lines.managerOf.get('d')).toBe('c');
    expect(lines.inTree.has('b')).toBe(false);
    expect(lines.inTree.has('ghost')).toBe(false);
  });

  it('keeps a vacant seat in its place in the tree: its reports stay below it', () => {
    // The seat is a person like any other here (Is_Vacant__c changes its look, not its links).
    const lines = reportingLines(['ceo', 'vacantSeat', 'report'], reportsTo('report>vacantSeat vacantSeat>ceo'));
    expect(depths(lines)).toEqual({ ceo: 0, vacantSeat: 1, report: 2 });
  });

  it('gives the same answer whatever order the people come in, and handles a chain of 10,000', () => {
    const reports = reportsTo('x>y y>z z>x w>x');
    const one = reportingLines(['w', 'x', 'y', 'z'], reports);
    const other = reportingLines(['z', 'y', 'x', 'w'], reports);
    expect(depths(other)).toEqual(depths(one));
    expect([...other.managerOf].sort()).toEqual([...one.managerOf].sort());

    const chain = Array.from({ length: 10_000 }, (_, i) => `p${i}`);
    const long = reportingLines(
      [...chain].reverse(),
      chain.slice(1).map((id, i) => ({ reportId: id, managerId: chain[i] }))
    );
    expect(long.maxDepth).toBe(9_999);
    expect(long.depth.get('p5000')).toBe(5_000);
  });
});

describe('sideStrips', () => {
  it('tiles the width left to right, each strip as wide as its share', () => {
    expect(sideStrips([1, 2, 1], 400)).toEqual([-150, 0, 150]);
    // No one on a side: its strip has no width.
    expect(sideStrips([0, 3, 1], 400)).toEqual([-200, -50, 150]);
  });
});
