/**
 * Names on the org chart: 12 px on screen at any zoom the chart allows, up to 16 px zoomed in,
 * cut with an ellipsis to their room.
 */
import { cutName, namePlace, nameStyle, toggleShape } from '../names';
import { layoutOrgChart } from '../orgChartLayout';

describe('org chart names', () => {
  it('keep 12 px on screen when zoomed out, grow to 16 px zoomed in, and shrink only past a stack’s step', () => {
    for (const k of [0.5, 0.6, 0.8, 1]) expect(nameStyle(k).font * k).toBeCloseTo(12, 1);
    expect(nameStyle(2).font * 2).toBeCloseTo(16, 1);
    expect(nameStyle(1.2).font * 1.2).toBeCloseTo(14.4, 1);
    // Zoomed out further, a name may not grow taller than the step between two stacked people.
    expect(nameStyle(0.2).font).toBe(24);
    expect(nameStyle(0).font).toBe(12);
  });

  it('are cut with an ellipsis to fit their room, and kept whole when they fit', () => {
    expect(cutName('Ann Lee', 200, 12)).toBe('Ann Lee');
    const cut = cutName('Maximiliane Alexandra von Hohenberg', 100, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(Math.floor(100 / (12 * 0.52)));
    expect(cutName('Ab', 1, 40)).toBe('Ab'.slice(0, 1) + '…');
  });

  it('sit under a person in a row and beside one in a stack, the fold button under the name', () => {
    const chart = layoutOrgChart({
      people: [
        { id: 'm', name: 'Mo Boss' },
        { id: 'a', name: 'Ann' },
        { id: 'b', name: 'Bo' },
      ],
      links: [
        { id: 'L1', fromId: 'a', toId: 'm', type: 'Reports To' },
        { id: 'L2', fromId: 'b', toId: 'm', type: 'Reports To' },
      ],
    });
    const style = nameStyle(0.6);
    const boss = namePlace(chart.nodeById.get('m')!, style);
    expect(boss).toMatchObject({ x: 0, anchor: 'middle', text: 'Mo Boss' });
    expect(boss.y).toBeGreaterThan(chart.nodeById.get('m')!.radius + style.font * 0.8);
    const ann = namePlace(chart.nodeById.get('a')!, style);
    expect(ann.anchor).toBe('start');
    expect(ann.x).toBeGreaterThan(chart.nodeById.get('a')!.radius);
    const toggle = toggleShape(chart.nodeById.get('m')!, style);
    expect(toggle.y - toggle.height / 2).toBeGreaterThan(boss.y);
  });
});
