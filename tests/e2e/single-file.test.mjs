// The single file (`make single-file`, dist/winloss.html): it carries
// everything and its own Content-Security-Policy; opened from disk it works,
// keeps its deals across reopening, moves between its pages (the route lives
// in the URL's fragment there), saves a backup, and asks for nothing outside
// itself.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './support/browser.mjs';
import { DashboardPage } from './support/dashboard-page.mjs';
import { DataPage } from './support/data-page.mjs';
import { DealsPage } from './support/deals-page.mjs';

const FILE = resolve('dist/winloss.html');
const FILE_URL = pathToFileURL(FILE).href;

async function singleFile() {
  return readFile(FILE, 'utf8').catch(() => {
    throw new Error(`${FILE} is missing: run \`make single-file\` first`);
  });
}

const hash = (source) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

test('the file carries everything, under its own policy by hash', async () => {
  const html = await singleFile();
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'the file has a Content-Security-Policy');
  const directives = Object.fromEntries(policy.split(/;\s*/).map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    return [name, sources];
  }));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['img-src'], ["'self'", 'data:', 'blob:']);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);

  // Every script that runs is allowed by its hash, and nothing else is.
  const scripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/type="application\/octet-stream"/.test(attributes))
    .map(([, , source]) => source);
  assert.equal(scripts.length, 2, 'ECharts and the app');
  assert.deepEqual(directives['script-src'], [...scripts.map(hash), "'wasm-unsafe-eval'"]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, source]) => source);
  assert.deepEqual(directives['style-src'], styles.map(hash));

  // No tag points to another file: only data:, blob: or the page itself.
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/g, '$1</$2>');
  const links = [...markup.matchAll(/\s(?:src|href)="([^"]*)"/g)].map(([, url]) => url);
  assert.deepEqual(links.filter((url) => !/^(?:data:|blob:|#)/.test(url)), []);
  assert.doesNotMatch(styles.join('\n'), /url\((?!\s*["']?data:)|@import/);
});

describe('opened from disk', () => {
  let browser;
  let pages;
  let violations;
  let elsewhere;

  /** Opens the file in a new tab of the same browser profile. */
  async function openFile(url = FILE_URL) {
    const deals = new DealsPage(await browser.context.newPage());
    pages.push(deals);
    await deals.open(url);
    return deals;
  }

  beforeEach(async () => {
    browser = await launchBrowser({ file: FILE_URL });
    pages = [];
    violations = [];
    elsewhere = [];
    await browser.context.exposeBinding('reportPolicyViolation', (_source, violation) => violations.push(violation));
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.reportPolicyViolation(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
      });
    });
    browser.context.on('request', (request) => {
      const url = request.url();
      if (url.split('#')[0] !== FILE_URL && !/^(?:data|blob):/.test(url)) elsewhere.push(url);
    });
  });

  afterEach(async () => {
    for (const deals of pages) assert.deepEqual(deals.errors, [], 'the page raised errors');
    assert.deepEqual(violations, [], 'Content-Security-Policy violations');
    assert.deepEqual(elsewhere, [], 'requests for anything outside the file');
    await browser.close();
  });

  test('it keeps deals across reopening, moves between its pages and saves a backup', async () => {
    const first = await openFile();
    assert.equal(await first.page.evaluate(() => typeof window.wasmBindings?.add_sample_deals), 'function');
    await first.addDeal({ Name: 'Acme renewal' });
    await first.deal('Acme renewal').waitFor();
    await first.page.close();

    // Opened again: the bare file URL is the deal list, with the deal kept.
    const deals = await openFile();
    const page = deals.page;
    await deals.deal('Acme renewal').waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await new DashboardPage(page).open();
    assert.equal(page.url(), `${FILE_URL}#/dashboard`);
    await nav.getByRole('link', { name: 'Deals' }).click();
    await deals.deal('Acme renewal').waitFor();
    assert.equal(page.url(), FILE_URL);

    // A deal's own page; back, forward and reload keep to the right page.
    await deals.deal('Acme renewal').getByRole('link', { name: 'Acme renewal' }).click();
    await page.getByRole('heading', { name: 'Acme renewal', level: 2 }).waitFor();
    assert.match(page.url(), /#\/deals\/[0-9a-f-]+$/);
    await page.goBack();
    await deals.ready();
    assert.equal(page.url(), FILE_URL);
    await page.goForward();
    await page.getByRole('heading', { name: 'Acme renewal', level: 2 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Acme renewal', level: 2 }).waitFor();

    // The way to move the data elsewhere: a backup.
    const data = new DataPage(page);
    await data.open();
    assert.equal(page.url(), `${FILE_URL}#/import`);
    const backup = await data.download('Download a backup');
    assert.match(backup.text, /"Acme renewal"/);
  });

  test('a fragment that is not a page is left to the page, and so is its own address', async () => {
    // Such as a setup link's "#setup=…", which the app reads from the address.
    const deals = await openFile(`${FILE_URL}#top`);
    const page = deals.page;
    assert.equal(page.url(), `${FILE_URL}#top`);
    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    assert.equal(page.url(), FILE_URL);
    await new DashboardPage(page).open();
    assert.equal(page.url(), `${FILE_URL}#/dashboard`);
  });

  test('a bar on the dashboard lists its deals, and every screen works under the policy', async () => {
    const deals = await openFile();
    const page = deals.page;
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByText(/^Demo data: 480 made-up deals are included\.$/).waitFor();
    const option = await dashboard.chartOption('Loss reasons');
    const first = option.series[0].data[0];
    const count = typeof first === 'object' ? first.value : first;
    await dashboard.clickBar('Loss reasons', 0);
    await page.waitForURL(/#\/\?.*reason=/);
    const matching = await page.getByText(/^\d+ of 480 deals match/).innerText();
    assert.equal(Number(matching.split(' ')[0]), count);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import and export', level: 2 }).waitFor();
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await dashboard.open();
    await dashboard.chartOption('Win rate by month');
  });
});
