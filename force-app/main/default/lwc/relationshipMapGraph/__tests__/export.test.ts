/**
 * The exported picture's legend says what the map's legend (c/relationshipMapLegend) says: the
 * export draws its own (an SVG cannot hold a component), so this keeps the two in step.
 */
import { createElement } from 'lwc';
import RelationshipMapLegend from 'c/relationshipMapLegend';
import { EVIDENCE_STYLE, LINK_STYLES, STANCE_STYLES } from 'c/relationshipMapTheme';
import { LEGEND_HEADINGS, LEGEND_NOTE, LEGEND_SHAPES, documentSize } from '../export';

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('export legend', () => {
  it('has the headings, entries and note of the map legend, in its order', async () => {
    const element = createElement('c-relationship-map-legend', { is: RelationshipMapLegend });
    document.body.appendChild(element);
    await Promise.resolve();
    const root = element.shadowRoot!;
    const words = (el: Element) => (el.querySelector('span:last-child')?.textContent ?? '').trim();
    const groups = Array.from(root.querySelectorAll('.rm-legend-groups > div'));
    expect(groups.map((g) => g.querySelector('h4')?.textContent)).toEqual([
      LEGEND_HEADINGS.stance,
      LEGEND_HEADINGS.shape,
      LEGEND_HEADINGS.links,
    ]);
    const items = groups.map((g) => Array.from(g.querySelectorAll('li')).map(words));
    expect(items[0]).toEqual(Object.entries(STANCE_STYLES).map(([stance, s]) => `${stance}: ${s.description}`));
    expect(items[1]).toEqual(LEGEND_SHAPES.map((s) => s.text));
    expect(items[2]).toEqual([
      ...Object.entries(LINK_STYLES).map(([type, s]) => `${type}: ${s.description}`),
      `${EVIDENCE_STYLE.label}: ${EVIDENCE_STYLE.description}`,
      LEGEND_NOTE,
    ]);
  });

  it('reads the size an SVG document declares', () => {
    expect(
      documentSize(
        '<?xml version="1.0"?>\n<svg xmlns="x" width="812" height="1040.5" viewBox="0 0 1 1"><svg width="3" height="4"/></svg>'
      )
    ).toEqual({
      width: 812,
      height: 1040.5,
    });
    expect(documentSize('<svg/>')).toEqual({ width: 0, height: 0 });
  });
});
