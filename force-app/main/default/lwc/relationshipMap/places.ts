/**
 * Places dragged but not saved yet: collected while the rep drags, saved together
 * PIN_SAVE_DELAY_MS after the last drag (one save for a burst of drags, and for "Unpin all") or
 * when the map closes, and winning over what the server sends meanwhile. The save is a partial
 * command (./partialCommands) run by the container's CommandRunner.
 */
import type { MapGraph, PersonPosition } from 'c/relationshipMapApi';
import { savePositionsCommand } from './partialCommands';
import type { PartialApi } from './partialCommands';
import { detach } from './running';
import type { CommandRunner } from './running';

/** Pins collected while the user drags are saved together this long after the last one. */
export const PIN_SAVE_DELAY_MS = 800;

export class PendingPlaces {
  private readonly pending = new Map<string, PersonPosition>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: { readonly selectedMapId: string | null },
    private readonly api: PartialApi,
    private readonly runner: CommandRunner
  ) {}

  /** Where people were dropped (a pin's x and y); saved once the rep stops dragging. */
  add(positions: readonly { id: string; x: number | null; y: number | null }[]): void {
    for (const p of positions) this.pending.set(p.id, { personId: p.id, layoutX: p.x, layoutY: p.y });
    if (this.timer !== null) clearTimeout(this.timer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.timer = setTimeout(() => {
      this.timer = null;
      detach(this.flush());
    }, PIN_SAVE_DELAY_MS);
  }

  /** Saves every place collected so far in one call (on the map open now). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const mapId = this.host.selectedMapId;
    const positions = [...this.pending.values()];
    this.pending.clear();
    if (!mapId || positions.length === 0) return;
    await this.runner.runPartial(savePositionsCommand(this.api, mapId, positions), (again) => {
      for (const p of again) if (!this.pending.has(p.personId)) this.pending.set(p.personId, p);
      detach(this.flush());
    });
  }

  /** The map as the server sent it, with the places not saved yet. */
  withPins(graph: MapGraph): MapGraph {
    if (this.pending.size === 0) return graph;
    const people = graph.people.map((p) => {
      const pin = this.pending.get(p.id);
      return pin ? { ...p, layoutX: pin.layoutX ?? null, layoutY: pin.layoutY ?? null } : p;
    });
    return { ...graph, people };
  }
}
