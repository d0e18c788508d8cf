// The Custom Labels as the org has them (force-app/main/default/labels/CustomLabels.labels-meta.xml),
// read from the file that deploys, never copied. One reader for the preview (scripts/data/labels.ts,
// which fills them as Apex does) and for Jest (config/jest/setup.js: `import X from
// '@salesforce/label/c.<Name>'` gives the label's value; sfdx-lwc-jest alone would give 'c.<Name>').
// CommonJS, because Jest's setup files are loaded with require.
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

/**
 * fast-xml-parser leaves the five XML entities encoded when tag values are not parsed.
 * @param {string} text
 */
const decodeEntities = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Every label's text by name (e.g. `RM_Too_Long`).
 * @param {string} [file]
 * @returns {Map<string, string>}
 */
function loadLabels(file = LABELS_FILE) {
  const xml = new XMLParser({
    ignoreAttributes: true,
    // Values are sentences: keep "10" or "true" as text, and keep surrounding spaces as Salesforce does.
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels',
  });
  const parsed = xml.parse(readFileSync(file, 'utf8'));
  /** @type {Map<string, string>} */
  const labels = new Map();
  for (const raw of parsed.CustomLabels?.labels ?? []) {
    labels.set(String(raw.fullName).trim(), decodeEntities(String(raw.value)));
  }
  return labels;
}

module.exports = { LABELS_FILE, loadLabels };
