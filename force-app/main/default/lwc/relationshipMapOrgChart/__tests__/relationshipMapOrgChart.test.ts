/**
 * The org chart as an account manager sees and uses it: people drawn as in the graph, the tree's
 * lines and the links over it, what clicking and typing send to the container, folding branches,
 * zoom and fit, and accessibility (axe).
 */
import { createElement } from 'lwc';
import RelationshipMapOrgChart from 'c/relationshipMapOrgChart';
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { LABEL, lookOf, shapePath } from 'c/relationshipMapLook';
import type { MapView, MapViewData, MapViewHighlights } from 'c/relationshipMapLook';
import { STANCE_STYLES, nodeRadius } from 'c/relationshipMapTheme';
import * as view from '../../relationshipMapLook/__tests__/viewTestSupport';

const { detailOf, expectNamesOutsideButtons, listen, shown, translateOf, viewQueries } = view;

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

// Morgan (CEO) ─ Lee (CFO) ─ Riley
//              └ Pat (CTO) ─ vacant seat ─ José
// Alex (partner, no manager); our team: Dana ─ Sam
const people = (): MapPerson[] => [
  { id: 'p1', name: 'Morgan Lee', title: 'CEO', role: 'Decision Maker', isDecisionMaker: true, stance: 'Opponent' },
  { id: 'p2', name: 'Lee Park', title: 'CFO', stance: 'Champion', isPrimaryContact: true },
  { id: 'p3', name: 'Pat Gomez', title: 'CTO', stance: 'Skeptic' },
  { id: 'p4', name: 'Riley Chen', stance: 'Supporter' },
  { id: 'p5', name: 'Vacant seat', isVacant: true },
  { id: 'p6', name: 'José Ruiz', stance: 'Neutral' },
  { id: 'p7', name: 'Alex Kim', side: 'Partner' },
  { id: 'p8', name: MARKUP_NAME },
  { id: 'u1', name: 'Dana Fox', side: 'Our Company' },
  { id: 'u2', name: 'Sam Ito', side: 'Our Company' },
];
const links = (): InfluenceLink[] => [
  { id: 'R1', fromId: 'p2', toId: 'p1', type: 'Reports To' },
  { id: 'R2', fromId: 'p3', toId: 'p1', type: 'Reports To' },
  { id: 'R3', fromId: 'p4', toId: 'p2', type: 'Reports To' },
  { id: 'R4', fromId: 'p5', toId: 'p3', type: 'Reports To' },
  { id: 'R5', fromId: 'p6', toId: 'p5', type: 'Reports To' },
  { id: 'R6', fromId: 'u2', toId: 'u1', type: 'Reports To' },
  { id: 'X1', fromId: 'u1', toId: 'p1', type: 'Relationship', strength: 'Strong' },
  { id: 'X2', fromId: 'p3', toId: 'p2', type: 'Influences' },
  { id: 'X3', fromId: 'p7', toId: 'p6', type: 'Ally' },
];

type Chart = HTMLElement &
  Pick<MapView, keyof MapViewData | keyof MapViewHighlights> & {
    fitToView(): void;
    focusPerson(id: string): void;
    expandAll(): void;
  };

const flush = () => Promise.resolve();

async function mount(options: Partial<Pick<Chart, 'selectedId' | 'searchTerm' | 'flags'>> = {}): Promise<Chart> {
  const element = createElement('c-relationship-map-org-chart', { is: RelationshipMapOrgChart }) as unknown as Chart;
  element.people = people();
  element.links = links();
  element.decisionInfluence = { p1: 1, p3: 0.25 };
  element.flags = options.flags ?? { p3: ['stale'] };
  element.selectedId = options.selectedId ?? null;
  element.searchTerm = options.searchTerm ?? '';
  document.body.appendChild(element);
  await flush();
  await flush();
  return element;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

const { root, nodes, nodeOf, labelOf } = viewQueries<Chart>('rmo');
const toggleOf = (el: Chart, id: string): SVGGElement =>
  root(el).querySelector<SVGGElement>(`g.rmo-toggle[data-id="${id}"]`)!;
const positionOf = translateOf;
const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

describe('c-relationship-map-org-chart', () => {
  it('draws each person as the graph does, managers above their reports', async () => {
    const el = await mount();
    expect(
      nodes(el)
        .map((n) => n.getAttribute('data-id'))
        .sort()
    ).toEqual(
      people()
        .map((p) => p.id)
        .sort()
    );
    const morgan = nodeOf(el, 'p1');
    expect(morgan.getAttribute('role')).toBe('button');
    expect(morgan.getAttribute('aria-label')).toBe('Morgan Lee, CEO, Decision Maker, Opponent');
    // Same look as the graph: size from influence, fill from stance, double ring, badges.
    const shape = morgan.querySelector('.rmo-shape')!;
    expect(shape.getAttribute('d')).toBe(shapePath('circle', nodeRadius(1)));
    expect(shape.getAttribute('fill')).toBe(STANCE_STYLES.Opponent.color);
    expect(morgan.querySelectorAll('.rmo-dm-ring')).toHaveLength(2);
    expect(nodeOf(el, 'p2').querySelector('.rmo-badge-primary')).not.toBeNull();
    expect(nodeOf(el, 'p3').querySelector('.rmo-badge-stale')).not.toBeNull();
    expect(nodeOf(el, 'p5').querySelector('.rmo-shape')!.getAttribute('stroke-dasharray')).toBe('4 3');
    expect(labelOf(el, 'p5').getAttribute('font-style')).toBe('italic');
    expect(labelOf(el, 'p4').getAttribute('font-style')).toBeNull();
    const dana = nodeOf(el, 'u1').querySelector('.rmo-shape')!;
    expect(dana.getAttribute('stroke')).toBe(
      lookOf({ id: 'u1', radius: 8, shape: 'square', person: people()[8], flags: [] }).outline
    );
    expect(dana.getAttribute('d')).toBe(shapePath('square', 8));
    // Managers above reports; our team in its own lane below everyone else.
    const y = (id: string) => positionOf(nodeOf(el, id))[1];
    expect(y('p1')).toBeLessThan(y('p2'));
    expect(y('p3')).toBeLessThan(y('p5'));
    expect(y('p5')).toBeLessThan(y('p6'));
    expect(y('u1')).toBeGreaterThan(y('p6'));
    expect(root(el).querySelector('.rmo-lane text')!.textContent).toBe('Our team');
    // The tree's lines, and the other links as curves with their type's style.
    expect(root(el).querySelectorAll('path.rmo-edge')).toHaveLength(6);
    const curves = Array.from(root(el).querySelectorAll('path.rmo-link'));
    expect(curves.map((c) => c.getAttribute('data-type')).sort()).toEqual(['Ally', 'Influences', 'Relationship']);
    for (const c of curves) expect(c.getAttribute('d')).toContain('Q');
    expect(root(el).querySelector('path.rmo-link[data-id="X2"]')!.getAttribute('marker-end')).toMatch(/^url\(#/);
    expect(root(el).querySelector('path.rmo-link[data-id="X3"]')!.getAttribute('marker-end')).toBeNull();
  });

  it('writes names as text, never markup, and cuts long names with the full name kept in the label', async () => {
    const el = await mount();
    expect(root(el).querySelector('img')).toBeNull();
    // Cut to its room at the name's size on screen (names.ts): a prefix of the name and an ellipsis.
    const cut = labelOf(el, 'p8').textContent ?? '';
    expect(cut.endsWith('…')).toBe(true);
    expect(MARKUP_NAME.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.length).toBeGreaterThan(8);
    expect(nodeOf(el, 'p8').getAttribute('aria-label')).toContain(MARKUP_NAME);
    expect(nodeOf(el, 'p8').querySelector('title')!.textContent).toContain(MARKUP_NAME);
    el.people = [...people(), { id: 'p9', name: 'Maximiliane Alexandra von Hohenberg-Schwarzenfels' }];
    await flush();
    const label = labelOf(el, 'p9').textContent;
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(30);
    expect(nodeOf(el, 'p9').getAttribute('aria-label')).toContain('Maximiliane Alexandra von Hohenberg-Schwarzenfels');
  });

  it('draws names outside the person buttons: no text of their own but the title, each name at its person', async () => {
    const el = await mount();
    el.people = [...people(), { id: 'p9', name: 'Maximiliane Alexandra von Hohenberg-Schwarzenfels' }];
    await flush();
    const layer = root(el).querySelector('.rmo-names')!;
    // Inside a person's button is the title, and at most a badge's symbol, never a word; each name at its person.
    expectNamesOutsideButtons('rmo', nodes(el), layer);
    // Below them.
    for (const node of nodes(el))
      expect(Number(labelOf(el, node.getAttribute('data-id')!).getAttribute('y'))).toBeGreaterThan(0);
    expect(labelOf(el, 'p9').textContent.endsWith('…')).toBe(true);
    // Folding a branch takes its people's names away too.
    click(toggleOf(el, 'p3'));
    expect(nodeOf(el, 'p5')).toBeNull();
    expect(labelOf(el, 'p5')).toBeNull();
    expect(layer.querySelectorAll('text.rmo-label')).toHaveLength(nodes(el).length);
  });

  it('fires select on a click, clears it on the background, and shows the selection it is given', async () => {
    const el = await mount();
    const select = listen(el, 'select');
    click(nodeOf(el, 'p3').querySelector('.rmo-shape')!);
    expect(detailOf(select)).toEqual({ personId: 'p3' });
    await flush();
    expect(shown(nodeOf(el, 'p3').querySelector('.rmo-select-ring'))).toBe(true);
    expect(nodeOf(el, 'p3').getAttribute('aria-current')).toBe('true');
    // The selected person's links stand out over the tree; the others step back.
    const curve = (id: string) => root(el).querySelector(`path.rmo-link[data-id="${id}"]`)!;
    expect(Number(curve('X2').getAttribute('opacity'))).toBe(1);
    expect(curve('X2').classList.contains('rmo-highlighted')).toBe(true);
    expect(Number(curve('X1').getAttribute('opacity'))).toBeLessThan(0.5);
    click(root(el).querySelector('.rmo-background')!);
    expect(detailOf(select, 1)).toEqual({ personId: null });
    await flush();
    expect(shown(nodeOf(el, 'p3').querySelector('.rmo-select-ring'))).toBe(false);
    el.selectedId = 'p2';
    await flush();
    expect(shown(nodeOf(el, 'p2').querySelector('.rmo-select-ring'))).toBe(true);
    expect(nodeOf(el, 'p2').getAttribute('tabindex')).toBe('0');
    expect(select).toHaveBeenCalledTimes(2);
  });

  it('moves by keyboard: one tab stop, arrows up and down the tree and along a row, Enter selects, Escape clears', async () => {
    const el = await mount();
    expect(nodes(el).filter((n) => n.getAttribute('tabindex') === '0')).toHaveLength(1);
    // The tab stop is the first person in reading order (top row, left to right).
    expect(nodes(el)[0].getAttribute('tabindex')).toBe('0');
    expect(nodes(el)[0].getAttribute('data-id')).toBe('p8');
    const focused = () => root(el).activeElement?.getAttribute('data-id');
    nodes(el)[0].focus();
    press(nodes(el)[0], 'ArrowRight');
    expect(focused()).toBe('p7');
    press(nodeOf(el, 'p7'), 'ArrowRight');
    expect(focused()).toBe('p1');
    press(nodeOf(el, 'p1'), 'ArrowDown');
    expect(focused()).toBe('p2');
    press(nodeOf(el, 'p2'), 'ArrowRight');
    expect(focused()).toBe('p3');
    press(nodeOf(el, 'p3'), 'ArrowDown');
    expect(focused()).toBe('p5');
    press(nodeOf(el, 'p5'), 'ArrowUp');
    expect(focused()).toBe('p3');
    expect(nodeOf(el, 'p3').getAttribute('tabindex')).toBe('0');
    expect(nodeOf(el, 'p1').getAttribute('tabindex')).toBe('-1');
    const select = listen(el, 'select');
    press(nodeOf(el, 'p3'), 'Enter');
    expect(detailOf(select)).toEqual({ personId: 'p3' });
    press(nodeOf(el, 'p3'), 'Escape');
    expect(detailOf(select, 1)).toEqual({ personId: null });
    press(nodeOf(el, 'p3'), 'End');
    expect(focused()).toBe('u2');
    press(nodeOf(el, 'u2'), 'Home');
    expect(focused()).toBe('p8');
  });

  it('folds and unfolds a branch with the button under a manager, by click or keyboard', async () => {
    const el = await mount();
    const button = toggleOf(el, 'p3');
    expect(button.getAttribute('role')).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-label')).toBe('Hide 2 people below Pat Gomez');
    expect(toggleOf(el, 'p4')).toBeNull();
    // Under its manager's name, above the row of their reports.
    const [bx, by] = positionOf(button);
    const [cx, cy] = positionOf(nodeOf(el, 'p3'));
    const nameY = cy + Number(labelOf(el, 'p3').getAttribute('y'));
    expect(bx).toBe(cx);
    expect(by).toBeGreaterThan(nameY);
    expect(by).toBeLessThan(positionOf(nodeOf(el, 'p5'))[1] - 30);
    click(button);
    expect(nodeOf(el, 'p5')).toBeNull();
    expect(nodeOf(el, 'p6')).toBeNull();
    const folded = toggleOf(el, 'p3');
    expect(folded.getAttribute('aria-expanded')).toBe('false');
    expect(folded.getAttribute('aria-label')).toBe('Show 2 people below Pat Gomez');
    expect(folded.textContent).toBe('+2');
    // The Ally link to José ends at Pat, who folds him away.
    const ally = root(el).querySelector('path.rmo-link[data-id="X3"]')!.getAttribute('d')!;
    const [px, py] = positionOf(nodeOf(el, 'p3'));
    expect(ally.endsWith(`${px},${py}`)).toBe(true);
    await flush();
    expect(root(el).querySelector('.slds-assistive-text')!.textContent).toBe('2 people below Pat Gomez hidden.');
    folded.focus();
    press(folded, 'Enter');
    expect(nodeOf(el, 'p6')).not.toBeNull();
    expect(toggleOf(el, 'p3').getAttribute('aria-expanded')).toBe('true');
    expect((root(el).activeElement as Element).getAttribute('data-id')).toBe('p3');
    // A person selected inside a fold is unfolded into view.
    click(toggleOf(el, 'p1'));
    expect(nodes(el).filter((n) => n.getAttribute('data-id')!.startsWith('p'))).toHaveLength(3);
    el.selectedId = 'p6';
    await flush();
    expect(nodeOf(el, 'p6')).not.toBeNull();
    expect(shown(nodeOf(el, 'p6').querySelector('.rmo-select-ring'))).toBe(true);
    // focusPerson unfolds too; expandAll opens every fold.
    click(toggleOf(el, 'p2'));
    expect(nodeOf(el, 'p4')).toBeNull();
    el.focusPerson('p4');
    expect((root(el).activeElement as Element).getAttribute('data-id')).toBe('p4');
    click(toggleOf(el, 'p2'));
    click(toggleOf(el, 'p3'));
    expect(nodes(el)).toHaveLength(people().length - 3);
    el.expandAll();
    await flush();
    expect(nodes(el)).toHaveLength(people().length);
  });

  it('emphasises search matches (accents ignored) and fades everyone off the warm path', async () => {
    const el = await mount({ searchTerm: 'jose' });
    expect(shown(nodeOf(el, 'p6').querySelector('.rmo-search-halo'))).toBe(true);
    expect(shown(nodeOf(el, 'p1').querySelector('.rmo-search-halo'))).toBe(false);
    expect(Number(nodeOf(el, 'p1').getAttribute('opacity'))).toBeLessThan(1);
    // Names turn bold and fade with their people (they are drawn in their own layer).
    expect(labelOf(el, 'p6').getAttribute('font-weight')).toBe(String(LABEL.emphasisedWeight));
    expect(labelOf(el, 'p1').getAttribute('font-weight')).toBe(String(LABEL.weight));
    expect(labelOf(el, 'p1').getAttribute('opacity')).toBe(nodeOf(el, 'p1').getAttribute('opacity'));
    el.searchTerm = '';
    el.highlightIds = ['u1', 'p1'];
    el.highlightLinkIds = ['X1'];
    await flush();
    expect(Number(nodeOf(el, 'p1').getAttribute('opacity'))).toBe(1);
    expect(Number(nodeOf(el, 'p2').getAttribute('opacity'))).toBeLessThan(0.5);
    expect(Number(labelOf(el, 'p2').getAttribute('opacity'))).toBeLessThan(0.5);
    expect(labelOf(el, 'p1').getAttribute('opacity')).toBeNull();
    const relationship = root(el).querySelector('path.rmo-link[data-id="X1"]')!;
    expect(relationship.classList.contains('rmo-highlighted')).toBe(true);
    expect(Number(relationship.getAttribute('stroke-width'))).toBeGreaterThan(3.5);
    expect(Number(root(el).querySelector('path.rmo-link[data-id="X2"]')!.getAttribute('opacity'))).toBeLessThan(0.5);
  });

  it('zooms with + and -, fits with 0 and fitToView, and pans a focused person into view', async () => {
    const el = await mount();
    const viewport = root(el).querySelector('.rmo-viewport')!;
    const scale = () => Number(/scale\(([\d.e-]+)\)/.exec(viewport.getAttribute('transform') ?? '')?.[1] ?? 1);
    const fitted = scale();
    expect(fitted).toBeGreaterThan(0);
    expect(fitted).toBeLessThanOrEqual(1.6);
    press(nodeOf(el, 'p1'), '+');
    expect(scale()).toBeCloseTo(fitted * 1.25, 5);
    press(nodeOf(el, 'p1'), '0');
    expect(scale()).toBeCloseTo(fitted, 5);
    press(nodeOf(el, 'p1'), '-');
    expect(scale()).toBeCloseTo(fitted * 0.8, 5);
    el.fitToView();
    expect(scale()).toBeCloseTo(fitted, 5);
    el.focusPerson('u2');
    expect((root(el).activeElement as Element).getAttribute('data-id')).toBe('u2');
  });

  it('draws an empty chart and bad data without failing', async () => {
    const el = await mount();
    el.people = [];
    el.links = [];
    await flush();
    expect(nodes(el)).toHaveLength(0);
    el.people = [{ id: 'a', name: 'Ash' }, { id: 'b', name: 'Bo' }, null as unknown as MapPerson];
    el.links = [
      { id: 'c1', fromId: 'a', toId: 'b', type: 'Reports To' },
      { id: 'c2', fromId: 'b', toId: 'a', type: 'Reports To' },
      { id: 'c3', fromId: 'a', toId: 'zz', type: 'Influences' },
    ];
    await flush();
    expect(
      nodes(el)
        .map((n) => n.getAttribute('data-id'))
        .sort()
    ).toEqual(['a', 'b']);
  });

  it('is accessible (axe), folded or not', async () => {
    const el = await mount({ selectedId: 'p2', flags: { p3: ['stale', 'coverage-gap'] } });
    await expect(el).toBeAccessible();
    click(toggleOf(el, 'p3'));
    await expect(el).toBeAccessible();
  });
});
