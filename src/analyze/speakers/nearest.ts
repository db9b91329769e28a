import type { Article, Speaker } from '../../model.js';
import { quotedPredicate, type QuoteDraft } from '../quotes/index.js';
import { firstIndex } from '../first-index.js';
import { blockStart } from './index.js';

/**
 * How many paragraphs before a quote's own the last speaker mentioned may be. On the three news tuning sets 1 gave
 * 528 quotes right, 3 gave 529, 5 and 50 gave 530; 1 is kept because further back the speaker is as often someone
 * the narration has since moved away from ("Many parents believe the school is to blame.\n\n'Nobody told us
 * anything.'" is not the doctor quoted two paragraphs up).
 */
const NEAREST_REACH = 1;

/**
 * The last resort for a quote that nothing attributes — no cue, no inheritance, no sentence subject, no attribution
 * relation, no echo: the speaker mentioned last before it, in its paragraph or the one before, outside quotes (a
 * reader's reading of "Jones, 52, has run the shop since 1998. … “It is a living,” …" with the cue lost). Not a
 * caption's quote. Sets `speakerId` and `speakerGuessed`: the quote keeps `speaker`, `verb` and their spans null,
 * and the story stage takes no finding or identity merge from it. Returns how many quotes it credited.
 */
export function creditNearestSpeakers(drafts: readonly QuoteDraft[], speakers: readonly Speaker[], article: Article): number {
  const inQuote = quotedPredicate(drafts, article.text);
  const mentions: Array<{ start: number; id: string }> = [];
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
    // the last mention before the opening mark, if it is in reach
    const last = mentions[firstIndex(mentions.length, (i) => mentions[i].start >= d.open) - 1];
    if (last && last.start >= blockStart(article, d.open, NEAREST_REACH)) {
      q.speakerId = last.id;
      q.speakerGuessed = true;
      credited++;
    }
  }
  return credited;
}

