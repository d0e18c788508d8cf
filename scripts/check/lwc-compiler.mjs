#!/usr/bin/env node
// @ts-check
/**
 * The platform LWC compiler on every component bundle, as a deploy would run it.
 *
 * `@lwc/sfdc-lwc-compiler` is the compiler Salesforce runs when a Lightning web component is
 * saved to an org: it lints each `.js` with the platform's ESLint rules (LWC1503: `$A`, restricted
 * `lwc` imports, dynamic `import()`, boolean `@api` defaulting to true, ...), collects metadata,
 * then compiles the bundle with the LWC 9 compiler (templates, decorators, CSS) through Rollup.
 * It stops at the first step that fails, as a deploy does.
 *
 * For each bundle (`lwc/<name>/` with `<name>.js-meta.xml`) this gives `compile()` the files that
 * deploy: the `.js` tsc emitted (the build stage runs before this one), `.html`, `.css`, `.svg`,
 * `.md` and the `-meta.xml`; never the `.ts`, `.d.ts`, tsconfig or `__tests__`. Namespace `c`,
 * bundle type `platform` (selects the platform lint rules), `apiVersion` from the `-meta.xml`, and
 * two outputs: development, and production minified under Lightning Web Security. Which
 * diagnostics fail: see lib/lwc-diagnostics.mjs.
 *
 * The compiler does not resolve `c/...`, `lightning/...` or `@salesforce/...` imports (the org
 * does), so a missing Apex method or component is not found here; the Apex checks and Jest cover
 * parts of that. Findings point into the emitted `.js`, whose lines follow the `.ts` closely.
 *
 * Usage: node scripts/check/lwc-compiler.mjs [projectDir]
 */
import { runAsCli } from './lib/common.mjs';
import { apiVersionOf, deployableFiles, findBundles, missingBuildOutput } from './lib/lwc-bundles.mjs';
import { toFindings } from './lib/lwc-diagnostics.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */
/** @typedef {import('./lib/lwc-bundles.mjs').LwcBundle} LwcBundle */

/** @typedef {typeof import('@lwc/sfdc-lwc-compiler').compile} Compile */

/**
 * Output configurations: the platform compiles a component once per mode it serves. Development
 * (readable), and production minified with Lightning Web Security's transforms (the default for
 * orgs), which also covers the minifier. Source maps make Rollup report warnings at their place in
 * the source rather than in the transformed code.
 * @type {NonNullable<Parameters<Compile>[0]['compilerConfigs']>}
 */
const OUTPUTS = [
  { outputConfig: { minify: false, sourcemap: true, env: { NODE_ENV: 'development' } } },
  { outputConfig: { minify: true, sourcemap: true, env: { NODE_ENV: 'production' }, lockerConfig: {} } },
];

/** @type {Promise<Compile> | undefined} */
let loading;
/** The compiler, loaded on first use (it takes ~2 s: ESLint, Babel, Rollup). */
const loadCompiler = () => (loading ??= import('@lwc/sfdc-lwc-compiler').then((m) => m.compile));

/**
 * Compiles one bundle with the platform compiler.
 * @param {LwcBundle} bundle
 * @param {Record<string, string>} files as returned by deployableFiles
 * @returns {Promise<{ findings: Finding[], ignored: Map<string, number>, version: string }>}
 */
export async function compileBundle(bundle, files) {
  const meta = files[`${bundle.name}.js-meta.xml`];
  const apiVersion = meta === undefined ? undefined : apiVersionOf(meta);
  const compile = await loadCompiler();
  let output;
  try {
    output = await compile({
      bundle: {
        type: 'platform',
        namespace: 'c',
        name: bundle.name,
        // compile() deletes .d.ts entries from the object it is given
        files: { ...files },
        options: apiVersion === undefined ? {} : { apiVersion },
      },
      compilerConfigs: OUTPUTS,
    });
  } catch (err) {
    // Config validation throws (e.g. an empty bundle); anything else is the compiler crashing.
    const message = err instanceof Error ? err.message : String(err);
    return {
      findings: [{ file: bundle.metaFile, rule: 'compiler-crash', message: `the platform compiler threw: ${message}` }],
      ignored: new Map(),
      version: '',
    };
  }
  const diagnostics = [...output.diagnostics, ...(output.results ?? []).flatMap((r) => r.diagnostics)];
  const { findings, ignored } = toFindings(diagnostics, { dir: bundle.dir, name: bundle.name, files });
  if (!output.success && findings.length === 0) {
    // Never pass a bundle the compiler rejected, whatever the diagnostics said.
    findings.push({ file: bundle.metaFile, rule: 'compile-failed', message: 'the platform compiler reported failure' });
  }
  return { findings, ignored, version: output.version };
}

/**
 * @param {string} projectDir
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir) {
  const { bundles, problems } = findBundles(projectDir);
  /** @type {Finding[]} */
  const findings = [...problems];
  /** @type {Map<string, number>} */
  const ignored = new Map();
  let version = '';
  let compiled = 0;
  for (const bundle of bundles) {
    const buildProblems = missingBuildOutput(bundle);
    if (buildProblems.some((p) => p.rule === 'missing-js')) {
      // Compiling without the JavaScript would only add resolution errors.
      findings.push(...buildProblems);
      continue;
    }
    findings.push(...buildProblems);
    const files = deployableFiles(bundle);
    if (!Object.hasOwn(files, `${bundle.name}.js`)) {
      // The compiler "succeeds" on a bundle without its module; the deploy does not.
      findings.push({
        file: bundle.metaFile,
        rule: 'missing-js',
        message: `lwc/${bundle.name}/ has no ${bundle.name}.js (nor ${bundle.name}.ts): every component needs its JavaScript module`,
      });
      continue;
    }
    const result = await compileBundle(bundle, files);
    findings.push(...result.findings);
    for (const [rule, n] of result.ignored) ignored.set(rule, (ignored.get(rule) ?? 0) + n);
    version ||= result.version;
    compiled++;
  }
  const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let summary =
    bundles.length === 0
      ? '0 bundles'
      : `${plural(compiled, 'bundle')} compiled by the platform compiler${version ? ` (LWC ${version})` : ''}`;
  if (compiled < bundles.length) summary += `, ${bundles.length - compiled} not compiled (no .js)`;
  if (ignored.size > 0) {
    const total = [...ignored.values()].reduce((a, b) => a + b, 0);
    summary += `; ${plural(total, 'warning')} not failing (${[...ignored.keys()].sort().join(', ')}: see lib/lwc-diagnostics.mjs)`;
  }
  return { findings, summary };
}

runAsCli(import.meta.url, check);
