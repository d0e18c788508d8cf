/**
 * "Add people": search the account's contacts and our own users, tick several, add them at once.
 *
 * The component never calls Apex. Typing fires `search` `{ term }` once the user pauses (300 ms)
 * and has typed at least 2 characters; the container answers by setting `candidates` (and
 * `searching` while it waits). "Add N people" fires `addpeople` `{ contactIds, userIds }`. Ticks
 * survive a new search, so people found by different searches can be added together.
 *
 * "Add everyone not on the map" ("map everyone first, then trim"): the button fires
 * `counteveryone`; the container answers by setting `everyoneCount`, and the panel asks for
 * confirmation with the numbers. "Yes" fires `addeveryone`, "Cancel" `canceleveryone`; while the
 * container works `everyoneStatus` is `counting` or `adding`. All events are dispatched with
 * `bubbles: false, composed: false`.
 */
import { LightningElement, api } from 'lwc';
import type { EveryoneCount, PersonCandidate } from 'c/relationshipMapApi';
import { plural } from 'c/relationshipMapFormat';
import type { ButtonActionEvent, ButtonSpec } from 'c/relationshipMapButtons';

/** What the container is doing for "Add everyone not on the map". */
export type EveryoneStatus = '' | 'counting' | 'adding';

/** `search`: the trimmed search text (at least MIN_TERM_LENGTH characters). */
export interface SearchDetail {
  term: string;
}

/** `addpeople`: the ticked contacts and users. */
export interface AddPeopleDetail {
  contactIds: string[];
  userIds: string[];
}

const MIN_TERM_LENGTH = 2;
const SEARCH_DELAY_MS = 300;

/** "1 person", "3 people". */
const countPeople = (n: number): string => plural(n, 'person', 'people');

type Kind = 'Contact' | 'User';

/** Users are our own people (Side = Our Company; User Ids start with 005); everyone else is a contact. */
function kindOf(candidate: PersonCandidate): Kind {
  return candidate.side === 'Our Company' || candidate.recordId.startsWith('005') ? 'User' : 'Contact';
}

export default class RelationshipMapAddPeople extends LightningElement {
  /** The people the last search found (the container leaves out those already on the map). */
  @api candidates: PersonCandidate[] = [];
  /** True while the container waits for search results. */
  @api searching = false;
  /** Look people up, but add nobody. */
  @api readOnly = false;
  /** Who "Add everyone" would add (the container's answer to `counteveryone`); null = not asked. */
  @api everyoneCount: EveryoneCount | null = null;
  /** `counting` while the container counts, `adding` while it adds everyone. */
  @api everyoneStatus: EveryoneStatus = '';

  /** What the user typed. */
  term = '';
  /** The term of the last `search` event: the results belong to it. */
  searchedTerm = '';
  /** Ticked people by record Id, kept across searches. */
  ticked: Map<string, PersonCandidate> = new Map();

  private timer: ReturnType<typeof setTimeout> | null = null;
  private focused = false;

  renderedCallback(): void {
    // The panel opens for typing: focus the search box once.
    if (this.focused) return;
    const search = this.template?.querySelector<HTMLElement>('[data-id="search"]');
    if (search) {
      this.focused = true;
      search.focus();
    }
  }

  disconnectedCallback(): void {
    this.cancelSearch();
  }

  private fire<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: false, composed: false }));
  }

  private cancelSearch(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  // ---------------------------------------------------------------- search

  handleTermChange(event: CustomEvent<{ value?: unknown }>): void {
    const value = event.detail?.value;
    this.term = typeof value === 'string' ? value : '';
    this.cancelSearch();
    const term = this.term.trim();
    if (term.length < MIN_TERM_LENGTH) return;
    // Debounce: search once the user pauses typing, not on every keystroke.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setTimeout(() => {
      this.timer = null;
      this.searchedTerm = term;
      this.fire<SearchDetail>('search', { term });
    }, SEARCH_DELAY_MS);
  }

  /** The user typed something, but too little to search. */
  get showHint(): boolean {
    const length = this.term.trim().length;
    return length > 0 && length < MIN_TERM_LENGTH;
  }

  get hint(): string {
    return `Type at least ${MIN_TERM_LENGTH} characters to search.`;
  }

  // ---------------------------------------------------------------- results

  get results() {
    return (this.candidates ?? []).map((c) => {
      const kind = kindOf(c);
      return {
        id: c.recordId,
        name: c.name,
        details: [c.title, kind === 'User' ? 'User (our company)' : 'Contact']
          .filter((s) => !!s && s.trim() !== '')
          .join(' · '),
        kind,
        checked: this.ticked.has(c.recordId),
      };
    });
  }

  /** Read between a name and its details (which are shown on a line of their own). */
  readonly comma = ', ';

  get hasResults(): boolean {
    return (this.candidates ?? []).length > 0;
  }

  /** A search ran, finished, and found nobody. */
  get showEmpty(): boolean {
    return !this.searching && !this.hasResults && this.searchedTerm !== '' && this.term.trim() === this.searchedTerm;
  }

  get emptyMessage(): string {
    return `No contacts or users match "${this.searchedTerm}", or they are all on the map already.`;
  }

  get resultsLabel(): string {
    const n = (this.candidates ?? []).length;
    return `${countPeople(n)} found`;
  }

  handleToggle(event: Event): void {
    if (this.readOnly) return;
    const input = event.currentTarget as HTMLInputElement;
    const id = input.dataset.id ?? '';
    const candidate = (this.candidates ?? []).find((c) => c.recordId === id);
    const ticked = new Map(this.ticked);
    if (input.checked && candidate) ticked.set(id, candidate);
    else ticked.delete(id);
    this.ticked = ticked;
  }

  // ---------------------------------------------------------------- adding

  get canAdd(): boolean {
    return !this.readOnly;
  }

  get busy(): string {
    return this.searching ? 'true' : 'false';
  }

  get nothingSelected(): boolean {
    return this.ticked.size === 0;
  }

  get addLabel(): string {
    const n = this.ticked.size;
    if (n === 0) return 'Add people';
    return `Add ${countPeople(n)}`;
  }

  get selectionSummary(): string {
    const n = this.ticked.size;
    return `${countPeople(n)} selected`;
  }

  handleAdd(): void {
    if (this.readOnly || this.ticked.size === 0) return;
    const people = [...this.ticked.values()];
    const detail: AddPeopleDetail = {
      contactIds: people.filter((p) => kindOf(p) === 'Contact').map((p) => p.recordId),
      userIds: people.filter((p) => kindOf(p) === 'User').map((p) => p.recordId),
    };
    this.ticked = new Map();
    this.fire<AddPeopleDetail>('addpeople', detail);
  }

  // ---------------------------------------------------------------- everyone

  get everyoneCounting(): boolean {
    return this.everyoneStatus === 'counting';
  }

  get everyoneAdding(): boolean {
    return this.everyoneStatus === 'adding';
  }

  /** The count is in: ask before adding (not while adding). */
  get everyoneConfirming(): boolean {
    return !!this.everyoneCount && !this.everyoneAdding;
  }

  private get everyoneTotal(): number {
    const count = this.everyoneCount;
    return count ? (count.contacts ?? 0) + (count.users ?? 0) : 0;
  }

  get everyoneHasPeople(): boolean {
    return this.everyoneTotal > 0;
  }

  get everyoneQuestion(): string {
    const count = this.everyoneCount;
    const total = this.everyoneTotal;
    if (!count || total === 0) {
      return 'Everyone around this account is on the map already. Trimmed people stay trimmed: select one and choose Restore to bring them back.';
    }
    const parts: string[] = [];
    if (count.contacts > 0)
      parts.push(count.contacts === 1 ? "1 of the account's contacts" : `${count.contacts} of the account's contacts`);
    if (count.users > 0)
      parts.push(
        count.users === 1
          ? '1 of our people (owner or account team)'
          : `${count.users} of our people (owner and account team)`
      );
    return `Add ${countPeople(total)} not on the map yet: ${parts.join(' and ')}? Contacts get Reports To links to their managers. You can trim anyone afterwards.`;
  }

  get everyoneConfirmLabel(): string {
    const total = this.everyoneTotal;
    return `Add ${countPeople(total)}`;
  }

  get everyoneCancelLabel(): string {
    return this.everyoneHasPeople ? 'Cancel' : 'OK';
  }

  get everyoneProgress(): string {
    const total = this.everyoneTotal;
    return total > 0 ? `Adding ${countPeople(total)} to the map…` : 'Adding everyone to the map…';
  }

  // ---------------------------------------------------------------- buttons

  /** "Add everyone not on the map", before the count is in. */
  get everyoneAskButtons(): ButtonSpec[] {
    return [
      {
        id: 'everyone-ask',
        label: 'Add everyone not on the map',
        iconName: 'utility:groups',
        disabled: this.everyoneCounting,
      },
    ];
  }

  /** The count's answer: Add N (when there is anyone to add), then Cancel (or OK). */
  get everyoneButtons(): ButtonSpec[] {
    const no: ButtonSpec = { id: 'everyone-no', label: this.everyoneCancelLabel };
    return this.everyoneHasPeople
      ? [{ id: 'everyone-yes', label: this.everyoneConfirmLabel, variant: 'brand' }, no]
      : [no];
  }

  get footerButtons(): ButtonSpec[] {
    return [
      { id: 'cancel', label: 'Cancel' },
      { id: 'add', label: this.addLabel, variant: 'brand', disabled: this.nothingSelected },
    ];
  }

  /** Every button but Close: which one was clicked. */
  handleAction(event: ButtonActionEvent): void {
    const handlers: Record<string, () => void> = {
      'everyone-ask': () => this.handleEveryoneAsk(),
      'everyone-yes': () => this.handleEveryoneYes(),
      'everyone-no': () => this.handleEveryoneCancel(),
      cancel: () => this.handleClose(),
      add: () => this.handleAdd(),
    };
    handlers[event.detail]?.();
  }

  handleEveryoneAsk(): void {
    if (this.readOnly || this.everyoneStatus !== '') return;
    this.fire('counteveryone', {});
  }

  handleEveryoneYes(): void {
    if (this.readOnly || !this.everyoneHasPeople || this.everyoneStatus !== '') return;
    this.fire('addeveryone', {});
  }

  handleEveryoneCancel(): void {
    this.fire('canceleveryone', {});
  }

  handleClose(): void {
    this.cancelSearch();
    this.fire('close', {});
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    event.stopPropagation();
    this.handleClose();
  }
}
