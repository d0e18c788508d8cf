/**
 * The sentences a rep reads from our Apex, read from the Custom Labels that deploy with it
 * (force-app/main/default/labels/CustomLabels.labels-meta.xml), and filled the way Apex's
 * `Sentences.format` fills them: {0}, {1}, ... replaced in one pass, literally; a placeholder
 * without a value stays as written; null becomes blank. The preview backend says every Apex
 * sentence through here, so the org and the preview cannot drift apart in wording.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../shared/project.mjs';

export const LABELS_FILE = path.join(
  REPO_ROOT,
  'force-app',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml'
);

interface RawLabel {
  fullName: string;
  value: string | number;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  // Values are sentences: keep "10" or "true" as text, and keep surrounding spaces as Salesforce does.
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'labels',
});

const cache = new Map<string, Map<string, string>>();

/** Every label's text by name (e.g. `RM_Access_Hint`). */
export function loadLabels(file = LABELS_FILE): Map<string, string> {
  const cached = cache.get(file);
  if (cached) return cached;
  const parsed = xml.parse(readFileSync(file, 'utf8')) as { CustomLabels?: { labels?: RawLabel[] } };
  const labels = new Map<string, string>();
  for (const raw of parsed.CustomLabels?.labels ?? []) {
    labels.set(String(raw.fullName).trim(), decodeEntities(String(raw.value)));
  }
  cache.set(file, labels);
  return labels;
}

/** fast-xml-parser leaves the five XML entities encoded when tag values are not parsed. */
const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Apex `Sentences.format`: one pass over {n} placeholders. */
export function formatSentence(template: string, values: readonly unknown[]): string {
  if (values.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const i = Number(index);
    if (i >= values.length) return placeholder;
    const value = values[i];
    if (value === null || value === undefined) return '';
    // Apex String.valueOf: numbers, booleans and text as written; objects have no sentence form.
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  });
}

/**
 * The label `name` with its placeholders filled. An unknown name throws: a sentence the org
 * would not have must not appear in the preview.
 */
export function sentence(name: string, ...values: unknown[]): string {
  const template = loadLabels().get(name);
  if (template === undefined) throw new Error(`Unknown Custom Label ${name} (force-app/main/default/labels)`);
  return formatSentence(template, values);
}
