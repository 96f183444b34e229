// `make bench`: what users feel at 10k and 100k deals (1M with BENCH_FULL=1),
// in headless Chromium against the release build, each figure beside a
// baseline measured in the same run. Prints a table and writes results.json.
//
//   node bench/run.mjs [--sizes 10000,100000] [--runs 5] [--out bench/results.json]
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { serveDirectory } from '../tests/e2e/support/static-server.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_FULL ? '10000,100000,1000000' : '10000,100000' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results.json' },
    dist: { type: 'string', default: 'dist' },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const RUNS = Number(options.runs);
const SEED = 42;
const MISSING = {
  bundle_charts_gz: 'no ECharts file in dist/',
};
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

async function openApp(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('winloss:deals-visible').length > 0);
  if (errors.length) throw new Error(`the app raised: ${errors.join('; ')}`);
  return page;
}

/** Stores N sample deals through the app, and the same deals one record each for the baseline. */
async function seed(context, url, n) {
  const page = await openApp(context, url);
  await page.evaluate(async ({ n, seed }) => {
    await window.wasmBindings.add_sample_deals(n, seed);
    const deals = JSON.parse(window.wasmBindings.sample_deals_json(n, seed));
    const open = indexedDB.open('winloss-baseline', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('deals', { keyPath: 'id' });
    const database = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = database.transaction('deals', 'readwrite');
    const store = transaction.objectStore('deals');
    for (const deal of deals) store.put(deal);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, { n, seed: SEED });
  await page.close();
}

async function coldStart(context, url) {
  const page = await openApp(context, url);
  const ms = await page.evaluate(() => performance.getEntriesByName('winloss:deals-visible')[0].startTime);
  const shown = await page.getByRole('list', { name: 'Deals' }).getByRole('listitem').count();
  if (shown === 0) throw new Error('the deal list is empty after a cold start');
  await page.close();
  return ms;
}

async function baselineColdStart(context, url, n) {
  const page = await context.newPage();
  await page.goto(`${url}bench/baseline.html`);
  const result = await page.waitForFunction(() => window.baselineStart, null, { timeout: 120_000 });
  const { ms, count } = await result.jsonValue();
  if (count !== n) throw new Error(`the baseline read ${count} deals, expected ${n}`);
  await page.close();
  return ms;
}

/** Two clicks on open deals: Lost, then a reason; the app measures until saved and shown. */
async function closeDeals(context, url, runs) {
  const page = await openApp(context, url);
  const list = page.getByRole('list', { name: 'Deals' });
  const durations = [];
  for (let run = 0; run < runs; run += 1) {
    await list.getByRole('button', { name: 'Lost', exact: true }).first().click();
    await page.getByRole('button', { name: 'Too expensive', exact: true }).click();
    await page.waitForFunction((count) => performance.getEntriesByName('winloss:close-deal').length > count, run);
    durations.push(await page.evaluate(() => performance.getEntriesByName('winloss:close-deal').at(-1).duration));
  }
  const memory = await measureMemory(context, page);
  await page.close();
  return { ms: median(durations), memory };
}

/**
 * The whole dashboard recomputed over every deal (all time, the largest
 * period): each click on "Count secondary reasons too" changes the filter,
 * and the app measures the recompute itself.
 */
async function recompute(context, url, runs) {
  const page = await openApp(context, `${url}dashboard?period=all`);
  await page.getByRole('heading', { name: 'Dashboard', level: 2 }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('winloss:dashboard-recompute').length > 0);
  const toggle = page.getByRole('checkbox', { name: 'Count secondary reasons too' });
  for (let run = 0; run < runs; run += 1) {
    const before = await page.evaluate(() => performance.getEntriesByName('winloss:dashboard-recompute').length);
    await toggle.click();
    await page.waitForFunction((count) => performance.getEntriesByName('winloss:dashboard-recompute').length > count, before);
  }
  const durations = await page.evaluate((runs) => performance.getEntriesByName('winloss:dashboard-recompute').slice(-runs).map((entry) => entry.duration), runs);
  await page.close();
  return median(durations);
}

async function baselineRecompute(context, url, runs) {
  const page = await context.newPage();
  await page.goto(`${url}bench/baseline.html`);
  await page.waitForFunction(() => window.baselineStart, null, { timeout: 120_000 });
  const durations = await page.evaluate((runs) => {
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      window.baselineAggregate();
      times.push(performance.now() - started);
    }
    return times;
  }, runs);
  await page.close();
  return median(durations);
}

async function baselinePut(context, url, runs) {
  const page = await context.newPage();
  await page.goto(`${url}bench/baseline.html`);
  await page.waitForFunction(() => window.baselineStart, null, { timeout: 120_000 });
  const save = page.getByRole('button', { name: 'Save one deal' });
  for (let run = 0; run < runs; run += 1) {
    await save.click();
    await page.waitForFunction((count) => window.baselinePuts.length > count, run);
  }
  const durations = await page.evaluate(() => window.baselinePuts);
  await page.close();
  return median(durations);
}

/** JS heap after garbage collection, plus the app's WebAssembly memory, in MB. */
async function measureMemory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  const wasm = await page.evaluate(() => window.wasmBindings.wasm_memory_bytes());
  await cdp.detach();
  return (jsHeap + wasm) / 1024 / 1024;
}

async function bundleSizes(dist) {
  const files = await readdir(dist);
  const gzipped = async (pattern) => {
    let total = 0;
    for (const file of files.filter((name) => pattern.test(name))) {
      total += gzipSync(await readFile(`${dist}/${file}`), { level: 9 }).length;
    }
    return total / 1024;
  };
  return {
    app: (await gzipped(/^winloss-.*\.(wasm|js)$/)),
    css: await gzipped(/\.css$/),
    charts: files.some((name) => /^echarts/.test(name)) ? await gzipped(/^echarts/) : null,
  };
}

/** A HubSpot deals export of `rows` rows, the same every run. */
function hubspotExport(rows) {
  const stages = ['Closed won', 'Closed lost', 'Closed lost', 'Contract sent', 'Qualified to buy'];
  const reasons = ['Too expensive', 'Chose a competitor', 'No budget', 'Timing', 'Missing feature'];
  const owners = ['Dana Scully', 'Fox Mulder', 'Walter Skinner', 'Monica Reyes'];
  const lines = ['Record ID,Deal Name,Amount,Close Date,Deal Stage,Deal owner,Closed Lost Reason,Closed Won Reason,Create Date'];
  for (let row = 0; row < rows; row += 1) {
    const stage = stages[row % stages.length];
    const month = String((row % 12) + 1).padStart(2, '0');
    const day = String((row % 28) + 1).padStart(2, '0');
    const lost = stage === 'Closed lost' ? reasons[row % reasons.length] : '';
    const won = stage === 'Closed won' ? 'Best product fit' : '';
    lines.push(`${900000 + row},"Account ${row} renewal","${(1000 + (row * 37) % 90000).toLocaleString('en-US')}.00",2026-${month}-${day},${stage},${owners[row % owners.length]},${lost},${won},2025-${month}-${day}`);
  }
  return lines.join('\r\n');
}

/**
 * Importing a CRM export of IMPORT_ROWS rows through the wizard: the app's
 * working time from picking the file to the deals saved (reading, checking
 * the values, preparing and saving), without the person's clicks between.
 * Also the longest task the page ran meanwhile, to see that it kept drawing.
 */
async function importCsv(url) {
  const browser = await launchBrowser();
  try {
    const page = await openApp(browser.context, url);
    await page.evaluate(() => {
      window.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longestTask = Math.max(window.longestTask, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const csv = Buffer.from(hubspotExport(IMPORT_ROWS));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    let started = performance.now();
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'hubspot.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: 'Continue' }).waitFor();
    let working = performance.now() - started;
    started = performance.now();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    working += performance.now() - started;
    started = performance.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText(/^Imported: /).waitFor({ timeout: 300_000 });
    working += performance.now() - started;
    return { ms: working, longestTask: await page.evaluate(() => window.longestTask) };
  } finally {
    await browser.close();
  }
}

async function measureSize(url, n) {
  const browser = await launchBrowser();
  try {
    await seed(browser.context, url, n);
    const ours = [];
    const baseline = [];
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate, so that neither side always runs on a warmer browser.
      ours.push(await coldStart(browser.context, url));
      baseline.push(await baselineColdStart(browser.context, url, n));
    }
    const close = await closeDeals(browser.context, url, Math.max(RUNS, 3));
    const put = await baselinePut(browser.context, url, Math.max(RUNS, 3));
    const dashboard = await recompute(browser.context, url, Math.max(RUNS, 3));
    const aggregate = await baselineRecompute(browser.context, url, Math.max(RUNS, 3));
    return {
      version: browser.context.browser()?.version() ?? null,
      results: [
        { figure: 'cold_start', n, unit: 'ms', ours: median(ours), baseline: median(baseline) },
        { figure: 'close_deal', n, unit: 'ms', ours: close.ms, baseline: put },
        { figure: 'recompute', n, unit: 'ms', ours: dashboard, baseline: aggregate },
        { figure: 'memory', n, unit: 'MB', ours: close.memory, baseline: null },
      ],
    };
  } finally {
    await browser.close();
  }
}

const GOALS = {
  cold_start: (r) => (r.n >= 100_000 ? { text: '≤ 1.0× baseline', met: r.ours <= r.baseline } : { text: '—', met: null }),
  close_deal: (r) => ({ text: '≤ 16 ms', met: r.ours <= 16 }),
  recompute: (r) => ({ text: '≤ 16 ms, < baseline', met: r.ours <= 16 && r.ours < r.baseline }),
  import_csv: (r) => ({ text: '≤ 5000 ms', met: r.ours <= 5000 }),
  import_longest_task: () => ({ text: '—', met: null }),
  memory: (r) => (r.n >= 1_000_000 ? { text: '≤ 500 MB', met: r.ours <= 500 } : { text: '—', met: null }),
  bundle_app_gz: (r) => ({ text: '≤ 300 KB', met: r.ours <= 300 }),
  bundle_charts_gz: () => ({ text: '—', met: null }),
};

function printTable(results) {
  const rows = results.map((r) => {
    const goal = r.ours === null ? { text: GOALS[r.figure](r).text, met: null } : GOALS[r.figure](r);
    return [
      r.figure,
      r.n === null ? '' : r.n.toLocaleString('en-US'),
      r.ours === null ? 'missing' : `${round(r.ours)} ${r.unit}`,
      r.baseline === null ? '—' : `${round(r.baseline)} ${r.unit}`,
      r.ours !== null && r.baseline ? `${(r.ours / r.baseline).toFixed(2)}×` : '—',
      goal.text,
      goal.met === null ? (r.missing ? r.missing : '') : goal.met ? 'met' : 'NOT MET',
    ];
  });
  const header = ['figure', 'n', 'ours', 'baseline', 'ratio', 'goal', ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)));
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ').trimEnd());
  }
}

const server = await serveDirectory(options.dist, { '/bench/': 'bench/pages' });
try {
  const results = [];
  let browserVersion = null;
  for (const n of SIZES) {
    console.error(`measuring ${n.toLocaleString('en-US')} deals…`);
    const measured = await measureSize(server.url, n);
    browserVersion = measured.version;
    results.push(...measured.results);
  }
  console.error(`importing a ${IMPORT_ROWS.toLocaleString('en-US')}-row CSV…`);
  const imported = await importCsv(server.url);
  results.push({ figure: 'import_csv', n: IMPORT_ROWS, unit: 'ms', ours: imported.ms, baseline: null });
  results.push({ figure: 'import_longest_task', n: IMPORT_ROWS, unit: 'ms', ours: imported.longestTask, baseline: null });
  const bundle = await bundleSizes(options.dist);
  results.push({ figure: 'bundle_app_gz', n: null, unit: 'KB', ours: bundle.app, baseline: null });
  results.push({
    figure: 'bundle_charts_gz', n: null, unit: 'KB', ours: bundle.charts, baseline: null,
    ...(bundle.charts === null ? { missing: MISSING.bundle_charts_gz } : {}),
  });

  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const rounded = results.map((r) => ({ ...r, ours: round(r.ours), baseline: round(r.baseline) }));
  await writeFile(options.out, `${JSON.stringify({ commit, browser: browserVersion, runs: RUNS, results: rounded }, null, 2)}\n`);
  printTable(results);
  console.error(`wrote ${options.out}`);
} finally {
  await server.close();
}
