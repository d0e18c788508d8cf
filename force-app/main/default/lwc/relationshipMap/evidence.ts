/**
 * The map tab's activity evidence (issue 17): loading it in its own call once the map is on screen
 * (a failure is a quiet line, never a blocked map), and what the rep does with a suggestion:
 * accept a link (a Relationship link of the tie's strength, our person From, theirs To), accept a
 * person (added to the map: a contact as Customer, a user as Our Company), or dismiss it (hidden at
 * once, remembered on the map by dismissSuggestion, back with a toast when that fails). The
 * container owns the fields; this module sets them through `EvidenceHost` (the container passes
 * itself, so LWC sees every change). No component code: Apex comes in as `api`.
 */
import type { MapEvidence } from 'c/relationshipGraph';
import type { MapGraph } from 'c/relationshipMapApi';
import { reduceError } from 'c/relationshipMapApi';
import { addLinkCommand } from './commands';
import type { CommandApi } from './commands';
import { acceptanceOf } from './evidenceModel';
import type { EvidenceStatus, OpenSuggestions } from './evidenceModel';
import { detach } from './running';
import type { CommandRunner } from './running';
import type { NewPerson } from 'c/relationshipMapApi';

/** What the evidence needs from Apex (a subset of c/relationshipMapApi). */
export interface EvidenceApi extends CommandApi {
  getEvidence(mapId: string, windowMonths: number): Promise<MapEvidence>;
  dismissSuggestion(mapId: string, key: string): Promise<string[]>;
}

/** The container's fields the evidence fills, and what it asks of the container. */
export interface EvidenceHost {
  readonly selectedMapId: string | null;
  readonly readOnly: boolean;
  readonly graph: MapGraph | null;
  evidence: MapEvidence | null;
  evidenceStatus: EvidenceStatus;
  evidenceError: string;
  /** Suggestions being accepted or dismissed: hidden until the answer. */
  hiddenSuggestions: string[];
  readonly vm: { readonly evidenceSettings: { windowMonths: number }; readonly suggestions: OpenSuggestions };
  fail(title: string, error: unknown, retry: (() => void) | null): string;
}

/** Adding people (./addingPeople): resolves once the map shows them. */
export interface PeopleAdder {
  add(people: NewPerson[]): Promise<void>;
}

/** A map's evidence as it arrives: the lists always lists. */
function cleaned(evidence: MapEvidence | null | undefined): MapEvidence | null {
  if (!evidence || typeof evidence !== 'object') return null;
  return {
    ...evidence,
    buckets: Array.isArray(evidence.buckets) ? evidence.buckets : [],
    people: Array.isArray(evidence.people) ? evidence.people : [],
    dismissed: Array.isArray(evidence.dismissed) ? evidence.dismissed : [],
    truncated: evidence.truncated === true,
  };
}

export class MapEvidenceLoading {
  private token = 0;

  constructor(
    private readonly host: EvidenceHost,
    private readonly api: EvidenceApi,
    private readonly runner: CommandRunner,
    private readonly adding: PeopleAdder
  ) {}

  /** Another map (or none): its evidence no longer counts. */
  forget(): void {
    this.token++;
    const host = this.host;
    host.evidence = null;
    host.evidenceStatus = '';
    host.evidenceError = '';
    host.hiddenSuggestions = [];
  }

  /** Loads the open map's evidence; what is shown stays until the answer replaces it. */
  async load(): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId) return;
    const token = ++this.token;
    host.evidenceStatus = 'loading';
    host.evidenceError = '';
    try {
      const evidence = await this.api.getEvidence(mapId, host.vm.evidenceSettings.windowMonths);
      if (token !== this.token) return;
      host.evidence = cleaned(evidence);
      host.evidenceStatus = '';
    } catch (error) {
      if (token !== this.token) return;
      host.evidenceStatus = 'error';
      host.evidenceError = reduceError(error);
    }
  }

  private hide(key: string): void {
    this.host.hiddenSuggestions = [...this.host.hiddenSuggestions, key];
  }

  private unhide(key: string): void {
    this.host.hiddenSuggestions = this.host.hiddenSuggestions.filter((k) => k !== key);
  }

  /** "Add link" or "Add to map" on a suggestion. */
  accept(key: string): void {
    const host = this.host;
    const mapId = host.selectedMapId;
    const acceptance = mapId && !host.readOnly ? acceptanceOf(host.vm.suggestions, key) : null;
    if (!mapId || !acceptance) return;
    this.hide(key);
    if (acceptance.kind === 'link') {
      const { fromId, toId, strength } = acceptance;
      const command = addLinkCommand(
        this.api,
        mapId,
        { fromId, toId, type: 'Relationship', strength, notes: null },
        host.graph
      );
      // Added, the link ends the suggestion (the analytics suggest none beside a Relationship link).
      this.runner.run({ ...command, done: () => this.unhide(key) });
      return;
    }
    const person: NewPerson = { recordId: acceptance.recordId, side: acceptance.side };
    // Added, the map reloads in place, and with it the evidence (the container's reloadInPlace).
    detach(this.adding.add([person]).finally(() => this.unhide(key)));
  }

  /** "Dismiss": hidden at once, remembered on the map; back, with a toast, when that fails. */
  async dismiss(key: string): Promise<void> {
    const host = this.host;
    const mapId = host.selectedMapId;
    if (!mapId || host.readOnly || host.hiddenSuggestions.includes(key)) return;
    this.hide(key);
    try {
      const keys = await this.api.dismissSuggestion(mapId, key);
      const evidence = host.evidence;
      if (mapId !== host.selectedMapId || !evidence) return;
      const dismissed = Array.isArray(keys) ? keys : evidence.dismissed;
      host.evidence = { ...evidence, dismissed: dismissed.includes(key) ? dismissed : [...dismissed, key] };
    } catch (error) {
      if (mapId === host.selectedMapId) {
        host.fail('The suggestion was not dismissed', error, () => detach(this.dismiss(key)));
      }
    } finally {
      this.unhide(key);
    }
  }
}
