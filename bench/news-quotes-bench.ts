/**
 * Quotes and speakers in everyday news: English articles of 2019 from many outlets (wire, national, local,
 * trade, science, sport), the article bodies of the article extraction benchmark's development pages
 * (../shared/bench/aeb-dev/ground-truth.json), with their quotes and speakers marked by hand (the texts stay in
 * ../shared). A stand-in for the second held-out set: quote F1 (spans matched at 30% overlap) and speaker
 * accuracy among matched quotes, scored as bench/quote-gold.ts states. Two sets: bench/news-quotes.gold.json
 * (22 articles; their misses, listed after the figures, guided the rules) and bench/news-quotes-check.gold.json
 * (15 articles marked afterwards and only measured, never read for errors: its figures say how the rules
 * carry over to articles they were not fitted to; its misses are not listed). A third set,
 * bench/news-quotes-fnc.gold.json, marks 30 FNC-1 training bodies (news of 2014–2015 as scraped, captions and
 * debris included; texts in ../shared/bench/fnc1) the same way: a second tuning set, whose misses are listed too.
 * A fourth, bench/news-quotes-fnc2.gold.json, marks 24 other FNC-1 training bodies the same way: a third tuning set
 * (measured once before its errors were read; its misses are listed). A fifth, bench/news-quotes-fnc-check.gold.json,
 * marks 24 further FNC-1 training bodies: a second check set, measured and never read for errors (no misses listed).
 * A sixth, bench/news-quotes-fnc3.gold.json, marks 24 more FNC-1 training bodies: a fourth tuning set (measured once
 * before its errors were read; its misses are listed). A seventh, bench/news-quotes-fnc4.gold.json, marks 24 further
 * FNC-1 training bodies: a fifth tuning set (the same: measured once, then read).
 *
 *   npm run bench:news-quotes -- [../shared/bench/aeb-dev] [../shared/bench/fnc1]
 *
 * Each body is read as `retold annotate --as-is` reads a text file. Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RawDocument } from '../src/model.js';
import { parseCsv } from './fnc-csv.js';
import { emptyScore, repoRoot, scoreArticle, scoreLine, type GoldQuote, type QuoteScore } from './quote-gold.js';

interface GoldArticle {
  id: string;
  url: string;
  quotes: GoldQuote[];
}

const root = repoRoot();
const dir = process.argv[2] ?? join(root, '..', 'shared', 'bench', 'aeb-dev');
if (!existsSync(join(dir, 'ground-truth.json'))) {
  console.log(`news-quotes-bench: no article extraction benchmark data at ${dir}; skipped.`);
  process.exit(0);
}
const fncDir = process.argv[3] ?? join(root, '..', 'shared', 'bench', 'fnc1');
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;

interface Run { score: QuoteScore; articles: number; ms: number }

/** Score the articles `(label, body, quotes)`, each read as `retold annotate --as-is` reads a text file. */
function score(items: Array<{ label: string; source: string; body: string; quotes: GoldQuote[] }>): Run {
  const result = emptyScore();
  const t0 = performance.now();
  for (const g of items) {
    const raw: RawDocument = { source: g.source, mediaType: 'text/plain', content: g.body, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(g.body) };
    const article = extractArticle(raw, { asIs: true });
    scoreArticle(result, g.label, article.text, analyzeArticle(article), g.quotes);
  }
  return { score: result, articles: items.length, ms: performance.now() - t0 };
}

function run(file: string): Run {
  const gold = (JSON.parse(readFileSync(join(root, 'bench', file), 'utf8')) as { articles: GoldArticle[] }).articles;
  return score(gold.map((g) => {
    const body = truth[g.id]?.articleBody;
    if (body === undefined) throw new Error(`article ${g.id} not in ${dir}/ground-truth.json`);
    return { label: `${g.id.slice(0, 8)} (${new URL(g.url).hostname.replace(/^www\./, '')})`, source: `aeb-dev/${g.id.slice(0, 8)}.txt`, body, quotes: g.quotes };
  }));
}

/** An FNC-1 set (null when its gold file or the FNC-1 data is absent). */
function runFnc(name: string): Run | null {
  const file = join(root, 'bench', name);
  if (!existsSync(file) || !existsSync(join(fncDir, 'train_bodies.csv'))) return null;
  const gold = (JSON.parse(readFileSync(file, 'utf8')) as { bodies: Array<{ body: string; quotes: GoldQuote[] }> }).bodies;
  const bodies = new Map<string, string>();
  for (const [id, body] of parseCsv(readFileSync(join(fncDir, 'train_bodies.csv'), 'utf8')).slice(1)) if (id) bodies.set(id, body);
  return score(gold.map((g) => {
    const body = bodies.get(g.body);
    if (body === undefined) throw new Error(`FNC-1 body ${g.body} not in ${fncDir}/train_bodies.csv`);
    return { label: `fnc1 body ${g.body}`, source: `fnc1/body-${g.body}.txt`, body, quotes: g.quotes };
  }));
}

const tuning = run('news-quotes.gold.json');
const fnc = runFnc('news-quotes-fnc.gold.json');
const check = existsSync(join(root, 'bench', 'news-quotes-check.gold.json')) ? run('news-quotes-check.gold.json') : null;
const fnc2 = runFnc('news-quotes-fnc2.gold.json');
const fncCheck = runFnc('news-quotes-fnc-check.gold.json');
const fnc3 = runFnc('news-quotes-fnc3.gold.json');
const fnc4 = runFnc('news-quotes-fnc4.gold.json');
const line = (label: string, r: { score: QuoteScore; articles: number; ms: number }): void => {
  console.log(`${label}: ${r.articles} articles, ${r.score.tp + r.score.fn} gold quotes (${(r.ms / r.articles).toFixed(1)} ms/article, first run)`);
  console.log('  ' + scoreLine(r.score));
};
line('news quotes, tuning set', tuning);
if (fnc) line('news quotes, second tuning set (FNC-1 bodies of 2014–2015)', fnc);
if (check) line('news quotes, check set (never read for errors)', check);
if (fnc2) line('news quotes, third tuning set (24 other FNC-1 bodies)', fnc2);
if (fncCheck) line('news quotes, second check set (24 further FNC-1 bodies; never read for errors)', fncCheck);
if (fnc3) line('news quotes, fourth tuning set (24 more FNC-1 bodies)', fnc3);
if (fnc4) line('news quotes, fifth tuning set (24 further FNC-1 bodies)', fnc4);
if (check && fncCheck) {
  const both = emptyScore();
  for (const r of [check, fncCheck]) for (const k of ['tp', 'fp', 'fn', 'judged', 'right', 'strictRight'] as const) both[k] += r.score[k];
  console.log(`both check sets: ${scoreLine(both)}`);
}
const runs = [tuning, fnc, check, fnc2, fncCheck, fnc3, fnc4].filter((r): r is Run => r !== null);
if (runs.length > 1) {
  const all = emptyScore();
  for (const r of runs) for (const k of ['tp', 'fp', 'fn', 'judged', 'right', 'strictRight'] as const) all[k] += r.score[k];
  console.log(`all ${runs.length} sets: ${scoreLine(all)}`);
}
console.log('misses of the tuning set:');
for (const m of tuning.score.misses) console.log('  ' + m);
if (fnc) {
  console.log('misses of the second tuning set:');
  for (const m of fnc.score.misses) console.log('  ' + m);
}
if (fnc2) {
  console.log('misses of the third tuning set:');
  for (const m of fnc2.score.misses) console.log('  ' + m);
}
if (fnc3) {
  console.log('misses of the fourth tuning set:');
  for (const m of fnc3.score.misses) console.log('  ' + m);
}
if (fnc4) {
  console.log('misses of the fifth tuning set:');
  for (const m of fnc4.score.misses) console.log('  ' + m);
}
