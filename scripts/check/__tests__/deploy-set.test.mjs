// @ts-check
// The deploy-set check finds contract items missing from what would deploy, and TypeScript or
// tests that would reach the org. Each case copies a small valid project and plants one defect.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../deploy-set.mjs';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'deploy-set', 'base');

/** A fresh copy of the base fixture, with `plant` applied. */
function project(/** @type {(dir: string) => void} */ plant = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-set-'));
  cpSync(BASE, dir, { recursive: true });
  plant(dir);
  return dir;
}
const messages = async (/** @type {string} */ dir) => (await check(dir)).findings.map((f) => f.message);

/** Adds an LWC bundle `widgetCard` holding `files` (name → content) plus its -meta.xml. */
function addBundle(/** @type {string} */ dir, /** @type {Record<string, string>} */ files) {
  const bundle = path.join(dir, 'force-app', 'main', 'default', 'lwc', 'widgetCard');
  mkdirSync(bundle, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(bundle, name), content);
  writeFileSync(
    path.join(bundle, 'widgetCard.js-meta.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n'
  );
}

test('a project that deploys everything in its contract passes', async () => {
  const result = await check(project());
  assert.deepEqual(result.findings, []);
  assert.match(result.summary, /1 CustomField/);
});

test('a field hidden by .forceignore is reported by name', async () => {
  const dir = project((d) => appendFileSync(path.join(d, '.forceignore'), '**/Size__c.field-meta.xml\n'));
  assert.deepEqual(await messages(dir), [
    'CustomField Widget__c.Size__c is not in the deploy set (field in the data model)',
  ]);
});

test('a permission set and a global value set missing from force-app are reported', async () => {
  const dir = project((d) => {
    appendFileSync(path.join(d, '.forceignore'), '**/permissionsets/**\n**/globalValueSets/**\n');
  });
  const found = await messages(dir);
  assert.ok(
    found.includes('PermissionSet Widget_User is not in the deploy set (permission set in the data model)'),
    found.join('\n')
  );
  assert.ok(
    found.includes('GlobalValueSet Widget_Colour is not in the deploy set (global value set in the data model)'),
    found.join('\n')
  );
});

test('TypeScript that .forceignore does not exclude would be deployed', async () => {
  const dir = project((d) => {
    writeFileSync(path.join(d, '.forceignore'), '# nothing ignored\n');
    addBundle(d, {
      'widgetCard.ts': 'export default class WidgetCard {}\n',
      'widgetCard.js': 'export default class WidgetCard {}\n',
    });
  });
  const found = await messages(dir);
  assert.ok(
    found.some((m) => /widgetCard\.ts would be deployed; add it to \.forceignore/.test(m)),
    found.join('\n')
  );
});

test('a TypeScript component that was never compiled has nothing to deploy', async () => {
  const dir = project((d) => {
    addBundle(d, {
      'widgetCard.ts': 'export default class WidgetCard {}\n',
      'widgetCard.html': '<template></template>\n',
    });
  });
  const found = await messages(dir);
  assert.ok(
    found.includes('component widgetCard has no widgetCard.js to deploy (run the build stage)'),
    found.join('\n')
  );
});
