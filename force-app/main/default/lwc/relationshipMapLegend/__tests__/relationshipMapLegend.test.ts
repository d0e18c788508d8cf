/**
 * The legend explains every stance, shape, badge and link kind the graph draws, in the colours
 * of c/relationshipMapTheme.
 */
import RelationshipMapLegend from 'c/relationshipMapLegend';
import { STANCES } from 'c/relationshipGraph';
import { EVIDENCE_STYLE, LINK_STYLES, STANCE_STYLES } from 'c/relationshipMapTheme';
import { clearBody, mount as mountElement } from '../../relationshipMapToolbar/__tests__/data/support';

const mount = () => mountElement('c-relationship-map-legend', RelationshipMapLegend);

afterEach(clearBody);

describe('c-relationship-map-legend', () => {
  it('is a labelled region that names every stance with its letter', async () => {
    const element = mount();
    await Promise.resolve();
    const section = element.shadowRoot!.querySelector('[data-id="legend"]')!;
    expect(section.getAttribute('aria-labelledby')).toBeTruthy();
    expect(section.querySelector('h3')!.textContent).toBe('Legend');
    const swatches = Array.from(element.shadowRoot!.querySelectorAll('.rm-swatch')).map((s) => s.textContent);
    expect(swatches).toEqual(STANCES.map((s) => STANCE_STYLES[s].letter));
    for (const stance of STANCES) expect(section.textContent).toContain(stance);
    await expect(element).toBeAccessible();
  });

  it('explains the shapes and badges', () => {
    const element = mount();
    const text = element.shadowRoot!.textContent ?? '';
    for (const words of [
      'Square: our own people',
      'Diamond: partners',
      'Double ring',
      'Star: primary contact',
      'vacant',
      'coverage gap',
      'stale',
    ])
      expect(text).toContain(words);
  });

  it('draws each link kind in its theme colour, with an arrow when the link has a direction', () => {
    const element = mount();
    const lines = Array.from(element.shadowRoot!.querySelectorAll('svg.rm-legend-line'));
    const types = Object.keys(LINK_STYLES) as (keyof typeof LINK_STYLES)[];
    // One line per link type, then activity evidence's (tested below).
    expect(lines).toHaveLength(types.length + 1);
    types.forEach((type, i) => {
      expect(lines[i].querySelector('line')!.getAttribute('stroke')).toBe(LINK_STYLES[type].color);
      expect(lines[i].querySelector('polygon') !== null).toBe(!!LINK_STYLES[type].arrow);
      expect(lines[i].parentElement!.textContent).toContain(type);
    });
  });

  it('explains activity evidence as its own kind of line: dotted, in its own colour, no arrow', () => {
    const element = mount();
    const entry = element.shadowRoot!.querySelector('[data-id="legend-evidence"]')!;
    expect(entry.textContent).toContain('Activity (calls, meetings, emails)');
    const line = entry.querySelector('svg.rm-legend-line line')!;
    expect(line.getAttribute('stroke')).toBe(EVIDENCE_STYLE.color);
    expect(line.getAttribute('stroke-dasharray')).toBe(EVIDENCE_STYLE.dash);
    expect(entry.querySelector('polygon')).toBeNull();
    // Unlike every typed link: another colour, another dash.
    for (const style of Object.values(LINK_STYLES)) {
      expect(style.color.toUpperCase()).not.toBe(EVIDENCE_STYLE.color.toUpperCase());
      expect(style.dash).not.toBe(EVIDENCE_STYLE.dash);
    }
  });
});
