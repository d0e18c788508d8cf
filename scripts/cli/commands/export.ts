/**
 * `export`: one map (--map) or every map of an account (--account) to a folder per map:
 * export.json (map, people, links, change log; `import` reads it back), people.csv and links.csv
 * (for spreadsheets, with names and Ids) and map.graphml (for graph tools), the last three written
 * by c/relationshipMapExportFormat, as the map tab's Export menu writes them. Made for backups and
 * for handing an account over to a successor.
 */
import path from 'node:path';
import type { Connection } from 'jsforce';
import { ORG_FLAGS, stringFlag, type Command, type CommandContext } from '../lib/command.ts';
import { CommandFailure, UsageError } from '../lib/errors.ts';
import {
  CHANGE_FIELDS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  MAP_FIELDS,
  changeOf,
  linkOf,
  mapOf,
  personOf,
  type ExportFile,
  type ExportedLink,
  type ExportedPerson,
} from '../lib/exportFormat.ts';
import { STANDARD_PREFIXES, checkId } from '../lib/ids.ts';
import { LINK_QUERY_FIELDS, PERSON_COLUMNS, PERSON_QUERY_FIELDS, RELATIONSHIP_MAP } from '../lib/model.ts';
import { checkOutputFolder, makeFolder, writeFileAtomic } from '../lib/output.ts';
import { keyPrefix, queryInSlices, queryRows, type SObjectRow } from '../lib/query.ts';
import { soql, soqlFields } from '../lib/soql.ts';
import type { LinkStrength, LinkType } from '../../../force-app/main/default/lwc/relationshipGraph/model.ts';
import {
  linksCsv,
  mapGraphml,
  peopleCsv,
  type ExportLink,
  type ExportPerson,
} from '../../../force-app/main/default/lwc/relationshipMapExportFormat/relationshipMapExportFormat.ts';

export const EXPORT_FILES = {
  json: 'export.json',
  people: 'people.csv',
  links: 'links.csv',
  graph: 'map.graphml',
} as const;

/** A person of export.json in the map's shape (MapPerson), as the tab's exports have it. */
export function exportPersonOf(p: ExportedPerson): ExportPerson {
  const person: ExportPerson = {
    id: p.Id,
    name: p.Name ?? '',
    contactId: p.Contact__c,
    userId: p.User__c,
    email: p.Email,
    isDecisionMaker: p.Is_Decision_Maker__c === true,
  };
  const fields = person as unknown as Record<string, unknown>;
  for (const column of PERSON_COLUMNS) fields[column.key] = p[column.field];
  return person;
}

/** A link of export.json in the map's shape (InfluenceLink). */
export function exportLinkOf(l: ExportedLink): ExportLink {
  return {
    id: l.Id,
    fromId: l.From__c,
    toId: l.To__c,
    fromName: l.fromName,
    toName: l.toName,
    type: l.Type__c as LinkType | null,
    strength: l.Strength__c as LinkStrength | null,
    notes: l.Notes__c,
  };
}

/** people.csv, links.csv and map.graphml of one map: the tab's own exports (c/relationshipMapExportFormat). */
export function exportFiles(file: ExportFile): { people: string; links: string; graph: string } {
  const people = file.people.map(exportPersonOf);
  const links = file.links.map(exportLinkOf);
  return {
    people: peopleCsv(people),
    links: linksCsv(links, people),
    graph: mapGraphml(file.map.Id, people, links),
  };
}

/** A folder name from the map name: readable, safe on every file system, unique by the Id. */
export function folderName(mapName: string | null, mapId: string): string {
  const slug = (mapName ?? 'map')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'map'}-${mapId}`;
}

async function readMaps(
  conn: Connection,
  mapIds: readonly string[] | undefined,
  accountId: string | undefined
): Promise<SObjectRow[]> {
  const fields = soqlFields(MAP_FIELDS);
  const statement = mapIds
    ? soql`SELECT ${fields} FROM Relationship_Map__c WHERE Id IN ${mapIds}`
    : soql`SELECT ${fields} FROM Relationship_Map__c WHERE Account__c = ${accountId ?? ''} ORDER BY Name`;
  return queryRows(conn, statement);
}

/** Everything export writes for the given maps, read in four queries (plus paging). */
export async function readExports(
  conn: Connection,
  maps: readonly SObjectRow[],
  exportedAt: string
): Promise<ExportFile[]> {
  const mapIds = maps.map((m) => m.Id);
  const [people, links, changes] = await Promise.all([
    queryInSlices(
      conn,
      mapIds,
      (ids) =>
        soql`SELECT ${soqlFields(PERSON_QUERY_FIELDS)} FROM Map_Contact__c WHERE Relationship_Map__c IN ${ids} ORDER BY Name, Id`
    ),
    queryInSlices(
      conn,
      mapIds,
      (ids) =>
        soql`SELECT ${soqlFields(LINK_QUERY_FIELDS)} FROM Influence_Link__c WHERE Relationship_Map__c IN ${ids} ORDER BY Name, Id`
    ),
    queryInSlices(
      conn,
      mapIds,
      (ids) =>
        soql`SELECT ${soqlFields(CHANGE_FIELDS)} FROM Map_Contact_Change__c WHERE Relationship_Map__c IN ${ids} ORDER BY Changed_At__c, Name`
    ),
  ]);
  const of = (rows: SObjectRow[], mapId: string) => rows.filter((r) => r.Relationship_Map__c === mapId);
  return maps.map((map) => ({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    map: mapOf(map),
    people: of(people, map.Id).map(personOf),
    links: of(links, map.Id).map(linkOf),
    changes: of(changes, map.Id).map(changeOf),
  }));
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a map, or all maps of an account, to JSON, CSV and GraphML (backup, handover).',
  usage: '(--map <id> | --account <id>) [--out <dir>] [--force] [--target-org <alias>]',
  details: [
    `Writes one folder per map into --out: ${EXPORT_FILES.json} (the map, its people, links and change log; \`import\` reads it back), ${EXPORT_FILES.people} and ${EXPORT_FILES.links} (for spreadsheets: names, Ids and emails), and ${EXPORT_FILES.graph} (people as nodes with stance, role and side; links as edges with type and strength).`,
  ],
  flags: {
    ...ORG_FLAGS,
    map: { type: 'string', value: '<id>', description: 'the Relationship Map to export' },
    account: { type: 'string', value: '<id>', description: 'export every map of this Account' },
    out: { type: 'string', value: '<dir>', description: 'folder to write into (default: export-<today>)' },
    force: { type: 'boolean', description: 'write into --out even when it already has files' },
  },
  examples: [
    'npm run export -- --map a01Xx00000AbCdEIAZ --target-org my-org',
    'npm run export -- --account 001Xx000003DGb2IAG --out handover/northwind',
  ],
  async run(context: CommandContext) {
    const mapFlag = stringFlag(context.flags, 'map');
    const accountFlag = stringFlag(context.flags, 'account');
    if ((mapFlag === undefined) === (accountFlag === undefined)) {
      throw new UsageError('Give exactly one of --map <id> or --account <id>.');
    }
    let accountId: string | undefined;
    if (accountFlag !== undefined) {
      const checked = checkId(accountFlag, 'account', STANDARD_PREFIXES.Account);
      if (checked.problem !== undefined) throw new UsageError(`--account: ${checked.problem}`);
      accountId = checked.id;
    }
    const now = context.io.now();
    const out = path.resolve(
      context.io.cwd,
      stringFlag(context.flags, 'out') ?? `export-${now.toISOString().slice(0, 10)}`
    );
    checkOutputFolder(out, context.flags.force === true);

    const conn = await context.connection();
    let mapIds: string[] | undefined;
    if (mapFlag !== undefined) {
      const checked = checkId(mapFlag, 'relationship map', await keyPrefix(conn, RELATIONSHIP_MAP));
      if (checked.problem !== undefined) throw new UsageError(`--map: ${checked.problem}`);
      mapIds = [checked.id];
    }
    const maps = await readMaps(conn, mapIds, accountId);
    if (maps.length === 0) {
      throw new CommandFailure(
        mapIds
          ? `No relationship map ${mapIds[0]} in the org (or you cannot see it).`
          : `Account ${accountId} has no relationship maps you can see.`
      );
    }
    const files = await readExports(conn, maps, now.toISOString());
    for (const file of files) {
      const folder = path.join(out, folderName(file.map.Name, file.map.Id));
      makeFolder(folder);
      writeFileAtomic(path.join(folder, EXPORT_FILES.json), `${JSON.stringify(file, null, 2)}\n`);
      const { people, links, graph } = exportFiles(file);
      writeFileAtomic(path.join(folder, EXPORT_FILES.people), people);
      writeFileAtomic(path.join(folder, EXPORT_FILES.links), links);
      writeFileAtomic(path.join(folder, EXPORT_FILES.graph), graph);
      context.io.out(
        `Exported "${file.map.Name}": ${file.people.length} people, ${file.links.length} links, ${file.changes.length} changes → ${folder}`
      );
    }
    context.io.out(`Done: ${files.length} map${files.length === 1 ? '' : 's'} in ${out}`);
    return 0;
  },
};
