/** `npm start` flags: defaults, each flag, and a clear sentence for every mistake. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HELP, UsageError, parseStartArgs } from '../options.ts';

describe('npm start flags', () => {
  test('defaults: port 3000 on 127.0.0.1, the saved store, as a user, production engine', () => {
    assert.deepEqual(parseStartArgs([]), {
      port: 3000,
      host: '127.0.0.1',
      reset: false,
      people: undefined,
      permission: 'user',
      mode: 'production',
      rebuild: false,
      help: false,
    });
  });

  test('every flag', () => {
    const options = parseStartArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--reset',
      '--people',
      '1000',
      '--as',
      'read-only',
      '--debug',
      '--rebuild',
    ]);
    assert.equal(options.port, 0);
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.reset, true);
    assert.equal(options.people, 1000);
    assert.equal(options.permission, 'read-only');
    assert.equal(options.mode, 'development');
    assert.equal(options.rebuild, true);
    assert.equal(parseStartArgs(['-h']).help, true);
    assert.equal(parseStartArgs(['--port=8080']).port, 8080);
  });

  const mistakes: [string[], RegExp][] = [
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535 \(got "abc"\)/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--port', '-1'], /--port/],
    [['--people', '0'], /--people must be a whole number from 1 to 5000 \(got "0"\)/],
    [['--people', '2.5'], /--people must be a whole number/],
    [['--as', 'root'], /--as must be one of user, admin, read-only \(got "root"\)/],
    [['--prot', '3001'], /Unknown option '--prot'.*npm start -- --help/],
    [['--port'], /--port/],
    [['extra'], /npm start -- --help/],
    [['--host', ' '], /--host needs an address/],
  ];
  for (const [argv, message] of mistakes) {
    test(`rejects ${argv.join(' ')}`, () => {
      assert.throws(
        () => parseStartArgs(argv),
        (error: unknown) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, message);
          return true;
        }
      );
    });
  }

  test('the help names every flag', () => {
    for (const flag of [
      '--port',
      '--host',
      '--reset',
      '--people',
      '--as',
      '--debug',
      '--rebuild',
      '--help',
      '--target-org',
    ]) {
      assert.ok(HELP.includes(flag), `${flag} is in the help`);
    }
  });
});
