/**
 * Debian's Chromium, driven by playwright-core, as the preview's browser tests, the README screenshot and the benchmark
 * use it: headless, no sandbox (containers), nothing phoning home, a fresh profile each time.
 */
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (.ci/run installs it); CHROMIUM_PATH names another Chromium or Chrome (CI). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser with a fresh profile in `profileDir` (an empty folder the caller removes). */
export async function launchChromium(
  profileDir: string,
  viewport: { width: number; height: number }
): Promise<BrowserContext> {
  try {
    return await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport,
      acceptDownloads: true,
    });
  } catch (error) {
    throw new Error(
      `Could not start Chromium at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\`, ` +
        `or set CHROMIUM_PATH): ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
