import type { Attribution } from '../../model.js';
import type { QuoteDraft } from './index.js';
import { tokenAt, type TokenizedArticle } from './tokens.js';
import { firstIndex } from '../first-index.js';

/**
 * A quoted transcript (`"WALLACE: … ¶ "PENCE: …`, each paragraph opened by a mark, none closed) reads to
 * the mark pairing as one long quote without a speaker, which can run past the transcript. Given its
 * turns (`colonAttributions`, form `direct`), the quotes that open at a turn's label or run over several
 * turns are replaced by one quote per turn: the turn's words, its label as the speaker phrase and the
 * colon as the cue. Quotes inside one turn stay. Ids are renumbered in text order; `inheritsFrom`
 * follows the drafts (or is dropped with a removed one). Returns `drafts` itself when there is no turn.
 */
export function splitTranscriptQuotes(drafts: QuoteDraft[], turns: readonly Attribution[], tok: TokenizedArticle, articleId: string): QuoteDraft[] {
  if (turns.length === 0) return drafts;
  // turns are disjoint and in text order: a draft is looked up by binary search (no drafts × turns scan)
  const sorted = [...turns].sort((a, b) => a.source!.start - b.source!.start);
  const starts = new Set(sorted.flatMap((t) => [t.source!.start, t.content.start]));
  const replaced = (d: QuoteDraft): boolean => {
    if (starts.has(d.quote.start)) return true;
    // first turn ending after the draft's start; the draft runs over two turns when the next one starts before its end
    const lo = firstIndex(sorted.length, (i) => sorted[i].content.end > d.quote.start);
    return lo + 1 < sorted.length && sorted[lo].source!.start < d.quote.end && sorted[lo + 1].source!.start < d.quote.end;
  };
  const kept = drafts.map((d, i) => ({ d, i })).filter(({ d }) => !replaced(d));
  const added: QuoteDraft[] = turns.map((t) => {
    const src = t.source!;
    const s0 = tokenAt(tok.tokens, src.start);
    let s1 = s0;
    while (s1 < tok.tokens.length && tok.tokens[s1].start < src.end) s1++;
    const verb = tokenAt(tok.tokens, t.cue.start);
    const block = tok.tokens[verb]?.block ?? 0;
    const lastBlock = tok.tokens[tokenAt(tok.tokens, t.content.end - 1)]?.block ?? block;
    return {
      quote: {
        id: '',
        articleId,
        start: t.content.start,
        end: t.content.end,
        text: t.content.text,
        kind: lastBlock > block ? 'multi-paragraph' : 'direct',
        speaker: src.text,
        speakerSpan: { start: src.start, end: src.end },
        speakerId: null,
        verb: t.cue.text,
        verbSpan: { start: t.cue.start, end: t.cue.end },
      },
      firstBlock: block,
      lastBlock,
      open: -1,
      close: -1,
      cue: { speaker: [s0, s1], verb, side: 'before' },
      inheritsFrom: null,
      caption: false,
    };
  });
  const all = [...kept.map(({ d, i }) => ({ d, old: i })), ...added.map((d) => ({ d, old: -1 }))].sort((a, b) => a.d.quote.start - b.d.quote.start || a.d.quote.end - b.d.quote.end);
  const newIndex = new Map<number, number>();
  all.forEach(({ old }, k) => old >= 0 && newIndex.set(old, k));
  return all.map(({ d }, k) => {
    d.quote.id = `${articleId}:q${k + 1}`;
    if (d.inheritsFrom !== null) d.inheritsFrom = newIndex.get(d.inheritsFrom) ?? null;
    return d;
  });
}
