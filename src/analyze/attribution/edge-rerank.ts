import type { Attribution, TextSpan } from '../../model.js';
import type { ATok, Paragraph } from './tokens.js';
import { isQuoteChar } from './lexicon.js';
import { tokenAt } from '../quotes/tokens.js';
import { fnv as fnv32 } from './features.js';

/**
 * Edge rerankers. The taggers find most contents but often put an edge off by a few words or a clause
 * ("Friday that hackers …" for "that hackers …", "… her presence on Twitter" for "… her presence"), and
 * sources and cues by a word ("insiders" for "show insiders", "her of" for "accusing her of").
 * For each relation a reranker picks the span's start among the token boundaries up to WINDOW tokens
 * (SHORT_WINDOW for sources and cues) from the proposed one, in the same paragraph and never taking in
 * the relation's other spans, and its end likewise, by a linear score of the boundary's words, tags,
 * punctuation, quote marks, sentence edges, its place relative to the relation's other two spans, and
 * the words it adds or drops. One model per span kind; weights are learned (averaged perceptron,
 * multiclass over the candidates) from the merged output of jackknifed taggers on PolNeAR train, so
 * the rerankers see the errors the taggers make on unseen text; they ship in models/edge-rerank.bin.
 */

/**
 * Candidates reach this many tokens either side of the proposed edge. PolNeAR dev, exact contents gained
 * with the window at 6 / 10 / 15 / 25 / 40 tokens: +1 / +19 / +31 / +42 / +35; the cost grows with it.
 */
export const WINDOW = 25;
/** The window of source and cue edges (short spans). */
export const SHORT_WINDOW = 8;

export interface BoundsModel {
  bits: number;
  /** Start weights then end weights, `2^bits` each; a model read from a file keeps its int16 weights (see `scale`). */
  weights: Float32Array | Int16Array;
  /** Factor of the weights (1 for trained float weights). */
  scale?: number;
  /** A move must beat the proposed edge by this much (perceptron units; 3 chosen on PolNeAR dev, stored with the model). */
  margin: number;
}

/** The features' FNV-1a, unsigned. */
const fnv = (s: string): number => fnv32(s) >>> 0;

/**
 * What the reranker reads: the tagger's tokens of the whole article, paragraph after paragraph, each
 * token's paragraph, and per token the hashes its features use (lower-cased form, POS with quote marks
 * as "Q"), its sentence and a running count of quote marks.
 */
export interface BoundsInput {
  toks: ATok[];
  para: Int32Array;
  hw: Uint32Array;
  hp: Uint32Array;
  sent: Int32Array;
  /** quotes[i] = quote marks among tokens 0..i-1. */
  quotes: Int32Array;
}

const wordHashes = new Map<string, number>();
function wordHash(lower: string): number {
  let h = wordHashes.get(lower);
  if (h === undefined) {
    h = fnv('w:' + (lower.length > 20 ? lower.slice(0, 20) : lower));
    if (wordHashes.size < 100_000) wordHashes.set(lower, h);
  }
  return h;
}

const posHashes = new Map<string, number>();
function posHash(pos: string): number {
  let h = posHashes.get(pos);
  if (h === undefined) {
    h = fnv('p:' + pos);
    posHashes.set(pos, h);
  }
  return h;
}

/** Flatten the tagger's paragraphs into a `BoundsInput`. */
export function boundsInput(paras: Paragraph[]): BoundsInput {
  const toks: ATok[] = [];
  const para: number[] = [];
  paras.forEach((p, k) => {
    for (const t of p.tokens) {
      toks.push(t);
      para.push(k);
    }
  });
  const n = toks.length;
  const hw = new Uint32Array(n);
  const hp = new Uint32Array(n);
  const sent = new Int32Array(n);
  const quotes = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const q = isQuoteChar(t.value);
    hw[i] = wordHash(t.lower);
    hp[i] = posHash(q ? 'Q' : t.pos);
    sent[i] = t.sent;
    quotes[i + 1] = quotes[i] + (q ? 1 : 0);
  }
  return { toks, para: Int32Array.from(para), hw, hp, sent, quotes };
}

/** One relation's context in token indices. */
export interface Rel {
  /** The reranked span [s0, e0) as proposed. */
  s0: number;
  e0: number;
  /**
   * The anchors' [start, end) token ranges: for a content its cue and source, for a source its cue and
   * content, for a cue its content and source (the second -1 when there is none).
   */
  cs: number;
  ce: number;
  ss: number;
  se: number;
  form: string;
  /** Candidate window (tokens either side). */
  win: number;
}

export interface Candidate {
  /** Token index: the first token (start) or one past the last token (end). */
  at: number;
  /** Hashes of its features. */
  ids: Uint32Array;
}

/** Order-sensitive mix of two hashes (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const NAMES = [
  'd', 'd|form', 'w0', 'p0', 'w-1', 'p-1', 'p-2', 'p-1p0', 'w-1p0', 'p-1w0', 'w-1w0', 'p0p1', 'sentStart', 'sentStart|p0',
  'w1', 'p1', 'p2', 'w0p1', 'p0w1', 'w0w1', 'sentEnd', 'sentEnd|p0', 'cue', 'cue|p', 'cue|w', 'src', 'q', 'holdsCue',
  'holdsSource', 'len', 'addw', 'addp', 'addmany', 'addquotes', 'addsents', 'dropw', 'dropp', 'dropmany', 'dropquotes', 'dropsents',
] as const;
const T = Object.fromEntries(NAMES.map((k) => [k, fnv('tmpl:' + k)])) as Record<(typeof NAMES)[number], number>;
const NONE = fnv('<none>');
const FORMS = new Map(['direct', 'indirect', 'mixed', 'according-to'].map((f) => [f, fnv('form:' + f)]));

/** Small integer code of a signed distance: exact up to 3, then 4–6 and 7+. */
function bucket(d: number): number {
  const a = Math.abs(d);
  const m = a <= 3 ? a : a <= 6 ? 4 : 5;
  return d < 0 ? -m - 1 : m;
}

/** Where token boundary `at` lies relative to [from, to): 100 + distance before it, 200 + distance after it, 0 inside. */
function relative(at: number, from: number, to: number, isEnd: boolean): number {
  if (isEnd) return at <= from ? 100 + bucket(from - at) : at > to ? 200 + bucket(at - to) : 0;
  return at >= to ? 200 + bucket(at - to) : at < from ? 100 + bucket(from - at) : 0;
}

/**
 * Feature hashes of one relation's candidates, written into one buffer (each candidate gets a view of its
 * part). `reset` reuses the buffer for the next relation: views taken before are then overwritten.
 */
export class Feats {
  private buf = new Uint32Array(1024);
  private len = 0;
  private from = 0;
  constructor(readonly inp: BoundsInput) {}
  w(i: number): number {
    return i >= 0 && i < this.inp.hw.length ? this.inp.hw[i] : NONE;
  }
  p(i: number): number {
    return i >= 0 && i < this.inp.hp.length ? this.inp.hp[i] : NONE;
  }
  add(t: number, a: number, b = -1): void {
    if (this.len === this.buf.length) {
      const grown = new Uint32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    this.buf[this.len++] = b === -1 ? mix(t, a) : mix(mix(t, a), b);
  }
  /** The words a move of the edge adds to or drops from the content, [from, to). */
  changed(from: number, to: number, drop: boolean): void {
    const n = Math.min(to - from, 4);
    for (let i = from; i < from + n; i++) {
      this.add(drop ? T.dropw : T.addw, this.w(i));
      this.add(drop ? T.dropp : T.addp, this.p(i));
    }
    if (to - from > 4) this.add(drop ? T.dropmany : T.addmany, 1);
    const quotes = this.inp.quotes[to] - this.inp.quotes[from];
    if (quotes) this.add(drop ? T.dropquotes : T.addquotes, Math.min(quotes, 2));
    if (this.inp.sent[to - 1] !== this.inp.sent[from]) this.add(drop ? T.dropsents : T.addsents, 1);
  }
  /** The whole candidate span [s, e): quote-mark parity, whether it holds the cue or source, its length. */
  span(r: Rel, s: number, e: number): void {
    const quotes = this.inp.quotes[e] - this.inp.quotes[s];
    this.add(T.q, quotes === 0 ? 0 : 1 + (quotes % 2));
    if (s <= r.cs && r.ce <= e) this.add(T.holdsCue, 1);
    if (r.ss >= 0 && s <= r.ss && r.se <= e) this.add(T.holdsSource, 1);
    const n = e - s;
    this.add(T.len, n <= 2 ? n : n <= 5 ? 3 : n <= 10 ? 4 : n <= 20 ? 5 : 6);
  }
  reset(): void {
    this.len = 0;
    this.from = 0;
  }
  /** The summed weights of the features added since the last `take`/`score`, which it consumes (no allocation). */
  score(w: Float32Array | Float64Array | Int16Array, off: number, mask: number): number {
    let s = 0;
    for (let i = this.from; i < this.len; i++) s += w[off + (this.buf[i] & mask)];
    this.from = this.len;
    return s;
  }
  /** The features added since the last call (a view: later growth of the buffer leaves it valid). */
  take(): Uint32Array {
    const ids = this.buf.subarray(this.from, this.len);
    this.from = this.len;
    return ids;
  }
}

function sameSentence(inp: BoundsInput, a: number, b: number): boolean {
  return a >= 0 && b < inp.sent.length && inp.sent[a] === inp.sent[b];
}

/** Features of a start at token p that depend on the tokens alone (the same for every relation). */
function startLocal(f: Feats, p: number): void {
  const w0 = f.w(p);
  const p0 = f.p(p);
  const w1 = f.w(p - 1);
  const p1 = f.p(p - 1);
  f.add(T.w0, w0);
  f.add(T.p0, p0);
  f.add(T['w-1'], w1);
  f.add(T['p-1'], p1);
  f.add(T['p-2'], f.p(p - 2));
  f.add(T['p-1p0'], p1, p0);
  f.add(T['w-1p0'], w1, p0);
  f.add(T['p-1w0'], p1, w0);
  f.add(T['w-1w0'], w1, w0);
  f.add(T.p0p1, p0, f.p(p + 1));
  if (!sameSentence(f.inp, p - 1, p)) {
    f.add(T.sentStart, 1);
    f.add(T['sentStart|p0'], p0);
  }
}

/** Features of a start at token p relative to the relation: the move, the cue and source, the span. */
function startRelational(f: Feats, r: Rel, p: number): void {
  const d = bucket(p - r.s0);
  f.add(T.d, d);
  f.add(T['d|form'], d, FORMS.get(r.form) ?? NONE);
  const cue = relative(p, r.cs, r.ce, false);
  f.add(T.cue, cue);
  f.add(T['cue|p'], cue, f.p(p));
  f.add(T['cue|w'], cue, f.w(p - 1));
  f.add(T.src, r.ss >= 0 ? relative(p, r.ss, r.se, false) : -1);
  f.span(r, p, r.e0);
  if (p > r.s0) f.changed(r.s0, p, true);
  else if (p < r.s0) f.changed(p, r.s0, false);
}

/** Features of an end at boundary q (last token q-1) that depend on the tokens alone. */
function endLocal(f: Feats, q: number): void {
  const w0 = f.w(q - 1);
  const p0 = f.p(q - 1);
  const w1 = f.w(q);
  const p1 = f.p(q);
  f.add(T.w0, w0);
  f.add(T.p0, p0);
  f.add(T.w1, w1);
  f.add(T.p1, p1);
  f.add(T.p2, f.p(q + 1));
  f.add(T.p0p1, p0, p1);
  f.add(T.w0p1, w0, p1);
  f.add(T.p0w1, p0, w1);
  f.add(T.w0w1, w0, w1);
  f.add(T['p-1p0'], f.p(q - 2), p0);
  if (!sameSentence(f.inp, q - 1, q)) {
    f.add(T.sentEnd, 1);
    f.add(T['sentEnd|p0'], p0);
  }
}

function endRelational(f: Feats, r: Rel, q: number): void {
  const d = bucket(q - r.e0);
  f.add(T.d, d);
  f.add(T['d|form'], d, FORMS.get(r.form) ?? NONE);
  const cue = relative(q, r.cs, r.ce, true);
  f.add(T.cue, cue);
  f.add(T['cue|p'], cue, f.p(q));
  f.add(T['cue|w'], cue, f.w(q));
  f.add(T.src, r.ss >= 0 ? relative(q, r.ss, r.se, true) : -1);
  f.span(r, r.s0, q);
  if (q < r.e0) f.changed(q, r.e0, true);
  else if (q > r.e0) f.changed(r.e0, q, false);
}

/** Which span of a relation is reranked; the other two are its anchors (`Rel.cs/ce` and `Rel.ss/se`). */
export type EdgeKind = 'content' | 'source' | 'cue';

/** The relation in token indices (target span and anchors by `kind`), or null when the target does not sit on tokens. */
function relOf(toks: readonly ATok[], a: Attribution, kind: EdgeKind = 'content'): Rel | null {
  const target = a[kind];
  if (!target) return null;
  const [first, second] = kind === 'content' ? [a.cue, a.source] : kind === 'source' ? [a.cue, a.content] : [a.content, a.source];
  const s0 = tokenAt(toks, target.start);
  const e0 = tokenAt(toks, target.end - 1) + 1;
  if (s0 >= toks.length || e0 > toks.length || e0 <= s0) return null;
  const cs = tokenAt(toks, first.start);
  const ce = tokenAt(toks, first.end - 1) + 1;
  const ss = second ? tokenAt(toks, second.start) : -1;
  const se = second ? tokenAt(toks, second.end - 1) + 1 : -1;
  return { s0, e0, cs, ce, ss, se, form: a.form, win: kind === 'content' ? WINDOW : SHORT_WINDOW };
}

/**
 * Candidate start tokens [lo, hi] of a relation: in the paragraph of the proposed start, and never so early
 * that the content would take in its own cue or source.
 */
function startRange(inp: BoundsInput, r: Rel): [number, number] {
  const para = inp.para[r.s0];
  let lo = Math.max(0, r.s0 - r.win);
  if (r.ce <= r.s0) lo = Math.max(lo, r.ce);
  if (r.ss >= 0 && r.se <= r.s0) lo = Math.max(lo, r.se);
  let hi = Math.min(r.e0 - 1, r.s0 + r.win);
  while (inp.para[lo] !== para) lo++;
  while (inp.para[hi] !== para) hi--;
  return [lo, hi];
}

/** Candidate end boundaries [lo, hi] of a relation: last token in the paragraph of the proposed end, and never
 *  so late that the content would take in its own cue or source. */
function endRange(inp: BoundsInput, r: Rel): [number, number] {
  const para = inp.para[r.e0 - 1];
  let lo = Math.max(r.s0 + 1, r.e0 - r.win);
  let hi = Math.min(inp.toks.length, r.e0 + r.win);
  if (r.cs >= r.e0) hi = Math.min(hi, r.cs);
  if (r.ss >= r.e0) hi = Math.min(hi, r.ss);
  while (inp.para[lo - 1] !== para) lo++;
  while (inp.para[hi - 1] !== para) hi--;
  return [lo, hi];
}

/** Start and end candidates of one relation with all their features (training; inference scores the same sums in parts). */
export function candidates(inp: BoundsInput, a: Attribution, f = new Feats(inp), kind: EdgeKind = 'content'): { starts: Candidate[]; ends: Candidate[]; rel: Rel } | null {
  const r = relOf(inp.toks, a, kind);
  if (!r) return null;
  f.reset();
  const starts: Candidate[] = [];
  const [s0, s1] = startRange(inp, r);
  for (let p = s0; p <= s1; p++) {
    startRelational(f, r, p);
    startLocal(f, p);
    starts.push({ at: p, ids: f.take() });
  }
  const ends: Candidate[] = [];
  const [e0, e1] = endRange(inp, r);
  for (let q = e0; q <= e1; q++) {
    endRelational(f, r, q);
    endLocal(f, q);
    ends.push({ at: q, ids: f.take() });
  }
  return { starts, ends, rel: r };
}

function score(w: Float32Array | Float64Array | Int16Array, offset: number, mask: number, ids: Uint32Array): number {
  let s = 0;
  for (let i = 0; i < ids.length; i++) s += w[offset + (ids[i] & mask)];
  return s;
}

/**
 * Index of the best-scoring candidate; with `keep` (the proposed edge), another candidate must beat it
 * by `margin`.
 */
export function best(w: Float32Array | Float64Array | Int16Array, offset: number, mask: number, cands: Candidate[], margin = 0, keep = -1): number {
  let bi = keep;
  let bs = keep >= 0 ? score(w, offset, mask, cands[keep].ids) + margin : -Infinity;
  for (let i = 0; i < cands.length; i++) {
    const s = score(w, offset, mask, cands[i].ids);
    if (s > bs) {
      bs = s;
      bi = i;
    }
  }
  return Math.max(bi, 0);
}

/**
 * The best edge of one side: candidates [lo, hi], each scored as its relational features plus its
 * token-local features (summed once per token and side, `local`); the proposed edge `keep` wins unless
 * another beats it by the model's margin.
 */
function bestEdge(
  f: Feats,
  model: BoundsModel,
  side: 0 | 1,
  r: Rel,
  [lo, hi]: [number, number],
  keep: number,
  local: Float64Array,
): number {
  const mask = (1 << model.bits) - 1;
  const off = side << model.bits;
  const w = model.weights;
  const scale = model.scale ?? 1;
  let bestAt = keep;
  let bestScore = -Infinity;
  for (let at = lo; at <= hi; at++) {
    if (Number.isNaN(local[at])) {
      if (side === 0) startLocal(f, at);
      else endLocal(f, at);
      local[at] = f.score(w, off, mask);
    }
    if (side === 0) startRelational(f, r, at);
    else endRelational(f, r, at);
    const s = (local[at] + f.score(w, off, mask)) * scale + (at === keep ? model.margin : 0);
    // ties go to the proposed edge, then to the earliest candidate
    if (s > bestScore || (s === bestScore && at === keep)) {
      bestScore = s;
      bestAt = at;
    }
    f.reset();
  }
  return bestAt;
}

/** Whether [start, end) takes in a line break that `span` does not contain. */
export function newLineInto(text: string, span: TextSpan, start: number, end: number): boolean {
  return /[\n\r\u2028\u2029]/.test(text.slice(start, end)) && !/[\n\r\u2028\u2029]/.test(span.text);
}

/**
 * Relations with the edges of their `kind` span moved to the best-scoring boundaries (same order, same
 * ids). Contents of direct quotations (and transcript turns) keep theirs: their marks are their edges
 * (on PolNeAR dev, leaving them alone gains 2 exact contents and 5 relations over moving them). A source
 * or cue does not move onto another relation's cue ("UNN reports [citing] Bloomberg": "citing" is the cue
 * of Bloomberg's relation), nor across a line break.
 */
export function refineContents(attrs: Attribution[], inp: BoundsInput, text: string, model: BoundsModel, kind: EdgeKind = 'content'): Attribution[] {
  const toks = inp.toks;
  const f = new Feats(inp);
  const n = toks.length;
  const localStart = new Float64Array(n + 1).fill(NaN);
  const localEnd = new Float64Array(n + 1).fill(NaN);
  const cues = kind === 'content' ? [] : attrs.map((a) => a.cue);
  /** Whether [start, end) takes in a cue of another relation that `span` (a's proposed span) does not already overlap. */
  const takesOtherCue = (a: Attribution, span: TextSpan, start: number, end: number): boolean =>
    cues.some((c) => c !== a.cue && c.start < end && start < c.end && !(c.start < span.end && span.start < c.end));
  return attrs.map((a) => {
    if (kind === 'content' && a.form === 'direct') return a;
    const r = relOf(toks, a, kind);
    const span = a[kind];
    if (!r || !span) return a;
    f.reset();
    const p = bestEdge(f, model, 0, r, startRange(inp, r), r.s0, localStart);
    const q = bestEdge(f, model, 1, r, endRange(inp, r), r.e0, localEnd);
    const start = p === r.s0 ? span.start : toks[p].start;
    const end = q === r.e0 ? span.end : toks[q - 1].end;
    if (end <= start || (start === span.start && end === span.end)) return a;
    if (kind !== 'content' && takesOtherCue(a, span, start, end)) return a;
    // a source or cue never grows across a line break ("― Veronica Cruz⏎“As a young…": the next letter's quote)
    if (kind !== 'content' && newLineInto(text, span, start, end)) return a;
    return { ...a, [kind]: { start, end, text: text.slice(start, end) } };
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const MAGIC = 'RTCB';
const VERSION = 1;

/** Model file: "RTCB", u32 version, u32 bits, f32 margin, f32 scale, then 2^(bits+1) int16 weights (little-endian). */
export function serializeBounds(m: BoundsModel): Buffer {
  let max = 0;
  for (const v of m.weights) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  const n = m.weights.length;
  const buf = Buffer.alloc(20 + 2 * n);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(VERSION, 4);
  buf.writeUInt32LE(m.bits, 8);
  buf.writeFloatLE(m.margin, 12);
  buf.writeFloatLE(scale, 16);
  for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(m.weights[i] / scale), 20 + 2 * i);
  return buf;
}

export function deserializeBounds(buf: Buffer, name: string): BoundsModel {
  if (buf.length < 20 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${name}: not an edge reranker model`);
  const version = buf.readUInt32LE(4);
  if (version !== VERSION) throw new Error(`${name}: edge reranker model version ${version}, this code reads ${VERSION}`);
  const bits = buf.readUInt32LE(8);
  if (bits < 8 || bits > 24 || buf.length !== 20 + 2 * 2 * (1 << bits)) throw new Error(`${name}: truncated or corrupt edge reranker model`);
  const margin = buf.readFloatLE(12);
  const scale = buf.readFloatLE(16);
  const n = 2 << bits;
  const at = buf.byteOffset + 20;
  // the int16 weights read in place (no per-element decoding: loading three models took ~30 ms that way)
  let weights: Int16Array;
  if (at % 2 === 0 && LITTLE_ENDIAN) weights = new Int16Array(buf.buffer, at, n);
  else {
    weights = new Int16Array(n);
    for (let i = 0; i < n; i++) weights[i] = buf.readInt16LE(20 + 2 * i);
  }
  return { bits, margin, weights, scale };
}

/** The rerankers of one model file, by the span whose edges they move. */
export type EdgeModels = Partial<Record<EdgeKind, BoundsModel>>;

const KINDS: EdgeKind[] = ['content', 'source', 'cue'];
const SET_MAGIC = 'RTER';

/** Model set file: "RTER", u32 count, then per model: u32 kind (0 content, 1 source, 2 cue), u32 length, its `serializeBounds` record. */
export function serializeEdgeModels(models: EdgeModels): Buffer {
  const parts: Buffer[] = [];
  for (const k of KINDS) {
    const m = models[k];
    if (!m) continue;
    const rec = serializeBounds(m);
    const head = Buffer.alloc(8);
    head.writeUInt32LE(KINDS.indexOf(k), 0);
    head.writeUInt32LE(rec.length, 4);
    parts.push(head, rec);
  }
  const head = Buffer.alloc(8);
  head.write(SET_MAGIC, 0, 'latin1');
  head.writeUInt32LE(parts.length / 2, 4);
  return Buffer.concat([head, ...parts]);
}

export function deserializeEdgeModels(buf: Buffer, name: string): EdgeModels {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== SET_MAGIC) throw new Error(`${name}: not an edge reranker model set`);
  const count = buf.readUInt32LE(4);
  const out: EdgeModels = {};
  let at = 8;
  for (let i = 0; i < count; i++) {
    if (at + 8 > buf.length) throw new Error(`${name}: truncated edge reranker model set`);
    const kind = KINDS[buf.readUInt32LE(at)];
    const len = buf.readUInt32LE(at + 4);
    if (!kind || at + 8 + len > buf.length) throw new Error(`${name}: truncated or corrupt edge reranker model set`);
    out[kind] = deserializeBounds(buf.subarray(at + 8, at + 8 + len), `${name} (${kind})`);
    at += 8 + len;
  }
  if (at !== buf.length) throw new Error(`${name}: trailing bytes after the edge reranker models`);
  return out;
}

/** Apply the rerankers a set holds: content edges, then source edges, then cue edges. */
export function refineEdges(attrs: Attribution[], inp: BoundsInput, text: string, models: EdgeModels): Attribution[] {
  let out = attrs;
  for (const k of KINDS) {
    const m = models[k];
    if (m) out = refineContents(out, inp, text, m, k);
  }
  return out;
}
