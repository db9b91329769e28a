import { diffArrays, diffWords } from 'diff';
import type { Article, DiffPart, Evidence, Quote, QuoteVariant, QuoteVariantClass, Sentence } from '../model.js';
import { articleOrder, contentStems, isStopword, normWords, stem, type Word, words } from './quote-text.js';

/**
 * Match the same quote across articles and classify how it changed.
 *
 * Pipeline (bounded for 200 articles × 20 quotes):
 * 1. quotes identical after normalising marks/case/punctuation form a group; every later
 *    copy is a `verbatim` variant of the group's first occurrence (linear, not all pairs);
 * 2. group representatives are paired through an inverted index of content stems, at most
 *    `MAX_CANDIDATES` per quote, keeping the best counterpart per (quote, other article);
 * 3. a quote with no counterpart in some article is looked up among that article's
 *    sentences outside quote marks (`paraphrased`, `b.quoteId` null).
 * `a` is always the earlier article (publication time, else input order), except for
 * paraphrases where `a` is the quote and `b` the paraphrasing sentence.
 */
export function matchQuoteVariants(input: { articles: Article[]; quotes: Quote[]; sentences: Sentence[] }): QuoteVariant[] {
  const order = articleOrder(input.articles);
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const infos = input.quotes
    .filter((q) => order.has(q.articleId) && q.end > q.start)
    .map((q) => quoteInfo(q))
    .sort((x, y) => order.get(x.q.articleId)! - order.get(y.q.articleId)! || x.q.start - y.q.start || x.q.end - y.q.end);
  infos.forEach((info, i) => (info.index = i));
  const speakerLabels = labelsBySpeaker(infos);
  for (const info of infos) {
    info.speakerWords = speakerWordsOf(info.q, speakerLabels);
    // a continuation quote carries no speaker of its own: use how the article named its speaker
    info.speakerLabel = info.q.speaker ?? (info.q.speakerId ? speakerLabels.get(`${info.q.articleId}|${info.q.speakerId}`)?.[0] ?? null : null);
  }

  const out: QuoteVariant[] = [];

  // 1. verbatim groups
  const groups = new Map<string, QInfo[]>();
  const reps: QInfo[] = [];
  for (const info of infos) {
    if (info.norm.length === 0) continue;
    const key = info.key;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, [info]);
      reps.push(info);
      continue;
    }
    if (group.some((g) => g.q.articleId === info.q.articleId)) continue; // repeated within one article
    group.push(info);
    out.push(makeVariant(group[0], info, 'verbatim', 1, byId));
  }
  // articles where a group of identical quotes already has a counterpart (for the paraphrase search)
  const linkedArticles = new Map<string, Set<string>>();
  for (const [key, g] of groups) linkedArticles.set(key, new Set(g.map((x) => x.q.articleId)));
  const markLinked = (a: QInfo, b: QInfo) => {
    const la = linkedArticles.get(a.key)!;
    const lb = linkedArticles.get(b.key)!;
    for (const x of groups.get(b.key)!) la.add(x.q.articleId);
    for (const x of groups.get(a.key)!) lb.add(x.q.articleId);
  };

  // 2. representatives paired through an inverted index of content stems
  const index = new Map<string, QInfo[]>();
  for (const r of reps) for (const s of r.stems) {
    let list = index.get(s);
    if (!list) index.set(s, (list = []));
    list.push(r);
  }
  for (const b of reps) {
    if (isScareQuote(b)) continue;
    const shared = new Map<QInfo, number>();
    for (const s of b.stems) {
      const list = index.get(s)!;
      if (list.length > MAX_POSTING) continue; // a word in nearly every quote says nothing
      for (const a of list) {
        if (a.index >= b.index || a.q.articleId === b.q.articleId || isScareQuote(a)) continue;
        shared.set(a, (shared.get(a) ?? 0) + 1);
      }
    }
    const cands = [...shared]
      .filter(([a, n]) => passesOverlap(n, a.stems.size, b.stems.size))
      .sort((x, y) => y[1] / Math.min(y[0].stems.size, b.stems.size) - x[1] / Math.min(x[0].stems.size, b.stems.size) || x[0].index - y[0].index)
      .slice(0, MAX_CANDIDATES);
    const perArticle = new Map<string, Array<{ a: QInfo; cmp: Comparison }>>();
    for (const [a] of cands) {
      const cmp = compare(a.words, b.words);
      if (!isVariant(cmp, a, b)) continue;
      let list = perArticle.get(a.q.articleId);
      if (!list) perArticle.set(a.q.articleId, (list = []));
      list.push({ a, cmp });
    }
    for (const list of perArticle.values()) {
      // merged: b contains two (or more) quotes of the same earlier article
      const contained = list.filter((c) => c.cmp.del <= tolerance(c.cmp.la) && c.cmp.ins > 0);
      if (contained.length >= 2) {
        for (const c of contained.sort((x, y) => x.a.index - y.a.index)) {
          out.push(makeVariant(c.a, b, 'merged', c.cmp.similarity, byId));
          markLinked(c.a, b);
        }
        continue;
      }
      list.sort((x, y) => y.cmp.similarity - x.cmp.similarity || x.a.index - y.a.index);
      const best = list[0];
      out.push(makeVariant(best.a, b, classify(best.cmp), best.cmp.similarity, byId));
      markLinked(best.a, b);
    }
  }

  // 3. paraphrases: a quote's words in a sentence outside quote marks of another article
  out.push(...findParaphrases(infos, input, order, byId, (info, articleId) => !!linkedArticles.get(info.key)?.has(articleId)));

  return out.sort(
    (x, y) =>
      order.get(x.a.articleId)! - order.get(y.a.articleId)! || x.a.start - y.a.start ||
      order.get(x.b.articleId)! - order.get(y.b.articleId)! || x.b.start - y.b.start,
  );
}

/** At most this many candidate quotes are compared word by word per quote. */
const MAX_CANDIDATES = 12;
/** Stems found in more quotes than this are not used to find candidates. */
const MAX_POSTING = 400;
/** Word diffs give up beyond this many edits (deterministic bound, no timer). */
const MAX_EDIT = 300;
/** Quotes longer than this (in words) are compared on their first words only (diff cost bound). */
const MAX_DIFF_WORDS = 600;

interface QInfo {
  q: Quote;
  index: number;
  words: Word[];
  norm: string[];
  /** Normalised words joined: equal keys = verbatim. */
  key: string;
  stems: Set<string>;
  /** Stems only ever written capitalised after the first word (names). */
  proper: Set<string>;
  /** Content words of the speaker as written (filled in once all quotes are known). */
  speakerWords: Set<string>;
  /** The speaker as written next to this quote or, for a continuation, next to its first quote. */
  speakerLabel: string | null;
}

function properStems(w: Word[], stems: Set<string>): Set<string> {
  const lower = new Set(w.filter((x, i) => i === 0 || !/^\p{Lu}/u.test(x.text)).map((x) => stem(x.norm)));
  return new Set([...stems].filter((st) => !lower.has(st)));
}

/**
 * A short quotation nobody is said to have spoken ("Morning Joe", “Commander-in-Chief
 * Forum”): a title or scare quote. Matched only when identical, never as a reworded variant.
 */
function isScareQuote(info: QInfo): boolean {
  return info.norm.length < 4 && !info.q.speaker && !info.q.speakerId;
}

function quoteInfo(q: Quote): QInfo {
  const w = words(q.text);
  const norm = w.map((x) => x.norm);
  const stems = contentStems(w);
  return { q, index: 0, words: w, norm, key: norm.join(' '), stems, proper: properStems(w, stems), speakerWords: new Set(), speakerLabel: q.speaker };
}

export interface Comparison {
  /** Normalised word counts: a's, b's, shared in order, only in a, only in b. */
  la: number;
  lb: number;
  eq: number;
  del: number;
  ins: number;
  /** Words from the first to the last shared word, in a and in b (how contiguous the match is). */
  spanA: number;
  spanB: number;
  /** 2·eq / (la + lb) on normalised words. */
  similarity: number;
}

/** Word-level comparison of two word lists on their normalised forms (LCS via jsdiff). */
export function compare(a: Word[], b: Word[]): Comparison {
  const x = a.slice(0, MAX_DIFF_WORDS).map((w) => w.norm);
  const y = b.slice(0, MAX_DIFF_WORDS).map((w) => w.norm);
  let eq = 0;
  let del = 0;
  let ins = 0;
  let ia = 0;
  let ib = 0;
  let firstA = -1;
  let lastA = -1;
  let firstB = -1;
  let lastB = -1;
  // bounded edit length: a pair this different is not a variant, and the cost stays linear-ish
  const parts = diffArrays(x, y, { maxEditLength: MAX_EDIT }) ?? [{ value: x, count: x.length, removed: true, added: false }, { value: y, count: y.length, added: true, removed: false }];
  for (const part of parts) {
    const n = part.count ?? part.value.length;
    if (part.added) {
      ins += n;
      ib += n;
    } else if (part.removed) {
      del += n;
      ia += n;
    } else {
      if (firstA < 0) {
        firstA = ia;
        firstB = ib;
      }
      eq += n;
      ia += n;
      ib += n;
      lastA = ia;
      lastB = ib;
    }
  }
  const la = x.length;
  const lb = y.length;
  return {
    la, lb, eq, del, ins,
    spanA: firstA < 0 ? 0 : lastA - firstA,
    spanB: firstB < 0 ? 0 : lastB - firstB,
    similarity: la + lb === 0 ? 1 : round((2 * eq) / (la + lb)),
  };
}

function tolerance(len: number): number {
  return Math.floor(len * 0.1);
}

function passesOverlap(shared: number, na: number, nb: number): boolean {
  const small = Math.min(na, nb);
  return small > 0 && shared >= 2 && shared / small >= 0.5;
}

/**
 * Whether two different quotes are the same quote retold: one (nearly) contained in the
 * other as a contiguous run (a partial quote), or enough shared content words in order.
 * Short quotes need tighter evidence: two common words are not a match.
 */
function isVariant(cmp: Comparison, a: QInfo, b: QInfo): boolean {
  if (cmp.eq < 2) return false;
  const small = Math.min(cmp.la, cmp.lb);
  const spanLarge = cmp.la >= cmp.lb ? cmp.spanA : cmp.spanB;
  if (small >= 2 && cmp.eq >= small - tolerance(small) && cmp.eq / small >= 0.8) {
    const contiguous = small <= 4 ? spanLarge === cmp.eq : spanLarge <= small * 1.25 + 2;
    // a two- or three-word phrase inside a longer quote ("politically correct") is the same
    // quote only when the same speaker says it
    if (contiguous && (small > 3 || sameSpeaker(a, b))) return true;
  }
  let shared = 0;
  let plain = 0; // shared words that are not names: "Hillary Clinton" alone does not make a quote
  for (const s of a.stems) {
    if (!b.stems.has(s)) continue;
    shared++;
    if (!a.proper.has(s) && !b.proper.has(s)) plain++;
  }
  const cover = shared / Math.max(1, Math.min(a.stems.size, b.stems.size));
  if (shared >= 3) return (plain >= 2 && cmp.similarity >= 0.45) || (plain >= 3 && cover >= 0.6 && cmp.similarity >= 0.35);
  return shared === 2 && plain >= 1 && cmp.la <= 6 && cmp.lb <= 6 && cover >= 0.66 && cmp.similarity >= 0.4 && sameSpeaker(a, b);
}

/** Both quotes' speakers are known and share a word ("Fiona Hill" / "Hill", "Kremlin spokesman" / "the spokesman"). */
function sameSpeaker(a: QInfo, b: QInfo): boolean {
  for (const w of a.speakerWords) if (b.speakerWords.has(w)) return true;
  return false;
}

/** Class of a pair of different quotes from their word comparison. */
export function classify(cmp: Comparison): QuoteVariantClass {
  if (cmp.del === 0 && cmp.ins === 0) return 'verbatim';
  if (cmp.ins === 0 || (cmp.ins <= tolerance(cmp.lb) && cmp.del >= 3 * cmp.ins + 2)) return 'shortened';
  if (cmp.del === 0 || (cmp.del <= tolerance(cmp.la) && cmp.ins >= 3 * cmp.del + 2)) return 'extended';
  return 'reworded';
}

/** Typographic variants that are not wording changes: curly vs straight marks, dash styles (1:1 characters). */
function typographic(s: string): string {
  return s.replace(/[‘’‛′]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[‐‑‒–—]/g, "-").replace(/\u00a0/g, " ");
}

/**
 * Word-level diff from `a` to `b` as written (jsdiff `diffWords`), blind to typography:
 * "Russia’s" and "Russia's" are equal. The diff runs on 1:1-normalised copies and each part takes its
 * text back from the original strings (equal parts as written in `b`).
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const changes = diffWords(typographic(a), typographic(b), { maxEditLength: MAX_EDIT * 2 });
  if (!changes) return [{ op: 'delete', text: a }, { op: 'insert', text: b }];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    const op = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const n = c.value.length;
    let text: string;
    if (op === 'delete') {
      text = a.slice(ia, ia + n);
      ia += n;
    } else if (op === 'insert') {
      text = b.slice(ib, ib + n);
      ib += n;
    } else {
      // equal parts: jsdiff gives the new string's value; its length can differ from the old one's only in whitespace
      text = b.slice(ib, ib + n);
      ib += n;
      ia += equalLengthIn(typographic(a), ia, c.value);
    }
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  }
  return parts;
}

/** Length in `a` (from `at`) of an equal part whose new-side value is `value`: same non-space characters. */
function equalLengthIn(a: string, at: number, value: string): number {
  const want = value.replace(/\s+/g, '').length;
  let i = at;
  let seen = 0;
  while (i < a.length && seen < want) {
    if (!/\s/.test(a[i])) seen++;
    i++;
  }
  while (i < a.length && /\s/.test(a[i]) && /\s$/.test(value)) i++;
  return i - at;
}

function evidence(article: Article | undefined, articleId: string, start: number, end: number): Evidence {
  return { articleId, start, end, text: article ? article.text.slice(start, end) : '' };
}

function makeVariant(a: QInfo, b: QInfo, cls: QuoteVariantClass, similarity: number, byId: Map<string, Article>): QuoteVariant {
  return {
    id: `${a.q.id}~${b.q.id}`,
    a: { ...evidence(byId.get(a.q.articleId), a.q.articleId, a.q.start, a.q.end), quoteId: a.q.id },
    b: { ...evidence(byId.get(b.q.articleId), b.q.articleId, b.q.start, b.q.end), quoteId: b.q.id },
    class: cls,
    similarity,
    diff: a.q.text === b.q.text ? [{ op: 'equal', text: a.q.text }] : wordDiff(a.q.text, b.q.text),
    speakerA: a.speakerLabel,
    speakerB: b.speakerLabel,
  };
}

interface SentInfo {
  s: Sentence;
  index: number;
  text: string;
  words: Word[];
  stems: Set<string>;
}

/**
 * For each quote and each other article where it has no quote counterpart, find the
 * sentence outside quote marks that carries most of the quote's words. Multi-sentence
 * quotes are tried sentence by sentence (`a` is then the matching piece of the quote).
 */
function findParaphrases(
  infos: QInfo[],
  input: { articles: Article[]; sentences: Sentence[] },
  order: Map<string, number>,
  byId: Map<string, Article>,
  linked: (info: QInfo, articleId: string) => boolean,
): QuoteVariant[] {
  const quotesByArticle = new Map<string, Quote[]>();
  for (const info of infos) {
    let l = quotesByArticle.get(info.q.articleId);
    if (!l) quotesByArticle.set(info.q.articleId, (l = []));
    l.push(info.q);
  }
  const sentsByArticle = new Map<string, Sentence[]>();
  for (const s of input.sentences) {
    let l = sentsByArticle.get(s.articleId);
    if (!l) sentsByArticle.set(s.articleId, (l = []));
    l.push(s);
  }
  for (const l of sentsByArticle.values()) l.sort((x, y) => x.start - y.start);

  // sentences mostly outside quote marks, indexed by content stem
  const sents: SentInfo[] = [];
  const index = new Map<string, SentInfo[]>();
  for (const s of input.sentences) {
    const art = byId.get(s.articleId);
    if (!art || s.caption) continue;
    const quoted = quotedChars(quotesByArticle.get(s.articleId) ?? [], s.start, s.end);
    if (quoted > 0.5 * (s.end - s.start)) continue;
    const text = art.text.slice(s.start, s.end);
    if (!REPORTING_CUE.test(text)) continue; // a paraphrase is reported speech
    const w = words(text);
    const info: SentInfo = { s, index: sents.length, text, words: w, stems: contentStems(w) };
    sents.push(info);
    for (const st of info.stems) {
      let l = index.get(st);
      if (!l) index.set(st, (l = []));
      l.push(info);
    }
  }

  const out: QuoteVariant[] = [];
  for (const info of infos) {
    const art = byId.get(info.q.articleId);
    if (!art) continue;
    if (isScareQuote(info)) continue;
    const speakerWords = info.speakerWords;
    const pieces = quotePieces(info.q, sentsByArticle.get(info.q.articleId) ?? [], art);
    const best = new Map<string, { piece: Piece; sent: SentInfo; score: number; shared: number }>();
    for (const piece of pieces) {
      // a paraphrase restates a sentence; two- to four-word fragments (“long road ahead”) are too
      // common to trace outside quote marks
      if (piece.stems.size < 3 || piece.words.length < 5) continue;
      const shared = new Map<SentInfo, number>();
      for (const st of piece.stems) {
        const l = index.get(st);
        if (!l || l.length > MAX_POSTING) continue;
        for (const si of l) {
          if (si.s.articleId === info.q.articleId) continue;
          shared.set(si, (shared.get(si) ?? 0) + 1);
        }
      }
      const rareDf = Math.max(RARE_DF, Math.floor(sents.length / 100));
      const weight = (st: string) => Math.log(1 + sents.length / Math.max(1, index.get(st)?.length ?? 1));
      const total = [...piece.stems].reduce((x, st) => x + weight(st), 0);
      for (const [si, n] of shared) {
        if (linked(info, si.s.articleId)) continue;
        const score = n / piece.stems.size;
        if (n < 2 || score < 0.6) continue;
        const common = [...piece.stems].filter((st) => si.stems.has(st));
        // the shared words must be distinctive (a story's topic words are everywhere): four or more,
        // or rare ones in a sentence that names the quote's speaker too
        // names do not count: "Donald Trump … White House" is in half the sentences of a story
        const plain = common.filter((st) => !piece.proper.has(st));
        if (plain.length < 2) continue;
        if (plain.length < 4) {
          const rare = plain.filter((st) => (index.get(st)?.length ?? 0) <= rareDf).length;
          if (rare < 2 || !mentionsSpeaker(si.words, speakerWords)) continue;
          if (plain.length === 2 && piece.stems.size !== 3) continue;
        } else if (plain.length < 5 && !mentionsSpeaker(si.words, speakerWords) && !si.words.some((w) => SUBJECT_PRONOUN.has(w.norm))) {
          continue;
        }
        if (common.reduce((x, st) => x + weight(st), 0) < 0.6 * total) continue;
        if (!compact(si.words, new Set(common), 2 * piece.words.length + 4)) continue;
        const prev = best.get(si.s.articleId);
        if (!prev || score > prev.score || (score === prev.score && (n > prev.shared || (n === prev.shared && si.index < prev.sent.index)))) {
          best.set(si.s.articleId, { piece, sent: si, score, shared: n });
        }
      }
    }
    for (const [articleId, m] of [...best].sort((x, y) => order.get(x[0])! - order.get(y[0])!)) {
      const cmp = compare(m.piece.words, m.sent.words);
      out.push({
        id: `${info.q.id}~${articleId}@${m.sent.s.start}-${m.sent.s.end}`,
        a: { ...evidence(art, art.id, m.piece.start, m.piece.end), quoteId: info.q.id },
        b: { ...evidence(byId.get(articleId), articleId, m.sent.s.start, m.sent.s.end), quoteId: null },
        class: 'paraphrased',
        similarity: round(Math.max(cmp.similarity, m.score * 0.5)),
        diff: wordDiff(m.piece.text, m.sent.text),
        speakerA: info.speakerLabel,
        speakerB: null,
      });
    }
  }
  return out;
}

/** Reporting verbs and phrases that make a sentence reported speech. */
const REPORTING_CUE = new RegExp(
  '\\b(?:' +
    [
      'sa(?:y|ys|id|ying)', 't(?:ell|ells|old|elling)', 'add(?:s|ed|ing)?', 'stated', 'noted',
      'explain(?:s|ed|ing)?', 'claim(?:s|ed|ing)?', 'insist(?:s|ed|ing)?', 'argu(?:e|es|ed|ing)', 'warn(?:s|ed|ing)?',
      'promis(?:e|es|ed|ing)', 'pledg(?:e|es|ed|ing)', 'vow(?:s|ed|ing)?', 'admit(?:s|ted|ting)?', 'acknowledg(?:e|es|ed|ing)',
      'conced(?:e|es|ed|ing)', 'den(?:y|ies|ied|ying)', 'believ(?:e|es|ed|ing)', 'think(?:s|ing)?', 'thought', 'suggest(?:s|ed|ing)?',
      'according to', 'announc(?:e|es|ed|ing)', 'declar(?:e|es|ed|ing)', 'stress(?:es|ed|ing)?', 'emphasi[sz](?:e|es|ed|ing)',
      'maintain(?:s|ed|ing)?', 'assert(?:s|ed|ing)?', 'contend(?:s|ed|ing)?', 'predict(?:s|ed|ing)?', 'urg(?:e|es|ed|ing)',
      'call(?:s|ed|ing)? for', 'prefer(?:s|red|ring)?', 'want(?:s|ed|ing)?', 'hoped', 'expect(?:s|ed|ing)?',
      'describ(?:e|es|ed|ing)', 'called', 'repl(?:y|ies|ied)', 'respond(?:s|ed|ing)?', 'accus(?:e|es|ed|ing)',
      'confirm(?:s|ed|ing)?', 'reiterat(?:e|es|ed|ing)', 'wrote', 'writes', 'signaled', 'signalled', 'indicat(?:e|es|ed|ing)',
    ].join('|') +
    ')\\b',
  'i',
);

/** A stem in at most this many sentences of the story (or 1% of them) counts as rare. */
const RARE_DF = 3;

/** Whether the words with the given stems lie within a window of `max` words of the sentence. */
function compact(ws: Word[], stems: Set<string>, max: number): boolean {
  let first = -1;
  let last = -1;
  ws.forEach((w, i) => {
    if (!stems.has(stem(w.norm)) || isStopword(w.norm)) return;
    if (first < 0) first = i;
    last = i;
  });
  return first >= 0 && last - first + 1 <= max;
}

interface Piece {
  start: number;
  end: number;
  text: string;
  words: Word[];
  stems: Set<string>;
  /** Stems that only occur capitalised inside the sentence (names), not at its start. */
  proper: Set<string>;
}

/** The speaker as written for each article-level speaker (continuation quotes carry none). */
function labelsBySpeaker(infos: QInfo[]): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const info of infos) {
    if (!info.q.speakerId || !info.q.speaker) continue;
    const key = `${info.q.articleId}|${info.q.speakerId}`;
    let l = labels.get(key);
    if (!l) labels.set(key, (l = []));
    l.push(info.q.speaker);
  }
  return labels;
}

const SUBJECT_PRONOUN = new Set(['he', 'she', 'they']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them']);

/** Content words naming the quote's speaker ("kremlin", "spokesman", "peskov"), pronouns left out. */
function speakerWordsOf(q: Quote, labels: Map<string, string[]>): Set<string> {
  const texts = [q.speaker ?? '', ...(q.speakerId ? labels.get(`${q.articleId}|${q.speakerId}`) ?? [] : [])];
  const out = new Set<string>();
  for (const t of texts) for (const w of words(t)) if (!isStopword(w.norm) && !PRONOUNS.has(w.norm) && w.norm.length > 2) out.add(stem(w.norm));
  return out;
}

function mentionsSpeaker(ws: Word[], speaker: Set<string>): boolean {
  if (!speaker.size) return false;
  return ws.some((w) => speaker.has(stem(w.norm)));
}

/** The quote cut at sentence boundaries (the whole quote when it is one sentence). */
function quotePieces(q: Quote, sentences: Sentence[], art: Article): Piece[] {
  const cuts: Array<[number, number]> = [];
  for (const s of sentences) {
    if (s.end <= q.start || s.start >= q.end) continue;
    cuts.push([Math.max(s.start, q.start), Math.min(s.end, q.end)]);
  }
  if (cuts.length <= 1) cuts.splice(0, cuts.length, [q.start, q.end]);
  return cuts.map(([start, end]) => {
    const text = art.text.slice(start, end);
    const w = words(text);
    const stems = contentStems(w);
    return { start, end, text, words: w, stems, proper: properStems(w, stems) };
  });
}

function quotedChars(quotes: Quote[], start: number, end: number): number {
  let n = 0;
  for (const q of quotes) n += Math.max(0, Math.min(end, q.end) - Math.max(start, q.start));
  return n;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export { normWords };
