import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPreviewBackend, PreviewApexError, type PreviewBackend } from '../index.ts';
import { checksum, isIdOf, makeId } from '../ids.ts';
import type { MapGraph, MapPerson, MapSummary, PeopleResult, PersonCandidate, SaveResult } from '../types.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const storeFile = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'preview-')), 'store.json');
const open = (options: Partial<Parameters<typeof openPreviewBackend>[0]> = {}): Promise<PreviewBackend> =>
  openPreviewBackend({ storeFile: storeFile(), reset: true, now: () => NOW, ...options });

async function northwind(
  backend: PreviewBackend
): Promise<{ map: MapSummary; graph: MapGraph; person: (name: string) => MapPerson }> {
  const account = backend.accounts().find((a) => a.name.startsWith('Northwind'));
  assert.ok(account, 'the enterprise account');
  const [map] = (await backend.invoke('getMapsForAccount', { accountId: account.id })) as MapSummary[];
  assert.ok(map);
  const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
  const person = (name: string): MapPerson => graph.people.find((p) => p.name === name) ?? assert.fail(`no ${name}`);
  return { map, graph, person };
}

/** The Apex error a call is refused with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PreviewApexError, `a PreviewApexError, got ${String(error)}`);
    assert.equal(error.body.message, error.message);
    return error.message;
  }
  return assert.fail('the call was expected to fail');
}

describe('Ids', () => {
  test('look like Salesforce Ids: 18 characters, key prefix, case-safe checksum', () => {
    const id = makeId('Contact', 12345);
    assert.equal(id.length, 18);
    assert.ok(id.startsWith('003'));
    assert.ok(isIdOf('Contact', id));
    assert.ok(!isIdOf('Account', id));
    // A known pair from the platform: 001A0000006Vm9r → 001A0000006Vm9rIAC.
    assert.equal(checksum('001A0000006Vm9r'), 'IAC');
  });
});

describe('reading a map', () => {
  test('the sample account lists its map with the picker counts, and the graph has everyone and every link', async () => {
    const backend = await open();
    const { map, graph } = await northwind(backend);
    assert.equal(map.status, 'Active');
    assert.equal(graph.people.length, 50);
    assert.equal(map.peopleCount, graph.people.filter((p) => !p.excluded).length);
    assert.equal(map.decisionMakerCount, graph.people.filter((p) => !p.excluded && p.isDecisionMaker).length);
    assert.ok(map.unsupportedDecisionMakerCount >= 2);
    assert.ok(graph.links.length >= 90);
    assert.equal(graph.canEdit, true);
    assert.ok(
      graph.links.every((l) => graph.people.some((p) => p.id === l.fromId) && graph.people.some((p) => p.id === l.toId))
    );
  });

  test('an account without maps has none; an unknown map is refused with the Apex sentence', async () => {
    const backend = await open();
    const harbor = backend.accounts().find((a) => a.name.startsWith('Harbor'));
    assert.ok(harbor);
    assert.deepEqual(await backend.invoke('getMapsForAccount', { accountId: harbor.id }), []);
    const message = await refusal(backend.invoke('loadMapGraph', { mapId: makeId('Relationship_Map__c', 999) }));
    assert.match(message, /deleted, or you don't have access/);
    assert.match(await refusal(backend.invoke('loadMapGraph', { mapId: 'nonsense' })), /isn't a valid record Id/);
    assert.match(await refusal(backend.invoke('dropTables', {})), /no method "dropTables"/);
  });

  test('read-only users see the map with canEdit false and every change is refused', async () => {
    const backend = await open({ permission: 'read-only' });
    const { graph, person } = await northwind(backend);
    assert.equal(graph.canEdit, false);
    const message = await refusal(
      backend.invoke('updatePerson', { personId: person('Carlos Mendes').id, changes: { stance: 'Neutral' } })
    );
    assert.match(message, /don't have permission/);
  });
});

describe('editing people', () => {
  test('a stance change is saved, dated and logged as an Edit with old → new', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const dieter = person('Dieter Vogel');
    const saved = (await backend.invoke('updatePerson', {
      personId: dieter.id,
      changes: { stance: 'Skeptic' },
    })) as MapPerson;
    assert.equal(saved.stance, 'Skeptic');
    assert.equal(saved.stanceChangedAt, NOW.toISOString());
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    const [change] = graph.changes.filter((c) => c.personId === dieter.id);
    assert.deepEqual(
      {
        field: change?.field,
        oldValue: change?.oldValue,
        newValue: change?.newValue,
        source: change?.source,
        by: change?.changedByName,
      },
      { field: 'Stance', oldValue: 'Opponent', newValue: 'Skeptic', source: 'Edit', by: 'Jordan Blake' }
    );
  });

  test('bad values are all reported at once and nothing is saved', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const carlos = person('Carlos Mendes');
    const message = await refusal(
      backend.invoke('updatePerson', {
        personId: carlos.id,
        changes: { stance: 'Fan', lastInteraction: '2026-02-30', nickname: 'C' },
      })
    );
    assert.match(message, /^Nothing was saved for Carlos Mendes\./);
    assert.match(
      message,
      /Stance: "Fan" isn't one of the choices \(Champion, Supporter, Neutral, Skeptic, Opponent, Unknown\)\./
    );
    assert.match(message, /Last Interaction: "2026-02-30" isn't a date/);
    assert.match(message, /"nickname" can't be changed here\./);
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(graph.people.find((p) => p.id === carlos.id)?.stance, 'Champion', 'unchanged');
    assert.equal(graph.changes.filter((c) => c.personId === carlos.id).length, 0, 'nothing logged');
  });

  test('a new primary contact replaces the old one', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    await backend.invoke('updatePerson', { personId: person('Priya Raman').id, changes: { isPrimaryContact: true } });
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.deepEqual(
      graph.people.filter((p) => p.isPrimaryContact).map((p) => p.name),
      ['Priya Raman']
    );
  });

  test('excluding trims a person from the counts; restoring brings them back', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const result = (await backend.invoke('setPeopleExcluded', {
      mapId: map.id,
      personIds: [person("Kevin O'Brien").id],
      excluded: true,
    })) as SaveResult;
    assert.equal(result.savedIds.length, 1);
    const [after] = (await backend.invoke('getMapsForAccount', { accountId: map.accountId })) as MapSummary[];
    assert.equal(after?.peopleCount, map.peopleCount - 1);
  });
});

describe('calls', () => {
  test('logging a call creates a Task, updates stance and sentiment, and logs both with source Call Log', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const marcus = person('Marcus Whitfield');
    const taskId = (await backend.invoke('logCall', {
      personId: marcus.id,
      subject: 'Budget call',
      comments: null,
      stance: 'Neutral',
      sentiment: 'Positive',
    })) as string;
    assert.ok(isIdOf('Task', taskId));
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    const after = graph.people.find((p) => p.id === marcus.id);
    assert.equal(after?.stance, 'Neutral');
    assert.equal(after?.sentiment, 'Positive');
    assert.equal(after?.lastInteraction, '2026-11-23');
    const logged = graph.changes.filter((c) => c.personId === marcus.id);
    assert.deepEqual(logged.map((c) => [c.field, c.source, c.activityId]).sort(), [
      ['Sentiment', 'Call Log', taskId],
      ['Stance', 'Call Log', taskId],
    ]);
  });

  test('an invalid stance on a call is refused and nothing changes', async () => {
    const backend = await open();
    const { person } = await northwind(backend);
    const message = await refusal(
      backend.invoke('logCall', { personId: person('Marcus Whitfield').id, stance: 'Fan' })
    );
    assert.match(message, /Stance: "Fan" isn't one of the choices/);
  });
});

describe('links', () => {
  test('a new link is saved; self links, duplicates (either way for Ally) and cross-map links are refused per row', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const carlos = person('Carlos Mendes').id;
    const marcus = person('Marcus Whitfield').id;
    const lukas = person('Lukas Meier').id;
    const bluefin = backend.accounts().find((a) => a.name.startsWith('Bluefin'));
    const [otherMap] = (await backend.invoke('getMapsForAccount', { accountId: bluefin?.id })) as MapSummary[];
    const other = ((await backend.invoke('loadMapGraph', { mapId: otherMap?.id })) as MapGraph).people[0]?.id;
    const result = (await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [
        { fromId: carlos, toId: marcus, type: 'Influences', strength: 'Weak' },
        { fromId: carlos, toId: carlos },
        { fromId: lukas, toId: carlos, type: 'Ally' },
        { fromId: carlos, toId: other },
        { fromId: carlos, toId: lukas, type: 'Best Friends' },
      ],
    })) as SaveResult;
    assert.equal(result.savedIds.length, 1);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.message]),
      [
        [1, "A person can't be linked to themselves. Choose two different people."],
        [2, 'These two people already have an Ally link (either way).'],
        [3, "Both people must be on this map. Links can't cross maps, and a deleted person can't be linked."],
        [4, 'Type: "Best Friends" isn\'t one of the choices (Reports To, Influences, Ally, Conflict, Relationship).'],
      ]
    );
    const again = (await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [{ fromId: carlos, toId: marcus, type: 'Influences' }],
    })) as SaveResult;
    assert.equal(again.errors[0]?.message, 'These two people already have a link of this type.');
  });

  test('deleting needs the Admin permission set; admins delete', async () => {
    const user = await open();
    const { map, graph } = await northwind(user);
    const linkId = graph.links[0]?.id;
    assert.match(
      await refusal(user.invoke('deleteLinks', { mapId: map.id, linkIds: [linkId] })),
      /Relationship Maps Admin permission set/
    );
    assert.match(
      await refusal(user.invoke('deletePeople', { mapId: map.id, personIds: [graph.people[0]?.id] })),
      /Exclude them instead/
    );
    const admin = await open({ permission: 'admin' });
    const adminMap = await northwind(admin);
    const result = (await admin.invoke('deleteLinks', {
      mapId: adminMap.map.id,
      linkIds: [adminMap.graph.links[0]?.id],
    })) as SaveResult;
    assert.equal(result.savedIds.length, 1);
  });
});

describe('maps and people', () => {
  test('creating a map with "include everyone" places the contacts and the owner with Reports To links', async () => {
    const backend = await open();
    const harbor = backend.accounts().find((a) => a.name.startsWith('Harbor'));
    const refused = await refusal(backend.invoke('createMap', { newMap: { accountId: harbor?.id, goal: '' } }));
    assert.match(refused, /Enter the map's goal/);
    const created = (await backend.invoke('createMap', {
      newMap: { accountId: harbor?.id, goal: 'Win the EHR integration deal', includeEveryone: true },
    })) as {
      summary: MapSummary;
      people: SaveResult;
    };
    assert.equal(created.summary.status, 'Draft');
    assert.equal(created.people.savedIds.length, 4, '3 contacts + the account owner');
    const graph = (await backend.invoke('loadMapGraph', { mapId: created.summary.id })) as MapGraph;
    assert.deepEqual(
      graph.people.filter((p) => p.side === 'Our Company').map((p) => p.name),
      ['Jordan Blake']
    );
  });

  test('search offers people not yet on the map; adding reports duplicates per row and derives Reports To links', async () => {
    const backend = await open();
    const bluefin = backend.accounts().find((a) => a.name.startsWith('Bluefin'));
    const [map] = (await backend.invoke('getMapsForAccount', { accountId: bluefin?.id })) as MapSummary[];
    assert.deepEqual(
      await backend.invoke('searchPeople', { mapId: map?.id, searchText: '' }),
      [],
      'everyone at Bluefin is on its map'
    );
    const users = (await backend.invoke('searchPeople', { mapId: map?.id, searchText: 'pr' })) as PersonCandidate[];
    assert.deepEqual(
      users.map((u) => [u.name, u.side]),
      [['Priya Shah', 'Our Company']]
    );
    const graph = (await backend.invoke('loadMapGraph', { mapId: map?.id })) as MapGraph;
    const onMap = graph.people.find((p) => p.contactId)?.contactId;
    const result = (await backend.invoke('addPeople', {
      mapId: map?.id,
      people: [
        { recordId: users[0]?.recordId },
        { recordId: users[0]?.recordId },
        { recordId: onMap },
        { recordId: users[0]?.recordId, side: 'Customer' },
      ],
    })) as PeopleResult;
    assert.equal(result.people.savedIds.length, 1);
    assert.deepEqual(
      result.people.errors.map((e) => e.message),
      ['Listed twice: added once.', 'Already on this map.', 'Listed twice: added once.']
    );
  });

  test('positions are pinned with 2 decimals and unpinned with blanks', async () => {
    const backend = await open();
    const { map, person } = await northwind(backend);
    const id = person('Aisha Bello').id;
    await backend.invoke('savePositions', {
      mapId: map.id,
      positions: [{ personId: id, layoutX: 10.126, layoutY: -5 }],
    });
    let graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.deepEqual(
      [graph.people.find((p) => p.id === id)?.layoutX, graph.people.find((p) => p.id === id)?.layoutY],
      [10.13, -5]
    );
    await backend.invoke('savePositions', {
      mapId: map.id,
      positions: [{ personId: id, layoutX: null, layoutY: null }],
    });
    graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(graph.people.find((p) => p.id === id)?.layoutX, null);
  });
});

describe('the store file', () => {
  test('changes persist across reopening; reset goes back to the sample data', async () => {
    const file = storeFile();
    const first = await openPreviewBackend({ storeFile: file, reset: true, now: () => NOW });
    const { person } = await northwind(first);
    await first.invoke('updatePerson', { personId: person('Olivia Grant').id, changes: { stance: 'Supporter' } });
    const reopened = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.equal((await northwind(reopened)).person('Olivia Grant').stance, 'Supporter');
    await reopened.reset();
    assert.equal((await northwind(reopened)).person('Olivia Grant').stance, 'Neutral');
    const again = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.equal((await northwind(again)).person('Olivia Grant').stance, 'Neutral', 'the reset was written');
  });

  test('an unreadable or old file is replaced by the sample data, with a notice', async () => {
    const file = storeFile();
    writeFileSync(file, '{ not json');
    const backend = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.match(backend.notice ?? '', /could not be read/);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version, 1);
  });

  test('a synthetic account of 1,000 people loads', async () => {
    const backend = await open({ synthetic: { people: 1000, seed: 3 } });
    const synthetic = backend.accounts().find((a) => a.name.startsWith('Synthetic'));
    const [map] = (await backend.invoke('getMapsForAccount', { accountId: synthetic?.id })) as MapSummary[];
    const graph = (await backend.invoke('loadMapGraph', { mapId: map?.id })) as MapGraph;
    assert.equal(graph.people.length, 1000);
    assert.ok(graph.links.length > 2500);
  });
});
