// @ts-check
/**
 * Which Apex files Salesforce Graph Engine should analyse.
 *
 * Graph Engine is slow and memory hungry, so it runs only when some Apex
 * touches data (SOQL, SOSL, DML, Database/Search methods). It then targets
 * those files plus every file that declares an entry point (@AuraEnabled,
 * @RemoteAction, @InvocableMethod, REST resources, global/webservice members,
 * Batchable/Queueable/Schedulable... implementations): Graph Engine starts its
 * paths only at entry points inside targeted files, so a controller that calls
 * a data-touching service must be targeted too (targeting the service alone
 * finds 0 paths). Test classes are never targets.
 *
 * Detection is lexical (comments and string literals removed first): a false
 * positive costs Graph Engine time, never a missed PMD check, because PMD runs
 * on every Apex file anyway.
 */
import { readFileSync } from 'node:fs';

/**
 * Apex source with comments and string literals blanked out (newlines kept so
 * that offsets still map to lines).
 * @param {string} source
 */
export function stripCommentsAndStrings(source) {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (m) => m.replace(/[^\n]/g, ' '));
}

const DATA_ACCESS = [
  // Inline SOQL / SOSL: [SELECT ...], [FIND ...]
  /\[\s*(?:select|find)\b/i,
  // DML statements: insert x; insert as user x; update new Account(...); delete [SELECT ...]
  /(?<![.\w])(?:insert|update|upsert|delete|undelete|merge)\s+(?:as\s+(?:user|system)\s+)?[\w[(]/i,
  // Database.query/insert/update/..., Search.query/find
  /\bDatabase\s*\.\s*(?!Batchable\b|BatchableContext\b|QueryLocator\b|Stateful\b|AllowsCallouts\b|RaisesPlatformEvents\b)\w+\s*\(/i,
  /\bSearch\s*\.\s*(?:query|find|suggest)\s*\(/i,
];

const ENTRY_POINTS = [
  /@(?:AuraEnabled|RemoteAction|InvocableMethod|NamespaceAccessible|RestResource|Http(?:Get|Post|Put|Patch|Delete))\b/i,
  /\b(?:global|webservice)\b/i,
  /\bimplements\b/i,
];

/** @param {string} code already stripped */
const isTest = (code) => {
  const head = /^[\s\S]*?\bclass\b/i.exec(code);
  return head !== null && /@isTest\b/i.test(head[0]);
};

/**
 * @typedef {object} ApexFacts
 * @property {string} file
 * @property {boolean} isTest
 * @property {boolean} touchesData
 * @property {boolean} hasEntryPoint
 */

/**
 * @param {string} file absolute path of a .cls or .trigger
 * @returns {ApexFacts}
 */
export function apexFacts(file) {
  const code = stripCommentsAndStrings(readFileSync(file, 'utf8'));
  const trigger = file.toLowerCase().endsWith('.trigger');
  return {
    file,
    isTest: !trigger && isTest(code),
    touchesData: DATA_ACCESS.some((re) => re.test(code)),
    hasEntryPoint: trigger || ENTRY_POINTS.some((re) => re.test(code)),
  };
}

/**
 * @param {string[]} apexFiles
 * @returns {{ dataFiles: string[], targets: string[] }} `targets` is empty when
 *   no non-test Apex touches data (then Graph Engine has nothing to check).
 */
export function graphEngineTargets(apexFiles) {
  const facts = apexFiles.map(apexFacts).filter((f) => !f.isTest);
  const dataFiles = facts.filter((f) => f.touchesData).map((f) => f.file);
  if (dataFiles.length === 0) return { dataFiles, targets: [] };
  const targets = facts.filter((f) => f.touchesData || f.hasEntryPoint).map((f) => f.file);
  return { dataFiles, targets };
}

/**
 * Comments and annotations that make PMD or Graph Engine skip code without a
 * trace in their results: `// NOPMD`, `@SuppressWarnings('PMD...')`,
 * `/* sfge-disable... *\/`. The core cannot turn these off, so the check lists
 * them in its report and summary for review.
 * @typedef {object} SuppressionMarker
 * @property {string} file
 * @property {number} line
 * @property {string} text the line, trimmed
 */

const SUPPRESSION = /\bNOPMD\b|@SuppressWarnings\s*\(\s*'[^']*\bPMD\b|\bsfge-disable/i;

/**
 * @param {string[]} files
 * @returns {SuppressionMarker[]}
 */
export function suppressionMarkers(files) {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((text, i) => (SUPPRESSION.test(text) ? [{ file, line: i + 1, text: text.trim() }] : []))
  );
}
