/**
 * Decides, row by row, what an import would do to the map, and collects every reason a row
 * cannot be imported: values that are not allowed (picklists from force-app, dates, numbers,
 * lengths), people who are not in the org, the same person or link twice, links to oneself, and
 * links to people who are not on the map. Pure: the org's records come in as {@link OrgView}.
 */
import { STANDARD_PREFIXES, isSalesforceId, sameId, to18 } from '../../lib/ids.ts';
import {
  INFLUENCE_LINK,
  LINK_COLUMNS,
  MAP_CONTACT,
  PERSON_COLUMNS,
  TWO_WAY_LINK_TYPES,
  allowedValues,
  type ColumnDef,
} from '../../lib/model.ts';
import type { JsonValue } from '../../lib/exportFormat.ts';
import type { LinkInput, ParsedImport, PersonInput, PersonRef, Problem } from './parse.ts';

/** A Contact or User of the org. */
export interface OrgPerson {
  id: string;
  kind: 'Contact' | 'User';
  name: string;
  email?: string;
  active: boolean;
}

/** A person already on the target map. */
export interface MapPerson {
  id: string;
  name: string;
  personId?: string;
  email?: string;
  values: Record<string, unknown>;
}

export interface MapLink {
  id: string;
  fromId?: string;
  toId?: string;
  type?: string;
  values: Record<string, unknown>;
}

/** What the org holds that the import is judged against. */
export interface OrgView {
  mapId: string;
  people: MapPerson[];
  links: MapLink[];
  /** Contacts and Users by 18-character Id. */
  byId: Map<string, OrgPerson>;
  /** Contacts and Users by lower-case email. */
  byEmail: Map<string, OrgPerson[]>;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: JsonValue;
}

export type Action = 'create' | 'update' | 'unchanged' | 'skip';

export interface PersonPlan {
  input: PersonInput;
  action: Action;
  name: string;
  person?: OrgPerson;
  /** The Map Contact to update. */
  existingId?: string;
  values: Record<string, JsonValue>;
  changes: FieldChange[];
  note?: string;
}

/** One end of a link: a Map Contact that exists, or a person this import adds to the map. */
export interface LinkEnd {
  existingId?: string;
  /** 18-character Contact or User Id of a person this import creates. */
  newPersonId?: string;
  name: string;
}

export interface LinkPlan {
  input: LinkInput;
  action: Action;
  from?: LinkEnd;
  to?: LinkEnd;
  existingId?: string;
  values: Record<string, JsonValue>;
  changes: FieldChange[];
  note?: string;
}

export interface ImportPlan {
  people: PersonPlan[];
  links: LinkPlan[];
  problems: Problem[];
}

const lower = (value: string) => value.trim().toLowerCase();

/** Converts one raw value for a column, or says why it cannot be used. */
export function convertValue(
  objectName: string,
  column: ColumnDef,
  raw: unknown
): { value: JsonValue } | { problem: string } {
  const textValue = typeof raw === 'string' ? raw.trim() : raw;
  switch (column.kind) {
    case 'picklist': {
      const allowed = allowedValues(objectName, column);
      const match =
        typeof textValue === 'string' ? allowed.find((v) => v.toLowerCase() === textValue.toLowerCase()) : undefined;
      return match !== undefined
        ? { value: match }
        : {
            problem: `${column.header} "${String(raw)}" is not allowed. ${column.header} values: ${allowed.join(', ')}`,
          };
    }
    case 'boolean': {
      if (typeof textValue === 'boolean') return { value: textValue };
      const word = typeof textValue === 'string' ? textValue.toLowerCase() : '';
      if (['true', 'yes', 'y', '1', 'x'].includes(word)) return { value: true };
      if (['false', 'no', 'n', '0'].includes(word)) return { value: false };
      return { problem: `${column.header} "${String(raw)}" is not true or false` };
    }
    case 'date': {
      const ok =
        typeof textValue === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(textValue) &&
        !Number.isNaN(Date.parse(`${textValue}T00:00:00Z`));
      return ok && new Date(`${textValue}T00:00:00Z`).toISOString().startsWith(textValue)
        ? { value: textValue }
        : { problem: `${column.header} "${String(raw)}" is not a date (YYYY-MM-DD)` };
    }
    case 'number': {
      const n = typeof textValue === 'number' ? textValue : typeof textValue === 'string' ? Number(textValue) : NaN;
      // Number(10,2): up to 8 digits before the decimal point.
      if (!Number.isFinite(n) || Math.abs(n) >= 1e8)
        return { problem: `${column.header} "${String(raw)}" is not a number below 100,000,000` };
      return { value: Math.round(n * 100) / 100 };
    }
    default: {
      const value = typeof raw === 'string' ? raw : String(raw);
      if (column.maxLength !== undefined && value.length > column.maxLength) {
        return { problem: `${column.header} is ${value.length} characters long; the field holds ${column.maxLength}` };
      }
      return { value };
    }
  }
}

function sameValue(existing: unknown, next: JsonValue): boolean {
  if (existing === undefined || existing === null || existing === '') return next === null || next === '';
  if (typeof next === 'number') return Number(existing) === next;
  return existing === next;
}

function convertAll(
  objectName: string,
  columns: readonly ColumnDef[],
  raw: Map<string, unknown>,
  where: string,
  problems: Problem[]
): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const column of columns) {
    if (!raw.has(column.field)) continue;
    const converted = convertValue(objectName, column, raw.get(column.field));
    if ('problem' in converted) problems.push({ where, reason: converted.problem });
    else values[column.field] = converted.value;
  }
  return values;
}

function diff(existing: Record<string, unknown>, values: Record<string, JsonValue>): FieldChange[] {
  return Object.entries(values)
    .filter(([field, value]) => !sameValue(existing[field], value))
    .map(([field, value]) => ({ field, from: existing[field] ?? null, to: value }));
}

/** Finds the org person a people row names: by Id first, then by email. */
function resolvePerson(
  input: PersonInput,
  view: OrgView,
  side: JsonValue | undefined
): { person?: OrgPerson; problem?: string } {
  if (input.contactId && input.userId)
    return { problem: 'has both a Contact Id and a User Id: a person on the map is one or the other' };
  const id = input.contactId ?? input.userId;
  const expectedPrefix = input.contactId ? STANDARD_PREFIXES.Contact : STANDARD_PREFIXES.User;
  const kind = input.contactId ? 'Contact' : 'User';
  if (id !== undefined) {
    if (!isSalesforceId(id) || !id.startsWith(expectedPrefix)) {
      return {
        problem: `${kind} Id "${id}" is not a ${kind} Id (${kind} Ids are 15 or 18 characters starting with ${expectedPrefix})`,
      };
    }
    const found = view.byId.get(to18(id));
    if (found?.kind === 'User' && !found.active) return { problem: `User ${found.name} (${id}) is inactive` };
    if (found) return { person: found };
    if (!input.email)
      return { problem: `unknown ${kind.toLowerCase()}: no ${kind} ${id} in the org (deleted, or you cannot see it)` };
  }
  if (!input.email) return { problem: 'says nobody: give a Contact Id, User Id or Email' };
  // Our own people are Users; everyone else is a Contact.
  const wantKind = input.userId || side === 'Our Company' ? 'User' : 'Contact';
  const candidates = (view.byEmail.get(lower(input.email)) ?? []).filter((p) => p.kind === wantKind && p.active);
  if (candidates.length === 1) return { person: candidates[0] };
  if (candidates.length > 1) {
    return {
      problem: `${candidates.length} ${wantKind}s have the email ${input.email}; give the ${wantKind} Id instead`,
    };
  }
  return {
    problem: `unknown ${wantKind.toLowerCase()}: no ${wantKind === 'User' ? 'active User' : 'Contact'} with the email ${input.email}${id ? ` (and ${id} is not in the org)` : ''}`,
  };
}

function planPeople(inputs: readonly PersonInput[], view: OrgView, problems: Problem[]): PersonPlan[] {
  const onMap = new Map<string, MapPerson>();
  for (const p of view.people) if (p.personId) onMap.set(to18(p.personId), p);
  const firstRowOf = new Map<string, string>();
  let primaryRow: string | undefined;
  return inputs.map((input) => {
    const rowProblems: Problem[] = [];
    const values = convertAll(MAP_CONTACT, PERSON_COLUMNS, input.values, input.where, rowProblems);
    const name = input.name ?? input.email ?? input.contactId ?? input.userId ?? input.where;
    if (!input.contactId && !input.userId && !input.email && values.Is_Vacant__c === true) {
      problems.push(...rowProblems);
      return {
        input,
        action: 'skip',
        name,
        values,
        changes: [],
        note: 'a vacant seat without a person: import matches people by Contact or User, so it is left out',
      };
    }
    const { person, problem } = resolvePerson(input, view, values.Side__c);
    if (problem) rowProblems.push({ where: input.where, reason: problem });
    if (person) {
      const earlier = firstRowOf.get(person.id);
      if (earlier)
        rowProblems.push({ where: input.where, reason: `${person.name} is already in ${earlier}: one row per person` });
      else firstRowOf.set(person.id, input.where);
      if (person.kind === 'User' && values.Side__c !== undefined && values.Side__c !== 'Our Company') {
        rowProblems.push({
          where: input.where,
          reason: `${person.name} is a User (one of our people), so Side must be Our Company, not ${String(values.Side__c)}`,
        });
      }
    }
    if (values.Is_Primary_Contact__c === true) {
      if (primaryRow)
        rowProblems.push({
          where: input.where,
          reason: `only one primary contact per map, and ${primaryRow} is already primary`,
        });
      else primaryRow = input.where;
    }
    problems.push(...rowProblems);
    if (!person || rowProblems.length > 0) return { input, action: 'skip', name, values, changes: [] };
    if (person.kind === 'User' && values.Side__c === undefined) values.Side__c = 'Our Company';
    const existing = onMap.get(person.id);
    if (!existing) return { input, action: 'create', name: person.name, person, values, changes: [] };
    const changes = diff(existing.values, values);
    return {
      input,
      action: changes.length > 0 ? 'update' : 'unchanged',
      name: existing.name || person.name,
      person,
      existingId: existing.id,
      values,
      changes,
    };
  });
}

/** Resolves one link end to a Map Contact of the target map (existing or being added). */
function resolveEnd(
  ref: PersonRef,
  view: OrgView,
  people: readonly PersonPlan[],
  label: 'From' | 'To'
): { end?: LinkEnd; skip?: string; problem?: string } {
  const existingById = new Map(view.people.map((p) => [to18(p.id), p]));
  const endOf = (plan: PersonPlan): LinkEnd | undefined =>
    plan.existingId
      ? { existingId: plan.existingId, name: plan.name }
      : plan.action === 'create' && plan.person
        ? { newPersonId: plan.person.id, name: plan.name }
        : undefined;
  const shown = ref.name ?? ref.email ?? ref.personId ?? ref.mapContactId ?? '(blank)';
  if (ref.mapContactId) {
    if (isSalesforceId(ref.mapContactId)) {
      const existing = existingById.get(to18(ref.mapContactId));
      if (existing) return { end: { existingId: existing.id, name: existing.name } };
      // The export's own Map Contact Id: follow it to the person in the same file.
      const fromFile = people.find((p) => p.input.sourceId && sameId(p.input.sourceId, ref.mapContactId));
      if (fromFile) {
        const end = endOf(fromFile);
        if (end) return { end };
        if (fromFile.note) return { skip: `${label} ${shown} is left out (${fromFile.note})` };
        return { problem: `${label} ${shown} (${fromFile.input.where}) cannot be imported, so neither can this link` };
      }
    } else if (!ref.personId && !ref.email) {
      return { problem: `${label} Map Contact Id "${ref.mapContactId}" is not a Salesforce Id` };
    }
  }
  if (ref.personId) {
    if (!isSalesforceId(ref.personId))
      return { problem: `${label} Person Id "${ref.personId}" is not a Salesforce Id` };
    const onMap = view.people.find((p) => p.personId && sameId(p.personId, ref.personId));
    if (onMap) return { end: { existingId: onMap.id, name: onMap.name } };
    const added = people.find((p) => p.person && sameId(p.person.id, ref.personId));
    const end = added ? endOf(added) : undefined;
    if (end) return { end };
  }
  if (ref.email) {
    const matches: LinkEnd[] = [];
    for (const p of view.people)
      if (p.email && lower(p.email) === lower(ref.email)) matches.push({ existingId: p.id, name: p.name });
    for (const p of people) {
      const end =
        p.action === 'create' && p.person?.email && lower(p.person.email) === lower(ref.email) ? endOf(p) : undefined;
      if (end) matches.push(end);
    }
    if (matches.length === 1) return { end: matches[0] };
    if (matches.length > 1)
      return {
        problem: `${label} email ${ref.email} belongs to ${matches.length} people on this map; use ${label} Person Id or ${label} Map Contact Id`,
      };
  }
  if (!ref.mapContactId && !ref.personId && !ref.email)
    return { skip: `it has no ${label} person (the person was removed from the map)` };
  return {
    problem: `${label} ${shown} is not on this map: add them to the map first (or in the same import), then link them`,
  };
}

const endKey = (end: LinkEnd) => (end.existingId ? `mc:${to18(end.existingId)}` : `new:${end.newPersonId ?? ''}`);

function planLinks(
  inputs: readonly LinkInput[],
  view: OrgView,
  people: readonly PersonPlan[],
  problems: Problem[]
): LinkPlan[] {
  const existingByKey = new Map<string, MapLink>();
  for (const link of view.links) {
    if (!link.fromId || !link.toId || !link.type) continue;
    existingByKey.set(`mc:${to18(link.fromId)}|mc:${to18(link.toId)}|${link.type}`, link);
    if (TWO_WAY_LINK_TYPES.has(link.type))
      existingByKey.set(`mc:${to18(link.toId)}|mc:${to18(link.fromId)}|${link.type}`, link);
  }
  const firstRowOf = new Map<string, string>();
  return inputs.map((input) => {
    const rowProblems: Problem[] = [];
    const values = convertAll(INFLUENCE_LINK, LINK_COLUMNS, input.values, input.where, rowProblems);
    const type = values.Type__c;
    if (typeof type !== 'string' && !rowProblems.some((p) => p.reason.startsWith('Type'))) {
      rowProblems.push({
        where: input.where,
        reason: 'Type is missing (Reports To, Influences, Ally, Conflict or Relationship)',
      });
    }
    const from = resolveEnd(input.from, view, people, 'From');
    const to = resolveEnd(input.to, view, people, 'To');
    const skip = from.skip ?? to.skip;
    if (skip && !from.problem && !to.problem) {
      problems.push(...rowProblems);
      return { input, action: 'skip', values, changes: [], note: `left out: ${skip}` };
    }
    for (const end of [from, to]) if (end.problem) rowProblems.push({ where: input.where, reason: end.problem });
    if (from.end && to.end && endKey(from.end) === endKey(to.end)) {
      rowProblems.push({
        where: input.where,
        reason: `links ${from.end.name} to themselves: a person can't influence themselves`,
      });
    }
    let existing: MapLink | undefined;
    if (from.end && to.end && typeof type === 'string' && rowProblems.length === 0) {
      const key = `${endKey(from.end)}|${endKey(to.end)}|${type}`;
      const keys = TWO_WAY_LINK_TYPES.has(type) ? [key, `${endKey(to.end)}|${endKey(from.end)}|${type}`] : [key];
      const earlier = keys.map((k) => firstRowOf.get(k)).find((w) => w !== undefined);
      if (earlier) rowProblems.push({ where: input.where, reason: `the same ${type} link as ${earlier}` });
      else keys.forEach((k) => firstRowOf.set(k, input.where));
      existing = existingByKey.get(key);
    }
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !from.end || !to.end) return { input, action: 'skip', values, changes: [] };
    if (!existing) return { input, action: 'create', from: from.end, to: to.end, values, changes: [] };
    // Type is the link's identity; only Strength and Notes can change.
    const editable = { ...values };
    delete editable.Type__c;
    const changes = diff(existing.values, editable);
    return {
      input,
      action: changes.length > 0 ? 'update' : 'unchanged',
      from: from.end,
      to: to.end,
      existingId: existing.id,
      values: editable,
      changes,
    };
  });
}

/** The whole plan: what each row would do, and every problem. */
export function planImport(parsed: ParsedImport, view: OrgView): ImportPlan {
  const problems: Problem[] = [...parsed.problems];
  const people = planPeople(parsed.people, view, problems);
  const links = planLinks(parsed.links, view, people, problems);
  return { people, links, problems };
}
