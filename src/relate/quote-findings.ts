import { diffArrays } from 'diff';
import type { Article, Evidence, Finding, Quote, QuoteVariant, Speaker } from '../model.js';
import { articleLabel, articleLabels, articleOrder, type Word, words } from './quote-text.js';
import { compareNames, nameTokens } from './speaker-names.js';

/**
 * Findings about quotes across a story:
 * - `quote-drift`: a quote's words changed between outlets (reworded, shortened, extended,
 *   merged, turned into a paraphrase), with the changed words in the explanation;
 * - `speaker-change`: the same words credited to a different identity (high), a quote that
 *   lost its speaker (low), or a speaker named in one outlet and only described in another (low);
 * - `verb-change`: the reporting verb moved along a loaded scale ("said" → "admitted").
 */
export function findQuoteFindings(input: {
  articles: Article[];
  quotes: Quote[];
  variants: QuoteVariant[];
  storySpeakers: Speaker[];
}): Finding[] {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const order = articleOrder(input.articles);
  const quoteById = new Map(input.quotes.map((q) => [q.id, q]));
  const identity = new Map<string, Speaker>();
  for (const s of input.storySpeakers) {
    identity.set(s.id, s);
    for (const m of s.members ?? []) if (!identity.has(m)) identity.set(m, s);
  }
  const labels = articleLabels(input.articles);
  const label = (articleId: string) => labels.get(articleId) ?? articleLabel(byId.get(articleId));
  const out: Finding[] = [];
  const namedPairs = new Set<string>();

  for (const v of input.variants) {
    const qa = quoteById.get(v.a.quoteId) ?? null;
    const qb = v.b.quoteId ? quoteById.get(v.b.quoteId) ?? null : null;
    const la = label(v.a.articleId);
    const lb = label(v.b.articleId);
    // (a guessed speaker — no cue — is no speaker given: "X said it, Y says no one" holds, "credited to Y" does not)
    const sa = qa?.speakerId && !qa.speakerGuessed ? identity.get(qa.speakerId) ?? null : null;
    const sb = qb?.speakerId && !qb.speakerGuessed ? identity.get(qb.speakerId) ?? null : null;
    const who = sa ? ` of ${speakerLabel(sa, qa)}` : qa?.speaker ? ` of ${qa.speaker}` : '';

    // quote drift
    if (v.class !== 'verbatim') {
      const drift = describeDrift(v);
      out.push({
        id: `quote-drift:${v.id}`,
        kind: 'quote-drift',
        severity: drift.severity,
        articles: [v.a.articleId, v.b.articleId],
        evidence: [strip(v.a), strip(v.b)],
        explanation: `${who ? `Quote${who}` : 'Quote'} ${DRIFT_VERB[v.class]} (${la} → ${lb}): ${drift.text}`,
      });
    }

    if (!qa || !qb) continue;
    const ev: Evidence[] = [strip(v.a), strip(v.b)];
    const speakerEv = (q: Quote) => (q.speakerSpan ? [evidence(byId, q.articleId, q.speakerSpan.start, q.speakerSpan.end)] : []);

    // speaker change
    const tooShort = Math.min(words(qa.text).length, words(qb.text).length) < MIN_SPEAKER_WORDS;
    if (tooShort) {
      // a two- or three-word phrase ("Morning Joe") can be said by anyone: no speaker findings
    } else if (sa && sb && sa.id !== sb.id && namesFit(sa, sb)) {
      // "Trump" in one outlet, "Donald Trump" in another, left apart only because the surname was
      // ambiguous in the story: not a change of speaker
    } else if (sa && sb && sa.id !== sb.id) {
      // same words, different people: high when it is the same quote; when one quote only contains
      // the other, the second speaker may be quoting the first (medium)
      const same = v.similarity >= 0.6 && v.class !== 'merged';
      out.push({
        id: `speaker-change:${v.id}`,
        kind: 'speaker-change',
        severity: same ? 'high' : 'medium',
        articles: [v.a.articleId, v.b.articleId],
        evidence: [...ev, ...speakerEv(qa), ...speakerEv(qb)],
        explanation: same
          ? `The same words are credited to ${speakerLabel(sa, qa)} in ${la} but to ${speakerLabel(sb, qb)} in ${lb}: “${clip(v.a.text)}”`
          : `Words credited to ${speakerLabel(sa, qa)} in ${la} appear in a quote credited to ${speakerLabel(sb, qb)} in ${lb}: “${clip(v.a.text)}”`,
      });
    } else if ((sa || qa.speaker) && !sb && !qb.speaker) {
      out.push({
        id: `speaker-change:${v.id}`,
        kind: 'speaker-change',
        severity: 'low',
        articles: [v.a.articleId, v.b.articleId],
        evidence: [...ev, ...speakerEv(qa)],
        explanation: `${la} credits “${clip(v.a.text)}” to ${sa ? speakerLabel(sa, qa) : qa.speaker}; ${lb} gives no speaker`,
      });
    } else if (sb && !sa && !qa.speaker) {
      out.push({
        id: `speaker-change:${v.id}`,
        kind: 'speaker-change',
        severity: 'low',
        articles: [v.a.articleId, v.b.articleId],
        evidence: [...ev, ...speakerEv(qb)],
        explanation: `${lb} credits “${clip(v.b.text)}” to ${speakerLabel(sb, qb)}; ${la} gives no speaker`,
      });
    } else if (sa && sb && sa.id === sb.id && sa.names.length) {
      // one identity: named in one article, only described in the other (once per identity and pair)
      const key = `${sa.id}|${v.a.articleId}|${v.b.articleId}`;
      const namedA = namedIn(sa, v.a.articleId);
      const namedB = namedIn(sb, v.b.articleId);
      if (namedA !== namedB && !namedPairs.has(key)) {
        namedPairs.add(key);
        const [named, described] = namedA ? [v.a.articleId, v.b.articleId] : [v.b.articleId, v.a.articleId];
        const describedAs = describedAsIn(sa, described) ?? (namedA ? qb.speaker : qa.speaker);
        out.push({
          id: `speaker-change:${v.id}`,
          kind: 'speaker-change',
          severity: 'low',
          articles: [v.a.articleId, v.b.articleId],
          evidence: [...ev, ...speakerEv(qa), ...speakerEv(qb)],
          explanation: `${label(named)} names the speaker (${sa.names[0]}); ${label(described)} only describes them${describedAs ? ` as “${describedAs}”` : ''}`,
        });
      }
    }

    // reporting verb
    const verbChange = compareVerbs(qa.verb, qb.verb);
    if (verbChange) {
      out.push({
        id: `verb-change:${v.id}`,
        kind: 'verb-change',
        severity: verbChange.severity,
        articles: [v.a.articleId, v.b.articleId],
        evidence: [
          ...ev,
          ...(qa.verbSpan ? [evidence(byId, qa.articleId, qa.verbSpan.start, qa.verbSpan.end)] : []),
          ...(qb.verbSpan ? [evidence(byId, qb.articleId, qb.verbSpan.start, qb.verbSpan.end)] : []),
        ],
        explanation: `Reporting verb changed: “${qa.verb}” (${la}) → “${qb.verb}” (${lb})${verbChange.note}${who ? ` for the quote${who}` : ''}`,
      });
    }
  }
  return out.sort((x, y) => firstOrder(x, order) - firstOrder(y, order) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

const DRIFT_VERB: Record<QuoteVariant['class'], string> = {
  verbatim: 'unchanged',
  reworded: 'reworded',
  shortened: 'shortened',
  extended: 'extended',
  merged: 'merged with another',
  paraphrased: 'turned into a paraphrase',
};

function firstOrder(f: Finding, order: Map<string, number>): number {
  const e = f.evidence[0];
  return e ? (order.get(e.articleId) ?? 0) * 1e9 + e.start : 0;
}

function strip(e: Evidence): Evidence {
  return { articleId: e.articleId, start: e.start, end: e.end, text: e.text };
}

function evidence(byId: Map<string, Article>, articleId: string, start: number, end: number): Evidence {
  return { articleId, start, end, text: byId.get(articleId)?.text.slice(start, end) ?? '' };
}

/** Both identities are named and some name of one is the other's name, surname or spelling variant. */
function namesFit(a: Speaker, b: Speaker): boolean {
  return a.names.some((x) => b.names.some((y) => compareNames(x, y) !== 'different'));
}

function speakerLabel(s: Speaker, q: Quote | null): string {
  if (s.names.length) return s.names[0];
  if (s.descriptions.length) return `“${s.descriptions[0]}”`;
  return q?.speaker ? `“${q.speaker}”` : s.id;
}

function namedIn(s: Speaker, articleId: string): boolean {
  return s.mentions.some(
    (m) => m.articleId === articleId && s.names.some((n) => mentionHasName(m.text, n)),
  );
}

function mentionHasName(mention: string, name: string): boolean {
  const surname = nameTokens(name).pop();
  if (!surname) return false;
  const toks = nameTokens(mention);
  return toks.some((t) => compareNames(t, name) !== 'different') || toks.join(' ').includes(nameTokens(name).join(' '));
}

function describedAsIn(s: Speaker, articleId: string): string | null {
  const m = s.mentions.find((x) => x.articleId === articleId && !s.names.some((n) => mentionHasName(x.text, n)) && !PRONOUN.test(x.text.trim()));
  return m ? m.text : null;
}

/** Quotes shorter than this (in words) get no speaker findings. */
const MIN_SPEAKER_WORDS = 4;

const PRONOUN = /^(he|she|they|him|her|them|it|we|i)$/i;

// ------------------------------------------------------------------ drift text

const NEGATION = /^(not|no|never|none|nothing|nobody|neither|nor|n't|cannot)$|n't$/i;

interface Change {
  removed: string;
  added: string;
}

/** The changed words from `a` to `b` (on normalised words; shown as written). */
export function changedWords(aText: string, bText: string): Change[] {
  const a = words(aText);
  const b = words(bText);
  const parts = diffArrays<Word>(a, b, { comparator: (x, y) => x.norm === y.norm, maxEditLength: 600 });
  if (!parts) return [{ removed: a.map((w) => w.text).join(' '), added: b.map((w) => w.text).join(' ') }];
  const changes: Change[] = [];
  let pending: Change | null = null;
  for (const p of parts) {
    const text = p.value.map((w) => w.text).join(' ');
    if (p.removed) {
      pending = pending ?? { removed: '', added: '' };
      pending.removed = pending.removed ? `${pending.removed} ${text}` : text;
    } else if (p.added) {
      pending = pending ?? { removed: '', added: '' };
      pending.added = pending.added ? `${pending.added} ${text}` : text;
    } else {
      if (pending) changes.push(pending);
      pending = null;
    }
  }
  if (pending) changes.push(pending);
  return changes;
}

/** Changes spelled out in a drift explanation before "and N more". */
const MAX_SHOWN = 5;

function describeDrift(v: QuoteVariant): { text: string; severity: Finding['severity'] } {
  const changes = changedWords(v.a.text, v.b.text);
  const aLen = words(v.a.text).length;
  const removed = changes.reduce((n, c) => n + (c.removed ? c.removed.split(' ').length : 0), 0);
  const added = changes.reduce((n, c) => n + (c.added ? c.added.split(' ').length : 0), 0);
  const touches = (re: (w: string) => boolean) =>
    changes.some((c) => `${c.removed} ${c.added}`.split(' ').filter(Boolean).some(re));
  const meaningful = touches((w) => NEGATION.test(w)) || touches((w) => /\d/.test(w));
  if (v.class === 'paraphrased') {
    return { text: `the words appear outside quote marks: “${clip(v.b.text, 90)}”`, severity: 'low' };
  }
  if (v.class === 'merged') {
    return { text: `joined with other quoted words into one quote: “${clip(v.b.text, 90)}”`, severity: 'low' };
  }
  const shown = changes.slice(0, MAX_SHOWN).map((c) =>
    c.removed && c.added ? `“${clip(c.removed, 40)}” became “${clip(c.added, 40)}”` : c.removed ? `“${clip(c.removed, 40)}” dropped` : `“${clip(c.added, 40)}” added`,
  );
  const more = changes.length > MAX_SHOWN ? `, and ${changes.length - MAX_SHOWN} more change${changes.length - MAX_SHOWN  > 1 ? 's' : ''}` : '';
  const text = shown.length ? shown.join(', ') + more : 'punctuation or spelling only';
  let severity: Finding['severity'];
  if (meaningful) severity = 'high';
  else if (v.class === 'shortened') severity = removed >= 0.3 * aLen ? 'medium' : 'low';
  else if (v.class === 'extended') severity = added >= 3 ? 'medium' : 'low';
  else severity = changes.length ? 'medium' : 'low';
  return { text, severity };
}

function clip(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}

// ------------------------------------------------------------------ verbs

type VerbClass = 'neutral' | 'concede' | 'doubt' | 'insist' | 'alarm' | 'deny' | 'boast' | 'attack';

const VERBS: Record<VerbClass, string[]> = {
  neutral: ['say', 'tell', 'add', 'state', 'note', 'explain', 'comment', 'write', 'reply', 'respond', 'answer', 'continue', 'remark', 'announce', 'report', 'mention', 'describe', 'quote', 'ask', 'observe', 'recall', 'speak'],
  concede: ['admit', 'concede', 'confess', 'acknowledge', 'grant'],
  doubt: ['claim', 'allege', 'purport', 'contend', 'assert'],
  insist: ['insist', 'maintain', 'argue', 'stress', 'emphasize', 'emphasise', 'reiterate', 'repeat', 'declare', 'vow', 'pledge', 'affirm', 'underline'],
  alarm: ['warn', 'threaten', 'caution', 'fear'],
  deny: ['deny', 'reject', 'dismiss', 'refute', 'rebuff'],
  boast: ['boast', 'brag', 'tout', 'gloat'],
  attack: ['slam', 'blast', 'attack', 'lash', 'accuse', 'rip', 'scold', 'mock', 'ridicule'],
};
const IRREGULAR: Record<string, string> = { said: 'say', says: 'say', told: 'tell', tells: 'tell', wrote: 'write', writes: 'write', spoke: 'speak', speaks: 'speak', ripped: 'rip', granted: 'grant' };
const VERB_CLASS = new Map<string, VerbClass>();
for (const [cls, list] of Object.entries(VERBS) as Array<[VerbClass, string[]]>) for (const v of list) VERB_CLASS.set(v, cls);

/** Lemma of a reporting verb as written ("admitted" → "admit", "told" → "tell"); the lower-cased word when unknown. */
export function verbLemma(verb: string): string {
  const v = verb.trim().toLowerCase().split(/\s+/).pop() ?? '';
  if (IRREGULAR[v]) return IRREGULAR[v];
  if (VERB_CLASS.has(v)) return v;
  const candidates = [
    v.replace(/ies$/, 'y'), v.replace(/ied$/, 'y'), v.replace(/es$/, ''), v.replace(/s$/, ''), v.replace(/ed$/, ''), v.replace(/d$/, ''),
    v.replace(/ing$/, ''), v.replace(/ing$/, 'e'), v.replace(/([a-z])\1ed$/, '$1'), v.replace(/([a-z])\1ing$/, '$1'),
  ];
  for (const c of candidates) if (VERB_CLASS.has(c)) return c;
  return v;
}

const NOTE: Partial<Record<VerbClass, string>> = {
  concede: ' — implies a concession',
  doubt: ' — casts doubt on the statement',
  insist: ' — adds insistence',
  alarm: ' — frames it as a warning',
  deny: ' — frames it as a denial',
  boast: ' — frames it as boasting',
  attack: ' — frames it as an attack',
};

/** A loaded change of reporting verb, or null when both are neutral or of one class. */
export function compareVerbs(a: string | null, b: string | null): { severity: Finding['severity']; note: string } | null {
  if (!a || !b) return null;
  const ca = VERB_CLASS.get(verbLemma(a));
  const cb = VERB_CLASS.get(verbLemma(b));
  if (!ca || !cb || ca === cb) return null;
  const loaded = cb !== 'neutral' ? cb : ca;
  const note = cb !== 'neutral' ? NOTE[cb] ?? '' : ' — a loaded verb became neutral';
  const mild = loaded === 'insist' || loaded === 'alarm';
  const severity: Finding['severity'] = ca !== 'neutral' && cb !== 'neutral' ? 'medium' : mild ? 'low' : 'medium';
  return { severity, note };
}
