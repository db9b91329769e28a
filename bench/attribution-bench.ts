/**
 * Attribution benchmark on PolNeAR dev: exact-match P/R/F1 for source, cue, content and relations,
 * articles/s and model load time.
 *   npm run bench:attribution -- [devDir] [--model file]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPolnear } from '../src/analyze/attribution/dataset.js';
import { extractAttributions, loadAttributionModel } from '../src/analyze/attribution/index.js';
import { scoreArticle, addCounts, emptyCounts, prf, type Metric } from '../src/analyze/attribution/evaluate.js';

function main(): void {
  const args = process.argv.slice(2);
  const mi = args.indexOf('--model');
  const modelPath = mi >= 0 ? resolve(args.splice(mi, 2)[1]) : undefined;
  const dir = resolve(args[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'dev'));
  if (!existsSync(dir)) {
    console.log(`attribution-bench: ${dir} not found, skipping`);
    return;
  }
  const docs = loadPolnear(dir);
  const t0 = performance.now();
  const model = loadAttributionModel(modelPath);
  const loadMs = performance.now() - t0;
  // Warm-up (JIT, wink model) on one article, then time the whole set.
  extractAttributions(docs[0].text, 'warmup', model);
  const totals = emptyCounts();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const preds = docs.map((d) => extractAttributions(d.text, d.name, model));
  const secs = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  docs.forEach((d, i) => addCounts(totals, scoreArticle(preds[i], d.gold)));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`PolNeAR ${dir}: ${docs.length} articles (${(chars / docs.length).toFixed(0)} chars avg), exact span match`);
  console.log('metric        P      R      F1     tp    fp    fn');
  for (const k of Object.keys(totals) as Metric[]) {
    const c = totals[k];
    const s = prf(c.tp, c.fp, c.fn);
    console.log(`${k.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}`);
  }
  console.log(
    `speed: ${(docs.length / secs).toFixed(1)} articles/s wall (${secs.toFixed(2)} s), ${(docs.length / cpuSecs).toFixed(1)} articles per CPU-second (${cpuSecs.toFixed(2)} s CPU, includes GC); model load ${loadMs.toFixed(0)} ms`,
  );
}

main();
