/**
 * Attribution benchmark on PolNeAR dev: exact-match P/R/F1 for source, cue, content and relations,
 * an error breakdown (boundary / missed / spurious), model-only and end-to-end speed, model load time.
 *   npm run bench:attribution -- [devDir] [--model file] [--repeat N]
 * Model-only time: `extractAttributionsFromTokens` on tokens made beforehand by the rule pipeline's
 * `tokenizeArticle` (what `annotate` pays on top of the rules); end-to-end: `extractAttributions`
 * (tokenises itself). Both get the rule relations' spans (`ruleRelations`, made beforehand: the content
 * tagger reads them). Best of `--repeat` runs (default 3).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, Attribution } from '../src/model.js';
import { loadPolnear } from '../src/analyze/attribution/dataset.js';
import { extractAttributions, extractAttributionsFromTokens, loadAttributionModel } from '../src/analyze/attribution/index.js';
import { lineBlocks } from '../src/analyze/attribution/tokens.js';
import { ruleSpansOfTexts } from '../src/analyze/attribution/rule-digest.js';
import { tokenizeArticle } from '../src/analyze/quotes/tokens.js';
import { scoreArticle, addCounts, emptyCounts, prf, errorBreakdown, type Metric } from '../src/analyze/attribution/evaluate.js';

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const modelPath = opt('--model');
  const repeat = Math.max(1, Number(opt('--repeat') ?? 3));
  const dir = resolve(args[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'dev'));
  if (!existsSync(dir)) {
    console.log(`attribution-bench: ${dir} not found, skipping`);
    return;
  }
  const docs = loadPolnear(dir);
  const t0 = performance.now();
  const model = loadAttributionModel(modelPath ? resolve(modelPath) : undefined);
  const loadMs = performance.now() - t0;
  // Warm-up (JIT, wink model) on one article.
  extractAttributions(docs[0].text, 'warmup', model);
  const tt = performance.now();
  const tokens = docs.map((d) => tokenizeArticle({ id: d.name, text: d.text, blocks: lineBlocks(d.text) } as unknown as Article).tokens);
  const tokMs = (performance.now() - tt) / docs.length;
  // Best of `repeat` runs, by CPU time (the machine may be shared; wall time is reported too).
  const time = (f: () => Attribution[][]): { preds: Attribution[][]; ms: number; wall: number } => {
    let best = Infinity;
    let wall = Infinity;
    let preds: Attribution[][] = [];
    for (let r = 0; r < repeat; r++) {
      const t = performance.now();
      const c = process.cpuUsage();
      preds = f();
      const u = process.cpuUsage(c);
      best = Math.min(best, (u.user + u.system) / 1000);
      wall = Math.min(wall, performance.now() - t);
    }
    return { preds, ms: best / docs.length, wall: wall / docs.length };
  };
  // the rule relations the content tagger reads (made beforehand, as `analyzeArticle` makes them anyway)
  const ruleSpansOf = ruleSpansOfTexts(dir, docs.map((d) => d.name));
  const rules = docs.map((d) => ruleSpansOf.get(d.name));
  const model1 = time(() => docs.map((d, i) => extractAttributionsFromTokens(d.text, d.name, tokens[i], model, rules[i])));
  const full = time(() => docs.map((d, i) => extractAttributions(d.text, d.name, model, rules[i])));
  const differ = docs.filter((_, i) => JSON.stringify(model1.preds[i]) !== JSON.stringify(full.preds[i])).length;
  const preds = full.preds;
  const totals = emptyCounts();
  docs.forEach((d, i) => addCounts(totals, scoreArticle(preds[i], d.gold)));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`PolNeAR ${dir}: ${docs.length} articles (${(chars / docs.length).toFixed(0)} chars avg), exact span match`);
  console.log('metric        P      R      F1     tp    fp    fn');
  for (const k of Object.keys(totals) as Metric[]) {
    const c = totals[k];
    const s = prf(c.tp, c.fp, c.fn);
    console.log(`${k.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}`);
  }
  const errs = docs.map((d, i) => errorBreakdown(preds[i], d.gold));
  console.log('errors (gold spans): exact / boundary (start off, end off, both, split) / missed; predicted spans overlapping no gold: spurious');
  for (const k of ['source', 'cue', 'content'] as const) {
    const e = errs.reduce(
      (a, x) => {
        for (const f of Object.keys(a) as Array<keyof typeof a>) a[f] += x[k][f];
        return a;
      },
      { exact: 0, start: 0, end: 0, both: 0, split: 0, missed: 0, spurious: 0 },
    );
    console.log(`${k.padEnd(8)} exact ${e.exact}  boundary ${e.start + e.end + e.both + e.split} (start ${e.start}, end ${e.end}, both ${e.both}, split ${e.split})  missed ${e.missed}  spurious ${e.spurious}`);
  }
  console.log(
    `speed (CPU time, best of ${repeat}): model only ${model1.ms.toFixed(2)} ms/article (${(1000 / model1.ms).toFixed(0)} articles/s; wall ${model1.wall.toFixed(2)} ms) on pre-made tokens; ` +
      `tokenisation ${tokMs.toFixed(2)} ms/article (wall); end to end ${full.ms.toFixed(2)} ms/article (${(1000 / full.ms).toFixed(1)} articles/s; wall ${full.wall.toFixed(2)} ms); ` +
      `model load ${loadMs.toFixed(0)} ms; articles whose output differs between the two runs: ${differ}` +
      (differ ? ' (wink-nlp tokenises some words differently after it has seen them, e.g. "Clinton\'s")' : ''),
  );
}

main();
