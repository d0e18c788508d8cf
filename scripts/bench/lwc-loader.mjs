// @ts-check
/**
 * Node module hooks that let plain Node import a Lightning web component's compiled JavaScript
 * unchanged: the platform (and tsc's Bundler resolution) allow extensionless relative imports
 * (`./influence`) and `c/<component>` imports, and the files are ES modules in a package without
 * "type": "module". Registered by the benchmark with `module.register`; handles only compiled
 * files under an `lwc/` folder and the imports made from them, and answers those itself, so that
 * another loader (tsx maps `.js` imports to the `.ts` beside them) never sees them.
 */
import { readFile } from 'node:fs/promises';

/** @param {string} url */
const inLwc = (url) => url.startsWith('file:') && /\/lwc\/[^/]+\/[^/]+\.js$/.test(url);

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context?: object) => Promise<object>} next
 */
export async function resolve(specifier, context, next) {
  const parent = context.parentURL;
  /** @type {string | null} */
  let url = null;
  if (parent && inLwc(parent)) {
    const component = /^c\/([A-Za-z0-9_]+)$/.exec(specifier);
    // `c/name` is the component folder next to the importer's own: lwc/name/name.js.
    if (component) url = new URL(`../${component[1]}/${component[1]}.js`, parent).href;
    else if (/^\.\.?\//.test(specifier))
      url = new URL(/\.js$/.test(specifier) ? specifier : `${specifier}.js`, parent).href;
  } else if (/^file:/.test(specifier) || (parent && /^\.\.?\//.test(specifier))) {
    url = new URL(specifier, parent).href;
  }
  if (url && inLwc(url)) return { url, format: 'module', shortCircuit: true };
  return next(specifier, context);
}

/**
 * @param {string} url
 * @param {{ format?: string }} context
 * @param {(url: string, context?: object) => Promise<object>} next
 */
export async function load(url, context, next) {
  if (inLwc(url)) return { format: 'module', source: await readFile(new URL(url), 'utf8'), shortCircuit: true };
  return next(url, context);
}
