/**
 * The last resort for a quote nobody is said to have said: a partial quote inside a sentence whose subject
 * is a speaker ("In recent weeks, Reid has gone after Trump as a “human leech”", "Cruz exhorted
 * Republicans to "vote your conscience"") is credited to that subject, as PolNeAR's annotators (and
 * readers) do. Only quotes that neither the quote rules nor any attribution relation gave a speaker.
 */
import type { QuoteDraft } from '../quotes/index.js';
import type { TokenizedArticle } from '../quotes/tokens.js';
import { tokenAt } from '../quotes/tokens.js';
import { classifyPhrase } from './classify.js';
import { REPORTING_VERBS } from '../quotes/lexicon.js';

/** Sentence openers that start an adverbial before the subject ("In recent weeks, …", "After saying …, she"). */
const OPENER_POS = new Set(['ADP', 'SCONJ', 'ADV']);
/** Conjunctions and interjections skipped at the start ("And Trump called it …"). */
const SKIP_POS = new Set(['CCONJ', 'INTJ']);
const SUBJECT_PRONOUN = /^(?:he|she|they)$/i;
const MAX_SUBJECT = 14;
/** At most this many tokens between the subject's verb and the quote. */
const MAX_REACH = 16;
/** What a subject noun phrase is made of ("Another critic, Laurence H. Tribe", "Sen. Ben Sasse (R-Neb.)"). */
const SUBJECT_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PRON', 'PART', 'ADP', 'CCONJ']);

/** A crude stem that files "likened", "likens", "liken" (and "rated", "rate") together. */
const stem = (w: string): string => w.toLowerCase().replace(/(?:ing|ed|es|e|s|d)$/, '');
/**
 * Verbs that characterise, judge or adopt words besides the reporting verbs: the subject of "Cruz exhorted
 * Republicans to "vote your conscience"", "PolitiFact rated it “false”", "Trump has used the phrase “…”" chose
 * the quoted words; "The Post sent its “national enterprise reporter”" did not.
 */
const CHARACTERISING = new Set(
  [...REPORTING_VERBS, ...('liken compare rate deem refer exhort seize attack mock defend tout support oppose propose release ' +
    'publish use invoke coin echo crack toss portray paint hail embrace reject condemn denounce blame frame cast view regard ' +
    'consider advocate welcome applaud gone went dismiss question challenge fault lambaste ridicule scold deride ' +
    'rebuke tell urge beg implore plead demand insist label dubb brand term nickname christen style promote market bill ' +
    'advertise pitch sell champion back endorse favor favour pledge vow promise threaten warn vow ask persuade convince experience recall remember').split(' ')].map(stem),
);
/** A noun that announces the words quoted right after it ("the phrase “Islamic terrorism”"). */
const WORDS_NOUN = /^(?:phrase|term|word|words|label|slogan|nickname|moniker|catchphrase|claim|claims|message|remark|remarks|comment|comments|statement|description|promise|pledge|vow|warning|call|plea)$/i;

/** Tokens [from, to) only join list items: "and a", ", or the", "and". */
function isListGap(tokens: TokenizedArticle['tokens'], from: number, to: number): boolean {
  if (to - from > 4 || to <= from) return false;
  let conj = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.pos === 'CCONJ') conj = true;
    else if (!(t.pos === 'DET' || t.value === ',' || /^["”»’]$/.test(t.value))) return false;
  }
  return conj;
}

/** Two or more words, each capitalised (or a short function word): a title, not speech. */
function isTitle(words: string): boolean {
  const ws = words.trim().split(/\s+/);
  return ws.length >= 2 && ws.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w) || /^(?:a|an|the|of|in|on|at|to|for|and|or|with|by)$/.test(w));
}

const QUOTE_MARK = /^(?:["“”„«»‘’]|''|``)$/;

interface Subject {
  /** First token of the subject phrase, its verb, and the end of the phrase (a relative clause cut off). */
  j: number;
  v: number;
  end: number;
}

/**
 * The subject of the sentence running from token s0 to \`limit\` (the quote's opening mark, or the sentence's
 * end), when it names a speaker (a person's name, he/she/they, an outlet, a named organisation) and chose the
 * words: a characterising verb or "the phrase …" after it, before \`limit\`.
 */
function subjectOf(tokens: TokenizedArticle['tokens'], s0: number, limit: number, text: string, reach = MAX_REACH): Subject | null {
  let j = s0;
  while (j < limit && tokens[j].pos === 'SPACE') j++;
  if (j < limit && OPENER_POS.has(tokens[j].pos)) {
    // the subject follows the opening adverbial's comma
    let c = j;
    while (c < limit && tokens[c].value !== ',') c++;
    if (c >= limit - 1) return null;
    j = c + 1;
  }
  while (j < limit && SKIP_POS.has(tokens[j].pos)) j++;
  let v = j;
  let depth = 0;
  while (v < limit && v - j <= MAX_SUBJECT) {
    const t = tokens[v];
    if (t.value === '(') depth++;
    else if (t.value === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (t.pos === 'VERB' || t.pos === 'AUX')) break;
    v++;
  }
  if (v >= limit || v === j || v - j > MAX_SUBJECT || limit - v > reach) return null;
  const phrase = tokens.slice(j, v);
  if (!/^\p{L}/u.test(phrase[0].value)) return null;
  // a noun phrase (with an apposition), not a dateline, a label or a clause
  if (!phrase.every((t) => SUBJECT_POS.has(t.pos) || t.value === ',' || t.value === '.' || /^['’]s?$/.test(t.value) || t.value === '(' || t.value === ')')) return null;
  if (!/^(?:PROPN|NOUN|PRON|PUNCT)$/.test(phrase[phrase.length - 1].pos) || /^(?:what|whatever|who|whoever)$/i.test(phrase[0].value)) return null;
  if (phrase.slice(1).some((t) => /^(?:that|this|these|those|it)$/i.test(t.value))) return null;
  // a label or headline ("Veto Power Impedes Peace Efforts: …") or a second clause before the quote
  if (tokens.slice(v, limit).some((t) => t.value === ':' || t.value === ';')) return null;
  // the subject chose the quoted words: a characterising verb before the quote, or "the phrase …"
  const chose = tokens.slice(v, limit).some((t) => t.pos === 'VERB' && CHARACTERISING.has(stem(t.value))) || WORDS_NOUN.test(tokens[limit - 1].value);
  if (!chose) return null;
  // "who", "which", "that", "this" and nouns without a name are no speakers here
  const info = classifyPhrase(phrase, text);
  const ok =
    (info.kind === 'pronoun' && phrase.length === 1 && SUBJECT_PRONOUN.test(phrase[0].value)) ||
    (info.kind === 'person' && info.name !== null) ||
    info.kind === 'outlet' ||
    (info.kind === 'organization' && phrase.some((t) => t.pos === 'PROPN'));
  if (!ok) return null;
  let end = v;
  const rel = phrase.findIndex((t, k) => k > 0 && /^(?:who|which)$/i.test(t.value));
  if (rel > 0) end = j + rel;
  while (end > j && tokens[end - 1].value === ',') end--;
  return { j, v, end };
}

/**
 * Give each quote still without a speaker its sentence's subject as speaker phrase, when the quote stands
 * inside the sentence after the subject's verb and the subject names a speaker (a person's name, he/she/they,
 * an outlet or a named organisation). Sets `cue`, `quote.speaker` and `quote.speakerSpan` on the drafts it
 * credits and returns their quote ids.
 */
export function creditSentenceSubjects(drafts: QuoteDraft[], tok: TokenizedArticle, text: string): Set<string> {
  const credited = new Set<string>();
  const { tokens, sentenceTokens } = tok;
  let prev: { draft: QuoteDraft; sentence: number } | null = null;
  for (const d of drafts) {
    const q = d.quote;
    if (q.speakerSpan || q.speakerId || d.inheritsFrom !== null || d.caption || d.open < 0) continue;
    const ti = tokenAt(tokens, d.open);
    if (ti >= tokens.length || tokens[ti].sentence < 0) continue;
    // the next quote of a list the subject made: "… as a “human leech” and a “spoiled brat.”"
    if (prev && prev.sentence === tokens[ti].sentence && prev.draft.close >= 0 && isListGap(tokens, tokenAt(tokens, prev.draft.close) + 1, ti)) {
      d.cue = prev.draft.cue;
      q.speaker = prev.draft.quote.speaker;
      q.speakerSpan = prev.draft.quote.speakerSpan;
      credited.add(q.id);
      prev = { draft: d, sentence: tokens[ti].sentence };
      continue;
    }
    // a title or name in quotation marks ("Keepin' It Real", "Nightly News", ''Playbook'') is nobody's words
    if (isTitle(q.text) || /^[^\p{L}]*\p{Lu}[\p{L}'’-]*[^\p{L}]*$/u.test(q.text.trim()) || !/\p{Ll}/u.test(q.text)) continue;
    const si = tokens[ti].sentence;
    const [s0] = sentenceTokens[si];
    let found: Subject | null = null;
    if (ti - s0 >= 2) found = subjectOf(tokens, s0, ti, text);
    else if (d.quote.kind !== 'partial' && si > 0 && tokens[s0 - 1]?.block === tokens[ti].block) {
      // a quotation opening its sentence right after a sentence of the same paragraph that names who chose
      // the words ("Lawrence B. Cummings called him a master at … . “He showed again and again …”")
      const [p0, p1] = sentenceTokens[si - 1];
      if (!tokens.slice(p0, p1).some((t) => QUOTE_MARK.test(t.value))) found = subjectOf(tokens, p0, p1, text, 3 * MAX_REACH);
    }
    if (!found) continue;
    const { j, v, end } = found;
    const start = tokens[j].start;
    const stop = tokens[end - 1].end;
    d.cue = { speaker: [j, end], verb: v, side: 'before' };
    q.speaker = text.slice(start, stop);
    q.speakerSpan = { start, end: stop };
    credited.add(q.id);
    prev = { draft: d, sentence: tokens[ti].sentence };
  }
  return credited;
}
