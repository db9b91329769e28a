import type { Article, Speaker } from '../../model.js';
import type { QuoteDraft } from '../quotes/index.js';

/**
 * How many paragraphs before a quote's own the last speaker mentioned may be (on the three news tuning sets, 528
 * quotes right with 1, 529 with 3, 530 with 5 and with 50).
 */
const NEAREST_REACH = 1;

/**
 * The last resort for a quote that nothing attributes — no cue, no inheritance, no sentence subject, no attribution
 * relation, no echo: the speaker mentioned last before it, in its paragraph or the five before, outside quotes (a
 * reader's reading of "Jones, 52, has run the shop since 1998. … “It is a living,” …" with the cue lost). Not a
 * caption's quote. Sets `speakerId` only: the quote keeps `speaker`, `verb` and their spans null, so the report
 * shows no cue for it. Returns how many quotes it credited.
 */
export function creditNearestSpeakers(drafts: readonly QuoteDraft[], speakers: readonly Speaker[], article: Article): number {
  const mentions: Array<{ start: number; id: string }> = [];
  const quoted = drafts.map((d) => [d.open, d.close >= 0 ? d.close + 1 : d.quote.end] as const);
  const inQuote = (at: number): boolean => quoted.some(([a, b]) => a <= at && at < b);
  for (const s of speakers) for (const m of s.mentions) if (!inQuote(m.start)) mentions.push({ start: m.start, id: s.id });
  mentions.sort((a, b) => a.start - b.start);
  let credited = 0;
  for (const d of drafts) {
    const q = d.quote;
    // (not a quote whose speaker phrase resolved to no one: "“…,” it said" of a report, "he wrote" with no man named)
    if (q.speakerId || q.speaker || d.caption) continue;
    // (nor a value in markup, a number or a handle: 'tweet_id="7502…"', "@AP")
    if (d.open > 0 && article.text[d.open - 1] === '=') continue;
    if (!/\p{Ll}{2}/u.test(q.text)) continue;
    const from = paragraphStart(article, d.open, NEAREST_REACH);
    let best: string | null = null;
    for (const m of mentions) {
      if (m.start >= d.open) break;
      if (m.start >= from) best = m.id;
    }
    if (best) {
      q.speakerId = best;
      credited++;
    }
  }
  return credited;
}

/** Start of the block holding `at`, or of the one `back` blocks before it. */
function paragraphStart(article: Article, at: number, back: number): number {
  const bs = article.blocks;
  let found = 0;
  for (let i = 0; i < bs.length && bs[i].start <= at; i++) found = i;
  return bs.length ? bs[Math.max(0, found - back)].start : 0;
}
