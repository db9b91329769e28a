import type { ATok, Paragraph } from './tokens.js';
import { CUE_WORDS, SOURCE_NOUNS, isQuoteChar } from './lexicon.js';

/**
 * Feature extraction for the attribution taggers. Features are hashed (FNV-1a) into
 * `2^bits` buckets without building strings, so extraction allocates little.
 */

export interface ParagraphFeatures {
  /** Bucket ids, token after token. */
  ids: Int32Array;
  /** `offsets[i]..offsets[i+1]` are the features of token i. */
  offsets: Int32Array;
  /**
   * Inference mode only (`withForms` false): per token, the keys of its POS group and context group
   * (see `posGroupHashes`, `ctxGroupHashes`), whose features are then not in `ids`; a POS key of -1
   * (unknown tag) means the POS group's features are in `ids`.
   */
  posKeys?: Int32Array;
  ctxKeys?: Int32Array;
}

/** Stable shape class of a token: X, Xx, x, d, q (quote), p (other punctuation), m (mixed). */
export function shapeOf(v: string): string {
  if (isQuoteChar(v)) return 'q';
  const c = v.charCodeAt(0);
  const upper = /^\p{Lu}/u.test(v);
  if (/^\d/.test(v)) return 'd';
  if (upper) return v.length > 1 && v === v.toUpperCase() ? 'X' : 'Xx';
  if (/^\p{Ll}/u.test(v)) return 'x';
  if (c < 128 || /^\p{P}/u.test(v)) return 'p:' + v.slice(0, 2);
  return 'm';
}

const BOUNDARY = '<s>';

/** Per-paragraph context facts features use. */
interface Context {
  quote: Uint8Array;
  cueLeft: Int32Array;
  cueRight: Int32Array;
  sentPos: Int32Array;
  sentLeft: Int32Array;
  quoteInSent: Uint8Array;
}

function context(toks: ATok[], startsInQuote: boolean): Context {
  const n = toks.length;
  const quote = new Uint8Array(n);
  let inq = startsInQuote;
  for (let i = 0; i < n; i++) {
    const v = toks[i].value;
    if (v === '“' || v === '``') {
      quote[i] = 2;
      inq = true;
    } else if (v === '”' || v === "''") {
      quote[i] = 3;
      inq = false;
    } else if (v === '"') {
      quote[i] = inq ? 3 : 2;
      inq = !inq;
    } else quote[i] = inq ? 1 : 0;
  }
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  const sentPos = new Int32Array(n);
  const sentLeft = new Int32Array(n);
  const quoteInSent = new Uint8Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && toks[i].sent !== toks[i - 1].sent) last = -1;
    cueLeft[i] = last < 0 ? 0 : i - last;
    if (CUE_WORDS.has(toks[i].lower)) last = i;
    sentPos[i] = i > 0 && toks[i].sent === toks[i - 1].sent ? sentPos[i - 1] + 1 : 0;
  }
  last = -1;
  let hasQ = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && toks[i].sent !== toks[i + 1].sent) {
      last = -1;
    }
    cueRight[i] = last < 0 ? 0 : last - i;
    if (CUE_WORDS.has(toks[i].lower)) last = i;
    sentLeft[i] = i < n - 1 && toks[i].sent === toks[i + 1].sent ? sentLeft[i + 1] + 1 : 0;
  }
  // quote present in sentence
  let s = 0;
  while (s < n) {
    let e = s;
    hasQ = 0;
    while (e < n && toks[e].sent === toks[s].sent) {
      if (quote[e] >= 2) hasQ = 1;
      e++;
    }
    for (let k = s; k < e; k++) quoteInSent[k] = hasQ;
    s = e;
  }
  return { quote, cueLeft, cueRight, sentPos, sentLeft, quoteInSent };
}

/** FNV-1a of a string (signed 32-bit). */
export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Order-sensitive 32-bit mix of two hashes (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const TEMPLATES = [
  'b', 'w', 'w-1', 'w+1', 'w-2', 'w+2', 'p', 'p-1', 'p+1', 'p-2', 'p+2', 'pp', 'pn', 'ppn', 'sh', 'sh-1', 'sh+1',
  's3', 'q', 'qw', 'qp', 'iq', 'lex', 'lex-1', 'lex+1', 'cl', 'cr', 'clr', 'qcl', 'qcr', 'pcl', 'pcr', 'cw', 'ss',
  'se', 'sp', 'sl', 'pf', 'pqs', 'ww-1', 'ww+1', 'src', 'src-1', 'src+1', 'qs', 'par', 'stem', 'stem-1', 'stem+1',
  'qdl', 'qdr', 'qd', 'wsp', 'p3', 'wcl', 'wcr', 'shcl', 'shcr', 'ncl', 'ncr', 'nclp', 'ncrp',
  'c', 'c-1', 'c+1', 'c-2', 'c+2', 'd', 'w-3', 'w+3', 'vl', 'vr', 'thr', 'vlw',
] as const;
type Tmpl = (typeof TEMPLATES)[number];
const H = Object.fromEntries(TEMPLATES.map((k) => [k, fnv('tmpl:' + k)])) as Record<Tmpl, number>;
const NONE = fnv('<none>');
const H_BOUNDARY = fnv(BOUNDARY);
const H_DASH = fnv('-');
const hashCache = new Map<string, number>();
function hs(s: string): number {
  let h = hashCache.get(s);
  if (h === undefined) {
    h = fnv(s);
    if (hashCache.size < 200_000) hashCache.set(s, h);
  }
  return h;
}

const BUCKET_HASH = ['none', '1', '2', '3', '4-6', '7-10', '11-20', '>20'].map((b) => fnv(b));
/** Index of the distance bucket of `d` (0 none, 1..3, 4-6, 7-10, 11-20, >20). */
function bi(d: number): number {
  return d <= 0 ? 0 : d <= 3 ? d : d <= 6 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
}
/** Hash of the distance bucket of `d` (no string building). */
function hb(d: number): number {
  return BUCKET_HASH[bi(d)];
}

/**
 * Templates are computed in groups whose inputs pack into a small integer key, so inference can sum
 * each group's weights once per distinct key (annotate.ts) instead of once per token:
 * - POS group: the POS tags at -1..1, quote state and the cue-distance buckets left/right (p, p±1,
 *   pp, pn, ppn, pcl, pcr, qp);
 * - context group: quote state, sentence position, paragraph position and distance buckets (b, q, iq,
 *   cl, cr, clr, qcl, qcr, ss, se, sp, sl, pf, pqs, qs, par, qdl, qdr, qd).
 * Training computes the same hashes from the same keys.
 */
const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const POS_ID = new Map(UPOS.map((t, i) => [t, i + 1]));
/** POS hash by id (0: outside the paragraph). */
const POS_H = Int32Array.from([fnv(BOUNDARY), ...UPOS.map((t) => fnv(t))]);

/** Key of the POS group from the POS ids at -1..1 (0 outside, each < 32), quote state and cue bucket indices. */
function posKeyOf(m1: number, p0: number, p1: number, q: number, cl: number, cr: number): number {
  return m1 | (p0 << 5) | (p1 << 10) | (q << 15) | (cl << 17) | (cr << 20);
}

export function posGroupHashes(key: number, out: number[]): void {
  const pm1 = POS_H[key & 31];
  const p = POS_H[(key >>> 5) & 31];
  const pp1 = POS_H[(key >>> 10) & 31];
  const q = (key >>> 15) & 3;
  const cl = BUCKET_HASH[(key >>> 17) & 7];
  const cr = BUCKET_HASH[(key >>> 20) & 7];
  out.push(
    mix(H.p, p),
    mix(H['p-1'], pm1),
    mix(H['p+1'], pp1),
    mix(mix(H.pp, pm1), p),
    mix(mix(H.pn, p), pp1),
    mix(mix(mix(H.ppn, pm1), p), pp1),
    mix(mix(H.pcl, p), cl),
    mix(mix(H.pcr, p), cr),
    mix(mix(H.qp, q), p),
  );
}

/**
 * Key of the context group. `qm1`/`qp1`: quote state of the neighbours (0..3, 4 outside the
 * paragraph); `sp`/`sl`: bucket indices of sentence position + 1 and tokens left in it + 1.
 */
function ctxKeyOf(q: number, qm1: number, qp1: number, cl: number, cr: number, sp: number, sl: number, pf: number, qis: number, sq: number, par: number, qb: number, qa: number): number {
  return q | (qm1 << 2) | (qp1 << 5) | (cl << 8) | (cr << 11) | (sp << 14) | (sl << 17) | (pf << 20) | (qis << 21) | (sq << 22) | (par << 23) | (qb << 25) | (qa << 28);
}

export function ctxGroupHashes(key: number, out: number[]): void {
  const q = key & 3;
  const qm1c = (key >>> 2) & 7;
  const qp1c = (key >>> 5) & 7;
  const qm1 = qm1c === 4 ? H_DASH : qm1c;
  const qp1 = qp1c === 4 ? H_DASH : qp1c;
  const cl = BUCKET_HASH[(key >>> 8) & 7];
  const cr = BUCKET_HASH[(key >>> 11) & 7];
  const spI = (key >>> 14) & 7;
  const slI = (key >>> 17) & 7;
  const pf = (key >>> 20) & 1;
  const qis = (key >>> 21) & 1;
  const sq = (key >>> 22) & 1;
  const par = (key >>> 23) & 3;
  const qb = BUCKET_HASH[(key >>> 25) & 7];
  const qa = BUCKET_HASH[(key >>> 28) & 7];
  out.push(
    H.b,
    mix(H.q, q),
    mix(mix(mix(H.iq, q), qm1), qp1),
    mix(H.cl, cl),
    mix(H.cr, cr),
    mix(mix(H.clr, cl), cr),
    mix(mix(H.qcl, q), cl),
    mix(mix(H.qcr, q), cr),
    mix(H.ss, spI === 1 ? 1 : 0),
    mix(H.se, slI === 1 ? 1 : 0),
    mix(H.sp, BUCKET_HASH[spI]),
    mix(H.sl, BUCKET_HASH[slI]),
    mix(H.pf, pf),
    mix(mix(H.pqs, qis), q),
    mix(mix(H.qs, sq), q),
    mix(H.par, par),
    mix(H.qdl, qb),
    mix(H.qdr, qa),
    mix(mix(mix(H.qd, qb), qa), q),
  );
}

/** Crude stem: strips common inflections so said/says/saying share evidence with say. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing')) return w.slice(0, -3);
  if (w.endsWith('ed')) return w.slice(0, -2);
  if (w.endsWith('es') || (w.endsWith('s') && !w.endsWith('ss'))) return w.slice(0, w.endsWith('es') ? -2 : -1);
  return w;
}

/**
 * Word clusters (from word vectors, see scripts/build-attribution-clusters.ts): lower-cased word →
 * `fine | coarse << 9` (fine < 512, coarse < 64). Words not in the table share the OOV cluster.
 */
export interface ClusterTable {
  readonly size: number;
  get(word: string): number | undefined;
  entries(): Iterable<[string, number]>;
}
const FINE_OOV = 511;
const COARSE_OOV = 63;
const FINE_H = Int32Array.from({ length: 512 }, (_, i) => fnv('c' + i));
const COARSE_H = Int32Array.from({ length: 64 }, (_, i) => fnv('d' + i));

/** Cluster ids of a lower-cased word form (curly apostrophes looked up as straight ones). */
export function clusterOf(clusters: ClusterTable | undefined, lower: string): number {
  if (!clusters || clusters.size === 0) return FINE_OOV | (COARSE_OOV << 9);
  let c = clusters.get(lower);
  if (c === undefined && lower.includes('’')) c = clusters.get(lower.replace(/’/g, "'"));
  return c ?? FINE_OOV | (COARSE_OOV << 9);
}

/** Per word form facts every template reads, hashed once per distinct form (memoised). */
interface TokInfo {
  /** fnv(lower-cased form) */
  w: number;
  /** fnv(stem) */
  st: number;
  /** fnv(last 3 letters) */
  s3: number;
  /** fnv(shape) */
  sh: number;
  cue: number;
  src: number;
}
const infoCache = new Map<string, TokInfo>();
function tokInfo(value: string, lower: string): TokInfo {
  let info = infoCache.get(value);
  if (info === undefined) {
    info = {
      w: fnv(lower),
      st: fnv(stem(lower)),
      s3: fnv(lower.length > 3 ? lower.slice(-3) : lower),
      sh: fnv(shapeOf(value)),
      cue: CUE_WORDS.has(lower) ? 1 : 0,
      src: SOURCE_NOUNS.has(lower) ? 1 : 0,
    };
    if (infoCache.size < 200_000) infoCache.set(value, info);
  }
  return info;
}

/**
 * What the form templates read of a word form (all hashes): the templates that depend only on the
 * form of the token at a fixed offset (-3..3) from the tagged token. Their weights can be summed once
 * per form (see annotate.ts) instead of once per token.
 */
export interface FormFacts {
  w: number;
  sh: number;
  s3: number;
  lex: number;
  src: number;
  st: number;
  cf: number;
  cc: number;
}

/** Facts standing for a position outside the paragraph. */
export const SENTINEL_FACTS: FormFacts = { w: H_BOUNDARY, sh: H_BOUNDARY, s3: H_BOUNDARY, lex: H_DASH, src: H_DASH, st: H_BOUNDARY, cf: H_BOUNDARY, cc: H_BOUNDARY };

export function factsOf(value: string, lower: string, clusters: ClusterTable | undefined): FormFacts {
  const info = tokInfo(value, lower);
  const cid = clusterOf(clusters, lower);
  return { w: info.w, sh: info.sh, s3: info.s3, lex: info.cue, src: info.src, st: info.st, cf: FINE_H[cid & 511], cc: COARSE_H[cid >>> 9] };
}

/** Number of form templates (over all offsets). */
export const FORM_TEMPLATES = 26;
/** Form templates read the tokens at offsets -FORM_REACH..FORM_REACH from the tagged token. */
export const FORM_REACH = 3;

/**
 * Hashes (unmasked) of the form templates of a form seen at `offset` (-3..3) from the tagged token.
 * The cluster templates only when the model has word clusters.
 */
export function formTemplateHashes(f: FormFacts, offset: number, out: number[], withClusters: boolean): void {
  switch (offset) {
    case 0:
      out.push(mix(H.w, f.w), mix(H.sh, f.sh), mix(H.s3, f.s3), mix(H.lex, f.lex), mix(H.src, f.src), mix(H.stem, f.st));
      if (withClusters) out.push(mix(H.c, f.cf), mix(H.d, f.cc));
      break;
    case -1:
      out.push(mix(H['w-1'], f.w), mix(H['sh-1'], f.sh), mix(H['lex-1'], f.lex), mix(H['src-1'], f.src), mix(H['stem-1'], f.st));
      if (withClusters) out.push(mix(H['c-1'], f.cf));
      break;
    case 1:
      out.push(mix(H['w+1'], f.w), mix(H['sh+1'], f.sh), mix(H['lex+1'], f.lex), mix(H['src+1'], f.src), mix(H['stem+1'], f.st));
      if (withClusters) out.push(mix(H['c+1'], f.cf));
      break;
    case -2:
      out.push(mix(H['w-2'], f.w));
      if (withClusters) out.push(mix(H['c-2'], f.cf));
      break;
    case 2:
      out.push(mix(H['w+2'], f.w));
      if (withClusters) out.push(mix(H['c+2'], f.cf));
      break;
    case -3:
      out.push(mix(H['w-3'], f.w));
      break;
    case 3:
      out.push(mix(H['w+3'], f.w));
      break;
  }
}

/**
 * Features of every token of a paragraph. `startsInQuote`: the previous paragraph left a quotation open
 * (multi-paragraph quotes). `paraIndex`: paragraph position in the article. `withForms` false leaves
 * out the form templates (the decoder adds their per-form sums itself).
 */
export function paragraphFeatures(
  para: Paragraph,
  bits: number,
  startsInQuote = false,
  paraIndex = 0,
  clusters?: ClusterTable,
  withForms = true,
  facts?: FormFacts[],
): ParagraphFeatures {
  const toks = para.tokens;
  const n = toks.length;
  const mask = (1 << bits) - 1;
  const ctx = context(toks, startsInQuote);
  // Per-token hashes, with boundary sentinels at -2..-1 and n..n+1 (index + 2).
  // (word, POS, shape and stem; the other form facts are read through formTemplateHashes)
  const W = new Int32Array(n + 4).fill(H_BOUNDARY);
  const P = new Int32Array(n + 4).fill(H_BOUNDARY);
  const S = new Int32Array(n + 4).fill(H_BOUNDARY);
  const ST = new Int32Array(n + 4).fill(H_BOUNDARY);
  const formFacts = facts ?? toks.map((t) => factsOf(t.value, t.lower, clusters));
  const withClusters = clusters !== undefined && clusters.size > 0;
  // POS ids with sentinels (0) at -2..-1 and n..n+1; -1 for a tag outside UPOS.
  const PI = new Int32Array(n + 4);
  let unknownPos = false;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const info = formFacts[i];
    W[i + 2] = info.w;
    const id = POS_ID.get(t.pos);
    PI[i + 2] = id ?? -1;
    if (id === undefined) unknownPos = true;
    P[i + 2] = id === undefined ? hs(t.pos) : POS_H[id];
    S[i + 2] = info.sh;
    ST[i + 2] = info.st;
  }
  // Distance to the nearest quotation mark left / right within the paragraph.
  const qdl = new Int32Array(n);
  const qdr = new Int32Array(n);
  let lastQ = -1;
  for (let i = 0; i < n; i++) {
    qdl[i] = lastQ < 0 ? 0 : i - lastQ;
    if (ctx.quote[i] >= 2) lastQ = i;
  }
  lastQ = -1;
  for (let i = n - 1; i >= 0; i--) {
    qdr[i] = lastQ < 0 ? 0 : lastQ - i;
    if (ctx.quote[i] >= 2) lastQ = i;
  }
  // The nearest verb (POS VERB) left and right within the sentence (-1: none): its stem and distance
  // tell a long-tail predicate's subject and complement ("… wants to", "Trump has vowed …").
  const vl = new Int32Array(n);
  const vr = new Int32Array(n);
  for (let i = 0, last = -1; i < n; i++) {
    if (i > 0 && toks[i].sent !== toks[i - 1].sent) last = -1;
    vl[i] = last;
    if (toks[i].pos === 'VERB') last = i;
  }
  for (let i = n - 1, last = -1; i >= 0; i--) {
    if (i < n - 1 && toks[i].sent !== toks[i + 1].sent) last = -1;
    vr[i] = last;
    if (toks[i].pos === 'VERB') last = i;
  }
  // Inference leaves out the form and group templates (bound: the POS group may fall back to ids).
  const perTok = withForms ? TEMPLATES.length : TEMPLATES.length - FORM_TEMPLATES;
  const ids = new Int32Array(n * perTok);
  const hashes: number[] = [];
  const offsets = new Int32Array(n + 1);
  const posKeys = new Int32Array(n);
  const ctxKeys = new Int32Array(n);
  const firstQuoted = n > 0 && ctx.quote[0] >= 1 ? 1 : 0;
  const parBucket = paraIndex === 0 ? 0 : paraIndex === 1 ? 1 : paraIndex < 5 ? 2 : 3;
  const startQ = startsInQuote ? 1 : 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    if (withForms) {
      for (let o = -FORM_REACH; o <= FORM_REACH; o++) {
        hashes.length = 0;
        formTemplateHashes(i + o >= 0 && i + o < n ? formFacts[i + o] : SENTINEL_FACTS, o, hashes, withClusters);
        for (const h of hashes) ids[k++] = h & mask;
      }
    }
    const j = i + 2;
    const q = ctx.quote[i];
    const cli = bi(ctx.cueLeft[i]);
    const cri = bi(ctx.cueRight[i]);
    const cl = BUCKET_HASH[cli];
    const cr = BUCKET_HASH[cri];
    const w = W[j];
    const wm1 = W[j - 1];
    const wp1 = W[j + 1];
    const p = P[j];
    const sh = S[j];
    const sp0 = ctx.sentPos[i] === 0 ? 1 : 0;
    const qm1 = i > 0 ? ctx.quote[i - 1] : 4;
    const qp1 = i < n - 1 ? ctx.quote[i + 1] : 4;
    const ck = ctxKeyOf(q, qm1, qp1, cli, cri, bi(ctx.sentPos[i] + 1), bi(ctx.sentLeft[i] + 1), firstQuoted, ctx.quoteInSent[i], startQ, parBucket, bi(qdl[i]), bi(qdr[i]));
    const known = !unknownPos || (PI[j - 1] >= 0 && PI[j] >= 0 && PI[j + 1] >= 0);
    const pk = known ? posKeyOf(PI[j - 1], PI[j], PI[j + 1], q, cli, cri) : -1;
    ctxKeys[i] = ck;
    posKeys[i] = pk;
    if (withForms) {
      hashes.length = 0;
      ctxGroupHashes(ck, hashes);
      for (const h of hashes) ids[k++] = h & mask;
    }
    if (withForms || pk < 0) {
      if (pk >= 0) {
        hashes.length = 0;
        posGroupHashes(pk, hashes);
        for (const h of hashes) ids[k++] = h & mask;
      } else {
        const pm1 = P[j - 1];
        const pp1 = P[j + 1];
        ids[k++] = mix(H.p, p) & mask;
        ids[k++] = mix(H['p-1'], pm1) & mask;
        ids[k++] = mix(H['p+1'], pp1) & mask;
        ids[k++] = mix(mix(H.pp, pm1), p) & mask;
        ids[k++] = mix(mix(H.pn, p), pp1) & mask;
        ids[k++] = mix(mix(mix(H.ppn, pm1), p), pp1) & mask;
        ids[k++] = mix(mix(H.pcl, p), cl) & mask;
        ids[k++] = mix(mix(H.pcr, p), cr) & mask;
        ids[k++] = mix(mix(H.qp, q), p) & mask;
      }
    }
    ids[k++] = mix(H['p-2'], P[j - 2]) & mask;
    ids[k++] = mix(H['p+2'], P[j + 2]) & mask;
    ids[k++] = mix(mix(mix(H.p3, P[j - 2]), P[j - 1]), p) & mask;
    ids[k++] = mix(mix(H['ww-1'], wm1), w) & mask;
    ids[k++] = mix(mix(H['ww+1'], w), wp1) & mask;
    ids[k++] = mix(mix(H.qw, q), w) & mask;
    ids[k++] = (ctx.cueLeft[i] === 1 ? mix(H.cw, w) : ctx.cueRight[i] === 1 ? mix(H.cw, ~w) : H.cw) & mask;
    ids[k++] = mix(mix(H.wsp, w), sp0) & mask;
    ids[k++] = mix(mix(H.wcl, w), cl) & mask;
    ids[k++] = mix(mix(H.wcr, w), cr) & mask;
    ids[k++] = mix(mix(H.shcl, sh), cl) & mask;
    ids[k++] = mix(mix(H.shcr, sh), cr) & mask;
    const lc = ctx.cueLeft[i] > 0 ? i - ctx.cueLeft[i] + 2 : -1;
    const rc = ctx.cueRight[i] > 0 ? i + ctx.cueRight[i] + 2 : -1;
    const wl = lc < 0 ? NONE : W[lc];
    const wr = rc < 0 ? NONE : W[rc];
    ids[k++] = mix(H.ncl, wl) & mask;
    ids[k++] = mix(H.ncr, wr) & mask;
    ids[k++] = mix(mix(H.nclp, wl), p) & mask;
    ids[k++] = mix(mix(H.ncrp, wr), p) & mask;
    const vls = vl[i] < 0 ? NONE : ST[vl[i] + 2];
    const vrs = vr[i] < 0 ? NONE : ST[vr[i] + 2];
    ids[k++] = mix(mix(mix(H.vl, vls), vl[i] < 0 ? 0 : bi(i - vl[i])), p) & mask;
    ids[k++] = mix(mix(mix(H.vr, vrs), vr[i] < 0 ? 0 : bi(vr[i] - i)), p) & mask;
    // a "that" one to three tokens on ("said Friday that …")
    let th = 0;
    for (let d = 1; d <= 3 && i + d < n; d++) {
      if (toks[i + d].lower === 'that') {
        th = d;
        break;
      }
    }
    ids[k++] = mix(mix(H.thr, ST[j]), th) & mask;
    ids[k++] = mix(mix(H.vlw, vls), w) & mask;
  }
  offsets[n] = k;
  return withForms ? { ids: ids.subarray(0, k), offsets } : { ids: ids.subarray(0, k), offsets, posKeys, ctxKeys };
}

/** Whether a paragraph leaves a quotation open (used for the next paragraph's `startsInQuote`). */
export function endsInQuote(para: Paragraph, startsInQuote: boolean): boolean {
  let inq = startsInQuote;
  for (const t of para.tokens) {
    const v = t.value;
    if (v === '“' || v === '``') inq = true;
    else if (v === '”' || v === "''") inq = false;
    else if (v === '"') inq = !inq;
  }
  return inq;
}
