// Text from an imported file is shown as text everywhere and never runs:
// names, accounts, reasons, competitors, owners and notes carrying script
// payloads go through the deal list, the deal page, the dashboard (charts,
// tooltips, insights, drill-down), the printed report and the exports.
// Any HTML interpretation would also break the page's CSP, so no policy
// violation may be reported either. Formula cells are neutralised in the
// export and come back as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';
import { DataPage } from './support/data-page.mjs';
import { DashboardPage } from './support/dashboard-page.mjs';

const app = useApp();

const PAYLOADS = {
  name: '<img src=x onerror="window.pwned=1">',
  account: '"><script>window.pwned=2</script>',
  owner: '<b onmouseover="window.pwned=3">Eve</b>',
  reason: '<svg onload="window.pwned=4">',
  competitor: '<iframe src="javascript:window.pwned=5">',
  notes: "javascript:window.pwned=6 {{constructor.constructor('window.pwned=7')()}}",
  formula: '=HYPERLINK("http://127.0.0.1/x","click")',
};

const csv = (rows) => rows.map((row) => row.map((cell) => `"${String(cell).replaceAll('"', '""')}"`).join(',')).join('\r\n');

const HOSTILE = csv([
  ['Name', 'Account', 'Amount', 'Close date', 'Outcome', 'Reason', 'Competitor', 'Owner', 'Notes'],
  [PAYLOADS.name, PAYLOADS.account, '1200', '2026-11-03', 'Lost', PAYLOADS.reason, PAYLOADS.competitor, PAYLOADS.owner, PAYLOADS.notes],
  [PAYLOADS.formula, 'Plain account', '800', '2026-11-05', 'Lost', PAYLOADS.reason, PAYLOADS.competitor, PAYLOADS.owner, ''],
  ['Won deal', PAYLOADS.account, '500', '2026-11-07', 'Won', '', PAYLOADS.competitor, PAYLOADS.owner, ''],
]);

async function watchForExecution(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.policyViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.policyViolations.push(`${event.violatedDirective} ${event.sample}`));
  });
  return async () => {
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'no payload ran');
    assert.deepEqual(await page.evaluate(() => window.policyViolations), [], 'nothing was treated as HTML');
    assert.equal(await page.locator('img[src="x"], iframe, svg[onload], script:not([src])').count(), 0, 'no injected element');
  };
}

test('hostile names, reasons, owners, competitors and notes show as text everywhere and never run', async () => {
  const { deals } = app;
  const page = deals.page;
  const nothingRan = await watchForExecution(page);
  await deals.reload();

  const data = new DataPage(page);
  await data.open();
  await data.pickCsv('hostile.csv', HOSTILE);
  await data.continueToQuestions();
  // The questions list the hostile reason, owner and competitor as text.
  await page.getByRole('table', { name: 'Reasons' }).getByText(PAYLOADS.reason, { exact: true }).waitFor();
  await page.getByRole('table', { name: 'Owners' }).getByText(PAYLOADS.owner, { exact: true }).waitFor();
  assert.match(await data.importWithSuggestions(), /^Imported: 3 new/);
  await nothingRan();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  const row = deals.deal(PAYLOADS.name);
  await row.waitFor();
  for (const text of [PAYLOADS.name, PAYLOADS.account, PAYLOADS.owner]) {
    await row.getByText(text, { exact: true }).first().waitFor();
  }
  assert.match(await row.innerText(), /Lost · <svg onload="window\.pwned=4">/);
  await deals.deal(PAYLOADS.formula).waitFor();

  await row.getByRole('link', { name: PAYLOADS.name }).click();
  await page.getByRole('heading', { name: PAYLOADS.name }).waitFor();
  assert.equal(await page.getByLabel('Notes: what we learned').inputValue(), PAYLOADS.notes);
  await nothingRan();

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'All time' });
  const pareto = await dashboard.chartOption('Loss reasons');
  assert.equal(pareto.xAxis[0].data[0], PAYLOADS.reason, 'the label reaches the chart as plain text');
  assert.equal(pareto.tooltip[0].renderMode, 'richText', 'tooltips are drawn, not built as HTML');
  for (const title of ['Loss reasons', 'Head to head against competitors', 'Win rate per salesperson']) {
    const canvas = dashboard.chart(title).locator('canvas');
    const box = await canvas.boundingBox();
    for (const [x, y] of [[0.3, 0.5], [0.5, 0.5], [0.7, 0.6]]) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
  }
  const insights = await page.getByRole('region', { name: 'What the numbers say' }).innerText();
  assert.ok(insights.includes(PAYLOADS.competitor), `the insight names the competitor as text: ${insights}`);

  await page.emulateMedia({ media: 'print' });
  assert.ok((await page.locator('.dashboard').innerText()).includes(PAYLOADS.competitor), 'the report prints the name as text');
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  await dashboard.clickBar('Loss reasons', 0);
  await page.getByText(/^2 of 3 deals match/).waitFor();
  await deals.deal(PAYLOADS.name).waitFor();
  await nothingRan();

  await data.open();
  const exported = await data.download('Export CSV');
  assert.ok(exported.text.includes(`"'${PAYLOADS.formula.replaceAll('"', '""')}"`), 'the formula cell starts with an apostrophe in the export');
  assert.ok(!/(^|,)"?[=+@-]/m.test(exported.text.replace(/^\uFEFF/, '').split('\r\n').slice(1).join('\r\n').replace(/"-?\d/g, '')), 'no cell opens a formula');
  await data.pickCsv('round-trip.csv', exported.text);
  await data.continueToQuestions();
  assert.match(await data.importWithSuggestions(), /3 already here and skipped/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await deals.deal(PAYLOADS.formula).waitFor();
  await nothingRan();
});
