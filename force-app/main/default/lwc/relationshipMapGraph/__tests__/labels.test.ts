/**
 * Name placement (labels.ts): names never overlap, the important ones keep their place when there
 * is no room, long names are cut with an ellipsis, and the same map always gets the same result.
 */
import {
  LABEL_MAX_EM,
  countOverlaps,
  estimateWidth,
  labelOverlaps,
  labelPriority,
  labelPx,
  placeLabels,
  shownLabel,
  truncate,
} from '../labels';
import type { LabelInput, LabelLayout } from '../labels';

/** A person to label: 10 map units across, an ordinary name, no priority. */
function input(id: string, x: number, y: number, fields: Partial<LabelInput> = {}): LabelInput {
  return { id, x, y, reach: 10, text: `Person ${id}`, bold: false, priority: 1, keep: false, ...fields };
}

const place = (items: LabelInput[], scale = 1): LabelLayout => placeLabels(items, { scale, measure: estimateWidth });

const shown = (layout: LabelLayout): string[] =>
  [...layout.byId.entries()]
    .filter(([, l]) => !l.hidden)
    .map(([id]) => id)
    .sort();

/** A seeded random number generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('name placement', () => {
  it('puts a name below its person when there is room', () => {
    const layout = place([input('a', 0, 0)]);
    const a = layout.byId.get('a')!;
    expect(a).toMatchObject({ side: 'below', anchor: 'middle', hidden: false, text: 'Person a', truncated: false });
    expect(a.dx).toBe(0);
    // Below the picture (reach 10) and a gap, baseline further down by the ascent.
    expect(a.dy).toBeGreaterThan(10);
    expect(a.box.y0).toBeGreaterThan(10);
  });

  it('moves the second of two neighbours’ names to another side instead of overlapping', () => {
    // 30 map units apart: both names below would overlap (each about 50 px wide at 12 px).
    const layout = place([input('a', 0, 0, { priority: 2 }), input('b', 30, 0)]);
    expect(layout.byId.get('a')!.side).toBe('below');
    expect(layout.byId.get('b')!.side).not.toBe('below');
    expect(shown(layout)).toEqual(['a', 'b']);
    expect(labelOverlaps(layout)).toBe(0);
  });

  it('hides the least important names when there is no room, never the emphasised person’s', () => {
    // Five people in one spot: room for four names (below, above, right, left).
    const items = [
      input('ordinary', 0, 0, {
        priority: labelPriority({ emphasised: false, neighbour: false, decisionMaker: false }, 0),
      }),
      input('influential', 0.1, 0, {
        priority: labelPriority({ emphasised: false, neighbour: false, decisionMaker: false }, 0.9),
      }),
      input('decider', 0.2, 0, {
        priority: labelPriority({ emphasised: false, neighbour: false, decisionMaker: true }, 0),
      }),
      input('neighbour', 0.3, 0, {
        priority: labelPriority({ emphasised: false, neighbour: true, decisionMaker: false }, 0),
      }),
      input('selected', 0.4, 0, {
        priority: labelPriority({ emphasised: true, neighbour: false, decisionMaker: false }, 0),
      }),
    ];
    const layout = place(items);
    expect(shown(layout)).toEqual(['decider', 'influential', 'neighbour', 'selected']);
    expect(layout.byId.get('ordinary')!.hidden).toBe(true);
    expect(layout.byId.get('selected')!.side).toBe('below');
    expect(labelOverlaps(layout)).toBe(0);
  });

  it('ranks emphasised over the selection’s neighbours over decision makers over the rest, then by influence', () => {
    const tier = (emphasised: boolean, neighbour: boolean, decisionMaker: boolean, influence = 0) =>
      labelPriority({ emphasised, neighbour, decisionMaker }, influence);
    expect(tier(true, false, false)).toBeGreaterThan(tier(false, true, true, 1));
    expect(tier(false, true, false)).toBeGreaterThan(tier(false, false, true, 1));
    expect(tier(false, false, true)).toBeGreaterThan(tier(false, false, false, 1));
    expect(tier(false, false, false, 0.8)).toBeGreaterThan(tier(false, false, false, 0.2));
  });

  it('keeps names off other people’s pictures, except for people who must keep theirs', () => {
    // A person boxed in by four big neighbours: every spot for their name covers one of them.
    const ring = [
      input('n', 0, -30, { reach: 20 }),
      input('s', 0, 30, { reach: 20 }),
      input('e', 45, 0, { reach: 20 }),
      input('w', -45, 0, { reach: 20 }),
    ].map((item) => ({ ...item, text: 'X', priority: 0.5 }));
    const ordinary = place([input('middle', 0, 0, { priority: 3 }), ...ring]);
    expect(ordinary.byId.get('middle')!.hidden).toBe(true);
    const kept = place([input('middle', 0, 0, { priority: 3, keep: true }), ...ring]);
    expect(kept.byId.get('middle')!.hidden).toBe(false);
    expect(labelOverlaps(kept)).toBe(0);
  });

  it('cuts a long name with an ellipsis to the widest a name may be, and keeps the full name for hover', () => {
    const long = 'Maximiliane Alexandrina von Hohenzollern-Sigmaringen';
    const layout = place([input('a', 0, 0, { text: long }), input('b', 500, 0, { text: 'Ann Lee' })]);
    const a = layout.byId.get('a')!;
    expect(a.truncated).toBe(true);
    expect(a.text.endsWith('…')).toBe(true);
    expect(long.startsWith(a.text.slice(0, -1))).toBe(true);
    expect(estimateWidth(a.text, layout.fontPx, false)).toBeLessThanOrEqual(LABEL_MAX_EM * layout.fontPx);
    expect(a.full).toBe(long);
    expect(layout.byId.get('b')).toMatchObject({ text: 'Ann Lee', truncated: false });
    expect(shownLabel(layout, 'a', 'a', null)?.text).toBe(long);
    expect(shownLabel(layout, 'a', null, null)?.text).toBe(a.text);
  });

  it('cuts at the longest start that fits, without a space before the ellipsis', () => {
    const width = (text: string) => text.length * 10;
    expect(truncate('Ann Lee', 70, width)).toEqual({ text: 'Ann Lee', truncated: false });
    expect(truncate('Ann Leeds', 60, width)).toEqual({ text: 'Ann L…', truncated: true });
    expect(truncate('Ann Leeds', 50, width)).toEqual({ text: 'Ann…', truncated: true });
  });

  it('shows a hidden name only for the person pointed at or focused, in full', () => {
    const layout = place(['a', 'b', 'c', 'd', 'e'].map((id, i) => input(id, i * 0.1, 0, { priority: 5 - i })));
    expect(layout.byId.get('e')!.hidden).toBe(true);
    expect(shownLabel(layout, 'e', null, null)).toBeNull();
    expect(shownLabel(layout, 'e', 'e', null)?.text).toBe('Person e');
    expect(shownLabel(layout, 'e', null, 'e')?.text).toBe('Person e');
    expect(shownLabel(null, 'e', 'e', 'e')).toBeNull();
  });

  it('draws names at 12 px or more on screen whatever the zoom, growing with it up to 16 px', () => {
    expect(labelPx(0.1)).toBe(12);
    expect(labelPx(1)).toBe(12);
    expect(labelPx(1.25)).toBe(15);
    expect(labelPx(3)).toBe(16);
    const zoomedOut = place([input('a', 0, 0)], 0.25);
    expect(zoomedOut.fontPx).toBe(12);
    // In map units, four times as large: the map is drawn at a quarter of its size.
    expect(zoomedOut.fontSize).toBe(48);
  });

  it('gives the same result whatever order the people come in', () => {
    const random = seeded(3);
    const items = Array.from({ length: 120 }, (_, i) =>
      input(`p${i}`, random() * 400, random() * 300, { priority: 1 + Math.floor(random() * 3) })
    );
    const forward = place(items, 0.8);
    const backward = place([...items].reverse(), 0.8);
    expect([...backward.byId.entries()].sort()).toEqual([...forward.byId.entries()].sort());
  });

  // How fast is npm run bench's business (label placement at 1,000 and 5,000 people), not a timed assertion here.
  it('places 2,000 people with no two shown names overlapping', () => {
    const random = seeded(11);
    const items = Array.from({ length: 2000 }, (_, i) =>
      input(`p${i}`, random() * 3000, random() * 2000, {
        reach: 8 + random() * 16,
        text: `Person number ${i} ${'x'.repeat(Math.floor(random() * 12))}`,
        priority: 1 + random() * 3,
        keep: random() < 0.1,
      })
    );
    const layout = place(items, 0.4);
    const boxes = [...layout.byId.values()].filter((l) => !l.hidden).map((l) => l.box);
    expect(boxes.length).toBeGreaterThan(100);
    expect(countOverlaps(boxes)).toBe(0);
  });

  it('counts overlapping pairs of boxes once each', () => {
    const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
    const boxes = [
      box(0, 0, 100, 20), // a
      box(90, 10, 150, 30), // b: overlaps a
      box(150, 0, 200, 10), // c: touches b at an edge only
      box(95, 0, 160, 5), // d: overlaps a and c
      box(500, 500, 700, 700), // far away, across many cells
    ];
    expect(countOverlaps(boxes)).toBe(3);
  });
});
