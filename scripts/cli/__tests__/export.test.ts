import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExportFile } from '../lib/exportFormat.ts';
import type { FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg, type SmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer, tempDir } from './harness.ts';

describe('export', () => {
  let server: FakeSalesforce;
  let ids: SmallOrg;
  let dir: string;
  let cleanup: () => void;
  beforeEach(async () => {
    server = await startServer();
    server.pageSize = 3;
    ids = buildSmallOrg(server.org);
    ({ dir, cleanup } = tempDir());
  });
  afterEach(async () => {
    cleanup();
    await server.stop();
  });

  const mapFolder = (out: string) => {
    const [folder] = readdirSync(out);
    return path.join(out, folder);
  };

  it('writes export.json with the map, people, links and change log', async () => {
    const result = await run(server, ['export', '--map', ids.map, '--out', 'out'], { cwd: dir });
    assert.equal(result.code, 0, result.output);
    const folder = mapFolder(path.join(dir, 'out'));
    assert.match(path.basename(folder), new RegExp(`^acme-platform-rollout-${ids.map}$`));
    assert.deepEqual(readdirSync(folder).sort(), ['export.json', 'links.csv', 'map.graphml', 'people.csv']);
    const file = JSON.parse(readFileSync(path.join(folder, 'export.json'), 'utf8')) as ExportFile;
    assert.equal(file.format, 'relationship-maps-export');
    assert.equal(file.map.Id, ids.map);
    assert.equal(file.map.accountName, 'Acme <Industries> & "Sons"');
    assert.equal(file.map.Decision_Maker_Count__c, 3);
    assert.equal(file.people.length, 7);
    const bob = file.people.find((p) => p.Id === ids.people.bob);
    assert.equal(bob?.Name, 'Bob O\'Neil \\ "The Builder"');
    assert.equal(bob?.Email, 'bob@acme.example.com');
    assert.equal(
      bob?.Our_Assessment__c,
      'Says "yes" often,\nmeans it rarely; uses <script>alert(1)</script> in emails & more'
    );
    assert.equal(file.people.find((p) => p.Id === ids.people.jordan)?.User__c, ids.users.jordan);
    assert.equal(file.links.length, 3);
    assert.deepEqual(
      file.changes.map((c) => [c.Map_Contact__c, c.Field__c, c.Old_Value__c, c.New_Value__c]),
      [
        [ids.people.alice, 'Stance', 'Skeptic', 'Neutral'],
        [ids.people.alice, 'Stance', 'Neutral', 'Skeptic'],
      ]
    );
    assert.match(result.stdout, /Exported "Acme — platform rollout": 7 people, 3 links, 2 changes/);
  });

  it('writes people.csv and links.csv with names, Ids and emails', async () => {
    assert.equal((await run(server, ['export', '--map', ids.map, '--out', 'out'], { cwd: dir })).code, 0);
    const folder = mapFolder(path.join(dir, 'out'));
    const people = parse<Record<string, string>>(readFileSync(path.join(folder, 'people.csv')), { columns: true });
    assert.equal(people.length, 7);
    const bob = people.find((p) => p['Map Contact Id'] === ids.people.bob);
    assert.equal(bob?.Name, 'Bob O\'Neil \\ "The Builder"');
    assert.equal(bob?.['Contact Id'], ids.contacts.bob);
    assert.equal(bob?.Stance, 'Champion');
    assert.equal(
      bob?.['Our Assessment'],
      'Says "yes" often,\nmeans it rarely; uses <script>alert(1)</script> in emails & more'
    );
    const alice = people.find((p) => p['Contact Id'] === ids.contacts.alice);
    assert.equal(alice?.['Primary Contact'], 'true');
    assert.equal(alice?.['Last Interaction'], '2026-06-01');
    assert.equal(people.find((p) => p['User Id'] === ids.users.jordan)?.Email, 'jordan.blake@ourcompany.example.com');

    const links = parse<Record<string, string>>(readFileSync(path.join(folder, 'links.csv')), { columns: true });
    const ally = links.find((l) => l['Link Id'] === ids.links.carolAllyBob);
    assert.deepEqual(
      ally && [
        ally['From Name'],
        ally['From Person Id'],
        ally['From Email'],
        ally['To Name'],
        ally['To Map Contact Id'],
        ally.Type,
        ally.Strength,
        ally.Notes,
      ],
      [
        'Carol <b>Bold</b>',
        ids.contacts.carol,
        'carol@acme.example.com',
        'Bob O\'Neil \\ "The Builder"',
        ids.people.bob,
        'Ally',
        'Medium',
        'Lunch every Friday; "best friends" <since 2019>',
      ]
    );
  });

  it('writes valid GraphML: people as nodes with stance, role and side; links as typed edges', async () => {
    assert.equal((await run(server, ['export', '--map', ids.map, '--out', 'out'], { cwd: dir })).code, 0);
    const xml = readFileSync(path.join(mapFolder(path.join(dir, 'out')), 'map.graphml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes('<b>Bold</b>') && !xml.includes('<script>'), 'markup in values is escaped');
    type Data = { '@_key': string; '#text': string | number | boolean };
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
      parseTagValue: false,
    }).parse(xml) as {
      graphml: {
        key: { '@_id': string; '@_for': string }[];
        graph: {
          '@_edgedefault': string;
          node: { '@_id': string; data: Data[] }[];
          edge: { '@_source': string; '@_target': string; data: Data[] }[];
        };
      };
    };
    const attrs = (data: Data[]) => Object.fromEntries(data.map((d) => [d['@_key'], String(d['#text'])]));
    const graph = doc.graphml.graph;
    assert.equal(graph['@_edgedefault'], 'directed');
    assert.equal(graph.node.length, 7);
    const carol = attrs(graph.node.find((n) => n['@_id'] === ids.people.carol)?.data ?? []);
    assert.deepEqual(
      [carol.name, carol.stance, carol.role, carol.side, carol.decisionMaker],
      ['Carol <b>Bold</b>', 'Unknown', 'Decision Maker', 'Customer', 'true']
    );
    const jordan = attrs(graph.node.find((n) => n['@_id'] === ids.people.jordan)?.data ?? []);
    assert.equal(jordan.side, 'Our Company');
    const ally = graph.edge.find((e) => e['@_source'] === ids.people.carol && e['@_target'] === ids.people.bob);
    assert.deepEqual(attrs(ally?.data ?? []), {
      type: 'Ally',
      strength: 'Medium',
      notes: 'Lunch every Friday; "best friends" <since 2019>',
    });
    assert.equal(graph.edge.length, 3);
    assert.ok(doc.graphml.key.some((k) => k['@_id'] === 'stance' && k['@_for'] === 'node'));
  });

  it('exports every map of an account, one folder each', async () => {
    const second = server.org.insert('Relationship_Map__c', {
      Name: 'Acme: services renewal',
      Account__c: ids.acme,
      Goal__c: 'Renew',
      Status__c: 'Active',
    });
    const result = await run(server, ['export', '--account', ids.acme, '--out', 'all'], { cwd: dir });
    assert.equal(result.code, 0, result.output);
    const folders = readdirSync(path.join(dir, 'all')).sort();
    assert.deepEqual(folders, [`acme-platform-rollout-${ids.map}`, `acme-services-renewal-${second}`]);
    const empty = JSON.parse(readFileSync(path.join(dir, 'all', folders[1], 'export.json'), 'utf8')) as ExportFile;
    assert.deepEqual([empty.people, empty.links], [[], []]);
  });

  it('never writes into a folder that has files unless --force', async () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'keep.txt'), 'mine');
    const refused = await run(server, ['export', '--map', ids.map, '--out', 'out'], { cwd: dir });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already exists and is not empty.*--force/);
    assert.deepEqual(readdirSync(path.join(dir, 'out')), ['keep.txt']);
    assert.equal(server.requests.length, 0, 'nothing was asked of the org');
    const forced = await run(server, ['export', '--map', ids.map, '--out', 'out', '--force'], { cwd: dir });
    assert.equal(forced.code, 0);
    assert.equal(readFileSync(path.join(dir, 'out', 'keep.txt'), 'utf8'), 'mine');
  });

  it('says so when the map does not exist, and checks flags', async () => {
    const missing = server.org.keyPrefix('Relationship_Map__c') + '000000000zzz';
    const notFound = await run(server, ['export', '--map', missing, '--out', 'x'], { cwd: dir });
    assert.equal(notFound.code, 1);
    assert.match(notFound.stderr, /No relationship map .* in the org/);
    assert.ok(!existsSync(path.join(dir, 'x')), 'no folder is left behind');
    const both = await run(server, ['export', '--map', ids.map, '--account', ids.acme], { cwd: dir });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /exactly one of --map <id> or --account <id>/);
    const wrongObject = await run(server, ['export', '--map', ids.acme, '--out', 'y'], { cwd: dir });
    assert.equal(wrongObject.code, 2);
    assert.match(wrongObject.stderr, /not a relationship map Id/);
    assert.ok(!existsSync(path.join(dir, 'y')));
  });

  it('round-trips: export.json imported into a new map gives the same people and links', async () => {
    assert.equal((await run(server, ['export', '--map', ids.map, '--out', 'out'], { cwd: dir })).code, 0);
    const file = path.join(mapFolder(path.join(dir, 'out')), 'export.json');
    const copy = server.org.insert('Relationship_Map__c', {
      Name: 'Acme — successor copy',
      Account__c: ids.acme,
      Goal__c: 'Same goal',
      Status__c: 'Draft',
    });
    const imported = await run(server, ['import', '--map', copy, '--file', file], { cwd: dir });
    assert.equal(imported.code, 0, imported.output);
    const shape = (mapId: string) => {
      const people = server.org.all('Map_Contact__c').filter((p) => p.Relationship_Map__c === mapId);
      const byId = new Map(people.map((p) => [p.Id, p]));
      const personOf = (id: unknown) => {
        const p = byId.get(id as string);
        return (p?.Contact__c ?? p?.User__c) as string;
      };
      return {
        people: people
          .map((p) => [
            p.Contact__c ?? p.User__c,
            p.Name,
            p.Side__c,
            p.Role__c,
            p.Stance__c,
            p.Authority__c,
            p.Is_Primary_Contact__c,
            p.Our_Assessment__c ?? null,
            p.Last_Interaction__c ?? null,
          ])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        links: server.org
          .all('Influence_Link__c')
          .filter((l) => l.Relationship_Map__c === mapId)
          .map((l) => [personOf(l.From__c), personOf(l.To__c), l.Type__c, l.Strength__c, l.Notes__c ?? null])
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      };
    };
    assert.deepEqual(shape(copy), shape(ids.map));
    // Importing the same file again changes nothing.
    const before = server.writes().length;
    const again = await run(server, ['import', '--map', copy, '--file', file], { cwd: dir });
    assert.equal(again.code, 0, again.output);
    assert.match(again.stdout, /Nothing to change/);
    assert.equal(server.writes().length, before);
  });
});
