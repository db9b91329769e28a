/**
 * Throughput of the `retold annotate` command itself (Node start-up, reading, extraction, annotation and
 * JSON output included) with one thread and with worker threads, on a directory of texts; checks that
 * every `--jobs` setting writes the same bytes. Run after `npm run build`:
 *   npm run bench:annotate:cli -- [dir] [--jobs 1,2] [--runs 3]
 * (default dir: ../shared/bench/polnear/train/text, 840 news texts; skips when it is absent).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = process.cwd();
const cli = join(root, 'dist/src/cli/main.js');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { jobs: { type: 'string', default: '1,2' }, runs: { type: 'string', default: '3' } } });
if (!existsSync(cli)) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}
const dir = resolve(positionals[0] ?? join(root, '..', 'shared', 'bench', 'polnear', 'train', 'text'));
if (!existsSync(dir)) {
  console.log(`annotate-cli-bench: no directory ${dir}, skipping`);
  process.exit(0);
}
const n = readdirSync(dir).filter((f) => f.endsWith('.txt')).length;
const jobsList = values.jobs!.split(',').map(Number);
const runs = Number(values.runs);
console.log(`retold annotate ${dir} --jsonl --as-is: ${n} texts, best of ${runs} runs (shared 2-core machine, noisy)`);
const digests = new Set<string>();
for (const jobs of jobsList) {
  let best = Infinity;
  let digest = '';
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [cli, 'annotate', dir, '--jsonl', '--as-is', '--jobs', String(jobs)], { maxBuffer: 1 << 30 });
    const ms = performance.now() - t0;
    if (res.status !== 0) {
      process.stderr.write(res.stderr);
      console.error(`annotate-cli-bench: --jobs ${jobs} exited with ${res.status}`);
      process.exit(1);
    }
    best = Math.min(best, ms);
    digest = createHash('sha256').update(res.stdout).digest('hex').slice(0, 16);
  }
  digests.add(digest);
  console.log(`  --jobs ${jobs}: ${(best / 1000).toFixed(2)} s, ${((n * 1000) / best).toFixed(1)} articles/s (output ${digest})`);
}
console.log(digests.size === 1 ? '  every setting wrote the same output' : '  THE OUTPUTS DIFFER between --jobs settings');
if (digests.size !== 1) process.exit(1);
