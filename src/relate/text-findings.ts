import type {
  Alignment, AlignmentLink, Article, Attribution, Citation, Evidence, Finding, FindingKind, Hedge, NumberMention,
  Sentence, SentenceRef, Span,
} from '../model.js';
import { toSI } from '../analyze/numbers.js';
import { shortHash } from '../util/hash.js';
import { normalizeSentence } from './normalize.js';

/**
 * Text-level findings across the articles of a story:
 *
 * - `material-dropped` / `material-added`: runs of sentences of the reference
 *   article that another article leaves out, and runs another article adds.
 *   **The reference** is the input article the other inputs cite most (a
 *   citation naming its outlet); if none is cited, the earliest-published
 *   article; if no dates are known, the first input.
 * - `attribution-dropped`: a sentence attributed in one article ("X said",
 *   "according to", "told Bloomberg", quote marks) whose aligned counterpart
 *   in a later article carries no attribution at all (nor does its paragraph).
 * - `hedge-dropped` / `hedge-added`: aligned sentences where an evidential
 *   ("reportedly", "allegedly") or modal ("may", "could") hedge disappears or
 *   appears in the later article.
 * - `certainty-escalated` / `certainty-softened`: aligned sentences whose
 *   decision verb moves along considering < planning < decided, or where a
 *   hedged claim becomes a boosted one ("may" → "confirmed").
 * - `number-mismatch`: the same kind of number about the same thing with a
 *   different value, in aligned sentences, or anywhere when what it counts is
 *   named the same way.
 *
 * "Earlier"/"later" is publication order (unknown dates sort last, ties keep
 * input order). Every finding names its articles and carries evidence spans.
 *
 * Noise control: sentence-pair findings need an alignment score of at least
 * `minLinkScore` (0.4) and skip captions; findings about the same later
 * sentence (or number) are merged into one, naming every earlier article
 * that differs from it; a hedge that is replaced by another hedge, or an
 * evidential hedge replaced by an explicit attribution, is not reported;
 * numbers only clash when their qualified intervals ("more than 200",
 * "about 11") cannot both hold, after unit conversion; material findings
 * are runs of substantive sentences, capped per article pair (5 for small
 * stories, fewer as the story grows) and skipped for articles that share
 * fewer than 2 sentences, or under 5% as many as the reference has substantive sentences (a different story).
 */

export interface TextFindingsInput {
  articles: Article[];
  /** Per article (same order as `articles`), or one flat list (grouped by `articleId`, order kept). */
  sentences: Sentence[][] | Sentence[];
  alignment: Alignment;
  hedges: Hedge[] | Hedge[][];
  numbers: NumberMention[] | NumberMention[][];
  attributions: Attribution[] | Attribution[][];
  citations: Citation[] | Citation[][];
}

export interface TextFindingsOptions {
  /** Minimum alignment score for sentence-pair findings (attribution, hedge, certainty, number). */
  minLinkScore?: number;
  /** Maximum material-added / material-dropped findings per article pair and kind. */
  maxMaterialPerPair?: number;
  /** Below this share of the reference's sentences aligned with it, an article is not compared for material. */
  minCoverage?: number;
}

const DEFAULTS: Required<TextFindingsOptions> = { minLinkScore: 0.4, maxMaterialPerPair: 5, minCoverage: 0.05 };

const ATTRIBUTION_CUE = /\b(?:(?<!\b(?:is|are|was|were|be|been|being)\s+)(?:said|says|say|told)|tells|according\s+to|reported(?:ly)?|reports?|reporting|statement|tweet(?:ed|s)?|interview|citing|cited|quoted|quoting|claimed|claims|claim|stated|(?<!united\s)states|added|adds|noted|notes|announced\s+(?:that|on\s+\w+\s+that)|wrote|writes|tweeted|explained|described|recalled|recounted|testified|admitted|revealed|alleged|accused|warned|wrote|spoke\s+(?:to|with)|speaking\s+(?:to|with|on\s+condition)|insisted|argued|confirmed(?!\s+(?:to\s+be|dead|cases?))|denied|acknowledged|asserted|warned|sources?\s+(?:close|familiar|say|said)|officials?\s+(?:say|said)|the\s+publication|the\s+outlet|the\s+newspaper)\b/i;
const QUOTE_MARK = /[“”"«»„‘]|^['’]|['’]$/;
/** A speaker label opening the sentence ("Hunter: They are…", "Peskov: …"). */
const SPEAKER_LABEL = /^\s*[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}\s*:\s/u;
const EVIDENTIAL = new Set(['evidential']);
const MODAL = new Set(['modal', 'adverb']);

function flat<T>(x: T[] | T[][]): T[] {
  return (x as unknown[]).length > 0 && Array.isArray((x as unknown[])[0]) ? (x as T[][]).flat() : (x as T[]);
}

/** Sentences grouped per article, whether given per article or flat. */
function perArticle(articles: Article[], sentences: Sentence[][] | Sentence[]): Sentence[][] {
  if (sentences.length === 0 || Array.isArray(sentences[0])) return sentences as Sentence[][];
  const byId = new Map<string, Sentence[]>(articles.map((a) => [a.id, []]));
  for (const s of sentences as Sentence[]) byId.get(s.articleId)?.push(s);
  return articles.map((a) => byId.get(a.id)!);
}

/** How an article is named in explanations: its outlet, else its file name, else its title. */
function label(a: Article, i: number): string {
  if (a.outlet) return a.outlet;
  const base = a.source.split(/[\\/]/).pop() || a.source;
  if (base && base !== '-') return base;
  if (a.title) return a.title.length > 40 ? a.title.slice(0, 39) + '…' : a.title;
  return `article ${i + 1}`;
}

function clip(s: string, n = 90): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** Items with spans bucketed by the sentence that contains their start. */
function bucket<T extends Span>(items: T[], sents: Sentence[]): T[][] {
  const out: T[][] = sents.map(() => []);
  const sorted = [...items].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const it of sorted) {
    while (k < sents.length && sents[k].end <= it.start) k++;
    if (k < sents.length && sents[k].start <= it.start) out[k].push(it);
  }
  return out;
}

interface ArtIndex {
  article: Article;
  order: number;
  label: string;
  sents: Sentence[];
  hedges: Hedge[][];
  numbers: NumberMention[][];
  attributed: boolean[];
  /** Sentences with enough content words to matter (not debris, not a fragment). */
  subst: boolean[];
  /** Content-word count per sentence. */
  words: number[];
  /** Blocks whose text contains an attribution cue anywhere. */
  blockAttributed: Set<number>;
  cueSpan: Array<Span | null>;
}

/** Input article order by citation, then publication date, then input order; index 0 is the reference. */
export function chooseReference(articles: Article[], citations: Citation[]): number {
  if (articles.length === 0) return -1;
  const cited = articles.map(() => 0);
  articles.forEach((a, i) => {
    if (!a.outlet) return;
    const name = a.outlet.toLowerCase();
    for (const c of citations) {
      if (c.articleId === a.id) continue;
      const s = c.source.toLowerCase();
      if (s === name || s.includes(name) || name.includes(s) && s.length >= 4) cited[i]++;
    }
  });
  const best = Math.max(...cited);
  if (best > 0) return cited.indexOf(best);
  return chronological(articles)[0];
}

function chronological(articles: Article[]): number[] {
  return articles.map((_, i) => i).sort((p, q) => {
    const a = articles[p].publishedAt;
    const b = articles[q].publishedAt;
    if (a && b && a !== b) return a < b ? -1 : 1;
    if (a && !b) return -1;
    if (!a && b) return 1;
    return p - q;
  });
}

function evidence(ix: ArtIndex, span: Span): Evidence {
  return { articleId: ix.article.id, start: span.start, end: span.end, text: ix.article.text.slice(span.start, span.end) };
}

function refsSpan(refs: SentenceRef[]): Span {
  return { start: Math.min(...refs.map((r) => r.start)), end: Math.max(...refs.map((r) => r.end)) };
}

function substantive(text: string): boolean {
  return normalizeSentence(text).content.length >= 4 && /\p{Ll}{3}/u.test(text);
}

/** Compute the text-level findings. Deterministic; ids are `f-<kind>-<hash>`. */
export function findTextFindings(input: TextFindingsInput, options: TextFindingsOptions = {}): Finding[] {
  const opt = { ...DEFAULTS, ...options };
  const { articles, alignment } = input;
  if (articles.length < 2) return [];
  const sentences = perArticle(articles, input.sentences);
  const hedges = flat(input.hedges);
  const numbers = flat(input.numbers);
  const attributions = flat(input.attributions);
  const citations = flat(input.citations);
  const byId = new Map(articles.map((a, i) => [a.id, i]));
  const chrono = chronological(articles);
  const rank = new Map(chrono.map((a, r) => [a, r]));

  const idx: ArtIndex[] = articles.map((article, i) => {
    const sents = sentences[i] ?? [];
    const mine = <T extends { articleId: string }>(xs: T[]) => xs.filter((x) => x.articleId === article.id);
    const attrSpans: Span[] = [
      ...mine(attributions).flatMap((a) => [a.cue, ...(a.source ? [a.source] : [])]),
      ...mine(citations),
    ];
    const attrBuckets = bucket(attrSpans, sents);
    const cueSpan: Array<Span | null> = [];
    const attributed = sents.map((s, k) => {
      const text = article.text.slice(s.start, s.end);
      const m = ATTRIBUTION_CUE.exec(text);
      if (m) {
        cueSpan[k] = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        return true;
      }
      cueSpan[k] = attrBuckets[k][0] ?? null;
      return attrBuckets[k].length > 0 || QUOTE_MARK.test(text) || SPEAKER_LABEL.test(text);
    });
    const blockAttributed = new Set<number>();
    sents.forEach((s, k) => { if (attributed[k]) blockAttributed.add(s.block); });
    const words = sents.map((s) => normalizeSentence(article.text.slice(s.start, s.end)).content.length);
    const subst = sents.map((s, k) => words[k] >= 4 && /\p{Ll}{3}/u.test(article.text.slice(s.start, s.end)));
    return {
      article, order: i, label: label(article, i), sents, subst, words,
      hedges: bucket(mine(hedges), sents), numbers: bucket(mine(numbers), sents),
      attributed, blockAttributed, cueSpan,
    };
  });

  const findings: Finding[] = [];
  // Pair findings about the same later sentence (or number) are grouped into one finding: the earliest
  // source article gives the evidence, the others are named in `articles` and counted in the explanation.
  const groups = new Map<string, Array<{ rank: number; finding: Finding }>>();
  const push: Push = (kind, severity, arts, ev, explanation, group) => {
    const finding: Finding = { id: '', kind, severity, articles: arts.map((i) => articles[i].id), evidence: ev, explanation };
    if (!group) { findings.push(finding); return; }
    let g = groups.get(group);
    if (!g) groups.set(group, (g = []));
    g.push({ rank: rank.get(arts[0]) ?? 0, finding });
  };

  // ---------------------------------------------------------- sentence-pair findings
  for (const link of alignment.links) {
    if (link.a.length === 0 || link.b.length === 0) continue;
    const ia = byId.get(link.a[0].articleId);
    const ib = byId.get(link.b[0].articleId);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    const earlierFirst = rank.get(ia)! <= rank.get(ib)!;
    const [xi, xRefs, yi, yRefs] = earlierFirst ? [ia, link.a, ib, link.b] : [ib, link.b, ia, link.a];
    const X = idx[xi];
    const Y = idx[yi];
    if (xRefs.some((r) => X.sents[r.sentence]?.caption) || yRefs.some((r) => Y.sents[r.sentence]?.caption)) continue;
    const xs = xRefs.map((r) => r.sentence).filter((k) => X.sents[k]);
    const ys = yRefs.map((r) => r.sentence).filter((k) => Y.sents[k]);
    if (xs.length === 0 || ys.length === 0) continue;
    numberMismatch(X, xs, Y, ys, link, push);
    if (link.score < opt.minLinkScore) continue;
    // A full sentence against a fragment of it says little about hedges or attribution.
    const xw = xs.reduce((n, k) => n + X.words[k], 0);
    const yw = ys.reduce((n, k) => n + Y.words[k], 0);
    if (Math.max(xw, yw) > 2.5 * Math.max(1, Math.min(xw, yw))) continue;
    attributionDropped(X, xs, Y, ys, push);
    hedgeAndCertainty(X, xs, Y, ys, push);
  }

  // ---------------------------------------------------------- numbers by what they count
  numbersByCounts(idx, rank, push);

  // ---------------------------------------------------------- material
  const ref = chooseReference(articles, citations);
  materialFindings(idx, ref, alignment, opt, push);

  for (const g of groups.values()) {
    g.sort((p, q) => p.rank - q.rank || (p.finding.evidence[0]?.start ?? 0) - (q.finding.evidence[0]?.start ?? 0));
    const base = g[0].finding;
    const extra: string[] = [];
    for (const { finding } of g.slice(1)) {
      for (const a of finding.articles) if (!base.articles.includes(a) && !extra.includes(a)) extra.push(a);
    }
    if (extra.length > 0) {
      base.articles = [...base.articles, ...extra];
      base.explanation += ` (${extra.length} other earlier article${extra.length > 1 ? 's' : ''} agree with ${idx[byId.get(base.articles[0])!].label}.)`;
    }
    findings.push(base);
  }

  // ---------------------------------------------------------- ids and order
  const sevRank = { high: 0, medium: 1, low: 2 };
  findings.sort((p, q) => sevRank[p.severity] - sevRank[q.severity] || (p.kind < q.kind ? -1 : p.kind > q.kind ? 1 : 0) ||
    byId.get(p.articles[0])! - byId.get(q.articles[0])! || (p.evidence[0]?.start ?? 0) - (q.evidence[0]?.start ?? 0) ||
    (p.articles[1] && q.articles[1] ? byId.get(p.articles[1])! - byId.get(q.articles[1])! : 0));
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = f.kind + '|' + f.evidence.map((e) => `${e.articleId}:${e.start}-${e.end}`).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    f.id = `f-${f.kind}-${shortHash(key, 10)}`;
    out.push(f);
  }
  return out;
}

type Push = (kind: FindingKind, severity: Finding['severity'], arts: number[], ev: Evidence[], explanation: string, group?: string) => void;

/** Group key: one finding per kind and later sentence/number. */
function gk(kind: FindingKind, Y: ArtIndex, at: Span): string {
  return `${kind}|${Y.article.id}:${at.start}`;
}

// ------------------------------------------------------------------ attribution

function attributionDropped(X: ArtIndex, xs: number[], Y: ArtIndex, ys: number[], push: Push): void {
  // The earlier side needs an explicit attribution (a cue, a citation or an attribution span): quote marks
  // alone are quote drift, reported by the quote findings.
  const xAttr = xs.find((k) => X.attributed[k] && X.cueSpan[k] !== null);
  if (xAttr === undefined) return;
  if (!ys.some((k) => Y.subst[k])) return;
  for (const k of ys) {
    if (Y.attributed[k] || Y.blockAttributed.has(Y.sents[k].block)) return;
    if (Y.article.blocks[Y.sents[k].block]?.kind === 'title' || Y.article.blocks[Y.sents[k].block]?.kind === 'heading') return;
  }
  const cue = X.cueSpan[xAttr];
  const xSpan = { start: X.sents[xs[0]].start, end: X.sents[xs[xs.length - 1]].end };
  const ySpan = { start: Y.sents[ys[0]].start, end: Y.sents[ys[ys.length - 1]].end };
  const cueText = cue ? X.article.text.slice(cue.start, cue.end) : 'quotation marks';
  const yHedged = ys.some((k) => Y.hedges[k].some((h) => h.kind === 'hedge' && h.strength <= -0.4));
  push('attribution-dropped', yHedged ? 'medium' : 'high', [X.order, Y.order],
    [evidence(X, xSpan), ...(cue ? [evidence(X, cue)] : []), evidence(Y, ySpan)],
    `${X.label} attributes this ("${clip(cueText, 30)}"); ${Y.label} states it without attribution${yHedged ? ' (but hedged)' : ' as fact'}.`,
    gk('attribution-dropped', Y, ySpan));
}

// ------------------------------------------------------------------ hedges and certainty

function strongHedges(hs: Hedge[], cats: Set<string>): Hedge[] {
  return hs.filter((h) => h.kind === 'hedge' && h.strength <= -0.4 && cats.has(h.category ?? '') && (h.scale ?? null) === null);
}

function hedgeAndCertainty(X: ArtIndex, xs: number[], Y: ArtIndex, ys: number[], push: Push): void {
  const xh = xs.flatMap((k) => X.hedges[k]);
  const yh = ys.flatMap((k) => Y.hedges[k]);
  const xSpan = { start: X.sents[xs[0]].start, end: X.sents[xs[xs.length - 1]].end };
  const ySpan = { start: Y.sents[ys[0]].start, end: Y.sents[ys[ys.length - 1]].end };
  // Decision scale: considering (1) < planning (2) < decided (3).
  const xScale = Math.max(0, ...xh.map((h) => h.scale ?? 0));
  const yScale = Math.max(0, ...yh.map((h) => h.scale ?? 0));
  const xAnyHedge = xh.some((h) => h.kind === 'hedge' && h.strength <= -0.4);
  const yAnyHedge = yh.some((h) => h.kind === 'hedge' && h.strength <= -0.4);
  const yBoost = yh.filter((h) => h.kind === 'booster' && h.strength >= 0.6);
  const xBoost = xh.filter((h) => h.kind === 'booster' && h.strength >= 0.6);
  let certaintyDone = false;
  const cueEv = (ix: ArtIndex, h: Hedge | undefined) => (h ? [evidence(ix, h)] : []);
  if (xScale && yScale && xScale !== yScale) {
    const xc = xh.find((h) => h.scale === xScale);
    const yc = yh.find((h) => h.scale === yScale);
    const up = yScale > xScale;
    push(up ? 'certainty-escalated' : 'certainty-softened', up ? 'high' : 'medium', [X.order, Y.order],
      [evidence(X, xSpan), ...cueEv(X, xc), evidence(Y, ySpan), ...cueEv(Y, yc)],
      `${X.label} says "${xc?.text}", ${Y.label} says "${yc?.text}": the decision is ${up ? 'made firmer' : 'made less certain'}.`,
      gk(up ? 'certainty-escalated' : 'certainty-softened', Y, ySpan));
    certaintyDone = true;
  } else if (xAnyHedge && !yAnyHedge && yBoost.length > 0 && xBoost.length === 0) {
    const xc = xh.find((h) => h.kind === 'hedge' && h.strength <= -0.4);
    push('certainty-escalated', 'high', [X.order, Y.order],
      [evidence(X, xSpan), ...cueEv(X, xc), evidence(Y, ySpan), ...cueEv(Y, yBoost[0])],
      `${X.label} hedges ("${xc?.text}"); ${Y.label} states it with certainty ("${yBoost[0].text}").`,
      gk('certainty-escalated', Y, ySpan));
    certaintyDone = true;
  } else if (yAnyHedge && !xAnyHedge && xBoost.length > 0 && yBoost.length === 0) {
    const yc = yh.find((h) => h.kind === 'hedge' && h.strength <= -0.4);
    push('certainty-softened', 'medium', [X.order, Y.order],
      [evidence(X, xSpan), ...cueEv(X, xBoost[0]), evidence(Y, ySpan), ...cueEv(Y, yc)],
      `${X.label} is certain ("${xBoost[0].text}"); ${Y.label} hedges ("${yc?.text}").`,
      gk('certainty-softened', Y, ySpan));
    certaintyDone = true;
  }
  if (certaintyDone) return;
  for (const [cats, name] of [[EVIDENTIAL, 'evidential'], [MODAL, 'modal']] as const) {
    const xg = strongHedges(xh, cats);
    const yg = strongHedges(yh, cats);
    if (xg.length > 0 && yg.length === 0) {
      // Another strong hedge still qualifies the claim: not worth a reader's time.
      if (strongHedges(yh, name === 'modal' ? EVIDENTIAL : MODAL).length > 0) continue;
      // An evidential hedge replaced by an explicit attribution ("they said") is not a drop of doubt.
      const yAttributed = ys.some((k) => Y.attributed[k]);
      if (name === 'evidential' && yAttributed) continue;
      const severity = name === 'evidential' ? 'high' : yAttributed ? 'low' : 'medium';
      push('hedge-dropped', severity, [X.order, Y.order], [evidence(X, xSpan), evidence(X, xg[0]), evidence(Y, ySpan)],
        `${X.label} hedges with "${xg.map((h) => h.text).join('", "')}"; ${Y.label} states it without the hedge.`,
        gk('hedge-dropped', Y, ySpan));
    } else if (yg.length > 0 && xg.length === 0) {
      if (strongHedges(xh, name === 'modal' ? EVIDENTIAL : MODAL).length > 0) continue;
      push('hedge-added', 'low', [X.order, Y.order], [evidence(X, xSpan), evidence(Y, ySpan), evidence(Y, yg[0])],
        `${Y.label} adds the hedge "${yg.map((h) => h.text).join('", "')}" not in ${X.label}.`,
        gk('hedge-added', Y, ySpan));
    }
  }
}

// ------------------------------------------------------------------ numbers

const COMPARABLE = new Set(['percent', 'money', 'count', 'quantity', 'ratio', 'duration']);

function comparable(n: NumberMention): { value: number; unit: string } | null {
  if (!COMPARABLE.has(n.kind) || n.value === null) return null;
  const si = toSI(n.value, n.unit);
  if (si) return { value: si.value, unit: `${n.kind}:${si.unit}` };
  return { value: n.value, unit: `${n.kind}:${n.unit ?? ''}` };
}

const LOWER_BOUND = /^(more than|over|at least|upwards of|well over|just over|in excess of)$/i;
const UPPER_BOUND = /^(less than|fewer than|under|up to|at most|just under|as many as|as much as)$/i;
const NEAR_BELOW = /^(nearly|almost)$/i;

/** The interval of values a mention allows, from its qualifier ("more than 200" → (200, ∞)). */
function interval(n: NumberMention): [number, number] {
  const v = comparable(n)!.value;
  const q = (n.qualifier ?? '').toLowerCase();
  const exact = Math.abs(v) * 0.015;
  if (!q) return [v - exact, v + exact];
  if (LOWER_BOUND.test(q)) return [v - exact, Infinity];
  if (UPPER_BOUND.test(q)) return [-Infinity, v + exact];
  if (NEAR_BELOW.test(q)) return [v * 0.85, v + exact];
  return [v * 0.85, v * 1.15]; // about, around, roughly, some, an estimated…
}

/** Can both mentions be true at once? Units are converted ("16-foot" vs "5m"), qualifiers widen the value. */
function closeEnough(a: NumberMention, b: NumberMention): boolean {
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  // Converted units are rounded by writers ("60-foot" ≈ "20-m"): allow 10%.
  const slack = a.unit !== b.unit ? 0.1 * Math.max(Math.abs(comparable(a)!.value), Math.abs(comparable(b)!.value)) : 0;
  return alo <= bhi + slack && blo <= ahi + slack;
}

function countsWords(n: NumberMention): Set<string> {
  return new Set(n.counts ? normalizeSentence(n.counts).content : []);
}

function sharesCounts(a: NumberMention, b: NumberMention): boolean {
  const A = countsWords(a);
  const B = countsWords(b);
  if (A.size === 0 && B.size === 0) return a.kind === 'percent' || a.kind === 'money' || a.kind === 'ratio';
  for (const w of A) if (B.has(w)) return true;
  return false;
}

function describe(n: NumberMention): string {
  return `"${n.text}"${n.counts ? ` (${clip(n.counts, 40)})` : ''}`;
}

function numberMismatch(X: ArtIndex, xs: number[], Y: ArtIndex, ys: number[], _link: AlignmentLink, push: Push): void {
  // "two more doctors" counts an increment, not the total: not comparable.
  const incremental = (n: NumberMention) => !!n.counts && /^(more|additional|other|further|extra|new|fewer)\b/i.test(n.counts);
  const xn = xs.flatMap((k) => X.numbers[k]).filter((n) => comparable(n) && !incremental(n));
  const yn = ys.flatMap((k) => Y.numbers[k]).filter((n) => comparable(n) && !incremental(n));
  if (xn.length === 0 || yn.length === 0) return;
  const unit = (n: NumberMention) => comparable(n)!.unit;
  const xFree = xn.filter((a) => !yn.some((b) => unit(a) === unit(b) && closeEnough(a, b)));
  const yFree = yn.filter((b) => !xn.some((a) => unit(a) === unit(b) && closeEnough(a, b)));
  const used = new Set<NumberMention>();
  for (const a of xFree) {
    const cands = yFree.filter((b) => !used.has(b) && unit(a) === unit(b) && sharesCounts(a, b));
    if (cands.length !== 1) continue;
    const b = cands[0];
    used.add(b);
    push('number-mismatch', 'high', [X.order, Y.order], [evidence(X, a), evidence(Y, b)],
      `${X.label} says ${describe(a)}, ${Y.label} says ${describe(b)} in the matching sentence.`,
      gk('number-mismatch', Y, b));
  }
}

function numbersByCounts(idx: ArtIndex[], rank: Map<number, number>, push: Push): void {
  // Percentages and money whose counted thing is named with the same content words (≥ 2) across articles.
  const groups = new Map<string, Array<{ ix: ArtIndex; n: NumberMention }>>();
  for (const ix of idx) {
    for (const bucketed of ix.numbers) {
      for (const n of bucketed) {
        if ((n.kind !== 'percent' && n.kind !== 'money') || n.value === null || !n.counts) continue;
        const words = [...new Set(normalizeSentence(n.counts).content)].sort();
        if (words.length < 2) continue;
        const key = `${n.kind}|${n.unit}|${words.join(' ')}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push({ ix, n });
      }
    }
  }
  for (const g of groups.values()) {
    const arts = new Set(g.map((x) => x.ix.order));
    if (arts.size < 2) continue;
    g.sort((p, q) => rank.get(p.ix.order)! - rank.get(q.ix.order)! || p.n.start - q.n.start);
    const first = g[0];
    for (const other of g) {
      if (other.ix.order === first.ix.order) continue;
      // Already compared through the alignment? Only report when no value of the first article matches.
      if (g.some((x) => x.ix.order === first.ix.order && closeEnough(x.n, other.n))) continue;
      push('number-mismatch', 'high', [first.ix.order, other.ix.order], [evidence(first.ix, first.n), evidence(other.ix, other.n)],
        `${first.ix.label} says ${describe(first.n)}, ${other.ix.label} says ${describe(other.n)}.`,
        gk('number-mismatch', other.ix, other.n));
    }
  }
}

// ------------------------------------------------------------------ material

function materialFindings(idx: ArtIndex[], ref: number, alignment: Alignment, opt: Required<TextFindingsOptions>, push: Push): void {
  if (ref < 0) return;
  // linked[art][sentence] = set of other article indexes it is aligned with.
  const byId = new Map(idx.map((ix) => [ix.article.id, ix.order]));
  const linked: Array<Array<Set<number>>> = idx.map((ix) => ix.sents.map(() => new Set<number>()));
  for (const l of alignment.links) {
    const ia = byId.get(l.a[0]?.articleId ?? '');
    const ib = byId.get(l.b[0]?.articleId ?? '');
    if (ia === undefined || ib === undefined) continue;
    for (const r of l.a) linked[ia][r.sentence]?.add(ib);
    for (const r of l.b) linked[ib][r.sentence]?.add(ia);
  }
  const R = idx[ref];
  // In big stories keep fewer runs per article pair, so the report stays readable.
  const perPair = Math.max(1, Math.min(opt.maxMaterialPerPair, Math.floor(40 / Math.max(1, idx.length - 1))));
  const substantiveR = R.sents.filter((s, k) => !s.caption && R.subst[k]).length;
  // Dropped runs of the reference, grouped over the articles that leave them out.
  const dropped = new Map<string, { run: Run; by: ArtIndex[] }>();
  for (const B of idx) {
    if (B.order === ref) continue;
    const covered = R.sents.filter((s, k) => !s.caption && linked[ref][k].has(B.order)).length;
    if (substantiveR === 0 || covered < 2 || covered / substantiveR < opt.minCoverage) continue;
    for (const run of missingRuns(R, B, linked[ref]).slice(0, perPair)) {
      const key = run.run.join(',');
      const d = dropped.get(key);
      if (d) d.by.push(B);
      else dropped.set(key, { run, by: [B] });
    }
    for (const run of missingRuns(B, R, linked[B.order]).slice(0, perPair)) {
      const { span, what, n, severity, text } = describeRun(B, run);
      push('material-added', severity, [B.order, R.order], [evidence(B, span)],
        `${B.label} adds ${n} not in the reference ${R.label}${what}: "${clip(text, 80)}"`);
    }
  }
  for (const { run, by } of dropped.values()) {
    const { span, what, n, severity, text } = describeRun(R, run);
    const who = by.length === 1 ? by[0].label : `${by[0].label} and ${by.length - 1} other article${by.length > 2 ? 's' : ''}`;
    push('material-dropped', severity, [R.order, ...by.map((b) => b.order)], [evidence(R, span)],
      `${who} leave${by.length === 1 ? 's' : ''} out ${n} of the reference ${R.label}${what}: "${clip(text, 80)}"`);
  }
}

interface Run {
  run: number[];
  nums: NumberMention[];
  text: string;
  quote: boolean;
  score: number;
}

/** Runs of consecutive substantive sentences of S (same block) with no counterpart in O, best first. */
function missingRuns(S: ArtIndex, O: ArtIndex, linked: Array<Set<number>>): Run[] {
  const runs: number[][] = [];
  let cur: number[] = [];
  S.sents.forEach((s, k) => {
    const missing = !s.caption && !linked[k].has(O.order) && S.subst[k] &&
      S.article.blocks[s.block]?.kind !== 'title';
    const contiguous = cur.length > 0 && S.sents[cur[cur.length - 1]].block === s.block && cur[cur.length - 1] === k - 1;
    if (missing && (cur.length === 0 || contiguous)) cur.push(k);
    else {
      if (cur.length) runs.push(cur);
      cur = missing ? [k] : [];
    }
  });
  if (cur.length) runs.push(cur);
  const scored = runs.map((run) => {
    const nums = run.flatMap((k) => S.numbers[k]).filter((n) => n.kind !== 'ordinal');
    const text = S.article.text.slice(S.sents[run[0]].start, S.sents[run[run.length - 1]].end);
    const quote = QUOTE_MARK.test(text);
    const score = nums.length * 2 + (quote ? 1.5 : 0) + run.length + Math.min(2, text.length / 200);
    return { run, nums, text, quote, score };
  });
  return scored.sort((p, q) => q.score - p.score || p.run[0] - q.run[0]);
}

function describeRun(S: ArtIndex, r: Run) {
  const span = { start: S.sents[r.run[0]].start, end: S.sents[r.run[r.run.length - 1]].end };
  const what = r.nums.length ? ` with ${r.nums.slice(0, 3).map((n) => `"${n.text}"`).join(', ')}` : r.quote ? ' with a quotation' : '';
  const n = r.run.length === 1 ? 'a sentence' : `${r.run.length} sentences`;
  const severity: Finding['severity'] = r.nums.length || r.quote ? 'medium' : 'low';
  return { span, what, n, severity, text: r.text };
}
