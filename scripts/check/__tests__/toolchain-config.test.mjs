// @ts-check
/**
 * node --test scripts/check/__tests__/toolchain-config.test.mjs
 *
 * The build, typecheck, lint and format stages run tsc, ESLint and Prettier with OUR configs.
 * These tests plant defects and prove the configs catch them, with the project's real files:
 *
 * - ESLint and tsc: the fixture components (fixtures/toolchain/components/) are copied into a
 *   temporary folder laid out like the project, next to verbatim copies of the project's
 *   eslint.config.mjs, tsconfig.json, config/tsconfig.tests.json and config/types/, made when the
 *   test runs (node_modules is a link to the project's). The copies are needed because the real
 *   eslint.config.mjs ignores the fixtures folder and points typescript-eslint at
 *   config/tsconfig.tests.json relative to its own folder, which only includes force-app/. The
 *   only change is tsconfig.json's `paths`, filled in for the fixture components the way a
 *   developer adds a component (compile-lwc.mjs's pathProblems must then find nothing).
 * - Prettier: the real .prettierrc.json, resolved for the fixture files by Prettier's API (the CLI
 *   would skip them: .prettierignore lists the fixtures).
 *
 * Runtime: ~10 s, mostly typescript-eslint building its program and loading the LWC compiler.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import ts from 'typescript';
import { pathProblems, typeScriptComponents } from '../../build/compile-lwc.mjs';
import { REPO_ROOT } from '../lib/common.mjs';
import { check } from '../lwc-compiler.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'toolchain');
/** Project files the stages read, copied verbatim into the temporary project. */
const REAL_CONFIG_FILES = ['eslint.config.mjs', 'tsconfig.json', 'config/tsconfig.tests.json', 'config/types'];

/** @type {string[]} */
const temps = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A temporary SFDX project: the fixture's files, the real config files, node_modules linked.
 * tsconfig.json gets one `paths` entry per fixture component.
 * @param {string} fixtureName folder under fixtures/toolchain/
 */
function layOutProject(fixtureName) {
  const dir = mkdtempSync(path.join(tmpdir(), `toolchain-${fixtureName}-`));
  temps.push(dir);
  cpSync(path.join(FIXTURES, fixtureName), dir, { recursive: true });
  for (const file of REAL_CONFIG_FILES) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const { config, error } = ts.readConfigFile(path.join(dir, 'tsconfig.json'), ts.sys.readFile);
  assert.equal(error, undefined);
  config.compilerOptions.paths = Object.fromEntries(
    [...typeScriptComponents(dir)].map(([name, file]) => [`c/${name}`, [file]])
  );
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** `force-app/main/default/lwc/<name>/<name>.<ext>` in `dir`. */
const component = (/** @type {string} */ dir, /** @type {string} */ name, ext = 'ts') =>
  path.join(dir, 'force-app', 'main', 'default', 'lwc', name, `${name}.${ext}`);

describe('toolchain configs catch planted defects', { concurrency: 1 }, () => {
  /** @type {string} */
  let project;
  before(() => {
    project = layOutProject('components');
  });

  it('the temporary project is laid out as compile-lwc.mjs expects (paths complete, no wildcard)', () => {
    assert.deepEqual(pathProblems(project), []);
  });

  describe('ESLint with eslint.config.mjs', () => {
    /** @type {Map<string, import('eslint').Linter.LintMessage[]>} */
    const messages = new Map();
    before(async () => {
      const eslint = new ESLint({ cwd: project, overrideConfigFile: path.join(project, 'eslint.config.mjs') });
      const files = ['innerHtml', 'floatingPromise', 'contactTile'].map((n) => component(project, n));
      for (const result of await eslint.lintFiles(files)) {
        messages.set(path.basename(result.filePath, '.ts'), result.messages);
      }
    });
    const rulesOf = (/** @type {string} */ name) =>
      (messages.get(name) ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);

    it('lints a well-formed decorated component without a message (the parser setup works)', () => {
      assert.deepEqual(rulesOf('contactTile'), []);
    });

    it('reports an innerHTML assignment (@lwc/lwc/no-inner-html)', () => {
      assert.deepEqual(rulesOf('innerHtml'), ['@lwc/lwc/no-inner-html']);
      assert.equal(messages.get('innerHtml')?.[0].line, 9);
    });

    it('reports a floating promise and member access on an any-typed Apex result (type-aware rules)', () => {
      const found = (messages.get('floatingPromise') ?? []).map((m) => `${m.ruleId ?? m.message} ${m.line}`);
      // `this.load();` in connectedCallback, and `result.records.length` on the any-typed result
      assert.ok(found.includes('@typescript-eslint/no-floating-promises 9'), found.join(', '));
      assert.ok(found.includes('@typescript-eslint/no-unsafe-member-access 14'), found.join(', '));
      assert.deepEqual([...new Set(rulesOf('floatingPromise'))].sort(), [
        '@typescript-eslint/no-floating-promises',
        '@typescript-eslint/no-unsafe-assignment',
        '@typescript-eslint/no-unsafe-member-access',
      ]);
    });
  });

  describe('tsc with tsconfig.json', () => {
    /** @type {ts.Program} */
    let program;
    /** @type {ts.ParsedCommandLine} */
    let parsed;
    before(() => {
      const config = ts.getParsedCommandLineOfConfigFile(
        path.join(project, 'tsconfig.json'),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
        }
      );
      assert.ok(config);
      parsed = config;
      program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    });

    /** Emits one file of `p` and returns its JavaScript. */
    const emit = (/** @type {ts.Program} */ p, /** @type {string} */ file) => {
      let js = '';
      const result = p.emit(p.getSourceFile(file), (name, text) => {
        if (name.endsWith('.js')) js = text;
      });
      assert.equal(result.emitSkipped, false, 'emit skipped');
      return js;
    };

    it('keeps the settings the platform compiler needs', () => {
      assert.equal(parsed.options.target, ts.ScriptTarget.ESNext);
      assert.equal(parsed.options.experimentalDecorators ?? false, false);
      assert.equal(parsed.options.useDefineForClassFields, true);
      assert.equal(parsed.options.noEmitOnError, true);
    });

    it('fails a component with a type error, and only that one', () => {
      const errors = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.category === ts.DiagnosticCategory.Error)
        .map((d) => {
          const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
          return `${d.file ? path.basename(d.file.fileName) : '-'}:${line} TS${d.code}`;
        });
      assert.deepEqual(errors, ['typeError.ts:8 TS2322']);
    });

    it('emits decorators as written, and the platform compiler accepts the output', async () => {
      const tile = emit(program, component(project, 'contactTile'));
      assert.match(tile, /@api\s+recordId;/);
      assert.match(tile, /@wire\(getContact, \{ contactId: '\$recordId' \}\)\s+contact;/);
      assert.match(tile, /@api\s+get size\(\)/);
      assert.doesNotMatch(tile, /__esDecorate|__decorate|__runInitializers/);
      const format = emit(program, component(project, 'stanceFormat'));

      const deploy = mkdtempSync(path.join(tmpdir(), 'toolchain-deploy-'));
      temps.push(deploy);
      cpSync(path.join(project, 'sfdx-project.json'), path.join(deploy, 'sfdx-project.json'));
      for (const [name, js, others] of /** @type {const} */ ([
        ['contactTile', tile, ['html', 'js-meta.xml']],
        ['stanceFormat', format, ['js-meta.xml']],
      ])) {
        mkdirSync(path.dirname(component(deploy, name)), { recursive: true });
        writeFileSync(component(deploy, name, 'js'), js);
        for (const ext of others) cpSync(component(project, name, ext), component(deploy, name, ext));
      }
      const { findings, summary } = await check(deploy);
      assert.deepEqual(findings, []);
      assert.match(summary, /^2 bundles compiled by the platform compiler/);

      // The same component compiled below ESNext is rejected: the target setting matters.
      const es2022 = ts.createProgram({
        rootNames: parsed.fileNames,
        options: { ...parsed.options, target: ts.ScriptTarget.ES2022 },
        oldProgram: program,
      });
      writeFileSync(component(deploy, 'contactTile', 'js'), emit(es2022, component(project, 'contactTile')));
      const rejected = await check(deploy);
      assert.ok(
        rejected.findings.some((f) => f.rule === 'LWC1104' && f.file === component(deploy, 'contactTile', 'js')),
        JSON.stringify(rejected.findings)
      );
    });
  });
});

describe('Prettier with .prettierrc.json', () => {
  const configFile = path.join(REPO_ROOT, '.prettierrc.json');
  // The format stage runs the CLI from the project root, which resolves plugin names from there.
  const requireFromRoot = createRequire(configFile);

  /** Options Prettier's CLI would use for `file`: the real config, its overrides and plugins. */
  async function optionsFor(/** @type {string} */ file) {
    const options = await prettier.resolveConfig(file, { config: configFile, editorconfig: false });
    assert.ok(options);
    const plugins = (options.plugins ?? []).map((p) => (typeof p === 'string' ? requireFromRoot.resolve(p) : p));
    return { ...options, plugins, filepath: file };
  }

  for (const [file, parser] of [
    ['Unformatted.cls', 'apex'],
    ['Unformatted.cls-meta.xml', 'xml'],
  ]) {
    it(`fails --check on an unformatted ${path.extname(file)} (${parser} plugin)`, async () => {
      const fullPath = path.join(FIXTURES, 'prettier', file);
      const options = await optionsFor(fullPath);
      const info = await prettier.getFileInfo(fullPath, { plugins: options.plugins });
      assert.equal(info.inferredParser, parser);
      const source = readFileSync(fullPath, 'utf8');
      // check() throws on a parse error: false means parsed and unformatted
      assert.equal(await prettier.check(source, options), false);
      const formatted = await prettier.format(source, options);
      assert.notEqual(formatted, source);
      assert.equal(await prettier.check(formatted, options), true);
    });
  }
});
