// The dashboard: the empty state and its demo, charts drawn from the demo, a
// drill-down from a bar to its deals, a filter changing the figures, and a
// chart saved as PNG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp } from './support/app-session.mjs';
import { DashboardPage } from './support/dashboard-page.mjs';

const app = useApp();

async function withDemo(deals) {
  const dashboard = new DashboardPage(deals.page);
  await dashboard.open();
  await deals.page.getByRole('heading', { name: 'Nothing to explain yet' }).waitFor();
  await deals.page.getByRole('button', { name: 'Load demo data' }).click();
  await deals.page.getByText(/^Demo data: 480 made-up deals are included\.$/).waitFor();
  return dashboard;
}

test('an empty dashboard offers the demo; the demo draws every chart and leaves in one click', async () => {
  const { deals } = app;
  const page = deals.page;
  const dashboard = await withDemo(deals);
  for (const title of ['Loss reasons', 'Win rate by month', 'Loss reasons over time', 'Win rate per salesperson', 'Head to head against competitors', 'Stage reached at loss', 'Win reasons']) {
    const option = await dashboard.chartOption(title);
    assert.equal(option.title[0].text, title);
    assert.ok(option.series.length > 0, `${title} has series`);
  }
  const insights = page.getByRole('region', { name: 'What the numbers say' }).getByRole('listitem');
  assert.ok((await insights.count()) >= 3, 'three sentences or more');
  assert.match(await insights.first().innerText(), /^Win rate is \d+ % this quarter \(n = \d+/);
  assert.match(await dashboard.card('Win rate').innerText(), /n \d+/);

  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await page.getByRole('heading', { name: 'Nothing to explain yet' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await page.getByText('No deals yet').first().waitFor();
});

test('a click on a bar lists exactly the deals behind it', async () => {
  const { deals } = app;
  const page = deals.page;
  const dashboard = await withDemo(deals);
  const option = await dashboard.chartOption('Loss reasons');
  const first = option.series[0].data[0];
  const count = typeof first === 'object' ? first.value : first;
  const reason = option.xAxis[0].data[0];
  await dashboard.clickBar('Loss reasons', 0);
  await page.waitForURL(/\/\?.*reason=/);
  assert.match(page.url(), /primary=1/);
  await page.getByText(`of 480 deals match`, { exact: false }).waitFor();
  const matching = await page.getByText(/^\d+ of 480 deals match/).innerText();
  assert.equal(Number(matching.split(' ')[0]), count, `${reason}: the bar counts ${count}`);
  await page.getByText('From the dashboard:', { exact: false }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Reason' }).locator('option:checked').innerText(), reason);
});

test('a filter change updates the figures and lives in the URL', async () => {
  const { deals } = app;
  const page = deals.page;
  await withDemo(deals);
  const dashboard = new DashboardPage(page);
  const quarter = await dashboard.card('Win rate').innerText();
  const quarterN = Number(/n (\d+)/.exec(quarter)[1]);
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'All time' });
  await page.waitForURL(/\/dashboard\?period=all$/);
  await page.waitForFunction((before) => {
    const card = [...document.querySelectorAll('.figure-card')].find((node) => node.querySelector('h3')?.textContent === 'Win rate');
    const n = Number(/n (\d+)/.exec(card?.innerText ?? '')?.[1]);
    return n > before;
  }, quarterN);
  const allTime = Number(/n (\d+)/.exec(await dashboard.card('Win rate').innerText())[1]);
  assert.ok(allTime > quarterN, `all time (${allTime}) counts more deals than this quarter (${quarterN})`);

  await page.getByRole('checkbox', { name: 'Won' }).uncheck();
  await page.waitForURL(/hide=won/);
  await page.getByRole('region', { name: 'Key figures' }).getByText('0%', { exact: false }).first().waitFor();
  await page.reload();
  assert.equal(await page.getByRole('checkbox', { name: 'Won' }).isChecked(), false);
  assert.equal(await page.getByRole('combobox', { name: 'Period' }).inputValue(), 'all');
});

test('a chart is saved as a PNG file', async () => {
  const { deals } = app;
  const page = deals.page;
  const dashboard = await withDemo(deals);
  await dashboard.chartOption('Loss reasons');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save “Loss reasons” as PNG' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'loss-reasons.png');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.ok(bytes.length > 5_000, 'a real picture, not an empty canvas');
});

test('the dashboard prints as a report: title, period, filters, sentences and charts, no navigation', async () => {
  const { deals } = app;
  const page = deals.page;
  const dashboard = await withDemo(deals);
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'All time' });
  await dashboard.chartOption('Loss reasons');
  await page.getByRole('button', { name: 'Print report' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'no navigation in print');
  assert.equal(await page.getByRole('button', { name: 'Print report' }).isVisible(), false);
  const header = page.locator('.report-header');
  assert.match(await header.innerText(), /^Winloss — win\/loss report\n/);
  assert.match(await header.innerText(), /Period: All time · Reasons: primary only · Ranked by count/);
  assert.ok(await page.getByRole('region', { name: 'What the numbers say' }).isVisible(), 'the insight sentences print');
  for (const size of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format: size, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 100_000, `${size}: charts are in the PDF (${pdf.length} bytes)`);
  }
  await page.emulateMedia({ media: 'screen' });
});
