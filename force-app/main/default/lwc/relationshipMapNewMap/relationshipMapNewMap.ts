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
import { focusPendingInForm, formFocusIs, picklistField, withChange } from 'c/relationshipMapForm';
import type { FieldChange, FieldSpec } from 'c/relationshipMapForm';
import { runFormAction } from 'c/relationshipMapFormBox';
import type { FooterSpec, FormAction, FormBoxSpec } from 'c/relationshipMapFormBox';

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

/** The dialog's body as far as validation and focus go. */
type BoxPart = HTMLElement & { showValidity?: () => void; firstFieldHasFocus?: () => boolean };

const BOX = 'c-relationship-map-form-box';

/** The dialog's first field and its last button, where Tab wraps round. */
const FIRST = '[data-id="new-name"]';
const LAST_ID = 'new-create';
const LAST = `[data-id="${LAST_ID}"]`;

export const NAME_MAX = 80;
export const GOAL_MAX = 255;

const NAME_HELP = 'A short name for the picker. Leave it blank to use the start of our goal.';
const GOAL_HELP = 'What we want to achieve with this account, e.g. renew the fleet platform for 3 years.';
const ACCOUNT_GOAL_HELP = 'What the account itself wants to achieve, in their words.';
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
  private pendingFocus: string | null = FIRST;

  renderedCallback(): void {
    this.pendingFocus = focusPendingInForm(this.template, this.pendingFocus);
  }

  /** The dialog's own finding first, else Salesforce's refusal. */
  get shownError(): string | null {
    return this.problem ?? this.serverError;
  }

  /** Map name, our goal and the account's goal (each with its limit and help), target date, status, "Include everyone". */
  get fields(): FieldSpec[] {
    const d = this.draft;
    /** A text with the most it may hold; `dataId` names it for focus and tests. */
    const text = (key: 'name' | 'goal' | 'accountGoal', dataId: string, label: string, max: number, help: string) =>
      ({ key, kind: 'text', label, value: d[key], dataId, maxLength: max, help }) as FieldSpec;
    const statuses = MAP_STATUSES.map((s) => ({ label: s, value: s }));
    return [
      text('name', 'new-name', 'Map name', NAME_MAX, NAME_HELP),
      { ...text('goal', 'new-goal', 'Our goal', GOAL_MAX, GOAL_HELP), required: true },
      text('accountGoal', 'new-account-goal', "The account's goal", GOAL_MAX, ACCOUNT_GOAL_HELP),
      { key: 'targetDate', kind: 'date', label: 'Target date', value: d.targetDate, dataId: 'new-target-date' },
      picklistField('status', 'Status', d.status, statuses),
      {
        key: 'includeEveryone',
        kind: 'checkbox',
        label: 'Include everyone',
        checked: d.includeEveryone,
        dataId: 'new-include-everyone',
        help: INCLUDE_EVERYONE_HELP,
      },
    ];
  }

  get createLabel(): string {
    return this.creating ? 'Creating…' : 'Create map';
  }

  /** The dialog's scrolling body: the error as a banner, then the fields (the dialog draws its frame and footer). */
  get box(): FormBoxSpec {
    const error = this.shownError;
    return { alerts: error ? [{ alertId: 'modal-error', message: error, banner: true }] : [], fields: this.fields };
  }

  /** The dialog's footer: Cancel and Create, both greyed out while the map is being created. */
  get footer(): FooterSpec {
    return {
      modal: true,
      cancelId: 'new-cancel',
      submitId: LAST_ID,
      submitLabel: this.createLabel,
      disabled: this.creating,
    };
  }

  handleAction(event: CustomEvent<FormAction>): void {
    runFormAction(this, event.detail);
  }

  change(change: FieldChange): void {
    const next = withChange(this.draft, change);
    this.draft = { ...next, status: MAP_STATUSES.includes(next.status) ? next.status : 'Draft' };
  }

  cancel(): void {
    this.handleCancel();
  }

  submit(): void {
    this.handleCreate();
  }

  handleCancel(): void {
    if (!this.creating) this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleCreate(event?: Event): void {
    event?.preventDefault();
    if (this.creating) return;
    this.template?.querySelector<BoxPart>(BOX)?.showValidity?.();
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
    // Keep the focus inside the dialog: past Create back to the first field, and the other way round.
    const template = this.template;
    const onFirst = template?.querySelector<BoxPart>(BOX)?.firstFieldHasFocus?.() === true;
    if (event.shiftKey ? onFirst : formFocusIs(template, LAST)) {
      event.preventDefault();
      focusPendingInForm(template, event.shiftKey ? LAST : FIRST);
    }
  }
}
