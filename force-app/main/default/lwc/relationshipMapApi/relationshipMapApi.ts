/**
 * The typed seam between the relationship map component (and the local preview) and the Apex
 * controller `RelationshipMapController`: the TypeScript side of every DTO in
 * `RelationshipMapDtos.cls`, and one async function per controller method.
 *
 * The interfaces mirror the Apex inner classes of the same name, property for property;
 * `scripts/check/dto-drift.mjs` fails the build when they drift apart. Conventions (see the Apex
 * class): a property Apex always sets is required here; every other property is optional and
 * nullable, because Aura leaves null properties out of the JSON. Dates are `YYYY-MM-DD` strings,
 * date-times ISO 8601 strings, Ids 18-character strings.
 *
 * Every function rejects with an `Error` whose message is the sentence the controller wrote for a
 * sales rep (an AuraHandledException's `body.message`), ready for a toast.
 */
import getMapsForAccountApex from '@salesforce/apex/RelationshipMapController.getMapsForAccount';
import loadMapGraphApex from '@salesforce/apex/RelationshipMapController.loadMapGraph';
import createMapApex from '@salesforce/apex/RelationshipMapController.createMap';
import addPeopleApex from '@salesforce/apex/RelationshipMapController.addPeople';
import addEveryoneApex from '@salesforce/apex/RelationshipMapController.addEveryone';
import countEveryoneApex from '@salesforce/apex/RelationshipMapController.countEveryone';
import setPeopleExcludedApex from '@salesforce/apex/RelationshipMapController.setPeopleExcluded';
import deletePeopleApex from '@salesforce/apex/RelationshipMapController.deletePeople';
import saveLinksApex from '@salesforce/apex/RelationshipMapController.saveLinks';
import deleteLinksApex from '@salesforce/apex/RelationshipMapController.deleteLinks';
import savePositionsApex from '@salesforce/apex/RelationshipMapController.savePositions';
import updatePersonApex from '@salesforce/apex/RelationshipMapController.updatePerson';
import getPersonDetailsApex from '@salesforce/apex/RelationshipMapController.getPersonDetails';
import logCallApex from '@salesforce/apex/RelationshipMapController.logCall';
import searchPeopleApex from '@salesforce/apex/RelationshipMapController.searchPeople';
import getEvidenceApex from '@salesforce/apex/RelationshipMapController.getEvidence';
import dismissSuggestionApex from '@salesforce/apex/RelationshipMapController.dismissSuggestion';
import type {
  MapEvidence,
  Authority,
  CommunicationStyle,
  Coverage,
  GoalImpact,
  InfluenceLink,
  LinkStrength,
  LinkType,
  MapPerson,
  PreferredChannel,
  Role,
  Sentiment,
  Side,
  Stance,
} from 'c/relationshipGraph';

export type {
  ActivityKind,
  EvidenceBucket,
  EvidencePerson,
  MapEvidence,
  Authority,
  CommunicationStyle,
  Coverage,
  GoalImpact,
  InfluenceLink,
  LinkStrength,
  LinkType,
  MapPerson,
  PreferredChannel,
  Role,
  Sentiment,
  Side,
  Stance,
} from 'c/relationshipGraph';

/** `Relationship_Map__c.Status__c` (restricted; default Draft). */
export type MapStatus = 'Draft' | 'Active' | 'Achieved' | 'Abandoned';
export const MAP_STATUSES: readonly MapStatus[] = ['Draft', 'Active', 'Achieved', 'Abandoned'];

/** `Map_Contact_Change__c.Field__c`: what changed. */
export type ChangeField =
  'Stance' | 'Sentiment' | 'Role' | 'Authority' | 'Coverage' | 'Goal Impact' | 'Title' | 'Vacant';

/** `Map_Contact_Change__c.Source__c`: where the change came from. */
export type ChangeSource = 'Edit' | 'Call Log' | 'Meeting' | 'Import' | 'Automation';

/** One `Relationship_Map__c` as the map picker shows it. */
export interface MapSummary {
  /** Relationship_Map__c Id. */
  id: string;
  /** `Name` (Map Name). */
  name: string;
  /** `Account__c`. */
  accountId: string;
  /** `Account__r.Name`: the account's name, for headings and exports; blank when the user cannot see it. */
  accountName?: string | null;
  /** `Goal__c`: our goal. */
  goal: string;
  /** `Account_Goal__c`: the account's own goal. */
  accountGoal?: string | null;
  /** `Status__c`. */
  status: MapStatus;
  /** `Target_Date__c`, `YYYY-MM-DD`. */
  targetDate?: string | null;
  /** `Last_Reviewed__c`, `YYYY-MM-DD`. */
  lastReviewed?: string | null;
  /** `People_Count__c`: people not excluded. */
  peopleCount: number;
  /** `Decision_Maker_Count__c`. */
  decisionMakerCount: number;
  /** `Unsupported_Decision_Maker_Count__c`: decision makers who are not Champion or Supporter. */
  unsupportedDecisionMakerCount: number;
  /** When the map record was last saved (ISO date-time). */
  lastModifiedDate?: string | null;
}

/** One entry of a person's change log (`Map_Contact_Change__c`). */
export interface PersonChange {
  /** Map_Contact_Change__c Id. */
  id: string;
  /** The person (MapPerson.id) the change belongs to. */
  personId: string;
  /** `Field__c`. */
  field?: ChangeField | null;
  /** `Old_Value__c`. */
  oldValue?: string | null;
  /** `New_Value__c`. */
  newValue?: string | null;
  /** `Changed_At__c` (ISO date-time). */
  changedAt?: string | null;
  /** Name of the user who made the change. */
  changedByName?: string | null;
  /** `Source__c`. */
  source?: ChangeSource | null;
  /** `Note__c`. */
  note?: string | null;
  /** `Activity_Id__c`: the Task when the source is Call Log, the Event when it is Meeting. */
  activityId?: string | null;
}

/** Everything the map draws for one map. */
export interface MapGraph {
  /** The map itself. */
  summary: MapSummary;
  /** Everyone on the map, excluded people too (the analytics trim them). */
  people: MapPerson[];
  /** Every link on the map. */
  links: InfluenceLink[];
  /** Each person's latest changes (at most 5 per person), newest first. */
  changes: PersonChange[];
  /** Whether the user's permissions let them change people and links; false opens the map read-only. */
  canEdit: boolean;
  /**
   * Whether the user may delete people (and with them their links): the Relationship Maps Admin
   * permission set. Without it the map offers "Trim from map" only, which keeps everything.
   */
  canDelete: boolean;
}

/** Someone the "Add people" panel offers. Pass it to `addPeople` as is. */
export interface PersonCandidate {
  /** Contact or User Id. */
  recordId: string;
  /** Full name. */
  name: string;
  /** Job title (contacts only). */
  title?: string | null;
  /** Customer for a contact, Our Company for a user. */
  side: Side;
}

/** One contact or user to place on a map. */
export interface NewPerson {
  /** Contact or User Id. */
  recordId: string;
  /** For a contact: Customer (default) or Partner. Users are always Our Company. */
  side?: Side | null;
}

/** What the rep enters to create a map. */
export interface NewMap {
  /** The account the map is for. */
  accountId: string;
  /** Map name (80 characters); blank = the start of the goal. */
  name?: string | null;
  /** Our goal (255 characters). */
  goal: string;
  /** The account's own goal (255 characters). */
  accountGoal?: string | null;
  /** Target date, `YYYY-MM-DD`. */
  targetDate?: string | null;
  /** Default Draft. */
  status?: MapStatus | null;
  /** Place every contact of the account, its owner and its account team on the map. */
  includeEveryone?: boolean | null;
}

/**
 * A link to create (no `id`) or to change (`id` set: blank properties keep their values, an empty
 * `notes` clears the notes).
 */
export interface LinkInput {
  /** Influence_Link__c Id to edit; blank for a new link. */
  id?: string | null;
  /** Who influences (a MapPerson id on the same map). */
  fromId?: string | null;
  /** Who is influenced (a MapPerson id on the same map). */
  toId?: string | null;
  /** Default Influences. */
  type?: LinkType | null;
  /** Default Medium. */
  strength?: LinkStrength | null;
  /** How they influence. */
  notes?: string | null;
  /**
   * For an edit: the link's `version` the rep saw. When the link was saved since, the row is
   * refused (Custom Label RM_Stale_Link: who changed it, and when) and nothing is overwritten;
   * blank = no check.
   */
  version?: string | null;
}

/** Where a person is pinned; both coordinates blank unpins them. */
export interface PersonPosition {
  /** MapPerson id. */
  personId: string;
  /** Horizontal position (rounded to 2 decimals on save). */
  layoutX?: number | null;
  /** Vertical position (rounded to 2 decimals on save). */
  layoutY?: number | null;
}

/** Why one row of a many-row request was not saved. */
export interface RowError {
  /** Position of the row in the request (0-based). */
  index: number;
  /** The record or input Id the row is about. */
  recordId?: string | null;
  /** Who or what the row is ("Ann Lee", "Ann Lee → Bo Chen"). */
  label?: string | null;
  /** What went wrong, for the rep. */
  message: string;
}

/** What a many-row request saved, and which rows it did not and why. */
export interface SaveResult {
  /** Ids saved (inserted, updated or deleted). */
  savedIds: string[];
  /** One entry per row not saved. */
  errors: RowError[];
}

/** What `addPeople` saved: the people, and the Reports To links derived for them. */
export interface PeopleResult {
  people: SaveResult;
  links: SaveResult;
}

/** Who "Add everyone not on the map" would place on the map now (`countEveryone`). */
export interface EveryoneCount {
  /** Contacts of the map's account not on the map yet. */
  contacts: number;
  /** Our people not on the map yet: the account owner and account team. */
  users: number;
}

/** What `createMap` saved. */
export interface CreateMapResult {
  /** The new map, counts included. */
  summary: MapSummary;
  /** The people placed on it ("include everyone"); empty otherwise. */
  people: SaveResult;
  /** The Reports To links derived from the contacts' managers. */
  links: SaveResult;
}

/** Fields `updatePerson` changes, by MapPerson property name. A blank value clears the field. */
export type PersonChanges = Partial<{
  name: string;
  title: string | null;
  side: Side | null;
  role: Role | null;
  authority: Authority | null;
  stance: Stance | null;
  sentiment: Sentiment | null;
  coverage: Coverage | null;
  goalImpact: GoalImpact | null;
  communicationStyle: CommunicationStyle | null;
  preferredChannel: PreferredChannel | null;
  isPrimaryContact: boolean | null;
  isVacant: boolean | null;
  excluded: boolean | null;
  /** `YYYY-MM-DD`. */
  lastInteraction: string | null;
  personalGoals: string | null;
  prioritiesPainPoints: string | null;
  ourAssessment: string | null;
  needsFromThem: string | null;
  expectedReaction: string | null;
  contingencyPlan: string | null;
  relationToGoal: string | null;
}>;

/** What to log for a call with a person (CallLogService creates a completed call Task). */
export interface CallLog {
  /** Task subject; blank = "Call with <name>". */
  subject?: string | null;
  /** What was said. */
  comments?: string | null;
  /** The stance the person showed (value or label); blank = none recorded. */
  stance?: Stance | null;
  /** The sentiment the person showed (value or label); blank = none recorded. */
  sentiment?: Sentiment | null;
}

/** Shown when an error carries no message a rep can read. */
export const GENERIC_ERROR = 'Something went wrong. Try again; if it keeps happening, ask your Salesforce admin.';
/** Shown when the user may not call the controller at all (no Apex class access). */
export const NO_ACCESS_ERROR =
  "You don't have access to Relationship Maps. Ask your Salesforce admin for the Relationship Maps User permission set.";

type Message = { message?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const messageOf = (value: unknown): string | undefined => {
  if (!isObject(value)) return undefined;
  const { message } = value as Message;
  return typeof message === 'string' && message.trim() ? message.trim() : undefined;
};

/**
 * The sentence a rep reads for any error an Apex call rejects with: an AuraHandledException's
 * `body.message`, the page and field errors of a DML failure, a list of UI API errors, a plain
 * `Error`, or a string. Never a stack trace.
 */
export function reduceError(error: unknown): string {
  if (typeof error === 'string' && error.trim()) return error.trim();
  if (error instanceof Error && error.message) return error.message;
  if (!isObject(error)) return GENERIC_ERROR;
  const body = error.body;
  const messages: string[] = [];
  if (Array.isArray(body)) {
    for (const entry of body) {
      const message = messageOf(entry);
      if (message) messages.push(message);
    }
  } else if (isObject(body)) {
    const message = messageOf(body);
    if (message) messages.push(message);
    const pageErrors = body.pageErrors;
    if (Array.isArray(pageErrors)) {
      for (const entry of pageErrors) {
        const pageMessage = messageOf(entry);
        if (pageMessage) messages.push(pageMessage);
      }
    }
    const fieldErrors = body.fieldErrors;
    if (isObject(fieldErrors)) {
      for (const list of Object.values(fieldErrors)) {
        if (!Array.isArray(list)) continue;
        for (const entry of list) {
          const fieldMessage = messageOf(entry);
          if (fieldMessage) messages.push(fieldMessage);
        }
      }
    }
  }
  if (!messages.length) {
    const message = messageOf(error);
    if (message) messages.push(message);
  }
  if (!messages.length) return GENERIC_ERROR;
  const text = [...new Set(messages)].join(' ');
  return /do(?:n't| not) have access to (?:the )?Apex class/i.test(text) ? NO_ACCESS_ERROR : text;
}

type ApexMethod = (params?: Record<string, unknown>) => Promise<unknown>;

/** Calls an Apex method; rejects with an Error whose message is `reduceError`'s sentence. */
async function call<T>(method: ApexMethod, params: Record<string, unknown>): Promise<T> {
  try {
    return (await method(params)) as T;
  } catch (error) {
    throw new Error(reduceError(error), { cause: error });
  }
}

/**
 * The maps of an account for the picker. The Apex method is cacheable, so this call may be served
 * from the client cache; a component that needs `@wire` imports
 * `@salesforce/apex/RelationshipMapController.getMapsForAccount` itself.
 */
export async function getMapsForAccount(accountId: string): Promise<MapSummary[]> {
  return call<MapSummary[]>(getMapsForAccountApex, { accountId });
}

/** One map's graph: map, people, links and each person's latest changes (3 queries in Apex). */
export async function loadMapGraph(mapId: string): Promise<MapGraph> {
  return call<MapGraph>(loadMapGraphApex, { mapId });
}

/** Creates a map; with `includeEveryone`, places the account's people on it with Reports To links. */
export async function createMap(newMap: NewMap): Promise<CreateMapResult> {
  return call<CreateMapResult>(createMapApex, { newMap });
}

/** Adds contacts and users to a map; rows that cannot be added are in `people.errors`. */
export async function addPeople(mapId: string, people: readonly NewPerson[]): Promise<PeopleResult> {
  return call<PeopleResult>(addPeopleApex, { mapId, people: people.map(({ recordId, side }) => ({ recordId, side })) });
}

/**
 * "Map everyone first, then trim" on an existing map: places everyone around the account without a
 * seat on it yet (contacts, owner, account team), with Reports To links; rows that fail are in
 * `people.errors` / `links.errors`.
 */
export async function addEveryone(mapId: string): Promise<PeopleResult> {
  return call<PeopleResult>(addEveryoneApex, { mapId });
}

/** How many people `addEveryone` would place on the map now (for its confirmation). */
export async function countEveryone(mapId: string): Promise<EveryoneCount> {
  return call<EveryoneCount>(countEveryoneApex, { mapId });
}

/** Trims people from the map (`excluded` true) or restores them (false). */
export async function setPeopleExcluded(
  mapId: string,
  personIds: readonly string[],
  excluded: boolean
): Promise<SaveResult> {
  return call<SaveResult>(setPeopleExcludedApex, { mapId, personIds: [...personIds], excluded });
}

/** Deletes people (needs the Relationship Maps Admin permission set; otherwise exclude them). */
export async function deletePeople(mapId: string, personIds: readonly string[]): Promise<SaveResult> {
  return call<SaveResult>(deletePeopleApex, { mapId, personIds: [...personIds] });
}

/** Creates links (no `id`) and edits links (`id` set). */
export async function saveLinks(mapId: string, links: readonly LinkInput[]): Promise<SaveResult> {
  return call<SaveResult>(saveLinksApex, { mapId, links: [...links] });
}

/** Deletes links (needs the Relationship Maps Admin permission set). */
export async function deleteLinks(mapId: string, linkIds: readonly string[]): Promise<SaveResult> {
  return call<SaveResult>(deleteLinksApex, { mapId, linkIds: [...linkIds] });
}

/** Pins (or, with blank coordinates, unpins) many people in one call. */
export async function savePositions(mapId: string, positions: readonly PersonPosition[]): Promise<SaveResult> {
  return call<SaveResult>(savePositionsApex, { mapId, positions: [...positions] });
}

/**
 * What the rep saw before their edit: the person's `version`, and the values of the fields the
 * edit changes (by the same names). A save against a newer version is refused (Custom Label
 * RM_Stale_Person: who changed the person, and when), unless none of the changed fields was
 * changed meanwhile (then it is merged). Whether a refusal was that one shows in the person's
 * version, not in the words: reload the person and compare.
 */
export interface SeenVersion {
  version: string | null;
  values: PersonChanges;
}

/**
 * Changes some fields of one person; all or nothing. Resolves to the person as saved (long texts
 * included). With `seen`, refused (nothing saved) when someone changed these fields meanwhile.
 */
export async function updatePerson(personId: string, changes: PersonChanges, seen?: SeenVersion): Promise<MapPerson> {
  return call<MapPerson>(updatePersonApex, {
    personId,
    changes,
    version: seen?.version ?? null,
    seen: seen ? seen.values : null,
  });
}

/** One person with everything, the long texts included, and their current version (1 query). */
export async function getPersonDetails(personId: string): Promise<MapPerson> {
  return call<MapPerson>(getPersonDetailsApex, { personId });
}

/** Logs a call with a person; resolves to the Task Id. */
export async function logCall(personId: string, log: CallLog): Promise<string> {
  return call<string>(logCallApex, {
    personId,
    subject: log.subject ?? null,
    comments: log.comments ?? null,
    stance: log.stance ?? null,
    sentiment: log.sentiment ?? null,
  });
}

/** The account's contacts and our users whose name contains `searchText`, not yet on the map. */
export async function searchPeople(mapId: string, searchText: string): Promise<PersonCandidate[]> {
  return call<PersonCandidate[]>(searchPeopleApex, { mapId, searchText });
}

/**
 * The account's activity evidence for the map (issue 17): calls, meetings and emails between our
 * users and the account's contacts over the last `windowMonths` months (1-36), grouped per month,
 * only activities the user may see; with the suggestions dismissed on the map. Its own call, so
 * the map loads without waiting for it (a constant number of queries whatever the volume).
 */
export async function getEvidence(mapId: string, windowMonths: number): Promise<MapEvidence> {
  return call<MapEvidence>(getEvidenceApex, { mapId, windowMonths });
}

/**
 * Remembers that a suggestion was dismissed on the map (`link:<userId>:<contactId>` or
 * `person:<recordId>`); resolves to the map's dismissed keys after the change.
 */
export async function dismissSuggestion(mapId: string, key: string): Promise<string[]> {
  return call<string[]>(dismissSuggestionApex, { mapId, key });
}
