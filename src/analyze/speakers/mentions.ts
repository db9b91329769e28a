import type { ArticleToken } from '../quotes/tokens.js';
import { isCommonWord } from './common-words.js';
import { isFirstName } from './gender.js';
import { REPORTING_VERBS } from '../quotes/lexicon.js';
import { surnameOf, type NameMention } from './names.js';

/**
 * Every mention of the people named in full: the full names themselves and, after a full name was written,
 * its surname alone ("Jack Buser … says Buser" — the surname is a mention of "Jack Buser"), in text order.
 * A surname the article also writes as a common word ("Early" beside "early on") counts only when it is
 * written as the second word of a name somewhere, which `isCommonWord` checks.
 */
export function personMentions(names: readonly NameMention[], tokens: readonly ArticleToken[], text: string): NameMention[] {
  const out: NameMention[] = [];
  const bySurname = new Map<string, string>();
  // first names: the one full name each opens (null when two do)
  const byFirst = new Map<string, string | null>();
  for (const n of names) {
    if (!/\s/.test(n.name)) continue;
    const first = n.name.split(/\s+/)[0];
    if (byFirst.has(first) && byFirst.get(first) !== n.name) byFirst.set(first, null);
    else byFirst.set(first, n.name);
  }
  const common = new Map<string, boolean>();
  const isCommon = (w: string): boolean => {
    let c = common.get(w);
    if (c === undefined) common.set(w, (c = isCommonWord(w, text)));
    return c;
  };
  let ni = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    while (ni < names.length && names[ni].end <= t.start) {
      const n = names[ni++];
      out.push(n);
      if (/\s/.test(n.name)) bySurname.set(surnameOf(n.name), n.name);
    }
    // a token inside a full name is that name's
    if (ni < names.length && names[ni].start <= t.start) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(t.value)) continue;
    const full = bySurname.get(t.value);
    if (full) {
      if (!isCommon(t.value)) out.push({ name: full, start: t.start, end: t.end, description: null });
      continue;
    }
    // a person called by a first name alone ("Josh reassures him", "a man named Thomas"): the full name it opens
    // when one does ("Josh Paler Lin"), else the first name itself; a common first name standing alone, not a word
    // the article also writes in lower case ("Will")
    // (as a subject, "Thomas says", or after "named": not "San Jose", "an evangelical Christian")
    if (t.pos !== 'PROPN' || !isFirstName(t.value) || isCommon(t.value)) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (prev && prev.end + 1 >= t.start && /^\p{Lu}/u.test(prev.value) && prev.pos === 'PROPN') continue;
    if (next && /^\p{Lu}/u.test(next.value) && next.pos === 'PROPN') continue;
    const subject = next !== undefined && (/^(?:VERB|AUX)$/.test(next.pos) || (next.pos === 'ADV' && /^(?:VERB|AUX)$/.test(tokens[k + 2]?.pos ?? '')));
    if (!subject && !/^(?:named|called)$/i.test(prev?.value ?? '')) continue;
    const opened = byFirst.get(t.value);
    if (opened === null) continue;
    out.push({ name: opened ?? t.value, start: t.start, end: t.end, description: null });
  }
  for (; ni < names.length; ni++) out.push(names[ni]);
  return out;
}

const SUBJECT_PRONOUN: Record<string, 'm' | 'f'> = { he: 'm', she: 'f' };

/**
 * Genders the text gives people whose first name does not tell it, from the subject pronouns that take up a
 * sentence's subject: a person mentioned before the sentence's first verb (and after no preposition) is that
 * sentence's subject, and "he" or "she" then refers to them when it opens the next sentence ("Braun has worked
 * with … He has consistently denied …") or follows a verb of the same sentence ("Ward said she …"). Pronouns and
 * mentions inside quotations do not count. A person takes the gender most such pronouns give, when at least
 * twice as many give it as the other.
 */
export function pronounGenders(mentions: readonly NameMention[], tokens: readonly ArticleToken[], quoted: (offset: number) => boolean): Map<string, 'm' | 'f'> {
  const votes = new Map<string, [number, number]>();
  const vote = (name: string, g: 'm' | 'f'): void => {
    const v = votes.get(name) ?? [0, 0];
    v[g === 'm' ? 0 : 1]++;
    votes.set(name, v);
  };
  let mi = 0;
  let subject: string | null = null;
  let previous: string | null = null;
  let sentence = -1;
  let sawVerb = false;
  let sawAdp = false;
  let first = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== sentence) {
      previous = t.sentence === sentence + 1 ? subject : null;
      subject = null;
      sentence = t.sentence;
      sawVerb = false;
      sawAdp = false;
      first = true;
    }
    while (mi < mentions.length && mentions[mi].end <= t.start) mi++;
    const inMention = mi < mentions.length && mentions[mi].start <= t.start;
    if (inMention && !sawVerb && !sawAdp && subject === null && !quoted(t.start)) subject = mentions[mi].name;
    const g = t.pos === 'PRON' ? SUBJECT_PRONOUN[t.value.toLowerCase()] : undefined;
    if (g && !quoted(t.start)) {
      if (first && previous) vote(previous, g);
      else if (subject && sawVerb && (tokens[i - 1]?.pos === 'VERB' || (tokens[i - 1]?.value.toLowerCase() === 'that' && tokens[i - 2]?.pos === 'VERB'))) vote(subject, g);
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') sawVerb = true;
    if (t.pos === 'ADP' && !sawVerb) sawAdp = true;
    first = false;
  }
  // a kinship noun set beside the name tells its gender outright: "her husband, Milton Berg", "Milton Berg, her husband"
  let ti = 0;
  for (const n of mentions) {
    while (ti < tokens.length && tokens[ti].start < n.start) ti++;
    const before = tokens[ti - 2]?.value.toLowerCase() ?? '';
    const after = tokens.slice(ti, ti + 12).findIndex((t) => t.end >= n.end);
    const next = after >= 0 ? ti + after + 1 : -1;
    const kin = tokens[ti - 1]?.value === ',' && /^(?:his|her|their)$/i.test(tokens[ti - 3]?.value ?? '') ? before
      : next > 0 && tokens[next]?.value === ',' && /^(?:his|her|their)$/i.test(tokens[next + 1]?.value ?? '') ? tokens[next + 2]?.value.toLowerCase() ?? '' : '';
    const g = KIN_MALE.test(kin) ? 'm' : KIN_FEMALE.test(kin) ? 'f' : null;
    if (g) for (let k = 0; k < 5; k++) vote(n.name, g);
  }
  const out = new Map<string, 'm' | 'f'>();
  for (const [name, [m, f]] of votes) {
    if (m >= 2 * f && m > 0) out.set(name, 'm');
    else if (f >= 2 * m && f > 0) out.set(name, 'f');
  }
  return out;
}

const KIN_MALE = /^(?:husband|son|father|brother|grandson|grandfather|nephew|uncle|boyfriend|stepson|stepfather)$/;
const KIN_FEMALE = /^(?:wife|daughter|mother|sister|granddaughter|grandmother|niece|aunt|girlfriend|stepdaughter|stepmother|widow)$/;

/**
 * The mentions that are the subject of their sentence or of a speech verb: the first mention before the
 * sentence's first verb and after no preposition ("Buser, however, is counting on …"), and one right before a
 * speech verb ("…, Early says there is …") — not the object of a verb ("… attacked Clinton").
 */
export function subjectMentions(mentions: readonly NameMention[], tokens: readonly ArticleToken[], quoted: (offset: number) => boolean): NameMention[] {
  const out: NameMention[] = [];
  let mi = 0;
  let sentence = -1;
  let done = false;
  let sawAdp = false;
  // an opening adverbial clause ("As firemen rushed to the scene, Mr Chien went …"): the subject follows its comma
  let opener = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== sentence) {
      sentence = t.sentence;
      done = false;
      sawAdp = false;
      // (or a phrase of time or place: "On Monday night, Clinton campaign manager Robby Mook released …"; not "For
      // Jonathan Chait, Williamson is exposing …", whose subject is not who speaks next)
      opener = ((t.pos === 'SCONJ' || t.pos === 'ADP') && /^(?:as|when|while|after|before|since|although|though|because|if|once|until|whereas)$/i.test(t.value)) || (t.pos === 'ADP' && /^(?:On|In|At|During|By|Over|Throughout|Within)$/.test(t.value) && commaSoon(tokens, i));
    }
    while (mi < mentions.length && mentions[mi].end <= t.start) mi++;
    // a mention whose last token a speech verb follows
    const m = mentions[mi];
    if (m && m.end === t.end && REPORTING_VERBS.has(tokens[i + 1]?.value.toLowerCase() ?? '') && !quoted(t.start) && out[out.length - 1] !== m) out.push(m);
    if (opener) {
      if (t.value === ',') {
        opener = false;
        done = false;
        sawAdp = false;
      }
      continue;
    }
    if (done) continue;
    if (mi < mentions.length && mentions[mi].start <= t.start) {
      if (!sawAdp && !quoted(t.start) && out[out.length - 1] !== mentions[mi]) {
        // a name the words before it describe is the subject: "Clinton campaign manager Robby Mook released", "Obama
        // speechwriter Jon Favreau published" (Mook and Favreau, not Clinton and Obama); not a name that modifies a
        // noun ("stars an Abraham Lincoln impersonator", "the Donald Trump campaign")
        const later = describedName(mentions, mi, tokens, i);
        if (later !== mi || !modifiesNoun(mentions[mi], tokens, i)) out.push(mentions[later]);
      }
      done = true;
    } else if (t.pos === 'VERB' || t.pos === 'AUX') done = true;
    else if (t.pos === 'ADP') sawAdp = true;
  }
  return out;
}

/** Whether a comma comes within the next 8 tokens of `i`, in its sentence, before any verb. */
function commaSoon(tokens: readonly ArticleToken[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + 8 && tokens[k].sentence === tokens[i].sentence; k++) {
    if (tokens[k].value === ',') return true;
    if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return false;
  }
  return false;
}

/**
 * The mention a sentence's subject really is when mention `mi` (at token `i`) opens it: a later name that only
 * lower-case nouns and adjectives separate from it and that a verb follows ("Clinton campaign manager Robby Mook
 * released"); else `mi`.
 */
function describedName(mentions: readonly NameMention[], mi: number, tokens: readonly ArticleToken[], i: number): number {
  const next = mentions[mi + 1];
  if (!next) return mi;
  let k = i;
  while (k < tokens.length && tokens[k].end <= mentions[mi].end) k++;
  let described = false;
  for (; k < tokens.length && tokens[k].start < next.start; k++) {
    const t = tokens[k];
    if (!((t.pos === 'NOUN' || t.pos === 'ADJ') && /^\p{Ll}/u.test(t.value))) return mi;
    described = true;
  }
  if (!described || k >= tokens.length) return mi;
  while (k < tokens.length && tokens[k].start < next.end) k++;
  const after = tokens[k];
  return after && (after.pos === 'VERB' || after.pos === 'AUX') ? mi + 1 : mi;
}

/**
 * Whether mention `m` (whose first token is `i`) modifies the word right after it: a lower-case noun ("an Abraham
 * Lincoln impersonator") or a capitalised word of a longer name ("the former Trump University customer").
 */
function modifiesNoun(m: NameMention, tokens: readonly ArticleToken[], i: number): boolean {
  let k = i;
  while (k < tokens.length && tokens[k].end <= m.end) k++;
  const next = tokens[k];
  if (next === undefined || next.start > m.end + 1) return false;
  // (a verb wink tags as a noun, the clause going on after it, is no noun: "Ewi worries the girls would not be freed",
  // "Sanders says that …")
  const verbLike = /\p{Ll}s$/u.test(next.value) && !/ss$/.test(next.value) && /^(?:the|a|an|that|this|these|those|his|her|their|its|it|he|she|they|we|i|you|there)$/i.test(tokens[k + 1]?.value ?? '');
  if (next.pos === 'NOUN' && /^\p{Ll}/u.test(next.value)) return !verbLike;
  return next.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(next.value) && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/.test(next.value);
}
