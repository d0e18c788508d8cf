// @ts-check
/**
 * Literal values of org-defined standard picklists in metadata (rule id `org-picklist`): a value
 * such as Task Status 'Completed' exists in a standard org and is renamed, deactivated or replaced
 * in others, where the metadata then fails to deploy or sets a value the org does not have. The
 * picklists and what to do instead are in lib/salesforce-fields.mjs (ORG_PICKLISTS); the Apex side
 * of the same rule is in lib/apex-field-access.mjs.
 *
 * Checked:
 *   - quick actions: <fieldOverrides><field>F</field><literalValue>V</literalValue> on the action's
 *     target object (a Log a Call action's target is Task);
 *   - flows: <inputAssignments> and <filters> of record elements (<recordCreates>,
 *     <recordUpdates>, <recordLookups>, <recordDeletes>, and the record-triggered <start>) whose
 *     value is a <stringValue>, on the element's <object>.
 * Formulas (<formula>) and references to variables are not literals and pass.
 */
import { kid, textOf, visitAll } from './metadata-xml.mjs';
import { orgDefinedPicklist, orgPicklistMessage } from './salesforce-fields.mjs';

/** @typedef {import('./metadata-model.mjs').MetaFile} MetaFile */
/** @typedef {import('./common.mjs').Finding} Finding */

/**
 * @param {MetaFile[]} files
 * @returns {Finding[]}
 */
export function orgPicklistFindings(files) {
  /** @type {Finding[]} */
  const findings = [];
  for (const mf of files) {
    /** @param {number} line @param {string} message */
    const report = (line, message) => findings.push({ file: mf.file, line, rule: 'org-picklist', message });
    if (mf.kind.type === 'QuickAction') {
      const owner = mf.kind.fullName.includes('.') ? mf.kind.fullName.split('.')[0] : undefined;
      const target = textOf(mf.root, 'targetObject') ?? owner;
      if (!target) continue;
      for (const o of mf.root.children.filter((c) => c.name === 'fieldOverrides')) {
        const field = textOf(o, 'field');
        const value = kid(o, 'literalValue');
        const picklist = field ? orgDefinedPicklist(target, field) : undefined;
        if (picklist && value?.text)
          report(
            value.line,
            `quick action ${mf.kind.fullName}: ${orgPicklistMessage(picklist, value.text, 'overrides', "a quick action cannot look the value up, so drop the override and let the org's default apply (or create the record in Apex that reads it)")}`
          );
      }
    } else if (mf.kind.type === 'Flow') {
      visitAll(mf.root, (n, parents) => {
        if (n.name !== 'inputAssignments' && n.name !== 'filters') return;
        const element = parents[parents.length - 1];
        const object = textOf(element, 'object');
        const field = textOf(n, 'field');
        const value = kid(kid(n, 'value'), 'stringValue');
        const picklist = object && field ? orgDefinedPicklist(object, field) : undefined;
        if (picklist && value?.text)
          report(
            value.line,
            `flow ${mf.kind.fullName}, ${element.name} ${textOf(element, 'name') ?? ''}: ${orgPicklistMessage(picklist, value.text, n.name === 'filters' ? 'filters on' : 'is assigned to')}`
          );
      });
    }
  }
  return findings;
}
