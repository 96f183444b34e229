// Data in and out: a CRM export dropped on the page becomes deals; what the
// app exports comes back as the same deals; backups from two salespeople
// merge into one set; a file with bad rows imports its good rows or nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';
import { DataPage } from './support/data-page.mjs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const app = useApp();

const HUBSPOT = [
  'Record ID,Deal Name,Amount,Close Date,Deal Stage,Deal owner,Closed Lost Reason,Closed Won Reason,Create Date',
  '101,Acme renewal,"12,000.00",2026-10-05,Closed lost,Dana Scully,Too expensive,,2026-08-01',
  '102,Globex pilot,4500,2026-10-12,Closed won,Fox Mulder,,Best product fit,2026-09-01',
  '103,Initech expansion,"7,250.50",2026-12-20,Contract sent,Dana Scully,,,2026-11-01',
  '104,"Umbrella, Inc. rollout",20000,2026-11-02,Closed lost,Fox Mulder,Chose a competitor,,2026-07-15',
].join('\r\n');

async function dealNames(page) {
  const list = page.getByRole('list', { name: 'Deals' });
  await list.waitFor();
  return (await list.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).sort();
}

async function goToDeals(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
}

test('a HubSpot export dropped on the page is mapped by itself and becomes deals', async () => {
  const { deals } = app;
  const page = deals.page;
  const data = new DataPage(page);
  await data.open();
  await data.dropCsv('hubspot-deals.csv', HUBSPOT);
  await page.getByText('recognised as a HubSpot export').waitFor();
  assert.equal(await data.column('Deal Name').locator('option:checked').innerText(), 'Deal name');
  assert.equal(await data.column('Closed Lost Reason').locator('option:checked').innerText(), 'Lost reason');
  await data.continueToQuestions();
  const summary = await data.importWithSuggestions();
  assert.match(summary, /^Imported: 4 new, 0 updated\.$/);

  await goToDeals(page);
  assert.deepEqual(await dealNames(page), ['Acme renewal', 'Globex pilot', 'Initech expansion', 'Umbrella, Inc. rollout']);
  const acme = deals.deal('Acme renewal');
  assert.match(await acme.innerText(), /Lost/);
  assert.match(await acme.innerText(), /Too expensive/);
  assert.match(await acme.innerText(), /12,000/);
  // Still open: it offers the two clicks that close it.
  await deals.deal('Initech expansion').getByRole('button', { name: 'Lost', exact: true }).waitFor();
});

test('the exported CSV imports back as the same deals, and a second time changes nothing', async () => {
  const { deals } = app;
  const page = deals.page;
  const data = new DataPage(page);
  await data.open();
  await data.pickCsv('hubspot-deals.csv', HUBSPOT);
  await data.continueToQuestions();
  await data.importWithSuggestions();
  const exported = await data.download('Export CSV');
  assert.match(exported.name, /^winloss-deals-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.ok(exported.text.startsWith('\uFEFFDeal ID,Name,Account,Amount,Currency'), 'BOM and the documented header');

  await page.getByRole('button', { name: 'Import another file' }).click();
  await data.pickCsv(exported.name, exported.text);
  await page.getByText('recognised as a Winloss export').waitFor();
  await data.continueToQuestions();
  assert.match(await data.importWithSuggestions(), /^Imported: 0 new, 0 updated, 4 already here and skipped\.$/);
  await goToDeals(page);
  assert.equal((await dealNames(page)).length, 4, 'nothing doubled');
});

test('a file with bad rows lists them; importing nothing changes nothing, the good rows import on request', async () => {
  const { deals } = app;
  const page = deals.page;
  const data = new DataPage(page);
  await data.open();
  const withBadRows = `${HUBSPOT}\r\n105,,300,2026-10-01,Closed won,Dana Scully,,,2026-09-01\r\n106,Hooli deal,lots,2026-10-01,Closed won,Dana Scully,,,2026-09-01`;
  await data.pickCsv('bad.csv', withBadRows);
  await data.continueToQuestions();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = page.getByRole('table', { name: 'Rows with problems' });
  await problems.waitFor();
  const cells = await problems.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => [...row.cells].map((cell) => cell.innerText)));
  assert.deepEqual(cells.map(([row, column]) => [row, column]), [['6', 'Deal Name'], ['7', 'Amount']]);

  await page.getByRole('button', { name: 'Import nothing' }).click();
  await page.getByText('Nothing was imported.').waitFor();
  await goToDeals(page);
  await page.getByText('No deals yet', { exact: false }).first().waitFor();

  await data.open();
  await data.pickCsv('bad.csv', withBadRows);
  await data.continueToQuestions();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Import the 4 good rows' }).click();
  assert.match(await data.summary(), /^Imported: 4 new, 0 updated, 2 rows with problems left out\.$/);
});

test('backups from two salespeople merge into one set of deals', async () => {
  const { deals } = app;
  const page = deals.page;
  const data = new DataPage(page);
  await data.open();
  const [header, acme, globex, initech, umbrella] = HUBSPOT.split('\r\n');
  await data.pickCsv('dana.csv', [header, acme, initech].join('\r\n'));
  await data.continueToQuestions();
  await data.importWithSuggestions();
  const dana = await data.download('Download a backup');
  assert.match(dana.name, /^winloss-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const danaBackup = JSON.parse(dana.text);
  assert.equal(danaBackup.format, 'winloss-backup');
  assert.equal(danaBackup.deals.length, 2);

  // Fox's backup: his own deals and a copy of one of Dana's, as another browser would hold them.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await data.pickCsv('fox.csv', [header, globex, umbrella].join('\r\n'));
  await data.continueToQuestions();
  await data.importWithSuggestions();
  const fox = await data.download('Download a backup');
  const foxBackup = JSON.parse(fox.text);
  foxBackup.deals = foxBackup.deals.filter((deal) => !danaBackup.deals.some((d) => d.id === deal.id));
  assert.equal(foxBackup.deals.length, 2);

  // Start again from Dana's data alone, then merge both files in.
  await page.getByLabel('Restore from a backup (replaces everything here)').setInputFiles({ name: dana.name, mimeType: 'application/json', buffer: Buffer.from(dana.text) });
  await page.getByRole('alertdialog', { name: 'Restore from a backup' }).getByText(/Replace all 4 deals/).waitFor();
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByText('Restored 2 deals from the backup.').waitFor();

  await page.getByLabel('Merge backups into this data (one or several files)').setInputFiles([
    { name: dana.name, mimeType: 'application/json', buffer: Buffer.from(dana.text) },
    { name: fox.name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(foxBackup)) },
  ]);
  const report = page.getByRole('alertdialog', { name: 'Merge backups' });
  await report.waitFor();
  assert.match(await report.innerText(), /^2 deals added, 0 updated, 2 unchanged\./);
  await page.getByRole('button', { name: 'Add to my data' }).click();
  await page.getByText(/^Merged\./).waitFor();
  await goToDeals(page);
  assert.deepEqual(await dealNames(page), ['Acme renewal', 'Globex pilot', 'Initech expansion', 'Umbrella, Inc. rollout']);
});

test('a large import shows its progress and Cancel leaves the data as it was', async () => {
  const { deals } = app;
  const page = deals.page;
  const data = new DataPage(page);
  await data.open();
  const [header, ...rows] = HUBSPOT.split('\r\n');
  const many = [header];
  for (let copy = 0; copy < 30_000; copy += 1) many.push(rows[copy % rows.length].replace(/^10\d,([^,]+)/, `${copy},$1 ${copy}`));
  await data.pickCsv('big.csv', many.join('\r\n'));
  await data.continueToQuestions();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Preparing the deals…' });
  await progress.waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Import cancelled: nothing was changed.').waitFor();
  await goToDeals(page);
  await page.getByText('No deals yet', { exact: false }).first().waitFor();
});

test('the deal list nudges for a backup once enough deals changed, and a backup quiets it', async () => {
  const { deals } = app;
  const page = deals.page;
  await page.evaluate(() => localStorage.setItem('winloss.backup-reminder-deals', '3'));
  await deals.reload();
  const data = new DataPage(page);
  await data.open();
  await data.pickCsv('hubspot-deals.csv', HUBSPOT);
  await data.continueToQuestions();
  await data.importWithSuggestions();
  await goToDeals(page);
  const reminder = page.getByRole('note', { name: 'Backup reminder' });
  assert.equal(await reminder.locator('p').innerText(), '4 deals and no backup yet: download one to keep them safe.');
  const [download] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Download a backup' }).click()]);
  assert.match(download.suggestedFilename(), /^winloss-backup-/);
  await reminder.waitFor({ state: 'detached' });
  await data.open();
  await page.getByText(/^Last backup: .+ from this browser\.$/).waitFor();
});

test('a 200 MB file is refused at once, without being read, and nothing changes', async () => {
  const { deals } = app;
  const page = deals.page;
  const directory = await mkdtemp(join(tmpdir(), 'winloss-huge-'));
  const huge = join(directory, 'huge.csv');
  await writeFile(huge, 'Name,Amount\r\n');
  await truncate(huge, 200 * 1024 * 1024);
  try {
    const data = new DataPage(page);
    await data.open();
    await page.getByLabel('Choose a CSV file').setInputFiles(huge);
    await page.getByRole('alert').filter({ hasText: 'This file is 200 MB; files up to 100 MB can be imported.' }).waitFor();
    await page.getByLabel('Restore from a backup (replaces everything here)').setInputFiles(huge);
    await page.getByText(/^Nothing was changed\. “huge\.csv”: /).waitFor();
    await page.getByLabel('Choose a CSV file').waitFor();
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
