/** focusPending: focus once the element is rendered, keep waiting until then. */
import { focusPending } from 'c/relationshipMapFocus';

/** A root in the document holding a button for each data-id. */
function rootWith(...ids: string[]): HTMLElement {
  const root = document.createElement('div');
  for (const id of ids) {
    const button = document.createElement('button');
    button.dataset.id = id;
    root.appendChild(button);
  }
  document.body.appendChild(root);
  return root;
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('focusPending', () => {
  it('focuses the element once it is there and has nothing left to focus', () => {
    const root = rootWith('a', 'b');
    expect(focusPending(root, '[data-id="b"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-id="b"]'));
  });

  it('keeps the selector for the next render while the element is not rendered yet', () => {
    const root = rootWith('a');
    expect(focusPending(root, '[data-id="later"]')).toBe('[data-id="later"]');
    expect(document.activeElement).toBe(document.body);
    expect(focusPending(null, '[data-id="later"]')).toBe('[data-id="later"]');
  });

  it('does nothing when nothing is pending', () => {
    const elsewhere = jest.fn(() => true);
    expect(focusPending(rootWith('a'), null, elsewhere)).toBeNull();
    expect(elsewhere).not.toHaveBeenCalled();
  });

  it('lets the caller focus it another way when the element is not in the root', () => {
    const root = rootWith('a');
    const elsewhere = jest.fn((selector: string) => selector === '[data-id="inside-a-child"]');
    expect(focusPending(root, '[data-id="inside-a-child"]', elsewhere)).toBeNull();
    expect(elsewhere).toHaveBeenCalledWith('[data-id="inside-a-child"]');
    expect(focusPending(root, '[data-id="unknown"]', elsewhere)).toBe('[data-id="unknown"]');
  });

  it('does not ask elsewhere when the element is in the root', () => {
    const elsewhere = jest.fn(() => true);
    focusPending(rootWith('a'), '[data-id="a"]', elsewhere);
    expect(elsewhere).not.toHaveBeenCalled();
  });
});
