// @ts-check
/**
 * dto-drift catches every planted drift between Apex DTOs and their TypeScript types, at the
 * right file and line, and nothing else; a clean pair passes.
 *
 * fixtures/dto-drift/drift marks each planted drift with a trailing `// expect: <rule>` comment on
 * the line the finding must point at (in the Apex class or in the TypeScript module); the marker
 * test compares the whole set, so a false positive fails as surely as a miss. The named tests
 * below repeat the important cases so a failure says what broke.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, readApexDtos } from '../dto-drift.mjs';
import { formatFinding, sourceFiles } from '../lib/common.mjs';
import { relativePosix } from '../lib/apex-source.mjs';

/** @typedef {import('../lib/common.mjs').Finding} Finding */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'dto-drift');
const CLEAN = path.join(FIXTURES, 'clean');
const DRIFT = path.join(FIXTURES, 'drift');

/** Findings of the drift fixture, computed once. */
const drift = check(DRIFT);

/**
 * `<file>:<line> <rule>` for every `// expect:` marker in a fixture project's .cls and .ts files.
 * @param {string} projectDir
 * @returns {string[]}
 */
function expectedFromMarkers(projectDir) {
  /** @type {string[]} */
  const out = [];
  for (const file of sourceFiles(projectDir, (f) => f.endsWith('.cls') || f.endsWith('.ts'))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /\/\/ expect: (.+)$/.exec(text);
        if (m)
          for (const rule of m[1].split(',')) out.push(`${relativePosix(projectDir, file)}:${i + 1} ${rule.trim()}`);
      });
  }
  return out.sort();
}

/**
 * @param {Finding[]} findings
 * @param {string} projectDir
 * @returns {string[]}
 */
const asKeys = (findings, projectDir) =>
  findings.map((f) => `${relativePosix(projectDir, f.file)}:${f.line} ${f.rule}`).sort();

/**
 * The one finding of `rule` on `line` of the file whose name ends with `fileName`.
 * @param {Finding[]} findings
 * @param {string} fileName
 * @param {number} line
 * @param {string} rule
 */
function only(findings, fileName, line, rule) {
  const found = findings.filter((f) => f.file.endsWith(`/${fileName}`) && f.line === line && f.rule === rule);
  assert.equal(found.length, 1, `one ${rule} at ${fileName}:${line}; got ${found.length}`);
  return found[0];
}

test('a clean pair passes: re-exports, unions, dates, lists, arrays, nested DTOs, fields and properties', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(
    findings.map((f) => formatFinding(f, CLEAN)),
    []
  );
  assert.equal(summary, 'RelationshipMapDtos ↔ relationshipMapApi: 5 DTO classes, 22 properties');
});

test('every planted drift is reported at its marked line, and nothing else', async () => {
  const { findings } = await drift;
  const expected = expectedFromMarkers(DRIFT);
  assert.ok(expected.length >= 13, `markers found: ${expected.length}`);
  assert.deepEqual(asKeys(findings, DRIFT), expected);
  for (const f of findings) {
    assert.ok(f.line && f.column && f.column >= 1, `file:line:column for ${formatFinding(f, DRIFT)}`);
    assert.ok(f.message.length > 40, `a message a developer can act on: ${f.message}`);
  }
});

test('property missing in TypeScript: reported on the Apex line, naming the TypeScript type', async () => {
  const f = only((await drift).findings, 'RelationshipMapDtos.cls', 19, 'dto-missing-in-ts');
  assert.match(f.message, /^Person\.email \(String\) is missing from the TypeScript Person \(.*model\.ts:1\)/);
});

test('property missing in Apex: reported on the TypeScript line, following the re-export to model.ts', async () => {
  const f = only((await drift).findings, 'model.ts', 7, 'dto-missing-in-apex');
  assert.match(f.message, /^Person\.nickname \(string \| null\) has no @AuraEnabled property in the Apex Person/);
});

test('type mismatch: Integer in Apex, string in TypeScript', async () => {
  const f = only((await drift).findings, 'RelationshipMapDtos.cls', 17, 'dto-type');
  assert.match(
    f.message,
    /^Person\.score: the types differ \(Apex Integer is number in TypeScript; .*declares string \| null\)/
  );
});

test('list vs single, both ways, and a list of the wrong element type', async () => {
  const { findings } = await drift;
  assert.match(
    only(findings, 'RelationshipMapDtos.cls', 45, 'dto-type').message,
    /^Graph\.links: Apex has a list, TypeScript a single value/
  );
  assert.match(
    only(findings, 'RelationshipMapDtos.cls', 47, 'dto-type').message,
    /^Graph\.primary: TypeScript has an array, Apex a single value/
  );
  assert.match(only(findings, 'RelationshipMapDtos.cls', 51, 'dto-type').message, /string\[\].*declares number\[\]/);
});

test('a reference to another DTO must name the same type', async () => {
  const f = only((await drift).findings, 'RelationshipMapDtos.cls', 39, 'dto-type');
  assert.match(f.message, /Apex refers to Summary, TypeScript to Person/);
});

test('nullability: @required vs optional, and nullable vs required', async () => {
  const { findings } = await drift;
  assert.match(only(findings, 'model.ts', 2, 'dto-nullability').message, /@required in Apex .* declares it optional/);
  assert.match(
    only(findings, 'model.ts', 4, 'dto-nullability').message,
    /may be null in Apex .* `title\?: string \| null`/
  );
});

test('names that differ only in case, a DTO without a TypeScript type, an unsupported Apex type, an unresolved module', async () => {
  const { findings } = await drift;
  assert.match(only(findings, 'model.ts', 5, 'dto-name-case').message, /rename it goalImpact/);
  assert.match(
    only(findings, 'RelationshipMapDtos.cls', 54, 'dto-missing-type').message,
    /^Apex DTO Orphan has no exported/
  );
  assert.match(only(findings, 'RelationshipMapDtos.cls', 49, 'dto-unsupported-type').message, /Map<String,Object>/);
  assert.match(only(findings, 'relationshipMapApi.ts', 4, 'dto-parse').message, /Cannot find module 'c\/ghost'/);
});

test('a project without the pair reports the missing files instead of passing silently', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dto-drift-'));
  writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
  const { findings } = await check(dir);
  assert.deepEqual(
    findings.map((f) => f.rule),
    ['dto-missing-file']
  );
  assert.match(findings[0].message, /RelationshipMapDtos\.cls not found/);
});

test('an Apex DTO class that does not parse is a finding, not a silent pass', () => {
  const { dtos, errors } = readApexDtos(
    'public with sharing class RelationshipMapDtos { public class A { @AuraEnabled public String x { get; set; } '
  );
  assert.deepEqual(dtos, []);
  assert.ok(errors.length > 0);
});
