/**
 * Bundles the benchmark page: the real, compiled relationshipMapGraph component (the .js that
 * deploys, from scripts/build/compile-lwc.mjs) with LWC 9.4.3's engine and synthetic shadow, and
 * the baseline (plain d3-force from npm) — one ES module the browser runs from a single
 * <script type="module">.
 *
 * The LWC side is the local preview's own rollup set-up (scripts/preview/build.ts,
 * `previewPlugins`): the same engine, the same resolution of `c/*` components, the same
 * production mode. The page adds only npm resolution for the baseline's d3 packages.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { previewPlugins } from '../../preview/build.ts';

import { REPO_ROOT } from '../../shared/project.mjs';
const LWC_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');
const PAGE_DIR = path.join(REPO_ROOT, 'scripts', 'bench', 'page');

/** The components the page mounts, and what they import. */
const COMPONENTS = ['relationshipMapGraph', 'relationshipMapTheme', 'd3'];

export interface BenchPage {
  /** The page's HTML. */
  html: string;
  /** The bundled script the page loads as /bench.js. */
  script: string;
}

/** Bundles the page (after `npm run build` has compiled the components). */
export async function buildBenchPage(): Promise<BenchPage> {
  for (const name of COMPONENTS) {
    const file = path.join(LWC_DIR, name, `${name}.js`);
    if (!existsSync(file)) {
      throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\` first.`);
    }
  }
  const warnings: string[] = [];
  const bundle = await rollup({
    input: path.join(PAGE_DIR, 'bench-page.js'),
    onwarn(warning) {
      // Library chatter (d3's circular imports) is not ours to fix; anything else is.
      const where = `${warning.id ?? ''} ${(warning.ids ?? []).join(' ')}`;
      if (!where.includes(`${path.sep}node_modules${path.sep}`)) warnings.push(warning.message);
    },
    plugins: [...previewPlugins('production'), nodeResolve({ rootDir: REPO_ROOT })],
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  if (warnings.length > 0) throw new Error(`The benchmark page did not bundle cleanly:\n${warnings.join('\n')}`);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Relationship map benchmark</title>' +
    '<style>html,body{margin:0;height:100%;font-family:Arial,sans-serif}#stage{width:1200px;height:800px}</style>' +
    '</head><body><div id="stage"></div><script type="module" src="/bench.js"></script></body></html>';
  return { html, script: output[0].code };
}

/** Writes the page to a folder (to open it by hand when a number looks wrong). */
export async function writeBenchPage(page: BenchPage, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), page.html);
  await writeFile(path.join(dir, 'bench.js'), page.script);
}
