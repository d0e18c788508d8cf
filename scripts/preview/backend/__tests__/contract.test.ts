/**
 * The contract scenarios against the preview backend (docs/preview.md, "Contract scenarios"):
 * the file is well formed, every scenario passes here, and the Apex test runs every scenario too.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { CONTRACT_APEX_TEST, contractProblems, loadContract, runScenario, thenMismatches } from '../contract.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const contract = loadContract();

describe('the contract file', () => {
  test('is well formed: known keys, fields, methods, parameters and references', () => {
    assert.deepEqual(contractProblems(contract), []);
  });

  test('a typo is caught with a sentence that says where', () => {
    const broken = structuredClone(contract) as unknown as { scenarios: Record<string, unknown>[] };
    const first = broken.scenarios[0];
    first.when = { call: 'loadMapGrahp', params: { mapId: '@map.renewal' } };
    broken.scenarios[1].then = { reslut: {} };
    broken.scenarios[2].given = {
      fixture: 'acme',
      people: { x: { Relationship_Map__c: '@map.renewl', Stanse__c: 'Champion' } },
    };
    const problems = contractProblems(broken);
    const expected = [
      `scenario "${String(first.name)}": RelationshipMapController has no method "loadMapGrahp".`,
      `scenario "${String(broken.scenarios[1].name)}": then: unknown property "reslut" (allowed: result, withoutSharedActivities, error, errorPattern, changes, records).`,
      `scenario "${String(broken.scenarios[2].name)}": given.people.x: Map_Contact__c has no field Stanse__c here.`,
    ];
    for (const sentence of expected) assert.ok(problems.includes(sentence), `${sentence}\nin\n${problems.join('\n')}`);
    const reference = problems.find((p) => p.includes('"@map.renewl" names no record of the scenario'));
    assert.ok(reference, `the misspelt reference is named:\n${problems.join('\n')}`);
  });

  test('a shared activity names its other contacts as a list of contacts, and an org-setting result replaces a result', () => {
    const broken = structuredClone(contract) as unknown as { scenarios: Record<string, unknown>[] };
    broken.scenarios[0].given = {
      fixture: 'acme',
      events: { e: { OwnerId: '@user.rep', WhoId: '@contact.ann', RelationIds: '@contact.bo' } },
      tasks: { t: { OwnerId: '@user.rep', WhoId: '@contact.ann', RelationIds: ['@user.sam'] } },
    };
    broken.scenarios[1].then = { error: 'No.', withoutSharedActivities: {} };
    const problems = contractProblems(broken);
    const name = (i: number): string => String(broken.scenarios[i].name);
    const expected = [
      `scenario "${name(0)}": given.events.e.RelationIds: a list of the other contacts of the activity (@contact.<key>).`,
      `scenario "${name(0)}": given.tasks.t.RelationIds: a list of the other contacts of the activity (@contact.<key>).`,
      `scenario "${name(1)}": "withoutSharedActivities" replaces a "result"; the "then" has none.`,
    ];
    for (const sentence of expected) assert.ok(problems.includes(sentence), `${sentence}\nin\n${problems.join('\n')}`);
  });

  test('every scenario has its Apex test method (RelationshipMapContractTest runs it in the scratch org)', () => {
    const apex = readFileSync(CONTRACT_APEX_TEST, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const runs = [...apex.matchAll(/\brun\(\s*'((?:[^'\\]|\\.)*)'\s*\)/g)].map((m) => m[1].replace(/\\'/g, "'"));
    // A pending scenario runs nowhere yet (the Apex runner refuses it too).
    const names = contract.scenarios.filter((s) => !s.pending).map((s) => s.name);
    assert.deepEqual(
      names.filter((n) => !runs.includes(n)),
      [],
      'scenarios without a test method calling run(<name>)'
    );
    assert.deepEqual(
      runs.filter((r) => !names.includes(r)),
      [],
      'test methods running a scenario the file does not have, or one still pending'
    );
    assert.equal(new Set(runs).size, runs.length, 'each scenario runs once');
  });
});

describe('contract scenarios against the preview backend', () => {
  for (const scenario of contract.scenarios) {
    if (scenario.pending) {
      test(scenario.name, { todo: scenario.pending }, () => {});
      continue;
    }
    test(scenario.name, () => {
      const outcome = runScenario(contract, scenario, NOW);
      assert.deepEqual(
        thenMismatches(scenario, outcome),
        [],
        `${scenario.name}: the preview differs from the contract`
      );
    });
  }

  test('the comparison can fail: a wrong expectation is reported', () => {
    const scenario = structuredClone(
      contract.scenarios.find((s) => s.when && 'call' in s.when && s.when.call === 'updatePerson' && !s.then.error)
    );
    assert.ok(scenario, 'a person update scenario');
    scenario.then.changes = [
      { person: '@person.ann', field: 'Stance', oldValue: 'Neutral', newValue: 'Opponent', source: 'Edit' },
    ];
    scenario.then.records = { '@person.ann': { stance: 'Opponent' } };
    const found = thenMismatches(scenario, runScenario(contract, scenario, NOW));
    assert.ok(
      found.some((m) => m.startsWith('changes: no row')),
      found.join('\n')
    );
    assert.ok(found.includes('records[@person.ann].stance: expected "Opponent", got "Champion"'), found.join('\n'));
  });
});
