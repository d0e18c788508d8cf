/**
 * The org chart's fit keeps names readable (issue 15: names at 12 px or more at the fit zoom): a
 * 48-person account, as wide as the sample's, in an 800 px wide chart area is fitted by its width
 * no smaller than READABLE_SCALE, its top row in view and its middle across; a small chart is
 * still fitted whole and drawn large.
 */
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { fitTransform } from 'c/relationshipMapLook';
import type { Box } from 'c/relationshipMapLook';
import { READABLE_SCALE, nameStyle } from '../names';
import { layoutOrgChart } from '../orgChartLayout';
import { FIT_MAX_SCALE, readableFit } from '../viewport';

/** A CEO, 6 vice-presidents, 2 directors under each and 2 people under each director, a partner, 4 of ours. */
function account(): { people: MapPerson[]; links: InfluenceLink[] } {
  const people: MapPerson[] = [{ id: 'ceo', name: 'Morgan Alexander-Lee', title: 'Chief Executive' }];
  const links: InfluenceLink[] = [];
  const reports = (id: string, managerId: string) =>
    links.push({ id: `R-${id}`, fromId: id, toId: managerId, type: 'Reports To' });
  for (let v = 0; v < 6; v++) {
    people.push({ id: `vp${v}`, name: `Vice President Number ${v}`, title: 'VP' });
    reports(`vp${v}`, 'ceo');
    for (let d = 0; d < 2; d++) {
      const director = `d${v}${d}`;
      people.push({ id: director, name: `Director ${v}-${d} Hargreaves` });
      reports(director, `vp${v}`);
      for (let r = 0; r < 2; r++) {
        people.push({ id: `r${v}${d}${r}`, name: `Analyst ${v}${d}${r} Okonkwo-Smith` });
        reports(`r${v}${d}${r}`, director);
      }
    }
  }
  people.push({ id: 'partner', name: 'Priya Natarajan-Whitfield', side: 'Partner' });
  for (let o = 0; o < 4; o++) people.push({ id: `o${o}`, name: `Our Rep ${o}`, side: 'Our Company' });
  return { people, links };
}

const VIEW = { width: 800, height: 560 };

/** Where `box` lands on screen under transform t. */
const onScreen = (box: Box, t: { x: number; y: number; k: number }) => ({
  left: t.x + t.k * box.x0,
  right: t.x + t.k * box.x1,
  top: t.y + t.k * box.y0,
  bottom: t.y + t.k * box.y1,
});

describe('the org chart fit', () => {
  it('keeps names at 12 px or more on an 800 px wide chart area, fitted by width, top in view', () => {
    const { people, links } = account();
    expect(people).toHaveLength(48);
    const chart = layoutOrgChart({ people, links, view: VIEW });
    const box = chart.box!;
    // Fitted whole, this chart would draw names smaller than 12 px: the case the fit must handle.
    const whole = fitTransform(box, VIEW.width, VIEW.height, 24, FIT_MAX_SCALE, 0.05);
    expect(nameStyle(whole.k).font * whole.k).toBeLessThan(12);

    const t = readableFit(box, VIEW.width, VIEW.height);
    expect(t.k).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(nameStyle(t.k).font * t.k).toBeGreaterThanOrEqual(12);
    const screen = onScreen(box, t);
    // The top row in view: at the top when the chart is taller than the view, else centred.
    expect(screen.top).toBeGreaterThanOrEqual(24 - 1e-6);
    expect(screen.top).toBeLessThan(VIEW.height / 2);
    expect((screen.left + screen.right) / 2).toBeCloseTo(VIEW.width / 2, 5); // centred across
    const ceo = chart.nodeById.get('ceo')!;
    const ceoX = t.x + t.k * ceo.x;
    expect(ceoX).toBeGreaterThan(0);
    expect(ceoX).toBeLessThan(VIEW.width);
    // Every name drawn at this zoom is at least 12 px on screen.
    for (const k of [t.k, t.k * 1.25]) expect(nameStyle(k).font * k).toBeGreaterThanOrEqual(12 - 1e-9);
  });

  it('fits by width exactly when the width allows a readable zoom, and fills the width', () => {
    const box: Box = { x0: 0, y0: 0, x1: 1000, y1: 4000 };
    const t = readableFit(box, 800, 600);
    expect(t.k).toBeCloseTo((800 - 48) / 1000, 5);
    const screen = onScreen(box, t);
    expect(screen.left).toBeCloseTo(24, 5);
    expect(screen.right).toBeCloseTo(776, 5);
    expect(screen.top).toBeCloseTo(24, 5);
  });

  it('centres a wide, shallow chart up and down when its height fits at the readable zoom', () => {
    const box: Box = { x0: -2000, y0: 0, x1: 2000, y1: 300 };
    const t = readableFit(box, 800, 600);
    expect(t.k).toBe(READABLE_SCALE);
    const screen = onScreen(box, t);
    expect((screen.top + screen.bottom) / 2).toBeCloseTo(300, 5);
    expect((screen.left + screen.right) / 2).toBeCloseTo(400, 5);
  });

  it('fits a small chart whole and draws it large, as before', () => {
    const box: Box = { x0: 0, y0: 0, x1: 200, y1: 100 };
    expect(readableFit(box, 800, 600)).toEqual(fitTransform(box, 800, 600, 24, FIT_MAX_SCALE, 0.05));
    expect(readableFit(box, 800, 600).k).toBe(FIT_MAX_SCALE);
  });
});
