/**
 * Scoring of found quotes and speakers against quotes marked by hand (bench/*-quotes.gold.json), shared by
 * the British-typesetting bench and the news-quotes bench.
 *
 * Quote matching as the issue states it: a found quote matches a gold one when they overlap by at least 30%
 * of the longer span, one to one (the largest overlap first, in gold order). Speaker accuracy among matched
 * quotes whose gold names a speaker, two ways: lenient — right when the phrase next to the quote or any name or
 * description of the article speaker it is resolved to is one of the gold's acceptable names; strict — only the
 * speaker's first full name (its first description when it has no name; the phrase next to the quote when
 * it has no resolved speaker) counts. Names are compared without case, curly apostrophes or a leading article.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleAnnotations } from '../src/model.js';

/** The repository root (the gold files live in its bench/), whether run from bench/ via tsx or from dist/bench/. */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return existsSync(join(here, '..', 'package.json')) ? join(here, '..') : join(here, '..', '..');
}

export interface GoldQuote {
  /** The quote's first words (exact). */
  from: string;
  /** Its last words, searched from `from` on, when it runs longer. */
  to?: string;
  /** Which occurrence of `from` (from 0). */
  nth?: number;
  /** Acceptable names or descriptions of the speaker; null: none to judge. */
  speaker: string[] | null;
}

export interface QuoteScore {
  tp: number;
  fp: number;
  fn: number;
  /** Matched quotes with a gold speaker. */
  judged: number;
  right: number;
  strictRight: number;
  misses: string[];
}

export const emptyScore = (): QuoteScore => ({ tp: 0, fp: 0, fn: 0, judged: 0, right: 0, strictRight: 0, misses: [] });

/** The gold quote's span in `text` (the nth occurrence of `from`, through the first `to` after it). */
export function locate(text: string, q: GoldQuote, where: string): { start: number; end: number } {
  let start = -1;
  for (let n = 0; n <= (q.nth ?? 0); n++) {
    start = text.indexOf(q.from, start + 1);
    if (start < 0) throw new Error(`gold quote ${JSON.stringify(q.from)} (#${q.nth ?? 0}) not in ${where}`);
  }
  if (!q.to) return { start, end: start + q.from.length };
  const at = text.indexOf(q.to, start);
  if (at < 0) throw new Error(`gold quote end ${JSON.stringify(q.to)} not in ${where}`);
  return { start, end: at + q.to.length };
}

export const normName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^(?:the|a|an)\s+/, '')
    .trim();

/** Add one article's found quotes, scored against its gold quotes, to `score`. `typeset` maps gold strings to the text's typesetting. */
export function scoreArticle(score: QuoteScore, where: string, text: string, ann: ArticleAnnotations, gold: GoldQuote[], typeset: (s: string) => string = (s) => s): void {
  const found = ann.quotes.map((q) => ({ q, used: false }));
  for (const gq of gold) {
    const span = locate(text, { ...gq, from: typeset(gq.from), to: gq.to && typeset(gq.to) }, where);
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
      score.fn++;
      score.misses.push(`${where}: missed ${JSON.stringify(gq.from)}`);
      continue;
    }
    score.tp++;
    found[best].used = true;
    if (!gq.speaker) continue;
    score.judged++;
    const q = found[best].q;
    const sp = ann.speakers.find((s) => s.id === q.speakerId);
    const labels = [q.speaker ?? '', ...(sp?.names ?? []), ...(sp?.descriptions ?? [])].map(normName);
    const primary = normName(sp?.names[0] ?? sp?.descriptions[0] ?? q.speaker ?? '');
    const accepted = gq.speaker.map((s) => normName(typeset(s)));
    if (accepted.includes(primary)) score.strictRight++;
    if (accepted.some((s) => labels.includes(s))) score.right++;
    else score.misses.push(`${where}: ${JSON.stringify(gq.from)} speaker ${JSON.stringify(labels.filter(Boolean))}, gold ${JSON.stringify(gq.speaker)}`);
  }
  for (const f of found) {
    if (f.used) continue;
    score.fp++;
    score.misses.push(`${where}: extra ${JSON.stringify(f.q.text.slice(0, 60))}`);
  }
}

const f3 = (x: number): string => x.toFixed(3);

/** One line of figures: quote P/R/F1 and both speaker accuracies. */
export function scoreLine(s: QuoteScore): string {
  const p = s.tp / (s.tp + s.fp || 1);
  const r = s.tp / (s.tp + s.fn || 1);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return `quote P ${f3(p)} R ${f3(r)} F1 ${f3(f1)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}); speaker accuracy ${f3(s.right / (s.judged || 1))} (${s.right}/${s.judged}), strict ${f3(s.strictRight / (s.judged || 1))} (${s.strictRight}/${s.judged})`;
}
