import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COMMANDS } from '../main.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import type { FakeSalesforce } from './fake/server.ts';
import { run, startServer } from './harness.ts';

describe('command line', () => {
  let server: FakeSalesforce;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('--help lists every command and the exit codes', async () => {
    const result = await run(server, ['--help']);
    assert.equal(result.code, 0);
    for (const name of ['seed', 'export', 'import', 'report', 'refresh'])
      assert.match(result.stdout, new RegExp(`^ {2}${name} `, 'm'));
    assert.match(result.stdout, /Exit codes: 0 done; 1 failed .*; 2 usage error/);
    const bare = await run(server, []);
    assert.equal(bare.code, 2, 'no command is a usage error');
  });

  it('each command has --help with its flags and runnable examples', async () => {
    for (const command of COMMANDS) {
      const result = await run(server, [command.name, '--help']);
      assert.equal(result.code, 0, command.name);
      assert.match(result.stdout, new RegExp(`Usage: npm run ${command.name}`));
      assert.match(result.stdout, /--target-org <alias>/);
      assert.match(result.stdout, /Examples:\n {2}npm run /);
      for (const example of command.examples) assert.match(example, new RegExp(`^npm run ${command.name} -- `));
    }
    assert.equal(server.requests.length, 0, 'help needs no org');
  });

  it('an unknown command or flag is a usage error', async () => {
    const unknown = await run(server, ['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "frobnicate"\. Commands: seed, export, import, report, refresh/);
    const flag = await run(server, ['seed', '--target', 'x']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--target'/);
    assert.match(flag.stderr, /Usage: npm run seed/);
    const stray = await run(server, ['refresh', 'now']);
    assert.equal(stray.code, 2);
    assert.match(stray.stderr, /Unexpected argument "now"/);
  });

  it('runs as a program with the documented exit codes', () => {
    const main = path.join(REPO_ROOT, 'scripts', 'cli', 'main.ts');
    const env = { ...process.env, SF_ACCESS_TOKEN: '', SF_INSTANCE_URL: '' };
    const help = spawnSync(process.execPath, ['--import', 'tsx', main, 'export', '--help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env,
    });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Export a map, or all maps of an account/);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', main, 'report', 'unsupported'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env,
    });
    assert.equal(usage.status, 2, usage.stderr);
    assert.match(usage.stderr, /No org to work on/);
  });
});
