import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg, type SmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer } from './harness.ts';

describe('refresh', () => {
  let server: FakeSalesforce;
  let ids: SmallOrg;
  let frankSeat: string;
  beforeEach(async () => {
    server = await startServer();
    ids = buildSmallOrg(server.org);
    frankSeat = server.org.insert('Map_Contact__c', {
      Relationship_Map__c: ids.map,
      Contact__c: ids.contacts.frank,
      Role__c: 'Technical Evaluator',
    });
    // Dan's contact was deleted: the platform cleared the seat's Contact__c.
    server.org.delete('Contact', ids.contacts.dan);
    // Frank's contact sits in the recycle bin while the seat still points at it.
    server.org.setRaw('Contact', ids.contacts.frank, { IsDeleted: true });
    // Carol, a customer, now works for Globex; Pat, a partner, works elsewhere on purpose.
    server.org.setRaw('Contact', ids.contacts.carol, { AccountId: ids.globex });
    // Sam left our company: his User was deactivated.
    server.org.setRaw('User', ids.users.sam, { IsActive: false });
  });
  afterEach(() => server.stop());

  const vacant = () =>
    new Set(
      server.org
        .all('Map_Contact__c')
        .filter((p) => p.Is_Vacant__c === true)
        .map((p) => p.Id)
    );

  it('--dry-run lists the seats of people who left, with the reason, and writes nothing', async () => {
    const result = await run(server, ['refresh', '--dry-run']);
    assert.equal(result.code, 0, result.output);
    const line = (id: string) => result.stdout.split('\n').find((l) => l.includes(id)) ?? '';
    assert.match(line(ids.people.dan), /the person was deleted \(the seat has no Contact or User\)/);
    assert.match(line(frankSeat), /Frank Fresh\s+the Contact is in the recycle bin/);
    assert.match(line(ids.people.carol), /the Contact moved to Globex \(the map is on Acme <Industries> & "Sons"\)/);
    assert.match(line(ids.people.sam), /Sam Gone\s+the User is inactive/);
    for (const stays of [ids.people.pat, ids.people.alice, ids.people.bob, ids.people.jordan])
      assert.equal(line(stays), '');
    assert.match(result.stdout, /Would mark 4 seats vacant\. Nothing was written\./);
    assert.deepEqual(server.writes(), []);
    assert.ok(
      server.requests.some(
        (r) => r.path.endsWith('/queryAll') && (r.query.get('q') ?? '').includes('IsDeleted = true')
      ),
      'the recycle bin was read with queryAll'
    );
  });

  it('marks them vacant, logs each change, and has nothing left to do on the next run', async () => {
    const result = await run(server, ['refresh']);
    assert.equal(result.code, 0, result.output);
    assert.deepEqual(vacant(), new Set([ids.people.dan, frankSeat, ids.people.carol, ids.people.sam]));
    assert.match(result.stdout, /Vacant: Carol <b>Bold<\/b> on "Acme — platform rollout"/);
    assert.match(result.stdout, /Done: 4 marked vacant, 0 failed/);
    const update = server.writes();
    assert.equal(update.length, 1);
    assert.equal(update[0].method, 'PATCH');
    assert.equal(update[0].path, '/services/data/v65.0/composite/sobjects');
    assert.equal((update[0].body as { allOrNone: boolean }).allOrNone, false);
    const changes = server.org.all('Map_Contact_Change__c').filter((c) => c.Field__c === 'Vacant');
    assert.deepEqual(new Set(changes.map((c) => c.Map_Contact__c)), vacant());

    const again = await run(server, ['refresh']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /nothing to mark vacant/);
  });

  it('limits itself to one map or account', async () => {
    const gina = ids.people.gina;
    server.org.setRaw('Contact', ids.contacts.gina, { AccountId: ids.acme });
    const onlyDraft = await run(server, ['refresh', '--map', ids.draftMap]);
    assert.equal(onlyDraft.code, 0, onlyDraft.output);
    assert.deepEqual(vacant(), new Set([gina]));
    const onlyGlobex = await run(server, ['refresh', '--account', ids.globex, '--dry-run']);
    assert.match(onlyGlobex.stdout, /nothing to mark vacant/);
    assert.ok(server.queries().some((q) => q.includes(`Relationship_Map__r.Account__c = '${ids.globex}'`)));
  });

  it('reports a seat the org refused with exit code 1 and still marks the others', async () => {
    server.org.rejectWhen = (objectName, record) =>
      objectName === 'Map_Contact__c' && record.Id === ids.people.sam
        ? 'Record is locked by an approval process.'
        : undefined;
    const result = await run(server, ['refresh']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Not changed: Sam Gone on "Acme — platform rollout": Record is locked by an approval process\. \(FIELD_CUSTOM_VALIDATION_EXCEPTION\)/
    );
    assert.deepEqual(vacant(), new Set([ids.people.dan, frankSeat, ids.people.carol]));
    assert.match(result.stdout, /Done: 3 marked vacant, 1 failed/);
  });

  it('rejects --map together with --account', async () => {
    const result = await run(server, ['refresh', '--map', ids.map, '--account', ids.acme]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Give --account or --map, not both/);
  });
});
