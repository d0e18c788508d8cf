/**
 * The org chart's layout: managers above their reports, roots without a manager, vacant seats
 * in their place, cycles broken the same way every time, folded branches with a count, our
 * people in their own lane, and the links drawn over the tree.
 */
import type { InfluenceLink, LinkType, MapPerson } from 'c/relationshipGraph';
import { reportingLines } from 'c/relationshipGraph';
import { COLUMN_WIDTH, ROW_HEIGHT, layoutOrgChart, personToward } from '../orgChartLayout';
import type { ChartNode, OrgChart } from '../orgChartLayout';

const person = (id: string, name: string, extra: Partial<MapPerson> = {}): MapPerson => ({ id, name, ...extra });
let linkCount = 0;
const link = (
  fromId: string | null,
  toId: string | null,
  type: LinkType | null = 'Reports To',
  id?: string
): InfluenceLink => ({
  id: id ?? `L${String(++linkCount).padStart(3, '0')}`,
  fromId,
  toId,
  type,
});
const reportsTo = (report: string, manager: string, id?: string): InfluenceLink =>
  link(report, manager, 'Reports To', id);

const at = (chart: OrgChart, id: string): ChartNode => {
  const node = chart.nodeById.get(id);
  if (!node) throw new Error(`${id} is not drawn`);
  return node;
};

/** Every manager drawn above each of their reports, by at least one row. */
function expectManagersAbove(chart: OrgChart): void {
  for (const edge of chart.edges) {
    expect(at(chart, edge.managerId).y + ROW_HEIGHT).toBeLessThanOrEqual(at(chart, edge.reportId).y);
  }
  for (const n of chart.nodes) {
    if (n.managerId !== null && chart.nodeById.has(n.managerId)) {
      expect(at(chart, n.managerId).y).toBeLessThan(n.y);
    }
  }
}

/** No two people of a row closer than a column (their names would touch). */
function expectNoOverlap(chart: OrgChart): void {
  const rows = new Map<number, number[]>();
  for (const n of chart.nodes) rows.set(n.y, [...(rows.get(n.y) ?? []), n.x]);
  for (const xs of rows.values()) {
    xs.sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(COLUMN_WIDTH - 0.1);
  }
}

// CEO ── CFO ── Controller
//     └─ CTO ── (vacant) Architect ── Engineer
//     Consultant (no manager)
const company = (): { people: MapPerson[]; links: InfluenceLink[] } => ({
  people: [
    person('p1', 'Casey CEO', { role: 'Decision Maker', isDecisionMaker: true }),
    person('p2', 'Fran CFO'),
    person('p3', 'Tam CTO'),
    person('p4', 'Cody Controller'),
    person('p5', 'Vacant seat', { isVacant: true, title: 'Architect' }),
    person('p6', 'Erin Engineer'),
    person('p7', 'Kim Consultant', { side: 'Partner' }),
    person('u1', 'Dana Fox', { side: 'Our Company' }),
    person('u2', 'Sam Ito', { side: 'Our Company' }),
  ],
  links: [
    reportsTo('p2', 'p1', 'R1'),
    reportsTo('p3', 'p1', 'R2'),
    reportsTo('p4', 'p2', 'R3'),
    reportsTo('p5', 'p3', 'R4'),
    reportsTo('p6', 'p5', 'R5'),
    reportsTo('u2', 'u1', 'R6'),
    link('u1', 'p1', 'Relationship', 'X1'),
    link('p4', 'p3', 'Influences', 'X2'),
    link('p7', 'p6', 'Ally', 'X3'),
  ],
});

describe('layoutOrgChart', () => {
  it('places every manager above their reports, in a tidy tree without overlaps', () => {
    const chart = layoutOrgChart(company());
    expect(chart.edges.map((e) => `${e.reportId}->${e.managerId}`).sort()).toEqual(
      ['p2->p1', 'p3->p1', 'p4->p2', 'p5->p3', 'p6->p5', 'u2->u1'].sort()
    );
    expectManagersAbove(chart);
    expectNoOverlap(chart);
    expect(at(chart, 'p1').depth).toBe(0);
    expect(at(chart, 'p6').depth).toBe(3);
    // A manager sits over their reports (tidy tree: centred on them).
    expect(at(chart, 'p1').x).toBeCloseTo((at(chart, 'p2').x + at(chart, 'p3').x) / 2, 5);
    // Reports in name order: Fran CFO left of Tam CTO.
    expect(at(chart, 'p2').x).toBeLessThan(at(chart, 'p3').x);
  });

  it('makes everyone without a manager a root, several roots side by side', () => {
    const chart = layoutOrgChart(company());
    const roots = chart.nodes.filter((n) => n.lane === 'tree' && n.managerId === null).map((n) => n.id);
    expect(roots.sort()).toEqual(['p1', 'p7']);
    expect(at(chart, 'p7').y).toBe(at(chart, 'p1').y);
    expect(at(chart, 'p7').depth).toBe(0);
    // A manager who is not on the chart (filtered out) leaves a root, not an error.
    const { people, links } = company();
    const withoutCeo = layoutOrgChart({ people: people.filter((p) => p.id !== 'p1'), links });
    expect(at(withoutCeo, 'p2').managerId).toBeNull();
    expect(at(withoutCeo, 'p2').depth).toBe(0);
    expectManagersAbove(withoutCeo);
  });

  it('keeps a vacant seat in its place: under its manager, over its reports', () => {
    const chart = layoutOrgChart(company());
    const seat = at(chart, 'p5');
    expect(seat.managerId).toBe('p3');
    expect(seat.reportIds).toEqual(['p6']);
    expect(at(chart, 'p6').managerId).toBe('p5');
    expect(seat.y).toBeGreaterThan(at(chart, 'p3').y);
    expect(seat.y).toBeLessThan(at(chart, 'p6').y);
    // Filling the seat (same record, no longer vacant) does not move anyone.
    const { people, links } = company();
    const filled = layoutOrgChart({
      people: people.map((p) => (p.id === 'p5' ? { ...p, isVacant: false } : p)),
      links,
    });
    expect(filled.nodes.map((n) => [n.id, n.x, n.y])).toEqual(chart.nodes.map((n) => [n.id, n.x, n.y]));
  });

  it('breaks a Reports To cycle at the same link whatever the order of the data (the last by id, as the graph does), and draws that link over the tree', () => {
    const people = [person('c', 'Cy'), person('a', 'Ash'), person('b', 'Bo')];
    const links = [reportsTo('a', 'b', 'R1'), reportsTo('b', 'c', 'R2'), reportsTo('c', 'a', 'R3')];
    const chart = layoutOrgChart({ people, links });
    expect(chart.cycleBreaks).toEqual(['c']);
    expect(at(chart, 'c').managerId).toBeNull();
    expect(at(chart, 'b').managerId).toBe('c');
    expect(at(chart, 'a').managerId).toBe('b');
    expectManagersAbove(chart);
    expect(chart.overlays.map((o) => o.id)).toEqual(['R3']);
    // The graph's layout reads the same lines from the same links (c/relationshipGraph).
    const lines = reportingLines(
      ['a', 'b', 'c'],
      [...links].sort((x, y) => x.id.localeCompare(y.id)).map((l) => ({ reportId: l.fromId!, managerId: l.toId! }))
    );
    expect([...lines.managerOf].sort()).toEqual([...chart.managers].sort());
    const reversed = layoutOrgChart({ people: [...people].reverse(), links: [...links].reverse() });
    expect(reversed.nodes.map((n) => [n.id, n.x, n.y])).toEqual(chart.nodes.map((n) => [n.id, n.x, n.y]));
    // Someone who reports to themself is a root.
    const self = layoutOrgChart({ people: [person('s', 'Solo')], links: [reportsTo('s', 's')] });
    expect(at(self, 's').managerId).toBeNull();
  });

  it('never throws on bad data: unknown people, blank ends, duplicates, two managers, junk', () => {
    const people = [
      person('a', 'Ash'),
      person('a', 'Ash again'),
      person('b', 'Bo'),
      person('m', 'Mo'),
      null as unknown as MapPerson,
      { name: 'No id' } as MapPerson,
    ];
    const links = [
      reportsTo('a', 'zz'),
      link(null, 'b'),
      link('a', null),
      reportsTo('b', 'a', 'R1'),
      reportsTo('b', 'm', 'R2'),
      reportsTo('b', 'a', 'R1'),
      null as unknown as InfluenceLink,
    ];
    const chart = layoutOrgChart({ people, links });
    expect(chart.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'm']);
    expect(at(chart, 'a').person.name).toBe('Ash');
    // Two managers: the link first by id is the tree's, the other goes over it.
    expect(at(chart, 'b').managerId).toBe('a');
    expect(chart.overlays.map((o) => [o.id, o.type])).toEqual([['R2', 'Reports To']]);
    expect(
      layoutOrgChart({ people: null as unknown as MapPerson[], links: undefined as unknown as InfluenceLink[] }).nodes
    ).toEqual([]);
    expect(layoutOrgChart({ people: [], links: [] }).box).toBeNull();
  });

  it('folds a collapsed branch: its people are hidden, counted, and links to them go to the fold', () => {
    const open = layoutOrgChart(company());
    expect(at(open, 'p3').hiddenCount).toBe(0);
    const chart = layoutOrgChart({ ...company(), collapsed: new Set(['p3', 'p4']) });
    const cto = at(chart, 'p3');
    expect(cto.collapsed).toBe(true);
    expect(cto.hiddenCount).toBe(2);
    expect(cto.reportIds).toEqual(['p5']);
    expect(chart.nodeById.has('p5')).toBe(false);
    expect(chart.nodeById.has('p6')).toBe(false);
    // Someone without reports cannot be folded.
    expect(at(chart, 'p4').collapsed).toBe(false);
    expect(at(chart, 'p4').hiddenCount).toBe(0);
    expect(chart.edges.some((e) => e.reportId === 'p5' || e.reportId === 'p6')).toBe(false);
    // The partner's Ally link to the hidden engineer ends at the CTO who folds them.
    const ally = chart.overlays.find((o) => o.id === 'X3')!;
    expect([ally.tailId, ally.headId]).toEqual(['p7', 'p3']);
    expect(ally.rerouted).toBe(true);
    expectManagersAbove(chart);
    expectNoOverlap(chart);
    // Folding the root hides everyone below it; a link inside the fold is not drawn.
    const top = layoutOrgChart({ ...company(), collapsed: new Set(['p1']) });
    expect(at(top, 'p1').hiddenCount).toBe(5);
    expect(top.overlays.find((o) => o.id === 'X2')).toBeUndefined();
  });

  it('puts our people in their own lane below the tree, with their own Reports To', () => {
    const chart = layoutOrgChart(company());
    const ours = chart.nodes.filter((n) => n.lane === 'ours');
    expect(ours.map((n) => n.id).sort()).toEqual(['u1', 'u2']);
    const deepest = Math.max(...chart.nodes.filter((n) => n.lane === 'tree').map((n) => n.y));
    for (const n of ours) expect(n.y).toBeGreaterThan(deepest);
    expect(at(chart, 'u2').managerId).toBe('u1');
    expect(chart.ourLane).not.toBeNull();
    for (const n of ours) {
      expect(n.x).toBeGreaterThanOrEqual(chart.ourLane!.x0);
      expect(n.x).toBeLessThanOrEqual(chart.ourLane!.x1);
      expect(n.y).toBeGreaterThan(chart.ourLane!.y0);
    }
    // A Reports To between the lanes is drawn over the tree, not as a manager.
    const cross = layoutOrgChart({ ...company(), links: [...company().links, reportsTo('u1', 'p1', 'R9')] });
    expect(at(cross, 'u1').managerId).toBeNull();
    expect(cross.overlays.some((o) => o.id === 'R9')).toBe(true);
    // Without any of our people there is no lane.
    expect(
      layoutOrgChart({ people: company().people.filter((p) => p.side !== 'Our Company'), links: [] }).ourLane
    ).toBeNull();
  });

  it('draws influence and relationship links as curves, arrows stopping at the outline', () => {
    const chart = layoutOrgChart(company());
    const byId = new Map(chart.overlays.map((o) => [o.id, o]));
    expect([...byId.keys()].sort()).toEqual(['X1', 'X2', 'X3']);
    for (const o of chart.overlays) expect(o.path).toMatch(/^M[-\d.]+,[-\d.]+Q[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+$/);
    const influence = byId.get('X2')!;
    expect(influence.arrow).toBe(true);
    const [ex, ey] = influence.path.split(' ')[1].split(',').map(Number);
    const head = at(chart, 'p3');
    const gap = Math.hypot(ex - head.x, ey - head.y);
    expect(gap).toBeGreaterThan(head.radius);
    expect(gap).toBeLessThan(head.radius + 10);
    const relationship = byId.get('X1')!;
    expect(relationship.arrow).toBe(false);
    expect(relationship.path.endsWith(`${at(chart, 'p1').x},${at(chart, 'p1').y}`)).toBe(true);
  });

  it('sizes, shapes and names people as the graph does', () => {
    const chart = layoutOrgChart({
      ...company(),
      decisionInfluence: { p1: 1 },
      flags: { p1: ['stale', 'nonsense'] },
    });
    expect(at(chart, 'p1').radius).toBe(24);
    expect(at(chart, 'p2').radius).toBe(8);
    expect(at(chart, 'u1').shape).toBe('square');
    expect(at(chart, 'p7').shape).toBe('diamond');
    expect(at(chart, 'p1').flags).toEqual(['stale']);
    expect(at(chart, 'p1').label).toBe('Casey CEO, Decision Maker, stance unknown, stale');
    expect(at(chart, 'p5').label).toContain('vacant');
  });

  it('moves by arrow keys: up to the manager, down to the first report, sideways along the row', () => {
    const chart = layoutOrgChart(company());
    const go = (id: string, direction: 'up' | 'down' | 'left' | 'right') =>
      personToward(chart, at(chart, id), direction)?.id ?? null;
    expect(go('p4', 'up')).toBe('p2');
    expect(go('p1', 'up')).toBeNull();
    expect(go('p1', 'down')).toBe('p2');
    expect(go('p2', 'right')).toBe('p3');
    expect(go('p3', 'left')).toBe('p2');
    expect(go('p6', 'down')).toBeNull();
    // Rows belong to a lane: our people's row is not the customer's.
    expect(go('u1', 'left')).toBeNull();
    const folded = layoutOrgChart({ ...company(), collapsed: new Set(['p3']) });
    expect(personToward(folded, at(folded, 'p3'), 'down')).toBeNull();
    // Reading order: lane, row, left to right.
    expect(chart.nodes.map((n) => n.order)).toEqual(chart.nodes.map((_, i) => i));
    for (let i = 1; i < chart.nodes.length; i++) {
      const [a, b] = [chart.nodes[i - 1], chart.nodes[i]];
      const rank = (n: ChartNode) => (n.lane === 'tree' ? 0 : 1);
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && (a.y < b.y || (a.y === b.y && a.x < b.x)))).toBe(true);
    }
  });
});

// A manager with a team of leaf reports, and one report who manages in turn:
// Vera ─ Ann, Bob, Cat, Dan (no reports: stacked) and Eve ─ Fay, Gus (stacked under Eve)
const team = (): { people: MapPerson[]; links: InfluenceLink[] } => ({
  people: [
    person('v', 'Vera Boss'),
    ...['Ann', 'Bob', 'Cat', 'Dan'].map((name) => person(name.toLowerCase(), `${name} Leaf`)),
    person('e', 'Eve Lead'),
    person('f', 'Fay Leaf'),
    person('g', 'Gus Leaf'),
    person('u1', 'Dana Fox', { side: 'Our Company' }),
  ],
  links: [
    ...['ann', 'bob', 'cat', 'dan', 'e'].map((id, i) => reportsTo(id, 'v', `T${i}`)),
    reportsTo('f', 'e', 'T8'),
    reportsTo('g', 'e', 'T9'),
    link('u1', 'v', 'Relationship', 'X1'),
  ],
});

describe('layoutOrgChart: leaf reports stacked', () => {
  it('stacks a manager’s leaf reports in one column under them, in name order, each below the one before', () => {
    const chart = layoutOrgChart(team());
    expectManagersAbove(chart);
    const stack = ['ann', 'bob', 'cat', 'dan'].map((id) => at(chart, id));
    for (const n of stack) {
      expect(n.stackOf).toBe('v');
      expect(n.nameSide).toBe('right');
      expect(n.x).toBe(stack[0].x);
      expect(n.depth).toBe(1);
    }
    for (let i = 1; i < stack.length; i++) expect(stack[i].y).toBeGreaterThan(stack[i - 1].y + 2 * stack[i].radius);
    // The report who manages is in the row under Vera, with their own stack under them.
    expect(at(chart, 'e').stackOf).toBeNull();
    expect(at(chart, 'e').y).toBe(stack[0].y);
    expect(at(chart, 'f').stackOf).toBe('e');
    expect(at(chart, 'v').reportIds).toEqual(['e', 'ann', 'bob', 'cat', 'dan']);
    // Four leaves take one column: the row under Vera is two places wide, not five.
    const row = chart.nodes.filter((n) => n.lane === 'tree' && n.depth === 1 && n.stackOf === null);
    expect(row.map((n) => n.id)).toEqual(['e']);
    const width = chart.box!.x1 - chart.box!.x0;
    expect(width).toBeLessThan(COLUMN_WIDTH * 4);
    // The tree line to a stacked report runs down the stack's spine, left of the pictures.
    const edge = chart.edges.find((e) => e.reportId === 'cat')!;
    const spine = Number(/H([-\d.]+)V/.exec(edge.path)![1]);
    expect(spine).toBeLessThan(at(chart, 'cat').x - at(chart, 'cat').radius);
    expect(edge.path.endsWith(`${at(chart, 'cat').x - at(chart, 'cat').radius}`)).toBe(true);
  });

  it('keeps other branches out of the rows a long stack reaches into', () => {
    const { people, links } = team();
    const many = ['h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'].map((id) => person(id, `${id.toUpperCase()} Extra`));
    // Eve's two leaves become eight more: her stack reaches far below her row.
    // Ann (now a manager) has a branch that widens below: Wes, then three managers under him.
    const wide = ['x1', 'x2', 'x3'];
    const chart = layoutOrgChart({
      people: [
        ...people,
        ...many,
        person('w', 'Wes Deep'),
        ...wide.map((id) => person(id, `${id} Deeper`)),
        ...wide.map((id) => person(`${id}r`, `${id} Deepest`)),
      ],
      links: [
        ...links,
        ...many.map((p, i) => reportsTo(p.id, 'e', `M${i}`)),
        reportsTo('w', 'ann', 'W0'),
        ...wide.map((id, i) => reportsTo(id, 'w', `W${i + 1}`)),
        ...wide.map((id, i) => reportsTo(`${id}r`, id, `W${i + 4}`)),
      ],
    });
    expectManagersAbove(chart);
    const eveStack = chart.nodes.filter((n) => n.stackOf === 'e');
    const bottom = Math.max(...eveStack.map((n) => n.y));
    expect(bottom).toBeGreaterThan(at(chart, 'e').y + 2 * ROW_HEIGHT);
    // Nobody else stands in the stack's column (pictures and names) over its height.
    const [x0, x1] = [eveStack[0].x - 20, eveStack[0].x + eveStack[0].nameRoom];
    for (const n of chart.nodes) {
      if (n.stackOf === 'e' || n.lane !== 'tree' || n.y < eveStack[0].y || n.y > bottom) continue;
      expect(n.x < x0 - COLUMN_WIDTH / 2 + 10 || n.x > x1).toBe(true);
    }
  });

  it('counts stacked people in a fold, and moves along a stack by arrow keys', () => {
    const folded = layoutOrgChart({ ...team(), collapsed: new Set(['v']) });
    expect(at(folded, 'v').hiddenCount).toBe(7);
    const chart = layoutOrgChart(team());
    const go = (id: string, direction: 'up' | 'down' | 'left' | 'right') =>
      personToward(chart, at(chart, id), direction)?.id ?? null;
    expect(go('v', 'down')).toBe('e');
    expect(go('ann', 'up')).toBe('v');
    expect(go('ann', 'down')).toBe('bob');
    expect(go('cat', 'up')).toBe('bob');
    expect(go('dan', 'down')).toBeNull();
  });

  it('gives a name the room its row leaves, and puts our lane beside the tree in a wide view', () => {
    const chart = layoutOrgChart(team());
    // Vera is alone in her row: her name may be wider than a column.
    expect(at(chart, 'v').nameRoom).toBeGreaterThan(COLUMN_WIDTH);
    const below = layoutOrgChart({ ...team(), view: { width: 800, height: 600 } });
    expect(at(below, 'u1').y).toBeGreaterThan(
      Math.max(...below.nodes.filter((n) => n.lane === 'tree').map((n) => n.y))
    );
    const wide = layoutOrgChart({ ...team(), view: { width: 1400, height: 300 } });
    const treeRight = Math.max(...wide.nodes.filter((n) => n.lane === 'tree').map((n) => n.x + n.nameRoom));
    expect(at(wide, 'u1').y).toBe(at(wide, 'v').y);
    expect(wide.ourLane!.x0).toBeGreaterThan(treeRight - COLUMN_WIDTH);
    expectManagersAbove(wide);
  });
});
