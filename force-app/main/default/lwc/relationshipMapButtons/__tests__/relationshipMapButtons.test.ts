/**
 * The shared button row: one lightning-button per spec, in order, with only the properties the
 * spec sets; a click reports the button's id as `action`. Light DOM: the buttons are the host's
 * children, where the owner's queries and tests find them.
 */
import { createElement } from 'lwc';
import RelationshipMapButtons from 'c/relationshipMapButtons';
import type { ButtonSpec } from 'c/relationshipMapButtons';

type Stub = HTMLElement & { label?: string; variant?: string; title?: string; disabled?: boolean; iconName?: string };

function mount(buttons: ButtonSpec[]) {
  const element = createElement('c-relationship-map-buttons', { is: RelationshipMapButtons });
  Object.assign(element, { buttons });
  document.body.appendChild(element);
  return element;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-buttons', () => {
  it('renders each spec as a lightning-button in the light DOM, with only the properties it sets', async () => {
    const element = mount([
      { id: 'yes', label: 'Yes, delete', variant: 'destructive' },
      { id: 'no', label: 'No', title: 'Keep them', disabled: true, iconName: 'utility:close' },
    ]);
    await Promise.resolve();
    expect(element.shadowRoot).toBeNull();
    const buttons = Array.from(element.querySelectorAll<Stub>('lightning-button'));
    expect(buttons.map((b) => b.dataset.id)).toEqual(['yes', 'no']);
    expect(buttons.map((b) => b.label)).toEqual(['Yes, delete', 'No']);
    expect(buttons[0].variant).toBe('destructive');
    expect(buttons[0].title).toBe('');
    expect(buttons[0].disabled).toBeFalsy();
    expect(buttons[1].title).toBe('Keep them');
    expect(buttons[1].disabled).toBe(true);
    expect(buttons[1].iconName).toBe('utility:close');
  });

  it('reports the clicked button as `action`, once, without the click leaving the row', async () => {
    const element = mount([{ id: 'retry', label: 'Try again' }]);
    const actions: unknown[] = [];
    const clicks: unknown[] = [];
    element.addEventListener('action', (e) => actions.push((e as CustomEvent).detail));
    document.body.addEventListener('click', (e) => clicks.push(e));
    await Promise.resolve();
    element.querySelector<HTMLElement>('[data-id="retry"]')!.click();
    expect(actions).toEqual(['retry']);
    expect(clicks).toEqual([]);
  });
});
