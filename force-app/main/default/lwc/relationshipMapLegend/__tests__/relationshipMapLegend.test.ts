/**
 * The legend explains every stance, shape, badge and link kind the graph draws, in the colours
 * of c/relationshipMapTheme.
 */
import RelationshipMapLegend from 'c/relationshipMapLegend';
import { STANCES } from 'c/relationshipGraph';
import { LINK_STYLES, STANCE_STYLES } from 'c/relationshipMapTheme';
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
    expect(lines).toHaveLength(types.length);
    types.forEach((type, i) => {
      expect(lines[i].querySelector('line')!.getAttribute('stroke')).toBe(LINK_STYLES[type].color);
      expect(lines[i].querySelector('polygon') !== null).toBe(!!LINK_STYLES[type].arrow);
      expect(lines[i].parentElement!.textContent).toContain(type);
    });
  });
});
