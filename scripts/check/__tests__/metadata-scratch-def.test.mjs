// @ts-check
/**
 * Tests for the metadata stage's scratch-def rule (lib/metadata-scratch-def.mjs):
 * every key under `settings` of a scratch definition is the lower-camel name
 * of a Metadata API settings type, and its object matches that type.
 *
 * Each case copies the project's own config/project-scratch-def.json into a
 * temporary project, plants one defect and runs the whole metadata stage on
 * it (the clean metadata fixture as the package directory), asserting exactly
 * the expected findings. The project's file itself must pass.
 *
 * Run: node --test scripts/check/__tests__/metadata-scratch-def.test.mjs
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check } from '../metadata.mjs';
import { REPO_ROOT } from '../lib/common.mjs';
import { SchemaValidator, metadataSchema } from '../lib/metadata-schema.mjs';
import { scratchDefFiles, scratchDefFindings } from '../lib/metadata-scratch-def.mjs';

const CLEAN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'metadata', 'clean');
const DEF = 'config/project-scratch-def.json';
const TODAY = readFileSync(path.join(REPO_ROOT, DEF), 'utf8');

/** @type {string[]} */
const tempDirs = [];
after(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/**
 * The clean metadata fixture plus files (path relative to the project → text).
 * @param {Record<string, string>} files
 */
function project(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scratch-def-check-'));
  tempDirs.push(dir);
  cpSync(CLEAN, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/**
 * Today's scratch definition with `from` replaced by `to` (which must change it).
 * @param {string} from
 * @param {string} to
 */
function planted(from, to) {
  const text = TODAY.replace(from, to);
  assert.notEqual(text, TODAY, `'${from}' is not in ${DEF}: fix the test`);
  return text;
}

/**
 * Runs the metadata stage and asserts its findings are exactly `expected`
 * (file relative to the project, line, message pattern), all of rule scratch-def.
 * @param {Record<string, string>} files
 * @param {Array<{ file: string, line?: number, message: RegExp }>} expected
 */
async function expectFindings(files, expected) {
  const dir = project(files);
  const { findings, summary } = await check(dir);
  const got = findings.map((f) => ({
    rule: f.rule,
    file: path.relative(dir, f.file).split(path.sep).join('/'),
    line: f.line,
    message: f.message,
  }));
  const show = got.map((g) => `  [${g.rule}] ${g.file}:${g.line ?? ''} ${g.message}`).join('\n');
  assert.equal(got.length, expected.length, `expected ${expected.length} finding(s), got:\n${show}`);
  for (const e of expected) {
    const hit = got.find(
      (g) =>
        g.rule === 'scratch-def' && g.file === e.file && e.message.test(g.message) && (!e.line || g.line === e.line)
    );
    assert.ok(hit, `expected a scratch-def finding in ${e.file} matching ${e.message}; got:\n${show}`);
  }
  assert.match(summary, new RegExp(`, ${expected.length} scratch-definition problem\\(s\\)$`));
}

/** Line (1-based) of the first occurrence of `needle` in `text`. */
const lineOf = (/** @type {string} */ text, /** @type {string} */ needle) =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

test("today's config/project-scratch-def.json passes, and is the file CI creates its scratch org from", async () => {
  const validator = new SchemaValidator(await metadataSchema());
  assert.deepEqual(scratchDefFindings(REPO_ROOT, validator), []);
  assert.ok(
    scratchDefFiles(REPO_ROOT).some((f) => f.file === path.join(REPO_ROOT, DEF)),
    `${DEF} is among the checked scratch definitions`
  );
  const { findings, summary } = await check(project({ [DEF]: TODAY }));
  assert.deepEqual(findings, []);
  assert.match(summary, /, scratch definitions valid$/);
});

test('the old activitySettings key: not a settings type, ActivitiesSettings suggested', async () => {
  const text = planted('"activitiesSettings"', '"activitySettings"');
  await expectFindings({ [DEF]: text }, [
    {
      file: DEF,
      line: lineOf(text, '"activitySettings"'),
      message: /^activitySettings is not a Metadata API settings type \(did you mean activitiesSettings\?\)/,
    },
  ]);
});

test('a settings type written in upper camel case', async () => {
  await expectFindings({ [DEF]: planted('"activitiesSettings"', '"ActivitiesSettings"') }, [
    { file: DEF, message: /lower-camel name of the settings type; write activitiesSettings/ },
  ]);
});

test('an unknown field inside a valid settings type, nearest field suggested', async () => {
  const text = planted('"enableActivityReminders"', '"enableActivityReminder"');
  await expectFindings({ [DEF]: text }, [
    {
      file: DEF,
      line: lineOf(text, '"enableActivityReminder"'),
      message:
        /^settings\.activitiesSettings\.enableActivityReminder: ActivitiesSettings has no field enableActivityReminder \(did you mean enableActivityReminders\?\)$/,
    },
  ]);
});

test('wrong value types: text and a number where the type wants a boolean, a scalar for a whole type', async () => {
  await expectFindings(
    {
      [DEF]: planted('"enableAccountTeams": true', '"enableAccountTeams": "yes"')
        .replace('"permsetsInFieldCreation": false', '"permsetsInFieldCreation": 0')
        .replace(/"mobileSettings": \{[^}]*\}/, '"mobileSettings": true'),
    },
    [
      {
        file: DEF,
        message: /^settings\.accountSettings\.enableAccountTeams must be true or false, found the text 'yes'$/,
      },
      {
        file: DEF,
        message: /^settings\.userManagementSettings\.permsetsInFieldCreation must be true or false, found number 0$/,
      },
      {
        file: DEF,
        message: /^settings\.mobileSettings must be an object of MobileSettings fields, found boolean true$/,
      },
    ]
  );
});

test('a Settings type SDR deploys as a type of its own is not a scratch settings key', async () => {
  await expectFindings({ [DEF]: planted('"mobileSettings"', '"extlClntAppOauthSettings"') }, [
    { file: DEF, message: /^extlClntAppOauthSettings is not a Metadata API settings type/ },
  ]);
});

test("sfdx-project's definitionFile and CI's --definition-file are checked, and must exist", async () => {
  const sfdxProject = JSON.parse(readFileSync(path.join(CLEAN, 'sfdx-project.json'), 'utf8'));
  sfdxProject.packageDirectories[0].definitionFile = 'config/package-def.json';
  await expectFindings(
    {
      'sfdx-project.json': JSON.stringify(sfdxProject),
      'config/package-def.json': planted('"activitiesSettings"', '"activitySettings"'),
      '.github/workflows/ci.yml': 'steps:\n  - run: sf org create scratch --definition-file config/ci-def.json\n',
    },
    [
      { file: 'config/package-def.json', message: /^activitySettings is not a Metadata API settings type/ },
      {
        file: '.github/workflows/ci.yml',
        message: /names the scratch definition config\/ci-def\.json, which does not exist/,
      },
    ]
  );
});
