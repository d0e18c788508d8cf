// @ts-check
/**
 * Two facts about standard fields that the offline checks need and no schema in node_modules
 * states: which standard fields take field-level security (FLS), and which standard picklists
 * have values each org defines for itself.
 *
 * STANDARD_FLS comes from Salesforce's field-level-security rules (the Object Reference notes
 * "not subject to field-level security"; required, system, name and audit fields take no field
 * permissions; a permission set may list only permissionable fields). It is deliberately small:
 * the standard fields this product reads or writes. REVIEW IT WHEN CODE STARTS TO READ OR WRITE A
 * STANDARD FIELD THAT IS NOT LISTED: the Apex access rules report such a field as unclassified
 * rather than guess. In an org, `SELECT Field FROM FieldPermissions WHERE SobjectType = 'Task'`
 * (as an admin) lists the permissionable ones, and `Schema.DescribeFieldResult.isPermissionable()`
 * says it per field.
 *
 * ORG_PICKLISTS are standard picklists whose values an admin can rename, deactivate or replace
 * (Setup → Object Manager → field → Values). A literal such as 'Completed' works in a standard org
 * and fails in one that renamed it. Platform-fixed picklists (TaskSubtype, EventSubtype, CallType,
 * ShowAs, ForecastCategory) are not here, nor are the project's own picklists and global value sets:
 * those values ship with the package.
 */

/**
 * Per standard object: fields that take field permissions (`fls`) and fields that do not
 * (`none`). Lower-cased names are derived below. Fields of an object not listed, or missing
 * from both lists, are "unclassified".
 * @type {Record<string, { fls: string, none: string }>}
 */
const STANDARD_FLS = {
  Task: {
    // ActivityDate (Due Date): treated as permissionable, so code that writes it in user mode
    // must grant it (the permission sets do); confirm with FieldPermissions in an org.
    fls: 'Description Type ActivityDate CallType IsReminderSet ReminderDateTime',
    none: 'Id Subject Status Priority OwnerId WhoId WhatId TaskSubtype IsClosed IsHighPriority AccountId CompletedDateTime CallDisposition CallDurationInSeconds CallObject IsArchived IsRecurrence RecordTypeId',
  },
  Event: {
    fls: 'Description Location Type ShowAs IsReminderSet ReminderDateTime',
    none: 'Id Subject StartDateTime EndDateTime DurationInMinutes ActivityDate ActivityDateTime IsAllDayEvent OwnerId WhoId WhatId EventSubtype AccountId IsPrivate IsArchived IsRecurrence RecordTypeId',
  },
  Contact: {
    fls: 'Title Department Email Phone MobilePhone HomePhone OtherPhone Fax AccountId ReportsToId Birthdate Description LeadSource AssistantName AssistantPhone HasOptedOutOfEmail DoNotCall MailingAddress MailingStreet MailingCity MailingState MailingPostalCode MailingCountry OtherAddress OtherStreet OtherCity OtherState OtherPostalCode OtherCountry',
    none: 'Id Name FirstName LastName Salutation MiddleName Suffix OwnerId MasterRecordId RecordTypeId PhotoUrl LastActivityDate LastViewedDate LastReferencedDate IsEmailBounced',
  },
  Account: {
    fls: 'AccountNumber Site AccountSource AnnualRevenue BillingAddress BillingStreet BillingCity BillingState BillingPostalCode BillingCountry ShippingAddress ShippingStreet ShippingCity ShippingState ShippingPostalCode ShippingCountry Description Fax Industry NumberOfEmployees Ownership Phone Rating Sic SicDesc TickerSymbol Type Website ParentId',
    none: 'Id Name OwnerId MasterRecordId RecordTypeId PhotoUrl LastActivityDate LastViewedDate LastReferencedDate',
  },
  User: {
    fls: 'Title Department Division CompanyName Phone MobilePhone Extension Fax ManagerId EmployeeNumber AboutMe Street City State PostalCode Country Address',
    none: 'Id Name FirstName LastName Username Email Alias CommunityNickname IsActive ProfileId UserRoleId UserType ContactId AccountId SmallPhotoUrl MediumPhotoUrl FullPhotoUrl TimeZoneSidKey LocaleSidKey EmailEncodingKey LanguageLocaleKey',
  },
  Opportunity: {
    fls: 'Amount Probability Type LeadSource NextStep Description CampaignId AccountId ExpectedRevenue TotalOpportunityQuantity',
    none: 'Id Name StageName CloseDate OwnerId IsClosed IsWon ForecastCategory RecordTypeId Pricebook2Id LastActivityDate',
  },
};

/** Fields of every object that never take field permissions. */
const SYSTEM_FIELDS = new Set(
  [
    'Id',
    'IsDeleted',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'LastViewedDate',
    'LastReferencedDate',
  ].map((s) => s.toLowerCase())
);

/** @type {Map<string, { fls: Set<string>, none: Set<string> }>} */
const FLS = new Map(
  Object.entries(STANDARD_FLS).map(([o, d]) => [
    o.toLowerCase(),
    {
      fls: new Set(d.fls.split(' ').map((s) => s.toLowerCase())),
      none: new Set(d.none.split(' ').map((s) => s.toLowerCase())),
    },
  ])
);

/**
 * Whether a standard field takes field permissions.
 * @param {string} object API name of a standard object
 * @param {string} field API name of one of its standard fields
 * @returns {'permissionable' | 'not-permissionable' | 'unclassified'}
 */
export function standardFieldFls(object, field) {
  const f = field.toLowerCase();
  if (SYSTEM_FIELDS.has(f)) return 'not-permissionable';
  const entry = FLS.get(object.toLowerCase());
  if (entry?.fls.has(f)) return 'permissionable';
  if (entry?.none.has(f)) return 'not-permissionable';
  return 'unclassified';
}

/** Where the table lives, for messages. */
export const STANDARD_FLS_HOME = 'STANDARD_FLS in scripts/check/lib/salesforce-fields.mjs';

/**
 * Standard picklists with org-defined values, and what to do instead of a literal.
 * @type {Record<string, string>}
 */
const ORG_PICKLISTS = {
  'Task.Status':
    'read the status from TaskStatus (SELECT ApiName FROM TaskStatus WHERE IsClosed = true ORDER BY SortOrder LIMIT 1 for a closed one, IsDefault = true for the default), or test IsClosed instead of comparing Status',
  'Task.Priority':
    'read the priority from TaskPriority (IsDefault = true, or IsHighPriority = true), or test IsHighPriority instead of comparing Priority',
  'Task.Type':
    "tell calls and emails apart by TaskSubtype (platform-fixed: 'Call', 'Email', 'Task'), or leave Type to the org's default",
  'Event.Type': "tell meetings apart by EventSubtype (platform-fixed: 'Event'), or leave Type to the org's default",
  'Opportunity.StageName':
    'read stages from OpportunityStage (IsClosed, IsWon, DefaultProbability), or test IsClosed / IsWon instead of comparing StageName',
  'Opportunity.Type': "leave Type to the org's values (read them with Schema describe), or use a field of the package",
  'Opportunity.LeadSource': "leave LeadSource to the org's values (read them with Schema describe)",
  'Lead.Status':
    'read statuses from LeadStatus (IsDefault = true for a new lead, IsConverted = true for a converted one)',
  'Lead.LeadSource': "leave LeadSource to the org's values (read them with Schema describe)",
  'Lead.Rating': "leave Rating to the org's values (read them with Schema describe)",
  'Case.Status':
    'read statuses from CaseStatus (IsDefault = true for a new case, IsClosed = true for a closed one), or test IsClosed instead of comparing Status',
  'Case.Priority':
    "read the default priority with Schema describe (getDefaultValue), or leave Priority to the org's default",
  'Case.Origin': "leave Origin to the org's values (read them with Schema describe)",
  'Case.Type': "leave Type to the org's values (read them with Schema describe)",
  'Case.Reason': "leave Reason to the org's values (read them with Schema describe)",
  'Contract.Status':
    "read statuses from ContractStatus and compare StatusCode ('Draft', 'Activated'), which is platform-fixed",
  'Order.Status': "compare StatusCode ('Draft', 'Activated'), which is platform-fixed, or read OrderStatus",
  'Solution.Status': 'read statuses from SolutionStatus (IsDefault, IsReviewed)',
  'Account.Type': "leave Type to the org's values (read them with Schema describe)",
  'Account.Industry': "leave Industry to the org's values (read them with Schema describe)",
  'Account.Rating': "leave Rating to the org's values (read them with Schema describe)",
  'Account.AccountSource': "leave AccountSource to the org's values (read them with Schema describe)",
  'Account.Ownership': "leave Ownership to the org's values (read them with Schema describe)",
  'Contact.LeadSource': "leave LeadSource to the org's values (read them with Schema describe)",
  'Contact.Salutation': "leave Salutation to the org's values (read them with Schema describe)",
};

/** @type {Map<string, { name: string, advice: string }>} lower-cased Object.Field → display name and advice */
const ORG = new Map(Object.entries(ORG_PICKLISTS).map(([k, advice]) => [k.toLowerCase(), { name: k, advice }]));

/**
 * The org-defined standard picklist `object.field`, or undefined.
 * @param {string} object
 * @param {string} field
 * @returns {{ name: string, advice: string } | undefined}
 */
export function orgDefinedPicklist(object, field) {
  return ORG.get(`${object}.${field}`.toLowerCase());
}

/**
 * The message for a literal value of an org-defined picklist.
 * @param {{ name: string, advice: string }} picklist
 * @param {string} value
 * @param {string} how e.g. "assigned to", "compared with"
 * @param {string} [advice] what to do instead, when not the picklist's own advice
 */
export function orgPicklistMessage(picklist, value, how, advice = picklist.advice) {
  return `'${value}' ${how} ${picklist.name}, whose values each org defines (admins rename, deactivate or replace them), so it fails or matches nothing in some orgs: ${advice}`;
}
