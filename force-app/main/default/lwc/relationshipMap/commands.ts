/**
 * The map's edits as commands: for each, the Apex call, what it changes in the loaded map once
 * Salesforce said yes (or at once, with the rollback when it says no), and the sentences the rep
 * reads (the success toast, the failure title). Pure: the Apex functions come in as `api` (the
 * container passes c/relationshipMapApi's), the map goes in and out as plain data, and the
 * container runs every command the same way (its `execute`: read-only check, optimistic
 * update, call, row errors, update or rollback, toast or inline error with "Try again").
 * Saving a person's edits is one too (./personCommands); saves that may partly succeed (adding
 * people, saving places) have a shape of their own (./partialCommands).
 */
import type { InfluenceLink, LinkStrength, LinkType, MapPerson } from 'c/relationshipGraph';
import type { CallLog, LinkInput, MapGraph, NewPerson, PersonCandidate, SaveResult } from 'c/relationshipMapApi';
import { plural } from 'c/relationshipMapFormat';

export type ToastVariant = 'success' | 'error' | 'warning' | 'info';

export interface Toast {
  title: string;
  message: string;
  variant: ToastVariant;
}

/** What a command needs from Apex (a subset of c/relationshipMapApi). */
export interface CommandApi {
  saveLinks(mapId: string, links: readonly LinkInput[]): Promise<SaveResult>;
  deleteLinks(mapId: string, linkIds: readonly string[]): Promise<SaveResult>;
  setPeopleExcluded(mapId: string, personIds: readonly string[], excluded: boolean): Promise<SaveResult>;
  deletePeople(mapId: string, personIds: readonly string[]): Promise<SaveResult>;
  logCall(personId: string, log: CallLog): Promise<string>;
}

/** What became of a call: a change to the map and a toast, or the sentence saying why not. */
export type Outcome =
  { ok: true; update: ((graph: MapGraph) => MapGraph) | null; toast: Toast } | { ok: false; problem: string };

export interface Command<R> {
  /** The map it changes; the update is dropped when another map is open by the time it answers. */
  mapId: string | null;
  /** The toast's and the inline notice's title when it fails. */
  failTitle: string;
  /** Applied before the call and undone by `rollback` when it fails. */
  optimistic?: (graph: MapGraph) => MapGraph;
  rollback?: (graph: MapGraph) => MapGraph;
  send(): Promise<R>;
  settle(result: R): Outcome;
  /** Whether the analytics read what it changes (pins do not). */
  analytics: boolean;
  /** After a refusal's rollback and inline error: what else it asks for (with the refusal's sentence). */
  refused?(message: string): void;
  /** Once it has been answered either way. */
  done?(): void;
}

export interface LinkDetail {
  fromId: string;
  toId: string;
  type: LinkType;
  strength: LinkStrength;
  notes: string | null;
}

const success = (title: string, message: string): Toast => ({ title, message, variant: 'success' });

/** Row errors of a many-row save, in one sentence. */
export function rowErrors(result: SaveResult | undefined | null): string {
  return (result?.errors ?? []).map((e) => (e.label ? `${e.label}: ${e.message}` : e.message)).join(' ');
}

export function nameIn(graph: MapGraph | null, personId: string): string {
  return graph?.people.find((p) => p.id === personId)?.name ?? 'This person';
}

const patchPeople = (graph: MapGraph, personId: string, update: (p: MapPerson) => MapPerson): MapGraph => ({
  ...graph,
  people: graph.people.map((p) => (p.id === personId ? update(p) : p)),
});

/** A new influence link: drawn once saved, with the id Salesforce gave it. */
export function addLinkCommand(
  api: CommandApi,
  mapId: string,
  link: LinkDetail,
  names: MapGraph | null
): Command<SaveResult> {
  const { fromId, toId, type, strength, notes } = link;
  return {
    mapId,
    failTitle: 'The link was not added',
    analytics: true,
    send: () => api.saveLinks(mapId, [{ fromId, toId, type, strength, notes }]),
    settle: (result) => {
      const id = result?.savedIds?.[0];
      if (!id) return { ok: false, problem: rowErrors(result) };
      const added: InfluenceLink = { id, fromId, toId, type, strength, notes };
      return {
        ok: true,
        update: (graph) => ({ ...graph, links: [...graph.links, added] }),
        toast: success('Link added', `${nameIn(names, fromId)} → ${nameIn(names, toId)} (${type}, ${strength}).`),
      };
    },
  };
}

/** A link's new type and strength (`updatelink` of c/relationshipMapPersonLinks). */
export interface LinkChange {
  linkId: string;
  type: LinkType;
  strength: LinkStrength;
}

/**
 * Changes a link's type and strength, drawn at once and undone when refused. It carries the
 * version the rep saw, so someone else's newer change is not overwritten (RM_Stale_Link, who and
 * when). Answered either way, `reload` brings the map's links as saved: their new versions (a save
 * returns only ids, and the next change must carry the new one) or the other user's change.
 * Null without a change, or when the link is not on the map (any more).
 */
export function updateLinkCommand(
  api: CommandApi,
  mapId: string,
  graph: MapGraph | null,
  change: LinkChange | null | undefined,
  reload: () => Promise<unknown>
): Command<SaveResult> | null {
  const before = change ? graph?.links.find((l) => l.id === change.linkId) : undefined;
  if (!change || !before) return null;
  const { linkId, type, strength } = change;
  const put = (link: InfluenceLink) => (g: MapGraph) => ({
    ...g,
    links: g.links.map((l) => (l.id === linkId ? link : l)),
  });
  const ends = `${nameIn(graph, before.fromId ?? '')} → ${nameIn(graph, before.toId ?? '')}`;
  return {
    mapId,
    failTitle: 'The link was not changed',
    analytics: true,
    optimistic: put({ ...before, type, strength }),
    rollback: put(before),
    send: () => api.saveLinks(mapId, [{ id: linkId, type, strength, version: before.version ?? null }]),
    settle: (result): Outcome => {
      if (!result?.savedIds?.includes(linkId)) return { ok: false, problem: rowErrors(result) };
      return { ok: true, update: null, toast: success('Link changed', `${ends} (${type}, ${strength}).`) };
    },
    done: () => {
      reload().catch(() => undefined);
    },
  };
}

/**
 * A change of many rows the map shows once Apex has saved it: refused when the result lists row
 * errors (their sentences are the problem); otherwise `update` applies to the map and `toast` says so.
 */
function savedRowsCommand(
  mapId: string,
  failTitle: string,
  send: () => Promise<SaveResult>,
  update: (graph: MapGraph) => MapGraph,
  toast: Toast
): Command<SaveResult> {
  return {
    mapId,
    failTitle,
    analytics: true,
    send,
    settle: (result): Outcome => {
      if (result?.errors?.length) return { ok: false, problem: rowErrors(result) };
      return { ok: true, update, toast };
    },
  };
}

export function removeLinkCommand(api: CommandApi, mapId: string, linkId: string): Command<SaveResult> {
  return savedRowsCommand(
    mapId,
    'The link was not removed',
    () => api.deleteLinks(mapId, [linkId]),
    (graph) => ({ ...graph, links: graph.links.filter((l) => l.id !== linkId) }),
    success('Link removed', 'The link is no longer on the map.')
  );
}

/** "Trim from map" (excluded) and "Restore to map": nothing is lost either way. */
export function setExcludedCommand(
  api: CommandApi,
  mapId: string,
  personId: string,
  excluded: boolean,
  name: string
): Command<SaveResult> {
  return savedRowsCommand(
    mapId,
    excluded ? `${name} was not trimmed` : `${name} was not restored`,
    () => api.setPeopleExcluded(mapId, [personId], excluded),
    (graph) => patchPeople(graph, personId, (p) => ({ ...p, excluded })),
    excluded
      ? success('Trimmed from the map', `${name} is hidden from the map; "Show excluded" shows them.`)
      : success('Restored', `${name} is back on the map.`)
  );
}

/** Deletes a person and their links (their change history stays). */
export function deletePersonCommand(
  api: CommandApi,
  mapId: string,
  personId: string,
  name: string
): Command<SaveResult> {
  return savedRowsCommand(
    mapId,
    `${name} was not deleted`,
    () => api.deletePeople(mapId, [personId]),
    (graph) => ({
      ...graph,
      people: graph.people.filter((p) => p.id !== personId),
      links: graph.links.filter((l) => l.fromId !== personId && l.toId !== personId),
    }),
    success('Deleted', `${name} was deleted from the map.`)
  );
}

/** A logged call; the container then refreshes the person (the call may change their stance). */
export function logCallCommand(api: CommandApi, personId: string, log: CallLog, name: string): Command<string> {
  return {
    mapId: null,
    failTitle: 'The call was not logged',
    analytics: false,
    send: () => api.logCall(personId, log),
    settle: () => ({ ok: true, update: null, toast: success('Call logged', `Call with ${name} logged.`) }),
  };
}

/** What "Add people" was asked to add: contacts keep the side they were found with; users are ours. */
export function peopleToAdd(
  detail: { contactIds?: readonly string[] | null; userIds?: readonly string[] | null },
  candidates: readonly PersonCandidate[]
): NewPerson[] {
  const sideOf = new Map(candidates.map((c) => [c.recordId, c.side]));
  return [
    ...(detail.contactIds ?? []).map((recordId) => ({ recordId, side: sideOf.get(recordId) ?? null })),
    ...(detail.userIds ?? []).map((recordId): NewPerson => ({ recordId, side: 'Our Company' })),
  ];
}

/** The toast after "Add everyone": how many contacts and of our people, and the Reports To links. */
export function everyoneAddedMessage(
  savedIds: readonly string[],
  people: readonly MapPerson[],
  linkCount: number
): string {
  const saved = new Set(savedIds);
  const users = people.filter((p) => saved.has(p.id) && p.userId).length;
  const parts = [plural(savedIds.length - users, 'contact', 'contacts')];
  if (users > 0) parts.push(plural(users, 'of our people', 'of our people'));
  return `${plural(savedIds.length, 'person', 'people')} added to the map (${parts.join(', ')}), with ${plural(linkCount, 'Reports To link', 'Reports To links')}.`;
}

/** The map with the places people were dragged to (a pin's x and y become layoutX and layoutY). */
export function placedAt(
  graph: MapGraph,
  positions: readonly { id: string; x: number | null; y: number | null }[]
): MapGraph {
  const byId = new Map(positions.map((p) => [p.id, p]));
  return {
    ...graph,
    people: graph.people.map((person) => {
      const pin = byId.get(person.id);
      return pin ? { ...person, layoutX: pin.x, layoutY: pin.y } : person;
    }),
  };
}
