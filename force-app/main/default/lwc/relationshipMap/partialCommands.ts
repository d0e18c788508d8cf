/**
 * Saves of many rows that may partly succeed: adding people, "Add everyone not on the map", saving
 * the places people were dragged to. Their shape differs from ../commands': nothing changes the
 * map before the answer and nothing is rolled back; what was saved stays (the container reloads
 * the map when the outcome says so), the rows that were not saved are reported, and "Try again"
 * sends only what is left (`resend`). Pure: the Apex functions come in as `api`; the container
 * runs every partial command the same way (its `executePartial`).
 */
import type { MapPerson } from 'c/relationshipGraph';
import type { NewPerson, PeopleResult, PersonCandidate, PersonPosition, SaveResult } from 'c/relationshipMapApi';
import { plural } from 'c/relationshipMapFormat';
import { everyoneAddedMessage, rowErrors } from './commands';
import type { Toast } from './commands';

/** What the partial commands need from Apex (a subset of c/relationshipMapApi). */
export interface PartialApi {
  addPeople(mapId: string, people: readonly NewPerson[]): Promise<PeopleResult>;
  addEveryone(mapId: string): Promise<PeopleResult>;
  savePositions(mapId: string, positions: readonly PersonPosition[]): Promise<SaveResult>;
}

/** What became of a partial save. `T` is what the command sends (rows, or the map for "everyone"). */
export interface PartialOutcome<T> {
  /** Shown at once. */
  toast: Toast | null;
  /** Something was saved that the map shows: the container reloads it. */
  reload: boolean;
  /** Shown once the map is reloaded, from the people it brought. */
  toastAfterReload: ((people: readonly MapPerson[]) => Toast) | null;
  /** The rows not saved, in one sentence with its title; null when every row was saved. */
  problem: { title: string; message: string } | null;
  /** What "Try again" sends after row errors; null: nothing worth sending again. */
  resend: T | null;
}

export interface PartialCommand<R, T> {
  /** What it sends; a call that fails as a whole sends it all again on "Try again". */
  input: T;
  /** The toast's and the inline notice's title when the call fails as a whole. */
  failTitle: string;
  send(): Promise<R>;
  settle(result: R): PartialOutcome<T>;
}

type AddPeople = PartialCommand<PeopleResult, NewPerson[]>;
type SavePlaces = PartialCommand<SaveResult, PersonPosition[]>;

const NO_OUTCOME = { toast: null, reload: false, toastAfterReload: null, problem: null, resend: null };

/** "Add people": the ticked contacts and users; "Try again" adds only the rows that failed. */
export function addPeopleCommand(api: PartialApi, mapId: string, people: NewPerson[]): AddPeople {
  return {
    input: people,
    failTitle: 'Nobody was added',
    send: () => api.addPeople(mapId, people),
    settle: (result) => {
      const added = result?.people?.savedIds?.length ?? 0;
      const problems = rowErrors(result?.people);
      const errors = result?.people?.errors ?? [];
      const failed = people.filter((p) => errors.some((e) => e.recordId === p.recordId));
      return {
        ...NO_OUTCOME,
        toast:
          added > 0
            ? {
                title: 'People added',
                message: `${plural(added, 'person', 'people')} added to the map.`,
                variant: 'success',
              }
            : null,
        reload: added > 0,
        problem: problems
          ? { title: added > 0 ? 'Some people were not added' : 'Nobody was added', message: problems }
          : null,
        resend: problems && failed.length ? failed : null,
      };
    },
  };
}

/**
 * "Add everyone not on the map". Running it again is safe: whoever was added the first time is
 * skipped, so "Try again" after a partial failure adds only the rest.
 */
export function addEveryoneCommand(api: PartialApi, mapId: string): PartialCommand<PeopleResult, string> {
  return {
    input: mapId,
    failTitle: 'Nobody was added',
    send: () => api.addEveryone(mapId),
    settle: (result) => {
      const savedIds = result?.people?.savedIds ?? [];
      const linkCount = result?.links?.savedIds?.length ?? 0;
      const problems = [rowErrors(result?.people), rowErrors(result?.links)].filter((p) => p).join(' ');
      const added = savedIds.length > 0;
      return {
        ...NO_OUTCOME,
        toast:
          !added && !problems
            ? {
                title: 'Nobody to add',
                message: 'Everyone around this account is on the map already.',
                variant: 'info',
              }
            : null,
        reload: added,
        // Counted from the reloaded map: which of them are our people.
        toastAfterReload: added
          ? (people) => ({
              title: 'Everyone added',
              message: everyoneAddedMessage(savedIds, people, linkCount),
              variant: 'success',
            })
          : null,
        problem: problems
          ? { title: added ? 'Some people or links were not added' : 'Nobody was added', message: problems }
          : null,
        resend: problems ? mapId : null,
      };
    },
  };
}

/** The places people were dragged to, saved together; "Try again" saves them all again. */
export function savePositionsCommand(api: PartialApi, mapId: string, positions: PersonPosition[]): SavePlaces {
  return {
    failTitle: 'The new places were not saved',
    input: positions,
    send: () => api.savePositions(mapId, positions),
    settle: (result) => {
      const refused = (result?.errors?.length ?? 0) > 0;
      return {
        ...NO_OUTCOME,
        problem: refused ? { title: 'Some places were not saved', message: rowErrors(result) } : null,
        resend: refused ? positions : null,
      };
    },
  };
}

/** "Add all the account's contacts" on an empty map: everyone the search found who is not ours. */
export function contactsToAdd(found: readonly PersonCandidate[]): NewPerson[] {
  return found.filter((c) => c.side !== 'Our Company').map((c) => ({ recordId: c.recordId, side: c.side }));
}

export const NO_CONTACTS_LEFT: Toast = {
  title: 'Nobody to add',
  message: 'This account has no contacts that are not on the map already.',
  variant: 'info',
};
