/**
 * `npm run bench` imports the compiled analytics and the map's model in plain Node (through
 * lwc-loader.mjs). A component module that pulls in LWC component code (decorators, `lwc`) breaks
 * that import, and with it the whole bench: this runs the bench's analytics step on a small map so
 * that npm test notices (the build stage compiles the .js first).
 */
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { test } from 'node:test';

register(new URL('../lwc-loader.mjs', import.meta.url));

test("the bench's analytics step runs in Node on the compiled components", async () => {
  const { benchAnalytics } = await import('../analytics.ts');
  const [row] = await benchAnalytics([50], 1, 0);
  assert.equal(row.people, 50);
  assert.ok(row.links > 0, 'the generated map has links');
  assert.ok(row.decisionMakers > 0, 'and decision makers');
  assert.ok(
    Object.values(row.ms).every((ms) => Number.isFinite(ms) && ms >= 0),
    `every stage was timed: ${JSON.stringify(row.ms)}`
  );
});
