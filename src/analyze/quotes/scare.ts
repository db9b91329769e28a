import type { Attribution, Quote, QuotedTerm, Sentence } from '../../model.js';
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
 * Move the drafts at `indexes` from the quotes to the quoted terms (reason 'scare'), with any attribution made of
 * them. Returns what remains.
 */
export function setScareQuotesApart(drafts: QuoteDraft[], terms: QuotedTerm[], attributions: Attribution[], indexes: ReadonlySet<number>): { drafts: QuoteDraft[]; attributions: Attribution[] } {
  if (indexes.size === 0) return { drafts, attributions };
  const gone = new Set<string>();
  const kept: QuoteDraft[] = [];
  drafts.forEach((d, k) => {
    if (!indexes.has(k)) return void kept.push(d);
    gone.add(d.quote.id);
    terms.push({ articleId: d.quote.articleId, start: d.quote.start, end: d.quote.end, text: d.quote.text, reason: 'scare' });
  });
  terms.sort((a, b) => a.start - b.start || a.end - b.end);
  return { drafts: kept, attributions: attributions.filter((r) => !r.quoteId || !gone.has(r.quoteId)) };
}
