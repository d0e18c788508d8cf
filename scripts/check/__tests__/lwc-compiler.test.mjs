// @ts-check
/**
 * node --test scripts/check/__tests__/lwc-compiler.test.mjs
 *
 * Runs the platform compiler (@lwc/sfdc-lwc-compiler) through the checker on tiny SFDX projects
 * under fixtures/lwc-compiler/, each holding ready-made .js/.html/.css/-meta.xml (what tsc would
 * have emitted), so no build step is needed. Loading the compiler takes ~2 s, each bundle ~0.3 s.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../lwc-compiler.mjs';
import { apiVersionOf } from '../lib/lwc-bundles.mjs';
import { classify, codeAndText, LEVEL, position } from '../lib/lwc-diagnostics.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lwc-compiler');

/** @param {string} name */
const fixture = (name) => path.join(FIXTURES, name);

/**
 * `rule file:line:col` for each finding, file relative to its bundle folder's parent (`lwc/`).
 * @param {import('../lib/common.mjs').Finding[]} findings
 */
const where = (findings) =>
  findings
    .map((f) => {
      const rel = path
        .relative(path.dirname(path.dirname(f.file)), f.file)
        .split(path.sep)
        .join('/');
      return `${f.rule} ${[rel, f.line, f.column].filter((x) => x !== undefined).join(':')}`;
    })
    .sort();

/** @type {string[]} */
const temps = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lwc-compiler check', { concurrency: 1 }, () => {
  it('passes a clean bundle (@api/@track/@wire, getter/setter, helper module, c/ and apex imports)', async () => {
    const { findings, summary } = await check(fixture('clean'));
    assert.deepEqual(findings, []);
    assert.match(summary, /^1 bundle compiled by the platform compiler \(LWC \d+\.\d+\.\d+\)$/);
  });

  it('passes with "0 bundles" when the project has no components', async () => {
    const { findings, summary } = await check(fixture('empty'));
    assert.deepEqual(findings, []);
    assert.equal(summary, '0 bundles');
  });

  it('reports an unknown lwc: directive in a template (LWC1127)', async () => {
    const { findings } = await check(fixture('template-error'));
    assert.deepEqual(where(findings), ['LWC1127 badTemplate/badTemplate.html:3:9']);
    assert.match(findings[0].message, /Invalid directive "lwc:shown"/);
  });

  it('reports decorators as tsc emits them below target ESNext (LWC1104)', async () => {
    const { findings } = await check(fixture('decorator-es2022'));
    assert.deepEqual(where(findings), ['LWC1104 legacyDecorators/legacyDecorators.js:45:13']);
    assert.match(findings[0].message, /"api" can only be used as a class decorator/);
  });

  it('reports platform lint errors ($A, LWC1503), bad Apex imports (LWC1706) and eval (warning LWC1002)', async () => {
    const { findings, summary } = await check(fixture('platform-lint'));
    assert.deepEqual(where(findings), [
      'LWC1002 evalUse/evalUse.js:5:16',
      'LWC1503 auraGlobal/auraGlobal.js:4:9',
      'LWC1706 apexImport/apexImport.js:2:25',
    ]);
    const byRule = Object.fromEntries(findings.map((f) => [f.rule, f.message]));
    assert.match(byRule.LWC1503, /Do not use \$A/);
    assert.match(byRule.LWC1706, /both class and method names/);
    assert.match(byRule.LWC1002, /^compiler warning .*Use of eval/);
    assert.match(summary, /^3 bundles compiled/);
  });

  it('reports CSS errors: a syntax error (LWC1709) and an id selector (LWC1009)', async () => {
    const { findings } = await check(fixture('css-error'));
    assert.deepEqual(where(findings), [
      'LWC1009 idSelector/idSelector.css:4:2',
      'LWC1709 unclosedRule/unclosedRule.css:4:1',
    ]);
    const syntax = findings.find((f) => f.rule === 'LWC1709');
    assert.ok(syntax);
    assert.match(syntax.message, /Unclosed block/);
    assert.doesNotMatch(syntax.message, /\/work\/|\/tmp\//, 'no absolute paths from the compiler in the message');
  });

  it('reports a .ts without its compiled .js, and does not compile that bundle', async () => {
    const { findings, summary } = await check(fixture('ts-without-js'));
    assert.deepEqual(where(findings), ['missing-js tsOnly/tsOnly.ts']);
    assert.match(findings[0].message, /has no compiled tsOnly\.js: run the build stage/);
    assert.match(summary, /1 not compiled/);
  });

  it('reports a .js older than its .ts (a failed or skipped build)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lwc-compiler-stale-'));
    temps.push(dir);
    cpSync(fixture('clean'), dir, { recursive: true });
    const bundle = path.join(dir, 'force-app', 'main', 'default', 'lwc', 'contactCard');
    writeFileSync(path.join(bundle, 'contactCard.ts'), '// newer than contactCard.js\n');
    utimesSync(path.join(bundle, 'contactCard.js'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const { findings } = await check(dir);
    assert.deepEqual(where(findings), ['stale-js contactCard/contactCard.ts']);
  });

  it('reports a bundle without its JavaScript module (the compiler itself accepts it)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lwc-compiler-nojs-'));
    temps.push(dir);
    cpSync(fixture('clean'), dir, { recursive: true });
    rmSync(path.join(dir, 'force-app', 'main', 'default', 'lwc', 'contactCard', 'contactCard.js'));
    const { findings } = await check(dir);
    assert.deepEqual(where(findings), ['missing-js contactCard/contactCard.js-meta.xml']);
  });

  it('reports a component folder without -meta.xml', async () => {
    const { findings } = await check(fixture('no-meta'));
    assert.deepEqual(where(findings), ['missing-meta noMeta/noMeta.js']);
  });

  it('does not fail on JSDoc documentation warnings (TSDoc @param without a type) but counts them', async () => {
    const { findings, summary } = await check(fixture('jsdoc-warning'));
    assert.deepEqual(findings, []);
    assert.match(summary, /; 1 warning not failing \(LWC1522: /);
  });
});

describe('lwc-diagnostics', () => {
  it('fails on fatal, error and other warnings; lets documentation and offline-import warnings through', () => {
    assert.equal(classify({ level: LEVEL.FATAL, message: 'LWC1001: x' }), 'fail');
    assert.equal(classify({ level: LEVEL.ERROR, message: 'LWC1503: x' }), 'fail');
    assert.equal(classify({ level: LEVEL.WARNING, code: 1002, message: 'LWC1002: Use of eval' }), 'fail');
    assert.equal(classify({ level: LEVEL.WARNING, code: 1522, message: 'LWC1522: No type' }), 'documentation');
    assert.equal(classify({ level: LEVEL.LOG, message: 'x' }), 'ignore');
    const unresolved = (/** @type {string} */ id) => ({
      level: LEVEL.WARNING,
      code: 1002,
      message: `LWC1002: Error in module resolution: "${id}" is imported by "foo.js", but could not be resolved`,
    });
    assert.equal(classify(unresolved('c/stanceBadge')), 'offline-import');
    assert.equal(classify(unresolved('@salesforce/apex/Foo.bar')), 'offline-import');
    assert.equal(classify(unresolved('lightning/navigation')), 'offline-import');
    // a relative import is part of the bundle: not resolving it is a real defect
    assert.equal(classify(unresolved('./helper')), 'fail');
    // an unresolvable import reported as an error stays an error
    assert.equal(classify({ ...unresolved('c/x'), level: LEVEL.ERROR }), 'fail');
  });

  it('takes the innermost LWC code of a wrapped plugin error', () => {
    const message =
      'LWC1535: Unexpected plugin compilation error: Plugin - lwc, Hook - transform, Cause - SyntaxError: ' +
      '/tmp/x/foo.js: LWC1104: "api" can only be used as a class decorator\n  51 | code frame';
    assert.deepEqual(codeAndText(message, 1535), {
      rule: 'LWC1104',
      text: '"api" can only be used as a class decorator',
    });
    assert.deepEqual(codeAndText('LWC1127: Invalid directive', 1127), { rule: 'LWC1127', text: 'Invalid directive' });
  });

  it('prefers the character offset for line:column, and makes Rollup columns 1-based', () => {
    const source = 'line one\n  two\n';
    assert.deepEqual(position({ level: 1, message: '', location: { line: 2, column: 2, start: 11 } }, source), {
      line: 2,
      column: 3,
    });
    assert.deepEqual(
      position({ level: 2, code: 1002, message: '', location: { line: 2, column: 2, start: 400 } }, source),
      {
        line: 2,
        column: 3,
      }
    );
    assert.deepEqual(position({ level: 0, message: '', location: { line: 2, column: 2 } }, source), {
      line: 2,
      column: 2,
    });
  });

  it('reads apiVersion from -meta.xml', () => {
    assert.equal(
      apiVersionOf('<LightningComponentBundle><apiVersion>65.0</apiVersion></LightningComponentBundle>'),
      65
    );
    assert.equal(apiVersionOf('<LightningComponentBundle/>'), undefined);
  });
});
