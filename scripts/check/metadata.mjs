// @ts-check
/**
 * Metadata checks: the part of a deploy's validation we can run offline.
 *
 * Over every file of the project's package directories (less .forceignore):
 *   xml-wellformed  every *.xml parses (line/column of the first error)
 *   meta-pair       content files have their -meta.xml and vice versa; LWC,
 *                   Aura and static-resource bundles are complete
 *   schema          every -meta.xml matches its Metadata API type (JSON Schema
 *                   generated from @salesforce/types), plus the field/object
 *                   shape rules the WSDL cannot express
 *   xref            references between files resolve (fields, objects, tabs,
 *                   apps, components, value sets, picklist values, …)
 *   help-text       every custom field has a description and inline help
 *                   text, every custom object a description (product rule)
 *   permissions     permission sets hold together as a deploy demands: object
 *                   permission dependencies (master-detail parents included),
 *                   no field permissions on required/master-detail fields,
 *                   none editable on calculated fields, editable needs readable
 *   org-picklist    no literal values of org-defined standard picklists (Task
 *                   Status, Opportunity StageName, …) in quick actions or flows
 *
 * And over the scratch-org definitions (config/*scratch-def*.json, sfdx-project
 * definitionFile, CI's --definition-file; see lib/metadata-scratch-def.mjs):
 *   scratch-def     every key under `settings` is the lower-camel name of a
 *                   Metadata API settings type (activitiesSettings, not
 *                   activitySettings) and its object matches that type:
 *                   known fields, JSON value types, enum values. `features`
 *                   is not checked (no authoritative list offline)
 *
 * Usage: node scripts/check/metadata.mjs [projectDir]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve/lib/src/resolve/forceIgnore.js';
import { packageDirs, runAsCli, walk } from './lib/common.mjs';
import { Model } from './lib/metadata-model.mjs';
import { SchemaValidator, metadataSchema } from './lib/metadata-schema.mjs';
import { INLINE_CHILDREN, classify, pairingProblems } from './lib/metadata-types.mjs';
import { loadXml, textOf } from './lib/metadata-xml.mjs';
import { CrossReferencer } from './lib/metadata-xref.mjs';
import { orgPicklistFindings } from './lib/metadata-org-picklists.mjs';
import { permissionSetFindings } from './lib/metadata-permissions.mjs';
import { scratchDefFindings } from './lib/metadata-scratch-def.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */
/** @typedef {import('./lib/metadata-model.mjs').MetaFile} MetaFile */

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** @type {Promise<SchemaValidator> | undefined} compiled once per process */
let validatorPromise;

/** Rule ids in the order the summary lists them, with what "passing" reads as. */
const RULES = /** @type {const} */ ([
  ['xml-wellformed', 'well-formed', 'malformed XML file(s)'],
  ['meta-pair', 'paired', 'pairing problem(s)'],
  ['schema', 'schema-valid', 'schema finding(s)'],
  ['xref', 'cross-references resolve', 'unresolved cross-reference(s)'],
  ['help-text', 'help text complete', 'missing description/help text'],
  ['permissions', 'permission sets consistent', 'permission-set dependency problem(s)'],
  ['org-picklist', 'no org-defined picklist literals', 'org-defined picklist literal(s)'],
  ['scratch-def', 'scratch definitions valid', 'scratch-definition problem(s)'],
]);

/**
 * Whether .forceignore keeps a file out of deploys, with SDR's own matcher
 * (the `ignore` rules plus SDR's defaults). SDR's `denies()` logs every hit
 * through @salesforce/core's logger, which costs seconds per run, so the
 * matcher is called directly when it is there.
 * @param {string} projectDir
 * @returns {(file: string) => boolean}
 */
function forceIgnoreTester(projectDir) {
  const file = path.join(projectDir, '.forceignore');
  if (!existsSync(file)) return () => false;
  const fi = new ForceIgnore(file);
  const parser = /** @type {{ parser?: { ignores?: (p: string) => boolean } }} */ (/** @type {unknown} */ (fi)).parser;
  if (parser && typeof parser.ignores === 'function') {
    const ignores = parser.ignores.bind(parser);
    return (f) => ignores(path.relative(projectDir, f).split(path.sep).join('/'));
  }
  return (f) => fi.denies(f);
}

/**
 * @param {string} projectDir
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir) {
  const dirs = packageDirs(projectDir);
  const ignored = forceIgnoreTester(projectDir);
  const allFiles = dirs.flatMap((d) => walk(d));
  const files = allFiles.filter((f) => !ignored(f));

  /** @type {Finding[]} */
  const findings = [];

  // 1. Well-formed XML; keep the trees of metadata files.
  /** @type {Array<{ file: string, root: import('./lib/metadata-xml.mjs').XNode }>} */
  const trees = [];
  for (const file of files) {
    if (!file.endsWith('.xml')) continue;
    const loaded = loadXml(readFileSync(file, 'utf8'));
    if (loaded.problem) {
      findings.push({
        file,
        line: loaded.problem.line,
        column: loaded.problem.column,
        rule: 'xml-wellformed',
        message: `not well-formed XML: ${loaded.problem.message}`,
      });
    } else if (file.endsWith('-meta.xml')) {
      trees.push({ file, root: loaded.root });
    }
  }

  // 2. Pairs.
  for (const p of pairingProblems(files, allFiles))
    findings.push({ file: p.file, rule: 'meta-pair', message: p.message });

  // 3. Schema.
  validatorPromise ??= metadataSchema().then((schema) => new SchemaValidator(schema));
  const validator = await validatorPromise;
  /** @type {MetaFile[]} */
  const metaFiles = [];
  /** @type {Set<string>} */
  const unvalidatedTypes = new Set();
  for (const { file, root } of trees) {
    const pkgDir = dirs.find((d) => file.startsWith(d + path.sep)) ?? path.dirname(file);
    const kind = classify(file, pkgDir);
    if ('unknown' in kind) {
      findings.push({
        file,
        line: 1,
        rule: 'schema',
        message: `cannot tell the metadata type of this file (suffix '${kind.unknown}' is not in the Metadata API registry); a deploy fails with "Could not infer a metadata type"`,
      });
      continue;
    }
    metaFiles.push({ file, kind, root });
    // Children written inline in their parent (allowed, if unusual in source
    // format) take part in cross-references like decomposed ones.
    for (const child of root.children) {
      const childType = INLINE_CHILDREN.get(kind.type)?.get(child.name);
      const name = textOf(child, 'fullName');
      if (childType && name)
        metaFiles.push({
          file,
          kind: { type: childType, fullName: `${kind.fullName}.${name}`, name, parent: kind.fullName },
          root: child,
        });
    }
    if (root.name !== kind.type) {
      findings.push({
        file,
        line: root.line,
        rule: 'schema',
        message: `root element is <${root.name}>, but a ${path.basename(file)} file holds a ${kind.type}`,
      });
      continue;
    }
    if (root.attrs.xmlns !== METADATA_NS) {
      findings.push({
        file,
        line: root.line,
        rule: 'schema',
        message: `<${root.name}> must declare xmlns="${METADATA_NS}"`,
      });
    }
    const fullName = textOf(root, 'fullName');
    if (kind.parent && fullName !== undefined && fullName !== kind.name) {
      findings.push({
        file,
        line: root.line,
        rule: 'schema',
        message: `<fullName>${fullName}</fullName> does not match the file name ${kind.name}: a deploy would create ${kind.parent}.${fullName}`,
      });
    }
    if (!validator.knows(kind.type)) {
      unvalidatedTypes.add(kind.type);
      continue;
    }
    for (const issue of validator.validate(kind.type, root))
      findings.push({ file, line: issue.line, rule: 'schema', message: issue.message });
  }

  // 4 + 5. Cross-references, shape rules, help text.
  const model = new Model(metaFiles);
  findings.push(...new CrossReferencer(model).run(metaFiles));

  // 6 + 7. Permission-set dependencies; literals of org-defined picklists.
  findings.push(...permissionSetFindings(model, metaFiles), ...orgPicklistFindings(metaFiles));

  // 8. Scratch-org definitions' settings against the Metadata API settings types.
  findings.push(...scratchDefFindings(projectDir, validator));

  findings.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message)
  );

  /** @type {Map<string, number>} */
  const counts = new Map(RULES.map(([id]) => [id, 0]));
  for (const f of findings) counts.set(f.rule ?? '', (counts.get(f.rule ?? '') ?? 0) + 1);
  const parts = RULES.map(([id, ok, bad]) => ((counts.get(id) ?? 0) === 0 ? ok : `${counts.get(id)} ${bad}`));
  const extra = unvalidatedTypes.size ? ` (no schema for ${[...unvalidatedTypes].sort().join(', ')})` : '';
  return { findings, summary: `${files.length} files: ${parts.join(', ')}${extra}` };
}

runAsCli(import.meta.url, check);
