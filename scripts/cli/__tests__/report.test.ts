import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg, type SmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer, tempDir } from './harness.ts';

describe('report unsupported', () => {
  let server: FakeSalesforce;
  let ids: SmallOrg;
  before(async () => {
    server = await startServer();
    server.pageSize = 1; // one row a page: the report must follow nextRecordsUrl
    ids = buildSmallOrg(server.org);
    // Excluded decision makers do not count, whatever their stance.
    const excluded = server.org.insert('Contact', {
      FirstName: 'Xena',
      LastName: 'Excluded',
      Email: 'x@acme.example.com',
      AccountId: ids.acme,
    });
    server.org.insert('Map_Contact__c', {
      Relationship_Map__c: ids.map,
      Contact__c: excluded,
      Role__c: 'Decision Maker',
      Stance__c: 'Opponent',
      Excluded__c: true,
    });
  });
  after(() => server.stop());

  it('lists decision makers on Active maps who are not Champion or Supporter, as a table', async () => {
    const result = await run(server, ['report', 'unsupported']);
    assert.equal(result.code, 0, result.output);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0], /^Account\s+Map\s+Person\s+Title\s+Role\s+Stance/);
    // Alice (Skeptic) and Carol (blank stance → Unknown) are unsupported; Bob is a Champion,
    // Gina is on a Draft map, Xena is excluded, Dan is not a decision maker.
    assert.equal(lines.filter((l) => l.includes('Alice Able')).length, 1);
    assert.equal(lines.filter((l) => l.includes('Carol <b>Bold</b>')).length, 1);
    for (const name of ['Bob', 'Gina', 'Xena', 'Dan'])
      assert.ok(!result.stdout.includes(name), `${name} must not be listed`);
    assert.match(result.stdout, /2 unsupported decision makers on 1 account\./);
    // The query filtered in the org, not in the script, and followed the pages.
    assert.ok(
      server
        .queries()
        .some(
          (q) =>
            q.includes("Role__c IN ('Decision Maker', 'Economic Buyer')") &&
            q.includes("Relationship_Map__r.Status__c = 'Active'")
        )
    );
    assert.ok(
      server.requests.some((r) => r.path.includes('/query/01gFAKE')),
      'the second page was fetched'
    );
  });

  it('writes CSV and JSON with the same rows', async () => {
    const csvRun = await run(server, ['report', 'unsupported', '--format', 'csv']);
    assert.equal(csvRun.code, 0);
    const rows = parse<Record<string, string>>(csvRun.stdout, { columns: true });
    assert.deepEqual(
      rows.map((r) => [r.Person, r.Role, r.Stance, r['Account Id'], r['Map Contact Id']]),
      [
        ['Alice Able', 'Decision Maker', 'Skeptic', ids.acme, ids.people.alice],
        ['Carol <b>Bold</b>', 'Decision Maker', 'Unknown', ids.acme, ids.people.carol],
      ]
    );
    assert.equal(rows[0].Account, 'Acme <Industries> & "Sons"');

    const jsonRun = await run(server, ['report', 'unsupported', '--format', 'json']);
    assert.equal(jsonRun.code, 0);
    const json = JSON.parse(jsonRun.stdout) as { person: string; stance: string; mapId: string; vacant: boolean }[];
    assert.deepEqual(
      json.map((r) => [r.person, r.stance, r.mapId, r.vacant]),
      [
        ['Alice Able', 'Skeptic', ids.map, false],
        ['Carol <b>Bold</b>', 'Unknown', ids.map, false],
      ]
    );
  });

  it('filters by account and writes to a file', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const result = await run(
        server,
        ['report', 'unsupported', '--account', ids.globex, '--format', 'json', '--out', 'r.json'],
        { cwd: dir }
      );
      assert.equal(result.code, 0, result.output);
      assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')), [], 'Globex has only a Draft map');
      assert.ok(server.queries().some((q) => q.includes(`Relationship_Map__r.Account__c = '${ids.globex}'`)));
    } finally {
      cleanup();
    }
  });

  it('rejects a bad format, a malformed account Id and a missing report name with exit code 2', async () => {
    const before = server.requests.length;
    const badFormat = await run(server, ['report', 'unsupported', '--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of table, csv, json/);
    const badAccount = await run(server, ['report', 'unsupported', '--account', "001' OR Name != '"]);
    assert.equal(badAccount.code, 2);
    assert.match(badAccount.stderr, /is not a Salesforce Id/);
    const contactId = await run(server, ['report', 'unsupported', '--account', ids.contacts.alice]);
    assert.equal(contactId.code, 2);
    assert.match(contactId.stderr, /account Ids start with 001, this one with 003/);
    const noName = await run(server, ['report']);
    assert.equal(noName.code, 2);
    assert.match(noName.stderr, /Say which report: unsupported/);
    assert.equal(server.requests.length, before, 'usage errors never reach the org');
  });
});
