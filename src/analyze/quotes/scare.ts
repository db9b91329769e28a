import type { Attribution, Quote, QuotedTerm, QuotedTermReason, Sentence } from '../../model.js';
import type { QuoteDraft } from './index.js';
import { titleCased } from './terms.js';
import { firstIndex } from '../first-index.js';

const wordsOf = (q: Quote): string[] => q.text.trim().replace(/[.,;:!?\u2026]+$/, '').split(/\s+/).filter(Boolean);
const oneWord = (q: Quote): boolean => wordsOf(q).length === 1;
/** Tags the words of a short term may have: a noun phrase ('hot tub lung', 'suspended animation', 'jihadi John'). */
const NOUN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'PUNCT', 'DET', 'X', 'SYM']);
/** Words of a short term at most (2, 3 and 4 measured the same on the tuning sets). */
const MAX_TERM_WORDS = 3;

/**
 * A noun phrase of two or three words in marks, with no verb but a participle ('enabling technology'), ending on a
 * noun, not a sentence.
 */
function nounPhrase(q: Quote, tokens: readonly PosToken[], text: string): boolean {
  const n = wordsOf(q).length;
  if (n < 2 || n > MAX_TERM_WORDS || /[.!?]\s/.test(q.text)) return false;
  let last = '';
  for (let i = firstIndex(tokens.length, (k) => tokens[k].end > q.start); i < tokens.length && tokens[i].start < q.end; i++) {
    const { pos } = tokens[i];
    if (!NOUN_PHRASE.has(pos) && !(pos === 'VERB' && /(ing|ed)$/i.test(text.slice(tokens[i].start, tokens[i].end)))) return false;
    if (pos !== 'PUNCT') last = pos;
  }
  return last === 'NOUN' || last === 'PROPN';
}

interface PosToken {
  start: number;
  end: number;
  pos: string;
}

/**
 * Scare quotes: a single word in marks ('a “porous” border', 'shares and “likes”', 'US Marine “exterminators”') or a
 * short noun phrase ('“hot tub lung”', '“suspended animation”'; on the news tuning sets 6 such quotes were terms and 4
 * a speaker's words, none of them credited to anyone by retold) that,
 * once every speaker is resolved, no one is said to have said — no speaker, no reporting verb —, that no longer quote
 * of its sentence stands beside (not 'a “stronger” and “more viable” print and digital news enterprise “with deep local
 * roots”': fragments of someone's words) and whose sentence is not set in title case. Their indexes in `drafts`.
 */
export function scareQuotes(drafts: readonly QuoteDraft[], sentences: readonly Sentence[], text: string, tokens: readonly PosToken[]): Set<number> {
  const out = new Set<number>();
  const sentenceOf = (offset: number): number => {
    const k = firstIndex(sentences.length, (i) => sentences[i].end > offset);
    return k < sentences.length && sentences[k].start <= offset ? k : -1;
  };
  const short = (q: Quote): boolean => oneWord(q) || nounPhrase(q, tokens, text);
  const longer = new Set<number>();
  for (const d of drafts) if (!short(d.quote)) longer.add(sentenceOf(d.quote.start));
  const titled = new Map<number, boolean>();
  drafts.forEach((d, k) => {
    const q = d.quote;
    if (q.kind !== 'partial' || d.caption || q.speaker || q.speakerId || q.verb || !short(q)) return;
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
