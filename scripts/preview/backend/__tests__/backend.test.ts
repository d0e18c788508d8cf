import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { openPreviewBackend, PreviewApexError, type PreviewBackend, type PreviewBackendOptions } from '../index.ts';
import { checksum } from '../../../shared/ids.ts';
import { isIdOf, makeId } from '../ids.ts';
import { STORE_VERSION, type StoreData } from '../store.ts';
import type {
  CreateMapResult,
  EveryoneCount,
  MapEvidence,
  MapGraph,
  MapPerson,
  MapSummary,
  PeopleResult,
  PersonCandidate,
  PersonChange,
  SaveResult,
} from '../../../shared/controllerTypes.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const TODAY = '2026-11-23';
const ACCESS_HINT = 'Ask your Salesforce admin for the Relationship Maps User permission set.';
const newStoreFile = (): string => path.join(mkdtempSync(path.join(tmpdir(), 'preview-')), 'store.json');
const open = (options: Partial<PreviewBackendOptions> = {}): Promise<PreviewBackend> =>
  openPreviewBackend({ storeFile: newStoreFile(), reset: true, now: () => NOW, ...options });

interface Fixture {
  backend: PreviewBackend;
  map: MapSummary;
  graph: MapGraph;
  person: (name: string) => MapPerson;
  reload: () => Promise<MapGraph>;
  changesOf: (graph: MapGraph, personId: string) => PersonChange[];
}

/** The sample's map on the account whose name starts with `account`. */
async function mapOf(backend: PreviewBackend, account = 'Northwind'): Promise<Fixture> {
  const found = backend.accounts().find((a) => a.name.startsWith(account));
  assert.ok(found, `the ${account} account`);
  const [map] = (await backend.invoke('getMapsForAccount', { accountId: found.id })) as MapSummary[];
  assert.ok(map, `a map on ${account}`);
  const reload = async (): Promise<MapGraph> => (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
  const graph = await reload();
  const person = (name: string): MapPerson => graph.people.find((p) => p.name === name) ?? assert.fail(`no ${name}`);
  const changesOf = (g: MapGraph, personId: string): PersonChange[] => g.changes.filter((c) => c.personId === personId);
  return { backend, map, graph, person, reload, changesOf };
}

/** The sentence a call is refused with (a PreviewApexError, as the component receives it). */
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

describe('Ids and parameters', () => {
  test('Ids look like Salesforce Ids: 18 characters, key prefix, case-safe checksum', () => {
    const id = makeId('Contact', 12345);
    assert.equal(id.length, 18);
    assert.ok(id.startsWith('003') && isIdOf('Contact', id) && !isIdOf('Account', id));
    // A pair from a real org: 001A0000006Vm9r → 001A0000006Vm9rIAC.
    assert.equal(checksum('001A0000006Vm9r'), 'IAC');
  });

  test('the same sample gives the same Ids on every machine', async () => {
    const [a, b] = [await open(), await open()];
    assert.deepEqual(
      a.accounts().map((x) => x.id),
      b.accounts().map((x) => x.id)
    );
    assert.ok(a.accounts().every((x) => isIdOf('Account', x.id)));
  });

  test('unknown methods, unknown parameters and values that do not fit the Apex type are refused', async () => {
    const backend = await open();
    const { map } = await mapOf(backend);
    assert.match(await refusal(backend.invoke('dropTables', {})), /has no method "dropTables"/);
    assert.match(
      await refusal(backend.invoke('loadMapGraph', { mapID: map.id })),
      /loadMapGraph has no parameter "mapID"; its parameters are mapId/
    );
    assert.match(
      await refusal(backend.invoke('loadMapGraph', { mapId: 'nonsense' })),
      /^Value provided is invalid for action parameter 'mapId' of type 'Id'/
    );
    assert.match(
      await refusal(backend.invoke('setPeopleExcluded', { mapId: map.id, personIds: [], excluded: 'yes' })),
      /action parameter 'excluded' of type 'Boolean'/
    );
    assert.match(
      await refusal(backend.invoke('saveLinks', { mapId: map.id, links: [{ from: 'x' }] })),
      /'links' of type 'List<RelationshipMapDtos.LinkInput>' \(links\[0\]: RelationshipMapDtos.LinkInput has no property "from"\)/
    );
    assert.match(await refusal(backend.invoke('loadMapGraph', [] as never)), /must be a JSON object/);
  });

  test('a 15-character Id works like its 18-character form; an Id of another object finds no map', async () => {
    const backend = await open();
    const { map } = await mapOf(backend);
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id.slice(0, 15) })) as MapGraph;
    assert.equal(graph.summary.id, map.id);
    assert.match(
      await refusal(backend.invoke('loadMapGraph', { mapId: map.accountId })),
      /^This relationship map was deleted, or you don't have access to it\./
    );
    assert.match(await refusal(backend.invoke('loadMapGraph', {})), /^Choose a relationship map first\.$/);
    assert.equal(
      await refusal(backend.invoke('getMapsForAccount', { accountId: '' })),
      'Choose an account to see its relationship maps.'
    );
    assert.deepEqual(await backend.invoke('getMapsForAccount', { accountId: map.id }), [], 'not an account: no maps');
  });
});

describe('the sample data, as the map reads it', () => {
  test('the enterprise map: ~45 people and our team, ~90 links of every type, the picker counts', async () => {
    const { map, graph } = await mapOf(await open());
    assert.equal(map.status, 'Active');
    assert.ok(graph.people.length >= 47 && graph.people.length <= 55, `people: ${graph.people.length}`);
    assert.equal(graph.people.filter((p) => p.side === 'Our Company').length, 5);
    assert.ok(graph.links.length >= 85, `links: ${graph.links.length}`);
    assert.deepEqual(
      new Set(graph.links.map((l) => l.type)),
      new Set(['Reports To', 'Influences', 'Ally', 'Conflict', 'Relationship'])
    );
    const active = graph.people.filter((p) => !p.excluded);
    const deciders = active.filter((p) => p.isDecisionMaker);
    assert.equal(map.peopleCount, active.length);
    assert.equal(map.decisionMakerCount, deciders.length);
    assert.equal(
      map.unsupportedDecisionMakerCount,
      deciders.filter((p) => p.stance !== 'Champion' && p.stance !== 'Supporter').length
    );
    assert.ok(
      deciders.some((p) => p.stance === 'Opponent'),
      'an opposing decision maker'
    );
    assert.equal(graph.people.filter((p) => p.isVacant).length, 1, 'a vacant seat');
    const stale = graph.people.filter((p) => p.lastInteraction && p.lastInteraction < '2026-08-25');
    assert.ok(stale.length >= 3, 'people not contacted for over 90 days, relative to today');
    assert.equal(graph.people.filter((p) => p.isPrimaryContact).length, 1);
    assert.equal(graph.canEdit, true);
    assert.equal(graph.canDelete, false, 'Relationship_Maps_User does not delete: the map offers Trim only');
    const ids = new Set(graph.people.map((p) => p.id));
    assert.ok(graph.links.every((l) => ids.has(l.fromId ?? '') && ids.has(l.toId ?? '')));
  });

  test('every map has one primary contact; the empty account has no map; names with markup are plain data', async () => {
    const backend = await open();
    const bluefin = await mapOf(backend, 'Bluefin');
    assert.equal(bluefin.graph.people.filter((p) => p.isPrimaryContact).length, 1);
    assert.ok(bluefin.graph.people.some((p) => p.name.includes('<img')));
    const harbor = backend.accounts().find((a) => a.name.startsWith('Harbor'));
    assert.deepEqual(await backend.invoke('getMapsForAccount', { accountId: harbor?.id }), []);
    assert.equal(harbor?.mapCount, 0);
  });

  test('answers leave null properties out, as Aura does', async () => {
    const { graph } = await mapOf(await open());
    const vacant = graph.people.find((p) => p.isVacant) as MapPerson;
    assert.ok(!('contactId' in vacant) && !('userId' in vacant) && !('lastInteraction' in vacant));
    assert.ok(graph.people.every((p) => Object.values(p).every((v) => v !== null)));
  });

  test('the switcher lists the accounts with owner and counts; the preview user is one of our team', async () => {
    const backend = await open();
    const accounts = backend.accounts();
    assert.deepEqual(
      accounts.map((a) => a.name),
      ['Northwind Manufacturing Group', 'Bluefin Logistics', 'Harbor Health Partners', 'Meridian Consulting']
    );
    assert.equal(accounts[0]?.ownerName, 'Jordan Blake');
    assert.equal(accounts[0]?.industry, 'Manufacturing');
    assert.deepEqual(backend.currentUser().name, 'Jordan Blake');
    assert.ok(isIdOf('User', backend.currentUser().id));
  });
});

describe('editing a person', () => {
  test('a stance change is saved, dated and logged as an Edit by the user, old → new', async () => {
    const { backend, person, reload, changesOf } = await mapOf(await open());
    const dieter = person('Dieter Vogel');
    const saved = (await backend.invoke('updatePerson', {
      personId: dieter.id,
      changes: { stance: 'Skeptic' },
    })) as MapPerson;
    assert.equal(saved.stance, 'Skeptic');
    assert.equal(saved.stanceChangedAt, NOW.toISOString());
    const [change] = changesOf(await reload(), dieter.id);
    assert.deepEqual(
      [change?.field, change?.oldValue, change?.newValue, change?.source, change?.changedByName, change?.changedAt],
      ['Stance', 'Opponent', 'Skeptic', 'Edit', 'Jordan Blake', NOW.toISOString()]
    );
  });

  test('every followed field is logged (Vacant as Yes/No); other fields change without a log entry', async () => {
    const { backend, person, reload, changesOf } = await mapOf(await open());
    const kevin = person("Kevin O'Brien");
    await backend.invoke('updatePerson', {
      personId: kevin.id,
      changes: {
        role: 'Decision Maker',
        authority: 'High',
        coverage: 'Regular',
        goalImpact: 'Loses',
        title: 'VP Plants North America',
        isVacant: true,
        sentiment: 'Negative',
        ourAssessment: 'Promoted; now decides for the Ohio plants.',
        preferredChannel: 'Phone',
      },
    });
    const graph = await reload();
    const logged = changesOf(graph, kevin.id);
    assert.equal(logged.length, 5, 'the latest five of the seven entries');
    const all = new Map(logged.map((c) => [c.field, [c.oldValue ?? null, c.newValue ?? null]]));
    assert.deepEqual(all.get('Vacant') ?? ['No', 'Yes'], ['No', 'Yes']);
    const after = graph.people.find((p) => p.id === kevin.id);
    assert.equal(after?.isDecisionMaker, true, 'the formula follows the role');
    assert.equal(after?.preferredChannel, 'Phone');
    assert.equal(after?.title, 'VP Plants North America');
    const [summary] = (await backend.invoke('getMapsForAccount', {
      accountId: graph.summary.accountId,
    })) as MapSummary[];
    assert.equal(summary?.decisionMakerCount, graph.summary.decisionMakerCount);
  });

  test('a blank stance becomes Unknown (the trigger); a blank role is cleared (the component reads it as Unknown)', async () => {
    const { backend, person } = await mapOf(await open());
    const saved = (await backend.invoke('updatePerson', {
      personId: person('Priya Raman').id,
      changes: { stance: '', role: null },
    })) as MapPerson;
    assert.equal(saved.stance, 'Unknown');
    assert.ok(!('role' in saved));
    assert.equal(saved.isDecisionMaker, false);
  });

  test('bad values are all reported at once, in the labels of the object metadata, and nothing is saved', async () => {
    const backend = await open();
    const storeFile = newStoreFile();
    const fixture = await mapOf(await openPreviewBackend({ storeFile, reset: true, now: () => NOW }));
    const carlos = fixture.person('Carlos Mendes');
    const before = readFileSync(storeFile, 'utf8');
    const message = await refusal(
      fixture.backend.invoke('updatePerson', {
        personId: carlos.id,
        changes: {
          stance: 'Fan',
          lastInteraction: '2026-02-30',
          nickname: 'C',
          needsFromThem: 'x'.repeat(32769),
          isPrimaryContact: 'yes',
          title: 42,
          name: '  ',
        },
      })
    );
    assert.equal(
      message,
      'Nothing was saved for Carlos Mendes. Primary Contact: choose yes or no. Last Interaction: "2026-02-30" isn\'t a date (YYYY-MM-DD). ' +
        'Person Name: a person needs a name. What We Need from Them: keep it to 32768 characters (it has 32769). ' +
        '"nickname" can\'t be changed here. Stance: "Fan" isn\'t one of the choices (Champion, Supporter, Neutral, Skeptic, Opponent, Unknown). ' +
        'Title: expected text, got 42.'
    );
    const graph = await fixture.reload();
    assert.equal(graph.people.find((p) => p.id === carlos.id)?.stance, 'Champion', 'unchanged');
    assert.equal(fixture.changesOf(graph, carlos.id).length, 0, 'nothing logged');
    assert.equal(readFileSync(storeFile, 'utf8'), before, 'the store file is untouched');
    assert.match(
      await refusal(backend.invoke('updatePerson', { personId: carlos.id, changes: {} })),
      /^Nothing to save: change a field first\.$/
    );
    assert.match(
      await refusal(
        backend.invoke('updatePerson', { personId: makeId('Map_Contact__c', 9999), changes: { stance: 'Neutral' } })
      ),
      /^This person isn't on this map any more/
    );
  });

  test('a seat with no contact or user cannot be un-vacated (the person rule)', async () => {
    const { backend, graph } = await mapOf(await open());
    const seat = graph.people.find((p) => p.isVacant) as MapPerson;
    assert.equal(
      await refusal(backend.invoke('updatePerson', { personId: seat.id, changes: { isVacant: false } })),
      "Salesforce couldn't save this: Choose who this is: a Contact (customer, partner or consultant) or a User (one of our people). To keep an empty seat, mark it Vacant."
    );
  });

  test('a new primary contact replaces the old one', async () => {
    const { backend, person, reload } = await mapOf(await open());
    await backend.invoke('updatePerson', { personId: person('Priya Raman').id, changes: { isPrimaryContact: true } });
    const graph = await reload();
    assert.deepEqual(
      graph.people.filter((p) => p.isPrimaryContact).map((p) => p.name),
      ['Priya Raman']
    );
  });

  test('excluding trims people from the counts and restoring brings them back; unknown and repeated rows are reported', async () => {
    const { backend, map, person } = await mapOf(await open());
    const kevin = person("Kevin O'Brien").id;
    const result = (await backend.invoke('setPeopleExcluded', {
      mapId: map.id,
      personIds: [kevin, makeId('Map_Contact__c', 9999), kevin],
      excluded: true,
    })) as SaveResult;
    assert.deepEqual(result.savedIds, [kevin]);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.message]),
      [
        [1, "This person isn't on this map any more (deleted, or moved). Refresh the map."],
        [2, 'Listed twice: only the first is used.'],
      ]
    );
    let [summary] = (await backend.invoke('getMapsForAccount', { accountId: map.accountId })) as MapSummary[];
    assert.equal(summary?.peopleCount, map.peopleCount - 1);
    await backend.invoke('setPeopleExcluded', { mapId: map.id, personIds: [kevin], excluded: false });
    [summary] = (await backend.invoke('getMapsForAccount', { accountId: map.accountId })) as MapSummary[];
    assert.equal(summary?.peopleCount, map.peopleCount);
  });

  test('positions are pinned with 2 decimals, unpinned with blanks; off-map and unknown rows are reported', async () => {
    const { backend, map, person, reload } = await mapOf(await open());
    const id = person('Aisha Bello').id;
    const result = (await backend.invoke('savePositions', {
      mapId: map.id,
      positions: [
        { personId: id, layoutX: 10.126, layoutY: -5 },
        { personId: person('Sofia Russo').id, layoutX: 1e9, layoutY: 0 },
        { personId: makeId('Map_Contact__c', 9999), layoutX: 1, layoutY: 1 },
      ],
    })) as SaveResult;
    assert.deepEqual(result.savedIds, [id]);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.label ?? null, e.message]),
      [
        [1, 'Sofia Russo', 'That position is off the map. Drag them closer.'],
        [2, null, "This person isn't on this map any more (deleted, or moved). Refresh the map."],
      ]
    );
    let after = (await reload()).people.find((p) => p.id === id);
    assert.deepEqual([after?.layoutX, after?.layoutY], [10.13, -5]);
    await backend.invoke('savePositions', { mapId: map.id, positions: [{ personId: id, layoutX: null, layoutY: 3 }] });
    after = (await reload()).people.find((p) => p.id === id);
    assert.ok(!('layoutX' in (after ?? {})) && !('layoutY' in (after ?? {})), 'unpinned');
  });
});

describe('never lose an edit (versions) and long texts per person', () => {
  /** A clock that moves a minute per reading, so every save gets its own version and time. */
  const ticking = (): (() => Date) => {
    let t = NOW.getTime();
    return () => new Date((t += 60_000));
  };
  const stale = (who: string, at: string): string =>
    `${who} changed this person at ${at.slice(11, 16)} — reload to see their changes.`;

  test('a map load leaves the long texts out and sends their flags and each version; getPersonDetails has the texts', async () => {
    const backend = await open({ timeZone: 'UTC' });
    const { graph } = await mapOf(backend);
    assert.ok(
      graph.people.every((p) => p.hasDetails === false && !('contingencyPlan' in p) && !('personalGoals' in p))
    );
    const planned = graph.people.find((p) => p.hasContingencyPlan) ?? assert.fail('someone with a contingency plan');
    assert.ok(graph.people.every((p) => typeof p.version === 'string' && typeof p.lastModifiedByName === 'string'));
    assert.ok(graph.links.every((l) => typeof l.version === 'string'));
    const details = (await backend.invoke('getPersonDetails', { personId: planned.id })) as MapPerson;
    assert.equal(details.hasDetails, true);
    assert.ok((details.contingencyPlan ?? '').length > 0, 'the text the flag stands for');
    assert.equal(details.version, planned.version);
  });

  test("two tabs: the stale tab is refused with who and when, and the first tab's text and stance stay", async () => {
    const backend = await open({ now: ticking(), timeZone: 'UTC' });
    const { person } = await mapOf(backend);
    const id = person('Helena Brandt').id;
    const seen = (await backend.invoke('getPersonDetails', { personId: id })) as MapPerson;
    // Tab A: Champion, then Personal Goals, each with the version it holds.
    const a1 = (await backend.invoke('updatePerson', {
      personId: id,
      changes: { stance: 'Champion' },
      version: seen.version,
      seen: { stance: seen.stance },
    })) as MapPerson;
    assert.notEqual(a1.version, seen.version, 'a save moves the version');
    const a2 = (await backend.invoke('updatePerson', {
      personId: id,
      changes: { personalGoals: 'Text from tab A' },
      version: a1.version,
      seen: { personalGoals: a1.personalGoals ?? null },
    })) as MapPerson;
    const me = backend.currentUser().name;
    // Tab B, still showing what it loaded first.
    const goals = await refusal(
      backend.invoke('updatePerson', {
        personId: id,
        changes: { personalGoals: 'Text from tab B' },
        version: seen.version,
        seen: { personalGoals: seen.personalGoals ?? null },
      })
    );
    assert.equal(goals, stale(me, a2.version as string));
    const stance = await refusal(
      backend.invoke('updatePerson', {
        personId: id,
        changes: { stance: 'Opponent' },
        version: seen.version,
        seen: { stance: seen.stance },
      })
    );
    assert.equal(stance, stale(me, a2.version as string));
    const now = (await backend.invoke('getPersonDetails', { personId: id })) as MapPerson;
    assert.equal(now.personalGoals, 'Text from tab A');
    assert.equal(now.stance, 'Champion');
    assert.equal(now.version, a2.version, 'nothing was saved');
    const graph = (await backend.invoke('loadMapGraph', { mapId: (await mapOf(backend)).map.id })) as MapGraph;
    assert.ok(
      !graph.changes.some((c) => c.personId === id && c.newValue === 'Opponent'),
      'a refused save logs nothing'
    );
  });

  test('a stale save of fields nobody changed meanwhile is merged; a save without a version is not checked', async () => {
    const backend = await open({ now: ticking(), timeZone: 'UTC' });
    const { person } = await mapOf(backend);
    const id = person('Helena Brandt').id;
    const seen = (await backend.invoke('getPersonDetails', { personId: id })) as MapPerson;
    await backend.invoke('updatePerson', {
      personId: id,
      changes: { personalGoals: 'Text from tab A' },
      version: seen.version,
      seen: { personalGoals: seen.personalGoals ?? null },
    });
    const merged = (await backend.invoke('updatePerson', {
      personId: id,
      changes: { sentiment: 'Very Negative', isVacant: false },
      version: seen.version,
      seen: { sentiment: seen.sentiment, isVacant: seen.isVacant ?? false },
    })) as MapPerson;
    assert.equal(merged.sentiment, 'Very Negative');
    assert.equal(merged.personalGoals, 'Text from tab A', 'the other edit stays');
    // Not saying what it saw is an overlap: refused.
    await refusal(
      backend.invoke('updatePerson', { personId: id, changes: { title: 'COO' }, version: seen.version, seen: null })
    );
    const old = (await backend.invoke('updatePerson', { personId: id, changes: { title: 'COO' } })) as MapPerson;
    assert.equal(old.title, 'COO', 'an old client saves as before');
  });

  test("the time is the preview user's time zone, HH:mm as Apex formats it", async () => {
    const backend = await open({ now: ticking(), timeZone: 'America/New_York' });
    const { person } = await mapOf(backend);
    const id = person('Helena Brandt').id;
    const seen = (await backend.invoke('getPersonDetails', { personId: id })) as MapPerson;
    const saved = (await backend.invoke('updatePerson', {
      personId: id,
      changes: { stance: 'Champion' },
    })) as MapPerson;
    const message = await refusal(
      backend.invoke('updatePerson', {
        personId: id,
        changes: { stance: 'Skeptic' },
        version: seen.version,
        seen: { stance: seen.stance },
      })
    );
    const local = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'America/New_York',
    }).format(new Date(saved.version as string));
    assert.equal(
      message,
      `${backend.currentUser().name} changed this person at ${local} — reload to see their changes.`
    );
  });

  test('a stale link edit is refused per row and overwrites nothing; fresh and unversioned edits save', async () => {
    const backend = await open({ now: ticking(), timeZone: 'UTC' });
    const { map, graph } = await mapOf(backend);
    const [fresh, old, unversioned] = graph.links;
    await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [{ id: old.id, notes: 'changed in tab A', version: old.version }],
    });
    const result = (await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [
        { id: fresh.id, strength: 'Weak', version: fresh.version },
        { id: old.id, notes: 'changed in tab B', version: old.version },
        { id: unversioned.id, strength: 'Weak' },
      ],
    })) as SaveResult;
    assert.deepEqual(result.savedIds, [fresh.id, unversioned.id]);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].index, 1);
    assert.match(result.errors[0].message, /^.+ changed this link at \d\d:\d\d — reload to see their changes\.$/);
    const after = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(after.links.find((l) => l.id === old.id)?.notes, 'changed in tab A');
  });
});

describe('logging calls', () => {
  test('a call creates a Task, updates stance, sentiment and last interaction, and logs them as Call Log', async () => {
    const storeFile = newStoreFile();
    const { backend, person, reload, changesOf } = await mapOf(
      await openPreviewBackend({ storeFile, reset: true, now: () => NOW })
    );
    const marcus = person('Marcus Whitfield');
    const taskId = (await backend.invoke('logCall', {
      personId: marcus.id,
      subject: null,
      comments: 'Agreed to review the pilot numbers.',
      stance: 'neutral',
      sentiment: 'Positive',
    })) as string;
    assert.ok(isIdOf('Task', taskId));
    const graph = await reload();
    const after = graph.people.find((p) => p.id === marcus.id);
    assert.deepEqual([after?.stance, after?.sentiment, after?.lastInteraction], ['Neutral', 'Positive', TODAY]);
    assert.deepEqual(
      changesOf(graph, marcus.id)
        .map((c) => [c.field, c.oldValue, c.newValue, c.source, c.activityId])
        .sort(),
      [
        ['Sentiment', 'Neutral', 'Positive', 'Call Log', taskId],
        ['Stance', 'Skeptic', 'Neutral', 'Call Log', taskId],
      ]
    );
    const saved = JSON.parse(readFileSync(storeFile, 'utf8')) as StoreData;
    const task = saved.tasks.find((t) => t.id === taskId);
    assert.equal(task?.subject, 'Call with Marcus Whitfield');
    assert.equal(task?.whoId, marcus.contactId);
  });

  test('a call without stance or sentiment only moves the last interaction; a call logged behind a later one changes nothing', async () => {
    const { backend, person, reload, changesOf } = await mapOf(await open());
    const julia = person('Julia Park');
    await backend.invoke('logCall', { personId: julia.id, subject: 'Intro' });
    let graph = await reload();
    assert.equal(graph.people.find((p) => p.id === julia.id)?.lastInteraction, TODAY);
    assert.equal(changesOf(graph, julia.id).length, 0);
    const future = '2026-12-01';
    await backend.invoke('updatePerson', { personId: julia.id, changes: { lastInteraction: future } });
    await backend.invoke('logCall', { personId: julia.id, stance: 'Opponent' });
    graph = await reload();
    const after = graph.people.find((p) => p.id === julia.id);
    assert.deepEqual([after?.stance, after?.lastInteraction], ['Unknown', future]);
  });

  test('invalid values, a vacant seat with a stance, an unknown person and a read-only user are refused', async () => {
    const backend = await open();
    const { graph, person } = await mapOf(backend);
    assert.equal(
      await refusal(backend.invoke('logCall', { personId: person('Marcus Whitfield').id, stance: 'Fan' })),
      '"Fan" is not a stance Relationship Maps knows. Choose one of: Champion, Supporter, Neutral, Skeptic, Opponent, Unknown.'
    );
    const seat = graph.people.find((p) => p.isVacant) as MapPerson;
    assert.equal(
      await refusal(backend.invoke('logCall', { personId: seat.id, sentiment: 'Positive' })),
      `${seat.name}'s seat is vacant, so no stance or sentiment can be recorded for it. Log the call without them, or add the person who now holds the role to the map.`
    );
    assert.ok(
      isIdOf('Task', await backend.invoke('logCall', { personId: seat.id, subject: 'Asked who replaces Jan' }))
    );
    assert.match(
      await refusal(backend.invoke('logCall', { personId: makeId('Map_Contact__c', 9999) })),
      /^This person is no longer on the map, or you don't have access to it\./
    );
    assert.equal(await refusal(backend.invoke('logCall', { personId: null })), 'Choose a person on the map first.');
    const readOnly = await mapOf(await open({ permission: 'read-only' }));
    assert.equal(
      await refusal(readOnly.backend.invoke('logCall', { personId: readOnly.person('Marcus Whitfield').id })),
      `You don't have permission to log calls (Edit Tasks). ${ACCESS_HINT}`
    );
  });
});

describe('activity evidence', () => {
  const evidenceOf = async (backend: PreviewBackend, mapId: string, windowMonths = 12): Promise<MapEvidence> =>
    (await backend.invoke('getEvidence', { mapId, windowMonths })) as MapEvidence;

  test('the sample map has a year of calls, meetings and emails, by owner, contact, kind and month, newest first', async () => {
    const { backend, map } = await mapOf(await open());
    const evidence = await evidenceOf(backend, map.id);
    assert.deepEqual([evidence.asOf, evidence.since, evidence.windowMonths], [TODAY, '2025-11-23', 12]);
    assert.equal(evidence.truncated, false);
    assert.ok(evidence.buckets.length > 150, `buckets: ${evidence.buckets.length}`);
    const kinds = new Set(evidence.buckets.map((b) => b.kind));
    assert.deepEqual(kinds, new Set(['Meeting', 'Call', 'Email']));
    for (const [i, b] of evidence.buckets.entries()) {
      assert.ok(b.firstDate <= b.lastDate && b.firstDate.slice(0, 7) === b.lastDate.slice(0, 7), 'one month each');
      assert.ok(b.firstDate >= evidence.since && b.lastDate <= evidence.asOf && b.count >= 1);
      const next = evidence.buckets[i + 1];
      if (next) assert.ok(b.lastDate > next.lastDate || (b.lastDate === next.lastDate && b.userId <= next.userId));
    }
    const keys = evidence.buckets.map((b) => `${b.userId}:${b.contactId}:${b.kind}:${b.firstDate.slice(0, 7)}`);
    assert.equal(new Set(keys).size, keys.length, 'one bucket per owner, contact, kind and month');
    const named = new Set(evidence.people.map((p) => p.id));
    assert.ok(
      evidence.buckets.every((b) => named.has(b.userId) && named.has(b.contactId)),
      'everyone named'
    );
    const nadia = evidence.people.find((p) => p.name === 'Nadia Farouk');
    assert.deepEqual(
      [nadia?.isUser, nadia?.department, nadia?.title],
      [true, 'Engineering', 'Principal Engineer'],
      'a colleague on no map, with her department'
    );
    const firstContact = evidence.people.findIndex((p) => !p.isUser);
    assert.ok(
      evidence.people.slice(firstContact).every((p) => !p.isUser),
      'users first, then contacts'
    );
    assert.ok((await evidenceOf(backend, map.id, 1)).buckets.length < evidence.buckets.length, 'a shorter window');
  });

  test('a sample meeting with two contacts (a shared activity) counts once for each of them', async () => {
    const { backend, map, person } = await mapOf(await open());
    const evidence = await evidenceOf(backend, map.id);
    const priya = evidence.people.find((p) => p.name === 'Priya Shah' && p.isUser);
    assert.ok(priya, 'Priya Shah has evidence');
    const meetingsWith = (name: string): number =>
      evidence.buckets
        .filter((b) => b.userId === priya.id && b.contactId === person(name).contactId && b.kind === 'Meeting')
        .reduce((sum, b) => sum + b.count, 0);
    // data/our-activities.json: 14 meetings with Lukas Meier and 12 with Rachel Adams as ties, and
    // one meeting shared by both (WhoId Lukas, RelationIds Rachel)
    assert.equal(meetingsWith('Lukas Meier'), 14 + 1, 'the shared meeting counts for its WhoId contact');
    assert.equal(meetingsWith('Rachel Adams'), 12 + 1, 'and once for the other contact');
  });

  test('a logged call counts as a call with its contact today', async () => {
    const { backend, map, person } = await mapOf(await open());
    const lukas = person('Lukas Meier');
    const callsToday = async (): Promise<number> =>
      (await evidenceOf(backend, map.id)).buckets
        .filter((b) => b.contactId === lukas.contactId && b.kind === 'Call' && b.lastDate === TODAY)
        .reduce((sum, b) => sum + b.count, 0);
    const before = await callsToday();
    await backend.invoke('logCall', { personId: lukas.id, subject: 'Architecture follow-up' });
    assert.equal(await callsToday(), before + 1);
  });

  test('a dismissed suggestion is remembered on the map, once, and comes with the evidence', async () => {
    const storeFile = newStoreFile();
    const backend = await open({ storeFile });
    const { map, person } = await mapOf(backend);
    const userId = person('Priya Shah').userId as string;
    const contactId = person('Rachel Adams').contactId as string;
    const key = `link:${userId}:${contactId}`;
    assert.deepEqual(await backend.invoke('dismissSuggestion', { mapId: map.id, key }), [key]);
    const short = `person:${contactId.slice(0, 15)}`;
    assert.deepEqual(
      await backend.invoke('dismissSuggestion', { mapId: map.id, key: short }),
      [key, `person:${contactId}`],
      'Ids kept in 18 characters'
    );
    assert.deepEqual(await backend.invoke('dismissSuggestion', { mapId: map.id, key }), [key, `person:${contactId}`]);
    const reopened = await openPreviewBackend({ storeFile, now: () => NOW });
    assert.deepEqual((await evidenceOf(reopened, map.id)).dismissed, [key, `person:${contactId}`], 'saved');
  });

  test('the oldest dismissals go when the field would pass 32,768 characters', async () => {
    const { backend, map } = await mapOf(await open());
    // 900 keys of 42 characters: more than the field holds (about 760 with their line breaks).
    const keys = Array.from({ length: 900 }, (_, i) => `link:${makeId('User', 1)}:${makeId('Contact', 1000 + i)}`);
    let after: string[] = [];
    for (const key of keys.slice(0, 900))
      after = (await backend.invoke('dismissSuggestion', { mapId: map.id, key })) as string[];
    assert.ok(after.join('\n').length <= 32768);
    assert.ok(after.length < 900 && after[after.length - 1] === keys[899], 'the newest kept');
    assert.equal(after[0], keys[900 - after.length], 'the oldest dropped');
  });

  test('refusals: a bad window, a key that is no suggestion, no key, no map, and dismissing without edit access', async () => {
    const { backend, map, person } = await mapOf(await open());
    const window = 'Choose how many months of calls, meetings and emails to count: a whole number from 1 to 36.';
    for (const windowMonths of [0, 37, null]) {
      assert.equal(await refusal(backend.invoke('getEvidence', { mapId: map.id, windowMonths })), window);
    }
    assert.match(
      await refusal(backend.invoke('getEvidence', { mapId: map.id, windowMonths: '12' })),
      /Value provided is invalid for action parameter 'windowMonths' of type 'Integer'/
    );
    const contactId = person('Rachel Adams').contactId as string;
    for (const key of [`link:${contactId}:${contactId}`, 'person:nobody', `people:${contactId}`]) {
      assert.equal(
        await refusal(backend.invoke('dismissSuggestion', { mapId: map.id, key })),
        "This suggestion can't be dismissed. Refresh the page and try again.",
        `refused: ${key}`
      );
    }
    assert.equal(
      await refusal(backend.invoke('dismissSuggestion', { mapId: map.id, key: ' ' })),
      'Choose a suggestion to dismiss first.'
    );
    assert.equal(
      await refusal(backend.invoke('getEvidence', { mapId: null, windowMonths: 12 })),
      'Choose a relationship map first.'
    );
    const readOnly = await mapOf(await open({ permission: 'read-only' }));
    assert.ok((await evidenceOf(readOnly.backend, readOnly.map.id)).buckets.length > 0, 'reading needs no edit access');
    assert.equal(
      await refusal(
        readOnly.backend.invoke('dismissSuggestion', { mapId: readOnly.map.id, key: `person:${contactId}` })
      ),
      `You don't have access to dismiss suggestions on this map. ${ACCESS_HINT}`
    );
  });
});

describe('links', () => {
  test('new links are saved; self links, duplicates (either way for Ally), cross-map links and bad values are refused per row', async () => {
    const backend = await open();
    const { map, person, reload } = await mapOf(backend);
    const carlos = person('Carlos Mendes').id;
    const marcus = person('Marcus Whitfield').id;
    const lukas = person('Lukas Meier').id;
    const other = (await mapOf(backend, 'Bluefin')).graph.people[0]?.id;
    const result = (await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [
        { fromId: carlos, toId: marcus, type: 'Influences', strength: 'Weak', notes: 'Reports budget risks.' },
        { fromId: carlos, toId: carlos },
        { fromId: lukas, toId: carlos, type: 'Ally' },
        { fromId: carlos, toId: other },
        { fromId: carlos, toId: lukas, type: 'Best Friends', strength: 'Huge' },
        { fromId: carlos },
        { fromId: carlos, toId: marcus },
      ],
    })) as SaveResult;
    assert.equal(result.savedIds.length, 1);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.message]),
      [
        [1, "A person can't be linked to themselves. Choose two different people."],
        [2, 'These two people already have an Ally link (either way).'],
        [3, "Both people must be on this map. Links can't cross maps, and a deleted person can't be linked."],
        [
          4,
          'Type: "Best Friends" isn\'t one of the choices (Reports To, Influences, Ally, Conflict, Relationship). Strength: "Huge" isn\'t one of the choices (Strong, Medium, Weak).',
        ],
        [5, 'Choose both people: who influences (From) and who is influenced (To).'],
        [6, 'These two people already have a link of this type.'],
      ]
    );
    assert.equal(result.errors[0]?.label, 'Carlos Mendes → Carlos Mendes');
    const saved = (await reload()).links.find((l) => l.id === result.savedIds[0]);
    assert.deepEqual(
      [saved?.fromId, saved?.toId, saved?.type, saved?.strength, saved?.notes],
      [carlos, marcus, 'Influences', 'Weak', 'Reports budget risks.']
    );
  });

  test('editing keeps blank values, clears notes with an empty string, and reports unknown and repeated links', async () => {
    const backend = await open();
    const { map, graph, reload } = await mapOf(backend);
    const link = graph.links.find((l) => l.notes) ?? assert.fail('a link with notes');
    const result = (await backend.invoke('saveLinks', {
      mapId: map.id,
      links: [
        { id: link.id, strength: 'Weak', notes: '' },
        { id: link.id, strength: 'Strong' },
        { id: makeId('Influence_Link__c', 9999), strength: 'Strong' },
      ],
    })) as SaveResult;
    assert.deepEqual(result.savedIds, [link.id]);
    assert.deepEqual(
      result.errors.map((e) => [e.index, e.message]),
      [
        [1, 'Listed twice: only the first is used.'],
        [2, "This link isn't on this map any more (deleted, or moved). Refresh the map."],
      ]
    );
    const after = (await reload()).links.find((l) => l.id === link.id);
    assert.deepEqual(
      [after?.fromId, after?.toId, after?.type, after?.strength, after?.notes],
      [link.fromId, link.toId, link.type, 'Weak', undefined]
    );
    assert.deepEqual(await backend.invoke('saveLinks', { mapId: map.id, links: [] }), { savedIds: [], errors: [] });
  });

  test('deleting links and people needs the Admin permission set; an admin deletes, and a person takes their links along', async () => {
    const user = await mapOf(await open());
    assert.equal(
      await refusal(user.backend.invoke('deleteLinks', { mapId: user.map.id, linkIds: [user.graph.links[0]?.id] })),
      "You don't have permission to delete links. Change their type or strength instead, or ask your Salesforce admin for the Relationship Maps Admin permission set."
    );
    assert.equal(
      await refusal(user.backend.invoke('deletePeople', { mapId: user.map.id, personIds: [user.graph.people[0]?.id] })),
      "You don't have permission to delete people from maps. Exclude them instead, or ask your Salesforce admin for the Relationship Maps Admin permission set."
    );
    assert.equal(user.graph.canDelete, false);
    const admin = await mapOf(await open({ permission: 'admin' }));
    assert.equal(admin.graph.canDelete, true, 'Relationship_Maps_Admin deletes people and links');
    const link = admin.graph.links[0]?.id;
    const links = (await admin.backend.invoke('deleteLinks', {
      mapId: admin.map.id,
      linkIds: [link, link, makeId('Influence_Link__c', 9999)],
    })) as SaveResult;
    assert.deepEqual(links.savedIds, [link]);
    assert.deepEqual(
      links.errors.map((e) => e.index),
      [1, 2]
    );
    const dieter = admin.person('Dieter Vogel');
    const people = (await admin.backend.invoke('deletePeople', {
      mapId: admin.map.id,
      personIds: [dieter.id],
    })) as SaveResult;
    assert.deepEqual(people.savedIds, [dieter.id]);
    const graph = await admin.reload();
    assert.ok(!graph.people.some((p) => p.id === dieter.id));
    assert.ok(!graph.links.some((l) => l.fromId === dieter.id || l.toId === dieter.id), 'their links went too');
  });
});

describe('maps and people', () => {
  test('creating a map with "include everyone" places the contacts, the owner and the account team, logs their titles, links reports to managers', async () => {
    let tick = 0;
    const backend = await open({ now: () => new Date(NOW.getTime() + 1000 * tick++) });
    const northwind = backend.accounts().find((a) => a.name.startsWith('Northwind'));
    const created = (await backend.invoke('createMap', {
      newMap: { accountId: northwind?.id, goal: '  Renew the service contract  ', includeEveryone: true },
    })) as CreateMapResult;
    assert.deepEqual(
      [created.summary.name, created.summary.goal, created.summary.status],
      ['Renew the service contract', 'Renew the service contract', 'Draft']
    );
    assert.equal(created.people.savedIds.length, 48, '43 contacts + the account owner + 4 more of our team');
    assert.equal(created.summary.peopleCount, 48);
    assert.ok(created.links.savedIds.length >= 35, `Reports To links: ${created.links.savedIds.length}`);
    const graph = (await backend.invoke('loadMapGraph', { mapId: created.summary.id })) as MapGraph;
    assert.ok(graph.links.every((l) => l.type === 'Reports To'));
    const ours = graph.people.filter((p) => p.side === 'Our Company');
    assert.equal(ours.length, 5, "the owner and the account team (our people on the account's other map)");
    const owner = ours.find((p) => p.name === 'Jordan Blake');
    assert.deepEqual([owner?.name, owner?.title, owner?.stance], ['Jordan Blake', 'Account Director', 'Unknown']);
    const titles = graph.changes.filter((c) => c.field === 'Title');
    assert.equal(titles.length, 48, 'the trigger logs each title snapshot on insert');
    assert.ok(titles.every((c) => c.oldValue === undefined && c.source === 'Edit'));
    const [newest] = (await backend.invoke('getMapsForAccount', { accountId: northwind?.id })) as MapSummary[];
    assert.equal(newest?.id, created.summary.id, 'newest activity first');
  });

  test('"add everyone" on an existing map places only who is not on it, keeps trimmed people trimmed, links reports to managers', async () => {
    const backend = await open();
    const northwind = backend.accounts().find((a) => a.name.startsWith('Northwind'));
    const created = (await backend.invoke('createMap', {
      newMap: { accountId: northwind?.id, goal: 'Map everyone, then trim' },
    })) as CreateMapResult;
    const mapId = created.summary.id;
    const first = (await backend.invoke('searchPeople', { mapId, searchText: '' })) as PersonCandidate[];
    const [boss, trimmed] = first;
    assert.ok(boss && trimmed);
    const added = (await backend.invoke('addPeople', {
      mapId,
      people: [{ recordId: boss.recordId }, { recordId: trimmed.recordId }],
    })) as PeopleResult;
    assert.equal(added.people.savedIds.length, 2);
    await backend.invoke('setPeopleExcluded', { mapId, personIds: [added.people.savedIds[1]], excluded: true });

    const before = (await backend.invoke('countEveryone', { mapId })) as EveryoneCount;
    assert.deepEqual(before, { contacts: 41, users: 5 }, 'the other 41 contacts, the owner and 4 more of our team');
    const result = (await backend.invoke('addEveryone', { mapId })) as PeopleResult;
    assert.equal(result.people.savedIds.length, 46);
    assert.deepEqual(result.people.errors, []);
    assert.ok(result.links.savedIds.length >= 35, `Reports To links: ${result.links.savedIds.length}`);
    const graph = (await backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    assert.equal(graph.people.length, 48, 'one seat per person');
    assert.equal(new Set(graph.people.map((p) => p.contactId ?? p.userId)).size, 48, 'nobody twice');
    assert.equal(graph.people.find((p) => p.id === added.people.savedIds[1])?.excluded, true, 'still trimmed');
    assert.ok(graph.links.every((l) => l.type === 'Reports To'));
    assert.deepEqual(await backend.invoke('countEveryone', { mapId }), { contacts: 0, users: 0 });
    const again = (await backend.invoke('addEveryone', { mapId })) as PeopleResult;
    assert.deepEqual([again.people.savedIds, again.links.savedIds], [[], []], 'a second run adds nobody');
  });

  test('"add everyone" needs a map and the User permission set', async () => {
    const backend = await open();
    assert.equal(await refusal(backend.invoke('addEveryone', { mapId: null })), 'Choose a relationship map first.');
    assert.match(
      await refusal(backend.invoke('addEveryone', { mapId: makeId('Relationship_Map__c', 999) })),
      /^This relationship map was deleted, or you don't have access to it\./
    );
    const readOnly = await mapOf(await open({ permission: 'read-only' }));
    assert.equal(
      await refusal(readOnly.backend.invoke('addEveryone', { mapId: readOnly.map.id })),
      `You don't have access to add people to this map. ${ACCESS_HINT}`
    );
  });

  test('bad input creates nothing and says everything that is wrong', async () => {
    const backend = await open();
    const harbor = backend.accounts().find((a) => a.name.startsWith('Harbor'));
    assert.equal(await refusal(backend.invoke('createMap', { newMap: null })), "Enter the map's goal.");
    assert.equal(
      await refusal(
        backend.invoke('createMap', { newMap: { goal: ' ', status: 'Won', accountGoal: 'y'.repeat(256) } })
      ),
      'Choose the account the map is for. Enter the map\'s goal: what we want to achieve with this account. Account goal: keep it to 255 characters (it has 256). Status: "Won" isn\'t one of the choices (Draft, Active, Achieved, Abandoned).'
    );
    assert.match(
      await refusal(
        backend.invoke('createMap', { newMap: { accountId: harbor?.id, goal: 'x', targetDate: '2027-13-01' } })
      ),
      /action parameter 'newMap' .*targetDate: "2027-13-01" is not a date/
    );
    assert.equal(
      await refusal(backend.invoke('createMap', { newMap: { accountId: makeId('Account', 999), goal: 'x' } })),
      `You don't have access to create maps on this account. ${ACCESS_HINT}`
    );
    assert.deepEqual(await backend.invoke('getMapsForAccount', { accountId: harbor?.id }), []);
  });

  test('search offers contacts of the account and our users not yet on the map', async () => {
    const backend = await open();
    const { map } = await mapOf(backend, 'Bluefin');
    assert.deepEqual(await backend.invoke('searchPeople', { mapId: map.id, searchText: '' }), []);
    const users = (await backend.invoke('searchPeople', { mapId: map.id, searchText: 'pr' })) as PersonCandidate[];
    assert.deepEqual(
      users.map((u) => [u.name, u.side]),
      [['Priya Shah', 'Our Company']]
    );
    assert.deepEqual(
      await backend.invoke('searchPeople', { mapId: map.id, searchText: 'p' }),
      [],
      'users from 2 characters'
    );
    const harborMap = (await backend.invoke('createMap', {
      newMap: { accountId: backend.accounts().find((a) => a.name.startsWith('Harbor'))?.id, goal: 'EHR integration' },
    })) as CreateMapResult;
    const contacts = (await backend.invoke('searchPeople', {
      mapId: harborMap.summary.id,
      searchText: 'a',
    })) as PersonCandidate[];
    assert.ok(
      contacts.length >= 2 && contacts.every((c) => c.side === 'Customer' && c.name.toLowerCase().includes('a'))
    );
  });

  test('adding people reports each row that cannot be added, saves the rest, and links new reports to their managers', async () => {
    const backend = await open();
    const northwind = backend.accounts().find((a) => a.name.startsWith('Northwind'));
    const created = (await backend.invoke('createMap', {
      newMap: { accountId: northwind?.id, goal: 'Service renewal' },
    })) as CreateMapResult;
    const mapId = created.summary.id;
    const candidates = (await backend.invoke('searchPeople', { mapId, searchText: '' })) as PersonCandidate[];
    const elena = candidates.find((c) => c.name === 'Elena Petrova')?.recordId;
    const jonas = candidates.find((c) => c.name === 'Jonas Weber')?.recordId;
    const [priya] = (await backend.invoke('searchPeople', { mapId, searchText: 'Priya S' })) as PersonCandidate[];
    const result = (await backend.invoke('addPeople', {
      mapId,
      people: [
        { recordId: elena },
        { recordId: jonas, side: 'Partner' },
        { recordId: elena },
        { recordId: priya?.recordId, side: 'Customer' },
        { recordId: priya?.recordId },
        { recordId: makeId('Contact', 9999) },
        { recordId: northwind?.id },
        { recordId: jonas, side: 'Enemy' },
        null,
      ],
    })) as PeopleResult;
    assert.equal(result.people.savedIds.length, 3);
    assert.deepEqual(
      result.people.errors.map((e) => [e.index, e.message]),
      [
        [2, 'Listed twice: added once.'],
        [3, 'Our own people (users) are always on the Our Company side.'],
        [5, "This contact was deleted, or you don't have access to it."],
        [6, 'Only contacts and users can be placed on a map.'],
        [7, 'Listed twice: added once.'],
        [8, 'Choose a contact or a user to add.'],
      ]
    );
    const graph = (await backend.invoke('loadMapGraph', { mapId })) as MapGraph;
    const seat = (name: string): MapPerson => graph.people.find((p) => p.name === name) ?? assert.fail(name);
    assert.equal(seat('Jonas Weber').side, 'Partner');
    assert.deepEqual(
      graph.links.map((l) => [l.fromId, l.toId, l.type]),
      [[seat('Jonas Weber').id, seat('Elena Petrova').id, 'Reports To']]
    );
    assert.deepEqual(result.links.savedIds, [graph.links[0]?.id]);
    const again = (await backend.invoke('addPeople', { mapId, people: [{ recordId: elena }] })) as PeopleResult;
    assert.deepEqual(
      again.people.errors.map((e) => [e.label, e.message]),
      [['Elena Petrova', 'Already on this map.']]
    );
    const side = (await backend.invoke('addPeople', {
      mapId,
      people: [{ recordId: candidates.find((c) => c.name === 'Aisha Bello')?.recordId, side: 'Enemy' }],
    })) as PeopleResult;
    assert.equal(
      side.people.errors[0]?.message,
      'Side: "Enemy" isn\'t one of the choices (Customer, Our Company, Partner).'
    );
    assert.equal(
      await refusal(backend.invoke('addPeople', { mapId, people: [] })),
      'Choose at least one person to add.'
    );
  });
});

describe('a read-only user', () => {
  test('sees maps with canEdit false; every change is refused with the access sentence and nothing changes', async () => {
    const storeFile = newStoreFile();
    const fixture = await mapOf(
      await openPreviewBackend({ storeFile, reset: true, now: () => NOW, permission: 'read-only' })
    );
    const { backend, map, graph, person } = fixture;
    assert.equal(graph.canEdit, false);
    assert.equal(graph.canDelete, false);
    const before = readFileSync(storeFile, 'utf8');
    const carlos = person('Carlos Mendes').id;
    assert.equal(
      await refusal(backend.invoke('updatePerson', { personId: carlos, changes: { stance: 'Neutral' } })),
      `You don't have access to edit people on this map. ${ACCESS_HINT}`
    );
    assert.equal(
      await refusal(
        backend.invoke('saveLinks', { mapId: map.id, links: [{ fromId: carlos, toId: person('Marcus Whitfield').id }] })
      ),
      `You don't have access to edit links on this map. ${ACCESS_HINT}`
    );
    assert.equal(
      await refusal(
        backend.invoke('savePositions', { mapId: map.id, positions: [{ personId: carlos, layoutX: 1, layoutY: 2 }] })
      ),
      `You don't have access to move people on this map. ${ACCESS_HINT}`
    );
    assert.equal(
      await refusal(backend.invoke('setPeopleExcluded', { mapId: map.id, personIds: [carlos], excluded: true })),
      `You don't have access to edit people on this map. ${ACCESS_HINT}`
    );
    assert.equal(
      await refusal(backend.invoke('createMap', { newMap: { accountId: map.accountId, goal: 'More' } })),
      `You don't have access to create maps on this account. ${ACCESS_HINT}`
    );
    // Validation comes first, as in Apex: the rep fixes the input before hearing about access.
    assert.match(
      await refusal(backend.invoke('updatePerson', { personId: carlos, changes: { stance: 'Fan' } })),
      /^Nothing was saved for Carlos Mendes\./
    );
    assert.equal(readFileSync(storeFile, 'utf8'), before);
    assert.deepEqual((await fixture.reload()).people, graph.people);
  });
});

describe('the store file', () => {
  test('changes persist across reopening; reset goes back to the sample data and rewrites the file', async () => {
    const file = newStoreFile();
    const first = await openPreviewBackend({ storeFile: file, reset: true, now: () => NOW });
    const { person } = await mapOf(first);
    await first.invoke('updatePerson', { personId: person('Olivia Grant').id, changes: { stance: 'Supporter' } });
    const reopened = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.equal(reopened.notice, undefined);
    assert.equal((await mapOf(reopened)).person('Olivia Grant').stance, 'Supporter');
    await reopened.reset();
    assert.equal((await mapOf(reopened)).person('Olivia Grant').stance, 'Neutral');
    const again = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.equal((await mapOf(again)).person('Olivia Grant').stance, 'Neutral', 'the reset was written');
    assert.ok(!existsSync(`${file}.${process.pid}.tmp`), 'no temp file left behind');
  });

  test('an unreadable file or one from another version is replaced by the sample data, with a notice', async () => {
    const file = newStoreFile();
    writeFileSync(file, '{ not json');
    let backend = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.match(backend.notice ?? '', /could not be read .*starting again from the sample data/);
    assert.equal((JSON.parse(readFileSync(file, 'utf8')) as StoreData).version, STORE_VERSION);
    writeFileSync(file, JSON.stringify({ version: 1, people: [] }));
    backend = await openPreviewBackend({ storeFile: file, now: () => NOW });
    assert.match(
      backend.notice ?? '',
      new RegExp(`another version of the preview \\(store version 1, this one reads ${STORE_VERSION}\\)`)
    );
    assert.equal(backend.accounts().length, 4);
  });

  test('a synthetic account of 1,000 people loads, and joins a saved store without losing its edits', async () => {
    const file = newStoreFile();
    const first = await openPreviewBackend({ storeFile: file, reset: true, now: () => NOW });
    const { person } = await mapOf(first);
    await first.invoke('updatePerson', { personId: person('Olivia Grant').id, changes: { stance: 'Champion' } });
    const backend = await openPreviewBackend({ storeFile: file, now: () => NOW, synthetic: { people: 1000, seed: 3 } });
    assert.equal((await mapOf(backend)).person('Olivia Grant').stance, 'Champion', 'edits kept');
    const synthetic = backend.accounts().find((a) => a.name === 'Synthetic Corp (1,000 people)');
    assert.ok(synthetic);
    assert.match(backend.source, /1,000 synthetic people/);
    const { graph } = await mapOf(backend, 'Synthetic Corp');
    assert.equal(graph.people.length, 1000);
    assert.ok(graph.links.length > 2500);
    const reopened = await openPreviewBackend({
      storeFile: file,
      now: () => NOW,
      synthetic: { people: 1000, seed: 3 },
    });
    assert.equal(reopened.accounts().filter((a) => a.name.startsWith('Synthetic Corp')).length, 1, 'added once');
  });
});
