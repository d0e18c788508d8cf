// @ts-check
/**
 * Field references in Salesforce formulas (formula fields, validation rules,
 * default values). This is a tokenizer, not a formula compiler: it finds
 * identifiers such as `Role__c`, `From__r.Relationship_Map__c` or
 * `Account__r.Owner.Name`, and skips what is not a field reference: function
 * names (an identifier followed by `(`), globals (`$User.Id`, `$Source.X`,
 * `$Profile.Name`, …), string literals, comments, numbers and the literals
 * TRUE/FALSE/NULL. Syntax, types and argument counts are not checked.
 */

/**
 * @typedef {object} FormulaRef
 * @property {string} path e.g. "From__r.Relationship_Map__c"
 * @property {number} offset index in the formula text
 */

const LITERALS = new Set(['true', 'false', 'null']);

/**
 * @param {string} formula
 * @returns {FormulaRef[]}
 */
export function formulaRefs(formula) {
  /** @type {FormulaRef[]} */
  const out = [];
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    // Comments.
    if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 2;
      continue;
    }
    // String literals, with backslash escapes.
    if (c === '"' || c === "'") {
      i++;
      while (i < s.length && s[i] !== c) i += s[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    // Numbers (so "1e5" is not read as an identifier "e5").
    if (/[0-9]/.test(c)) {
      while (i < s.length && /[0-9.eE]/.test(s[i])) i++;
      continue;
    }
    const m = /^\$?[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*/.exec(s.slice(i));
    if (!m) {
      i++;
      continue;
    }
    const start = i;
    i += m[0].length;
    const ident = m[0].replace(/\s+/g, '');
    let j = i;
    while (j < s.length && /\s/.test(s[j])) j++;
    if (s[j] === '(') continue; // function call
    if (s[j] === ':') continue; // polymorphic Owner:User.Name, not checked
    if (ident.startsWith('$')) continue; // $User, $Source, $Profile, $Setup, $Label, $Permission, …
    if (LITERALS.has(ident.toLowerCase())) continue;
    out.push({ path: ident, offset: start });
  }
  return out;
}
