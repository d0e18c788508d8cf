#!/usr/bin/env node
// @ts-check
/**
 * The project's own Apex rules, on the parse tree of @apexdevtools/apex-parser (see
 * lib/apex-parse.mjs). Working on the tree, not on text, makes the rules blind to comments and
 * string literals and case-insensitive like Apex itself (`For`, `INSERT`, `With User_Mode`).
 *
 * Rules (rule id: what is a finding):
 *
 * - soql-dml-in-loop: a SOQL or SOSL query, a DML statement (insert, update, upsert, delete,
 *   undelete, merge), or a Database / Search / EventBus call that queries or writes (see
 *   DATABASE_*, SEARCH_*, EVENTBUS_*) anywhere inside a for, while or do-while loop, including
 *   nested blocks and the loop's condition and update, which also run once per iteration. The
 *   iterable of a for-each loop (`for (Account a : [SELECT …])`, the SOQL for-loop idiom) and the
 *   initialiser of a classic for loop run once, so they are not in the loop; a query in the body
 *   still is. Calls to the project's own methods that query are not followed (no inter-procedural
 *   analysis).
 *
 * - user-mode: every inline SOQL has `WITH USER_MODE`; every SOSL has `WITH USER_MODE`; every DML
 *   statement says `as user`; every Database DML/query call (and Search.query) passes
 *   `AccessLevel.USER_MODE`. System mode (nothing said, `WITH SYSTEM_MODE`, `as system`,
 *   `AccessLevel.SYSTEM_MODE`) is accepted only with a `// system-mode: <reason>` comment on the
 *   same line, or on the comment-only line(s) directly above — of the operation or of the statement
 *   that holds it. The reason must contain a letter; `// system-mode:` alone does not count.
 *   A trailing comment on a line of other code above does not count either: it belongs to that code.
 *   `WITH SECURITY_ENFORCED` is always a finding: forbidden from API 67, and weaker than user mode.
 *   Exemption: classes annotated @IsTest (and their inner classes). Test setup inserts fixture
 *   records in system context by design, and tests that need user mode say so with System.runAs;
 *   forcing `as user` there would only make setup fail for permission reasons the test is not about.
 *
 * - dynamic-soql: Database.query / queryWithBinds / countQuery(WithBinds) / getQueryLocator(WithBinds)
 *   / getCursor… and Search.query / Search.find must get their query as a string literal, a
 *   `static final String` constant of the project whose initialiser is itself static, or a `+` of
 *   those (a compile-time constant split over lines). `Database.getQueryLocator([SELECT …])` takes
 *   an inline query, which the SOQL checks above cover. Anything else (variables,
 *   concatenated input, String.format, String.escapeSingleQuotes, method results) is a finding:
 *   use Database.queryWithBinds with a literal and a bind map for run-time values.
 *
 * - sharing: every top-level class declares `with sharing` or `inherited sharing`; `without sharing`
 *   needs a `// system-mode: <reason>` comment on the class line(s) or directly above. Inner classes
 *   do not inherit their outer class's sharing, so an inner class that itself runs SOQL/SOSL/DML
 *   (not counting classes nested inside it) must declare it too. @IsTest classes are exempt.
 *   Interfaces and enums have no sharing.
 *
 * - one-line-trigger: a trigger body is exactly one statement, and that statement is a method call
 *   (`new MapContactTriggerHandler().run();`, `Handler.handle(Trigger.operationType, …);`).
 * - one-trigger-per-object: at most one trigger per sObject across the project (the order of
 *   several triggers on one object is undefined).
 *
 * - trigger-field-read, user-mode-field-write, org-picklist: field access against the User
 *   permission set, and literals of org-defined standard picklists (lib/apex-field-access.mjs).
 *
 * - sentence-label: a string literal outside @IsTest classes and SOQL that reads as a sentence (3+
 *   words, or 2 and sentence punctuation) is a finding unless marked `// not-a-sentence: <reason>`:
 *   what a rep reads is a Custom Label (System.Label.RM_…), which the preview reads too
 *   (lib/apex-sentences.mjs).
 *
 * - apex-rules-parse: apex-parser could not parse a file, so the rules above did not run on it.
 *   If jorje (apex-syntax) accepts the file, the grammar lags the platform: fix the grammar or
 *   the code; never skip the file silently.
 */
import { readFileSync } from 'node:fs';
import {
  Arth2ExpressionContext,
  CatchClauseContext,
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  ConstructorDeclarationContext,
  DeleteStatementContext,
  DoWhileStatementContext,
  DotExpressionContext,
  EnhancedForControlContext,
  ForInitContext,
  ForStatementContext,
  FormalParameterContext,
  IdPrimaryContext,
  InsertStatementContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  MergeStatementContext,
  MethodCallExpressionContext,
  MethodDeclarationContext,
  PrimaryExpressionContext,
  PropertyDeclarationContext,
  SoqlLiteralContext,
  SoqlPrimaryContext,
  SoslLiteralContext,
  StatementContext,
  SubExpressionContext,
  TriggerBlockMemberContext,
  TriggerUnitContext,
  TypeDeclarationContext,
  UndeleteStatementContext,
  UpdateStatementContext,
  UpsertStatementContext,
  WhileStatementContext,
} from '@apexdevtools/apex-parser';
import { runAsCli } from './lib/common.mjs';
import { apexFiles, describeApexFiles, isTrigger, relativePosix } from './lib/apex-source.mjs';
import { ancestors, descendants, lower, parseApex, positionOf, snippet } from './lib/apex-parse.mjs';
import { fieldAccessFindings } from './lib/apex-field-access.mjs';
import { checkSentences } from './lib/apex-sentences.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */
/** @typedef {import('./lib/apex-parse.mjs').ParsedApex} ParsedApex */
/** @typedef {import('./lib/apex-parse.mjs').RuleContext} RuleContext */
/** @typedef {import('@apexdevtools/apex-parser').ExpressionContext} ExpressionContext */
/** @typedef {import('@apexdevtools/apex-parser').ModifierContext} ModifierContext */

/** Database methods that write records and take an AccessLevel. */
const DATABASE_DML = new Set(['insert', 'update', 'upsert', 'delete', 'undelete', 'merge', 'convertlead']);
/** Database methods that query; their first argument is the query. All take an AccessLevel. */
const DATABASE_QUERY = new Set([
  'query',
  'querywithbinds',
  'countquery',
  'countquerywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds',
  'getcursor',
  'getcursorwithbinds',
  'getpaginationcursor',
  'getpaginationcursorwithbinds',
]);
/** Other Database methods that count as DML (loop rule only: no AccessLevel parameter). */
const DATABASE_OTHER_DML = new Set([
  'emptyrecyclebin',
  'insertasync',
  'insertimmediate',
  'updateasync',
  'updateimmediate',
  'deleteasync',
  'deleteimmediate',
  'setsavepoint',
  'rollback',
]);
/** Search methods: query takes an AccessLevel; find and query take a query string. */
const SEARCH_METHODS = new Set(['query', 'find', 'suggest']);
const EVENTBUS_METHODS = new Set(['publish']);
/** @type {Record<string, string>} */
const TARGET_NAMES = { database: 'Database', search: 'Search', eventbus: 'EventBus' };

const SYSTEM_MODE_COMMENT = /^\/\/\s*system-mode\s*:(.*)$/i;
const HOW_TO_JUSTIFY =
  'or justify system mode with a `// system-mode: <reason>` comment on this line or the line above';

/**
 * @typedef {object} DbOp
 * @property {RuleContext} node
 * @property {'soql' | 'sosl' | 'dml' | 'call'} kind
 * @property {string} label e.g. "SOQL query", "DML statement 'update'", "Database.insert"
 * @property {'inline' | 'access-level' | 'none'} userMode how user mode is expressed ('none': not applicable)
 * @property {ExpressionContext[]} args call arguments
 * @property {boolean} queryArg the first argument is a query string (dynamic-soql applies)
 * @property {'query' | 'search' | 'dml'} limit which governor limit a loop burns
 */

/**
 * @typedef {object} ConstantDef
 * @property {ExpressionContext} expr the initialiser (names in it resolve in its own class)
 */

/** Lower-cased class path ("outer.inner") → constant name → definition. */
/** @typedef {Map<string, Map<string, ConstantDef>>} ConstantTable */

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

/**
 * The DML statement contexts, with their keyword.
 * @param {RuleContext} node
 * @returns {string | undefined}
 */
function dmlVerb(node) {
  if (node instanceof InsertStatementContext) return 'insert';
  if (node instanceof UpdateStatementContext) return 'update';
  if (node instanceof UpsertStatementContext) return 'upsert';
  if (node instanceof DeleteStatementContext) return 'delete';
  if (node instanceof UndeleteStatementContext) return 'undelete';
  if (node instanceof MergeStatementContext) return 'merge';
  return undefined;
}

/**
 * The access level clause of a DML statement (all six statement contexts have one).
 * @param {RuleContext} node
 * @returns {import('@apexdevtools/apex-parser').AccessLevelContext | null}
 */
function dmlAccessLevel(node) {
  const withAccess =
    /** @type {{ accessLevel?: () => import('@apexdevtools/apex-parser').AccessLevelContext | null }} */ (node);
  return withAccess.accessLevel ? withAccess.accessLevel() : null;
}

/**
 * @param {ExpressionContext | undefined} expr
 * @returns {boolean}
 */
function isInlineSoql(expr) {
  return expr instanceof PrimaryExpressionContext && expr.primary() instanceof SoqlPrimaryContext;
}

/**
 * @param {RuleContext} node
 * @returns {DbOp | undefined}
 */
function classify(node) {
  if (node instanceof SoqlLiteralContext) {
    return { node, kind: 'soql', label: 'SOQL query', userMode: 'inline', args: [], queryArg: false, limit: 'query' };
  }
  if (node instanceof SoslLiteralContext) {
    return { node, kind: 'sosl', label: 'SOSL search', userMode: 'inline', args: [], queryArg: false, limit: 'search' };
  }
  const verb = dmlVerb(node);
  if (verb) {
    return {
      node,
      kind: 'dml',
      label: `DML statement '${verb}'`,
      userMode: 'inline',
      args: [],
      queryArg: false,
      limit: 'dml',
    };
  }
  if (node instanceof DotExpressionContext) {
    const call = node.dotMethodCall();
    if (!call) return undefined;
    const target = lower(node.expression()).replace(/^system\./, '');
    const method = lower(call.anyId());
    const args = call.expressionList()?.expression_list() ?? [];
    const label = `${TARGET_NAMES[target] ?? target}.${call.anyId().getText()}`;
    /** @type {Omit<DbOp, 'userMode' | 'queryArg' | 'limit'>} */
    const base = { node, kind: 'call', label, args };
    if (target === 'database') {
      if (DATABASE_DML.has(method)) return { ...base, userMode: 'access-level', queryArg: false, limit: 'dml' };
      if (DATABASE_QUERY.has(method)) {
        // Database.getQueryLocator([SELECT …]): the inline query is the operation, checked as SOQL
        if (isInlineSoql(args[0])) return undefined;
        return { ...base, userMode: 'access-level', queryArg: true, limit: 'query' };
      }
      if (DATABASE_OTHER_DML.has(method)) return { ...base, userMode: 'none', queryArg: false, limit: 'dml' };
    } else if (target === 'search' && SEARCH_METHODS.has(method)) {
      return {
        ...base,
        userMode: method === 'query' ? 'access-level' : 'none',
        queryArg: method !== 'suggest',
        limit: 'search',
      };
    } else if (target === 'eventbus' && EVENTBUS_METHODS.has(method)) {
      return { ...base, userMode: 'none', queryArg: false, limit: 'dml' };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Context: loops, classes, comments
// ---------------------------------------------------------------------------------------------

/**
 * The innermost loop whose every iteration runs `node`, if any. The iterable of a for-each loop and
 * the initialiser of a classic for loop run once and so do not count.
 * @param {RuleContext} node
 * @returns {RuleContext | undefined}
 */
export function enclosingLoop(node) {
  /** @type {RuleContext} */
  let child = node;
  /** @type {RuleContext | undefined} */
  let grandchild;
  for (const p of ancestors(node)) {
    if (p instanceof ForStatementContext) {
      if (child !== p.forControl()) return p;
      if (!(grandchild instanceof EnhancedForControlContext) && !(grandchild instanceof ForInitContext)) return p;
    } else if (p instanceof WhileStatementContext || p instanceof DoWhileStatementContext) {
      return p;
    }
    grandchild = child;
    child = p;
  }
  return undefined;
}

/** @param {RuleContext} loop */
function loopName(loop) {
  if (loop instanceof ForStatementContext) return 'for loop';
  if (loop instanceof WhileStatementContext) return 'while loop';
  return 'do-while loop';
}

/**
 * The modifiers written before a class declaration.
 * @param {ClassDeclarationContext} cls
 * @returns {ModifierContext[]}
 */
function classModifiers(cls) {
  const p = cls.parentCtx;
  if (p instanceof TypeDeclarationContext) return p.modifier_list();
  const holder = p?.parentCtx;
  if (holder instanceof ClassBodyDeclarationContext || holder instanceof TriggerBlockMemberContext) {
    return holder.modifier_list();
  }
  return [];
}

/**
 * The node a class declaration starts at, modifiers and annotations included.
 * @param {ClassDeclarationContext} cls
 * @returns {RuleContext}
 */
function classDeclarationStart(cls) {
  const p = cls.parentCtx;
  if (p instanceof TypeDeclarationContext) return p;
  const holder = p?.parentCtx;
  return holder instanceof ClassBodyDeclarationContext || holder instanceof TriggerBlockMemberContext ? holder : cls;
}

/**
 * @param {ClassDeclarationContext} cls
 * @returns {'with' | 'without' | 'inherited' | undefined}
 */
function sharingOf(cls) {
  const mods = classModifiers(cls);
  // `without` wins if several are written (apex-semantics reports the conflict itself)
  if (mods.some((m) => m.WITHOUT())) return 'without';
  if (mods.some((m) => m.INHERITED())) return 'inherited';
  if (mods.some((m) => m.WITH() && m.SHARING())) return 'with';
  return undefined;
}

/**
 * @param {ClassDeclarationContext} cls
 * @returns {boolean}
 */
function hasIsTest(cls) {
  return classModifiers(cls).some((m) => lower(m.annotation()?.id()) === 'istest');
}

/**
 * Whether `node` is in a class annotated @IsTest (itself or an enclosing class).
 * @param {RuleContext} node
 * @returns {boolean}
 */
function inTestClass(node) {
  for (const p of [node, ...ancestors(node)]) {
    if (p instanceof ClassDeclarationContext && hasIsTest(p)) return true;
  }
  return false;
}

/**
 * Lower-cased class paths enclosing `node`, innermost first: ["outer.inner", "outer"].
 * @param {RuleContext} node
 * @returns {string[]}
 */
function enclosingClassPaths(node) {
  /** @type {string[]} */
  const names = [];
  for (const p of [node, ...ancestors(node)]) {
    if (p instanceof ClassDeclarationContext) names.unshift(lower(p.id()));
  }
  return names.map((_, i) => names.slice(0, names.length - i).join('.'));
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
 * Start line of the statement (or member declaration) holding `node`.
 * @param {RuleContext} node
 * @returns {number}
 */
function statementLine(node) {
  for (const p of [node, ...ancestors(node)]) {
    if (
      p instanceof StatementContext ||
      p instanceof ClassBodyDeclarationContext ||
      p instanceof TriggerBlockMemberContext
    ) {
      return p.start.line;
    }
  }
  return node.start.line;
}

/**
 * @typedef {object} Justification
 * @property {boolean} ok a `// system-mode: <reason>` comment applies
 * @property {number} [emptyLine] line of a `// system-mode:` comment without a reason
 */

/**
 * @typedef {object} CommentIndex
 * @property {Map<number, import('./lib/apex-parse.mjs').Comment[]>} byLine comments by start line
 * @property {Set<number>} commentLines lines covered by a comment
 */

/** @type {WeakMap<ParsedApex, CommentIndex>} */
const commentIndexes = new WeakMap();

/**
 * @param {ParsedApex} parsed
 * @returns {CommentIndex}
 */
function commentIndex(parsed) {
  let index = commentIndexes.get(parsed);
  if (!index) {
    index = { byLine: new Map(), commentLines: new Set() };
    for (const c of parsed.comments) {
      index.byLine.set(c.line, [...(index.byLine.get(c.line) ?? []), c]);
      for (let l = c.line; l <= c.endLine; l++) index.commentLines.add(l);
    }
    commentIndexes.set(parsed, index);
  }
  return index;
}

/**
 * Looks for a `// system-mode: <reason>` comment on each anchor line or on the comment-only lines
 * directly above it.
 * @param {ParsedApex} parsed
 * @param {number[]} anchors 1-based lines
 * @returns {Justification}
 */
export function systemModeJustification(parsed, anchors) {
  const { byLine, commentLines } = commentIndex(parsed);
  /** @type {number | undefined} */
  let emptyLine;
  /** @param {number} line */
  const markerOn = (line) => {
    for (const c of byLine.get(line) ?? []) {
      const m = c.isLine ? SYSTEM_MODE_COMMENT.exec(c.text.trim()) : null;
      if (!m) continue;
      if (/\p{L}/u.test(m[1])) return true;
      emptyLine ??= line;
    }
    return false;
  };
  for (const anchor of new Set(anchors)) {
    if (markerOn(anchor)) return { ok: true };
    for (let l = anchor - 1; l >= 1 && commentLines.has(l) && !parsed.codeLines.has(l); l--) {
      if (markerOn(l)) return { ok: true };
    }
  }
  return { ok: false, emptyLine };
}

/**
 * @param {Justification} j
 * @returns {string}
 */
function emptyMarkerNote(j) {
  return j.emptyLine
    ? ` (the \`// system-mode:\` comment on line ${j.emptyLine} gives no reason, so it does not count)`
    : '';
}

// ---------------------------------------------------------------------------------------------
// dynamic-soql: what counts as a static query string
// ---------------------------------------------------------------------------------------------

/**
 * Every `static final String NAME = <expr>;` in the project, by class path.
 * @param {ParsedApex[]} parsedFiles
 * @returns {ConstantTable}
 */
export function collectConstants(parsedFiles) {
  /** @type {ConstantTable} */
  const table = new Map();
  for (const parsed of parsedFiles) {
    for (const node of descendants(parsed.tree)) {
      if (!(node instanceof ClassBodyDeclarationContext)) continue;
      const field = node.memberDeclaration()?.fieldDeclaration();
      if (!field) continue;
      const mods = node.modifier_list();
      if (!mods.some((m) => m.STATIC()) || !mods.some((m) => m.FINAL())) continue;
      if (!['string', 'system.string'].includes(lower(field.typeRef()))) continue;
      const cls = enclosingClass(node);
      if (!cls) continue;
      const key = enclosingClassPaths(cls)[0];
      const consts = table.get(key) ?? new Map();
      for (const d of field.variableDeclarators().variableDeclarator_list()) {
        const expr = d.expression();
        if (expr) consts.set(lower(d.id()), { expr });
      }
      table.set(key, consts);
    }
  }
  return table;
}

/**
 * Lower-cased names of the locals and parameters of the method (or constructor, property,
 * initialiser, trigger) around `node`: these shadow class constants.
 * @param {RuleContext} node
 * @returns {Set<string>}
 */
function localNames(node) {
  let member = undefined;
  for (const p of ancestors(node)) {
    if (
      p instanceof MethodDeclarationContext ||
      p instanceof ConstructorDeclarationContext ||
      p instanceof PropertyDeclarationContext ||
      p instanceof ClassBodyDeclarationContext ||
      p instanceof TriggerUnitContext
    ) {
      member = p;
      break;
    }
  }
  const names = new Set();
  if (!member) return names;
  for (const n of descendants(member)) {
    if (n instanceof LocalVariableDeclarationContext) {
      for (const d of n.variableDeclarators().variableDeclarator_list()) names.add(lower(d.id()));
    } else if (
      n instanceof FormalParameterContext ||
      n instanceof EnhancedForControlContext ||
      n instanceof CatchClauseContext
    ) {
      names.add(lower(n.id()));
    }
  }
  return names;
}

/**
 * Whether `expr` is a query string fixed at compile time (see the module comment).
 * @param {ExpressionContext} expr
 * @param {ConstantTable} constants
 * @param {Set<ConstantDef>} [seen] cycle guard
 * @returns {boolean}
 */
export function isStaticString(expr, constants, seen = new Set()) {
  if (expr instanceof SubExpressionContext) return isStaticString(expr.expression(), constants, seen);
  if (expr instanceof Arth2ExpressionContext) {
    return !!expr.ADD() && expr.expression_list().every((e) => isStaticString(e, constants, seen));
  }
  if (expr instanceof PrimaryExpressionContext) {
    const primary = expr.primary();
    if (primary instanceof LiteralPrimaryContext) {
      const lit = primary.literal();
      return !!(lit.StringLiteral() || lit.MultilineStringLiteral());
    }
    if (primary instanceof IdPrimaryContext) {
      const name = lower(primary.id());
      if (localNames(expr).has(name)) return false;
      const def = enclosingClassPaths(expr)
        .map((p) => constants.get(p)?.get(name))
        .find(Boolean);
      return resolvesStatic(def, constants, seen);
    }
    return false;
  }
  if (expr instanceof DotExpressionContext && !expr.dotMethodCall()) {
    // Qualified constant: Outer.Inner.NAME, or Inner.NAME relative to an enclosing class.
    const parts = lower(expr).split('.');
    const name = /** @type {string} */ (parts.pop());
    const qualifier = parts.join('.');
    const candidates = [qualifier, ...enclosingClassPaths(expr).map((p) => `${p}.${qualifier}`)];
    const def = candidates.map((c) => constants.get(c)?.get(name)).find(Boolean);
    return resolvesStatic(def, constants, seen);
  }
  return false;
}

/**
 * @param {ConstantDef | undefined} def
 * @param {ConstantTable} constants
 * @param {Set<ConstantDef>} seen
 * @returns {boolean}
 */
function resolvesStatic(def, constants, seen) {
  if (!def || seen.has(def)) return false;
  seen.add(def);
  return isStaticString(def.expr, constants, seen);
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

const LIMITS = {
  query: 'the 100-SOQL-queries-per-transaction limit',
  search: 'the 20-SOSL-searches-per-transaction limit',
  dml: 'the 150-DML-statements-per-transaction limit',
};
const LOOP_FIX = {
  query: 'query once before the loop (collect the Ids, use IN :ids) and look rows up in a Map',
  search: 'search once before the loop',
  dml: 'collect the records in a list and write them once after the loop',
};

/**
 * @param {string} file
 * @param {ParsedApex} parsed
 * @param {DbOp} op
 * @returns {Finding[]}
 */
function checkOperation(file, parsed, op) {
  /** @type {Finding[]} */
  const findings = [];
  const at = positionOf(op.node);
  const finding = (/** @type {string} */ rule, /** @type {string} */ message) =>
    findings.push({ file, ...at, rule, message });

  // soql-dml-in-loop
  const loop = enclosingLoop(op.node);
  if (loop) {
    finding(
      'soql-dml-in-loop',
      `${op.label} inside a ${loopName(loop)} (line ${loop.start.line}): it runs once per iteration against ${LIMITS[op.limit]}; ${LOOP_FIX[op.limit]}`
    );
  }

  // user-mode
  const isTest = inTestClass(op.node);
  const anchors = [at.line, statementLine(op.node)];
  /** @param {string} problem */
  const needsJustification = (problem) => {
    const j = systemModeJustification(parsed, anchors);
    if (!j.ok) finding('user-mode', `${problem}${emptyMarkerNote(j)}`);
  };
  if (op.node instanceof SoqlLiteralContext) {
    const withClause = op.node.query().withClause();
    if (withClause?.SECURITY_ENFORCED()) {
      finding(
        'user-mode',
        'WITH SECURITY_ENFORCED is not allowed from API 67 and checks less than user mode: use WITH USER_MODE'
      );
    } else if (!isTest && !withClause?.USER_MODE()) {
      needsJustification(
        withClause?.SYSTEM_MODE()
          ? `SOQL query runs WITH SYSTEM_MODE: use WITH USER_MODE, ${HOW_TO_JUSTIFY}`
          : `SOQL query without WITH USER_MODE ignores the user's object and field permissions: add WITH USER_MODE, ${HOW_TO_JUSTIFY}`
      );
    }
  } else if (op.node instanceof SoslLiteralContext && !isTest) {
    const clauses = op.node.soslClauses().soslWithClause_list();
    if (!clauses.some((c) => c.USER_MODE())) {
      needsJustification(
        clauses.some((c) => c.SYSTEM_MODE())
          ? `SOSL search runs WITH SYSTEM_MODE: use WITH USER_MODE, ${HOW_TO_JUSTIFY}`
          : `SOSL search without WITH USER_MODE ignores the user's permissions: add WITH USER_MODE, ${HOW_TO_JUSTIFY}`
      );
    }
  } else if (op.kind === 'dml' && !isTest) {
    const access = dmlAccessLevel(op.node);
    if (!access?.USER()) {
      needsJustification(
        access?.SYSTEM()
          ? `${op.label} runs 'as system': use 'as user', ${HOW_TO_JUSTIFY}`
          : `${op.label} without 'as user' ignores the user's object and field permissions: write '${dmlVerb(op.node)} as user …', ${HOW_TO_JUSTIFY}`
      );
    }
  } else if (op.userMode === 'access-level' && !isTest) {
    const levels = op.args.map((a) => lower(a).replace(/^system\./, ''));
    if (!levels.includes('accesslevel.user_mode')) {
      needsJustification(
        levels.includes('accesslevel.system_mode')
          ? `${op.label} runs with AccessLevel.SYSTEM_MODE: pass AccessLevel.USER_MODE, ${HOW_TO_JUSTIFY}`
          : `${op.label} without AccessLevel.USER_MODE runs in system mode: pass AccessLevel.USER_MODE as the access level argument, ${HOW_TO_JUSTIFY}`
      );
    }
  }
  return findings;
}

/**
 * @param {string} file
 * @param {DbOp} op
 * @param {ConstantTable} constants
 * @returns {Finding[]}
 */
function checkDynamicQuery(file, op, constants) {
  if (!op.queryArg) return [];
  const arg = op.args[0];
  if (!arg || isStaticString(arg, constants)) return [];
  return [
    {
      file,
      ...positionOf(op.node),
      rule: 'dynamic-soql',
      message: `${op.label} gets a query built at run time (${snippet(arg)}): string-built queries invite SOQL injection. Pass a string literal or a static final String constant, and use Database.queryWithBinds with a bind map for values`,
    },
  ];
}

/**
 * @param {string} file
 * @param {ParsedApex} parsed
 * @param {DbOp[]} ops
 * @returns {Finding[]}
 */
function checkSharing(file, parsed, ops) {
  /** @type {Finding[]} */
  const findings = [];
  const withDb = new Set(ops.map((op) => enclosingClass(op.node)).filter(Boolean));
  for (const node of descendants(parsed.tree)) {
    if (!(node instanceof ClassDeclarationContext) || inTestClass(node)) continue;
    const topLevel = node.parentCtx instanceof TypeDeclarationContext;
    if (!topLevel && !withDb.has(node)) continue;
    const name = node.id().getText();
    const sharing = sharingOf(node);
    const at = positionOf(node.id());
    if (sharing === 'with' || sharing === 'inherited') continue;
    if (sharing === 'without') {
      const start = classDeclarationStart(node);
      const withoutLine = classModifiers(node).find((m) => m.WITHOUT())?.start.line ?? node.start.line;
      const j = systemModeJustification(parsed, [withoutLine, node.start.line, start.start.line]);
      if (!j.ok) {
        findings.push({
          file,
          ...at,
          rule: 'sharing',
          message: `Class ${name} is 'without sharing' and sees every record: use 'with sharing' or 'inherited sharing', or justify it with a \`// system-mode: <reason>\` comment on the class line or the line above${emptyMarkerNote(j)}`,
        });
      }
    } else {
      findings.push({
        file,
        ...at,
        rule: 'sharing',
        message: topLevel
          ? `Class ${name} declares no sharing mode: add 'with sharing' (or 'inherited sharing' for code that should run in its caller's mode)`
          : `Inner class ${name} runs SOQL/DML but declares no sharing mode (inner classes do not inherit the outer class's): add 'with sharing' or 'inherited sharing'`,
      });
    }
  }
  return findings;
}

/**
 * @param {string} file
 * @param {TriggerUnitContext} tree
 * @returns {Finding[]}
 */
function checkTriggerBody(file, tree) {
  const name = tree.id(0)?.getText() ?? 'trigger';
  const block = tree.triggerBlock();
  const members = block.triggerBlockMember_list();
  const hint = `a trigger body is exactly one call to its handler, e.g. \`new ${name}Handler().run();\`, so the logic lives in a testable class`;
  if (members.length !== 1) {
    const where = members[1] ?? block;
    return [
      {
        file,
        ...positionOf(where),
        rule: 'one-line-trigger',
        message: `Trigger ${name} has ${members.length} statements: ${hint}`,
      },
    ];
  }
  const statement = members[0].statement();
  const expr = statement?.expressionStatement()?.expression();
  const isCall =
    expr instanceof MethodCallExpressionContext || (expr instanceof DotExpressionContext && !!expr.dotMethodCall());
  if (!isCall) {
    return [
      {
        file,
        ...positionOf(members[0]),
        rule: 'one-line-trigger',
        message: `Trigger ${name}'s only statement is not a method call: ${hint}`,
      },
    ];
  }
  return [];
}

/**
 * Runs every rule on one parsed file.
 * @param {string} file
 * @param {ParsedApex} parsed
 * @param {ConstantTable} constants
 * @returns {Finding[]}
 */
export function checkParsed(file, parsed, constants) {
  /** @type {DbOp[]} */
  const ops = [];
  for (const node of descendants(parsed.tree)) {
    const op = classify(node);
    if (op) ops.push(op);
  }
  const findings = ops.flatMap((op) => [
    ...checkOperation(file, parsed, op),
    ...checkDynamicQuery(file, op, constants),
  ]);
  if (parsed.tree instanceof TriggerUnitContext) findings.push(...checkTriggerBody(file, parsed.tree));
  findings.push(...checkSharing(file, parsed, ops));
  findings.push(...checkSentences(file, parsed, inTestClass));
  return findings;
}

/**
 * @param {string} projectDir
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir) {
  const files = apexFiles(projectDir);
  /** @type {Finding[]} */
  const findings = [];
  /** @type {{ file: string, parsed: ParsedApex }[]} */
  const parsedFiles = [];
  for (const file of files) {
    const parsed = parseApex(readFileSync(file, 'utf8'), isTrigger(file) ? 'trigger' : 'class');
    if (parsed.errors.length) {
      const first = parsed.errors[0];
      findings.push({
        file,
        line: first.line,
        column: first.column,
        rule: 'apex-rules-parse',
        message: `apex-parser cannot parse this file (${first.message}${parsed.errors.length > 1 ? `, and ${parsed.errors.length - 1} more` : ''}), so the project rules did not run on it. Fix the syntax (see apex-syntax); if jorje accepts the file, the apex-parser grammar lags the platform`,
      });
    } else {
      parsedFiles.push({ file, parsed });
    }
  }
  const constants = collectConstants(parsedFiles.map((p) => p.parsed));
  for (const { file, parsed } of parsedFiles) findings.push(...checkParsed(file, parsed, constants));
  // trigger-field-read, user-mode-field-write, org-picklist: see lib/apex-field-access.mjs
  findings.push(...fieldAccessFindings(projectDir, parsedFiles, constants));

  // one-trigger-per-object
  /** @type {Map<string, { file: string, name: string, object: string, node: RuleContext }[]>} */
  const byObject = new Map();
  for (const { file, parsed } of parsedFiles) {
    if (!(parsed.tree instanceof TriggerUnitContext)) continue;
    const objectId = parsed.tree.id(1);
    const entry = { file, name: parsed.tree.id(0).getText(), object: objectId.getText(), node: objectId };
    byObject.set(lower(objectId), [...(byObject.get(lower(objectId)) ?? []), entry]);
  }
  for (const triggers of byObject.values()) {
    if (triggers.length < 2) continue;
    for (const t of triggers) {
      const others = triggers.filter((o) => o !== t).map((o) => `${o.name} (${relativePosix(projectDir, o.file)})`);
      findings.push({
        file: t.file,
        ...positionOf(t.node),
        rule: 'one-trigger-per-object',
        message: `${t.object} has ${triggers.length} triggers; this one and ${others.join(', ')}. Their order is undefined: keep one trigger per object and route every event through its handler`,
      });
    }
  }

  findings.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
  return {
    findings,
    summary: `${describeApexFiles(files)} checked: soql-dml-in-loop, user-mode, dynamic-soql, sharing, one-line-trigger, one-trigger-per-object, trigger-field-read, user-mode-field-write, org-picklist, sentence-label`,
  };
}

runAsCli(import.meta.url, check);
