// Nothing confirmed is lost: a tab killed in the middle of a burst of saves,
// damaged records, a full disk, storage that is not there, and two tabs
// saving hundreds of deals at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/app-session.mjs';
import { DealsPage } from './support/deals-page.mjs';

const app = useApp();

/**
 * Saves deals one after another through the New deal form, as fast as the
 * app confirms them (a saved deal appears in the list only once stored;
 * the search narrows the list to it, as the list shows 50 deals at most);
 * `window.confirmedDeals` lists those confirmed so far.
 */
async function startBurst(page, prefix, count) {
  return page.evaluate(async ({ prefix, count }) => {
    window.confirmedDeals = [];
    const name = document.getElementById('deal-name');
    const search = document.getElementById('deal-search');
    const add = name.form.querySelector('button[type="submit"]');
    for (let i = 0; i < count; i += 1) {
      const dealName = `${prefix}-${String(i).padStart(3, '0')}`;
      search.value = dealName;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      name.value = dealName;
      name.dispatchEvent(new Event('input', { bubbles: true }));
      add.click();
      while (!document.querySelector(`[aria-label="${dealName}"]`)) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      window.confirmedDeals.push(dealName);
    }
    return window.confirmedDeals.length;
  }, { prefix, count });
}


test('a tab killed in the middle of a burst of saves keeps every confirmed deal', async () => {
  const { deals } = app;
  const page = deals.page;
  // The burst is never awaited: the crash ends it.
  startBurst(page, 'Burst', 200).catch(() => {});
  await page.waitForFunction(() => window.confirmedDeals?.length >= 40);
  const session = await page.context().newCDPSession(page);
  const confirmed = await page.evaluate(() => [...window.confirmedDeals]);
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  session.send('Page.crash').catch(() => {});
  await crashed;

  const reopened = new DealsPage(await page.context().newPage());
  await reopened.open(new URL(page.url()).origin);
  const count = Number(/^([\d,]+) deals/.exec(await reopened.page.getByText(/^[\d,]+ deals · /).innerText())[1].replace(',', ''));
  assert.ok(count >= confirmed.length, `${count} stored, ${confirmed.length} confirmed before the crash`);
  for (const name of [confirmed[0], confirmed[confirmed.length - 1]]) {
    await reopened.page.getByRole('searchbox', { name: 'Search' }).fill(name);
    await reopened.deal(name).waitFor();
  }
  assert.equal(await reopened.page.getByRole('alert').count(), 0, 'no record was half-written');
  assert.deepEqual(reopened.errors, []);
  deals.errors.length = 0; // the crash itself is not the app's error
});

test('damaged records are set aside with a message and the rest loads', async () => {
  const { deals } = app;
  const page = deals.page;
  await deals.addDeal({ Name: 'Healthy deal' });
  await deals.deal('Healthy deal').waitFor();
  await page.evaluate(async () => {
    const database = await new Promise((resolve, reject) => {
      const open = indexedDB.open('winloss');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = database.transaction(['deals', 'deal_chunks'], 'readwrite');
    transaction.objectStore('deals').put({ id: 'wrong-shape', name: 42, outcome: 'exploded', created_on: 'yesterday' });
    transaction.objectStore('deals').put({ id: 'unknown-outcome', name: 'Odd', outcome: 'teleported', created_on: '2026-11-01', updated_at: '2026-11-01T00:00:00Z' });
    transaction.objectStore('deal_chunks').put(new TextEncoder().encode('[{"id":"cut","name":"Cut sho'));
    await new Promise((resolve) => { transaction.oncomplete = resolve; });
    database.close();
  });
  await deals.reload();
  await deals.deal('Healthy deal').waitFor();
  const alert = page.getByRole('alert');
  assert.match(await alert.innerText(), /3 saved record\(s\) could not be read and were left untouched/);
});

test('a full disk: a clear message, nothing changed, and the deals offered as a backup', async () => {
  const { deals } = app;
  const page = deals.page;
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function guardedPut(...args) {
      if (window.diskIsFull) throw new DOMException('The quota has been exceeded (simulated).', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await deals.reload();
  await deals.addDeal({ Name: 'Saved before' });
  await deals.deal('Saved before').waitFor();
  await page.evaluate(() => { window.diskIsFull = true; });
  await deals.addDeal({ Name: 'Not saved' });
  const alert = page.getByRole('alert').filter({ hasText: 'storage is full' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /^The browser's storage is full, so this change was not saved/);
  assert.equal(await deals.deal('Not saved').count(), 0, 'the screen shows only what is stored');
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download a backup of your deals' }).click()]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(backup.deals.map((deal) => deal.name), ['Saved before']);
  await page.evaluate(() => { window.diskIsFull = false; });
  await deals.reload();
  await deals.deal('Saved before').waitFor();
  assert.equal(await deals.deal('Not saved').count(), 0);
});

test('storage that is not there gets a clear message instead of a broken page', async () => {
  const { deals } = app;
  const page = deals.page;
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('IndexedDB is disabled here (simulated).', 'InvalidStateError'); };
  });
  await page.reload();
  const failed = page.getByRole('alert').filter({ hasText: 'Your deals could not be opened' });
  await failed.waitFor();
  assert.match(await failed.innerText(), /no storage for Winloss/);
});

test('two tabs saving hundreds of deals at once lose nothing and end up showing the same', async () => {
  const { deals } = app;
  const first = deals.page;
  const second = new DealsPage(await first.context().newPage());
  await second.open(new URL(first.url()).origin);
  const [a, b] = await Promise.all([startBurst(first, 'Tab A', 150), startBurst(second.page, 'Tab B', 150)]);
  assert.deepEqual([a, b], [150, 150]);
  const total = /^300 deals · 300 open$/;
  for (const page of [first, second.page]) {
    await page.goto(new URL(page.url()).origin);
    await page.getByText(total).waitFor();
  }
  const names = (page) => page.getByRole('list', { name: 'Deals' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
  assert.deepEqual(await names(first), await names(second.page));
  assert.deepEqual(second.errors, []);
});
