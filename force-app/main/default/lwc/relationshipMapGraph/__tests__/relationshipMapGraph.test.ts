/**
 * The relationship map graph as an account manager sees and uses it: what is drawn for each
 * person and link of data/map.json, what clicking, typing and dragging send to the container,
 * and that the layout runs in frames. Frames come from a manual scheduler (layout.ts's test
 * hook) whose clock advances 1 ms per reading, so a frame runs at most a budget's worth of ticks
 * and tests decide when frames run.
 */
import { createElement } from 'lwc';
import RelationshipMapGraph from 'c/relationshipMapGraph';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { EVIDENCE_STYLE, LINK_STYLES, STANCE_STYLES, nodeRadius, stanceOf } from 'c/relationshipMapTheme';
import { letterPath } from '../geometry';
import { FRAME_BUDGET_MS, setFrameScheduler } from '../layout';
import * as view from '../../relationshipMapLook/__tests__/viewTestSupport';
import {
  FIXTURE_IDS,
  FIXTURE_PLACES,
  ManualFrames,
  loadMapFixture,
  pinnedFixturePeople,
  resetGraphTest,
} from './graphTestSupport';

const { detailOf, expectNamesOutsideButtons, listen, shown, translateOf, viewQueries } = view;

const load = loadMapFixture;
const { MORGAN, LEE, RILEY, PAT, DANA, SAM, JORDAN, ALEX, MARKUP } = FIXTURE_IDS;

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

let frames: ManualFrames;

beforeEach(() => {
  frames = new ManualFrames();
  setFrameScheduler(frames);
});

afterEach(resetGraphTest);

type Graph = ReturnType<typeof mount>;

const flush = () => Promise.resolve();

function mount(
  options: { people?: MapPerson[]; links?: InfluenceLink[]; readOnly?: boolean; selectedId?: string | null } = {}
) {
  const data = load();
  const element = createElement('c-relationship-map-graph', { is: RelationshipMapGraph });
  element.people = options.people ?? data.people;
  element.links = options.links ?? data.links;
  element.decisionInfluence = data.decisionInfluence;
  element.flags = data.flags;
  element.readOnly = options.readOnly ?? false;
  element.selectedId = options.selectedId ?? null;
  document.body.appendChild(element);
  return element;
}

/** Mounts, applies the batched update and lets the layout settle. */
async function mountSettled(options: Parameters<typeof mount>[0] = {}): Promise<Graph> {
  const element = mount(options);
  await flush();
  frames.runAll();
  return element;
}

const { root, nodes, nodeOf, labelOf } = viewQueries<Graph>('rmg');
const linkOf = (el: Graph, id: string): SVGLineElement =>
  root(el).querySelector<SVGLineElement>(`line.rmg-link[data-id="${id}"]`)!;
/** End points of a link's line. */
const endsOf = (link: Element): number[] => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(link.getAttribute(a)));
const shapeOf = (el: Graph, id: string): SVGPathElement => nodeOf(el, id).querySelector<SVGPathElement>('.rmg-shape')!;
/** Circle radius from the shape path "M r,0 A ...". */
/** The drawing commands of a path, without their numbers. */
const commands = (d: string | null): string => (d ?? '').replace(/[^A-Za-z]/g, '');
const circleRadius = (el: Graph, id: string): number =>
  Number(/^M([\d.]+),0A/.exec(shapeOf(el, id).getAttribute('d')!)![1]);
const positionOf = (el: Graph, id: string): [number, number] => translateOf(nodeOf(el, id));
const opacityOf = (element: Element): number => Number(element.getAttribute('opacity') ?? '1');
const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

const PLACES = FIXTURE_PLACES;
const pinnedPeople = pinnedFixturePeople;

/** A mouse drag as d3-drag sees it: mousedown on the node, moves and mouseup on the window. */
function dragNode(node: Element, from: [number, number], to: [number, number], release = true): void {
  const init = (x: number, y: number) => ({
    clientX: x,
    clientY: y,
    bubbles: true,
    cancelable: true,
    view: window,
    button: 0,
  });
  node.dispatchEvent(new MouseEvent('mousedown', init(...from)));
  window.dispatchEvent(new MouseEvent('mousemove', init((from[0] + to[0]) / 2, (from[1] + to[1]) / 2)));
  window.dispatchEvent(new MouseEvent('mousemove', init(...to)));
  if (release) window.dispatchEvent(new MouseEvent('mouseup', init(...to)));
}

describe('c-relationship-map-graph drawing', () => {
  it('draws one node per person and one line per link among them (links to people not drawn are left out)', async () => {
    const element = await mountSettled();
    const data = load();
    expect(nodes(element)).toHaveLength(data.people.length);
    expect(nodes(element).map((n) => n.getAttribute('data-id'))).toEqual(
      expect.arrayContaining(data.people.map((p) => p.id))
    );
    // Two fixture links point at nobody on the map (a missing person, a deleted From).
    expect(root(element).querySelectorAll('line.rmg-link')).toHaveLength(data.links.length - 2);
    expect(linkOf(element, 'a02000000000009AAA')).toBeNull();
  });

  it('sizes nodes by influence over the decision, and resizes them when influence changes', async () => {
    const element = await mountSettled();
    // Morgan (1.0) > Pat (0.4) > the analyst (0.05) > Jordan (no influence)
    expect(circleRadius(element, MORGAN)).toBeCloseTo(nodeRadius(1), 1);
    expect(circleRadius(element, MORGAN)).toBeGreaterThan(circleRadius(element, PAT));
    expect(circleRadius(element, PAT)).toBeGreaterThan(circleRadius(element, MARKUP));
    expect(circleRadius(element, MARKUP)).toBeGreaterThan(circleRadius(element, JORDAN));

    element.decisionInfluence = { ...load().decisionInfluence, [JORDAN]: 1 };
    await flush();
    expect(circleRadius(element, JORDAN)).toBeCloseTo(nodeRadius(1), 1);
  });

  it('fills each node with its stance colour and writes the stance letter in it', async () => {
    const element = await mountSettled();
    for (const person of load().people) {
      const style = STANCE_STYLES[stanceOf(person.stance)];
      expect(shapeOf(element, person.id).getAttribute('fill')).toBe(style.color);
      // Drawn as strokes (a path), so that the node's visible text is only its name.
      const letter = nodeOf(element, person.id).querySelector('.rmg-letter')!;
      expect(letter.tagName.toLowerCase()).toBe('path');
      expect(letter.getAttribute('data-letter')).toBe(style.letter);
      // The letter's own strokes (commands as in its glyph; the size follows the node).
      expect(commands(letter.getAttribute('d'))).toBe(commands(letterPath(style.letter, 10)));
      expect(letter.getAttribute('stroke')).toBe(style.textColor);
      expect(letter.getAttribute('aria-hidden')).toBe('true');
      expect(letter.textContent).toBe('');
    }
    // A blank stance reads as Unknown: white with a question mark.
    expect(nodeOf(element, SAM).querySelector('.rmg-letter')!.getAttribute('data-letter')).toBe('?');
  });

  it('draws their people as circles, ours as squares and partners as diamonds', async () => {
    const element = await mountSettled();
    expect(shapeOf(element, MORGAN).getAttribute('d')).toMatch(/A/);
    expect(shapeOf(element, DANA).getAttribute('d')).toMatch(/^M[-\d.]+,[-\d.]+H[\d.]+V[\d.]+H/);
    expect(shapeOf(element, ALEX).getAttribute('d')).toMatch(/^M0,[-\d.]+L[\d.]+,0L0,[\d.]+L/);
  });

  it('draws a Conflict as a dashed red line and an Ally as a dotted green one, wider when stronger', async () => {
    const element = await mountSettled();
    const conflict = linkOf(element, 'a02000000000006AAA');
    expect(conflict.getAttribute('stroke')).toBe(LINK_STYLES.Conflict.color);
    expect(conflict.getAttribute('stroke-dasharray')).toBe(LINK_STYLES.Conflict.dash);
    expect(linkOf(element, 'a02000000000007AAA').getAttribute('stroke-dasharray')).toBe(LINK_STYLES.Ally.dash);
    expect(linkOf(element, 'a02000000000001AAA').getAttribute('stroke-dasharray')).toBeNull();
    const strong = Number(linkOf(element, 'a02000000000002AAA').getAttribute('stroke-width'));
    const weak = Number(conflict.getAttribute('stroke-width'));
    expect(strong).toBeGreaterThan(weak);
  });

  it('ends Reports To and Influences links in an arrow (manager → report), other types in none', async () => {
    const element = await mountSettled({ people: pinnedPeople() });
    const reportsTo = linkOf(element, 'a02000000000001AAA'); // Lee reports to Morgan
    const marker = /^url\(#(.+)\)$/.exec(reportsTo.getAttribute('marker-end') ?? '');
    expect(marker).not.toBeNull();
    const markerElement = root(element).querySelector(`marker[id="${marker![1]}"]`);
    expect(markerElement).not.toBeNull();
    expect(markerElement!.querySelector('path')!.getAttribute('fill')).toBe(LINK_STYLES['Reports To'].color);
    // The arrow points from Morgan (the manager, at 0,0) to Lee (the report, at 100,0).
    const [x1, y1, x2, y2] = endsOf(reportsTo);
    expect([x1, y1, y2]).toEqual([0, 0, 0]);
    expect(x2).toBeGreaterThan(50); // stops at Lee's outline, where the arrow's tip touches it
    expect(x2).toBeLessThan(100);
    expect(linkOf(element, 'a02000000000005AAA').getAttribute('marker-end')).toMatch(/^url\(#/); // Influences
    expect(linkOf(element, 'a02000000000008AAA').getAttribute('marker-end')).toMatch(/^url\(#/); // blank = Influences
    expect(linkOf(element, 'a02000000000007AAA').getAttribute('marker-end')).toBeNull(); // Ally
    expect(linkOf(element, 'a02000000000006AAA').getAttribute('marker-end')).toBeNull(); // Conflict
  });

  it('rings decision makers twice, stars the primary contact and dashes the outline of vacant seats', async () => {
    const element = await mountSettled();
    const rings = (id: string) => nodeOf(element, id).querySelectorAll('.rmg-dm-ring').length;
    expect(rings(MORGAN)).toBe(2);
    expect(rings(RILEY)).toBe(2);
    for (const id of [LEE, PAT, DANA, SAM, JORDAN, ALEX, MARKUP]) expect(rings(id)).toBe(0);

    const starred = nodes(element).filter((n) => n.querySelector('.rmg-badge-primary'));
    expect(starred.map((n) => n.getAttribute('data-id'))).toEqual([LEE]);

    const dashed = nodes(element).filter((n) => n.querySelector('.rmg-shape')!.getAttribute('stroke-dasharray'));
    expect(dashed.map((n) => n.getAttribute('data-id'))).toEqual([JORDAN]);
  });

  it('shows coverage-gap and stale badges from flags, and drops them when the flags clear', async () => {
    const element = await mountSettled();
    const withBadge = (kind: string) =>
      nodes(element)
        .filter((n) => n.querySelector(`.rmg-badge-${kind}`))
        .map((n) => n.getAttribute('data-id'))
        .sort();
    expect(withBadge('coverage-gap')).toEqual([RILEY, PAT].sort());
    expect(withBadge('stale')).toEqual([RILEY, JORDAN].sort());
    expect(nodeOf(element, RILEY).getAttribute('aria-label')).toContain('coverage gap, stale');

    element.flags = {};
    await flush();
    expect(withBadge('coverage-gap')).toEqual([]);
    expect(withBadge('stale')).toEqual([]);
  });

  it('writes a name containing markup as text: no element is created from it', async () => {
    const element = await mountSettled();
    expect(root(element).querySelector('img')).toBeNull();
    const node = nodeOf(element, MARKUP);
    expect(labelOf(element, MARKUP).textContent).toBe(MARKUP_NAME);
    expect(node.getAttribute('aria-label')).toBe(`${MARKUP_NAME}, Analyst, Business User, Neutral`);
  });

  it('draws names outside the person buttons: no text of their own but the title, each name with its person', async () => {
    const element = await mountSettled();
    // Inside a person's button: the title, and at most a badge's symbol ("!"), never a word; each name at its person.
    expectNamesOutsideButtons('rmg', nodes(element), root(element).querySelector('.rmg-names')!);
    expect(nodes(element).some((n) => n.querySelector('.rmg-badge text'))).toBe(true);
    // Each name is offset to where the placement put it (labels.ts).
    for (const node of nodes(element)) {
      const label = labelOf(element, node.getAttribute('data-id')!);
      expect(Math.hypot(Number(label.getAttribute('x')), Number(label.getAttribute('y')))).toBeLessThan(80);
    }
    expect(labelOf(element, JORDAN).getAttribute('font-style')).toBe('italic');
    expect(labelOf(element, LEE).getAttribute('font-style')).toBeNull();
  });

  it('names each node for screen readers: name, title, role, stance and what the rings and badges say', async () => {
    const element = await mountSettled();
    expect(nodeOf(element, MORGAN).getAttribute('aria-label')).toBe(
      'Morgan Lee, CFO, Economic Buyer, Opponent, decision maker'
    );
    expect(nodeOf(element, LEE).getAttribute('aria-label')).toBe(
      'Lee Park, Director of IT, Champion, Champion, primary contact'
    );
    expect(nodeOf(element, JORDAN).getAttribute('aria-label')).toBe(
      'Jordan Blake, Procurement Lead, Procurement, stance unknown, vacant, stale'
    );
    expect(nodeOf(element, SAM).getAttribute('aria-label')).toBe(
      'Sam Ito, Solutions Engineer, role unknown, stance unknown, our company'
    );
    for (const node of nodes(element)) expect(node.getAttribute('role')).toBe('button');
  });
});

describe('c-relationship-map-graph interaction', () => {
  it('selects a person on click: fires select with their id, rings them and announces it', async () => {
    const element = await mountSettled();
    const onSelect = listen(element, 'select');
    nodeOf(element, MORGAN).dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(detailOf(onSelect)).toEqual({ personId: MORGAN });
    await flush();
    expect(shown(nodeOf(element, MORGAN).querySelector('.rmg-select-ring'))).toBe(true);
    expect(shown(nodeOf(element, LEE).querySelector('.rmg-select-ring'))).toBe(false);
    expect(root(element).querySelector('.rmg-assistive-text')!.textContent).toBe(
      'Selected: Morgan Lee, CFO, Economic Buyer, Opponent, decision maker.'
    );
  });

  it('moves the selection ring when the container sets selectedId, without redrawing the nodes', async () => {
    const element = await mountSettled({ selectedId: MORGAN });
    const before = nodeOf(element, LEE);
    element.selectedId = LEE;
    await flush();
    expect(nodeOf(element, LEE)).toBe(before);
    expect(shown(nodeOf(element, LEE).querySelector('.rmg-select-ring'))).toBe(true);
    expect(shown(nodeOf(element, MORGAN).querySelector('.rmg-select-ring'))).toBe(false);
    expect(nodeOf(element, LEE).getAttribute('tabindex')).toBe('0');
  });

  it('selects the focused person with Enter or Space and clears the selection with Escape', async () => {
    const element = await mountSettled();
    const onSelect = listen(element, 'select');
    const node = nodeOf(element, PAT);
    node.focus();
    press(node, 'Enter');
    expect(detailOf(onSelect, 0)).toEqual({ personId: PAT });
    press(nodeOf(element, RILEY), ' ');
    expect(detailOf(onSelect, 1)).toEqual({ personId: RILEY });
    press(nodeOf(element, RILEY), 'Escape');
    expect(detailOf(onSelect, 2)).toEqual({ personId: null });
    await flush();
    expect(root(element).querySelector('.rmg-assistive-text')!.textContent).toBe('Selection cleared.');
  });

  it('moves focus with the arrow keys to the nearest person that way, linked people first', async () => {
    const element = await mountSettled({ people: pinnedPeople() });
    const active = () => root(element).activeElement?.getAttribute('data-id');
    // One tab stop: the first person by name.
    expect(nodes(element).filter((n) => n.getAttribute('tabindex') === '0')).toHaveLength(1);
    nodeOf(element, MORGAN).focus();
    expect(active()).toBe(MORGAN);
    press(nodeOf(element, MORGAN), 'ArrowRight');
    expect(active()).toBe(LEE); // linked, to the right
    press(nodeOf(element, LEE), 'ArrowLeft');
    expect(active()).toBe(MORGAN);
    press(nodeOf(element, MORGAN), 'ArrowDown');
    expect(active()).toBe(PAT); // linked, below
    press(nodeOf(element, PAT), 'ArrowLeft');
    expect(active()).toBe(RILEY); // linked, up-left, before Jordan who is unlinked straight left
    press(nodeOf(element, RILEY), 'ArrowRight');
    expect(active()).toBe(PAT); // linked, down-right
    press(nodeOf(element, PAT), 'ArrowUp');
    expect(active()).toBe(MORGAN);
    press(nodeOf(element, MORGAN), 'ArrowLeft');
    expect(active()).toBe(RILEY); // not linked, but the nearest to the left
    // The focused person is the one tab stop.
    expect(nodeOf(element, RILEY).getAttribute('tabindex')).toBe('0');
    expect(nodes(element).filter((n) => n.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('highlights a hovered person and their neighbours, fades the rest, and reports the hover', async () => {
    const element = await mountSettled();
    const onHover = listen(element, 'hover');
    nodeOf(element, PAT).dispatchEvent(new MouseEvent('mouseenter'));
    expect(detailOf(onHover)).toEqual({ personId: PAT });
    for (const id of [PAT, RILEY, SAM, MORGAN, LEE]) expect(opacityOf(nodeOf(element, id))).toBe(1);
    for (const id of [DANA, ALEX, JORDAN, MARKUP]) expect(opacityOf(nodeOf(element, id))).toBeLessThan(0.5);
    // Names fade with their people.
    for (const id of [PAT, RILEY]) expect(opacityOf(labelOf(element, id))).toBe(1);
    for (const id of [DANA, ALEX]) expect(opacityOf(labelOf(element, id))).toBe(opacityOf(nodeOf(element, id)));
    nodeOf(element, PAT).dispatchEvent(new MouseEvent('mouseleave'));
    expect(detailOf(onHover, 1)).toEqual({ personId: null });
    for (const node of nodes(element)) expect(opacityOf(node)).toBe(1);
    for (const node of nodes(element)) expect(opacityOf(labelOf(element, node.getAttribute('data-id')!))).toBe(1);
  });

  it('fades everyone off the highlighted warm path, people and links', async () => {
    const element = await mountSettled();
    element.highlightIds = [DANA, LEE, MORGAN];
    element.highlightLinkIds = ['a02000000000003AAA', 'a02000000000001AAA'];
    await flush();
    for (const id of [DANA, LEE, MORGAN]) expect(opacityOf(nodeOf(element, id))).toBe(1);
    for (const id of [RILEY, PAT, SAM, JORDAN, ALEX, MARKUP]) expect(opacityOf(nodeOf(element, id))).toBeLessThan(0.5);
    expect(opacityOf(linkOf(element, 'a02000000000003AAA'))).toBe(1);
    expect(opacityOf(linkOf(element, 'a02000000000006AAA'))).toBeLessThan(0.5);

    element.highlightIds = [];
    element.highlightLinkIds = [];
    await flush();
    for (const node of nodes(element)) expect(opacityOf(node)).toBe(1);
  });

  it('emphasises people whose name matches the search, ignoring case and accents', async () => {
    const element = await mountSettled();
    element.searchTerm = 'LÉE';
    await flush();
    const halo = (id: string) => shown(nodeOf(element, id).querySelector('.rmg-search-halo'));
    expect(halo(MORGAN)).toBe(true);
    expect(halo(LEE)).toBe(true);
    expect(halo(PAT)).toBe(false);
    expect(opacityOf(nodeOf(element, PAT))).toBeLessThan(1);
    expect(labelOf(element, LEE).getAttribute('font-weight')).toBe('700');
    expect(labelOf(element, PAT).getAttribute('font-weight')).not.toBe('700');
  });
});

describe('c-relationship-map-graph pinning', () => {
  it('pins a dragged person where they are dropped and fires pin once, at the end of the drag', async () => {
    const element = await mountSettled({ people: pinnedPeople() });
    const onPin = listen(element, 'pin');
    dragNode(nodeOf(element, MORGAN), [300, 300], [340, 330], false);
    expect(onPin).not.toHaveBeenCalled(); // not while dragging
    window.dispatchEvent(new MouseEvent('mouseup', { clientX: 340, clientY: 330, view: window, bubbles: true }));
    expect(onPin).toHaveBeenCalledTimes(1);
    expect(detailOf(onPin)).toEqual({ positions: [{ id: MORGAN, x: 40, y: 30 }] });
    frames.runAll();
    expect(positionOf(element, MORGAN)).toEqual([40, 30]);
    expect(labelOf(element, MORGAN).getAttribute('transform')).toBe(nodeOf(element, MORGAN).getAttribute('transform'));
  });

  it('treats a press without movement as a click, not a pin', async () => {
    const element = await mountSettled({ people: pinnedPeople() });
    const onPin = listen(element, 'pin');
    dragNode(nodeOf(element, LEE), [10, 10], [10, 10]);
    expect(onPin).not.toHaveBeenCalled();
  });

  it('does not drag or pin in read-only mode', async () => {
    const element = await mountSettled({ people: pinnedPeople(), readOnly: true });
    const onPin = listen(element, 'pin');
    dragNode(nodeOf(element, MORGAN), [300, 300], [340, 330]);
    frames.runAll();
    expect(onPin).not.toHaveBeenCalled();
    expect(positionOf(element, MORGAN)).toEqual([0, 0]);
  });

  it('unpinAll releases everyone pinned and reports them with null positions', async () => {
    const pinned = new Set([MORGAN, RILEY]);
    const people = load().people.map((p) => {
      if (!pinned.has(p.id)) return p;
      return { ...p, layoutX: PLACES[p.id][0], layoutY: PLACES[p.id][1] };
    });
    const element = await mountSettled({ people });
    const onPin = listen(element, 'pin');
    element.unpinAll();
    expect(onPin).toHaveBeenCalledTimes(1);
    const { positions } = detailOf(onPin) as { positions: { id: string; x: null; y: null }[] };
    expect([...positions].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: MORGAN, x: null, y: null },
      { id: RILEY, x: null, y: null },
    ]);
    // Released people move again with the layout; nobody is left to unpin.
    expect(frames.pending).toBe(1);
    element.unpinAll();
    expect(onPin).toHaveBeenCalledTimes(1);
  });
});

describe('c-relationship-map-graph layout', () => {
  it('keeps everyone where they are when people are added, and starts newcomers next to their links', async () => {
    const element = await mountSettled();
    const data = load();
    const before = new Map(data.people.map((p) => [p.id, positionOf(element, p.id)]));
    const newcomer: MapPerson = { id: 'a01000000000010AAA', name: 'Casey Rowe', stance: 'Supporter' };
    element.people = [...data.people, newcomer];
    element.links = [
      ...data.links,
      { id: 'a02000000000011AAA', fromId: newcomer.id, toId: LEE, type: 'Ally', strength: 'Strong' },
    ];
    await flush();
    expect(nodes(element)).toHaveLength(data.people.length + 1);
    for (const [id, position] of before) expect(positionOf(element, id)).toEqual(position);
    const [nx, ny] = positionOf(element, newcomer.id);
    const [lx, ly] = positionOf(element, LEE);
    expect(Math.hypot(nx - lx, ny - ly)).toBeLessThan(80);
    // A gentle reheat: the layout runs again, in frames, and settles.
    expect(frames.pending).toBe(1);
    expect(frames.runAll()).toBeGreaterThan(0);
    expect(frames.pending).toBe(0);
  });

  it('starts pinned people at their saved positions and never moves them', async () => {
    const element = mount({ people: pinnedPeople() });
    await flush();
    frames.runAll();
    for (const [id, [x, y]] of Object.entries(PLACES)) expect(positionOf(element, id)).toEqual([x, y]);
  });

  it('fits everyone into view', async () => {
    const element = await mountSettled();
    element.fitToView();
    const transform = root(element).querySelector('.rmg-viewport')!.getAttribute('transform')!;
    const [, tx, ty, k] = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(transform)!.map(Number);
    for (const node of nodes(element)) {
      const [x, y] = positionOf(element, node.getAttribute('data-id')!);
      // jsdom has no layout: the graph falls back to an 800 × 600 viewport.
      expect(tx + k * x).toBeGreaterThan(0);
      expect(tx + k * x).toBeLessThan(800);
      expect(ty + k * y).toBeGreaterThan(0);
      expect(ty + k * y).toBeLessThan(600);
    }
  });

  // jsdom with synthetic shadow needs seconds to build 1,000 nodes; the time limit is for that, not the layout.
  it('lays out 1,000 people in frames: placed by hierarchy at once, no tick before a frame, each frame bounded', async () => {
    const people: MapPerson[] = [];
    const links: InfluenceLink[] = [];
    const managerOf = (i: number) => Math.floor((i - 1) / 4);
    for (let i = 0; i < 1000; i++) {
      people.push({ id: `p${i}`, name: `Person ${i}`, stance: 'Neutral' });
      if (i > 0) links.push({ id: `r${i}`, fromId: `p${i}`, toId: `p${managerOf(i)}`, type: 'Reports To' });
      for (const j of [(i * 7) % 1000, (i * 13 + 5) % 1000]) {
        if (j !== i) links.push({ id: `l${i}-${j}`, fromId: `p${i}`, toId: `p${j}`, type: 'Influences' });
      }
    }
    const element = mount({ people, links });
    await flush();
    expect(nodes(element)).toHaveLength(1000);
    expect(frames.readings).toBe(0); // nothing ticked yet: the layout waits for a frame
    expect(frames.pending).toBe(1);
    // Before any frame, everyone sits where the placement put them: every manager above their reports.
    for (let i = 1; i < 1000; i++) {
      expect(positionOf(element, `p${i}`)[1]).toBeGreaterThan(positionOf(element, `p${managerOf(i)}`)[1]);
    }
    const first = positionOf(element, 'p500');
    frames.runFrame();
    // One clock reading per tick, plus one before the ticks and two around the redraw: the
    // budget bounds the ticks of a frame.
    expect(frames.readings).toBeLessThanOrEqual(FRAME_BUDGET_MS + 3);
    expect(positionOf(element, 'p500')).not.toEqual(first); // redrawn after the frame
    expect(frames.pending).toBe(1); // and not settled: more frames to come
  }, 60000);

  it('draws the same map again when moved elsewhere on the page', async () => {
    const element = await mountSettled();
    const before = positionOf(element, MORGAN);
    document.body.removeChild(element);
    document.body.appendChild(element);
    await flush();
    expect(nodes(element)).toHaveLength(load().people.length);
    expect(positionOf(element, MORGAN)).toEqual(before);
  });

  it('stops the layout when the graph is removed from the page', async () => {
    const element = mount();
    await flush();
    expect(frames.pending).toBe(1);
    document.body.removeChild(element);
    expect(frames.pending).toBe(0);
  });
});

describe('c-relationship-map-graph export', () => {
  it('exports a standalone SVG with every name as text and nothing interactive', async () => {
    const element = await mountSettled();
    const svg = element.exportSvg();
    expect(svg).toMatch(/^<\?xml/);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const rootElement = doc.documentElement;
    expect(rootElement.localName).toBe('svg');
    expect(rootElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    // The view keeps its size; the document adds a title block above it and the legend below.
    expect(doc.getElementById('rm-export-map')?.getAttribute('viewBox')).toBe('0 0 800 600');
    expect(rootElement.getAttribute('viewBox')).toMatch(/^0 0 800 \d+$/);
    const texts = Array.from(doc.querySelectorAll('text')).map((t) => t.textContent);
    for (const person of load().people) expect(texts).toContain(person.name);
    expect(doc.querySelector('img, script, foreignObject')).toBeNull();
    expect(doc.querySelector('[tabindex], [class], [onerror]')).toBeNull();
    // Presentation is inline: stance fills and the Conflict dash survive without the stylesheet.
    expect(svg).toContain(`fill="${STANCE_STYLES.Opponent.color}"`);
    expect(svg).toContain(`stroke-dasharray="${LINK_STYLES.Conflict.dash}"`);
  });

  it('rejects PNG export with a clear message where the browser cannot draw on a canvas', async () => {
    const element = await mountSettled();
    // jsdom reports the missing canvas package on the console; the component reports it to the caller.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(element.exportPng()).rejects.toThrow(/canvas/);
  });

  it('exports a PNG by drawing the SVG on a canvas', async () => {
    const element = await mountSettled();
    const context = { fillStyle: '', fillRect: jest.fn(), drawImage: jest.fn() };
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as unknown as RenderingContext);
    jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
    let source = '';
    jest.spyOn(window, 'Image').mockImplementation(() => {
      const image = {} as HTMLImageElement;
      Object.defineProperty(image, 'src', {
        set(value: string) {
          source = value;
          queueMicrotask(() => {
            image.onload?.(new CustomEvent('load'));
          });
        },
      });
      return image;
    });
    await expect(element.exportPng({ mapName: 'Fleet renewal', accountName: 'Northwind' })).resolves.toBe(
      'data:image/png;base64,AAAA'
    );
    expect(decodeURIComponent(source)).toContain('Morgan Lee');
    expect(decodeURIComponent(source)).toContain('Fleet renewal');
    expect(context.drawImage).toHaveBeenCalledTimes(1);
    // The whole document (title block and legend too), at twice its size.
    const [width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(decodeURIComponent(source))!.slice(1).map(Number);
    expect(height).toBeGreaterThan(600);
    expect(context.drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, width * 2, height * 2);
  });

  it('heads the picture with the map name, account and date, and ends it with the legend', async () => {
    const element = await mountSettled();
    const date = new Date(2026, 11, 7);
    const svg = element.exportSvg({
      mapName: 'Fleet renewal <2026>',
      accountName: 'Northwind & "Sons"',
      date,
      note: 'Showing 9 of 12 people: Stance Opponent',
    });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const part = (name: string) => doc.querySelector(`#rm-export-title [data-part="${name}"]`)?.textContent;
    expect(part('map-name')).toBe('Fleet renewal <2026>');
    const day = date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
    expect(part('account-date')).toBe(`Northwind & "Sons" · Relationship map, ${day}`);
    expect(part('note')).toBe('Showing 9 of 12 people: Stance Opponent');
    expect(doc.querySelector('svg > title')?.textContent).toBe(
      `Fleet renewal <2026> (Northwind & "Sons"): relationship map, ${day}`
    );
    // The title block sits above the view, the legend below it.
    const mapTop = Number(doc.getElementById('rm-export-map')?.getAttribute('y'));
    expect(mapTop).toBeGreaterThan(40);
    const legend = doc.getElementById('rm-export-legend')!;
    expect(Number(/translate\(\d+,(\d+)\)/.exec(legend.getAttribute('transform') ?? '')?.[1])).toBeGreaterThan(
      mapTop + 600
    );
    // One entry per stance, in the stance's colour; one per link type, in the link's colour and dash.
    const stanceRows = Array.from(doc.querySelectorAll('#rm-export-legend-stances > g'));
    expect(stanceRows.map((row) => row.textContent)).toEqual(
      Object.entries(STANCE_STYLES).map(([stance, style]) => `${stance}: ${style.description}`)
    );
    stanceRows.forEach((row, i) => {
      const style = Object.values(STANCE_STYLES)[i];
      expect(row.querySelector('path')?.getAttribute('fill')).toBe(style.color);
      expect(row.querySelectorAll('path')[1]?.getAttribute('d')).toBe(letterPath(style.letter, 9));
    });
    const linkRows = Array.from(doc.querySelectorAll('#rm-export-legend-links > g'));
    // The typed links, then activity evidence (its own kind of line).
    expect(linkRows.map((row) => row.textContent)).toEqual([
      ...Object.entries(LINK_STYLES).map(([type, style]) => `${type}: ${style.description}`),
      `${EVIDENCE_STYLE.label}: ${EVIDENCE_STYLE.description}`,
    ]);
    expect(linkRows[3].querySelector('line')?.getAttribute('stroke-dasharray')).toBe(LINK_STYLES.Conflict.dash);
    expect(doc.querySelectorAll('#rm-export-legend-shapes > g')).toHaveLength(8);
  });

  it('names an untitled map, and without an account says only the date', async () => {
    const element = await mountSettled();
    const doc = new DOMParser().parseFromString(element.exportSvg(), 'image/svg+xml');
    expect(doc.querySelector('[data-part="map-name"]')?.textContent).toBe('Relationship map');
    expect(doc.querySelector('[data-part="account-date"]')?.textContent).toMatch(/^Relationship map, .*\d{4}/);
    expect(doc.querySelector('[data-part="note"]')).toBeNull();
  });
});

describe('c-relationship-map-graph accessibility', () => {
  it('is accessible', async () => {
    const element = await mountSettled({ selectedId: LEE });
    const svg = root(element).querySelector('svg')!;
    expect(svg.getAttribute('aria-roledescription')).toBe('relationship map');
    expect(svg.querySelector('title')!.textContent).toBe('Relationship map');
    expect(svg.querySelector('desc')!.textContent).toMatch(/^9 people and 8 links\. Arrow keys/);
    await expect(element).toBeAccessible();
  });
});
