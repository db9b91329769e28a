import type { Alignment, AlignmentLink, Article, Sentence, SentenceRef } from '../model.js';
import { normalizeSentence } from './normalize.js';

/**
 * Sentence alignment across the articles of a story.
 *
 * Every sentence is matched to at most one counterpart (or a run of adjacent
 * merged sentences) in each other article: `same` (identical after
 * normalisation or nearly so), `reworded` (same content, other words, e.g. a
 * re-translation), or left in `unique` when nothing in any other article
 * matches ("only in this article").
 *
 * Method: sentences are normalised (case, quotes, possessives, US/UK spelling,
 * number words, light stemming), content words are weighted by IDF over the
 * whole story, candidates come from an inverted index over content stems (so
 * the cost grows with shared vocabulary, not with all sentence pairs), and
 * each candidate pair is scored by a blend of IDF-weighted cosine,
 * containment (for shortened sentences) and character-trigram Dice (for
 * inflection and spelling drift). Each article pair is then matched greedily
 * one-to-one by score (robust to reordering), and left-over sentences that
 * extend an existing match with an adjacent sentence are merged in (one
 * sentence ↔ two).
 *
 * Captions align only with captions: a caption is not a retelling of a body
 * sentence, and pairing them would make noisy findings.
 */

export interface AlignOptions {
  /** Minimum score for a `reworded` link. */
  minScore?: number;
  /** Score at or above which (with near-identical words) a link is `same`. */
  sameScore?: number;
  /** Candidates kept per sentence after the index pass. */
  candidatesPerSentence?: number;
  /** Content stems in more than this share of sentences are not indexed (they still count in scores). */
  maxDfShare?: number;
  /**
   * Minimum score for an order rescue: a weaker pair that is mutually best and sits between two
   * matched neighbours (at most 5 sentences away) in both articles, as in a re-translation.
   */
  rescueScore?: number;
}

const DEFAULTS: Required<AlignOptions> = {
  minScore: 0.3,
  sameScore: 0.9,
  candidatesPerSentence: 40,
  maxDfShare: 0.5,
  rescueScore: 0.15,
};

interface Info {
  art: number;
  idx: number;
  s: Sentence;
  words: string[];
  terms: string[]; // unique content stems
  grams: Set<string>;
  norm2: number;
}

function trigrams(stems: string[]): Set<string> {
  const g = new Set<string>();
  for (const w of stems) {
    const x = `#${w}#`;
    for (let i = 0; i + 3 <= x.length; i++) g.add(x.slice(i, i + 3));
  }
  return g;
}

/** Similarity of two term/gram bags under the story IDF. */
function similarity(
  aTerms: string[], aGrams: Set<string>, aNorm: number,
  bTerms: string[], bGrams: Set<string>, bNorm: number,
  idf: Map<string, number>,
): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const bSet = bTerms.length < 16 ? null : new Set(bTerms);
  let inter = 0;
  let shared = 0;
  for (const t of aTerms) {
    if (bSet ? bSet.has(t) : bTerms.includes(t)) {
      const w = idf.get(t) ?? 1;
      inter += w * w;
      shared++;
    }
  }
  const minTerms = Math.min(aTerms.length, bTerms.length);
  // Too little shared content to call it the same statement ("FBI", "Sony had no comment.").
  if (shared < 2 && !(shared === 1 && aTerms.length === 1 && bTerms.length === 1)) return 0;
  // A fragment ("Washington Post") is not a retelling of a full sentence that mentions it.
  if (minTerms <= 2 && Math.max(aTerms.length, bTerms.length) > 2 * minTerms + 1) return 0;
  const cos = inter / Math.sqrt(aNorm * bNorm);
  // Containment rewards a shortened retelling, but only for sentences with some substance.
  const cont = minTerms >= 4 && (shared >= 4 || shared / minTerms >= 0.6) ? (inter / Math.min(aNorm, bNorm)) * 0.8 : 0;
  let gi = 0;
  const [small, large] = aGrams.size <= bGrams.size ? [aGrams, bGrams] : [bGrams, aGrams];
  for (const g of small) if (large.has(g)) gi++;
  const dice = aGrams.size + bGrams.size > 0 ? (2 * gi) / (aGrams.size + bGrams.size) : 0;
  const score = 0.75 * Math.max(cos, cont) + 0.25 * dice;
  // Sharing under half of the shorter sentence's content words: a topical echo, not a retelling.
  return minTerms <= 6 && shared / minTerms < 0.5 ? score * 0.75 : score;
}

const wordSets = new WeakMap<string[], Set<string>>();
function wordSet(a: string[]): Set<string> {
  let s = wordSets.get(a);
  if (!s) wordSets.set(a, (s = new Set(a)));
  return s;
}

function wordJaccard(a: string[], b: string[]): number {
  const A = wordSet(a);
  const B = wordSet(b);
  let i = 0;
  for (const x of A) if (B.has(x)) i++;
  const u = A.size + B.size - i;
  return u === 0 ? 1 : i / u;
}

/** The k-th largest value (1-based) by quickselect; O(n) on average. */
export function kthLargest(values: number[], k: number): number {
  const a = values;
  let lo = 0;
  let hi = a.length - 1;
  const target = Math.min(k, a.length) - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i]; a[i] = a[j]; a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}

function ref(info: Info): SentenceRef {
  return { articleId: info.s.articleId, sentence: info.idx, start: info.s.start, end: info.s.end };
}

/** Align the sentences of every article with those of every other article. */
export function alignSentences(articles: Article[], sentences: Sentence[][], options: AlignOptions = {}): Alignment {
  const opt = { ...DEFAULTS, ...options };
  if (articles.length !== sentences.length) {
    throw new Error(`alignSentences: ${articles.length} articles but ${sentences.length} sentence lists`);
  }
  // ---- normalise
  const infos: Info[] = [];
  const offsets: number[] = [];
  const seenIds = new Set<string>();
  articles.forEach((article, art) => {
    offsets.push(infos.length);
    // Identical texts share an id (ids are content-derived): the first occurrence stands for them.
    if (seenIds.has(article.id)) return;
    seenIds.add(article.id);
    sentences[art].forEach((s, idx) => {
      const n = normalizeSentence(article.text.slice(s.start, s.end));
      const terms = [...new Set(n.content)];
      infos.push({ art, idx, s, words: n.words, terms, grams: trigrams(n.content), norm2: 0 });
    });
  });
  const N = infos.length;
  // ---- IDF over the story
  const df = new Map<string, number>();
  for (const x of infos) for (const t of x.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log((N + 1) / (d + 0.5)) + 0.5);
  for (const x of infos) x.norm2 = x.terms.reduce((acc, t) => acc + (idf.get(t)! ** 2), 0);
  // ---- inverted index
  // Stems in more than `maxDfShare` of all sentences are not indexed (they still count in scores).
  const maxDf = Math.max(8, Math.floor(N * opt.maxDfShare));
  const postings = new Map<string, number[]>();
  infos.forEach((x, i) => {
    for (const t of x.terms) {
      if (df.get(t)! > maxDf) continue;
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push(i);
    }
  });
  // ---- candidates and scores
  const scores = new Map<number, number>(); // key i*N+j (i<j)
  const acc = new Float64Array(N);
  const artOf = Int32Array.from(infos, (x) => x.art);
  const capOf = Uint8Array.from(infos, (x) => (x.s.caption ? 1 : 0));
  const touched: number[] = [];
  for (let i = 0; i < N; i++) {
    const x = infos[i];
    const xa = artOf[i];
    const xc = capOf[i];
    for (const t of x.terms) {
      const p = postings.get(t);
      if (!p) continue;
      const w = idf.get(t)! ** 2;
      for (const j of p) {
        if (artOf[j] === xa || capOf[j] !== xc) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += w;
      }
    }
    // Cheap bound: shared weight must be a fair share of the smaller sentence.
    let pool = touched.filter((j) => acc[j] >= 0.12 * Math.min(x.norm2, infos[j].norm2));
    if (pool.length > opt.candidatesPerSentence * 4) {
      // Keep only what can make the top K before sorting (wire-copy stories touch thousands).
      const kth = kthLargest(pool.map((j) => acc[j]), opt.candidatesPerSentence);
      pool = pool.filter((j) => acc[j] >= kth);
    }
    const cand = pool.sort((a, b) => acc[b] - acc[a] || a - b).slice(0, opt.candidatesPerSentence);
    for (const j of touched) acc[j] = 0;
    touched.length = 0;
    for (const j of cand) {
      const [lo, hi] = i < j ? [i, j] : [j, i];
      const key = lo * N + hi;
      if (scores.has(key)) continue;
      const a = infos[lo];
      const b = infos[hi];
      scores.set(key, similarity(a.terms, a.grams, a.norm2, b.terms, b.grams, b.norm2, idf));
    }
  }
  // ---- per article pair: greedy one-to-one, then merges
  const byPair = new Map<number, Array<[number, number, number]>>();
  for (const [key, sc] of scores) {
    if (sc < Math.min(opt.minScore * 0.6, opt.rescueScore)) continue;
    const lo = Math.floor(key / N);
    const hi = key % N;
    const pk = infos[lo].art * articles.length + infos[hi].art;
    let list = byPair.get(pk);
    if (!list) byPair.set(pk, (list = []));
    list.push([lo, hi, sc]);
  }
  const links: Array<{ a: number[]; b: number[]; score: number }> = [];
  const linked = new Uint8Array(N);
  for (const pk of [...byPair.keys()].sort((p, q) => p - q)) {
    const list = byPair.get(pk)!.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
    const matchA = new Map<number, { a: number[]; b: number[]; score: number }>();
    const matchB = new Map<number, { a: number[]; b: number[]; score: number }>();
    const pairLinks: Array<{ a: number[]; b: number[]; score: number }> = [];
    for (const [lo, hi, sc] of list) {
      if (sc < opt.minScore) break;
      if (matchA.has(lo) || matchB.has(hi)) continue;
      const link = { a: [lo], b: [hi], score: sc };
      matchA.set(lo, link);
      matchB.set(hi, link);
      links.push(link);
      pairLinks.push(link);
    }
    rescue(list, pairLinks, matchA, matchB);
    // Merged sentences: an unmatched sentence adjacent to a matched one on the same side.
    for (const [lo, hi] of list) {
      if (matchA.has(lo) && !matchB.has(hi)) tryMerge(matchA.get(lo)!, 'b', hi, matchB);
      else if (matchB.has(hi) && !matchA.has(lo)) tryMerge(matchB.get(hi)!, 'a', lo, matchA);
    }
  }

  function rescue(
    list: Array<[number, number, number]>, pairLinks: Array<{ a: number[]; b: number[]; score: number }>,
    matchA: Map<number, { a: number[]; b: number[]; score: number }>,
    matchB: Map<number, { a: number[]; b: number[]; score: number }>,
  ): void {
    if (pairLinks.length < 2) return;
    const anchors = pairLinks.map((l) => [infos[l.a[0]].idx, infos[l.b[0]].idx] as [number, number])
      .sort((p, q) => p[0] - q[0]);
    const bestA = new Map<number, number>();
    const bestB = new Map<number, number>();
    const weak = list.filter(([lo, hi, sc]) => sc < opt.minScore && sc >= opt.rescueScore && !matchA.has(lo) && !matchB.has(hi));
    for (const [lo, hi] of weak) {
      if (!bestA.has(lo)) bestA.set(lo, hi);
      if (!bestB.has(hi)) bestB.set(hi, lo);
    }
    for (const [lo, hi, sc] of weak) {
      if (bestA.get(lo) !== hi || bestB.get(hi) !== lo || matchA.has(lo) || matchB.has(hi)) continue;
      const ia = infos[lo].idx;
      const jb = infos[hi].idx;
      let prev: [number, number] | null = null;
      let next: [number, number] | null = null;
      for (const an of anchors) {
        if (an[0] < ia) prev = an;
        else if (an[0] > ia) { next = an; break; }
      }
      if (!prev || !next) continue;
      const ok = prev[1] < jb && jb < next[1] && ia - prev[0] <= 5 && next[0] - ia <= 5 && jb - prev[1] <= 5 && next[1] - jb <= 5;
      if (!ok) continue;
      const link = { a: [lo], b: [hi], score: sc };
      matchA.set(lo, link);
      matchB.set(hi, link);
      links.push(link);
    }
  }

  function tryMerge(
    link: { a: number[]; b: number[]; score: number }, side: 'a' | 'b', extra: number,
    owner: Map<number, { a: number[]; b: number[]; score: number }>,
  ): void {
    const group = link[side];
    if (group.length >= 3) return;
    const e = infos[extra];
    const adjacent = group.some((g) => infos[g].art === e.art && infos[g].s.block === e.s.block &&
      Math.abs(infos[g].idx - e.idx) === 1) || group.some((g) => infos[g].art === e.art && Math.abs(infos[g].idx - e.idx) === 1);
    if (!adjacent) return;
    const other = side === 'a' ? link.b : link.a;
    const merged = [...group, extra].sort((p, q) => p - q);
    const bag = (ids: number[]) => {
      const terms = [...new Set(ids.flatMap((k) => infos[k].terms))];
      const grams = new Set<string>();
      for (const k of ids) for (const g of infos[k].grams) grams.add(g);
      return { terms, grams, norm2: terms.reduce((s, t) => s + idf.get(t)! ** 2, 0) };
    };
    const o = bag(other);
    const m = bag(merged);
    const sc = similarity(m.terms, m.grams, m.norm2, o.terms, o.grams, o.norm2, idf);
    // The extra sentence must add matched content, not just length.
    if (sc < link.score + 0.04) return;
    link[side] = merged;
    link.score = sc;
    owner.set(extra, link);
  }

  // ---- output
  const out: AlignmentLink[] = [];
  for (const l of links) {
    for (const k of [...l.a, ...l.b]) linked[k] = 1;
    const a = l.a.map((k) => infos[k]);
    const b = l.b.map((k) => infos[k]);
    const same = a.length === 1 && b.length === 1 && l.score >= opt.sameScore * 0.8 &&
      wordJaccard(a[0].words, b[0].words) >= opt.sameScore;
    out.push({ a: a.map(ref), b: b.map(ref), kind: same ? 'same' : 'reworded', score: Math.round(Math.min(1, l.score) * 1000) / 1000 });
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const cmpRef = (p: SentenceRef, q: SentenceRef) =>
    (order.get(p.articleId)! - order.get(q.articleId)!) || p.sentence - q.sentence;
  out.sort((p, q) => cmpRef(p.a[0], q.a[0]) || cmpRef(p.b[0], q.b[0]));
  const unique: SentenceRef[] = [];
  for (let i = 0; i < N; i++) if (!linked[i]) unique.push(ref(infos[i]));
  return { links: out, unique };
}
