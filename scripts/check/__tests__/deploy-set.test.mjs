// @ts-check
// The deploy-set check finds contract items missing from what would deploy, and TypeScript or
// tests that would reach the org. Each case copies a small valid project and plants one defect.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, parseReportsDoc } from '../deploy-set.mjs';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'deploy-set', 'base');

/** A fresh copy of the base fixture, with `plant` applied. */
function project(/** @type {(dir: string) => void} */ plant = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'deploy-set-'));
  cpSync(BASE, dir, { recursive: true });
  plant(dir);
  return dir;
}
const messages = async (/** @type {string} */ dir) => (await check(dir)).findings.map((f) => f.message);

/** Adds an LWC bundle `widgetCard` holding `files` (name → content) plus its -meta.xml. */
function addBundle(/** @type {string} */ dir, /** @type {Record<string, string>} */ files) {
  const bundle = path.join(dir, 'force-app', 'main', 'default', 'lwc', 'widgetCard');
  mkdirSync(bundle, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(bundle, name), content);
  writeFileSync(
    path.join(bundle, 'widgetCard.js-meta.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n'
  );
}

test('a project that deploys everything in its contract passes', async () => {
  const result = await check(project());
  assert.deepEqual(result.findings, []);
  assert.match(result.summary, /1 CustomField/);
});

test('a field hidden by .forceignore is reported by name', async () => {
  const dir = project((d) => appendFileSync(path.join(d, '.forceignore'), '**/Size__c.field-meta.xml\n'));
  assert.deepEqual(await messages(dir), [
    'CustomField Widget__c.Size__c is not in the deploy set (field in the data model)',
  ]);
});

test('a permission set and a global value set missing from force-app are reported', async () => {
  const dir = project((d) => {
    appendFileSync(path.join(d, '.forceignore'), '**/permissionsets/**\n**/globalValueSets/**\n');
  });
  const found = await messages(dir);
  assert.ok(
    found.includes('PermissionSet Widget_User is not in the deploy set (permission set in the data model)'),
    found.join('\n')
  );
  assert.ok(
    found.includes('GlobalValueSet Widget_Colour is not in the deploy set (global value set in the data model)'),
    found.join('\n')
  );
});

test('TypeScript that .forceignore does not exclude would be deployed', async () => {
  const dir = project((d) => {
    writeFileSync(path.join(d, '.forceignore'), '# nothing ignored\n');
    addBundle(d, {
      'widgetCard.ts': 'export default class WidgetCard {}\n',
      'widgetCard.js': 'export default class WidgetCard {}\n',
    });
  });
  const found = await messages(dir);
  assert.ok(
    found.some((m) => /widgetCard\.ts would be deployed; add it to \.forceignore/.test(m)),
    found.join('\n')
  );
});

test('a TypeScript component that was never compiled has nothing to deploy', async () => {
  const dir = project((d) => {
    addBundle(d, {
      'widgetCard.ts': 'export default class WidgetCard {}\n',
      'widgetCard.html': '<template></template>\n',
    });
  });
  const found = await messages(dir);
  assert.ok(
    found.includes('component widgetCard has no widgetCard.js to deploy (run the build stage)'),
    found.join('\n')
  );
});

// ------------------------------------------------------------------ analytics in docs/reports.md

const REPORTS_DOC = `# Reports

## Report types

- \`Widgets_with_Parts\` **Widgets with Parts**: one line.

## Reports (folder "Widgets")

- \`Widgets/Big_Widgets\` **Big Widgets**: one line.

## Dashboard

- \`Widgets/Widget_Health\` **Widget Health**: one line.

## List views

- \`Widget__c.Big\` **Big**: one line.
`;

/** Writes docs/reports.md and the analytics it promises (report type, folders, report, dashboard, list view). */
function addAnalytics(/** @type {string} */ dir) {
  const xml = (/** @type {string} */ root, /** @type {string} */ body) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>\n`;
  /** @type {Record<string, string>} */
  const files = {
    'docs/reports.md': REPORTS_DOC,
    'force-app/main/default/reportTypes/Widgets_with_Parts.reportType-meta.xml': xml(
      'ReportType',
      '<baseObject>Widget__c</baseObject><category>other</category><deployed>true</deployed><label>Widgets with Parts</label>'
    ),
    'force-app/main/default/reports/Widgets.reportFolder-meta.xml': xml(
      'ReportFolder',
      '<accessType>Public</accessType><name>Widgets</name><publicFolderAccess>ReadOnly</publicFolderAccess>'
    ),
    'force-app/main/default/reports/Widgets/Big_Widgets.report-meta.xml': xml(
      'Report',
      '<format>Tabular</format><name>Big Widgets</name><reportType>Widgets_with_Parts__c</reportType>'
    ),
    'force-app/main/default/dashboards/Widgets.dashboardFolder-meta.xml': xml(
      'DashboardFolder',
      '<accessType>Public</accessType><name>Widgets</name><publicFolderAccess>ReadOnly</publicFolderAccess>'
    ),
    'force-app/main/default/dashboards/Widgets/Widget_Health.dashboard-meta.xml': xml(
      'Dashboard',
      '<dashboardType>LoggedInUser</dashboardType><title>Widget Health</title>'
    ),
    'force-app/main/default/objects/Widget__c/listViews/Big.listView-meta.xml': xml(
      'ListView',
      '<fullName>Big</fullName><filterScope>Everything</filterScope><label>Big</label>'
    ),
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}

test('docs/reports.md: the real document lists every report type, report, dashboard and list view', () => {
  const doc = readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'reports.md'),
    'utf8'
  );
  const count = (/** @type {string} */ type) => parseReportsDoc(doc).filter((p) => p.type === type).length;
  assert.deepEqual(
    {
      ReportType: count('ReportType'),
      Report: count('Report'),
      Dashboard: count('Dashboard'),
      ListView: count('ListView'),
    },
    { ReportType: 4, Report: 6, Dashboard: 1, ListView: 8 },
    'the six reports of issue 7, their four report types, the dashboard and eight list views (Unsupported Decision Makers documented in issue 16)'
  );
});

test('docs/reports.md: promised analytics that deploy pass', async () => {
  const dir = project((d) => addAnalytics(d));
  assert.deepEqual(await messages(dir), []);
});

test('docs/reports.md: a promised report left out of the deploy set, and a dashboard without its folder', async () => {
  const dir = project((d) => {
    addAnalytics(d);
    appendFileSync(path.join(d, '.forceignore'), '**/Big_Widgets.report-meta.xml\n**/Big.listView-meta.xml\n');
    writeFileSync(
      path.join(d, 'docs', 'reports.md'),
      REPORTS_DOC.replace('Widgets/Widget_Health', 'Health/Widget_Health')
    );
  });
  assert.deepEqual((await messages(dir)).sort(), [
    'Dashboard Health/Widget_Health is not in the deploy set (dashboard in docs/reports.md)',
    'DashboardFolder Health is not in the deploy set (the folder of Health/Widget_Health)',
    'ListView Widget__c.Big is not in the deploy set (list view in docs/reports.md)',
    'Report Widgets/Big_Widgets is not in the deploy set (report in docs/reports.md)',
  ]);
});
