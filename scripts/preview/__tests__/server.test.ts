/**
 * The preview server without a browser: what it serves, how it answers the component's Apex
 * calls (results, and the controller's error sentences with their status), and what it refuses
 * (other hosts, other sites, paths outside its folders, non-JSON posts, a taken port).
 * A stand-in build folder (index.html + app.js) keeps these tests free of the 20-second bundle.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openPreviewBackend, type PreviewBackend } from '../backend/index.ts';
import type { MapGraph, MapSummary } from '../../shared/controllerTypes.ts';
import {
  CONTENT_SECURITY_POLICY,
  PortInUseError,
  checkPortFree,
  startPreviewServer,
  type PreviewServer,
} from '../server.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch would normalise the path and the Host header). */
function send(
  server: PreviewServer,
  method: string,
  rawPath: string,
  options: { headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path: rawPath, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
        );
      }
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const postJson = (server: PreviewServer, rawPath: string, body: unknown, headers: Record<string, string> = {}) =>
  send(server, 'POST', rawPath, {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

let scratch: string;
let backend: PreviewBackend;
let server: PreviewServer;
let accountId: string;

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'rm-preview-server-'));
  const buildDir = path.join(scratch, 'build');
  mkdirSync(buildDir);
  writeFileSync(path.join(buildDir, 'index.html'), '<!doctype html><title>stand-in</title>');
  writeFileSync(path.join(buildDir, 'app.js'), 'export {};');
  writeFileSync(path.join(buildDir, 'manifest.json'), '{"hash":"secret-ish"}');
  backend = await openPreviewBackend({ storeFile: path.join(scratch, 'store.json'), reset: true });
  server = await startPreviewServer({ backend, buildDir, port: 0, log: () => undefined });
  accountId = backend.accounts()[0].id;
});

after(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('preview server: the page', () => {
  test('serves the page with a Content-Security-Policy that allows no inline or foreign script', async () => {
    const page = await send(server, 'GET', '/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /script-src[^;]*unsafe/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.equal(page.body, '<!doctype html><title>stand-in</title>');
  });

  test('serves the bundle and the SLDS style sheet and icons', async () => {
    const script = await send(server, 'GET', '/app.js');
    assert.equal(script.status, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    const css = await send(server, 'HEAD', '/assets/styles/salesforce-lightning-design-system.min.css');
    assert.equal(css.status, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    const sprite = await send(server, 'HEAD', '/assets/icons/utility-sprite/svg/symbols.svg');
    assert.equal(sprite.status, 200);
    assert.equal(sprite.headers['content-type'], 'image/svg+xml');
  });

  test('never serves files outside its folders, nor the build manifest', async () => {
    for (const raw of [
      '/../package.json',
      '/..%2f..%2fpackage.json',
      '/assets/../../../package.json',
      '/assets/..%2f..%2f..%2f..%2fpackage.json',
      '/manifest.json',
      '/%E0%A4%A',
    ]) {
      const answer = await send(server, 'GET', raw);
      assert.ok(answer.status === 404 || answer.status === 400, `${raw} → ${answer.status}`);
      assert.doesNotMatch(answer.body, /relationship-maps|secret-ish/, `${raw} leaked a file`);
    }
  });

  test('answers only requests addressed to itself (no DNS rebinding)', async () => {
    const answer = await send(server, 'GET', '/preview/accounts', { headers: { Host: `evil.example:${server.port}` } });
    assert.equal(answer.status, 421);
    assert.match((JSON.parse(answer.body) as { message: string }).message, /answers only requests for 127\.0\.0\.1/);
    const local = await send(server, 'GET', '/preview/accounts', { headers: { Host: `localhost:${server.port}` } });
    assert.equal(local.status, 200);
  });

  test('rejects methods it does not serve', async () => {
    const answer = await send(server, 'DELETE', '/');
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.allow, 'GET, HEAD, POST');
  });
});

describe('preview server: the Apex controller', () => {
  test('lists the sample accounts and the signed-in user', async () => {
    const answer = await send(server, 'GET', '/preview/accounts');
    assert.equal(answer.status, 200);
    const session = JSON.parse(answer.body) as {
      accounts: { id: string; name: string }[];
      currentUser: { name: string };
      permission: string;
    };
    assert.deepEqual(session.accounts, backend.accounts());
    assert.equal(session.currentUser.name, backend.currentUser().name);
    assert.equal(session.permission, 'user');
  });

  test('runs a controller method and answers its result as JSON', async () => {
    const answer = await postJson(server, '/apex/getMapsForAccount', { accountId });
    assert.equal(answer.status, 200);
    const maps = JSON.parse(answer.body) as MapSummary[];
    assert.deepEqual(maps, await backend.invoke('getMapsForAccount', { accountId }));
    assert.ok(maps.length > 0);
  });

  test("answers the controller's error sentence with a 4xx status, as Apex would", async () => {
    const answer = await postJson(server, '/apex/loadMapGraph', { mapId: 'not-an-id' });
    assert.equal(answer.status, 400);
    const expected = await backend.invoke('loadMapGraph', { mapId: 'not-an-id' }).then(
      () => assert.fail('the controller accepted a bad Id'),
      (error: Error) => error.message
    );
    assert.deepEqual(JSON.parse(answer.body), { message: expected });
  });

  test('names an unknown controller method', async () => {
    const answer = await postJson(server, '/apex/dropEverything', {});
    assert.equal(answer.status, 404);
    assert.match(answer.body, /RelationshipMapController has no method \\"dropEverything\\"/);
  });

  test('takes parameters only as JSON, and says so', async () => {
    const form = await send(server, 'POST', '/apex/getMapsForAccount', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `accountId=${accountId}`,
    });
    assert.equal(form.status, 415);
    assert.match(form.body, /Send the parameters as JSON/);
    const broken = await send(server, 'POST', '/apex/getMapsForAccount', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"accountId": ',
    });
    assert.equal(broken.status, 400);
    assert.match(broken.body, /not valid JSON/);
  });

  test('refuses posts from other sites', async () => {
    const answer = await postJson(server, '/apex/getMapsForAccount', { accountId }, { Origin: 'https://evil.example' });
    assert.equal(answer.status, 403);
    const own = await postJson(server, '/apex/getMapsForAccount', { accountId }, { Origin: server.url.slice(0, -1) });
    assert.equal(own.status, 200);
  });

  test('reset brings back the sample data after an edit', async () => {
    const [map] = (await backend.invoke('getMapsForAccount', { accountId })) as MapSummary[];
    const graph = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    const person = graph.people.find((p) => p.stance !== 'Champion');
    assert.ok(person);
    const edit = await postJson(server, '/apex/updatePerson', { personId: person.id, changes: { stance: 'Champion' } });
    assert.equal(edit.status, 200);
    const edited = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(edited.people.find((p) => p.id === person.id)?.stance, 'Champion');

    const reset = await postJson(server, '/preview/reset', {});
    assert.equal(reset.status, 200);
    const restored = (await backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
    assert.equal(restored.people.find((p) => p.id === person.id)?.stance, person.stance);
  });
});

describe('preview server: starting', () => {
  test('a taken port is reported with the fix', async () => {
    await assert.rejects(
      startPreviewServer({ backend, buildDir: path.join(scratch, 'build'), port: server.port, log: () => undefined }),
      (error: unknown) => {
        assert.ok(error instanceof PortInUseError);
        assert.match(error.message, new RegExp(`Port ${server.port} on 127\\.0\\.0\\.1 is already in use`));
        assert.match(error.message, /npm start -- --port/);
        return true;
      }
    );
  });

  test('the port check before building reports a taken port, and passes a free one', async () => {
    await assert.rejects(checkPortFree('127.0.0.1', server.port), PortInUseError);
    await checkPortFree('127.0.0.1', 0);
  });

  test('refuses to start without a build', async () => {
    await assert.rejects(
      startPreviewServer({ backend, buildDir: path.join(scratch, 'nothing-here'), port: 0 }),
      /No preview build in .*nothing-here/
    );
  });
});
