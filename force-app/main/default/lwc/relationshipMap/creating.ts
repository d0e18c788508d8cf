/**
 * "New map": opens and cancels the dialog, creates the map through the controller, puts it first in the picker and opens it;
 * a refusal stays in the dialog (and in a toast). Handed the component as its host, like the
 * other modules of this bundle: it reads and sets the host's fields, so LWC sees every change.
 */
import type { MapSummary, NewMap, CreateMapResult } from 'c/relationshipMapApi';
import type { NewMapDetail } from 'c/relationshipMapNewMap';
import { plural } from 'c/relationshipMapFormat';
import { rowErrors } from './commands';
import type { ToastVariant } from './commands';
import { isReadOnlyError } from './mapModel';

export interface CreatingHost {
  accountId: string | null;
  creating: boolean;
  readOnly: boolean;
  modalOpen: boolean;
  modalError: string | null;
  maps: MapSummary[] | null;
  returnFocus: string | null;
  pendingFocus: string | null;
  toast(title: string, message: string, variant?: ToastVariant): void;
  enterReadOnly(message: string): void;
  selectMap(mapId: string): void;
  readonly vm: { readonly cannotCreate: boolean };
}

export interface CreatingApi {
  createMap(newMap: NewMap): Promise<CreateMapResult>;
  reduceError(error: unknown): string;
}

/** Opens the dialog; focus goes back to the button that opened it (`data-id`) when it closes. */
export function openNewMap(host: CreatingHost, opener: string | undefined): void {
  if (host.vm.cannotCreate) return;
  host.returnFocus = opener ? `[data-id="${opener}"]` : null;
  host.modalError = null;
  host.modalOpen = true;
}

/** Cancel (nothing while creating): the dialog closes and focus goes back. */
export function cancelNewMap(host: CreatingHost): void {
  if (host.creating) return;
  host.modalOpen = false;
  host.modalError = null;
  host.pendingFocus = host.returnFocus ?? '[data-id="new-map"]';
}

/** Creates the map the dialog describes on the host's account (nothing while read-only or already creating). */
export async function createMap(host: CreatingHost, api: CreatingApi, detail: NewMapDetail): Promise<void> {
  const accountId = host.accountId;
  if (!accountId || host.creating || host.readOnly) return;
  const newMap: NewMap = { ...detail, accountId };
  host.creating = true;
  host.modalError = null;
  try {
    const result = await api.createMap(newMap);
    const summary = result.summary;
    host.maps = [summary, ...(host.maps ?? []).filter((m) => m.id !== summary.id)];
    const placed = result.people?.savedIds?.length ?? 0;
    host.toast(
      'Map created',
      newMap.includeEveryone
        ? `${summary.name}: ${plural(placed, 'person', 'people')} placed on the map.`
        : summary.name
    );
    const problems = rowErrors(result.people);
    if (problems) host.toast('Some people were not placed', problems, 'warning');
    host.creating = false;
    host.modalOpen = false;
    host.returnFocus = null;
    host.pendingFocus = '[data-id="picker"]';
    host.selectMap(summary.id);
  } catch (error) {
    const message = api.reduceError(error);
    host.modalError = message;
    host.toast('The map was not created', message, 'error');
    if (isReadOnlyError(message)) host.enterReadOnly(message);
  } finally {
    host.creating = false;
  }
}
