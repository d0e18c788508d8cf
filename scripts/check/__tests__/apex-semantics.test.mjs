// @ts-check
/**
 * apex-semantics (apex-ls) catches the planted compile errors and applies the reviewed baseline.
 *
 * fixtures/apex-semantics/defects marks each planted defect with a trailing
 * `// expect: <message fragment>` comment on the line apex-ls must report; its
 * config/apex-ls-baseline.jsonc holds one live entry, one stale entry and one entry without a
 * reason. Each apex-ls run costs ~2-3 s (a JVM start), so each fixture is checked once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, isDeployRelevant, parseApexLsJson } from '../apex-semantics.mjs';
import { applyBaseline, globToRegExp, stripJsonc } from '../lib/apex-baseline.mjs';
import { formatFinding } from '../lib/common.mjs';
import { apexFiles, relativePosix } from '../lib/apex-source.mjs';

/** @typedef {import('../lib/common.mjs').Finding} Finding */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const EMPTY = path.join(FIXTURES, 'apex-all', 'empty');
const CLEAN = path.join(FIXTURES, 'apex-all', 'clean');
const DEFECTS = path.join(FIXTURES, 'apex-semantics', 'defects');

const defects = check(DEFECTS);

/**
 * @param {Finding[]} findings
 * @param {string} fileName
 */
const inFile = (findings, fileName) => findings.filter((f) => path.basename(f.file) === fileName);

test('a project without Apex passes and says "0 Apex files"', async () => {
  const { findings, summary } = await check(EMPTY);
  assert.deepEqual(findings, []);
  assert.match(summary, /^0 Apex files\b/);
});

test('realistic clean code (custom objects, user mode, trigger + handler, test class) compiles', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(
    findings.map((f) => formatFinding(f, CLEAN)),
    []
  );
  assert.match(summary, /^6 Apex files/);
});

test('every `// expect:` marker has an apex-semantics finding on its line with that text', async () => {
  const { findings } = await defects;
  let markers = 0;
  for (const file of apexFiles(DEFECTS)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, i) => {
      const m = /\/\/ expect: (.+)$/.exec(text);
      if (!m) return;
      markers++;
      const hit = findings.find((f) => f.file === file && f.line === i + 1 && f.message.includes(m[1].trim()));
      assert.ok(hit, `${relativePosix(DEFECTS, file)}:${i + 1} should report "${m[1].trim()}"`);
      assert.equal(hit.rule, 'apex-semantics');
    });
  }
  assert.equal(markers, 4);
});

test('unknown field on a custom object defined in the fixture', async () => {
  const [f] = inFile((await defects).findings, 'UnknownField.cls');
  assert.deepEqual([f.line, f.column, f.rule], [4, 9, 'apex-semantics']);
  assert.match(f.message, /Unknown field 'Stanse__c' on SObject 'Schema\.Map_Contact__c'/);
});

test('unknown method', async () => {
  const [f] = inFile((await defects).findings, 'UnknownMethod.cls');
  assert.equal(f.line, 4);
  assert.match(f.message, /No matching method found for 'forMaps' on 'MapContactSelector'/);
});

test('type mismatch (and a baseline entry without a reason suppresses nothing)', async () => {
  const [f] = inFile((await defects).findings, 'TypeMismatch.cls');
  assert.equal(f.line, 4);
  assert.match(f.message, /Incompatible types in assignment, from 'System\.String' to 'System\.Integer'/);
});

test('class without -meta.xml, and an unrecognised field type in field XML', async () => {
  const { findings } = await defects;
  assert.match(inFile(findings, 'MissingMeta.cls')[0]?.message ?? '', /meta file is missing/);
  const [field] = inFile(findings, 'Layout_X__c.field-meta.xml');
  assert.match(field?.message ?? '', /Unrecognised type 'Numbr' on custom field 'Layout_X__c'/);
});

test('baseline: a matching entry suppresses the finding', async () => {
  const { findings, summary } = await defects;
  assert.deepEqual(inFile(findings, 'NewerPlatformApi.cls'), []);
  assert.match(summary, /2 accepted by the baseline \(2 entries\)/);
});

test('baseline: an entry that matches nothing is a stale-baseline finding at its line', async () => {
  const stale = (await defects).findings.filter((f) => f.rule === 'stale-baseline');
  assert.deepEqual(
    stale.map((f) => [relativePosix(DEFECTS, f.file), f.line]),
    [['config/apex-ls-baseline.jsonc', 10]]
  );
  assert.match(stale[0].message, /Gone\.cls/);
});

test('baseline: an entry without a reason is a finding', async () => {
  const bad = (await defects).findings.filter((f) => f.rule === 'baseline-entry');
  assert.deepEqual(
    bad.map((f) => [relativePosix(DEFECTS, f.file), f.line]),
    [['config/apex-ls-baseline.jsonc', 15]]
  );
  assert.match(bad[0].message, /lacks "reason"/);
});

test('nothing else is reported for the defects fixture', async () => {
  const { findings } = await defects;
  assert.deepEqual(findings.map((f) => `${path.basename(f.file)}:${f.line} ${f.rule}`).sort(), [
    'Layout_X__c.field-meta.xml:2 apex-semantics',
    'MissingMeta.cls:1 apex-semantics',
    'TypeMismatch.cls:4 apex-semantics',
    'UnknownField.cls:4 apex-semantics',
    'UnknownMethod.cls:4 apex-semantics',
    'apex-ls-baseline.jsonc:10 stale-baseline',
    'apex-ls-baseline.jsonc:15 baseline-entry',
  ]);
});

test('the real baseline is valid and every entry carries a reason', () => {
  const text = readFileSync(path.join(FIXTURES, '..', '..', '..', '..', 'config', 'apex-ls-baseline.jsonc'), 'utf8');
  const { json } = stripJsonc(text);
  const entries = JSON.parse(json);
  assert.ok(Array.isArray(entries));
  for (const e of entries) assert.ok(typeof e.reason === 'string' && e.reason.trim(), JSON.stringify(e));
});

test('apex-ls JSON: 0-based offsets become 1-based columns; style-only warnings are dropped', () => {
  const messages = parseApexLsJson(
    JSON.stringify({
      files: [
        {
          path: '/p/A.cls',
          messages: [
            { start: { line: 3, offset: 8 }, category: 'Missing', message: "Unknown field 'X__c'" },
            { start: { line: 4, offset: 0 }, category: 'Warning', message: "Local variable is hiding class field 'n'" },
            {
              start: { line: 5, offset: 2 },
              category: 'Warning',
              message: 'Private method overrides have inconsistent behaviour',
            },
            { start: { line: 6, offset: 2 }, category: 'Unused', message: "Unused local variable 'q'" },
          ],
        },
      ],
    })
  );
  assert.deepEqual(
    messages.map((m) => [m.line, m.column]),
    [
      [3, 9],
      [4, 1],
      [5, 3],
      [6, 3],
    ]
  );
  assert.deepEqual(messages.map(isDeployRelevant), [true, false, true, false]);
});

test('baseline matching: globs, /regex/, comments and trailing commas', () => {
  const { json, entryLines } = stripJsonc(`// header
[
  { "file": "a/**/*.cls", "message": "/unknown (type|field)/i", "reason": "x" }, // trailing
  /* block
     comment */
  { "file": "b/B.cls", "message": "needle \\"quoted\\" // not a comment", "reason": "y", },
]`);
  const entries = JSON.parse(json).map((/** @type {any} */ e, /** @type {number} */ i) => ({
    ...e,
    line: entryLines[i],
  }));
  assert.deepEqual(entryLines, [3, 6]);
  assert.equal(entries[1].message, 'needle "quoted" // not a comment');
  assert.ok(globToRegExp('a/**/*.cls').test('a/x/y/Z.cls'));
  assert.ok(globToRegExp('a/**/*.cls').test('a/Z.cls'));
  assert.ok(!globToRegExp('a/*.cls').test('a/x/Z.cls'));
  const { kept, suppressed, stale } = applyBaseline(
    [
      { file: '/p/a/x/A.cls', message: 'Unknown Type Foo' },
      { file: '/p/b/B.cls', message: 'other' },
    ],
    entries,
    '/p',
    '/p/config/apex-ls-baseline.jsonc'
  );
  assert.equal(suppressed, 1);
  assert.deepEqual(
    kept.map((f) => f.message),
    ['other']
  );
  assert.deepEqual(
    stale.map((f) => f.line),
    [6]
  );
});
