import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { mapLoadQueryAssertions } from '../apex.ts';

const TEST_CLASS = `@IsTest
private class MapControllerTest {
    @IsTest
    static void loadsInFewQueries() {
        Relationship_Map__c small = createMapWithPeople(acme.Id, 'Small map', 10);
        Relationship_Map__c large = createMapWithPeople(acme.Id, 'Large map', 500);
        Integer before = Limits.getQueries();
        RelationshipMapController.loadMapGraph(small.Id);
        Integer smallQueries = Limits.getQueries() - before;
        before = Limits.getQueries();
        RelationshipMapController.loadMapGraph(large.Id);
        Integer largeQueries = Limits.getQueries() - before;
        Assert.areEqual(10, smallGraph.people.size(), 'all 10 people load');
        Assert.areEqual(smallQueries, largeQueries, 'the number of queries does not grow with the map');
        Assert.isTrue(
            largeQueries <= 4,
            'at most 4 queries, got ' + largeQueries
        );
    }

    @IsTest
    static void savesPositions() {
        Integer queries = Limits.getQueries();
        RelationshipMapController.savePositions(mapId, positions);
        Assert.isTrue(Limits.getQueries() - queries <= 2, 'not a map load');
    }
}
`;

function classesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-apex-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('reads what a test asserts about the queries of a map load: sizes, bound, sameness, quoted', () => {
  const dir = classesDir({ 'MapControllerTest.cls': TEST_CLASS, 'MapController.cls': 'public class MapController {}' });
  const found = mapLoadQueryAssertions(dir);
  assert.equal(found.length, 1);
  const [q] = found;
  assert.equal(q.test, 'MapControllerTest.loadsInFewQueries');
  assert.equal(q.line, 4); // the method's own line, after its @IsTest
  assert.deepEqual(q.mapSizes, [10, 500]);
  assert.equal(q.atMost, 4);
  assert.equal(q.sameForAllSizes, true);
  assert.deepEqual(q.assertions, [
    "Assert.areEqual(smallQueries, largeQueries, 'the number of queries does not grow with the map')",
    "Assert.isTrue(largeQueries <= 4, 'at most 4 queries, got ' + largeQueries)",
  ]);
});

test('finds test classes in the layer folders below classes/', () => {
  const dir = classesDir({
    'tests/MapControllerTest.cls': TEST_CLASS,
    'controllers/MapController.cls': 'public class MapController {}',
  });
  const found = mapLoadQueryAssertions(dir);
  assert.deepEqual(
    found.map((q) => [q.test, path.relative(dir, q.file)]),
    [['MapControllerTest.loadsInFewQueries', path.join('tests', 'MapControllerTest.cls')]]
  );
});

test('reports nothing rather than inventing a figure when no test asserts one', () => {
  const dir = classesDir({ 'OtherTest.cls': TEST_CLASS.replaceAll('loadMapGraph', 'getMapsForAccount') });
  assert.deepEqual(mapLoadQueryAssertions(dir), []);
});

test('reads the project’s own controller test', () => {
  const found = mapLoadQueryAssertions(path.resolve(import.meta.dirname, '../../../force-app/main/default/classes'));
  assert.ok(found.some((q) => q.mapSizes.join() === '10,500' && q.atMost !== null && q.sameForAllSizes));
});
