/**
 * The preview's store as an org's records: each row as the sObject a report reads, by API field
 * name, with the fields the platform computes worked out from their metadata:
 *
 * - formula fields: their `<formula>` evaluated (formula.ts), cross-object references and
 *   `$User.Id` included;
 * - roll-up summary fields (Relationship_Map__c): counted from the child records that pass the
 *   roll-up's `summaryFilterItems`;
 * - fields our triggers keep: Is_Covered__c (MapContactCoverage's rule: neither vacant nor
 *   excluded, with a Relationship link in either direction to one of our people who is neither)
 *   and Relationship_Map__c.Primary_Contact__c (the seat whose Primary Contact box is checked).
 */
import type { PersonRow, StoreData } from '../backend/store.ts';
import { PERSON_CHECKBOX_FIELDS, PERSON_TEXT_FIELDS } from '../../data/personFields.ts';
import {
  compared,
  evaluate,
  FormulaDate,
  FormulaDateTime,
  parseFormula,
  type Formula,
  type FormulaValue,
} from './formula.ts';
import {
  childRelationship,
  fieldDef,
  loadObjectDefs,
  lookupByRelationship,
  ReportError,
  type FieldDef,
  type ObjectDefs,
  type SummaryFilterItem,
} from './metadata.ts';

/** One record: stored values by API field name (dates as `YYYY-MM-DD`, date-times as ISO text). */
export type SObject = Record<string, unknown> & { Id: string };

const OUR_SIDE = 'Our Company';
const COVERING_TYPE = 'Relationship';

/** A record on a map: its Id and its Relationship_Map__c. */
const onMap = (row: { id: string; mapId: string }): SObject => ({ Id: row.id, Relationship_Map__c: row.mapId });

/** A person's text, picklist and checkbox fields by API name, by the pairs the sample-data loader reads. */
const personFields = (p: PersonRow): Record<string, unknown> => ({
  ...Object.fromEntries(Object.entries(PERSON_TEXT_FIELDS).map(([field, property]) => [field, p[property] ?? null])),
  ...Object.fromEntries(
    Object.entries(PERSON_CHECKBOX_FIELDS).map(([field, property]) => [field, p[property] === true])
  ),
});

/** The objects the store holds, as records. */
function recordsFromStore(store: StoreData): Map<string, SObject[]> {
  const coverers = new Set(
    store.people.filter((p) => p.side === OUR_SIDE && p.isVacant !== true && p.excluded !== true).map((p) => p.id)
  );
  const covered = new Set<string>();
  for (const link of store.links) {
    if (link.type !== COVERING_TYPE) continue;
    if (link.fromId && coverers.has(link.fromId) && link.toId) covered.add(link.toId);
    if (link.toId && coverers.has(link.toId) && link.fromId) covered.add(link.fromId);
  }
  const personById = new Map(store.people.map((p) => [p.id, p]));
  return new Map<string, SObject[]>([
    ['User', store.users.map((u) => ({ Id: u.id, Name: u.name, Title: u.title ?? null, IsActive: u.isActive }))],
    [
      'Account',
      store.accounts.map((a) => ({
        Id: a.id,
        Name: a.name,
        Industry: a.industry ?? null,
        BillingCity: a.city ?? null,
        OwnerId: a.ownerId,
      })),
    ],
    [
      'Contact',
      store.contacts.map((c) => ({
        Id: c.id,
        Name: `${c.firstName} ${c.lastName}`.trim(),
        Title: c.title ?? null,
        AccountId: c.accountId,
      })),
    ],
    [
      'Relationship_Map__c',
      store.maps.map((m) => ({
        Id: m.id,
        Name: m.name,
        Account__c: m.accountId,
        Goal__c: m.goal,
        Account_Goal__c: m.accountGoal ?? null,
        Status__c: m.status,
        Target_Date__c: m.targetDate ?? null,
        Last_Reviewed__c: m.lastReviewed ?? null,
        Primary_Contact__c: store.people.find((p) => p.mapId === m.id && p.isPrimaryContact === true)?.id ?? null,
        CreatedDate: m.createdDate ?? null,
        LastModifiedDate: m.lastModifiedDate,
      })),
    ],
    [
      'Map_Contact__c',
      store.people.map((p) => ({
        ...onMap(p),
        ...personFields(p),
        Contact__c: p.contactId ?? null,
        User__c: p.userId ?? null,
        Is_Covered__c: p.isVacant !== true && p.excluded !== true && covered.has(p.id),
        Layout_X__c: p.layoutX ?? null,
        Layout_Y__c: p.layoutY ?? null,
        CreatedDate: p.createdDate ?? null,
        LastModifiedDate: p.version ?? null,
      })),
    ],
    [
      'Influence_Link__c',
      store.links.map((l) => ({
        ...onMap(l),
        Name: l.id,
        From__c: l.fromId,
        To__c: l.toId,
        Type__c: l.type ?? null,
        Strength__c: l.strength ?? null,
        Notes__c: l.notes ?? null,
        LastModifiedDate: l.version ?? null,
      })),
    ],
    [
      'Map_Contact_Change__c',
      store.changes.map((c) => ({
        ...onMap(c),
        Name: c.id,
        Map_Contact__c: c.personId,
        Contact__c: (c.personId ? personById.get(c.personId)?.contactId : null) ?? null,
        Person_Name__c: c.personName,
        Field__c: c.field,
        Old_Value__c: c.oldValue,
        New_Value__c: c.newValue,
        Changed_At__c: c.changedAt,
        Changed_By__c: c.changedById,
        Source__c: c.source,
        Note__c: c.note,
        Activity_Id__c: c.activityId,
        CreatedDate: c.changedAt,
      })),
    ],
  ]);
}

/** A typed value from a stored one. */
function typed(field: FieldDef, raw: unknown): FormulaValue {
  if (raw === null || raw === undefined || raw === '') return field.type === 'Checkbox' ? false : null;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  switch (field.type) {
    case 'Date':
      return FormulaDate.parse(String(raw));
    case 'DateTime':
      return FormulaDateTime.parse(String(raw));
    case 'Checkbox':
      return raw === 1 || raw === 'true';
    case 'Number':
    case 'Percent':
    case 'Currency':
      return typeof raw === 'number' ? raw : Number(raw);
    default:
      return raw;
  }
}

/** The result type a formula field gives (its `<type>`), for the values it returns. */
function formulaResult(field: FieldDef, value: FormulaValue): FormulaValue {
  if (field.type === 'Checkbox') return value === true;
  if ((field.type === 'Number' || field.type === 'Percent') && typeof value === 'number') return value;
  return value;
}

/**
 * The records of the preview's store with every field a report, list view or formula can name.
 * Values are computed on demand and kept for the life of this object (one page load).
 */
export class OrgRecords {
  readonly defs: ObjectDefs;
  private readonly records: Map<string, SObject[]>;
  private readonly byId = new Map<string, { object: string; record: SObject }>();
  private readonly formulas = new Map<string, Formula>();
  private readonly computed = new Map<string, FormulaValue>();
  private readonly computing = new Set<string>();

  constructor(
    store: StoreData,
    readonly now: Date,
    readonly currentUserId = store.currentUserId,
    defs = loadObjectDefs()
  ) {
    this.defs = defs;
    this.records = recordsFromStore(store);
    for (const [object, rows] of this.records) for (const record of rows) this.byId.set(record.Id, { object, record });
  }

  /** Every record of `object` (none for an object the store does not hold). */
  all(object: string): SObject[] {
    return this.records.get(object) ?? [];
  }

  /** The record with this Id, or null. */
  find(id: unknown): { object: string; record: SObject } | null {
    return typeof id === 'string' ? (this.byId.get(id) ?? null) : null;
  }

  /** Child records of `parent` through a child relationship (`Map_Contacts__r`). */
  children(parentObject: string, parent: SObject, relationship: string): { object: string; records: SObject[] } {
    const lookup = childRelationship(this.defs, parentObject, relationship);
    return { object: lookup.object, records: this.all(lookup.object).filter((r) => r[lookup.name] === parent.Id) };
  }

  /** A field's value on a record: stored, or computed from its formula or roll-up definition. */
  value(object: string, record: SObject, name: string): FormulaValue {
    const field = fieldDef(this.defs, object, name);
    if (field.formula !== undefined)
      return this.memo(object, record, field, () => this.formulaValue(object, record, field));
    if (field.type === 'Summary') return this.memo(object, record, field, () => this.rollUp(object, record, field));
    return typed(field, record[name]);
  }

  /**
   * A value along a report's or list view's path from `object`: `Name`, or through lookups
   * `Account__c.Name` (report style) / `Relationship_Map__r.Status__c` (formula style).
   */
  path(object: string, record: SObject | null, path: string[]): { value: FormulaValue; field: FieldDef } {
    let currentObject = object;
    let current: SObject | null = record;
    for (const step of path.slice(0, -1)) {
      const lookup =
        step.endsWith('__r') || step === 'Owner'
          ? lookupByRelationship(this.defs, currentObject, step)
          : fieldDef(this.defs, currentObject, step);
      if (!lookup.referenceTo)
        throw new ReportError(`${currentObject}.${step} is not a lookup, so ${path.join('.')} names nothing.`);
      const target = current ? this.find(current[lookup.name]) : null;
      currentObject = lookup.referenceTo;
      current = target && target.object === lookup.referenceTo ? target.record : null;
    }
    const last = path[path.length - 1];
    const field = fieldDef(this.defs, currentObject, last);
    return { value: current ? this.value(currentObject, current, last) : typed(field, null), field };
  }

  /** The name of the record a lookup value points to (for display), or null. */
  nameOf(id: unknown): string | null {
    const found = this.find(id);
    if (!found) return null;
    const name = found.record.Name;
    return typeof name === 'string' ? name : found.record.Id;
  }

  private memo(object: string, record: SObject, field: FieldDef, compute: () => FormulaValue): FormulaValue {
    const key = `${record.Id}.${field.name}`;
    if (this.computed.has(key)) return this.computed.get(key) ?? null;
    if (this.computing.has(key)) throw new ReportError(`${object}.${field.name} refers to itself through its formula.`);
    this.computing.add(key);
    try {
      const value = compute();
      this.computed.set(key, value);
      return value;
    } finally {
      this.computing.delete(key);
    }
  }

  /** The parsed formula of a field (parsing refuses what the evaluator does not know). */
  formulaOf(field: FieldDef): Formula {
    const key = `${field.object}.${field.name}`;
    let formula = this.formulas.get(key);
    if (!formula) {
      try {
        formula = parseFormula(field.formula ?? '');
      } catch (error) {
        throw new ReportError(`${key}: ${(error as Error).message}`);
      }
      this.formulas.set(key, formula);
    }
    return formula;
  }

  private formulaValue(object: string, record: SObject, field: FieldDef): FormulaValue {
    const formula = this.formulaOf(field);
    const context = {
      now: this.now,
      field: (path: string[]): { value: FormulaValue; type: string } => {
        if (path[0] === '$User') {
          if (path.length === 2 && path[1] === 'Id') return { value: this.currentUserId, type: 'Id' };
          throw new ReportError(`${object}.${field.name} reads ${path.join('.')}, which the preview does not know.`);
        }
        if (path[0].startsWith('$')) {
          throw new ReportError(`${object}.${field.name} reads ${path.join('.')}, which the preview does not know.`);
        }
        const { value, field: target } = this.path(object, record, path);
        return { value, type: target.type };
      },
    };
    try {
      return formulaResult(field, evaluate(formula, context, field.treatBlanksAs));
    } catch (error) {
      if (error instanceof ReportError && !error.message.startsWith(`${object}.`)) {
        throw new ReportError(`${object}.${field.name}: ${error.message}`);
      }
      throw error;
    }
  }

  private rollUp(object: string, record: SObject, field: FieldDef): FormulaValue {
    const summary = field.summary;
    if (!summary) throw new ReportError(`${object}.${field.name} is a roll-up summary without its definition.`);
    const [childObject, foreignKey] = summary.foreignKey.split('.');
    const children = this.all(childObject).filter((c) => c[foreignKey] === record.Id);
    const passing = children.filter((child) =>
      summary.filters.every((item) => this.summaryFilterPasses(childObject, child, item, `${object}.${field.name}`))
    );
    switch (summary.operation) {
      case 'count':
        return passing.length;
      case 'sum':
      case 'min':
      case 'max': {
        const [, summarized] = (summary.summarizedField ?? '').split('.');
        const values = passing
          .map((c) => this.value(childObject, c, summarized))
          .filter((v): v is number => typeof v === 'number');
        if (summary.operation === 'sum') return values.reduce((a, b) => a + b, 0);
        if (values.length === 0) return null;
        return summary.operation === 'min' ? Math.min(...values) : Math.max(...values);
      }
      default:
        throw new ReportError(
          `${object}.${field.name} is a ${summary.operation} roll-up, which the preview does not know.`
        );
    }
  }

  private summaryFilterPasses(childObject: string, child: SObject, item: SummaryFilterItem, where: string): boolean {
    const [itemObject, name] = item.field.split('.');
    if (itemObject !== childObject)
      throw new ReportError(`${where} filters on ${item.field}, not a field of ${childObject}.`);
    const field = fieldDef(this.defs, childObject, name);
    return matches(this.value(childObject, child, name), field, item.operation, item.value, this.now, where);
  }
}

const TEXT_OPERATORS = new Set(['contains', 'notContain', 'startsWith']);
const OPERATORS = new Set([
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  ...TEXT_OPERATORS,
]);

/** `LAST_N_DAYS:90`, `TODAY`, … as the first and last GMT day they cover; null for a plain value. */
function relativeDays(value: string, today: number, where: string): [number, number] | null {
  const upper = value.trim().toUpperCase();
  let match = /^LAST_N_DAYS:(\d+)$/.exec(upper);
  if (match) return [today - Number(match[1]), today];
  match = /^INTERVAL_LAST(\d+)$/.exec(upper);
  if (match) return [today - Number(match[1]), today];
  if (upper === 'TODAY' || upper === 'INTERVAL_TODAY') return [today, today];
  if (upper === 'YESTERDAY') return [today - 1, today - 1];
  if (/^[A-Z_]+(:\d+)?$/.test(upper)) {
    throw new ReportError(`${where} uses the date literal ${value}, which the preview does not know.`);
  }
  return null;
}

/**
 * Whether a value passes one filter item (reports' criteriaItems, list views' filters, roll-ups'
 * summaryFilterItems): comma-separated values mean "any of" for equals and "none of" for
 * notEqual; text compares without case, as the platform's filters do; checkboxes take 1/0 or
 * true/false; dates take YYYY-MM-DD or LAST_N_DAYS:n / TODAY. Unknown operators are refused.
 */
export function matches(
  actual: FormulaValue,
  field: FieldDef,
  operator: string,
  rawValue: string,
  now: Date,
  where: string
): boolean {
  if (!OPERATORS.has(operator)) {
    throw new ReportError(`${where} uses the filter operator "${operator}", which the preview does not know.`);
  }
  const values = field.type === 'Checkbox' || TEXT_OPERATORS.has(operator) ? [rawValue] : rawValue.split(',');
  const today = Math.floor(now.getTime() / 86_400_000);
  const one = (value: string): boolean => {
    if (field.type === 'Checkbox' || typeof actual === 'boolean') {
      const wanted = ['1', 'true'].includes(value.trim().toLowerCase());
      if (!['1', '0', 'true', 'false'].includes(value.trim().toLowerCase())) {
        throw new ReportError(`${where} compares the checkbox ${field.name} with "${value}" (use 1 or 0).`);
      }
      const is = actual === true;
      if (operator === 'equals') return is === wanted;
      if (operator === 'notEqual') return is !== wanted;
      throw new ReportError(`${where} uses ${operator} on the checkbox ${field.name}.`);
    }
    if (
      actual instanceof FormulaDate ||
      actual instanceof FormulaDateTime ||
      field.type === 'Date' ||
      field.type === 'DateTime'
    ) {
      const day =
        actual instanceof FormulaDate
          ? actual.day
          : actual instanceof FormulaDateTime
            ? Math.floor(actual.ms / 86_400_000)
            : null;
      const range =
        relativeDays(value, today, where) ??
        (() => {
          const parsed = FormulaDate.parse(value.trim());
          if (!parsed) throw new ReportError(`${where} compares the date ${field.name} with "${value}".`);
          return [parsed.day, parsed.day] as [number, number];
        })();
      if (day === null) return operator === 'notEqual';
      switch (operator) {
        case 'equals':
          return day >= range[0] && day <= range[1];
        case 'notEqual':
          return day < range[0] || day > range[1];
        case 'lessThan':
          return day < range[0];
        case 'greaterThan':
          return day > range[1];
        case 'lessOrEqual':
          return day <= range[1];
        case 'greaterOrEqual':
          return day >= range[0];
        default:
          throw new ReportError(`${where} uses ${operator} on the date ${field.name}.`);
      }
    }
    if (typeof actual === 'number' || ['Number', 'Percent', 'Currency', 'Summary'].includes(field.type)) {
      if (value.trim() === '') return operator === 'equals' ? actual === null : actual !== null;
      const wanted = Number(value);
      if (Number.isNaN(wanted)) throw new ReportError(`${where} compares the number ${field.name} with "${value}".`);
      if (actual === null || typeof actual !== 'number') return operator === 'notEqual';
      const result = compared(operator, actual, wanted);
      if (result === undefined) throw new ReportError(`${where} uses ${operator} on the number ${field.name}.`);
      return result;
    }
    const have = actual === null ? '' : String(actual).toLowerCase();
    const want = value.trim().toLowerCase();
    switch (operator) {
      case 'contains':
        return have.includes(want);
      case 'notContain':
        return !have.includes(want);
      case 'startsWith':
        return have.startsWith(want);
      default:
        return compared(operator, have, want) ?? have >= want;
    }
  };
  return operator === 'notEqual' ? values.every(one) : values.some(one);
}
