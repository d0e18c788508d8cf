/**
 * The local preview's web server (Node's http module; nothing else needed):
 *
 *   GET  /                    the page (the build's index.html)
 *   GET  /app.js, /chunks/*   the bundled components and page shell
 *   GET  /assets/*            SLDS: style sheet, icons, images (as Lightning serves them)
 *   GET  /preview/accounts    the sample accounts, the signed-in user and their permission
 *   GET  /reports             the Reports page (reports/page.ts), with /reports.js, /reports.css and /chrome.css
 *   GET  /preview/reports     the packaged reports and list views run over the store, as JSON
 *   POST /preview/reset       back to the sample data
 *   POST /apex/<method>       a RelationshipMapController method: 200 with its JSON result, or
 *                             the Apex error as `{ message }` with a 4xx status
 *
 * It listens on 127.0.0.1 unless told otherwise, answers only requests addressed to the host
 * it listens on (no DNS rebinding), takes POSTs only as JSON from its own origin (no cross-site
 * requests), and sends a Content-Security-Policy that allows no inline or foreign script.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { PreviewBackend } from './backend/index.ts';
import { SLDS_ASSETS_DIR } from './build.ts';
import { REPORTS_CLIENT_FILES, reportsHtml, reportsPageData } from './reports/page.ts';

export interface PreviewServerOptions {
  backend: PreviewBackend;
  /** The built page (build.ts). */
  buildDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Shown on the page: which permission set the preview user holds. */
  permission?: string;
  /** Shown on the page: where the data came from. */
  source?: string;
  /** One line per failed request (default: console.error). */
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** http://host:port/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The port is taken: say so in words a developer can act on. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number
  ) {
    super(
      `Port ${port} on ${host} is already in use. Stop what runs there, or pick another port: npm start -- --port 3001`
    );
    this.name = 'PortInUseError';
  }
}

/**
 * Fails fast with PortInUseError when `port` on `host` is taken (before a build that may take a
 * while); the real server binds it moments later.
 */
export async function checkPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error)
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** No inline or foreign script; inline styles stay (LWC and SLDS write style attributes). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** An answer with a status and a sentence, for requests that cannot be served. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** A file under `root`, or null when the path leaves it or names nothing. */
function fileUnder(root: string, relative: string): string | null {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cache: string): void {
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    'Cache-Control': cache,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, 'Send the parameters as JSON (Content-Type: application/json).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large for the preview server (5 MB).');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

/** The error a controller method raised, as the component receives it from Apex. */
function apexFailure(error: unknown): { status: number; message: string } | null {
  if (error && typeof error === 'object' && 'body' in error && 'status' in error) {
    const { status, body } = error;
    const message = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
    if (typeof status === 'number' && typeof message === 'string') return { status, message };
  }
  return null;
}

/** Hosts a browser may address this server as (anything else is refused: DNS rebinding). */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost', '[::1]']);
  if (host === '0.0.0.0' || host === '::') names.clear();
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 3000;
  const log = options.log ?? ((line: string) => console.error(line));
  const buildDir = path.resolve(options.buildDir);
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error(`No preview build in ${buildDir}: build it first (scripts/preview/build.ts).`);
  }
  const { backend } = options;
  let hosts = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = String(req.headers.host ?? '').toLowerCase();
    if (hosts.size > 0 && !hosts.has(hostHeader)) {
      throw new HttpError(421, `This preview answers only requests for ${[...hosts].join(', ')}.`);
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://preview.invalid').pathname);
    } catch {
      throw new HttpError(400, 'The address is not valid.');
    }
    const method = req.method ?? 'GET';

    if (method === 'POST') {
      const origin = req.headers.origin;
      if (origin !== undefined && hosts.size > 0 && !hosts.has(origin.replace(/^https?:\/\//i, '').toLowerCase())) {
        throw new HttpError(403, 'Requests from other sites are refused.');
      }
      if (pathname.startsWith('/apex/')) {
        const apexMethod = pathname.slice('/apex/'.length);
        const params = await readJsonBody(req);
        try {
          const result = await backend.invoke(apexMethod, params as Record<string, unknown>);
          sendJson(res, 200, result ?? null);
        } catch (error) {
          const failure = apexFailure(error);
          if (!failure) throw error;
          sendJson(res, failure.status, { message: failure.message });
        }
        return;
      }
      if (pathname === '/preview/reset') {
        await readJsonBody(req);
        await backend.reset();
        sendJson(res, 200, { reset: true, accounts: backend.accounts() });
        return;
      }
      throw new HttpError(404, `Nothing to POST at ${pathname}.`);
    }

    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, POST');
      throw new HttpError(405, `${method} is not supported here.`);
    }
    if (pathname === '/preview/accounts') {
      sendJson(res, 200, {
        accounts: backend.accounts(),
        currentUser: backend.currentUser(),
        permission: options.permission ?? 'user',
        source: options.source ?? 'sample data',
        notice: backend.notice ?? null,
      });
      return;
    }
    if (pathname === '/preview/reports') {
      const { store, now } = backend.snapshot();
      sendJson(res, 200, reportsPageData(store, now));
      return;
    }
    if (pathname === '/reports') {
      const html = reportsHtml();
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if (Object.hasOwn(REPORTS_CLIENT_FILES, pathname)) {
      sendFile(req, res, REPORTS_CLIENT_FILES[pathname], 'no-cache');
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      sendFile(req, res, path.join(buildDir, 'index.html'), 'no-store');
      return;
    }
    if (pathname.startsWith('/assets/')) {
      const file = fileUnder(SLDS_ASSETS_DIR, pathname.slice('/assets/'.length));
      if (file) {
        sendFile(req, res, file, 'public, max-age=3600');
        return;
      }
    } else if (!pathname.startsWith('/preview/') && !pathname.startsWith('/apex/')) {
      const file = fileUnder(buildDir, pathname.slice(1));
      // The bundle changes with every build: always revalidate.
      if (file && path.basename(file) !== 'manifest.json') {
        sendFile(req, res, file, 'no-cache');
        return;
      }
    }
    throw new HttpError(404, `Nothing at ${pathname}.`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message =
        error instanceof HttpError
          ? error.message
          : `The local preview failed: ${error instanceof Error ? error.message : String(error)}`;
      if (status >= 500)
        log(`${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? message) : message}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, { message });
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, requestedPort) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(requestedPort, host);
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(host, port);
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
