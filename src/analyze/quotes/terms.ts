import type { QuotedTermReason, Span } from '../../model.js';
import type { QuoteDraft } from './index.js';

/**
 * Words that introduce a name or term, not someone's words: 'the so-called "Florida Man"', 'HP is called "feather
 * duvet lung"', 'the term often used is "bird fancier's lung"'. (An active "X called it '…'" quotes X, and so does
 * "Trump has used the phrase '…'", whose subject chose the words: not here.)
 */
const NAMING =
  /(?:\bso-called|\bknown as|\btermed|\b(?:is|are|was|were|be|been|being|often|also|sometimes|commonly|what(?:'s|’s))\s+(?:called|dubbed|named|referred to as)|\b(?:the|a) (?:name|hashtag|slogan|motto|title|label|category)|\b(?:the|a) (?:term|word|phrase)(?:\s+\w+){1,2}\s+(?:is|was)|\b(?:titled|entitled|nicknamed|hashtag|slogans?))[\s,:]*$/i;

/** Small words a title leaves in lower case ("Don’t Jerk and Drive", "Lord of the Rings"). */
const SMALL = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|vs\.?|de|la|le|du)$/i;

/**
 * Whether a short cue-less quote names something rather than quoting someone: introduced as a name or
 * term ('the so-called "Florida Man"', 'a condition known as "hot tub lung"'), or a short title-cased phrase
 * — a title, brand, slogan or label ("Star Wars", "Mary Poppins", "CCHQ Press", "We’re Not Gonna Take It").
 * A quote with a speaker, one over paragraphs or a longer one is someone's words and never a term.
 */
export function quotedTermReason(d: QuoteDraft, text: string, block: Span): QuotedTermReason | null {
  if (d.cue || d.caption || (d.quote.kind !== 'partial' && d.quote.kind !== 'direct')) return null;
  const words = d.quote.text
    .trim()
    .replace(/[.,;:!?\u2026]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return null;
  // (a short "direct" one too: 'HP is called "feather duvet lung."' ends its sentence inside the marks)
  if (NAMING.test(text.slice(Math.max(0, d.open - 40), d.open))) return 'named';
  // (a title is "direct" too when it closes on a comma mid-sentence: 'from Pixar Animation, “Star Wars,” Marvel …')
  if (d.quote.kind !== 'partial' && !(d.quote.kind === 'direct' && /[\p{L},]\s*$/u.test(text.slice(block.start, d.open)))) return null;
  const titled = words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL.test(w)));
  return titled && /^\p{Lu}/u.test(words[0]) && !titleCased(text.slice(block.start, d.open) + ' ' + text.slice(d.quote.end, block.end)) ? 'title' : null;
}

/** A headline set in title case ("Black Lawmakers Rip Donald Trump As A …"): there a capital says nothing of a quote. */
function titleCased(s: string): boolean {
  const words = s.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
}
