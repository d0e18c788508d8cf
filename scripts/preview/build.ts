/**
 * Builds the local preview page: the components exactly as they deploy (the `.js` that
 * scripts/build/compile-lwc.mjs emits from each component's TypeScript, with their `.html` and
 * `.css`), compiled for the browser by the open-source LWC compiler through rollup and
 * `@lwc/rollup-plugin`, with `lightning-base-components`, and the preview's page shell
 * (scripts/preview/lwc/preview/app) around them.
 *
 * Modules only an org provides are replaced by small local ones in scripts/preview/stubs:
 * `@salesforce/apex/RelationshipMapController.*` (a POST to the preview server),
 * `lightning/navigation`, `lightning/platformShowToastEvent`, `lightning/platformResourceLoader`
 * and the user's locale, time zone and Id. `@salesforce/label/c.<Name>` is the Custom Label's value,
 * read from CustomLabels.labels-meta.xml (scripts/data/labels.ts, the backend's reader).
 *
 * `lwc` resolves to node_modules/lwc's own engine (9.4.3, nested under node_modules/lwc), never to
 * the top-level @lwc/engine-dom that Jest uses: two engines in one page fail with "does not
 * extend LightningElement".
 *
 * The output (.preview/build) is reused while none of its inputs changed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin, type RollupLog } from 'rollup';

import { LABELS_FILE, loadLabels } from '../data/labels.ts';
import { REPO_ROOT } from '../shared/project.mjs';
import { previewDocument } from './document.ts';
const PREVIEW_DIR = path.join(REPO_ROOT, 'scripts', 'preview');
const LWC_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'lwc');
const SHELL_DIR = path.join(PREVIEW_DIR, 'lwc');
const STUBS_DIR = path.join(PREVIEW_DIR, 'stubs');
const CLIENT_DIR = path.join(PREVIEW_DIR, 'client');
const ENGINE_DIR = path.join(REPO_ROOT, 'node_modules', 'lwc', 'node_modules', '@lwc');
export const DEFAULT_BUILD_DIR = path.join(REPO_ROOT, '.preview', 'build');
/** SLDS (style sheet, icons, images), served as /assets/ as Lightning serves them. */
export const SLDS_ASSETS_DIR = path.join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');

/** The file rollup starts from; it mounts the page shell. */
const ENTRY = path.join(CLIENT_DIR, 'main.js');
/** The platform modules the preview supplies itself. */
const STUB_MODULES: Record<string, string> = {
  'lightning/navigation': 'navigation.js',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.js',
  'lightning/platformResourceLoader': 'platformResourceLoader.js',
  '@salesforce/i18n/locale': 'i18nLocale.js',
  '@salesforce/i18n/timeZone': 'i18nTimeZone.js',
  '@salesforce/user/Id': 'userId.js',
};
const APEX_PREFIX = '@salesforce/apex/';
const LABEL_PREFIX = '@salesforce/label/c.';

export type BuildMode = 'production' | 'development';

export interface PreviewBuildOptions {
  /** Where the page goes (default .preview/build). */
  outDir?: string;
  /** Build even when nothing changed. */
  force?: boolean;
  /**
   * production (default): the engine as orgs run it; development: the engine's checks and
   * warnings on, as with Lightning's debug mode.
   */
  mode?: BuildMode;
  /** Run scripts/build/compile-lwc.mjs first (default true); false uses the .js already there. */
  compile?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface PreviewBuild {
  outDir: string;
  /** True when the previous build was reused. */
  reused: boolean;
  /** Rollup's warnings about our own code (library chatter is left out). */
  warnings: string[];
  milliseconds: number;
}

/** Every file under `dir` (recursively) that `keep` accepts, sorted. */
function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== 'node_modules') found.push(...filesUnder(full, keep));
    } else if (keep(full)) found.push(full);
  }
  return found.sort();
}

/** The component bundles in force-app (folder name = module name under `c/`). */
export function componentNames(): string[] {
  return readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(LWC_DIR, e.name, `${e.name}.js-meta.xml`)))
    .map((e) => e.name)
    .sort();
}

/**
 * What the build reads, as one hash: the components' sources (TypeScript, templates, styles; the
 * .js tsc emits follows from them; JavaScript written by hand counts itself), the page shell, the stubs, the entry, this file and the locked
 * dependency versions.
 */
export function inputsHash(mode: BuildMode): string {
  const hash = createHash('sha256');
  hash.update(`mode:${mode}\n`);
  const sources = [
    ...filesUnder(
      LWC_DIR,
      (f) =>
        (/\.(ts|html|css)$/.test(f) && !f.endsWith('.d.ts')) ||
        // a component written in JavaScript: its .js is the source
        (f.endsWith('.js') && !existsSync(f.replace(/\.js$/, '.ts')))
    ),
    ...[SHELL_DIR, STUBS_DIR, CLIENT_DIR].flatMap((dir) => filesUnder(dir, () => true)),
    fileURLToPath(import.meta.url),
    LABELS_FILE,
    path.join(REPO_ROOT, 'package-lock.json'),
    path.join(REPO_ROOT, 'tsconfig.json'),
  ];
  for (const file of sources) {
    hash.update(`${path.relative(REPO_ROOT, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Each component's emitted .js must exist before bundling. */
function missingCompiledComponents(): string[] {
  return componentNames()
    .map((name) => path.join(LWC_DIR, name, `${name}.js`))
    .filter((file) => !existsSync(file))
    .map((file) => path.relative(REPO_ROOT, file));
}

/**
 * A plugin that answers the imports starting with `prefix` with a module of its own: `load` gets
 * the rest of the import (`Class.method`, a label's name) and returns the module's code, or fails
 * the build through `error` with a sentence naming the import.
 */
function virtualModules(
  name: string,
  prefix: string,
  load: (rest: string, error: (sentence: string) => never) => string
): Plugin {
  const virtual = `\0${name}:`;
  return {
    name,
    resolveId(source) {
      return source.startsWith(prefix) ? virtual + source.slice(prefix.length) : null;
    },
    load(id) {
      return id.startsWith(virtual) ? load(id.slice(virtual.length), (sentence) => this.error(sentence)) : null;
    },
  };
}

/** `@salesforce/apex/<Class>.<method>` → a module whose default export calls the preview server. */
function apexModules(): Plugin {
  const stub = path.join(STUBS_DIR, 'apex.js');
  return virtualModules('preview-apex', APEX_PREFIX, (name, error) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
    if (!match) return error(`"${APEX_PREFIX}${name}" is not an Apex method import (<Class>.<method>).`);
    return (
      `import { apexMethod } from ${JSON.stringify(stub)};\n` +
      `export default apexMethod(${JSON.stringify(match[1])}, ${JSON.stringify(match[2])});\n`
    );
  });
}

/**
 * `@salesforce/label/c.<Name>` → a module whose default export is the label's value, as the org
 * gives it: read from the labels file that deploys (the preview backend's reader), never copied.
 * A name the file lacks fails the build, as the org refuses to save such a component.
 */
export function labelModules(): Plugin {
  return virtualModules('preview-label', LABEL_PREFIX, (name, error) => {
    const value = loadLabels().get(name);
    if (value === undefined) {
      return error(`"${LABEL_PREFIX}${name}" is not a Custom Label in ${path.relative(REPO_ROOT, LABELS_FILE)}.`);
    }
    return `export default ${JSON.stringify(value)};\n`;
  });
}

/**
 * The rollup plugins that turn our components, the shell and the base components into browser
 * code. `plainDirs`: folders of plain modules (another page's entry, e.g. a benchmark page) that
 * import components but are not components themselves.
 */
export function previewPlugins(mode: BuildMode, plainDirs: readonly string[] = []): Plugin[] {
  return [
    apexModules(),
    labelModules(),
    replace({
      preventAssignment: true,
      values: { 'process.env.NODE_ENV': JSON.stringify(mode), 'import.meta.env.SSR': 'false' },
    }),
    lwc({
      // Our page shell's namespace folder; npm packages resolve from here up.
      rootDir: SHELL_DIR,
      // The entry and the stubs are plain modules, not components.
      exclude: [CLIENT_DIR, ...plainDirs].map((dir) => `${dir}/**`),
      modules: [
        { name: 'lwc', path: path.join(ENGINE_DIR, 'engine-dom', 'dist', 'index.js') },
        { name: '@lwc/synthetic-shadow', path: path.join(ENGINE_DIR, 'synthetic-shadow', 'dist', 'index.js') },
        { name: '@lwc/wire-service', path: path.join(ENGINE_DIR, 'wire-service', 'dist', 'index.js') },
        ...Object.entries(STUB_MODULES).map(([name, file]) => ({ name, path: path.join(STUBS_DIR, file) })),
        ...componentNames().map((name) => ({ name: `c/${name}`, path: path.join(LWC_DIR, name, `${name}.js`) })),
        { dir: SHELL_DIR },
        { npm: 'lightning-base-components' },
      ],
      // Never the defaults: they would resolve the top-level (Jest's) @lwc/engine-dom.
      defaultModules: [],
      // Some base components (datatable's sorting dialog) use lwc:is, as the platform allows.
      enableDynamicComponents: true,
      // Form-associated base components (combobox, input) call attachInternals(), which synthetic
      // shadow supports only when this is on, as it is in Lightning Experience.
      enableSyntheticElementInternals: true,
    }),
  ];
}

/** True for warnings about third-party code that we cannot act on. */
function isLibraryChatter(log: RollupLog): boolean {
  const where = `${log.id ?? ''} ${(log.ids ?? []).join(' ')} ${log.exporter ?? ''}`;
  return where.includes(`${path.sep}node_modules${path.sep}`) || log.code === 'CIRCULAR_DEPENDENCY';
}

/** The page: the shell mounts itself into #root. */
function indexHtml(): string {
  return previewDocument({
    title: 'Relationship Maps — local preview',
    script: '/app.js',
    body: [
      '<div id="root"><p class="slds-p-around_medium">Loading the Relationship Maps preview…</p></div>',
      '<noscript>The preview needs JavaScript.</noscript>',
    ],
  });
}

/** Compiles the components' TypeScript (scripts/build/compile-lwc.mjs), as `npm run build` does. */
export function compileComponents(): void {
  try {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build', 'compile-lwc.mjs')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`The components did not compile (npm run build):\n${`${stdout ?? ''}${stderr ?? ''}`.trim()}`);
  }
}

/** Builds the page into `outDir`, or reuses the last build when nothing it reads has changed. */
export async function buildPreview(options: PreviewBuildOptions = {}): Promise<PreviewBuild> {
  const started = Date.now();
  const outDir = options.outDir ?? DEFAULT_BUILD_DIR;
  const mode = options.mode ?? 'production';
  const log = options.log ?? (() => undefined);
  const manifestFile = path.join(outDir, 'manifest.json');
  const hash = inputsHash(mode);

  if (!options.force && existsSync(manifestFile) && existsSync(path.join(outDir, 'app.js'))) {
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { hash?: string; warnings?: string[] };
      if (manifest.hash === hash && missingCompiledComponents().length === 0) {
        return { outDir, reused: true, warnings: manifest.warnings ?? [], milliseconds: Date.now() - started };
      }
    } catch {
      // An unreadable manifest means a fresh build.
    }
  }

  if (options.compile !== false) {
    log('Compiling the components (npm run build)…');
    compileComponents();
  }
  const missing = missingCompiledComponents();
  if (missing.length > 0) {
    throw new Error(`Compiled components are missing (run \`npm run build\`): ${missing.join(', ')}`);
  }

  log(`Bundling the page with the LWC compiler (${mode})…`);
  const warnings: string[] = [];
  const unresolved: string[] = [];
  const bundle = await rollup({
    input: ENTRY,
    plugins: previewPlugins(mode),
    onwarn(warning) {
      if (warning.code === 'UNRESOLVED_IMPORT') {
        unresolved.push(`${warning.exporter ?? '?'} (imported by ${path.relative(REPO_ROOT, warning.id ?? '?')})`);
      } else if (!isLibraryChatter(warning)) {
        warnings.push(warning.message);
      }
    },
  });
  try {
    if (unresolved.length > 0) {
      throw new Error(`The preview cannot resolve these imports: ${[...new Set(unresolved)].join('; ')}`);
    }
    // Write beside the old build (a server may be serving it) and swap only once this one succeeded.
    const staging = `${outDir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    await bundle.write({
      dir: staging,
      format: 'es',
      entryFileNames: 'app.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    });
    writeFileSync(path.join(staging, 'index.html'), indexHtml());
    writeFileSync(
      path.join(staging, 'manifest.json'),
      `${JSON.stringify({ hash, mode, builtAt: new Date().toISOString(), warnings }, null, 2)}\n`
    );
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(path.dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
  } finally {
    await bundle.close();
  }
  return { outDir, reused: false, warnings, milliseconds: Date.now() - started };
}
