// @ts-check
/**
 * XML reading for the metadata checker: well-formedness (with line/column) and
 * a small element tree that remembers the line of every element, so later rules
 * can point at the exact element they complain about.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * One XML element. Attributes keep their prefixes (`xsi:nil`); `text` is the
 * element's own character data, trimmed ('' for elements with only children).
 * @typedef {object} XNode
 * @property {string} name
 * @property {number} line 1-based line of the element's `<`
 * @property {Record<string, string>} attrs
 * @property {string} text
 * @property {XNode[]} children
 */

/**
 * @typedef {object} XmlProblem
 * @property {number} line
 * @property {number} [column]
 * @property {string} message
 */

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** @param {string} text */
function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Offsets at which each line starts, for turning a character index into a line.
 * @param {string} text
 */
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * @param {number[]} starts
 * @param {number} index
 */
function lineOf(starts, index) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Problems fast-xml-parser's validator lets through but an XML parser (and so
 * the Metadata API) rejects: entity references other than the five XML ones,
 * and more than one root element (checked in {@link parseXml}).
 * @param {string} text
 * @param {number[]} starts
 * @returns {XmlProblem | undefined}
 */
function undefinedEntity(text, starts) {
  // Ignore comments and CDATA sections, where '&' is literal.
  const masked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const re = /&([^;\s<&]*);/g;
  let m;
  while ((m = re.exec(masked))) {
    const name = m[1];
    if (XML_ENTITIES.has(name) || /^#[0-9]+$/.test(name) || /^#x[0-9a-fA-F]+$/.test(name)) continue;
    const line = lineOf(starts, m.index);
    return {
      line,
      column: m.index - starts[line - 1] + 1,
      message: `undefined entity '&${name};' (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references)`,
    };
  }
  return undefined;
}

/**
 * Reads an XML file's text: the first well-formedness problem, or the tree.
 * @param {string} raw
 * @returns {{ problem: XmlProblem, root?: undefined } | { problem?: undefined, root: XNode }}
 */
export function loadXml(raw) {
  const text = stripBom(raw);
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result !== true) {
    return { problem: { line: result.err.line, column: result.err.col, message: result.err.msg } };
  }
  const starts = lineStarts(text);
  const entity = undefinedEntity(text, starts);
  if (entity) return { problem: entity };
  const doc = parseXml(text, starts);
  if (doc.extraRoot) {
    return {
      problem: {
        line: doc.extraRoot.line,
        message: `second root element <${doc.extraRoot.name}>: an XML document has exactly one`,
      },
    };
  }
  if (!doc.root) return { problem: { line: 1, message: 'no root element' } };
  return { root: doc.root };
}

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
/** @type {symbol} fast-xml-parser keeps each element's start offset under this key */
const META = /** @type {any} */ (XMLParser.getMetaDataSymbol());

/**
 * @typedef {object} XDoc
 * @property {XNode | undefined} root
 * @property {XNode | undefined} extraRoot a second top-level element, if any
 */

/**
 * Parses well-formed XML (BOM already stripped) into an {@link XNode} tree.
 * @param {string} text
 * @param {number[]} starts
 * @returns {XDoc}
 */
function parseXml(text, starts) {
  /** @type {any[]} */
  const ordered = parser.parse(text);

  /**
   * @param {any} entry one `{ tag: children, ':@': attrs }` object of the ordered output
   * @returns {XNode | undefined}
   */
  const toNode = (entry) => {
    const name = Object.keys(entry).find((k) => k !== ':@');
    if (name === undefined || name === '#text') return undefined;
    /** @type {any} */
    const meta = entry[META];
    /** @type {XNode} */
    const node = {
      name,
      line: meta && typeof meta.startIndex === 'number' ? lineOf(starts, meta.startIndex) : 0,
      attrs: /** @type {Record<string,string>} */ (entry[':@'] ?? {}),
      text: '',
      children: [],
    };
    for (const child of /** @type {any[]} */ (entry[name] ?? [])) {
      if (Object.prototype.hasOwnProperty.call(child, '#text')) {
        node.text += String(child['#text']);
        continue;
      }
      const c = toNode(child);
      if (c) node.children.push(c);
    }
    node.text = node.text.trim();
    return node;
  };

  /** @type {XNode[]} */
  const roots = [];
  for (const entry of ordered) {
    const n = toNode(entry);
    if (n) roots.push(n);
  }
  return { root: roots[0], extraRoot: roots[1] };
}

/**
 * Child elements named `name`.
 * @param {XNode | undefined} node
 * @param {string} name
 * @returns {XNode[]}
 */
export function kids(node, name) {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/**
 * The first child element named `name`.
 * @param {XNode | undefined} node
 * @param {string} name
 */
export function kid(node, name) {
  return node?.children.find((c) => c.name === name);
}

/**
 * Text of the first child named `name`, or undefined when absent/empty.
 * @param {XNode | undefined} node
 * @param {string} name
 */
export function textOf(node, name) {
  const t = kid(node, name)?.text;
  return t === undefined || t === '' ? undefined : t;
}

/**
 * Whether the first child named `name` says `true`.
 * @param {XNode | undefined} node
 * @param {string} name
 */
export function flag(node, name) {
  return kid(node, name)?.text === 'true';
}

/**
 * Depth-first walk over `node` and its descendants.
 * @param {XNode} node
 * @param {(n: XNode, parents: XNode[]) => void} visit
 * @param {XNode[]} [parents]
 */
export function visitAll(node, visit, parents = []) {
  visit(node, parents);
  const next = [...parents, node];
  for (const c of node.children) visitAll(c, visit, next);
}
