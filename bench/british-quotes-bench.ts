/**
 * Quotes and speakers in British-style text (single quotation marks, straight or curly), on the eight
 * FNC-1 training bodies marked by hand in bench/british-quotes.gold.json (texts in ../shared).
 *
 *   npm run bench:british -- [../shared/bench/fnc1]
 *
 * Quote F1 with the matching and speaker accuracy among matched quotes, scored as bench/quote-gold.ts
 * states. Also prints the same figures with the typesetting swapped (straight marks made curly and curly
 * ones straight), which should not change them. Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RawDocument } from '../src/model.js';
import { parseCsv } from './fnc-csv.js';
import { emptyScore, repoRoot, scoreArticle, scoreLine, type GoldQuote, type QuoteScore } from './quote-gold.js';

interface GoldBody {
  body: string;
  quotes: GoldQuote[];
}

const root = repoRoot();
const dir = process.argv[2] ?? join(root, '..', 'shared', 'bench', 'fnc1');
if (!existsSync(join(dir, 'train_bodies.csv'))) {
  console.log(`british-quotes-bench: no FNC-1 data at ${dir}; skipped.`);
  process.exit(0);
}
const gold = (JSON.parse(readFileSync(join(root, 'bench', 'british-quotes.gold.json'), 'utf8')) as { bodies: GoldBody[] }).bodies;
const bodies = new Map<string, string>();
for (const [id, body] of parseCsv(readFileSync(join(dir, 'train_bodies.csv'), 'utf8')).slice(1)) if (id) bodies.set(id, body);

/** The curly typesetting of straight marks, and the straight one of curly marks. */
const swap = (s: string): string =>
  /[\u2018\u2019]/.test(s) ? s.replace(/[\u2018\u2019]/g, "'") : s.replace(/(^|[\s([{/])'/g, '$1\u2018').replace(/'/g, '\u2019');

function run(typeset: (s: string) => string): QuoteScore {
  const score = emptyScore();
  for (const g of gold) {
    const original = bodies.get(g.body);
    if (original === undefined) throw new Error(`FNC-1 body ${g.body} not found`);
    const content = typeset(original);
    const raw: RawDocument = { source: `fnc1/body-${g.body}.txt`, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(content) };
    const article = extractArticle(raw, { asIs: true });
    scoreArticle(score, `body ${g.body}`, article.text, analyzeArticle(article), g.quotes, typeset);
  }
  return score;
}

for (const [label, typeset] of [
  ['as published', (s: string) => s],
  ['typesetting swapped', swap],
] as const) {
  const r = run(typeset);
  console.log(`${label}: ${gold.length} bodies, ${r.tp + r.fn} gold quotes: ${scoreLine(r)}`);
  if (label === 'as published') for (const m of r.misses) console.log('  ' + m);
}
