/**
 * A group of values to pick with one click each, under its label and help when given: one
 * `<button>` per value, `aria-pressed` on the ones that are on (the person's stance and sentiment, the toolbar's quick filters), an optional
 * colour swatch with a letter before the name. Read-only, it shows the value as text instead (with
 * its swatch), under `data-field`. Event up, not bubbling: `choose` (`ChooseDetail`: the group's
 * `name` and the clicked value); the owner decides what a click means.
 *
 * Light DOM (renderMode 'light'): the buttons render into the owner's tree, so the owner's
 * `data-id` / `data-value` hooks and tests find them as before; the host takes no box of its own
 * (`display: contents`). Its look (`variant`) is in its own scoped stylesheet:
 * - `choice`: outlined buttons, the pressed one with a thick outline (not only a colour)
 * - `compact`: the same, smaller (the person panel's top row)
 * - `toggle`: SLDS neutral buttons, brand while on (the toolbar's quick filters)
 */
import { LightningElement, api } from 'lwc';

/** One value to pick. */
export interface ChoiceSpec {
  value: string;
  label: string;
  pressed: boolean;
  title?: string;
  /** `data-id` of the button, where a test or the owner names it. */
  dataId?: string;
  /** A letter drawn in a colour swatch before the label (hidden from screen readers). */
  letter?: string;
  swatchStyle?: string;
}

export type ChoiceVariant = 'choice' | 'compact' | 'toggle';

/** `choose`: which value of which group was clicked. */
export interface ChooseDetail {
  name: string;
  value: string;
}

const BUTTON_CLASSES: Record<ChoiceVariant, [string, string]> = {
  choice: ['slds-button choice', 'slds-button choice choice_pressed'],
  compact: ['slds-button choice choice_compact', 'slds-button choice choice_compact choice_pressed'],
  toggle: ['slds-button slds-button_neutral rm-quick', 'slds-button slds-button_brand rm-quick'],
};

export default class RelationshipMapChoices extends LightningElement {
  static renderMode = 'light' as const;

  /** What the values are of (`stance`, `sentiment`): in `choose`, and `data-field` of the read-only text. */
  @api name = '';
  /** The group's accessible name. */
  @api label = '';
  /** The label shown above the values, with `help` beside it (none when left out). */
  @api heading?: string;
  @api help?: string;
  /** `data-id` of the group. */
  @api groupId = '';
  @api choices: ChoiceSpec[] = [];
  @api variant: ChoiceVariant = 'choice';
  /** Show `value` as text rather than buttons. */
  @api readOnly = false;
  /** The value shown read-only (with the swatch of its choice, if any). */
  @api value = '';

  get headingClass(): string {
    return this.variant === 'compact' ? 'slds-form-element__label heading_compact' : 'slds-form-element__label';
  }

  get items() {
    const [off, on] = BUTTON_CLASSES[this.variant] ?? BUTTON_CLASSES.choice;
    return (this.choices ?? []).map((c) => ({ ...c, pressed: String(c.pressed), className: c.pressed ? on : off }));
  }

  /** The read-only value, with its choice's swatch when it has one. */
  get current(): { label: string; letter?: string; swatchStyle?: string } {
    return (this.choices ?? []).find((c) => c.value === this.value) ?? { label: this.value ?? '' };
  }

  handleClick(event: Event): void {
    event.stopPropagation();
    const value = (event.currentTarget as HTMLElement).dataset.value ?? '';
    this.dispatchEvent(new CustomEvent<ChooseDetail>('choose', { detail: { name: this.name, value } }));
  }
}
