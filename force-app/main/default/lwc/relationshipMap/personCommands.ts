/**
 * Saving a person's edits, as a command (../commands' shape, run by the container's `execute`):
 * optimistic, with the version the rep saw so that Salesforce refuses the save when someone else
 * changed the person meanwhile, and what happens then (their version is loaded, the rep's edit
 * reopens). Pure: updatePerson comes in as `api`, the map goes in and out as plain data.
 */
import type { MapPerson } from 'c/relationshipGraph';
import type { MapGraph, PersonChanges, SeenVersion } from 'c/relationshipMapApi';
import type { Command } from './commands';
import { applyFields, describeFields, rollBack, snapshotOf } from './mapModel';

/** What saving a person needs from Apex (a subset of c/relationshipMapApi). */
export interface PersonApi {
  updatePerson(personId: string, changes: PersonChanges, seen?: SeenVersion): Promise<MapPerson>;
}

/** Person id → saves not answered yet: while one is on its way, a reload of that person waits. */
export class EditsInFlight {
  private readonly counts = new Map<string, number>();

  start(personId: string): void {
    this.counts.set(personId, (this.counts.get(personId) ?? 0) + 1);
  }

  end(personId: string): void {
    const left = (this.counts.get(personId) ?? 1) - 1;
    if (left > 0) this.counts.set(personId, left);
    else this.counts.delete(personId);
  }

  has(personId: string): boolean {
    return this.counts.has(personId);
  }

  /** Only this save of the person is on its way. */
  alone(personId: string): boolean {
    return this.counts.get(personId) === 1;
  }
}

const patchPerson = (graph: MapGraph, personId: string, update: (p: MapPerson) => MapPerson): MapGraph => ({
  ...graph,
  people: graph.people.map((p) => (p.id === personId ? update(p) : p)),
});

/**
 * Optimistic: the map changes at once and rolls back if Salesforce refuses. The save carries the
 * version the rep saw and the values they saw for these fields: if someone else changed them
 * meanwhile, nothing is saved ("Dana changed this person at 10:42 — reload to see their
 * changes.") and `refusedAfterSeeing` is called with the refusal and that version (the container
 * then reloads the person and reopens the edit: see `reopenedEdit`). Null when there is nothing
 * to save (no such person, no fields).
 */
export function savePersonCommand(
  api: PersonApi,
  graph: MapGraph | null,
  personId: string,
  fields: PersonChanges,
  edits: EditsInFlight,
  refusedAfterSeeing: (message: string, seenVersion: string) => void
): Command<MapPerson> | null {
  const person = graph?.people.find((p) => p.id === personId);
  if (!person || Object.keys(fields).length === 0) return null;
  const before = snapshotOf(person, fields);
  const seenValues: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) seenValues[key] = before[key] ?? null;
  const seen = { version: person.version ?? null, values: seenValues as PersonChanges };
  return {
    mapId: null,
    failTitle: `${person.name} was not saved`,
    analytics: true,
    optimistic: (g) => patchPerson(g, personId, (p) => applyFields(p, fields)),
    rollback: (g) => patchPerson(g, personId, (p) => rollBack(p, fields, before)),
    send: () => {
      edits.start(personId);
      return api.updatePerson(personId, fields, seen);
    },
    settle: (saved) => {
      // The record as saved wins, unless another edit of the same person is still on its way
      // (then only this edit's fields, so that the other one does not flicker back).
      const alone = edits.alone(personId);
      const merge = (p: MapPerson): MapPerson => {
        if (!alone || !saved) return applyFields(p, fields);
        return { ...p, ...saved, layoutX: p.layoutX, layoutY: p.layoutY };
      };
      return {
        ok: true,
        update: (g) => patchPerson(g, personId, merge),
        toast: {
          title: 'Saved',
          message: `${saved?.name ?? person.name}: ${describeFields(fields)} saved.`,
          variant: 'success',
        },
      };
    },
    refused: (message) => {
      if (seen.version) refusedAfterSeeing(message, seen.version);
    },
    done: () => edits.end(personId),
  };
}

/** The rep's refused edit, for the panel to reopen with what they typed. */
export interface ReopenedEdit {
  personId: string;
  fields: PersonChanges;
  message: string;
  /** Their version was loaded (false: the reload failed; what was typed is kept all the same). */
  reloaded: boolean;
}

/**
 * After a refused save that carried a version, once the person was reloaded (`reloaded`) and
 * their version is `versionNow`: when it is no longer the one the rep saw, someone changed them
 * meanwhile, and the rep's edit reopens (also when the reload failed, so nothing typed is lost).
 * Null: refused for another reason (the toast says which). The version tells, not the refusal's
 * words: those are a Custom Label (RM_Stale_Person), which an org may translate or reword.
 */
export function reopenedEdit(
  personId: string,
  fields: PersonChanges,
  message: string,
  seenVersion: string,
  reloaded: boolean,
  versionNow: string | null
): ReopenedEdit | null {
  if (reloaded && versionNow === seenVersion) return null;
  return { personId, fields, message, reloaded };
}
