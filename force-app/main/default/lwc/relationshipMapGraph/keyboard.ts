/**
 * The keyboard: one tab stop into the map (the roving person), arrow keys to the nearest person
 * that way (linked people first), Home/End, Enter or Space to select, Escape to clear, + and - to
 * zoom, 0 to fit. Listens on the node layer, so one listener serves every person's element.
 */
import type { GroupSelection } from './renderer';
import type { GraphNode, Scene } from './scene';

export type Direction = 'left' | 'right' | 'up' | 'down';

export type KeyCommand =
  | { kind: 'move'; direction: Direction }
  | { kind: 'select' }
  | { kind: 'clear' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'zoom'; factor: number }
  | { kind: 'fit' };

const COMMANDS: Readonly<Record<string, KeyCommand>> = {
  ArrowLeft: { kind: 'move', direction: 'left' },
  ArrowRight: { kind: 'move', direction: 'right' },
  ArrowUp: { kind: 'move', direction: 'up' },
  ArrowDown: { kind: 'move', direction: 'down' },
  Enter: { kind: 'select' },
  ' ': { kind: 'select' },
  Spacebar: { kind: 'select' },
  Escape: { kind: 'clear' },
  Home: { kind: 'first' },
  End: { kind: 'last' },
  '+': { kind: 'zoom', factor: 1.25 },
  '=': { kind: 'zoom', factor: 1.25 },
  '-': { kind: 'zoom', factor: 0.8 },
  _: { kind: 'zoom', factor: 0.8 },
  '0': { kind: 'fit' },
};

/** What a key does on a person's element, or null for keys the map leaves alone. */
export function commandFor(key: string): KeyCommand | null {
  return Object.prototype.hasOwnProperty.call(COMMANDS, key) ? COMMANDS[key] : null;
}

/** What the keyboard needs from the shell. */
export interface KeyboardHost {
  /** The person of a person's element (null for anything else). */
  nodeOf(element: Element | null): GraphNode | null;
  /** Runs a command on `node`; returns whether the key was used (then its default is prevented). */
  run(command: KeyCommand, node: GraphNode): boolean;
  focused(node: GraphNode | null): void;
}

/** Listens for keys and focus on the person elements of `layer`. */
export function listenForKeys(layer: GroupSelection, host: KeyboardHost): void {
  const nodeOf = (event: Event) => host.nodeOf((event.target as Element | null)?.closest?.('g.rmg-node') ?? null);
  layer.on('keydown.keyboard', (event: KeyboardEvent) => {
    const node = nodeOf(event);
    const command = commandFor(event.key);
    if (node && command && host.run(command, node)) event.preventDefault();
  });
  layer.on('focusin.keyboard', (event: FocusEvent) => {
    const node = nodeOf(event);
    if (node) host.focused(node);
  });
  layer.on('focusout.keyboard', (event: FocusEvent) => {
    if (nodeOf(event)) host.focused(null);
  });
}

export function stopListeningForKeys(layer: GroupSelection): void {
  layer.on('.keyboard', null);
}

/** The person the arrow key `direction` moves to from `from`: nearest linked that way, else anyone, else next/previous by name. */
export function personToward(scene: Scene, from: GraphNode, direction: Direction): GraphNode | null {
  const place = (n: GraphNode): Placed => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0 });
  const origin = place(from);
  const linked = [...(scene.neighbours.get(from.id) ?? [])]
    .map((id) => scene.nodeById.get(id))
    .filter((n): n is GraphNode => n !== undefined)
    .map(place);
  const targetId =
    nearestInDirection(origin, linked, direction) ?? nearestInDirection(origin, scene.nodes.map(place), direction);
  if (targetId !== null) return scene.nodeById.get(targetId) ?? null;
  const step = direction === 'right' || direction === 'down' ? 1 : -1;
  return personByOrder(scene, from.order + step);
}

/** The person at a place in name order (0: first). */
export function personByOrder(scene: Scene, order: number): GraphNode | null {
  return scene.nodes.find((n) => n.order === order) ?? null;
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

const DIRECTION_VECTORS: Readonly<Record<Direction, readonly [number, number]>> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * The candidate nearest to `from` in a direction: only candidates within 60° of it count, and a
 * sideways offset costs twice its distance, so the "obvious" next person wins. Null when none.
 */
export function nearestInDirection(from: Placed, candidates: Iterable<Placed>, direction: Direction): string | null {
  const [ux, uy] = DIRECTION_VECTORS[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.id === from.id) continue;
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * ux + dy * uy;
    if (along <= 0.5) continue;
    const across = Math.abs(dx * uy - dy * ux);
    if (across > along * Math.sqrt(3)) continue;
    const score = along + 2 * across;
    if (score < bestScore || (score === bestScore && best !== null && c.id < best)) {
      best = c.id;
      bestScore = score;
    }
  }
  return best;
}
