/**
 * Quote-variant and speaker-identity benchmark on a folder of plain-text articles
 * (default: the PolNeAR dev split, 84 articles of 2016 US election coverage from 7
 * outlets, where the same candidates' words are quoted by many outlets). There is no
 * gold standard for variants, so it prints what it found (counts per class, identities
 * merged across outlets, timing) and a sample of pairs per class to read; plus a
 * synthetic 200 articles × 20 quotes run for speed.
 *
 *   npm run build && node dist/bench/quote-variants-bench.js [dir] [--sample 6]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/extract/index.js';
import { analyzeArticle } from '../src/analyze/index.js';
import { matchQuoteVariants } from '../src/relate/quote-variants.js';
import { resolveStorySpeakers } from '../src/relate/speakers.js';
import { findQuoteFindings } from '../src/relate/quote-findings.js';
import type { Article, ArticleAnnotations, Quote } from '../src/model.js';
import { emptyArticle, finishArticle, TextBuilder } from '../src/extract/builder.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { sample: { type: 'string', default: '6' } } });
const dir = positionals[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'dev', 'text');
const sample = parseInt(values.sample!, 10);

function metadata(textDir: string): Map<string, { publisher: string; date: string }> {
  const out = new Map<string, { publisher: string; date: string }>();
  for (const p of [join(textDir, '..', '..', 'metadata.tsv'), join(textDir, '..', 'metadata.tsv')]) {
    if (!existsSync(p)) continue;
    const [head, ...rows] = readFileSync(p, 'utf8').split('\n');
    const cols = head.split('\t');
    const fi = cols.indexOf('filename');
    const pi = cols.indexOf('publisher');
    const di = cols.indexOf('publication_date');
    for (const r of rows) {
      const c = r.split('\t');
      if (c[fi]) out.set(c[fi], { publisher: c[pi], date: c[di] });
    }
    break;
  }
  return out;
}

function realRun(): void {
  if (!existsSync(dir)) {
    console.log(`quote-variants bench: ${dir} not found, skipping the real-text run`);
    return;
  }
  const meta = metadata(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const articles: Article[] = [];
  const ann: ArticleAnnotations[] = [];
  const t0 = performance.now();
  for (const f of files) {
    const content = readFileSync(join(dir, f), 'utf8');
    try {
      const a = extractArticle({ source: f, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: content.length }, { asIs: true });
      const m = meta.get(basename(f, '.txt'));
      if (m) {
        a.outlet = m.publisher;
        a.publishedAt = /^\d{4}-\d\d-\d\d$/.test(m.date) ? `${m.date}T00:00:00.000Z` : null;
      }
      articles.push(a);
      ann.push(analyzeArticle(a));
    } catch (e) {
      console.log(`  ${f}: ${(e as Error).message}`);
    }
  }
  const t1 = performance.now();
  const quotes = ann.flatMap((a) => a.quotes);
  const variants = matchQuoteVariants({ articles, quotes, sentences: ann.flatMap((a) => a.sentences) });
  const t2 = performance.now();
  const speakers = ann.flatMap((a) => a.speakers);
  const r = resolveStorySpeakers({ articles, speakers, quotes, variants });
  const t3 = performance.now();
  const storyQuotes: Quote[] = quotes.map((q) => ({ ...q, speakerId: q.speakerId ? r.map.get(q.speakerId) ?? q.speakerId : null }));
  const findings = findQuoteFindings({ articles, quotes: storyQuotes, variants, storySpeakers: r.speakers });
  const t4 = performance.now();

  const byClass = new Map<string, number>();
  for (const v of variants) byClass.set(v.class, (byClass.get(v.class) ?? 0) + 1);
  const crossOutlet = r.speakers.filter((p) => new Set(p.mentions.map((m) => articles.find((a) => a.id === m.articleId)?.outlet)).size > 1);
  console.log(`real text: ${dir}`);
  console.log(`  ${articles.length} articles, ${quotes.length} quotes, ${speakers.length} article-level speakers (extract+analyze ${(t1 - t0).toFixed(0)} ms)`);
  console.log(`  variants: ${variants.length} (${[...byClass].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${(t2 - t1).toFixed(0)} ms`);
  console.log(`  story speakers: ${r.speakers.length} (${r.speakers.filter((p) => (p.members?.length ?? 0) > 1).length} merged, ${crossOutlet.length} across outlets) in ${(t3 - t2).toFixed(0)} ms`);
  const fk = new Map<string, number>();
  for (const f of findings) fk.set(`${f.kind}/${f.severity}`, (fk.get(`${f.kind}/${f.severity}`) ?? 0) + 1);
  console.log(`  quote findings: ${findings.length} (${[...fk].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${(t4 - t3).toFixed(0)} ms`);
  const clip = (s: string) => (s.length > 110 ? s.slice(0, 109) + '…' : s).replace(/\s+/g, ' ');
  for (const cls of ['verbatim', 'reworded', 'shortened', 'extended', 'merged', 'paraphrased']) {
    const vs = variants.filter((v) => v.class === cls);
    if (!vs.length) continue;
    console.log(`  -- ${cls} (showing ${Math.min(sample, vs.length)} of ${vs.length})`);
    const step = Math.max(1, Math.floor(vs.length / sample));
    for (let i = 0; i < vs.length && i / step < sample; i += step) {
      const v = vs[i];
      console.log(`     ${v.similarity.toFixed(2)} A: ${clip(v.a.text)}\n          B: ${clip(v.b.text)}`);
    }
  }
  for (const kind of ['speaker-change', 'verb-change', 'quote-drift']) {
    const fs = findings.filter((f) => f.kind === kind);
    if (!fs.length) continue;
    console.log(`  -- ${kind} findings (showing ${Math.min(sample, fs.length)} of ${fs.length})`);
    for (const f of fs.slice(0, sample)) console.log(`     [${f.severity}] ${clip(f.explanation).slice(0, 200)}`);
  }
  const merged = r.speakers.filter((p) => (p.members?.length ?? 0) > 1);
  console.log(`  -- merged identities (showing ${Math.min(sample * 2, merged.length)} of ${merged.length})`);
  for (const p of merged.slice(0, sample * 2)) {
    console.log(`     ${p.id} names=${JSON.stringify(p.names.slice(0, 3))} desc=${JSON.stringify(p.descriptions.slice(0, 3))} ← ${p.mergeEvidence?.[0] ?? ''}`.slice(0, 260));
  }
}

function syntheticRun(): void {
  const topics = ['army', 'bank', 'court', 'port', 'mine', 'school', 'clinic', 'dam'];
  const articles: Article[] = [];
  const quotes: Quote[] = [];
  for (let k = 0; k < 200; k++) {
    const b = new TextBuilder();
    b.append(`Report ${k} on the crisis.`);
    b.endBlock('paragraph');
    const texts: string[] = [];
    for (let i = 0; i < 20; i++) {
      let q = `The ${topics[i % 8]} in district ${i} will reopen on day ${i * 3} unless the council objects again`;
      if (k % 4 === 1) q = q.replace('reopen', 'open again');
      if (k % 5 === 2) q = q.replace(' again', '');
      texts.push(q);
      b.append(`“${q},” official ${i} said.`);
      b.endBlock('paragraph');
    }
    const a = finishArticle(emptyArticle(`synthetic-${k}.txt`, 'text/plain', 'utf-8', 'bench'), b);
    articles.push(a);
    let at = 0;
    texts.forEach((t, i) => {
      const start = a.text.indexOf(t, at);
      at = start + t.length;
      quotes.push({ id: `${a.id}:q${i + 1}`, articleId: a.id, start, end: start + t.length, text: t, kind: 'direct', speaker: `official ${i}`, speakerSpan: null, speakerId: null, verb: 'said', verbSpan: null });
    });
  }
  const t0 = performance.now();
  const variants = matchQuoteVariants({ articles, quotes, sentences: [] });
  const ms = performance.now() - t0;
  const heap = process.memoryUsage().heapUsed / 1048576;
  console.log(`synthetic: 200 articles × 20 quotes = ${quotes.length} quotes → ${variants.length} variants in ${ms.toFixed(0)} ms (heap ${heap.toFixed(0)} MB after)`);
}

realRun();
syntheticRun();
