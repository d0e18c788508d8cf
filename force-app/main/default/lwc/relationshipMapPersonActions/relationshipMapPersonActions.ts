/**
 * The selected person's map actions, slotted into the person panel's action row after Edit, Log call
 * and Add link: "Trim" (or "Restore" for a trimmed person; the titles say "from/to the map"),
 * "Delete" with its confirmation, or, without the admin permission set, a help icon whose text says
 * that trimming loses nothing. Data only comes down (`name`, `excluded`, `canDelete`, `busy`,
 * `confirming`); the container owns the state and runs the commands. Events up, no detail:
 * `exclude`, `restore`, `askdelete`, `canceldelete`, `confirmdelete`. It moves focus itself: to
 * "No" when the question opens, back to "Delete" when it is answered with No.
 */
import { LightningElement, api } from 'lwc';
import { focusPending } from 'c/relationshipMapFocus';
import type { ButtonActionEvent, ButtonSpec } from 'c/relationshipMapButtons';

export default class RelationshipMapPersonActions extends LightningElement {
  /** The selected person's name, for the question and the buttons' titles. */
  @api name: string | null = null;
  /** The person is trimmed from the map: offer Restore instead of Trim. */
  @api excluded = false;
  /** The user holds the admin permission set: offer Delete instead of the note. */
  @api canDelete = false;
  /** A save is under way: the buttons wait. */
  @api busy = false;
  /** The delete question is open. */
  @api confirming = false;

  private pendingFocus: string | null = null;

  renderedCallback(): void {
    this.pendingFocus = focusPending(this.template, this.pendingFocus);
  }

  get rowClass(): string {
    return this.confirming ? 'rm-person-actions rm-confirming' : 'rm-person-actions';
  }

  /** The question's Yes and No; else Trim or Restore, then Delete for an admin. */
  get buttons(): ButtonSpec[] {
    if (this.confirming) {
      return [
        { id: 'delete-yes', label: 'Yes, delete', variant: 'destructive' },
        { id: 'delete-no', label: 'No' },
      ];
    }
    const busy = this.busy;
    const trim: ButtonSpec = this.excluded
      ? { id: 'restore', label: 'Restore', title: this.restoreLabel, disabled: busy }
      : { id: 'exclude', label: 'Trim', title: this.excludeLabel, disabled: busy };
    const remove: ButtonSpec = { id: 'delete', label: 'Delete', variant: 'destructive-text', disabled: busy };
    return this.canDelete ? [trim, remove] : [trim];
  }

  /** The row's one handler: which button was clicked. */
  handleAction(event: ButtonActionEvent): void {
    const handlers: Record<string, () => void> = {
      'delete-yes': () => this.handleConfirmDelete(),
      'delete-no': () => this.handleCancelDelete(),
      restore: () => this.handleRestore(),
      exclude: () => this.handleExclude(),
      delete: () => this.handleAskDelete(),
    };
    handlers[event.detail]?.();
  }

  get showTrimHint(): boolean {
    return !this.confirming && !this.canDelete;
  }

  get deleteQuestion(): string {
    return `Delete ${this.name ?? 'this person'} from the map? Their links are deleted too. Their change history is kept.`;
  }

  /** Shown instead of Delete without the admin permission set: trimming loses nothing. */
  get trimHint(): string {
    return this.excluded
      ? 'Trimmed people keep their details, links and history. Only a Relationship Maps admin can delete people.'
      : 'Trimming hides them from the map and keeps their details, links and history; "Show excluded" brings them back. Only a Relationship Maps admin can delete people.';
  }

  get excludeLabel(): string {
    return `Trim ${this.name ?? ''} from the map`;
  }

  get restoreLabel(): string {
    return `Restore ${this.name ?? ''} to the map`;
  }

  handleExclude(): void {
    this.dispatchEvent(new CustomEvent('exclude'));
  }

  handleRestore(): void {
    this.dispatchEvent(new CustomEvent('restore'));
  }

  handleAskDelete(): void {
    if (!this.canDelete) return;
    this.pendingFocus = '[data-id="delete-no"]';
    this.dispatchEvent(new CustomEvent('askdelete'));
  }

  handleCancelDelete(): void {
    this.pendingFocus = '[data-id="delete"]';
    this.dispatchEvent(new CustomEvent('canceldelete'));
  }

  handleConfirmDelete(): void {
    this.dispatchEvent(new CustomEvent('confirmdelete'));
  }
}
