// @ts-check
/**
 * Cross-reference rules: the references between metadata files that a deploy
 * resolves and a schema cannot (field names in layouts, list views,
 * permission sets, formulas, roll-ups, lookup filters; report types, reports
 * and dashboards in lib/metadata-reports.mjs; tabs in
 * apps; objects and components in tabs and Lightning pages; picklist values
 * used in filters), plus the field and object shape rules the WSDL cannot
 * express (a Text field needs a length, …) and the product's help-text rule.
 */
import { formulaRefs } from './metadata-formula.mjs';
import { isCustomName } from './metadata-model.mjs';
import { ReportRules } from './metadata-reports.mjs';
import { flag, kid, kids, textOf, visitAll } from './metadata-xml.mjs';

/** @typedef {import('./metadata-xml.mjs').XNode} XNode */
/** @typedef {import('./metadata-model.mjs').MetaFile} MetaFile */
/** @typedef {import('./metadata-model.mjs').Model} Model */
/** @typedef {import('./metadata-model.mjs').SObject} SObject */
/** @typedef {import('./metadata-model.mjs').Field} Field */
/** @typedef {import('./common.mjs').Finding} Finding */

const LOOKUP_TYPES = new Set([
  'Lookup',
  'MasterDetail',
  'Hierarchy',
  'MetadataRelationship',
  'ExternalLookup',
  'IndirectLookup',
]);
const PICKLIST_TYPES = new Set(['Picklist', 'MultiselectPicklist']);
const FORMULA_RESULT_TYPES = new Set(['Checkbox', 'Currency', 'Date', 'DateTime', 'Number', 'Percent', 'Text', 'Time']);
/** Filter operations whose value is compared with picklist values. */
const VALUE_OPERATIONS = new Set(['equals', 'notEqual', 'includes', 'excludes']);

/**
 * List view column/filter tokens of custom objects that are not field API
 * names (documented only by example; these are the ones the platform writes
 * when you retrieve a custom object's list views). Tokens marked with an
 * owner need the object to have an owner (detail objects have none).
 */
const CUSTOM_LIST_VIEW_TOKENS = new Map([
  ['NAME', ''],
  ['CREATED_DATE', ''],
  ['CREATEDBY_USER', ''],
  ['CREATEDBY_USER.ALIAS', ''],
  ['UPDATEDBY_USER', ''],
  ['UPDATEDBY_USER.ALIAS', ''],
  ['LAST_UPDATE', ''],
  ['LAST_ACTIVITY', ''],
  ['RECORDTYPE', ''],
  ['OBJECT_ID', ''],
  ['OWNER.ALIAS', 'owner'],
  ['OWNER.FIRST_NAME', 'owner'],
  ['OWNER.LAST_NAME', 'owner'],
  ['OWNER_ID', 'owner'],
  ['CORE.USERS.ALIAS', 'owner'],
]);

/** @param {string} s */
const lc = (s) => s.toLowerCase();
/** @param {string} s */
const isToken = (s) => /^[A-Z][A-Z0-9_.]*$/.test(s) && !/__[CR](\.|$)/.test(s);

/**
 * Result of resolving a field path like `From__r.Relationship_Map__c`.
 * @typedef {{ status: 'ok', field?: Field, object: SObject } | { status: 'unknown' } | { status: 'missing', message: string }} Resolved
 */

export class CrossReferencer {
  /**
   * @param {Model} model
   */
  constructor(model) {
    this.model = model;
    /** @type {Finding[]} */
    this.findings = [];
    /** @type {string} the file being checked; findings go to it */
    this.file = '';
    /** Report types, reports and dashboards (lib/metadata-reports.mjs). */
    this.reports = new ReportRules(this);
    /** @type {Record<string, (mf: MetaFile) => void>} metadata type → its rules */
    this.handlers = {
      CustomObject: (mf) => this.customObject(mf),
      CustomField: (mf) => this.customField(mf),
      ValidationRule: (mf) => this.validationRule(mf),
      ListView: (mf) => this.listView(mf),
      CompactLayout: (mf) => this.compactLayout(mf),
      FieldSet: (mf) => this.fieldSet(mf),
      RecordType: (mf) => this.recordType(mf),
      Layout: (mf) => this.layout(mf),
      PermissionSet: (mf) => this.permissionSet(mf),
      PermissionSetGroup: (mf) => this.permissionSetGroup(mf),
      CustomTab: (mf) => this.customTab(mf),
      CustomApplication: (mf) => this.customApplication(mf),
      FlexiPage: (mf) => this.flexiPage(mf),
      LightningComponentBundle: (mf) => this.lightningComponentBundle(mf),
      QuickAction: (mf) => this.quickAction(mf),
      ReportType: (mf) => this.reports.reportType(mf),
      Report: (mf) => this.reports.reportFile(mf),
      Dashboard: (mf) => this.reports.dashboard(mf),
      CustomMetadata: (mf) => this.customMetadata(mf),
    };
  }

  /**
   * @param {number | undefined} line
   * @param {string} message
   * @param {string} [rule]
   */
  report(line, message, rule = 'xref') {
    this.findings.push({ file: this.file, line, rule, message });
  }

  /**
   * Runs every rule over every file.
   * @param {MetaFile[]} files
   */
  run(files) {
    for (const mf of files) {
      this.file = mf.file;
      this.handlers[mf.kind.type]?.(mf);
    }
    this.objectsWithoutFiles(files);
    return this.findings;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The object a child file (field, list view, …) belongs to.
   * @param {MetaFile} mf
   */
  parentOf(mf) {
    return this.model.object(mf.kind.parent);
  }

  /**
   * Resolves a dotted field path on `start`.
   * @param {SObject} start
   * @param {string} pathText
   * @param {{ lookupFieldHop?: boolean }} [opts] lookupFieldHop: `Contact__c.Email` may hop through the lookup field itself (report types, field sets)
   * @returns {Resolved}
   */
  resolve(start, pathText, opts = {}) {
    const segs = pathText.split('.').map((s) => s.trim());
    /** @type {SObject | undefined} */
    let obj = start;
    for (let i = 0; i < segs.length - 1; i++) {
      if (!obj) return { status: 'unknown' };
      const seg = segs[i];
      /** @type {Field | undefined} */
      let f;
      if (/__r$/i.test(seg) || (opts.lookupFieldHop && /__c$/i.test(seg))) {
        f = this.model.field(obj, seg.replace(/__r$/i, '__c'));
        if (!f) {
          if (obj.kind === 'known') return { status: 'unknown' };
          return {
            status: 'missing',
            message: `${obj.name} has no lookup field ${seg.replace(/__r$/i, '__c')} (for ${seg} in ${pathText})`,
          };
        }
        if (!f.type || !LOOKUP_TYPES.has(f.type)) {
          return {
            status: 'missing',
            message: `${obj.name}.${f.name} is a ${f.type ?? 'non-lookup'} field, so ${seg} in ${pathText} is not a relationship`,
          };
        }
      } else {
        f = this.model.relationship(obj, seg);
        if (!f) {
          if (obj.kind === 'known' && !isCustomName(seg)) return { status: 'unknown' };
          const asField = this.model.field(obj, seg);
          if (asField && asField.type && LOOKUP_TYPES.has(asField.type) && /__c$/i.test(seg)) {
            return {
              status: 'missing',
              message: `${seg} in ${pathText} is a field; to follow the relationship write ${seg.replace(/__c$/i, '__r')}`,
            };
          }
          const ownerless =
            lc(seg) === 'owner' && obj.custom && [...obj.fields.values()].some((x) => x.type === 'MasterDetail');
          return {
            status: 'missing',
            message: ownerless
              ? `${obj.name} has no Owner: it is the detail of a master-detail relationship (in ${pathText})`
              : `${obj.name} has no relationship ${seg} (in ${pathText})${this.hint(obj, seg)}`,
          };
        }
      }
      if (!f.referenceTo) return { status: 'unknown' }; // polymorphic (Who, What, Owner of activities)
      obj = this.model.object(f.referenceTo);
    }
    if (!obj) return { status: 'unknown' };
    const last = segs[segs.length - 1];
    const status = this.model.fieldStatus(obj, last);
    if (status === 'ok') return { status: 'ok', field: this.model.field(obj, last), object: obj };
    if (status === 'unknown') return { status: 'unknown' };
    return {
      status: 'missing',
      message: `${obj.name} has no field ${last}${segs.length > 1 ? ` (in ${pathText})` : ''}${this.hint(obj, last)}`,
    };
  }

  /**
   * Extra words for misses on standard objects, whose table is partial.
   * @param {SObject} obj
   * @param {string} name
   */
  hint(obj, name) {
    return obj.kind === 'standard' && !isCustomName(name)
      ? ` (not in the checker's standard-field table; if ${obj.name}.${name} is real, add it to STANDARD in scripts/check/lib/metadata-model.mjs)`
      : '';
  }

  /**
   * Words for an object name that resolves to nothing.
   * @param {string} name
   */
  noObject(name) {
    return isCustomName(name)
      ? `no object ${name} in the project`
      : `no object ${name} in the project or the checker's standard-object list (if it is a real standard object, add it to KNOWN_OBJECTS in scripts/check/lib/metadata-model.mjs)`;
  }

  /**
   * Reports `pathText` on `obj` unless it resolves; returns the field when it does.
   * @param {SObject | undefined} obj
   * @param {string | undefined} pathText
   * @param {number} line
   * @param {string} what e.g. "list view column"
   * @param {{ lookupFieldHop?: boolean, shown?: string }} [opts] shown: the reference as written, when it is more than pathText (Object.Field)
   */
  expectField(obj, pathText, line, what, opts) {
    if (!obj || !pathText) return undefined;
    const r = this.resolve(obj, pathText, opts);
    if (r.status === 'missing') this.report(line, `${what} ${opts?.shown ?? pathText}: ${r.message}`);
    return r.status === 'ok' ? r.field : undefined;
  }

  /**
   * `Object.Field` → [object, field].
   * @param {string} text
   * @param {number} line
   * @param {string} what
   * @returns {[SObject, string] | undefined}
   */
  qualified(text, line, what) {
    const dot = text.indexOf('.');
    if (dot < 0) {
      this.report(line, `${what} ${text} must be written Object.Field`);
      return undefined;
    }
    const objName = text.slice(0, dot);
    const obj = this.model.object(objName);
    if (!obj) {
      this.report(line, `${what} ${text}: ${this.noObject(objName)}`);
      return undefined;
    }
    return [obj, text.slice(dot + 1)];
  }

  /**
   * Picklist values used in a filter must exist in the field's value set.
   * Comma-separated values mean "any of".
   * @param {Field | undefined} field
   * @param {string | undefined} operation
   * @param {string | undefined} value
   * @param {number} line
   * @param {string} what
   * @param {boolean} [split] comma-separated "any of" (filters); false for a single value
   * @param {string} [note] appended to the message
   */
  expectPicklistValues(field, operation, value, line, what, split = true, note = '') {
    if (!field || !field.type || !PICKLIST_TYPES.has(field.type) || value === undefined || value === '') return;
    if (operation && !VALUE_OPERATIONS.has(operation)) return;
    const values = this.model.picklistValues(field);
    if (!values) return;
    const known = new Set(values.map(lc));
    for (const v of (split ? value.split(',') : [value]).map((x) => x.trim()).filter(Boolean)) {
      if (!known.has(lc(v))) {
        const source = field.valueSetName ? `global value set ${field.valueSetName}` : `${field.object}.${field.name}`;
        this.report(line, `${what}: '${v}' is not a value of ${source} (values: ${values.join(', ')})${note}`);
      }
    }
  }

  /**
   * A checkbox filter compares with 1 or 0 (list views and reports also read true/false); any
   * other value matches nothing.
   * @param {Field | undefined} field
   * @param {string | undefined} value
   * @param {number} line
   * @param {string} what
   */
  expectCheckboxValue(field, value, line, what) {
    if (!field || field.type !== 'Checkbox' || value === undefined || value === '') return;
    if (!/^(0|1|true|false)$/i.test(value.trim()))
      this.report(line, `${what}: '${value}' is not a checkbox value (use 1 for checked, 0 for unchecked)`);
  }

  /**
   * Filter numbers in a boolean filter must be 1..count.
   * @param {XNode | undefined} node the booleanFilter element
   * @param {number} count
   * @param {string} what
   */
  expectBooleanFilter(node, count, what) {
    if (!node || !node.text) return;
    for (const m of node.text.matchAll(/\d+/g)) {
      const n = Number(m[0]);
      if (n < 1 || n > count)
        this.report(node.line, `${what} booleanFilter '${node.text}' refers to filter ${n}, but there are ${count}`);
    }
  }

  /**
   * Field references of a formula, resolved on `obj`.
   * @param {SObject | undefined} obj
   * @param {XNode | undefined} node the formula element
   * @param {string} what
   */
  expectFormula(obj, node, what) {
    if (!obj || !node || !node.text) return;
    const text = node.text;
    for (const ref of formulaRefs(text)) {
      const r = this.resolve(obj, ref.path);
      if (r.status !== 'missing') continue;
      const line = node.line + (text.slice(0, ref.offset).match(/\n/g)?.length ?? 0);
      this.report(line, `${what} references ${ref.path}: ${r.message}`);
    }
    // ISPICKVAL(field, "value"): a deploy accepts any value, but one that is
    // not in the picklist makes the condition silently never true.
    for (const m of text.matchAll(/ISPICKVAL\s*\(\s*([A-Za-z_][\w.]*)\s*,\s*(["'])((?:\\.|(?!\2).)*)\2\s*\)/gi)) {
      const r = this.resolve(obj, m[1]);
      if (r.status !== 'ok') continue;
      const line = node.line + (text.slice(0, m.index ?? 0).match(/\n/g)?.length ?? 0);
      this.expectPicklistValues(
        r.field,
        undefined,
        m[3],
        line,
        `${what} ISPICKVAL(${m[1]}, "${m[3]}")`,
        false,
        '; a deploy accepts this, but the test is never true'
      );
    }
  }

  /**
   * A list view / related list column token or field name on `obj`.
   * @param {SObject | undefined} obj
   * @param {string} token
   * @param {number} line
   * @param {string} what
   */
  expectColumn(obj, token, line, what) {
    if (!obj || !token) return;
    if (isToken(token)) {
      if (!obj.custom) return; // standard objects have many tokens (ACCOUNT.NAME, CORE.USERS.ALIAS, …)
      const needs = CUSTOM_LIST_VIEW_TOKENS.get(token);
      if (needs === undefined) {
        this.report(
          line,
          `${what} ${token}: not a column token of custom objects the checker knows (${[...CUSTOM_LIST_VIEW_TOKENS.keys()].join(', ')}), nor a field API name`
        );
      } else if (needs === 'owner' && !obj.fields.has('ownerid')) {
        this.report(
          line,
          `${what} ${token}: ${obj.name} has no owner (it is the detail of a master-detail relationship)`
        );
      }
      return;
    }
    // `Object.Field` where Object is the list's own object, or a relationship path.
    const prefix = `${lc(obj.name)}.`;
    const pathText = lc(token).startsWith(prefix) ? token.slice(prefix.length) : token;
    this.expectField(obj, pathText, line, what);
  }

  // -------------------------------------------------------------- objects

  /** @param {MetaFile} mf */
  customObject(mf) {
    const obj = this.model.object(mf.kind.fullName);
    if (!obj) return;
    const r = mf.root;
    const name = obj.name;
    if (/__c$/i.test(name)) {
      for (const req of ['label', 'pluralLabel', 'nameField']) {
        if (!kid(r, req))
          this.report(r.line, `custom object ${name} needs <${req}>: a deploy rejects an object without it`, 'schema');
      }
      const nf = kid(r, 'nameField');
      if (nf) {
        const t = textOf(nf, 'type');
        if (t && t !== 'Text' && t !== 'AutoNumber')
          this.report(nf.line, `nameField type ${t}: a name field is Text or AutoNumber`, 'schema');
        if (t === 'AutoNumber' && !textOf(nf, 'displayFormat'))
          this.report(nf.line, 'an AutoNumber nameField needs <displayFormat>', 'schema');
        if (!textOf(nf, 'label')) this.report(nf.line, 'nameField needs <label>', 'schema');
      }
      this.nameRules(name, r.line, 'object');
      this.lengthRule(kid(r, 'label'), 40, 'label');
      this.lengthRule(kid(r, 'description'), 1000, 'description');
      if (!textOf(r, 'description'))
        this.report(
          r.line,
          `custom object ${name} has no <description> (product rule: every custom object is described)`,
          'help-text'
        );
    }
    const mds = [...obj.fields.values()].filter((f) => f.type === 'MasterDetail');
    const sharing = kid(r, 'sharingModel');
    if (sharing?.text === 'ControlledByParent' && mds.length === 0) {
      this.report(
        sharing.line,
        `sharingModel ControlledByParent needs a master-detail field on ${name}, and it has none`
      );
    }
    if (mds.length > 0 && sharing && sharing.text !== 'ControlledByParent') {
      this.report(
        sharing.line,
        `${name} is the detail of a master-detail relationship, so its sharingModel must be ControlledByParent, not ${sharing.text}`
      );
    }
    if (mds.length > 2)
      this.report(r.line, `${name} has ${mds.length} master-detail fields; an object may have at most 2`);
    const cla = kid(r, 'compactLayoutAssignment');
    if (cla && cla.text !== 'SYSTEM' && !obj.compactLayouts.has(lc(cla.text))) {
      this.report(cla.line, `compactLayoutAssignment ${cla.text}: ${name} has no such compact layout`);
    }
    for (const ao of kids(r, 'actionOverrides')) this.actionOverride(ao, 'actionOverrides');
    // searchLayouts: each *Fields element names one column (token or field).
    for (const c of kid(r, 'searchLayouts')?.children ?? []) {
      if (/Fields$/.test(c.name) && c.text) this.expectColumn(obj, c.text, c.line, `searchLayouts ${c.name}`);
    }
  }

  /**
   * @param {XNode} ao an actionOverrides / profileActionOverrides element
   * @param {string} what
   */
  actionOverride(ao, what) {
    const type = textOf(ao, 'type');
    const content = kid(ao, 'content');
    if (!content || !content.text) return;
    if (type === 'Flexipage' && !this.model.flexiPages.has(lc(content.text))) {
      this.report(content.line, `${what} content ${content.text}: no FlexiPage of that name in the project`);
    } else if (type === 'LightningComponent') {
      const n = content.text.replace(/^c(:|__)/, '');
      if (!this.model.aura.has(lc(n)) && !this.model.lwc.has(lc(n)))
        this.report(content.line, `${what} content ${content.text}: no Aura or LWC bundle ${n} in the project`);
    } else if (type === 'Visualforce' && !this.model.apexPages.has(lc(content.text))) {
      this.report(content.line, `${what} content ${content.text}: no Visualforce page of that name in the project`);
    }
  }

  /**
   * API name rules for custom objects and fields.
   * @param {string} apiName
   * @param {number} line
   * @param {string} what
   */
  nameRules(apiName, line, what) {
    const m = /^(.*?)__(c|mdt|e)$/i.exec(apiName);
    if (!m) return;
    const base = m[1];
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(base) || base.includes('__') || base.endsWith('_')) {
      this.report(
        line,
        `${what} name ${apiName}: must start with a letter, use only letters, digits and single underscores, and not end in an underscore`,
        'schema'
      );
    }
    if (base.length > 40)
      this.report(
        line,
        `${what} name ${apiName}: ${base.length} characters before the suffix, the limit is 40`,
        'schema'
      );
  }

  /**
   * @param {XNode | undefined} node
   * @param {number} max
   * @param {string} what
   */
  lengthRule(node, max, what) {
    if (node && node.text.length > max)
      this.report(node.line, `${what} is ${node.text.length} characters; the limit is ${max}`, 'schema');
  }

  /** @param {MetaFile} mf */
  customField(mf) {
    const obj = this.parentOf(mf);
    if (!obj) return;
    const r = mf.root;
    const f = this.model.field(obj, mf.kind.name);
    const type = textOf(r, 'type');
    const formula = kid(r, 'formula');
    const custom = /__c$/i.test(mf.kind.name);

    if (custom) {
      // Product rule: every field explains itself.
      if (!textOf(r, 'description'))
        this.report(
          r.line,
          `field ${obj.name}.${mf.kind.name} has no <description> (product rule: every field has a description and help text)`,
          'help-text'
        );
      if (!textOf(r, 'inlineHelpText'))
        this.report(
          r.line,
          `field ${obj.name}.${mf.kind.name} has no <inlineHelpText> (product rule: every field has help text)`,
          'help-text'
        );
      this.nameRules(mf.kind.name, r.line, 'field');
      this.fieldShape(mf, obj);
    }
    this.lengthRule(kid(r, 'label'), 40, 'label');
    this.lengthRule(kid(r, 'description'), 1000, 'description');
    this.lengthRule(kid(r, 'inlineHelpText'), 510, 'inlineHelpText');

    // Lookups and master-details point at real objects, with unique relationship names.
    const refNode = kid(r, 'referenceTo');
    if (refNode && refNode.text) {
      const target = this.model.object(refNode.text);
      if (!target) this.report(refNode.line, `referenceTo ${refNode.text}: ${this.noObject(refNode.text)}`);
      const relNode = kid(r, 'relationshipName');
      if (target && relNode && f) {
        for (const other of this.model.objects.values()) {
          for (const g of other.fields.values()) {
            if (g === f || !g.project || !g.relationshipName || !g.referenceTo) continue;
            if (
              lc(g.referenceTo) === lc(target.name) &&
              lc(g.relationshipName) === lc(relNode.text) &&
              `${other.name}.${g.name}` < `${obj.name}.${f.name}`
            ) {
              this.report(
                relNode.line,
                `relationshipName ${relNode.text} is already used by ${other.name}.${g.name} for ${target.name}: child relationship names must be unique per parent`
              );
            }
          }
        }
      }
    }

    // Picklists: global value sets, dependencies.
    const vs = kid(r, 'valueSet');
    if (vs) {
      const gvs = kid(vs, 'valueSetName');
      if (gvs && !this.model.globalValueSets.has(lc(gvs.text)))
        this.report(gvs.line, `valueSetName ${gvs.text}: no global value set of that name in the project`);
      const ctrl = kid(vs, 'controllingField');
      const ctrlField = ctrl ? this.expectField(obj, ctrl.text, ctrl.line, 'controllingField') : undefined;
      const own = f ? this.model.picklistValues(f) : undefined;
      for (const st of kids(vs, 'valueSettings')) {
        const vn = kid(st, 'valueName');
        if (vn && own && !own.map(lc).includes(lc(vn.text)))
          this.report(vn.line, `valueSettings valueName '${vn.text}' is not a value of this picklist`);
        if (ctrlField)
          for (const cv of kids(st, 'controllingFieldValue'))
            this.expectPicklistValues(ctrlField, undefined, cv.text, cv.line, 'controllingFieldValue');
      }
      if (own) {
        const defaults = kids(kid(vs, 'valueSetDefinition'), 'value').filter((v) => flag(v, 'default'));
        if (defaults.length > 1)
          this.report(defaults[1].line, `${defaults.length} picklist values are marked default; at most one may be`);
      }
    }

    // Roll-up summaries.
    if (type === 'Summary') this.rollUp(mf, obj);

    // Lookup filters.
    const lf = kid(r, 'lookupFilter');
    if (lf) this.lookupFilter(lf, obj, refNode?.text);

    // Formulas and formula default values.
    this.expectFormula(obj, formula, 'formula');
    const dv = kid(r, 'defaultValue');
    if (dv && type !== 'Checkbox') this.expectFormula(obj, dv, 'defaultValue');
  }

  /**
   * Type-specific requirements the WSDL cannot express.
   * @param {MetaFile} mf
   * @param {SObject} obj
   */
  fieldShape(mf, obj) {
    const r = mf.root;
    const type = textOf(r, 'type');
    const formula = textOf(r, 'formula');
    const has = (/** @type {string} */ n) => kid(r, n) !== undefined;
    /** @param {string} msg */
    const need = (msg) =>
      this.report(r.line, `${obj.name}.${mf.kind.name} (${type}${formula ? ' formula' : ''}): ${msg}`, 'schema');
    if (!type) {
      if (/__c$/i.test(mf.kind.name)) need('a custom field needs <type>');
      return;
    }
    if (!has('label')) need('needs <label>');
    if (formula !== undefined) {
      if (!FORMULA_RESULT_TYPES.has(type))
        need(`a formula field's type must be one of ${[...FORMULA_RESULT_TYPES].join(', ')}`);
      if (['Number', 'Currency', 'Percent'].includes(type) && (!has('precision') || !has('scale')))
        need('needs <precision> and <scale>');
      return;
    }
    switch (type) {
      case 'Text': {
        const len = Number(textOf(r, 'length'));
        if (!has('length')) need('needs <length>');
        else if (!(len >= 1 && len <= 255)) need(`length ${textOf(r, 'length')} must be 1–255`);
        break;
      }
      case 'LongTextArea':
      case 'Html': {
        const len = Number(textOf(r, 'length'));
        if (!has('length')) need('needs <length>');
        else if (!(len >= 256 && len <= 131072)) need(`length ${textOf(r, 'length')} must be 256–131072`);
        if (!has('visibleLines')) need('needs <visibleLines>');
        break;
      }
      case 'EncryptedText':
        if (!has('length')) need('needs <length>');
        if (!has('maskType') || !has('maskChar')) need('needs <maskType> and <maskChar>');
        break;
      case 'Number':
      case 'Currency':
      case 'Percent': {
        if (!has('precision') || !has('scale')) {
          need('needs <precision> and <scale>');
          break;
        }
        const p = Number(textOf(r, 'precision'));
        const s = Number(textOf(r, 'scale'));
        if (!(p >= 1 && p <= 18)) need(`precision ${p} must be 1–18`);
        if (!(s >= 0 && s <= p)) need(`scale ${s} must be 0–precision`);
        break;
      }
      case 'TextArea':
        if (has('length'))
          need(
            'takes no <length> (the platform fixes it at 255: "Can not specify \'length\' for a CustomField of type TextArea")'
          );
        break;
      case 'Checkbox':
        if (!has('defaultValue')) need('needs <defaultValue> (true or false)');
        else if (!/^(true|false)$/i.test(textOf(r, 'defaultValue') ?? ''))
          need(`defaultValue '${textOf(r, 'defaultValue')}' must be true or false`);
        break;
      case 'Lookup':
        if (!has('referenceTo') || !has('relationshipName')) need('needs <referenceTo> and <relationshipName>');
        if (flag(r, 'required') && textOf(r, 'deleteConstraint') === 'SetNull')
          need('a required lookup cannot have deleteConstraint SetNull (use Restrict)');
        break;
      case 'MasterDetail': {
        if (!has('referenceTo') || !has('relationshipName')) need('needs <referenceTo> and <relationshipName>');
        if (has('required'))
          need('takes no <required> ("Master-Detail Relationship Fields Cannot be Optional or Required")');
        if (has('deleteConstraint'))
          need(
            'takes no <deleteConstraint> ("Can not specify \'deleteConstraint\' for a CustomField of type MasterDetail")'
          );
        if (has('lookupFilter'))
          need('takes no <lookupFilter> ("Lookup filters are only supported on Lookup Relationship Fields")');
        const order = textOf(r, 'relationshipOrder');
        if (order === undefined)
          need('needs <relationshipOrder> (0 for the first master-detail of the object, 1 for the second)');
        else if (order !== '0' && order !== '1') need(`relationshipOrder ${order} must be 0 or 1`);
        break;
      }
      case 'Picklist':
      case 'MultiselectPicklist': {
        const vs = kid(r, 'valueSet');
        if (!vs) need('needs <valueSet>');
        else if (kid(vs, 'valueSetName') && kid(vs, 'valueSetDefinition'))
          need(
            'valueSet has both <valueSetName> and <valueSetDefinition> ("Value set must reference a value set name or define a value set, but not both")'
          );
        else if (!kid(vs, 'valueSetName') && !kid(vs, 'valueSetDefinition'))
          need('valueSet needs <valueSetName> or <valueSetDefinition>');
        /** @type {Set<string>} */
        const seen = new Set();
        for (const v of kids(kid(vs, 'valueSetDefinition'), 'value')) {
          const n = textOf(v, 'fullName') ?? '';
          if (seen.has(lc(n)))
            this.report(v.line, `${obj.name}.${mf.kind.name}: picklist value '${n}' is defined twice`, 'schema');
          seen.add(lc(n));
        }
        if (type === 'MultiselectPicklist' && !has('visibleLines')) need('needs <visibleLines>');
        break;
      }
      case 'Summary': {
        const op = textOf(r, 'summaryOperation');
        if (!op || !has('summaryForeignKey')) need('needs <summaryOperation> and <summaryForeignKey>');
        else if (op !== 'count' && !has('summarizedField')) need(`summaryOperation ${op} needs <summarizedField>`);
        else if (op === 'count' && has('summarizedField')) need('a count roll-up takes no <summarizedField>');
        for (const bad of ['precision', 'scale', 'length', 'required']) {
          if (has(bad)) need(`takes no <${bad}> ("Can not specify '${bad}' for a CustomField of type Summary")`);
        }
        break;
      }
      case 'AutoNumber':
        if (!has('displayFormat')) need('needs <displayFormat>');
        break;
      default:
    }
  }

  /**
   * @param {MetaFile} mf
   * @param {SObject} obj the master (where the roll-up lives)
   */
  rollUp(mf, obj) {
    const r = mf.root;
    const fk = kid(r, 'summaryForeignKey');
    if (!fk || !fk.text) return;
    const q = this.qualified(fk.text, fk.line, 'summaryForeignKey');
    if (!q) return;
    const [child, fkName] = q;
    const fkField = this.expectField(child, fkName, fk.line, 'summaryForeignKey', { shown: fk.text });
    if (fkField && (fkField.type !== 'MasterDetail' || lc(fkField.referenceTo ?? '') !== lc(obj.name))) {
      this.report(
        fk.line,
        `summaryForeignKey ${fk.text} must be a master-detail field to ${obj.name}; it is ${fkField.type ?? 'not'} ${fkField.referenceTo ? `to ${fkField.referenceTo}` : ''}`.trim()
      );
    }
    const sf = kid(r, 'summarizedField');
    if (sf && sf.text) {
      const q2 = this.qualified(sf.text, sf.line, 'summarizedField');
      if (q2) {
        if (lc(q2[0].name) !== lc(child.name))
          this.report(sf.line, `summarizedField ${sf.text} must be a field of ${child.name}`);
        else this.expectField(q2[0], q2[1], sf.line, 'summarizedField', { shown: sf.text });
      }
    }
    const items = kids(r, 'summaryFilterItems');
    for (const it of items) {
      const fn = kid(it, 'field');
      if (!fn) continue;
      const q3 = this.qualified(fn.text, fn.line, 'summaryFilterItems field');
      if (!q3) continue;
      if (lc(q3[0].name) !== lc(child.name)) {
        this.report(fn.line, `summaryFilterItems field ${fn.text} must be a field of ${child.name}`);
        continue;
      }
      const field = this.expectField(q3[0], q3[1], fn.line, 'summaryFilterItems field', { shown: fn.text });
      this.expectPicklistValues(
        field,
        textOf(it, 'operation'),
        textOf(it, 'value'),
        kid(it, 'value')?.line ?? fn.line,
        `roll-up filter on ${fn.text}`
      );
    }
  }

  /**
   * @param {XNode} lf the lookupFilter element
   * @param {SObject} source object owning the lookup field
   * @param {string | undefined} targetName the lookup's target object
   */
  lookupFilter(lf, source, targetName) {
    const target = this.model.object(targetName);
    /** @param {XNode | undefined} node */
    const side = (node) => {
      if (!node || !node.text) return undefined;
      const t = node.text;
      const dot = t.indexOf('.');
      const head = dot < 0 ? t : t.slice(0, dot);
      const rest = dot < 0 ? '' : t.slice(dot + 1);
      if (head === '$Source') return this.expectField(source, rest, node.line, 'lookup filter field');
      if (head === '$User') return this.expectField(this.model.object('User'), rest, node.line, 'lookup filter field');
      if (head.startsWith('$')) return undefined;
      if (target && lc(head) === lc(target.name))
        return this.expectField(target, rest, node.line, 'lookup filter field');
      this.report(
        node.line,
        `lookup filter field ${t}: must start with $Source., $User. or the target object ${targetName ?? ''}.`
      );
      return undefined;
    };
    const items = kids(lf, 'filterItems');
    for (const it of items) {
      const field = side(kid(it, 'field'));
      side(kid(it, 'valueField'));
      this.expectPicklistValues(
        field,
        textOf(it, 'operation'),
        textOf(it, 'value'),
        kid(it, 'value')?.line ?? it.line,
        `lookup filter on ${textOf(it, 'field')}`
      );
    }
    this.expectBooleanFilter(kid(lf, 'booleanFilter'), items.length, 'lookup filter');
  }

  /** @param {MetaFile} mf */
  validationRule(mf) {
    const obj = this.parentOf(mf);
    this.expectFormula(obj, kid(mf.root, 'errorConditionFormula'), `validation rule ${mf.kind.name}`);
    const edf = kid(mf.root, 'errorDisplayField');
    if (edf) this.expectField(obj, edf.text, edf.line, 'errorDisplayField');
  }

  /** @param {MetaFile} mf */
  listView(mf) {
    const obj = this.parentOf(mf);
    for (const c of kids(mf.root, 'columns')) this.expectColumn(obj, c.text, c.line, 'list view column');
    const filters = kids(mf.root, 'filters');
    for (const fl of filters) {
      const fn = kid(fl, 'field');
      if (!fn) continue;
      this.expectColumn(obj, fn.text, fn.line, 'list view filter field');
      if (obj && !isToken(fn.text)) {
        const prefix = `${lc(obj.name)}.`;
        const r = this.resolve(obj, lc(fn.text).startsWith(prefix) ? fn.text.slice(prefix.length) : fn.text);
        if (r.status === 'ok') {
          const valueLine = kid(fl, 'value')?.line ?? fn.line;
          this.expectPicklistValues(
            r.field,
            textOf(fl, 'operation'),
            textOf(fl, 'value'),
            valueLine,
            `list view filter on ${fn.text}`
          );
          this.expectCheckboxValue(r.field, textOf(fl, 'value'), valueLine, `list view filter on ${fn.text}`);
        }
      }
    }
    this.expectBooleanFilter(kid(mf.root, 'booleanFilter'), filters.length, 'list view');
  }

  /** @param {MetaFile} mf */
  compactLayout(mf) {
    const obj = this.parentOf(mf);
    for (const f of kids(mf.root, 'fields')) this.expectField(obj, f.text, f.line, 'compact layout field');
  }

  /** @param {MetaFile} mf */
  fieldSet(mf) {
    const obj = this.parentOf(mf);
    for (const list of ['displayedFields', 'availableFields']) {
      for (const it of kids(mf.root, list)) {
        const f = kid(it, 'field');
        if (f) this.expectField(obj, f.text, f.line, `field set ${list}`, { lookupFieldHop: true });
      }
    }
  }

  /** @param {MetaFile} mf */
  recordType(mf) {
    const obj = this.parentOf(mf);
    if (!obj) return;
    const bp = kid(mf.root, 'businessProcess');
    if (bp && !obj.businessProcesses.has(lc(bp.text)) && obj.kind === 'project')
      this.report(bp.line, `businessProcess ${bp.text}: ${obj.name} has no such business process`);
    if (!bp && ['opportunity', 'lead', 'case', 'solution'].includes(lc(obj.name))) {
      this.report(
        mf.root.line,
        `a ${obj.name} record type needs <businessProcess> ("Required field is missing: businessProcess")`
      );
    }
    for (const pv of kids(mf.root, 'picklistValues')) {
      const p = kid(pv, 'picklist');
      if (!p) continue;
      const field = this.expectField(obj, p.text, p.line, 'record type picklist');
      for (const v of kids(pv, 'values')) {
        const full = kid(v, 'fullName');
        if (!full) continue;
        let decoded = full.text;
        try {
          decoded = decodeURIComponent(full.text);
        } catch {
          // keep as written
        }
        this.expectPicklistValues(field, undefined, decoded, full.line, `record type value for ${p.text}`, false);
      }
    }
  }

  // -------------------------------------------------------------- layouts

  /** @param {MetaFile} mf */
  layout(mf) {
    const objName = mf.kind.fullName.split('-')[0];
    const obj = this.model.object(objName);
    const r = mf.root;
    if (!obj) {
      this.report(r.line, `layout ${mf.kind.fullName}: ${this.noObject(objName)}`);
      return;
    }
    /** @type {Map<string, number>} */
    const seen = new Map();
    for (const sec of kids(r, 'layoutSections')) {
      for (const col of kids(sec, 'layoutColumns')) {
        for (const item of kids(col, 'layoutItems')) {
          const f = kid(item, 'field');
          if (f) {
            if (seen.has(lc(f.text)))
              this.report(f.line, `layout field ${f.text} appears more than once (also line ${seen.get(lc(f.text))})`);
            else seen.set(lc(f.text), f.line);
            this.expectField(obj, f.text, f.line, 'layout field');
          }
          const cl = kid(item, 'customLink');
          if (cl && !obj.webLinks.has(lc(cl.text)))
            this.report(cl.line, `layout customLink ${cl.text}: ${obj.name} has no such web link`);
          const pg = kid(item, 'page');
          if (pg && !this.model.apexPages.has(lc(pg.text)))
            this.report(pg.line, `layout page ${pg.text}: no Visualforce page of that name in the project`);
        }
      }
    }
    for (const b of kids(r, 'customButtons'))
      if (!obj.webLinks.has(lc(b.text)))
        this.report(b.line, `layout customButton ${b.text}: ${obj.name} has no such web link`);
    for (const rl of kids(r, 'relatedLists')) this.relatedList(rl, obj);
    const mini = kid(r, 'miniLayout');
    for (const f of kids(mini, 'fields')) {
      if (!seen.has(lc(f.text)))
        this.report(f.line, `miniLayout field ${f.text} is not in the full layout (a deploy rejects it)`);
    }
    const summary = kid(r, 'summaryLayout');
    for (const it of kids(summary, 'summaryLayoutItems')) {
      const f = kid(it, 'field');
      if (f) this.expectField(obj, f.text, f.line, 'summaryLayout field');
    }
    for (const qa of kids(kid(r, 'quickActionList'), 'quickActionListItems')) {
      const n = kid(qa, 'quickActionName');
      if (!n) continue;
      const dot = n.text.indexOf('.');
      const owner = dot > 0 ? n.text.slice(0, dot) : '';
      if (owner && isCustomName(owner) && !this.model.quickActions.has(lc(n.text)))
        this.report(n.line, `quick action ${n.text}: no such quick action in the project`);
    }
  }

  /**
   * A layout related list: `Child__c.Lookup__c` (or a standard list name).
   * @param {XNode} rl
   * @param {SObject} parent
   */
  relatedList(rl, parent) {
    const n = kid(rl, 'relatedList');
    if (!n || !n.text) return;
    const text = n.text;
    /** @type {SObject | undefined} */
    let child;
    if (text.includes('.')) {
      const [childName, fieldName] = text.split('.', 2);
      child = this.model.object(childName);
      if (!child) {
        this.report(n.line, `related list ${text}: ${this.noObject(childName)}`);
        return;
      }
      const st = this.model.fieldStatus(child, fieldName);
      const f = this.model.field(child, fieldName);
      if (st === 'missing') {
        this.report(
          n.line,
          `related list ${text}: ${child.name} has no field ${fieldName}${this.hint(child, fieldName)}`
        );
        return;
      }
      if (f && f.type && (!LOOKUP_TYPES.has(f.type) || (f.referenceTo && lc(f.referenceTo) !== lc(parent.name)))) {
        this.report(
          n.line,
          `related list ${text}: ${child.name}.${f.name} is not a lookup or master-detail to ${parent.name}${f.referenceTo ? ` (it points to ${f.referenceTo})` : ''}, so ${parent.name} has no such related list`
        );
        return;
      }
    } else if (/__[cr]$/i.test(text)) {
      this.report(n.line, `related list ${text}: custom related lists are named ChildObject__c.LookupField__c`);
      return;
    } else {
      return; // standard related list (RelatedActivityList, RelatedHistoryList, …)
    }
    for (const c of kids(rl, 'fields')) this.expectColumn(child, c.text, c.line, `related list ${text} column`);
    const sort = kid(rl, 'sortField');
    if (sort) this.expectColumn(child, sort.text, sort.line, `related list ${text} sortField`);
  }

  // ------------------------------------------------------ permission sets

  /**
   * Names in a permission set resolve. Whether its permissions hold together (dependencies,
   * required and calculated fields) is lib/metadata-permissions.mjs.
   * @param {MetaFile} mf
   */
  permissionSet(mf) {
    const r = mf.root;
    for (const op of kids(r, 'objectPermissions')) {
      const o = kid(op, 'object');
      if (!o) continue;
      if (!this.model.object(o.text))
        this.report(o.line, `objectPermissions object ${o.text}: ${this.noObject(o.text)}`);
    }
    for (const fp of kids(r, 'fieldPermissions')) {
      const fn = kid(fp, 'field');
      if (!fn) continue;
      const q = this.qualified(fn.text, fn.line, 'fieldPermissions field');
      if (!q) continue;
      const [obj, name] = q;
      this.expectField(obj, name, fn.line, 'fieldPermissions field', { shown: fn.text });
    }
    for (const t of kids(r, 'tabSettings')) {
      const tab = kid(t, 'tab');
      if (tab) this.expectTab(tab, 'tabSettings tab');
    }
    for (const a of kids(r, 'applicationVisibilities')) {
      const app = kid(a, 'application');
      if (app && !app.text.startsWith('standard__') && !this.model.apps.has(lc(app.text)))
        this.report(app.line, `applicationVisibilities application ${app.text}: no app of that name in the project`);
    }
    for (const c of kids(r, 'classAccesses')) {
      const n = kid(c, 'apexClass');
      if (n && !this.model.apexClasses.has(lc(n.text)))
        this.report(n.line, `classAccesses apexClass ${n.text}: no Apex class of that name in the project`);
    }
    for (const pa of kids(r, 'pageAccesses')) {
      const n = kid(pa, 'apexPage');
      if (n && !this.model.apexPages.has(lc(n.text)))
        this.report(n.line, `pageAccesses apexPage ${n.text}: no Visualforce page of that name in the project`);
    }
    for (const rt of kids(r, 'recordTypeVisibilities')) {
      const n = kid(rt, 'recordType');
      if (!n) continue;
      const q = this.qualified(n.text, n.line, 'recordTypeVisibilities recordType');
      if (q && q[0].kind === 'project' && !q[0].recordTypes.has(lc(q[1])))
        this.report(n.line, `recordTypeVisibilities recordType ${n.text}: ${q[0].name} has no such record type`);
    }
    for (const cp of kids(r, 'customPermissions')) {
      const n = kid(cp, 'name');
      if (n && !this.model.customPermissions.has(lc(n.text)))
        this.report(n.line, `customPermissions ${n.text}: no custom permission of that name in the project`);
    }
    for (const list of ['customMetadataTypeAccesses', 'customSettingAccesses']) {
      for (const x of kids(r, list)) {
        const n = kid(x, 'name');
        if (n && !this.model.object(n.text)) this.report(n.line, `${list} ${n.text}: ${this.noObject(n.text)}`);
      }
    }
    for (const fa of kids(r, 'flowAccesses')) {
      const n = kid(fa, 'flowName');
      if (n && !this.model.flows.has(lc(n.text)))
        this.report(n.line, `flowAccesses ${n.text}: no flow of that name in the project`);
    }
  }

  /**
   * A tab name: standard-* or one of the project's tabs.
   * @param {XNode} node
   * @param {string} what
   */
  expectTab(node, what) {
    const t = node.text;
    if (!t || t.startsWith('standard-')) return;
    if (!this.model.tabs.has(lc(t))) {
      const obj = this.model.object(t);
      const note =
        obj && obj.kind === 'project'
          ? ` (object ${obj.name} exists, but has no tab: add tabs/${obj.name}.tab-meta.xml)`
          : '';
      this.report(node.line, `${what} ${t}: no tab of that name in the project${note}`);
    }
  }

  /** @param {MetaFile} mf */
  permissionSetGroup(mf) {
    for (const list of ['permissionSets', 'mutingPermissionSets']) {
      for (const n of kids(mf.root, list)) {
        if (!n.text.includes('__') && !this.model.permissionSets.has(lc(n.text)))
          this.report(n.line, `${list} ${n.text}: no permission set of that name in the project`);
      }
    }
  }

  // ------------------------------------------------------- tabs and apps

  /** @param {MetaFile} mf */
  customTab(mf) {
    const r = mf.root;
    const name = mf.kind.fullName;
    if (flag(r, 'customObject')) {
      const obj = this.model.object(name);
      if (!obj || obj.kind !== 'project' || !obj.file) {
        this.report(
          kid(r, 'customObject')?.line ?? r.line,
          `tab ${name} is a custom object tab, but the project has no object ${name}`
        );
      }
    }
    const lwc = kid(r, 'lwcComponent');
    if (lwc) this.expectLwc(lwc, lwc.text, 'lightning__Tab', undefined, `tab ${name} lwcComponent`);
    const fp = kid(r, 'flexiPage');
    if (fp && !this.model.flexiPages.has(lc(fp.text)))
      this.report(fp.line, `tab ${name} flexiPage ${fp.text}: no FlexiPage of that name in the project`);
    const page = kid(r, 'page');
    if (page && !this.model.apexPages.has(lc(page.text)))
      this.report(page.line, `tab ${name} page ${page.text}: no Visualforce page of that name in the project`);
    const aura = kid(r, 'auraComponent');
    if (aura && !this.model.aura.has(lc(aura.text.replace(/^c(:|__)/, ''))))
      this.report(aura.line, `tab ${name} auraComponent ${aura.text}: no Aura bundle of that name in the project`);
    if (!flag(r, 'customObject') && !lwc && !fp && !page && !aura && !kid(r, 'url') && !kid(r, 'scontrol')) {
      this.report(
        r.line,
        `tab ${name} shows nothing: set customObject, lwcComponent, flexiPage, page, auraComponent or url`
      );
    }
  }

  /**
   * An LWC reference (`foo`, `c:foo`, `c__foo`) that must exist, be exposed
   * and support `target` (and, when its targetConfig limits objects, `sobject`).
   * @param {XNode} node
   * @param {string} ref
   * @param {string | undefined} target
   * @param {string | undefined} sobject
   * @param {string} what
   */
  expectLwc(node, ref, target, sobject, what) {
    const name = ref.replace(/^c(:|__)/, '');
    const info = this.model.lwc.get(lc(name));
    if (!info) {
      if (this.model.aura.has(lc(name))) return;
      this.report(node.line, `${what} ${ref}: no LWC (or Aura) bundle ${name} in the project`);
      return;
    }
    if (!info.exposed)
      this.report(node.line, `${what} ${ref}: ${name}.js-meta.xml has isExposed false, so it cannot be used here`);
    if (target && !info.targets.has(target))
      this.report(node.line, `${what} ${ref}: ${name}.js-meta.xml does not list target ${target}`);
    const limit = target ? info.targetObjects.get(target) : undefined;
    if (limit && sobject && !limit.objects.map(lc).includes(lc(sobject))) {
      this.report(
        node.line,
        `${what} ${ref}: ${name}'s targetConfig for ${target} is limited to ${limit.objects.join(', ')}, not ${sobject}`
      );
    }
  }

  /** @param {MetaFile} mf */
  customApplication(mf) {
    const r = mf.root;
    for (const t of kids(r, 'tabs')) this.expectTab(t, 'app tab');
    const landing = kid(r, 'defaultLandingTab');
    if (landing) this.expectTab(landing, 'defaultLandingTab');
    const ub = kid(r, 'utilityBar');
    if (ub && !this.model.flexiPages.has(lc(ub.text)))
      this.report(ub.line, `utilityBar ${ub.text}: no FlexiPage of that name in the project`);
    for (const list of ['actionOverrides', 'profileActionOverrides']) {
      for (const ao of kids(r, list)) {
        this.actionOverride(ao, list);
        const ps = kid(ao, 'pageOrSobjectType');
        if (ps && !ps.text.startsWith('standard-') && !this.model.object(ps.text))
          this.report(ps.line, `${list} pageOrSobjectType ${ps.text}: ${this.noObject(ps.text)}`);
        const rt = kid(ao, 'recordType');
        if (rt) {
          const q = this.qualified(rt.text, rt.line, `${list} recordType`);
          if (q && q[0].kind === 'project' && !q[0].recordTypes.has(lc(q[1])))
            this.report(rt.line, `${list} recordType ${rt.text}: ${q[0].name} has no such record type`);
        }
      }
    }
  }

  // --------------------------------------------------------- flexipages

  /** @param {MetaFile} mf */
  flexiPage(mf) {
    const r = mf.root;
    const type = textOf(r, 'type');
    const sobj = kid(r, 'sobjectType');
    const obj = sobj ? this.model.object(sobj.text) : undefined;
    if (sobj && !obj) this.report(sobj.line, `sobjectType ${sobj.text}: ${this.noObject(sobj.text)}`);
    /** @type {Record<string, string>} */
    const targets = {
      RecordPage: 'lightning__RecordPage',
      AppPage: 'lightning__AppPage',
      HomePage: 'lightning__HomePage',
      UtilityBar: 'lightning__UtilityBar',
    };
    const target = type ? targets[type] : undefined;
    visitAll(r, (n) => {
      if (n.name === 'componentName' && /^c(:|__)/.test(n.text))
        this.expectLwc(n, n.text, target, sobj?.text, 'component');
      if (n.name === 'fieldItem' && obj) {
        const m = /^Record\.(.+)$/.exec(n.text);
        if (m) this.expectField(obj, m[1], n.line, 'field');
      }
      if (n.name === 'componentInstance') this.componentProperties(n, obj);
    });
  }

  /**
   * Component properties are free-form; only the few that name an object, a
   * list view or a child relationship of this project are checked.
   * @param {XNode} ci a componentInstance
   * @param {SObject | undefined} pageObject the record page's object
   */
  componentProperties(ci, pageObject) {
    /** @type {Map<string, XNode>} */
    const props = new Map();
    for (const p of kids(ci, 'componentInstanceProperties')) {
      const name = textOf(p, 'name');
      const value = kid(p, 'value');
      if (name && value && value.text) props.set(name, value);
    }
    const entity = props.get('entityName') ?? props.get('objectApiName') ?? props.get('sObjectName');
    const entityObj = entity ? this.model.object(entity.text) : undefined;
    if (entity && isCustomName(entity.text) && !entityObj)
      this.report(entity.line, `component property ${entity.text}: ${this.noObject(entity.text)}`);
    const filter = props.get('filterName');
    if (
      filter &&
      entityObj &&
      entityObj.kind === 'project' &&
      !entityObj.listViews.has(lc(filter.text)) &&
      !['recent', 'recentlyviewed', 'all'].includes(lc(filter.text))
    ) {
      this.report(filter.line, `component property filterName ${filter.text}: ${entityObj.name} has no such list view`);
    }
    const rel = props.get('relatedListApiName');
    if (rel && pageObject && /__r$/i.test(rel.text) && !pageObject.children.has(lc(rel.text))) {
      this.report(
        rel.line,
        `component property relatedListApiName ${rel.text}: ${pageObject.name} has no child relationship of that name`
      );
    }
  }

  /** @param {MetaFile} mf */
  lightningComponentBundle(mf) {
    for (const tc of kids(kid(mf.root, 'targetConfigs'), 'targetConfig')) {
      for (const o of kids(kid(tc, 'objects'), 'object')) {
        if (!this.model.object(o.text)) this.report(o.line, `targetConfig object ${o.text}: ${this.noObject(o.text)}`);
      }
    }
  }

  /** @param {MetaFile} mf */
  quickAction(mf) {
    const r = mf.root;
    const [owner] = mf.kind.fullName.includes('.') ? mf.kind.fullName.split('.') : [''];
    const tNode = kid(r, 'targetObject');
    const target = this.model.object(tNode?.text ?? owner);
    if (tNode && !target) this.report(tNode.line, `targetObject ${tNode.text}: ${this.noObject(tNode.text)}`);
    if (owner && !this.model.object(owner))
      this.report(r.line, `quick action ${mf.kind.fullName}: ${this.noObject(owner)}`);
    visitAll(r, (n, parents) => {
      if (n.name === 'field' && parents.some((p) => p.name === 'quickActionLayoutItems' || p.name === 'fieldOverrides'))
        this.expectField(target, n.text, n.line, 'quick action field');
    });
    const lwc = kid(r, 'lightningWebComponent');
    if (lwc) this.expectLwc(lwc, lwc.text, undefined, undefined, 'quick action lightningWebComponent');
  }

  /** @param {MetaFile} mf */
  customMetadata(mf) {
    const typeName = mf.kind.fullName.split('.')[0];
    const obj = this.model.object(`${typeName}__mdt`);
    if (!obj) {
      this.report(
        mf.root.line,
        `custom metadata record ${mf.kind.fullName}: no custom metadata type ${typeName}__mdt in the project`
      );
      return;
    }
    for (const v of kids(mf.root, 'values')) {
      const f = kid(v, 'field');
      if (f) this.expectField(obj, f.text, f.line, 'custom metadata value field');
    }
  }

  /**
   * Custom objects with child files but no object file: a deploy has nothing to attach them to.
   * @param {MetaFile[]} files
   */
  objectsWithoutFiles(files) {
    /** @type {Set<string>} */
    const reported = new Set();
    for (const mf of files) {
      const parent = mf.kind.parent;
      if (!parent || !isCustomName(parent) || reported.has(lc(parent))) continue;
      const obj = this.model.object(parent);
      if (obj && !obj.file) {
        reported.add(lc(parent));
        this.file = mf.file;
        this.report(
          mf.root.line,
          `${mf.kind.type} of ${parent}, but the project has no objects/${parent}/${parent}.object-meta.xml`
        );
      }
    }
  }
}
