/**
 * Quote/speaker/cue benchmark on PolNeAR (train split by default; the dev
 * split is reserved for the attribution model's evaluation).
 *
 *   node dist/bench/quotes-bench.js [path/to/polnear/train] [maxArticles]
 *
 * For every quote retold finds, the gold attribution whose Content overlaps it
 * is looked up; we report how often our speaker phrase and cue match the gold
 * Source and Cue (exact and overlapping), and the recall of gold direct-quote
 * attributions (gold Content holding a quotation mark). Also articles/s.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../src/analyze/index.js';
import { TextBuilder, emptyArticle, finishArticle, toInputOffset } from '../src/extract/builder.js';
import type { Article } from '../src/model.js';

interface Span { start: number; end: number }
interface Gold { source: Span | null; cue: Span; content: Span[] }

function article(text: string, source: string): Article {
  const a = emptyArticle(source, 'text/plain', 'utf-8', 'bench');
  const b = new TextBuilder();
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    if (!m[0].trim()) continue;
    b.append(m[0], m.index!, m.index! + m[0].length);
    b.endBlock('paragraph');
  }
  return finishArticle(a, b);
}

function spans(s: string): Span[] {
  return s.split(';').map((p) => {
    const [a, b] = p.trim().split(/\s+/).map(Number);
    return { start: a, end: b };
  });
}

function parseAnn(ann: string): Gold[] {
  const t = new Map<string, Span[]>();
  const out: Gold[] = [];
  const rels: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+/.test(cols[0]) && cols[1]) {
      const sp = cols[1].indexOf(' ');
      t.set(cols[0], spans(cols[1].slice(sp + 1)));
    } else if (/^E\d+/.test(cols[0]) && cols[1]) rels.push(cols[1]);
  }
  for (const r of rels) {
    const parts = Object.fromEntries(r.split(/\s+/).map((kv) => kv.split(':')));
    const cue = parts.Cue && t.get(parts.Cue);
    const content = parts.Content && t.get(parts.Content);
    if (!cue || !content) continue;
    const src = parts.Source ? t.get(parts.Source) : undefined;
    out.push({ source: src ? { start: src[0].start, end: src[src.length - 1].end } : null, cue: { start: cue[0].start, end: cue[cue.length - 1].end }, content });
  }
  return out;
}

const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

const dir = resolve(process.argv[2] ?? join('..', 'shared', 'bench', 'polnear', 'train'));
const max = Number(process.argv[3] ?? Infinity);
if (!existsSync(join(dir, 'text')) || !existsSync(join(dir, 'attributions'))) {
  console.log(`quotes-bench: no PolNeAR data at ${dir}; skipping.`);
  process.exit(0);
}
if (/[/\\]dev[/\\]?$/.test(dir)) console.log('warning: this is the dev split; do not tune on it.');
const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
const byStem = new Map(annFiles.map((f) => [f.replace(/_[0-9a-f]{4}\.ann$/, ''), f]));
const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().slice(0, max);

const c = { articles: 0, chars: 0, quotes: 0, quotesInGold: 0, withSpeaker: 0, speakerGoldHasSource: 0, speakerExact: 0, speakerOverlap: 0, withCue: 0, cueExact: 0, cueOverlap: 0, resolved: 0, goldDirect: 0, goldDirectFound: 0, goldDirectSpeaker: 0, ind: 0, indCue: 0, indSource: 0, indContent: 0, gold: 0, ms: 0 };
for (const f of texts) {
  const stem = f.replace(/\.txt$/, '');
  const annName = byStem.get(stem);
  if (!annName) continue;
  const text = readFileSync(join(dir, 'text', f), 'utf8');
  const gold = parseAnn(readFileSync(join(dir, 'attributions', annName), 'utf8'));
  const art = article(text, f);
  const t0 = process.hrtime.bigint();
  const ann = analyzeArticle(art);
  c.ms += Number(process.hrtime.bigint() - t0) / 1e6;
  c.articles++;
  c.chars += text.length;
  const toIn = (s: Span): Span => ({ start: toInputOffset(art, s.start) ?? -1, end: (toInputOffset(art, s.end - 1) ?? -2) + 1 });
  const ours = ann.quotes.map((q) => ({ q, span: toIn(q), speaker: q.speakerSpan ? toIn(q.speakerSpan) : null, verb: q.verbSpan ? toIn(q.verbSpan) : null }));
  for (const o of ours) {
    c.quotes++;
    if (o.q.speakerId) c.resolved++;
    const g = gold.find((x) => x.content.some((cs) => overlap(cs, o.span)));
    if (!g) continue;
    c.quotesInGold++;
    if (o.speaker) {
      c.withSpeaker++;
      if (g.source) {
        c.speakerGoldHasSource++;
        if (same(g.source, o.speaker)) c.speakerExact++;
        if (overlap(g.source, o.speaker)) c.speakerOverlap++;
      }
    }
    if (o.verb) {
      c.withCue++;
      if (same(g.cue, o.verb)) c.cueExact++;
      if (overlap(g.cue, o.verb)) c.cueOverlap++;
    }
  }
  c.gold += gold.length;
  for (const r of ann.attributions) {
    if (r.form !== 'indirect' && r.form !== 'according-to') continue;
    c.ind++;
    const cue = toIn(r.cue);
    const g = gold.find((x) => overlap(x.cue, cue));
    if (!g) continue;
    c.indCue++;
    if (r.source && g.source && overlap(toIn(r.source), g.source)) c.indSource++;
    const content = toIn(r.content);
    if (g.content.some((cs) => overlap(cs, content))) c.indContent++;
  }
  for (const g of gold) {
    const body = g.content.map((s) => text.slice(s.start, s.end)).join(' ');
    const around = g.content.map((s) => text.slice(Math.max(0, s.start - 2), s.end + 2)).join(' ');
    if (!/["\u201C\u201D]/.test(body) && !/^\s*["\u201C]/.test(around)) continue;
    c.goldDirect++;
    const o = ours.find((x) => g.content.some((cs) => overlap(cs, x.span)));
    if (!o) continue;
    c.goldDirectFound++;
    if (o.speaker && g.source && overlap(o.speaker, g.source)) c.goldDirectSpeaker++;
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : 'n/a');
console.log(`PolNeAR quotes bench: ${dir}`);
console.log(`articles ${c.articles}, quotes found ${c.quotes}, inside a gold attribution content ${c.quotesInGold} (${pct(c.quotesInGold, c.quotes)})`);
console.log(`quotes with a resolved speaker id: ${pct(c.resolved, c.quotes)}`);
console.log(`speaker phrase vs gold Source (quotes in gold with our speaker and a gold source, n=${c.speakerGoldHasSource}): exact ${pct(c.speakerExact, c.speakerGoldHasSource)}, overlap ${pct(c.speakerOverlap, c.speakerGoldHasSource)}`);
console.log(`cue vs gold Cue (n=${c.withCue}): exact ${pct(c.cueExact, c.withCue)}, overlap ${pct(c.cueOverlap, c.withCue)}`);
console.log(`gold direct-quote attributions ${c.goldDirect}: content found ${pct(c.goldDirectFound, c.goldDirect)}, with our speaker overlapping gold source ${pct(c.goldDirectSpeaker, c.goldDirect)}`);
console.log(`indirect/according-to attributions ${c.ind} (gold attributions of all kinds: ${c.gold}): cue overlaps a gold cue ${pct(c.indCue, c.ind)}; of those, source overlaps ${pct(c.indSource, c.indCue)}, content overlaps ${pct(c.indContent, c.indCue)}`);
console.log(`speed: ${(c.articles / (c.ms / 1000)).toFixed(0)} articles/s (${(c.ms / c.articles).toFixed(2)} ms/article, avg ${(c.chars / c.articles).toFixed(0)} chars; 1 process, shared machine)`);
