import type { Token } from '../nlp.js';
import { PERSONAL_PRONOUNS, REPORTING_VERBS, ROLE_NOUNS } from './lexicon.js';

/** Token index range [from, to) of a noun phrase. */
export type TokenRange = [number, number];

const LINK_ADP = new Set(['of', 'from', 'for', 'at', 'with', 'to', 'in', 'on']);
const LINK_ADJ = new Set(['close', 'familiar', 'knowledgeable', 'briefed']);
const STOP_WORDS = new Set(['that', 'which', 'who', 'whom', 'this', 'these', 'those', 'there', 'here', 'what']);

const POSSESSIVE_DETS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

function isNpWord(t: Token): boolean {
  if (t.pos === 'PRON' && POSSESSIVE_DETS.has(t.value.toLowerCase())) return true;
  if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') return !STOP_WORDS.has(t.value.toLowerCase());
  if (t.pos === 'DET') return !STOP_WORDS.has(t.value.toLowerCase());
  if (t.pos === 'PART' && /^['’]s$/i.test(t.value)) return true;
  if (/^\d/.test(t.value)) return true; // "93rd"
  // (not a sentence-opening conjunction: "… our food?” And then answered himself"; "Nor" is also a surname)
  if (/^\p{Lu}[\p{L}.'’-]*$/u.test(t.value) && t.pos !== 'PUNCT' && t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'PRON' && !(t.pos === 'CCONJ' && /^(?:And|But|Or|So|Yet|Plus)$/.test(t.value)) && t.pos !== 'SCONJ') return true;
  return false;
}

/** `isNpWord` with context: hyphenated names (Anne-Marie), capitalised words mis-tagged as verbs inside names (Josh Earnest), "one". */
function npWordAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  // a reporting verb wink tags as a noun after a name: "The AP quotes Nicaraguan government spokeswoman …"
  if (t.pos === 'NOUN' && prev?.pos === 'PROPN' && /^(?:quotes|cites|tells)$/i.test(t.value)) return false;
  if (isNpWord(t)) return true;
  const next = tokens[i + 1];
  // a plural possessive's apostrophe, a token of its own: "the National Students' Union", "the Clintons’ foundation"
  if ((t.value === "'" || t.value === '\u2019') && prev && next && prev.end === t.start && /s$/i.test(prev.value) && next.start > t.end && isNpWord(next)) return true;
  if (t.value === '-' && prev && next && prev.end === t.start && t.end === next.start && isNpWord(prev) && isNpWord(next)) return true;
  if (/^one$/i.test(t.value)) return !!next && isNpWord(next);
  // participle adjectives: "one unaligned Florida strategist", "a retired general"
  if (t.pos === 'VERB' && /^\p{Ll}+(?:ed|ing)$/u.test(t.value) && prev && next && (prev.pos === 'DET' || prev.pos === 'NUM' || prev.pos === 'ADJ' || /^one$/i.test(prev.value)) && isNpWord(next) && next.pos !== 'DET') return true;
  // (a first name wink reads as a verb or auxiliary before a surname: "Josh Earnest", "Will Moy")
  if ((t.pos === 'VERB' || (t.pos === 'AUX' && t.value === 'Will')) && /^\p{Lu}\p{Ll}+$/u.test(t.value) && next && /^\p{Lu}/u.test(next.value) && next.pos === 'PROPN') return true;
  // a surname mis-tagged as a verb right after an inverted speech verb, closing the clause: "…,” says Ward."
  if (t.pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.value) && prev && REPORTING_VERBS.has(prev.value.toLowerCase()) && next && /^[.,;!?]$/.test(next.value)) return true;
  // a surname mis-tagged as a verb right before the speech verb: "Welch added", "Hoover estimated"
  if (t.pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.value) && next && next.pos === 'VERB' && REPORTING_VERBS.has(next.value.toLowerCase()) && !REPORTING_VERBS.has(t.value.toLowerCase())) return true;
  // a capitalised surname mis-tagged as a verb after a first name: "Charlie Cook wrote"
  if (t.pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.value) && prev && prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.value) && prev.end + 1 >= t.start) return true;
  return false;
}

function isHead(t: Token): boolean {
  if (t.pos === 'PRON') return false;
  return t.pos === 'NOUN' || t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.value) && t.pos !== 'PUNCT' && t.pos !== 'DET') || /^\d+(?:st|nd|rd|th)$/i.test(t.value);
}

export function isPronoun(t: Token): boolean {
  return t.pos === 'PRON' && Object.prototype.hasOwnProperty.call(PERSONAL_PRONOUNS, t.value.toLowerCase());
}

/**
 * The noun phrase that ends right before token `end` (exclusive), not reaching
 * before `min`. Returns null when there is none. Accepts linking "of/from/close to"
 * between nouns ("a Ukrainian officer from the 93rd Mechanized Brigade").
 */
const TEMPORAL = /^(?:week|weeks|month|months|year|years|day|days|monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning|afternoon|evening|today|yesterday|tonight|time|ago|hour|hours|minute|minutes|weekend|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * The noun phrase that ends right before token `end`, skipping a time phrase
 * ("The State Department less than two weeks ago said", "Feinstein (D-Calif.) last week said").
 */
export function npBefore(tokens: Token[], end: number, min: number, maxLen = 14): TokenRange | null {
  let np = npBeforeRaw(tokens, end, min, maxLen);
  // a time phrase closing a longer phrase: "a TV report late last month (that said)" → "a TV report"
  if (np && TEMPORAL.test(tokens[np[1] - 1].value)) {
    let k = np[1] - 1;
    while (k > np[0] && (TEMPORAL.test(tokens[k].value) || TIME_QUALIFIER.test(tokens[k].value))) k--;
    if (k < np[1] - 2 && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN') && !TEMPORAL.test(tokens[k].value)) np = [np[0], k + 1];
  }
  for (let round = 0; np && round < 2 && TEMPORAL.test(tokens[np[1] - 1].value); round++) {
    let i = np[0];
    // skip "less than", "more than", "just", "on", "earlier this"…
    let skipped = 0;
    while (i - 1 >= min && skipped < 3 && /^(?:ADV|ADP|ADJ|SCONJ|PART)$/.test(tokens[i - 1].pos) && tokens[i - 1].value !== ',') {
      i--;
      skipped++;
    }
    np = npBeforeRaw(tokens, i, min, maxLen);
  }
  return np && afterMedium(tokens, np);
}

/** Words that open or qualify a time phrase ("late last month", "earlier this week"). */
const TIME_QUALIFIER = /^(?:last|next|this|early|late|earlier|later|each|every|same|previous)$/i;

/** Nouns for where something was said, not who said it ("In a Bloomberg interview Trump declared"). */
const MEDIUM_NOUNS = new Set(
  ('interview interviews statement statements speech speeches letter letters email emails tweet tweets post posts ' +
    'report reports article op-ed memo video appearance briefing conference hearing debate rally podcast broadcast ' +
    'filing book essay column remarks address testimony').split(' '),
);

/** A phrase ending "<medium noun> <Name>" is the name alone: "a Bloomberg interview Trump" → "Trump". */
function afterMedium(tokens: Token[], np: TokenRange): TokenRange {
  let k = np[1] - 1;
  while (k > np[0] && /^\p{Lu}/u.test(tokens[k].value) && tokens[k].pos !== 'PUNCT') k--;
  if (k < np[1] - 1 && k >= np[0] && MEDIUM_NOUNS.has(tokens[k].value)) return [k + 1, np[1]];
  return np;
}

function npBeforeRaw(tokens: Token[], end: number, min: number, maxLen: number): TokenRange | null {
  let i = end - 1;
  // a parenthesis right before the verb ("Dianne Feinstein (D-Calif.) said"): step over it
  if (i >= min && tokens[i].value === ')') {
    let k = i - 1;
    while (k >= min && k > i - 8 && tokens[k].value !== '(') k--;
    if (k >= min && tokens[k].value === '(') {
      const inner = npBeforeRaw(tokens, k, min, maxLen);
      return inner ? [inner[0], end] : null;
    }
  }
  // skip adverbs/auxiliaries between subject and verb ("Hill also said", "he has said")
  while (i >= min && i >= end - 3 && (tokens[i].pos === 'ADV' || tokens[i].pos === 'AUX' || tokens[i].pos === 'PART') && !/^['’]s$/.test(tokens[i].value)) i--;
  if (i < min) return null;
  if (isPronoun(tokens[i])) return [i, i + 1];
  const age = ageStart(tokens, i, min);
  if (age >= 0) return [age, i + 1];
  if (!npWordAt(tokens, i) || !isHead(tokens[i])) return null;
  const last = i;
  let first = i;
  i--;
  while (i >= min && last - i < maxLen) {
    const t = tokens[i];
    // a time phrase before a name is no part of it: "This afternoon Ottawa Police posted"
    if (TEMPORAL.test(t.value) && /^\p{Ll}/u.test(t.value) && tokens[i + 1].pos === 'PROPN' && /^\p{Lu}/u.test(tokens[i + 1].value)) break;
    if (npWordAt(tokens, i)) {
      first = i;
      i--;
      // a determiner opens the phrase: go on only over a linking preposition ("officer from the …")
      if ((t.pos === 'DET' || POSSESSIVE_DETS.has(t.value.toLowerCase())) && !(i >= min && (tokens[i].pos === 'ADP' || tokens[i].pos === 'PART') && LINK_ADP.has(tokens[i].value.toLowerCase()))) break;
      continue;
    }
    const lw = t.value.toLowerCase();
    // linking preposition: noun ADP (det) noun…
    if ((t.pos === 'ADP' || t.pos === 'PART') && LINK_ADP.has(lw) && i - 1 >= min) {
      let j = i - 1;
      if (LINK_ADJ.has(tokens[j].value.toLowerCase())) j--; // "close to", "familiar with"
      // "Trump in his speech called": a name takes no locative modifier ("officials in Kyiv" do)
      const locativeAfterName = /^(?:in|on|at)$/.test(lw) && tokens[j]?.pos === 'PROPN';
      if (j >= min && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN') && !locativeAfterName) {
        first = j;
        i = j - 1;
        continue;
      }
    }
    if (lw === 'and' && i - 1 >= min && tokens[i - 1].pos === 'PROPN' && tokens[i + 1]?.pos === 'PROPN') {
      i--;
      continue;
    }
    break;
  }
  // Sentence-initial capitalised adverb/adjective misread as part of the NP is rare; trim leading prepositions.
  while (first < last && (tokens[first].pos === 'ADP' || tokens[first].pos === 'CCONJ')) first++;
  return [first, last + 1];
}

/**
 * Start of an age standing for a person, ending at token `i`: "the 56-year-old", "a 43-year-old" (wink splits it
 * into "56 - year - old"); -1 when there is none.
 */
function ageStart(tokens: Token[], i: number, min: number): number {
  if (i - 4 < min || !/^old$/i.test(tokens[i].value)) return -1;
  const [n, d1, y, d2] = [tokens[i - 4], tokens[i - 3], tokens[i - 2], tokens[i - 1]];
  if (d1.value !== '-' || d2.value !== '-' || !/^years?$/i.test(y.value) || !/^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)$/i.test(n.value)) return -1;
  if (n.end !== d1.start || d1.end !== y.start || y.end !== d2.start || d2.end !== tokens[i].start) return -1;
  const det = tokens[i - 5];
  return i - 5 >= min && det && /^(?:the|a|an)$/i.test(det.value) ? i - 5 : i - 4;
}

/** Abbreviations of titles and ranks whose full stop does not end a sentence ("Rear Adm. John Kirby"). */
const TITLE_ABBREVIATION = /^(?:Adm|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Maj|Cmdr|Cpl|Pvt|Dr|Mr|Mrs|Ms|Prof|Rev|Det|Insp|Supt|Ofc|Atty|Amb|Jr|Sr|St)$/;

/** Token `i` is the full stop of a title abbreviation, written right after it and followed by a capitalised word. */
export function isAbbreviationDot(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return t?.value === '.' && prev !== undefined && prev.end === t.start && TITLE_ABBREVIATION.test(prev.value) && next !== undefined && /^\p{Lu}/u.test(next.value);
}

/** The noun phrase that starts at token `start`, not reaching `max` (exclusive). */
export function npAfter(tokens: Token[], start: number, max: number, maxLen = 14): TokenRange | null {
  let i = start;
  if (i >= max) return null;
  if (isPronoun(tokens[i])) return [i, i + 1];
  if (!npWordAt(tokens, i)) return null;
  let last = -1;
  while (i < max && i - start < maxLen) {
    const t = tokens[i];
    if (isAbbreviationDot(tokens, i)) {
      i++;
      continue;
    }
    if (npWordAt(tokens, i)) {
      // a determiner only opens a phrase (or follows a linking preposition)
      if ((t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVE_DETS.has(t.value.toLowerCase()))) && i > start && tokens[i - 1].pos !== 'ADP') break;
      if (isHead(t)) last = i;
      i++;
      continue;
    }
    // a party and state after a name: "Sen. Claire McCaskill (D-Mo.) said"
    if (t.value === '(' && last === i - 1 && tokens[last].pos === 'PROPN') {
      const close = partyTagEnd(tokens, i, max);
      // (the phrase ends there: "Rep. Bobby Scott (D-Va.) at the time")
      if (close > 0) return [start, close + 1];
    }
    const lw = t.value.toLowerCase();
    const afterLinkAdj = i > start && LINK_ADJ.has(tokens[i - 1].value.toLowerCase());
    // "adviser to Trump", "aide to President Bush": "to" after a role noun
    const roleTo = lw === 'to' && last === i - 1 && ROLE_NOUNS.has(tokens[i - 1].value.toLowerCase());
    if (t.pos === 'ADP' && LINK_ADP.has(lw) && (last === i - 1 || afterLinkAdj) && i + 1 < max && isNpWord(tokens[i + 1]) && (afterLinkAdj || roleTo || (lw !== 'in' && lw !== 'on' && lw !== 'to'))) {
      i++;
      continue;
    }
    break;
  }
  if (last < start) return null;
  return [start, last + 1];
}

/**
 * Like `npBefore`, but also takes "Name, appositive," before the verb:
 * "John Smith, a former adviser to the president, said" → the whole phrase.
 */
export function npBeforeAppositive(tokens: Token[], end: number, min: number): TokenRange | null {
  const direct = npBefore(tokens, end, min);
  if (direct) {
    // "Name, description said" is rare; "description, Name, said" handled below too
    return direct;
  }
  let e = end - 1;
  while (e >= min && e >= end - 3 && (tokens[e].pos === 'ADV' || tokens[e].pos === 'AUX')) e--;
  if (e < min || tokens[e].value !== ',') return null;
  // an age set off by commas: "Somers, 33, says"
  if (e - 2 >= min && /^\d{1,3}$/.test(tokens[e - 1].value) && tokens[e - 2].value === ',') {
    const who = npBefore(tokens, e - 2, min, 6);
    if (who && !isPronoun(tokens[who[0]])) return [who[0], e];
  }
  const app = npBefore(tokens, e, min, 16);
  if (!app) return null;
  // "Ted Cruz (R-Texas), also a GOP presidential hopeful, called": an adverb may open the appositive
  let c = app[0] - 1;
  while (c >= min && c >= app[0] - 2 && tokens[c].pos === 'ADV') c--;
  if (c < min || tokens[c].value !== ',') return null;
  const head = npBefore(tokens, c, min, 6);
  if (!head || isPronoun(tokens[head[0]])) return null;
  // "James Martin, editor-at-large of America, a Catholic magazine, said": a head that is a preposition's
  // object ("of America") ends a longer appositive and is not the subject (the caller looks further back)
  if (head[0] - 1 >= min && /^(?:of|at|for|with|in|from)$/i.test(tokens[head[0] - 1].value)) return null;
  return [head[0], app[1]];
}

/**
 * The index of the ")" closing a short parenthetical of capitalised words opened at `open` ("(D-Mo.)",
 * "(R-S.C.)", "(I-Vt.)", "(R)"), or -1.
 */
function partyTagEnd(tokens: Token[], open: number, max: number): number {
  for (let k = open + 1; k < max && k <= open + 7; k++) {
    const v = tokens[k].value;
    if (v === ')') return k > open + 1 && /^\p{Lu}/u.test(tokens[open + 1].value) ? k : -1;
    if (!/^(?:\p{Lu}[\p{L}.]*|[-–.])$/u.test(v)) return -1;
  }
  return -1;
}
