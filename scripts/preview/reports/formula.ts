/**
 * A small evaluator for Salesforce formula fields: the functions and operators the project's
 * formulas use, read from the `<formula>` of the field files. Anything else (a function, an
 * operator, a character it does not know) is refused with a ReportError when the formula is
 * parsed, so a new formula can never be computed wrongly in silence.
 *
 * Values: null (blank), number, string, boolean, FormulaDate (a GMT calendar day) and
 * FormulaDateTime (an instant). Date − date is a number of days, date ± number a date;
 * date-time arithmetic works in (fractional) days, as on the platform.
 */
import { ReportError } from './metadata.ts';

export class FormulaDate {
  /** Days since 1970-01-01 (GMT). */
  constructor(readonly day: number) {}
  static parse(text: string): FormulaDate | null {
    const ms = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? null : new FormulaDate(Math.round(ms / 86_400_000));
  }
  toString(): string {
    return new Date(this.day * 86_400_000).toISOString().slice(0, 10);
  }
}

export class FormulaDateTime {
  constructor(readonly ms: number) {}
  static parse(text: string): FormulaDateTime | null {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new FormulaDateTime(ms);
  }
  toString(): string {
    return new Date(this.ms).toISOString();
  }
}

export type FormulaValue = null | number | string | boolean | FormulaDate | FormulaDateTime;

/** What a formula reads from its record: a field, a cross-object path, or `$User.Id`. */
export interface FormulaContext {
  /** `path` as written: ['Relationship_Map__r', 'Status__c'], ['$User', 'Id'], ['CreatedDate']. */
  field(path: string[]): { value: FormulaValue; type: string };
  /** The moment the formula runs (TODAY() is its GMT day). */
  now: Date;
}

type Node =
  | { kind: 'literal'; value: FormulaValue }
  | { kind: 'field'; path: string[] }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: string; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

/** Functions the evaluator knows, with the number of arguments each takes (min, max). */
const FUNCTIONS: Record<string, [number, number]> = {
  AND: [1, Infinity],
  OR: [1, Infinity],
  NOT: [1, 1],
  IF: [3, 3],
  CASE: [4, Infinity],
  ISBLANK: [1, 1],
  BLANKVALUE: [2, 2],
  ISPICKVAL: [2, 2],
  TEXT: [1, 1],
  TODAY: [0, 0],
  NOW: [0, 0],
  DATEVALUE: [1, 1],
  IMAGE: [2, 4],
  MAX: [1, Infinity],
  MIN: [1, Infinity],
};

/** Operators, by precedence (lowest first). */
const BINARY_LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['=', '==', '!=', '<>', '<', '>', '<=', '>='],
  ['+', '-', '&'],
  ['*', '/'],
];

type Token = { kind: 'number' | 'string' | 'name' | 'op' | 'paren' | 'comma'; text: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^[0-9]*\.?[0-9]+|^[0-9]+/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', text: match[0], at: i });
      i += match[0].length;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && j + 1 < source.length) {
          const next = source[j + 1];
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
        } else {
          text += source[j++];
        }
      }
      if (j >= source.length)
        throw new ReportError(`The formula has a text that never ends (from character ${i + 1}).`);
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const match = /^\$?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(i));
      if (!match) throw new ReportError(`The formula has a name the preview cannot read at character ${i + 1}.`);
      tokens.push({ kind: 'name', text: match[0], at: i });
      i += match[0].length;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', text: c, at: i++ });
    } else if (c === ',') {
      tokens.push({ kind: 'comma', text: c, at: i++ });
    } else {
      const op = ['&&', '||', '==', '!=', '<>', '<=', '>='].find((o) => source.startsWith(o, i)) ?? c;
      if (!BINARY_LEVELS.flat().includes(op)) {
        throw new ReportError(
          `The formula uses the operator "${op}", which the preview does not know (character ${i + 1}).`
        );
      }
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
    }
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.binary(0);
    const extra = this.tokens[this.i];
    if (extra)
      throw new ReportError(`The formula has "${extra.text}" where it should end (character ${extra.at + 1}).`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private expect(text: string): void {
    const token = this.tokens[this.i];
    if (!token || token.text !== text) {
      throw new ReportError(`The formula expects "${text}"${token ? ` at character ${token.at + 1}` : ' at its end'}.`);
    }
    this.i++;
  }

  private binary(level: number): Node {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (!token || token.kind !== 'op' || !BINARY_LEVELS[level].includes(token.text)) return left;
      this.i++;
      left = { kind: 'binary', op: token.text, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    const token = this.peek();
    if (token?.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.i++;
      return { kind: 'unary', op: token.text, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Node {
    const token = this.tokens[this.i++];
    if (!token) throw new ReportError('The formula ends too early.');
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.kind === 'string') return { kind: 'literal', value: token.text };
    if (token.kind === 'paren' && token.text === '(') {
      const inner = this.binary(0);
      this.expect(')');
      return inner;
    }
    if (token.kind === 'name') {
      const upper = token.text.toUpperCase();
      if (this.peek()?.text === '(') {
        const arity = FUNCTIONS[upper];
        if (!arity)
          throw new ReportError(`The formula uses the function ${token.text}, which the preview does not know.`);
        this.i++;
        const args: Node[] = [];
        if (this.peek()?.text !== ')') {
          args.push(this.binary(0));
          while (this.peek()?.kind === 'comma') {
            this.i++;
            args.push(this.binary(0));
          }
        }
        this.expect(')');
        if (args.length < arity[0] || args.length > arity[1]) {
          throw new ReportError(
            `${upper} takes ${arity[0]}${arity[1] === arity[0] ? '' : ' or more'} argument(s), not ${args.length}.`
          );
        }
        return { kind: 'call', name: upper, args };
      }
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
      if (upper === 'NULL') return { kind: 'literal', value: null };
      return { kind: 'field', path: token.text.split('.') };
    }
    throw new ReportError(`The formula has "${token.text}" where a value should be (character ${token.at + 1}).`);
  }
}

export interface Formula {
  source: string;
  node: Node;
  /** Every field path the formula reads. */
  fields: string[][];
}

/** Parses a formula; throws ReportError for anything the evaluator does not know. */
export function parseFormula(source: string): Formula {
  const node = new Parser(tokenize(source)).parse();
  const fields: string[][] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'field') fields.push(n.path);
    else if (n.kind === 'call') n.args.forEach(walk);
    else if (n.kind === 'unary') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return { source, node, fields };
}

const isBlank = (v: FormulaValue): boolean => v === null || v === '';
const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);

function truthy(v: FormulaValue): boolean {
  return v === true;
}

function text(v: FormulaValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** The comparisons of report and list-view filters (their operator names), which formulas share. */
export type Comparison = 'equals' | 'notEqual' | 'lessThan' | 'greaterThan' | 'lessOrEqual' | 'greaterOrEqual';

/** `a` compared with `b` (numbers with numbers, texts with texts); undefined for any other operator. */
export function compared(operator: string, a: number | string, b: number | string): boolean | undefined {
  switch (operator) {
    case 'equals':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'lessThan':
      return a < b;
    case 'greaterThan':
      return a > b;
    case 'lessOrEqual':
      return a <= b;
    case 'greaterOrEqual':
      return a >= b;
    default:
      return undefined;
  }
}

/** A formula's ordering operators as comparisons. */
const ORDERINGS: Record<string, Comparison> = {
  '<': 'lessThan',
  '>': 'greaterThan',
  '<=': 'lessOrEqual',
  '>=': 'greaterOrEqual',
};

function compare(op: string, a: FormulaValue, b: FormulaValue): boolean | null {
  const equality = op === '=' || op === '==' || op === '!=' || op === '<>';
  if (equality) {
    let same: boolean;
    if (isBlank(a) || isBlank(b)) same = isBlank(a) && isBlank(b);
    else if (a instanceof FormulaDate && b instanceof FormulaDate) same = a.day === b.day;
    else if (a instanceof FormulaDateTime && b instanceof FormulaDateTime) same = a.ms === b.ms;
    else same = typeof a === typeof b && a === b;
    return op === '=' || op === '==' ? same : !same;
  }
  if (a === null || b === null) return null;
  const key = (v: FormulaValue): number | string => {
    if (v instanceof FormulaDate) return v.day;
    if (v instanceof FormulaDateTime) return v.ms;
    if (typeof v === 'number' || typeof v === 'string') return v;
    throw new ReportError(`The formula compares ${String(v)} with ${op}, which only numbers, texts and dates allow.`);
  };
  const x = key(a);
  const y = key(b);
  if (typeof x !== typeof y || a?.constructor !== b?.constructor) {
    throw new ReportError(`The formula compares values of different types with ${op}.`);
  }
  return compared(ORDERINGS[op] ?? 'greaterOrEqual', x, y) === true;
}

function arithmetic(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (op === '&') return text(a) + text(b);
  if (a === null || b === null) return null;
  if (op === '-' && a instanceof FormulaDate && b instanceof FormulaDate) return a.day - b.day;
  if (op === '-' && a instanceof FormulaDateTime && b instanceof FormulaDateTime) return (a.ms - b.ms) / 86_400_000;
  if ((op === '+' || op === '-') && a instanceof FormulaDate && typeof b === 'number') {
    return new FormulaDate(a.day + Math.trunc(op === '+' ? b : -b));
  }
  if ((op === '+' || op === '-') && a instanceof FormulaDateTime && typeof b === 'number') {
    return new FormulaDateTime(a.ms + (op === '+' ? b : -b) * 86_400_000);
  }
  if (op === '+' && typeof a === 'number' && b instanceof FormulaDate) return new FormulaDate(b.day + Math.trunc(a));
  if (typeof a === 'number' && typeof b === 'number') {
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (b === 0) throw new ReportError('The formula divides by zero (#Error! in an org).');
    return a / b;
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  throw new ReportError(`The formula applies ${op} to values it cannot combine (${text(a)}, ${text(b)}).`);
}

/** Evaluates a parsed formula for one record. `treatBlanksAs` is the field's formulaTreatBlanksAs. */
export function evaluate(formula: Formula, context: FormulaContext, treatBlanksAs = 'BlankAsZero'): FormulaValue {
  const today = new FormulaDate(Math.floor(context.now.getTime() / 86_400_000));
  const run = (n: Node): FormulaValue => {
    switch (n.kind) {
      case 'literal':
        return n.value;
      case 'field': {
        const { value, type } = context.field(n.path);
        if (value === null && treatBlanksAs === 'BlankAsZero' && NUMERIC_TYPES.has(type)) return 0;
        if (type === 'Checkbox') return value === true;
        return value;
      }
      case 'unary': {
        const v = run(n.operand);
        if (v === null) return null;
        if (typeof v !== 'number')
          throw new ReportError(`The formula puts ${n.op} before a value that is not a number.`);
        return n.op === '-' ? -v : v;
      }
      case 'binary': {
        if (n.op === '&&') return truthy(run(n.left)) && truthy(run(n.right));
        if (n.op === '||') return truthy(run(n.left)) || truthy(run(n.right));
        const a = run(n.left);
        const b = run(n.right);
        if (['=', '==', '!=', '<>', '<', '>', '<=', '>='].includes(n.op)) return compare(n.op, a, b);
        return arithmetic(n.op, a, b);
      }
      case 'call':
        return call(n.name, n.args);
    }
  };
  const call = (name: string, args: Node[]): FormulaValue => {
    switch (name) {
      case 'AND':
        return args.every((a) => truthy(run(a)));
      case 'OR':
        return args.some((a) => truthy(run(a)));
      case 'NOT':
        return !truthy(run(args[0]));
      case 'IF':
        return truthy(run(args[0])) ? run(args[1]) : run(args[2]);
      case 'CASE': {
        const subject = run(args[0]);
        for (let i = 1; i + 1 < args.length; i += 2) {
          if (compare('=', subject, run(args[i]))) return run(args[i + 1]);
        }
        if (args.length % 2 === 1) throw new ReportError('CASE needs an else value as its last argument.');
        return run(args[args.length - 1]);
      }
      case 'ISBLANK':
        return isBlank(run(args[0]));
      case 'BLANKVALUE': {
        const v = run(args[0]);
        return isBlank(v) ? run(args[1]) : v;
      }
      case 'ISPICKVAL':
        return text(run(args[0])) === text(run(args[1]));
      case 'TEXT': {
        const v = run(args[0]);
        return v === null ? '' : text(v);
      }
      case 'TODAY':
        return today;
      case 'NOW':
        return new FormulaDateTime(context.now.getTime());
      case 'DATEVALUE': {
        const v = run(args[0]);
        if (v === null || v === '') return null;
        if (v instanceof FormulaDate) return v;
        if (v instanceof FormulaDateTime) return new FormulaDate(Math.floor(v.ms / 86_400_000));
        if (typeof v === 'string') return FormulaDate.parse(v);
        throw new ReportError('DATEVALUE takes a date-time or a text.');
      }
      case 'IMAGE':
        // A report shows the picture; the preview shows its alternative text.
        return text(run(args[1]));
      case 'MAX':
      case 'MIN': {
        const values = args.map(run);
        if (values.some((v) => v === null)) return null;
        const numbers = values.filter((v): v is number => typeof v === 'number');
        if (numbers.length !== values.length) throw new ReportError(`${name} takes numbers.`);
        return name === 'MAX' ? Math.max(...numbers) : Math.min(...numbers);
      }
      default:
        throw new ReportError(`The formula uses the function ${name}, which the preview does not know.`);
    }
  };
  return run(formula.node);
}
