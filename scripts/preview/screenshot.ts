/**
 * Takes the README's screenshot of the preview: the sample enterprise account's Relationship Map
 * tab with a champion selected, 1400×900 unscrolled (the graph fills the window below the
 * toolbar), to docs/images/relationship-map-preview.png.
 *
 *   node --import tsx scripts/preview/screenshot.ts                 its own preview on fresh sample data
 *   node --import tsx scripts/preview/screenshot.ts --url http://127.0.0.1:3000/   a running `npm start`
 *   ... [--out <file.png>]
 *
 * Without --url the picture never shows local edits: it serves the sample data from a temp store.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { MapGraph, MapSummary } from '../shared/controllerTypes.ts';
import { openPreview, waitForGraph, waitForLayoutToSettle } from './browser-tests/harness.ts';
import { REPO_ROOT } from '../shared/project.mjs';
import { launchChromium } from '../shared/chromium.ts';

const DEFAULT_OUT = path.join(REPO_ROOT, 'docs', 'images', 'relationship-map-preview.png');
const SIZE = { width: 1400, height: 900 };

interface PreviewAccount {
  id: string;
  name: string;
  mapCount: number;
}

/** Reads the preview's own API, as the page does. */
async function getJson<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => {
    throw new Error(`No preview answers at ${url}: start one with \`npm start\`, or leave out --url.`);
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}.`);
  return (await response.json()) as T;
}

/** Opens the enterprise account, selects a decision maker and frames the map. */
async function frame(page: Page, baseUrl: string): Promise<void> {
  const { accounts } = await getJson<{ accounts: PreviewAccount[] }>(new URL('/preview/accounts', baseUrl).href);
  const account = accounts.find((a) => a.mapCount > 0);
  if (!account) throw new Error('The preview has no account with a map: reset it with `npm start -- --reset`.');
  const [map] = await getJson<MapSummary[]>(new URL('/apex/getMapsForAccount', baseUrl).href, {
    accountId: account.id,
  });
  const graph = await getJson<MapGraph>(new URL('/apex/loadMapGraph', baseUrl).href, { mapId: map.id });
  // A champion inside the account: their panel is open and the whole map stays in full colour
  // (selecting a decision maker would fade everyone off the warm paths to them).
  const person =
    graph.people.find((p) => p.side === 'Customer' && p.stance === 'Champion' && !p.isDecisionMaker && !p.excluded) ??
    graph.people.find((p) => !p.excluded);

  await page.goto(`${baseUrl}?account=${encodeURIComponent(account.id)}`);
  await waitForGraph(page);
  await waitForLayoutToSettle(page);
  if (person) {
    await page.locator(`c-relationship-map-graph .rmg-node[data-id="${person.id}"]`).click();
    await page.locator('c-relationship-map-person-panel [data-id="heading"]').waitFor();
  }
  // The tab as a rep first sees it: record header, map header, toolbar, the graph filling the
  // window and the panel beside it.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { url: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const out = path.resolve(values.out ?? DEFAULT_OUT);
  mkdirSync(path.dirname(out), { recursive: true });

  if (values.url) {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'rm-screenshot-'));
    const context = await launchChromium(profile, SIZE);
    try {
      const page = await context.newPage();
      await frame(page, new URL('/', values.url).href);
      await page.screenshot({ path: out });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } else {
    const preview = await openPreview({ name: 'readme' });
    try {
      const { page } = await preview.open();
      await frame(page, preview.url);
      await page.screenshot({ path: out });
    } finally {
      await preview.close();
    }
  }
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
