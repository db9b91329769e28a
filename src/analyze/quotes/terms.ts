import type { QuotedTermReason, Span } from '../../model.js';
import type { QuoteDraft } from './index.js';
import { REPORTING_VERBS } from './lexicon.js';

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
  if (d.caption || (d.quote.kind !== 'partial' && d.quote.kind !== 'direct')) return null;
  const words = d.quote.text
    .trim()
    .replace(/[.,;:!?\u2026]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return null;
  // one capitalised word after a preposition names a show, film or book even beside a speech verb ("revealed she
  // was the baby on ‘Teletubbies’")
  if (d.quote.kind === 'partial' && words.length === 1 && /^\p{Lu}\p{Ll}/u.test(words[0]) && /\b(?:on|in|from|of|at|watching|watch)\s*$/.test(text.slice(Math.max(0, d.open - 12), d.open))) return 'title';
  if (d.cue) return null;
  // a short title-cased line in marks that is its whole paragraph, with no sentence end: a title set as a heading
  // ("“Star Wars: The Force Awakens”"; not a subheading quoting a sentence: "'All Bets Are Off.'")
  const line = text.slice(block.start, block.end).trim();
  if (d.quote.kind === 'direct' && line.length <= d.quote.text.length + 4 && !/[.!?…]\P{L}*$/u.test(line) && isTitleCased(words)) return 'title';
  // (a short "direct" one too: 'HP is called "feather duvet lung."' ends its sentence inside the marks)
  if (NAMING.test(text.slice(Math.max(0, d.open - 40), d.open))) return 'named';
  // (a title is "direct" too when it closes on a comma mid-sentence: 'from Pixar Animation, “Star Wars,” Marvel …')
  if (d.quote.kind !== 'partial' && !(d.quote.kind === 'direct' && /[\p{L},]\s*$/u.test(text.slice(block.start, d.open)))) return null;
  return isTitleCased(words) && !titleCased(text.slice(block.start, d.open) + ' ' + text.slice(d.quote.end, block.end)) ? 'title' : null;
}

/** Words each capitalised (or a small word after the first): "Star Wars: The Force Awakens", "Lord of the Rings". */
export function isTitleCased(words: string[]): boolean {
  return /^\p{Lu}/u.test(words[0] ?? '') && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL.test(w)));
}

/**
 * Title-cased quotes listed one after another ("such as “Avengers: Age of Ultron,” “Jurassic World” and “Ant-Man.”"):
 * their indexes in `drafts`, titles whatever cue the pairing found for them.
 */
export function listedTitles(drafts: QuoteDraft[], text: string): Set<number> {
  const out = new Set<number>();
  // (no exclamation: "“Nooooo!” and “Yesssss!”" are cries)
  const titled = (d: QuoteDraft): boolean => {
    const words = d.quote.text.trim().replace(/[.,;:\u2026]+$/, '').split(/\s+/).filter(Boolean);
    return !d.caption && (d.quote.kind === 'direct' || d.quote.kind === 'partial') && words.length > 0 && words.length <= 6 && !/[!?]$/.test(words[words.length - 1]) && isTitleCased(words);
  };
  for (let i = 1; i < drafts.length; i++) {
    const p = drafts[i - 1];
    const d = drafts[i];
    if (p.close < 0 || d.open - p.close > 12) continue;
    if (!/^[\s,]*(?:(?:and|or|&)\s+)?$/.test(text.slice(p.close + 1, d.open))) continue;
    // (not names someone gave: "called her “Miss Piggy” and “Miss Housekeeping”")
    // (the clause before the first: back to a comma, at most 60 characters)
    const before = text.slice(Math.max(0, p.open - 60), p.open);
    const clause = before.slice(before.lastIndexOf(',') + 1).toLowerCase();
    const lead = clause.match(/[a-z]+/g) ?? [];
    const naming = lead.some((w) => REPORTING_VERBS.has(w) || /^(?:call|calls|called|calling|dubbed|nicknamed|labeled|labelled|branded|references?)$/.test(w)) || /(?<!such)\s+as\s*$/.test(clause);
    if (!out.has(i - 1) && naming) continue;
    if (titled(p) && titled(d)) {
      out.add(i - 1);
      out.add(i);
    }
  }
  return out;
}

/** A headline set in title case ("Black Lawmakers Rip Donald Trump As A …"): there a capital says nothing of a quote. */
function titleCased(s: string): boolean {
  const words = s.match(/\p{L}{4,}/gu) ?? [];
  return words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.7 * words.length;
}
