/**
 * The close (×) button at the end of a panel's header (the person panel, Add people, "If <name>
 * leaves"): a bare `utility:close` icon button whose `label` is its alternative text and title,
 * with the owner's `data-id`. Event up, not bubbling: `close`.
 *
 * Light DOM (renderMode 'light'): the button renders into the owner's tree, so the owner's
 * `data-id` hook, focus moves and tests find it as before; the host takes no box of its own.
 */
import { LightningElement, api } from 'lwc';

export default class RelationshipMapCloseButton extends LightningElement {
  static renderMode = 'light' as const;

  /** What the button says to a screen reader and on hover ("Close", "Close panel"). */
  @api label = 'Close';
  /** `data-id` of the button. */
  @api closeId = '';

  handleClick(event: Event): void {
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('close'));
  }
}
