// A consultant's setup travels to another copy of the app, as a file or as a
// link: the client then closes deals with the consultant's reasons, under
// the consultant's title. A damaged link changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/app-session.mjs';
import { launchBrowser } from './support/browser.mjs';
import { DealsPage } from './support/deals-page.mjs';

const app = useApp();

async function openSettings(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Setup for another copy' }).waitFor();
}

/** The consultant's copy: one reason of their own and their title. */
async function prepareConsultantSetup(page) {
  await openSettings(page);
  const add = page.getByRole('form', { name: 'Add a reason' });
  await add.getByLabel('New reason').fill('Procurement freeze');
  await add.getByLabel('For').selectOption({ label: 'Lost deals' });
  await add.getByRole('button', { name: 'Add reason' }).click();
  await page.getByRole('group', { name: 'Procurement freeze' }).waitFor();
  await page.getByLabel('Tracker title').fill('Acme win/loss');
  await page.getByLabel('Tracker title').press('Enter');
  await page.getByLabel('Tracker title').blur();
  await page.getByRole('link', { name: 'Acme win/loss' }).waitFor();
}

/** A second browser profile: the client's copy, empty. */
async function clientCopy(url, run) {
  const browser = await launchBrowser();
  try {
    const client = new DealsPage(await browser.context.newPage());
    await client.open(url);
    await run(client);
    assert.deepEqual(client.errors, [], 'the client page raised errors');
  } finally {
    await browser.close();
  }
}

async function lostReasonsOffered(client) {
  await client.addDeal({ Name: 'Client deal' });
  await client.deal('Client deal').getByRole('button', { name: 'Lost', exact: true }).click();
  return client.deal('Client deal').getByRole('button').allInnerTexts();
}

test('a setup file from one copy changes the reasons offered at close in another', async () => {
  const { deals } = app;
  const page = deals.page;
  await prepareConsultantSetup(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download setup file' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'winloss-setup.json');
  const setupFile = await readFile(await download.path());

  await clientCopy(new URL(page.url()).origin, async (client) => {
    assert.ok(!(await lostReasonsOffered(client)).includes('Procurement freeze'), 'not offered before the setup');
    await openSettings(client.page);
    await client.page.getByLabel('Apply a setup file').setInputFiles({ name: 'winloss-setup.json', mimeType: 'application/json', buffer: setupFile });
    const question = client.page.getByRole('alertdialog', { name: 'Apply a setup' });
    assert.match(await question.innerText(), /^Apply the setup “Acme win\/loss”\?/);
    await question.getByRole('button', { name: 'Apply setup' }).click();
    await client.page.getByText('Setup applied.').waitFor();
    await client.page.getByRole('link', { name: 'Acme win/loss' }).waitFor();
    await client.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
    await client.reload();
    await client.deal('Client deal').getByRole('button', { name: 'Lost', exact: true }).click();
    await client.deal('Client deal').getByRole('button', { name: 'Procurement freeze' }).click();
    await client.deal('Client deal').getByText('Lost · Procurement freeze', { exact: true }).waitFor();
  });
});

test('a setup link applies after a confirmation; a damaged one changes nothing', async () => {
  const { deals } = app;
  const page = deals.page;
  await prepareConsultantSetup(page);
  await page.getByRole('button', { name: 'Make a setup link' }).click();
  const link = await page.getByLabel(/^Setup link/).inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#setup=[A-Za-z0-9_-]+$/);

  await clientCopy(new URL(page.url()).origin, async (client) => {
    // As from an e-mail: a fresh page load, not a jump within the open page.
    await client.page.goto('about:blank');
    await client.page.goto(`${new URL(page.url()).origin}/#setup=bm90IGEgc2V0dXA`);
    await client.ready();
    await client.page.getByRole('alert').filter({ hasText: 'The setup link was not applied, and nothing changed' }).waitFor();
    assert.equal(await client.page.getByRole('link', { name: 'Winloss' }).count(), 1, 'title unchanged');

    await client.page.goto('about:blank');
    await client.page.goto(link);
    await client.ready();
    const question = client.page.getByRole('alertdialog', { name: 'Apply a setup' });
    await question.getByRole('button', { name: 'Apply setup' }).click();
    await client.page.getByText('Setup applied.').waitFor();
    assert.equal(new URL(client.page.url()).hash, '', 'the setup leaves the address bar');
    assert.ok((await lostReasonsOffered(client)).includes('Procurement freeze'));
  });
});
