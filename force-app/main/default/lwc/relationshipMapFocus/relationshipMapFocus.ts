/**
 * Focus that waits for a render: a component remembers which element should get focus next (a
 * selector) and calls `focusPending` from its renderedCallback until that element exists. Shared
 * by the map's components; no component code, so anything may import it.
 */

/**
 * Focuses the element `selector` names inside `root` once it is there. Returns what is still to
 * focus: null once focused (or when nothing was pending), else `selector` again, for the next
 * render. `elsewhere` may focus it another way (say, through a child's method) and says whether it did.
 */
export function focusPending(
  root: ParentNode | null | undefined,
  selector: string | null,
  elsewhere?: (selector: string) => boolean
): string | null {
  if (!selector) return null;
  const target = root?.querySelector<HTMLElement>(selector);
  if (target) {
    target.focus();
    return null;
  }
  return elsewhere?.(selector) ? null : selector;
}
