import type { QuotedTermReason, Span } from '../../model.js';
import type { QuoteDraft } from './index.js';
import { tokenAt, type ArticleToken } from './tokens.js';
import { firstIndex } from '../first-index.js';
import { REPORTING_VERBS } from './lexicon.js';

/**
 * Words that introduce a name or term, not someone's words: 'the so-called "Florida Man"', 'HP is called "feather
 * duvet lung"', 'the term often used is "bird fancier's lung"'. (An active "X called it '…'" quotes X, and so does
 * "Trump has used the phrase '…'", whose subject chose the words: not here.)
 */
const NAMING =
  /(?:\bso-called|\bknown as|\btermed|\b(?:is|are|was|were|be|been|being|often|also|sometimes|commonly|what(?:'s|’s))\s+(?:called|dubbed|named|referred to as)|\b(?:the|a) (?:name|hashtag|slogan|motto|title|label|category)|\b(?:the|a) (?:term|word|phrase)(?:\s+\w+){1,2}\s+(?:is|was)|\b(?:titled|entitled|nicknamed|hashtag|slogans?))[\s,:]*$/i;

/**
 * Words right before the marks that make what follows a name, title or term whatever cue the pairing found there:
 * 'the term “freshman”', 'the word “drop”', 'a documentary called “…”', 'a group calling itself “A3maq News”', 'Ram
 * Rahim, 47, dubbed the “guru in bling”', 'ran a commentary titled “…”'. (Not 'what his lawyer called “a witch
 * hunt”': a person's word for something quotes that person.)
 */
const NAMED_HERE =
  /(?:\b(?:so-called|known as|nicknamed|(?:en)?titled|headlined|calling (?:itself|themselves))|\b(?:the|a|an) (?:terms?|words?|hashtag|slogan|motto|name)|\b(?:article|story|report|documentary|film|movie|book|song|album|show|series|program|programme|campaign|group|website|site|page|account|app|game|video|commentary|column|essay|piece|post|blog|operation|plan|project|initiative|condition|disease|syndrome|phenomenon|practice|process|event|festival|exhibition|team|unit|brand|product|feature|category|label) (?:called|named|dubbed)|,\s*(?:dubbed|nicknamed)(?: the)?|\b(?:is|are|was|were|be|been|being) (?:called|named|dubbed|known as))[\s,:]*$/i;

/** After the marks, a name someone is known by ('the “Great Successor,” as he is known'). */
const KNOWN_AS_AFTER = /^\s*,?\s*as (?:he|she|it|they) (?:is|are|was|were|has been|have been) (?:known|called|dubbed|nicknamed)\b/i;

/** Small words a title leaves in lower case ("Don’t Jerk and Drive", "Lord of the Rings"). */
const SMALL = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|vs\.?|de|la|le|du)$/i;

/**
 * Whether a short cue-less quote names something rather than quoting someone: introduced as a name or
 * term ('the so-called "Florida Man"', 'a condition known as "hot tub lung"'), or a short title-cased phrase
 * — a title, brand, slogan or label ("Star Wars", "Mary Poppins", "CCHQ Press", "We’re Not Gonna Take It").
 * A quote with a speaker, one over paragraphs or a longer one is someone's words and never a term.
 */
export function quotedTermReason(d: QuoteDraft, text: string, block: Span, tokens: readonly ArticleToken[] = [], blockWords = new BlockWords(text)): QuotedTermReason | null {
  if (d.caption || (d.quote.kind !== 'partial' && d.quote.kind !== 'direct')) return null;
  const words = d.quote.text
    .trim()
    .replace(/[.,;:!?\u2026]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 20) return null;
  // named where it stands ('the term “freshman”', 'a documentary called “…”'), whatever cue the pairing found
  const before = text.slice(Math.max(0, d.open - 40), d.open);
  if (NAMED_HERE.test(before) && (words.length <= 6 || /(?:titled|headlined|called|named)[\s,:]*$/i.test(before))) return 'named';
  if (d.close >= 0 && words.length <= 6 && KNOWN_AS_AFTER.test(text.slice(d.close + 1, d.close + 40))) return 'named';
  // a long title-cased line in marks is a headline or title, not speech ("NASA Confirms Earth Will Experience 6 Days of
  // Total Darkness in December 2014") unless everything around it is title-cased too
  if (words.length > 6) {
    return !d.cue && words.length <= 16 && isTitleCased(words) && !blockWords.around(block, d.open, d.quote.end) ? 'title' : null;
  }
  // one capitalised word after a preposition names a show, film or book even beside a speech verb ("revealed she
  // was the baby on ‘Teletubbies’")
  if (d.quote.kind === 'partial' && words.length === 1 && /^\p{Lu}\p{Ll}/u.test(words[0]) && /\b(?:on|in|from|of|at|watching|watch)\s*$/.test(text.slice(Math.max(0, d.open - 12), d.open))) return 'title';
  // … and so does a title-cased one the sentence goes on after, whatever name follows it ('On “Face the Nation,” Sen.
  // Bernie Sanders (Vt.) identified', 'in an interview on CBS's "Face the Nation," House Speaker Paul D. Ryan said')
  if (isTitleCased(words) && !/[.!?\u2026]\P{L}*$/u.test(d.quote.text) && /\b(?:[Oo]n|[Ii]n|[Ff]rom|of|at|watching|watch)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.&-]*['’]s\s+)?$/u.test(text.slice(Math.max(0, d.open - 28), d.open))) return 'title';
  // a title-cased job or name right after a possessive, with no sentence end: 'Leigh-Anne Royster, the school’s
  // “Inclusive Community Wellbeing Director” told the College Fix'
  if (words.length >= 2 && isTitleCased(words) && !/[.!?\u2026]\P{L}*$/u.test(d.quote.text) && /\p{L}['’]s?\s+$/u.test(before)) return 'title';
  if (modifiesNoun(d, words, tokens)) return 'named';
  if (d.cue) return null;
  // a short title-cased line in marks that is its whole paragraph, with no sentence end: a title set as a heading
  // ("“Star Wars: The Force Awakens”"; not a subheading quoting a sentence: "'All Bets Are Off.'")
  const line = text.slice(block.start, block.end).trim();
  if (d.quote.kind === 'direct' && line.length <= d.quote.text.length + 4 && !/[.!?…]\P{L}*$/u.test(line) && isTitleCased(words)) return 'title';
  // (a short "direct" one too: 'HP is called "feather duvet lung."' ends its sentence inside the marks)
  if (NAMING.test(before)) return 'named';
  const after = d.close >= 0 ? text.slice(d.close + 1, Math.min(block.end, d.close + 30)) : '';
  // a title-cased name with no sentence end of its own that a sentence goes on from ("“Star Wars: The Force Awakens” is
  // one of the most highly anticipated movies"; not a cry or a sentence: "“Welcome Home!”", "“Thank You.”")
  if (d.quote.kind === 'direct' && isTitleCased(words) && !/[.,;:!?\u2026]\s*$/.test(d.quote.text) && /^\s+\p{Ll}/u.test(after) && !blockWords.before(block, d.open)) return 'title';
  // (a title is "direct" too when it closes on a comma mid-sentence: 'from Pixar Animation, “Star Wars,” Marvel …')
  if (d.quote.kind !== 'partial' && !(d.quote.kind === 'direct' && /[\p{L},]\s*$/u.test(text.slice(block.start, d.open)))) return null;
  return isTitleCased(words) && !blockWords.around(block, d.open, d.quote.end) ? 'title' : null;
}

/**
 * Words in marks set before a noun as a label of it, inside a noun phrase: 'the “Meth. We’re on it.” campaign', 'Mexico’s
 * “rural teachers college” system', 'a “ground glass” pattern', 'marijuana “buy and bust” operations'. With a cue the
 * quote must end on a noun of its own: 'warned of a “catastrophic” outcome' and 'a “deeply troubling” development' are
 * the speaker's words.
 */
function modifiesNoun(d: QuoteDraft, words: string[], tokens: readonly ArticleToken[]): boolean {
  if (d.quote.kind !== 'partial' || d.close < 0 || words.length > 6 || tokens.length === 0) return false;
  const first = tokenAt(tokens, d.open);
  const next = tokenAt(tokens, d.close + 1);
  if (first === 0 || next >= tokens.length) return false;
  const before = tokens[first - 1];
  const after = tokens[next];
  if (after.pos !== 'NOUN' || !/^\p{Ll}/u.test(after.value)) return false;
  if (!(before.pos === 'DET' || before.pos === 'ADJ' || before.pos === 'NOUN' || /^['’]s$/.test(before.value))) return false;
  if (!d.cue) return true;
  const last = tokenAt(tokens, d.quote.end - 1);
  return last < tokens.length && (tokens[last].pos === 'NOUN' || tokens[last].pos === 'PROPN') && words.length > 1;
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
export function titleCased(s: string): boolean {
  const words = s.match(/\p{L}{4,}/gu) ?? [];
  return isTitleCount(words.length, words.filter((w) => /^\p{Lu}/u.test(w)).length);
}

const isTitleCount = (words: number, capitalised: number): boolean => words >= 2 && capitalised >= 0.7 * words;

/**
 * `titleCased` of a block's text around a quote, text[block.start, open) + ' ' + text[end, block.end) (`around`), or
 * before it only: from the block's words of four letters or more, counted once per block, so that a block of
 * thousands of quotes costs no more than its length (a quote mark is no letter: no word crosses `open` or `end`).
 * One per article text.
 */
export class BlockWords {
  private readonly blocks = new Map<number, { ends: number[]; caps: number[] }>();

  constructor(private readonly text: string) {}

  private of(block: Span): { ends: number[]; caps: number[] } {
    let w = this.blocks.get(block.start);
    if (!w) {
      w = { ends: [], caps: [0] };
      const re = /\p{L}{4,}/gu;
      const part = this.text.slice(block.start, block.end);
      for (let m = re.exec(part); m; m = re.exec(part)) {
        w.ends.push(block.start + m.index + m[0].length);
        w.caps.push(w.caps[w.caps.length - 1] + (/^\p{Lu}/u.test(m[0]) ? 1 : 0));
      }
      this.blocks.set(block.start, w);
    }
    return w;
  }

  /** How many words end at or before `at`. */
  private static upTo(ends: number[], at: number): number {
    return firstIndex(ends.length, (i) => ends[i] > at);
  }

  before(block: Span, open: number): boolean {
    const w = this.of(block);
    const n = BlockWords.upTo(w.ends, open);
    return isTitleCount(n, w.caps[n]);
  }

  around(block: Span, open: number, end: number): boolean {
    const w = this.of(block);
    const a = BlockWords.upTo(w.ends, open);
    const b = BlockWords.upTo(w.ends, end);
    const total = w.ends.length;
    return isTitleCount(a + (total - b), w.caps[a] + (w.caps[total] - w.caps[b]));
  }
}
