/**
 * A panel header's close button: a bare close icon named by its label, with the owner's data-id,
 * in the light DOM; a click sends `close` to the owner only.
 */
import RelationshipMapCloseButton from 'c/relationshipMapCloseButton';
import { clearBody, mount as mountElement } from '../../relationshipMapToolbar/__tests__/data/support';

type Stub = HTMLElement & { iconName?: string; variant?: string; alternativeText?: string; title: string };

const mount = (props: Record<string, unknown>) =>
  mountElement('c-relationship-map-close-button', RelationshipMapCloseButton, props);

afterEach(clearBody);

describe('c-relationship-map-close-button', () => {
  it('is a bare close icon named by its label, with the data-id it is given', async () => {
    const el = mount({ label: 'Close panel', closeId: 'close' });
    await Promise.resolve();
    expect(el.shadowRoot).toBeNull();
    const button = el.querySelector<Stub>('lightning-button-icon')!;
    expect([button.iconName, button.variant, button.alternativeText, button.title, button.dataset.id]).toEqual([
      'utility:close',
      'bare',
      'Close panel',
      'Close panel',
      'close',
    ]);
    expect(mount({}).querySelector<Stub>('lightning-button-icon')!.alternativeText).toBe('Close');
  });

  it('sends close to its owner only', async () => {
    const el = mount({ closeId: 'what-if-close' });
    const closes: Event[] = [];
    const outside: Event[] = [];
    el.addEventListener('close', (event) => closes.push(event));
    document.body.addEventListener('close', (event) => outside.push(event));
    await Promise.resolve();
    el.querySelector<HTMLElement>('[data-id="what-if-close"]')!.click();
    expect([closes.length, outside.length]).toEqual([1, 0]);
  });
});
