import type { Attribution, Quote, QuotedTerm, QuotedTermReason, Sentence } from '../../model.js';
import type { QuoteDraft } from './index.js';
import { titleCased } from './terms.js';
import { firstIndex } from '../first-index.js';

const oneWord = (q: Quote): boolean => q.text.trim().replace(/[.,;:!?\u2026]+$/, '').split(/\s+/).filter(Boolean).length === 1;

/**
 * Scare quotes: a single word in marks ('a “porous” border', 'shares and “likes”', 'US Marine “exterminators”') that,
 * once every speaker is resolved, no one is said to have said — no speaker, no reporting verb —, that no longer quote
 * of its sentence stands beside (not 'a “stronger” and “more viable” print and digital news enterprise “with deep local
 * roots”': fragments of someone's words) and whose sentence is not set in title case. Their indexes in `drafts`.
 */
export function scareQuotes(drafts: readonly QuoteDraft[], sentences: readonly Sentence[], text: string): Set<number> {
  const out = new Set<number>();
  const sentenceOf = (offset: number): number => {
    const k = firstIndex(sentences.length, (i) => sentences[i].end > offset);
    return k < sentences.length && sentences[k].start <= offset ? k : -1;
  };
  const longer = new Set<number>();
  for (const d of drafts) if (!oneWord(d.quote)) longer.add(sentenceOf(d.quote.start));
  const titled = new Map<number, boolean>();
  drafts.forEach((d, k) => {
    const q = d.quote;
    if (q.kind !== 'partial' || d.caption || q.speaker || q.speakerId || q.verb || !oneWord(q)) return;
    const s = sentenceOf(q.start);
    if (s < 0 || longer.has(s)) return;
    // (a headline's one word is its speaker's, who the headline leaves out: "Obama on Climate Change: The Trends Are
    // 'Terrifying.'")
    let headline = titled.get(s);
    if (headline === undefined) titled.set(s, (headline = titleCased(text.slice(sentences[s].start, sentences[s].end))));
    if (headline) return;
    out.add(k);
  });
  return out;
}

/**
 * Quotes that repeat, in the same words, a term the article set apart before them ('banned the word “freshman”' …
 * 'people consider “freshman” to be …'; a title named twice): terms too, for the same reason. Short ones only (at most
 * six words); case, punctuation and hyphens do not count. Their indexes in `drafts`, with the reason.
 */
export function repeatedTerms(drafts: readonly QuoteDraft[], terms: readonly QuotedTerm[]): Map<number, QuotedTermReason> {
  const out = new Map<number, QuotedTermReason>();
  if (terms.length === 0) return out;
  const norm = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const first = new Map<string, QuotedTerm>();
  for (const t of terms) {
    const n = norm(t.text);
    if (n && !first.has(n)) first.set(n, t);
  }
  drafts.forEach((d, k) => {
    const n = norm(d.quote.text);
    const t = first.get(n);
    if (t && t.start < d.quote.start && !d.caption && n.split(' ').length <= 6) out.set(k, t.reason);
  });
  return out;
}

/**
 * Move the drafts at the keys of `reasons` from the quotes to the quoted terms, with any attribution made of them.
 * Returns what remains.
 */
export function setTermsApart(drafts: QuoteDraft[], terms: QuotedTerm[], attributions: Attribution[], reasons: ReadonlyMap<number, QuotedTermReason>): { drafts: QuoteDraft[]; attributions: Attribution[] } {
  if (reasons.size === 0) return { drafts, attributions };
  const gone = new Set<string>();
  const kept: QuoteDraft[] = [];
  drafts.forEach((d, k) => {
    const reason = reasons.get(k);
    if (reason === undefined) return void kept.push(d);
    gone.add(d.quote.id);
    terms.push({ articleId: d.quote.articleId, start: d.quote.start, end: d.quote.end, text: d.quote.text, reason });
  });
  terms.sort((a, b) => a.start - b.start || a.end - b.end);
  return { drafts: kept, attributions: attributions.filter((r) => !r.quoteId || !gone.has(r.quoteId)) };
}
