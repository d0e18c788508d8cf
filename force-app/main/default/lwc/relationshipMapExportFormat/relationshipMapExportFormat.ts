/**
 * The map's people and links as files for other tools, written by one implementation that the
 * map tab (Export → People (CSV), Links (CSV), Graph tools (GraphML)) and the command-line export
 * (`npm run export`, scripts/cli/commands/export.ts) both call:
 * - people.csv: who each person is (Map Contact Id, name, Contact or User Id, email), then one
 *   column per field a rep edits; links.csv: the link, both ends, type, strength, notes.
 *   RFC 4180 quoting (a field is quoted when it holds a comma, a quote or a line break; quotes are
 *   doubled), LF line ends, a header row: byte for byte what csv-stringify writes.
 * - map.graphml (http://graphml.graphdrawing.org) for graph tools such as yEd or Gephi: people are
 *   nodes, links with both ends on the map directed edges. XML 1.0 escaping; characters XML
 *   cannot carry at all (control characters, lone surrogates) are dropped.
 *
 * Pure TypeScript with no DOM, Node or component code (Node scripts import this file directly).
 * Values are written as they are: no formula guard (a cell starting with "=" stays so), because
 * `npm run import` reads these files back and must get exactly what the org holds.
 */
import type { InfluenceLink, MapPerson } from 'c/relationshipGraph';
import type { ExportKind } from 'c/relationshipMapFilters';

/** A person as the exports write them: the map's person, plus the email when the caller has it. */
export type ExportPerson = MapPerson & { email?: string | null };

/** A link as the exports write them; the end names stand in when an end is not among the people. */
export type ExportLink = InfluenceLink & { fromName?: string | null; toName?: string | null };

/** A person property a people.csv column holds. */
export type PersonColumnKey =
  | 'side'
  | 'title'
  | 'role'
  | 'authority'
  | 'stance'
  | 'sentiment'
  | 'coverage'
  | 'communicationStyle'
  | 'preferredChannel'
  | 'goalImpact'
  | 'isVacant'
  | 'excluded'
  | 'isPrimaryContact'
  | 'lastInteraction'
  | 'layoutX'
  | 'layoutY'
  | 'relationToGoal'
  | 'personalGoals'
  | 'prioritiesPainPoints'
  | 'ourAssessment'
  | 'needsFromThem'
  | 'expectedReaction'
  | 'contingencyPlan';

export interface PersonColumn {
  header: string;
  key: PersonColumnKey;
  /** A checkbox: blank reads as false (as the data model defines). */
  flag?: true;
}

/** people.csv's field columns, in order (the CLI's import reads them by these headers). */
export const PERSON_COLUMNS: readonly PersonColumn[] = [
  { header: 'Side', key: 'side' },
  { header: 'Title', key: 'title' },
  { header: 'Role', key: 'role' },
  { header: 'Authority', key: 'authority' },
  { header: 'Stance', key: 'stance' },
  { header: 'Sentiment', key: 'sentiment' },
  { header: 'Coverage', key: 'coverage' },
  { header: 'Communication Style', key: 'communicationStyle' },
  { header: 'Preferred Channel', key: 'preferredChannel' },
  { header: 'Goal Impact', key: 'goalImpact' },
  { header: 'Vacant', key: 'isVacant', flag: true },
  { header: 'Excluded', key: 'excluded', flag: true },
  { header: 'Primary Contact', key: 'isPrimaryContact', flag: true },
  { header: 'Last Interaction', key: 'lastInteraction' },
  { header: 'Layout X', key: 'layoutX' },
  { header: 'Layout Y', key: 'layoutY' },
  { header: 'Relation To Goal', key: 'relationToGoal' },
  { header: 'Personal Goals', key: 'personalGoals' },
  { header: 'Priorities And Pain Points', key: 'prioritiesPainPoints' },
  { header: 'Our Assessment', key: 'ourAssessment' },
  { header: 'Needs From Them', key: 'needsFromThem' },
  { header: 'Expected Reaction', key: 'expectedReaction' },
  { header: 'Contingency Plan', key: 'contingencyPlan' },
];

/** A header for each key: its camelCase words, capitalised ('fromMapContactId' → 'From Map Contact Id'). */
function headersOf<K extends string>(keys: readonly K[]): Readonly<Record<K, string>> {
  const headers = {} as Record<K, string>;
  for (const key of keys) headers[key] = key.replace(/[A-Z]/g, ' $&').replace(/^./, (c) => c.toUpperCase());
  return headers;
}

/** people.csv columns that say who the person is (before PERSON_COLUMNS): "Map Contact Id", "Name", ... */
export const PERSON_IDENTITY_HEADERS = headersOf(['mapContactId', 'name', 'contactId', 'userId', 'email']);

/** A link property a links.csv column holds. */
export type LinkColumnKey = 'type' | 'strength' | 'notes';

/** links.csv's field columns, after the two ends. */
export const LINK_COLUMNS: readonly { header: string; key: LinkColumnKey }[] = [
  { header: 'Type', key: 'type' },
  { header: 'Strength', key: 'strength' },
  { header: 'Notes', key: 'notes' },
];

/** links.csv columns that say who the two ends are (before LINK_COLUMNS): "Link Id", "From Map Contact Id", ... */
export const LINK_END_HEADERS = headersOf([
  'linkId',
  'fromMapContactId',
  'fromName',
  'fromPersonId',
  'fromEmail',
  'toMapContactId',
  'toName',
  'toPersonId',
  'toEmail',
]);

// ------------------------------------------------------------------ CSV

/** A CSV cell: null and undefined are empty, everything else its text. */
export type Cell = string | number | boolean | null | undefined;

function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a header row: RFC 4180 quoting, every record (the last too) ended by LF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => headers.map((_, i) => csvField(cells[i])).join(',');
  return [headers, ...rows].map((row) => `${line(row)}\n`).join('');
}

const personIdOf = (p: ExportPerson | undefined): string | null | undefined => p?.contactId ?? p?.userId;

/** people.csv: identity columns, then one column per editable field. */
export function peopleCsv(people: readonly ExportPerson[]): string {
  const h = PERSON_IDENTITY_HEADERS;
  const headers = [h.mapContactId, h.name, h.contactId, h.userId, h.email, ...PERSON_COLUMNS.map((c) => c.header)];
  const rows = people.map((p): Cell[] => [
    p.id,
    p.name,
    p.contactId,
    p.userId,
    p.email,
    ...PERSON_COLUMNS.map((c): Cell => {
      const value = p[c.key];
      return c.flag ? value === true : value;
    }),
  ]);
  return toCsv(headers, rows);
}

/** links.csv: the link, both ends by map row, name, person Id and email, then its fields. */
export function linksCsv(links: readonly ExportLink[], people: readonly ExportPerson[]): string {
  const byId = new Map(people.map((p) => [p.id, p]));
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
  const end = (id: string | null, name: string | null | undefined): Cell[] => {
    const person = id ? byId.get(id) : undefined;
    return [id, person?.name || name, personIdOf(person), person?.email];
  };
  const rows = links.map((l): Cell[] => [
    l.id,
    ...end(l.fromId, l.fromName),
    ...end(l.toId, l.toName),
    ...LINK_COLUMNS.map((c) => l[c.key]),
  ]);
  return toCsv(headers, rows);
}

// ------------------------------------------------------------------ GraphML

/** Control characters and non-characters that are not allowed anywhere in an XML 1.0 document. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 cannot carry. */
export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escaped for an XML attribute value (tabs and line breaks too: parsers would turn them into spaces). */
export function xmlAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c]);
}

/** Escaped for XML text content; line ends become LF (as every XML parser reads them anyway). */
export function xmlText(value: string): string {
  return xmlSafe(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

type GraphValue = string | boolean | null | undefined;

interface GraphKey {
  id: string;
  for: 'node' | 'edge';
  type: 'string' | 'boolean';
  value: (item: { person?: ExportPerson; link?: ExportLink }) => GraphValue;
}

const GRAPH_KEYS: readonly GraphKey[] = [
  { id: 'name', for: 'node', type: 'string', value: ({ person }) => person?.name },
  { id: 'title', for: 'node', type: 'string', value: ({ person }) => person?.title },
  { id: 'side', for: 'node', type: 'string', value: ({ person }) => person?.side },
  { id: 'role', for: 'node', type: 'string', value: ({ person }) => person?.role },
  { id: 'stance', for: 'node', type: 'string', value: ({ person }) => person?.stance },
  { id: 'sentiment', for: 'node', type: 'string', value: ({ person }) => person?.sentiment },
  { id: 'authority', for: 'node', type: 'string', value: ({ person }) => person?.authority },
  { id: 'decisionMaker', for: 'node', type: 'boolean', value: ({ person }) => person?.isDecisionMaker === true },
  { id: 'vacant', for: 'node', type: 'boolean', value: ({ person }) => person?.isVacant === true },
  { id: 'excluded', for: 'node', type: 'boolean', value: ({ person }) => person?.excluded === true },
  { id: 'personId', for: 'node', type: 'string', value: ({ person }) => personIdOf(person) },
  { id: 'email', for: 'node', type: 'string', value: ({ person }) => person?.email },
  { id: 'type', for: 'edge', type: 'string', value: ({ link }) => link?.type },
  { id: 'strength', for: 'edge', type: 'string', value: ({ link }) => link?.strength },
  { id: 'notes', for: 'edge', type: 'string', value: ({ link }) => link?.notes },
];

/** The ids of GraphML's node and edge attributes (`<key>`), in order. */
export const GRAPH_KEY_IDS: readonly string[] = GRAPH_KEYS.map((k) => k.id);

function dataLines(kind: 'node' | 'edge', item: { person?: ExportPerson; link?: ExportLink }): string[] {
  const lines: string[] = [];
  for (const key of GRAPH_KEYS) {
    if (key.for !== kind) continue;
    const value = key.value(item);
    if (value === null || value === undefined || value === '') continue;
    lines.push(`      <data key="${key.id}">${xmlText(String(value))}</data>`);
  }
  return lines;
}

function element(open: string, children: string[], close: string): string[] {
  return children.length === 0 ? [`${open}/>`] : [`${open}>`, ...children, close];
}

/** map.graphml: every person a node; every link with both ends on the map a directed edge. */
export function mapGraphml(graphId: string, people: readonly ExportPerson[], links: readonly ExportLink[]): string {
  const nodeIds = new Set(people.map((p) => p.id));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...GRAPH_KEYS.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.id}" attr.type="${k.type}"/>`),
    `  <graph id="${xmlAttribute(graphId)}" edgedefault="directed">`,
  ];
  for (const person of people) {
    lines.push(...element(`    <node id="${xmlAttribute(person.id)}"`, dataLines('node', { person }), '    </node>'));
  }
  for (const link of links) {
    if (!link.fromId || !link.toId || !nodeIds.has(link.fromId) || !nodeIds.has(link.toId)) continue;
    const open = `    <edge id="${xmlAttribute(link.id)}" source="${xmlAttribute(link.fromId)}" target="${xmlAttribute(link.toId)}"`;
    lines.push(...element(open, dataLines('edge', { link }), '    </edge>'));
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ the tab's download

/** The exports this module writes. */
export type DataExportKind = Extract<ExportKind, 'people-csv' | 'links-csv' | 'graphml'>;

export const DATA_EXPORT_KINDS: readonly DataExportKind[] = ['people-csv', 'links-csv', 'graphml'];

export function isDataExport(kind: unknown): kind is DataExportKind {
  return (DATA_EXPORT_KINDS as readonly unknown[]).includes(kind);
}

/** A file to download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/**
 * The start of the map's file names, from the map name: "Fleet renewal" →
 * "fleet-renewal-relationship-map" (the tab's JSON, PNG and SVG exports are named the same way).
 */
export function fileStem(mapName: string | null | undefined): string {
  const slug = (mapName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug ? `${slug}-` : ''}relationship-map`;
}

/**
 * One of the tab's data exports of the whole map (everyone on it, trimmed people too, whatever
 * the filters show): its file name, MIME type and text. CSV files start with a byte order mark so
 * that Excel reads names with accents and emoji as UTF-8 (`npm run import` skips it).
 */
export function exportFile(
  kind: DataExportKind,
  map: { id: string; name?: string | null },
  people: readonly ExportPerson[],
  links: readonly ExportLink[]
): ExportedFile {
  const stem = fileStem(map.name);
  if (kind === 'people-csv') {
    return {
      fileName: `${stem}-people.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: `\uFEFF${peopleCsv(people)}`,
    };
  }
  if (kind === 'links-csv') {
    return {
      fileName: `${stem}-links.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: `\uFEFF${linksCsv(links, people)}`,
    };
  }
  return {
    fileName: `${stem}.graphml`,
    mimeType: 'application/graphml+xml;charset=utf-8',
    content: mapGraphml(map.id, people, links),
  };
}
