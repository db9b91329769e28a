import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ordered, WorkerPool } from '../../src/util/worker-pool.js';
import { repoRoot } from '../helpers.js';

interface Job { source: string; text: string; delay?: number }
interface Res { source: string; text?: string; error?: string }

function pool(size: number, hardLimitMs = 5_000): WorkerPool<Job, Res> {
  return new WorkerPool<Job, Res>({
    url: pathToFileURL(join(repoRoot(), 'test', 'fixtures', 'pool-worker.mjs')),
    size,
    hardLimitMs,
    failed: (source, code, message) => ({ source, error: `${code}: ${message}` }),
  });
}

async function* items<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

test('worker pool: results come back in input order whatever order the workers finish in', async () => {
  const p = pool(3);
  try {
    const jobs: Job[] = [40, 0, 25, 5, 0, 30, 1].map((delay, i) => ({ source: `in${i}`, text: `t${i}`, delay }));
    const out: Res[] = [];
    for await (const r of ordered(items(jobs), 4, (j) => p.run(j))) out.push(r);
    assert.deepEqual(out.map((r) => r.text), jobs.map((j) => j.text.toUpperCase()));
    assert.deepEqual(out.map((r) => r.source), jobs.map((j) => j.source));
  } finally {
    await p.close();
  }
});

test('worker pool: a hung, crashed or exited worker costs its own job only, and is replaced', async () => {
  const p = pool(2, 1_500);
  try {
    const jobs: Job[] = ['a', 'hang', 'b', 'crash', 'c', 'exit', 'd'].map((text, i) => ({ source: `in${i}`, text }));
    const out = await Promise.all(jobs.map((j) => p.run(j)));
    assert.equal(out[0].text, 'A');
    assert.match(out[1].error ?? '', /^TIMEOUT: gave up after 1500 ms/);
    assert.equal(out[2].text, 'B');
    assert.match(out[3].error ?? '', /^WORKER_FAILED: worker crashed: boom/);
    assert.equal(out[4].text, 'C');
    assert.match(out[5].error ?? '', /^WORKER_FAILED: worker exited/);
    assert.equal(out[6].text, 'D');
    assert.deepEqual(out.map((r) => r.source), jobs.map((j) => j.source));
    // the pool still works after replacing its workers
    assert.equal((await p.run({ source: 'x', text: 'after' })).text, 'AFTER');
  } finally {
    await p.close();
  }
});
