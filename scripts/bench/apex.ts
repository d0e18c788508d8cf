/**
 * The Apex figures of the benchmark, taken from the code rather than measured (there is no org
 * here to run Apex in):
 * - queries per map load: what the Apex tests assert about `Limits.getQueries()` around
 *   `RelationshipMapController.loadMapGraph`, read from the test classes — the map sizes they
 *   build and each assertion on a query count, quoted as written;
 * - no SOQL or DML inside a loop: the result of scripts/check/apex-rules.mjs (the static check
 *   that `npm test` runs), whose rules include soql-dml-in-loop.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface QueryAssertion {
  /** `Class.method`. */
  test: string;
  file: string;
  line: number;
  /** People on the maps the test loads, in the order it builds them. */
  mapSizes: number[];
  /** Each assertion on a query count, as written (condition and message). */
  assertions: string[];
  /** The upper bound the test asserts (`<= N`), if it asserts one. */
  atMost: number | null;
  /** Whether it asserts that the count is the same for its maps. */
  sameForAllSizes: boolean;
}

interface Method {
  name: string;
  line: number;
  body: string;
}

/** The test methods of an Apex class (the text from one `@IsTest` to the next). */
function testMethods(source: string): Method[] {
  const methods: Method[] = [];
  const pattern = /@IsTest\s+static\s+void\s+(\w+)\s*\(/gi;
  const starts = [...source.matchAll(pattern)];
  starts.forEach((match, i) => {
    const start = match.index ?? 0;
    const end = i + 1 < starts.length ? (starts[i + 1].index ?? source.length) : source.length;
    methods.push({
      name: match[1],
      line: source.slice(0, start).split('\n').length + 1,
      body: source.slice(start, end),
    });
  });
  return methods;
}

/** Assertion statements (possibly over several lines) whose text mentions a query count. */
function queryAssertions(body: string): string[] {
  const found: string[] = [];
  for (const match of body.matchAll(/Assert\.(isTrue|areEqual)\(([\s\S]*?)\);/g)) {
    const args = match[2].replace(/\s+/g, ' ').trim();
    if (/queries/i.test(args.split(',').slice(0, 2).join(','))) found.push(`Assert.${match[1]}(${args})`);
  }
  return found;
}

/** Reads the query-count assertions of the tests that load a map (`loadMapGraph`) in `classesDir` and its folders. */
export function mapLoadQueryAssertions(
  classesDir: string,
  method = 'RelationshipMapController.loadMapGraph'
): QueryAssertion[] {
  const results: QueryAssertion[] = [];
  // classes/ has a folder per layer (tests/ among them): read every test class below it.
  const testFiles = readdirSync(classesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /Test\.cls$/.test(f))
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
  for (const file of testFiles) {
    const source = readFileSync(path.join(classesDir, file), 'utf8');
    const className = path.basename(file).replace(/\.cls$/, '');
    for (const m of testMethods(source)) {
      if (!m.body.includes(method) || !m.body.includes('Limits.getQueries()')) continue;
      const assertions = queryAssertions(m.body);
      if (assertions.length === 0) continue;
      const mapSizes = [...m.body.matchAll(/createMapWithPeople\([^)]*?,\s*(\d+)\s*\)/g)].map((s) => Number(s[1]));
      const bounds = assertions
        .map((a) => /queries\s*<=\s*(\d+)/i.exec(a))
        .filter((b): b is RegExpExecArray => b !== null)
        .map((b) => Number(b[1]));
      results.push({
        test: `${className}.${m.name}`,
        file: path.join(classesDir, file),
        line: m.line,
        mapSizes,
        assertions,
        atMost: bounds.length > 0 ? Math.min(...bounds) : null,
        sameForAllSizes: assertions.some((a) => /^Assert\.areEqual\(\s*\w*Queries\s*,\s*\w*Queries\s*,/i.test(a)),
      });
    }
  }
  return results;
}

export interface ApexRulesResult {
  ok: boolean;
  /** The checker's last line (its summary, or what it found). */
  summary: string;
  output: string;
}

/** Runs scripts/check/apex-rules.mjs and reports whether it passed, with its summary line. */
export function runApexRules(repoRoot: string): ApexRulesResult {
  const script = path.join(repoRoot, 'scripts', 'check', 'apex-rules.mjs');
  try {
    const output = execFileSync(process.execPath, [script], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, summary: lastLine(output), output };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    const output = `${stdout ?? ''}${stderr ?? ''}`;
    return { ok: false, summary: lastLine(output) || String(error), output };
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1]?.trim() ?? '';
}
