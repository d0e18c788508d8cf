/**
 * A person's look is defined once (look.ts): the live SVG of a small map and the painted picture of
 * a large one (here through its SVG surface, as the export draws it) show the same colours, marks
 * and letter for the same person.
 */
import { createElement } from 'lwc';
import RelationshipMapGraph from 'c/relationshipMapGraph';
import type { MapPerson } from 'c/relationshipGraph';
import { nodeRadius } from 'c/relationshipMapTheme';
import { setFrameScheduler } from '../layout';
import { BADGE_COLORS, NODE_OUTLINE, lookOf } from '../look';
import { paintMap } from '../painter';
import { svgSurface } from '../surfaces';
import { ManualFrames } from './graphTestSupport';

const ID = 'a01000000000001AAA';
const PERSON: MapPerson = {
  id: ID,
  name: 'Morgan Lee',
  title: 'CFO',
  side: 'Our Company',
  role: 'Economic Buyer',
  stance: 'Skeptic',
  isDecisionMaker: true,
  isPrimaryContact: true,
  isVacant: true,
  layoutX: 0,
  layoutY: 0,
};
const FLAGS = ['coverage-gap', 'stale'];
const NO_STATES = {
  nodeOpacity: () => 1,
  linkOpacity: () => 1,
  highlighted: () => false,
  emphasised: () => false,
  selectedId: null,
  hoverId: null,
  focusedId: null,
  labels: null,
} as const;

const frames = new ManualFrames();
beforeAll(() => setFrameScheduler(frames));
afterAll(() => {
  document.body.replaceChildren();
  setFrameScheduler(null);
});

/** Every fill and stroke colour (upper case) in an element's subtree, with how often it occurs. */
function colours(root: Element, selector = '*'): string[] {
  return Array.from(root.querySelectorAll(selector))
    .flatMap((e) => [e.getAttribute('fill'), e.getAttribute('stroke')])
    .filter((c): c is string => c !== null && c !== 'none')
    .map((c) => c.toUpperCase())
    .sort();
}

async function liveNode(): Promise<SVGGElement> {
  const element = createElement('c-relationship-map-graph', { is: RelationshipMapGraph });
  element.people = [PERSON];
  element.links = [];
  element.decisionInfluence = { [ID]: 1 };
  element.flags = { [ID]: FLAGS };
  document.body.appendChild(element);
  await Promise.resolve();
  frames.runAll();
  return element.shadowRoot!.querySelector<SVGGElement>(`g.rmg-node[data-id="${ID}"]`)!;
}

function paintedPerson(): SVGGElement {
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  const node = { id: ID, x: 0, y: 0, radius: nodeRadius(1), shape: 'square' as const, person: PERSON, flags: FLAGS };
  paintMap(
    svgSurface(g),
    [node],
    [],
    // Nobody selected, hovered, matched or focused; zoomed in.
    { ...NO_STATES, matches: new Set<string>() },
    { width: 800, height: 600, tx: 400, ty: 300, k: 1 },
    false
  );
  return g;
}

describe("a person's look", () => {
  it('gives the live SVG and the painted picture the same shape, rings, badges and letter', async () => {
    const live = await liveNode();
    const painted = paintedPerson();
    const look = lookOf({ id: ID, radius: nodeRadius(1), shape: 'square', person: PERSON, flags: FLAGS });

    // Shape: fill, outline and dash.
    const shape = live.querySelector('.rmg-shape')!;
    expect(shape.getAttribute('fill')).toBe(look.fill);
    expect(shape.getAttribute('stroke')).toBe(look.outline);
    expect(shape.getAttribute('stroke-dasharray')).toBe('4 3');
    const paintedShape = Array.from(painted.querySelectorAll('path')).find(
      (p) => p.getAttribute('fill') === look.fill
    )!;
    expect(paintedShape.getAttribute('stroke')).toBe(look.outline);
    expect(paintedShape.getAttribute('stroke-dasharray')).toBe('4 3');

    // The same badge marks in the same colours, drawn once each.
    expect(look.badges.map((b) => b.kind)).toEqual(['primary', 'coverage-gap', 'stale']);
    const liveBadges = colours(live, '.rmg-badges *');
    const paintedColours = colours(painted);
    for (const colour of [BADGE_COLORS.star, BADGE_COLORS.gap, BADGE_COLORS.white, NODE_OUTLINE]) {
      expect(liveBadges).toContain(colour.toUpperCase());
      expect(paintedColours).toContain(colour.toUpperCase());
    }
    expect(live.querySelectorAll('.rmg-badge')).toHaveLength(3);
    expect(Array.from(painted.querySelectorAll('text')).map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['!', look.letter, 'Morgan Lee'])
    );
    expect(live.querySelector('.rmg-letter')!.getAttribute('data-letter')).toBe(look.letter);

    // The decision maker's double ring.
    expect(live.querySelectorAll('.rmg-dm-ring')).toHaveLength(look.rings.length);
  });
});
