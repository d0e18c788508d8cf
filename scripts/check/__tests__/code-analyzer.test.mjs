// @ts-check
/**
 * node --test scripts/check/__tests__/code-analyzer.test.mjs
 *
 * Runs the real engines (PMD and Graph Engine need Java) on tiny SFDX projects
 * under fixtures/code-analyzer/. Graph Engine is slow (~10 s even on 4
 * classes), so only the graph-fls fixture runs it; the others pass
 * `graphEngine: false`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, ENGINE_ERROR_RULE, kindOf } from '../code-analyzer.mjs';
import { REPO_ROOT } from '../lib/common.mjs';
import { graphEngineTargets, stripCommentsAndStrings } from '../lib/code-analyzer-apex.mjs';
import { parseEngineErrorMessage } from '../lib/code-analyzer-run.mjs';

// Every CodeAnalyzer instance adds a process 'exit' listener (to remove its temp
// folder); this file creates one per check.
process.setMaxListeners(40);

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'code-analyzer');
const OUT = path.join(REPO_ROOT, '.test-output', 'code-analyzer-tests');

/** @param {string} name */
const fixture = (name) => path.join(FIXTURES, name);
/** @param {string} name @param {string} cls */
const classFile = (name, cls) => path.join(fixture(name), 'force-app', 'main', 'default', 'classes', `${cls}.cls`);

/**
 * @param {string} name fixture
 * @param {import('../code-analyzer.mjs').CheckOptions} [options]
 */
async function run(name, options = {}) {
  const outDir = path.join(OUT, name);
  const started = Date.now();
  const result = await check(fixture(name), { outDir, graphEngine: false, ...options });
  const report = JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8'));
  return { ...result, report, outDir, ms: Date.now() - started };
}

/** @param {import('../lib/common.mjs').Finding[]} findings */
const rules = (findings) => findings.map((f) => `${f.rule} ${path.basename(f.file)}:${f.line}`).sort();

describe('code-analyzer check', () => {
  it('passes the clean fixture: with sharing + WITH USER_MODE + insert as user', async () => {
    const { findings, summary, report, outDir } = await run('clean');
    assert.deepEqual(findings, []);
    assert.match(summary, /^4 Apex files/);
    assert.match(summary, /PMD \+ regex: \d+ pmd \+ \d+ regex rules/);
    assert.equal(report.violationCounts.sev1 + report.violationCounts.sev2, 0);
    const sarif = JSON.parse(readFileSync(path.join(outDir, 'report.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
  });

  it('reports SOQL injection from an @AuraEnabled parameter (pmd:ApexSOQLInjection)', async () => {
    const { findings } = await run('soql-injection');
    assert.deepEqual(rules(findings), ['pmd:ApexSOQLInjection AccountSearchController.cls:6']);
    assert.equal(findings[0].file, classFile('soql-injection', 'AccountSearchController'));
    assert.equal(typeof findings[0].column, 'number');
  });

  it('reports a class without a sharing declaration doing SOQL (pmd:ApexSharingViolations, raised to 2)', async () => {
    const { findings, report } = await run('missing-sharing');
    assert.deepEqual(rules(findings), ['pmd:ApexSharingViolations ContactDirectory.cls:2']);
    const v = report.violations.find((/** @type {{rule: string}} */ x) => x.rule === 'ApexSharingViolations');
    assert.equal(v.severity, 2, 'the severity override in code-analyzer-config.mjs applies');
  });

  it('reports a system-mode query without CRUD/FLS checks (pmd:ApexCRUDViolation)', async () => {
    const { findings } = await run('crud-violation');
    assert.deepEqual(rules(findings), ['pmd:ApexCRUDViolation OpportunityReader.cls:4']);
  });

  it('fails on an Apex file PMD cannot parse (processing error -> engine-error finding)', async () => {
    const { findings } = await run('parse-error');
    assert.equal(findings.length, 1, JSON.stringify(findings));
    assert.equal(findings[0].rule, ENGINE_ERROR_RULE);
    assert.equal(findings[0].file, classFile('parse-error', 'BrokenClass'));
    assert.equal(findings[0].line, 3);
    assert.equal(findings[0].column, 47);
    assert.match(findings[0].message, /cannot parse/);
  });

  it('passes a project with 0 Apex files and still runs PMD/regex on its LWC', async () => {
    const { findings, summary } = await run('no-apex');
    assert.deepEqual(findings, []);
    assert.match(summary, /^0 Apex files, 2 LWC\/Aura, 0 Visualforce, 1 metadata XML/);
    assert.match(summary, /Graph Engine skipped: 0 Apex files/);
    assert.match(summary, /PMD \+ regex: \d+ pmd/);
  });

  it('passes an empty project and says "0 Apex files"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'code-analyzer-empty-'));
    try {
      mkdirSync(path.join(dir, 'force-app'));
      writeFileSync(
        path.join(dir, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app' }] })
      );
      const { findings, summary } = await check(dir, { outDir: path.join(OUT, 'empty') });
      assert.deepEqual(findings, []);
      assert.match(summary, /0 Apex files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists NOPMD suppression markers, which PMD honours and the core cannot disable', async () => {
    const { findings, summary, report } = await run('suppressed');
    assert.deepEqual(findings, []);
    assert.match(summary, /1 suppression marker/);
    assert.equal(report.suppressionMarkers.length, 1);
    assert.equal(report.suppressionMarkers[0].line, 5);
  });

  it('Graph Engine: reports ApexFlsViolation on @AuraEnabled DML in system mode, nothing on user-mode code', async (t) => {
    const { findings, summary, ms } = await run('graph-fls', { graphEngine: true });
    t.diagnostic(`graph-fls (PMD + regex + Graph Engine) took ${(ms / 1000).toFixed(1)} s`);
    assert.match(summary, /Graph Engine on 4 of 4 Apex files/);
    assert.deepEqual(rules(findings), [
      'pmd:ApexCRUDViolation OpportunityController.cls:6',
      'sfge:ApexFlsViolation OpportunityController.cls:6',
    ]);
    const fls = findings.find((f) => f.rule === 'sfge:ApexFlsViolation');
    assert.match(fls?.message ?? '', /FLS validation is missing for \[INSERT\] operation on \[Opportunity\]/);
  });

  it('Graph Engine: stops at the time limit and fails with an engine error', async (t) => {
    const { findings, ms } = await run('graph-fls', { graphEngine: true, graphEngineTimeoutMs: 1500 });
    t.diagnostic(`timed-out run took ${(ms / 1000).toFixed(1)} s`);
    const errors = findings.filter((f) => f.rule === ENGINE_ERROR_RULE);
    assert.equal(errors.length, 1, JSON.stringify(findings));
    assert.match(errors[0].message, /did not finish within 1.5 s/);
  });
});

describe('code-analyzer helpers', () => {
  it('targets data-touching Apex and entry points for Graph Engine, never tests', () => {
    const classes = ['AccountController', 'AccountControllerTest', 'AccountSelector', 'AccountService'].map((c) =>
      classFile('clean', c)
    );
    const { dataFiles, targets } = graphEngineTargets(classes);
    assert.deepEqual(
      dataFiles.map((f) => path.basename(f)),
      ['AccountSelector.cls', 'AccountService.cls']
    );
    assert.deepEqual(
      targets.map((f) => path.basename(f)),
      ['AccountController.cls', 'AccountSelector.cls', 'AccountService.cls']
    );
    assert.deepEqual(graphEngineTargets([classFile('parse-error', 'ValidHelper')]).targets, []);
  });

  it('ignores SOQL and DML inside comments and strings', () => {
    const code = stripCommentsAndStrings("// [SELECT Id FROM Account]\nString s = 'insert x;'; /* delete y; */\n");
    assert.doesNotMatch(code, /SELECT|insert|delete/);
    assert.equal(code.split('\n').length, 3);
  });

  it('parses PMD and Graph Engine error events into file:line:col', () => {
    const pmd = parseEngineErrorMessage(
      'pmd',
      "PMD issued a processing error for file '/p/A.cls':\n    ParseException: x\n    Syntax error at 3:46: missing ')' at '{'\n"
    );
    assert.deepEqual(pmd, {
      engine: 'pmd',
      file: '/p/A.cls',
      line: 3,
      column: 47,
      message: "pmd cannot parse this file: missing ')' at '{'",
    });
    const sfge = parseEngineErrorMessage(
      'sfge',
      'Internal execution error while scanning entry point: /p/B.cls:6:33: Path evaluation timed out after 1 ms'
    );
    assert.equal(sfge.file, '/p/B.cls');
    assert.equal(sfge.line, 6);
    assert.match(sfge.message, /timed out/);
    const crash = parseEngineErrorMessage(
      'pmd',
      'PMD issued a processing error for file \'/p/c.js\':\n    NullPointerException: Cannot invoke "x" because "this.varName" is null'
    );
    assert.equal(crash.file, '/p/c.js');
    assert.equal(
      crash.message,
      'pmd could not process this file: NullPointerException: Cannot invoke "x" because "this.varName" is null'
    );
    assert.deepEqual(parseEngineErrorMessage('core', 'boom'), { engine: 'core', message: 'boom' });
  });

  it('analyses Apex, Visualforce, LWC/Aura and metadata, not Jest tests or static resources', () => {
    assert.equal(kindOf('force-app/main/default/classes/A.cls'), 'apex');
    assert.equal(kindOf('force-app/main/default/triggers/T.trigger'), 'apex');
    assert.equal(kindOf('force-app/main/default/pages/P.page'), 'visualforce');
    assert.equal(kindOf('force-app/main/default/lwc/c/c.ts'), 'component');
    assert.equal(kindOf('force-app/main/default/lwc/c/c.html'), 'component');
    assert.equal(kindOf('force-app/main/default/lwc/c/__tests__/c.test.js'), null);
    assert.equal(kindOf('force-app/main/default/lwc/c/c.d.ts'), null);
    assert.equal(kindOf('force-app/main/default/staticresources/d3/d3.js'), null);
    assert.equal(kindOf('force-app/main/default/staticresources/d3.resource-meta.xml'), 'metadata');
    assert.equal(kindOf('force-app/main/default/objects/A__c/A__c.object-meta.xml'), 'metadata');
  });
});
