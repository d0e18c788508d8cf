// @ts-check
/**
 * Scratch-org definitions: the `settings` a `sf org create scratch` deploys.
 *
 * The CLI (@salesforce/core's scratchOrgSettingsGenerator) turns each key under
 * `settings` into a Settings file: `upperFirst(key)` is the root element and
 * the file is `<key without "Settings">.settings`, deployed after the org is
 * made. A key that is no Metadata API settings type (`activitySettings` for
 * ActivitiesSettings) or a value its type does not have fails that deploy.
 *
 * Rule `scratch-def`, for every scratch definition: config/*scratch-def*.json,
 * sfdx-project.json `packageDirectories[].definitionFile`, and the files the CI
 * workflows pass as `--definition-file`:
 *   - every key under `settings` is the lower-camel name of a Metadata API
 *     type ending in "Settings" (one that extends Metadata in the generated
 *     schema and that SDR does not register as a type of its own, such as
 *     ExtlClntAppOauthSettings), with the nearest valid name suggested;
 *   - its object validates against that type: unknown properties (nearest
 *     valid name suggested), JSON value types, enum values. Missing "required"
 *     properties are not findings: a Settings deploy changes only the fields
 *     it names. A single object where the type wants a list is accepted (the
 *     CLI writes both as the same XML).
 * `features` is not checked: no complete list ships offline (the
 * @salesforce/schemas scratch-def schema is an editor aid that lags
 * Salesforce's Scratch Org Features page, and only a transitive dependency).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @typedef {import('./common.mjs').Finding} Finding */
/** @typedef {import('./metadata-schema.mjs').SchemaValidator} SchemaValidator */
/** @typedef {import('./metadata-schema.mjs').JsonSchema} JsonSchema */

const RULE = 'scratch-def';
const require = createRequire(import.meta.url);

/** Settings types SDR deploys as types of their own (not `.settings` files). */
const OWN_TYPES = (() => {
  const registry = JSON.parse(
    readFileSync(require.resolve('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'), 'utf8')
  );
  return new Set(
    Object.values(/** @type {Record<string, { name: string, suffix?: string }>} */ (registry.types))
      .filter((t) => t.name.endsWith('Settings') && t.suffix !== 'settings')
      .map((t) => t.name)
  );
})();

/**
 * The scratch definitions of a project, each with where it is named (for a
 * missing file).
 * @param {string} projectDir
 * @returns {Array<{ file: string, namedIn?: string }>}
 */
export function scratchDefFiles(projectDir) {
  /** @type {Map<string, string | undefined>} */
  const files = new Map();
  const config = path.join(projectDir, 'config');
  if (existsSync(config))
    for (const name of readdirSync(config).sort())
      if (/scratch-def.*\.json$/i.test(name)) files.set(path.join(config, name), undefined);
  const project = path.join(projectDir, 'sfdx-project.json');
  if (existsSync(project)) {
    try {
      for (const dir of JSON.parse(readFileSync(project, 'utf8')).packageDirectories ?? [])
        if (typeof dir?.definitionFile === 'string') {
          const f = path.resolve(projectDir, dir.definitionFile);
          if (!files.has(f)) files.set(f, project);
        }
    } catch {
      // An unreadable sfdx-project.json is every other stage's finding.
    }
  }
  const workflows = path.join(projectDir, '.github', 'workflows');
  if (existsSync(workflows))
    for (const name of readdirSync(workflows).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const wf = path.join(workflows, name);
      for (const m of readFileSync(wf, 'utf8').matchAll(/--definition-file[= ]+["']?([^\s"']+)/g)) {
        const f = path.resolve(projectDir, m[1]);
        if (!files.has(f)) files.set(f, wf);
      }
    }
  return [...files].map(([file, namedIn]) => ({ file, namedIn }));
}

/**
 * Findings of every scratch definition of `projectDir`.
 * @param {string} projectDir
 * @param {SchemaValidator} validator
 * @returns {Finding[]}
 */
export function scratchDefFindings(projectDir, validator) {
  /** @type {Finding[]} */
  const findings = [];
  for (const { file, namedIn } of scratchDefFiles(projectDir)) {
    if (!existsSync(file)) {
      findings.push({
        file: namedIn ?? file,
        rule: RULE,
        message: `names the scratch definition ${path.relative(projectDir, file)}, which does not exist`,
      });
      continue;
    }
    findings.push(...checkScratchDef(file, readFileSync(file, 'utf8'), validator));
  }
  return findings;
}

/**
 * Findings of one scratch definition's text.
 * @param {string} file
 * @param {string} text
 * @param {SchemaValidator} validator
 * @returns {Finding[]}
 */
export function checkScratchDef(file, text, validator) {
  /** @type {Finding[]} */
  const findings = [];
  /** @param {string[]} keys @param {string} message */
  const add = (keys, message) => findings.push({ file, line: lineOf(text, keys), rule: RULE, message });
  /** @type {unknown} */
  let def;
  try {
    def = JSON.parse(text);
  } catch (e) {
    findings.push({ file, line: 1, rule: RULE, message: `not valid JSON: ${/** @type {Error} */ (e).message}` });
    return findings;
  }
  const settings = isObject(def) ? def.settings : undefined;
  if (settings === undefined) return findings;
  if (!isObject(settings)) {
    add(['settings'], '"settings" must be an object whose keys name Metadata API settings types');
    return findings;
  }
  const types = settingsTypes(validator);
  const byKey = new Map(types.map((t) => [lowerFirst(t), t]));
  for (const [key, value] of Object.entries(settings)) {
    const where = `settings.${key}`;
    const typeName = byKey.get(key);
    if (!typeName) {
      const exact = types.find((t) => t === key || t.toLowerCase() === key.toLowerCase());
      const hint = exact ? undefined : nearest(key, [...byKey.keys()]);
      add(
        ['settings', key],
        exact
          ? `${key}: settings keys are the lower-camel name of the settings type; write ${lowerFirst(exact)}`
          : `${key} is not a Metadata API settings type${hint ? ` (did you mean ${hint}?)` : ''}; sf org create scratch would fail to deploy it`
      );
      continue;
    }
    if (!isObject(value)) {
      add(['settings', key], `${where} must be an object of ${typeName} fields, found ${describe(value)}`);
      continue;
    }
    const validate = validator.ajv.getSchema(`md#/definitions/${typeName}`);
    if (!validate) continue;
    const data = wrapLists(validator, structuredClone(value), { $ref: `#/definitions/${typeName}` });
    validate(data);
    for (const err of validate.errors ?? []) {
      const ptr = err.instancePath.split('/').slice(1);
      const p = /** @type {Record<string, any>} */ (err.params);
      const owner = /#\/definitions\/([^/]+)\/[^/]+$/.exec(err.schemaPath)?.[1] ?? typeName;
      const at = [where, ...ptr]
        .map((s) => (/^\d+$/.test(s) ? `[${s}]` : s))
        .join('.')
        .replace(/\.\[/g, '[');
      const keys = ['settings', key, ...ptr.filter((s) => !/^\d+$/.test(s))];
      switch (err.keyword) {
        case 'required':
          break; // a Settings deploy changes only the fields it names
        case 'additionalProperties': {
          const prop = String(p.additionalProperty);
          const props = Object.keys(validator.resolve({ $ref: `#/definitions/${owner}` }).s.properties ?? {});
          const hint = nearest(prop, props);
          add([...keys, prop], `${at}.${prop}: ${owner} has no field ${prop}${hint ? ` (did you mean ${hint}?)` : ''}`);
          break;
        }
        case 'type':
          add(keys, `${at} must be ${article(String(p.type))}, found ${describe(valueAt(data, ptr))}`);
          break;
        case 'enum': {
          const allowed = /** @type {unknown[]} */ (p.allowedValues ?? []);
          const shown = allowed.slice(0, 20).join(', ') + (allowed.length > 20 ? `, … (${allowed.length} values)` : '');
          add(keys, `${at} is ${describe(valueAt(data, ptr))}, not one of: ${shown}`);
          break;
        }
        default:
          add(keys, `${at} ${err.message ?? 'is invalid'}`);
      }
    }
  }
  return findings;
}

/** @type {WeakMap<SchemaValidator, string[]>} */
const typesCache = new WeakMap();

/**
 * Metadata API settings types: definitions ending in "Settings" that extend
 * Metadata (have `fullName`) and are deployed as `.settings` files.
 * @param {SchemaValidator} validator
 */
function settingsTypes(validator) {
  let types = typesCache.get(validator);
  if (!types) {
    types = Object.entries(validator.schema.definitions)
      .filter(([name, def]) => name.endsWith('Settings') && def.properties?.fullName && !OWN_TYPES.has(name))
      .map(([name]) => name)
      .sort();
    typesCache.set(validator, types);
  }
  return types;
}

/**
 * Wraps a single value in a list where the schema wants a list (the CLI
 * writes `{…}` and `[{…}]` as the same XML), in place.
 * @param {SchemaValidator} validator
 * @param {unknown} data
 * @param {JsonSchema} schemaIn
 * @returns {unknown}
 */
function wrapLists(validator, data, schemaIn) {
  const { s } = validator.resolve(schemaIn);
  if (s.type === 'array') {
    const list = Array.isArray(data) ? data : [data];
    return list.map((x) => wrapLists(validator, x, s.items ?? {}));
  }
  if (isObject(data) && s.properties)
    for (const [k, v] of Object.entries(data)) {
      const prop = s.properties[k];
      if (prop) data[k] = wrapLists(validator, v, prop);
    }
  return data;
}

/**
 * @param {unknown} v
 * @returns {v is Record<string, unknown>}
 */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @param {string} s */
const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/** @param {string} type a JSON Schema type */
const article = (type) => (type === 'boolean' ? 'true or false' : type === 'object' ? 'an object' : `a ${type}`);

/** @param {unknown} v */
function describe(v) {
  if (typeof v === 'string') return `the text '${v}'`;
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

/**
 * @param {unknown} data
 * @param {string[]} ptr
 */
function valueAt(data, ptr) {
  let cur = data;
  for (const seg of ptr) cur = isObject(cur) || Array.isArray(cur) ? /** @type {any} */ (cur)[seg] : undefined;
  return cur;
}

/**
 * The closest candidate by edit distance (case-insensitive), if it is close.
 * @param {string} word
 * @param {string[]} candidates
 */
export function nearest(word, candidates) {
  let best;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/**
 * Levenshtein distance.
 * @param {string} a
 * @param {string} b
 */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Line of the last of `keys` found, each searched after the one before it.
 * @param {string} text
 * @param {string[]} keys
 */
function lineOf(text, keys) {
  let pos = 0;
  let found = -1;
  for (const key of keys) {
    const re = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'g');
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    found = m.index;
    pos = m.index + m[0].length;
  }
  return found < 0 ? 1 : text.slice(0, found).split('\n').length;
}
