// Deals and reasons: the keyboard-only close, the reasons editor, two tabs,
// filters in the URL, and a list of 10,000 deals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app-session.mjs';
import { DealsPage } from './support/deals-page.mjs';

const app = useApp();

async function seed(deals, count, seed) {
  await deals.page.evaluate(({ count, seed }) => window.wasmBindings.add_sample_deals(count, seed), { count, seed });
  await deals.reload();
}

test('a deal is closed with the keyboard alone, and undone', async () => {
  const { deals } = app;
  await seed(deals, 5, 30);
  await deals.addDeal({ Name: 'Keyboard deal' });
  await deals.reload();
  const keyboard = deals.page.keyboard;

  await keyboard.press('/');
  assert.equal(await deals.page.evaluate(() => document.activeElement.id), 'deal-search');
  await keyboard.type('Keyboard');
  await deals.page.getByText('1 of 6 deals match').waitFor();
  await keyboard.press('ArrowDown');
  assert.equal(await deals.page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Keyboard deal');

  await keyboard.press('l');
  const panel = deals.deal('Keyboard deal').getByRole('group', { name: 'Why was “Keyboard deal” lost?' });
  await panel.waitFor();
  await keyboard.press('2');
  // Focus moves once the panel has drawn its reasons.
  await deals.page.waitForFunction(() => document.activeElement.textContent === 'No budget');
  await keyboard.press('Enter');
  await deals.deal('Keyboard deal').getByText('Lost · No budget').waitFor();

  await keyboard.press('z');
  await deals.deal('Keyboard deal').getByRole('button', { name: 'Lost', exact: true }).waitFor();

  await keyboard.press('?');
  await deals.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await keyboard.press('Escape');
  assert.equal(await deals.page.getByRole('dialog').count(), 0);
});

test('archiving hides a reason from closing; merging moves its deals and is recorded', async () => {
  const { deals } = app;
  const page = deals.page;
  await deals.addDeal({ Name: 'Budget deal' });
  await deals.close('Budget deal', 'Lost', 'No budget');
  await deals.deal('Budget deal').getByText('Lost · No budget').waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Archive No budget' }).click();
  await page.getByRole('button', { name: 'Restore No budget' }).waitFor();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await deals.addDeal({ Name: 'Later deal' });
  await deals.deal('Later deal').getByRole('button', { name: 'Lost', exact: true }).click();
  await deals.deal('Later deal').getByRole('button', { name: 'Too expensive' }).waitFor();
  assert.equal(await deals.deal('Later deal').getByRole('button', { name: 'No budget' }).count(), 0);
  assert.match(await deals.deal('Budget deal').innerText(), /Lost · No budget/, 'history keeps the archived reason');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Merge No budget into' }).selectOption({ label: 'Too expensive' });
  await page.getByRole('button', { name: 'Merge No budget', exact: true }).click();
  const history = page.getByRole('region', { name: 'Merged reasons' });
  await history.getByRole('cell', { name: 'No budget' }).waitFor();
  assert.match(await history.innerText(), /No budget\s+Too expensive\s+1/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deals' }).click();
  await deals.deal('Budget deal').getByText('Lost · Too expensive').waitFor();
  await deals.reload();
  await deals.deal('Budget deal').getByText('Lost · Too expensive').waitFor();
});

test('a change in one tab shows in the other within a second', async () => {
  const { deals } = app;
  const other = new DealsPage(await deals.page.context().newPage());
  await other.open(deals.page.url());
  await deals.addDeal({ Name: 'Seen elsewhere' });
  await other.deal('Seen elsewhere').waitFor({ timeout: 1_000 });
  await other.close('Seen elsewhere', 'Won', 'Key feature');
  await deals.deal('Seen elsewhere').getByText('Won · Key feature').waitFor({ timeout: 1_000 });
  assert.deepEqual(other.errors, []);
});

test('the filter lives in the URL: reload, back and forward restore it', async () => {
  const { deals } = app;
  const page = deals.page;
  await seed(deals, 40, 9);
  const everything = await page.getByText(/^40 deals · \d+ open$/).innerText();
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Lost' });
  await page.waitForURL(/\?outcome=lost$/);
  const filtered = await page.getByText(/of 40 deals match/).innerText();
  const rows = page.getByRole('list', { name: 'Deals' }).getByRole('listitem');
  for (const text of await rows.allInnerTexts()) assert.match(text, /Lost/);

  await deals.reload();
  assert.equal(await page.getByRole('combobox', { name: 'Outcome' }).inputValue(), 'lost');
  assert.equal(await page.getByText(/of 40 deals match/).innerText(), filtered);

  await page.goBack();
  await page.getByText(everything).waitFor();
  await page.goForward();
  await page.getByText(filtered).waitFor();
});

test('with 10,000 deals the list stays usable', async () => {
  const { deals } = app;
  const page = deals.page;
  await seed(deals, 10_000, 21);
  await page.getByText(/^10,000 deals · [\d,]+ open$/).waitFor();
  assert.equal(await deals.dealCount(), 50, 'only a page of rows is rendered');

  const started = Date.now();
  await page.getByLabel('Search').fill('Initech Labs');
  await page.getByText(/of 10,000 deals match/).waitFor();
  assert.ok(Date.now() - started < 2_000, 'searching 10,000 deals answers within two seconds');

  const row = page
    .getByRole('list', { name: 'Deals' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Lost', exact: true }) })
    .first();
  const name = await row.getAttribute('aria-label');
  await row.getByRole('button', { name: 'Lost', exact: true }).click();
  await page.getByRole('button', { name: 'Too expensive', exact: true }).click();
  await page.getByRole('status').getByText(`“${name}” closed as Lost · Too expensive`).waitFor();
});

test('a deal is edited on its own page, reopened, deleted and brought back', async () => {
  const { deals } = app;
  const page = deals.page;
  await deals.addDeal({ Name: 'Editable deal', Owner: 'Priya' });
  await deals.deal('Editable deal').getByRole('link', { name: 'Editable deal' }).click();
  await page.waitForURL(/\/deals\//);
  const form = page.getByRole('form', { name: 'Edit deal' });
  await form.getByLabel('Name', { exact: true }).fill('Edited deal');
  await form.getByLabel('Competitor').fill('Initech');
  await form.getByLabel('Segment').fill('Enterprise');
  await form.getByRole('combobox', { name: 'Stage reached' }).selectOption({ label: 'Proposal' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { name: 'Edited deal' }).waitFor();

  await page.reload();
  const reloaded = page.getByRole('form', { name: 'Edit deal' });
  assert.equal(await reloaded.getByLabel('Competitor').inputValue(), 'Initech');
  assert.equal(await reloaded.getByLabel('Owner').inputValue(), 'Priya');
  assert.equal(await reloaded.getByRole('combobox', { name: 'Stage reached' }).inputValue(), 'stage-proposal');

  await page.getByRole('button', { name: 'Won', exact: true }).click();
  await page.getByRole('button', { name: 'Strong relationship' }).click();
  await page.getByText(/Status: Won · Strong relationship/).waitFor();
  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.getByText('Status: Open').waitFor();

  await page.getByRole('button', { name: 'Delete deal' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('status').getByText('“Edited deal” deleted').waitFor();
  assert.equal(await deals.deal('Edited deal').count(), 0);
  await deals.undoButton().click();
  await deals.deal('Edited deal').waitFor();
  await deals.reload();
  await deals.deal('Edited deal').waitFor();
});

test('a deal can end with no decision or be disqualified from its page', async () => {
  const { deals } = app;
  const page = deals.page;
  for (const [name, outcome, finish, status] of [
    ['Shelved project', 'No decision', 'Project postponed', 'Status: No decision · Project postponed'],
    ['Tyre kicker', 'Disqualified', 'Close as Disqualified', 'Status: Disqualified'],
  ]) {
    await page.goto(new URL('/', page.url()).href);
    await deals.ready();
    await deals.addDeal({ Name: name });
    await deals.deal(name).getByRole('link', { name }).click();
    await page.getByRole('button', { name: outcome, exact: true }).click();
    await page.getByRole('button', { name: finish }).click();
    await page.getByText(status).waitFor();
  }
});

test('the close panel records competitor, other reasons and a note; “Other” asks for a note', async () => {
  const { deals } = app;
  const page = deals.page;
  await deals.addDeal({ Name: 'Detailed loss' });
  const row = deals.deal('Detailed loss');
  await row.getByRole('button', { name: 'Lost', exact: true }).click();
  await row.getByRole('button', { name: 'Other', exact: true }).click();
  await row.getByRole('alert').getByText('Add a note saying what “Other” means for this deal.').waitFor();
  const note = row.getByLabel('Note: what we learned');
  assert.equal(await note.evaluate((element) => element === document.activeElement), true, 'the note is focused');

  await row.getByLabel('Lost to').fill('Initech');
  await row.getByRole('checkbox', { name: 'Slow follow-up' }).check();
  await row.getByRole('checkbox', { name: 'The buyer confirmed the reason' }).check();
  await note.fill('They wanted on-site support');
  await row.getByRole('button', { name: 'Other', exact: true }).click();
  await row.getByText('Lost · Other · vs Initech').waitFor();

  await row.getByRole('link', { name: 'Detailed loss' }).click();
  const form = page.getByRole('form', { name: 'Edit deal' });
  assert.equal(await form.getByLabel('Competitor').inputValue(), 'Initech');
  assert.equal(await form.getByLabel('Notes: what we learned').inputValue(), 'They wanted on-site support');
  assert.equal(await form.getByRole('checkbox', { name: 'The buyer confirmed the reason' }).isChecked(), true);
  await page.getByRole('link', { name: '← All deals' }).click();
  await page.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Slow follow-up' });
  await deals.deal('Detailed loss').waitFor();
});
