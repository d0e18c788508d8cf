/**
 * The packaged reports (force-app/main/default/reports/<folder>/*.report-meta.xml, on the custom
 * report types in reportTypes/) and list views (objects/<object>/listViews/*.listView-meta.xml),
 * run over the preview's records (records.ts) the way an org runs them:
 *
 * - report type: base object, its join (a child relationship, inner or outer), and the columns
 *   its sections offer (a report naming a column its type does not offer is refused);
 * - columns, filters (criteriaItems with their operators and values, booleanFilter, the time
 *   frame filter), groupings (groupingsDown with their sort order), the sort column, and the
 *   column aggregates (Sum, Average, Maximum, Minimum) per group and in total;
 * - list views: columns, filters, booleanFilter, filterScope Everything.
 *
 * Anything else in a file (another report format, a cross filter, a bucket field, an operator,
 * a date literal or a formula function the preview does not know) is refused with a ReportError
 * that names it, so the page never shows rows an org would not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { REPO_ROOT } from '../../shared/project.mjs';
import { FormulaDate, FormulaDateTime, type FormulaValue } from './formula.ts';
import { childRelationship, DEFAULT_ROOT, fieldDef, ReportError, type FieldDef } from './metadata.ts';
import { matches, type OrgRecords, type SObject } from './records.ts';

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    [
      'columns',
      'criteriaItems',
      'groupingsDown',
      'groupingsAcross',
      'aggregateTypes',
      'filters',
      'sections',
      'join',
    ].includes(name),
});

type Raw = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const list = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : v === undefined ? [] : [v as Raw]);

/** Elements of a report the preview interprets (or that do not change its rows). */
const REPORT_ELEMENTS = new Set([
  'columns',
  'description',
  'filter',
  'format',
  'groupingsDown',
  'name',
  'reportType',
  'scope',
  'showDetails',
  'showGrandTotal',
  'showSubTotals',
  'sortColumn',
  'sortOrder',
  'timeFrameFilter',
  'currency',
]);
const LIST_VIEW_ELEMENTS = new Set([
  'fullName',
  'columns',
  'filterScope',
  'filters',
  'booleanFilter',
  'label',
  'sharedTo',
  'language',
]);
const AGGREGATES = new Set(['Sum', 'Average', 'Maximum', 'Minimum']);
/** List views name some standard columns in capitals. */
const LIST_VIEW_STANDARD_COLUMNS: Record<string, string> = {
  NAME: 'Name',
  CREATED_DATE: 'CreatedDate',
  LAST_UPDATE: 'LastModifiedDate',
};

export interface ResultColumn {
  key: string;
  label: string;
  /** Field type (Text, Checkbox, Date, Number, Percent, Lookup, …), for alignment. */
  type: string;
  /** Report aggregate of this column (Sum, Average, Maximum, Minimum), if any. */
  aggregate?: string;
}

export interface ResultRow {
  /** The detail record: the joined child's Id, or the base record's. */
  id: string;
  /** The values of the groupings, outermost first (formatted). */
  groups: string[];
  cells: string[];
}

export interface ResultGroup {
  /** The grouping values from the outermost down to this group. */
  path: string[];
  count: number;
  /** One entry per column: its aggregate over the group (formatted), or null. */
  aggregates: (string | null)[];
}

export interface RunResult {
  kind: 'report' | 'listView';
  /** `report:<Folder>/<Name>` or `listView:<Object>.<Name>`. */
  key: string;
  developerName: string;
  name: string;
  description: string;
  /** The metadata file, relative to the repository. */
  file: string;
  /** What the rows are: the report type's label, or the list view's object. */
  source: string;
  /** Each filter as a sentence ("Status equals Active"). */
  filters: string[];
  booleanFilter?: string;
  columns: ResultColumn[];
  groupings: { key: string; label: string }[];
  rows: ResultRow[];
  groups: ResultGroup[];
  total: { count: number; aggregates: (string | null)[] };
}

// ------------------------------------------------------------------------------- formatting

/** A value as the page shows it. */
export function formatValue(records: OrgRecords, field: FieldDef, value: FormulaValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof FormulaDate) return value.toString();
  if (value instanceof FormulaDateTime) return `${value.toString().slice(0, 16).replace('T', ' ')} GMT`;
  if (typeof value === 'number') {
    if (field.type === 'Percent') return `${Math.round(value * 100)}%`;
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (field.referenceTo) return records.nameOf(value) ?? value;
  return value;
}

/** Orders two values: blanks last, dates and numbers by size, text without case. */
function compareValues(a: FormulaValue, b: FormulaValue): number {
  const blankA = a === null || a === '';
  const blankB = b === null || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const key = (v: FormulaValue): number | string =>
    v instanceof FormulaDate
      ? v.day
      : v instanceof FormulaDateTime
        ? v.ms
        : typeof v === 'boolean'
          ? Number(v)
          : (v as number | string);
  const x = key(a);
  const y = key(b);
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
}

// ------------------------------------------------------------------------------ boolean filter

/** Evaluates "1 AND (2 OR NOT 3)" over the filter items' results (1-based). */
export function booleanFilter(expression: string, results: boolean[], where: string): boolean {
  const tokens = expression.toUpperCase().match(/\d+|AND|OR|NOT|\(|\)|\S/g) ?? [];
  let i = 0;
  const fail = (what: string): never => {
    throw new ReportError(`${where}: the filter logic "${expression}" ${what}.`);
  };
  const primary = (): boolean => {
    const token = tokens[i++];
    if (token === 'NOT') return !primary();
    if (token === '(') {
      const value = or();
      if (tokens[i++] !== ')') fail('has an unclosed parenthesis');
      return value;
    }
    if (token && /^\d+$/.test(token)) {
      const n = Number(token);
      if (n < 1 || n > results.length) fail(`names filter ${n}, which does not exist`);
      return results[n - 1];
    }
    return fail(`has "${token ?? 'nothing'}" where a filter number should be`);
  };
  const and = (): boolean => {
    let value = primary();
    while (tokens[i] === 'AND') {
      i++;
      value = primary() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (tokens[i] === 'OR') {
      i++;
      value = and() || value;
    }
    return value;
  };
  const value = or();
  if (i < tokens.length) fail(`has "${tokens[i]}" the preview does not understand`);
  return value;
}

// ---------------------------------------------------------------------------------- reports

interface ReportType {
  name: string;
  label: string;
  baseObject: string;
  /** The joined child relationship, if any. */
  join?: { relationship: string; outer: boolean };
  /** Offered columns: `<table>$<field>`. */
  columns: Set<string>;
}

function readReportType(root: string, name: string): ReportType {
  if (!name.endsWith('__c')) {
    throw new ReportError(
      `The report type ${name} is a standard one; the preview runs only the project's custom report types.`
    );
  }
  const developerName = name.slice(0, -3);
  const file = path.join(root, 'reportTypes', `${developerName}.reportType-meta.xml`);
  if (!existsSync(file))
    throw new ReportError(`There is no report type ${developerName} in force-app/main/default/reportTypes.`);
  const raw = (xml.parse(readFileSync(file, 'utf8')) as { ReportType: Raw }).ReportType;
  const joins = list(raw.join);
  if (joins.length > 1) throw new ReportError(`The report type ${developerName} has more than one join.`);
  const join = joins[0];
  if (join && join.join !== undefined)
    throw new ReportError(`The report type ${developerName} joins a third object, which the preview does not run.`);
  const columns = new Set<string>();
  for (const section of list(raw.sections)) {
    for (const column of list(section.columns)) columns.add(`${str(column.table)}$${str(column.field)}`);
  }
  return {
    name: developerName,
    label: str(raw.label) || developerName,
    baseObject: str(raw.baseObject),
    ...(join ? { join: { relationship: str(join.relationship), outer: str(join.outerJoin) === 'true' } } : {}),
    columns,
  };
}

/** One report row's records: the base record and the joined child (null on an outer join without one). */
type Row = Map<string, { object: string; record: SObject | null }>;

/** A report column (`Table$Field.Path`) resolved against a report type. */
interface ReportColumn {
  key: string;
  table: string;
  path: string[];
  field: FieldDef;
  label: string;
}

function reportColumn(
  records: OrgRecords,
  type: ReportType,
  tables: Map<string, string>,
  key: string,
  where: string
): ReportColumn {
  if (!type.columns.has(key))
    throw new ReportError(`${where} uses the column ${key}, which the report type ${type.name} does not offer.`);
  const [table, fieldPath] = key.split('$');
  const object = tables.get(table);
  if (!object)
    throw new ReportError(`${where} uses the table ${table}, which the report type ${type.name} does not have.`);
  const steps = fieldPath.split('.');
  // Resolve the field definition along the path without a record (lookups to their targets).
  let current = object;
  for (const step of steps.slice(0, -1)) {
    const lookup = fieldDef(records.defs, current, step);
    if (!lookup.referenceTo) throw new ReportError(`${where}: ${current}.${step} is not a lookup.`);
    current = lookup.referenceTo;
  }
  const field = fieldDef(records.defs, current, steps[steps.length - 1]);
  const label =
    steps.length > 1
      ? `${fieldDef(records.defs, object, steps[0]).label.replace(/ ID$/, '')}: ${field.label}`
      : field.label;
  return { key, table, path: steps, field, label };
}

function columnValue(records: OrgRecords, row: Row, column: ReportColumn): FormulaValue {
  const entry = row.get(column.table);
  if (!entry) return null;
  return records.path(entry.object, entry.record, column.path).value;
}

function aggregate(kind: string, values: FormulaValue[]): number | null {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (kind === 'Sum') return numbers.reduce((a, b) => a + b, 0);
  if (numbers.length === 0) return null;
  if (kind === 'Average') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  return kind === 'Maximum' ? Math.max(...numbers) : Math.min(...numbers);
}

/** Runs one report file over `records`. */
export function runReport(records: OrgRecords, file: string, root = DEFAULT_ROOT): RunResult {
  const folder = path.basename(path.dirname(file));
  const developerName = path.basename(file).replace(/\.report-meta\.xml$/, '');
  const where = `The report ${folder}/${developerName}`;
  const raw = (xml.parse(readFileSync(file, 'utf8')) as { Report: Raw }).Report;
  for (const element of Object.keys(raw)) {
    if (!REPORT_ELEMENTS.has(element))
      throw new ReportError(`${where} uses <${element}>, which the preview does not run.`);
  }
  const format = str(raw.format) || 'Tabular';
  if (format !== 'Summary' && format !== 'Tabular')
    throw new ReportError(`${where} is a ${format} report; the preview runs Tabular and Summary reports.`);
  const scope = str(raw.scope) || 'organization';
  if (scope !== 'organization')
    throw new ReportError(`${where} shows "${scope}" records; the preview runs reports on all records (organization).`);

  const type = readReportType(root, str(raw.reportType));
  const tables = new Map<string, string>([[type.baseObject, type.baseObject]]);
  let childTable: string | undefined;
  if (type.join) {
    childTable = `${type.baseObject}.${type.join.relationship}`;
    tables.set(childTable, childRelationship(records.defs, type.baseObject, type.join.relationship).object);
  }

  const columns = list(raw.columns).map((c) => {
    const column = reportColumn(records, type, tables, str(c.field), where);
    const kinds = list(c.aggregateTypes).map(str);
    for (const kind of kinds)
      if (!AGGREGATES.has(kind))
        throw new ReportError(`${where} totals ${column.key} by ${kind}, which the preview does not compute.`);
    return { column, aggregate: kinds[0] };
  });

  const filter = (raw.filter ?? {}) as Raw;
  for (const element of Object.keys(filter)) {
    if (element !== 'criteriaItems' && element !== 'booleanFilter')
      throw new ReportError(`${where} uses <filter><${element}>, which the preview does not run.`);
  }
  const criteria = list(filter.criteriaItems).map((item) => {
    if (str(item.columnToColumn) === 'true')
      throw new ReportError(`${where} compares two columns, which the preview does not run.`);
    const column = reportColumn(records, type, tables, str(item.column), where);
    return { column, operator: str(item.operator), value: str(item.value) };
  });
  const logic = str(filter.booleanFilter) || undefined;

  let timeFrame: { column: ReportColumn; interval: string } | undefined;
  if (raw.timeFrameFilter) {
    const tf = raw.timeFrameFilter as Raw;
    const interval = str(tf.interval);
    if (interval === 'INTERVAL_CUSTOM' || tf.startDate !== undefined || tf.endDate !== undefined) {
      throw new ReportError(`${where} uses a custom date range, which the preview does not run.`);
    }
    timeFrame = { column: reportColumn(records, type, tables, str(tf.dateColumn), where), interval };
  }

  const groupings = list(raw.groupingsDown).map((g) => {
    const granularity = str(g.dateGranularity) || 'Day';
    if (granularity !== 'Day' && granularity !== 'None')
      throw new ReportError(`${where} groups by ${granularity}, which the preview does not run.`);
    const sortOrder = str(g.sortOrder) || 'Asc';
    if (sortOrder !== 'Asc' && sortOrder !== 'Desc') throw new ReportError(`${where} sorts a grouping "${sortOrder}".`);
    return { column: reportColumn(records, type, tables, str(g.field), where), descending: sortOrder === 'Desc' };
  });
  if (format === 'Tabular' && groupings.length > 0) throw new ReportError(`${where} is Tabular but has groupings.`);
  const sortColumn = raw.sortColumn ? reportColumn(records, type, tables, str(raw.sortColumn), where) : undefined;
  const sortDescending = str(raw.sortOrder) === 'Desc';

  // The rows: each base record with each joined child (inner join: only bases with children).
  const rows: Row[] = [];
  for (const base of records.all(type.baseObject)) {
    if (!type.join || !childTable) {
      rows.push(new Map([[type.baseObject, { object: type.baseObject, record: base }]]));
      continue;
    }
    const { object, records: children } = records.children(type.baseObject, base, type.join.relationship);
    if (children.length === 0 && type.join.outer) {
      rows.push(
        new Map([
          [type.baseObject, { object: type.baseObject, record: base }],
          [childTable, { object, record: null }],
        ])
      );
    }
    for (const child of children) {
      rows.push(
        new Map<string, { object: string; record: SObject | null }>([
          [type.baseObject, { object: type.baseObject, record: base }],
          [childTable, { object, record: child }],
        ])
      );
    }
  }

  const passing = rows.filter((row) => {
    const results = criteria.map((c) =>
      matches(columnValue(records, row, c.column), c.column.field, c.operator, c.value, records.now, where)
    );
    const kept = logic ? booleanFilter(logic, results, where) : results.every(Boolean);
    if (!kept || !timeFrame) return kept;
    return matches(
      columnValue(records, row, timeFrame.column),
      timeFrame.column.field,
      'equals',
      timeFrame.interval,
      records.now,
      where
    );
  });

  const detailId = (row: Row): string => {
    const child = childTable ? row.get(childTable)?.record : null;
    return child?.Id ?? row.get(type.baseObject)?.record?.Id ?? '';
  };
  const sorted = passing
    .map((row) => ({
      row,
      groups: groupings.map((g) => columnValue(records, row, g.column)),
      sort: sortColumn ? columnValue(records, row, sortColumn) : null,
    }))
    .sort((a, b) => {
      for (let i = 0; i < groupings.length; i++) {
        const order = compareValues(a.groups[i], b.groups[i]);
        if (order !== 0) return groupings[i].descending ? -order : order;
      }
      const order = sortColumn ? compareValues(a.sort, b.sort) : 0;
      if (order !== 0) return sortDescending && a.sort !== null && b.sort !== null ? -order : order;
      return detailId(a.row).localeCompare(detailId(b.row));
    });

  const resultRows: ResultRow[] = [];
  const rawValues: FormulaValue[][] = [];
  for (const { row, groups } of sorted) {
    const values = columns.map(({ column }) => columnValue(records, row, column));
    rawValues.push(values);
    resultRows.push({
      id: detailId(row),
      groups: groups.map((g, i) => formatValue(records, groupings[i].column.field, g) || '(blank)'),
      cells: values.map((v, i) => formatValue(records, columns[i].column.field, v)),
    });
  }
  const aggregatesOf = (indexes: number[]): (string | null)[] =>
    columns.map(({ column, aggregate: kind }, c) => {
      if (!kind) return null;
      const value = aggregate(
        kind,
        indexes.map((i) => rawValues[i][c])
      );
      return value === null
        ? ''
        : formatValue(
            records,
            column.field.type === 'Percent' ? column.field : { ...column.field, type: 'Number' },
            value
          );
    });
  const groups: ResultGroup[] = [];
  for (let depth = 1; depth <= groupings.length; depth++) {
    const seen = new Map<string, number[]>();
    resultRows.forEach((row, i) => {
      const key = JSON.stringify(row.groups.slice(0, depth));
      seen.set(key, [...(seen.get(key) ?? []), i]);
    });
    for (const [key, indexes] of seen) {
      groups.push({ path: JSON.parse(key) as string[], count: indexes.length, aggregates: aggregatesOf(indexes) });
    }
  }

  return {
    kind: 'report',
    key: `report:${folder}/${developerName}`,
    developerName,
    name: str(raw.name) || developerName,
    description: str(raw.description),
    file: path.relative(REPO_ROOT, file),
    source: `Report type: ${type.label}`,
    filters: [
      ...criteria.map(
        (c, i) =>
          `${i + 1}. ${c.column.label} ${describeOperator(c.operator)} ${describeValue(c.column.field, c.value)}`
      ),
      ...(timeFrame ? [`${timeFrame.column.label}: ${describeInterval(timeFrame.interval)}`] : []),
    ],
    ...(logic ? { booleanFilter: logic } : {}),
    columns: columns.map(({ column, aggregate: kind }) => ({
      key: column.key,
      label: column.label,
      type: column.field.type,
      ...(kind ? { aggregate: kind } : {}),
    })),
    groupings: groupings.map((g) => ({ key: g.column.key, label: g.column.label })),
    rows: resultRows,
    groups,
    total: { count: resultRows.length, aggregates: aggregatesOf(resultRows.map((_, i) => i)) },
  };
}

const OPERATOR_WORDS: Record<string, string> = {
  equals: 'equals',
  notEqual: 'not equal to',
  lessThan: 'less than',
  greaterThan: 'greater than',
  lessOrEqual: 'less or equal',
  greaterOrEqual: 'greater or equal',
  contains: 'contains',
  notContain: 'does not contain',
  startsWith: 'starts with',
};
const describeOperator = (operator: string): string => OPERATOR_WORDS[operator] ?? operator;
function describeValue(field: FieldDef, value: string): string {
  if (field.type === 'Checkbox') {
    return ['1', 'true'].includes(value.toLowerCase()) ? 'True' : 'False';
  }
  const match = /^LAST_N_DAYS:(\d+)$/i.exec(value);
  if (match) return `the last ${match[1]} days`;
  return value.split(',').join(', ');
}
function describeInterval(interval: string): string {
  const match = /^INTERVAL_LAST(\d+)$/.exec(interval);
  return match ? `the last ${match[1]} days` : interval;
}

// ------------------------------------------------------------------------------- list views

/** Runs one list view file over `records`. */
export function runListView(records: OrgRecords, file: string): RunResult {
  const object = path.basename(path.dirname(path.dirname(file)));
  const developerName = path.basename(file).replace(/\.listView-meta\.xml$/, '');
  const where = `The list view ${object}.${developerName}`;
  const raw = (xml.parse(readFileSync(file, 'utf8')) as { ListView: Raw }).ListView;
  for (const element of Object.keys(raw)) {
    if (!LIST_VIEW_ELEMENTS.has(element))
      throw new ReportError(`${where} uses <${element}>, which the preview does not run.`);
  }
  const scope = str(raw.filterScope) || 'Everything';
  if (scope !== 'Everything')
    throw new ReportError(
      `${where} shows "${scope}" records; the preview runs list views on all records (Everything).`
    );
  const fieldName = (name: string): string => {
    if (LIST_VIEW_STANDARD_COLUMNS[name]) return LIST_VIEW_STANDARD_COLUMNS[name];
    if (/^[A-Z_]+$/.test(name))
      throw new ReportError(`${where} uses the standard column ${name}, which the preview does not know.`);
    return name;
  };
  const columns = list(raw.columns).map((c) => fieldDef(records.defs, object, fieldName(str(c))));
  const filters = list(raw.filters).map((f) => ({
    field: fieldDef(records.defs, object, fieldName(str(f.field))),
    operator: str(f.operation),
    value: str(f.value),
  }));
  const logic = str(raw.booleanFilter) || undefined;
  const passing = records.all(object).filter((record) => {
    const results = filters.map((f) =>
      matches(records.value(object, record, f.field.name), f.field, f.operator, f.value, records.now, where)
    );
    return logic ? booleanFilter(logic, results, where) : results.every(Boolean);
  });
  passing.sort(
    (a, b) =>
      compareValues(records.value(object, a, 'Name'), records.value(object, b, 'Name')) || a.Id.localeCompare(b.Id)
  );
  const rows = passing.map((record) => ({
    id: record.Id,
    groups: [],
    cells: columns.map((field) => formatValue(records, field, records.value(object, record, field.name))),
  }));
  return {
    kind: 'listView',
    key: `listView:${object}.${developerName}`,
    developerName,
    name: str(raw.label) || developerName,
    description: '',
    file: path.relative(REPO_ROOT, file),
    source: `List view on ${object}`,
    filters: filters.map(
      (f, i) => `${i + 1}. ${f.field.label} ${describeOperator(f.operator)} ${describeValue(f.field, f.value)}`
    ),
    ...(logic ? { booleanFilter: logic } : {}),
    columns: columns.map((field) => ({ key: field.name, label: field.label, type: field.type })),
    groupings: [],
    rows,
    groups: [],
    total: { count: rows.length, aggregates: columns.map(() => null) },
  };
}

// ---------------------------------------------------------------------------------- catalog

/** The report and list view files of the project, reports first (sorted by folder and name). */
export function reportFiles(root = DEFAULT_ROOT): { reports: string[]; listViews: string[] } {
  const reportsDir = path.join(root, 'reports');
  const reports = existsSync(reportsDir)
    ? readdirSync(reportsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) =>
          readdirSync(path.join(reportsDir, d.name))
            .filter((f) => f.endsWith('.report-meta.xml'))
            .map((f) => path.join(reportsDir, d.name, f))
        )
        .sort()
    : [];
  const objectsDir = path.join(root, 'objects');
  const listViews = readdirSync(objectsDir)
    .filter((o) => existsSync(path.join(objectsDir, o, 'listViews')))
    .flatMap((o) =>
      readdirSync(path.join(objectsDir, o, 'listViews'))
        .filter((f) => f.endsWith('.listView-meta.xml'))
        .map((f) => path.join(objectsDir, o, 'listViews', f))
    )
    .sort();
  return { reports, listViews };
}

/** A report or list view the preview could not run, and why. */
export interface RunFailure {
  kind: 'report' | 'listView';
  key: string;
  name: string;
  file: string;
  error: string;
}

/** Every report and list view run over `records`; one that cannot run is listed with its reason. */
export function runAll(records: OrgRecords, root = DEFAULT_ROOT): (RunResult | RunFailure)[] {
  const { reports, listViews } = reportFiles(root);
  const attempt = (kind: 'report' | 'listView', file: string, run: () => RunResult): RunResult | RunFailure => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      const name = path.basename(file).replace(/\.(report|listView)-meta\.xml$/, '');
      const key =
        kind === 'report'
          ? `report:${path.basename(path.dirname(file))}/${name}`
          : `listView:${path.basename(path.dirname(path.dirname(file)))}.${name}`;
      return { kind, key, name: name.replace(/_/g, ' '), file: path.relative(REPO_ROOT, file), error: error.message };
    }
  };
  return [
    ...reports.map((file) => attempt('report', file, () => runReport(records, file, root))),
    ...listViews.map((file) => attempt('listView', file, () => runListView(records, file))),
  ];
}
