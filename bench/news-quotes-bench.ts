/**
 * Quotes and speakers in everyday news: English articles of 2019 from many outlets (wire, national, local,
 * trade, science, sport), the article bodies of the article extraction benchmark's development pages
 * (../shared/bench/aeb-dev/ground-truth.json), with their quotes and speakers marked by hand (the texts stay in
 * ../shared). A stand-in for the second held-out set: quote F1 (spans matched at 30% overlap) and speaker
 * accuracy among matched quotes, scored as bench/quote-gold.ts states. Two sets: bench/news-quotes.gold.json
 * (22 articles; their misses, listed after the figures, guided the rules) and bench/news-quotes-check.gold.json
 * (15 articles marked afterwards and only measured, never read for errors: its figures say how the rules
 * carry over to articles they were not fitted to; its misses are not listed).
 *
 *   npm run bench:news-quotes -- [../shared/bench/aeb-dev]
 *
 * Each body is read as `retold annotate --as-is` reads a text file. Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RawDocument } from '../src/model.js';
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
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;

function run(file: string): { score: QuoteScore; articles: number; ms: number } {
  const gold = (JSON.parse(readFileSync(join(root, 'bench', file), 'utf8')) as { articles: GoldArticle[] }).articles;
  const score = emptyScore();
  const t0 = performance.now();
  for (const g of gold) {
    const body = truth[g.id]?.articleBody;
    if (body === undefined) throw new Error(`article ${g.id} not in ${dir}/ground-truth.json`);
    const raw: RawDocument = { source: `aeb-dev/${g.id.slice(0, 8)}.txt`, mediaType: 'text/plain', content: body, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(body) };
    const article = extractArticle(raw, { asIs: true });
    scoreArticle(score, `${g.id.slice(0, 8)} (${new URL(g.url).hostname.replace(/^www\./, '')})`, article.text, analyzeArticle(article), g.quotes);
  }
  return { score, articles: gold.length, ms: performance.now() - t0 };
}

const tuning = run('news-quotes.gold.json');
const check = existsSync(join(root, 'bench', 'news-quotes-check.gold.json')) ? run('news-quotes-check.gold.json') : null;
const line = (label: string, r: { score: QuoteScore; articles: number; ms: number }): void => {
  console.log(`${label}: ${r.articles} articles, ${r.score.tp + r.score.fn} gold quotes (${(r.ms / r.articles).toFixed(1)} ms/article, first run)`);
  console.log('  ' + scoreLine(r.score));
};
line('news quotes, tuning set', tuning);
if (check) {
  line('news quotes, check set (never read for errors)', check);
  const both = emptyScore();
  for (const k of ['tp', 'fp', 'fn', 'judged', 'right', 'strictRight'] as const) both[k] = tuning.score[k] + check.score[k];
  console.log(`both: ${scoreLine(both)}`);
}
console.log('misses of the tuning set:');
for (const m of tuning.score.misses) console.log('  ' + m);
