// Each test gets a fresh browser profile on the release build, and fails if
// the page raised an error.
import { after, afterEach, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { serveDirectory } from './static-server.mjs';
import { launchBrowser } from './browser.mjs';
import { DealsPage } from './deals-page.mjs';

export function useApp() {
  const session = { deals: null };
  let server;
  let browser;
  before(async () => {
    server = await serveDirectory('dist');
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    browser = await launchBrowser();
    session.deals = new DealsPage(await browser.context.newPage());
    await session.deals.open(server.url);
  });
  afterEach(async () => {
    assert.deepEqual(session.deals.errors, [], 'the page raised errors');
    await browser.close();
  });
  return session;
}
