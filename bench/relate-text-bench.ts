/**
 * Benchmark for numbers, hedges, sentence alignment and text findings on a
 * large real "story": FNC-1 article bodies grouped into claim clusters (bodies
 * related to the same headline claims are retellings of one rumour).
 *
 * Measures wall time per stage and peak RSS for N articles (default 200), and
 * an alignment precision proxy: the share of links that join articles of
 * *different* claim clusters (these are almost surely false), plus how many
 * same-cluster article pairs share at least one link.
 *
 *   npx tsx bench/relate-text-bench.ts [../shared/bench/fnc1] [--articles 200] [--split holdout|training|all]
 *   (or after `npm run build`: node dist/bench/relate-text-bench.js …)
 *
 * Skips cleanly (exit 0) when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article, RawDocument, Sentence } from '../src/model.js';
import { extractArticle } from '../src/extract/index.js';
import { splitSentences } from '../src/analyze/sentences.js';
import { findNumbers } from '../src/analyze/numbers.js';
import { findHedges } from '../src/analyze/hedges.js';
import { alignSentences } from '../src/relate/alignment.js';
import { parseCsv } from './fnc-csv.js';
import { findTextFindings } from '../src/relate/text-findings.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: 'string', default: '200' }, split: { type: 'string', default: 'all' } },
});
const dir = positionals[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'fnc1');
const want = Number(values.articles);
if (!existsSync(join(dir, 'train_bodies.csv')) || !existsSync(join(dir, 'train_stances.csv'))) {
  console.log(`relate-text-bench: no FNC-1 data at ${dir}; skipped.`);
  process.exit(0);
}

const bodies = new Map<string, string>();
for (const [id, body] of parseCsv(readFileSync(join(dir, 'train_bodies.csv'), 'utf8')).slice(1)) if (id) bodies.set(id, body);
const stances = parseCsv(readFileSync(join(dir, 'train_stances.csv'), 'utf8')).slice(1);
let allowed: Set<string> | null = null;
if (values.split !== 'all') {
  const f = join(dir, values.split === 'holdout' ? 'hold_out_ids.txt' : 'training_ids.txt');
  allowed = new Set(readFileSync(f, 'utf8').split(/\s+/).filter(Boolean));
}

// Union-find: bodies related to a common headline are one claim cluster.
const parent = new Map<string, string>();
const find = (x: string): string => {
  let r = x;
  while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
  parent.set(x, r);
  return r;
};
const byHeadline = new Map<string, string[]>();
for (const [headline, id, stance] of stances) {
  if (!headline || stance === 'unrelated' || (allowed && !allowed.has(id))) continue;
  let l = byHeadline.get(headline);
  if (!l) byHeadline.set(headline, (l = []));
  l.push(id);
}
for (const ids of byHeadline.values()) {
  for (const id of ids) if (!parent.has(id)) parent.set(id, id);
  for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]));
}
const clusters = new Map<string, string[]>();
for (const id of [...parent.keys()].sort((a, b) => Number(a) - Number(b))) {
  const r = find(id);
  let l = clusters.get(r);
  if (!l) clusters.set(r, (l = []));
  l.push(id);
}
// Largest clusters first, up to 25 bodies each, until N articles.
const picked: Array<{ id: string; cluster: string }> = [];
for (const [r, ids] of [...clusters].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
  for (const id of ids.slice(0, 25)) if (picked.length < want && bodies.get(id)?.trim()) picked.push({ id, cluster: r });
  if (picked.length >= want) break;
}

const t = (label: string, f: () => void, times: Record<string, number>) => {
  const t0 = performance.now();
  f();
  times[label] = performance.now() - t0;
};
const times: Record<string, number> = {};
let articles: Article[] = [];
let sentences: Sentence[][] = [];
t('extract', () => {
  articles = picked.map(({ id }) => {
    const content = bodies.get(id)!;
    const raw: RawDocument = { source: `fnc1/body-${id}.txt`, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(content) };
    return extractArticle(raw);
  });
}, times);
t('sentences', () => { sentences = articles.map((a) => splitSentences(a)); }, times);
let numbers: ReturnType<typeof findNumbers>[] = [];
let hedges: ReturnType<typeof findHedges>[] = [];
t('numbers', () => { numbers = articles.map((a, i) => findNumbers(a, sentences[i])); }, times);
t('hedges', () => { hedges = articles.map((a, i) => findHedges(a, sentences[i])); }, times);
let alignment = alignSentences([], []);
const minScore = process.env.RELATE_MIN_SCORE ? Number(process.env.RELATE_MIN_SCORE) : undefined;
t('alignment', () => { alignment = alignSentences(articles, sentences, minScore === undefined ? {} : { minScore }); }, times);
let findings: ReturnType<typeof findTextFindings> = [];
t('findings', () => { findings = findTextFindings({ articles, sentences, alignment, hedges, numbers, attributions: [], citations: [] }); }, times);

const clusterOf = new Map(articles.map((a, i) => [a.id, picked[i].cluster]));
let cross = 0;
const pairs = new Set<string>();
for (const l of alignment.links) {
  const ca = clusterOf.get(l.a[0].articleId);
  const cb = clusterOf.get(l.b[0].articleId);
  if (ca !== cb) cross++;
  else pairs.add([l.a[0].articleId, l.b[0].articleId].sort().join());
}
let samePairs = 0;
const sizes = new Map<string, number>();
for (const p of picked) sizes.set(p.cluster, (sizes.get(p.cluster) ?? 0) + 1);
for (const n of sizes.values()) samePairs += (n * (n - 1)) / 2;
const nSent = sentences.reduce((n, s) => n + s.length, 0);
const kinds: Record<string, number> = {};
for (const f of findings) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;

console.log(`relate-text-bench: ${articles.length} FNC-1 bodies (${values.split}) in ${sizes.size} claim clusters, ${nSent} sentences`);
for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(10)} ${v.toFixed(0).padStart(7)} ms`);
console.log(`  peak RSS   ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MB`);
console.log(`  numbers ${numbers.flat().length}, hedges ${hedges.flat().length}`);
console.log(`  links ${alignment.links.length} (same ${alignment.links.filter((l) => l.kind === 'same').length}), unique sentences ${alignment.unique.length}`);
console.log(`  cross-cluster links ${cross} = ${(100 * cross / Math.max(1, alignment.links.length)).toFixed(2)}% of links (false-positive proxy)`);
console.log(`  same-cluster article pairs with ≥1 link: ${pairs.size} of ${samePairs} (${(100 * pairs.size / Math.max(1, samePairs)).toFixed(1)}%)`);
console.log(`  findings ${findings.length}: ${JSON.stringify(kinds)}`);
// Optional: print a sample of findings for manual review (RELATE_SAMPLES=kind:count).
if (process.env.RELATE_SAMPLES) {
  const [kind, count] = process.env.RELATE_SAMPLES.split(':');
  if (kind === 'cross') {
    const text = (r: { articleId: string; start: number; end: number }) =>
      articles.find((a) => a.id === r.articleId)!.text.slice(r.start, r.end).slice(0, 140);
    const crossLinks = alignment.links.filter((l) => clusterOf.get(l.a[0].articleId) !== clusterOf.get(l.b[0].articleId));
    const step = Math.max(1, Math.floor(crossLinks.length / Number(count || 10)));
    for (let i = 0; i < crossLinks.length; i += step) {
      const l = crossLinks[i];
      console.log(`\n${l.kind} ${l.score}\n    ${JSON.stringify(text(l.a[0]))}\n    ${JSON.stringify(text(l.b[0]))}`);
    }
  }
  const pick = findings.filter((f) => f.kind === kind);
  const step = Math.max(1, Math.floor(pick.length / Number(count || 10)));
  for (let i = 0; i < pick.length; i += step) {
    const f = pick[i];
    console.log(`\n[${f.severity}] ${f.explanation}`);
    for (const e of f.evidence) console.log(`    ${e.articleId}: ${JSON.stringify(e.text.slice(0, 160))}`);
  }
}
