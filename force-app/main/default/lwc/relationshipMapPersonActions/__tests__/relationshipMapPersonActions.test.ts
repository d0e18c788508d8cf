/**
 * The person actions: Trim or Restore by the person's state, Delete only with the admin permission
 * set (otherwise the note that trimming loses nothing), the question before a delete, and focus
 * moving to "No" and back to "Delete".
 */
import { createElement } from 'lwc';
import RelationshipMapPersonActions from 'c/relationshipMapPersonActions';

interface Props {
  name?: string | null;
  excluded?: boolean;
  canDelete?: boolean;
  busy?: boolean;
  confirming?: boolean;
}
type Element = HTMLElement & Required<Props>;

function mount(props: Props): Element {
  const element = createElement('c-relationship-map-person-actions', { is: RelationshipMapPersonActions }) as Element;
  Object.assign(element, { name: 'Kim Sato', ...props });
  document.body.appendChild(element);
  return element;
}

const flush = () => Promise.resolve();
const byId = (el: HTMLElement, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement & { disabled?: boolean; title?: string; content?: string }>(
    `[data-id="${id}"]`
  );
const events = (el: HTMLElement, names: string[]): string[] => {
  const seen: string[] = [];
  for (const name of names) el.addEventListener(name, () => seen.push(name));
  return seen;
};

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-relationship-map-person-actions', () => {
  it('offers Trim for a person on the map and Restore for a trimmed one, titled with their name', async () => {
    const element = mount({ canDelete: true });
    await flush();
    expect(byId(element, 'exclude')?.title).toBe('Trim Kim Sato from the map');
    expect(byId(element, 'restore')).toBeNull();

    element.excluded = true;
    await flush();
    expect(byId(element, 'exclude')).toBeNull();
    expect(byId(element, 'restore')?.title).toBe('Restore Kim Sato to the map');
  });

  it('fires exclude and restore', async () => {
    const element = mount({});
    const seen = events(element, ['exclude', 'restore']);
    await flush();
    byId(element, 'exclude')!.click();
    element.excluded = true;
    await flush();
    byId(element, 'restore')!.click();
    expect(seen).toEqual(['exclude', 'restore']);
  });

  it('without the admin permission set shows the note instead of Delete', async () => {
    const element = mount({ canDelete: false });
    await flush();
    expect(byId(element, 'delete')).toBeNull();
    expect(byId(element, 'trim-hint')?.content).toContain('"Show excluded" brings them back');
    element.excluded = true;
    await flush();
    expect(byId(element, 'trim-hint')?.content).toContain('Trimmed people keep their details');
  });

  it('disables the buttons while a save is under way', async () => {
    const element = mount({ canDelete: true, busy: true });
    await flush();
    expect(byId(element, 'exclude')?.disabled).toBe(true);
    expect(byId(element, 'delete')?.disabled).toBe(true);
    expect(byId(element, 'trim-hint')).toBeNull();
  });

  it('asks before deleting, moves focus to No, and back to Delete on No', async () => {
    const element = mount({ canDelete: true });
    const seen = events(element, ['askdelete', 'canceldelete', 'confirmdelete']);
    element.addEventListener('askdelete', () => (element.confirming = true));
    element.addEventListener('canceldelete', () => (element.confirming = false));
    const focused: HTMLElement[] = [];
    const focus = jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this);
    });
    await flush();

    byId(element, 'delete')!.click();
    await flush();
    expect(byId(element, 'delete-question')?.textContent).toBe(
      'Delete Kim Sato from the map? Their links are deleted too. Their change history is kept.'
    );
    const no = byId(element, 'delete-no');
    expect(focused).toEqual([no]);

    no!.click();
    await flush();
    expect(byId(element, 'delete-question')).toBeNull();
    expect(focused).toEqual([no, byId(element, 'delete')]);
    focus.mockRestore();

    byId(element, 'delete')!.click();
    await flush();
    byId(element, 'delete-yes')!.click();
    expect(seen).toEqual(['askdelete', 'canceldelete', 'askdelete', 'confirmdelete']);
  });
});
