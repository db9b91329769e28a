import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Hedge, HedgeKind, Sentence } from '../model.js';
import { packageRoot } from '../util/paths.js';

/** One lexicon entry of `data/hedges.json`. */
export interface HedgeEntry {
  forms: string[];
  kind: HedgeKind;
  strength: number;
  category: string;
  scale?: number;
  notPrev?: string;
  notNext?: string;
  next?: string;
}

interface CompiledEntry extends HedgeEntry {
  notPrevRe: RegExp | null;
  notNextRe: RegExp | null;
  nextRe: RegExp | null;
}

export interface Lexicon {
  /** All forms in one alternation (longest first). */
  pattern: RegExp;
  byForm: Map<string, CompiledEntry>;
  /** The same forms by their first word, longest form first: a one-word form as its (lower-case) word, a longer
   *  one as a sticky regexp. Scanning word starts and trying only the forms that can begin there is ~10× faster
   *  than running the alternation at every offset, and one-word forms compile no regexp at all. */
  byFirst: Map<string, Array<RegExp | string>>;
}

let cached: Lexicon | null = null;

/** Load and validate the lexicon file; throws a one-line error naming the file when it is malformed. */
export function loadHedgeLexicon(path = join(packageRoot(), 'data', 'hedges.json')): HedgeEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`retold: cannot read hedge lexicon ${path}: ${(e as Error).message}`);
  }
  const entries = (raw as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) throw new Error(`retold: hedge lexicon ${path} has no "entries" array`);
  entries.forEach((e: HedgeEntry, i) => {
    const ok = e && Array.isArray(e.forms) && e.forms.every((f) => typeof f === 'string' && f.trim()) &&
      (e.kind === 'hedge' || e.kind === 'booster') && typeof e.strength === 'number' &&
      e.strength >= -1 && e.strength <= 1;
    if (!ok) throw new Error(`retold: hedge lexicon ${path}: entry ${i} is malformed`);
  });
  return entries as HedgeEntry[];
}

const AUX = /^(is|are|was|were)$/;
const ADVERBS = '(?:also|widely|now|still|generally|long|privately|largely|increasingly)';
const ADVERB_IN_CUE = new RegExp(`^(is|are|was|were)\\s+${ADVERBS}\\s+`);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compile entries into one alternation (longest form first, so multi-word cues win). */
export function compileLexicon(entries: HedgeEntry[]): Lexicon {
  const byForm = new Map<string, CompiledEntry>();
  for (const e of entries) {
    const c: CompiledEntry = {
      ...e,
      notPrevRe: e.notPrev ? new RegExp(e.notPrev, 'i') : null,
      notNextRe: e.notNext ? new RegExp(e.notNext, 'i') : null,
      nextRe: e.next ? new RegExp(e.next, 'i') : null,
    };
    for (const f of e.forms) {
      const key = f.toLowerCase().trim().replace(/\s+/g, ' ');
      if (!byForm.has(key)) byForm.set(key, c);
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // "is said to" also matches "is also said to", "are widely expected to".
  const pieces = forms.map((f) => {
    const words = f.split(' ').map(escapeRe);
    if (words.length > 1 && AUX.test(words[0])) return `${words[0]}(?:\\s+${ADVERBS})?\\s+${words.slice(1).join('\\s+')}`;
    return words.join('\\s+');
  });
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${pieces.join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  const byFirst = new Map<string, Array<RegExp | string>>();
  forms.forEach((f, i) => {
    const first = f.split(' ')[0];
    if (!/^[a-z]+$/.test(first)) throw new Error(`hedge lexicon: the form "${f}" must start with an ASCII word (see lexiconMatches)`);
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push(f === first ? first : new RegExp(`(?:${pieces[i]})(?![\\p{L}\\p{N}-])`, 'iuy'));
  });
  return { pattern, byForm, byFirst };
}

function lexicon(): Lexicon {
  if (!cached) cached = compileLexicon(loadHedgeLexicon());
  return cached;
}

const NEGATION_BEFORE = /(?:\b(?:not|never|no|yet\s+to\s+be|yet\s+to)|n['’]t)\s+(?:\w+\s+)?(?:been\s+)?$/i;

const MONTH_CONTEXT_PREV = /\b(in|on|since|until|till|by|early|late|mid|last|next|this|of|from|through|during|before|after)\s+$/i;

/** "May" the month or a name ("Theresa May", "May 2024", "in May") is not the modal. */
function isMayNotModal(sentence: string, at: number, word: string): boolean {
  const after = sentence.slice(at + word.length, at + word.length + 12);
  if (/^\s*\d/.test(after)) return true;
  if (word[0] !== 'M') return false;
  const before = sentence.slice(Math.max(0, at - 24), at);
  if (MONTH_CONTEXT_PREV.test(before)) return true;
  // Capitalised mid-sentence: a month or a surname, not the modal.
  if (at > 0 && !/[“"'‘(\[]\s*$/.test(before)) return true;
  return false;
}

/** Every lexicon form starts with an ASCII word (checked in `compileLexicon`), so words are scanned as ASCII
 *  letter runs; a run that continues a longer word (a letter, digit, apostrophe or hyphen right before it)
 *  is skipped, as is one followed by a letter or digit (the forms' own lookahead rejects it). */
const ASCII_WORD = /[A-Za-z]+/g;
const WORD_BEFORE = /[\p{L}\p{N}'’-]/u;
const WORD_AFTER = /[\p{L}\p{N}-]/u;

/** Non-overlapping lexicon matches in `text`, left to right, the longest form winning at each word start
 *  (what `text.matchAll(lex.pattern)` finds, without trying the whole alternation at every offset). */
export function* lexiconMatches(text: string, lex: Lexicon): Generator<{ index: number; text: string }> {
  const words = new RegExp(ASCII_WORD);
  let m: RegExpExecArray | null;
  while ((m = words.exec(text))) {
    const list = lex.byFirst.get(m[0].toLowerCase());
    if (!list) continue;
    if (m.index > 0 && WORD_BEFORE.test(prevChar(text, m.index))) continue;
    for (const re of list) {
      let hit: string | null = null;
      if (typeof re === 'string') {
        // the run is this word (looked up by it); it must not go on with a letter, digit or hyphen
        const after = text.codePointAt(m.index + m[0].length);
        if (after === undefined || !WORD_AFTER.test(String.fromCodePoint(after))) hit = m[0];
      } else {
        re.lastIndex = m.index;
        hit = re.exec(text)?.[0] ?? null;
      }
      if (hit === null) continue;
      yield { index: m.index, text: hit };
      words.lastIndex = m.index + hit.length;
      break;
    }
  }
}

/** The code point right before `at` (a surrogate pair counts as one). */
function prevChar(text: string, at: number): string {
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1];
}

/**
 * Hedges ("reportedly", "may", "considering") and boosters ("decided",
 * "confirmed", "will") in every sentence, from the lexicon in data/hedges.json.
 * Sorted by offset; never overlapping (the longest cue wins).
 */
export function findHedges(article: Article, sentences: Sentence[], lex: Lexicon = lexicon()): Hedge[] {
  const out: Hedge[] = [];
  for (const s of sentences) {
    const text = article.text.slice(s.start, s.end);
    for (const m of lexiconMatches(text, lex)) {
      const at = m.index;
      const word = m.text;
      const key = word.toLowerCase().replace(/\s+/g, ' ').replace(ADVERB_IN_CUE, '$1 ');
      const e = lex.byForm.get(key);
      if (!e) continue;
      const before = text.slice(Math.max(0, at - 40), at);
      const after = text.slice(at + word.length, at + word.length + 40);
      if (e.notPrevRe && e.notPrevRe.test(before)) continue;
      if (e.notNextRe && e.notNextRe.test(after)) continue;
      if (e.nextRe && !e.nextRe.test(after)) continue;
      if (key === 'may' && isMayNotModal(text, at, word)) continue;
      // A negated booster ("haven't confirmed", "did not decide") asserts nothing.
      if (e.kind === 'booster' && NEGATION_BEFORE.test(before)) continue;
      out.push({
        articleId: article.id,
        start: s.start + at,
        end: s.start + at + word.length,
        text: word,
        kind: e.kind,
        strength: e.strength,
        cue: key,
        category: e.category,
        scale: e.scale ?? null,
      });
    }
  }
  return out;
}
