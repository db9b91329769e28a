import { isDictionaryWord } from '../nlp.js';
/**
 * Whether a capitalised word is a common word of the article rather than a name: the article writes it in
 * lower case elsewhere ("Rumors swirled …" beside "internet rumors") and never as the second word of a
 * capitalised pair ("Theresa May", "Tim Cook" keep "May" and "Cook" names). A substring search first; the
 * word sets (one pass over the text, kept for the last article) only when the word occurs in lower case.
 */
interface Words {
  text: string;
  lower: Set<string>;
  /** Words written right after another capitalised word that is no function word ("May" in "Theresa May"). */
  second: Set<string>;
}

const FUNCTION = new Set(
  'The A An This That These Those In On At For From With By Of To And But Or As If When While After Before Since His Her Their Its Our My Your'.split(' '),
);

let memo: Words | null = null;

function wordsOf(text: string): Words {
  if (memo?.text === text) return memo;
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lower.add(m[0]);
  const second = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’.-]*)[ \t]+(?=(\p{Lu}[\p{Ll}'’-]+))/gu)) {
    if (!FUNCTION.has(m[1])) second.add(m[2]);
  }
  memo = { text, lower, second };
  return memo;
}

/** `word` as written (any case) is a common word of `text` (see above). */
export function isCommonWord(word: string, text: string): boolean {
  const lower = word.toLowerCase();
  // most names are never written in lower case: a plain substring search settles them without the word sets
  if (!text.includes(lower)) return false;
  const w = wordsOf(text);
  if (!w.lower.has(lower)) return false;
  const title = lower.charAt(0).toUpperCase() + lower.slice(1);
  return !w.second.has(word) && !w.second.has(title);
}

/**
 * `word` (capitalised, one word standing for a speaker) is a common word rather than a name: one of the article's
 * (`isCommonWord`), or a word of the dictionary (a plural noun, an adjective, an adverb: "Participants", "Audiences",
 * "Several", "However") that the article never writes as the second word of a name ("Bernie Sanders" keeps "Sanders").
 */
export function isCommonSpeakerWord(word: string, text: string): boolean {
  if (isCommonWord(word, text)) return true;
  const lower = word.toLowerCase();
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || !isDictionaryWord(lower)) return false;
  const w = wordsOf(text);
  return !w.second.has(word);
}
