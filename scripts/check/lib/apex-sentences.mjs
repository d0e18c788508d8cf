// @ts-check
/**
 * Rule sentence-label: a sentence a rep may read is kept once, as a Custom Label
 * (force-app/main/default/labels/CustomLabels.labels-meta.xml), read by Apex as
 * `System.Label.RM_…` (filled by `Sentences.format`) and by the local preview through
 * scripts/data/labels.ts. A sentence written as a string literal in Apex would be a second copy
 * that the preview can silently disagree with.
 *
 * What counts as a sentence: a string literal, outside @IsTest classes and outside SOQL, with at
 * least three words, or two words and sentence punctuation (`.`, `!`, `?`, `:`), e.g.
 * `'Choose a map first.'`, `'Call with '` does not count (two words, no punctuation), nor do
 * picklist values ('Goal Impact'), comma-separated lists of names ('Id, Name, Stance__c'), field
 * paths or separators. Literals of dynamic SOQL
 * (`'SELECT …'`, and every literal of a `+` chain that starts with one, e.g. `' WHERE …'` on
 * the next line) are queries, not sentences. Anything else that looks like a sentence but is not
 * read by anyone (a regular expression, a log key) takes a `// not-a-sentence: <reason>` comment
 * on its line or the comment line(s) directly above.
 */
import {
  Arth2ExpressionContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  SoqlLiteralContext,
  SoqlPrimaryContext,
} from '@apexdevtools/apex-parser';
import { ancestors, descendants, positionOf } from './apex-parse.mjs';

/** @typedef {import('./common.mjs').Finding} Finding */
/** @typedef {import('./apex-parse.mjs').ParsedApex} ParsedApex */
/** @typedef {import('./apex-parse.mjs').RuleContext} RuleContext */

const NOT_A_SENTENCE = /^\/\/\s*not-a-sentence:\s*(.*)$/i;

/**
 * The text of an Apex string literal token (quotes removed, escapes resolved).
 * @param {string} token
 * @returns {string}
 */
export function literalText(token) {
  /** @type {Record<string, string>} */
  const escapes = { n: '\n', t: '\t', r: '\r' };
  return token.slice(1, -1).replace(/\\(.)/g, (_, /** @type {string} */ c) => escapes[c] ?? c);
}

/**
 * Whether a literal's text reads as a sentence (see the module description).
 * @param {string} text
 * @returns {boolean}
 */
export function looksLikeSentence(text) {
  if (/^\s*select\s/i.test(text)) return false;
  // A list of names ('Id, Name, Stance__c' or 'Ally, Relationship, Conflict') is not a sentence.
  if (/^\s*[\w.]+(\s*,\s*[\w.]+)+\s*$/.test(text)) return false;
  // Words are what whitespace separates: `Relationship_Maps_User` or `a/b.c` is one token, not a phrase.
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length >= 3) return true;
  return words.length === 2 && /[.!?:]/.test(text);
}

/**
 * Whether a literal is a piece of a query string: the leftmost literal of the `+` chain it is in
 * starts with SELECT (`'SELECT Id FROM X' + ' WHERE …'`).
 * @param {RuleContext} node the literal
 * @returns {boolean}
 */
function inQueryString(node) {
  /** @type {RuleContext} */
  let top = node;
  while (top.parentCtx instanceof PrimaryExpressionContext || top.parentCtx instanceof Arth2ExpressionContext) {
    top = top.parentCtx;
  }
  if (top === node) return false;
  const first = [...descendants(top)].find(
    (d) => d instanceof LiteralPrimaryContext && d.literal().StringLiteral() !== null
  );
  return first instanceof LiteralPrimaryContext && /^\s*select\s/i.test(literalText(first.literal().getText()));
}

/**
 * @param {ParsedApex} parsed
 * @param {number} line
 * @returns {boolean}
 */
function exempted(parsed, line) {
  const marked = (/** @type {number} */ l) =>
    parsed.comments.some(
      (c) => c.isLine && c.line === l && (NOT_A_SENTENCE.exec(c.text.trim())?.[1] ?? '').match(/\p{L}/u)
    );
  if (marked(line)) return true;
  for (let l = line - 1; l >= 1 && !parsed.codeLines.has(l); l--) {
    if (!parsed.comments.some((c) => c.line <= l && c.endLine >= l)) return false;
    if (marked(l)) return true;
  }
  return false;
}

/**
 * sentence-label findings of one parsed file.
 * @param {string} file
 * @param {ParsedApex} parsed
 * @param {(node: RuleContext) => boolean} inTestClass
 * @returns {Finding[]}
 */
export function checkSentences(file, parsed, inTestClass) {
  /** @type {Finding[]} */
  const findings = [];
  for (const node of descendants(parsed.tree)) {
    if (!(node instanceof LiteralPrimaryContext)) continue;
    const token = node.literal().StringLiteral() ?? node.literal().MultilineStringLiteral();
    if (!token) continue;
    const text = literalText(token.getText());
    if (!looksLikeSentence(text)) continue;
    if ([...ancestors(node)].some((a) => a instanceof SoqlLiteralContext || a instanceof SoqlPrimaryContext)) continue;
    if (inQueryString(node)) continue;
    if (inTestClass(node) || exempted(parsed, node.start.line)) continue;
    const shown = text.length > 50 ? `${text.slice(0, 49)}…` : text;
    findings.push({
      file,
      ...positionOf(node),
      rule: 'sentence-label',
      message: `"${shown}" reads as a sentence for a rep: keep it once as a Custom Label (labels/CustomLabels.labels-meta.xml, RM_…) and use System.Label.RM_… with Sentences.format, so the preview (scripts/data/labels.ts) says the same; if nobody reads it, mark it \`// not-a-sentence: <reason>\``,
    });
  }
  return findings;
}
