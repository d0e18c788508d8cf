import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fieldsOf, loadSampleData, type TreeRecord } from '../../data/sampleData.ts';
import type { FakeSalesforce } from './fake/server.ts';
import { TODAY, run, startServer } from './harness.ts';

const sample = loadSampleData();
const ref = (r: TreeRecord) => r.attributes.referenceId;
const refsOf = (r: TreeRecord) =>
  Object.values(fieldsOf(r))
    .filter((v): v is string => typeof v === 'string' && v.startsWith('@'))
    .map((v) => v.slice(1));
const countOf = (type: string) => sample.records.filter((r) => r.attributes.type === type).length;
const activities = sample.activities ?? [];
/** The sample's activities whose owner seed finds (not one of the missing users). */
const loadableActivities = (missing: Set<string>) =>
  activities.filter((a) => !missing.has(String(fieldsOf(a).OwnerId).slice(1)));

/** Our team in the org: two by email, one by name (another email), one inactive, the rest missing. */
function addTeam(server: FakeSalesforce): { missing: Set<string> } {
  const [first, second, third, fourth, fifth] = sample.team.users.map((u) => fieldsOf(u));
  const user = (f: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    server.org.insert('User', {
      FirstName: f.FirstName,
      LastName: f.LastName,
      Email: f.Email,
      IsActive: true,
      ...overrides,
    });
  user(first);
  user(second);
  user(third, { Email: 'renamed@ourcompany.example.com' });
  user(fourth, { IsActive: false });
  void fifth;
  return { missing: new Set(sample.team.users.slice(3).map(ref)) };
}

/** Team rows and links that cannot load because they need a missing user. */
function skippedTeamRecords(missing: Set<string>): { people: number; links: number } {
  const skippedPeople = new Set(sample.team.people.filter((p) => refsOf(p).some((r) => missing.has(r))).map(ref));
  const links = sample.team.links.filter((l) => refsOf(l).some((r) => skippedPeople.has(r))).length;
  return { people: skippedPeople.size, links };
}

describe('seed', () => {
  let server: FakeSalesforce;
  beforeEach(async () => {
    server = await startServer();
    server.pageSize = 50;
  });
  afterEach(() => server.stop());

  it('loads the sample data, matches our team to active Users, and a second run creates nothing', async () => {
    const { missing } = addTeam(server);
    const usersBefore = server.org.all('User').length;
    const first = await run(server, ['seed']);
    assert.equal(first.code, 0, first.output);
    const skipped = skippedTeamRecords(missing);
    const teamPeople = sample.team.people.length - skipped.people;
    const teamLinks = sample.team.links.length - skipped.links;
    assert.equal(server.org.all('Account').length, countOf('Account'));
    assert.equal(server.org.all('Contact').length, countOf('Contact'));
    assert.equal(server.org.all('Relationship_Map__c').length, countOf('Relationship_Map__c'));
    assert.equal(server.org.all('Map_Contact__c').length, countOf('Map_Contact__c') + teamPeople);
    assert.equal(server.org.all('Influence_Link__c').length, countOf('Influence_Link__c') + teamLinks);
    assert.equal(server.org.all('User').length, usersBefore, 'seed never creates Users');
    const [, , , kdoyle, soduya] = sample.team.users.map((u) => fieldsOf(u));
    assert.match(
      first.stdout,
      new RegExp(
        `Skipped our-team user ${String(kdoyle.FirstName)} ${String(kdoyle.LastName)} <${String(kdoyle.Email)}>: no active User in the org`
      )
    );
    assert.match(
      first.stdout,
      new RegExp(`Skipped our-team user ${String(soduya.FirstName)} ${String(soduya.LastName)}`)
    );
    const loaded = loadableActivities(missing);
    const created =
      loaded.length +
      countOf('Account') +
      countOf('Contact') +
      countOf('Relationship_Map__c') +
      countOf('Map_Contact__c') +
      countOf('Influence_Link__c') +
      teamPeople +
      teamLinks;
    assert.match(
      first.stdout,
      new RegExp(
        `Done: ${created} created, 3 already there, ${missing.size + skipped.people + skipped.links + activities.length - loaded.length} skipped, 0 failed\\.`
      )
    );

    // References resolved: a contact's manager, and a person's contact.
    const byRef = new Map(sample.records.map((r) => [ref(r), fieldsOf(r)]));
    const seeded = (email: unknown) => server.org.all('Contact').find((c) => c.Email === email);
    const report = sample.records.find((r) => r.attributes.type === 'Contact' && fieldsOf(r).ReportsToId);
    assert.ok(report, 'the sample has a reporting line');
    const manager = byRef.get(String(fieldsOf(report).ReportsToId).slice(1));
    assert.equal(seeded(fieldsOf(report).Email)?.ReportsToId, seeded(manager?.Email)?.Id);
    // Dates moved by the days between the sample's "as of" day and today (sample is unshifted).
    const days = Math.round(
      (Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth(), TODAY.getUTCDate()) -
        Date.parse(`${sample.meta.asOf}T00:00:00Z`)) /
        86_400_000
    );
    const dated = sample.records.find(
      (r) =>
        r.attributes.type === 'Map_Contact__c' &&
        typeof fieldsOf(r).Last_Interaction__c === 'string' &&
        fieldsOf(r).Contact__c
    );
    assert.ok(dated, 'the sample has a dated person');
    const shifted = new Date(Date.parse(`${String(fieldsOf(dated).Last_Interaction__c)}T00:00:00Z`) + days * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const contact = seeded(byRef.get(String(fieldsOf(dated).Contact__c).slice(1))?.Email);
    assert.equal(
      server.org.all('Map_Contact__c').find((p) => p.Contact__c === contact?.Id)?.Last_Interaction__c,
      shifted
    );
    assert.notEqual(shifted, fieldsOf(dated).Last_Interaction__c);

    const writesBefore = server.writes().length;
    const second = await run(server, ['seed']);
    assert.equal(second.code, 0, second.output);
    assert.match(second.stdout, /Done: 0 created, /);
    assert.equal(server.writes().length, writesBefore, 'the second run writes nothing');
    assert.equal(server.org.all('Map_Contact__c').length, countOf('Map_Contact__c') + teamPeople);
    assert.equal(server.org.all('Task').length + server.org.all('Event').length, loaded.length);
  });

  it("loads the sample's calls, meetings and emails on the seeded contacts, owned by our matched users, closed with the org's status", async () => {
    const { missing } = addTeam(server);
    // The org's first closed status (by sort order) is its own name, not "Completed".
    server.org.insert('TaskStatus', { ApiName: 'Logged', MasterLabel: 'Logged', IsClosed: true, SortOrder: 0 });
    const shifted = loadSampleData(undefined, TODAY);
    const sampleByRef = new Map(
      [...shifted.records, ...shifted.team.users, ...(shifted.activities ?? [])].map((r) => [ref(r), fieldsOf(r)])
    );
    const first = await run(server, ['seed']);
    assert.equal(first.code, 0, first.output);

    const loaded = loadableActivities(missing);
    const expectedTasks = loaded.filter((a) => a.attributes.type === 'Task').length;
    const expectedEvents = loaded.filter((a) => a.attributes.type === 'Event').length;
    assert.ok(expectedTasks > 0 && expectedEvents > 0, 'the sample has calls or emails and meetings of found users');
    assert.ok(loaded.length < activities.length, 'and activities of users the org does not have');
    const tasks = server.org.all('Task');
    const events = server.org.all('Event');
    assert.equal(tasks.length, expectedTasks);
    assert.equal(events.length, expectedEvents);
    assert.match(
      first.stdout,
      new RegExp(
        `^Task\\s+0\\s+${expectedTasks}\\s+${activities.filter((a) => a.attributes.type === 'Task').length - expectedTasks}\\s+0$`,
        'm'
      )
    );
    assert.match(first.stdout, /their map rows, links and activities are skipped too/);

    const users = server.org.all('User');
    const contacts = server.org.all('Contact');
    for (const activity of [...tasks, ...events]) {
      const key = /\[sample:([^\]]+)\]/.exec(String(activity.Description))?.[1];
      const sampleRecord = key === undefined ? undefined : sampleByRef.get(key);
      assert.ok(sampleRecord, `${activity.Id} carries its sample key: ${String(activity.Description)}`);
      const owner = sampleByRef.get(String(sampleRecord.OwnerId).slice(1));
      const contact = sampleByRef.get(String(sampleRecord.WhoId).slice(1));
      const seededOwner = users.find((u) => u.FirstName === owner?.FirstName && u.LastName === owner?.LastName);
      const seededContact = contacts.find((c) => c.Email === contact?.Email);
      assert.equal(activity.OwnerId, seededOwner?.Id, `${key} is owned by the matched user`);
      assert.equal(activity.WhoId, seededContact?.Id, `${key} is on the seeded contact`);
      assert.equal(activity.WhatId, seededContact?.AccountId, `${key} is on the contact's account`);
      assert.equal(activity.ActivityDate, sampleRecord.ActivityDate, `${key} keeps the sample's day, moved to today`);
      assert.equal(activity.Subject, sampleRecord.Subject);
      assert.ok(!missing.has(String(sampleRecord.OwnerId).slice(1)), `${key}: no activity of a missing user`);
    }
    for (const task of tasks) {
      assert.equal(task.Status, 'Logged', "calls and emails are closed with the org's default closed status");
      assert.ok(task.TaskSubtype === 'Call' || task.TaskSubtype === 'Email', String(task.TaskSubtype));
    }
    for (const event of events) assert.equal(event.IsAllDayEvent, true, 'the sample meetings are all-day');

    const writesBefore = server.writes().length;
    const second = await run(server, ['seed']);
    assert.equal(second.code, 0, second.output);
    assert.match(second.stdout, /Done: 0 created, /);
    assert.match(second.stdout, new RegExp(`^Task\\s+${expectedTasks}\\s+0\\s+`, 'm'));
    assert.match(second.stdout, new RegExp(`^Event\\s+${expectedEvents}\\s+0\\s+`, 'm'));
    assert.equal(server.writes().length, writesBefore, 'the second run inserts no activity');
    assert.equal(server.org.all('Task').length, expectedTasks);
    assert.equal(server.org.all('Event').length, expectedEvents);
  });

  it('finds again an activity a rep edited, and loads one that was deleted', async () => {
    addTeam(server);
    await run(server, ['seed']);
    const [edited, deleted] = server.org.all('Task');
    server.org.setRaw('Task', edited.Id, {
      Subject: 'Call: renamed by a rep',
      Description: `Notes from the call.\n\n${String(edited.Description)}`,
    });
    server.org.delete('Task', deleted.Id);
    const before = server.org.all('Task').length;
    const again = await run(server, ['seed']);
    assert.equal(again.code, 0, again.output);
    assert.match(again.stdout, /Done: 1 created, /);
    assert.equal(server.org.all('Task').length, before + 1);
  });

  it('--dry-run finds what exists and writes nothing', async () => {
    addTeam(server);
    const account = fieldsOf(sample.records.find((r) => r.attributes.type === 'Account') ?? sample.records[0]);
    server.org.insert('Account', { Name: account.Name });
    const result = await run(server, ['seed', '--dry-run']);
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /Dry run: would create \d+; 4 already there/);
    assert.match(result.stdout, /^Task\s+0\s+[1-9]\d*\s+/m, 'the preview counts the calls and emails it would load');
    assert.match(result.stdout, /^Event\s+0\s+[1-9]\d*\s+/m);
    assert.deepEqual(server.writes(), []);
  });

  it('creates only what is missing after a failed run, and reports the failure with exit code 1', async () => {
    addTeam(server);
    const victim = fieldsOf(
      sample.records.find((r) => r.attributes.type === 'Contact' && r !== sample.records[0]) ?? sample.records[0]
    );
    server.org.rejectWhen = (objectName, record) =>
      objectName === 'Contact' && record.Email === victim.Email
        ? 'Duplicate rule: this contact looks like an existing one.'
        : undefined;
    const failed = await run(server, ['seed']);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /Failed: Contact .*: Duplicate rule: this contact looks like an existing one\. \(FIELD_CUSTOM_VALIDATION_EXCEPTION\)/
    );
    assert.match(failed.stdout, /, 1 failed\.$/m);
    assert.equal(
      server.org.all('Contact').find((c) => c.Email === victim.Email),
      undefined
    );
    // Whatever refers to the failed contact (reports, map rows, links) waits for the next run.
    assert.ok(server.org.all('Contact').length < countOf('Contact'));

    server.org.rejectWhen = () => undefined;
    const retry = await run(server, ['seed']);
    assert.equal(retry.code, 0, retry.output);
    assert.equal(server.org.all('Contact').length, countOf('Contact'));
    assert.match(retry.stdout, /Done: [1-9]\d* created/);
    const third = await run(server, ['seed']);
    assert.match(third.stdout, /Done: 0 created/);
  });
});
