// The built app under its own Content-Security-Policy, and offline: every
// screen works without one policy violation, after a first visit the app
// opens and saves deals with the network cut, and a new deployment is
// offered and taken only when the user reloads into it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashboardPage } from './support/dashboard-page.mjs';
import { DealsPage } from './support/deals-page.mjs';
import { launchBrowser } from './support/browser.mjs';
import { serveDirectory } from './support/static-server.mjs';

const app = useApp();

async function recordViolations(page) {
  await page.addInitScript(() => {
    window.policyViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.policyViolations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
    });
  });
}

test('every screen works under the Content-Security-Policy without a violation', async () => {
  const { deals } = app;
  const page = deals.page;
  await recordViolations(page);
  await deals.reload();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await dashboard.chartOption('Loss reasons');
  await dashboard.chart('Loss reasons').locator('canvas').hover();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await deals.addDeal({ Name: 'Acme renewal', Amount: '12000' });
  await deals.close('Acme renewal', 'Lost', 'Too expensive');
  for (const link of ['Import', 'Settings', 'Dashboard']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  }
  await dashboard.chartOption('Win rate by month');
  assert.deepEqual(await page.evaluate(() => window.policyViolations), []);
});

test('after a first visit the app opens and saves deals with the network cut', async () => {
  const { deals } = app;
  const page = deals.page;
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await deals.addDeal({ Name: 'Saved online' });
  await page.context().setOffline(true);
  try {
    await deals.reload();
    await deals.deal('Saved online').waitFor();
    await deals.addDeal({ Name: 'Saved offline' });
    await deals.reload();
    await deals.deal('Saved offline').waitFor();
    const dashboard = new DashboardPage(page);
    await dashboard.open();
  } finally {
    await page.context().setOffline(false);
  }
});

test('a new deployment is offered, not forced: the user reloads into it and the deals stay', async () => {
  const site = await mkdtemp(join(tmpdir(), 'winloss-site-'));
  await cp('dist', site, { recursive: true });
  const server = await serveDirectory(site);
  const browser = await launchBrowser();
  try {
    const deals = new DealsPage(await browser.context.newPage());
    await deals.open(server.url);
    const manifest = await (await deals.page.request.get(`${server.url}manifest.webmanifest`)).json();
    assert.equal(manifest.short_name, 'Winloss');
    assert.deepEqual(manifest.icons.map((icon) => icon.sizes), ['192x192', '512x512']);
    await deals.page.evaluate(() => navigator.serviceWorker.ready);
    await deals.addDeal({ Name: 'Kept across the update' });
    await deals.deal('Kept across the update').waitFor();

    // A new build: its service worker names a new cache.
    const worker = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), worker.replace(/const CACHE = 'winloss-[0-9a-f]+'/, "const CACHE = 'winloss-newbuild'"));
    await deals.reload();
    const offer = deals.page.getByRole('status').filter({ hasText: 'A new version of Winloss is ready' });
    await offer.waitFor();
    await Promise.all([deals.page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload to update' }).click()]);
    await deals.ready();
    await deals.deal('Kept across the update').waitFor();
    assert.deepEqual(await deals.page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('winloss-'))), ['winloss-newbuild']);
    assert.deepEqual(deals.errors, []);
  } finally {
    await browser.close();
    await server.close();
    await rm(site, { recursive: true, force: true });
  }
});
