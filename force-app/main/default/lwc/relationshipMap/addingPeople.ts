/**
 * The "Add people" panel's requests: searching candidates, counting and adding everyone not on
 * the map, adding the ticked people, and "Add all the account's contacts" on an empty map. The
 * container owns the panel's state; this module sets it through `AddingHost` (the container
 * passes itself, so LWC sees every change). The saves are partial commands (./partialCommands)
 * run by the container's CommandRunner. No component code: Apex comes in as `api`.
 */
import type { EveryoneCount, NewPerson, PersonCandidate } from 'c/relationshipMapApi';
import type { ToastVariant } from './commands';
import { NO_CONTACTS_LEFT, addEveryoneCommand, addPeopleCommand, contactsToAdd } from './partialCommands';
import type { PartialApi } from './partialCommands';
import { detach } from './running';
import type { CommandRunner } from './running';

/** What the panel needs from Apex besides the saves (a subset of c/relationshipMapApi). */
export interface AddingApi extends PartialApi {
  searchPeople(mapId: string, searchText: string): Promise<PersonCandidate[]>;
  countEveryone(mapId: string): Promise<EveryoneCount>;
}

export interface AddingHost {
  readonly selectedMapId: string | null;
  readonly readOnly: boolean;
  busy: boolean;
  addPeopleOpen: boolean;
  candidates: PersonCandidate[];
  searching: boolean;
  everyoneCount: EveryoneCount | null;
  everyoneStatus: '' | 'counting' | 'adding';
  toast(title: string, message: string, variant?: ToastVariant): void;
  fail(title: string, error: unknown, retry: (() => void) | null): string;
}

export class AddingPeople {
  private searchToken = 0;

  constructor(
    private readonly host: AddingHost,
    private readonly api: AddingApi,
    private readonly runner: CommandRunner
  ) {}

  /** Done adding: the panel closes and forgets its candidates. */
  private close(): void {
    this.host.addPeopleOpen = false;
    this.host.candidates = [];
  }

  async search(term: string): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId) return;
    const token = ++this.searchToken;
    host.searching = true;
    try {
      const found = await this.api.searchPeople(mapId, term);
      if (token !== this.searchToken) return;
      host.candidates = Array.isArray(found) ? found : [];
    } catch (error) {
      if (token !== this.searchToken) return;
      host.candidates = [];
      host.fail('Search failed', error, () => detach(this.search(term)));
    } finally {
      if (token === this.searchToken) host.searching = false;
    }
  }

  /** "Add everyone not on the map": count first, so the confirmation can say how many. */
  async countEveryone(): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId || host.readOnly || host.everyoneStatus !== '') return;
    host.everyoneStatus = 'counting';
    try {
      const count = await this.api.countEveryone(mapId);
      if (mapId !== host.selectedMapId) return;
      host.everyoneCount = { contacts: count?.contacts ?? 0, users: count?.users ?? 0 };
    } catch (error) {
      host.fail('Could not count the people not on the map yet', error, () => detach(this.countEveryone()));
    } finally {
      host.everyoneStatus = '';
    }
  }

  /** Places everyone around the account not on the map yet ("Try again" adds only the rest). */
  async addEveryone(): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId || host.readOnly || host.everyoneStatus !== '') return;
    host.everyoneStatus = 'adding';
    host.busy = true;
    try {
      const command = addEveryoneCommand(this.api, mapId);
      const outcome = await this.runner.runPartial(command, () => detach(this.addEveryone()));
      if (outcome && !outcome.problem) this.close();
      if (outcome) host.everyoneCount = null;
    } finally {
      host.everyoneStatus = '';
      host.busy = false;
    }
  }

  /** "Add all the account's contacts" on an empty map. */
  async addAllContacts(): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId || host.readOnly) return;
    host.busy = true;
    try {
      const contacts = contactsToAdd(await this.api.searchPeople(mapId, ''));
      if (contacts.length === 0) host.toast(NO_CONTACTS_LEFT.title, NO_CONTACTS_LEFT.message, NO_CONTACTS_LEFT.variant);
      else await this.add(contacts);
    } catch (error) {
      host.fail("The account's contacts were not added", error, () => detach(this.addAllContacts()));
    } finally {
      host.busy = false;
    }
  }

  /** Adds these people; "Try again" after row errors adds only the ones that failed. */
  async add(people: NewPerson[]): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId || host.readOnly || people.length === 0) return;
    const outcome = await this.runner.runPartial(addPeopleCommand(this.api, mapId, people), (rest) =>
      detach(this.add(rest))
    );
    if (outcome && !outcome.problem) this.close();
  }
}
