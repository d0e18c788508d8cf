/**
 * `@salesforce/label/c.<Name>` in the preview and in Jest is the Custom Label's value read from
 * CustomLabels.labels-meta.xml, as the org resolves it: the preview build's label modules give the
 * backend's reader's value, Jest's setup reads them through the same reader (scripts/shared/labels.cjs), and the
 * edit forms' too-long sentence (RM_Too_Long, filled by the component as Sentences.format fills
 * it) is what the preview controller answers for the same call. A component sentence that drifts
 * from the label, or a label module that is not the label, fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { rollup, type Plugin } from 'rollup';
import { LABELS_FILE, formatSentence, loadLabels } from '../../data/labels.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import { loadContract, runScenario } from '../backend/contract.ts';
import { labelModules } from '../build.ts';

const ENTRY = '\0entry';
/** A one-module page that imports `source` and exports it, bundled with the preview's label plugin. */
async function bundledLabel(source: string): Promise<unknown> {
  const entry: Plugin = {
    name: 'entry',
    resolveId: (id) => (id === ENTRY ? id : null),
    load: (id) => (id === ENTRY ? `import value from ${JSON.stringify(source)};\nexport default value;\n` : null),
  };
  const bundle = await rollup({ input: ENTRY, plugins: [entry, labelModules()] });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const module = (await import(`data:text/javascript,${encodeURIComponent(output[0].code)}`)) as { default: unknown };
    return module.default;
  } finally {
    await bundle.close();
  }
}

test("the preview build gives a label import the label's value from the labels file", async () => {
  const value = await bundledLabel('@salesforce/label/c.RM_Too_Long');
  assert.equal(value, loadLabels().get('RM_Too_Long'));
  assert.match(String(value), /\{0\}.*\{1\}.*\{2\}/, 'the template itself, placeholders and all');
});

test('the preview build refuses a label the labels file does not have', async () => {
  await assert.rejects(bundledLabel('@salesforce/label/c.RM_No_Such_Label'), /RM_No_Such_Label.*is not a Custom Label/);
});

test("Jest's setup gives each label import the labels file's value through the preview's reader", () => {
  const require = createRequire(import.meta.url);
  const shared = require(path.join(REPO_ROOT, 'scripts', 'shared', 'labels.cjs')) as {
    LABELS_FILE: string;
    loadLabels: () => Map<string, string>;
  };
  assert.equal(shared.LABELS_FILE, LABELS_FILE);
  assert.deepEqual([...shared.loadLabels()], [...loadLabels()]);
  assert.match(
    readFileSync(path.join(REPO_ROOT, 'config', 'jest', 'setup.js'), 'utf8'),
    /require\('\.\.\/\.\.\/scripts\/shared\/labels\.cjs'\)/,
    'Jest reads the labels with the shared reader'
  );
});

test('the form refuses too-long comments in the words the preview controller answers for the same call', async () => {
  const contract = loadContract();
  const scenario = contract.scenarios.find((s) => /comments longer than a Task holds/.test(s.name));
  assert.ok(scenario, 'the contract has the over-long comments scenario');
  const controllerSays = runScenario(contract, scenario).error;
  // The label as the preview build gives it to the component, filled as Sentences.format fills it
  // (the component's formatLabel does the same: limits.test.ts compares it with this scenario).
  const template = String(await bundledLabel('@salesforce/label/c.RM_Too_Long'));
  assert.equal(formatSentence(template, ['Comments', 32000, 32001]), controllerSays);
  assert.equal(controllerSays, 'Comments: keep it to 32000 characters (it has 32001).');
});
