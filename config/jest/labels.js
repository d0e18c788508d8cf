// The Custom Labels as the org has them (force-app/main/default/labels/CustomLabels.labels-meta.xml),
// for Jest: `import X from '@salesforce/label/c.<Name>'` gives the label's value, read from the
// file that deploys, never copied. (sfdx-lwc-jest alone would give the string 'c.<Name>'.) Read as
// scripts/data/labels.ts reads them for the preview; a script test keeps the two readers equal.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { XMLParser } = require('fast-xml-parser');

const LABELS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'force-app',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml'
);

/** fast-xml-parser leaves the five XML entities encoded when tag values are not parsed. */
const decodeEntities = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every label's text by name (e.g. `RM_Too_Long`). */
function loadLabels(file = LABELS_FILE) {
  const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels',
  });
  const parsed = xml.parse(readFileSync(file, 'utf8'));
  const labels = new Map();
  for (const raw of parsed.CustomLabels?.labels ?? []) {
    labels.set(String(raw.fullName).trim(), decodeEntities(String(raw.value)));
  }
  return labels;
}

module.exports = { LABELS_FILE, loadLabels };
