import type { Article, Attribution, Speaker, TextSpan } from '../../model.js';
import { isReportingVerb, subjectBefore } from './cues.js';
import { npAfter } from './noun-phrase.js';
import { CITING_CUE } from './lexicon.js';
import type { TokenizedArticle } from './tokens.js';
import type { Token } from '../nlp.js';
import { pronounFits } from '../speakers/gender.js';
import { surnameOf } from '../speakers/names.js';

/** Speech verbs that introduce reported speech ("X said (that) …"). Stance verbs are left out. */
const INDIRECT_VERBS = new Set(
  ('said says say told tells tell added adds claimed claims denied denies stated states announced announces argued argues ' +
    'warned warns insisted insists noted notes explained explains confirmed confirms acknowledged acknowledges ' +
    'admitted admits reported reports wrote writes suggested suggests alleged alleges maintained maintains ' +
    'revealed reveals asserted asserts estimated estimates predicted predicts promised promises vowed vows ' +
    'stressed stresses emphasized emphasised contended contends conceded concedes disclosed discloses testified').split(' '),
);
/** Words that start a time phrase between a speech verb and its "that" ("said on Monday that", "said Friday that"). */
const TIME_START = /^(?:on|in|at|during|late|earlier|last|this|today|yesterday|tonight|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Verbs of belief, expectation and finding: an attribution when a clause follows ("that …", "it should …"). */
const BELIEF_VERBS = /^(?:believes?|believed|thinks?|thought|expects?|expected|hopes?|hoped|fears?|feared|worries|worried|argues|knows?|knew|understands?|understood|feels?|felt|agreed|agrees|concluded|concludes|found|finds)$/i;
/** What opens a content after a time phrase: "told Alex Marlow on Thursday how …", "said Friday that …". */
const THAT_OR_WH = /^(?:that|how|what|why|whether|when|where|who)$/i;
const MODAL = /^(?:to|will|would|can|could|should|might|may|must|shall|not|n't)$/i;

/**
 * Indirect (reported-speech) attributions outside quote marks:
 * "X said (that) …", "…, X told Bloomberg.", "according to X, …" / "…, according to X."
 * Sentences that hold a quote are left to the quote attributions.
 */
export function indirectAttributions(
  article: Article,
  tok: TokenizedArticle,
  inQuote: (offset: number) => boolean,
  speakers: Speaker[],
): Attribution[] {
  const text = article.text;
  const { tokens } = tok;
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const out: Attribution[] = [];
  const mentionOwner = new Map<string, string>();
  for (const s of speakers) for (const m of s.mentions) mentionOwner.set(`${m.start}:${m.end}`, s.id);
  const nameOwner = new Map<string, string>();
  for (const s of speakers) for (const n of s.names) if (!nameOwner.has(n.toLowerCase())) nameOwner.set(n.toLowerCase(), s.id);
  const ownerOf = (a: number, b: number): string | null =>
    mentionOwner.get(`${a}:${b}`) ?? nameOwner.get(text.slice(a, b).toLowerCase()) ?? resolveLoosely(a, b);
  const speakerById = new Map(speakers.map((sp) => [sp.id, sp]));
  // every mention start, for "the speaker mentioned last before this point"
  const mentions = speakers.flatMap((sp) => sp.mentions.map((m) => ({ start: m.start, speaker: sp }))).sort((x, y) => x.start - y.start);
  const surnameOwner = new Map<string, string>();
  for (const sp of speakers) {
    if (sp.kind !== 'person') continue;
    for (const n of sp.names) {
      const last = surnameOf(n).toLowerCase();
      surnameOwner.set(last, surnameOwner.has(last) && surnameOwner.get(last) !== sp.id ? '' : sp.id);
    }
  }
  function resolveLoosely(a: number, b: number): string | null {
    const phrase = text.slice(a, b);
    const lw = phrase.toLowerCase();
    if (/^(?:he|she|they)$/.test(lw)) {
      const plural = lw === 'they';
      // a more recent source of reported speech that is no quote speaker ("The people close to the Kremlin … said") wins, unresolved
      const last = plural ? lastPluralSource : lastSingularSource;
      const sourceSpeaker = last.id ? speakerById.get(last.id) : undefined;
      // "he" is not the spokeswoman: a source of the other gender is passed over
      const lastSource = sourceSpeaker && !pronounFits(sourceSpeaker, lw) ? { start: -1, id: null } : last;
      for (let i = mentions.length - 1; i >= 0; i--) {
        const m = mentions[i];
        if (m.start >= a) continue;
        if (lastSource.start > m.start && lastSource.start < a) return lastSource.id;
        const k = m.speaker.kind;
        if (plural ? k === 'collective' || k === 'anonymous' || k === 'organization' : (k === 'person' || k === 'anonymous') && pronounFits(m.speaker, lw)) return m.speaker.id;
      }
      return lastSource.start < a && lastSource.start >= 0 ? lastSource.id : null;
    }
    // a named source whose surname is a known speaker's ("Peskov said", "Dmitry Peskov told")
    const words = phrase.split(/\s+/);
    const last = words[words.length - 1]?.replace(/[’']s$/, '').toLowerCase();
    const id = last ? surnameOwner.get(last) : undefined;
    return id ? id : null;
  }

  const lastPluralSource: { start: number; id: string | null } = { start: -1, id: null };
  const lastSingularSource: { start: number; id: string | null } = { start: -1, id: null };
  const noteSource = (r: Attribution) => {
    if (!r.source || /^(?:he|she|they|it|we|i)$/i.test(r.source.text)) return;
    const head = r.source.text.split(/,/)[0].split(/\s(?:close|familiar|of|from|with|in|at|who|for|to)\b/)[0].trim().split(/\s+/).pop() ?? '';
    const target = /(?:s|people|officials)$/i.test(head) && !/ss$/.test(head) ? lastPluralSource : lastSingularSource;
    target.start = r.source.start;
    target.id = r.speakerId;
  };
  /** The content after a speech verb: "said (on Monday) (that) …", "told X (Friday) how …"; null when none. */
  function contentAfter(v: number, end: number, sentEnd: number): [number, number] | null {
    let c = v + 1;
    if (/^(?:told|tells|tell)$/i.test(tokens[v].value)) {
      const obj = npAfter(tokens, c, end);
      if (!obj) return null;
      c = obj[1];
    }
    // "said on Monday", "said in a statement"
    while (c < end && (tokens[c].pos === 'ADV' || tokens[c].value === ',')) c++;
    if (c < end && TIME_START.test(tokens[c].value)) {
      let k = c + 1;
      while (k < end && k < c + 6 && tokens[k].value !== ',' && !THAT_OR_WH.test(tokens[k].value)) k++;
      if (k < end && THAT_OR_WH.test(tokens[k].value)) c = k;
    }
    // PolNeAR convention: the complementiser "that" belongs to the content
    const that = c < end && tokens[c].value.toLowerCase() === 'that' ? 1 : 0;
    if (end - c - that >= 3 && tokens[c + that].pos !== 'ADP' && tokens[c + that].pos !== 'PUNCT') return [tokens[c].start, sentEnd];
    return null;
  }
  tok.sentences.forEach((sent, si) => {
    if (sent.caption) return;
    const [from, to] = tok.sentenceTokens[si];
    // sentences with quote marks are handled by quote attributions
    for (let k = from; k < to; k++) if (inQuote(tokens[k].start)) return;
    let end = to;
    while (end > from && /^[.!?;:\u2026"”’')]+$/.test(tokens[end - 1].value)) end--;
    if (end - from < 4) return;
    // PolNeAR convention: content that ends in a closing quotation mark keeps it (and the punctuation inside it)
    let sentEnd = tokens[end - 1].end;
    for (let k = end; k < to; k++) if (/^(?:["”’]|'+)$/.test(tokens[k].value)) sentEnd = tokens[k].end;
    // according to X
    for (let k = from; k < end - 2; k++) {
      if (tokens[k].value.toLowerCase() !== 'according' || tokens[k + 1].value.toLowerCase() !== 'to') continue;
      const np = npAfter(tokens, k + 2, end) ?? bareNounAfter(tokens, k + 2, end);
      if (!np) break;
      const srcEnd = tokens[np[1] - 1].end;
      let content: [number, number] | null = null;
      if (k === from || (k === from + 1 && /^(?:but|and|yet)$/i.test(tokens[from].value))) {
        // According to X, content.
        let c = np[1];
        while (c < end && tokens[c].value === ',') c++;
        if (c < end) content = [tokens[c].start, sentEnd];
      } else {
        let c = k;
        while (c > from && tokens[c - 1].value === ',') c--;
        if (c > from) content = [tokens[from].start, tokens[c - 1].end];
      }
      if (content && content[1] - content[0] > 10) {
        out.push({
          id: '', articleId: article.id, source: span(tokens[np[0]].start, srcEnd), cue: span(tokens[k].start, tokens[k + 1].end),
          content: span(content[0], content[1]), speakerId: ownerOf(tokens[np[0]].start, srcEnd), quoteId: null, form: 'according-to',
        });
        noteSource(out[out.length - 1]);
      }
      return;
    }
    // X said (that) content / content, X said. One per sentence, the main clause's: the first speech verb's,
    // or, when its content runs to the sentence's end and the sentence closes on an attribution of its own
    // ("Clinton had told police that …, but the NYPD overruled it, the source added."), that one, with the
    // first nested in its content
    let v = from;
    let first: Found | null = null;
    for (; v < end && !first; v++) first = relationAt(v, from, end, sentEnd);
    if (!first) return;
    if (first.kind === 'after') {
      for (let v2 = v + 1; v2 < end; v2++) {
        const outer = relationAt(v2, from, end, sentEnd);
        if (outer?.kind !== 'before' || outer.subject! - 2 < v) continue;
        const innerEnd = tokens[outer.subject! - 2].end;
        const inner = first.rels.map((r) => ({ ...r, content: span(r.content.start, innerEnd) }));
        if (inner[0].content.end - inner[0].content.start < 10) break;
        for (const r of [...outer.rels, ...inner]) {
          out.push(r);
          noteSource(r);
        }
        return;
      }
    }
    for (const r of first.rels) {
      out.push(r);
      noteSource(r);
    }
  });

  /** The relation of the speech verb at token v in the sentence [from, end), if it opens one. */
  function relationAt(v: number, from: number, end: number, sentEnd: number): Found | null {
    const t = tokens[v];
    // beliefs and findings with a clause of their own ("The IMF expects that …", "they think it should …"): PolNeAR attributes them too
    const belief = BELIEF_VERBS.test(t.value) && t.pos === 'VERB' && (/^that$/i.test(tokens[v + 1]?.value ?? '') || (tokens[v + 1]?.pos === 'PRON' && /^(?:VERB|AUX)$/.test(tokens[v + 2]?.pos ?? '')));
    if (!INDIRECT_VERBS.has(t.value.toLowerCase()) && !belief) return null;
    // wink reads "reports" in "UNN reports citing Bloomberg" as a noun: the citing clause makes it the verb
    const citingNext = CITING_CUE.test(tokens[v + 1]?.value ?? '') || (tokens[v + 1]?.value === ',' && CITING_CUE.test(tokens[v + 2]?.value ?? ''));
    // …and "notes" in "The publication notes that …" (a subject must precede it, below)
    const thatNext = /^that$/i.test(tokens[v + 1]?.value ?? '') && /^(?:notes|reports|claims|states|says|writes)$/i.test(t.value);
    if (!belief && !isReportingVerb(t, false) && !citingNext && !thatNext) return null;
    const inverted = invertedSource(tokens, v, from, end);
    if (inverted) {
      // "Its first ad could start this week, said Brian Baker, a longtime adviser …": the source after the verb
      let c = v - 1;
      while (c > from && tokens[c - 1].value === ',') c--;
      const [a, b] = [tokens[inverted[0]].start, tokens[inverted[1] - 1].end];
      const content = span(tokens[from].start, tokens[c - 1].end);
      return { kind: 'other', rels: [{ id: '', articleId: article.id, source: span(a, b), cue: span(t.start, t.end), content, speakerId: ownerOf(a, b), quoteId: null, form: 'indirect' }] };
    }
    let p = v - 1;
    while (p >= from && tokens[p].pos === 'ADV') p--;
    if (p >= from && MODAL.test(tokens[p].value)) return null;
    const subj = subjectBefore(tokens, v, from);
    if (!subj) return null;
    const srcSpan: [number, number] = [tokens[subj[0]].start, tokens[subj[1] - 1].end];
    // "Mr. Kamin, who emphasized that …": the source is the relative pronoun (PolNeAR), its speaker the antecedent's
    let pron = v - 1;
    while (pron > from && tokens[pron].pos === 'ADV') pron--;
    const relative = pron >= from && /^(?:who|which)$/i.test(tokens[pron].value) && subj[1] <= pron ? tokens[pron] : null;
    let content: [number, number] | null = null;
    let kind: Found['kind'] = 'other';
    // "…, UNN reports citing Bloomberg." / "…, Reuters reported, quoting two officials.": the cited source
    let cited: { cue: number; np: [number, number] } | null = null;
    if (subj[0] > from && tokens[subj[0] - 1].value === ',' && tokens[v + 1]?.value === ',' && !CITING_CUE.test(tokens[v + 2]?.value ?? '')) {
      // "Putin, they said, may be willing …": the sentence around the parenthetical
      content = [tokens[from].start, sentEnd];
    } else if (subj[0] > from + 2 && tokens[subj[0] - 1].value === ',') {
      // "The signals were sent last month, two sources close to the Kremlin told Bloomberg."
      let tail = v + 1;
      const obj = /^(?:told|tells)$/i.test(t.value) ? npAfter(tokens, v + 1, end) : null;
      if (obj) tail = obj[1];
      while (tail < end && (tokens[tail].pos === 'ADV' || tokens[tail].pos === 'PROPN' || tokens[tail].pos === 'NOUN') && tail - v < 5) tail++;
      const c = tail < end && tokens[tail].value === ',' ? tail + 1 : tail;
      if (c < end - 1 && CITING_CUE.test(tokens[c].value)) {
        const np = npAfter(tokens, c + 1, end);
        if (np && np[1] >= end - 1) {
          cited = { cue: c, np };
          tail = np[1];
        }
      }
      if (tail >= end - 1) {
        content = [tokens[from].start, tokens[subj[0] - 2].end];
        kind = 'before';
      } else {
        // "Amid the turns of the election, pollster Pat Caddell told Alex Marlow how …": an opening phrase, content after
        content = contentAfter(v, end, sentEnd);
        kind = 'after';
      }
    } else {
      content = contentAfter(v, end, sentEnd);
      kind = 'after';
    }
    if (!content || content[1] <= content[0]) return null;
    const rels: Attribution[] = [{
      id: '', articleId: article.id, source: relative ? span(relative.start, relative.end) : span(srcSpan[0], srcSpan[1]), cue: span(t.start, t.end),
      content: span(content[0], content[1]), speakerId: ownerOf(srcSpan[0], srcSpan[1]), quoteId: null, form: 'indirect',
    }];
    if (cited) {
      // the same words, attributed by the reporting outlet to the source it cites
      const [a, b] = [tokens[cited.np[0]].start, tokens[cited.np[1] - 1].end];
      const cue = tokens[cited.cue];
      rels.push({
        id: '', articleId: article.id, source: span(a, b), cue: span(cue.start, cue.end),
        content: span(content[0], content[1]), speakerId: ownerOf(a, b), quoteId: null, form: 'indirect',
      });
    }
    return { kind, rels, subject: subj[0] };
  }
  return out;
}

/**
 * A sentence's indirect relation (with the cited source's, "…, UNN reports citing Bloomberg"), and where its
 * content lies: before the source ("…, X said.", `subject`: the source's first token), after the verb, or
 * around or before it otherwise.
 */
interface Found {
  kind: 'before' | 'after' | 'other';
  rels: Attribution[];
  subject?: number;
}

/** Verbs that come before their source after a reported clause ("…, said Mr. Barrett"). */
const INVERTED_VERBS = /^(?:said|says|added|adds|wrote|writes|explained|noted|argued|warned|acknowledged|insisted|stated|estimated)$/i;

/**
 * The source of an inverted attribution: "<clause>, said <noun phrase>[, <appositive>]." The verb follows a
 * comma after at least three tokens of the clause; the noun phrase (no pronoun: "…, said he" is rare and
 * "said it" an object) runs to the sentence's end, its appositive with it, or is followed only by a time
 * phrase ("…, said Baker on Monday").
 */
function invertedSource(tokens: Token[], v: number, from: number, end: number): [number, number] | null {
  if (v - from < 4 || tokens[v - 1].value !== ',' || !INVERTED_VERBS.test(tokens[v].value)) return null;
  if (v + 1 >= end || tokens[v + 1].pos === 'PRON' || !/^\p{Lu}|^(?:a|an|the|two|three|several|one)$/u.test(tokens[v + 1].value)) return null;
  const np = npAfter(tokens, v + 1, end);
  if (!np) return null;
  if (np[1] === end) return np;
  if (tokens[np[1]].value === ',' && np[1] + 1 < end) return [np[0], end];
  if (TIME_START.test(tokens[np[1]].value) && end - np[1] <= 3) return np;
  return null;
}

/**
 * "according to" always takes a noun phrase: a lone lower-case word after it, before a comma or the
 * sentence's end, is its noun whatever its tag (wink reads "reports" in "According to reports," as a verb).
 */
function bareNounAfter(tokens: Token[], i: number, end: number): [number, number] | null {
  if (i >= end || !/^\p{Ll}+$/u.test(tokens[i].value)) return null;
  if (i + 1 < end && !/^[,.;:]$/.test(tokens[i + 1].value)) return null;
  return [i, i + 1];
}
