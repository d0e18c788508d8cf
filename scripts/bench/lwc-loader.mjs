// @ts-check
/**
 * Node module hooks that let plain Node import a Lightning web component's compiled JavaScript
 * unchanged: the platform (and tsc's Bundler resolution) allow extensionless relative imports
 * (`./influence`) and the files are ES modules in a package without "type": "module".
 * Registered by run.mjs with `module.register`; touches only files under an `lwc/` folder.
 */

/** @param {string} url */
const inLwc = (url) => /\/lwc\/[^/]+\/[^/]+$/.test(url);

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context?: object) => Promise<object>} next
 */
export async function resolve(specifier, context, next) {
  if (context.parentURL && inLwc(context.parentURL) && /^\.\.?\//.test(specifier) && !/\.[cm]?js$/.test(specifier)) {
    return next(`${specifier}.js`, context);
  }
  return next(specifier, context);
}

/**
 * @param {string} url
 * @param {{ format?: string }} context
 * @param {(url: string, context?: object) => Promise<object>} next
 */
export async function load(url, context, next) {
  if (url.startsWith('file:') && inLwc(url) && url.endsWith('.js')) {
    return next(url, { ...context, format: 'module' });
  }
  return next(url, context);
}
