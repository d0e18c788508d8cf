import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FAKE_TOKEN, type FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg, type SmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer, tempDir } from './harness.ts';

const csvText = (rows: (string | number)[][]) => stringify(rows);

describe('import', () => {
  let server: FakeSalesforce;
  let ids: SmallOrg;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => {
    server = await startServer();
    ids = buildSmallOrg(server.org);
    ({ dir, cleanup } = tempDir());
  });
  afterEach(async () => {
    cleanup();
    await server.stop();
  });

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const onMap = () => server.org.all('Map_Contact__c').filter((p) => p.Relationship_Map__c === ids.map);
  const personOnMap = (contactId: string) => onMap().find((p) => p.Contact__c === contactId);

  /** Adds Eve by email and Frank by Contact Id, updates Dan, leaves Jordan (a User) unchanged. */
  const peopleCsv = () =>
    write(
      'people.csv',
      csvText([
        ['Contact Id', 'User Id', 'Email', 'Role', 'Stance', 'Last Interaction', 'Our Assessment'],
        [
          '',
          '',
          'EVE@acme.example.com',
          'Procurement',
          'neutral',
          '2026-10-02',
          'Gatekeeper of the "approved vendor" list,\nfriendly',
        ],
        [ids.contacts.frank.slice(0, 15), '', '', 'Technical Evaluator', 'Skeptic', '', ''],
        ['', '', 'dan@acme.example.com', '', 'Opponent', '', ''],
        ['', ids.users.jordan, '', '', 'Champion', '', ''],
      ])
    );

  it('adds and updates people in one all-or-nothing transaction', async () => {
    const result = await run(server, ['import', '--map', ids.map, '--file', peopleCsv()]);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /People: 2 to add, 1 to update, 1 unchanged/);
    assert.match(result.stdout, /Saved all 3 records in one transaction/);
    const eve = personOnMap(ids.contacts.eve);
    assert.deepEqual(
      [eve?.Role__c, eve?.Stance__c, eve?.Last_Interaction__c, eve?.Name],
      ['Procurement', 'Neutral', '2026-10-02', 'Eve Early']
    );
    assert.equal(eve?.Our_Assessment__c, 'Gatekeeper of the "approved vendor" list,\nfriendly');
    assert.equal(personOnMap(ids.contacts.frank)?.Role__c, 'Technical Evaluator');
    assert.equal(personOnMap(ids.contacts.dan)?.Stance__c, 'Opponent');
    assert.equal(personOnMap(ids.contacts.dan)?.Role__c, 'Influencer', 'a blank cell leaves the field as it was');
    const writes = server.writes();
    assert.equal(writes.length, 1, 'one request');
    assert.equal(writes[0].path, '/services/data/v65.0/composite');
    const body = writes[0].body as {
      allOrNone: boolean;
      compositeRequest: { method: string; body: { records: Record<string, unknown>[] } }[];
    };
    assert.equal(body.allOrNone, true);
    assert.deepEqual(
      body.compositeRequest.map((s) => [s.method, s.body.records.length]),
      [
        ['POST', 2],
        ['PATCH', 1],
      ]
    );
    assert.deepEqual(body.compositeRequest[1].body.records[0], {
      attributes: { type: 'Map_Contact__c' },
      Id: ids.people.dan,
      Stance__c: 'Opponent',
    });
    // A REST save is logged as an Edit (only Bulk API loads are Imports).
    const change = server.org.all('Map_Contact_Change__c').find((c) => c.Map_Contact__c === ids.people.dan);
    assert.deepEqual([change?.Field__c, change?.New_Value__c, change?.Source__c], ['Stance', 'Opponent', 'Edit']);
  });

  it('--dry-run prints what would change and writes nothing', async () => {
    const result = await run(server, ['import', '--map', ids.map, '--file', peopleCsv(), '--dry-run']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /row 2: add Eve Early \(Contact /);
    assert.match(result.stdout, /row 3: add Frank Fresh/);
    assert.match(result.stdout, /row 4: update Dan Drift \(Contact \w{18}\): Stance Supporter → Opponent/);
    assert.match(result.stdout, /row 5: unchanged Jordan Blake \(User /);
    assert.match(result.stdout, /Would write: People: 2 to add, 1 to update, 1 unchanged/);
    assert.deepEqual(server.writes(), []);
    assert.equal(personOnMap(ids.contacts.eve), undefined);
  });

  it('adds and updates links; ends by person Id, email or Map Contact Id', async () => {
    const file = write(
      'links.csv',
      csvText([
        ['From Person Id', 'From Email', 'To Map Contact Id', 'To Email', 'Type', 'Strength', 'Notes'],
        [ids.contacts.dan, '', ids.people.alice, '', 'Influences', 'strong', 'Runs the plant "her" way'],
        ['', 'pat@partner.example.com', '', 'dan@acme.example.com', 'Conflict', '', ''],
        // The Ally link exists as Carol → Bob; Bob → Carol is the same two-way link: update it.
        [ids.contacts.bob, '', ids.people.carol, '', 'Ally', 'Strong', ''],
      ])
    );
    const result = await run(server, ['import', '--map', ids.map, '--file', file]);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /Links: 2 to add, 1 to update, 0 unchanged/);
    const links = server.org.all('Influence_Link__c').filter((l) => l.Relationship_Map__c === ids.map);
    const danToAlice = links.find((l) => l.From__c === ids.people.dan && l.To__c === ids.people.alice);
    assert.deepEqual(
      [danToAlice?.Type__c, danToAlice?.Strength__c, danToAlice?.Notes__c],
      ['Influences', 'Strong', 'Runs the plant "her" way']
    );
    assert.equal(
      links.find((l) => l.From__c === ids.people.pat)?.Strength__c,
      'Medium',
      'blank Strength gets the default'
    );
    assert.equal(server.org.get('Influence_Link__c', ids.links.carolAllyBob)?.Strength__c, 'Strong');
    assert.equal(links.length, 5);
  });

  it('reports every bad row with its row number and reason, and writes nothing', async () => {
    const file = write(
      'people.csv',
      csvText([
        ['Contact Id', 'Email', 'Side', 'Role', 'Stance', 'Vacant', 'Last Interaction', 'Layout X', 'Primary Contact'],
        ['', 'eve@acme.example.com', '', 'Buyer', 'Champoin', '', '', '', ''],
        ['', 'nobody@nowhere.example.com', '', '', '', '', '', '', ''],
        [ids.contacts.frank, '', '', '', '', 'maybe', '2026-02-30', 'left', ''],
        ['', 'eve@acme.example.com', '', '', 'Neutral', '', '', '', ''],
        ['0030000000zzzzz', '', '', '', '', '', '', '', ''],
        [ids.contacts.dan, '', 'Partner', '', '', '', '', '', 'yes'],
        ['', 'carol@acme.example.com', '', '', '', '', '', '', 'yes'],
        [ids.people.alice, '', '', '', '', '', '', '', ''],
        ['', 'jordan.blake@ourcompany.example.com', 'Our Company', '', 'Champion', '', '', '', ''],
      ])
    );
    const result = await run(server, ['import', '--map', ids.map, '--file', file]);
    assert.equal(result.code, 1);
    const lines = result.stderr.split('\n');
    const expectLine = (pattern: RegExp) =>
      assert.ok(
        lines.some((l) => pattern.test(l)),
        `expected ${String(pattern)} in:\n${result.stderr}`
      );
    expectLine(
      /^ {2}row 2: Role "Buyer" is not allowed\. Role values: Decision Maker, Economic Buyer, Executive Sponsor/
    );
    expectLine(
      /^ {2}row 2: Stance "Champoin" is not allowed\. Stance values: Champion, Supporter, Neutral, Skeptic, Opponent, Unknown/
    );
    expectLine(/^ {2}row 3: unknown contact: no Contact with the email nobody@nowhere\.example\.com/);
    expectLine(/^ {2}row 4: Vacant "maybe" is not true or false/);
    expectLine(/^ {2}row 4: Last Interaction "2026-02-30" is not a date/);
    expectLine(/^ {2}row 4: Layout X "left" is not a number/);
    expectLine(/^ {2}row 5: Eve Early is already in row 2: one row per person/);
    expectLine(/^ {2}row 6: unknown contact: no Contact 0030000000zzzzz in the org/);
    expectLine(/^ {2}row 8: only one primary contact per map, and row 7 is already primary/);
    expectLine(/^ {2}row 9: Contact Id ".*" is not a Contact Id/);
    expectLine(/Nothing was written: 7 rows of 9 have problems/);
    // Row 7 is fine (the first primary contact), and so is row 10: Jordan is a User, found by
    // email because the side is Our Company.
    assert.ok(!lines.some((l) => l.includes('row 7:') || l.includes('row 10:')));
    assert.deepEqual(server.writes(), []);
  });

  it('reports wrong headers before reading any row', async () => {
    const file = write(
      'people.csv',
      csvText([
        ['Email', 'Stnce', 'Role', 'Role'],
        ['eve@acme.example.com', 'Neutral', '', ''],
      ])
    );
    const result = await run(server, ['import', '--map', ids.map, '--file', file]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /header: unknown column "Stnce" \(column 2\)\. People files take: Map Contact Id, Name, Contact Id, User Id, Email, Side/
    );
    assert.match(result.stderr, /header: column "Role" appears twice \(columns 3 and 4\)/);
    assert.match(result.stderr, /Nothing was written: the file itself has problems/);
    const noIdentity = await run(server, ['import', '--map', ids.map, '--file', write('p2.csv', 'Stance\nNeutral\n')]);
    assert.equal(noIdentity.code, 1);
    assert.match(noIdentity.stderr, /a people file needs a "Contact Id", "User Id" or "Email" column/);
    const broken = await run(server, [
      'import',
      '--map',
      ids.map,
      '--file',
      write('p3.csv', 'Email,Stance\n"eve@acme.example.com,Neutral\n'),
    ]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /not valid CSV/);
    const ragged = await run(server, [
      'import',
      '--map',
      ids.map,
      '--file',
      write('p4.csv', 'Email,Stance\neve@acme.example.com,Neutral,extra\n'),
    ]);
    assert.equal(ragged.code, 1);
    assert.match(ragged.stderr, /line 2: not valid CSV: Invalid Record Length/);
    assert.deepEqual(server.writes(), []);
  });

  it('rejects self links, links to people not on the map, duplicates and bad values in links.csv', async () => {
    const file = write(
      'links.csv',
      csvText([
        ['From Email', 'To Email', 'Type', 'Strength'],
        ['alice@acme.example.com', 'alice@acme.example.com', 'Influences', ''],
        ['eve@acme.example.com', 'alice@acme.example.com', 'Influences', ''],
        ['dan@acme.example.com', 'alice@acme.example.com', 'Ally', 'Huge'],
        ['dan@acme.example.com', 'bob@acme.example.com', 'Ally', ''],
        ['bob@acme.example.com', 'dan@acme.example.com', 'Ally', ''],
        ['dan@acme.example.com', 'gina@globex.example.com', 'Influences', ''],
        ['dan@acme.example.com', 'bob@acme.example.com', '', ''],
      ])
    );
    const result = await run(server, ['import', '--map', ids.map, '--file', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /row 2: links Alice Able to themselves: a person can't influence themselves/);
    assert.match(result.stderr, /row 3: From eve@acme\.example\.com is not on this map: add them to the map first/);
    assert.match(result.stderr, /row 4: Strength "Huge" is not allowed\. Strength values: Strong, Medium, Weak/);
    assert.match(result.stderr, /row 6: the same Ally link as row 5/);
    assert.match(result.stderr, /row 7: To gina@globex\.example\.com is not on this map/);
    assert.match(result.stderr, /row 8: Type is missing/);
    assert.match(result.stderr, /Nothing was written: 6 rows of 7 have problems/);
    assert.deepEqual(server.writes(), []);
  });

  it('saves nothing when the org rejects one row, and says which row and why', async () => {
    server.org.rejectWhen = (objectName, record) =>
      objectName === 'Map_Contact__c' && record.Contact__c === ids.contacts.frank
        ? 'Frank is on legal hold: no new map entries.'
        : undefined;
    const results = path.join(dir, 'results.csv');
    const result = await run(server, ['import', '--map', ids.map, '--file', peopleCsv(), '--results', results]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Nothing was saved: the import is all or nothing, and the org rejected:\n {2}row 3: Frank is on legal hold: no new map entries\. \(FIELD_CUSTOM_VALIDATION_EXCEPTION\)/
    );
    assert.ok(!/row 2:/.test(result.stderr), 'rows only rolled back are not blamed');
    assert.equal(personOnMap(ids.contacts.eve), undefined, 'Eve was rolled back');
    assert.equal(personOnMap(ids.contacts.dan)?.Stance__c, 'Supporter', "Dan's update was rolled back");
    const outcomes = parse<Record<string, string>>(readFileSync(results), { columns: true });
    assert.deepEqual(
      outcomes.map((o) => [o.Row, o.Action, o.Outcome]),
      [
        ['row 2', 'create', 'not saved'],
        ['row 3', 'create', 'failed'],
        ['row 4', 'update', 'not saved'],
        ['row 5', 'unchanged', 'unchanged'],
      ]
    );
  });

  it('loads a large file through the Bulk API in serial mode with a progress bar and lists the rows that failed', async () => {
    const rows: string[][] = [['Email', 'Role', 'Stance']];
    const bulkContacts: string[] = [];
    for (let i = 0; i < 1100; i++) {
      const email = `person${i}@acme.example.com`;
      bulkContacts.push(
        server.org.insert('Contact', { FirstName: 'Person', LastName: String(i), Email: email, AccountId: ids.acme })
      );
      rows.push([email, i % 2 ? 'Influencer' : 'Business User', 'Neutral']);
    }
    rows.push(['dan@acme.example.com', '', 'Skeptic']);
    server.org.rejectWhen = (objectName, record) =>
      objectName === 'Map_Contact__c' && record.Contact__c === bulkContacts[7]
        ? 'Person 7 may not be mapped.'
        : undefined;
    const results = path.join(dir, 'bulk-results.csv');
    const result = await run(server, [
      'import',
      '--map',
      ids.map,
      '--file',
      write('big.csv', csvText(rows)),
      '--results',
      results,
    ]);
    assert.equal(result.code, 1, result.output);
    assert.match(
      result.stdout,
      /1,101 records to write do not fit in one all-or-nothing transaction \(5 batches of 200 records \(1,000 at most\)\), so this import uses the Bulk API in serial mode/
    );
    assert.match(
      result.stderr,
      /Bulk API: 1,100 rows saved, 1 not saved\. Not saved:\n {2}row 9: FIELD_CUSTOM_VALIDATION_EXCEPTION:Person 7 may not be mapped\.\nEvery other row was saved\./
    );
    assert.equal(onMap().length, 7 + 1099);
    assert.equal(personOnMap(bulkContacts[7]), undefined);
    // The update went through its own job; as a Bulk API load the change log says Import.
    assert.equal(personOnMap(ids.contacts.dan)?.Stance__c, 'Skeptic');
    const change = server.org.all('Map_Contact_Change__c').find((c) => c.Map_Contact__c === ids.people.dan);
    assert.equal(change?.Source__c, 'Import');
    // Bulk API 1.0: one job per step (new people, then the update), each asked for serial mode,
    // so batches never run side by side on the map's lock (UNABLE_TO_LOCK_ROW).
    const jobs = [...server.bulkJobs.values()];
    assert.deepEqual(
      jobs.map((j) => [j.object, j.operation, j.concurrencyMode, j.state]),
      [
        ['Map_Contact__c', 'insert', 'Serial', 'Closed'],
        ['Map_Contact__c', 'update', 'Serial', 'Closed'],
      ]
    );
    const created = server.requests.filter((r) => r.method === 'POST' && r.path === '/services/async/65.0/job');
    assert.equal(created.length, 2);
    for (const r of created) assert.match(r.text, /<concurrencyMode>Serial<\/concurrencyMode>/);
    assert.ok(
      !server.requests.some((r) => r.path.includes('/jobs/ingest')),
      'no Bulk API 2.0 job: it runs batches in parallel and has no serial mode'
    );
    const jobRequests = server.requests
      .filter((r) => r.path.startsWith('/services/async/'))
      .map((r) => `${r.method} ${r.path.replace(/750FAKE\w+/, 'JOB').replace(/751FAKE\w+/, 'BATCH')}`);
    assert.deepEqual([...new Set(jobRequests)].sort(), [
      'GET /services/async/65.0/job/JOB/batch/BATCH',
      'GET /services/async/65.0/job/JOB/batch/BATCH/result',
      'POST /services/async/65.0/job',
      'POST /services/async/65.0/job/JOB',
      'POST /services/async/65.0/job/JOB/batch',
    ]);
    const [bar] = result.progress;
    assert.equal(bar.total, 1101);
    assert.ok(
      bar.values.some((v) => v > 0 && v < 1100),
      `progress moved while jobs ran: ${bar.values.join(',')}`
    );
    assert.equal(bar.values.at(-1), 1101);
    assert.ok(bar.stopped);
    const outcomes = parse<Record<string, string>>(readFileSync(results), { columns: true });
    assert.equal(outcomes.filter((o) => o.Outcome === 'saved').length, 1100);
    assert.deepEqual(
      outcomes.filter((o) => o.Outcome === 'failed').map((o) => o.Row),
      ['row 9']
    );
  });

  it('--bulk loads new people and links to them in one run (links find people by Unique_Key__c)', async () => {
    const file = write(
      'export.json',
      JSON.stringify({
        format: 'relationship-maps-export',
        version: 1,
        people: [
          { Id: 'a0B000000000001', Contact__c: ids.contacts.eve, Role__c: 'Procurement' },
          { Id: 'a0B000000000002', Contact__c: ids.contacts.frank, Role__c: 'Influencer' },
          { Id: 'a0B000000000003', Contact__c: null, User__c: null, Name: 'Vacant seat', Is_Vacant__c: true },
        ],
        links: [
          { From__c: 'a0B000000000001', To__c: 'a0B000000000002', Type__c: 'Reports To', Strength__c: 'Strong' },
          { From__c: 'a0B000000000002', To__c: ids.people.alice, Type__c: 'Influences' },
          { From__c: 'a0B000000000003', To__c: ids.people.alice, Type__c: 'Influences' },
        ],
      })
    );
    const result = await run(server, ['import', '--map', ids.map, '--file', file, '--bulk']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /people\[2\]: leave out Vacant seat: a vacant seat without a person/);
    assert.match(result.stdout, /links\[2\]: leave out link/);
    assert.match(result.stdout, /Saved all 4 rows with the Bulk API/);
    const eve = personOnMap(ids.contacts.eve);
    const frank = personOnMap(ids.contacts.frank);
    const links = server.org.all('Influence_Link__c');
    assert.ok(links.some((l) => l.From__c === eve?.Id && l.To__c === frank?.Id && l.Type__c === 'Reports To'));
    assert.ok(links.some((l) => l.From__c === frank?.Id && l.To__c === ids.people.alice));
    const linkUpload = server.requests.find(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/batch') &&
        r.text.startsWith('Relationship_Map__c,From__c,From__r.Unique_Key__c')
    );
    assert.ok(linkUpload, 'links were uploaded with external-Id columns');
  });

  it('stops on an API error and on an expired session, saying what to do and never printing the token', async () => {
    server.failNext((r) => r.path.endsWith('/composite'));
    const failed = await run(server, ['import', '--map', ids.map, '--file', peopleCsv()]);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /import failed: The org refused the request: An unexpected error occurred\. Please include this ErrorId: 12345-67890 \(UNKNOWN_EXCEPTION\)/
    );
    assert.equal(personOnMap(ids.contacts.eve), undefined);

    server.expireSession();
    const expired = await run(server, ['import', '--map', ids.map, '--file', peopleCsv()]);
    assert.equal(expired.code, 1);
    assert.match(
      expired.stderr,
      /session has expired or is not valid \(INVALID_SESSION_ID\)\. Get a fresh access token/
    );
    assert.ok(!expired.output.includes(FAKE_TOKEN));
  });

  it('checks its flags and the file before anything else', async () => {
    const noMap = await run(server, ['import', '--file', peopleCsv()]);
    assert.equal(noMap.code, 2);
    assert.match(noMap.stderr, /--map is required/);
    const missing = await run(server, ['import', '--map', ids.map, '--file', path.join(dir, 'nope.csv')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file/);
    const wrongKind = await run(server, ['import', '--map', ids.map, '--file', write('people.xlsx', 'x')]);
    assert.equal(wrongKind.code, 2);
    assert.match(wrongKind.stderr, /give a \.csv .* or \.json/);
    const typo = await run(server, ['import', '--map', ids.map, '--file', peopleCsv(), '--dryrun']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /Unknown option '--dryrun'/);
    assert.equal(server.requests.length, 0);
    const notJson = await run(server, ['import', '--map', ids.map, '--file', write('x.json', '{"people": []}')]);
    assert.equal(notJson.code, 1);
    assert.match(notJson.stderr, /not a Relationship Maps export/);
  });
});
