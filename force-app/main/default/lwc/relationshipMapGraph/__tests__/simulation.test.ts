/**
 * The force layout's meaning (simulation.ts): managers above their reports, our people on one
 * side and partners on the other, people who are pinned staying put, the same map always laid out
 * the same way. A small hand-made map, run to rest with frames on demand (a fixed number of ticks:
 * LAYOUT_RUNS.placed in layout.ts).
 */
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import { setFrameScheduler } from '../layout';
import { emptyScene, joinScene } from '../scene';
import type { Scene } from '../scene';
import { GraphLayout, layoutTargets } from '../simulation';
import { ManualFrames } from './graphTestSupport';

const person = (id: string, side: MapPerson['side'], extra: Partial<MapPerson> = {}): MapPerson => ({
  id,
  name: id,
  side,
  ...extra,
});
let linkCount = 0;
const link = (fromId: string, toId: string, type: InfluenceLink['type']): InfluenceLink => ({
  id: `l${++linkCount}`,
  fromId,
  toId,
  type,
  strength: 'Medium',
});

/**
 * A customer CEO, two VPs, two people under each (3 levels); two of our people (one reporting to
 * the other) and two partners, each working with a few customers.
 */
function smallMap(): { people: MapPerson[]; links: InfluenceLink[] } {
  const people = [
    person('ceo', 'Customer'),
    person('vpA', 'Customer'),
    person('vpB', 'Customer'),
    person('a1', 'Customer'),
    person('a2', 'Customer', { isVacant: true }),
    person('b1', 'Customer'),
    person('b2', 'Customer'),
    person('ourLead', 'Our Company'),
    person('ourRep', 'Our Company'),
    person('partner1', 'Partner'),
    person('partner2', 'Partner'),
  ];
  const links = [
    link('vpA', 'ceo', 'Reports To'),
    link('vpB', 'ceo', 'Reports To'),
    link('a1', 'vpA', 'Reports To'),
    link('a2', 'vpA', 'Reports To'),
    link('b1', 'vpB', 'Reports To'),
    link('b2', 'vpB', 'Reports To'),
    link('ourRep', 'ourLead', 'Reports To'),
    link('ourLead', 'ceo', 'Relationship'),
    link('ourRep', 'a1', 'Relationship'),
    link('ourRep', 'b1', 'Relationship'),
    link('partner1', 'vpB', 'Relationship'),
    link('partner2', 'b2', 'Influences'),
    link('partner1', 'partner2', 'Relationship'),
  ];
  return { people, links };
}

/**
 * Lays the map out and runs it to rest: from the placement (or the positions people carry), or,
 * with `start`, from positions given to the free people (the placement then leaves them there).
 */
function layOut(
  people: MapPerson[],
  links: InfluenceLink[],
  start?: (id: string) => [number, number]
): { scene: Scene; frames: number } {
  const frames = new ManualFrames();
  setFrameScheduler(frames);
  const scene = emptyScene();
  const join = joinScene(scene, people, links, {}, {});
  if (start) {
    for (const node of scene.nodes) if (node.fx == null) [node.x, node.y] = start(node.id);
  }
  const layout = new GraphLayout(
    () => scene.nodes.length,
    () => undefined,
    () => undefined
  );
  layout.setScene(scene, join, 1.6);
  layout.settleIn(scene, join);
  const ran = frames.runAll();
  layout.stop();
  return { scene, frames: ran };
}

const meanX = (scene: Scene, side: string): number => {
  const xs = scene.nodes.filter((n) => n.person.side === side).map((n) => n.x!);
  return xs.reduce((sum, x) => sum + x, 0) / xs.length;
};

afterEach(() => setFrameScheduler(null));

describe('the force layout', () => {
  /**
   * From a start turned upside down and inside out (reports above managers, ours on the right,
   * partners on the left, the customer's people around them), so that the forces do the work.
   */
  const wrongWay = (id: string): [number, number] => {
    const row: Record<string, number> = { ceo: 2, vpA: 1, vpB: 1, ourLead: 1, ourRep: 0 };
    const column: Record<string, number> = { ourLead: 2, ourRep: 2, partner1: -2, partner2: -2, ceo: -1, a1: 1 };
    const index = Number.parseInt(id.replace(/\D/g, ''), 10) || 0;
    return [(column[id] ?? (index % 2 === 0 ? -1 : 1)) * 80 + index * 7, (row[id] ?? 0) * 80 - index * 5];
  };

  it('puts every manager above their reports, ours on the left, partners on the right, customers between', () => {
    const { people, links } = smallMap();
    const { scene, frames } = layOut(people, links, wrongWay);
    expect(frames).toBeGreaterThan(0);
    const at = scene.nodeById;
    const reportsTo = links.filter((x) => x.type === 'Reports To').map((l) => [l.toId!, l.fromId!]);
    expect(reportsTo).toHaveLength(7);
    const notAbove = reportsTo.filter(([manager, report]) => at.get(manager)!.y! >= at.get(report)!.y!);
    expect(notAbove).toEqual([]);
    // Three levels, one under the other: the CEO above the VPs (on average) above their people.
    const meanY = (ids: string[]) => ids.reduce((sum, id) => sum + at.get(id)!.y!, 0) / ids.length;
    expect(meanY(['ceo'])).toBeLessThan(meanY(['vpA', 'vpB']) - 40);
    expect(meanY(['vpA', 'vpB'])).toBeLessThan(meanY(['a1', 'a2', 'b1', 'b2']) - 40);
    expect(meanX(scene, 'Our Company')).toBeLessThan(meanX(scene, 'Customer'));
    expect(meanX(scene, 'Partner')).toBeGreaterThan(meanX(scene, 'Customer'));
    // Nobody on top of anybody: collision still keeps people apart.
    const overlapping = scene.nodes.flatMap((a, i) =>
      scene.nodes.slice(i + 1).filter((b) => Math.hypot(a.x! - b.x!, a.y! - b.y!) <= a.radius + b.radius)
    );
    expect(overlapping).toEqual([]);
  });

  it('lays out the same map the same way, and leaves people pinned where they were placed', () => {
    const { people, links } = smallMap();
    const first = layOut(people, links).scene.nodes.map((n) => [n.id, n.x, n.y]);
    const second = layOut(smallMap().people, links).scene.nodes.map((n) => [n.id, n.x, n.y]);
    expect(second).toEqual(first);

    // The CEO saved far down-left, against the pull of the levels and sides: stays there.
    const pinned = smallMap().people.map((p) => (p.id === 'ceo' ? { ...p, layoutX: -500, layoutY: 400 } : p));
    const { scene } = layOut(pinned, links);
    expect([scene.nodeById.get('ceo')!.x, scene.nodeById.get('ceo')!.y]).toEqual([-500, 400]);
  });
});

describe('layoutTargets', () => {
  it('pulls people in a tree to the row of their depth and each side to its own strip', () => {
    const { people, links } = smallMap();
    const scene = emptyScene();
    joinScene(scene, people, links, {}, {});
    const targets = layoutTargets(scene, 1.6);
    const y = (id: string) => targets.get(id)!.y;
    const x = (id: string) => targets.get(id)!.x;
    expect(y('ceo')).toBeLessThan(y('vpA'));
    expect(y('vpA')).toBe(y('vpB'));
    expect(y('vpA')).toBeLessThan(y('a2'));
    // Our lead heads our own small tree: the top row, as the customer's CEO.
    expect(y('ourLead')).toBe(y('ceo'));
    // Partners here report to nobody: pulled only gently toward the middle row.
    expect(y('partner1')).toBe(0);
    expect(targets.get('partner1')!.pullY).toBeLessThan(targets.get('ceo')!.pullY);
    expect(x('ourLead')).toBeLessThan(x('ceo'));
    expect(x('partner1')).toBeGreaterThan(x('ceo'));
  });
});
