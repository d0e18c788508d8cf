/**
 * A person's edits from the panel, run for the container: an edit that marks someone as left
 * first shows what changes if they leave (./whatIfModel), then every edit is saved optimistic and
 * version-checked (./personCommands); when someone changed the person meanwhile, the person is
 * reloaded and the panel reopens the rep's edit with what they typed. The container owns the
 * fields; this module sets them through `EditingHost` (the container passes itself, so LWC sees
 * every change). No component code: Apex comes in as `api`.
 */
import type { MapGraph, PersonChanges } from 'c/relationshipMapApi';
import type { RejectedEdit, UpdatePersonDetail } from 'c/relationshipMapPersonPanel';
import { reopenedEdit, savePersonCommand } from './personCommands';
import type { EditsInFlight, PersonApi } from './personCommands';
import { detach } from './running';
import type { CommandRunner } from './running';
import { marksAsLeft } from './whatIfModel';
import type { WhatIfRequest } from './whatIfModel';

/** The container's fields an edit reads and sets. */
export interface EditingHost {
  readonly graph: MapGraph | null;
  readonly selectedId: string | null;
  readonly editsInFlight: EditsInFlight;
  rejectedEdit: RejectedEdit | null;
  whatIf: WhatIfRequest | null;
  notice: { title: string; message: string; retry: (() => void) | null } | null;
}

/** Reloading a person (./loading's MapLoading). */
export interface PersonReloader {
  loadDetails(personId: string, force?: boolean): Promise<boolean>;
  refreshPerson(personId: string, withRecord: boolean): Promise<void>;
}

export class PersonEditing {
  constructor(
    private readonly host: EditingHost,
    private readonly api: PersonApi,
    private readonly runner: CommandRunner,
    private readonly loading: PersonReloader
  ) {}

  /** The panel's edit; marking someone as left asks first ("If <name> leaves"). */
  update(detail: UpdatePersonDetail | null | undefined): void {
    const host = this.host;
    const { personId, fields } = detail ?? ({} as UpdatePersonDetail);
    if (host.rejectedEdit?.personId === personId) host.rejectedEdit = null;
    if (!personId || !fields) return;
    if (marksAsLeft(host.graph?.people, personId, fields)) host.whatIf = { personId, trim: false, leave: fields };
    else this.save(personId, fields);
  }

  /** "Mark <name> as left" in the what-if: the edit is saved. */
  confirmLeave(): void {
    const request = this.host.whatIf;
    this.host.whatIf = null;
    if (request?.leave) this.save(request.personId, request.leave);
  }

  /** An edit, optimistic and version-checked (./personCommands); "Try again" saves it anew. */
  private save(personId: string, fields: PersonChanges): void {
    const command = savePersonCommand(
      this.api,
      this.host.graph,
      personId,
      fields,
      this.host.editsInFlight,
      (message, seen) => detach(this.showTheirChanges(personId, fields, message, seen))
    );
    const retry = () => this.save(personId, fields);
    if (command) this.runner.run(command, { after: () => this.loading.refreshPerson(personId, false), retry });
  }

  /**
   * After a refused save that carried a version: the person is reloaded (their version replaces
   * ours), and when someone changed them meanwhile the panel reopens the rep's edit with what they
   * typed (reopenedEdit).
   */
  private async showTheirChanges(
    personId: string,
    fields: PersonChanges,
    message: string,
    seen: string
  ): Promise<void> {
    const host = this.host;
    const loaded = await this.loading.loadDetails(personId, true);
    const version = host.graph?.people.find((p) => p.id === personId)?.version ?? null;
    const edit = reopenedEdit(personId, fields, message, seen, loaded, version);
    if (!edit) return;
    if (host.selectedId === personId) host.rejectedEdit = edit;
    // No "Try again" here: re-sending the same fields would now overwrite their change unseen. The
    // reopened edit form, with their version on screen, is where the rep applies theirs on top.
    if (host.notice?.message === message) host.notice = { ...host.notice, retry: null };
    detach(this.loading.refreshPerson(personId, false));
  }
}
