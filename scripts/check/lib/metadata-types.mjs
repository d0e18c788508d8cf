// @ts-check
/**
 * Which Metadata API type a source-format file is, and which files must come
 * in pairs. Suffixes, folders and adapters come from the registry that
 * @salesforce/source-deploy-retrieve (the library behind `sf project deploy`)
 * ships, so this module agrees with what a deploy would pick up.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The part of SDR's registry entries this checker reads.
 * @typedef {object} RegistryType
 * @property {string} id
 * @property {string} name Metadata API type name, e.g. "CustomField"
 * @property {string} [suffix]
 * @property {string} [legacySuffix]
 * @property {string} directoryName
 * @property {boolean} [inFolder]
 * @property {string} [folderType]
 * @property {{ adapter?: string }} [strategies]
 * @property {{ types: Record<string, RegistryType>, suffixes: Record<string, string>, directories: Record<string, string> }} [children]
 */

/**
 * @typedef {object} Registry
 * @property {Record<string, RegistryType>} types
 * @property {Record<string, string>} suffixes
 */

const require = createRequire(import.meta.url);
/** @type {Registry} */
const registry = JSON.parse(
  readFileSync(require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'), 'utf8')
);

/** suffix → top-level registry type */
const SUFFIX = new Map();
for (const [suffix, id] of Object.entries(registry.suffixes)) {
  const t = registry.types[id];
  if (t) SUFFIX.set(suffix, t);
}
for (const t of Object.values(registry.types)) {
  if (t.suffix && !SUFFIX.has(t.suffix)) SUFFIX.set(t.suffix, t);
  if (t.legacySuffix && !SUFFIX.has(t.legacySuffix)) SUFFIX.set(t.legacySuffix, t);
}

/** Parent types that are decomposed into one file per child in source format. */
const DECOMPOSED = Object.values(registry.types).filter((t) => t.children && t.strategies?.adapter === 'decomposed');

/**
 * Child elements a decomposed parent may still carry inline (e.g. <fields>
 * inside an .object-meta.xml): parent type → element name → child type.
 * @type {Map<string, Map<string, string>>}
 */
export const INLINE_CHILDREN = new Map(
  DECOMPOSED.map((p) => [
    p.name,
    new Map(Object.entries(p.children?.directories ?? {}).map(([dir, id]) => [dir, p.children?.types[id]?.name ?? id])),
  ])
);

/** Types whose source is a content file plus `<file>-meta.xml` (.cls, .trigger, .page, .component, .email, .asset, …). */
export const CONTENT_TYPES = Object.values(registry.types).filter(
  (t) => t.strategies?.adapter === 'matchingContentFile' && t.suffix
);

/**
 * What a `-meta.xml` file is.
 * @typedef {object} MetaKind
 * @property {string} type Metadata API type name ("CustomField", "LightningComponentBundle", …)
 * @property {string} fullName as a deploy names it ("Map_Contact__c.Role__c", "Reports/My_Report")
 * @property {string} name the file's own name part ("Role__c")
 * @property {string} [parent] for children of decomposed types: the parent's name ("Map_Contact__c")
 * @property {string} [folder] for types stored in folders (reports, dashboards, email): the folder path
 */

/**
 * Classifies one `*-meta.xml` file of a package directory.
 * @param {string} file absolute path
 * @param {string} pkgDir absolute package directory containing it
 * @returns {MetaKind | { unknown: string }} `unknown` holds the unrecognised suffix
 */
export function classify(file, pkgDir) {
  const parts = path.relative(pkgDir, file).split(path.sep);
  const base = parts[parts.length - 1].replace(/-meta\.xml$/, '');
  const dirs = parts.slice(0, -1);
  const here = dirs[dirs.length - 1];
  const up = dirs[dirs.length - 2];

  if (up === 'lwc' && base.endsWith('.js')) {
    return { type: 'LightningComponentBundle', fullName: here, name: base.slice(0, -3) };
  }
  if (up === 'aura' && /\.(cmp|app|evt|intf|tokens)$/.test(base)) {
    return { type: 'AuraDefinitionBundle', fullName: here, name: base.replace(/\.[^.]+$/, '') };
  }

  const dot = base.lastIndexOf('.');
  if (dot < 0) return { unknown: '' };
  const suffix = base.slice(dot + 1);
  const name = base.slice(0, dot);

  // Children of decomposed types: objects/<Object>/<childDir>/<name>.<suffix>-meta.xml
  for (const parent of DECOMPOSED) {
    const childId = parent.children?.suffixes[suffix];
    const i = dirs.lastIndexOf(parent.directoryName);
    if (childId && parent.children && i >= 0 && i === dirs.length - 3) {
      const child = parent.children.types[childId];
      return { type: child.name, fullName: `${dirs[i + 1]}.${name}`, name, parent: dirs[i + 1] };
    }
  }

  const t = SUFFIX.get(suffix);
  if (!t) return { unknown: suffix };
  if (t.inFolder) {
    const i = dirs.lastIndexOf(t.directoryName);
    const folder = i >= 0 ? dirs.slice(i + 1).join('/') : '';
    return { type: t.name, fullName: folder ? `${folder}/${name}` : name, name, folder };
  }
  if (t.folderType === undefined && /Folder$/.test(t.name)) {
    // reportFolder, dashboardFolder, …: reports/<a>/<b>.reportFolder-meta.xml is folder "a/b"
    const owner = Object.values(registry.types).find((x) => x.folderType === t.id);
    const i = owner ? dirs.lastIndexOf(owner.directoryName) : -1;
    const folder = i >= 0 ? dirs.slice(i + 1).join('/') : '';
    return { type: t.name, fullName: folder ? `${folder}/${name}` : name, name };
  }
  return { type: t.name, fullName: name, name };
}

/**
 * @param {string} p
 */
function isDirectory(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * @param {string} dir
 * @returns {import('node:fs').Dirent[]}
 */
function entries(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * A pairing problem found by {@link pairingProblems}.
 * @typedef {object} PairProblem
 * @property {string} file
 * @property {string} message
 */

/**
 * Files a deploy would silently drop or choke on because half of a pair is
 * missing: content without `-meta.xml`, `-meta.xml` without content, LWC and
 * Aura bundles without their definition or metadata, static resources
 * without their other half.
 * @param {string[]} files every (non-ignored) file of the package directories
 * @param {string[]} allFiles every file, including forceignored ones (an LWC's .ts is forceignored but is its source)
 * @returns {PairProblem[]}
 */
export function pairingProblems(files, allFiles) {
  /** @type {PairProblem[]} */
  const out = [];
  const present = new Set(allFiles);
  const bySuffix = new Map(CONTENT_TYPES.map((t) => [t.suffix, t]));
  const briefSuffixes = new Set(['cls', 'trigger', 'page', 'component', 'email', 'asset']);
  /** @param {string[]} dirs */
  const inBundleOrResource = (dirs) =>
    dirs.some((d) => d === 'lwc' || d === 'aura' || d === 'staticresources' || d === 'documents');

  for (const file of files) {
    const dirs = path.dirname(file).split(path.sep);
    const base = path.basename(file);
    if (inBundleOrResource(dirs)) continue;
    if (base.endsWith('-meta.xml')) {
      const content = file.slice(0, -'-meta.xml'.length);
      const ext = path.extname(content).slice(1);
      const t = bySuffix.get(ext);
      if (t && (briefSuffixes.has(ext) || dirs.includes(t.directoryName)) && !present.has(content)) {
        out.push({
          file,
          message: `${base} has no ${path.basename(content)} beside it: a ${t.name} needs both files (a deploy fails or drops it)`,
        });
      }
      continue;
    }
    const ext = path.extname(base).slice(1);
    const t = bySuffix.get(ext);
    if (t && (briefSuffixes.has(ext) || dirs.includes(t.directoryName)) && !present.has(`${file}-meta.xml`)) {
      out.push({
        file,
        message: `${base} has no ${base}-meta.xml beside it: a deploy silently leaves this ${t.name} out`,
      });
    }
  }

  // Bundles and static resources, folder by folder.
  const folders = new Set(allFiles.map((f) => path.dirname(f)));
  const bundleRoots = new Set();
  for (const f of folders) {
    const parts = f.split(path.sep);
    for (let i = parts.length - 1; i > 0; i--) {
      if (parts[i] === 'lwc' || parts[i] === 'aura' || parts[i] === 'staticresources') {
        bundleRoots.add(parts.slice(0, i + 1).join(path.sep));
        break;
      }
    }
  }
  const kept = new Set(files);
  const ignored = new Set(allFiles.filter((f) => !kept.has(f)));
  for (const root of [...bundleRoots].sort()) {
    const kind = path.basename(root);
    for (const e of entries(root)) {
      if (e.name.startsWith('.') || e.name.startsWith('__')) continue;
      const full = path.join(root, e.name);
      if (kind === 'lwc') {
        if (!e.isDirectory()) continue;
        // A folder of forceignored helpers (e.g. shared .d.ts types) is not a bundle.
        const inside = allFiles.filter((f) => f.startsWith(full + path.sep));
        if (inside.every((f) => ignored.has(f)) && !present.has(path.join(full, `${e.name}.ts`))) continue;
        const meta = path.join(full, `${e.name}.js-meta.xml`);
        const hasSource = present.has(path.join(full, `${e.name}.ts`)) || present.has(path.join(full, `${e.name}.js`));
        const otherMeta = entries(full).filter(
          (x) => x.name.endsWith('.js-meta.xml') && x.name !== `${e.name}.js-meta.xml`
        );
        for (const m of otherMeta) {
          out.push({
            file: path.join(full, m.name),
            message: `LWC bundle metadata must be named ${e.name}.js-meta.xml (after its folder); ${m.name} is not deployed`,
          });
        }
        if (!present.has(meta)) {
          out.push({
            file: full,
            message: `LWC bundle ${e.name} has no ${e.name}.js-meta.xml: a deploy skips the component`,
          });
        } else if (!hasSource) {
          out.push({
            file: meta,
            message: `LWC bundle ${e.name} has ${e.name}.js-meta.xml but no ${e.name}.ts or ${e.name}.js`,
          });
        }
      } else if (kind === 'aura') {
        if (!e.isDirectory()) continue;
        const defs = ['cmp', 'app', 'evt', 'intf', 'tokens']
          .map((x) => path.join(full, `${e.name}.${x}`))
          .filter((p) => present.has(p));
        if (defs.length === 0) {
          out.push({
            file: full,
            message: `Aura bundle ${e.name} has no ${e.name}.cmp/.app/.evt/.intf/.tokens definition`,
          });
        }
        for (const d of defs) {
          if (!present.has(`${d}-meta.xml`))
            out.push({
              file: d,
              message: `${path.basename(d)} has no ${path.basename(d)}-meta.xml: a deploy skips the bundle`,
            });
        }
        for (const x of entries(full)) {
          const m = /^(.*)\.(cmp|app|evt|intf|tokens)-meta\.xml$/.exec(x.name);
          if (m && !present.has(path.join(full, `${m[1]}.${m[2]}`))) {
            out.push({ file: path.join(full, x.name), message: `${x.name} has no ${m[1]}.${m[2]} beside it` });
          }
        }
      } else {
        // staticresources: <name>.resource-meta.xml + <name>.<ext> or <name>/
        const name = e.name.split('.')[0];
        if (e.name.endsWith('.resource-meta.xml')) {
          const rname = e.name.slice(0, -'.resource-meta.xml'.length);
          const content = entries(root).some(
            (x) =>
              x.name !== e.name &&
              (x.name === rname || x.name.startsWith(`${rname}.`)) &&
              !x.name.endsWith('-meta.xml') &&
              !ignored.has(path.join(root, x.name))
          );
          if (!content)
            out.push({
              file: full,
              message: `static resource ${rname} has metadata but no ${rname}.<ext> file or ${rname}/ folder`,
            });
        } else if (
          !e.name.endsWith('-meta.xml') &&
          !ignored.has(full) &&
          !(e.isDirectory() && isDirectory(full) && entries(full).length === 0)
        ) {
          if (!present.has(path.join(root, `${name}.resource-meta.xml`))) {
            out.push({
              file: full,
              message: `static resource ${e.name} has no ${name}.resource-meta.xml: a deploy skips it`,
            });
          }
        }
      }
    }
  }
  return out;
}
