/**
 * A row of buttons described by data: the one `lightning-button` markup the map's parts share
 * (the person's Trim/Restore/Delete and their question, a link's Cancel/Save and Yes/No, Add
 * people's buttons, the tab's states and notices). Each part builds its buttons in TypeScript
 * (`ButtonSpec`) and handles one event, `action` (detail: the clicked button's `id`).
 *
 * Light DOM (renderMode 'light'): the buttons render into the owner's own tree, so the owner's
 * `data-id` hooks, focus moves (`this.template.querySelector`) and tests find them as before, and
 * they take part in the owner's layout. The host takes no box of its own (`display: contents`).
 */
import { LightningElement, api } from 'lwc';

/** One button. `id` is its `data-id` and what `action` reports. */
export interface ButtonSpec {
  id: string;
  label: string;
  /** lightning-button's variant; neutral when left out. */
  variant?: string;
  title?: string;
  iconName?: string;
  disabled?: boolean;
  /** Extra classes on the button (spacing). */
  className?: string;
}

/** `action`: which button was clicked. */
export type ButtonActionEvent = CustomEvent<string>;

export default class RelationshipMapButtons extends LightningElement {
  static renderMode = 'light' as const;

  /** The buttons, in order. */
  @api buttons: ButtonSpec[] = [];

  /** Each button's id and its lightning-button properties (only those it sets). */
  get items(): { id: string; props: Record<string, unknown> }[] {
    return (this.buttons ?? []).map(({ id, ...props }) => ({
      id,
      props: Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)),
    }));
  }

  handleClick(event: Event): void {
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) this.dispatchEvent(new CustomEvent<string>('action', { detail: id }));
  }
}
