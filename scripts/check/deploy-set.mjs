// @ts-check
/**
 * The deploy set: what `sf project deploy` would send, as source-deploy-retrieve computes it with
 * .forceignore applied, checked against the data-model contract in docs/data-model.md.
 *
 * A file silently left out (forceignored, misnamed, in the wrong folder) deploys "successfully"
 * and then the product is missing a field; TypeScript or tests reaching the org break the deploy.
 * Both are findings here. So is a report type, report, dashboard (with its folder) or list view
 * that docs/reports.md promises and the deploy set lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { packageDirs, runAsCli } from './lib/common.mjs';

/**
 * @typedef {object} Contract
 * @property {string[]} objects custom objects (API names)
 * @property {string[]} fields `Object.Field` for every field the contract names
 * @property {string[]} globalValueSets
 * @property {string[]} permissionSets
 */

/**
 * Reads the contract's API names from docs/data-model.md: object sections (`## X__c "Label"`),
 * backticked names in the first column of their field tables, the global value set table, the
 * Task (Activity) field table and the permission set bullets.
 * @param {string} markdown
 * @returns {Contract}
 */
export function parseContract(markdown) {
  /** @type {Contract} */
  const contract = { objects: [], fields: [], globalValueSets: [], permissionSets: [] };
  let section = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) {
      section = line.startsWith('## Global value sets')
        ? 'gvs'
        : line.startsWith('## Permission sets')
          ? 'permsets'
          : line.startsWith('## Task')
            ? 'activity'
            : heading[1].endsWith('__c')
              ? heading[1]
              : '';
      if (section.endsWith('__c')) contract.objects.push(section);
      continue;
    }
    const firstCell = /^\|([^|]+)\|/.exec(line)?.[1] ?? '';
    const names = [...firstCell.matchAll(/`([A-Za-z0-9_.]+)`/g)].map((m) => m[1]);
    if (section === 'gvs') contract.globalValueSets.push(...names);
    else if (section === 'activity') contract.fields.push(...names);
    else if (section.endsWith('__c')) contract.fields.push(...names.map((n) => `${section}.${n}`));
    else if (section === 'permsets') {
      const bullet = /^- `([A-Za-z0-9_]+)`/.exec(line);
      if (bullet) contract.permissionSets.push(bullet[1]);
    }
  }
  return contract;
}

/**
 * Analytics the product promises in docs/reports.md, one bullet per component (`` - `Name` ``)
 * under a heading that names the type: "## Report types", "## Reports …", "## Dashboard…",
 * "## List views". Reports and dashboards are `Folder/Name`, list views `Object__c.Name`.
 * @param {string} markdown
 * @returns {Array<{ type: string, name: string }>} metadata type and full name, in document order
 */
export function parseReportsDoc(markdown) {
  /** @type {Array<{ type: string, name: string }>} */
  const promised = [];
  let type = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)/.exec(line);
    if (heading) {
      const h = heading[1].toLowerCase();
      type = h.startsWith('report types')
        ? 'ReportType'
        : h.startsWith('reports')
          ? 'Report'
          : h.startsWith('dashboard')
            ? 'Dashboard'
            : h.startsWith('list views')
              ? 'ListView'
              : '';
      continue;
    }
    const bullet = /^- `([A-Za-z0-9_./$]+)`/.exec(line);
    if (type && bullet) promised.push({ type, name: bullet[1] });
  }
  return promised;
}

/**
 * @param {string} projectDir
 * @returns {Promise<import('./lib/common.mjs').StageResult>}
 */
export async function check(projectDir) {
  /** @type {import('./lib/common.mjs').Finding[]} */
  const findings = [];
  const contractFile = path.join(projectDir, 'docs', 'data-model.md');
  const contract = parseContract(readFileSync(contractFile, 'utf8'));

  const set = ComponentSet.fromSource({ fsPaths: packageDirs(projectDir) });
  /** @type {Map<string, Set<string>>} metadata type → full names */
  const deployed = new Map();
  /** @type {string[]} every file that would be sent */
  const files = [];
  for (const component of set.getSourceComponents()) {
    for (const c of [component, ...component.getChildren()]) {
      const names = deployed.get(c.type.name) ?? new Set();
      names.add(c.fullName);
      deployed.set(c.type.name, names);
    }
    if (component.xml) files.push(component.xml);
    if (component.content) files.push(...component.walkContent());
  }
  const has = (/** @type {string} */ type, /** @type {string} */ name) => deployed.get(type)?.has(name) ?? false;
  /** @param {string} type @param {string} name @param {string} why */
  const expect = (type, name, why) => {
    if (!has(type, name)) {
      findings.push({
        file: contractFile,
        rule: 'deploy-set',
        message: `${type} ${name} is not in the deploy set (${why})`,
      });
    }
  };

  for (const o of contract.objects) {
    expect('CustomObject', o, 'object in the data model');
    const layouts = [...(deployed.get('Layout') ?? [])].filter((l) => l.startsWith(`${o}-`));
    if (layouts.length === 0) {
      findings.push({ file: contractFile, rule: 'deploy-set', message: `no page layout for ${o} in the deploy set` });
    }
  }
  for (const f of contract.fields) expect('CustomField', f, 'field in the data model');
  for (const g of contract.globalValueSets) expect('GlobalValueSet', g, 'global value set in the data model');
  for (const p of contract.permissionSets) expect('PermissionSet', p, 'permission set in the data model');
  const reportsDoc = path.join(projectDir, 'docs', 'reports.md');
  if (existsSync(reportsDoc)) {
    for (const { type, name } of parseReportsDoc(readFileSync(reportsDoc, 'utf8'))) {
      const why = `${type === 'ListView' ? 'list view' : type === 'ReportType' ? 'report type' : type.toLowerCase()} in docs/reports.md`;
      if (!has(type, name)) {
        findings.push({
          file: reportsDoc,
          rule: 'deploy-set',
          message: `${type} ${name} is not in the deploy set (${why})`,
        });
      }
      const slash = name.lastIndexOf('/');
      const folderType = type === 'Report' ? 'ReportFolder' : type === 'Dashboard' ? 'DashboardFolder' : '';
      if (folderType && slash > 0 && !has(folderType, name.slice(0, slash))) {
        findings.push({
          file: reportsDoc,
          rule: 'deploy-set',
          message: `${folderType} ${name.slice(0, slash)} is not in the deploy set (the folder of ${name})`,
        });
      }
    }
  }
  expect('CustomTab', 'Relationship_Map__c', 'the Relationship Maps tab');
  expect('CustomApplication', 'Relationship_Maps', 'the Relationship Maps Lightning app');

  // What must never reach an org: TypeScript sources, tests, tool configs.
  for (const file of files) {
    const rel = path.relative(projectDir, file);
    if (/\.ts$|(^|\/)__tests__\/|tsconfig[^/]*\.json$|jsconfig\.json$/.test(rel)) {
      findings.push({ file, rule: 'deploy-set', message: `${rel} would be deployed; add it to .forceignore` });
    }
  }
  // A TypeScript component deploys only its compiled .js.
  for (const component of set.getSourceComponents()) {
    if (component.type.name !== 'LightningComponentBundle' || !component.content) continue;
    const content = component.walkContent().map((f) => path.basename(f));
    if (!content.includes(`${component.fullName}.js`)) {
      findings.push({
        file: component.content,
        rule: 'deploy-set',
        message: `component ${component.fullName} has no ${component.fullName}.js to deploy (run the build stage)`,
      });
    }
  }

  const counts = [...deployed.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, names]) => `${names.size} ${type}`)
    .join(', ');
  return { findings, summary: `deploy set: ${counts || 'empty'}` };
}

runAsCli(import.meta.url, check);
