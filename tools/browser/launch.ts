// Headless Debian chromium driven by playwright-core, the way every browser test of the
// project starts it: a fresh profile per launch, nothing that phones home.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without type declarations
import { ensureChromium } from './install-chromium.mjs';

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

export interface HeadlessBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Installs chromium when missing (tools/browser/install-chromium.mjs), then starts it. */
export async function launchHeadlessChromium(viewport = { width: 1400, height: 900 }): Promise<HeadlessBrowser> {
  const executablePath = (ensureChromium as () => string)();
  const profile = mkdtempSync(join(tmpdir(), 'revoketoken-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
