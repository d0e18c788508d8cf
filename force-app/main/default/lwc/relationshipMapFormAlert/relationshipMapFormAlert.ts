/**
 * A box above a form's fields that is read out as an alert and can take the focus: a sentence
 * (`message`) and, when given, a list under it (`items`). `banner` draws it as an SLDS error
 * alert (the new-map dialog); otherwise a small box with a red edge (the Edit form's refusal and
 * its list of problems). The form moves focus into it with `focusOn`.
 */
import { LightningElement, api } from 'lwc';
import { focusInside } from 'c/relationshipMapForm';

export default class RelationshipMapFormAlert extends LightningElement {
  @api message = '';
  @api items: string[] | null = null;
  /** `data-id` of the box. */
  @api alertId = '';
  @api banner = false;

  get boxClass(): string {
    return this.banner
      ? 'slds-notify slds-notify_alert slds-alert_error slds-m-bottom_small'
      : 'slds-box slds-box_x-small slds-m-bottom_small errors';
  }

  get hasItems(): boolean {
    return (this.items?.length ?? 0) > 0;
  }

  /** Focuses the box if `selector` names it; whether it did. */
  @api
  focusOn(selector: string): boolean {
    return focusInside(this.template, selector);
  }
}
