/**
 * The analytics on the sample data, as the preview loads it (issue 16): the Northwind map is not
 * Healthy while its economic buyer, Marcus Whitfield, is a Skeptic, and its first health reason
 * names him; "if they leave" for the person who carries the most best warm paths lists exactly
 * the decision makers whose best path runs through them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildStore } from '../../preview/backend/store.ts';
import {
  analyzeMap,
  prepareMap,
  whatIfRemoved,
} from '../../../force-app/main/default/lwc/relationshipGraph/relationshipGraph.ts';

const TODAY = new Date('2026-11-01T12:00:00Z');
const store = buildStore(undefined, TODAY);
const northwind = store.accounts.find((a) => a.name.startsWith('Northwind'));
assert.ok(northwind, 'the sample has the Northwind account');
const map = store.maps.find((m) => m.accountId === northwind.id);
assert.ok(map, 'Northwind has a map');
const input = {
  people: store.people.filter((p) => p.mapId === map.id),
  links: store.links.filter((l) => l.mapId === map.id),
};

test('the Northwind map is not Healthy, and its first reason names the Skeptic economic buyer', () => {
  const marcus = input.people.find((p) => p.name === 'Marcus Whitfield');
  assert.equal(marcus?.role, 'Economic Buyer');
  assert.equal(marcus?.stance, 'Skeptic');
  const { health, decisionMakers } = analyzeMap(input, { now: TODAY });
  assert.notEqual(health.state, 'healthy');
  assert.ok(health.score < 70, `score ${health.score} is below Healthy`);
  assert.match(health.reasons[0], /Marcus Whitfield/);
  assert.ok(health.gate?.blockers.some((b) => b.name === 'Marcus Whitfield'));
  // The decision-maker strip opens on those who do not support us.
  const firstSupporter = decisionMakers.findIndex((d) => d.supportsUs);
  assert.ok(
    decisionMakers.slice(firstSupporter < 0 ? decisionMakers.length : firstSupporter).every((d) => d.supportsUs)
  );
  assert.ok(decisionMakers.some((d) => d.name === 'Marcus Whitfield' && !d.supportsUs && d.blocksHealth));
});

test('"if they leave" for whoever carries the most best warm paths lists exactly the decision makers who lose theirs', () => {
  const prepared = prepareMap(input, { now: TODAY });
  const analysis = analyzeMap(input, { now: TODAY });
  const carried = new Map<string, string[]>();
  for (const w of analysis.warmPaths) {
    const best = w.paths[0];
    if (!best) continue;
    for (const id of best.personIds) {
      if (id === w.decisionMakerId) continue;
      carried.set(id, [...(carried.get(id) ?? []), w.decisionMakerId]);
    }
  }
  const [carrier, through] = [...carried.entries()].sort(
    (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)
  )[0];
  assert.ok(through.length >= 2, 'someone carries several best warm paths on the sample map');
  const result = whatIfRemoved(prepared, carrier, analysis);
  assert.deepEqual(result.lostPaths.map((l) => l.decisionMakerId).sort(), [...through].sort());
  assert.ok(!result.summary.includes('No decision maker loses their best warm path.'));
});
