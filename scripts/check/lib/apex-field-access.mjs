// @ts-check
/**
 * Field access and org-defined picklist values in Apex, against the project's metadata (objects,
 * fields, and the User permission set). Part of the apex-rules stage; the rules:
 *
 * - trigger-field-read: a SOQL query in user mode (WITH USER_MODE or WITH SECURITY_ENFORCED; from
 *   API 67, also a query that names no mode) in code a trigger reaches, that reads a field the
 *   User permission set (USER_PERMISSION_SET) does not grant read on, with no handled error. A
 *   user holding only that permission set (and every integration or Data Loader user without it)
 *   then gets an unhandled QueryException and the save fails. Read means every field the query
 *   names: SELECT list, WHERE, ORDER BY and GROUP BY, each hop of a relationship path, and
 *   sub-queries on their own object. TYPEOF and dynamic queries are not read.
 *   "Handled": the query sits in the try block of a try whose catch takes QueryException (or
 *   Exception), or every call of its method (in the project, by name; up to three calls up) does.
 *   "Code a trigger reaches" is an approximation by name: the classes triggers/*.trigger name, then
 *   every project class those classes name, transitively (calls through interfaces, Type.forName or
 *   strings are not followed; naming a class without calling it still counts).
 *
 * - user-mode-field-write: a field written on a record that the same method then saves in user
 *   mode (insert/update/upsert `as user`, or Database.insert/update/upsert with
 *   AccessLevel.USER_MODE; from API 67 also without a mode) that the User permission set does not
 *   let the user edit: the save fails for a user holding only that permission set. "Written":
 *   `new Task(Description = …)` and `record.Field__c = …` where `record` is a local, parameter or
 *   class field declared as that SObject type, within one method or constructor. When the saved
 *   expression's type is known (a variable, a list of a type, `new T(…)`), only writes to that type
 *   count. Records built in one method and saved by another are not followed.
 *
 * - org-picklist: a string literal (or a project `static final String` constant holding one)
 *   assigned to, compared with, or used in a SOQL filter on a standard picklist whose values each
 *   org defines (Task Status, Opportunity StageName, …; see ORG_PICKLISTS in
 *   lib/salesforce-fields.mjs). Platform-fixed picklists (TaskSubtype, EventSubtype) and the
 *   project's own picklists and global value sets are fine. Test classes are checked too: a test
 *   that inserts Status 'Completed' fails in an org that renamed it.
 *
 * Which fields take field permissions: project fields unless required or master-detail (those are
 * readable and editable with their object); standard fields per STANDARD_FLS in
 * lib/salesforce-fields.mjs. A standard field that table does not classify is reported, so the
 * table is reviewed whenever code starts to read (in trigger code) or write one.
 *
 * trigger-field-read and user-mode-field-write need the User permission set; a project without it
 * (such as most checker fixtures) skips them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AssignExpressionContext,
  ClassDeclarationContext,
  ConstructorDeclarationContext,
  CreatorContext,
  DotExpressionContext,
  EnhancedForControlContext,
  EqualityExpressionContext,
  FieldDeclarationContext,
  FieldExpressionContext,
  FieldNameContext,
  FormalParameterContext,
  IfStatementContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  MethodCallExpressionContext,
  MethodDeclarationContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SelectEntryContext,
  SoqlLiteralContext,
  SubExpressionContext,
  SubQueryContext,
  TriggerUnitContext,
  TryStatementContext,
  TypeOfContext,
} from '@apexdevtools/apex-parser';
import { ancestors, childrenOf, descendants, lower, positionOf } from './apex-parse.mjs';
import { packageDirs, walk } from './common.mjs';
import { Model } from './metadata-model.mjs';
import { classify } from './metadata-types.mjs';
import { flag, kid, kids, loadXml } from './metadata-xml.mjs';
import { STANDARD_FLS_HOME, orgDefinedPicklist, orgPicklistMessage, standardFieldFls } from './salesforce-fields.mjs';

/** @typedef {import('./common.mjs').Finding} Finding */
/** @typedef {import('./apex-parse.mjs').ParsedApex} ParsedApex */
/** @typedef {import('./apex-parse.mjs').RuleContext} RuleContext */
/** @typedef {import('./metadata-model.mjs').SObject} SObject */
/** @typedef {import('@apexdevtools/apex-parser').ExpressionContext} ExpressionContext */
/** @typedef {import('@apexdevtools/apex-parser').QueryContext} QueryContext */
/** @typedef {import('@apexdevtools/apex-parser').ValueContext} ValueContext */
/** @typedef {Map<string, Map<string, { expr: ExpressionContext }>>} ConstantTable */

/** The permission set every user of the product holds; the access rules check against it. */
export const USER_PERMISSION_SET = 'Relationship_Maps_User';

/** From this API version, Apex database operations without a mode run in user mode. */
const USER_MODE_DEFAULT_API = 67;

/** Catch types that handle a QueryException. */
const QUERY_CATCHES = new Set(['queryexception', 'system.queryexception', 'exception', 'system.exception']);

/** DML verbs that write field values. */
const WRITE_VERBS = new Set(['insert', 'update', 'upsert']);

/** @param {string} s */
const lc = (s) => s.toLowerCase();

/**
 * @typedef {object} ApexUnit
 * @property {string} file
 * @property {ParsedApex} parsed
 * @property {string} name top-level class or trigger name, as written
 * @property {boolean} trigger
 * @property {boolean} test an IsTest class
 * @property {number} api apiVersion of its -meta.xml (or the project's sourceApiVersion)
 */

/**
 * @typedef {object} Grants
 * @property {string} name the permission set
 * @property {Set<string>} read lower-cased Object.Field the set lets users read
 * @property {Set<string>} edit lower-cased Object.Field the set lets users edit
 */

// ---------------------------------------------------------------------------------------------
// Project metadata
// ---------------------------------------------------------------------------------------------

/**
 * The objects, fields and permission sets of the project, as the metadata checker models them.
 * @param {string} projectDir
 * @returns {{ model: Model, permissionSets: Map<string, import('./metadata-xml.mjs').XNode> }}
 */
function loadMetadata(projectDir) {
  /** @type {import('./metadata-model.mjs').MetaFile[]} */
  const files = [];
  /** @type {Map<string, import('./metadata-xml.mjs').XNode>} */
  const permissionSets = new Map();
  for (const dir of packageDirs(projectDir)) {
    const wanted = (/** @type {string} */ f) =>
      f.endsWith('-meta.xml') && /[\\/](objects|permissionsets|globalValueSets)[\\/]/.test(f);
    for (const file of walk(dir, wanted)) {
      const loaded = loadXml(readFileSync(file, 'utf8'));
      if (loaded.problem) continue; // the metadata stage reports it
      const kind = classify(file, dir);
      if ('unknown' in kind) continue;
      files.push({ file, kind, root: loaded.root });
      if (kind.type === 'PermissionSet') permissionSets.set(lc(kind.fullName), loaded.root);
    }
  }
  return { model: new Model(files), permissionSets };
}

/**
 * Field permissions of one permission set. A grant on an Activity field covers Task and Event.
 * @param {string} name
 * @param {import('./metadata-xml.mjs').XNode} root
 * @returns {Grants}
 */
function grantsOf(name, root) {
  /** @type {Grants} */
  const grants = { name, read: new Set(), edit: new Set() };
  for (const fp of kids(root, 'fieldPermissions')) {
    const field = kid(fp, 'field')?.text;
    if (!field) continue;
    const names = /^activity\./i.test(field)
      ? [field.replace(/^activity/i, 'task'), field.replace(/^activity/i, 'event'), field]
      : [field];
    for (const n of names) {
      if (flag(fp, 'readable') || flag(fp, 'editable')) grants.read.add(lc(n));
      if (flag(fp, 'editable')) grants.edit.add(lc(n));
    }
  }
  return grants;
}

/**
 * Whether users need a field permission to read or edit `object.field`.
 * @param {Model} model
 * @param {string} object
 * @param {string} field
 * @returns {'grant' | 'no' | 'unclassified' | 'unknown'} unknown: the field is not in the model
 */
function permissionNeed(model, object, field) {
  const o = model.object(object);
  if (!o) return 'unknown';
  const f = model.field(o, field);
  if (f?.project) return f.required || f.type === 'MasterDetail' ? 'no' : 'grant';
  if (o.kind === 'project' || o.custom) return f ? 'no' : 'unknown'; // Name, OwnerId, audit fields
  if (/__c$/i.test(field)) return 'unknown'; // a custom field the project does not define
  const fls = standardFieldFls(o.name, field);
  if (fls === 'permissionable') return 'grant';
  if (fls === 'not-permissionable') return 'no';
  return 'unclassified';
}

// ---------------------------------------------------------------------------------------------
// Apex helpers
// ---------------------------------------------------------------------------------------------

/**
 * apiVersion of a class's -meta.xml, else the project's sourceApiVersion, else 65.
 * @param {string} file
 * @param {number} fallback
 */
function apiVersionOf(file, fallback) {
  const meta = `${file}-meta.xml`;
  if (!existsSync(meta)) return fallback;
  const m = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(readFileSync(meta, 'utf8'));
  return m ? Number(m[1]) : fallback;
}

/**
 * @param {ClassDeclarationContext} cls
 */
function isTestClass(cls) {
  const decl = cls.parentCtx;
  const mods =
    /** @type {{ modifier_list?: () => RuleContext[] }} */ (/** @type {unknown} */ (decl)).modifier_list?.() ?? [];
  return mods.some((m) => /^@istest/.test(lower(m)));
}

/**
 * Lower-cased identifier tokens of a tree (class names it mentions, among others).
 * @param {import('./apex-parse.mjs').ParseTree} root
 * @returns {Set<string>}
 */
function identifiers(root) {
  const out = new Set();
  /** @type {import('./apex-parse.mjs').ParseTree[]} */
  const stack = [root];
  while (stack.length) {
    const n = /** @type {import('./apex-parse.mjs').ParseTree} */ (stack.pop());
    if ('symbol' in n) {
      const text = n.getText();
      if (/^[A-Za-z_]\w*$/.test(text)) out.add(lc(text));
    } else {
      stack.push(...childrenOf(n));
    }
  }
  return out;
}

/**
 * @param {RuleContext} node
 * @returns {MethodDeclarationContext | ConstructorDeclarationContext | undefined}
 */
function enclosingMember(node) {
  for (const p of ancestors(node))
    if (p instanceof MethodDeclarationContext || p instanceof ConstructorDeclarationContext) return p;
  return undefined;
}

/**
 * @param {RuleContext} node
 * @returns {ClassDeclarationContext | undefined}
 */
function enclosingClass(node) {
  for (const p of ancestors(node)) if (p instanceof ClassDeclarationContext) return p;
  return undefined;
}

/**
 * Lower-cased class paths around `node`, innermost first: ["outer.inner", "outer"].
 * @param {RuleContext} node
 */
function classPaths(node) {
  /** @type {string[]} */
  const names = [];
  for (const p of ancestors(node)) if (p instanceof ClassDeclarationContext) names.unshift(lower(p.id()));
  return names.map((_, i) => names.slice(0, names.length - i).join('.'));
}

/**
 * The string value of an expression: a literal, or a project `static final String` holding one.
 * @param {ExpressionContext | undefined | null} expr
 * @param {ConstantTable} constants
 * @param {number} [depth]
 * @returns {string | undefined}
 */
function stringValue(expr, constants, depth = 0) {
  if (!expr || depth > 5) return undefined;
  if (expr instanceof SubExpressionContext) return stringValue(expr.expression(), constants, depth + 1);
  if (expr instanceof PrimaryExpressionContext) {
    const primary = expr.primary();
    if (primary instanceof LiteralPrimaryContext) {
      const lit = primary.literal().StringLiteral();
      return lit ? unquote(lit.getText()) : undefined;
    }
    if (primary instanceof IdPrimaryContext) {
      const name = lower(primary.id());
      const def = classPaths(expr)
        .map((p) => constants.get(p)?.get(name))
        .find(Boolean);
      return def ? stringValue(def.expr, constants, depth + 1) : undefined;
    }
    return undefined;
  }
  if (expr instanceof DotExpressionContext && !expr.dotMethodCall()) {
    const parts = lower(expr).split('.');
    const name = /** @type {string} */ (parts.pop());
    const qualifier = parts.join('.');
    const def = [qualifier, ...classPaths(expr).map((p) => `${p}.${qualifier}`)]
      .map((c) => constants.get(c)?.get(name))
      .find(Boolean);
    return def ? stringValue(def.expr, constants, depth + 1) : undefined;
  }
  return undefined;
}

/** @param {string} text a quoted Apex or SOQL string literal */
function unquote(text) {
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}

/**
 * Declared types (lower-cased type text) of the locals, parameters and loop variables of the
 * member around `node`, and of the fields of its class.
 * @param {RuleContext} node
 * @returns {Map<string, string>} lower-cased name → lower-cased type text
 */
function declaredTypes(node) {
  const member =
    node instanceof MethodDeclarationContext || node instanceof ConstructorDeclarationContext
      ? node
      : enclosingMember(node);
  const scope = member ?? enclosingClass(node);
  if (!scope) return new Map();
  let types = typeCache.get(scope);
  if (types) return types;
  const cls = member ? enclosingClass(member) : scope;
  types = new Map(cls ? classFieldTypes(/** @type {ClassDeclarationContext} */ (cls)) : []);
  if (member) {
    for (const n of descendants(member)) {
      if (n instanceof LocalVariableDeclarationContext) {
        for (const d of n.variableDeclarators().variableDeclarator_list()) types.set(lower(d.id()), lower(n.typeRef()));
      } else if (n instanceof FormalParameterContext || n instanceof EnhancedForControlContext) {
        types.set(lower(n.id()), lower(n.typeRef()));
      }
    }
  }
  typeCache.set(scope, types);
  return types;
}

/** @type {WeakMap<RuleContext, Map<string, string>>} declared types per member (or class) */
const typeCache = new WeakMap();

/**
 * Declared types of a class's own fields.
 * @param {ClassDeclarationContext} cls
 * @returns {Map<string, string>}
 */
function classFieldTypes(cls) {
  let types = typeCache.get(cls);
  if (types) return types;
  types = new Map();
  for (const n of descendants(cls.classBody())) {
    if (!(n instanceof FieldDeclarationContext) || enclosingClass(n) !== cls) continue;
    for (const d of n.variableDeclarators().variableDeclarator_list()) types.set(lower(d.id()), lower(n.typeRef()));
  }
  typeCache.set(cls, types);
  return types;
}

/**
 * The SObject type of a record expression `x` (a bare name declared as an SObject type).
 * @param {Model} model
 * @param {ExpressionContext} expr
 * @param {Map<string, string>} types
 * @returns {SObject | undefined}
 */
function recordType(model, expr, types) {
  if (!(expr instanceof PrimaryExpressionContext) || !(expr.primary() instanceof IdPrimaryContext)) return undefined;
  const t = types.get(lower(expr));
  return t ? model.object(t.replace(/^schema\./, '')) : undefined;
}

/**
 * `x.Field` with x a record: its object and field name.
 * @param {Model} model
 * @param {ExpressionContext | undefined} expr
 * @param {Map<string, string>} types
 * @returns {{ object: SObject, field: string } | undefined}
 */
function recordField(model, expr, types) {
  if (!(expr instanceof DotExpressionContext) || expr.dotMethodCall()) return undefined;
  const object = recordType(model, expr.expression(), types);
  const id = expr.anyId();
  return object && id ? { object, field: id.getText() } : undefined;
}

/**
 * `new T(Field = value, …)`: T and its name = value pairs.
 * @param {Model} model
 * @param {CreatorContext} creator
 * @returns {{ object: SObject, pairs: { field: string, value: ExpressionContext, node: RuleContext }[] } | undefined}
 */
function sobjectConstructor(model, creator) {
  const object = model.object(lower(creator.createdName()).replace(/^schema\./, ''));
  const args = creator.classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
  if (!object || args.length === 0) return undefined;
  const pairs = [];
  for (const a of args) {
    if (!(a instanceof AssignExpressionContext) || !a.ASSIGN()) continue;
    const [left, right] = a.expression_list();
    if (left instanceof PrimaryExpressionContext && left.primary() instanceof IdPrimaryContext)
      pairs.push({ field: left.getText(), value: right, node: /** @type {RuleContext} */ (a) });
  }
  return { object, pairs };
}

// ---------------------------------------------------------------------------------------------
// SOQL: the fields a query reads
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} FieldRead
 * @property {string} object API name of the object the field is on
 * @property {string} field
 * @property {FieldNameContext} node
 * @property {string} path as written in the query
 */

/**
 * Resolves a field path (`Relationship_Map__r.Account__c`) from `start`, listing every field read
 * on the way (the lookup fields of the hops, then the last field). Stops at polymorphic hops.
 * @param {Model} model
 * @param {SObject} start
 * @param {FieldNameContext} node
 * @returns {FieldRead[]}
 */
function readsOfPath(model, start, node) {
  const text = node.getText();
  const segs = text.split('.');
  /** @type {FieldRead[]} */
  const reads = [];
  /** @type {SObject | undefined} */
  let obj = start;
  // `Map_Contact__c.Name` written with the FROM object as prefix
  if (segs.length > 1 && lc(segs[0]) === lc(start.name)) segs.shift();
  for (let i = 0; i < segs.length - 1; i++) {
    if (!obj) return reads;
    const lookup = model.relationship(obj, segs[i]);
    if (!lookup) return reads;
    reads.push({ object: obj.name, field: lookup.name, node, path: text });
    if (!lookup.referenceTo) return reads; // What, Who, Owner of activities: polymorphic
    obj = model.object(lookup.referenceTo);
  }
  if (obj) reads.push({ object: obj.name, field: segs[segs.length - 1], node, path: text });
  return reads;
}

/**
 * Every field a query reads, sub-queries included, with the object each is on.
 * @param {Model} model
 * @param {QueryContext | SubQueryContext} query
 * @param {SObject} from
 * @returns {FieldRead[]}
 */
function queryReads(model, query, from) {
  /** @type {FieldRead[]} */
  const reads = [];
  /** @param {RuleContext} node */
  const visit = (node) => {
    for (const child of childrenOf(node)) {
      if ('symbol' in child) continue;
      const c = /** @type {RuleContext} */ (child);
      if (c instanceof TypeOfContext || c === query.fromNameList()) continue;
      if (c instanceof SubQueryContext) {
        const name = c.fromNameList().fieldName(0)?.getText() ?? '';
        // In the SELECT list, FROM names a child relationship; in a WHERE semi-join, an object.
        const inSelect = c.parentCtx instanceof SelectEntryContext;
        const rel = inSelect ? from.children.get(lc(name)) : undefined;
        const target = inSelect ? model.object(rel?.object) : model.object(name);
        if (target) reads.push(...queryReads(model, c, target));
        continue;
      }
      if (c instanceof FieldNameContext) {
        reads.push(...readsOfPath(model, from, c));
        continue;
      }
      visit(c);
    }
  };
  visit(query);
  return reads;
}

// ---------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------

/**
 * Runs trigger-field-read, user-mode-field-write and org-picklist over the parsed Apex.
 * @param {string} projectDir
 * @param {{ file: string, parsed: ParsedApex }[]} parsedFiles
 * @param {ConstantTable} constants
 * @returns {Finding[]}
 */
export function fieldAccessFindings(projectDir, parsedFiles, constants) {
  const { model, permissionSets } = loadMetadata(projectDir);
  const userSet = permissionSets.get(lc(USER_PERMISSION_SET));
  const grants = userSet ? grantsOf(USER_PERMISSION_SET, userSet) : undefined;
  let projectApi = 65;
  try {
    const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));
    if (project.sourceApiVersion) projectApi = Number(project.sourceApiVersion);
  } catch {
    // keep 65
  }

  /** @type {ApexUnit[]} */
  const units = [];
  for (const { file, parsed } of parsedFiles) {
    const trigger = parsed.tree instanceof TriggerUnitContext;
    const top = trigger ? undefined : [...descendants(parsed.tree)].find((n) => n instanceof ClassDeclarationContext);
    const name = trigger
      ? /** @type {TriggerUnitContext} */ (parsed.tree).id(0).getText()
      : top instanceof ClassDeclarationContext
        ? top.id().getText()
        : path.basename(file).replace(/\.\w+$/, '');
    units.push({
      file,
      parsed,
      name,
      trigger,
      test: top instanceof ClassDeclarationContext && isTestClass(top),
      api: apiVersionOf(file, projectApi),
    });
  }

  /** @type {Finding[]} */
  const findings = [];
  if (grants) {
    findings.push(...triggerReads(model, grants, units));
    findings.push(...userModeWrites(model, grants, units));
  }
  findings.push(...picklistLiterals(model, units, constants));
  return findings;
}

/**
 * Classes reachable from the triggers, by name (see the module comment), with the chain that
 * reaches each: class name (lower-cased) → "TaskTrigger → TaskTriggerHandler → …".
 * @param {ApexUnit[]} units
 * @returns {Map<string, string>}
 */
function reachableFromTriggers(units) {
  const classes = new Map(units.filter((u) => !u.trigger && !u.test).map((u) => [lc(u.name), u]));
  /** @type {Map<string, string>} */
  const chain = new Map();
  /** @type {Array<[ApexUnit, string]>} */
  const queue = units.filter((u) => u.trigger).map((u) => [u, u.name]);
  while (queue.length) {
    const [unit, via] = /** @type {[ApexUnit, string]} */ (queue.shift());
    for (const id of identifiers(unit.parsed.tree)) {
      const target = classes.get(id);
      if (!target || chain.has(id) || target === unit) continue;
      const route = `${via} → ${target.name}`;
      chain.set(id, route);
      queue.push([target, route]);
    }
  }
  return chain;
}

/**
 * Whether an error thrown at `node` is caught as a QueryException: in the block of a try that
 * catches it, or (up to `depth` calls up) at every project call of the method around it.
 * @param {RuleContext} node
 * @param {ApexUnit[]} units
 * @param {number} [depth]
 * @returns {boolean}
 */
function queryErrorHandled(node, units, depth = 3) {
  /** @type {RuleContext} */
  let child = node;
  for (const p of ancestors(node)) {
    if (
      p instanceof TryStatementContext &&
      child === p.block() &&
      p.catchClause_list().some((c) => QUERY_CATCHES.has(lower(c.qualifiedName())))
    )
      return true;
    child = p;
  }
  if (depth === 0) return false;
  const method = enclosingMember(node);
  if (!(method instanceof MethodDeclarationContext)) return false;
  const name = lower(method.id());
  const owner = classPaths(method)[0];
  const sites = (callIndex(units).get(name) ?? []).filter((n) => {
    if (n instanceof MethodCallExpressionContext) return classPaths(n).includes(owner);
    const target = lower(/** @type {DotExpressionContext} */ (n).expression());
    return target === owner || owner.endsWith(`.${target}`);
  });
  return sites.length > 0 && sites.every((s) => queryErrorHandled(s, units, depth - 1));
}

/**
 * Whether `node` runs only when the user can read `object.field`: inside the then-branch of an
 * `if` whose condition asks `….fields.<Field>.isAccessible()` or
 * `<Object>.<Field>.getDescribe().isAccessible()`.
 * @param {RuleContext} node
 * @param {string} object
 * @param {string} field
 */
function guardedByAccessCheck(node, object, field) {
  const f = lc(field);
  /** @type {RuleContext} */
  let child = node;
  for (const p of ancestors(node)) {
    if (p instanceof IfStatementContext && child === p.statement(0)) {
      const cond = lower(p.parExpression());
      if (
        cond.includes(`.fields.${f}.isaccessible()`) ||
        cond.includes(`${lc(object)}.${f}.getdescribe().isaccessible()`)
      )
        return true;
    }
    child = p;
  }
  return false;
}

/** @type {WeakMap<ApexUnit[], Map<string, RuleContext[]>>} */
const callIndexes = new WeakMap();

/**
 * Every method call of the project by lower-cased method name: `name(…)` and `x.name(…)`.
 * @param {ApexUnit[]} units
 * @returns {Map<string, RuleContext[]>}
 */
function callIndex(units) {
  let index = callIndexes.get(units);
  if (index) return index;
  index = new Map();
  for (const u of units) {
    for (const n of descendants(u.parsed.tree)) {
      let name;
      if (n instanceof MethodCallExpressionContext) name = lower(n.methodCall().id());
      else if (n instanceof DotExpressionContext && n.dotMethodCall()) name = lower(n.dotMethodCall().anyId());
      if (name) index.set(name, [...(index.get(name) ?? []), n]);
    }
  }
  callIndexes.set(units, index);
  return index;
}

/**
 * trigger-field-read
 * @param {Model} model
 * @param {Grants} grants
 * @param {ApexUnit[]} units
 * @returns {Finding[]}
 */
function triggerReads(model, grants, units) {
  const reachable = reachableFromTriggers(units);
  /** @type {Finding[]} */
  const findings = [];
  for (const unit of units) {
    const route = reachable.get(lc(unit.name));
    if (!route) continue;
    for (const soql of descendants(unit.parsed.tree)) {
      if (!(soql instanceof SoqlLiteralContext)) continue;
      const query = soql.query();
      const w = query.withClause();
      const mode = w?.USER_MODE()
        ? 'WITH USER_MODE'
        : w?.SECURITY_ENFORCED()
          ? 'WITH SECURITY_ENFORCED'
          : !w?.SYSTEM_MODE() && unit.api >= USER_MODE_DEFAULT_API
            ? `user mode (the default from API ${USER_MODE_DEFAULT_API}; this class is on ${unit.api})`
            : undefined;
      if (!mode) continue;
      const from = model.object(query.fromNameList().fieldName(0)?.getText());
      if (!from) continue;
      const reads = queryReads(model, query, from);
      /** @type {Set<string>} */
      const seen = new Set();
      const problems = [];
      for (const r of reads) {
        const key = lc(`${r.object}.${r.field}`);
        if (seen.has(key)) continue;
        seen.add(key);
        const need = permissionNeed(model, r.object, r.field);
        if (need === 'grant' && !grants.read.has(key) && !guardedByAccessCheck(soql, r.object, r.field))
          problems.push({ r, unclassified: false });
        else if (need === 'unclassified') problems.push({ r, unclassified: true });
      }
      if (problems.length === 0 || queryErrorHandled(soql, units)) continue;
      for (const { r, unclassified } of problems) {
        findings.push({
          file: unit.file,
          ...positionOf(r.node),
          rule: 'trigger-field-read',
          message: unclassified
            ? `${r.object}.${r.field} (${r.path}) is read in user mode in trigger code (${route}), and the checker does not know whether it takes field permissions: classify it in ${STANDARD_FLS_HOME}`
            : `trigger code (${route}) reads ${r.object}.${r.field}${r.path.includes('.') ? ` (in ${r.path})` : ''} with ${mode}, but ${grants.name} does not grant read on it: a user without that access (one holding only ${grants.name}, an integration or Data Loader user) gets an unhandled QueryException and the save fails. Grant read in ${grants.name}, read it in system mode with a \`// system-mode: <reason>\` comment, or catch QueryException`,
        });
      }
    }
  }
  return findings;
}

/**
 * Saves in user mode inside one member: the statement and the SObject types saved (undefined
 * when some saved expression's type is unknown).
 * @param {Model} model
 * @param {RuleContext} member
 * @param {number} api
 * @returns {{ label: string, line: number, types: Set<string> | undefined }[]}
 */
function userModeSaves(model, member, api) {
  const saves = [];
  for (const n of descendants(member)) {
    /** @type {ExpressionContext | undefined} */
    let saved;
    let label = '';
    const verb = /^(insert|update|upsert)statementcontext$/i.exec(n.constructor.name)?.[1]?.toLowerCase();
    if (verb && WRITE_VERBS.has(verb)) {
      const access =
        /** @type {{ accessLevel: () => import('@apexdevtools/apex-parser').AccessLevelContext | null }} */ (
          /** @type {unknown} */ (n)
        ).accessLevel();
      if (access?.SYSTEM() || (!access?.USER() && api < USER_MODE_DEFAULT_API)) continue;
      saved = /** @type {{ expression: () => ExpressionContext }} */ (/** @type {unknown} */ (n)).expression();
      label = `${verb} as user`;
    } else if (n instanceof DotExpressionContext && n.dotMethodCall()) {
      const method = lower(n.dotMethodCall().anyId());
      if (lower(n.expression()).replace(/^system\./, '') !== 'database' || !WRITE_VERBS.has(method)) continue;
      const args = n.dotMethodCall().expressionList()?.expression_list() ?? [];
      const levels = args.map((a) => lower(a).replace(/^system\./, ''));
      const user = levels.includes('accesslevel.user_mode');
      if (levels.includes('accesslevel.system_mode') || (!user && api < USER_MODE_DEFAULT_API)) continue;
      saved = args[0];
      label = `Database.${n.dotMethodCall().anyId().getText()} in user mode`;
    } else {
      continue;
    }
    let type;
    if (saved instanceof NewExpressionContext) type = lower(saved.creator().createdName());
    else if (saved instanceof PrimaryExpressionContext && saved.primary() instanceof IdPrimaryContext)
      type = declaredTypes(n)
        .get(lower(saved))
        ?.replace(/^(list|set)<(.+)>$/, '$2');
    const object = type ? model.object(type.replace(/^schema\./, '')) : undefined;
    saves.push({ label, line: n.start.line, types: object ? new Set([lc(object.name)]) : undefined });
  }
  return saves;
}

/**
 * user-mode-field-write
 * @param {Model} model
 * @param {Grants} grants
 * @param {ApexUnit[]} units
 * @returns {Finding[]}
 */
function userModeWrites(model, grants, units) {
  /** @type {Finding[]} */
  const findings = [];
  for (const unit of units) {
    if (unit.trigger || unit.test) continue;
    for (const member of descendants(unit.parsed.tree)) {
      if (!(member instanceof MethodDeclarationContext || member instanceof ConstructorDeclarationContext)) continue;
      const saves = userModeSaves(model, member, unit.api);
      if (saves.length === 0) continue;
      const savedTypes = saves.some((s) => !s.types)
        ? undefined
        : new Set(saves.flatMap((s) => [.../** @type {Set<string>} */ (s.types)]));
      const where = `${enclosingClass(member)?.id().getText() ?? unit.name}.${member instanceof MethodDeclarationContext ? member.id().getText() : '<constructor>'}`;
      /** @type {Array<{ object: SObject, field: string, node: RuleContext }>} */
      const writes = [];
      for (const n of descendants(member)) {
        if (enclosingMember(n) !== member) continue;
        if (n instanceof CreatorContext) {
          const ctor = sobjectConstructor(model, n);
          for (const p of ctor?.pairs ?? [])
            writes.push({ object: /** @type {SObject} */ (ctor?.object), field: p.field, node: p.node });
        } else if (n instanceof AssignExpressionContext) {
          const target = recordField(model, n.expression(0), declaredTypes(n));
          if (target) writes.push({ ...target, node: n });
        }
      }
      /** @type {Set<string>} */
      const reported = new Set();
      for (const w of writes) {
        if (savedTypes && !savedTypes.has(lc(w.object.name))) continue;
        const key = lc(`${w.object.name}.${w.field}`);
        if (reported.has(key)) continue;
        const how = saves
          .filter((s) => !s.types || s.types.has(lc(w.object.name)))
          .map((s) => `${s.label}, line ${s.line}`)
          .join('; ');
        const need = permissionNeed(model, w.object.name, w.field);
        if (need === 'grant' && !grants.edit.has(key)) {
          reported.add(key);
          findings.push({
            file: unit.file,
            ...positionOf(w.node),
            rule: 'user-mode-field-write',
            message: `${where} writes ${w.object.name}.${w.field} and saves it in user mode (${how}), but ${grants.name} does not let the user edit ${w.object.name}.${w.field}: for a user holding only ${grants.name} the save fails. Grant editable on it in ${grants.name}, or stop writing it`,
          });
        } else if (need === 'unclassified') {
          reported.add(key);
          findings.push({
            file: unit.file,
            ...positionOf(w.node),
            rule: 'user-mode-field-write',
            message: `${where} writes ${w.object.name}.${w.field} and saves it in user mode (${how}); the checker does not know whether that standard field takes field permissions: classify it in ${STANDARD_FLS_HOME}`,
          });
        }
      }
    }
  }
  return findings;
}

/**
 * org-picklist
 * @param {Model} model
 * @param {ApexUnit[]} units
 * @param {ConstantTable} constants
 * @returns {Finding[]}
 */
function picklistLiterals(model, units, constants) {
  /** @type {Finding[]} */
  const findings = [];
  for (const unit of units) {
    /**
     * @param {RuleContext} at
     * @param {SObject} object
     * @param {string} field
     * @param {string | undefined} value
     * @param {string} how
     */
    const check = (at, object, field, value, how) => {
      const picklist = orgDefinedPicklist(object.name, field);
      if (!picklist || value === undefined || value === '' || justified(unit.parsed, at)) return;
      findings.push({
        file: unit.file,
        ...positionOf(at),
        rule: 'org-picklist',
        message: orgPicklistMessage(picklist, value, how),
      });
    };
    for (const n of descendants(unit.parsed.tree)) {
      if (n instanceof CreatorContext) {
        const ctor = sobjectConstructor(model, n);
        for (const p of ctor?.pairs ?? [])
          check(p.node, /** @type {SObject} */ (ctor?.object), p.field, stringValue(p.value, constants), 'assigned to');
      } else if (n instanceof AssignExpressionContext && n.ASSIGN()) {
        const target = recordField(model, n.expression(0), declaredTypes(n));
        if (target) check(n, target.object, target.field, stringValue(n.expression(1), constants), 'assigned to');
      } else if (n instanceof EqualityExpressionContext) {
        const [a, b] = n.expression_list();
        const types = declaredTypes(n);
        for (const [side, other] of [
          [a, b],
          [b, a],
        ]) {
          const target = recordField(model, side, types);
          if (target) check(n, target.object, target.field, stringValue(other, constants), 'compared with');
        }
      } else if (n instanceof DotExpressionContext && n.dotMethodCall()) {
        // x.Status.equals('Completed') / 'Completed'.equalsIgnoreCase(x.Status)
        const method = lower(n.dotMethodCall().anyId());
        if (method !== 'equals' && method !== 'equalsignorecase') continue;
        const arg = n.dotMethodCall().expressionList()?.expression_list()[0];
        const types = declaredTypes(n);
        for (const [side, other] of [
          [n.expression(), arg],
          [arg, n.expression()],
        ]) {
          const target = recordField(model, side, types);
          if (target) check(n, target.object, target.field, stringValue(other, constants), 'compared with');
        }
      } else if (n instanceof SoqlLiteralContext) {
        findings.push(...soqlPicklistLiterals(model, unit, n.query(), constants));
      }
    }
  }
  return findings;
}

/**
 * org-picklist in one query's filters (sub-queries included, on their own objects).
 * @param {Model} model
 * @param {ApexUnit} unit
 * @param {QueryContext | SubQueryContext} query
 * @param {ConstantTable} constants
 * @param {SObject} [fromObject]
 * @returns {Finding[]}
 */
function soqlPicklistLiterals(model, unit, query, constants, fromObject) {
  const from = fromObject ?? model.object(query.fromNameList().fieldName(0)?.getText());
  if (!from) return [];
  /** @type {Finding[]} */
  const findings = [];
  /** @param {RuleContext} node */
  const visit = (node) => {
    for (const child of childrenOf(node)) {
      if ('symbol' in child) continue;
      const c = /** @type {RuleContext} */ (child);
      if (c instanceof SubQueryContext) {
        const name = c.fromNameList().fieldName(0)?.getText() ?? '';
        const inSelect = c.parentCtx instanceof SelectEntryContext;
        const target = inSelect ? model.object(from.children.get(lc(name))?.object) : model.object(name);
        if (target) findings.push(...soqlPicklistLiterals(model, unit, c, constants, target));
        continue;
      }
      if (c instanceof FieldExpressionContext && c.fieldName()) {
        const reads = readsOfPath(model, from, c.fieldName());
        const last = reads[reads.length - 1];
        const written = c.fieldName().soqlId_list();
        const complete = last && lc(last.field) === lc(written[written.length - 1].getText());
        const picklist = complete ? orgDefinedPicklist(last.object, last.field) : undefined;
        if (picklist) {
          for (const v of soqlValues(c.value(), constants))
            findings.push({
              file: unit.file,
              ...positionOf(c),
              rule: 'org-picklist',
              message: orgPicklistMessage(picklist, v, 'filters on'),
            });
        }
        continue;
      }
      visit(c);
    }
  };
  visit(query);
  return findings;
}

const JUSTIFICATION = /^\/\/\s*org-picklist\s*:(.*)$/i;

/**
 * Whether a `// org-picklist: <reason>` comment (the reason holding a letter) sits on the line of
 * `node` or its statement, or on the comment-only lines directly above either: a literal the code
 * means to use (say, to recognise records other tools create) and says why.
 * @param {ParsedApex} parsed
 * @param {RuleContext} node
 */
function justified(parsed, node) {
  const lines = new Set([node.start.line]);
  for (const p of ancestors(node)) {
    if (/^(Statement|LocalVariableDeclarationStatement|ClassBodyDeclaration)Context$/.test(p.constructor.name)) {
      lines.add(p.start.line);
      break;
    }
  }
  /** @param {number} line */
  const marked = (line) =>
    parsed.comments.some(
      (c) => c.isLine && c.line === line && /\p{L}/u.test(JUSTIFICATION.exec(c.text.trim())?.[1] ?? '')
    );
  const commentOnly = (/** @type {number} */ line) =>
    !parsed.codeLines.has(line) && parsed.comments.some((c) => c.line <= line && c.endLine >= line);
  for (const anchor of lines) {
    if (marked(anchor)) return true;
    for (let l = anchor - 1; l >= 1 && commentOnly(l); l--) if (marked(l)) return true;
  }
  return false;
}

/**
 * String values of a SOQL comparison value: literals, lists of literals, and binds to constants.
 * @param {ValueContext | null} value
 * @param {ConstantTable} constants
 * @returns {string[]}
 */
function soqlValues(value, constants) {
  if (!value) return [];
  const lit = value.StringLiteral();
  if (lit) return [unquote(lit.getText())];
  const list = value.valueList();
  if (list) return list.value_list().flatMap((v) => soqlValues(v, constants));
  const bound = value.boundExpression();
  if (bound) {
    const s = stringValue(bound.expression(), constants);
    return s ? [s] : [];
  }
  return [];
}
