/**
 * End-to-end annotation benchmark on PolNeAR dev: what `retold annotate --as-is` outputs as
 * `attributions`, scored with the same exact-match scorer as bench/attribution-bench.ts
 * (src/analyze/attribution/evaluate.ts), for (a) the rules only, (b) the learned model only and
 * (c) the merged output (the default of `analyzeArticle`); a quote-level metric; and speed.
 *
 *   npm run bench:annotate -- [polnearDir]        (default ../shared/bench/polnear/dev)
 *
 * Articles are built exactly as `retold annotate --as-is` builds them (ingest `toRawDocument` →
 * `extractArticle(…, { asIs: true })`), so every span is an offset into the .txt file.
 *
 * Quote metric. Gold direct quotes: inside every fragment of a gold Content span, each top-level
 * quotation (opening mark to its closing mark, marks included; to the fragment's end when the mark
 * does not close in it — multi-paragraph quotes). Predicted quotes: `annotations.quotes`. A predicted
 * quote matches a gold quote when their overlap is ≥ 30% of the longer of the two (one-to-one, in
 * text order). Quote P/R/F1 over those matches.
 * Speaker accuracy, among matched quotes whose gold attribution has a Source: the quote's speaker is
 * right when its speaker phrase (`speakerSpan`) overlaps the gold Source span, or when its resolved
 * speaker (`speakerId`) is the same person as the gold source: the speaker has a mention overlapping
 * the gold Source span, or an output attribution whose source overlaps the gold Source span resolves
 * to that speaker (pronouns, descriptions).
 * Matched quotes with no speaker at all count as wrong.
 *
 * Speed: whole `analyzeArticle` (warm, one process, best of `--repeat N` passes, default 3), articles/s
 * wall and per CPU-second, with and without the model, and the time of each stage on the same
 * articles (tokenising, the learned model on ready tokens, quotes + speakers, citations, numbers +
 * hedges; the rule attributions and the merge are the remainder).
 *
 *   npm run bench:annotate -- [polnearDir] [--repeat N]
 *
 * First it checks that the shipped models learned from the current rules and merge (models/attribution-rules.json
 * against the train split beside polnearDir; see src/analyze/attribution/rule-digest.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBrat, goldFromBrat, type BratDocument, type GoldAttributions } from '../src/analyze/attribution/brat.js';
import { scoreArticle, addCounts, emptyCounts, prf, type Metric } from '../src/analyze/attribution/evaluate.js';
import { defaultModelPath, extractAttributionsFromTokens, loadAttributionModel } from '../src/analyze/attribution/index.js';
import { loadPolnear } from '../src/analyze/attribution/dataset.js';
import { mergedDigest, ruleDigest, ruleSpansOfTexts, rulesRecordPath, type RulesRecord } from '../src/analyze/attribution/rule-digest.js';
import { tokenizeArticle } from '../src/analyze/quotes/tokens.js';
import { findQuotes } from '../src/analyze/quotes/index.js';
import { resolveSpeakers } from '../src/analyze/speakers/index.js';
import { findCitations } from '../src/analyze/citations/index.js';
import { findNumbers } from '../src/analyze/numbers.js';
import { findHedges } from '../src/analyze/hedges.js';
import { analyzeArticle, type AttributionMode } from '../src/analyze/index.js';
import { extractArticle } from '../src/extract/index.js';
import { toRawDocument } from '../src/ingest/index.js';
import type { Article, ArticleAnnotations, Attribution, Span } from '../src/model.js';

interface Doc {
  name: string;
  article: Article;
  gold: GoldAttributions;
  brat: BratDocument;
}

const OPEN = new Set(['"', '\u201C', '\u201E', '\u00AB']);
const CLOSE = new Set(['"', '\u201D', '\u00BB']);

/** Top-level quotations inside [from, to) of `text` (marks included). */
export function quotationsIn(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    // straight marks toggle at top level: " and the New York Times' plain-text '' … '' (exactly two apostrophes)
    const w = ch === '"' ? 1 : ch === "'" && i + 1 < to && text[i + 1] === "'" && text[i + 2] !== "'" && text[i - 1] !== "'" ? 2 : 0;
    if (w > 0) {
      if (depth === 0) {
        open = i;
        depth = 1;
      } else if (depth === 1 && text[open] === ch) {
        out.push({ start: open, end: i + w });
        depth = 0;
      } else if (depth > 1) depth--;
      else depth++;
      i += w - 1;
      continue;
    }
    if (OPEN.has(ch)) {
      if (depth === 0) open = i;
      depth++;
    } else if (CLOSE.has(ch) && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start: open, end: i + 1 });
    }
  }
  if (depth > 0 && to - open > 1) out.push({ start: open, end: to });
  return out;
}

interface GoldQuote extends Span {
  source: Span | null;
}

function goldQuotes(text: string, brat: BratDocument): GoldQuote[] {
  const out: GoldQuote[] = [];
  const seen = new Set<string>();
  for (const ev of brat.events) {
    const src = ev.args.get('Source')?.[0];
    const s = src ? brat.spans.get(src)! : null;
    for (const id of ev.args.get('Content') ?? []) {
      for (const [a, b] of brat.spans.get(id)!.fragments) {
        for (const q of quotationsIn(text, a, b)) {
          const k = `${q.start}-${q.end}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ ...q, source: s ? { start: s.start, end: s.end } : null });
        }
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

const inter = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

interface QuoteCounts {
  pred: number;
  gold: number;
  matched: number;
  withGoldSource: number;
  speakerRight: number;
}

function scoreQuotes(ann: ArticleAnnotations, gold: GoldQuote[], qc: QuoteCounts, text: string): void {
  const textOf = (x: Span): string => text.slice(x.start, x.end).slice(0, 80);
  const used = new Set<number>();
  qc.pred += ann.quotes.length;
  qc.gold += gold.length;
  const byId = new Map(ann.speakers.map((s) => [s.id, s]));
  for (const q of ann.quotes) {
    let best = -1;
    let bestFrac = 0;
    gold.forEach((g, i) => {
      if (used.has(i)) return;
      const frac = inter(q, g) / Math.max(q.end - q.start, g.end - g.start);
      if (frac >= 0.3 && frac > bestFrac) {
        best = i;
        bestFrac = frac;
      }
    });
    if (best < 0) continue;
    used.add(best);
    qc.matched++;
    const g = gold[best];
    if (!g.source) continue;
    qc.withGoldSource++;
    const src = g.source;
    const phraseRight = q.speakerSpan !== null && overlaps(q.speakerSpan, src);
    const sp = q.speakerId ? byId.get(q.speakerId) : undefined;
    // same person: the resolved speaker is mentioned at the gold source, or an output attribution
    // whose source overlaps the gold source resolves to the same speaker
    const idRight =
      !!sp && (sp.mentions.some((m) => overlaps(m, src)) || ann.attributions.some((a) => a.source !== null && overlaps(a.source, src) && a.speakerId === sp.id));
    if (phraseRight || idRight) qc.speakerRight++;
    else if (process.env.SHOW_SPEAKER_ERRORS) {
      const t = (x: Span | null) => (x ? JSON.stringify(textOf(x)) : 'none');
      console.log(`speaker ✗ quote ${t(q)} speaker ${t(q.speakerSpan)} (${q.speakerId ?? 'unresolved'}) gold source ${t(src)}`);
    }
  }
}

function loadDocs(dir: string): Doc[] {
  const annDir = join(dir, 'attributions');
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs: Doc[] = [];
  for (const f of readdirSync(join(dir, 'text')).filter((x) => x.endsWith('.txt')).sort()) {
    const name = f.slice(0, -4);
    const ann = anns.find((a) => a.replace(/_[0-9a-f]+\.ann$/, '') === name);
    if (!ann) continue;
    const path = join(dir, 'text', f);
    const raw = toRawDocument(path, readFileSync(path), 'text/plain');
    if (!('content' in raw)) throw new Error(`${path}: ${raw.message}`);
    const article = extractArticle(raw, { asIs: true });
    const fileText = readFileSync(path, 'utf8');
    if (article.text !== fileText) {
      console.log(`warning: ${path}: --as-is text differs from the file; skipped`);
      continue;
    }
    const brat = parseBrat(readFileSync(join(annDir, ann), 'utf8'), join(annDir, ann), fileText.length);
    docs.push({ name, article, gold: goldFromBrat(brat), brat });
  }
  return docs;
}

function table(title: string, totals: ReturnType<typeof emptyCounts>): void {
  console.log(`\n${title}`);
  console.log('metric        P      R      F1     tp    fp    fn');
  for (const k of Object.keys(totals) as Metric[]) {
    const c = totals[k];
    const s = prf(c.tp, c.fp, c.fn);
    console.log(`${k.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}`);
  }
}

function timeIt<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

/**
 * Whether the shipped models learned from the current code: the digest of the rule spans of the PolNeAR
 * train texts (the tagger's features) and of the shipped tagger's merged relations on them (what the
 * rerankers learn from), as training computes them, against the ones training wrote beside the model.
 */
function checkRulesRecord(trainDir: string): void {
  const recordPath = rulesRecordPath(defaultModelPath());
  if (!existsSync(recordPath)) {
    console.log(`rules check: no ${recordPath}, skipped`);
    return;
  }
  if (!existsSync(join(trainDir, 'text'))) {
    console.log(`rules check: no PolNeAR train split at ${trainDir}, skipped`);
    return;
  }
  const record = JSON.parse(readFileSync(recordPath, 'utf8')) as RulesRecord;
  const names = loadPolnear(trainDir).map((d) => d.name);
  const digest = ruleDigest(ruleSpansOfTexts(trainDir, names).values());
  if (digest === record.digest) console.log(`rules check: the model learned from the current rules (digest ${digest} over ${record.texts} train texts)`);
  else console.log(`rules check: THE RULES CHANGED since the model was trained (digest ${digest}, the model's ${record.digest}): retrain with npm run train:attribution`);
  if (!record.merged) return;
  const merged = mergedDigest(trainDir, names, loadAttributionModel(defaultModelPath()));
  if (merged === record.merged) console.log(`merge check: the rerankers learned from the current merge (digest ${merged})`);
  else console.log(`merge check: THE MERGED RELATIONS CHANGED since training (digest ${merged}, the models' ${record.merged}): retrain with npm run train:attribution`);
}

function main(): void {
  const args = process.argv.slice(2);
  const ri = args.indexOf('--repeat');
  const repeat = ri >= 0 ? Math.max(1, Number(args.splice(ri, 2)[1]) || 1) : 3;
  const dir = resolve(args[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'dev'));
  if (!existsSync(join(dir, 'text')) || !existsSync(join(dir, 'attributions'))) {
    console.log(`annotate-bench: no PolNeAR split at ${dir}, skipping`);
    return;
  }
  const docs = loadDocs(dir);
  if (docs.length === 0) {
    console.log(`annotate-bench: no annotated articles in ${dir}, skipping`);
    return;
  }
  const chars = docs.reduce((n, d) => n + d.article.text.length, 0);
  console.log(`PolNeAR ${dir}: ${docs.length} articles (${(chars / docs.length).toFixed(0)} chars avg), built as \`retold annotate --as-is\`; exact span match`);
  checkRulesRecord(join(dir, '..', 'train'));
  const t0 = performance.now();
  loadAttributionModel();
  const loadMs = performance.now() - t0;
  // warm up (JIT, wink, model tables)
  for (const d of docs.slice(0, 3)) analyzeArticle(d.article);

  const modes: Array<[AttributionMode, string]> = [
    ['rules', '(a) rules only'],
    ['model', '(b) learned model only'],
    ['merged', '(c) merged (default output)'],
  ];
  const runs = new Map<AttributionMode, ArticleAnnotations[]>();
  for (const [mode, title] of modes) {
    const anns = docs.map((d) => analyzeArticle(d.article, { attributions: mode }));
    runs.set(mode, anns);
    const r = { value: anns };
    const totals = emptyCounts();
    docs.forEach((d, i) => addCounts(totals, scoreArticle(r.value[i].attributions, d.gold)));
    table(title, totals);
  }

  const merged = { anns: runs.get('merged')! };
  const qc: QuoteCounts = { pred: 0, gold: 0, matched: 0, withGoldSource: 0, speakerRight: 0 };
  docs.forEach((d, i) => scoreQuotes(merged.anns[i], goldQuotes(d.article.text, d.brat), qc, d.article.text));
  const q = prf(qc.matched, qc.pred - qc.matched, qc.gold - qc.matched);
  console.log(`\nquotes (overlap >= 30% of the longer span): P ${q.p.toFixed(3)}  R ${q.r.toFixed(3)}  F1 ${q.f1.toFixed(3)}  (pred ${qc.pred}, gold ${qc.gold}, matched ${qc.matched})`);
  console.log(`speaker accuracy among matched quotes with a gold source: ${(qc.speakerRight / Math.max(1, qc.withGoldSource)).toFixed(3)} (${qc.speakerRight}/${qc.withGoldSource})`);

  // Speed: best of `repeat` timed passes (the machine is shared), whole annotation and its stages.
  const n = docs.length;
  const best = (f: () => unknown): { wall: number; cpu: number } => {
    let b = { wall: Infinity, cpu: Infinity };
    for (let k = 0; k < repeat; k++) {
      const r = timeIt(f);
      if (r.wall < b.wall) b = { wall: r.wall, cpu: r.cpu };
    }
    return b;
  };
  const whole = best(() => docs.forEach((d) => analyzeArticle(d.article)));
  const rulesOnly = best(() => docs.forEach((d) => analyzeArticle(d.article, { attributions: 'rules' })));
  // stages, on the same articles (the tokens are shared: analyzeArticle tokenises once)
  const toks = docs.map((d) => tokenizeArticle(d.article));
  const drafts = docs.map((d, i) => findQuotes(d.article, toks[i]));
  const stage = {
    'tokenise (wink)': best(() => docs.forEach((d) => tokenizeArticle(d.article))),
    'learned model': best(() => docs.forEach((d, i) => extractAttributionsFromTokens(d.article.text, d.name, toks[i].tokens))),
    'quotes + speakers': best(() => docs.forEach((d, i) => resolveSpeakers(d.article, findQuotes(d.article, toks[i]), toks[i]))),
    citations: best(() => docs.forEach((d, i) => findCitations(d.article, toks[i]))),
    'numbers + hedges': best(() => docs.forEach((d, i) => (findNumbers(d.article, toks[i].sentences, toks[i]), findHedges(d.article, toks[i].sentences)))),
  };
  void drafts;
  console.log(`\nspeed (warm, one process, ${n} articles, best of ${repeat}; shared 2-core machine, noisy):`);
  console.log(`  whole analyzeArticle, merged (default): ${(n / whole.wall).toFixed(1)} articles/s wall, ${(n / whole.cpu).toFixed(1)} per CPU-second, ${((1000 * whole.wall) / n).toFixed(2)} ms/article`);
  console.log(`  whole analyzeArticle, rules only (no model): ${(n / rulesOnly.wall).toFixed(1)} articles/s wall, ${((1000 * rulesOnly.wall) / n).toFixed(2)} ms/article`);
  for (const [k, v] of Object.entries(stage)) {
    console.log(`  ${k.padEnd(18)} ${((1000 * v.wall) / n).toFixed(2)} ms/article (${((100 * v.wall) / whole.wall).toFixed(0)}% of the merged annotation)`);
  }
  console.log(`  model load ${loadMs.toFixed(0)} ms`);
}

main();
