// The built app under its own Content-Security-Policy, and offline: every
// screen works without one policy violation, and after a first visit the app
// opens and saves deals with the network cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';
import { DashboardPage } from './support/dashboard-page.mjs';

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
