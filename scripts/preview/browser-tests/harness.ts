/**
 * What every browser test file shares: the preview built once (or reused), served in-process on a
 * free port over a store of its own (a temp file rebuilt from the sample data, so the tests never
 * touch the user's .preview/store.json), and Debian's Chromium driven by playwright-core with a
 * fresh profile.
 *
 * Each page records what must never happen while a user works: uncaught errors, console errors,
 * Content-Security-Policy violations and dialogs (alert/confirm/prompt). Tests assert that list
 * is empty at their end.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { openPreviewBackend, type PreviewBackend, type PreviewBackendOptions } from '../backend/index.ts';
import { buildPreview } from '../build.ts';
import type { MapGraph, MapPerson, MapSummary } from '../../shared/controllerTypes.ts';
import { REPO_ROOT } from '../../shared/project.mjs';
import { launchChromium } from '../../shared/chromium.ts';
import { startPreviewServer, type PreviewServer } from '../server.ts';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.test-output', 'screenshots');
export const VIEWPORT = { width: 1400, height: 900 };
/** A common laptop, and a phone: the sizes issue 15's layout is checked at. */
export const LAPTOP = { width: 1280, height: 720 };
export const PHONE = { width: 375, height: 812 };

/**
 * The little of the DOM the tests touch inside the page. The scripts' tsconfig has no DOM library
 * (they are Node programs), so code sent to the page names these instead of `document`/`window`.
 *
 * Queries go through locators, not `document.querySelectorAll` in page code: synthetic shadow
 * (as in Lightning Experience) hides every component's inside from document-level queries made by
 * the page's own scripts, while Playwright's locators see through it.
 */
export interface PageElement {
  getAttribute(name: string): string | null;
}
export interface PageWindow {
  document: {
    addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  __cspViolations?: string[];
}

/** What a page did that a user must never see. */
export interface PageWatch {
  errors: string[];
  dialogs: string[];
  /** Requests answered with 4xx/5xx, e.g. `400 POST /apex/saveLinks`. */
  failedRequests: string[];
}

export interface Preview {
  url: string;
  backend: PreviewBackend;
  context: BrowserContext;
  /**
   * A new tab on `?account=<accountId>` (or the start page), watched for errors and dialogs; with
   * `viewport`, sized before the page loads (the tab decides at load whether it is on a phone).
   */
  open(
    accountId?: string,
    query?: Record<string, string>,
    options?: { viewport?: { width: number; height: number } }
  ): Promise<{ page: Page; watch: PageWatch }>;
  /**
   * Writes .test-output/screenshots/<prefix>-<name>.png: the whole page, or with `fullPage: false`
   * the window as the user sees it (a whole-page capture puts scrolled panels back to their top).
   */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** Prefix of this file's screenshots. */
  name: string;
  synthetic?: PreviewBackendOptions['synthetic'];
  permission?: PreviewBackendOptions['permission'];
}

/** Builds (or reuses) the page, serves it over a fresh store on a free port and opens Chromium. */
export async function openPreview(options: PreviewOptions): Promise<Preview> {
  const build = await buildPreview();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'rm-preview-test-'));
  const backend = await openPreviewBackend({
    storeFile: path.join(scratch, 'store.json'),
    reset: true,
    ...(options.synthetic ? { synthetic: options.synthetic } : {}),
    ...(options.permission ? { permission: options.permission } : {}),
  });
  let server: PreviewServer | undefined;
  let context: BrowserContext | undefined;
  try {
    server = await startPreviewServer({
      backend,
      buildDir: build.outDir,
      port: 0,
      permission: options.permission ?? 'user',
      log: () => undefined,
    });
    context = await launchChromium(path.join(scratch, 'profile'), VIEWPORT);
  } catch (error) {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const url = server.url;
  const openContext = context;
  const openServer = server;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    url,
    backend,
    context: openContext,
    async open(accountId, query = {}, { viewport } = {}) {
      const page = await openContext.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.setDefaultTimeout(20_000);
      const watch: PageWatch = { errors: [], dialogs: [], failedRequests: [] };
      page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs every 4xx/5xx answer as a console error; those are in failedRequests.
        if (/^Failed to load resource: the server responded with a status of/.test(message.text())) return;
        watch.errors.push(`console: ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) {
          const { pathname } = new URL(response.url());
          watch.failedRequests.push(`${response.status()} ${response.request().method()} ${pathname}`);
        }
      });
      page.on('dialog', (dialog) => {
        watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // A CSP violation is reported as an event in the page; collect it where the test can read it.
      await page.addInitScript(() => {
        const w = globalThis as unknown as PageWindow;
        w.document.addEventListener('securitypolicyviolation', (event) => {
          (w.__cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      const params = new URLSearchParams(query);
      if (accountId) params.set('account', accountId);
      const search = params.toString();
      await page.goto(`${url}${search ? `?${search}` : ''}`);
      return { page, watch };
    },
    async screenshot(page, name, { fullPage = true } = {}) {
      // The whole page by default: the map sits below the record header, as on a real Account page.
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${options.name}-${name}.png`), fullPage });
    },
    async close() {
      await openContext.close().catch(() => undefined);
      await openServer.close().catch(() => undefined);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Everything the page did wrong so far: errors, dialogs, CSP violations and failed requests
 * (`apexErrorsExpected`: a test that provokes an Apex error lets 4xx answers from /apex/ pass).
 */
export async function problemsOf(page: Page, watch: PageWatch, apexErrorsExpected = false): Promise<string[]> {
  const csp = await page.evaluate(() => (globalThis as unknown as PageWindow).__cspViolations ?? []);
  const failed = watch.failedRequests.filter((r) => !(apexErrorsExpected && /^4\d\d POST \/apex\//.test(r)));
  return [
    ...watch.errors,
    ...watch.dialogs.map((d) => `dialog ${d}`),
    ...csp.map((c) => `CSP violation: ${c}`),
    ...failed.map((r) => `failed request: ${r}`),
  ];
}

/** Asserts that the page did nothing wrong (problemsOf is empty), then closes it. */
export async function closeClean(page: Page, watch: PageWatch): Promise<void> {
  assert.deepEqual(await problemsOf(page, watch), []);
  await page.close();
}

/** The sample data's first account with a map, its first map, and who is on it (not excluded). */
export interface SampleMap {
  accountId: string;
  map: MapSummary;
  graph: MapGraph;
  people: MapPerson[];
}

export async function sampleMap(preview: Preview): Promise<SampleMap> {
  const account = preview.backend.accounts().find((a) => a.mapCount > 0);
  assert.ok(account, 'the sample data has an account with a map');
  const [map] = (await preview.backend.invoke('getMapsForAccount', { accountId: account.id })) as MapSummary[];
  const graph = (await preview.backend.invoke('loadMapGraph', { mapId: map.id })) as MapGraph;
  return { accountId: account.id, map, graph, people: graph.people.filter((p) => !p.excluded) };
}

/** A preview opened for a suite, with the sample data's first map (sampleMap). */
export interface SampleSession extends SampleMap {
  preview: Preview;
  /**
   * A test (180 s at most) on a new tab of the sample account at `viewport`, once its graph has
   * settled (openSettled): `body` works the page, then the page must have done nothing wrong
   * (closeClean).
   */
  testOnTab(
    title: string,
    viewport: { width: number; height: number },
    body: (page: Page, preview: Preview) => Promise<void>
  ): void;
}

/**
 * Opens a preview before the tests of the file (or of the describe it is called in), then runs
 * `setup` (what the file changes in the data first), and closes it after them. Its fields are set
 * by that `before` hook: read them inside tests. (node:test may start a second top-level `before`
 * of the file before this one has finished, so a file's own setup goes in `setup`.)
 */
export function sampleSession(
  options: PreviewOptions,
  setup?: (session: SampleSession) => Promise<void>
): SampleSession {
  const session = {
    testOnTab(title, viewport, body) {
      test(title, { timeout: 180_000 }, async () => {
        const { page, watch } = await openSettled(session.preview, session.accountId, viewport);
        await body(page, session.preview);
        await closeClean(page, watch);
      });
    },
  } as SampleSession;
  before(async () => {
    session.preview = await openPreview(options);
    Object.assign(session, await sampleMap(session.preview));
    await setup?.(session);
  });
  after(async () => {
    await session.preview?.close();
  });
  return session;
}

/** The `data-id` of every element `selector` matches, in document order. */
export function dataIds(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((nodes: PageElement[]) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
}

/** The graph's people, by id (the nodes the map drew). */
export const nodeSelector = (personId?: string): string =>
  personId ? `c-relationship-map-graph .rmg-node[data-id="${personId}"]` : 'c-relationship-map-graph .rmg-node';

/** Waits until the map shows its graph with at least one person. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.locator(nodeSelector()).first().waitFor({ state: 'attached', timeout: 60_000 });
}

/**
 * Waits until the drawing stops changing between two looks 400 ms apart (the force layout has
 * settled), or gives up after `timeoutMs` (a layout still drifting slightly is not a failure in
 * itself). SVG maps are compared by their nodes' positions; maps painted on a canvas (large ones)
 * by the canvas's pixels.
 */
export async function waitForLayoutToSettle(page: Page, timeoutMs = 30_000): Promise<void> {
  const canvas = page.locator('c-relationship-map-graph canvas');
  const painted = (await canvas.count()) > 0;
  const look = () =>
    painted
      ? canvas.evaluate((c: { toDataURL(type: string): string }) => c.toDataURL('image/png'))
      : page
          .locator(nodeSelector())
          .evaluateAll((nodes: PageElement[]) => nodes.map((n) => n.getAttribute('transform') ?? '').join('|'));
  const deadline = Date.now() + timeoutMs;
  let before = await look();
  while (Date.now() < deadline) {
    await page.waitForTimeout(400);
    const now = await look();
    if (now === before) return;
    before = now;
  }
}

/**
 * Waits for the graph's first person (waitForGraph), scrolls the graph into view when asked, then
 * waits for its layout to settle (waitForLayoutToSettle, `timeoutMs`).
 */
export async function waitForSettledGraph(
  page: Page,
  options: { timeoutMs?: number; scrollIntoView?: boolean } = {}
): Promise<void> {
  await waitForGraph(page);
  if (options.scrollIntoView) await page.locator('c-relationship-map-graph').scrollIntoViewIfNeeded();
  await waitForLayoutToSettle(page, options.timeoutMs);
}

/** A new tab on the account at a size (preview.open), once its graph has settled (waitForSettledGraph). */
export async function openSettled(
  preview: Preview,
  accountId: string,
  viewport: { width: number; height: number }
): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await preview.open(accountId, {}, { viewport });
  await waitForSettledGraph(opened.page);
  return opened;
}

/** Translate of a node's `transform="translate(x,y)"`. */
export async function nodePosition(page: Page, personId: string): Promise<{ x: number; y: number }> {
  const transform = (await page.locator(nodeSelector(personId)).getAttribute('transform')) ?? '';
  const match = /translate\(\s*(-?[\d.e+-]+)[ ,]\s*(-?[\d.e+-]+)\s*\)/.exec(transform);
  if (!match) throw new Error(`Node ${personId} has no position (transform="${transform}").`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** Polls `check` until it returns a value that is not undefined (or throws after `timeoutMs`). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** axe-core, run in the page by `axeScan`. */
const AXE_SOURCE_FILE = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/** Serious and critical axe-core violations on the page now, one line each. `onlyRule` runs one rule. */
export async function axeScan(page: Page, where: string, options: { onlyRule?: string } = {}): Promise<string[]> {
  // evaluate, not a <script> tag: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(readFileSync(AXE_SOURCE_FILE, 'utf8'));
  const violations = await page.evaluate(async (onlyRule) => {
    type Axe = { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
    const w = globalThis as unknown as { axe: Axe; document: unknown };
    const runOptions = onlyRule ? { runOnly: { type: 'rule', values: [onlyRule] } } : {};
    return (await w.axe.run(w.document, runOptions)).violations;
  }, options.onlyRule ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`
    );
}
