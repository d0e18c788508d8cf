/**
 * The sentences a rep reads from our Apex, read from the Custom Labels that deploy with it
 * (force-app/main/default/labels/CustomLabels.labels-meta.xml), and filled the way Apex's
 * `Sentences.format` fills them: {0}, {1}, ... replaced in one pass, literally; a placeholder
 * without a value stays as written; null becomes blank. The preview backend says every Apex
 * sentence through here, so the org and the preview cannot drift apart in wording.
 */
import { LABELS_FILE, loadLabels as readLabels } from '../shared/labels.cjs';

export { LABELS_FILE };

const cache = new Map<string, Map<string, string>>();

/** Every label's text by name (e.g. `RM_Access_Hint`), read once per file. */
export function loadLabels(file = LABELS_FILE): Map<string, string> {
  const cached = cache.get(file);
  if (cached) return cached;
  const labels = readLabels(file);
  cache.set(file, labels);
  return labels;
}

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
