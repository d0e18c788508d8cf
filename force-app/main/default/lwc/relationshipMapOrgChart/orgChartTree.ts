/**
 * One lane of the org chart as a tidy tree (d3-hierarchy's `stratify` and `tree`), managers a row
 * above their reports. A manager's leaf reports (two or more people with no reports of their own)
 * are stacked in one column under them, as org-chart tools do, so a team of eight takes one
 * column, not eight: the stack is a single child of the manager in the tree, with a chain of
 * placeholders below it that keeps the rows it reaches into free of other branches. Pure.
 */
import { stratify, tree } from 'c/d3';
import type { HierarchyNode, HierarchyPointNode } from 'c/d3';

/** Horizontal distance between neighbours in a row (room for a name under each). */
export const COLUMN_WIDTH = 150;
/** Vertical distance between a manager and their reports. */
export const ROW_HEIGHT = 120;
/** A stack's people stand this far left of its column's centre: their names run to the right. */
export const STACK_SHIFT = 50;
/** A stack's column is this much wider than a column (in columns), for the names beside it. */
export const STACK_EXTRA = 0.4;
/** Space between two people in a stack, beyond their pictures. */
const STACK_GAP = 14;
/** Fewest leaf reports that are stacked (one is drawn under the manager like any report). */
const STACK_MIN = 2;
/** Never a Salesforce Id: the parent of every root, and the prefix of placeholders. */
export const VIRTUAL_ROOT = '\u0000root';
const PLACEHOLDER = '\u0000stack:';
const NAME_ORDER = new Intl.Collator();

interface Row {
  id: string;
  parentId: string;
}

/** Where the tree put a person of the lane (y is the row's depth; `below` is extra y in a stack). */
export interface Placed {
  id: string;
  depth: number;
  x: number;
  /** Added to the row's y: a stacked person's place in their stack (0 otherwise). */
  below: number;
  hiddenCount: number;
  /** The manager whose stack holds them (null: not stacked). */
  stackOf: string | null;
}

export interface LaneInput {
  /** The lane's people, by id, with their names (sibling order: name, then id). */
  names: ReadonlyMap<string, string>;
  /** Person id → manager id (only managers in this lane count). */
  managerOf: ReadonlyMap<string, string>;
  collapsed: ReadonlySet<string>;
  /** How far a person's picture reaches from their centre (rings included). */
  reach: (id: string) => number;
}

export interface LaneLayout {
  /** Everyone drawn, roots first, each manager before their reports. */
  placed: Placed[];
  /** Person id → their reports in drawing order (the stack last), also when folded. */
  reportsOf: Map<string, string[]>;
}

/** A lane's forest as a tidy tree under a virtual root, leaf reports stacked, folds closed. */
export function layoutLane(input: LaneInput): LaneLayout {
  const { names, managerOf, collapsed, reach } = input;
  const parentOf = (id: string): string => {
    const manager = managerOf.get(id);
    return manager !== undefined && names.has(manager) ? manager : VIRTUAL_ROOT;
  };
  const byName = (a: string, b: string): number =>
    NAME_ORDER.compare(names.get(a) ?? '', names.get(b) ?? '') || (a < b ? -1 : a > b ? 1 : 0);
  const children = new Map<string, string[]>();
  for (const id of names.keys()) {
    const parent = parentOf(id);
    children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const stacks = new Map<string, string[]>();
  for (const [manager, reports] of children) {
    const leaves = reports.filter((id) => !children.has(id)).sort(byName);
    if (manager !== VIRTUAL_ROOT && leaves.length >= STACK_MIN) stacks.set(manager, leaves);
  }
  const stackedIn = new Map<string, string>();
  for (const [manager, leaves] of stacks) for (const id of leaves) stackedIn.set(id, manager);

  // Offsets within each stack, and the rows the stack reaches into.
  const offsets = new Map<string, number>();
  const rows: Row[] = [{ id: VIRTUAL_ROOT, parentId: '' }];
  for (const id of names.keys()) if (!stackedIn.has(id)) rows.push({ id, parentId: parentOf(id) });
  for (const [manager, leaves] of stacks) {
    let y = 0;
    leaves.forEach((id, i) => {
      if (i > 0) y += reach(leaves[i - 1]) + reach(id) + STACK_GAP;
      offsets.set(id, y);
    });
    const head = `${PLACEHOLDER}${manager}`;
    rows.push({ id: head, parentId: manager });
    const extraRows = Math.floor((y + reach(leaves[leaves.length - 1]) + STACK_GAP) / ROW_HEIGHT);
    for (let r = 1; r <= extraRows; r++)
      rows.push({ id: `${head}#${r}`, parentId: r === 1 ? head : `${head}#${r - 1}` });
  }

  const root = stratify<Row>()
    .id((d) => d.id)
    .parentId((d) => (d.id === VIRTUAL_ROOT ? null : d.parentId))(rows);
  // Colleagues by name; a manager's stack after their other reports.
  root.sort((a, b) => {
    const pa = a.data.id.startsWith(PLACEHOLDER);
    const pb = b.data.id.startsWith(PLACEHOLDER);
    return pa !== pb ? (pa ? 1 : -1) : byName(a.data.id, b.data.id);
  });
  const reportsOf = new Map<string, string[]>();
  root.eachBefore((n) => {
    const id = n.data.id;
    if (id === VIRTUAL_ROOT || id.startsWith(PLACEHOLDER)) return;
    const direct = (n.children ?? []).map((c) => c.data.id).filter((c) => !c.startsWith(PLACEHOLDER));
    reportsOf.set(id, [...direct, ...(stacks.get(id) ?? [])]);
  });

  // Fold collapsed branches before the layout, so the tree closes up around them.
  // How many people a branch holds: placeholders count the people of their stack.
  const people = (n: HierarchyNode<Row>): number =>
    n.descendants().reduce((sum, d) => {
      const id = d.data.id;
      return sum + (id.startsWith(PLACEHOLDER) ? (stacks.get(id.slice(PLACEHOLDER.length))?.length ?? 0) : 1);
    }, 0);
  const hidden = new Map<string, number>();
  const fold = (n: HierarchyNode<Row>): void => {
    if (n.children && n.data.id !== VIRTUAL_ROOT && collapsed.has(n.data.id)) {
      hidden.set(n.data.id, people(n) - 1);
      n.children = undefined;
      return;
    }
    for (const child of n.children ?? []) fold(child);
  };
  fold(root);
  const laidOut: HierarchyPointNode<Row> = tree<Row>()
    .nodeSize([COLUMN_WIDTH, ROW_HEIGHT])
    .separation(
      (a, b) =>
        (a.parent === b.parent ? 1 : 1.2) +
        (a.data.id.startsWith(PLACEHOLDER) || b.data.id.startsWith(PLACEHOLDER) ? STACK_EXTRA : 0)
    )(root);

  const placed: Placed[] = [];
  laidOut.eachBefore((n) => {
    const id = n.data.id;
    if (id === VIRTUAL_ROOT) return;
    const depth = n.depth - 1;
    if (!id.startsWith(PLACEHOLDER)) {
      placed.push({ id, depth, x: n.x, below: 0, hiddenCount: hidden.get(id) ?? 0, stackOf: null });
      return;
    }
    const manager = id.slice(PLACEHOLDER.length);
    for (const leaf of stacks.get(manager) ?? []) {
      placed.push({
        id: leaf,
        depth,
        x: n.x - STACK_SHIFT,
        below: offsets.get(leaf) ?? 0,
        hiddenCount: 0,
        stackOf: manager,
      });
    }
  });
  return { placed, reportsOf };
}
