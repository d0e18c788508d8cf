// @ts-check
/**
 * What the project defines (objects, fields, value sets, tabs, apps, pages,
 * components, classes, report types, …) plus a small table of standard
 * objects, so cross-reference rules can ask "does X exist?" the way a deploy
 * would.
 *
 * The standard table is deliberately small: the objects this product touches
 * (Account, Contact, User, Task, Event, Activity, Opportunity) with their common
 * fields and relationships. Other standard objects are known by name only and
 * references into them are not checked. If a rule reports a real standard
 * field as missing, add it to STANDARD below.
 */
import { flag, kid, kids, textOf } from './metadata-xml.mjs';

/** @typedef {import('./metadata-xml.mjs').XNode} XNode */
/** @typedef {import('./metadata-types.mjs').MetaKind} MetaKind */

/**
 * One parsed metadata file.
 * @typedef {object} MetaFile
 * @property {string} file absolute path
 * @property {MetaKind} kind
 * @property {XNode} root
 */

/**
 * @typedef {object} Field
 * @property {string} name API name as declared
 * @property {string} object owning object's API name
 * @property {string} [file] where it is defined (project fields only)
 * @property {number} [line]
 * @property {string} [type] Metadata API FieldType (Text, Lookup, Picklist, …)
 * @property {string} [referenceTo] target object of a lookup / master-detail
 * @property {string} [relationshipName] as used in paths (Owner, Account, Map_Contacts__r)
 * @property {boolean} required always required: required=true or master-detail
 * @property {boolean} calculated formula, roll-up summary or auto number: never editable
 * @property {string[]} [values] picklist values of its own value set
 * @property {string} [valueSetName] the global value set it uses
 * @property {boolean} project defined in this project
 */

/**
 * @typedef {object} SObject
 * @property {string} name
 * @property {'project' | 'standard' | 'known'} kind project: defined here (not a standard object); standard: in the table below; known: a standard object known by name only
 * @property {boolean} custom ends in __c/__mdt/__e…
 * @property {string} [file] the object's -meta.xml, when the project has one
 * @property {XNode} [root]
 * @property {Map<string, Field>} fields lower-cased API name → field
 * @property {Map<string, { object: string, field: string }>} children lower-cased child relationship name → child object and its lookup field
 * @property {Set<string>} listViews lower-cased names (likewise below)
 * @property {Set<string>} recordTypes
 * @property {Set<string>} compactLayouts
 * @property {Set<string>} fieldSets
 * @property {Set<string>} businessProcesses
 * @property {Set<string>} webLinks
 * @property {Set<string>} validationRules
 */

/**
 * Fields every object has.
 * @type {Array<[string, string?, string?, string?]>} name, type, referenceTo, relationshipName
 */
const AUDIT_FIELDS = [
  ['Id', 'Id'],
  ['CreatedById', 'Lookup', 'User', 'CreatedBy'],
  ['CreatedDate', 'DateTime'],
  ['LastModifiedById', 'Lookup', 'User', 'LastModifiedBy'],
  ['LastModifiedDate', 'DateTime'],
  ['SystemModstamp', 'DateTime'],
  ['IsDeleted', 'Checkbox'],
];

/** Fields a custom object gets from the platform (OwnerId only when it is not a detail). */
const CUSTOM_OBJECT_FIELDS = [
  ...AUDIT_FIELDS,
  ['Name', 'Text'],
  ['RecordTypeId', 'Lookup', 'RecordType', 'RecordType'],
  ['LastActivityDate', 'Date'],
  ['LastViewedDate', 'DateTime'],
  ['LastReferencedDate', 'DateTime'],
];

/**
 * Standard objects this product touches. `fields` are plain fields (a
 * trailing `:picklist` marks picklists whose values are not checked);
 * `lookups` are name → [referenceTo (empty = polymorphic), relationshipName];
 * `children` are child relationship → child object.
 * @type {Record<string, { fields: string, lookups: Record<string, [string, string]>, children: Record<string, string> }>}
 */
const STANDARD = {
  Account: {
    fields:
      'Name AccountNumber AccountSource:picklist AnnualRevenue BillingAddress BillingCity BillingCountry BillingPostalCode BillingState BillingStreet Description Fax Industry:picklist Jigsaw NumberOfEmployees Ownership:picklist Phone Rating:picklist Site Sic SicDesc TickerSymbol Type:picklist Website ShippingAddress ShippingCity ShippingCountry ShippingPostalCode ShippingState ShippingStreet LastActivityDate LastViewedDate LastReferencedDate PhotoUrl',
    lookups: {
      OwnerId: ['User', 'Owner'],
      ParentId: ['Account', 'Parent'],
      MasterRecordId: ['Account', 'MasterRecord'],
      RecordTypeId: ['RecordType', 'RecordType'],
    },
    children: {
      Contacts: 'Contact',
      Opportunities: 'Opportunity',
      ChildAccounts: 'Account',
      Tasks: 'Task',
      Events: 'Event',
      ActivityHistories: 'Activity',
      OpenActivities: 'Activity',
      Cases: 'Case',
      Notes: 'Note',
      Attachments: 'Attachment',
    },
  },
  Contact: {
    fields:
      'Name FirstName LastName Salutation:picklist Title Department Email Phone MobilePhone HomePhone OtherPhone Fax AssistantName AssistantPhone Birthdate Description LeadSource:picklist MailingAddress MailingStreet MailingCity MailingState MailingPostalCode MailingCountry OtherAddress OtherStreet OtherCity OtherState OtherPostalCode OtherCountry EmailBouncedDate EmailBouncedReason HasOptedOutOfEmail DoNotCall PhotoUrl Jigsaw LastActivityDate LastViewedDate LastReferencedDate',
    lookups: {
      OwnerId: ['User', 'Owner'],
      AccountId: ['Account', 'Account'],
      ReportsToId: ['Contact', 'ReportsTo'],
      MasterRecordId: ['Contact', 'MasterRecord'],
      RecordTypeId: ['RecordType', 'RecordType'],
    },
    children: {
      Tasks: 'Task',
      Events: 'Event',
      ActivityHistories: 'Activity',
      OpenActivities: 'Activity',
      Cases: 'Case',
      Notes: 'Note',
      Attachments: 'Attachment',
    },
  },
  User: {
    fields:
      'Name Username FirstName LastName CompanyName Division Department Title Email Phone MobilePhone Fax Extension Alias CommunityNickname IsActive TimeZoneSidKey LocaleSidKey EmailEncodingKey LanguageLocaleKey EmployeeNumber SmallPhotoUrl MediumPhotoUrl FullPhotoUrl AboutMe Street City State PostalCode Country Address UserType LastLoginDate FederationIdentifier',
    lookups: {
      ManagerId: ['User', 'Manager'],
      ProfileId: ['Profile', 'Profile'],
      UserRoleId: ['UserRole', 'UserRole'],
      ContactId: ['Contact', 'Contact'],
      AccountId: ['Account', 'Account'],
      DelegatedApproverId: ['', 'DelegatedApprover'],
    },
    children: {},
  },
  Task: {
    fields:
      'Subject ActivityDate Status:picklist Priority:picklist Description Type:picklist IsClosed IsHighPriority CallType:picklist CallDurationInSeconds CallDisposition CallObject TaskSubtype:picklist CompletedDateTime IsReminderSet ReminderDateTime IsRecurrence IsArchived',
    lookups: {
      OwnerId: ['User', 'Owner'],
      WhoId: ['', 'Who'],
      WhatId: ['', 'What'],
      AccountId: ['Account', 'Account'],
      RecordTypeId: ['RecordType', 'RecordType'],
    },
    children: {},
  },
  Event: {
    fields:
      'Subject ActivityDate ActivityDateTime StartDateTime EndDateTime DurationInMinutes Location IsAllDayEvent ShowAs:picklist Description Type:picklist EventSubtype:picklist IsPrivate IsReminderSet ReminderDateTime IsRecurrence IsArchived',
    lookups: {
      OwnerId: ['User', 'Owner'],
      WhoId: ['', 'Who'],
      WhatId: ['', 'What'],
      AccountId: ['Account', 'Account'],
      RecordTypeId: ['RecordType', 'RecordType'],
    },
    children: {},
  },
  Opportunity: {
    fields:
      'Name Amount CloseDate StageName:picklist Probability Type:picklist LeadSource:picklist NextStep Description IsClosed IsWon ForecastCategory:picklist ForecastCategoryName:picklist ExpectedRevenue TotalOpportunityQuantity HasOpportunityLineItem IsPrivate FiscalYear FiscalQuarter Fiscal LastActivityDate LastViewedDate LastReferencedDate',
    lookups: {
      OwnerId: ['User', 'Owner'],
      AccountId: ['Account', 'Account'],
      CampaignId: ['Campaign', 'Campaign'],
      Pricebook2Id: ['Pricebook2', 'Pricebook2'],
      ContactId: ['Contact', 'Contact'],
      RecordTypeId: ['RecordType', 'RecordType'],
    },
    children: {
      Tasks: 'Task',
      Events: 'Event',
      ActivityHistories: 'Activity',
      OpenActivities: 'Activity',
      Notes: 'Note',
      Attachments: 'Attachment',
    },
  },
};
// Activity: what Task and Event share (custom activity fields are defined on Activity).
STANDARD.Activity = {
  fields: [...new Set([...STANDARD.Task.fields.split(' '), ...STANDARD.Event.fields.split(' ')])].join(' '),
  lookups: { ...STANDARD.Task.lookups },
  children: {},
};

/** Standard objects known by name only (references into them are not checked). */
const KNOWN_OBJECTS =
  'Lead Case Campaign CampaignMember Contract Order OrderItem Product2 Pricebook2 PricebookEntry OpportunityLineItem OpportunityContactRole AccountContactRelation Asset Group Profile UserRole RecordType Note Attachment ContentDocument ContentVersion ContentNote Document Organization Quote Entitlement ServiceContract WorkOrder Individual EmailMessage FeedItem CollaborationGroup Topic Location Solution Idea PermissionSet BusinessHours Holiday Period Territory2 Partner'.split(
    ' '
  );

/** @param {string} name */
export const isCustomName = (name) => /__(c|mdt|e|x|b|kav|ka|xo|chn|hd|dlm|dll)$/i.test(name);

/** @param {string} name */
const lc = (name) => name.toLowerCase();

/**
 * @param {string} name
 * @param {'project' | 'standard' | 'known'} kind
 * @returns {SObject}
 */
function newObject(name, kind) {
  return {
    name,
    kind,
    custom: isCustomName(name),
    fields: new Map(),
    children: new Map(),
    listViews: new Set(),
    recordTypes: new Set(),
    compactLayouts: new Set(),
    fieldSets: new Set(),
    businessProcesses: new Set(),
    webLinks: new Set(),
    validationRules: new Set(),
  };
}

/**
 * @param {SObject} obj
 * @param {string} name
 * @param {Partial<Field>} [rest]
 */
function addField(obj, name, rest = {}) {
  obj.fields.set(lc(name), { name, object: obj.name, required: false, calculated: false, project: false, ...rest });
}

/**
 * An LWC bundle as pages and tabs see it.
 * @typedef {object} LwcInfo
 * @property {string} file its js-meta.xml
 * @property {boolean} exposed
 * @property {Set<string>} targets
 * @property {Map<string, { objects: string[], line: number }>} targetObjects target → objects its targetConfig limits it to
 */

/** The project's inventory. */
export class Model {
  /** @param {MetaFile[]} files every parsed metadata file */
  constructor(files) {
    /** @type {Map<string, SObject>} lower-cased name → object */
    this.objects = new Map();
    /** @type {Map<string, { file: string, values: string[] }>} */
    this.globalValueSets = new Map();
    /** @type {Map<string, MetaFile>} */
    this.tabs = new Map();
    /** @type {Map<string, MetaFile>} */
    this.apps = new Map();
    /** @type {Map<string, MetaFile>} */
    this.flexiPages = new Map();
    /** @type {Map<string, LwcInfo>} */
    this.lwc = new Map();
    /** @type {Set<string>} */
    this.aura = new Set();
    /** @type {Set<string>} */
    this.apexClasses = new Set();
    /** @type {Set<string>} */
    this.apexPages = new Set();
    /** @type {Map<string, MetaFile>} */
    this.reportTypes = new Map();
    /** @type {Set<string>} full names (folder/name) */
    this.reports = new Set();
    /** @type {Map<string, MetaFile>} lower-cased full name (folder/name) → report */
    this.reportFiles = new Map();
    /** @type {Set<string>} lower-cased folder full names */
    this.reportFolders = new Set();
    /** @type {Set<string>} lower-cased folder full names */
    this.dashboardFolders = new Set();
    /** @type {Set<string>} */
    this.permissionSets = new Set();
    /** @type {Set<string>} */
    this.customPermissions = new Set();
    /** @type {Set<string>} */
    this.flows = new Set();
    /** @type {Set<string>} */
    this.quickActions = new Set();

    for (const [name, def] of Object.entries(STANDARD)) {
      const o = newObject(name, 'standard');
      for (const [f, type, ref, rel] of AUDIT_FIELDS) addField(o, f, { type, referenceTo: ref, relationshipName: rel });
      for (const spec of def.fields.split(' ')) {
        const [f, t] = spec.split(':');
        addField(o, f, { type: t === 'picklist' ? 'Picklist' : undefined });
      }
      for (const [f, [ref, rel]] of Object.entries(def.lookups))
        addField(o, f, { type: 'Lookup', referenceTo: ref || undefined, relationshipName: rel });
      for (const [rel, child] of Object.entries(def.children)) o.children.set(lc(rel), { object: child, field: '' });
      this.objects.set(lc(name), o);
    }
    for (const name of KNOWN_OBJECTS) this.objects.set(lc(name), newObject(name, 'known'));

    const byType = (/** @type {string} */ t) => files.filter((f) => f.kind.type === t);

    // Objects first, then their children.
    for (const mf of byType('CustomObject')) {
      const o = this.ensureObject(mf.kind.fullName);
      o.file = mf.file;
      o.root = mf.root;
      if (o.custom && !o.name.endsWith('__mdt') && !o.name.endsWith('__e')) {
        for (const [f, type, ref, rel] of CUSTOM_OBJECT_FIELDS)
          addField(o, f, { type, referenceTo: ref, relationshipName: rel });
        const nameType = textOf(kid(mf.root, 'nameField'), 'type');
        if (nameType) addField(o, 'Name', { type: nameType, calculated: nameType === 'AutoNumber' });
      } else if (o.custom) {
        addField(o, 'Id', { type: 'Id' });
        for (const f of ['DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix', 'Language'])
          addField(o, f, { type: 'Text' });
      }
    }
    for (const mf of files) {
      const parent = mf.kind.parent;
      if (!parent) continue;
      const o = this.ensureObject(parent);
      const n = lc(mf.kind.name);
      switch (mf.kind.type) {
        case 'CustomField':
          this.addProjectField(o, mf);
          break;
        case 'ListView':
          o.listViews.add(n);
          break;
        case 'RecordType':
          o.recordTypes.add(n);
          break;
        case 'CompactLayout':
          o.compactLayouts.add(n);
          break;
        case 'FieldSet':
          o.fieldSets.add(n);
          break;
        case 'BusinessProcess':
          o.businessProcesses.add(n);
          break;
        case 'WebLink':
          o.webLinks.add(n);
          break;
        case 'ValidationRule':
          o.validationRules.add(n);
          break;
        default:
      }
    }
    // Custom activity fields live on Activity and show on Task and Event.
    const activity = this.objects.get('activity');
    for (const f of activity?.fields.values() ?? []) {
      if (!f.project) continue;
      for (const t of ['task', 'event']) this.objects.get(t)?.fields.set(lc(f.name), { ...f });
    }
    // Detail objects have no owner.
    for (const o of this.objects.values()) {
      if (o.kind === 'project' && o.custom && [...o.fields.values()].some((f) => f.type === 'MasterDetail'))
        o.fields.delete('ownerid');
      else if (o.kind === 'project' && o.custom && o.fields.has('id') && !o.name.endsWith('__mdt'))
        addField(o, 'OwnerId', { type: 'Lookup', referenceTo: 'User', relationshipName: 'Owner' });
    }
    // Child relationships, from every lookup and master-detail.
    for (const o of this.objects.values()) {
      for (const f of o.fields.values()) {
        if (!f.project || !f.referenceTo || !f.relationshipName) continue;
        const target = this.object(f.referenceTo);
        target?.children.set(lc(`${f.relationshipName}__r`), { object: o.name, field: f.name });
      }
    }

    for (const mf of byType('GlobalValueSet')) {
      this.globalValueSets.set(lc(mf.kind.fullName), {
        file: mf.file,
        values: kids(mf.root, 'customValue').map((v) => textOf(v, 'fullName') ?? ''),
      });
    }
    for (const mf of byType('CustomTab')) this.tabs.set(lc(mf.kind.fullName), mf);
    for (const mf of byType('CustomApplication')) this.apps.set(lc(mf.kind.fullName), mf);
    for (const mf of byType('FlexiPage')) this.flexiPages.set(lc(mf.kind.fullName), mf);
    for (const mf of byType('AuraDefinitionBundle')) this.aura.add(lc(mf.kind.fullName));
    for (const mf of byType('ApexClass')) this.apexClasses.add(lc(mf.kind.fullName));
    for (const mf of byType('ApexPage')) this.apexPages.add(lc(mf.kind.fullName));
    for (const mf of byType('ReportType')) this.reportTypes.set(lc(mf.kind.fullName), mf);
    for (const mf of byType('Report')) {
      this.reports.add(lc(mf.kind.fullName));
      this.reportFiles.set(lc(mf.kind.fullName), mf);
    }
    for (const mf of byType('ReportFolder')) this.reportFolders.add(lc(mf.kind.fullName));
    for (const mf of byType('DashboardFolder')) this.dashboardFolders.add(lc(mf.kind.fullName));
    for (const mf of byType('PermissionSet')) this.permissionSets.add(lc(mf.kind.fullName));
    for (const mf of byType('CustomPermission')) this.customPermissions.add(lc(mf.kind.fullName));
    for (const mf of byType('Flow')) this.flows.add(lc(mf.kind.fullName));
    for (const mf of byType('QuickAction')) this.quickActions.add(lc(mf.kind.fullName));
    for (const mf of byType('LightningComponentBundle')) {
      /** @type {LwcInfo} */
      const info = { file: mf.file, exposed: flag(mf.root, 'isExposed'), targets: new Set(), targetObjects: new Map() };
      for (const t of kids(kid(mf.root, 'targets'), 'target')) info.targets.add(t.text);
      for (const tc of kids(kid(mf.root, 'targetConfigs'), 'targetConfig')) {
        const objects = kids(kid(tc, 'objects'), 'object').map((o) => o.text);
        if (objects.length === 0) continue;
        for (const t of (tc.attrs.targets ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean))
          info.targetObjects.set(t, { objects, line: tc.line });
      }
      this.lwc.set(lc(mf.kind.fullName), info);
    }
  }

  /**
   * The object named `name` (any case), creating a project entry if needed.
   * @param {string} name
   */
  ensureObject(name) {
    let o = this.objects.get(lc(name));
    if (!o) {
      o = newObject(name, 'project');
      this.objects.set(lc(name), o);
    }
    return o;
  }

  /**
   * @param {SObject} o
   * @param {MetaFile} mf
   */
  addProjectField(o, mf) {
    const r = mf.root;
    const type = textOf(r, 'type');
    const formula = textOf(r, 'formula');
    const vs = kid(r, 'valueSet');
    const valueSetName = textOf(vs, 'valueSetName');
    const values =
      vs && !valueSetName
        ? kids(kid(vs, 'valueSetDefinition'), 'value').map((v) => textOf(v, 'fullName') ?? '')
        : undefined;
    const rel = textOf(r, 'relationshipName');
    o.fields.set(lc(mf.kind.name), {
      name: mf.kind.name,
      object: o.name,
      file: mf.file,
      line: r.line,
      type,
      referenceTo: textOf(r, 'referenceTo') ?? (type === 'Hierarchy' ? o.name : undefined),
      relationshipName: rel,
      required: flag(r, 'required') || type === 'MasterDetail',
      calculated: formula !== undefined || type === 'Summary' || type === 'AutoNumber',
      values,
      valueSetName,
      project: true,
    });
  }

  /**
   * Picklist values of a field (its own value set or its global value set);
   * undefined when unknown or not a picklist.
   * @param {Field} f
   */
  picklistValues(f) {
    if (f.values) return f.values;
    if (f.valueSetName) return this.globalValueSets.get(lc(f.valueSetName))?.values;
    return undefined;
  }

  /**
   * Whether `o` has field `name`: 'ok', 'missing' (a deploy would fail), or
   * 'unknown' (a standard object whose fields this checker does not know).
   * @param {SObject} o
   * @param {string} name
   * @returns {'ok' | 'missing' | 'unknown'}
   */
  fieldStatus(o, name) {
    if (o.fields.has(lc(name))) return 'ok';
    if (isCustomName(name) || o.custom || o.kind === 'standard') return 'missing';
    return 'unknown';
  }

  /**
   * @param {string | undefined} name
   * @returns {SObject | undefined}
   */
  object(name) {
    return name ? this.objects.get(lc(name)) : undefined;
  }

  /**
   * @param {SObject} o
   * @param {string} name
   */
  field(o, name) {
    return o.fields.get(lc(name));
  }

  /**
   * The lookup whose relationship name is `rel` (standard names like Owner,
   * or custom ones ending in __r).
   * @param {SObject} o
   * @param {string} rel
   */
  relationship(o, rel) {
    if (/__r$/i.test(rel)) return o.fields.get(lc(rel.replace(/__r$/i, '__c')));
    for (const f of o.fields.values())
      if (f.relationshipName && lc(f.relationshipName) === lc(rel) && !f.project) return f;
    return undefined;
  }
}
