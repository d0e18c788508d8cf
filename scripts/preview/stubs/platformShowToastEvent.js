/**
 * `lightning/platformShowToastEvent` for the local preview (the real module exists only inside
 * Lightning Experience). Same event name and detail as the platform; the preview page listens for
 * it and shows an SLDS toast.
 */
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(detail) {
    super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail });
  }
}
