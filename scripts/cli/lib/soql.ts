/**
 * SOQL with a static shape: statements are written as template literals whose interpolated
 * values are always quoted and escaped here, never pasted in. Field and object names are never
 * interpolated, so user input can only ever be a value.
 *
 *   soql`SELECT Id FROM Contact WHERE Email IN ${emails} AND AccountId = ${accountId}`
 */

/** A date literal (unquoted in SOQL), made only through {@link soqlDate}. */
export class SoqlDate {
  constructor(readonly value: string) {}
}

/** A list of field names (our own constants, checked to be API names), e.g. a SELECT list. */
export class SoqlFieldList {
  readonly text: string;
  constructor(names: readonly string[]) {
    const bad = names.find((name) => !/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name));
    if (bad !== undefined || names.length === 0) throw new Error(`Not a field name: "${bad}"`);
    this.text = names.join(', ');
  }
}

/** Field names for a SELECT list; never built from user input. */
export function soqlFields(names: readonly string[]): SoqlFieldList {
  return new SoqlFieldList(names);
}

export type SoqlValue = string | number | boolean | null | SoqlDate | SoqlFieldList | readonly (string | number)[];

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal: backslashes, quotes and control characters escaped. */
export function quote(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (char) => ESCAPES[char] ?? char)}'`;
}

/** A date literal (YYYY-MM-DD), checked so that it can go into a statement unquoted. */
export function soqlDate(value: string): SoqlDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`"${value}" is not a date (YYYY-MM-DD)`);
  }
  return new SoqlDate(value);
}

function literal(value: SoqlValue): string {
  if (value === null) return 'null';
  if (value instanceof SoqlDate) return value.value;
  if (value instanceof SoqlFieldList) return value.text;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be used in SOQL`);
    return String(value);
  }
  if (typeof value === 'string') return quote(value);
  if (value.length === 0) throw new Error('An IN list needs at least one value');
  return `(${value.map((item) => (typeof item === 'number' ? literal(item) : quote(item))).join(', ')})`;
}

/** Builds a statement; every interpolated value becomes a literal. */
export function soql(strings: TemplateStringsArray, ...values: SoqlValue[]): string {
  let statement = strings[0] ?? '';
  values.forEach((value, i) => {
    statement += literal(value) + (strings[i + 1] ?? '');
  });
  return statement;
}

/** Splits values for IN lists, keeping each statement well under SOQL's length limit. */
export function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += size) chunks.push(values.slice(i, i + size));
  return chunks;
}
