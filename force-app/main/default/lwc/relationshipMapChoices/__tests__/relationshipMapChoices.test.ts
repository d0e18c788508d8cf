/**
 * The one-click group: a button per value with aria-pressed, the swatch and letter when given,
 * the look of its variant, `choose` with the group's name and the value; read-only, the value as
 * text under data-field. Light DOM: the buttons are the host's children.
 */
import RelationshipMapChoices from 'c/relationshipMapChoices';
import type { ChoiceSpec, ChooseDetail } from 'c/relationshipMapChoices';
import { clearBody, mount as mountElement } from '../../relationshipMapToolbar/__tests__/data/support';

const CHOICES: ChoiceSpec[] = [
  {
    value: 'Champion',
    label: 'Champion',
    pressed: false,
    title: 'Drives our goal',
    letter: 'C',
    swatchStyle: 'color: red;',
  },
  { value: 'Skeptic', label: 'Skeptic', pressed: true, letter: 'K', dataId: 'skeptic' },
];

const mount = (props: Record<string, unknown>) =>
  mountElement('c-relationship-map-choices', RelationshipMapChoices, props);

const buttons = (el: HTMLElement) => Array.from(el.querySelectorAll<HTMLButtonElement>('button'));
/** An element's classes but the scoped stylesheet's token. */
const classesOf = (b: Element) =>
  Array.from(b.classList)
    .filter((c) => !c.startsWith('lwc-'))
    .join(' ');

afterEach(clearBody);

describe('c-relationship-map-choices', () => {
  it('draws a named group of buttons in the light DOM, the pressed ones marked', async () => {
    const el = mount({ name: 'stance', label: 'Stance', groupId: 'stance-buttons', choices: CHOICES });
    await Promise.resolve();
    expect(el.shadowRoot).toBeNull();
    const group = el.querySelector('[data-id="stance-buttons"]')!;
    expect([group.getAttribute('role'), group.getAttribute('aria-label')]).toEqual(['group', 'Stance']);
    expect(buttons(el).map((b) => [b.dataset.value, b.getAttribute('aria-pressed'), classesOf(b)])).toEqual([
      ['Champion', 'false', 'slds-button choice'],
      ['Skeptic', 'true', 'slds-button choice choice_pressed'],
    ]);
    const [champion, skeptic] = buttons(el);
    expect(champion.title).toBe('Drives our goal');
    expect(champion.hasAttribute('data-id')).toBe(false);
    expect(skeptic.dataset.id).toBe('skeptic');
    const swatch = champion.querySelector('.swatch')!;
    expect([swatch.textContent, swatch.getAttribute('aria-hidden'), swatch.getAttribute('style')]).toEqual([
      'C',
      'true',
      'color: red;',
    ]);
    expect(champion.textContent).toBe('CChampion');
    expect(el.querySelector('p')).toBeNull();
  });

  it('shows its label and help above the values when given, closer in the compact look', async () => {
    const el = mount({ choices: CHOICES, heading: 'Stance', help: 'Where they stand on our goal.' });
    const compact = mount({ choices: CHOICES, heading: 'Stance', variant: 'compact' });
    await Promise.resolve();
    const heading = el.querySelector('p')!;
    expect([heading.textContent, classesOf(heading)]).toEqual(['Stance', 'slds-form-element__label']);
    const help = heading.querySelector<HTMLElement & { content?: string }>('lightning-helptext')!;
    expect(help.content).toBe('Where they stand on our goal.');
    expect(classesOf(compact.querySelector('p')!)).toBe('slds-form-element__label heading_compact');
  });

  it('sends the group name and the clicked value, not bubbling', async () => {
    const el = mount({ name: 'sentiment', choices: CHOICES });
    const chosen: ChooseDetail[] = [];
    el.addEventListener('choose', (event) => chosen.push((event as CustomEvent<ChooseDetail>).detail));
    const outside: Event[] = [];
    document.body.addEventListener('choose', (event) => outside.push(event));
    await Promise.resolve();
    buttons(el)[0].click();
    expect(chosen).toEqual([{ name: 'sentiment', value: 'Champion' }]);
    expect(outside).toEqual([]);
  });

  it('takes the look of its variant', async () => {
    const compact = mount({ choices: CHOICES, variant: 'compact' });
    const toggle = mount({ choices: CHOICES, variant: 'toggle' });
    await Promise.resolve();
    expect(buttons(compact).map(classesOf)).toEqual([
      'slds-button choice choice_compact',
      'slds-button choice choice_compact choice_pressed',
    ]);
    expect(buttons(toggle).map(classesOf)).toEqual([
      'slds-button slds-button_neutral rm-quick',
      'slds-button slds-button_brand rm-quick',
    ]);
  });

  it('read-only, shows the value as text with its swatch, or the bare value when no choice has it', async () => {
    const el = mount({ name: 'stance', choices: CHOICES, readOnly: true, value: 'Skeptic' });
    const odd = mount({ name: 'sentiment', choices: CHOICES, readOnly: true, value: 'Curious' });
    await Promise.resolve();
    expect(buttons(el)).toEqual([]);
    const shown = el.querySelector('[data-field="stance"]')!;
    expect(shown.querySelector('.swatch')!.textContent).toBe('K');
    expect(shown.textContent.replace(/\s+/g, ' ').trim()).toBe('KSkeptic');
    const bare = odd.querySelector('[data-field="sentiment"]')!;
    expect([bare.querySelector('.swatch'), bare.textContent.trim()]).toEqual([null, 'Curious']);
  });
});
