/**
 * The end of a form: why it cannot be sent (a paragraph read out as an alert, focusable, shown
 * while `error` is set), then Cancel and the form's brand button. Events up, not bubbling, not
 * composed: `cancel` and `submit`. `modal` lays the buttons out as a dialog's footer; `disabled`
 * greys both out (while the form's call runs). The form moves focus into it with `focusOn` and asks `holdsFocus`.
 */
import { LightningElement, api } from 'lwc';
import { focusInside, focusedInside } from 'c/relationshipMapForm';

export default class RelationshipMapFormFooter extends LightningElement {
  /** Why the form cannot be sent; '' or null shows nothing. */
  @api error: string | null = '';
  /** `data-id` of the error paragraph, of Cancel and of the brand button. */
  @api errorId = '';
  @api cancelId = '';
  @api submitId = '';
  @api submitLabel = '';
  @api disabled = false;
  /** A dialog's footer (slds-modal__footer) rather than a row under the fields. */
  @api modal = false;

  get rowClass(): string {
    return this.modal ? 'buttons slds-modal__footer' : 'buttons slds-grid slds-grid_align-end slds-m-top_small';
  }

  get cancelButton() {
    return { label: 'Cancel', disabled: this.disabled };
  }

  get submitButton() {
    return { label: this.submitLabel, variant: 'brand', disabled: this.disabled };
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSubmit(): void {
    this.dispatchEvent(new CustomEvent('submit'));
  }

  /** Focuses the element `selector` names (the error, a button); whether it did. */
  @api
  focusOn(selector: string): boolean {
    return focusInside(this.template, selector);
  }

  /** Whether the button `selector` names has the focus (a dialog wraps Tab round at its last button). */
  @api
  holdsFocus(selector: string): boolean {
    return focusedInside(this.template, selector);
  }
}
