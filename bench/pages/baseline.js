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
