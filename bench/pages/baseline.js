// The naive way a plain-JavaScript app would start: open the database and read
// every deal, one record per deal, with a single getAll. Times are from
// navigation start, like the app's own performance marks.
export const DATABASE = 'winloss-baseline';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

const database = await request(indexedDB.open(DATABASE));
const deals = await request(database.transaction('deals').objectStore('deals').getAll());
window.baselineStart = { ms: performance.now(), count: deals.length };

// One raw put of one record on a click, the least any save can cost; timed
// like the app's close (click → committed → next task), so that both include
// what a click itself costs the page.
window.baselinePuts = [];
const button = document.createElement('button');
button.textContent = 'Save one deal';
button.addEventListener('click', async () => {
  const started = performance.now();
  const deal = { ...deals[0], outcome: 'lost', reason: 'lost-too-expensive', updated_at: new Date().toISOString() };
  const transaction = database.transaction('deals', 'readwrite');
  transaction.objectStore('deals').put(deal);
  await done(transaction);
  setTimeout(() => window.baselinePuts.push(performance.now() - started), 0);
});
document.body.append(button);

// The straightforward JavaScript way to compute the dashboard's figures over
// the same records: one loop, Maps keyed by the records' own strings. Run on
// demand with every closed deal in the period (all time), timed by the caller.
window.baselineAggregate = () => {
  const tally = () => ({ won: 0, lost: 0, noDecision: 0, disqualified: 0, wonValue: 0, decidedValue: 0 });
  const add = (t, deal) => {
    const value = deal.amount ? deal.amount.minor : 0;
    if (deal.outcome === 'won') { t.won += 1; t.wonValue += value; }
    else if (deal.outcome === 'lost') t.lost += 1;
    else if (deal.outcome === 'no_decision') t.noDecision += 1;
    else t.disqualified += 1;
    if (deal.outcome !== 'disqualified') t.decidedValue += value;
  };
  const bump = (map, key, deal) => {
    let entry = map.get(key);
    if (!entry) { entry = tally(); map.set(key, entry); }
    add(entry, deal);
  };
  const overall = tally();
  const reasons = new Map(); const owners = new Map(); const competitors = new Map();
  const stages = new Map(); const tags = new Map(); const months = new Map();
  const sizes = [];
  for (const deal of deals) {
    if (deal.outcome === 'open' || !deal.close_date) continue;
    add(overall, deal);
    if (deal.reason) bump(reasons, deal.reason, deal);
    for (const reason of deal.secondary_reasons ?? []) bump(reasons, reason, deal);
    bump(owners, deal.owner_id ?? '', deal);
    if (deal.competitor) bump(competitors, deal.competitor, deal);
    if (deal.outcome !== 'won') bump(stages, deal.stage ?? '', deal);
    for (const tag of [deal.tags.product, deal.tags.segment, deal.tags.source]) if (tag) bump(tags, tag, deal);
    bump(months, deal.close_date.slice(0, 7), deal);
    if (deal.amount && deal.outcome !== 'disqualified') sizes.push(deal.amount.minor);
  }
  sizes.sort((a, b) => a - b);
  const ranked = [...reasons.entries()].sort((a, b) => (b[1].lost + b[1].noDecision) - (a[1].lost + a[1].noDecision));
  return { overall, ranked: ranked.length, owners: owners.size, competitors: competitors.size, stages: stages.size, tags: tags.size, months: months.size, quartile: sizes[sizes.length >> 2] };
};
