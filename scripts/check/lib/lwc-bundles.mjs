// @ts-check
/**
 * Finds Lightning web component bundles and the files of each bundle that deploy.
 *
 * A bundle is a folder `lwc/<name>/` holding `<name>.js-meta.xml`. Components are written in
 * TypeScript and tsc emits the `.js` beside each `.ts`; `.forceignore` keeps the `.ts`, the
 * tsconfig files and `__tests__` out of the deploy, so they are never given to the platform
 * compiler here either.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageDirs, walk } from './common.mjs';

/**
 * @typedef {object} LwcBundle
 * @property {string} name component name (folder name), e.g. "relationshipGraph"
 * @property {string} dir absolute path of the bundle folder
 * @property {string} metaFile absolute path of `<name>.js-meta.xml`
 */

/**
 * @typedef {object} BundleFolderProblem
 * @property {string} file absolute path the problem is reported on
 * @property {string} rule
 * @property {string} message
 */

/** File extensions the platform accepts in a bundle and the compiler reads (besides -meta.xml). */
const DEPLOYED_EXTENSIONS = new Set(['.js', '.html', '.css', '.svg', '.md']);

/** True when `file` (relative to its bundle) never reaches the org, mirroring `.forceignore`. */
const notDeployed = (/** @type {string} */ rel) => {
  const parts = rel.split('/');
  const base = parts[parts.length - 1];
  return (
    parts.some((p) => p === '__tests__' || p.startsWith('.')) ||
    base.endsWith('.ts') ||
    /^(tsconfig.*|jsconfig)\.json$/.test(base)
  );
};

/** `a/b/c` for a path relative to `from`. */
const posixRelative = (/** @type {string} */ from, /** @type {string} */ to) =>
  path.relative(from, to).split(path.sep).join('/');

/**
 * The bundles of every package directory, sorted by path, and folders under `lwc/` that look like
 * components (they hold `<name>.js`, `<name>.ts` or `<name>.html`) but have no `-meta.xml`.
 * @param {string} projectDir
 * @returns {{ bundles: LwcBundle[], problems: BundleFolderProblem[] }}
 */
export function findBundles(projectDir) {
  /** @type {LwcBundle[]} */
  const bundles = [];
  /** @type {BundleFolderProblem[]} */
  const problems = [];
  for (const pkg of packageDirs(projectDir)) {
    /** @type {Map<string, string[]>} component folder → its top-level files */
    const folders = new Map();
    for (const file of walk(pkg, (f) => path.basename(path.dirname(path.dirname(f))) === 'lwc')) {
      const dir = path.dirname(file);
      const name = path.basename(dir);
      if (name.startsWith('.') || name.startsWith('_')) continue;
      folders.set(dir, [...(folders.get(dir) ?? []), path.basename(file)]);
    }
    for (const [dir, files] of folders) {
      const name = path.basename(dir);
      if (files.includes(`${name}.js-meta.xml`)) {
        bundles.push({ name, dir, metaFile: path.join(dir, `${name}.js-meta.xml`) });
      } else {
        const main = [`${name}.ts`, `${name}.js`, `${name}.html`].find((f) => files.includes(f));
        if (main) {
          problems.push({
            file: path.join(dir, main),
            rule: 'missing-meta',
            message: `lwc/${name}/ has no ${name}.js-meta.xml, so it is not a deployable component: add one (apiVersion, isExposed, targets)`,
          });
        }
      }
    }
  }
  bundles.sort((a, b) => a.dir.localeCompare(b.dir));
  return { bundles, problems };
}

/**
 * The files of a bundle as the platform receives them: path relative to the bundle folder
 * (forward slashes) → content. The `.js` files are tsc's output.
 * @param {LwcBundle} bundle
 * @returns {Record<string, string>}
 */
export function deployableFiles(bundle) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const file of walk(bundle.dir)) {
    const rel = posixRelative(bundle.dir, file);
    if (notDeployed(rel)) continue;
    if (DEPLOYED_EXTENSIONS.has(path.extname(rel)) || rel.endsWith('.js-meta.xml')) {
      files[rel] = readFileSync(file, 'utf8');
    }
  }
  return files;
}

/**
 * TypeScript sources of a bundle whose compiled `.js` is missing or older than the `.ts`: the
 * platform would get no (or outdated) JavaScript. The build stage (scripts/build/compile-lwc.mjs)
 * writes the `.js`.
 * @param {LwcBundle} bundle
 * @returns {BundleFolderProblem[]}
 */
export function missingBuildOutput(bundle) {
  /** @type {BundleFolderProblem[]} */
  const problems = [];
  for (const ts of walk(bundle.dir, (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
    const rel = posixRelative(bundle.dir, ts);
    if (rel.split('/').includes('__tests__')) continue;
    const js = ts.slice(0, -'.ts'.length) + '.js';
    const jsRel = rel.slice(0, -'.ts'.length) + '.js';
    let jsTime;
    try {
      jsTime = statSync(js).mtimeMs;
    } catch {
      problems.push({
        file: ts,
        rule: 'missing-js',
        message: `${rel} has no compiled ${jsRel}: run the build stage first (npm run build, or npm test which runs it before this check)`,
      });
      continue;
    }
    if (statSync(ts).mtimeMs > jsTime) {
      problems.push({
        file: ts,
        rule: 'stale-js',
        message: `${jsRel} is older than ${rel}, so this check would compile outdated code: run the build stage (npm run build); if it fails, fix its errors first`,
      });
    }
  }
  return problems;
}

/**
 * `<apiVersion>` of a `-meta.xml` as a number (e.g. 65), or undefined when absent.
 * @param {string} metaXml
 * @returns {number | undefined}
 */
export function apiVersionOf(metaXml) {
  const match = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(metaXml);
  return match ? Math.trunc(Number(match[1])) : undefined;
}
