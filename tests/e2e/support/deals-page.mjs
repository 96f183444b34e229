// The deals screen as a person sees it: found by role and visible label.
export class DealsPage {
  constructor(page) {
    this.page = page;
    this.errors = [];
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => this.errors.push(error.message));
  }

  async open(url) {
    await this.page.goto(url);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async ready() {
    await this.page.getByRole('heading', { name: 'New deal' }).waitFor();
  }

  newDealForm() {
    return this.page.getByRole('form', { name: 'New deal' });
  }

  /** A field of the New deal form, by its visible label. */
  field(label) {
    return this.newDealForm().getByLabel(label, { exact: true });
  }

  async fillNewDeal(values) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
    }
  }

  async addDeal(values) {
    await this.fillNewDeal(values);
    await this.newDealForm().getByRole('button', { name: 'Add deal' }).click();
  }

  dealList() {
    return this.page.getByRole('list', { name: 'Deals' });
  }

  deal(name) {
    return this.page.getByRole('listitem', { name });
  }

  async dealCount() {
    return this.page.getByRole('listitem').count();
  }

  /** The two clicks of closing a deal: the outcome, then one reason. */
  async close(name, outcome, reason) {
    const row = this.deal(name);
    await row.getByRole('button', { name: outcome, exact: true }).click();
    await row.getByRole('button', { name: reason, exact: true }).click();
  }

  undoButton() {
    return this.page.getByRole('button', { name: 'Undo' });
  }
}
