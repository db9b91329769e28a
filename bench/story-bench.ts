/**
 * Story benchmark: wall time of `retold story` on the bundled example (start-up
 * included, median of runs) and on a generated 200-article story, with the
 * peak RSS of the process. Run after `npm run build`:
 *   node dist/bench/story-bench.js [--runs 5] [--articles 200]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeStory } from './make-story.js';

const root = process.cwd();
const cli = join(root, 'dist/src/cli/main.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, articles: { type: 'string', default: '200' } } });
if (!existsSync(cli)) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

function timed(args: string[]): { ms: number; rssMB: number; code: number | null } {
  // /usr/bin/time is not always there; ask Node to report its own peak RSS at exit.
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nMAXRSS "+process.resourceUsage().maxRSS+"\\n"))', cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const m = /MAXRSS (\d+)/.exec(res.stderr ?? '');
  if (res.status !== 0) process.stderr.write(res.stderr);
  return { ms, rssMB: m ? parseInt(m[1], 10) / 1024 : NaN, code: res.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = mkdtempSync(join(tmpdir(), 'retold-bench-'));
const runs = parseInt(values.runs!, 10);

const example: number[] = [];
let exampleRss = 0;
for (let i = 0; i < runs; i++) {
  const r = timed(['story', 'examples/seed-story', '--out', join(out, 'example.html')]);
  example.push(r.ms);
  exampleRss = Math.max(exampleRss, r.rssMB);
}

const n = parseInt(values.articles!, 10);
const storyDir = join(out, `story-${n}`);
makeStory(join(root, 'examples/seed-story'), storyDir, n);
const big = timed(['story', storyDir, '--out', join(out, 'big.html'), '--json']);

console.log('story benchmark (wall time includes Node start-up)');
console.log(`  example (2 articles): median ${median(example).toFixed(0)} ms over ${runs} runs, peak RSS ${exampleRss.toFixed(0)} MB  [target < 1000 ms]`);
console.log(`  generated story (${n} articles): ${(big.ms / 1000).toFixed(2)} s, peak RSS ${big.rssMB.toFixed(0)} MB, exit ${big.code}  [target < 20 s, < 1024 MB]`);
rmSync(out, { recursive: true, force: true });
