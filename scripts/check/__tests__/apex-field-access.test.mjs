// @ts-check
/**
 * apex-rules' field-access rules (lib/apex-field-access.mjs): trigger-field-read,
 * user-mode-field-write and org-picklist.
 *
 * fixtures/apex-rules/access/clean is a small project (a master-detail chain to Account, the
 * User permission set, a trigger with a handler and a guard class, a call service) that must pass
 * with zero findings; it also holds what must NOT be flagged (required, master-detail and system
 * fields, a justified system-mode query on API 65, a query behind an isAccessible() check, one in
 * a method whose caller catches QueryException, writes never saved, TaskSubtype 'Call', project
 * picklist values). Every other test copies it, plants one defect (shown inline) and asserts
 * exactly the findings that come out: rule, file, line and a message fragment.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../apex-rules.mjs';
import { formatFinding } from '../lib/common.mjs';

const CLEAN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'apex-rules', 'access', 'clean');
const SRC = 'force-app/main/default';
const PERMSET = `${SRC}/permissionsets/Relationship_Maps_User.permissionset-meta.xml`;
const GUARD = `${SRC}/classes/MapContactGuard.cls`;
const SERVICE = `${SRC}/classes/CallService.cls`;
const RULES = new Set(['trigger-field-read', 'user-mode-field-write', 'org-picklist']);

/** @type {string[]} */
const tempDirs = [];
after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Replaces `from` (which must occur) by `to`.
 * @param {string} from
 * @param {string} to
 */
const replace = (from, to) => (/** @type {string} */ text) => {
  assert.ok(text.includes(from), `fixture text not found, fix the test: ${from}`);
  return text.replace(from, to);
};

/**
 * The field permission of `field` in the permission set made read-only (or removed).
 * @param {string} field
 * @param {'read-only' | 'none'} to
 */
const fieldPermission = (field, to) => (/** @type {string} */ text) => {
  const re = new RegExp(
    `\\s*<fieldPermissions>\\s*<editable>\\w+</editable>\\s*<field>${field}</field>[\\s\\S]*?</fieldPermissions>`
  );
  assert.match(text, re, `no fieldPermissions for ${field}: fix the test`);
  return text.replace(re, (block) =>
    to === 'none' ? '' : block.replace('<editable>true</editable>', '<editable>false</editable>')
  );
};

/**
 * Runs apex-rules on a copy of the clean fixture with `edits` applied; returns the findings of the
 * field-access rules as "file:line rule message".
 * @param {Record<string, (text: string) => string>} edits
 */
async function findingsAfter(edits) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'apex-access-'));
  tempDirs.push(dir);
  cpSync(CLEAN, dir, { recursive: true });
  for (const [rel, edit] of Object.entries(edits)) {
    const file = path.join(dir, rel);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  const { findings } = await check(dir);
  const other = findings.filter((f) => !RULES.has(f.rule ?? ''));
  assert.deepEqual(
    other.map((f) => formatFinding(f, dir)),
    [],
    'the planted defect must not break the other rules'
  );
  return findings.map((f) => ({
    at: `${path.relative(dir, f.file).split(path.sep).join('/')}:${f.line} ${f.rule}`,
    message: f.message,
  }));
}

/**
 * @param {Array<{ at: string, message: string }>} got
 * @param {Array<[string, RegExp]>} expected at and message pattern, in order
 */
function assertFindings(got, expected) {
  assert.deepEqual(
    got.map((g) => g.at),
    expected.map(([at]) => at),
    got.map((g) => `${g.at} ${g.message}`).join('\n')
  );
  expected.forEach(([, re], i) => assert.match(got[i].message, re));
}

test('the clean project passes every rule, including the three field-access rules', async () => {
  const { findings, summary } = await check(CLEAN);
  assert.deepEqual(
    findings.map((f) => formatFinding(f, CLEAN)),
    []
  );
  assert.match(summary, /trigger-field-read, user-mode-field-write, org-picklist\b/);
});

// --------------------------------------------------------------------- trigger-field-read

test('trigger-field-read: a trigger query reads a field the User permission set does not grant', async () => {
  const got = await findingsAfter({ [PERMSET]: fieldPermission('Map_Contact__c.Key__c', 'none') });
  assertFindings(got, [
    [
      `${GUARD}:15 trigger-field-read`,
      /^trigger code \(MapContactTrigger → MapContactTriggerHandler → MapContactGuard\) reads Map_Contact__c\.Key__c with WITH USER_MODE, but Relationship_Maps_User does not grant read on it: .*unhandled QueryException.*Grant read in Relationship_Maps_User, read it in system mode/,
    ],
  ]);
});

test('trigger-field-read: a relationship path reads the field on the parent (SELECT and WHERE)', async () => {
  const got = await findingsAfter({ [PERMSET]: fieldPermission('Relationship_Map__c.Status__c', 'none') });
  assertFindings(got, [
    [`${GUARD}:15 trigger-field-read`, /reads Relationship_Map__c\.Status__c \(in Relationship_Map__r\.Status__c\)/],
  ]);
});

test('trigger-field-read: a catch that does not take QueryException does not handle it', async () => {
  const got = await findingsAfter({ [GUARD]: replace('catch (QueryException e)', 'catch (DmlException e)') });
  assertFindings(got, [[`${GUARD}:35 trigger-field-read`, /reads Contact\.Department with WITH USER_MODE/]]);
});

test('trigger-field-read: a query no longer behind its isAccessible() check', async () => {
  const got = await findingsAfter({
    [GUARD]: replace('if (Schema.SObjectType.Contact.fields.Title.isAccessible()) {', 'if (contactIds.size() > 0) {'),
  });
  assertFindings(got, [[`${GUARD}:25 trigger-field-read`, /reads Contact\.Title with WITH USER_MODE/]]);
});

test('trigger-field-read: from API 67 a query without a mode runs in user mode, comment or not', async () => {
  const got = await findingsAfter({
    [`${GUARD}-meta.xml`]: replace('<apiVersion>65.0</apiVersion>', '<apiVersion>67.0</apiVersion>'),
  });
  assertFindings(got, [
    [
      `${GUARD}:23 trigger-field-read`,
      /reads Map_Contact__c\.Private_Note__c with user mode \(the default from API 67; this class is on 67\)/,
    ],
  ]);
});

test('trigger-field-read: a standard field the FLS table does not classify is reported, not guessed', async () => {
  const got = await findingsAfter({
    [GUARD]: replace('SELECT Id, Name, Title FROM Contact', 'SELECT Id, Name, Title, Jigsaw FROM Contact'),
  });
  assertFindings(got, [
    [
      `${GUARD}:25 trigger-field-read`,
      /Contact\.Jigsaw \(Jigsaw\) is read in user mode in trigger code .*classify it in STANDARD_FLS/,
    ],
  ]);
});

test('trigger-field-read: only code a trigger reaches counts (the same read in a service passes)', async () => {
  const got = await findingsAfter({
    [SERVICE]: replace('SELECT Id, Subject FROM Task', 'SELECT Id, Subject, Type FROM Task'),
  });
  assertFindings(got, []);
});

// ------------------------------------------------------------------ user-mode-field-write

test('user-mode-field-write: new Task(Description = …) inserted as user without edit on Task.Description', async () => {
  const got = await findingsAfter({ [PERMSET]: fieldPermission('Task.Description', 'read-only') });
  // draft() builds a Task with Description too, but never saves it: no finding there
  assertFindings(got, [
    [
      `${SERVICE}:14 user-mode-field-write`,
      /^CallService\.logCall writes Task\.Description and saves it in user mode \(insert as user, line 20\), but Relationship_Maps_User does not let the user edit Task\.Description/,
    ],
  ]);
});

test('user-mode-field-write: record.Field = … then update as user, without edit on the field', async () => {
  const got = await findingsAfter({ [PERMSET]: fieldPermission('Map_Contact__c.Stance__c', 'read-only') });
  assertFindings(got, [
    [`${SERVICE}:40 user-mode-field-write`, /CallService\.record writes Map_Contact__c\.Stance__c/],
  ]);
});

test('user-mode-field-write: rows of a list saved by Database.update(…, AccessLevel.USER_MODE)', async () => {
  const got = await findingsAfter({ [PERMSET]: fieldPermission('Map_Contact__c.Notes__c', 'read-only') });
  assertFindings(got, [
    [
      `${SERVICE}:43 user-mode-field-write`,
      /writes Map_Contact__c\.Notes__c and saves it in user mode \(update as user, line 41; Database\.update in user mode, line 45\)/,
    ],
  ]);
});

test('user-mode-field-write: a standard field the FLS table does not classify', async () => {
  const got = await findingsAfter({
    [SERVICE]: replace("Subject = 'Call',\n", "Subject = 'Call',\n            RecurrenceInterval = 1,\n"),
  });
  assertFindings(got, [
    [`${SERVICE}:14 user-mode-field-write`, /Task\.RecurrenceInterval .*classify it in STANDARD_FLS/],
  ]);
});

// --------------------------------------------------------------------------- org-picklist

test("org-picklist: new Task(Status = 'Completed')", async () => {
  const got = await findingsAfter({
    [SERVICE]: replace('Status = TaskStatuses.defaultClosed()', "Status = 'Completed'"),
  });
  assertFindings(got, [
    [
      `${SERVICE}:16 org-picklist`,
      /^'Completed' assigned to Task\.Status, whose values each org defines.*TaskStatus.*IsClosed = true/,
    ],
  ]);
});

test("org-picklist: Type set through a constant, and t.Status == 'Completed'", async () => {
  const got = await findingsAfter({
    [SERVICE]: (t) =>
      replace(
        "TaskSubtype = 'Call',",
        "TaskSubtype = 'Call',\n            Type = CALL,"
      )(
        replace(
          'public with sharing class CallService {',
          "public with sharing class CallService {\n    private static final String CALL = 'Call';\n"
        )(t)
      ).replace('insert as user call;', "insert as user call;\n        Boolean done = call.Status == 'Completed';"),
  });
  assertFindings(got, [
    // Type takes field permissions the User permission set does not grant…
    [`${SERVICE}:18 user-mode-field-write`, /CallService\.logCall writes Task\.Type/],
    // …and its values are the org's
    [`${SERVICE}:18 org-picklist`, /^'Call' assigned to Task\.Type.*TaskSubtype/],
    [`${SERVICE}:24 org-picklist`, /^'Completed' compared with Task\.Status/],
  ]);
});

test("org-picklist: WHERE Status = 'Completed' in SOQL, and a bind to a constant", async () => {
  const got = await findingsAfter({
    [SERVICE]: (t) =>
      replace(
        'AND IsClosed = FALSE',
        "AND Status = 'Completed' AND Priority IN (:HIGH, 'Low')"
      )(
        replace(
          'public with sharing class CallService {',
          "public with sharing class CallService {\n    private static final String HIGH = 'High';\n"
        )(t)
      ),
  });
  assertFindings(got, [
    [`${SERVICE}:56 org-picklist`, /^'Completed' filters on Task\.Status/],
    [`${SERVICE}:56 org-picklist`, /^'High' filters on Task\.Priority.*TaskPriority/],
    [`${SERVICE}:56 org-picklist`, /^'Low' filters on Task\.Priority/],
  ]);
});

test('org-picklist: a `// org-picklist: <reason>` comment accepts a literal; an empty reason does not', async () => {
  /** @param {string} comment */
  const compare = (comment) =>
    replace(
      'insert as user call;',
      `insert as user call;\n        ${comment}\n        Boolean done = call.Status == 'Completed';`
    );
  const justified = await findingsAfter({
    [SERVICE]: compare('// org-picklist: a test fixture created in the same transaction'),
  });
  assertFindings(justified, []);
  const empty = await findingsAfter({ [SERVICE]: compare('// org-picklist:') });
  assertFindings(empty, [[`${SERVICE}:22 org-picklist`, /'Completed' compared with Task\.Status/]]);
});
