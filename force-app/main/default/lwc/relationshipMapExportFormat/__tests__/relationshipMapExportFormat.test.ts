/**
 * The map's CSV and GraphML writer, proven with the real libraries: csv-stringify (what the CLI
 * wrote before) must write the same bytes, csv-parse must read every value back exactly, and
 * fast-xml-parser must read the GraphML back, on names and notes with quotes, commas, line breaks,
 * emoji, control characters and spreadsheet formulas.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MapPerson } from 'c/relationshipGraph';
import {
  DATA_EXPORT_KINDS,
  GRAPH_KEY_IDS,
  PERSON_COLUMNS,
  exportFile,
  fileStem,
  isDataExport,
  linksCsv,
  mapGraphml,
  peopleCsv,
  toCsv,
  xmlAttribute,
  xmlSafe,
} from 'c/relationshipMapExportFormat';
import type { ExportLink, ExportPerson } from 'c/relationshipMapExportFormat';
import { exportFileName } from '../../relationshipMap/mapModel';

/** Texts a spreadsheet, a CSV reader or an XML parser could trip over. */
const NASTY = [
  'He said "yes", then "no"',
  'two,commas,here',
  'line one\nline two\r\nline three\rline four',
  "=cmd|' /C calc'!A0",
  '+SUM(A1:A9)',
  '-2+3',
  '@now',
  '😀 Zoë Ångström — 北京',
  'bell\u0007 nul\u0000 esc\u001b end',
  '  leading and trailing  ',
  '<script>alert("x")</script> & more',
  "O'Brien",
  'tab\there',
  'lone \uD800 high and \uDC00 low surrogates',
  'not a character \uFFFE\uFFFF',
  '"',
  ',',
  '',
];

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function person(i: number, overrides: Partial<ExportPerson> = {}): ExportPerson {
  const text = NASTY[i % NASTY.length];
  return {
    id: `a02000000000${String(i).padStart(3, '0')}AAA`,
    name: text || `Person ${i}`,
    title: NASTY[(i + 1) % NASTY.length],
    side: i % 3 === 0 ? 'Our Company' : 'Customer',
    role: i % 2 ? 'Decision Maker' : 'Influencer',
    stance: 'Skeptic',
    isDecisionMaker: i % 2 === 1,
    contactId: i % 3 === 0 ? null : `003000000000${i}AAA`,
    userId: i % 3 === 0 ? `005000000000${i}AAA` : null,
    email: i % 2 ? `p${i}@example.com` : null,
    layoutX: i % 4 ? i * 10.25 : null,
    lastInteraction: '2026-06-01',
    ourAssessment: NASTY[(i + 2) % NASTY.length],
    contingencyPlan: NASTY[(i + 3) % NASTY.length],
    ...overrides,
  };
}

const PEOPLE: ExportPerson[] = NASTY.map((_, i) => person(i));
const LINKS: ExportLink[] = NASTY.map((notes, i) => ({
  id: `a03000000000${String(i).padStart(3, '0')}AAA`,
  fromId: PEOPLE[i].id,
  toId: PEOPLE[(i + 1) % PEOPLE.length].id,
  type: i % 2 ? 'Ally' : 'Influences',
  strength: i % 3 ? 'Strong' : null,
  notes,
}));

const readCsv = (text: string) => parse<Record<string, string>>(text, { columns: true, bom: true });
/** A text as a UTF-8 file holds it: a lone surrogate cannot be encoded and becomes U+FFFD. */
const utf8 = (text: string | null | undefined) =>
  (text ?? '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('toCsv', () => {
  it('writes the bytes csv-stringify writes, and csv-parse reads every value back', () => {
    const headers = ['A', 'B, with comma', 'C "quoted"'];
    const rows = NASTY.map((text, i) => [text, i % 2 === 0, i % 3 ? i * 1.5 : null]);
    const text = toCsv(headers, rows);
    const expected = stringify(
      rows.map((row) => row.map((v) => (v === null ? '' : String(v)))),
      { header: true, columns: headers }
    );
    expect(text).toBe(expected);
    const records: string[][] = parse(text);
    expect(records[0]).toEqual(headers);
    expect(records.slice(1)).toEqual(rows.map((row) => row.map((v) => utf8(v === null ? '' : String(v)))));
  });

  it('quotes only what needs it (RFC 4180) and ends every record with a line feed', () => {
    expect(toCsv(['h'], [['plain'], ['a,b'], ['say "hi"'], ['x\ny'], ['cr\r'], [undefined]])).toBe(
      'h\nplain\n"a,b"\n"say ""hi"""\n"x\ny"\n"cr\r"\n\n'
    );
    expect(toCsv(['only'], [])).toBe('only\n');
  });
});

describe('peopleCsv', () => {
  it('has the identity columns, then one column per field, and reads back value for value', () => {
    const records = readCsv(peopleCsv(PEOPLE));
    expect(Object.keys(records[0])).toEqual([
      'Map Contact Id',
      'Name',
      'Contact Id',
      'User Id',
      'Email',
      ...PERSON_COLUMNS.map((c) => c.header),
    ]);
    expect(records).toHaveLength(PEOPLE.length);
    records.forEach((row, i) => {
      const p = PEOPLE[i];
      expect(row['Map Contact Id']).toBe(p.id);
      expect(row.Name).toBe(utf8(p.name));
      expect(row.Title).toBe(utf8(p.title));
      expect(row['Our Assessment']).toBe(utf8(p.ourAssessment));
      expect(row['Contingency Plan']).toBe(utf8(p.contingencyPlan));
      expect(row['Contact Id']).toBe(p.contactId ?? '');
      expect(row['User Id']).toBe(p.userId ?? '');
      expect(row.Email).toBe(p.email ?? '');
      expect(row['Layout X']).toBe(p.layoutX === null ? '' : String(p.layoutX));
    });
  });

  it('keeps a formula as text the org holds (import reads it back unchanged)', () => {
    const records = readCsv(peopleCsv([person(0, { name: '=HYPERLINK("http://x","y")', title: '@SUM(1)' })]));
    expect(records[0].Name).toBe('=HYPERLINK("http://x","y")');
    expect(records[0].Title).toBe('@SUM(1)');
  });

  it('writes checkboxes as true/false (blank reads as false) and leaves texts not loaded empty', () => {
    const bare: MapPerson = { id: 'a02x', name: 'Bare', isVacant: true, hasDetails: false };
    const [row] = readCsv(peopleCsv([bare]));
    expect([row.Vacant, row.Excluded, row['Primary Contact']]).toEqual(['true', 'false', 'false']);
    expect([row.Side, row['Our Assessment'], row['Layout X']]).toEqual(['', '', '']);
  });
});

describe('linksCsv', () => {
  it('names both ends with their map row, name, person Id and email', () => {
    const records = readCsv(linksCsv(LINKS, PEOPLE));
    expect(records).toHaveLength(LINKS.length);
    const [first] = records;
    expect(first).toEqual({
      'Link Id': LINKS[0].id,
      'From Map Contact Id': PEOPLE[0].id,
      'From Name': PEOPLE[0].name,
      'From Person Id': PEOPLE[0].userId,
      'From Email': '',
      'To Map Contact Id': PEOPLE[1].id,
      'To Name': PEOPLE[1].name,
      'To Person Id': PEOPLE[1].contactId,
      'To Email': 'p1@example.com',
      Type: 'Influences',
      Strength: '',
      Notes: LINKS[0].notes,
    });
    records.forEach((row, i) => expect(row.Notes).toBe(utf8(LINKS[i].notes)));
  });

  it('leaves an end blank when its person was deleted, and falls back to the given end name', () => {
    const orphan: ExportLink = { id: 'a03x', fromId: null, toId: 'a02gone', toName: 'Gone Person', type: 'Ally' };
    const [row] = readCsv(linksCsv([orphan], PEOPLE));
    expect([row['From Map Contact Id'], row['From Name'], row['To Map Contact Id'], row['To Name']]).toEqual([
      '',
      '',
      'a02gone',
      'Gone Person',
    ]);
  });
});

describe('mapGraphml', () => {
  type Data = { '@_key': string; '#text'?: string };
  type Doc = {
    graphml: {
      '@_xmlns': string;
      key: { '@_id': string; '@_for': string; '@_attr.type': string }[];
      graph: {
        '@_id': string;
        '@_edgedefault': string;
        node: { '@_id': string; data?: Data[] }[];
        edge: { '@_id': string; '@_source': string; '@_target': string; data?: Data[] }[];
      };
    };
  };
  const read = (xml: string) =>
    new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      trimValues: false,
      isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(xml) as Doc;
  const attrs = (data: Data[] | undefined) => Object.fromEntries((data ?? []).map((d) => [d['@_key'], d['#text']]));
  /** What an XML parser reads back: XML-less characters dropped, line ends as LF. */
  const expected = (text: string) => xmlSafe(text).replace(/\r\n?/g, '\n');

  it('is valid XML that fast-xml-parser reads back value for value', () => {
    const xml = mapGraphml('a01&"<map>', PEOPLE, LINKS);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(CONTROL);
    expect(xml).not.toContain('<script>');
    const doc = read(xml);
    expect(doc.graphml['@_xmlns']).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(doc.graphml.graph['@_id']).toBe('a01&"<map>');
    expect(doc.graphml.graph['@_edgedefault']).toBe('directed');
    expect(doc.graphml.graph.node).toHaveLength(PEOPLE.length);
    doc.graphml.graph.node.forEach((node, i) => {
      const p = PEOPLE[i];
      const a = attrs(node.data);
      expect(node['@_id']).toBe(p.id);
      expect(a.name).toBe(expected(p.name));
      expect(a.title).toBe(p.title ? expected(p.title) : undefined);
      expect(a.decisionMaker).toBe(String(p.isDecisionMaker));
      expect(a.personId).toBe(p.contactId ?? p.userId);
    });
    doc.graphml.graph.edge.forEach((edge, i) => {
      expect([edge['@_source'], edge['@_target']]).toEqual([LINKS[i].fromId, LINKS[i].toId]);
      expect(attrs(edge.data).notes).toBe(LINKS[i].notes ? expected(LINKS[i].notes ?? '') : undefined);
    });
    expect(attrs(doc.graphml.graph.node[7].data).name).toBe('😀 Zoë Ångström — 北京');
    expect(attrs(doc.graphml.graph.node[8].data).name).toBe('bell nul esc end');
    expect(attrs(doc.graphml.graph.node[13].data).name).toBe('lone  high and  low surrogates');
  });

  it('declares each attribute once and draws only links with both ends on the map', () => {
    const dangling: ExportLink[] = [
      ...LINKS.slice(0, 2),
      { id: 'a03gone', fromId: PEOPLE[0].id, toId: 'a02notonmap' },
      { id: 'a03null', fromId: null, toId: PEOPLE[0].id },
    ];
    const doc = read(mapGraphml('a01', PEOPLE, dangling));
    expect(doc.graphml.key.map((k) => k['@_id'])).toEqual([...GRAPH_KEY_IDS]);
    expect(new Set(GRAPH_KEY_IDS).size).toBe(GRAPH_KEY_IDS.length);
    expect(doc.graphml.key.find((k) => k['@_id'] === 'stance')?.['@_for']).toBe('node');
    expect(doc.graphml.key.find((k) => k['@_id'] === 'vacant')?.['@_attr.type']).toBe('boolean');
    expect(doc.graphml.graph.edge.map((e) => e['@_id'])).toEqual([LINKS[0].id, LINKS[1].id]);
  });

  it('writes a person without attributes as an empty node, and an empty map as a valid graph', () => {
    const xml = mapGraphml('a01', [], []);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(read(xml).graphml.graph.node).toBeUndefined();
    expect(xmlAttribute('a\tb\nc\r"\'<&>')).toBe('a&#9;b&#10;c&#13;&quot;&apos;&lt;&amp;&gt;');
  });
});

describe('exportFile', () => {
  const map = { id: 'a01000000000001AAA', name: 'Zoë\'s "Fleet" renewal, 2026' };

  it('names the files after the map as the JSON, PNG and SVG exports are', () => {
    for (const name of [map.name, '', '  ', 'Ærø — Köln/Brussels', 'x'.repeat(90), '***']) {
      expect(`${fileStem(name)}.json`).toBe(exportFileName({ name }, 'json'));
    }
    expect(`${fileStem(null)}.svg`).toBe(exportFileName(null, 'svg'));
    expect(DATA_EXPORT_KINDS.map((kind) => exportFile(kind, map, PEOPLE, LINKS).fileName)).toEqual([
      'zoe-s-fleet-renewal-2026-relationship-map-people.csv',
      'zoe-s-fleet-renewal-2026-relationship-map-links.csv',
      'zoe-s-fleet-renewal-2026-relationship-map.graphml',
    ]);
  });

  it('gives CSV a byte order mark for Excel, and the same rows as peopleCsv/linksCsv', () => {
    const people = exportFile('people-csv', map, PEOPLE, LINKS);
    expect(people.mimeType).toBe('text/csv;charset=utf-8');
    expect(people.content).toBe(`\uFEFF${peopleCsv(PEOPLE)}`);
    expect(readCsv(people.content)[0]['Map Contact Id']).toBe(PEOPLE[0].id);
    const links = exportFile('links-csv', map, PEOPLE, LINKS);
    expect(links.content).toBe(`\uFEFF${linksCsv(LINKS, PEOPLE)}`);
    const graph = exportFile('graphml', map, PEOPLE, LINKS);
    expect(graph.mimeType).toBe('application/graphml+xml;charset=utf-8');
    expect(graph.content).toBe(mapGraphml(map.id, PEOPLE, LINKS));
  });

  it('tells the data exports from the drawing and JSON', () => {
    expect(DATA_EXPORT_KINDS.every(isDataExport)).toBe(true);
    expect(['png', 'svg', 'json', 'csv', null].some(isDataExport)).toBe(false);
  });
});
