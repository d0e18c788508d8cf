// @ts-check
/**
 * apex-rules catches every planted defect, at the right file and line, and nothing else.
 *
 * fixtures/apex-rules/defects marks each planted defect with a trailing `// expect: <rule>[, <rule>]`
 * comment on the line the finding must point at; the marker test compares the whole set, so a
 * false positive fails as surely as a miss. The named tests below repeat the important cases so a
 * failure says what broke. fixtures/apex-all/clean is realistic code every Apex checker must pass.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, checkParsed, collectConstants } from '../apex-rules.mjs';
import { formatFinding } from '../lib/common.mjs';
import { parseApex } from '../lib/apex-parse.mjs';
import { apexFiles, relativePosix } from '../lib/apex-source.mjs';

/** @typedef {import('../lib/common.mjs').Finding} Finding */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const EMPTY = path.join(FIXTURES, 'apex-all', 'empty');
const CLEAN = path.join(FIXTURES, 'apex-all', 'clean');
const DEFECTS = path.join(FIXTURES, 'apex-rules', 'defects');
const BROKEN = path.join(FIXTURES, 'apex-syntax', 'broken');

/** Findings of the defects fixture, computed once. */
const defects = check(DEFECTS);

/**
 * `<file>:<line> <rule>` for every `// expect:` marker in a fixture project.
 * @param {string} projectDir
 * @returns {string[]}
 */
function expectedFromMarkers(projectDir) {
  /** @type {string[]} */
  const out = [];
  for (const file of apexFiles(projectDir)) {
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
function asKeys(findings, projectDir) {
  return findings.map((f) => `${relativePosix(projectDir, f.file)}:${f.line} ${f.rule}`).sort();
}

/**
 * The findings of `rule` in the file whose name ends with `fileName`.
 * @param {Finding[]} findings
 * @param {string} fileName e.g. "SoqlInForLoop.cls"
 * @param {string} rule
 */
function findingsIn(findings, fileName, rule) {
  return findings.filter((f) => f.file.endsWith(`/${fileName}`) && f.rule === rule);
}

/**
 * Runs the per-file rules on an in-memory class (no project needed).
 * @param {string} source
 * @param {'class' | 'trigger'} [kind]
 * @returns {Finding[]}
 */
function rulesOn(source, kind = 'class') {
  const parsed = parseApex(source, kind);
  assert.deepEqual(parsed.errors, [], 'test source must parse');
  return checkParsed('Inline.cls', parsed, collectConstants([parsed]));
}

test('a project without Apex passes and says "0 Apex files"', async () => {
  const { findings, summary } = await check(EMPTY);
  assert.deepEqual(findings, []);
  assert.match(summary, /^0 Apex files\b/);
});

test('realistic clean code passes every rule', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(
    findings.map((f) => formatFinding(f, CLEAN)),
    []
  );
  assert.match(summary, /^6 Apex files \(5 classes, 1 trigger\)/);
});

test('every planted defect is reported at its marked line, and nothing else', async () => {
  const { findings } = await defects;
  const expected = expectedFromMarkers(DEFECTS);
  assert.ok(expected.length >= 30, `markers found: ${expected.length}`);
  assert.deepEqual(asKeys(findings, DEFECTS), expected);
  for (const f of findings) {
    assert.ok(f.column && f.column >= 1, `column for ${formatFinding(f, DEFECTS)}`);
    assert.ok(f.message.length > 30, `a message a developer can act on: ${f.message}`);
  }
});

test('soql-dml-in-loop: SOQL in a for loop, and in the body of a SOQL for loop', async () => {
  const found = findingsIn((await defects).findings, 'SoqlInForLoop.cls', 'soql-dml-in-loop');
  // 5: body of a for-each; 14: body of a SOQL for loop; 21: a SOQL for loop nested in a loop;
  // 29: Database.getQueryLocator([SELECT …]) in a loop (reported once, as the SOQL); 34: loop condition
  assert.deepEqual(
    found.map((f) => f.line),
    [5, 14, 21, 29, 34]
  );
  assert.match(found[0].message, /^SOQL query inside a for loop \(line 4\)/);
  // line 13 is `for (Map_Contact__c row : [SELECT …])`: the iterable runs once, no finding there
  assert.ok(!found.some((f) => f.line === 13));
});

test('soql-dml-in-loop: update in a while loop, EventBus.publish in a do-while loop', async () => {
  const found = findingsIn((await defects).findings, 'UpdateInWhileLoop.cls', 'soql-dml-in-loop');
  assert.deepEqual(
    found.map((f) => [f.line, f.message.split(':')[0]]),
    [
      [6, "DML statement 'update' inside a while loop (line 4)"],
      [14, 'EventBus.publish inside a do-while loop (line 13)'],
    ]
  );
});

test('soql-dml-in-loop: Database.insert in a nested loop, inside if and try', async () => {
  const found = findingsIn((await defects).findings, 'DatabaseInsertNestedLoop.cls', 'soql-dml-in-loop');
  assert.equal(found.length, 1);
  assert.equal(found[0].line, 7);
  assert.match(found[0].message, /^Database\.insert inside a for loop \(line 4\)/);
});

test('user-mode: SOQL without WITH USER_MODE, SYSTEM_MODE, SECURITY_ENFORCED, SOSL, Database.query', async () => {
  const found = findingsIn((await defects).findings, 'SoqlWithoutUserMode.cls', 'user-mode');
  assert.deepEqual(
    found.map((f) => f.line),
    [3, 7, 11, 15, 19, 23, 33]
  );
  assert.match(found[0].message, /SOQL query without WITH USER_MODE/);
  assert.match(found[2].message, /SECURITY_ENFORCED is not allowed from API 67/);
  assert.match(found[4].message, /Database\.query without AccessLevel\.USER_MODE/);
  // line 28: justified by the `// system-mode: <reason>` comment directly above
  assert.ok(!found.some((f) => f.line === 28));
});

test('user-mode: DML without `as user`, Database DML without AccessLevel.USER_MODE, `as system`', async () => {
  const found = findingsIn((await defects).findings, 'DmlWithoutAsUser.cls', 'user-mode');
  assert.deepEqual(
    found.map((f) => f.line),
    [3, 4, 5, 6]
  );
  assert.match(found[0].message, /DML statement 'insert' without 'as user'/);
  assert.match(found[3].message, /runs 'as system'/);
});

test('user-mode and sharing: a `// system-mode:` comment with an empty reason still fails', async () => {
  const { findings } = await defects;
  const dml = findingsIn(findings, 'EmptySystemModeReason.cls', 'user-mode');
  assert.equal(dml.length, 1);
  assert.equal(dml[0].line, 5);
  assert.match(dml[0].message, /comment on line 4 gives no reason/);
  const sharing = findingsIn(findings, 'EmptySystemModeReason.cls', 'sharing');
  assert.equal(sharing.length, 1);
  assert.match(sharing[0].message, /comment on line 1 gives no reason/);
});

test('user-mode: @IsTest classes are exempt, but not from SECURITY_ENFORCED or the loop rule', async () => {
  const { findings } = await defects;
  assert.deepEqual(
    findings.filter((f) => f.file.endsWith('/SystemModeInTest.cls')).map((f) => `${f.line} ${f.rule}`),
    ['8 user-mode', '11 soql-dml-in-loop']
  );
});

test('sharing: unjustified `without sharing`, no sharing keyword, inner class with SOQL', async () => {
  const { findings } = await defects;
  const without = findingsIn(findings, 'UnjustifiedWithoutSharing.cls', 'sharing');
  assert.deepEqual(
    without.map((f) => [f.line, f.column]),
    [[4, 30]]
  );
  assert.match(without[0].message, /is 'without sharing'/);
  const none = findingsIn(findings, 'NoSharingKeyword.cls', 'sharing');
  assert.deepEqual(
    none.map((f) => f.line),
    [1, 7]
  );
  assert.match(none[0].message, /Class NoSharingKeyword declares no sharing mode/);
  assert.match(none[1].message, /Inner class Reader runs SOQL\/DML/);
  // the justified `without sharing` inner class and its `as system` delete pass
  assert.deepEqual(
    findings.filter((f) => f.file.endsWith('/JustifiedInner.cls')),
    []
  );
});

test('dynamic-soql: concatenation, String.format, shadowed or non-final "constants"', async () => {
  const found = findingsIn((await defects).findings, 'ConcatenatedQuery.cls', 'dynamic-soql');
  assert.deepEqual(
    found.map((f) => f.line),
    [6, 11, 15, 20, 24, 28, 32, 49]
  );
  assert.match(
    found[0].message,
    /^Database\.query gets a query built at run time \('SELECT Id FROM Account WHERE Name/
  );
  // a static final String whose initialiser adds a computed value is no constant (line 49,
  // Database.countQueryWithBinds)
  assert.match(found[7].message, /^Database\.countQueryWithBinds gets a query built at run time \(BUILT\)/);
  // fine() (lines 35-41): literals, a constant, a constant + literal, another class's constant,
  // queryWithBinds with a literal: no findings
  assert.ok(found.every((f) => (f.line ?? 0) <= 32 || (f.line ?? 0) > 41));
});

test('one-line-trigger: two statements, or a statement that is not a call', async () => {
  const { findings } = await defects;
  const two = findingsIn(findings, 'TwoStatements.trigger', 'one-line-trigger');
  assert.deepEqual(
    two.map((f) => f.line),
    [3]
  );
  assert.match(two[0].message, /has 2 statements/);
  assert.equal(findingsIn(findings, 'NotACall.trigger', 'one-line-trigger')[0]?.line, 2);
});

test('one-trigger-per-object: two triggers on Account (spelled Account and ACCOUNT)', async () => {
  const { findings } = await defects;
  const found = findings.filter((f) => f.rule === 'one-trigger-per-object');
  assert.deepEqual(
    found.map((f) => path.basename(f.file)),
    ['AccountOne.trigger', 'AccountTwo.trigger']
  );
  assert.match(found[0].message, /Account has 2 triggers; this one and AccountTwo/);
});

test('case-insensitive variants are caught: FOR, WHILE, INSERT As User, System.DATABASE.Insert, DataBase.Query', async () => {
  const { findings } = await defects;
  assert.deepEqual(
    findings.filter((f) => f.file.endsWith('/CaseInsensitive.cls')).map((f) => `${f.line} ${f.rule}`),
    [
      '1 sharing',
      '4 soql-dml-in-loop',
      '5 soql-dml-in-loop',
      '6 soql-dml-in-loop',
      '10 soql-dml-in-loop',
      '10 user-mode',
      '12 user-mode',
      '13 dynamic-soql',
    ]
  );
});

test('keywords in comments and string literals are not code', () => {
  const findings = rulesOn(`public with sharing class Quiet {
    // for (Account a : as) { insert a; [SELECT Id FROM Account]; }
    /* while (true) { update x; Database.query(q); } */
    public String text() {
        for (Integer i = 0; i < 3; i++) {
            String s = 'insert x; [SELECT Id FROM Account]; Database.delete(y);'; // not-a-sentence: code as text
        }
        return 'WITHOUT SHARING';
    }
}`);
  assert.deepEqual(findings, []);
});

test('system-mode comments: same line counts; blank line, block comment or punctuation-only reason do not', () => {
  const src = (/** @type {string} */ body) =>
    `public with sharing class J {\n    void m(List<Account> rows) {\n${body}\n    }\n}`;
  assert.deepEqual(rulesOn(src('        insert rows; // system-mode: import runs for all owners')), []);
  assert.deepEqual(
    rulesOn(src('        // system-mode: a reason\n        // that continues here\n        insert rows;')),
    []
  );
  const blank = rulesOn(src('        // system-mode: a reason\n\n        insert rows;'));
  assert.deepEqual(
    blank.map((f) => f.rule),
    ['user-mode']
  );
  const block = rulesOn(src('        /* system-mode: a reason */\n        insert rows;'));
  assert.deepEqual(
    block.map((f) => f.rule),
    ['user-mode']
  );
  const dots = rulesOn(src('        insert rows; // system-mode: ...'));
  assert.match(dots[0]?.message ?? '', /gives no reason/);
  const sameLineEmpty = rulesOn(src('        insert rows; // System-Mode:'));
  assert.match(sameLineEmpty[0]?.message ?? '', /comment on line 3 gives no reason/);
});

test('SOQL and DML in a multi-line statement: the comment may sit above the statement', () => {
  const findings = rulesOn(`public with sharing class M {
    List<Account> m() {
        // system-mode: the health check counts every account
        List<Account> rows =
            [SELECT Id FROM Account WITH SYSTEM_MODE];
        return rows;
    }
}`);
  assert.deepEqual(findings, []);
});

test('a file apex-parser cannot parse is a finding, never silently skipped', async () => {
  const { findings } = await check(BROKEN);
  const parse = findings.filter((f) => f.rule === 'apex-rules-parse');
  assert.deepEqual(parse.map((f) => path.basename(f.file)).sort(), [
    'BrokenTrigger.trigger',
    'MissingSemicolon.cls',
    'MissingSemicolonBeforeExpression.cls',
    'UnclosedString.cls',
  ]);
  assert.match(parse[0].message, /project rules did not run on it/);
});

test('sharing: interfaces and enums have none to declare; exception classes do', () => {
  assert.deepEqual(rulesOn('public interface MapSource { List<Id> ids(); }'), []);
  assert.deepEqual(rulesOn('public enum Side { CUSTOMER, OUR_COMPANY, PARTNER }'), []);
  assert.deepEqual(
    rulesOn('public class MapException extends Exception {}').map((f) => f.rule),
    ['sharing']
  );
});

/**
 * sentence-label findings of an in-memory class whose `run` method has `body`.
 * @param {string} body
 * @param {string} [annotation] e.g. "@IsTest"
 */
const sentencesIn = (body, annotation = '') =>
  rulesOn(
    `${annotation}\npublic with sharing class Words {\n    public class MapException extends Exception {\n    }\n    void run(Account a, Id mapId) {\n${body}\n    }\n}`
  )
    .filter((f) => f.rule === 'sentence-label')
    .map((f) => f.line);

test('sentence-label: a literal sentence in an exception fails, at its line', async () => {
  assert.deepEqual(sentencesIn("        throw new MapException('Choose a relationship map first.');"), [6]);
  // Two words and sentence punctuation count; a fragment glued to a value counts too.
  assert.deepEqual(sentencesIn("        a.Name.addError('Name missing.');"), [6]);
  assert.deepEqual(sentencesIn("        a.addError(a.Name + ' is already on this map');"), [6]);
  assert.deepEqual(
    (await defects).findings
      .filter((f) => f.rule === 'sentence-label')
      .map((f) => `${path.basename(f.file)}:${f.line}`),
    ['SentenceLiterals.cls:9', 'SentenceLiterals.cls:20', 'SentenceLiterals.cls:21', 'SentenceLiterals.cls:32']
  );
});

test('sentence-label: the same sentence through System.Label passes', () => {
  assert.deepEqual(sentencesIn('        throw new MapException(System.Label.RM_Choose_Map_First);'), []);
  assert.deepEqual(
    sentencesIn('        a.addError(Sentences.format(System.Label.RM_Person_Already_On_Map, a.Name));'),
    []
  );
  // Words that are not a sentence: two words, picklist values, lists of names, separators.
  assert.deepEqual(sentencesIn("        String s = 'Goal Impact' + ', ' + 'Id, Name, Stance__c' + ' → ';"), []);
});

test('sentence-label: `// not-a-sentence: <reason>` on the line or directly above passes; without a reason it does not', () => {
  assert.deepEqual(
    sentencesIn("        String p = '^(\\\\w+) changed this person$'; // not-a-sentence: a pattern, nobody reads it"),
    []
  );
  assert.deepEqual(
    sentencesIn(
      "        // not-a-sentence: a log key\n        // (kept in English)\n        String k = 'map load took too long';"
    ),
    []
  );
  assert.deepEqual(sentencesIn("        // not-a-sentence:\n        String k = 'map load took too long';"), [7]);
  assert.deepEqual(
    sentencesIn(
      "        // not-a-sentence: a log key\n        String k = 'x';\n        String m = 'map load took too long';"
    ),
    [8]
  );
});

test('sentence-label: test classes are exempt', async () => {
  assert.deepEqual(
    sentencesIn(
      "        Assert.areEqual('Choose a relationship map first.', a.Name, 'the rep reads what to do');",
      '@IsTest'
    ),
    []
  );
  assert.deepEqual(
    (await defects).findings.filter((f) => f.rule === 'sentence-label' && f.file.endsWith('SentenceLiteralsTest.cls')),
    []
  );
});

test('sentence-label: SOQL text is a query, not a sentence', () => {
  assert.deepEqual(
    sentencesIn(
      "        List<Account> rows = [SELECT Id FROM Account WHERE Name = 'Big Deal Account Inc.' WITH USER_MODE];"
    ),
    []
  );
  assert.deepEqual(
    sentencesIn(
      "        String q = 'SELECT Id, Name FROM Account' +\n            ' WHERE Name LIKE :pattern' +\n            ' ORDER BY Name LIMIT 10';"
    ),
    []
  );
  // A chain that does not start with SELECT is not a query.
  assert.deepEqual(sentencesIn("        String q = a.Name + ' WHERE the name is too long';"), [6]);
});
