/**
 * Quotes and speakers in everyday news: 22 English articles of 2019 from 21 outlets (wire, national,
 * local, trade, science, sport), the article bodies of the article extraction benchmark's development pages
 * (../shared/bench/aeb-dev/ground-truth.json), with their quotes and speakers marked by hand in
 * bench/news-quotes.gold.json (the texts stay in ../shared). A stand-in for the second held-out set:
 * quote F1 (spans matched at 30% overlap) and speaker accuracy among matched quotes, scored as
 * bench/quote-gold.ts states; the misses are listed after the figures.
 *
 *   npm run bench:news-quotes -- [../shared/bench/aeb-dev]
 *
 * Each body is read as `retold annotate --as-is` reads a text file. Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RawDocument } from '../src/model.js';
import { emptyScore, scoreArticle, scoreLine, type GoldQuote } from './quote-gold.js';

interface GoldArticle {
  id: string;
  url: string;
  quotes: GoldQuote[];
}

const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
const dir = process.argv[2] ?? join(root, '..', 'shared', 'bench', 'aeb-dev');
if (!existsSync(join(dir, 'ground-truth.json'))) {
  console.log(`news-quotes-bench: no article extraction benchmark data at ${dir}; skipped.`);
  process.exit(0);
}
const gold = (JSON.parse(readFileSync(join(root, 'bench', 'news-quotes.gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles;
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;

const score = emptyScore();
const t0 = performance.now();
for (const g of gold) {
  const body = truth[g.id]?.articleBody;
  if (body === undefined) throw new Error(`article ${g.id} not in ${dir}/ground-truth.json`);
  const raw: RawDocument = { source: `aeb-dev/${g.id.slice(0, 8)}.txt`, mediaType: 'text/plain', content: body, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(body) };
  const article = extractArticle(raw, { asIs: true });
  scoreArticle(score, `${g.id.slice(0, 8)} (${new URL(g.url).hostname.replace(/^www\./, '')})`, article.text, analyzeArticle(article), g.quotes);
}
const ms = performance.now() - t0;
console.log(`news quotes: ${gold.length} articles, ${score.tp + score.fn} gold quotes (${(ms / gold.length).toFixed(1)} ms/article, first run)`);
console.log(scoreLine(score));
for (const m of score.misses) console.log('  ' + m);
