// @ts-check
/**
 * Permission-set rules the Metadata API enforces on deploy (it rejects the whole permission set
 * with FIELD_INTEGRITY_EXCEPTION "Permission X depends on permission(s): Y", or "You cannot deploy
 * to a required field"). Rule id: `permissions`.
 *
 * Object permissions, per object:
 *   - Create, Edit, Delete and View All need Read; Delete needs Edit;
 *   - Modify All needs Read, Edit, Delete and View All;
 *   - on a master-detail child, Read, View All and Modify All need the same permission on the
 *     master (the object the child's MasterDetail field points to, read from the project's
 *     objects/<child>/fields/*.field-meta.xml). Standard masters count too: View All on a child
 *     of Account needs View All on Account, whether or not Account is in the project.
 * Field permissions, per field:
 *   - editable needs readable;
 *   - none on master-detail or required fields (always readable and editable with the object);
 *   - never editable on formula, roll-up summary or auto-number fields (calculated: read-only).
 *
 * That a field or object named in a permission set exists is a cross-reference rule
 * (lib/metadata-xref.mjs, rule `xref`).
 */
import { flag, kid, kids } from './metadata-xml.mjs';

/** @typedef {import('./metadata-model.mjs').MetaFile} MetaFile */
/** @typedef {import('./metadata-model.mjs').Model} Model */
/** @typedef {import('./common.mjs').Finding} Finding */

/** Object permission elements and how Setup (and the deploy error) names them. */
const LABEL = /** @type {const} */ ({
  allowCreate: 'Create',
  allowRead: 'Read',
  allowEdit: 'Edit',
  allowDelete: 'Delete',
  viewAllRecords: 'View All',
  modifyAllRecords: 'Modify All',
});

/** @type {Array<[keyof typeof LABEL, Array<keyof typeof LABEL>]>} permission → what it depends on, same object */
const SAME_OBJECT = [
  ['allowCreate', ['allowRead']],
  ['allowEdit', ['allowRead']],
  ['allowDelete', ['allowRead', 'allowEdit']],
  ['viewAllRecords', ['allowRead']],
  ['modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']],
];

/** Permissions a master-detail child can hold only when the user holds the same on the master. */
const ON_MASTER = /** @type {Array<keyof typeof LABEL>} */ (['allowRead', 'viewAllRecords', 'modifyAllRecords']);

const DEPLOY_FAILS = 'a deploy fails with FIELD_INTEGRITY_EXCEPTION "Permission … depends on permission(s): …"';

/** @param {string} s */
const lc = (s) => s.toLowerCase();

/**
 * The masters of an object: the targets of its project MasterDetail fields.
 * @param {Model} model
 * @param {string} objectName
 * @returns {string[]}
 */
export function mastersOf(model, objectName) {
  const o = model.object(objectName);
  if (!o) return [];
  return [...o.fields.values()]
    .filter((f) => f.project && f.type === 'MasterDetail' && f.referenceTo)
    .map((f) => /** @type {string} */ (f.referenceTo));
}

/**
 * Findings for every permission set in `files`.
 * @param {Model} model
 * @param {MetaFile[]} files
 * @returns {Finding[]}
 */
export function permissionSetFindings(model, files) {
  /** @type {Finding[]} */
  const findings = [];
  for (const mf of files) {
    if (mf.kind.type !== 'PermissionSet') continue;
    const ps = mf.kind.fullName;
    /** @param {number | undefined} line @param {string} message */
    const report = (line, message) => findings.push({ file: mf.file, line, rule: 'permissions', message });

    /** @type {Map<string, { name: string, line: number, has: (p: keyof typeof LABEL) => boolean }>} */
    const objects = new Map();
    for (const op of kids(mf.root, 'objectPermissions')) {
      const o = kid(op, 'object');
      if (o?.text) objects.set(lc(o.text), { name: o.text, line: op.line, has: (p) => flag(op, p) });
    }
    for (const entry of objects.values()) {
      for (const [perm, needs] of SAME_OBJECT) {
        if (!entry.has(perm)) continue;
        const missing = needs.filter((n) => !entry.has(n));
        if (missing.length)
          report(
            entry.line,
            `${ps}: ${LABEL[perm]} on ${entry.name} depends on ${missing.map((m) => LABEL[m]).join(', ')} on ${entry.name}; ${DEPLOY_FAILS}`
          );
      }
      for (const master of mastersOf(model, entry.name)) {
        const onMaster = objects.get(lc(master));
        for (const perm of ON_MASTER) {
          if (entry.has(perm) && !onMaster?.has(perm))
            report(
              entry.line,
              `${ps}: ${LABEL[perm]} on ${entry.name} depends on ${LABEL[perm]} on ${master} (master-detail parent); ${DEPLOY_FAILS}. Grant ${LABEL[perm]} on ${master} too, or drop ${LABEL[perm]} on ${entry.name}`
            );
        }
      }
    }

    for (const fp of kids(mf.root, 'fieldPermissions')) {
      const fn = kid(fp, 'field');
      if (!fn?.text) continue;
      const editable = flag(fp, 'editable');
      if (editable && !flag(fp, 'readable'))
        report(
          fp.line,
          `${ps}: Edit on ${fn.text} depends on Read on ${fn.text} (editable needs readable); ${DEPLOY_FAILS}`
        );
      const dot = fn.text.indexOf('.');
      const obj = dot > 0 ? model.object(fn.text.slice(0, dot)) : undefined;
      const field = obj ? model.field(obj, fn.text.slice(dot + 1)) : undefined;
      if (!field || !field.project) continue;
      if (field.type === 'MasterDetail') {
        report(
          fn.line,
          `${ps}: ${fn.text} is a master-detail field, always readable and editable with its object; a deploy fails with "You cannot deploy to a required field". Remove its fieldPermissions (object access covers it)`
        );
      } else if (field.required) {
        report(
          fn.line,
          `${ps}: ${fn.text} is a required field and takes no field permissions; a deploy fails with "You cannot deploy to a required field"${editable ? ' (and it is marked editable)' : ''}. Remove its fieldPermissions`
        );
      } else if (field.calculated && editable) {
        const what =
          field.type === 'Summary' ? 'roll-up summary' : field.type === 'AutoNumber' ? 'auto-number' : 'formula';
        report(
          fn.line,
          `${ps}: ${fn.text} is a ${what} field: calculated fields cannot be editable, and a deploy rejects editable=true. Set editable to false`
        );
      }
    }
  }
  return findings;
}
