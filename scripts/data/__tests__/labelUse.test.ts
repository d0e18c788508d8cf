/**
 * Every Custom Label is used, and every label the scripts name exists: an unused label is a
 * sentence the org no longer says (or a name the Apex misspells), and a misspelt name in the
 * preview would throw only when that path runs.
 *
 * - Apex: each label of force-app/main/default/labels appears as `System.Label.<name>` in some
 *   class or trigger (names compared case-insensitively, as Apex does).
 * - Scripts: each `'RM_…'` string literal in scripts/**\/*.ts (tests aside) names a label: the
 *   preview passes label names to `sentence()` directly or through tables (e.g. the controller's
 *   RM_Action_* per method), so every such literal counts, not only direct `sentence('RM_…')` calls.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadLabels } from '../labels.ts';
import { REPO_ROOT } from '../../shared/project.mjs';

const CLASSES = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'classes');
const TRIGGERS = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'triggers');

/** Files under `dir` whose names end with one of `endings`, skipping node_modules, fixtures and __tests__. */
function filesUnder(dir: string, endings: string[]): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'fixtures', '__tests__'].includes(entry.name)) walk(full);
      } else if (endings.some((e) => entry.name.endsWith(e))) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

/** The labels no Apex source reads as System.Label.<name>. */
export function unusedLabels(labelNames: Iterable<string>, apexSources: string[]): string[] {
  const used = new Set<string>();
  for (const source of apexSources) {
    for (const m of source.matchAll(/\bSystem\s*\.\s*Label\s*\.\s*([A-Za-z0-9_]+)/gi)) used.add(m[1].toLowerCase());
  }
  return [...labelNames].filter((name) => !used.has(name.toLowerCase()));
}

/** `file:line RM_Name` for every 'RM_…' literal in `sources` that is not a label. */
export function unknownLabelNames(labelNames: Set<string>, sources: { file: string; text: string }[]): string[] {
  const unknown: string[] = [];
  for (const { file, text } of sources) {
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/(['"`])(RM_[A-Za-z0-9_]+)\1/g)) {
        if (!labelNames.has(m[2])) unknown.push(`${file}:${i + 1} ${m[2]}`);
      }
    });
  }
  return unknown;
}

const labels = loadLabels();
const apexSources = (): string[] =>
  [...filesUnder(CLASSES, ['.cls']), ...filesUnder(TRIGGERS, ['.trigger'])].map((f) => readFileSync(f, 'utf8'));

test('every Custom Label is read by the Apex (System.Label.<name>)', () => {
  const sources = apexSources();
  assert.ok(sources.length > 10, 'the Apex classes are found');
  assert.deepEqual(unusedLabels(labels.keys(), sources), [], 'use these labels in the Apex or delete them');
});

test("every 'RM_…' name in the scripts is a Custom Label", () => {
  const scripts = filesUnder(path.join(REPO_ROOT, 'scripts'), ['.ts']).map((file) => ({
    file: path.relative(REPO_ROOT, file),
    text: readFileSync(file, 'utf8'),
  }));
  assert.ok(
    scripts.some((s) => s.text.includes("sentence('RM_")),
    'the preview says sentences through sentence()'
  );
  assert.deepEqual(unknownLabelNames(new Set(labels.keys()), scripts), []);
});

test('planted defects: an unused label and a misspelt name are found', () => {
  const names = ['RM_Used', 'RM_Unused', 'RM_Used_Lowercase'];
  const apex = [
    'throw new X(System.Label.RM_Used);',
    "String s = system.label.rm_used_lowercase + 'RM_Unused';", // a literal is not a use
  ];
  assert.deepEqual(unusedLabels(names, apex), ['RM_Unused']);
  assert.deepEqual(
    unknownLabelNames(new Set(names), [
      { file: 'a.ts', text: "fail(sentence('RM_Used'));\nfail(sentence('RM_Usde', name));" },
      { file: 'b.ts', text: "const ACTIONS = { x: 'RM_Unused', y: 'RM_Nope' };" },
    ]),
    ['a.ts:2 RM_Usde', 'b.ts:1 RM_Nope']
  );
});
