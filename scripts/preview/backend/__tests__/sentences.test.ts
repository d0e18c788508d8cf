/**
 * The preview says no sentence of its own where the Apex has one: every sentence a rep reads from
 * the local controller is a Custom Label, said through `sentence('RM_…')` (scripts/data/labels.ts),
 * exactly as the Apex reads System.Label (apex-rules' sentence-label rule is the Apex side).
 *
 * A string or template literal in scripts/preview/backend/*.ts (tests aside) that reads as a
 * sentence — the same heuristic as the Apex rule, `looksLikeSentence` of
 * scripts/check/lib/apex-sentences.mjs, with each `${…}` counted as a placeholder — is a finding,
 * unless a `// not-a-sentence: <reason>` comment is on its line or among the leading comments of
 * the literal or of a statement or declaration around it (a marker above a function covers the
 * function: contract.ts's messages about the scenario file are for its author, not for a rep).
 * Literal types, module names and property names are not text anyone reads.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { looksLikeSentence } from '../../../check/lib/apex-sentences.mjs';

const BACKEND = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = /\/\/\s*not-a-sentence:\s*(.*)$/;

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The literal's text, each `${…}` as {0}, {1}, … (a value, not a word). */
function textOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join('');
}

/** Text nobody reads: a literal type, a module name, a property name or key. */
function notText(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isLiteralTypeNode(parent) ||
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isExternalModuleReference(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  );
}

/** A `// not-a-sentence: <reason>` (with a letter in the reason) in `comments`. */
const marked = (comments: string[]): boolean => comments.some((c) => /\p{L}/u.test(MARKER.exec(c.trim())?.[1] ?? ''));

function exempted(source: ts.SourceFile, node: ts.Node): boolean {
  const text = source.getFullText();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  const lineText = text.split('\n')[line] ?? '';
  const trailing = lineText.indexOf('//');
  if (trailing >= 0 && marked([lineText.slice(trailing)])) return true;
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const ranges = ts.getLeadingCommentRanges(text, n.getFullStart()) ?? [];
    if (marked(ranges.map((r) => text.slice(r.pos, r.end)))) return true;
  }
  return false;
}

/** The sentences written as literals in one TypeScript source. */
export function previewSentenceFindings(file: string, code: string): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = textOf(node);
      if (!notText(node) && looksLikeSentence(text) && !exempted(source, node)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        findings.push({ file, line, text });
      }
      if (ts.isTemplateExpression(node)) for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

const backendFiles = (): string[] =>
  readdirSync(BACKEND)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join(BACKEND, name));

test('the preview backend writes no sentence of its own: each is a Custom Label said through sentence()', () => {
  const files = backendFiles();
  assert.ok(
    files.some((f) => f.endsWith('controller.ts')),
    'the local controller is scanned'
  );
  const findings = files.flatMap((file) => previewSentenceFindings(path.basename(file), readFileSync(file, 'utf8')));
  assert.deepEqual(
    findings.map((f) => `${f.file}:${f.line} "${f.text}"`),
    [],
    "say these through sentence('RM_…') (a Custom Label the Apex uses too), or mark them `// not-a-sentence: <reason>`"
  );
});

test('a planted sentence is found, in a string, a template and a concatenation; labels and markers pass', () => {
  const planted = [
    "import { sentence } from '../../data/labels.ts';", // 1
    "type Permission = 'user' | 'admin' | 'read-only';", // 2
    'const fail = (message: string): never => {', // 3
    '  throw new Error(message);', // 4
    '};', // 5
    'export function requireMap(mapId: string | null, name: string): void {', // 6
    "  if (mapId === null) fail('Choose a relationship map first.');", // 7
    "  if (mapId === '') fail(`${name} is already on this map.`);", // 8
    "  if (mapId === ' ') fail(name + ' could not be saved');", // 9
    "  if (mapId === 'x') fail(sentence('RM_Choose_Map_First'));", // 10
    "  if (mapId === 'y') fail(sentence('RM_Person_Already_On_Map', name));", // 11
    "  const order = { 'Goal Impact': 1, type: 'Reports To' };", // 12
    '  // not-a-sentence: a message for the preview developer', // 13
    "  if (mapId === 'z') fail(`The preview has no map ${mapId}.`);", // 14
    "  if (mapId === 'w') fail('Nothing to see here at all.'); // not-a-sentence: a test message", // 15
    '  // not-a-sentence:', // 16
    "  if (mapId === 'v') fail('A marker without a reason does not count.');", // 17
    '  void order;', // 18
    '}', // 19
  ].join('\n');
  assert.deepEqual(
    previewSentenceFindings('planted.ts', planted).map((f) => f.line),
    [7, 8, 9, 17]
  );
});

test('a marker above a function covers the function', () => {
  const code = [
    '/** Problems with the scenario file, for its author. */',
    '// not-a-sentence: messages about the contract file, read by whoever writes a scenario',
    'export function problems(where: string): string[] {',
    '  return [`${where}: "error" is the exact sentence.`, `${where}: unknown property here.`];',
    '}',
    'export const other = (where: string): string => `${where}: unknown property here.`;',
  ].join('\n');
  assert.deepEqual(
    previewSentenceFindings('marked.ts', code).map((f) => f.line),
    [6]
  );
});
