/**
 * lib/bulk.ts against the fake Bulk API 1.0: serial jobs, batches sent one after another in file
 * order, results matched to rows by position, a batch the org fails as a whole, and a run stopped
 * by an expired session.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { csvBatches, runBulkJobs, type BulkJobSpec } from '../lib/bulk.ts';
import type { CliIO } from '../lib/io.ts';
import { FAKE_TOKEN, type FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg, type SmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer, tempDir } from './harness.ts';

describe('Bulk API loads (serial)', () => {
  let server: FakeSalesforce;
  let ids: SmallOrg;
  let progress: number[];
  let io: CliIO;
  beforeEach(async () => {
    server = await startServer();
    ids = buildSmallOrg(server.org);
    progress = [];
    io = {
      out: () => undefined,
      err: () => undefined,
      env: {},
      cwd: process.cwd(),
      runCommand: () => Promise.reject(new Error('no commands')),
      now: () => new Date(),
      progress: () => ({ update: (v) => progress.push(v), stop: () => undefined }),
      pollIntervalMs: 1,
      pollTimeoutMs: 5000,
    };
  });
  afterEach(async () => {
    await server.stop();
  });

  const connection = () => new Connection({ instanceUrl: server.url, accessToken: FAKE_TOKEN, version: '65.0' });

  /** n new people for the map: contacts made in the fake org, one row each. */
  const newPeople = (n: number, rejected?: number): BulkJobSpec => {
    const rows = Array.from({ length: n }, (_, i) => {
      const contact = server.org.insert('Contact', { LastName: `Bulk ${i}`, AccountId: ids.acme });
      return {
        label: `row ${i + 2}`,
        values: { Relationship_Map__c: ids.map, Contact__c: contact, Role__c: 'Influencer' },
      };
    });
    if (rejected !== undefined) {
      const contact = rows[rejected].values.Contact__c;
      server.org.rejectWhen = (objectName, record) =>
        objectName === 'Map_Contact__c' && record.Contact__c === contact ? 'Not this one.' : undefined;
    }
    return {
      objectName: 'Map_Contact__c',
      operation: 'insert',
      columns: ['Relationship_Map__c', 'Contact__c', 'Role__c'],
      rows,
    };
  };

  it('asks for serial mode and sends each batch only after the previous one finished, in file order', async () => {
    const spec = newPeople(40, 17);
    const result = await runBulkJobs(connection(), [spec], io, { batchRows: 15, batchCharacters: 1_000_000 });
    assert.equal(result.error, undefined);
    const [job] = [...server.bulkJobs.values()];
    assert.equal(job.concurrencyMode, 'Serial');
    assert.equal(job.state, 'Closed', 'the job is closed once its batches are in');
    assert.deepEqual(
      job.batches.map((b) => b.rows),
      [15, 15, 10]
    );
    // Serial on our side too: no batch is uploaded before the previous batch's results were read.
    const steps = server.requests
      .filter((r) => /\/batch(\/\w+\/result)?$/.test(r.path))
      .map((r) => (r.method === 'POST' ? 'upload' : 'results'));
    assert.deepEqual(steps, ['upload', 'results', 'upload', 'results', 'upload', 'results']);
    // Results come back in row order and are matched by position: exactly row 19 (index 17) failed.
    assert.equal(result.outcomes.length, 40);
    assert.deepEqual(
      result.outcomes.filter((o) => !o.success).map((o) => [o.label, o.error]),
      [['row 19', 'FIELD_CUSTOM_VALIDATION_EXCEPTION:Not this one.']]
    );
    assert.deepEqual(
      result.outcomes.map((o) => o.label),
      spec.rows.map((r) => r.label)
    );
    const people = server.org.all('Map_Contact__c');
    for (const o of result.outcomes.filter((x) => x.success))
      assert.ok(
        people.some((p) => p.Id === o.id),
        `${o.label}: saved with the Id the results name`
      );
    assert.ok(
      progress.some((v) => v > 0 && v < 40),
      `progress moved between batches: ${progress.join(',')}`
    );
    assert.equal(progress.at(-1), 40);
  });

  it('csvBatches keeps each batch within the row and character limits, in order', () => {
    const spec: BulkJobSpec = {
      objectName: 'Map_Contact__c',
      operation: 'update',
      columns: ['Id', 'Our_Assessment__c'],
      rows: Array.from({ length: 7 }, (_, i) => ({
        label: `r${i}`,
        values: { Id: `id${i}`, Our_Assessment__c: 'x'.repeat(40) },
      })),
    };
    const batches = csvBatches(spec, { batchRows: 3, batchCharacters: 120 });
    assert.deepEqual(
      batches.map((b) => [b.first, b.size]),
      [
        [0, 2],
        [2, 2],
        [4, 2],
        [6, 1],
      ]
    );
    for (const b of batches) assert.ok(b.csv.startsWith('Id,Our_Assessment__c\n') && b.csv.length <= 120, b.csv);
  });

  it('a batch the org fails as a whole fails its rows with the org’s reason; later jobs still run', async () => {
    const bad: BulkJobSpec = { ...newPeople(3), columns: ['Relationship_Map__c', 'Contact__c', 'Role__c', 'Nope__c'] };
    const good = newPeople(2);
    const result = await runBulkJobs(connection(), [bad, good], io);
    assert.equal(result.error, undefined);
    assert.deepEqual(
      result.outcomes.map((o) => o.success),
      [false, false, false, true, true]
    );
    assert.match(
      result.outcomes[0].error ?? '',
      /^not processed: InvalidBatch : Field name not found : Nope__c \(job 750FAKE\w+, batch 751FAKE\w+\)$/
    );
  });

  it('an expired session stops the load, names every row not saved and says how to log in again', async () => {
    const { dir, cleanup } = tempDir();
    try {
      server.failNext((r) => r.method === 'POST' && r.path.endsWith('/batch'), 400, [
        { errorCode: 'InvalidSessionId', message: 'Invalid session id' },
      ]);
      const file = path.join(dir, 'people.csv');
      writeFileSync(file, `Email,Role\neve@acme.example.com,Procurement\nfrank@acme.example.com,Influencer\n`);
      const result = await run(server, ['import', '--map', ids.map, '--file', file, '--bulk']);
      assert.equal(result.code, 1, result.output);
      assert.match(
        result.stderr,
        /The Bulk API load stopped: The Salesforce session has expired or is not valid \(INVALID_SESSION_ID\)\. Get a fresh access token/
      );
      assert.match(result.stderr, /row 2: not processed: the load stopped before this row was sent/);
      assert.match(result.stderr, /row 3: not processed: the load stopped before this row was sent/);
      assert.ok(!result.output.includes(FAKE_TOKEN));
    } finally {
      cleanup();
    }
  });
});
