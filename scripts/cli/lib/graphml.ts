/**
 * GraphML (http://graphml.graphdrawing.org) of one map, for graph tools such as yEd or Gephi:
 * people are nodes (name, title, side, role, stance, ...), influence links are directed edges
 * (type, strength, notes). fast-xml-parser's builder escapes every value; characters XML 1.0
 * cannot carry at all are dropped first.
 */
import { XMLBuilder } from 'fast-xml-parser';

export interface GraphNode {
  id: string;
  attributes: Record<string, string | boolean | null | undefined>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  attributes: Record<string, string | boolean | null | undefined>;
}

export interface GraphKey {
  id: string;
  for: 'node' | 'edge';
  type: 'string' | 'boolean';
}

/** Control characters and non-characters that are not allowed anywhere in an XML 1.0 document. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, '');
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
});

function dataOf(attributes: GraphNode['attributes'], keys: readonly GraphKey[]) {
  return keys
    .filter((key) => attributes[key.id] !== null && attributes[key.id] !== undefined && attributes[key.id] !== '')
    .map((key) => ({ '@_key': key.id, '#text': xmlSafe(String(attributes[key.id])) }));
}

/** The GraphML document of one graph. */
export function graphml(
  graphId: string,
  keys: readonly GraphKey[],
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[]
): string {
  const nodeKeys = keys.filter((k) => k.for === 'node');
  const edgeKeys = keys.filter((k) => k.for === 'edge');
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      key: keys.map((k) => ({ '@_id': k.id, '@_for': k.for, '@_attr.name': k.id, '@_attr.type': k.type })),
      graph: {
        '@_id': xmlSafe(graphId),
        '@_edgedefault': 'directed',
        node: nodes.map((n) => ({ '@_id': xmlSafe(n.id), data: dataOf(n.attributes, nodeKeys) })),
        edge: edges.map((e) => ({
          '@_id': xmlSafe(e.id),
          '@_source': xmlSafe(e.source),
          '@_target': xmlSafe(e.target),
          data: dataOf(e.attributes, edgeKeys),
        })),
      },
    },
  };
  return builder.build(document);
}
