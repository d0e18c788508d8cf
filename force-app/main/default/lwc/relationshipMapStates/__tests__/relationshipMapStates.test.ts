/**
 * The tab's whole-area states: each says what happened and offers the one next step (Try again,
 * Create your first map), sent up as an event; nothing shows when there is no state.
 */
import { createElement } from 'lwc';
import RelationshipMapStates from 'c/relationshipMapStates';
import type { MapState } from 'c/relationshipMapStates';

type Stub = HTMLElement & { disabled: boolean; alternativeText: string };

function mount(state: MapState, props: Record<string, unknown> = {}) {
  const element = createElement('c-relationship-map-states', { is: RelationshipMapStates });
  Object.assign(element, { state, ...props });
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const byId = (el: HTMLElement, id: string): Stub | null => el.shadowRoot!.querySelector<Stub>(`[data-id="${id}"]`);

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-states', () => {
  it('explains where the component belongs when there is no account', async () => {
    const element = mount('no-context');
    await flush();
    expect(byId(element, 'no-context')!.textContent).toContain('Relationship maps belong to an account');
    await expect(element).toBeAccessible();
  });

  it('loads the maps with a picker stencil, one map with the map stencil only', async () => {
    const element = mount('loading');
    await flush();
    expect(element.shadowRoot!.querySelector<Stub>('lightning-spinner')!.alternativeText).toBe(
      'Loading relationship maps'
    );
    expect(element.shadowRoot!.querySelectorAll('.rm-stencil-bar')).toHaveLength(2);
    element.state = 'graph-loading';
    await flush();
    expect(byId(element, 'graph-loading')).not.toBeNull();
    expect(element.shadowRoot!.querySelector<Stub>('lightning-spinner')!.alternativeText).toBe('Loading the map');
    expect(element.shadowRoot!.querySelectorAll('.rm-stencil-bar')).toHaveLength(0);
  });

  it('says what could not be loaded, why, and sends Try again', async () => {
    const element = mount('maps-error', { error: 'You do not have access.' });
    const retries: unknown[] = [];
    element.addEventListener('retry', (e) => retries.push(e));
    await flush();
    const alert = byId(element, 'maps-error')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('The relationship maps could not be loaded');
    expect(alert.textContent).toContain('You do not have access.');
    byId(element, 'retry-maps')!.click();
    element.state = 'graph-error';
    await flush();
    expect(byId(element, 'graph-error')!.textContent).toContain('The map could not be loaded');
    byId(element, 'retry-graph')!.click();
    expect(retries).toHaveLength(2);
    await expect(element).toBeAccessible();
  });

  it('offers the first map, disabled for someone who may not create maps', async () => {
    const element = mount('empty', { cannotCreate: true });
    const creates: unknown[] = [];
    element.addEventListener('create', (e) => creates.push(e));
    await flush();
    expect(byId(element, 'create-first')!.disabled).toBe(true);
    element.cannotCreate = false;
    await flush();
    byId(element, 'create-first')!.click();
    expect(creates).toHaveLength(1);
  });

  it('shows nothing without a state', async () => {
    const element = mount('');
    await flush();
    expect(element.shadowRoot!.children).toHaveLength(0);
  });
});
