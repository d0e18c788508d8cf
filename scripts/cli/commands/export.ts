/**
 * `export`: one map (--map) or every map of an account (--account) to a folder per map:
 * export.json (map, people, links, change log; `import` reads it back), people.csv and links.csv
 * (for spreadsheets, with names and Ids) and map.graphml (for graph tools). Made for backups and
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
import { graphml, type GraphKey } from '../lib/graphml.ts';
import { STANDARD_PREFIXES, checkId } from '../lib/ids.ts';
import {
  LINK_COLUMNS,
  LINK_END_HEADERS,
  LINK_QUERY_FIELDS,
  PERSON_COLUMNS,
  PERSON_IDENTITY_HEADERS,
  PERSON_QUERY_FIELDS,
  RELATIONSHIP_MAP,
} from '../lib/model.ts';
import { checkOutputFolder, csv, makeFolder, writeFileAtomic, type Cell } from '../lib/output.ts';
import { keyPrefix, queryInSlices, queryRows, type SObjectRow } from '../lib/query.ts';
import { soql, soqlFields } from '../lib/soql.ts';

export const EXPORT_FILES = {
  json: 'export.json',
  people: 'people.csv',
  links: 'links.csv',
  graph: 'map.graphml',
} as const;

/** people.csv: identity columns, then one column per editable field. */
export function peopleCsv(people: readonly ExportedPerson[]): string {
  const h = PERSON_IDENTITY_HEADERS;
  const headers = [h.mapContactId, h.name, h.contactId, h.userId, h.email, ...PERSON_COLUMNS.map((c) => c.header)];
  const rows: Cell[][] = people.map((p) => [
    p.Id,
    p.Name,
    p.Contact__c,
    p.User__c,
    p.Email,
    ...PERSON_COLUMNS.map((c) => p[c.field]),
  ]);
  return csv(headers, rows);
}

/** links.csv: the link, both ends by map row, name, person Id and email, then its fields. */
export function linksCsv(links: readonly ExportedLink[], people: readonly ExportedPerson[]): string {
  const byId = new Map(people.map((p) => [p.Id, p]));
  const h = LINK_END_HEADERS;
  const headers = [
    h.linkId,
    h.fromMapContactId,
    h.fromName,
    h.fromPersonId,
    h.fromEmail,
    h.toMapContactId,
    h.toName,
    h.toPersonId,
    h.toEmail,
    ...LINK_COLUMNS.map((c) => c.header),
  ];
  const end = (id: string | null, name: string | null): Cell[] => {
    const person = id ? byId.get(id) : undefined;
    return [id, person?.Name ?? name, person?.Contact__c ?? person?.User__c, person?.Email];
  };
  const rows: Cell[][] = links.map((l) => [
    l.Id,
    ...end(l.From__c, l.fromName),
    ...end(l.To__c, l.toName),
    l.Type__c,
    l.Strength__c,
    l.Notes__c,
  ]);
  return csv(headers, rows);
}

const GRAPH_KEYS: readonly GraphKey[] = [
  { id: 'name', for: 'node', type: 'string' },
  { id: 'title', for: 'node', type: 'string' },
  { id: 'side', for: 'node', type: 'string' },
  { id: 'role', for: 'node', type: 'string' },
  { id: 'stance', for: 'node', type: 'string' },
  { id: 'sentiment', for: 'node', type: 'string' },
  { id: 'authority', for: 'node', type: 'string' },
  { id: 'decisionMaker', for: 'node', type: 'boolean' },
  { id: 'vacant', for: 'node', type: 'boolean' },
  { id: 'excluded', for: 'node', type: 'boolean' },
  { id: 'personId', for: 'node', type: 'string' },
  { id: 'email', for: 'node', type: 'string' },
  { id: 'type', for: 'edge', type: 'string' },
  { id: 'strength', for: 'edge', type: 'string' },
  { id: 'notes', for: 'edge', type: 'string' },
];

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** map.graphml: every person a node; every link with both ends on the map a directed edge. */
export function mapGraphml(file: ExportFile): string {
  const nodeIds = new Set(file.people.map((p) => p.Id));
  return graphml(
    file.map.Id,
    GRAPH_KEYS,
    file.people.map((p) => ({
      id: p.Id,
      attributes: {
        name: p.Name,
        title: str(p.Title__c),
        side: str(p.Side__c),
        role: str(p.Role__c),
        stance: str(p.Stance__c),
        sentiment: str(p.Sentiment__c),
        authority: str(p.Authority__c),
        decisionMaker: p.Is_Decision_Maker__c === true,
        vacant: p.Is_Vacant__c === true,
        excluded: p.Excluded__c === true,
        personId: p.Contact__c ?? p.User__c,
        email: p.Email,
      },
    })),
    file.links
      .filter((l) => l.From__c && l.To__c && nodeIds.has(l.From__c) && nodeIds.has(l.To__c))
      .map((l) => ({
        id: l.Id,
        source: l.From__c ?? '',
        target: l.To__c ?? '',
        attributes: { type: l.Type__c, strength: l.Strength__c, notes: l.Notes__c },
      }))
  );
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
      writeFileAtomic(path.join(folder, EXPORT_FILES.people), peopleCsv(file.people));
      writeFileAtomic(path.join(folder, EXPORT_FILES.links), linksCsv(file.links, file.people));
      writeFileAtomic(path.join(folder, EXPORT_FILES.graph), mapGraphml(file));
      context.io.out(
        `Exported "${file.map.Name}": ${file.people.length} people, ${file.links.length} links, ${file.changes.length} changes → ${folder}`
      );
    }
    context.io.out(`Done: ${files.length} map${files.length === 1 ? '' : 's'} in ${out}`);
    return 0;
  },
};
