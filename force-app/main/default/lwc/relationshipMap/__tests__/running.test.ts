/**
 * CommandRunner (../running) on a plain host, without a component: the steps every command goes
 * through (read-only, optimistic change, rollback, toast, "Try again", refused/done, busy) and a
 * partial command's (reload, toasts, the rows not saved, what "Try again" sends).
 */
import type { MapGraph } from 'c/relationshipMapApi';
import type { Command } from '../commands';
import type { PartialCommand } from '../partialCommands';
import { CommandRunner } from '../running';
import type { RunnerHost } from '../running';

const MAP = 'a00000000000001AAA';
/** Lets the runner's promises settle. */
function flush(rounds = 10): Promise<void> {
  return rounds === 0 ? Promise.resolve() : Promise.resolve().then(() => flush(rounds - 1));
}

function graph(): MapGraph {
  return {
    summary: {
      ...{ id: MAP, name: 'Renewal', status: 'Active', accountId: '001000000000001AAA', goal: 'Renew' },
      ...{ peopleCount: 1, decisionMakerCount: 0, unsupportedDecisionMakerCount: 0 },
    },
    people: [{ id: 'p1', name: 'Ann Lee' }],
    links: [],
    changes: [],
    canEdit: true,
    canDelete: false,
  };
}

type Retry = (() => void) | null;
type TestHost = RunnerHost & { toasts: string[]; notices: string[]; retries: Retry[] };

/** A host that records its toasts, its inline errors and their "Try again". */
function host(patch: Partial<RunnerHost> = {}): TestHost {
  const toasts: string[] = [];
  const notices: string[] = [];
  const retries: Retry[] = [];
  return {
    graph: graph(),
    dataVersion: 0,
    busy: false,
    selectedId: null,
    readOnly: false,
    selectedMapId: MAP,
    toasts,
    notices,
    retries,
    toast: (title: string, message: string) => toasts.push(`${title}: ${message}`),
    fail(title: string, error: unknown, retry: Retry) {
      retries.push(retry);
      const message = error instanceof Error ? error.message : String(error);
      notices.push(`${title}: ${message}${retry ? ' (Try again)' : ''}`);
      return message;
    },
    reloadInPlace: jest.fn(() => Promise.resolve(true)),
    handleRetryGraph: jest.fn(),
    ...patch,
  };
}

/** A command that renames Ann at once and answers with `answer` (a rejection when it is an Error). */
function rename(answer: unknown, extra: Partial<Command<unknown>> = {}): Command<unknown> {
  const named = (name: string) => (g: MapGraph) => ({ ...g, people: g.people.map((p) => ({ ...p, name })) });
  return {
    mapId: MAP,
    failTitle: 'Not renamed',
    analytics: true,
    optimistic: named('Ann Bo'),
    rollback: named('Ann Lee'),
    send: jest.fn(() => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer))),
    settle: (result) => {
      if (result === 'no') return { ok: false, problem: 'Refused.' };
      return { ok: true, update: null, toast: { title: 'Renamed', message: 'Ann Bo', variant: 'success' } };
    },
    ...extra,
  };
}

describe('CommandRunner.run', () => {
  it('changes the map at once, calls, toasts, starts `after` and ends with done', async () => {
    const h = host();
    const after = jest.fn(() => Promise.resolve());
    const done = jest.fn();
    new CommandRunner(h).run(rename('ok', { done }), { after, busy: true });
    expect([h.graph?.people[0].name, h.dataVersion, h.busy]).toEqual(['Ann Bo', 1, true]);
    await flush();
    expect(h.toasts).toEqual(['Renamed: Ann Bo']);
    expect([after.mock.calls.length, done.mock.calls.length, h.busy]).toEqual([1, 1, false]);
  });

  it('rolls back on a refusal or a failed call, says why with "Try again", and hands the sentence to refused', async () => {
    const answers: [unknown, string][] = [
      ['no', 'Refused.'],
      [new Error('Offline.'), 'Offline.'],
    ];
    const hosts = answers.map(([answer]) => {
      const h = host();
      const refused = jest.fn();
      new CommandRunner(h).run(rename(answer, { refused }));
      return { h, refused };
    });
    await flush();
    hosts.forEach(({ h, refused }, i) => {
      const sentence = answers[i][1];
      expect(h.graph?.people[0].name).toBe('Ann Lee');
      expect(h.notices).toEqual([`Not renamed: ${sentence} (Try again)`]);
      expect(refused).toHaveBeenCalledWith(sentence);
    });
  });

  it('"Try again" runs the command again, or what `retry` says', async () => {
    const h = host();
    const command = rename(new Error('Offline.'));
    new CommandRunner(h).run(command);
    await flush();
    h.retries[h.retries.length - 1]!();
    expect(command.send).toHaveBeenCalledTimes(2);
    const instead = jest.fn();
    new CommandRunner(h).run(rename(new Error('Offline.')), { retry: instead });
    await flush();
    h.retries[h.retries.length - 1]!();
    expect(instead).toHaveBeenCalledTimes(1);
  });

  it('does nothing while read-only, and leaves a map that is no longer open alone', async () => {
    const readOnly = host({ readOnly: true });
    const command = rename('ok');
    new CommandRunner(readOnly).run(command);
    expect(command.send).not.toHaveBeenCalled();

    const h = host({ selectedMapId: 'a00000000000002AAA' });
    new CommandRunner(h).run(rename('ok'));
    await flush();
    expect([h.graph?.people[0].name, h.dataVersion, h.toasts.length]).toEqual(['Ann Lee', 0, 1]);
  });
});

describe('CommandRunner.runPartial', () => {
  const partial = (answer: unknown, outcome: object): PartialCommand<unknown, string[]> => ({
    input: ['a', 'b'],
    failTitle: 'Nobody was added',
    send: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)),
    settle: () => ({ toast: null, reload: false, toastAfterReload: null, problem: null, resend: null, ...outcome }),
  });

  it('toasts, reloads, toasts what the reload brought, and reports the rows not saved with what is left', async () => {
    const h = host();
    const again = jest.fn();
    const outcome = await new CommandRunner(h).runPartial(
      partial('ok', {
        toast: { title: 'Added', message: '1', variant: 'success' },
        reload: true,
        toastAfterReload: (people: { name: string }[]) => ({
          title: 'Now',
          message: people[0].name,
          variant: 'success',
        }),
        problem: { title: 'Some were not added', message: 'b: No.' },
        resend: ['b'],
      }),
      again
    );
    expect(h.reloadInPlace).toHaveBeenCalledTimes(1);
    expect(h.toasts).toEqual(['Added: 1', 'Now: Ann Lee']);
    expect(h.notices).toEqual(['Some were not added: b: No. (Try again)']);
    expect(outcome?.resend).toEqual(['b']);
  });

  it('a failed reload is said, with "Try again" loading the map', async () => {
    const h = host({ reloadInPlace: () => Promise.reject(new Error('Offline.')) });
    await new CommandRunner(h).runPartial(partial('ok', { reload: true }), jest.fn());
    expect(h.notices).toEqual(['The map could not be refreshed: Offline. (Try again)']);
  });

  it('a call that fails as a whole resolves to null; "Try again" sends it all again', async () => {
    const h = host();
    const again = jest.fn();
    expect(await new CommandRunner(h).runPartial(partial(new Error('Offline.'), {}), again)).toBeNull();
    h.retries[h.retries.length - 1]!();
    expect(again).toHaveBeenCalledWith(['a', 'b']);
  });
});
