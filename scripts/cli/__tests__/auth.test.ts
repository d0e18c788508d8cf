import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FAKE_TOKEN, type FakeSalesforce } from './fake/server.ts';
import { buildSmallOrg } from './fixtures/smallOrg.ts';
import { run, startServer } from './harness.ts';

describe('authentication', () => {
  let server: FakeSalesforce;
  before(async () => {
    server = await startServer();
    buildSmallOrg(server.org);
  });
  after(() => server.stop());

  const orgDisplay = (accessToken: string, instanceUrl: string) => ({
    code: 0,
    stdout: JSON.stringify({
      status: 0,
      result: { id: '00DFAKE', accessToken, instanceUrl, username: 'admin@example.com', alias: 'my-org' },
    }),
    stderr: '',
  });

  it('reads the token and instance URL from `sf org display` for --target-org, and never prints the token', async () => {
    const result = await run(server, ['report', 'unsupported', '--target-org', 'my-org'], {
      env: {},
      sf: () => orgDisplay(FAKE_TOKEN, server.url),
    });
    assert.equal(result.code, 0, result.output);
    assert.equal(result.commands.length, 1);
    assert.equal(path.basename(result.commands[0].file), 'sf');
    assert.match(result.commands[0].file, /node_modules[/\\]\.bin[/\\]sf$/);
    assert.deepEqual(result.commands[0].args, ['org', 'display', '--target-org', 'my-org', '--json']);
    assert.match(result.stdout, /Alice Able/);
    assert.ok(!result.output.includes(FAKE_TOKEN));
    assert.ok(
      server.requests.at(-1)?.path.startsWith('/services/data/v65.0/'),
      'the API version comes from sfdx-project.json'
    );
  });

  it('uses SF_ACCESS_TOKEN and SF_INSTANCE_URL without running sf', async () => {
    const result = await run(server, ['report', 'unsupported', '--format', 'json']);
    assert.equal(result.code, 0, result.output);
    assert.equal(result.commands.length, 0);
  });

  it('explains how to log in when sf has no login for the alias, without echoing secrets', async () => {
    const result = await run(server, ['report', 'unsupported', '--target-org', 'old-org'], {
      env: {},
      sf: () => ({
        code: 1,
        stdout: JSON.stringify({
          status: 1,
          name: 'NamedOrgNotFoundError',
          message: `No authorization information found for old-org (last token ${FAKE_TOKEN}).`,
        }),
        stderr: '',
      }),
    });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /The sf CLI has no usable login for "old-org": No authorization information found for old-org/
    );
    assert.match(result.stderr, /npx sf org login web --alias old-org/);
    assert.ok(!result.output.includes(FAKE_TOKEN));
    assert.match(result.stderr, /\[redacted\]/);
  });

  it('tells how to log in again when the session has expired', async () => {
    const stale = `${FAKE_TOKEN.slice(0, -4)}OLD1`;
    const viaSf = await run(server, ['report', 'unsupported', '--target-org', 'my-org'], {
      env: {},
      sf: () => orgDisplay(stale, server.url),
    });
    assert.equal(viaSf.code, 1);
    assert.match(
      viaSf.stderr,
      /session has expired or is not valid \(INVALID_SESSION_ID\)\. Log in again with `npx sf org login web --alias my-org`/
    );
    assert.ok(!viaSf.output.includes(stale));
    const viaEnv = await run(server, ['report', 'unsupported'], {
      env: { SF_ACCESS_TOKEN: stale, SF_INSTANCE_URL: server.url },
    });
    assert.equal(viaEnv.code, 1);
    assert.match(viaEnv.stderr, /Get a fresh access token/);
    assert.ok(!viaEnv.output.includes(stale));
  });

  it('reports an API error with exit code 1; a passing 5xx on a read is retried', async () => {
    server.failNext((r) => r.path.endsWith('/query'), 403, [
      { errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' },
    ]);
    const limited = await run(server, ['report', 'unsupported']);
    assert.equal(limited.code, 1);
    assert.match(
      limited.stderr,
      /report failed: The org refused the request: TotalRequests Limit exceeded\. \(REQUEST_LIMIT_EXCEEDED\)/
    );
    // jsforce retries GET requests on 5xx with a back-off; one failure is absorbed.
    server.failNext((r) => r.path.endsWith('/query'), 503, [
      { errorCode: 'SERVER_UNAVAILABLE', message: 'Server is down for maintenance' },
    ]);
    const retried = await run(server, ['report', 'unsupported']);
    assert.equal(retried.code, 0, retried.output);
    assert.match(retried.stdout, /Alice Able/);
  });

  it('is a usage error (exit 2) when no org is given or the values are malformed, before any request', async () => {
    const before = server.requests.length;
    const none = await run(server, ['report', 'unsupported'], { env: {} });
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /No org to work on: pass --target-org <alias>.*or set both SF_ACCESS_TOKEN and SF_INSTANCE_URL/
    );
    const badUrl = await run(server, ['report', 'unsupported'], {
      env: { SF_ACCESS_TOKEN: FAKE_TOKEN, SF_INSTANCE_URL: 'not a url' },
    });
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /SF_INSTANCE_URL gave an instance URL that is not a URL/);
    assert.ok(!badUrl.output.includes(FAKE_TOKEN));
    const badAlias = await run(server, ['report', 'unsupported', '--target-org', 'x; rm -rf /'], {
      env: {},
      sf: () => orgDisplay(FAKE_TOKEN, server.url),
    });
    assert.equal(badAlias.code, 2);
    assert.equal(badAlias.commands.length, 0);
    assert.equal(server.requests.length, before);
  });
});
