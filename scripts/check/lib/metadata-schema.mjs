// @ts-check
/**
 * Schema validation of metadata XML against the Metadata API types.
 *
 * `@salesforce/types` (lib/metadata.d.ts) is generated from the Metadata API
 * WSDL. ts-json-schema-generator turns it into a JSON Schema (cached under
 * node_modules/.cache/relationship-maps/, keyed by the package version), and
 * ajv validates each file's XML against it after {@link normalize} has given
 * the untyped XML the shape the schema expects.
 *
 * What the generated types say about optionality (read from the generator in
 * forcedotcom/wsdl): a scalar element is optional (`foo?:`) exactly when the
 * WSDL says minOccurs="0" or nillable; an array element (maxOccurs="unbounded")
 * is always typed as a required `Foo[]`, whatever its minOccurs. So required
 * arrays are dropped from `required` here: an absent list is an empty list.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';

/** Bump when the post-processing below changes, to invalidate old caches. */
const SCHEMA_FORMAT = 2;

/**
 * Elements the WSDL types as a string but that hold XML in source format, and
 * so are checked elsewhere (xref) rather than by the schema.
 * LightningComponentBundle.targetConfigs carries `<targetConfig targets="…">`.
 */
const OPAQUE = new Set(['LightningComponentBundle.targetConfigs']);

/** @typedef {import('./metadata-xml.mjs').XNode} XNode */

/**
 * @typedef {object} SchemaIssue
 * @property {number} line
 * @property {string} message
 */

/**
 * A JSON Schema node, as far as this module reads it.
 * @typedef {object} JsonSchema
 * @property {string} [$ref]
 * @property {string | string[]} [type]
 * @property {Record<string, JsonSchema>} [properties]
 * @property {string[]} [required]
 * @property {JsonSchema} [items]
 * @property {unknown[]} [enum]
 * @property {unknown} [const]
 * @property {Record<string, JsonSchema>} [definitions]
 */

const require = createRequire(import.meta.url);

/** Where the cached schema lives and what it is keyed by. */
function cacheLocation() {
  // The package's "exports" hide package.json; find it from an exported entry.
  const pkgDir = path.resolve(path.dirname(require.resolve('@salesforce/types/metadata')), '..');
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const nodeModules = path.resolve(pkgDir, '..', '..');
  const dir = path.join(nodeModules, '.cache', 'relationship-maps');
  return {
    dts: path.join(pkgDir, 'lib', 'metadata.d.ts'),
    file: path.join(dir, `metadata-schema-${version}-f${SCHEMA_FORMAT}.json`),
    dir,
  };
}

/**
 * Drops array properties from `required` (see the module comment).
 * @param {{ definitions: Record<string, JsonSchema> }} schema
 */
function relaxArrays(schema) {
  for (const def of Object.values(schema.definitions)) {
    if (!def.required || !def.properties) continue;
    const props = def.properties;
    def.required = def.required.filter((p) => props[p]?.type !== 'array');
    if (def.required.length === 0) delete def.required;
  }
  return schema;
}

/** @type {Promise<{ definitions: Record<string, JsonSchema> }> | undefined} */
let schemaPromise;

/**
 * The Metadata API JSON Schema: from the cache, or generated (~4 s) and cached.
 * @returns {Promise<{ definitions: Record<string, JsonSchema> }>}
 */
export function metadataSchema() {
  schemaPromise ??= (async () => {
    const where = cacheLocation();
    if (existsSync(where.file)) {
      try {
        return JSON.parse(readFileSync(where.file, 'utf8'));
      } catch {
        // A torn or corrupt cache: regenerate below.
      }
    }
    const { createGenerator } = await import('ts-json-schema-generator');
    const generator = createGenerator({
      path: where.dts,
      type: '*',
      skipTypeCheck: true,
      expose: 'export',
      topRef: true,
      jsDoc: 'none',
      additionalProperties: false,
    });
    const schema = relaxArrays(/** @type {any} */ (generator.createSchema('*')));
    mkdirSync(where.dir, { recursive: true });
    // Write-then-rename so concurrent runs never read half a file.
    const tmp = `${where.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(schema));
    renameSync(tmp, where.file);
    return schema;
  })();
  return schemaPromise;
}

/**
 * Validates parsed metadata XML against one Metadata API type.
 */
export class SchemaValidator {
  /** @param {{ definitions: Record<string, JsonSchema> }} schema */
  constructor(schema) {
    this.schema = schema;
    this.ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    this.ajv.addSchema(schema, 'md');
  }

  /** @param {string} typeName */
  knows(typeName) {
    return Object.prototype.hasOwnProperty.call(this.schema.definitions, typeName);
  }

  /**
   * @param {JsonSchema} s
   * @returns {{ s: JsonSchema, name?: string }}
   */
  resolve(s) {
    /** @type {string | undefined} */
    let name;
    let cur = s;
    for (let guard = 0; cur.$ref && guard < 50; guard++) {
      name = cur.$ref.replace('#/definitions/', '');
      cur = this.schema.definitions[name] ?? {};
    }
    return { s: cur, name };
  }

  /**
   * Problems of `root` (the file's root element) as a `typeName`.
   * @param {string} typeName
   * @param {XNode} root
   * @returns {SchemaIssue[]}
   */
  validate(typeName, root) {
    const validate = this.ajv.getSchema(`md#/definitions/${typeName}`);
    if (!validate) return [];
    /** @type {Ctx} */
    const ctx = { lines: new Map([['', root.line]]), issues: [], reported: new Set(), root: root.name };
    const data = this.normalize(root, { $ref: `#/definitions/${typeName}` }, '', ctx);
    validate(data);
    for (const err of validate.errors ?? []) {
      if (ctx.reported.has(err.instancePath)) continue;
      const where = xpath(ctx.root, err.instancePath);
      const line = lineFor(ctx.lines, err.instancePath);
      const p = /** @type {Record<string, any>} */ (err.params);
      switch (err.keyword) {
        case 'additionalProperties': {
          const child = `${err.instancePath}/${p.additionalProperty}`;
          const owner =
            /#\/definitions\/([^/]+)\/additionalProperties$/.exec(err.schemaPath)?.[1] ??
            (err.schemaPath === '#/additionalProperties' ? typeName : undefined);
          ctx.issues.push({
            line: lineFor(ctx.lines, child),
            message: `unknown element <${p.additionalProperty}> in ${where}${owner ? ` (Metadata API type ${owner} has no such field)` : ''}`,
          });
          break;
        }
        case 'required':
          ctx.issues.push({ line, message: `missing required element <${p.missingProperty}> in ${where}` });
          break;
        case 'enum': {
          const allowed = /** @type {unknown[]} */ (p.allowedValues ?? []);
          const shown = allowed.slice(0, 20).join(', ') + (allowed.length > 20 ? `, … (${allowed.length} values)` : '');
          ctx.issues.push({
            line,
            message: `${where} is '${String(at(data, err.instancePath))}', not one of: ${shown}`,
          });
          break;
        }
        case 'const':
          ctx.issues.push({
            line,
            message: `${where} is '${String(at(data, err.instancePath))}', must be '${String(p.allowedValue)}'`,
          });
          break;
        case 'type':
          ctx.issues.push({
            line,
            message:
              p.type === 'object'
                ? `${where} must contain child elements, found text '${String(at(data, err.instancePath))}'`
                : p.type === 'string'
                  ? `${where} must be text, found child elements`
                  : `${where} must be ${p.type}`,
          });
          break;
        default:
          ctx.issues.push({ line, message: `${where} ${err.message ?? 'is invalid'}` });
      }
    }
    return ctx.issues;
  }

  /**
   * Gives untyped XML the shape `schema` wants: repeated or single elements
   * become arrays where it wants arrays, "true"/"false" become booleans and
   * numerals numbers where it wants those (a finding when they do not
   * convert). Unknown elements are kept as they are, for ajv to report.
   * @param {XNode} node
   * @param {JsonSchema} schemaIn
   * @param {string} ptr JSON pointer of this node in the normalized data
   * @param {Ctx} ctx
   * @returns {unknown}
   */
  normalize(node, schemaIn, ptr, ctx) {
    const { s: schema, name: defName } = this.resolve(schemaIn);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object' || schema.properties) {
      if (node.children.length === 0 && node.text !== '') return node.text;
      /** @type {Record<string, unknown>} */
      const out = {};
      /** @type {Map<string, XNode[]>} */
      const groups = new Map();
      for (const c of node.children) {
        if (c.attrs['xsi:nil'] === 'true') continue;
        const g = groups.get(c.name);
        if (g) g.push(c);
        else groups.set(c.name, [c]);
      }
      for (const [name, group] of groups) {
        const childPtr = `${ptr}/${name}`;
        ctx.lines.set(childPtr, group[0].line);
        const prop = schema.properties?.[name];
        if (!prop) {
          out[name] = generic(group[0]);
          continue;
        }
        if (defName && OPAQUE.has(`${defName}.${name}`)) {
          out[name] = '';
          continue;
        }
        const { s: propSchema } = this.resolve(prop);
        if (propSchema.type === 'array') {
          const items = propSchema.items ?? {};
          out[name] = group.map((c, i) => {
            ctx.lines.set(`${childPtr}/${i}`, c.line);
            return this.normalize(c, items, `${childPtr}/${i}`, ctx);
          });
        } else {
          if (group.length > 1) {
            ctx.issues.push({
              line: group[1].line,
              message: `<${name}> appears ${group.length} times in ${xpath(ctx.root, ptr)}; it may appear once`,
            });
          }
          out[name] = this.normalize(group[0], prop, childPtr, ctx);
        }
      }
      return out;
    }
    if (node.children.length > 0) return generic(node);
    const text = node.text;
    if (type === 'boolean') {
      if (text === 'true') return true;
      if (text === 'false') return false;
      ctx.reported.add(ptr);
      ctx.issues.push({ line: node.line, message: `${xpath(ctx.root, ptr)} must be true or false, found '${text}'` });
      return text;
    }
    if (type === 'number') {
      if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
      ctx.reported.add(ptr);
      ctx.issues.push({ line: node.line, message: `${xpath(ctx.root, ptr)} must be a number, found '${text}'` });
      return text;
    }
    return text;
  }
}

/**
 * @typedef {object} Ctx
 * @property {Map<string, number>} lines JSON pointer → line of the element
 * @property {SchemaIssue[]} issues
 * @property {Set<string>} reported pointers already reported by normalize
 * @property {string} root root element name, for messages
 */

/**
 * Untyped conversion for elements the schema does not know (or types as any).
 * @param {XNode} node
 * @returns {unknown}
 */
function generic(node) {
  if (node.children.length === 0) return node.text;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const c of node.children) {
    const v = generic(c);
    const prev = out[c.name];
    if (prev === undefined) out[c.name] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[c.name] = [prev, v];
  }
  return out;
}

/**
 * The value at JSON pointer `ptr` of `data`.
 * @param {unknown} data
 * @param {string} ptr
 * @returns {unknown}
 */
function at(data, ptr) {
  let cur = data;
  for (const seg of ptr.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = /** @type {Record<string, unknown>} */ (cur)[seg];
  }
  return cur;
}

/**
 * Line of the element at `ptr`, or of its nearest ancestor we know.
 * @param {Map<string, number>} lines
 * @param {string} ptr
 */
function lineFor(lines, ptr) {
  let p = ptr;
  for (;;) {
    const l = lines.get(p);
    if (l !== undefined) return l;
    if (p === '') return 1;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * `/valueSet/valueSetDefinition/value/2/default` → `CustomField/valueSet/valueSetDefinition/value[3]/default`
 * @param {string} root
 * @param {string} ptr
 */
export function xpath(root, ptr) {
  let out = `<${root}>`;
  if (ptr === '') return out;
  out = root;
  for (const seg of ptr.split('/').slice(1)) {
    if (/^\d+$/.test(seg)) out += `[${Number(seg) + 1}]`;
    else out += `/${seg}`;
  }
  return `<${out}>`;
}
