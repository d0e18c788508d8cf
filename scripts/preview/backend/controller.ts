/**
 * RelationshipMapController, locally: every @AuraEnabled method of the Apex controller over the
 * preview's store, with the same parameters, the same DTO shapes and the same sentences. Each
 * method follows its Apex service (RelationshipMapService, AddPeopleService, MapPeopleService,
 * MapPersonService, InfluenceLinkService, CallLogService) step by step, and what the triggers do
 * on save happens here too (see `triggers` below): defaults, name and title snapshots, one primary
 * contact per map, the stance date, the change log, a person's links going with them, logged calls
 * updating stance, sentiment and last interaction. Checks run before anything changes; index.ts
 * also rolls the store back if a method fails half-way, so a refused request changes nothing.
 *
 * Picklist values, field labels and lengths come from the object metadata (as Apex describes
 * them), not from a copy.
 */
import { isDecisionMakerRole, personDefaults } from '../../data/dto.ts';
import { sentence } from '../../data/labels.ts';
import { fieldOf, loadObjectSchema, picklistValues, type ObjectSchema } from '../../data/objectMetadata.ts';
import { KEY_PREFIX } from './ids.ts';
import { toId18, type ControllerMethod } from './params.ts';
import {
  contactName,
  nextId,
  type ChangeRow,
  type ContactRow,
  type LinkRow,
  type MapRow,
  type PersonRow,
  type StoreData,
  type UserRow,
} from './store.ts';
import type {
  ActivityKind,
  EvidenceBucket,
  EvidencePerson,
  MapEvidence,
  ChangeField,
  ChangeSource,
  CreateMapResult,
  EveryoneCount,
  MapGraph,
  MapPerson,
  MapStatus,
  MapSummary,
  PeopleResult,
  PersonCandidate,
  PersonChange,
  RowError,
  SaveResult,
} from '../../shared/controllerTypes.ts';

/** An AuraHandledException as the component receives it: `body.message` is what the rep reads. */
export class PreviewApexError extends Error {
  readonly status: number;
  readonly body: { message: string };
  constructor(message: string, status = 400) {
    super(message);
    this.name = 'PreviewApexError';
    this.status = status;
    this.body = { message };
  }
}

/** Which permission set the preview user holds: Relationship_Maps_User, _Admin, or read access only. */
export type Permission = 'user' | 'admin' | 'read-only';

// Every sentence a rep reads is the Apex's own Custom Label (force-app/main/default/labels), said
// through sentence() with the same name and values as the Apex passes to Sentences.format.
/** RelationshipMapService.ACCESS_HINT */
const ACCESS_HINT = sentence('RM_Access_Hint');
/** The RM_Action_* label the controller's toAuraException completes its sentences with, per method. */
const ACTIONS: Record<ControllerMethod, string> = {
  getMapsForAccount: 'RM_Action_See_Maps',
  loadMapGraph: 'RM_Action_Open_Map',
  createMap: 'RM_Action_Create_Maps',
  addPeople: 'RM_Action_Add_People',
  addEveryone: 'RM_Action_Add_People',
  countEveryone: 'RM_Action_Add_People',
  setPeopleExcluded: 'RM_Action_Edit_People',
  deletePeople: 'RM_Action_Delete_People',
  saveLinks: 'RM_Action_Edit_Links',
  deleteLinks: 'RM_Action_Delete_Links',
  savePositions: 'RM_Action_Move_People',
  updatePerson: 'RM_Action_Edit_People',
  getPersonDetails: 'RM_Action_Open_Person',
  logCall: 'RM_Action_Log_Calls',
  searchPeople: 'RM_Action_Search_People',
  getEvidence: 'RM_Action_See_Evidence',
  dismissSuggestion: 'RM_Action_Dismiss_Suggestions',
};
/** toAuraException's sentence for a missing permission in `method`. */
const noAccess = (method: ControllerMethod): string =>
  sentence('RM_No_Access_To', sentence(ACTIONS[method]), ACCESS_HINT);
/** The seven long texts: a map load leaves them out (MapContactSelector.selectGraphPeople). */
const LONG_TEXTS = [
  'personalGoals',
  'prioritiesPainPoints',
  'ourAssessment',
  'needsFromThem',
  'expectedReaction',
  'contingencyPlan',
  'relationToGoal',
] as const;

const SYMMETRIC_TYPES = new Set(['Ally', 'Relationship', 'Conflict']);
const MAX_POSITION = 99999999.99;
const MAX_CANDIDATES = 50;
const MAP_NAME_LENGTH = 80;
const SUBJECT_LENGTH = 255;
/** Task.Description (Comments) holds at most 32,000 characters (Object Reference: Task). */
const COMMENTS_LENGTH = 32000;
const CHANGE_TEXT_LENGTH = 255;
/** MapContactSelector.RECENT_CHANGES_PER_PERSON */
const RECENT_CHANGES_PER_PERSON = 5;
const MAX_MAPS_PER_ACCOUNT = 500;
/** EvidenceService: the window of getEvidence, in months. */
const MIN_WINDOW_MONTHS = 1;
const MAX_WINDOW_MONTHS = 36;
/** ActivityEvidenceSelector: LIMIT of each aggregate query (the Task query, the Event query). */
const MAX_BUCKETS_PER_QUERY = 2000;
/**
 * EvidenceService: the most activities one request aggregates: the transaction's 50,000 query rows
 * less the row of the map and the rows kept for the names (2 × 2,000).
 */
const MAX_EVIDENCE_ROWS = 50000 - 1 - 2 * MAX_BUCKETS_PER_QUERY;
/** Relationship_Map__c.Dismissed_Suggestions__c: Long Text Area(32768). */
const DISMISSED_LENGTH = 32768;
/** A suggestion key: `link:<UserId>:<ContactId>` or `person:<ContactId or UserId>`. */
const LINK_KEY = /^link:([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}):([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})$/;
const PERSON_KEY = /^person:([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})$/;

/** MapPerson property → Map_Contact__c field, for updatePerson (MapPersonService.EDITABLE_FIELDS). */
const EDITABLE_FIELDS: Record<string, string> = {
  name: 'Name',
  title: 'Title__c',
  side: 'Side__c',
  role: 'Role__c',
  authority: 'Authority__c',
  stance: 'Stance__c',
  sentiment: 'Sentiment__c',
  coverage: 'Coverage__c',
  goalImpact: 'Goal_Impact__c',
  communicationStyle: 'Communication_Style__c',
  preferredChannel: 'Preferred_Channel__c',
  isPrimaryContact: 'Is_Primary_Contact__c',
  isVacant: 'Is_Vacant__c',
  excluded: 'Excluded__c',
  lastInteraction: 'Last_Interaction__c',
  personalGoals: 'Personal_Goals__c',
  prioritiesPainPoints: 'Priorities_Pain_Points__c',
  ourAssessment: 'Our_Assessment__c',
  needsFromThem: 'Needs_From_Them__c',
  expectedReaction: 'Expected_Reaction__c',
  contingencyPlan: 'Contingency_Plan__c',
  relationToGoal: 'Relation_To_Goal__c',
};

/** The fields the change log follows (MapContactChangeTracker.TRACKED), with the value a new record has. */
const TRACKED: { field: ChangeField; property: keyof MapPerson; insertDefault: string | null }[] = [
  { field: 'Stance', property: 'stance', insertDefault: 'Unknown' },
  { field: 'Sentiment', property: 'sentiment', insertDefault: 'Unknown' },
  { field: 'Role', property: 'role', insertDefault: 'Unknown' },
  { field: 'Authority', property: 'authority', insertDefault: 'Unknown' },
  { field: 'Coverage', property: 'coverage', insertDefault: 'None' },
  { field: 'Goal Impact', property: 'goalImpact', insertDefault: 'Unknown' },
  { field: 'Title', property: 'title', insertDefault: null },
  { field: 'Vacant', property: 'isVacant', insertDefault: 'No' },
];

/** Where a change came from (ChangeLogContext.Origin). */
interface Origin {
  source: ChangeSource;
  activityId?: string;
  /** Note__c of the rows this origin writes (VacancyService: why the seat is vacant). */
  note?: string;
}
const EDIT: Origin = { source: 'Edit' };

const fail = (message: string): never => {
  throw new PreviewApexError(message);
};
/** Apex String.isBlank for any value: null, or text of whitespace only. */
const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
/** RelationshipMapService.requireValue */
const requireValue = (value: unknown, message: string): void => {
  if (isBlank(value)) fail(message);
};
/** RelationshipMapService.joinNonNull, then throwProblems */
const throwProblems = (problems: (string | null)[]): void => {
  const found = problems.filter((p): p is string => p !== null);
  if (found.length) fail(found.join(' '));
};
/** RelationshipMapService.tooLong */
const tooLong = (label: string, text: string | null, max: number): string | null =>
  text !== null && text.length > max ? sentence('RM_Too_Long', label, max, text.length) : null;
const emptyResult = (): SaveResult => ({ savedIds: [], errors: [] });
const rowError = (index: number, recordId: unknown, label: string | null | undefined, message: string): RowError => ({
  index,
  recordId: typeof recordId === 'string' ? recordId : null,
  label: label ?? null,
  message,
});
/** RowResults.sortErrors: by request index, keeping the order within a row. */
const sortErrors = (errors: RowError[]): void => {
  const sorted = errors.map((error, position) => ({ error, position }));
  sorted.sort((a, b) => a.error.index - b.error.index || a.position - b.position);
  errors.splice(0, errors.length, ...sorted.map((s) => s.error));
};
/** Apex String.valueOf for a JSON value: lists as (a, b), maps as {k=v}. */
const apexText = (value: unknown): string =>
  Array.isArray(value)
    ? `(${value.map(apexText).join(', ')})`
    : value !== null && typeof value === 'object'
      ? `{${Object.entries(value)
          .map(([k, v]) => `${k}=${apexText(v)}`)
          .join(', ')}}`
      : String(value);
/** MapPersonService.parseDate: a real `YYYY-MM-DD` from the year 1700 on, or null. */
const parseDate = (text: string | null): string | null => {
  if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number(text.slice(0, 4)) < 1700) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text) ? text : null;
};
const clip = (value: string | null, length: number): string | null => (value === null ? null : value.slice(0, length));
/** Apex Date.addMonths: the same day `months` later, or the last day of that month when it is shorter. */
export const addMonths = (day: string, months: number): string => {
  const [year, month, date] = day.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date, last))).toISOString().slice(0, 10);
};
/** The order of evidence buckets: most recent first, then user, contact and kind (as Apex compares text). */
const byRecency = (a: EvidenceBucket, b: EvidenceBucket): number =>
  a.lastDate !== b.lastDate
    ? a.lastDate < b.lastDate
      ? 1
      : -1
    : a.userId !== b.userId
      ? a.userId < b.userId
        ? -1
        : 1
      : a.contactId !== b.contactId
        ? a.contactId < b.contactId
          ? -1
          : 1
        : a.kind === b.kind
          ? 0
          : a.kind < b.kind
            ? -1
            : 1;
/** People in the evidence: by name ignoring case, then by Id. */
const byName = (a: EvidencePerson, b: EvidencePerson): number => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x !== y ? (x < y ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export class LocalController {
  private readonly schema: ObjectSchema;
  /** Set by every write; index.ts saves the store file when a call leaves it set. */
  dirty = false;

  constructor(
    private readonly store: StoreData,
    private readonly permission: Permission,
    private readonly now: () => Date,
    schema?: ObjectSchema,
    /** The preview user's time zone for "at 10:42" (default: this machine's). */
    private readonly timeZone?: string
  ) {
    this.schema = schema ?? loadObjectSchema();
  }

  // ---------------------------------------------------------------------------------------
  // Versions (RecordVersion): never lose an edit
  // ---------------------------------------------------------------------------------------

  /**
   * A save's LastModifiedDate and LastModifiedBy. Later than the record's previous version even
   * within one millisecond (or with a clock that stands still, as in tests), so two saves never
   * share a version.
   */
  private stamp(row: { version?: string | null; lastModifiedById?: string }): void {
    const now = this.now().getTime();
    const previous = row.version ? Date.parse(row.version) : Number.NaN;
    row.version = new Date(Number.isNaN(previous) || now > previous ? now : previous + 1).toISOString();
    row.lastModifiedById = this.store.currentUserId;
  }

  /** RecordVersion.isStale: blank = no check; text that is not a date-time counts as stale. */
  private isStale(seen: unknown, current: string | null | undefined): boolean {
    if (isBlank(seen)) return false;
    const seenAt = Date.parse(String(seen));
    return Number.isNaN(seenAt) || !current || seenAt !== Date.parse(current);
  }

  /** RecordVersion.staleMessage (`template`: RM_Stale_Person or RM_Stale_Link): who and when (HH:mm in the preview user's time zone). */
  private staleMessage(template: string, row: { version?: string | null; lastModifiedById?: string }): string {
    const at = row.version ? new Date(row.version) : null;
    let time = '--:--';
    if (at && !Number.isNaN(at.getTime())) {
      const format = (timeZone: string | undefined): string =>
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
      try {
        time = format(this.timeZone);
      } catch (_unknownZone) {
        time = format(undefined);
      }
    }
    const who = this.user(row.lastModifiedById)?.name;
    return sentence(template, isBlank(who) ? sentence('RM_Someone') : who, time);
  }

  // ---------------------------------------------------------------------------------------
  // Permissions, lookups and DTOs
  // ---------------------------------------------------------------------------------------

  /** Create and edit on maps, people and links (Relationship_Maps_User and _Admin). */
  private get canEdit(): boolean {
    return this.permission !== 'read-only';
  }

  /**
   * Delete on people and links: only Relationship_Maps_Admin grants it (RelationshipMapService.loadGraph's
   * canDelete: Map_Contact__c and Influence_Link__c deletable).
   */
  private get canDelete(): boolean {
    return this.permission === 'admin';
  }

  /** A user-mode write without edit rights fails the request (toAuraException: an access error). */
  private requireWriteAccess(method: ControllerMethod): void {
    if (!this.canEdit) fail(noAccess(method));
  }

  private requireMap(mapId: unknown): MapRow {
    requireValue(mapId, sentence('RM_Choose_Map_First'));
    return this.store.maps.find((m) => m.id === mapId) ?? fail(sentence('RM_Map_Gone'));
  }

  private peopleOn(mapId: unknown): PersonRow[] {
    return this.store.people.filter((p) => p.mapId === mapId);
  }

  private contact(id: unknown): ContactRow | undefined {
    return this.store.contacts.find((c) => c.id === id);
  }

  private user(id: unknown): UserRow | undefined {
    return this.store.users.find((u) => u.id === id);
  }

  /** Picklist problem as RelationshipMapService.picklistProblem words it (blank is allowed). */
  private picklistProblem(object: string, field: string, label: string, value: string | null): string | null {
    const allowed = picklistValues(this.schema, object, field);
    return isBlank(value) || allowed.includes(value as string)
      ? null
      : sentence('RM_Not_A_Choice', label, value, allowed.join(', '));
  }

  /** The map's picker row; the counts are the Relationship_Map__c roll-ups. */
  private summary(map: MapRow): MapSummary {
    const people = this.peopleOn(map.id).filter((p) => !p.excluded);
    const deciders = people.filter((p) => isDecisionMakerRole(p.role));
    return {
      id: map.id,
      name: map.name,
      accountId: map.accountId,
      accountName: this.store.accounts.find((a) => a.id === map.accountId)?.name ?? null,
      goal: map.goal,
      accountGoal: map.accountGoal ?? null,
      status: map.status,
      targetDate: map.targetDate ?? null,
      lastReviewed: map.lastReviewed ?? null,
      peopleCount: people.length,
      decisionMakerCount: deciders.length,
      unsupportedDecisionMakerCount: deciders.filter((p) => p.stance !== 'Champion' && p.stance !== 'Supporter').length,
      lastModifiedDate: map.lastModifiedDate,
    };
  }

  /**
   * RecordDtos.toPersonWithDetails (`details`) or toPerson (a map load: no long texts,
   * their Has_* formula flags instead).
   */
  private toPerson(row: PersonRow, details = true): MapPerson {
    const { mapId: _mapId, lastModifiedById, ...person } = row;
    const filled = (text: string | null | undefined): boolean => !isBlank(text);
    const result: MapPerson = {
      ...person,
      isDecisionMaker: isDecisionMakerRole(row.role),
      hasContingencyPlan: filled(row.contingencyPlan),
      hasPersonalGoals: filled(row.personalGoals),
      hasPrioritiesPainPoints: filled(row.prioritiesPainPoints),
      hasRelationToGoal: filled(row.relationToGoal),
      hasDetails: details,
      lastModifiedByName: this.user(lastModifiedById)?.name ?? null,
    };
    if (!details) for (const key of LONG_TEXTS) delete result[key];
    return result;
  }

  private toChange(row: ChangeRow): PersonChange {
    return {
      id: row.id,
      personId: row.personId ?? '',
      field: row.field,
      oldValue: row.oldValue,
      newValue: row.newValue,
      changedAt: row.changedAt,
      changedByName: this.user(row.changedById)?.name ?? null,
      source: row.source,
      note: row.note,
      activityId: row.activityId,
    };
  }

  // ---------------------------------------------------------------------------------------
  // What the Map_Contact__c trigger does
  // ---------------------------------------------------------------------------------------

  private touch(mapId: string): void {
    // Roll-up summaries recalculate on every child save, which stamps the map's LastModifiedDate.
    const map = this.store.maps.find((m) => m.id === mapId);
    if (map) map.lastModifiedDate = this.now().toISOString();
    this.dirty = true;
  }

  private logValue(person: MapPerson, property: keyof MapPerson): string | null {
    const value = person[property];
    if (property === 'isVacant') return value === true ? 'Yes' : 'No';
    return value === null || value === undefined ? null : String(value);
  }

  /** MapContactChangeTracker.changesFor + ChangeLogService.newChange: one row per followed field that changed. */
  private logChanges(person: PersonRow, before: PersonRow | null, origin: Origin): void {
    for (const tracked of TRACKED) {
      const after = this.logValue(person, tracked.property);
      const old = before ? this.logValue(before, tracked.property) : null;
      const changed = before ? old !== after : !isBlank(after) && after !== tracked.insertDefault;
      if (!changed) continue;
      this.store.changes.push({
        id: nextId(this.store, 'Map_Contact_Change__c'),
        mapId: person.mapId,
        personId: person.id,
        personName: person.name.slice(0, 121),
        field: tracked.field,
        oldValue: clip(old, CHANGE_TEXT_LENGTH),
        newValue: clip(after, CHANGE_TEXT_LENGTH),
        changedAt: this.now().toISOString(),
        changedById: this.store.currentUserId,
        source: origin.source,
        note: origin.note ?? null,
        activityId: origin.activityId ?? null,
      });
    }
  }

  /** Before and after insert of new seats (all already checked by the service). */
  private insertPeople(rows: PersonRow[]): void {
    const defaults = personDefaults(this.schema);
    for (const person of rows) {
      const target = person as unknown as Record<string, unknown>;
      for (const [property, value] of Object.entries(defaults)) if (isBlank(target[property])) target[property] = value;
      person.stance = isBlank(person.stance) ? 'Unknown' : person.stance;
      person.sentiment = isBlank(person.sentiment) ? 'Unknown' : person.sentiment;
      // MapContactSnapshot: a blank name or title comes from the Contact or User.
      const source = person.contactId ? this.contact(person.contactId) : this.user(person.userId);
      const sourceName = source ? ('firstName' in source ? contactName(source) : source.name) : null;
      if (isBlank(person.name) && sourceName) person.name = sourceName.slice(0, 80);
      if (isBlank(person.title) && source?.title) person.title = source.title.slice(0, 128);
      person.isPrimaryContact = person.isPrimaryContact === true;
      person.excluded = person.excluded === true;
      person.isVacant = person.isVacant === true;
      person.isDecisionMaker = isDecisionMakerRole(person.role);
      if (person.stance !== 'Unknown') person.stanceChangedAt = this.now().toISOString();
      person.createdDate = this.now().toISOString();
      this.stamp(person);
      this.store.people.push(person);
      this.logChanges(person, null, EDIT);
      this.touch(person.mapId);
    }
  }

  /** Before and after update of one seat: defaults, the person rule, stance date, primary contact, change log. */
  private updatePersonRecord(person: PersonRow, changes: Partial<MapPerson>, origin: Origin): void {
    const before = { ...person };
    const next = { ...person, ...changes } as PersonRow;
    if (isBlank(next.stance)) next.stance = 'Unknown';
    if (isBlank(next.sentiment)) next.sentiment = 'Unknown';
    if (!next.contactId && !next.userId && next.isVacant !== true) {
      fail(sentence('RM_Dml_Failed', sentence('RM_Person_Neither')));
    }
    if (next.stance !== before.stance) next.stanceChangedAt = this.now().toISOString();
    next.isDecisionMaker = isDecisionMakerRole(next.role);
    this.stamp(next);
    Object.assign(person, next);
    if (person.isPrimaryContact && !before.isPrimaryContact) {
      // MapContactPrimaryGuard: the new primary contact replaces the old one.
      for (const other of this.peopleOn(person.mapId)) {
        if (other !== person && other.isPrimaryContact) {
          other.isPrimaryContact = false;
          this.stamp(other);
        }
      }
    }
    this.logChanges(person, before, origin);
    this.touch(person.mapId);
  }

  /** Deletes seats; MapContactLinkCleaner deletes their links, the change log keeps their name. */
  private deletePeopleRecords(ids: Set<string>): void {
    const mapIds = new Set(this.store.people.filter((p) => ids.has(p.id)).map((p) => p.mapId));
    this.store.people = this.store.people.filter((p) => !ids.has(p.id));
    this.store.links = this.store.links.filter((l) => !ids.has(l.fromId ?? '') && !ids.has(l.toId ?? ''));
    for (const change of this.store.changes) if (change.personId && ids.has(change.personId)) change.personId = null;
    for (const mapId of mapIds) this.touch(mapId);
  }

  // ---------------------------------------------------------------------------------------
  // Maps (RelationshipMapService)
  // ---------------------------------------------------------------------------------------

  getMapsForAccount(params: Record<string, unknown>): MapSummary[] {
    requireValue(params.accountId, sentence('RM_Choose_Account_For_Maps'));
    return this.store.maps
      .filter((m) => m.accountId === params.accountId)
      .sort((a, b) => b.lastModifiedDate.localeCompare(a.lastModifiedDate) || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_MAPS_PER_ACCOUNT)
      .map((m) => this.summary(m));
  }

  loadMapGraph(params: Record<string, unknown>): MapGraph {
    const map = this.requireMap(params.mapId);
    const people = this.peopleOn(map.id).sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1)
    );
    // Each person's log, newest first (ties: the later write first), at most RECENT_CHANGES_PER_PERSON.
    const logs = new Map<string, { change: ChangeRow; order: number }[]>();
    this.store.changes.forEach((change, order) => {
      if (change.personId && change.mapId === map.id) {
        const log = logs.get(change.personId) ?? [];
        log.push({ change, order });
        logs.set(change.personId, log);
      }
    });
    const changes: PersonChange[] = [];
    for (const person of people) {
      const recent = (logs.get(person.id) ?? [])
        .sort((a, b) => b.change.changedAt.localeCompare(a.change.changedAt) || b.order - a.order)
        .slice(0, RECENT_CHANGES_PER_PERSON);
      changes.push(...recent.map((entry) => this.toChange(entry.change)));
    }
    return {
      summary: this.summary(map),
      people: people.map((p) => this.toPerson(p, false)),
      links: this.store.links
        .filter((l) => l.mapId === map.id)
        .map(({ mapId: _mapId, lastModifiedById, ...link }) => ({
          ...link,
          lastModifiedByName: this.user(lastModifiedById)?.name ?? null,
        })),
      changes,
      canEdit: this.canEdit,
      canDelete: this.canDelete,
    };
  }

  createMap(params: Record<string, unknown>): CreateMapResult {
    requireValue(params.newMap, sentence('RM_Enter_Goal'));
    const input = params.newMap as Record<string, unknown>;
    const goal = typeof input.goal === 'string' ? input.goal.trim() : '';
    const name = isBlank(input.name) ? goal.slice(0, MAP_NAME_LENGTH) : String(input.name).trim();
    const accountGoal = isBlank(input.accountGoal) ? null : String(input.accountGoal).trim();
    const status = isBlank(input.status) ? 'Draft' : String(input.status);
    throwProblems([
      input.accountId === null ? sentence('RM_Choose_Account_For_Map') : null,
      goal === '' ? sentence('RM_Enter_Goal_Detail') : null,
      tooLong('Goal', goal, 255),
      tooLong('Map name', name, MAP_NAME_LENGTH),
      tooLong('Account goal', accountGoal, 255),
      this.picklistProblem('Relationship_Map__c', 'Status__c', 'Status', status),
    ]);
    this.requireWriteAccess('createMap');
    const accountId = input.accountId as string;
    if (KEY_PREFIX.Account !== accountId.slice(0, 3)) {
      // not-a-sentence: the platform's own message for a wrong lookup Id, which Apex passes on as it is
      fail(sentence('RM_Dml_Failed', `Account: id value of incorrect type: ${accountId}`));
    }
    // A master-detail to a record the user cannot see (or that is gone) fails as a cross-reference access error.
    const account = this.store.accounts.find((a) => a.id === accountId) ?? fail(noAccess('createMap'));
    const map: MapRow = {
      id: nextId(this.store, 'Relationship_Map__c'),
      accountId,
      name,
      goal,
      accountGoal,
      status: status as MapStatus,
      targetDate: (input.targetDate as string | null) ?? null,
      lastReviewed: null,
      lastModifiedDate: this.now().toISOString(),
      createdDate: this.now().toISOString(),
    };
    this.store.maps.push(map);
    this.dirty = true;
    let placed: PeopleResult = { people: emptyResult(), links: emptyResult() };
    if (input.includeEveryone === true) placed = this.placeEveryone(map, account);
    return { summary: this.summary(map), people: placed.people, links: placed.links };
  }

  // ---------------------------------------------------------------------------------------
  // People (AddPeopleService, MapPeopleService, MapPersonService)
  // ---------------------------------------------------------------------------------------

  /** The account's contacts (Customer), its active owner and account team (Our Company), with Reports To links. */
  private placeEveryone(map: MapRow, account: { id: string; ownerId: string }): PeopleResult {
    return this.insertPlacements(map, this.everyoneNotOnMap(map, account, new Set()));
  }

  /**
   * AddPeopleService.everyoneNotOnMap: everyone around the account whose Contact or User Id is not
   * in `skip`: its contacts by name (Customer), then its active owner, then its account team (Our
   * Company). The preview has no AccountTeamMember: an account's team is our people (users) seated
   * on any of its maps, as data/our-team.json seats them, by name.
   */
  private everyoneNotOnMap(map: MapRow, account: { id: string; ownerId: string }, skip: Set<string>): Placement[] {
    const byName = (a: ContactRow, b: ContactRow): number =>
      contactName(a).localeCompare(contactName(b), 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1);
    const placements: Placement[] = [];
    for (const contact of this.store.contacts.filter((c) => c.accountId === account.id).sort(byName)) {
      if (!skip.has(contact.id)) placements.push(this.placeContact(placements.length, map, contact, 'Customer'));
    }
    const accountMaps = new Set(this.store.maps.filter((m) => m.accountId === account.id).map((m) => m.id));
    const teamIds = new Set(
      this.store.people.filter((p) => p.userId && accountMaps.has(p.mapId)).map((p) => p.userId as string)
    );
    const team = [...teamIds]
      .map((id) => this.user(id))
      .filter((u): u is UserRow => !!u?.isActive)
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1));
    const owner = this.user(account.ownerId);
    const ours = [...(owner?.isActive ? [owner] : []), ...team.filter((u) => u.id !== owner?.id)];
    for (const user of ours) {
      if (!skip.has(user.id)) placements.push(this.placeUser(placements.length, map, user));
    }
    return placements;
  }

  /** The Contact and User Ids with a seat on the map (excluded and vacant seats included). */
  private recordsOn(map: MapRow): Set<string> {
    const ids = new Set<string>();
    for (const person of this.peopleOn(map.id)) {
      if (person.contactId) ids.add(person.contactId);
      if (person.userId) ids.add(person.userId);
    }
    return ids;
  }

  private accountOf(map: MapRow): { id: string; ownerId: string } {
    return this.store.accounts.find((a) => a.id === map.accountId) ?? { id: map.accountId, ownerId: '' };
  }

  /** AddPeopleService.addEveryone: everyone around the account without a seat on the map yet. */
  addEveryone(params: Record<string, unknown>): PeopleResult {
    const map = this.requireMap(params.mapId);
    this.requireWriteAccess('addEveryone');
    return this.insertPlacements(map, this.everyoneNotOnMap(map, this.accountOf(map), this.recordsOn(map)));
  }

  /** AddPeopleService.countEveryone: how many addEveryone would place now. */
  countEveryone(params: Record<string, unknown>): EveryoneCount {
    const map = this.requireMap(params.mapId);
    const placements = this.everyoneNotOnMap(map, this.accountOf(map), this.recordsOn(map));
    return {
      contacts: placements.filter((p) => p.record.contactId).length,
      users: placements.filter((p) => p.record.userId).length,
    };
  }

  private placeContact(index: number, map: MapRow, contact: ContactRow, side: string): Placement {
    return {
      index,
      record: {
        id: '',
        mapId: map.id,
        contactId: contact.id,
        userId: null,
        name: contactName(contact).slice(0, 80),
        title: contact.title ? contact.title.slice(0, 128) : null,
        side: side as PersonRow['side'],
      },
    };
  }

  private placeUser(index: number, map: MapRow, user: UserRow): Placement {
    return {
      index,
      record: {
        id: '',
        mapId: map.id,
        contactId: null,
        userId: user.id,
        name: user.name.slice(0, 80),
        side: 'Our Company',
      },
    };
  }

  /**
   * Inserts the seats, then a Reports To link (report → manager) for each contact on the map whose
   * manager is on it too, when at least one of the two is new.
   */
  private insertPlacements(map: MapRow, placements: Placement[]): PeopleResult {
    const people = emptyResult();
    const existing = this.peopleOn(map.id);
    const fresh: PersonRow[] = [];
    for (const placement of placements) {
      placement.record.id = nextId(this.store, 'Map_Contact__c');
      fresh.push(placement.record);
      people.savedIds.push(placement.record.id);
    }
    this.insertPeople(fresh);
    const isNew = new Set(fresh.map((p) => p.id));
    const byContact = new Map<string, PersonRow>();
    for (const person of [...existing, ...fresh]) if (person.contactId) byContact.set(person.contactId, person);
    const links = emptyResult();
    for (const [contactId, report] of byContact) {
      const managerId = this.contact(contactId)?.reportsToId;
      const manager = managerId ? byContact.get(managerId) : undefined;
      if (!manager || manager.id === report.id || !(isNew.has(report.id) || isNew.has(manager.id))) continue;
      const link: LinkRow = {
        id: nextId(this.store, 'Influence_Link__c'),
        mapId: map.id,
        fromId: report.id,
        toId: manager.id,
        type: 'Reports To',
        strength: 'Medium',
        notes: null,
      };
      this.stamp(link);
      this.store.links.push(link);
      links.savedIds.push(link.id);
    }
    return { people, links };
  }

  addPeople(params: Record<string, unknown>): PeopleResult {
    const map = this.requireMap(params.mapId);
    const rows = (params.people as (Record<string, unknown> | null)[] | null) ?? [];
    if (rows.length === 0) fail(sentence('RM_Choose_People_To_Add'));
    const onMap = new Map<string, PersonRow>();
    for (const person of this.peopleOn(map.id)) {
      const key = person.contactId ?? person.userId;
      if (key) onMap.set(key, person);
    }
    const sides = picklistValues(this.schema, 'Map_Contact__c', 'Side__c');
    const errors: RowError[] = [];
    const placements: Placement[] = [];
    const requested = new Set<string>();
    rows.forEach((row, index) => {
      const recordId = (row?.recordId as string | null | undefined) ?? null;
      const side = (row?.side as string | null | undefined) ?? null;
      const isContact = recordId !== null && recordId.startsWith(KEY_PREFIX.Contact);
      const isUser = recordId !== null && recordId.startsWith(KEY_PREFIX.User);
      const contact = isContact ? this.contact(recordId) : undefined;
      const user = isUser ? this.user(recordId) : undefined;
      const activeUser = user?.isActive ? user : undefined;
      const existing = recordId ? onMap.get(recordId) : undefined;
      const problem =
        recordId === null
          ? sentence('RM_Choose_Contact_Or_User')
          : !isContact && !isUser
            ? sentence('RM_Only_Contacts_And_Users')
            : isContact && !contact
              ? sentence('RM_Contact_Gone')
              : isUser && !activeUser
                ? sentence('RM_User_Gone')
                : existing
                  ? existing.excluded
                    ? sentence('RM_Already_On_Map_Excluded')
                    : sentence('RM_Already_On_Map')
                  : requested.has(recordId)
                    ? sentence('RM_Listed_Twice_Added_Once')
                    : isUser
                      ? isBlank(side) || side === 'Our Company'
                        ? null
                        : sentence('RM_Users_Our_Side')
                      : isBlank(side) || sides.includes(side as string)
                        ? null
                        : sentence('RM_Not_A_Choice', 'Side', side, sides.join(', '));
      if (problem) {
        errors.push(rowError(index, recordId, contact ? contactName(contact) : activeUser?.name, problem));
        return;
      }
      requested.add(recordId as string);
      placements.push(
        contact
          ? this.placeContact(index, map, contact, isBlank(side) ? 'Customer' : (side as string))
          : this.placeUser(index, map, activeUser as UserRow)
      );
    });
    if (placements.length) this.requireWriteAccess('addPeople');
    const result = this.insertPlacements(map, placements);
    result.people.errors.push(...errors);
    sortErrors(result.people.errors);
    return result;
  }

  setPeopleExcluded(params: Record<string, unknown>): SaveResult {
    requireValue(params.mapId, sentence('RM_Choose_Map_First'));
    const ids = (params.personIds as (string | null)[] | null) ?? [];
    const result = emptyResult();
    const onMap = new Map(this.peopleOn(params.mapId).map((p) => [p.id, p]));
    const seen = new Set<string>();
    const updates: PersonRow[] = [];
    ids.forEach((id, index) => {
      const person = id === null ? undefined : onMap.get(id);
      const problem = !person
        ? sentence('RM_Person_Gone')
        : seen.has(person.id)
          ? sentence('RM_Listed_Twice_First_Used')
          : null;
      if (problem) return void result.errors.push(rowError(index, id, person?.name, problem));
      seen.add((person as PersonRow).id);
      updates.push(person as PersonRow);
    });
    if (updates.length) this.requireWriteAccess('setPeopleExcluded');
    for (const person of updates) {
      this.updatePersonRecord(person, { excluded: params.excluded === true }, EDIT);
      result.savedIds.push(person.id);
    }
    sortErrors(result.errors);
    return result;
  }

  deletePeople(params: Record<string, unknown>): SaveResult {
    requireValue(params.mapId, sentence('RM_Choose_Map_First'));
    if (!this.canDelete) {
      fail(sentence('RM_No_Permission_Delete_People'));
    }
    const ids = (params.personIds as (string | null)[] | null) ?? [];
    const result = emptyResult();
    const onMap = new Map(this.peopleOn(params.mapId).map((p) => [p.id, p]));
    const doomed = new Set<string>();
    ids.forEach((id, index) => {
      const person = id === null ? undefined : onMap.get(id);
      const problem = !person
        ? sentence('RM_Person_Gone')
        : doomed.has(person.id)
          ? sentence('RM_Listed_Twice_First_Used')
          : null;
      if (problem) return void result.errors.push(rowError(index, id, person?.name, problem));
      doomed.add((person as PersonRow).id);
      result.savedIds.push((person as PersonRow).id);
    });
    if (doomed.size) this.deletePeopleRecords(doomed);
    sortErrors(result.errors);
    return result;
  }

  savePositions(params: Record<string, unknown>): SaveResult {
    requireValue(params.mapId, sentence('RM_Choose_Map_First'));
    const rows = (params.positions as (Record<string, unknown> | null)[] | null) ?? [];
    const result = emptyResult();
    const onMap = new Map(this.peopleOn(params.mapId).map((p) => [p.id, p]));
    const seen = new Set<string>();
    const updates: { person: PersonRow; x: number | null; y: number | null }[] = [];
    rows.forEach((row, index) => {
      const personId = (row?.personId as string | null | undefined) ?? null;
      const x = (row?.layoutX as number | null | undefined) ?? null;
      const y = (row?.layoutY as number | null | undefined) ?? null;
      const pinned = x !== null && y !== null;
      const offMap = pinned && (Math.abs(x) > MAX_POSITION || Math.abs(y) > MAX_POSITION);
      const person = personId === null ? undefined : onMap.get(personId);
      const problem = !person
        ? sentence('RM_Person_Gone')
        : seen.has(person.id)
          ? sentence('RM_Listed_Twice_First_Used')
          : offMap
            ? sentence('RM_Position_Off_Map')
            : null;
      if (problem) return void result.errors.push(rowError(index, personId, person?.name, problem));
      seen.add((person as PersonRow).id);
      updates.push({ person: person as PersonRow, x: pinned ? x : null, y: pinned ? y : null });
    });
    if (updates.length) this.requireWriteAccess('savePositions');
    // Number(10,2): the platform keeps two decimals.
    const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
    for (const { person, x, y } of updates) {
      this.updatePersonRecord(person, { layoutX: round(x), layoutY: round(y) }, EDIT);
      result.savedIds.push(person.id);
    }
    sortErrors(result.errors);
    return result;
  }

  /** MapPersonService.applyChange: one JSON value as the field holds it, and the problem with it. */
  private parseChange(key: string, value: unknown): { property: string; value: unknown; problem: string | null } {
    const fieldName = EDITABLE_FIELDS[key];
    const field = fieldOf(this.schema, 'Map_Contact__c', fieldName);
    if (field.type === 'Checkbox') {
      const problem =
        value === null || value === undefined || typeof value === 'boolean'
          ? null
          : sentence('RM_Choose_Yes_No', field.label);
      return { property: key, value: value === true, problem };
    }
    if (value !== null && value !== undefined && typeof value !== 'string') {
      return { property: key, value: undefined, problem: sentence('RM_Expected_Text', field.label, apexText(value)) };
    }
    const text = isBlank(value) ? null : (value as string);
    if (field.type === 'Date') {
      const day = parseDate(text);
      const problem = text === null || day !== null ? null : sentence('RM_Not_A_Date', field.label, text);
      return { property: key, value: day, problem };
    }
    const problem =
      text === null && fieldName === 'Name'
        ? sentence('RM_Needs_Name', field.label)
        : field.type === 'Picklist'
          ? this.picklistProblem('Map_Contact__c', fieldName, field.label, text)
          : tooLong(field.label, text, field.length ?? 255);
    return { property: key, value: text, problem };
  }

  /**
   * MapPersonService.updatePerson: only the changed fields, all or nothing. With `version` (the
   * MapPerson.version the rep saw), a save against a newer version is refused with RM_Stale_Person
   * unless every field it changes still holds the value the rep saw (`seen`): then it is merged.
   */
  updatePerson(params: Record<string, unknown>): MapPerson {
    requireValue(params.personId, sentence('RM_Choose_Person_First'));
    const changes = params.changes as Record<string, unknown> | null;
    if (!changes || Object.keys(changes).length === 0) fail(sentence('RM_Nothing_To_Save'));
    const person = this.store.people.find((p) => p.id === params.personId) ?? fail(sentence('RM_Person_Gone'));
    const next: Record<string, unknown> = {};
    const problems: (string | null)[] = [];
    const keys = Object.keys(changes as object).sort();
    for (const key of keys) {
      if (!EDITABLE_FIELDS[key]) {
        problems.push(sentence('RM_Field_Not_Editable', key));
        continue;
      }
      const parsed = this.parseChange(key, (changes as Record<string, unknown>)[key]);
      if (parsed.value !== undefined) next[parsed.property] = parsed.value;
      problems.push(parsed.problem);
    }
    const found = problems.filter((p): p is string => p !== null);
    if (found.length) fail(sentence('RM_Nothing_Saved_For', person.name, found.join(' ')));
    if (this.isStale(params.version, person.version) && this.overlaps(person, keys, params.seen)) {
      fail(this.staleMessage('RM_Stale_Person', person));
    }
    this.requireWriteAccess('updatePerson');
    this.updatePersonRecord(person, next, EDIT);
    return this.toPerson(person);
  }

  /** MapPersonService.overlaps: some field this save changes holds another value than the rep saw. */
  private overlaps(person: PersonRow, keys: string[], seen: unknown): boolean {
    if (seen === null || typeof seen !== 'object') return true;
    const values = seen as Record<string, unknown>;
    const onRecord = person as unknown as Record<string, unknown>;
    return keys.some((key) => {
      if (!Object.prototype.hasOwnProperty.call(values, key)) return true;
      const saw = this.parseChange(key, values[key]).value;
      return (saw ?? null) !== (onRecord[key] ?? (typeof saw === 'boolean' ? false : null));
    });
  }

  /** MapPersonService.getPersonDetails: one person with the long texts and their version. */
  getPersonDetails(params: Record<string, unknown>): MapPerson {
    requireValue(params.personId, sentence('RM_Choose_Person_First'));
    const person = this.store.people.find((p) => p.id === params.personId) ?? fail(sentence('RM_Person_Gone'));
    return this.toPerson(person);
  }

  /** MapPersonService.logCall, then CallLogService.logCall and CallLogMapUpdater. */
  logCall(params: Record<string, unknown>): string {
    requireValue(params.personId, sentence('RM_Choose_Person_First'));
    if (!this.canEdit) fail(sentence('RM_No_Permission_Log_Calls', ACCESS_HINT));
    const subject = params.subject as string | null;
    const comments = (params.comments as string | null) ?? null;
    // CallLogService.refuseTooLong: refused before anything is saved, never cut off.
    throwProblems([
      tooLong('Subject', subject ?? null, SUBJECT_LENGTH),
      tooLong('Comments', comments, COMMENTS_LENGTH),
    ]);
    const stance = this.callPicklistValue('Stance__c', params.stance as string | null, 'RM_Not_A_Known_Stance');
    const sentiment = this.callPicklistValue(
      'Sentiment__c',
      params.sentiment as string | null,
      'RM_Not_A_Known_Sentiment'
    );
    const seat = this.store.people.find((p) => p.id === params.personId) ?? fail(sentence('RM_Call_Person_Gone'));
    if (seat.isVacant && (stance !== null || sentiment !== null)) {
      fail(sentence('RM_Seat_Vacant_No_Assessment', seat.name));
    }
    const today = this.now().toISOString().slice(0, 10);
    const task = {
      id: nextId(this.store, 'Task'),
      subject: isBlank(subject) ? sentence('RM_Call_Subject', seat.name).slice(0, SUBJECT_LENGTH) : (subject as string),
      description: comments,
      whoId: seat.contactId && !seat.isVacant ? seat.contactId : null,
      whatId: seat.mapId,
      stance,
      sentiment,
      activityDate: today,
      ownerId: this.store.currentUserId,
    };
    this.store.tasks.push(task);
    this.dirty = true;
    // The call is related to the map (WhatId), so it updates this seat only, whatever the map's status.
    const last = seat.lastInteraction ?? null;
    const current = last === null || today >= last;
    const changes: Partial<MapPerson> = {};
    if (current && stance !== null && stance !== seat.stance) changes.stance = stance as MapPerson['stance'];
    if (current && sentiment !== null && sentiment !== seat.sentiment)
      changes.sentiment = sentiment as MapPerson['sentiment'];
    if (last === null || today > last) changes.lastInteraction = today;
    if (Object.keys(changes).length)
      this.updatePersonRecord(seat, changes, { source: 'Call Log', activityId: task.id });
    return task.id;
  }

  /** CallLogService.picklistValue: the Task field's value matching the input by value or label. */
  private callPicklistValue(field: string, input: string | null, unknownValue: string): string | null {
    if (isBlank(input)) return null;
    const values = fieldOf(this.schema, 'Activity', field).picklist ?? [];
    const wanted = (input as string).trim().toLowerCase();
    const match = values.find((v) => v.value.toLowerCase() === wanted || v.label.toLowerCase() === wanted);
    if (match) return match.value;
    return fail(sentence(unknownValue, input, values.map((v) => v.label).join(', ')));
  }

  searchPeople(params: Record<string, unknown>): PersonCandidate[] {
    const map = this.requireMap(params.mapId);
    const text = typeof params.searchText === 'string' ? params.searchText.trim() : '';
    const term = text.toLowerCase();
    const onMap = new Set<string>();
    for (const person of this.peopleOn(map.id)) {
      if (person.contactId) onMap.add(person.contactId);
      if (person.userId) onMap.add(person.userId);
    }
    const byName = (a: { name: string; recordId: string }, b: { name: string; recordId: string }): number =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.recordId < b.recordId ? -1 : 1);
    const contacts = this.store.contacts
      .filter((c) => c.accountId === map.accountId && !onMap.has(c.id))
      .map((c) => ({ recordId: c.id, name: contactName(c), title: c.title ?? null, side: 'Customer' as const }))
      .filter((c) => c.name.toLowerCase().includes(term))
      .sort(byName)
      .slice(0, MAX_CANDIDATES);
    const users =
      text.length >= 2
        ? this.store.users
            .filter((u) => u.isActive && !onMap.has(u.id) && u.name.toLowerCase().includes(term))
            .map((u) => ({ recordId: u.id, name: u.name, title: null, side: 'Our Company' as const }))
            .sort(byName)
            .slice(0, MAX_CANDIDATES)
        : [];
    return [...contacts, ...users];
  }

  // ---------------------------------------------------------------------------------------
  // Activity evidence (EvidenceService, ActivityEvidenceSelector, SuggestionDismissals)
  // ---------------------------------------------------------------------------------------

  /**
   * EvidenceService.getEvidence: the calls, meetings and emails between our users and the map's
   * account's contacts over the last `windowMonths` months up to today, one bucket per owner,
   * contact, kind and calendar month. Two aggregate queries in the org (Tasks: calls and emails;
   * Events: meetings), each sorted most recent first and cut at 2,000 buckets (`truncated`). A
   * logged call counts as a call. A shared activity counts once for each of its contacts.
   */
  getEvidence(params: Record<string, unknown>): MapEvidence {
    const map = this.requireMap(params.mapId);
    const months = params.windowMonths;
    if (
      typeof months !== 'number' ||
      !Number.isInteger(months) ||
      months < MIN_WINDOW_MONTHS ||
      months > MAX_WINDOW_MONTHS
    ) {
      fail(sentence('RM_Evidence_Window'));
    }
    const windowMonths = months as number;
    const asOf = this.now().toISOString().slice(0, 10);
    const since = addMonths(asOf, -windowMonths);
    const contacts = new Map(this.store.contacts.filter((c) => c.accountId === map.accountId).map((c) => [c.id, c]));
    const groups = new Map<string, EvidenceBucket>();
    let rows = 0;
    const count = (kind: ActivityKind, userId: string, contactId: string, day: string): void => {
      if (!contacts.has(contactId) || day < since || day > asOf) return;
      rows += 1;
      const key = `${userId}:${contactId}:${kind}:${day.slice(0, 7)}`;
      const bucket = groups.get(key);
      if (!bucket) {
        groups.set(key, { userId, contactId, kind, count: 1, firstDate: day, lastDate: day });
        return;
      }
      bucket.count += 1;
      if (day < bucket.firstDate) bucket.firstDate = day;
      if (day > bucket.lastDate) bucket.lastDate = day;
    };
    for (const activity of this.store.activities)
      for (const contactId of new Set(activity.contactIds))
        count(activity.kind, activity.ownerId, contactId, activity.activityDate);
    for (const task of this.store.tasks) if (task.whoId) count('Call', task.ownerId, task.whoId, task.activityDate);
    if (rows > MAX_EVIDENCE_ROWS) fail(sentence('RM_Evidence_Too_Many', rows, windowMonths));

    const all = [...groups.values()];
    const query = (kinds: ActivityKind[]): EvidenceBucket[] =>
      all.filter((b) => kinds.includes(b.kind)).sort(byRecency);
    const tasks = query(['Call', 'Email']);
    const events = query(['Meeting']);
    const truncated = tasks.length >= MAX_BUCKETS_PER_QUERY || events.length >= MAX_BUCKETS_PER_QUERY;
    const buckets = [...tasks.slice(0, MAX_BUCKETS_PER_QUERY), ...events.slice(0, MAX_BUCKETS_PER_QUERY)].sort(
      byRecency
    );

    const userIds = new Set(buckets.map((b) => b.userId));
    const contactIds = new Set(buckets.map((b) => b.contactId));
    const users: EvidencePerson[] = this.store.users
      .filter((u) => userIds.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, title: u.title ?? null, department: u.department ?? null, isUser: true }));
    const people: EvidencePerson[] = [...contactIds].map((id) => {
      const c = contacts.get(id) as ContactRow;
      return { id, name: contactName(c), title: c.title ?? null, department: c.department ?? null, isUser: false };
    });
    return {
      asOf,
      since,
      windowMonths,
      buckets,
      people: [...users.sort(byName), ...people.sort(byName)],
      truncated,
      dismissed: [...(map.dismissedSuggestions ?? [])],
    };
  }

  /**
   * SuggestionDismissals.dismiss: remembers on the map (Dismissed_Suggestions__c, one key per
   * line, oldest first) that a suggestion was dismissed; a key already there stays where it is.
   * When the field would overflow, the oldest keys go. Returns the keys after.
   */
  dismissSuggestion(params: Record<string, unknown>): string[] {
    const map = this.requireMap(params.mapId);
    const sent = typeof params.key === 'string' ? params.key.trim() : '';
    if (sent === '') fail(sentence('RM_Choose_Suggestion_First'));
    const key = this.suggestionKey(sent) ?? fail(sentence('RM_Suggestion_Unknown'));
    this.requireWriteAccess('dismissSuggestion');
    const keys = [...(map.dismissedSuggestions ?? [])];
    if (keys.includes(key)) return keys;
    keys.push(key);
    while (keys.join('\n').length > DISMISSED_LENGTH) keys.shift();
    map.dismissedSuggestions = keys;
    this.dirty = true;
    return [...keys];
  }

  /** The key with its Ids in 18 characters, or null when it is not a suggestion's key. */
  private suggestionKey(key: string): string | null {
    const of = (value: string, ...prefixes: string[]): string | null => {
      const id = toId18(value);
      return id && prefixes.some((prefix) => id.startsWith(prefix)) ? id : null;
    };
    const link = LINK_KEY.exec(key);
    if (link) {
      const userId = of(link[1], KEY_PREFIX.User);
      const contactId = of(link[2], KEY_PREFIX.Contact);
      return userId && contactId ? `link:${userId}:${contactId}` : null;
    }
    const person = PERSON_KEY.exec(key);
    const recordId = person ? of(person[1], KEY_PREFIX.Contact, KEY_PREFIX.User) : null;
    return recordId ? `person:${recordId}` : null;
  }

  // ---------------------------------------------------------------------------------------
  // Links (InfluenceLinkService)
  // ---------------------------------------------------------------------------------------

  saveLinks(params: Record<string, unknown>): SaveResult {
    requireValue(params.mapId, sentence('RM_Choose_Map_First'));
    const mapId = params.mapId as string;
    const rows = (params.links as (Record<string, unknown> | null)[] | null) ?? [];
    const result = emptyResult();
    const names = new Map(this.peopleOn(mapId).map((p) => [p.id, p.name]));
    const existing = new Map(this.store.links.filter((l) => l.mapId === mapId).map((l) => [l.id, l]));
    // Key → link Id; a link about to be inserted holds its key with a placeholder of its own.
    const linkByKey = new Map<string, string>();
    const keysOf = (from: unknown, to: unknown, type: unknown): string[] => {
      const linkType = isBlank(type) ? 'Influences' : String(type);
      const forward = `${String(from)}:${String(to)}:${linkType}`;
      return SYMMETRIC_TYPES.has(linkType) ? [forward, `${String(to)}:${String(from)}:${linkType}`] : [forward];
    };
    for (const link of existing.values())
      for (const key of keysOf(link.fromId, link.toId, link.type)) linkByKey.set(key, link.id);
    const edited = new Set<string>();
    const inserts: LinkRow[] = [];
    const updates: LinkRow[] = [];
    const label = (link: LinkRow): string =>
      `${(link.fromId && names.get(link.fromId)) || '?'} → ${(link.toId && names.get(link.toId)) || '?'}`;
    rows.forEach((input, index) => {
      const inputId = (input?.id as string | null | undefined) ?? null;
      const current = inputId === null ? undefined : existing.get(inputId);
      const unknown = input === null || (inputId !== null && !current);
      const repeated = current !== undefined && edited.has(current.id);
      if (current) edited.add(current.id);
      const stale = current !== undefined && this.isStale(input?.version, current.version);
      const link = this.mergeLink(mapId, input, current, index);
      const problem = unknown
        ? sentence('RM_Link_Gone')
        : repeated
          ? sentence('RM_Listed_Twice_First_Used')
          : stale
            ? this.staleMessage('RM_Stale_Link', current)
            : this.linkProblem(link, names, linkByKey, keysOf);
      if (problem) return void result.errors.push(rowError(index, inputId, label(link), problem));
      if (current) for (const key of keysOf(current.fromId, current.toId, current.type)) linkByKey.delete(key);
      for (const key of keysOf(link.fromId, link.toId, link.type)) linkByKey.set(key, link.id);
      (current ? updates : inserts).push(link);
    });
    if (inserts.length || updates.length) this.requireWriteAccess('saveLinks');
    for (const link of inserts) {
      link.id = nextId(this.store, 'Influence_Link__c');
      this.stamp(link);
      this.store.links.push(link);
      result.savedIds.push(link.id);
    }
    for (const link of updates) {
      this.stamp(link);
      this.store.links = this.store.links.map((l) => (l.id === link.id ? link : l));
      result.savedIds.push(link.id);
    }
    if (inserts.length || updates.length) this.dirty = true;
    sortErrors(result.errors);
    return result;
  }

  /** The link as it would be saved: the row's values over the current ones (or the defaults). */
  private mergeLink(
    mapId: string,
    input: Record<string, unknown> | null,
    current: LinkRow | undefined,
    index: number
  ): LinkRow {
    const value = (key: string): string | null => (input?.[key] as string | null | undefined) ?? null;
    const notes = value('notes');
    return {
      // A new link holds a placeholder until it is saved, so later rows of the request can collide with it.
      id: current?.id ?? `new:${index}`,
      mapId,
      fromId: value('fromId') ?? current?.fromId ?? null,
      toId: value('toId') ?? current?.toId ?? null,
      type: (isBlank(value('type')) ? (current ? current.type : 'Influences') : value('type')) as LinkRow['type'],
      strength: (isBlank(value('strength'))
        ? current
          ? current.strength
          : 'Medium'
        : value('strength')) as LinkRow['strength'],
      notes: notes === null ? (current?.notes ?? null) : isBlank(notes) ? null : notes,
      version: current?.version ?? null,
      lastModifiedById: current?.lastModifiedById,
    };
  }

  private linkProblem(
    link: LinkRow,
    names: Map<string, string>,
    linkByKey: Map<string, string>,
    keysOf: (from: unknown, to: unknown, type: unknown) => string[]
  ): string | null {
    const duplicate = keysOf(link.fromId, link.toId, link.type).some(
      (key) => linkByKey.has(key) && linkByKey.get(key) !== link.id
    );
    const choices = [
      this.picklistProblem('Influence_Link__c', 'Type__c', 'Type', link.type ?? null),
      this.picklistProblem('Influence_Link__c', 'Strength__c', 'Strength', link.strength ?? null),
    ].filter((p): p is string => p !== null);
    const type = link.type ?? 'Influences';
    return link.fromId === null || link.toId === null
      ? sentence('RM_Link_Choose_Both')
      : link.fromId === link.toId
        ? sentence('RM_Link_Self')
        : !names.has(link.fromId) || !names.has(link.toId)
          ? sentence('RM_Link_Ends_Off_Map')
          : choices.length
            ? choices.join(' ')
            : !duplicate
              ? null
              : SYMMETRIC_TYPES.has(type)
                ? sentence(/^a/i.test(type) ? 'RM_Link_Exists_Either_Way_An' : 'RM_Link_Exists_Either_Way', type)
                : sentence('RM_Link_Duplicate');
  }

  deleteLinks(params: Record<string, unknown>): SaveResult {
    requireValue(params.mapId, sentence('RM_Choose_Map_First'));
    if (!this.canDelete) {
      fail(sentence('RM_No_Permission_Delete_Links'));
    }
    const ids = (params.linkIds as (string | null)[] | null) ?? [];
    const onMap = new Set(this.store.links.filter((l) => l.mapId === params.mapId).map((l) => l.id));
    const result = emptyResult();
    const doomed = new Set<string>();
    ids.forEach((id, index) => {
      const problem =
        id === null || !onMap.has(id)
          ? sentence('RM_Link_Gone')
          : doomed.has(id)
            ? sentence('RM_Listed_Twice_First_Used')
            : null;
      if (problem) return void result.errors.push(rowError(index, id, null, problem));
      doomed.add(id as string);
      result.savedIds.push(id as string);
    });
    if (doomed.size) {
      this.store.links = this.store.links.filter((l) => !doomed.has(l.id));
      this.dirty = true;
    }
    sortErrors(result.errors);
    return result;
  }

  // ---------------------------------------------------------------------------------------
  // What the Contact trigger does (ContactTriggerHandler, VacancyService). Not an Apex method:
  // the contract scenarios apply a Contact delete or move through it, as Setup, Data Loader or
  // another integration would.
  // ---------------------------------------------------------------------------------------

  /**
   * Deletes a contact (`fields` null) or changes its account, then does what the Contact trigger
   * does: a deleted contact's filled seats lose the lookup (SetNull) and become vacant; a contact
   * that moved away from an account leaves its filled seats vacant except on the new account's
   * maps. Each is logged as Vacant No → Yes, Source Automation, with VacancyService's note.
   */
  applyContactChange(contactId: string, fields: { AccountId?: string | null } | null): void {
    // not-a-sentence: a contract scenario names a contact the preview's store lacks (for the scenario's author)
    const contact = this.contact(contactId) ?? fail(`The preview has no contact ${contactId}.`);
    const seats = this.store.people.filter((p) => p.contactId === contactId);
    if (fields === null) {
      this.store.contacts = this.store.contacts.filter((c) => c !== contact);
      const filled = seats.filter((seat) => !seat.isVacant);
      for (const seat of seats) seat.contactId = null;
      for (const seat of filled)
        this.updatePersonRecord(seat, { isVacant: true }, { source: 'Automation', note: sentence('RM_Note_Deleted') });
      this.dirty = true;
      return;
    }
    const from = contact.accountId;
    const to = fields.AccountId === undefined ? from : fields.AccountId;
    contact.accountId = to;
    this.dirty = true;
    if (from === null || to === from) return;
    const name = (accountId: string | null, otherwise: string): string =>
      accountId === null
        ? sentence('RM_No_Account')
        : (this.store.accounts.find((a) => a.id === accountId)?.name ?? sentence(otherwise));
    const note = sentence('RM_Note_Moved', name(from, 'RM_Their_Account'), name(to, 'RM_Another_Account'));
    for (const seat of seats) {
      const onNewAccount = this.store.maps.find((m) => m.id === seat.mapId)?.accountId === to;
      if (!seat.isVacant && !onNewAccount)
        this.updatePersonRecord(seat, { isVacant: true }, { source: 'Automation', note });
    }
  }
}

/** A seat about to be placed, with the request row it came from. */
interface Placement {
  index: number;
  record: PersonRow;
}
