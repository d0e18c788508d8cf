/**
 * Reads an import file (people.csv, links.csv or export.json) into rows, without judging the
 * values yet: every problem with the file's shape (unparsable, wrong headers) is reported with
 * where it is, and the values are checked later, row by row (validate.ts).
 */
import { parse, type Options } from 'csv-parse/sync';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../lib/exportFormat.ts';
import {
  LINK_COLUMNS,
  LINK_END_HEADERS,
  PERSON_COLUMNS,
  PERSON_IDENTITY_HEADERS,
  PERSON_READ_ONLY_FIELDS,
} from '../../lib/model.ts';

/** A problem found in the input, located by row ("row 4", "people[2]") or "file"/"header". */
export interface Problem {
  where: string;
  reason: string;
}

/** Who a person is, as the file says it. */
export interface PersonRef {
  /** A Map Contact Id from the file (the export's own, or one on the target map). */
  mapContactId?: string;
  /** A Contact or User Id. */
  personId?: string;
  email?: string;
  /** For messages only. */
  name?: string;
}

export interface PersonInput {
  where: string;
  /** Spreadsheet row number (header = 1) or JSON index, for sorting the report. */
  order: number;
  /** The export's Map Contact Id, which the export's links refer to. */
  sourceId?: string;
  contactId?: string;
  userId?: string;
  email?: string;
  name?: string;
  /** Raw values by API name; a blank cell is absent (blank leaves a field as it is). */
  values: Map<string, unknown>;
}

export interface LinkInput {
  where: string;
  order: number;
  from: PersonRef;
  to: PersonRef;
  values: Map<string, unknown>;
}

export interface ParsedImport {
  kind: 'people' | 'links' | 'export';
  people: PersonInput[];
  links: LinkInput[];
  problems: Problem[];
}

const normalize = (header: string) => header.trim().replace(/\s+/g, ' ').toLowerCase();

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Header → what it means; each column also answers to its API name. */
type PeopleColumn = { identity: keyof typeof PERSON_IDENTITY_HEADERS } | { field: string };
type LinkColumn = { end: keyof typeof LINK_END_HEADERS } | { field: string };

function peopleHeaders(): Map<string, PeopleColumn> {
  const map = new Map<string, PeopleColumn>();
  for (const [key, header] of Object.entries(PERSON_IDENTITY_HEADERS))
    map.set(normalize(header), { identity: key as keyof typeof PERSON_IDENTITY_HEADERS });
  map.set('contact__c', { identity: 'contactId' });
  map.set('user__c', { identity: 'userId' });
  map.set('id', { identity: 'mapContactId' });
  for (const column of PERSON_COLUMNS) {
    map.set(normalize(column.header), { field: column.field });
    map.set(column.field.toLowerCase(), { field: column.field });
  }
  return map;
}

function linkHeaders(): Map<string, LinkColumn> {
  const map = new Map<string, LinkColumn>();
  for (const [key, header] of Object.entries(LINK_END_HEADERS))
    map.set(normalize(header), { end: key as keyof typeof LINK_END_HEADERS });
  map.set('from__c', { end: 'fromMapContactId' });
  map.set('to__c', { end: 'toMapContactId' });
  for (const column of LINK_COLUMNS) {
    map.set(normalize(column.header), { field: column.field });
    map.set(column.field.toLowerCase(), { field: column.field });
  }
  return map;
}

const LINK_ONLY = new Set(
  Object.entries(LINK_END_HEADERS)
    .filter(([key]) => key !== 'linkId')
    .map(([, header]) => normalize(header))
    .concat(['from__c', 'to__c'])
);

function parseCsv(text: string): { records: string[][]; problem?: Problem } {
  try {
    const options: Options = { bom: true, skip_empty_lines: true, relax_column_count: false };
    const records = parse(text, options);
    return { records };
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const message = error instanceof Error ? error.message : String(error);
    return { records: [], problem: { where: lines ? `line ${lines}` : 'file', reason: `not valid CSV: ${message}` } };
  }
}

/** Reads people.csv or links.csv (told apart by their headers). */
export function parseCsvImport(text: string): ParsedImport {
  const { records, problem } = parseCsv(text);
  const result: ParsedImport = { kind: 'people', people: [], links: [], problems: [] };
  if (problem) {
    result.problems.push(problem);
    return result;
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) {
    result.problems.push({ where: 'file', reason: 'no rows: the file needs a header row and at least one data row' });
    return result;
  }
  const isLinks = header.some((h) => LINK_ONLY.has(normalize(h)));
  result.kind = isLinks ? 'links' : 'people';
  const known = isLinks ? linkHeaders() : peopleHeaders();
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalize(h);
    if (!known.has(key)) {
      const expected = isLinks
        ? [...Object.values(LINK_END_HEADERS), ...LINK_COLUMNS.map((c) => c.header)]
        : [...Object.values(PERSON_IDENTITY_HEADERS), ...PERSON_COLUMNS.map((c) => c.header)];
      result.problems.push({
        where: 'header',
        reason: `unknown column "${h}" (column ${i + 1}). ${isLinks ? 'Link' : 'People'} files take: ${expected.join(', ')}`,
      });
    } else if (seen.has(key)) {
      result.problems.push({
        where: 'header',
        reason: `column "${h}" appears twice (columns ${(seen.get(key) ?? 0) + 1} and ${i + 1})`,
      });
    }
    seen.set(key, i);
  });
  const has = (...names: string[]) => names.some((n) => seen.has(normalize(n)));
  const h = PERSON_IDENTITY_HEADERS;
  const e = LINK_END_HEADERS;
  if (!isLinks && !has(h.contactId, h.userId, h.email, 'Contact__c', 'User__c')) {
    result.problems.push({
      where: 'header',
      reason: `a people file needs a "${h.contactId}", "${h.userId}" or "${h.email}" column to say who each row is`,
    });
  }
  if (isLinks) {
    if (!has(e.fromMapContactId, e.fromPersonId, e.fromEmail, 'From__c'))
      result.problems.push({
        where: 'header',
        reason: `a links file needs "${e.fromPersonId}", "${e.fromEmail}" or "${e.fromMapContactId}"`,
      });
    if (!has(e.toMapContactId, e.toPersonId, e.toEmail, 'To__c'))
      result.problems.push({
        where: 'header',
        reason: `a links file needs "${e.toPersonId}", "${e.toEmail}" or "${e.toMapContactId}"`,
      });
    if (!has('Type', 'Type__c'))
      result.problems.push({
        where: 'header',
        reason: 'a links file needs a "Type" column (Reports To, Influences, Ally, Conflict, Relationship)',
      });
  }
  if (result.problems.length > 0) return result;

  rows.forEach((cells, index) => {
    const where = `row ${index + 2}`;
    const values = new Map<string, unknown>();
    const identity: Record<string, string> = {};
    header.forEach((h, i) => {
      const cell = cells[i] ?? '';
      const column = known.get(normalize(h));
      if (!column || blank(cell)) return;
      if ('field' in column) values.set(column.field, cell);
      else identity['identity' in column ? column.identity : column.end] = cell.trim();
    });
    if (isLinks) {
      result.links.push({
        where,
        order: index + 2,
        from: {
          mapContactId: identity.fromMapContactId,
          personId: identity.fromPersonId,
          email: identity.fromEmail,
          name: identity.fromName,
        },
        to: {
          mapContactId: identity.toMapContactId,
          personId: identity.toPersonId,
          email: identity.toEmail,
          name: identity.toName,
        },
        values,
      });
    } else {
      result.people.push({
        where,
        order: index + 2,
        sourceId: identity.mapContactId,
        contactId: identity.contactId,
        userId: identity.userId,
        email: identity.email,
        name: identity.name,
        values,
      });
    }
  });
  return result;
}

const PERSON_JSON_KEYS = new Set<string>([
  'Id',
  'Name',
  'Contact__c',
  'User__c',
  'Email',
  ...PERSON_COLUMNS.map((c) => c.field),
  ...PERSON_READ_ONLY_FIELDS,
]);
const LINK_JSON_KEYS = new Set<string>([
  'Id',
  'Name',
  'From__c',
  'fromName',
  'To__c',
  'toName',
  'Unique_Key__c',
  ...LINK_COLUMNS.map((c) => c.field),
]);

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Reads export.json: people and links (the change log is history, written only by triggers). */
export function parseJsonImport(text: string): ParsedImport {
  const result: ParsedImport = { kind: 'export', people: [], links: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    result.problems.push({
      where: 'file',
      reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return result;
  }
  const file = data as { format?: unknown; version?: unknown; people?: unknown; links?: unknown };
  if (typeof data !== 'object' || data === null || file.format !== EXPORT_FORMAT) {
    result.problems.push({
      where: 'file',
      reason: `not a Relationship Maps export (expected "format": "${EXPORT_FORMAT}", as \`export\` writes it)`,
    });
    return result;
  }
  if (file.version !== EXPORT_VERSION) {
    result.problems.push({
      where: 'file',
      reason: `export version ${String(file.version)} is not supported (this tool reads version ${EXPORT_VERSION})`,
    });
    return result;
  }
  if (!Array.isArray(file.people) || !Array.isArray(file.links)) {
    result.problems.push({ where: 'file', reason: '"people" and "links" must be lists' });
    return result;
  }
  (file.people as unknown[]).forEach((item, index) => {
    const where = `people[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.problems.push({ where, reason: 'not an object' });
      return;
    }
    const record = item as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((k) => !PERSON_JSON_KEYS.has(k));
    if (unknownKeys.length > 0)
      result.problems.push({
        where,
        reason: `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}`,
      });
    const values = new Map<string, unknown>();
    for (const column of PERSON_COLUMNS)
      if (!blank(record[column.field])) values.set(column.field, record[column.field]);
    result.people.push({
      where,
      order: index,
      sourceId: asText(record.Id),
      contactId: asText(record.Contact__c),
      userId: asText(record.User__c),
      email: asText(record.Email),
      name: asText(record.Name),
      values,
    });
  });
  (file.links as unknown[]).forEach((item, index) => {
    const where = `links[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.problems.push({ where, reason: 'not an object' });
      return;
    }
    const record = item as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((k) => !LINK_JSON_KEYS.has(k));
    if (unknownKeys.length > 0)
      result.problems.push({
        where,
        reason: `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.join(', ')}`,
      });
    const values = new Map<string, unknown>();
    for (const column of LINK_COLUMNS) if (!blank(record[column.field])) values.set(column.field, record[column.field]);
    result.links.push({
      where,
      order: (file.people as unknown[]).length + index,
      from: { mapContactId: asText(record.From__c), name: asText(record.fromName) },
      to: { mapContactId: asText(record.To__c), name: asText(record.toName) },
      values,
    });
  });
  return result;
}
