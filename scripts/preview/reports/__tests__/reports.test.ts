/**
 * The Reports page's interpreter: the packaged reports and their list views name the same people
 * on the sample data, and those are the people an independent reading of the sample data names;
 * formulas, roll-ups and filters behave as on the platform; whatever the interpreter does not
 * know is refused, not guessed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildStore, type PersonRow, type StoreData } from '../../backend/store.ts';
import { evaluate, FormulaDate, FormulaDateTime, parseFormula, type FormulaValue } from '../formula.ts';
import { DEFAULT_ROOT, loadObjectDefs, ReportError, type ObjectDefs } from '../metadata.ts';
import { matches, OrgRecords } from '../records.ts';
import { runAll, runListView, runReport, type RunResult } from '../reports.ts';
import { analyzeMap } from '../../../../force-app/main/default/lwc/relationshipGraph/relationshipGraph.ts';

const NOW = new Date('2026-11-01T09:30:00Z');
const REPORTS = path.join(DEFAULT_ROOT, 'reports', 'Relationship_Maps');
const LIST_VIEWS = path.join(DEFAULT_ROOT, 'objects', 'Map_Contact__c', 'listViews');

const store: StoreData = buildStore(undefined, NOW);
const records = new OrgRecords(store, NOW);
const report = (name: string): RunResult => runReport(records, path.join(REPORTS, `${name}.report-meta.xml`));
const listView = (name: string): RunResult => runListView(records, path.join(LIST_VIEWS, `${name}.listView-meta.xml`));
const ids = (result: RunResult): string[] => result.rows.map((r) => r.id).sort();
const names = (personIds: string[]): string[] =>
  personIds.map((id) => store.people.find((p) => p.id === id)?.name ?? id).sort();

// --------------------------------------------------------------- independent readings of the data

const activeMaps = new Set(store.maps.filter((m) => m.status === 'Active').map((m) => m.id));
const isDecider = (p: PersonRow): boolean => p.role === 'Decision Maker' || p.role === 'Economic Buyer';
/** Customer or partner people on active maps who are not trimmed. */
const inScope = store.people.filter((p) => activeMaps.has(p.mapId) && !p.excluded && p.side !== 'Our Company');
const DAY = 86_400_000;
const today = Math.floor(NOW.getTime() / DAY);
const dayOf = (iso: string | null | undefined): number | null =>
  iso ? Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY) : null;

/** The in-scope people a rule picks, as sorted record ids. */
const inScopeIds = (rule: (p: PersonRow) => boolean): string[] =>
  inScope
    .filter(rule)
    .map((p) => p.id)
    .sort();

/** The report and the list view of one name list exactly these records. */
function assertReportAndListView(name: string, expected: string[], how = ''): void {
  assert.deepEqual(ids(report(name)), expected, `the report${how}`);
  assert.deepEqual(ids(listView(name)), expected, `the list view${how}`);
}

describe('one answer everywhere: reports, list views and the sample data agree', () => {
  test('Unsupported Decision Makers: the report and the list view name exactly the decision makers not Champion or Supporter', () => {
    const expected = inScopeIds((p) => isDecider(p) && p.stance !== 'Champion' && p.stance !== 'Supporter');
    assert.ok(expected.length >= 3, 'the sample has unsupported decision makers');
    assert.ok(names(expected).includes('Marcus Whitfield'), 'the skeptical economic buyer is one of them');
    assert.deepEqual(names(ids(report('Unsupported_Decision_Makers'))), names(expected), 'the report');
    assertReportAndListView('Unsupported_Decision_Makers', expected, ', by record');
  });

  test('Uncovered Decision Makers: the report and the list view name the decision makers none of our people has a Relationship link with', () => {
    const ours = new Set(
      store.people.filter((p) => p.side === 'Our Company' && !p.isVacant && !p.excluded).map((p) => p.id)
    );
    const covered = new Set<string>();
    for (const l of store.links.filter((x) => x.type === 'Relationship')) {
      if (l.fromId && ours.has(l.fromId) && l.toId) covered.add(l.toId);
      if (l.toId && ours.has(l.toId) && l.fromId) covered.add(l.fromId);
    }
    const expected = inScopeIds((p) => isDecider(p) && (p.isVacant || !covered.has(p.id)));
    assert.ok(expected.length > 0, 'the sample has uncovered decision makers');
    assertReportAndListView('Uncovered_Decision_Makers', expected);
  });

  test('Stale People: the report and the list view name the people untouched for more than 90 days', () => {
    // The sample's records were entered long before today (sample-meta.json createdOn), so the
    // added-date rule (nobody is stale before the stale period has passed since they were added)
    // leaves exactly the people without an interaction or stance change in 90 days.
    const expected = inScopeIds((p) => {
      if (p.isVacant) return false;
      const touches = [dayOf(p.lastInteraction), dayOf(p.stanceChangedAt)].filter((d): d is number => d !== null);
      const created = dayOf(p.createdDate);
      assert.ok(created !== null && today - created > 90, `${p.name} was added more than 90 days ago`);
      return touches.length === 0 || today - Math.max(...touches) > 90;
    });
    assert.ok(expected.length > 0, 'the sample has stale people');
    assertReportAndListView('Stale_People', expected);
  });

  test("Expected Resistance: the report, the list view and the map's Plan view name the same people", () => {
    // The Plan lists the analytics' goals.expectedResistance as it is (relationshipMapPlan/planModel.ts).
    const planned = [...activeMaps].flatMap((mapId) =>
      analyzeMap(
        {
          people: store.people.filter((p) => p.mapId === mapId),
          links: store.links.filter((l) => l.mapId === mapId),
        },
        { now: NOW }
      ).goals.expectedResistance.map((e) => e.personId)
    );
    const expected = [...planned].sort();
    // The rule, read independently: not Champion or Supporter, not vacant, and Loses, or a Skeptic or Opponent decision maker.
    assert.deepEqual(
      expected,
      inScopeIds(
        (p) =>
          !p.isVacant &&
          p.stance !== 'Champion' &&
          p.stance !== 'Supporter' &&
          (p.goalImpact === 'Loses' || (isDecider(p) && (p.stance === 'Skeptic' || p.stance === 'Opponent')))
      ),
      'the Plan follows the rule'
    );
    assert.ok(names(expected).includes('Marcus Whitfield'), 'the Skeptic economic buyer, goal impact Neutral');
    assertReportAndListView('Expected_Resistance', expected);
  });

  test('every packaged report and list view runs on the sample data', () => {
    const failures = runAll(records).filter((r) => 'error' in r);
    assert.deepEqual(failures, []);
  });

  test('the roll-ups on the map count what their summary filters say', () => {
    const northwind = store.maps.find((m) => m.status === 'Active');
    assert.ok(northwind);
    const map = records.all('Relationship_Map__c').find((m) => m.Id === northwind.id);
    assert.ok(map);
    const deciders = store.people.filter((p) => p.mapId === northwind.id && !p.excluded && isDecider(p));
    const supportive = deciders.filter((p) => p.stance === 'Champion' || p.stance === 'Supporter');
    assert.equal(
      records.value('Relationship_Map__c', map, 'People_Count__c'),
      store.people.filter((p) => p.mapId === northwind.id && !p.excluded).length
    );
    assert.equal(records.value('Relationship_Map__c', map, 'Decision_Maker_Count__c'), deciders.length);
    assert.equal(records.value('Relationship_Map__c', map, 'Supportive_Decision_Maker_Count__c'), supportive.length);
    assert.equal(
      records.value('Relationship_Map__c', map, 'Unsupported_Decision_Maker_Count__c'),
      deciders.length - supportive.length
    );
    assert.equal(
      records.value('Relationship_Map__c', map, 'Decision_Maker_Support__c'),
      supportive.length / deciders.length
    );
  });

  test('a summary report groups its rows and totals its columns per group', () => {
    const result = report('Unsupported_Decision_Makers');
    assert.deepEqual(
      result.groupings.map((g) => g.key),
      ['Relationship_Map__c$Account__c.Name', 'Relationship_Map__c$Name']
    );
    assert.ok(result.rows.every((r) => r.groups[0] === 'Northwind Manufacturing Group'));
    const top = result.groups.find((g) => g.path.length === 1);
    assert.equal(top?.count, result.rows.length);
    const score = result.columns.findIndex((c) => c.key.endsWith('$Stance_Score__c'));
    const scores = result.rows.map((r) => Number(r.cells[score]));
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
      'sorted by stance score, ascending'
    );
    assert.equal(result.total.aggregates[score], (scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(2));
  });
});

// ------------------------------------------------------------------------------------ formulas

function run(
  source: string,
  fields: Record<string, { value: FormulaValue; type: string }>,
  blanks = 'BlankAsZero'
): FormulaValue {
  return evaluate(
    parseFormula(source),
    {
      now: NOW,
      field: (p) => {
        const found = fields[p.join('.')];
        if (!found) throw new Error(`no field ${p.join('.')}`);
        return found;
      },
    },
    blanks
  );
}

describe('the formula evaluator', () => {
  const date = (text: string) => ({ value: FormulaDate.parse(text), type: 'Date' });
  const dateTime = (text: string | null) => ({ value: text ? FormulaDateTime.parse(text) : null, type: 'DateTime' });
  const blankDate = { value: null, type: 'Date' };

  test('dates, date-times and days since (TODAY, DATEVALUE, CreatedDate)', () => {
    assert.equal(run('TODAY() - Last_Interaction__c', { Last_Interaction__c: date('2026-10-02') }), 30);
    assert.equal(run('TODAY() - DATEVALUE(CreatedDate)', { CreatedDate: dateTime('2026-10-31T23:59:00Z') }), 1);
    assert.equal(run('TODAY() - Last_Interaction__c', { Last_Interaction__c: blankDate }, 'BlankAsBlank'), null);
  });

  test('a stale rule that waits for the stale period after the person was added', () => {
    // The shape of rule the Is_Stale__c formula takes once it counts from CreatedDate.
    const formula =
      'IF(ISBLANK(Last_Interaction__c) && ISBLANK(Stance_Changed_At__c), TODAY() - DATEVALUE(CreatedDate) > 90, TODAY() - Last_Interaction__c > 90)';
    const fresh = {
      Last_Interaction__c: blankDate,
      Stance_Changed_At__c: dateTime(null),
      CreatedDate: dateTime('2026-11-01T08:00:00Z'),
    };
    const old = { ...fresh, CreatedDate: dateTime('2026-04-01T00:00:00Z') };
    assert.equal(run(formula, fresh), false, 'added today: not stale');
    assert.equal(run(formula, old), true, 'added 214 days ago and never touched: stale');
  });

  test('picklists, CASE, BLANKVALUE, text and logic', () => {
    const stance = (v: string | null) => ({ Stance__c: { value: v, type: 'Picklist' } });
    assert.equal(
      run('OR(ISPICKVAL(Stance__c, "Champion"), ISPICKVAL(Stance__c, "Supporter"))', stance('Supporter')),
      true
    );
    assert.equal(run('OR(ISPICKVAL(Stance__c, "Champion"), ISPICKVAL(Stance__c, "Supporter"))', stance(null)), false);
    assert.equal(run('CASE(Stance__c, "Champion", 100, "Neutral", 40, 25)', stance('Neutral')), 40);
    assert.equal(run('CASE(Stance__c, "Champion", 100, "Neutral", 40, 25)', stance(null)), 25);
    assert.equal(run('BLANKVALUE(TEXT(Stance__c), "(blank)") & " → x"', stance(null)), '(blank) → x');
    assert.equal(run('NOT(ISBLANK(Stance__c)) || 1 > 2', stance('Neutral')), true);
    assert.equal(run('AND(1 + 2 * 3 = 7, 10 / 4 = 2.5, -1 < 0, 2 <> 3)', {}), true);
  });

  test('blank numbers: zero with BlankAsZero, blank with BlankAsBlank', () => {
    const days = { Days__c: { value: null, type: 'Number' } };
    assert.equal(run('ISBLANK(Days__c) || Days__c > 90', days, 'BlankAsBlank'), true);
    assert.equal(run('ISBLANK(Days__c) || Days__c > 90', days, 'BlankAsZero'), false);
  });
});

// ------------------------------------------------------------------------- refusals (planted)

describe('what the interpreter does not know is refused', () => {
  test('an unknown formula function or operator', () => {
    assert.throws(
      () => parseFormula('WEEKDAY(TODAY()) > 1'),
      (e: unknown) => e instanceof ReportError && /WEEKDAY/.test(e.message)
    );
    assert.throws(
      () => parseFormula('2 ^ 3'),
      (e: unknown) => e instanceof ReportError && /operator "\^"/.test(e.message)
    );
    assert.throws(() => parseFormula('IF(TRUE, 1)'), ReportError);
  });

  test('a formula field using an unknown function fails the rows that read it', () => {
    const defs = loadObjectDefs();
    const fields = new Map(defs.fields);
    const contact = new Map(fields.get('Map_Contact__c'));
    const supportive = contact.get('Is_Supportive__c');
    assert.ok(supportive);
    contact.set('Is_Supportive__c', { ...supportive, formula: 'ISCHANGED(Stance__c)' });
    fields.set('Map_Contact__c', contact);
    const planted: ObjectDefs = { ...defs, fields };
    const bent = new OrgRecords(store, NOW, store.currentUserId, planted);
    assert.throws(
      () => runReport(bent, path.join(REPORTS, 'Unsupported_Decision_Makers.report-meta.xml')),
      (e: unknown) => e instanceof ReportError && /Is_Supportive__c/.test(e.message) && /ISCHANGED/.test(e.message)
    );
  });

  test('an unknown filter operator in a report or a list view, and an unknown report element', () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'rm-reports-'));
    try {
      cpSync(path.join(DEFAULT_ROOT, 'reportTypes'), path.join(scratch, 'reportTypes'), { recursive: true });
      const source = readFileSync(path.join(REPORTS, 'Unsupported_Decision_Makers.report-meta.xml'), 'utf8');
      const planted = path.join(scratch, 'Planted.report-meta.xml');
      writeFileSync(planted, source.replace('<operator>notEqual</operator>', '<operator>includes</operator>'));
      assert.throws(
        () => runReport(records, planted, scratch),
        (e: unknown) => e instanceof ReportError && /"includes"/.test(e.message)
      );
      writeFileSync(
        planted,
        source.replace('<format>Summary</format>', '<format>Summary</format><rowLimit>5</rowLimit>')
      );
      assert.throws(
        () => runReport(records, planted, scratch),
        (e: unknown) => e instanceof ReportError && /rowLimit/.test(e.message)
      );
      writeFileSync(planted, source.replace('$Stance_Score__c</field>', '$Layout_X__c</field>'));
      assert.throws(
        () => runReport(records, planted, scratch),
        (e: unknown) => e instanceof ReportError && /does not offer/.test(e.message)
      );

      const view = readFileSync(path.join(LIST_VIEWS, 'Stale_People.listView-meta.xml'), 'utf8');
      const viewDir = path.join(scratch, 'objects', 'Map_Contact__c', 'listViews');
      cpSync(LIST_VIEWS, viewDir, { recursive: true });
      const plantedView = path.join(viewDir, 'Planted.listView-meta.xml');
      writeFileSync(plantedView, view.replace('<operation>notEqual</operation>', '<operation>within</operation>'));
      assert.throws(
        () => runListView(records, plantedView),
        (e: unknown) => e instanceof ReportError && /"within"/.test(e.message)
      );
      writeFileSync(
        plantedView,
        view.replace(
          /<field>Is_Stale__c<\/field>\s*<operation>equals<\/operation>\s*<value>1<\/value>/,
          '<field>Last_Interaction__c</field><operation>equals</operation><value>THIS_FISCAL_QUARTER</value>'
        )
      );
      assert.throws(
        () => runListView(records, plantedView),
        (e: unknown) => e instanceof ReportError && /THIS_FISCAL_QUARTER/.test(e.message)
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('filter values: any of for equals, none of for notEqual, text without case, relative dates', () => {
    const picklist = { object: 'X', name: 'Stance__c', label: 'Stance', type: 'Picklist' };
    assert.equal(matches('skeptic', picklist, 'equals', 'Neutral,Skeptic', NOW, 'test'), true);
    assert.equal(matches('Champion', picklist, 'notEqual', 'Champion,Supporter', NOW, 'test'), false);
    assert.equal(matches(null, picklist, 'notEqual', 'Champion,Supporter', NOW, 'test'), true);
    const when = { object: 'X', name: 'Changed_At__c', label: 'Changed At', type: 'DateTime' };
    assert.equal(
      matches(FormulaDateTime.parse('2026-08-03T10:00:00Z'), when, 'equals', 'LAST_N_DAYS:90', NOW, 'test'),
      true
    );
    assert.equal(
      matches(FormulaDateTime.parse('2026-08-02T10:00:00Z'), when, 'equals', 'LAST_N_DAYS:90', NOW, 'test'),
      false
    );
  });
});
