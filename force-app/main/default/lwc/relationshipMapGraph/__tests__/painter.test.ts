/**
 * The canvas picture of a large map, checked through a recording surface: what is drawn for whom,
 * what is left out when too small to see or out of view, and that names are only ever text.
 */
import type { MapPerson } from 'c/relationshipGraph';
import { STANCE_STYLES } from 'c/relationshipMapTheme';
import type { DrawnNode, NodeShape, PathSink } from '../geometry';
import { estimateWidth, placeLabels } from '../labels';
import { canvasDash, mixWithWhite, paintMap } from '../painter';
import type { PaintLink, PaintStates, PaintView } from '../painter';
import { nodeAt } from '../pointer';
import { svgSurface } from '../surfaces';
import type { Surface } from '../surfaces';

interface Recorded {
  strokes: { segments: number; color: string; dash: readonly number[] }[];
  fills: { shapes: number; color: string }[];
  texts: string[];
  stamps: string[];
}

/** A surface that records what would be drawn (a path's pieces are counted by its moveTo calls). */
function recorder(withStamps = false): { surface: Surface; recorded: Recorded } {
  const recorded: Recorded = { strokes: [], fills: [], texts: [], stamps: [] };
  const count = (trace: (sink: PathSink) => void): number => {
    let moves = 0;
    const sink: PathSink = {
      moveTo: () => {
        moves++;
      },
      lineTo: () => undefined,
      arc: () => undefined,
      closePath: () => undefined,
    };
    trace(sink);
    return moves;
  };
  const surface: Surface = {
    stroke: (trace, style) =>
      recorded.strokes.push({ segments: count(trace), color: style.color, dash: style.dash ?? [] }),
    fill: (trace, color) => recorded.fills.push({ shapes: count(trace), color }),
    text: (items) => recorded.texts.push(...items.map((t) => t.text)),
    stamp: withStamps
      ? {
          prepare: () => undefined,
          draw: (key) => {
            recorded.stamps.push(key);
          },
        }
      : undefined,
  };
  return { surface, recorded };
}

function person(id: string, fields: Partial<MapPerson> = {}): MapPerson {
  return { id, name: `Person ${id}`, stance: 'Supporter', side: 'Customer', ...fields };
}

function node(p: MapPerson, x: number, y: number, radius = 10, shape: NodeShape = 'circle'): DrawnNode {
  return { id: p.id, x, y, radius, shape, person: p, flags: [] };
}

function linkBetween(id: string, a: DrawnNode, b: DrawnNode, type: PaintLink['type'] = 'Influences'): PaintLink {
  return {
    id,
    source: a,
    target: b,
    tail: a,
    head: b,
    offset: 0,
    arrow: type === 'Influences' || type === 'Reports To',
    type,
    width: 2,
  };
}

const states = (overrides: Partial<PaintStates> = {}): PaintStates => ({
  nodeOpacity: () => 1,
  linkOpacity: () => 0.85,
  highlighted: () => false,
  emphasised: () => false,
  matches: new Set(),
  selectedId: null,
  hoverId: null,
  focusedId: null,
  labels: null,
  ...overrides,
});

const VIEW: PaintView = { width: 800, height: 600, tx: 400, ty: 300, k: 1 };

describe('painter', () => {
  it('draws every person’s name as text, the markup in a name included, when zoomed in', () => {
    const nodes = [node(person('a', { name: '<img src=x onerror=alert(1)>' }), 0, 0), node(person('b'), 100, 0)];
    const { surface, recorded } = recorder();
    paintMap(surface, nodes, [], states(), VIEW, true);
    expect(recorded.texts).toEqual(expect.arrayContaining(['<img src=x onerror=alert(1)>', 'Person b']));
  });

  it('draws the primary contact’s star and a coverage gap’s warning when zoomed in enough to see them', () => {
    const star = node(person('a', { isPrimaryContact: true }), 0, 0);
    const gap = { ...node(person('b'), 100, 0), flags: ['coverage-gap'] };
    const near = recorder();
    paintMap(near.surface, [star, gap], [], states(), VIEW, true);
    expect(near.recorded.fills.map((f) => f.color)).toEqual(expect.arrayContaining(['#F4BC25', '#BA0517']));
    expect(near.recorded.texts).toContain('!');
    const far = recorder();
    paintMap(far.surface, [star, gap], [], states(), { ...VIEW, k: 0.3 }, true);
    expect(far.recorded.fills.map((f) => f.color)).not.toContain('#F4BC25');
  });

  it('keeps names only for the people the placement gave room when zoomed out, and the pointed-at person’s', () => {
    // Five people in one place have room for four names (below, above, right, left): a, the least
    // important, loses theirs; b, emphasised, keeps theirs.
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((id, i) => node(person(id), i * 0.5, 0));
    const labels = placeLabels(
      nodes.map((d) => ({
        id: d.id,
        x: d.x ?? 0,
        y: d.y ?? 0,
        reach: d.radius,
        text: d.person.name ?? '',
        bold: false,
        priority: d.id === 'a' ? 1 : d.id === 'b' ? 4 : 2,
        keep: d.id === 'b',
      })),
      { scale: 0.3, measure: estimateWidth }
    );
    const zoomedOut = { ...VIEW, k: 0.3 };
    const { surface, recorded } = recorder();
    paintMap(surface, nodes, [], states({ labels, emphasised: (d) => d.id === 'b' }), zoomedOut, true);
    expect(recorded.texts).toContain('Person b');
    expect(recorded.texts).not.toContain('Person a');
    const hovered = recorder();
    paintMap(hovered.surface, nodes, [], states({ labels, hoverId: 'a' }), zoomedOut, true);
    expect(hovered.recorded.texts).toEqual(expect.arrayContaining(['Person a', 'Person b']));
  });

  it('leaves out people and links outside the view on screen, but keeps everyone in an export', () => {
    const inside = node(person('in'), 0, 0);
    const far = node(person('far'), 5000, 5000);
    const farther = node(person('farther'), 6000, 5000);
    const links = [linkBetween('l1', far, farther, 'Ally')];
    const onScreen = recorder();
    paintMap(onScreen.surface, [inside, far, farther], links, states(), VIEW, true);
    expect(onScreen.recorded.texts).toEqual(['S', 'Person in']);
    expect(onScreen.recorded.strokes.filter((s) => s.segments > 0 && s.color !== '#3E3E3C')).toHaveLength(0);
    const exported = recorder();
    paintMap(exported.surface, [inside, far, farther], links, states(), VIEW, false);
    expect(exported.recorded.texts).toEqual(expect.arrayContaining(['Person in', 'Person far', 'Person farther']));
    expect(exported.recorded.strokes.some((s) => s.color === '#009E73' && s.dash.join(' ') === '2 3')).toBe(true);
  });

  it('draws people smaller than a few pixels as dots in their stance colour: no letters, badges or names', () => {
    const nodes = [
      node(person('a', { stance: 'Opponent', isPrimaryContact: true }), 0, 0, 8),
      node(person('b'), 40, 0, 8),
    ];
    const { surface, recorded } = recorder(true);
    paintMap(surface, nodes, [], states(), { ...VIEW, k: 0.2 }, true);
    expect(recorded.fills.map((f) => f.color)).toEqual(
      expect.arrayContaining([STANCE_STYLES.Opponent.color, STANCE_STYLES.Supporter.color])
    );
    expect(recorded.texts).toHaveLength(0);
    expect(recorded.stamps).toHaveLength(0);
  });

  it('stamps people big enough to see, the same picture for people who look the same', () => {
    const nodes = [
      node(person('a'), 0, 0),
      node(person('b'), 60, 0),
      node(person('c', { stance: 'Opponent' }), 120, 0),
    ];
    const { surface, recorded } = recorder(true);
    paintMap(surface, nodes, [], states(), VIEW, true);
    expect(recorded.stamps).toHaveLength(3);
    expect(recorded.stamps[0]).toBe(recorded.stamps[1]);
    expect(recorded.stamps[2]).not.toBe(recorded.stamps[0]);
  });

  it('ends Influences links in an arrowhead, Ally links in none, and drops arrowheads too small to see', () => {
    const a = node(person('a'), 0, 0);
    const b = node(person('b'), 200, 0);
    const c = node(person('c'), 0, 200);
    const links = [linkBetween('i', a, b, 'Influences'), linkBetween('y', a, c, 'Ally')];
    const near = recorder();
    paintMap(near.surface, [a, b, c], links, states(), VIEW, true);
    const arrowheads = (r: Recorded) => r.fills.filter((f) => f.color === mixWithWhite('#7A7A7A', 1));
    expect(arrowheads(near.recorded)).toEqual([{ shapes: 1, color: '#7A7A7A' }]);
    const far = recorder();
    paintMap(far.surface, [a, b, c], links, states(), { ...VIEW, k: 0.2 }, true);
    expect(arrowheads(far.recorded)).toHaveLength(0);
  });

  it('draws the focus ring around the person with keyboard focus', () => {
    const nodes = [node(person('a'), 0, 0), node(person('b'), 100, 0)];
    const { surface, recorded } = recorder();
    paintMap(surface, nodes, [], states({ focusedId: 'b' }), VIEW, true);
    expect(recorded.strokes.filter((s) => s.color === '#000000')).toHaveLength(1);
    const unfocused = recorder();
    paintMap(unfocused.surface, nodes, [], states(), VIEW, true);
    expect(unfocused.recorded.strokes.filter((s) => s.color === '#000000')).toHaveLength(0);
  });

  it('finds the person under the pointer, the nearest when shapes overlap, nobody off them', () => {
    const a = node(person('a'), 0, 0, 10);
    const b = node(person('b'), 15, 0, 10);
    expect(nodeAt([a, b], 2, 0)?.id).toBe('a');
    expect(nodeAt([a, b], 12, 1)?.id).toBe('b');
    expect(nodeAt([a, b], 0, 40)).toBeNull();
  });

  it('writes an export as SVG elements, names as text nodes, never as markup', () => {
    const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const nodes = [node(person('a', { name: '<img src=x onerror=alert(1)>' }), 0, 0)];
    paintMap(svgSurface(group), nodes, [], states(), VIEW, false);
    expect(group.querySelector('img')).toBeNull();
    const texts = Array.from(group.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('canvasDash', () => {
  it('draws a dash pattern with butt caps lengthened by the width, as round caps cover the same ground', () => {
    expect(canvasDash('6 4', 1, 1)).toEqual({ dash: [7, 3], ink: 1 });
  });

  it('draws a pattern too fine to see as a lighter solid line, and one whose caps close the gaps as solid', () => {
    expect(canvasDash('2 3', 2, 0.3)).toEqual({ dash: [], ink: 0.8 });
    expect(canvasDash('2 3', 3.5, 1)).toEqual({ dash: [], ink: 1 });
    expect(canvasDash('', 2, 1)).toEqual({ dash: [], ink: 1 });
  });
});

describe('mixWithWhite', () => {
  it('gives the opaque colour a translucent one has on white', () => {
    expect(mixWithWhite('#000000', 0.5)).toBe('#808080');
    expect(mixWithWhite('#D55E00', 1)).toBe('#D55E00');
    expect(mixWithWhite('#0000ff', 0)).toBe('#ffffff');
  });
});
