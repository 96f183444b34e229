// Debian's Chromium driven by playwright-core: never a downloaded browser, a
// fresh profile every time, and no network beyond 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** `file`: the one file: URL a test opens from disk (the single-file build). */
export async function launchBrowser({ file } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'winloss-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Anything not served by the test server (or not that file) would be a CDN
  // or tracking call.
  const local = /^http:\/\/127\.0\.0\.1[:/]/;
  await context.route((url) => !local.test(url.href) && url.href.split('#')[0] !== file, (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
