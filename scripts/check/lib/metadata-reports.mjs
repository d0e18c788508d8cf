// @ts-check
/**
 * Cross-reference rules for analytics metadata: custom report types, reports (in folders) and
 * dashboards. What a deploy (or the report builder) rejects, and the schema cannot see:
 *
 * - a report type's tables follow real child relationships, its section columns name fields
 *   that exist (`Lookup__c.Field` follows a lookup), and no column is listed twice;
 * - a report's type exists: a custom report type of the project (written with `__c` after its
 *   developer name) or a standard one the checker knows;
 * - on a custom report type, every column, grouping, filter, sort and time-frame column is
 *   `Table$Field`, the table is one of the type's, the field exists on that table's object, and
 *   the type offers it in a section (a field of the object that the type does not list cannot be
 *   used); picklist filter values exist in the field's value set, checkbox filters are 1/0,
 *   aggregates suit the field, the time-frame column is a date;
 * - groupings suit the format (Tabular none, Summary up to 3 down, Matrix up to 2 and 2) and a
 *   grouped field is not also a column; a report's folder exists;
 * - a report chart and a dashboard component group by the report's groupings and summarise
 *   RowCount or a column the report aggregates that way; a chart needs a grouped report;
 * - a dashboard names no running user: a user belongs to one org, so the dashboard would not
 *   deploy anywhere else (dashboardType LoggedInUser runs as the viewer instead).
 *
 * Findings go through the CrossReferencer (rule `xref`, or `schema` for length limits).
 */
import { kid, kids, textOf } from './metadata-xml.mjs';

/** @typedef {import('./metadata-xml.mjs').XNode} XNode */
/** @typedef {import('./metadata-model.mjs').MetaFile} MetaFile */
/** @typedef {import('./metadata-model.mjs').SObject} SObject */
/** @typedef {import('./metadata-model.mjs').Field} Field */
/** @typedef {import('./metadata-xref.mjs').CrossReferencer} CrossReferencer */
/** @typedef {import('./metadata-xref.mjs').Resolved} Resolved */

/**
 * Standard report types (Report.reportType values) the checker knows. Any other name that is not
 * a project report type or a generated per-object type is reported; add it here if it is real.
 */
export const STANDARD_REPORT_TYPES = new Set(['AccountList', 'ContactList', 'Opportunity', 'LeadList', 'CaseList']);

/**
 * Report types the platform generates for objects with reports enabled: `CustomEntity$Obj__c`,
 * `CustomEntityCustomEntity$Parent__c$Child__c`, `AccountCustomEntity$Child__c`, …
 */
const GENERATED_REPORT_TYPE = /^([A-Za-z]*)CustomEntity(?:CustomEntity)?\$(.+)$/;

/** Folders every org has: reports and dashboards there need no folder file. */
const BUILT_IN_FOLDERS = new Set(['unfiled$public']);

const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);
const DATE_TYPES = new Set(['Date', 'DateTime']);
/** Aggregates that need a number; Unique counts anything, Noop/None mean none. */
const NUMERIC_AGGREGATES = new Set(['sum', 'average', 'median']);
/** The row count a chart or dashboard component can summarise without a column. */
const ROW_COUNT = 'rowcount';
/** Groupings each format allows: [down, across]. */
const GROUPING_LIMITS = /** @type {Record<string, [number, number]>} */ ({
  Tabular: [0, 0],
  Summary: [3, 0],
  Matrix: [2, 2],
});
/** Dashboard components that draw a chart from the report's groupings. */
const CHART_COMPONENTS =
  /^(Bar|BarGrouped|BarStacked|BarStacked100|Column|ColumnGrouped|ColumnStacked|ColumnStacked100|Line|LineGrouped|LineCumulative|LineGroupedCumulative|Pie|Donut|Funnel|ColumnLine|ColumnLineGrouped|ColumnLineStacked|ColumnLineStacked100|Scatter|ScatterGrouped)$/;

/** @param {string} s */
const lc = (s) => s.toLowerCase();

/**
 * A report type as reports see it.
 * @typedef {object} ReportTypeInfo
 * @property {string} name developer name
 * @property {Map<string, { path: string, object: SObject | undefined }>} tables lower-cased table path → table
 * @property {Map<string, Set<string>>} offered lower-cased table path → lower-cased fields its sections list
 */

/**
 * What dashboards need to know about a report.
 * @typedef {object} ReportInfo
 * @property {string} format
 * @property {Set<string>} groupings lower-cased grouping fields, down and across
 * @property {Map<string, Set<string>>} columns lower-cased column field → lower-cased aggregates
 * @property {Set<string>} tokens lower-cased names defined in the report (buckets, summary and row formulas)
 */

/**
 * The names a report's groupings, columns and own definitions use, as written.
 * @param {XNode} r report root
 * @returns {ReportInfo}
 */
export function describeReport(r) {
  /** @type {Set<string>} */
  const tokens = new Set();
  for (const list of ['buckets', 'aggregates', 'customDetailFormulas']) {
    for (const item of kids(r, list)) {
      const n = textOf(item, 'developerName');
      if (n) tokens.add(lc(n));
    }
  }
  /** @type {Map<string, Set<string>>} */
  const columns = new Map();
  for (const c of kids(r, 'columns')) {
    const field = textOf(c, 'field');
    if (field) columns.set(lc(field), new Set(kids(c, 'aggregateTypes').map((a) => lc(a.text))));
  }
  /** @type {Set<string>} */
  const groupings = new Set();
  for (const g of [...kids(r, 'groupingsDown'), ...kids(r, 'groupingsAcross')]) {
    const field = textOf(g, 'field');
    if (field) groupings.add(lc(field));
  }
  return { format: textOf(r, 'format') ?? '', groupings, columns, tokens };
}

export class ReportRules {
  /** @param {CrossReferencer} xref */
  constructor(xref) {
    this.xref = xref;
    this.model = xref.model;
    /** @type {Map<string, ReportTypeInfo | null>} lower-cased developer name → info (null: not in the project) */
    this.typeCache = new Map();
  }

  /**
   * @param {number | undefined} line
   * @param {string} message
   * @param {string} [rule]
   */
  report(line, message, rule) {
    this.xref.report(line, message, rule);
  }

  // ------------------------------------------------------------ report types

  /**
   * The tables a report type offers (base object, then each joined child relationship), with
   * the fields its sections list.
   * @param {string} name developer name
   * @param {XNode} rt report type root
   * @param {boolean} [reportJoins] report joins that do not resolve (when checking the type itself)
   * @returns {ReportTypeInfo}
   */
  typeInfo(name, rt, reportJoins = false) {
    /** @type {ReportTypeInfo} */
    const info = { name, tables: new Map(), offered: new Map() };
    const base = textOf(rt, 'baseObject');
    if (!base) return info;
    let obj = this.model.object(base);
    let tablePath = base;
    info.tables.set(lc(tablePath), { path: tablePath, object: obj });
    let join = kid(rt, 'join');
    while (join) {
      const rel = kid(join, 'relationship');
      if (!rel) break;
      tablePath = `${tablePath}.${rel.text}`;
      const child = obj?.children.get(lc(rel.text));
      // Custom relationships (…__r) must come from a lookup in the project; standard ones
      // (Contacts, Histories, Tasks, …) are not checked.
      if (reportJoins && obj && !child && /__r$/i.test(rel.text)) {
        this.report(
          rel.line,
          `join relationship ${rel.text}: ${obj.name} has no child relationship of that name (no lookup or master-detail with relationshipName ${rel.text.replace(/__r$/i, '')} points to it)`
        );
      }
      obj = child ? this.model.object(child.object) : undefined;
      info.tables.set(lc(tablePath), { path: tablePath, object: obj });
      join = kid(join, 'join');
    }
    for (const sec of kids(rt, 'sections')) {
      for (const col of kids(sec, 'columns')) {
        const table = textOf(col, 'table');
        const field = textOf(col, 'field');
        if (!table || !field) continue;
        const fields = info.offered.get(lc(table)) ?? new Set();
        fields.add(lc(field));
        info.offered.set(lc(table), fields);
      }
    }
    return info;
  }

  /**
   * A project report type by developer name (cached), or null.
   * @param {string} name
   */
  projectType(name) {
    const key = lc(name);
    if (!this.typeCache.has(key)) {
      const mf = this.model.reportTypes.get(key);
      this.typeCache.set(key, mf ? this.typeInfo(mf.kind.fullName, mf.root) : null);
    }
    return this.typeCache.get(key) ?? null;
  }

  /**
   * @param {Map<string, { path: string }>} tables
   */
  static tableList(tables) {
    return [...tables.values()].map((t) => t.path).join(', ');
  }

  /** @param {MetaFile} mf */
  reportType(mf) {
    const r = mf.root;
    const base = kid(r, 'baseObject');
    if (base && !this.model.object(base.text))
      this.report(base.line, `baseObject ${base.text}: ${this.xref.noObject(base.text)}`);
    const info = this.typeInfo(mf.kind.fullName, r, true);
    /** @type {Map<string, number>} */
    const seen = new Map();
    for (const sec of kids(r, 'sections')) {
      for (const col of kids(sec, 'columns')) {
        const table = kid(col, 'table');
        const field = kid(col, 'field');
        if (!table || !field) continue;
        const t = info.tables.get(lc(table.text));
        if (!t) {
          this.report(
            table.line,
            `column table ${table.text} is not one of this report type's tables (${ReportRules.tableList(info.tables)})`
          );
          continue;
        }
        const key = `${lc(table.text)}$${lc(field.text)}`;
        const first = seen.get(key);
        if (first !== undefined) {
          this.report(
            field.line,
            `table ${table.text} column ${field.text} is listed twice (also line ${first}); a report type lists each field once`
          );
        } else {
          seen.set(key, field.line);
        }
        this.xref.expectField(t.object, field.text, field.line, `table ${table.text} column`, { lookupFieldHop: true });
      }
    }
    this.xref.lengthRule(kid(r, 'label'), 50, 'label');
    this.xref.lengthRule(kid(r, 'description'), 255, 'description');
  }

  /**
   * A report or dashboard must sit in a built-in folder or one the project deploys.
   * @param {MetaFile} mf
   * @param {'report' | 'dashboard'} kind
   * @param {Set<string>} projectFolders the project's folders of that kind, lower-case
   */
  folderRule(mf, kind, projectFolders) {
    const folder = mf.kind.folder ?? '';
    if (folder && !BUILT_IN_FOLDERS.has(lc(folder)) && !projectFolders.has(lc(folder))) {
      this.report(
        mf.root.line,
        `${kind} ${mf.kind.fullName} is in folder ${folder}, but the project has no ${kind}s/${folder}.${kind}Folder-meta.xml; a deploy fails with "Cannot find folder"`
      );
    }
  }

  // ----------------------------------------------------------------- reports

  /** @param {MetaFile} mf */
  reportFile(mf) {
    const r = mf.root;
    this.folderRule(mf, 'report', this.model.reportFolders);
    this.xref.lengthRule(kid(r, 'name'), 40, 'report name');
    this.xref.lengthRule(kid(r, 'description'), 255, 'report description');

    const rtNode = kid(r, 'reportType');
    if (!rtNode) return;
    const rtName = rtNode.text;
    /** @type {ReportTypeInfo | undefined} */
    let type;
    if (/__c$/i.test(rtName)) {
      const found = this.projectType(rtName.replace(/__c$/i, ''));
      if (!found) {
        this.report(
          rtNode.line,
          `reportType ${rtName}: no report type ${rtName.replace(/__c$/i, '')} in the project (reportTypes/${rtName.replace(/__c$/i, '')}.reportType-meta.xml)`
        );
        return;
      }
      type = found;
    } else {
      const generated = GENERATED_REPORT_TYPE.exec(rtName);
      if (generated) {
        for (const o of generated[2].split('$'))
          if (!this.model.object(o)) this.report(rtNode.line, `reportType ${rtName}: ${this.xref.noObject(o)}`);
      } else if (!STANDARD_REPORT_TYPES.has(rtName)) {
        const project = this.model.reportTypes.get(lc(rtName));
        this.report(
          rtNode.line,
          project
            ? `reportType ${rtName}: a report names a custom report type with __c after its developer name (${rtName}__c)`
            : `reportType ${rtName}: neither a report type of the project (written ${rtName}__c) nor a standard report type the checker knows (${[...STANDARD_REPORT_TYPES].join(', ')}); if it is a real standard type, add it to STANDARD_REPORT_TYPES in scripts/check/lib/metadata-reports.mjs`
        );
      }
    }

    const info = describeReport(r);
    const check = new ReportColumnCheck(this, rtName, type, info.tokens);

    for (const c of kids(r, 'columns')) {
      const node = kid(c, 'field');
      if (!node) continue;
      const field = check.column(node, 'report column');
      for (const a of kids(c, 'aggregateTypes')) {
        if (field?.type && NUMERIC_AGGREGATES.has(lc(a.text)) && !NUMERIC_TYPES.has(field.type))
          this.report(
            a.line,
            `report column ${node.text}: aggregate ${a.text} needs a number, and ${field.object}.${field.name} is a ${field.type}`
          );
      }
    }

    const format = info.format;
    for (const list of /** @type {const} */ (['groupingsDown', 'groupingsAcross'])) {
      const items = kids(r, list);
      const limit = GROUPING_LIMITS[format];
      if (limit) {
        const max = list === 'groupingsDown' ? limit[0] : limit[1];
        if (items.length > max)
          this.report(
            items[max].line,
            `${format} report with ${items.length} ${list}: a ${format} report has at most ${max}`
          );
      }
      for (const g of items) {
        const node = kid(g, 'field');
        if (!node) continue;
        check.column(node, `report ${list === 'groupingsDown' ? 'grouping' : 'column grouping'}`);
        if (info.columns.has(lc(node.text)))
          this.report(
            node.line,
            `report grouping ${node.text} is also in <columns>: a grouped field is shown in its group header, and a deploy rejects it as a column too`
          );
      }
    }

    const filter = kid(r, 'filter');
    const items = kids(filter, 'criteriaItems');
    for (const it of items) {
      const node = kid(it, 'column');
      if (!node) continue;
      const field = check.column(node, 'report filter');
      if (textOf(it, 'columnToColumn') === 'true') continue;
      const operator = textOf(it, 'operator');
      const value = textOf(it, 'value');
      const valueLine = kid(it, 'value')?.line ?? node.line;
      this.xref.expectPicklistValues(field, operator, value, valueLine, `report filter on ${node.text}`);
      this.xref.expectCheckboxValue(field, value, valueLine, `report filter on ${node.text}`);
    }
    this.xref.expectBooleanFilter(kid(filter, 'booleanFilter'), items.length, 'report filter');

    const sort = kid(r, 'sortColumn');
    if (sort) check.column(sort, 'report sortColumn');
    const timeFrame = kid(kid(r, 'timeFrameFilter'), 'dateColumn');
    if (timeFrame) {
      const field = check.column(timeFrame, 'report timeFrameFilter dateColumn');
      if (field?.type && !DATE_TYPES.has(field.type))
        this.report(
          timeFrame.line,
          `report timeFrameFilter dateColumn ${timeFrame.text}: ${field.object}.${field.name} is a ${field.type}, not a date`
        );
    }

    const chart = kid(r, 'chart');
    if (chart) {
      for (const name of ['groupingColumn', 'secondaryGroupingColumn']) {
        const g = kid(chart, name);
        if (g && g.text && !info.groupings.has(lc(g.text)))
          this.report(g.line, `report chart ${name} ${g.text} is not one of the report's groupings`);
      }
      for (const cs of kids(chart, 'chartSummaries'))
        this.expectSummary(info, kid(cs, 'column'), textOf(cs, 'aggregate'), 'report chart summary');
    }
  }

  /**
   * A chart or dashboard summary: RowCount, or a column the report aggregates that way (or a
   * summary formula of the report).
   * @param {ReportInfo} info
   * @param {XNode | undefined} column the summarised column
   * @param {string | undefined} aggregate Sum, Average, … (none: any)
   * @param {string} what
   */
  expectSummary(info, column, aggregate, what) {
    if (!column || !column.text || lc(column.text) === ROW_COUNT || info.tokens.has(lc(column.text))) return;
    const aggregates = info.columns.get(lc(column.text));
    if (!aggregates) {
      this.report(column.line, `${what} ${column.text} is not a column of the report (use RowCount or a column)`);
    } else if (aggregates.size === 0) {
      this.report(
        column.line,
        `${what} ${column.text}: the report does not total that column (give the column aggregateTypes, or summarise RowCount)`
      );
    } else if (aggregate && !aggregates.has(lc(aggregate))) {
      this.report(
        column.line,
        `${what} ${aggregate} of ${column.text}: the report does not total that column that way (its aggregateTypes: ${[...aggregates].join(', ') || 'none'})`
      );
    }
  }

  // -------------------------------------------------------------- dashboards

  /** @param {MetaFile} mf */
  dashboard(mf) {
    const r = mf.root;
    this.folderRule(mf, 'dashboard', this.model.dashboardFolders);
    this.xref.lengthRule(kid(r, 'title'), 80, 'dashboard title');
    const runningUser = kid(r, 'runningUser');
    if (runningUser) {
      this.report(
        runningUser.line,
        `runningUser ${runningUser.text}: a user of one org, so the dashboard deploys nowhere else; use <dashboardType>LoggedInUser</dashboardType> (runs as the viewer) and no runningUser`
      );
    }
    /** @type {XNode[]} */
    const components = [];
    for (const section of ['leftSection', 'middleSection', 'rightSection'])
      components.push(...kids(kid(r, section), 'components'));
    for (const g of kids(kid(r, 'dashboardGridLayout'), 'dashboardGridComponents')) {
      const c = kid(g, 'dashboardComponent');
      if (c) components.push(c);
    }
    for (const c of components) this.component(c);
  }

  /** @param {XNode} c a dashboard component */
  component(c) {
    const reportNode = kid(c, 'report');
    if (!reportNode || !reportNode.text) return;
    if (!this.model.reports.has(lc(reportNode.text))) {
      this.report(
        reportNode.line,
        `dashboard component report ${reportNode.text}: no report of that name in the project`
      );
      return;
    }
    const mf = this.model.reportFiles.get(lc(reportNode.text));
    if (!mf) return;
    const info = describeReport(mf.root);
    const type = textOf(c, 'componentType') ?? '';
    const what = `dashboard component on ${reportNode.text}`;
    for (const g of kids(c, 'groupingColumn')) {
      if (g.text && !info.groupings.has(lc(g.text)))
        this.report(g.line, `${what}: groupingColumn ${g.text} is not one of the report's groupings`);
    }
    if (CHART_COMPONENTS.test(type) && textOf(c, 'useReportChart') !== 'true' && info.groupings.size === 0) {
      this.report(
        kid(c, 'componentType')?.line ?? c.line,
        `${what}: a ${type} chart draws the report's groupings, and the report has none`
      );
    }
    for (const cs of kids(c, 'chartSummary'))
      this.expectSummary(info, kid(cs, 'column'), textOf(cs, 'aggregate'), `${what}: chartSummary`);
    for (const tc of kids(c, 'dashboardTableColumn')) {
      const column = kid(tc, 'column');
      if (!column || !column.text || info.groupings.has(lc(column.text))) continue;
      this.expectSummary(info, column, textOf(tc, 'aggregateType'), `${what}: dashboardTableColumn`);
    }
    for (const fc of kids(c, 'dashboardFilterColumns')) {
      const column = kid(fc, 'column');
      if (column && column.text && !info.groupings.has(lc(column.text)) && !info.columns.has(lc(column.text)))
        this.report(
          column.line,
          `${what}: dashboardFilterColumns ${column.text} is not a column or grouping of the report`
        );
    }
  }
}

/**
 * Resolves one report column reference against the report's type.
 */
class ReportColumnCheck {
  /**
   * @param {ReportRules} rules
   * @param {string} rtName as the report writes it
   * @param {ReportTypeInfo | undefined} type the project report type, when it is one
   * @param {Set<string>} tokens names the report defines (buckets, formulas)
   */
  constructor(rules, rtName, type, tokens) {
    this.rules = rules;
    this.rtName = rtName;
    this.type = type;
    this.tokens = tokens;
  }

  /**
   * Reports what does not resolve; returns the field when it does.
   * @param {XNode} node
   * @param {string} what e.g. "report column"
   * @returns {Field | undefined}
   */
  column(node, what) {
    const ref = node.text;
    if (!ref || this.tokens.has(lc(ref))) return undefined;
    const xref = this.rules.xref;
    const type = this.type;
    if (!type) {
      // Standard and generated types use their own column names (ACCOUNT.NAME, CUST_NAME, …);
      // only Object__c.Field references into project objects are checked.
      if (/^[A-Za-z0-9_]+__c\.[A-Za-z0-9_]+$/.test(ref)) {
        const [o, f] = ref.split('.');
        const obj = this.rules.model.object(o);
        if (obj && obj.kind === 'project') return xref.expectField(obj, f, node.line, what);
      }
      return undefined;
    }
    const dollar = ref.indexOf('$');
    if (dollar < 0) {
      this.rules.report(
        node.line,
        `${what} ${ref}: on a custom report type write Table$Field, with a table of ${type.name} (${ReportRules.tableList(type.tables)})`
      );
      return undefined;
    }
    const table = ref.slice(0, dollar);
    const fieldPath = ref.slice(dollar + 1);
    const t = type.tables.get(lc(table));
    if (!t) {
      this.rules.report(
        node.line,
        `${what} ${ref}: ${table} is not one of report type ${this.rtName}'s tables (${ReportRules.tableList(type.tables)})`
      );
      return undefined;
    }
    /** @type {Resolved} */
    const resolved = t.object ? xref.resolve(t.object, fieldPath, { lookupFieldHop: true }) : { status: 'unknown' };
    if (resolved.status === 'missing') {
      this.rules.report(node.line, `${what} ${ref}: ${resolved.message}`);
      return undefined;
    }
    if (!type.offered.get(lc(table))?.has(lc(fieldPath))) {
      this.rules.report(
        node.line,
        `${what} ${ref}: report type ${type.name} does not offer ${fieldPath} on table ${table}; add it to a section of reportTypes/${type.name}.reportType-meta.xml (a report can only use the fields its type lists)`
      );
    }
    return resolved.status === 'ok' ? resolved.field : undefined;
  }
}
