/**
 * The "New relationship map" dialog: name, our goal, the account's goal, target date, status and
 * "Include everyone". It checks what was typed (our goal is required, lengths, the date) before it
 * asks for anything, keeps the focus inside while open, and closes on Escape. It owns the draft;
 * the container owns the Apex call:
 * - `create` (detail: NewMapDetail, trimmed, blanks as null) when the rep confirms a valid draft
 * - `cancel` on Cancel or Escape (not while creating)
 * The container passes `creating` while the call runs and `error` when Salesforce refused; the
 * dialog keeps what was typed.
 */
import { LightningElement, api } from 'lwc';
import { MAP_STATUSES } from 'c/relationshipMapApi';
import type { MapStatus, NewMap } from 'c/relationshipMapApi';
import { focusPending } from 'c/relationshipMapFocus';

/** What the rep entered: a NewMap without the account (the container knows it). */
export type NewMapDetail = Omit<NewMap, 'accountId'>;

interface Draft {
  name: string;
  goal: string;
  accountGoal: string;
  targetDate: string;
  status: MapStatus;
  includeEveryone: boolean;
}

/** One lightning-input of the dialog, in the order it shows them. */
interface Input {
  field: 'name' | 'goal' | 'accountGoal' | 'targetDate';
  type: 'text' | 'date';
  label: string;
  dataId: string;
  required: boolean;
  maxLength?: number;
  help?: string;
  value: string;
}

/** A base component as far as validation goes (lightning-input and friends). */
type Validatable = HTMLElement & { reportValidity?: () => boolean };

export const NAME_MAX = 80;
export const GOAL_MAX = 255;

const INCLUDE_EVERYONE_HELP =
  "Places every contact of this account, the account owner and the account team on the map, with Reports To links from the contacts' managers. You can trim people from the map afterwards.";

/** What is wrong with a draft, in a sentence for the rep; null when it can be sent. */
export function draftProblem(d: Draft): string | null {
  if (!d.goal.trim()) return 'Our goal is required: what do we want to achieve with this account?';
  if (d.goal.trim().length > GOAL_MAX) return `Our goal can be at most ${GOAL_MAX} characters.`;
  if (d.name.trim().length > NAME_MAX) return `The map name can be at most ${NAME_MAX} characters.`;
  if (d.accountGoal.trim().length > GOAL_MAX) return `The account's goal can be at most ${GOAL_MAX} characters.`;
  if (d.targetDate && !/^\d{4}-\d{2}-\d{2}$/.test(d.targetDate)) return 'Enter the target date as a date.';
  return null;
}

export default class RelationshipMapNewMap extends LightningElement {
  /** True while the container's createMap call runs. */
  @api creating = false;

  private serverError: string | null = null;
  /** Why Salesforce refused the map (shown inside the dialog). */
  @api
  get error(): string | null {
    return this.serverError;
  }
  set error(value: string | null) {
    this.serverError = value || null;
    if (value) this.pendingFocus = '[data-id="modal-error"]';
  }

  draft: Draft = { name: '', goal: '', accountGoal: '', targetDate: '', status: 'Draft', includeEveryone: false };
  /** What the dialog's own check found. */
  private problem: string | null = null;
  private pendingFocus: string | null = '[data-id="new-name"]';

  renderedCallback(): void {
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
  }

  /** The dialog's own finding first, else Salesforce's refusal. */
  get shownError(): string | null {
    return this.problem ?? this.serverError;
  }

  get statusOptions() {
    return MAP_STATUSES.map((s) => ({ label: s, value: s }));
  }

  get includeEveryoneHelp(): string {
    return INCLUDE_EVERYONE_HELP;
  }

  /** Map name, our goal, the account's goal and the target date, each with its limit and help. */
  get inputs(): Input[] {
    const d = this.draft;
    return [
      {
        field: 'name',
        type: 'text',
        label: 'Map name',
        dataId: 'new-name',
        required: false,
        maxLength: NAME_MAX,
        help: 'A short name for the picker. Leave it blank to use the start of our goal.',
        value: d.name,
      },
      {
        field: 'goal',
        type: 'text',
        label: 'Our goal',
        dataId: 'new-goal',
        required: true,
        maxLength: GOAL_MAX,
        help: 'What we want to achieve with this account, e.g. renew the fleet platform for 3 years.',
        value: d.goal,
      },
      {
        field: 'accountGoal',
        type: 'text',
        label: "The account's goal",
        dataId: 'new-account-goal',
        required: false,
        maxLength: GOAL_MAX,
        help: 'What the account itself wants to achieve, in their words.',
        value: d.accountGoal,
      },
      {
        field: 'targetDate',
        type: 'date',
        label: 'Target date',
        dataId: 'new-target-date',
        required: false,
        value: d.targetDate,
      },
    ];
  }

  get createLabel(): string {
    return this.creating ? 'Creating…' : 'Create map';
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: unknown }>): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as keyof Draft | undefined;
    if (!field) return;
    const { value, checked } = event.detail ?? {};
    if (field === 'includeEveryone') this.draft = { ...this.draft, includeEveryone: checked === true };
    else if (field === 'status')
      this.draft = {
        ...this.draft,
        status: MAP_STATUSES.includes(value as MapStatus) ? (value as MapStatus) : 'Draft',
      };
    else this.draft = { ...this.draft, [field]: typeof value === 'string' ? value : '' };
  }

  handleCancel(): void {
    if (!this.creating) this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleCreate(event?: Event): void {
    event?.preventDefault();
    if (this.creating) return;
    for (const input of Array.from(this.template?.querySelectorAll<Validatable>('[data-field]') ?? [])) {
      input.reportValidity?.();
    }
    this.problem = draftProblem(this.draft);
    if (this.problem) {
      this.pendingFocus = '[data-id="modal-error"]';
      return;
    }
    this.serverError = null;
    const d = this.draft;
    const detail: NewMapDetail = {
      name: d.name.trim() || null,
      goal: d.goal.trim(),
      accountGoal: d.accountGoal.trim() || null,
      targetDate: d.targetDate || null,
      status: d.status,
      includeEveryone: d.includeEveryone,
    };
    this.dispatchEvent(new CustomEvent('create', { detail }));
  }

  handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep the focus inside the dialog.
    const focusable = Array.from(this.template?.querySelectorAll<HTMLElement>('[data-modal-focus]') ?? []);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.template?.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }
}
