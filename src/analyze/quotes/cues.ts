import type { Token } from '../nlp.js';
import { INVERTIBLE_VERBS, OBJECT_SPEAKER_VERBS, REPORTING_VERBS, ROLE_NOUNS, STANCE_VERBS } from './lexicon.js';
import { isAbbreviationDot, isPronoun, npAfter, npBefore, npBeforeAppositive, type TokenRange } from './noun-phrase.js';

/** A reporting cue found next to a quote: the speaker phrase and the verb, as token ranges. */
export interface Cue {
  speaker: TokenRange | null;
  verb: number;
  /** Where the cue was found relative to the quote. */
  side: 'after' | 'before';
}

const SENTENCE_END = /^[.!?\u2026]+$/;

/**
 * Is token `k` a quote mark? Double marks and ‘ always; a straight ' or a ’ only where it stands as one
 * (British style): opening (a space before it, none after) or closing right after punctuation ("…,' he
 * said") — not the apostrophe of "the students' union".
 */
export function isQuoteToken(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (/^["\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018]$/.test(t.value)) return true;
  if (t.value !== "'" && t.value !== '\u2019') return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const spaceBefore = !prev || prev.end < t.start;
  const spaceAfter = !next || next.start > t.end;
  if (spaceBefore) return !spaceAfter;
  return /^[.,!?\u2026]$/.test(prev.value);
}

/** Verbs that report speech only right after a quote (“…?” Hannity pressed). */
const AFTER_ONLY_VERBS = new Set(['pressed', 'began', 'started', 'interrupted', 'offered', 'laughed', 'chimed', 'shot', 'went', 'joked', 'quipped', 'conceded', 'sighed', 'smiled', 'cracked', 'teased', 'countered', 'protested', 'objected', 'persisted', 'pleaded', 'begged', 'recalled', 'reasoned', 'speculated', 'noted', 'intoned', 'captioned', 'captions', 'marvels', 'marveled', 'marvelled', 'gushed', 'gushes', 'fumed', 'raged',
  // lyrics and shouts ("…,” Bary raps." — wink may read "raps" as a noun)
  'raps', 'rapped', 'sings', 'sang', 'chants', 'chanted', 'shouts', 'shouted', 'yells', 'yelled', 'screams', 'screamed', 'laughs', 'jokes', 'cries', 'cried']);

export function isReportingVerb(t: Token, allowStance: boolean, afterQuote = false): boolean {
  const lw = t.value.toLowerCase();
  if (afterQuote && AFTER_ONLY_VERBS.has(lw)) return true;
  if (!REPORTING_VERBS.has(lw)) return false;
  if (!allowStance && STANCE_VERBS.has(lw)) return false;
  // "…,” comments Robin Biesbroek": after a quote, an invertible verb is one whatever wink reads it as
  if (afterQuote && INVERTIBLE_VERBS.has(lw)) return true;
  // "reports"/"calls"/"notes" as nouns: require a verb reading unless it is a core speech verb
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && !/^(?:said|says|told|tells|added|adds|wrote|writes)$/.test(lw)) return false;
  return true;
}

function skipAdverbs(tokens: Token[], i: number, max: number): number {
  let k = i;
  while (k < max && k < i + 2 && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX') && !isReportingVerb(tokens[k], false)) k++;
  return k;
}

/**
 * Cue right after a closing mark: `,” a Kremlin spokesman told Bloomberg`, `,” said Peskov`,
 * `,” Peskov, the Kremlin spokesman, said`. `from` is the first token after the closing mark.
 */
export function cueAfter(tokens: Token[], from: number, limit: number, quoteEndsSentence = false): Cue | null {
  const cue = cueAfterRaw(tokens, from, limit);
  if (!cue || !quoteEndsSentence) return cue;
  // “… over.” Smith said the talks … — a new sentence, not this quote's cue
  let k = cue.verb + 1;
  let n = 0;
  while (k < limit && !SENTENCE_END.test(tokens[k].value) && !isQuoteToken(tokens, k) && tokens[k].value !== ',') {
    k++;
    n++;
  }
  return n <= (cue.side === 'after' && cue.speaker && cue.speaker[0] > cue.verb ? 8 : 4) ? cue : null;
}

function cueAfterRaw(tokens: Token[], from: number, limit: number): Cue | null {
  return cueDashSignature(tokens, from, limit) ?? cueAfterAt(tokens, from, limit) ?? cueAfterClause(tokens, from, limit);
}

/**
 * A quote signed with a dash: `“…” ― Sonya Herridge` / `“…” — Carla Sanchez, 45, of Texas`. The dash
 * is the cue (as in PolNeAR) and the name after it the speaker; the name must end the line, the
 * block, the sentence or stand before a comma.
 */
function cueDashSignature(tokens: Token[], from: number, limit: number): Cue | null {
  if (from >= limit || !/^[\u2015\u2014\u2013]$/.test(tokens[from].value)) return null;
  let k = from + 1;
  let names = 0;
  while (k < limit && k - from <= 6) {
    const t = tokens[k];
    if (t.pos === 'PROPN') names++;
    else if (!(/^[A-Z]$/.test(t.value) || (t.value === '.' && /^[A-Z]$/.test(tokens[k - 1].value)))) break;
    k++;
  }
  if (names === 0) return null;
  const next = tokens[k];
  const ends = k >= limit || next.pos === 'SPACE' || (k < tokens.length && isQuoteToken(tokens, k)) || next.value === ',' || SENTENCE_END.test(next.value);
  return ends ? { speaker: [from + 1, k], verb: from, side: 'after' } : null;
}

/** "…” in the 2008 primary, said Paul Beck." — a clause-final cue after a short phrase and a comma. */
function cueAfterClause(tokens: Token[], from: number, limit: number): Cue | null {
  for (let k = from; k < limit && k < from + 10; k++) {
    const t = tokens[k];
    if (SENTENCE_END.test(t.value) || isQuoteToken(tokens, k)) return null;
    if (t.value !== ',' || k === from) continue;
    const cue = cueAfterAt(tokens, k + 1, limit);
    if (!cue) return null;
    // the cue must close the sentence
    let e = Math.max(cue.verb, cue.speaker ? cue.speaker[1] - 1 : cue.verb) + 1;
    let n = 0;
    while (e < limit && !SENTENCE_END.test(tokens[e].value) && !isQuoteToken(tokens, e)) {
      e++;
      n++;
    }
    return n <= 4 ? cue : null;
  }
  return null;
}

function cueAfterAt(tokens: Token[], from: number, limit: number): Cue | null {
  let k = from;
  while (k < limit && tokens[k].pos === 'PUNCT' && /^[,\u2014\u2013-]$/.test(tokens[k].value)) k++;
  if (k >= limit) return null;
  let max = k;
  // (the full stop of "(D-Mo.)" ends no sentence)
  while (max < limit && max - k < 32 && (!SENTENCE_END.test(tokens[max].value) || isAbbreviationDot(tokens, max) || (tokens[max].value === '.' && tokens[max + 1]?.value === ')'))) {
    if (isQuoteToken(tokens, max)) {
      // (a job title in marks after a possessive goes on with the phrase: 'the school’s “Inclusive Community
      // Wellbeing Director” told')
      const close = possessiveTitleEnd(tokens, max, limit);
      if (close < 0) break;
      max = close;
    }
    max++;
  }
  // inverted: said Peskov
  if (isReportingVerb(tokens[k], false, true) && INVERTIBLE_VERBS.has(tokens[k].value.toLowerCase())) {
    const np = npAfter(tokens, k + 1, max) ?? oneOf(tokens, k + 1, max);
    return { speaker: np ? toSentenceEnd(tokens, withAppositive(tokens, np, max), max) : null, verb: k, side: 'after' };
  }
  // "the “new Gannett,” as Reed dubbed the combination": "as" + the speaker + a speech or naming verb
  if (/^as$/i.test(tokens[k].value)) {
    const who = npAfter(tokens, k + 1, max);
    const w = who ? skipAdverbs(tokens, who[1], max) : max;
    if (who && w < max && isReportingVerb(tokens[w], true, true)) return { speaker: who, verb: w, side: 'after' };
  }
  // ("…,” one of the protesters said")
  const np = npAfter(tokens, k, max) ?? oneOf(tokens, k, max);
  if (!np) return null;
  let v = skipAdverbs(tokens, np[1], max);
  if (v < max && isReportingVerb(tokens[v], false, true)) return { speaker: quotedAs(tokens, v, max) ?? np, verb: v, side: 'after' };
  // "…,” Viguerie notes." / "…,' one of the Marines marvels." — a speech verb mis-tagged as a noun, swallowed by the phrase
  const lastTok = tokens[np[1] - 1];
  const lastWord = lastTok.value.toLowerCase();
  if (np[1] - np[0] >= 2 && ((REPORTING_VERBS.has(lastWord) && !STANCE_VERBS.has(lastWord)) || AFTER_ONLY_VERBS.has(lastWord)) &&
      (np[1] >= max || SENTENCE_END.test(tokens[np[1]].value) || tokens[np[1]].value === ',')) {
    return { speaker: [np[0], np[1] - 1], verb: np[1] - 1, side: 'after' };
  }
  // … or standing right after it, closing the clause
  if (v < max && REPORTING_VERBS.has(tokens[v].value.toLowerCase()) && !STANCE_VERBS.has(tokens[v].value.toLowerCase()) &&
      (v + 1 >= max || SENTENCE_END.test(tokens[v + 1].value) || tokens[v + 1].value === ',')) {
    return { speaker: np, verb: v, side: 'after' };
  }
  // appositive: Peskov, the Kremlin spokesman, said (or, its comma left out, "… think tank told")
  const app = withAppositive(tokens, np, max);
  if (app !== np) {
    v = skipAdverbs(tokens, tokens[app[1]]?.value === ',' ? app[1] + 1 : app[1], max);
    if (v < max && isReportingVerb(tokens[v], false, true)) return { speaker: app, verb: v, side: 'after' };
  }
  return null;
}

/**
 * The index of the mark closing a short title-cased run in marks opened at `open` right after a possessive ("the
 * school’s “Inclusive Community Wellbeing Director”"), or -1.
 */
function possessiveTitleEnd(tokens: Token[], open: number, limit: number): number {
  if (!/^['’]s?$/.test(tokens[open - 1]?.value ?? '') && !/['’]$/.test(tokens[open - 1]?.value ?? '')) return -1;
  let caps = 0;
  for (let k = open + 1; k < limit && k <= open + 7; k++) {
    if (isQuoteToken(tokens, k)) return caps >= 2 && k > open + 1 ? k : -1;
    if (/^\p{Lu}/u.test(tokens[k].value)) caps++;
    else if (!/^(?:of|and|for|the|&|-)$/.test(tokens[k].value)) return -1;
  }
  return -1;
}

/** "said one." / "said another," / "said one of the fans" — an unnamed one of those just mentioned. */
function oneOf(tokens: Token[], k: number, max: number): TokenRange | null {
  if (k >= tokens.length || !/^(?:one|another)$/i.test(tokens[k].value)) return null;
  // "said one of the fans"
  if (tokens[k + 1]?.value.toLowerCase() === 'of') {
    const np = npAfter(tokens, k + 2, max);
    return np ? [k, np[1]] : null;
  }
  return k + 1 >= max || tokens[k + 1].value === ',' || SENTENCE_END.test(tokens[k + 1].value) ? [k, k + 1] : null;
}

/** Extend `np` over ", <NP>," when followed by a comma (an appositive). */
function withAppositive(tokens: Token[], np: TokenRange, max: number): TokenRange {
  if (np[1] < max && tokens[np[1]].value === ',' && /^(?:who|which)$/i.test(tokens[np[1] + 1]?.value ?? '')) {
    // "Valdez Anderson, who works at … in Sacramento, said": the relative clause runs to the comma before the verb
    for (let k = np[1] + 2; k < max && k < np[1] + 30; k++) {
      if (tokens[k].value === ',' && k + 1 < max && isReportingVerb(tokens[k + 1], false, true)) return [np[0], k];
      if (tokens[k].value === ',' && k + 1 >= max) return [np[0], k];
    }
    return np;
  }
  if (np[1] < max && tokens[np[1]].value === ',') {
    const second = npAfter(tokens, np[1] + 1, max);
    if (second && !isPronoun(tokens[second[0]]) && (second[1] >= max || tokens[second[1]].value === ',' || SENTENCE_END.test(tokens[second[1]].value))) {
      // "John Smith, a professor at Syracuse University, a private school in New York, said": a second
      // appositive (of the first's last noun) when a reporting verb follows it
      const c = second[1];
      const third = tokens[c + 1];
      if (c + 1 < max && tokens[c].value === ',' && !isPronoun(third) && /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(third.pos)) {
        for (let k = c + 2; k < max && k < c + 16; k++) {
          const t = tokens[k];
          if (SENTENCE_END.test(t.value) || isQuoteToken(tokens, k) || t.pos === 'VERB' || t.pos === 'AUX') break;
          if (t.value === ',') {
            if (k + 1 < max && isReportingVerb(tokens[k + 1], false, true)) return [np[0], k];
            break;
          }
        }
      }
      return [np[0], second[1]];
    }
    // a longer appositive ("Gene Sperling, a top outside Clinton adviser, said"): up to the comma before a reporting verb
    const opener = tokens[np[1] + 1];
    // (", of RBC Capital Markets, said": an affiliation)
    if (opener && !isPronoun(opener) && (/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(opener.pos) || /^of$/i.test(opener.value))) {
      for (let k = np[1] + 1; k < max && k < np[1] + 30; k++) {
        if (isQuoteToken(tokens, k)) {
          // (over a job title in marks: 'the school’s “Inclusive Community Wellbeing Director” told')
          const close = possessiveTitleEnd(tokens, k, max);
          if (close < 0) break;
          k = close;
          continue;
        }
        if (SENTENCE_END.test(tokens[k].value)) break;
        // the appositive's closing comma left out before a core speech verb ("Kurinji Selvaraj, a research analyst at
        // the … Council on Energy, Environment and Water think tank told Vox"): the phrase ends at the verb
        if (isReportingVerb(tokens[k], false)) {
          if (k > np[1] + 3 && /^(?:said|says|told|tells|added|adds|wrote|writes)$/i.test(tokens[k].value) && (/^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos) || isQuoteToken(tokens, k - 1))) return [np[0], k];
          break;
        }
        if (tokens[k].value === ',' && k + 1 < max && isReportingVerb(tokens[k + 1], false, true)) return [np[0], k];
      }
    }
  }
  return np;
}

const MODALS = new Set(['to', 'will', 'would', 'can', 'could', 'should', 'might', 'may', 'must', 'shall', "won't", 'wo', 'not', "n't"]);

export interface CueBeforeOptions {
  /** Take the leftmost reporting verb with a subject (partial quotes: the main clause), else the rightmost. */
  leftmost?: boolean;
  /** Tokens to ignore (inside other quotes). */
  skip?: (k: number) => boolean;
}

/**
 * Cue before an opening mark in the same sentence: `Hill said: “…`, `quotes Fiona Hill: "…`,
 * `The spokesman added that Russia preferred … “diplomatic means”`, `according to X, “…`.
 * `from` is the first token of the region (sentence start), `to` the opening mark.
 */
/** Words after which a "verb" is a noun: "made the following comment:", "issued a statement". */
const AFTER_DETERMINER = /^(?:the|a|an|his|its|their|our|my|following)$/i;

/**
 * A colon introduction without a speech verb ("President Clinton released the following statement:",
 * "Band member Flea shared the news, writing:"): the subject of its first verb speaks.
 */
export function cueColonIntro(tokens: Token[], from: number, colon: number): Cue | null {
  // "Here is how bad things got in the words of the patient: “…”": the one whose words they are
  for (let k = from; k + 4 < colon; k++) {
    if (/^in$/i.test(tokens[k].value) && /^the$/i.test(tokens[k + 1].value) && /^words$/i.test(tokens[k + 2].value) && /^of$/i.test(tokens[k + 3].value)) {
      const np = npAfter(tokens, k + 4, colon);
      if (np && np[1] === colon) return { speaker: np, verb: k, side: 'before' };
    }
  }
  // "For Matsekh, one thing is for certain: “…”": the person the sentence opens on is whose view follows
  if (/^for$/i.test(tokens[from]?.value ?? '')) {
    const np = npAfter(tokens, from + 1, colon);
    if (np && tokens[np[1]]?.value === ',' && np[1] - np[0] <= 4 && tokens.slice(np[0], np[1]).every((t) => t.pos === 'PROPN' || t.value === '.')) {
      return { speaker: np, verb: from, side: 'before' };
    }
  }
  // skip a leading subordinate clause ("When Wallace died in 1998, …")
  if (/^(?:when|if|as|after|before|while|although|though|because|since|once|until|whereas)$/i.test(tokens[from]?.value ?? '')) {
    let k = from;
    while (k < colon && tokens[k].value !== ',') k++;
    if (k < colon) from = k + 1;
  }
  for (let v = colon - 1; v >= from; v--) {
    const t = tokens[v];
    if (t.pos !== 'VERB' || /^\p{Lu}/u.test(t.value) || (v > from && AFTER_DETERMINER.test(tokens[v - 1].value))) continue;
    // (an infinitive has no subject of its own: "Lopa Blumenthal, appeared on CNN to discuss the tape:")
    if (v > from && /^to$/i.test(tokens[v - 1].value)) continue;
    const subj = subjectBefore(tokens, v, from);
    if (subj) return { speaker: subj, verb: v, side: 'before' };
  }
  return null;
}

export function cueBefore(tokens: Token[], from: number, to: number, opts: CueBeforeOptions = {}): Cue | null {
  let fallback: Cue | null = null;
  let chosen: Cue | null = null;
  for (let v = from; v < to; v++) {
    if (opts.skip?.(v)) continue;
    const cue = cueAtVerb(tokens, v, from, to, opts.skip);
    if (!cue) continue;
    if (cue.speaker) {
      chosen = cue;
      if (opts.leftmost) break;
    } else fallback = cue;
  }
  return chosen ?? fallback;
}

function cueAtVerb(tokens: Token[], v: number, from: number, to: number, skip?: (k: number) => boolean): Cue | null {
  const t = tokens[v];
  const lw = t.value.toLowerCase();
  if (lw === 'according' && tokens[v + 1]?.value.toLowerCase() === 'to') {
    const np = npAfter(tokens, v + 2, to);
    return np ? { speaker: np, verb: v, side: 'before' } : null;
  }
  // a passive of belief ("Emwazi, believed to be aged 27, was known … as a “person of interest” …, according to the
  // BBC"): whoever believes it is not named there
  if (/^(?:believed|thought|known|understood|reported|alleged|rumou?red|considered|said)$/.test(lw) && /^to$/i.test(tokens[v + 1]?.value ?? '') && /^(?:be|have)$/i.test(tokens[v + 2]?.value ?? '')) return null;
  // phrasal reporting verbs: "shot back", "fired back", "hit back", "chimed in", "went on"
  if (/^(?:shot|shoots|fired|fires|hit|hits|pushed|snapped|chimed|chimes|went|goes)$/.test(lw) && /^(?:back|in|on)$/i.test(tokens[v + 1]?.value ?? '') && /^[,:]$/.test(tokens[v + 2]?.value ?? ',')) {
    const np = subjectBefore(tokens, v, from);
    return np ? { speaker: np, verb: v, side: 'before' } : null;
  }
  if (/^(?:puts?|putting)$/.test(lw) && tokens[v + 1]?.value.toLowerCase() === 'it') {
    const np = subjectBefore(tokens, v, from);
    return np ? { speaker: np, verb: v, side: 'before' } : null;
  }
  // "Donald Trump’s claim that there have been “thousands of shootings”": a possessor's claim (a noun of saying
  // before "that") is the possessor's
  if (CLAIM_NOUNS.has(lw) && v - 1 > from && /^['’]s$/.test(tokens[v - 1].value) && /^that$/i.test(tokens[v + 1]?.value ?? '')) {
    const owner = npBefore(tokens, v - 1, from);
    if (!owner || isPronoun(tokens[owner[0]])) return null;
    // (the possessor only: "a fact-check on [Donald Trump’s] claim")
    let o = owner[0];
    for (let k = owner[0]; k < v - 1; k++) if (tokens[k].pos === 'ADP') o = k + 1;
    return o < v - 1 ? { speaker: [o, v], verb: v, side: 'before' } : null;
  }
  if (!isReportingVerb(t, true)) return null;
  // "made the following comment:", "issued a statement": after a determiner the word is a noun
  if (v > from && AFTER_DETERMINER.test(tokens[v - 1].value)) return null;
  // "to say", "will tell", "can't add": not a report of what was said
  let p = v - 1;
  while (p >= from && tokens[p].pos === 'ADV') p--;
  if (p >= from && MODALS.has(tokens[p].value.toLowerCase()) && !/(?:ed|s)$/.test(lw)) return null;
  // "In a Facebook message posted Friday, Cruz said": a participle right after a preposition's noun phrase
  // modifies it (a reduced relative); it reports nothing
  if (/\p{Ll}ed$/u.test(t.value)) {
    const modified = npBefore(tokens, v, from);
    // (as when the phrase sits between subject and verb: "Trump in his announcement speech called", whose subject is
    // found before the phrase; not after a participle: "Protesters marching through the streets chanted")
    const adp = modified ? modified[0] - 1 : -1;
    const afterParticiple = adp - 1 >= from && tokens[adp - 1].pos === 'VERB' && /ing$/i.test(tokens[adp - 1].value);
    if (modified && modified[1] === v && adp >= from && !afterParticiple && tokens[adp].pos === 'ADP' && /^(?:in|on|at|from|with|for|of|by|through|via)$/i.test(tokens[adp].value)) return null;
  }
  // "HP is called “feather duvet lung”", "what is known as": a passive naming verb names a thing, nobody speaks
  if (lw === 'called' && p >= from && /^(?:is|are|was|were|be|been|being|'s|’s)$/i.test(tokens[p].value)) return null;
  // "the so-called “Florida Man”"
  if (lw === 'called' && v >= 2 && tokens[v - 1].value === '-' && /^so$/i.test(tokens[v - 2].value)) return null;
  if (OBJECT_SPEAKER_VERBS.has(lw)) {
    const np = npAfter(tokens, v + 1, to);
    return np ? { speaker: np, verb: v, side: 'before' } : null;
  }
  // "The woman was described by officials as “one of his wives”": the agent of a passive speech verb speaks
  if (p >= from && /^(?:is|are|was|were|be|been|being)$/i.test(tokens[p].value) && /^by$/i.test(tokens[v + 1]?.value ?? '')) {
    const agent = npAfter(tokens, v + 2, to);
    if (agent) return { speaker: agent, verb: v, side: 'before' };
  }
  // ("… quoted a senior official as saying: “…”": the official, not the reporter)
  if (/^as$/i.test(tokens[v - 1]?.value ?? '')) {
    for (let k = v - 2; k >= from && k >= v - 12; k--) {
      const who = quotedAs(tokens, k, to);
      if (who && who[1] === v - 1) return { speaker: who, verb: v, side: 'before' };
    }
  }
  const np = quotedAs(tokens, v, to) ?? subjectBefore(tokens, v, from);
  if (np && !(skip && skip(np[0]))) return { speaker: np, verb: v, side: 'before' };
  // inverted right before the quote: "said Peskov: “…"
  const after = npAfter(tokens, v + 1, to);
  if (after && INVERTIBLE_VERBS.has(lw) && (after[1] === to || (after[1] === to - 1 && /^[:,]$/.test(tokens[to - 1].value)))) {
    return { speaker: after, verb: v, side: 'before' };
  }
  // "said Edward Leamer, an economist who is …, “is that …": inverted speaker with an appositive up to the quote
  if (after && INVERTIBLE_VERBS.has(lw) && tokens[after[1]]?.value === ',' && /^[:,]$/.test(tokens[to - 1].value) && to - after[1] <= 30) {
    let clean = true;
    for (let k = after[1]; k < to - 1; k++) if (isReportingVerb(tokens[k], false) || SENTENCE_END.test(tokens[k].value)) clean = false;
    if (clean) return { speaker: [after[0], to - 1], verb: v, side: 'before' };
  }
  return { speaker: null, verb: v, side: 'before' };
}

/**
 * Whom a report quotes: "Shekau" in "AFP reported Shekau as saying", "quoted a senior official as telling" — the
 * speaker of the words, the reporter being only their channel. Null when the verb at `v` is not so followed.
 */
function quotedAs(tokens: Token[], v: number, max: number): TokenRange | null {
  if (!/^(?:reported|reports|quoted|quotes|quoting|cited|cites|citing)$/i.test(tokens[v].value)) return null;
  const who = npAfter(tokens, v + 1, max);
  if (!who || who[1] + 1 >= max || !/^as$/i.test(tokens[who[1]].value)) return null;
  return /^(?:saying|telling|writing|stating|adding|declaring|insisting|warning)$/i.test(tokens[who[1] + 1].value) ? who : null;
}

/**
 * The subject of the nearest finite verb before a participle at `v` ("he began by saying"): null
 * when that verb has none, undefined when there is no finite verb before it.
 */
function participleSubject(tokens: Token[], v: number, from: number): TokenRange | null | undefined {
  // the main clause's subject first: "Byrne also wrote the agents knew to brace …, saying" is Byrne's, "The retired
  // neurosurgeon has provided no details about how he planned …, saying" the neurosurgeon's
  const main = mainSubject(tokens, from, v);
  if (main) return main;
  for (let k = v - 1; k > from && k > v - 25; k--) {
    const t = tokens[k];
    // (not an infinitive: "granted Mr. Clarke an extension … to treat polluted runoff …, saying" is the granters')
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/i.test(t.value) && /^\p{Ll}/u.test(t.value) && !/^to$/i.test(tokens[k - 1]?.value ?? '')) {
      let e = k;
      while (e > from && (tokens[e - 1].pos === 'ADV' || tokens[e - 1].pos === 'AUX')) e--;
      const subj = npBeforeAppositive(tokens, e, from);
      if (subj) return subj;
      const start = npAfter(tokens, from, e);
      if (start && start[1] === e) return start;
      return null;
    }
  }
  return undefined;
}

/**
 * The subject opening the sentence [from, …) when a finite verb follows it (after adverbs and auxiliaries) before `v`:
 * "Byrne also wrote …", "In August, several environmental groups granted …" (an opening phrase up to its comma is
 * skipped). Null otherwise.
 */
function mainSubject(tokens: Token[], from: number, v: number): TokenRange | null {
  let s = from;
  if (tokens[s]?.pos === 'ADP') {
    let c = s + 1;
    while (c < v && c < s + 8 && tokens[c].value !== ',') c++;
    if (c < v && tokens[c].value === ',') s = c + 1;
  }
  const np = npAfter(tokens, s, v);
  if (!np || (isPronoun(tokens[np[0]]) && np[1] - np[0] > 1)) return null;
  let k = np[1];
  while (k < v && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX')) k++;
  const t = tokens[k];
  if (k >= v || !t || !(t.pos === 'VERB' || t.pos === 'AUX' || (k > np[1] && tokens[k - 1].pos === 'AUX')) || !/^\p{Ll}/u.test(t.value) || /ing$/i.test(t.value)) return null;
  // (a clause joined after it has a subject of its own: "the effort stalled, and he has battled …, calling")
  for (let j = k + 1; j + 1 < v; j++) if (tokens[j].value === ',' && /^(?:and|but|yet|while)$/i.test(tokens[j + 1].value)) return null;
  return np;
}

const DOCUMENT_HEAD = /^(?:statement|statements|letter|report|release|memo|post|tweet|tweets|message|note|video|email|op-ed|column|filing|interview|language)$/i;

/** Nouns of saying whose possessor speaks: "Trump's claim that …". */
const CLAIM_NOUNS = new Set(
  ('claim claims assertion assertions statement suggestion argument contention insistence promise pledge vow warning charge ' +
    'accusation allegation declaration remark comment complaint boast prediction admission denial explanation insinuation').split(' '),
);

const SUBORDINATOR = /^(?:after|before|when|whenever|while|since|until|upon|if|because|although|though|once|as)$/i;

/**
 * The subject of the verb at `v`: the noun phrase right before it (with an
 * appositive), or — when a coordination or a long appositive intervenes
 * ("X caucused and says", "Rich Heffley, a top operative who …, said") — the
 * noun phrase opening the sentence.
 */
/** "footage of Hillary Clinton (asking)": the person, not the recording of them. */
function withoutRecording(tokens: Token[], np: TokenRange): TokenRange {
  const of = np[0] + 1;
  if (of + 1 < np[1] && /^(?:footage|video|videos|audio|clip|clips|recording|recordings|tape|tapes|images)$/i.test(tokens[np[0]].value) && tokens[of].value.toLowerCase() === 'of') return [of + 1, np[1]];
  return np;
}

export function subjectBefore(tokens: Token[], v: number, from: number): TokenRange | null {
  // "Mike Lee, who declared …": the relative pronoun's antecedent
  // ("a TV report late last month that said …": "that" after a noun)
  if (v - 1 >= from && (/^(?:who|which)$/i.test(tokens[v - 1].value) || (/^that$/i.test(tokens[v - 1].value) && v - 2 >= from && /^(?:NOUN|PROPN)$/.test(tokens[v - 2].pos)))) {
    const end = v - 2 >= from && tokens[v - 2].value === ',' ? v - 2 : v - 1;
    const ante = npBefore(tokens, end, from);
    if (ante) {
      // "an endorsement from Mike Lee, who declared": the person, not the whole phrase
      let k = ante[1];
      while (k > ante[0] && tokens[k - 1].pos === 'PROPN') k--;
      if (k > ante[0] && k < ante[1] && tokens[k - 1].pos !== 'PROPN' && /^(?:ADP|DET)$/.test(tokens[k - 1].pos)) return [k, ante[1]];
      return ante;
    }
  }
  const lw = tokens[v].value.toLowerCase();
  const np0 = relativeAntecedent(tokens, v, from) ?? npBeforeAppositive(tokens, v, from);
  // "Protesters marching through the streets chanted": the phrase before a participle and its preposition
  const reduced = np0 && np0[0] - 2 > from && tokens[np0[0] - 1].pos === 'ADP' && tokens[np0[0] - 2].pos === 'VERB' && /ing$/i.test(tokens[np0[0] - 2].value)
    ? npBefore(tokens, np0[0] - 2, from)
    : null;
  const np = reduced && !isPronoun(tokens[reduced[0]]) ? reduced : np0;
  // "After saying …", "When terrorists are revealed …": a subordinator opens no subject
  if (np && SUBORDINATOR.test(tokens[np[0]].value)) return null;
  // "spoke about the death of X in Tulsa, Oklahoma, arguing": after a comma, a participle takes the
  // subject of the finite verb before it, not the phrase next to it ("footage of Trump saying" keeps Trump)
  // "the Security Council issued a statement calling …", "In a statement announcing …": the document
  // is not the speaker; the subject of the main verb is (or, when none precedes, a later cue's)
  if (np && /ing$/.test(lw) && DOCUMENT_HEAD.test(tokens[np[1] - 1].value) && np[0] > from && /^(?:VERB|ADP)$/.test(tokens[np[0] - 1].pos)) {
    return participleSubject(tokens, v, from) ?? null;
  }
  // "Mo Jiwa put a positive spin on the newest perceived flaw saying …": a thing after a finite verb or
  // "on/to/at/about/with" does not speak; the subject of the finite verb does (but "footage of X saying",
  // "praised X for saying")
  if (np && /ing$/.test(lw) && np[0] > from && (/^(?:on|to|at|about|into|with)$/i.test(tokens[np[0] - 1].value) || (tokens[np[0] - 1].pos === 'VERB' && /^\p{Ll}/u.test(tokens[np[0] - 1].value) && !/ing$/.test(tokens[np[0] - 1].value))) && tokens[np[1] - 1].pos === 'NOUN' && !ROLE_NOUNS.has(tokens[np[1] - 1].value.toLowerCase()) && !/\p{Lu}/u.test(tokens[np[1] - 1].value)) {
    const main = participleSubject(tokens, np[0], from);
    if (main && main[1] <= np[0]) return main;
  }
  const afterComma = /ing$/.test(lw) && np !== null && tokens[v - 1]?.value === ',';
  if (afterComma) {
    const main = participleSubject(tokens, v, from);
    if (main && main[1] <= np[0]) return main;
  }
  if (np) return /ing$/.test(lw) ? withoutRecording(tokens, np) : np;
  let p = v - 1;
  while (p >= from && tokens[p].pos === 'ADV') p--;
  if (p < from) return null;
  // a participle ("he began by saying", "endorsed Cruz last week, saying"): the subject of the nearest finite verb before it
  if (/ing$/.test(lw)) {
    const subj = participleSubject(tokens, v, from);
    if (subj !== undefined) return subj;
  }
  if (tokens[p].value.toLowerCase() === 'and' || (tokens[p].value === ',' && /ing$/.test(lw))) {
    const subj = npAfter(tokens, from, v);
    const next = subj ? tokens[subj[1]] : undefined;
    // (a sentence opening on an adverb and a participle's phrase: "Hastily politicizing the tragedy in Nice ― much like
    // he did … ― Trump cast the blame …, and emphasized" — the subject follows the phrase, after a comma or a dash)
    if (subj && next && next.pos === 'VERB' && /ing$/i.test(next.value) && subj[1] - subj[0] === 1 && (tokens[subj[0]].pos === 'ADV' || /ly$/.test(tokens[subj[0]].value))) {
      for (let c = subj[1] + 1; c < p; c++) {
        if (!/^[,\u2015\u2014\u2013]$/.test(tokens[c].value)) continue;
        const after = npAfter(tokens, c + 1, p);
        const verb = after ? tokens[after[1]] : undefined;
        if (after && after[0] === c + 1 && verb && verb.pos === 'VERB' && /^\p{Ll}/u.test(verb.value) && !/ing$/i.test(verb.value)) return after;
      }
      return null;
    }
    if (subj && next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV')) return subj;
  }
  if (tokens[p].value === ',' && p - from <= 45) {
    const subj = npAfter(tokens, from, p);
    if (subj && tokens[subj[1]]?.value === ',' && /^\p{Lu}/u.test(tokens[subj[0]].value)) {
      let relative = false;
      let finite = false;
      for (let k = subj[1]; k < p; k++) {
        if (/^(?:who|which|whose)$/i.test(tokens[k].value)) relative = true;
        // (a participle is no finite verb, an irregular one either: "The brothers, caught on tape by an eyewitness, shouted")
        if ((tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && !relative && /^\p{Ll}/u.test(tokens[k].value) && !/(?:ing|ed)$/.test(tokens[k].value) && !(k === subj[1] + 1 && IRREGULAR_PARTICIPLE.test(tokens[k].value))) finite = true;
      }
      // (a participle's phrase is no part of the speaker's name or description: "The brothers")
      const after = tokens[subj[1] + 1];
      if (!finite) return after && after.pos === 'VERB' && /^\p{Ll}/u.test(after.value) && (/(?:ing|ed)$/.test(after.value) || IRREGULAR_PARTICIPLE.test(after.value)) ? subj : [subj[0], p];
    }
  }
  return null;
}

/** Irregular past participles that open a phrase set off by commas ("…, caught on tape, …", "…, born in 1950, …"). */
const IRREGULAR_PARTICIPLE = /^(?:caught|taken|seen|known|born|written|held|shown|given|made|found|left|kept|brought|bought|sent|led|shot|beaten|driven|hidden|stolen|chosen|spoken|broken|forgotten|worn|torn|thrown|drawn|grown|sworn|bound|built|struck|fed|heard|met|paid|sold|won|lost|hurt)$/i;

/**
 * The subject of a verb whose subject carries a relative clause ending right before it: "A sound expert who
 * compared the footage with his rap songs told the paper" → "A sound expert" (not "his rap songs"). Null when the
 * words before `v` are not such a clause (no "who/that/which" + verb within 16 tokens, no comma or other cue).
 */
function relativeAntecedent(tokens: Token[], v: number, from: number): TokenRange | null {
  let sawVerb = false;
  for (let k = v - 1; k > from && k >= v - 16; k--) {
    const t = tokens[k];
    if (t.value === ',' || SENTENCE_END.test(t.value) || isQuoteToken(tokens, k)) return null;
    // a clause of its own in between: "the congressman who gained attention when he yelled"
    if (/^(?:he|she|they|we|i)$/i.test(t.value) || (t.pos === 'SCONJ' && !/^than$/i.test(t.value)) || /^(?:when|as|after|before|because|since|if|until|where)$/i.test(t.value)) return null;
    if (/^(?:who|that|which)$/i.test(t.value)) {
      // (past 12 tokens only "who": "a mechanic who lives less than a kilometre from the site of the crater said"; not
      // "the notion that the episode should be water under the bridge, saying")
      if (k < v - 12 && !/^who$/i.test(t.value)) return null;
      // (wink may tag the clause's verb a noun: "a mechanic who lives less than a kilometre from …")
      const clauseVerb = /^(?:VERB|AUX)$/.test(tokens[k + 1].pos) || (/^who$/i.test(t.value) && tokens[k + 1].pos === 'NOUN' && /^\p{Ll}+s$/u.test(tokens[k + 1].value));
      if (!(sawVerb || clauseVerb) || k + 1 >= v - 1 || !clauseVerb) return null;
      if (!/^(?:NOUN|PROPN)$/.test(tokens[k - 1].pos)) return null;
      const ante = npBefore(tokens, k, from);
      // "Victor Gutierrez, a mechanic who lives …": the name the description stands beside
      if (ante && !isPronoun(tokens[ante[0]]) && ante[0] - 1 > from && tokens[ante[0] - 1].value === ',' && /^(?:a|an|the)$/i.test(tokens[ante[0]].value)) {
        const name = npBefore(tokens, ante[0] - 1, from, 5);
        if (name && tokens.slice(name[0], name[1]).every((t) => t.pos === 'PROPN' || /^\p{Lu}/u.test(t.value)) && (name[0] === from || SENTENCE_END.test(tokens[name[0] - 1].value))) return [name[0], ante[1]];
      }
      return ante;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      if (k !== v - 1 && REPORTING_VERBS.has(t.value.toLowerCase())) return null;
      sawVerb = true;
    }
  }
  return null;
}

/**
 * After an inverted cue the speaker phrase may run to the end of the sentence
 * ("said Dean Baker, co-director of the Center for Economic and Policy Research,
 * a liberal think tank."): extend over appositives that hold no verb except in
 * a relative clause ("…, who chairs the committee").
 */
function toSentenceEnd(tokens: Token[], np: TokenRange, max: number): TokenRange {
  if (np[1] >= max || tokens[np[1]].value !== ',') return np;
  let relative = false;
  let end = max;
  while (end > np[1] && /^[,;:\u2014\u2013-]$/.test(tokens[end - 1].value)) end--;
  for (let k = np[1] + 1; k < end; k++) {
    const t = tokens[k];
    if (/^(?:who|which|whose)$/i.test(t.value)) relative = true;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !relative && !/^\p{Lu}/u.test(t.value)) return np;
    if (isQuoteToken(tokens, k)) return np;
  }
  return end - np[1] <= 30 ? [np[0], end] : np;
}
