// The benchmark harness runs end to end at a tiny size, so it cannot rot
// unnoticed. Its timings are not asserted: only that every figure is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

test('make bench reports every figure at a tiny size', { timeout: 180_000 }, async () => {
  const directory = await mkdtemp(join(tmpdir(), 'winloss-bench-'));
  try {
    const out = join(directory, 'results.json');
    const { stdout } = await run('node', ['bench/run.mjs', '--sizes', '200', '--runs', '1', '--out', out]);
    assert.match(stdout, /^figure\s+n\s+ours\s+baseline\s+ratio\s+goal/m);

    const report = JSON.parse(await readFile(out, 'utf8'));
    assert.match(report.commit, /^[0-9a-f]{40}$/);
    assert.match(report.browser, /^\d+\./);
    const figures = report.results.map((result) => result.figure);
    for (const figure of ['cold_start', 'close_deal', 'recompute', 'import_csv', 'memory', 'bundle_app_gz', 'bundle_charts_gz']) {
      assert.ok(figures.includes(figure), `${figure} is reported`);
    }
    for (const result of report.results) {
      if (result.ours === null) {
        assert.ok(result.missing, `${result.figure} says why it is missing`);
      } else {
        assert.ok(result.ours > 0, `${result.figure} is measured`);
      }
    }
    const measured = (figure) => report.results.find((result) => result.figure === figure);
    assert.ok(measured('cold_start').baseline > 0, 'the cold start has its baseline');
    assert.ok(measured('close_deal').baseline > 0, 'closing a deal has its baseline');
    assert.equal(measured('cold_start').n, 200);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
