// @ts-check
/**
 * apex-syntax (jorje, Salesforce's own parser) reports planted syntax errors with file, line and
 * column, passes valid code, and refuses to pass when the parser is missing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, jorjeExecutable, missingTokenHint, previousCode } from '../apex-syntax.mjs';
import { formatFinding } from '../lib/common.mjs';

/** @typedef {import('../lib/common.mjs').Finding} Finding */

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const EMPTY = path.join(FIXTURES, 'apex-all', 'empty');
const CLEAN = path.join(FIXTURES, 'apex-all', 'clean');
const BROKEN = path.join(FIXTURES, 'apex-syntax', 'broken');

const broken = check(BROKEN);

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

test('realistic clean code parses (classes, trigger, switch on, insert as user/system, queryWithBinds)', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(
    findings.map((f) => formatFinding(f, CLEAN)),
    []
  );
  assert.match(summary, /^6 Apex files \(5 classes, 1 trigger\) parsed with jorje, 0 with syntax errors/);
});

test('missing semicolon before a statement: jorje position, and the line the ; belongs on', async () => {
  const [f, ...rest] = inFile((await broken).findings, 'MissingSemicolon.cls');
  assert.deepEqual(rest, []);
  assert.deepEqual([f.line, f.column, f.rule], [4, 9, 'apex-syntax']);
  assert.match(
    f.message,
    /^Unexpected token 'return' \(probably a missing ';' at the end of line 3, after column 31\)$/
  );
});

test("missing semicolon reported as Missing ';' at the next token", async () => {
  const [f, ...rest] = inFile((await broken).findings, 'MissingSemicolonBeforeExpression.cls');
  assert.deepEqual(rest, []);
  assert.deepEqual([f.line, f.column], [4, 9]);
  assert.match(f.message, /^Missing ';' at 'm' \(it belongs at the end of line 3, after column 25\)$/);
});

test('lexer error: unterminated string, with its line and column', async () => {
  const [f] = inFile((await broken).findings, 'UnclosedString.cls');
  assert.deepEqual([f.line, f.column], [3, 16]);
  assert.match(f.message, /Missing closing quote character ' on string/);
});

test('triggers are parsed too', async () => {
  const found = inFile((await broken).findings, 'BrokenTrigger.trigger');
  assert.ok(found.length >= 1);
  assert.ok(found.every((f) => f.line === 2 && f.rule === 'apex-syntax'));
});

test('a valid file next to broken ones has no findings; the summary counts broken files', async () => {
  const { findings, summary } = await broken;
  assert.deepEqual(inFile(findings, 'ValidNeighbour.cls'), []);
  assert.match(summary, /^5 Apex files \(4 classes, 1 trigger\) parsed with jorje, 4 with syntax errors$/);
});

test('a UTF-8 byte-order mark is reported, and the rest of the file is still parsed', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apex-syntax-'));
  try {
    const classes = path.join(dir, 'force-app', 'main', 'default', 'classes');
    mkdirSync(classes, { recursive: true });
    writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
    writeFileSync(path.join(classes, 'Bom.cls'), '\ufeffpublic with sharing class Bom {\n    Integer x = 1\n}\n');
    const { findings } = await check(dir);
    assert.deepEqual(
      findings.map((f) => [f.line, f.column]),
      [
        [1, 1],
        [3, 1],
      ]
    );
    assert.match(findings[0].message, /byte-order mark/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fails loudly, never passes, when there is no jorje build for the machine', async () => {
  const arch = Object.getOwnPropertyDescriptor(process, 'arch');
  assert.ok(arch);
  Object.defineProperty(process, 'arch', { ...arch, value: 'ia32' });
  try {
    assert.throws(() => jorjeExecutable(), /no build for \w+-ia32/);
    await assert.rejects(check(EMPTY), /native jorje parser/);
  } finally {
    Object.defineProperty(process, 'arch', arch);
  }
  assert.ok(jorjeExecutable());
});

test('hints: comments and strings between the gap and the next token are skipped', () => {
  const src = "Integer a = 'x;' // c;\n/* ; */\nreturn a;";
  assert.deepEqual(previousCode(src, 3, 1), { line: 1, column: 16, char: "'" });
  assert.match(missingTokenHint(src, { line: 3, column: 1, message: "Unexpected token 'return'." }), /end of line 1/);
  // after an operator or an opening brace the next line continues the expression: no hint
  assert.equal(missingTokenHint('a = b +\nc', { line: 2, column: 1, message: "Unexpected token 'c'." }), '');
  assert.equal(missingTokenHint('if (x) {\nreturn', { line: 2, column: 1, message: "Unexpected token 'return'." }), '');
});
