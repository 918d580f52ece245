/**
 * Debian's Chromium through playwright-core (no browser download). When it is missing,
 * the e2e tests are skipped with a message, except on CI (process.env.CI), where that
 * is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `Chromium ontbreekt (${CHROMIUM}): installeer het met "apt-get install -y chromium" (zie scripts/setup).`;
  if (process.env.CI) throw new Error(msg);
  console.warn(`End-to-end tests overgeslagen. ${msg}`);
  return false;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with a fresh profile (user data dir) that is removed on close. */
export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
