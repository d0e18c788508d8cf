/** focusPending: focus once the element is rendered, keep waiting until then. */
import { focusPending } from 'c/relationshipMapFocus';

function rootWith(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusPending', () => {
  it('focuses the element once it is there and has nothing left to focus', () => {
    const root = rootWith('<button data-id="a">A</button><button data-id="b">B</button>');
    expect(focusPending(root, '[data-id="b"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('[data-id="b"]'));
  });

  it('keeps the selector for the next render while the element is not rendered yet', () => {
    const root = rootWith('<button data-id="a">A</button>');
    expect(focusPending(root, '[data-id="later"]')).toBe('[data-id="later"]');
    expect(document.activeElement).toBe(document.body);
    expect(focusPending(null, '[data-id="later"]')).toBe('[data-id="later"]');
  });

  it('does nothing when nothing is pending', () => {
    const elsewhere = jest.fn(() => true);
    expect(focusPending(rootWith('<button>A</button>'), null, elsewhere)).toBeNull();
    expect(elsewhere).not.toHaveBeenCalled();
  });

  it('lets the caller focus it another way when the element is not in the root', () => {
    const root = rootWith('<button data-id="a">A</button>');
    const elsewhere = jest.fn((selector: string) => selector === '[data-id="inside-a-child"]');
    expect(focusPending(root, '[data-id="inside-a-child"]', elsewhere)).toBeNull();
    expect(elsewhere).toHaveBeenCalledWith('[data-id="inside-a-child"]');
    expect(focusPending(root, '[data-id="unknown"]', elsewhere)).toBe('[data-id="unknown"]');
  });

  it('does not ask elsewhere when the element is in the root', () => {
    const elsewhere = jest.fn(() => true);
    focusPending(rootWith('<button data-id="a">A</button>'), '[data-id="a"]', elsewhere);
    expect(elsewhere).not.toHaveBeenCalled();
  });
});
