/**
 * Activity evidence (issue 17) as the graph draws it: its own kind of line between our person and
 * theirs (dotted, its own colour, no arrow, width by strength), its summary on hover, beside a
 * typed link of the same pair, faded with the states, left out for people not drawn and for
 * garbage, ignored by the layout, painted on a canvas and kept in both exports.
 */
import type { EvidenceLink } from 'c/relationshipMapGraph';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import type { MapView, MapViewData, MapViewHighlights } from 'c/relationshipMapLook';
import { EVIDENCE_STYLE, EVIDENCE_WIDTHS, LINK_STYLES } from 'c/relationshipMapTheme';
import { EVIDENCE_OPACITY, FADED_LINK } from '../look';
import { setFrameScheduler } from '../layout';
import * as painter from '../painter';
import { setCanvasThreshold } from '../renderer';
import { EVIDENCE_GAP, emptyScene, joinScene } from '../scene';
import {
  FIXTURE_IDS,
  FIXTURE_PLACES as PLACES,
  ManualFrames,
  loadMapFixture,
  mountSettledGraph,
  pinnedFixturePeople,
  resetGraphTest,
} from './graphTestSupport';

const load = loadMapFixture;
const { MORGAN, LEE, PAT, DANA, SAM } = FIXTURE_IDS;

/** Dana Fox → Lee Park: a Strong Relationship link in the fixture. */
const DANA_LEE_LINK = 'a02000000000003AAA';
const EVIDENCE: EvidenceLink[] = [
  {
    id: 'ev-dana-lee',
    fromId: DANA,
    toId: LEE,
    strength: 'Strong',
    summary: '12 meetings, 30 emails, last 3 days ago',
  },
  { id: 'ev-sam-morgan', fromId: SAM, toId: MORGAN, strength: 'Weak', summary: '2 emails, last 40 days ago' },
];

type Graph = HTMLElement &
  Pick<MapView, keyof MapViewData | keyof MapViewHighlights> & { evidenceLinks: unknown; exportSvg(): string };

let frames: ManualFrames;

beforeEach(() => {
  frames = new ManualFrames();
  setFrameScheduler(frames);
});

afterEach(resetGraphTest);

const flush = () => Promise.resolve();
const pinned = pinnedFixturePeople;

const mountSettled = (evidence: unknown = EVIDENCE, people: MapPerson[] = pinned()): Promise<Graph> =>
  mountSettledGraph<Graph>(frames, { people, evidenceLinks: evidence });

const root = (el: Graph): ShadowRoot => el.shadowRoot!;
const evidenceGroups = (el: Graph) => Array.from(root(el).querySelectorAll<SVGGElement>('g.rmg-evidence'));
const evidenceOf = (el: Graph, id: string) => root(el).querySelector<SVGGElement>(`g.rmg-evidence[data-id="${id}"]`);
const visibleLine = (g: Element) => g.querySelector<SVGLineElement>('line.rmg-evidence-line')!;
const endsOf = (line: Element): number[] => ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)));
/** Distance from point (px, py) to the infinite line through (x1, y1)-(x2, y2). */
function distanceToLine([x1, y1, x2, y2]: number[], px: number, py: number): number {
  return Math.abs((y2 - y1) * px - (x2 - x1) * py + x2 * y1 - y2 * x1) / Math.hypot(x2 - x1, y2 - y1);
}

describe('c-relationship-map-graph activity evidence (SVG)', () => {
  it('draws each evidence line in its own style, with the two names and the summary on hover', async () => {
    const element = await mountSettled();
    expect(evidenceGroups(element).map((g) => g.getAttribute('data-id'))).toEqual(['ev-dana-lee', 'ev-sam-morgan']);
    const strong = evidenceOf(element, 'ev-dana-lee')!;
    expect(strong.querySelector('title')!.textContent).toBe(
      'Dana Fox ↔ Lee Park: 12 meetings, 30 emails, last 3 days ago'
    );
    expect(evidenceOf(element, 'ev-sam-morgan')!.querySelector('title')!.textContent).toBe(
      'Sam Ito ↔ Morgan Lee: 2 emails, last 40 days ago'
    );
    const line = visibleLine(strong);
    expect(line.getAttribute('stroke')).toBe(EVIDENCE_STYLE.color);
    expect(line.getAttribute('stroke-dasharray')).toBe(EVIDENCE_STYLE.dash);
    expect(line.getAttribute('stroke-linecap')).toBe('round');
    expect(line.hasAttribute('marker-end')).toBe(false);
    expect(line.getAttribute('stroke-opacity')).toBe(String(EVIDENCE_OPACITY));
    // Width by strength, each thinner than a typed link would be at that strength.
    expect(Number(line.getAttribute('stroke-width'))).toBe(EVIDENCE_WIDTHS.Strong);
    expect(Number(visibleLine(evidenceOf(element, 'ev-sam-morgan')!).getAttribute('stroke-width'))).toBe(
      EVIDENCE_WIDTHS.Weak
    );
    // Unlike every typed link.
    for (const style of Object.values(LINK_STYLES)) expect(style.color).not.toBe(EVIDENCE_STYLE.color);
    // A wider, invisible line lets the pointer rest on a dotted line; it sits exactly under it.
    const hit = strong.querySelector('line.rmg-evidence-hit')!;
    expect(hit.getAttribute('stroke')).toBe('transparent');
    expect(endsOf(hit)).toEqual(endsOf(line));
    // Evidence is under the typed links, and not part of them.
    expect(root(element).querySelectorAll('line.rmg-link')).toHaveLength(load().links.length - 2);
    const layers = Array.from(root(element).querySelector('.rmg-viewport')!.children).map((g) =>
      g.getAttribute('class')
    );
    expect(layers.indexOf('rmg-evidence-lines')).toBeLessThan(layers.indexOf('rmg-links'));
    // The map's description counts it.
    expect(root(element).querySelector('desc')!.textContent).toMatch(
      /^9 people and 8 links, 2 lines of activity\. Arrow keys/
    );
    await expect(element).toBeAccessible();
  });

  it('draws both a typed link and evidence between the same two people, side by side', async () => {
    const element = await mountSettled();
    const link = endsOf(root(element).querySelector(`line.rmg-link[data-id="${DANA_LEE_LINK}"]`)!);
    const evidence = endsOf(visibleLine(evidenceOf(element, 'ev-dana-lee')!));
    // The typed link runs through the centres (200,0)-(100,0); the evidence line runs parallel, apart.
    expect(distanceToLine(link, ...PLACES[DANA])).toBeCloseTo(0, 1);
    expect(distanceToLine(evidence, ...PLACES[DANA])).toBeCloseTo(EVIDENCE_GAP, 1);
    expect(distanceToLine(evidence, ...PLACES[LEE])).toBeCloseTo(EVIDENCE_GAP, 1);
    // Without a typed link, the evidence line runs through the centres.
    const alone = endsOf(visibleLine(evidenceOf(element, 'ev-sam-morgan')!));
    expect(distanceToLine(alone, ...PLACES[SAM])).toBeCloseTo(0, 1);
  });

  it('leaves out evidence whose people are not drawn, and survives garbage', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const garbage: unknown[] = [
      null,
      42,
      'ev',
      [],
      { id: 'no-ends' },
      { id: 'unknown-person', fromId: DANA, toId: 'a01000000000099AAA', strength: 'Strong', summary: 'x' },
      { id: 'self', fromId: DANA, toId: DANA, strength: 'Strong', summary: 'x' },
      { id: 42, fromId: DANA, toId: LEE },
      { id: 'odd-fields', fromId: SAM, toId: PAT, strength: 'Enormous', summary: { text: 'no' } },
      { id: 'odd-fields', fromId: DANA, toId: PAT, strength: 'Weak', summary: 'repeated id' },
    ];
    const element = await mountSettled(garbage);
    expect(console.error).not.toHaveBeenCalled();
    // Only the well-joined entry is drawn: an unknown strength reads as Medium, a summary that is not text as none.
    expect(evidenceGroups(element).map((g) => g.getAttribute('data-id'))).toEqual(['odd-fields']);
    const odd = evidenceOf(element, 'odd-fields')!;
    expect(odd.getAttribute('data-strength')).toBe('Medium');
    expect(odd.querySelector('title')!.textContent).toBe('Sam Ito ↔ Pat Gomez');
    // Everyone is still drawn.
    expect(root(element).querySelectorAll('g.rmg-node')).toHaveLength(9);

    // Not an array at all, then evidence for people later filtered away.
    element.evidenceLinks = { id: 'not-a-list' };
    await flush();
    expect(evidenceGroups(element)).toHaveLength(0);
    element.evidenceLinks = EVIDENCE;
    await flush();
    expect(evidenceGroups(element)).toHaveLength(2);
    element.people = pinned().filter((p) => p.id !== LEE);
    await flush();
    frames.runAll();
    expect(evidenceGroups(element).map((g) => g.getAttribute('data-id'))).toEqual(['ev-sam-morgan']);
    element.evidenceLinks = null;
    await flush();
    expect(evidenceGroups(element)).toHaveLength(0);
  });

  it('moves nobody when evidence arrives after the map is laid out (the layout ignores it)', async () => {
    const element = await mountSettled([], load().people);
    const positions = () =>
      Array.from(root(element).querySelectorAll('g.rmg-node')).map((n) => n.getAttribute('transform'));
    const before = positions();
    element.evidenceLinks = EVIDENCE;
    await flush();
    expect(frames.pending).toBe(0);
    frames.runAll();
    expect(positions()).toEqual(before);
    expect(evidenceGroups(element)).toHaveLength(2);
  });

  it('fades evidence with the warm path and the search as links fade, and keeps a hovered person’s', async () => {
    const element = await mountSettled();
    const opacity = (id: string) => Number(visibleLine(evidenceOf(element, id)!).getAttribute('stroke-opacity'));
    // A warm path through Dana and Lee by the evidence line's id: it is highlighted, the other fades.
    element.highlightIds = [DANA, LEE];
    element.highlightLinkIds = ['ev-dana-lee'];
    await flush();
    expect(opacity('ev-dana-lee')).toBe(1);
    expect(Number(visibleLine(evidenceOf(element, 'ev-dana-lee')!).getAttribute('stroke-width'))).toBeGreaterThan(
      EVIDENCE_WIDTHS.Strong
    );
    expect(opacity('ev-sam-morgan')).toBe(FADED_LINK);
    element.highlightIds = [];
    element.highlightLinkIds = [];
    element.searchTerm = 'Morgan';
    await flush();
    expect(opacity('ev-sam-morgan')).toBe(0.35);
    element.searchTerm = '';
    await flush();
    expect(opacity('ev-sam-morgan')).toBe(EVIDENCE_OPACITY);
    // Hovering Sam: his evidence stays, Morgan at its other end stays clear (no typed link joins
    // them), the other evidence line and those off it fade.
    const node = (id: string) => root(element).querySelector(`g.rmg-node[data-id="${id}"]`)!;
    node(SAM).dispatchEvent(new MouseEvent('mouseenter'));
    expect(opacity('ev-sam-morgan')).toBe(1);
    expect(opacity('ev-dana-lee')).toBe(FADED_LINK);
    expect(Number(node(MORGAN).getAttribute('opacity'))).toBe(1);
    expect(Number(node(LEE).getAttribute('opacity'))).toBeLessThan(0.5);
    node(SAM).dispatchEvent(new MouseEvent('mouseleave'));
    expect(opacity('ev-dana-lee')).toBe(EVIDENCE_OPACITY);
  });

  it('keeps evidence lines, with their summaries, in the exported SVG (without the pointer’s lines)', async () => {
    const element = await mountSettled();
    const svg = element.exportSvg();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const lines = Array.from(doc.querySelectorAll(`#rm-export-map line[stroke="${EVIDENCE_STYLE.color}"]`));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.getAttribute('stroke-dasharray')).toBe(EVIDENCE_STYLE.dash);
    expect(doc.querySelectorAll('#rm-export-map line[stroke="transparent"]')).toHaveLength(0);
    const titles = Array.from(doc.querySelectorAll('#rm-export-map title')).map((t) => t.textContent);
    expect(titles).toContain('Dana Fox ↔ Lee Park: 12 meetings, 30 emails, last 3 days ago');
    expect(doc.querySelector('[class]')).toBeNull();
  });
});

describe('c-relationship-map-graph activity evidence (canvas)', () => {
  /** A 2D context that records each stroke colour a path is drawn in. */
  function recordingContext(strokes: string[]): CanvasRenderingContext2D {
    const calls: Record<string, unknown> = { getTransform: () => ({ a: 1 }) };
    let strokeStyle = '';
    return new Proxy(calls, {
      get: (target, key: string) => {
        if (key === 'stroke') return () => strokes.push(strokeStyle);
        if (key === 'strokeStyle') return strokeStyle;
        return key in target ? target[key] : () => undefined;
      },
      set: (target, key: string, value) => {
        if (key === 'strokeStyle') strokeStyle = String(value);
        else target[key] = value;
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
  }

  it('paints evidence lines with the painter, and keeps them in the export', async () => {
    setCanvasThreshold(1);
    const strokes: string[] = [];
    (window as unknown as { CanvasRenderingContext2D: unknown }).CanvasRenderingContext2D = class {};
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => recordingContext(strokes));
    const paint = jest.spyOn(painter, 'paintMap');
    const element = await mountSettled();
    expect(root(element).querySelector('canvas.rmg-paint')).not.toBeNull();
    expect(evidenceGroups(element)).toHaveLength(0); // painted, not SVG elements
    expect(paint).toHaveBeenCalled();
    const evidence = paint.mock.calls[paint.mock.calls.length - 1][6] ?? [];
    expect(evidence.map((e) => e.id)).toEqual(['ev-dana-lee', 'ev-sam-morgan']);
    // Stroked in the evidence colour, mixed with white by its opacity (the canvas's way).
    expect(strokes.some((colour) => /^#[0-9a-f]{6}$/i.test(colour) && isEvidenceTint(colour))).toBe(true);

    // Pointing at Sam–Morgan's line (no person there) says its summary, as the SVG's <title> does;
    // over a person, or away from every line, nothing.
    const svg = root(element).querySelector('svg')!;
    const tip = () => svg.querySelector('.rmg-background > title')?.textContent ?? null;
    svg.dispatchEvent(new MouseEvent('mousemove', { clientX: 1, clientY: 50, bubbles: true }));
    expect(tip()).toBe('Sam Ito ↔ Morgan Lee: 2 emails, last 40 days ago');
    svg.dispatchEvent(new MouseEvent('mousemove', { clientX: 0, clientY: 200, bubbles: true }));
    expect(tip()).toBeNull();
    svg.dispatchEvent(new MouseEvent('mousemove', { clientX: -50, clientY: 150, bubbles: true }));
    expect(tip()).toBeNull();
    // The export leaves a tooltip showing at the time out of the picture.
    svg.dispatchEvent(new MouseEvent('mousemove', { clientX: 1, clientY: 60, bubbles: true }));
    expect(tip()).not.toBeNull();

    const doc = new DOMParser().parseFromString(element.exportSvg(), 'image/svg+xml');
    expect(doc.querySelector('#rm-export-map title')).toBeNull();
    const drawn = Array.from(doc.querySelectorAll(`#rm-export-map path[stroke="${EVIDENCE_STYLE.color}"]`));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn[0].getAttribute('stroke-dasharray')).toBe('0.1 5');
    expect(drawn[0].getAttribute('stroke-linecap')).toBe('round');
  });
});

/** Whether a colour is EVIDENCE_STYLE.color mixed with white (same hue, lighter or equal). */
function isEvidenceTint(colour: string): boolean {
  for (let alpha = 0.05; alpha <= 1.0001; alpha += 0.01) {
    if (painter.mixWithWhite(EVIDENCE_STYLE.color, alpha).toLowerCase() === colour.toLowerCase()) return true;
  }
  return false;
}

describe('joinScene with evidence', () => {
  it('offsets evidence past every typed link of its pair, and a second evidence line past the first', () => {
    const data = load();
    const scene = emptyScene();
    const twoLinks: InfluenceLink[] = [
      ...data.links,
      { id: 'extra', fromId: LEE, toId: DANA, type: 'Ally', strength: 'Weak' },
    ];
    const join = joinScene(scene, pinned(), twoLinks, {}, {}, [
      ...EVIDENCE,
      { id: 'ev-again', fromId: DANA, toId: LEE, strength: 'Weak', summary: '' },
    ]);
    // Two typed links between Dana and Lee sit at ±3; evidence beyond, 7 apart.
    const offsets = scene.links.filter((l) => [l.source.id, l.target.id].sort().join() === [DANA, LEE].sort().join());
    expect(offsets.map((l) => Math.abs(l.offset))).toEqual([3, 3]);
    expect(scene.evidence.map((e) => [e.id, e.offset])).toEqual([
      ['ev-dana-lee', 3 + EVIDENCE_GAP],
      ['ev-sam-morgan', 0],
      ['ev-again', 3 + 2 * EVIDENCE_GAP],
    ]);
    // Evidence is not a link: no neighbours, no change the layout hears of.
    expect(scene.neighbours.get(SAM)?.has(MORGAN) ?? false).toBe(false);
    const again = joinScene(scene, pinned(), twoLinks, {}, {}, []);
    expect(again.linksChanged).toBe(false);
    expect(join.linksChanged).toBe(true);
    expect(scene.evidence).toEqual([]);
  });
});
