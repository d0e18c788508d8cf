/**
 * RelationshipMapController, locally: every @AuraEnabled method of the Apex controller over the
 * preview's store, with the same parameters, the same DTO shapes and the same error sentences
 * (copied from the Apex services and trigger rules, which own them). What Apex triggers do on
 * save happens here too: the change log, stance and sentiment from logged calls, one primary
 * contact per map, Reports To links for newly placed contacts. Validation runs before any change,
 * so a refused request changes nothing.
 */
import {
  AUTHORITIES,
  COMMUNICATION_STYLES,
  COVERAGES,
  GOAL_IMPACTS,
  LINK_STRENGTHS,
  LINK_TYPES,
  PREFERRED_CHANNELS,
  ROLES,
  SENTIMENTS,
  SIDES,
  STANCES,
} from '../../../force-app/main/default/lwc/relationshipGraph/model.ts';
import { isIdOf, type IdType } from './ids.ts';
import {
  nextId,
  withDefaults,
  type ChangeRow,
  type LinkRow,
  type MapRow,
  type PersonRow,
  type StoreData,
} from './store.ts';
import type {
  ChangeField,
  ChangeSource,
  CreateMapResult,
  InfluenceLink,
  MapGraph,
  MapPerson,
  MapStatus,
  MapSummary,
  PeopleResult,
  PersonCandidate,
  PersonChange,
  RowError,
  SaveResult,
} from './types.ts';

/** An AuraHandledException: the message is what the rep reads. */
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

export type Permission = 'user' | 'admin' | 'read-only';

const ACCESS_HINT = 'Ask your Salesforce admin for the Relationship Maps User permission set.';
const DELETE_HINT = 'Ask your Salesforce admin for the Relationship Maps Admin permission set.';
const MAP_GONE =
  "This relationship map was deleted, or you don't have access to it. Refresh the page and choose another map.";
const PERSON_GONE = "This person isn't on this map any more (deleted, or moved). Refresh the map.";
const LINK_GONE = "This link isn't on this map any more (deleted, or moved). Refresh the map.";
const LISTED_TWICE = 'Listed twice: only the first is used.';
const MAP_STATUSES: readonly MapStatus[] = ['Draft', 'Active', 'Achieved', 'Abandoned'];
const SYMMETRIC = new Set(['Ally', 'Relationship', 'Conflict']);
const MAX_POSITION = 99999999.99;
const MAX_CANDIDATES = 50;
const MAP_NAME_LENGTH = 80;
/** Changes per person that loadMapGraph returns (as the Apex subquery's LIMIT). */
const CHANGES_PER_PERSON = 5;

const fail = (message: string): never => {
  throw new PreviewApexError(message);
};
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const problems = (...list: (string | null)[]): string | null => {
  const found = list.filter((m): m is string => m !== null);
  return found.length ? found.join(' ') : null;
};
const picklistProblem = (label: string, allowed: readonly string[], value: string | null): string | null =>
  value === null || allowed.includes(value)
    ? null
    : `${label}: "${value}" isn't one of the choices (${allowed.join(', ')}).`;
const tooLong = (label: string, value: string | null, max: number): string | null =>
  value !== null && value.length > max ? `${label}: keep it to ${max} characters (it has ${value.length}).` : null;
/** A value as the rep typed it, for messages (objects as JSON, never "[object Object]"). */
const shown = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing'));
const requireId = (type: IdType, value: unknown, message: string): string => {
  if (value === null || value === undefined || value === '') return fail(message);
  if (!isIdOf(type, value)) return fail(`"${shown(value)}" isn't a valid record Id.`);
  return value;
};
const emptyResult = (): SaveResult => ({ savedIds: [], errors: [] });
const rowError = (index: number, recordId: string | null, label: string | null, message: string): RowError => ({
  index,
  recordId,
  label,
  message,
});

/** MapPerson property → change-log field, for the fields the triggers log. */
const LOGGED: Partial<Record<keyof MapPerson, ChangeField>> = {
  stance: 'Stance',
  sentiment: 'Sentiment',
  role: 'Role',
  authority: 'Authority',
  coverage: 'Coverage',
  goalImpact: 'Goal Impact',
  title: 'Title',
  isVacant: 'Vacant',
};

/** Editable MapPerson properties with their label and the kind of value (updatePerson). */
const EDITABLE: Record<
  string,
  { label: string; kind: 'text' | 'long' | 'bool' | 'date' | readonly string[]; max?: number }
> = {
  name: { label: 'Person Name', kind: 'text', max: 80 },
  title: { label: 'Title', kind: 'text', max: 128 },
  side: { label: 'Side', kind: SIDES },
  role: { label: 'Role', kind: ROLES },
  authority: { label: 'Authority', kind: AUTHORITIES },
  stance: { label: 'Stance', kind: STANCES },
  sentiment: { label: 'Sentiment', kind: SENTIMENTS },
  coverage: { label: 'Coverage', kind: COVERAGES },
  goalImpact: { label: 'Goal Impact', kind: GOAL_IMPACTS },
  communicationStyle: { label: 'Communication Style', kind: COMMUNICATION_STYLES },
  preferredChannel: { label: 'Preferred Channel', kind: PREFERRED_CHANNELS },
  isPrimaryContact: { label: 'Primary Contact', kind: 'bool' },
  isVacant: { label: 'Vacant', kind: 'bool' },
  excluded: { label: 'Excluded', kind: 'bool' },
  lastInteraction: { label: 'Last Interaction', kind: 'date' },
  personalGoals: { label: 'Personal Goals', kind: 'long' },
  prioritiesPainPoints: { label: 'Priorities and Pain Points', kind: 'long' },
  ourAssessment: { label: 'Our Assessment', kind: 'long' },
  needsFromThem: { label: 'What We Need From Them', kind: 'long' },
  expectedReaction: { label: 'Expected Reaction', kind: 'long' },
  contingencyPlan: { label: 'Contingency Plan', kind: 'long' },
  relationToGoal: { label: 'Relation to Goal', kind: 'long' },
};
/** Picklist defaults a blank value falls back to. */
const DEFAULTS: Partial<Record<keyof MapPerson, string>> = {
  side: 'Customer',
  role: 'Unknown',
  authority: 'Unknown',
  stance: 'Unknown',
  sentiment: 'Unknown',
  coverage: 'None',
  goalImpact: 'Unknown',
  communicationStyle: 'Unknown',
};

const isDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

export class LocalController {
  constructor(
    private readonly store: StoreData,
    private readonly permission: Permission,
    private readonly now: () => Date,
    /** Called after every change that saved something. */
    private readonly saved: () => void
  ) {}

  private get canEdit(): boolean {
    return this.permission !== 'read-only';
  }

  private requireEdit(): void {
    if (!this.canEdit) fail(`You don't have permission to change relationship maps. ${ACCESS_HINT}`);
  }

  private userName(id: string | null | undefined): string | null {
    return this.store.users.find((u) => u.id === id)?.name ?? null;
  }

  private requireMap(mapId: unknown): MapRow {
    const id = requireId('Relationship_Map__c', mapId, 'Choose a relationship map first.');
    return this.store.maps.find((m) => m.id === id) ?? fail(MAP_GONE);
  }

  private summary(map: MapRow): MapSummary {
    const people = this.store.people.filter((p) => p.mapId === map.id && !p.excluded);
    const deciders = people.filter((p) => p.isDecisionMaker);
    return {
      id: map.id,
      name: map.name,
      accountId: map.accountId,
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

  private toPerson(row: PersonRow): MapPerson {
    const { mapId: _mapId, ...person } = row;
    return { ...person };
  }

  private toLink(row: LinkRow): InfluenceLink {
    const { mapId: _mapId, ...link } = row;
    return { ...link };
  }

  private logChange(
    person: PersonRow,
    field: ChangeField,
    oldValue: unknown,
    newValue: unknown,
    source: ChangeSource,
    activityId?: string
  ): void {
    const show = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : shown(v));
    const change: ChangeRow = {
      id: nextId(this.store, 'Map_Contact_Change__c'),
      mapId: person.mapId,
      personId: person.id,
      field,
      oldValue: show(oldValue),
      newValue: show(newValue),
      changedAt: this.now().toISOString(),
      changedByName: this.userName(this.store.currentUserId),
      source,
      note: null,
      activityId: activityId ?? null,
    };
    this.store.changes.push(change);
  }

  /** Applies changes to a person as the Map Contact triggers would: log, stance date, primary. */
  private apply(person: PersonRow, changes: Partial<MapPerson>, source: ChangeSource, activityId?: string): void {
    for (const [key, value] of Object.entries(changes) as [keyof MapPerson, unknown][]) {
      const before = person[key];
      if (before === value || (before == null && value == null)) continue;
      const field = LOGGED[key];
      if (field) this.logChange(person, field, before, value, source, activityId);
      if (key === 'stance') person.stanceChangedAt = this.now().toISOString();
      (person as unknown as Record<string, unknown>)[key] = value;
    }
    person.isDecisionMaker = person.role === 'Decision Maker' || person.role === 'Economic Buyer';
    if (changes.isPrimaryContact === true) {
      // A new primary contact replaces the old one (MapContactPrimaryGuard).
      for (const other of this.store.people) {
        if (other.mapId === person.mapId && other.id !== person.id && other.isPrimaryContact)
          other.isPrimaryContact = false;
      }
    }
    const map = this.store.maps.find((m) => m.id === person.mapId);
    if (map) map.lastModifiedDate = this.now().toISOString();
  }

  // ---------------------------------------------------------------------------------------
  // The controller's methods
  // ---------------------------------------------------------------------------------------

  getMapsForAccount(params: Record<string, unknown>): MapSummary[] {
    const accountId = requireId('Account', params.accountId, 'Choose an account to see its relationship maps.');
    return this.store.maps
      .filter((m) => m.accountId === accountId)
      .sort((a, b) => b.lastModifiedDate.localeCompare(a.lastModifiedDate))
      .map((m) => this.summary(m));
  }

  loadMapGraph(params: Record<string, unknown>): MapGraph {
    const map = this.requireMap(params.mapId);
    const people = this.store.people.filter((p) => p.mapId === map.id);
    const ids = new Set(people.map((p) => p.id));
    const changes: PersonChange[] = [];
    for (const person of people) {
      const mine = this.store.changes
        .filter((c) => c.personId === person.id)
        .sort((a, b) => (b.changedAt ?? '').localeCompare(a.changedAt ?? '') || b.id.localeCompare(a.id))
        .slice(0, CHANGES_PER_PERSON);
      for (const { mapId: _mapId, ...change } of mine) changes.push(change);
    }
    return {
      summary: this.summary(map),
      people: people.sort((a, b) => a.name.localeCompare(b.name)).map((p) => this.toPerson(p)),
      links: this.store.links
        .filter((l) => l.mapId === map.id && ids.has(l.fromId ?? '') && ids.has(l.toId ?? ''))
        .map((l) => this.toLink(l)),
      changes,
      canEdit: this.canEdit,
    };
  }

  createMap(params: Record<string, unknown>): CreateMapResult {
    this.requireEdit();
    const input = params.newMap;
    if (!input || typeof input !== 'object') return fail("Enter the map's goal.");
    const newMap = input as Record<string, unknown>;
    const goal = text(newMap.goal);
    const accountGoal = text(newMap.accountGoal);
    const status = text(newMap.status) ?? 'Draft';
    const name = text(newMap.name) ?? (goal ?? '').slice(0, MAP_NAME_LENGTH);
    const targetDate = text(newMap.targetDate);
    const message = problems(
      newMap.accountId ? null : 'Choose the account the map is for.',
      goal ? null : "Enter the map's goal: what we want to achieve with this account.",
      tooLong('Goal', goal, 255),
      tooLong('Map name', name, MAP_NAME_LENGTH),
      tooLong('Account goal', accountGoal, 255),
      picklistProblem('Status', MAP_STATUSES, status),
      targetDate && !isDate(targetDate) ? `Target date: "${targetDate}" isn't a date (YYYY-MM-DD).` : null
    );
    if (message) fail(message);
    const accountId = requireId('Account', newMap.accountId, 'Choose the account the map is for.');
    if (!this.store.accounts.some((a) => a.id === accountId))
      fail("This account was deleted, or you don't have access to it.");
    const map: MapRow = {
      id: nextId(this.store, 'Relationship_Map__c'),
      accountId,
      name,
      goal: goal ?? '',
      accountGoal,
      status: status as MapStatus,
      targetDate,
      lastModifiedDate: this.now().toISOString(),
    };
    this.store.maps.push(map);
    let people = emptyResult();
    let links = emptyResult();
    if (newMap.includeEveryone === true) {
      const account = this.store.accounts.find((a) => a.id === accountId);
      const rows = [
        ...this.store.contacts
          .filter((c) => c.accountId === accountId)
          .map((c) => ({ recordId: c.id, side: 'Customer' })),
        ...(account ? [{ recordId: account.ownerId, side: 'Our Company' }] : []),
      ];
      const placed = this.place(map, rows);
      people = placed.people;
      links = placed.links;
    }
    this.saved();
    return { summary: this.summary(map), people, links };
  }

  addPeople(params: Record<string, unknown>): PeopleResult {
    this.requireEdit();
    const map = this.requireMap(params.mapId);
    const rows = Array.isArray(params.people) ? (params.people as Record<string, unknown>[]) : [];
    if (rows.length === 0) fail('Choose at least one person to add.');
    const result = this.place(map, rows);
    if (result.people.savedIds.length) this.saved();
    return result;
  }

  /** Places contacts and users on a map, then Reports To links between the new contacts and their managers/reports. */
  private place(map: MapRow, rows: Record<string, unknown>[]): PeopleResult {
    const people = emptyResult();
    const onMap = new Map<string, PersonRow>();
    for (const p of this.store.people) if (p.mapId === map.id) onMap.set(p.contactId ?? p.userId ?? p.id, p);
    const seen = new Set<string>();
    const added: PersonRow[] = [];
    rows.forEach((row, index) => {
      const recordId = text(row?.recordId);
      const side = text(row?.side);
      const contact = this.store.contacts.find((c) => c.id === recordId);
      const user = this.store.users.find((u) => u.id === recordId);
      const existing = recordId ? onMap.get(recordId) : undefined;
      const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : (user?.name ?? null);
      const problem = !recordId
        ? 'Choose a contact or a user to add.'
        : !recordId.startsWith('003') && !recordId.startsWith('005')
          ? 'Only contacts and users can be placed on a map.'
          : recordId.startsWith('003') && !contact
            ? "This contact was deleted, or you don't have access to it."
            : recordId.startsWith('005') && (!user || !user.isActive)
              ? "This user is inactive, or you don't have access to them."
              : existing
                ? existing.excluded
                  ? 'Already on this map, but excluded: restore them instead.'
                  : 'Already on this map.'
                : seen.has(recordId)
                  ? 'Listed twice: added once.'
                  : side !== null && !SIDES.includes(side as (typeof SIDES)[number])
                    ? `Side: "${side}" isn't one of the choices (${SIDES.join(', ')}).`
                    : user && side !== null && side !== 'Our Company'
                      ? 'Our own people (users) are always on the Our Company side.'
                      : contact && side === 'Our Company'
                        ? 'Contacts are customers or partners: choose Customer or Partner.'
                        : null;
      if (problem) {
        people.errors.push(rowError(index, recordId, name, problem));
        return;
      }
      seen.add(recordId as string);
      const person = withDefaults({
        id: nextId(this.store, 'Map_Contact__c'),
        mapId: map.id,
        name: name ?? '',
        title: contact?.title ?? user?.title ?? null,
        side: user ? 'Our Company' : ((side as PersonRow['side']) ?? 'Customer'),
        contactId: contact?.id ?? null,
        userId: user?.id ?? null,
        stance: user ? 'Champion' : undefined,
      });
      this.store.people.push(person);
      added.push(person);
      people.savedIds.push(person.id);
    });
    const links = emptyResult();
    const byContact = new Map(
      this.store.people.filter((p) => p.mapId === map.id && p.contactId).map((p) => [p.contactId as string, p])
    );
    const existingKeys = new Set(
      this.store.links.filter((l) => l.mapId === map.id).map((l) => `${l.fromId}:${l.toId}:${l.type}`)
    );
    const addReportsTo = (from: PersonRow, to: PersonRow): void => {
      const key = `${from.id}:${to.id}:Reports To`;
      if (existingKeys.has(key)) return;
      existingKeys.add(key);
      const link: LinkRow = {
        id: nextId(this.store, 'Influence_Link__c'),
        mapId: map.id,
        fromId: from.id,
        toId: to.id,
        type: 'Reports To',
        strength: 'Medium',
        notes: null,
      };
      this.store.links.push(link);
      links.savedIds.push(link.id);
    };
    for (const person of added) {
      const contact = this.store.contacts.find((c) => c.id === person.contactId);
      if (!contact) continue;
      const manager = contact.reportsToId ? byContact.get(contact.reportsToId) : undefined;
      if (manager) addReportsTo(person, manager);
      for (const report of this.store.contacts.filter((c) => c.reportsToId === contact.id)) {
        const reportPerson = byContact.get(report.id);
        if (reportPerson && !added.includes(reportPerson)) addReportsTo(reportPerson, person);
      }
    }
    map.lastModifiedDate = this.now().toISOString();
    return { people, links };
  }

  setPeopleExcluded(params: Record<string, unknown>): SaveResult {
    this.requireEdit();
    const map = this.requireMap(params.mapId);
    if (typeof params.excluded !== 'boolean') fail('Say whether to exclude or restore the people.');
    const ids = Array.isArray(params.personIds) ? (params.personIds as unknown[]) : [];
    const result = emptyResult();
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      const person = this.store.people.find((p) => p.id === id && p.mapId === map.id);
      if (!person) return void result.errors.push(rowError(index, text(id), null, PERSON_GONE));
      if (seen.has(person.id)) return void result.errors.push(rowError(index, person.id, person.name, LISTED_TWICE));
      seen.add(person.id);
      this.apply(person, { excluded: params.excluded as boolean }, 'Edit');
      result.savedIds.push(person.id);
    });
    if (result.savedIds.length) this.saved();
    return result;
  }

  deletePeople(params: Record<string, unknown>): SaveResult {
    const map = this.requireMap(params.mapId);
    if (this.permission !== 'admin') {
      fail(
        `You don't have permission to delete people from maps. Exclude them instead, or ${DELETE_HINT.charAt(0).toLowerCase()}${DELETE_HINT.slice(1)}`
      );
    }
    const ids = Array.isArray(params.personIds) ? (params.personIds as unknown[]) : [];
    const result = emptyResult();
    const doomed = new Set<string>();
    ids.forEach((id, index) => {
      const person = this.store.people.find((p) => p.id === id && p.mapId === map.id);
      if (!person) return void result.errors.push(rowError(index, text(id), null, PERSON_GONE));
      if (doomed.has(person.id)) return void result.errors.push(rowError(index, person.id, person.name, LISTED_TWICE));
      doomed.add(person.id);
      result.savedIds.push(person.id);
    });
    // The Map Contact trigger deletes their links; the change log keeps its entries.
    this.store.people = this.store.people.filter((p) => !doomed.has(p.id));
    this.store.links = this.store.links.filter((l) => !doomed.has(l.fromId ?? '') && !doomed.has(l.toId ?? ''));
    if (doomed.size) this.saved();
    return result;
  }

  saveLinks(params: Record<string, unknown>): SaveResult {
    this.requireEdit();
    const map = this.requireMap(params.mapId);
    const inputs = Array.isArray(params.links) ? (params.links as Record<string, unknown>[]) : [];
    if (inputs.length === 0) fail('Choose at least one link to save.');
    const result = emptyResult();
    const people = new Map(this.store.people.filter((p) => p.mapId === map.id).map((p) => [p.id, p]));
    const keyed = new Map<string, string>();
    const keysOf = (from: string, to: string, type: string): string[] =>
      SYMMETRIC.has(type) ? [`${from}:${to}:${type}`, `${to}:${from}:${type}`] : [`${from}:${to}:${type}`];
    for (const l of this.store.links) if (l.mapId === map.id) keyed.set(`${l.fromId}:${l.toId}:${l.type}`, l.id);
    const pending: { index: number; link: LinkRow; isNew: boolean }[] = [];
    inputs.forEach((input, index) => {
      const id = text(input?.id);
      const existing = id ? this.store.links.find((l) => l.id === id && l.mapId === map.id) : undefined;
      if (id && !existing) return void result.errors.push(rowError(index, id, null, LINK_GONE));
      const link: LinkRow = existing
        ? { ...existing }
        : { id: '', mapId: map.id, fromId: null, toId: null, type: 'Influences', strength: 'Medium', notes: null };
      if (text(input.fromId)) link.fromId = text(input.fromId);
      if (text(input.toId)) link.toId = text(input.toId);
      if (text(input.type)) link.type = text(input.type) as LinkRow['type'];
      if (text(input.strength)) link.strength = text(input.strength) as LinkRow['strength'];
      if (typeof input.notes === 'string') link.notes = input.notes === '' ? null : input.notes;
      const from = link.fromId ? people.get(link.fromId) : undefined;
      const to = link.toId ? people.get(link.toId) : undefined;
      const label = `${from?.name ?? '?'} → ${to?.name ?? '?'}`;
      const type = link.type ?? 'Influences';
      const duplicate =
        link.fromId !== null &&
        link.toId !== null &&
        keysOf(link.fromId, link.toId, type).some((k) => keyed.has(k) && keyed.get(k) !== link.id);
      const problem =
        !link.fromId || !link.toId
          ? 'Choose both people: who influences (From) and who is influenced (To).'
          : link.fromId === link.toId
            ? "A person can't be linked to themselves. Choose two different people."
            : !from || !to
              ? "Both people must be on this map. Links can't cross maps, and a deleted person can't be linked."
              : (problems(
                  picklistProblem('Type', LINK_TYPES, link.type ?? null),
                  picklistProblem('Strength', LINK_STRENGTHS, link.strength ?? null)
                ) ??
                (duplicate
                  ? SYMMETRIC.has(type)
                    ? `These two people already have a${/^[aeiou]/i.test(type) ? 'n' : ''} ${type} link (either way).`
                    : 'These two people already have a link of this type.'
                  : null));
      if (problem) return void result.errors.push(rowError(index, id, label, problem));
      if (!existing) link.id = nextId(this.store, 'Influence_Link__c');
      if (existing)
        for (const k of keysOf(existing.fromId ?? '', existing.toId ?? '', existing.type ?? ''))
          if (keyed.get(k) === existing.id) keyed.delete(k);
      keyed.set(`${link.fromId}:${link.toId}:${type}`, link.id);
      pending.push({ index, link, isNew: !existing });
    });
    for (const { link, isNew } of pending) {
      if (isNew) this.store.links.push(link);
      else this.store.links = this.store.links.map((l) => (l.id === link.id ? link : l));
      result.savedIds.push(link.id);
    }
    if (pending.length) {
      map.lastModifiedDate = this.now().toISOString();
      this.saved();
    }
    return result;
  }

  deleteLinks(params: Record<string, unknown>): SaveResult {
    const map = this.requireMap(params.mapId);
    if (this.permission !== 'admin') {
      fail(`You don't have permission to delete links. ${DELETE_HINT}`);
    }
    const ids = Array.isArray(params.linkIds) ? (params.linkIds as unknown[]) : [];
    const result = emptyResult();
    const doomed = new Set<string>();
    ids.forEach((id, index) => {
      const link = this.store.links.find((l) => l.id === id && l.mapId === map.id);
      if (!link) return void result.errors.push(rowError(index, text(id), null, LINK_GONE));
      if (doomed.has(link.id)) return void result.errors.push(rowError(index, link.id, null, LISTED_TWICE));
      doomed.add(link.id);
      result.savedIds.push(link.id);
    });
    this.store.links = this.store.links.filter((l) => !doomed.has(l.id));
    if (doomed.size) this.saved();
    return result;
  }

  savePositions(params: Record<string, unknown>): SaveResult {
    this.requireEdit();
    const map = this.requireMap(params.mapId);
    const rows = Array.isArray(params.positions) ? (params.positions as Record<string, unknown>[]) : [];
    const result = emptyResult();
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const x = typeof row?.layoutX === 'number' ? row.layoutX : null;
      const y = typeof row?.layoutY === 'number' ? row.layoutY : null;
      const pinned = x !== null && y !== null;
      const person = this.store.people.find((p) => p.id === row?.personId && p.mapId === map.id);
      const offMap = pinned && (Math.abs(x) > MAX_POSITION || Math.abs(y) > MAX_POSITION);
      const problem = !person
        ? PERSON_GONE
        : seen.has(person.id)
          ? LISTED_TWICE
          : offMap
            ? 'That position is off the map. Drag them closer.'
            : null;
      if (problem) return void result.errors.push(rowError(index, text(row?.personId), person?.name ?? null, problem));
      const p = person as PersonRow;
      seen.add(p.id);
      p.layoutX = pinned ? Math.round(x * 100) / 100 : null;
      p.layoutY = pinned ? Math.round(y * 100) / 100 : null;
      result.savedIds.push(p.id);
    });
    if (result.savedIds.length) this.saved();
    return result;
  }

  updatePerson(params: Record<string, unknown>): MapPerson {
    this.requireEdit();
    const personId = requireId('Map_Contact__c', params.personId, 'Choose a person on the map first.');
    const changes = params.changes;
    if (!changes || typeof changes !== 'object' || Object.keys(changes).length === 0)
      fail('Nothing to save: change a field first.');
    const person = this.store.people.find((p) => p.id === personId) ?? fail(PERSON_GONE);
    const next: Partial<MapPerson> = {};
    const found: string[] = [];
    for (const key of Object.keys(changes as object).sort()) {
      const value = (changes as Record<string, unknown>)[key];
      const spec = EDITABLE[key];
      if (!spec) {
        found.push(`"${key}" can't be changed here.`);
        continue;
      }
      const put = (v: unknown): void => void ((next as Record<string, unknown>)[key] = v);
      if (spec.kind === 'bool') {
        if (value !== null && typeof value !== 'boolean') found.push(`${spec.label}: choose yes or no.`);
        put(value === true);
        continue;
      }
      if (value !== null && value !== undefined && typeof value !== 'string') {
        found.push(`${spec.label}: expected text, got ${shown(value)}.`);
        continue;
      }
      const v = text(value);
      if (spec.kind === 'date') {
        if (v !== null && !isDate(v)) found.push(`${spec.label}: "${v}" isn't a date (YYYY-MM-DD).`);
        put(v);
      } else if (Array.isArray(spec.kind)) {
        const problem = picklistProblem(spec.label, spec.kind, v);
        if (problem) found.push(problem);
        put(v ?? DEFAULTS[key as keyof MapPerson] ?? null);
      } else {
        if (key === 'name' && v === null) found.push(`${spec.label}: a person needs a name.`);
        const problem = tooLong(spec.label, v, spec.max ?? 131072);
        if (problem) found.push(problem);
        put(v);
      }
    }
    if (next.side === 'Our Company' && person.contactId)
      found.push('Side: contacts are customers or partners, not Our Company.');
    if (person.userId && next.side && next.side !== 'Our Company')
      found.push('Our own people (users) are always on the Our Company side.');
    if (found.length) fail(`Nothing was saved for ${person.name}. ${found.join(' ')}`);
    this.apply(person, next, 'Edit');
    this.saved();
    return this.toPerson(person);
  }

  logCall(params: Record<string, unknown>): string {
    const personId = requireId('Map_Contact__c', params.personId, 'Choose the person you talked to.');
    if (!this.canEdit)
      fail("You don't have permission to log calls. Ask your Salesforce admin for the Edit Tasks permission.");
    const person =
      this.store.people.find((p) => p.id === personId) ??
      fail("This person is no longer on the map, or you don't have access to it. Refresh the map and try again.");
    // CallLogService accepts a value or its label; for these value sets they are the same.
    const stance = text(params.stance);
    const sentiment = text(params.sentiment);
    const message = problems(
      picklistProblem('Stance', STANCES, stance),
      picklistProblem('Sentiment', SENTIMENTS, sentiment)
    );
    if (message) fail(message);
    if (person.isVacant && !person.contactId && !person.userId) {
      fail(
        'This seat is vacant: nobody to talk to. Log the call without them, or add the person who now holds the role to the map.'
      );
    }
    const map = this.store.maps.find((m) => m.id === person.mapId);
    const today = this.now().toISOString().slice(0, 10);
    const taskId = nextId(this.store, 'Task');
    this.store.tasks.push({
      id: taskId,
      subject: text(params.subject) ?? `Call with ${person.name}`,
      comments: text(params.comments),
      whoId: person.contactId ?? null,
      whatId: map?.id ?? person.mapId,
      stance,
      sentiment,
      activityDate: today,
      ownerId: this.store.currentUserId,
    });
    // The Task trigger updates the person on every active map of the account (and this map).
    const accountId = map?.accountId;
    const targets = this.store.people.filter(
      (p) =>
        p.id === person.id ||
        (person.contactId !== null &&
          person.contactId !== undefined &&
          p.contactId === person.contactId &&
          this.store.maps.some((m) => m.id === p.mapId && m.accountId === accountId && m.status === 'Active'))
    );
    for (const target of targets) {
      const changes: Partial<MapPerson> = { lastInteraction: today };
      if (stance) changes.stance = stance as MapPerson['stance'];
      if (sentiment) changes.sentiment = sentiment as MapPerson['sentiment'];
      this.apply(target, changes, 'Call Log', taskId);
    }
    this.saved();
    return taskId;
  }

  searchPeople(params: Record<string, unknown>): PersonCandidate[] {
    const map = this.requireMap(params.mapId);
    const term = typeof params.searchText === 'string' ? params.searchText.trim().toLowerCase() : '';
    const onMap = new Set<string>();
    for (const p of this.store.people) {
      if (p.mapId !== map.id) continue;
      if (p.contactId) onMap.add(p.contactId);
      if (p.userId) onMap.add(p.userId);
    }
    const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
    const contacts = this.store.contacts
      .filter((c) => c.accountId === map.accountId && !onMap.has(c.id))
      .map((c) => ({
        recordId: c.id,
        name: `${c.firstName} ${c.lastName}`.trim(),
        title: c.title ?? null,
        side: 'Customer' as const,
      }))
      .filter((c) => c.name.toLowerCase().includes(term))
      .sort(byName)
      .slice(0, MAX_CANDIDATES);
    const users =
      term.length >= 2
        ? this.store.users
            .filter((u) => u.isActive && !onMap.has(u.id) && u.name.toLowerCase().includes(term))
            .map((u) => ({ recordId: u.id, name: u.name, title: null, side: 'Our Company' as const }))
            .sort(byName)
            .slice(0, MAX_CANDIDATES)
        : [];
    return [...contacts, ...users];
  }
}

/** The controller's method names (what the page may call). */
export const CONTROLLER_METHODS = [
  'getMapsForAccount',
  'loadMapGraph',
  'createMap',
  'addPeople',
  'setPeopleExcluded',
  'deletePeople',
  'saveLinks',
  'deleteLinks',
  'savePositions',
  'updatePerson',
  'logCall',
  'searchPeople',
] as const;
export type ControllerMethod = (typeof CONTROLLER_METHODS)[number];
