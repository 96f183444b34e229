// A long deal list shows a page at a time, newest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';

const app = useApp();

test('a long list shows 50 deals and more on request', async () => {
  const { deals } = app;
  await deals.page.evaluate(() => window.wasmBindings.add_sample_deals(60, 3));
  await deals.reload();
  await deals.page.getByText(/^60 deals · \d+ open$/).waitFor();
  assert.equal(await deals.dealCount(), 50);
  await deals.page.getByRole('button', { name: 'Show 10 more of 10' }).click();
  await deals.page.getByRole('listitem').nth(59).waitFor();
  assert.equal(await deals.dealCount(), 60);
  assert.equal(await deals.page.getByRole('button', { name: /^Show \d+ more/ }).count(), 0);
});

test('a new deal appears at the top of a long list', async () => {
  const { deals } = app;
  await deals.page.evaluate(() => window.wasmBindings.add_sample_deals(120, 4));
  await deals.reload();
  await deals.addDeal({ Name: 'Fresh opportunity' });
  await deals.deal('Fresh opportunity').waitFor();
  const first = deals.page.getByRole('listitem').first();
  assert.equal(await first.getAttribute('aria-label'), 'Fresh opportunity');
});
