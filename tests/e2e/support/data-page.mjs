// The Import and export screen as a person sees it: found by role and
// visible label. Files are handed over as a person would: picked in the
// file chooser, or dropped on the page.
import { readFile } from 'node:fs/promises';

export class DataPage {
  constructor(page) {
    this.page = page;
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await this.page.getByRole('heading', { name: 'Import and export', level: 2 }).waitFor();
  }

  async pickCsv(name, text) {
    await this.page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  }

  async dropCsv(name, text) {
    const transfer = await this.page.evaluateHandle(([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'text/csv' }));
      return data;
    }, [name, text]);
    await this.page.locator('.data-page').dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** The select that says what the column with this header holds. */
  column(header) {
    return this.page.getByRole('table', { name: 'What each column holds' }).getByLabel(header, { exact: true });
  }

  async continueToQuestions() {
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.page.getByRole('button', { name: 'Import', exact: true }).waitFor();
  }

  /** Imports with the suggested answers; resolves to the summary sentence. */
  async importWithSuggestions() {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    return this.summary();
  }

  async summary() {
    const done = this.page.getByRole('status').filter({ hasText: /^Imported: / });
    await done.waitFor();
    return done.innerText();
  }

  /** Saves whatever a button offers for download; resolves to its name and text. */
  async download(buttonName) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }
}
