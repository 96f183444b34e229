// The foundation journey: add a deal, close it in two clicks, reload, still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';

const app = useApp();

test('a deal closed as lost in two clicks is still lost after a reload', async () => {
  const { deals } = app;
  await deals.addDeal({
    Name: 'Acme renewal',
    Account: 'Acme Corp',
    Amount: '12,000',
    Currency: 'USD',
    Owner: 'Dana',
  });
  const row = deals.deal('Acme renewal');
  await row.waitFor();
  assert.match(await row.innerText(), /Acme Corp/);
  assert.match(await row.innerText(), /\$12,000\.00/);

  await deals.close('Acme renewal', 'Lost', 'Too expensive');
  await deals.page.getByRole('status').getByText('“Acme renewal” closed as Lost · Too expensive').waitFor();
  assert.match(await row.innerText(), /Lost · Too expensive/);

  await deals.reload();
  const reloaded = deals.deal('Acme renewal');
  await reloaded.waitFor();
  assert.match(await reloaded.innerText(), /Lost · Too expensive/);
  assert.equal(await reloaded.getByRole('button', { name: 'Lost', exact: true }).count(), 0);
});

test('a won deal shows the reasons for winning, not for losing', async () => {
  const { deals } = app;
  await deals.addDeal({ Name: 'Globex pilot' });
  const row = deals.deal('Globex pilot');
  await row.getByRole('button', { name: 'Won', exact: true }).click();
  assert.equal(await row.getByRole('button', { name: 'Too expensive' }).count(), 0);
  await row.getByRole('button', { name: 'Best value for money' }).click();
  await row.getByText('Won · Best value for money').waitFor();
});

test('undo puts a closed deal back as it was, and that survives a reload', async () => {
  const { deals } = app;
  await deals.addDeal({ Name: 'Initech expansion' });
  await deals.close('Initech expansion', 'Lost', 'No budget');
  await deals.undoButton().click();
  const row = deals.deal('Initech expansion');
  await row.getByRole('button', { name: 'Lost', exact: true }).waitFor();
  await deals.reload();
  await deals.deal('Initech expansion').getByRole('button', { name: 'Won', exact: true }).waitFor();
});

test('a bad amount shows an error beside the field and saves nothing', async () => {
  const { deals } = app;
  await deals.addDeal({ Name: 'Hooli deal', Amount: '12x' });
  const amount = deals.field('Amount');
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  const message = deals.page.locator(`#${await amount.getAttribute('aria-describedby')}`);
  assert.equal(await message.innerText(), '“12x” is not an amount. Use digits, such as 12000 or 12,000.50.');
  assert.equal(await deals.dealCount(), 0);
  assert.equal(await deals.field('Name').inputValue(), 'Hooli deal', 'what was typed is kept');

  await deals.reload();
  assert.equal(await deals.dealCount(), 0);
});

test('a negative amount and an empty name are refused', async () => {
  const { deals } = app;
  await deals.addDeal({ Name: '   ', Amount: '-5' });
  await deals.page.getByText('Enter a name for the deal.').waitFor();
  await deals.page.getByText('The amount cannot be negative.').waitFor();
  assert.equal(await deals.dealCount(), 0);
});
