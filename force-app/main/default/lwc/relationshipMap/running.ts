/**
 * Runs the map's commands the same way every time, against the container's state (`RunnerHost`:
 * the container passes itself, so LWC sees every change). A command (./commands,
 * ./personCommands): nothing while read-only, the optimistic change, the call, then the change
 * (if the same map is still open), the toast and `after`, or the rollback and the error as a toast
 * and inline with "Try again". A partial command (./partialCommands): what was saved stays and
 * the map reloads, the rows not saved are reported, "Try again" sends what is left.
 */
import type { MapGraph } from 'c/relationshipMapApi';
import type { Command, ToastVariant } from './commands';
import type { PartialCommand, PartialOutcome } from './partialCommands';

/** The container's state a command changes, and how it tells the rep. */
export interface RunnerHost {
  graph: MapGraph | null;
  dataVersion: number;
  busy: boolean;
  selectedId: string | null;
  readonly readOnly: boolean;
  readonly selectedMapId: string | null;
  toast(title: string, message: string, variant?: ToastVariant): void;
  /** A toast and the inline error with "Try again" (`retry`); returns the sentence shown. */
  fail(title: string, error: unknown, retry: (() => void) | null): string;
  /** Reloads the open map in place (after people were added). */
  reloadInPlace(): Promise<boolean>;
  /** Loads the open map again ("Try again" when reloading failed). */
  handleRetryGraph(): void;
}

/** How a command runs: `after` it succeeded (started, not awaited), `busy` meanwhile, `retry` for "Try again". */
export interface RunOptions {
  after?: () => Promise<void>;
  busy?: boolean;
  retry?: () => void;
}

/** Starts a task that reports its own errors. */
export function detach(task: Promise<unknown>): void {
  task.catch(() => undefined);
}

export class CommandRunner {
  constructor(private readonly host: RunnerHost) {}

  run<R>(command: Command<R>, options: RunOptions = {}): void {
    detach(this.execute(command, options));
  }

  private async execute<R>(command: Command<R>, options: RunOptions): Promise<void> {
    const host = this.host;
    if (host.readOnly) return;
    const { after, busy = false } = options;
    const retry = options.retry ?? (() => this.run(command, options));
    const update = (change: ((graph: MapGraph) => MapGraph) | undefined | null) => {
      const graph = host.graph;
      if (!change || !graph || (command.mapId !== null && command.mapId !== host.selectedMapId)) return;
      host.graph = change(graph);
      if (command.analytics) host.dataVersion++;
    };
    update(command.optimistic);
    if (busy) host.busy = true;
    try {
      const outcome = command.settle(await command.send());
      if (!outcome.ok) {
        update(command.rollback);
        const message = host.fail(command.failTitle, outcome.problem || null, retry);
        command.refused?.(message);
        return;
      }
      update(outcome.update);
      if (host.selectedId && !host.graph?.people.some((p) => p.id === host.selectedId)) host.selectedId = null;
      host.toast(outcome.toast.title, outcome.toast.message, outcome.toast.variant);
      if (after) detach(after());
    } catch (error) {
      update(command.rollback);
      const message = host.fail(command.failTitle, error, retry);
      command.refused?.(message);
    } finally {
      command.done?.();
      if (busy) host.busy = false;
    }
  }

  /**
   * Runs a partial command: its toast, the reload when it says so (and the toast that counts what
   * the reload brought), the rows not saved as a toast and inline, where "Try again" hands `again`
   * what is left. Resolves to the outcome, or null when the call failed as a whole.
   */
  async runPartial<R, T>(command: PartialCommand<R, T>, again: (input: T) => void): Promise<PartialOutcome<T> | null> {
    const host = this.host;
    try {
      const outcome = command.settle(await command.send());
      const { toast, toastAfterReload, problem, resend } = outcome;
      if (toast) host.toast(toast.title, toast.message, toast.variant);
      if (outcome.reload) {
        try {
          await host.reloadInPlace();
        } catch (error) {
          host.fail('The map could not be refreshed', error, () => host.handleRetryGraph());
        }
      }
      const after = toastAfterReload?.(host.graph?.people ?? []);
      if (after) host.toast(after.title, after.message, after.variant);
      if (problem) host.fail(problem.title, problem.message, resend !== null ? () => again(resend) : null);
      return outcome;
    } catch (error) {
      host.fail(command.failTitle, error, () => again(command.input));
      return null;
    }
  }
}
