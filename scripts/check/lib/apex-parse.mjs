// @ts-check
/**
 * Parsing Apex with @apexdevtools/apex-parser (a pure-JS ANTLR grammar, ~2 ms a file) for the
 * project's own rules, plus what the rules need around the tree: the comments (kept by the lexer
 * on a separate channel, so a keyword inside a comment or a string literal never looks like code),
 * which lines hold code, and helpers to walk and describe nodes.
 *
 * The lexer is case-insensitive (`For`, `INSERT`, `With User_Mode` are the keywords they look
 * like); identifiers keep their spelling, so compare them with {@link lower}.
 */
import { ApexErrorListener, ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';

/** @typedef {import('@apexdevtools/apex-parser').ApexParseTree} ParseTree */
/** @typedef {import('@apexdevtools/apex-parser').ApexParserRuleContext} RuleContext */
/** @typedef {import('@apexdevtools/apex-parser').ApexToken} Token */
/** @typedef {import('@apexdevtools/apex-parser').TriggerUnitContext} TriggerUnitContext */
/** @typedef {import('@apexdevtools/apex-parser').CompilationUnitContext} CompilationUnitContext */

/**
 * @typedef {object} Comment
 * @property {number} line 1-based line the comment starts on
 * @property {number} endLine 1-based line it ends on
 * @property {boolean} isLine a `//` comment
 * @property {string} text including the comment markers
 */

/**
 * @typedef {object} ParsedApex
 * @property {CompilationUnitContext | TriggerUnitContext} tree
 * @property {{ line: number, column: number, message: string }[]} errors syntax errors, 1-based
 * @property {Comment[]} comments in source order
 * @property {Set<number>} codeLines lines holding at least one non-comment token
 */

class CollectingListener extends ApexErrorListener {
  /** @type {{ line: number, column: number, message: string }[]} */
  errors = [];
  /**
   * @param {number} line
   * @param {number} column 0-based
   * @param {string} msg
   */
  apexSyntaxError(line, column, msg) {
    this.errors.push({ line, column: column + 1, message: msg });
  }
}

/**
 * @param {string} source
 * @param {'class' | 'trigger'} kind
 * @returns {ParsedApex}
 */
export function parseApex(source, kind) {
  const listener = new CollectingListener();
  const lexer = ApexParserFactory.createLexer(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  lexer.addErrorListener(listener);
  const tokens = ApexParserFactory.createTokenStream(lexer);
  const parser = ApexParserFactory.createParser(tokens);
  parser.addErrorListener(listener);
  const tree = kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
  tokens.fill();
  /** @type {Comment[]} */
  const comments = [];
  const codeLines = new Set();
  for (const t of tokens.tokens) {
    if (t.type === ApexLexer.LINE_COMMENT || t.type === ApexLexer.COMMENT || t.type === ApexLexer.DOC_COMMENT) {
      const endLine = t.line + (t.text.match(/\n/g)?.length ?? 0);
      comments.push({ line: t.line, endLine, isLine: t.type === ApexLexer.LINE_COMMENT, text: t.text });
    } else if (t.channel === 0 && t.type !== ApexLexer.EOF) {
      const lines = t.text.match(/\n/g)?.length ?? 0; // multi-line string literals
      for (let l = t.line; l <= t.line + lines; l++) codeLines.add(l);
    }
  }
  return { tree, errors: listener.errors, comments, codeLines };
}

/**
 * Children of a node (none for a terminal).
 * @param {ParseTree} node
 * @returns {ParseTree[]}
 */
export function childrenOf(node) {
  return /** @type {{ children?: ParseTree[] | null }} */ (node).children ?? [];
}

/**
 * Every rule node under (and including) `root`, depth first, in source order.
 * @param {ParseTree} root
 * @returns {Generator<RuleContext>}
 */
export function* descendants(root) {
  /** @type {ParseTree[]} */
  const stack = [root];
  while (stack.length) {
    const node = /** @type {ParseTree} */ (stack.pop());
    if (!('symbol' in node)) yield /** @type {RuleContext} */ (node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/**
 * Ancestors of a node, nearest first.
 * @param {RuleContext} node
 * @returns {Generator<RuleContext>}
 */
export function* ancestors(node) {
  for (let p = node.parentCtx; p; p = p.parentCtx) yield p;
}

/**
 * @param {RuleContext} node
 * @returns {{ line: number, column: number }} 1-based
 */
export function positionOf(node) {
  return { line: node.start.line, column: node.start.column + 1 };
}

/**
 * Lower-cased source text of a node without whitespace or comments (`System . Database` →
 * "system.database").
 * @param {ParseTree | null | undefined} node
 * @returns {string}
 */
export function lower(node) {
  return node ? node.getText().toLowerCase() : '';
}

/**
 * Source text of a node, shortened for messages.
 * @param {RuleContext} node
 * @param {number} [max]
 * @returns {string}
 */
export function snippet(node, max = 60) {
  const input = node.start.getInputStream();
  const stop = node.stop ?? node.start;
  const text = input ? input.getText(node.start.start, stop.stop) : node.getText();
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
