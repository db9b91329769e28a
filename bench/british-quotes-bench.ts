/**
 * Quotes and speakers in British-style text (single quotation marks, straight or curly), on the eight
 * FNC-1 training bodies marked by hand in bench/british-quotes.gold.json (texts in ../shared).
 *
 *   npm run bench:british -- [../shared/bench/fnc1]
 *
 * Quote F1 with the matching (a found quote matches a gold one when they overlap by at least 30%
 * of the longer span, one to one) and speaker accuracy among matched quotes whose gold names a speaker:
 * right when the found speaker (the phrase next to the quote, or any name or description of the article
 * speaker it is resolved to) is one of the gold's acceptable names, compared without case and a leading
 * article. Also prints the same figures with the typesetting swapped (straight marks made curly and curly
 * ones straight), which should not change them. Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RawDocument } from '../src/model.js';
import { parseCsv } from './fnc-csv.js';

interface GoldQuote {
  from: string;
  to?: string;
  nth?: number;
  speaker: string[] | null;
}
interface GoldBody {
  body: string;
  quotes: GoldQuote[];
}

const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
const dir = process.argv[2] ?? join(root, '..', 'shared', 'bench', 'fnc1');
if (!existsSync(join(dir, 'train_bodies.csv'))) {
  console.log(`british-quotes-bench: no FNC-1 data at ${dir}; skipped.`);
  process.exit(0);
}
const gold = (JSON.parse(readFileSync(join(root, 'bench', 'british-quotes.gold.json'), 'utf8')) as { bodies: GoldBody[] }).bodies;
const bodies = new Map<string, string>();
for (const [id, body] of parseCsv(readFileSync(join(dir, 'train_bodies.csv'), 'utf8')).slice(1)) if (id) bodies.set(id, body);

/** The gold quote's span in `text` (the nth occurrence of `from`, through the first `to` after it). */
function locate(text: string, q: GoldQuote, body: string): { start: number; end: number } {
  let start = -1;
  for (let n = 0; n <= (q.nth ?? 0); n++) {
    start = text.indexOf(q.from, start + 1);
    if (start < 0) throw new Error(`gold quote ${JSON.stringify(q.from)} (#${q.nth ?? 0}) not in body ${body}`);
  }
  if (!q.to) return { start, end: start + q.from.length };
  const at = text.indexOf(q.to, start);
  if (at < 0) throw new Error(`gold quote end ${JSON.stringify(q.to)} not in body ${body}`);
  return { start, end: at + q.to.length };
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .trim();

/** The curly typesetting of straight marks, and the straight one of curly marks. */
const swap = (s: string): string =>
  /[\u2018\u2019]/.test(s) ? s.replace(/[\u2018\u2019]/g, "'") : s.replace(/(^|[\s([{/])'/g, '$1\u2018').replace(/'/g, '\u2019');

function run(typeset: (s: string) => string): { tp: number; fp: number; fn: number; right: number; judged: number; misses: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  let judged = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const original = bodies.get(g.body);
    if (original === undefined) throw new Error(`FNC-1 body ${g.body} not found`);
    const content = typeset(original);
    const raw: RawDocument = { source: `fnc1/body-${g.body}.txt`, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(content) };
    const article = extractArticle(raw, { asIs: true });
    const text = article.text;
    const ann = analyzeArticle(article);
    const found = ann.quotes.map((q) => ({ q, used: false }));
    for (const gq of g.quotes) {
      const span = locate(text, { ...gq, from: typeset(gq.from), to: gq.to && typeset(gq.to) }, g.body);
      let best = -1;
      let bestOverlap = 0;
      found.forEach((f, k) => {
        if (f.used) return;
        const overlap = Math.min(span.end, f.q.end) - Math.max(span.start, f.q.start);
        if (overlap >= 0.3 * Math.max(span.end - span.start, f.q.end - f.q.start) && overlap > bestOverlap) {
          best = k;
          bestOverlap = overlap;
        }
      });
      if (best < 0) {
        fn++;
        misses.push(`body ${g.body}: missed ${JSON.stringify(gq.from)}`);
        continue;
      }
      tp++;
      found[best].used = true;
      if (!gq.speaker) continue;
      judged++;
      const q = found[best].q;
      const sp = ann.speakers.find((s) => s.id === q.speakerId);
      const labels = [q.speaker ?? '', ...(sp?.names ?? []), ...(sp?.descriptions ?? [])].map(norm);
      const ok = gq.speaker.map((s) => norm(typeset(s))).some((s) => labels.includes(s));
      if (ok) right++;
      else misses.push(`body ${g.body}: ${JSON.stringify(gq.from)} speaker ${JSON.stringify(labels.filter(Boolean))}, gold ${JSON.stringify(gq.speaker)}`);
    }
    for (const f of found) {
      if (f.used) continue;
      fp++;
      misses.push(`body ${g.body}: extra ${JSON.stringify(f.q.text.slice(0, 60))}`);
    }
  }
  return { tp, fp, fn, right, judged, misses };
}

const f3 = (x: number): string => x.toFixed(3);
for (const [label, typeset] of [
  ['as published', (s: string) => s],
  ['typesetting swapped', swap],
] as const) {
  const r = run(typeset);
  const p = r.tp / (r.tp + r.fp || 1);
  const rc = r.tp / (r.tp + r.fn || 1);
  const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
  console.log(`${label}: ${gold.length} bodies, ${r.tp + r.fn} gold quotes: quote P ${f3(p)} R ${f3(rc)} F1 ${f3(f1)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}); speaker accuracy ${f3(r.right / (r.judged || 1))} (${r.right}/${r.judged})`);
  if (label === 'as published') for (const m of r.misses) console.log('  ' + m);
}
