/**
 * A small SOQL engine for the fake org: the subset the CLI sends (SELECT with relationship paths,
 * WHERE with AND/OR/NOT and parentheses, = != < > <= >= IN, NOT IN, string/number/boolean/null/date
 * literals, ORDER BY, LIMIT). It parses string literals with SOQL's escapes, so a value the CLI
 * failed to escape breaks the query here as it would in an org.
 */

export type Literal = string | number | boolean | null;

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; path: string; op: '=' | '!=' | '<' | '>' | '<=' | '>='; value: Literal }
  | { kind: 'in'; path: string; negated: boolean; values: Literal[] };

export interface SoqlQuery {
  fields: string[];
  object: string;
  where?: Condition;
  orderBy: { path: string; descending: boolean; nullsLast: boolean }[];
  limit?: number;
}

type Token = { type: 'word' | 'string' | 'number' | 'punct'; text: string; value?: Literal };

const UNESCAPE: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

export class SoqlError extends Error {}

function tokenize(statement: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < statement.length) {
    const char = statement[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= statement.length) throw new SoqlError('unterminated string literal');
        const c = statement[i];
        if (c === '\\') {
          const next = statement[i + 1];
          if (next === undefined || !(next in UNESCAPE)) throw new SoqlError(`invalid escape \\${next ?? ''}`);
          value += UNESCAPE[next];
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          if (c === '\n' || c === '\r') throw new SoqlError('line break inside a string literal');
          value += c;
          i++;
        }
      }
      tokens.push({ type: 'string', text: value, value });
    } else if (/[0-9-]/.test(char)) {
      const match = /^-?\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?|^-?\d+(\.\d+)?/.exec(statement.slice(i));
      if (!match) throw new SoqlError(`unexpected "${char}"`);
      const text = match[0];
      tokens.push({ type: 'number', text, value: /^\d{4}-/.test(text) ? text : Number(text) });
      i += text.length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(statement.slice(i));
      const text = match?.[0] ?? char;
      tokens.push({ type: 'word', text });
      i += text.length;
    } else {
      const two = statement.slice(i, i + 2);
      if (['!=', '<=', '>='].includes(two)) {
        tokens.push({ type: 'punct', text: two });
        i += 2;
      } else if ('(),=<>'.includes(char)) {
        tokens.push({ type: 'punct', text: char });
        i++;
      } else {
        throw new SoqlError(`unexpected character "${char}"`);
      }
    }
  }
  return tokens;
}

export function parseSoql(statement: string): SoqlQuery {
  const tokens = tokenize(statement);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (word: string, t = peek()) => t?.type === 'word' && t.text.toUpperCase() === word;
  const expectWord = (word: string) => {
    if (!isWord(word)) throw new SoqlError(`expected ${word} at "${peek()?.text ?? 'end'}"`);
    pos++;
  };
  const expectPunct = (p: string) => {
    if (peek()?.text !== p || peek()?.type !== 'punct')
      throw new SoqlError(`expected "${p}" at "${peek()?.text ?? 'end'}"`);
    pos++;
  };
  const path = () => {
    const t = peek();
    if (t?.type !== 'word') throw new SoqlError(`expected a field at "${t?.text ?? 'end'}"`);
    pos++;
    return t.text;
  };
  const literal = (): Literal => {
    const t = peek();
    if (!t) throw new SoqlError('expected a value');
    pos++;
    if (t.type === 'string' || t.type === 'number') return t.value ?? null;
    if (t.type === 'word') {
      const upper = t.text.toUpperCase();
      if (upper === 'TRUE') return true;
      if (upper === 'FALSE') return false;
      if (upper === 'NULL') return null;
    }
    throw new SoqlError(`expected a value at "${t.text}"`);
  };

  expectWord('SELECT');
  const fields = [path()];
  while (peek()?.text === ',') {
    pos++;
    fields.push(path());
  }
  expectWord('FROM');
  const object = path();

  const condition = (): Condition => {
    const parts = [conjunction()];
    while (isWord('OR')) {
      pos++;
      parts.push(conjunction());
    }
    return parts.length === 1 ? parts[0] : { kind: 'or', parts };
  };
  const conjunction = (): Condition => {
    const parts = [negation()];
    while (isWord('AND')) {
      pos++;
      parts.push(negation());
    }
    return parts.length === 1 ? parts[0] : { kind: 'and', parts };
  };
  const negation = (): Condition => {
    if (isWord('NOT')) {
      pos++;
      return { kind: 'not', part: negation() };
    }
    if (peek()?.text === '(' && peek()?.type === 'punct') {
      pos++;
      const inner = condition();
      expectPunct(')');
      return inner;
    }
    const field = path();
    let negated = false;
    if (isWord('NOT')) {
      pos++;
      negated = true;
      if (!isWord('IN')) throw new SoqlError('expected IN after NOT');
    }
    if (isWord('IN')) {
      pos++;
      expectPunct('(');
      const values = [literal()];
      while (peek()?.text === ',') {
        pos++;
        values.push(literal());
      }
      expectPunct(')');
      return { kind: 'in', path: field, negated, values };
    }
    const op = peek();
    if (op?.type !== 'punct' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text))
      throw new SoqlError(`expected an operator at "${op?.text ?? 'end'}"`);
    pos++;
    return { kind: 'compare', path: field, op: op.text as '=', value: literal() };
  };

  const query: SoqlQuery = { fields, object, orderBy: [] };
  if (isWord('WHERE')) {
    pos++;
    query.where = condition();
  }
  if (isWord('ORDER')) {
    pos++;
    expectWord('BY');
    for (;;) {
      const p = path();
      let descending = false;
      let nullsLast = false;
      if (isWord('ASC')) pos++;
      else if (isWord('DESC')) {
        pos++;
        descending = true;
        nullsLast = true;
      }
      if (isWord('NULLS')) {
        pos++;
        nullsLast = isWord('LAST');
        pos++;
      }
      query.orderBy.push({ path: p, descending, nullsLast });
      if (peek()?.text !== ',') break;
      pos++;
    }
  }
  if (isWord('LIMIT')) {
    pos++;
    const n = literal();
    if (typeof n !== 'number') throw new SoqlError('LIMIT needs a number');
    query.limit = n;
  }
  if (pos !== tokens.length) throw new SoqlError(`unexpected "${peek()?.text ?? ''}"`);
  return query;
}

const looksLikeId = (value: string) => /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value);

/** SOQL equality: strings case-insensitive, Ids by their 15-character form. */
export function soqlEquals(a: unknown, b: Literal): boolean {
  if (a === undefined || a === null) return b === null;
  if (b === null) return false;
  if (typeof a === 'string' && typeof b === 'string') {
    if (looksLikeId(a) && looksLikeId(b)) return a.slice(0, 15) === b.slice(0, 15);
    return a.toLowerCase() === b.toLowerCase();
  }
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return JSON.stringify(a).localeCompare(JSON.stringify(b), 'en', { sensitivity: 'base' });
}

/** Evaluates a condition; resolve(path) reads a (relationship) field of the row. */
export function matches(condition: Condition | undefined, resolve: (path: string) => unknown): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'and':
      return condition.parts.every((p) => matches(p, resolve));
    case 'or':
      return condition.parts.some((p) => matches(p, resolve));
    case 'not':
      return !matches(condition.part, resolve);
    case 'in': {
      const value = resolve(condition.path);
      const found = condition.values.some((v) => soqlEquals(value, v));
      return condition.negated ? !found : found;
    }
    default: {
      const value = resolve(condition.path);
      switch (condition.op) {
        case '=':
          return soqlEquals(value, condition.value);
        case '!=':
          return !soqlEquals(value, condition.value);
        default: {
          if (value === null || value === undefined || condition.value === null) return false;
          const c = compare(value, condition.value);
          return condition.op === '<' ? c < 0 : condition.op === '>' ? c > 0 : condition.op === '<=' ? c <= 0 : c >= 0;
        }
      }
    }
  }
}

/** Sorts rows by ORDER BY (nulls first ascending, last descending, unless told). */
export function sortRows<T>(rows: T[], orderBy: SoqlQuery['orderBy'], resolve: (row: T, path: string) => unknown): T[] {
  return [...rows].sort((x, y) => {
    for (const order of orderBy) {
      const a = resolve(x, order.path);
      const b = resolve(y, order.path);
      const aNull = a === null || a === undefined;
      const bNull = b === null || b === undefined;
      if (aNull !== bNull) return (aNull ? -1 : 1) * (order.nullsLast ? -1 : 1);
      const c = compare(a, b) * (order.descending ? -1 : 1);
      if (c !== 0) return c;
    }
    return 0;
  });
}
