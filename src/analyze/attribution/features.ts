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

function fnv(s: string): number {
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
/** Hash of the distance bucket of `d` (no string building). */
function hb(d: number): number {
  const k = d <= 0 ? 0 : d <= 3 ? d : d <= 6 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
  return BUCKET_HASH[k];
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
 * Features of every token of a paragraph. `startsInQuote`: the previous paragraph left a quotation open
 * (multi-paragraph quotes). `paraIndex`: paragraph position in the article.
 */
export function paragraphFeatures(
  para: Paragraph,
  bits: number,
  startsInQuote = false,
  paraIndex = 0,
): ParagraphFeatures {
  const toks = para.tokens;
  const n = toks.length;
  const mask = (1 << bits) - 1;
  const ctx = context(toks, startsInQuote);
  // Per-token hashes, with boundary sentinels at -2..-1 and n..n+1 (index + 2).
  const W = new Int32Array(n + 4).fill(H_BOUNDARY);
  const P = new Int32Array(n + 4).fill(H_BOUNDARY);
  const S = new Int32Array(n + 4).fill(H_BOUNDARY);
  const L = new Int32Array(n + 4).fill(H_DASH);
  const R = new Int32Array(n + 4).fill(H_DASH);
  const ST = new Int32Array(n + 4).fill(H_BOUNDARY);
  const Q = new Int32Array(n + 4).fill(H_DASH);
  const S3 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    const info = tokInfo(t.value, t.lower);
    W[i + 2] = info.w;
    P[i + 2] = hs(t.pos);
    S[i + 2] = info.sh;
    L[i + 2] = info.cue;
    R[i + 2] = info.src;
    ST[i + 2] = info.st;
    Q[i + 2] = ctx.quote[i];
    S3[i] = info.s3;
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
  const perTok = TEMPLATES.length;
  const ids = new Int32Array(n * perTok);
  const offsets = new Int32Array(n + 1);
  const firstQuoted = n > 0 && ctx.quote[0] >= 1 ? 1 : 0;
  const parBucket = paraIndex === 0 ? 0 : paraIndex === 1 ? 1 : paraIndex < 5 ? 2 : 3;
  const startQ = startsInQuote ? 1 : 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const j = i + 2;
    const q = ctx.quote[i];
    const cl = hb(ctx.cueLeft[i]);
    const cr = hb(ctx.cueRight[i]);
    const w = W[j];
    const wm1 = W[j - 1];
    const wp1 = W[j + 1];
    const p = P[j];
    const pm1 = P[j - 1];
    const pp1 = P[j + 1];
    const sh = S[j];
    const qb = hb(qdl[i]);
    const qa = hb(qdr[i]);
    const sp0 = ctx.sentPos[i] === 0 ? 1 : 0;
    ids[k++] = H.b & mask;
    ids[k++] = mix(H.w, w) & mask;
    ids[k++] = mix(H['w-1'], wm1) & mask;
    ids[k++] = mix(H['w+1'], wp1) & mask;
    ids[k++] = mix(H['w-2'], W[j - 2]) & mask;
    ids[k++] = mix(H['w+2'], W[j + 2]) & mask;
    ids[k++] = mix(mix(H['ww-1'], wm1), w) & mask;
    ids[k++] = mix(mix(H['ww+1'], w), wp1) & mask;
    ids[k++] = mix(H.p, p) & mask;
    ids[k++] = mix(H['p-1'], pm1) & mask;
    ids[k++] = mix(H['p+1'], pp1) & mask;
    ids[k++] = mix(H['p-2'], P[j - 2]) & mask;
    ids[k++] = mix(H['p+2'], P[j + 2]) & mask;
    ids[k++] = mix(mix(H.pp, pm1), p) & mask;
    ids[k++] = mix(mix(H.pn, p), pp1) & mask;
    ids[k++] = mix(mix(mix(H.ppn, pm1), p), pp1) & mask;
    ids[k++] = mix(mix(mix(H.p3, P[j - 2]), pm1), p) & mask;
    ids[k++] = mix(H.sh, sh) & mask;
    ids[k++] = mix(H['sh-1'], S[j - 1]) & mask;
    ids[k++] = mix(H['sh+1'], S[j + 1]) & mask;
    ids[k++] = mix(H.s3, S3[i]) & mask;
    ids[k++] = mix(H.q, q) & mask;
    ids[k++] = mix(mix(H.qw, q), w) & mask;
    ids[k++] = mix(mix(H.qp, q), p) & mask;
    ids[k++] = mix(mix(mix(H.iq, q), Q[j - 1]), Q[j + 1]) & mask;
    ids[k++] = mix(H.lex, L[j]) & mask;
    ids[k++] = mix(H['lex-1'], L[j - 1]) & mask;
    ids[k++] = mix(H['lex+1'], L[j + 1]) & mask;
    ids[k++] = mix(H.cl, cl) & mask;
    ids[k++] = mix(H.cr, cr) & mask;
    ids[k++] = mix(mix(H.clr, cl), cr) & mask;
    ids[k++] = mix(mix(H.qcl, q), cl) & mask;
    ids[k++] = mix(mix(H.qcr, q), cr) & mask;
    ids[k++] = mix(mix(H.pcl, p), cl) & mask;
    ids[k++] = mix(mix(H.pcr, p), cr) & mask;
    ids[k++] = (ctx.cueLeft[i] === 1 ? mix(H.cw, w) : ctx.cueRight[i] === 1 ? mix(H.cw, ~w) : H.cw) & mask;
    ids[k++] = mix(H.ss, sp0) & mask;
    ids[k++] = mix(H.se, ctx.sentLeft[i] === 0 ? 1 : 0) & mask;
    ids[k++] = mix(H.sp, hb(ctx.sentPos[i] + 1)) & mask;
    ids[k++] = mix(H.sl, hb(ctx.sentLeft[i] + 1)) & mask;
    ids[k++] = mix(H.pf, firstQuoted) & mask;
    ids[k++] = mix(mix(H.pqs, ctx.quoteInSent[i]), q) & mask;
    ids[k++] = mix(H.src, R[j]) & mask;
    ids[k++] = mix(H['src-1'], R[j - 1]) & mask;
    ids[k++] = mix(H['src+1'], R[j + 1]) & mask;
    ids[k++] = mix(mix(H.qs, startQ), q) & mask;
    ids[k++] = mix(H.par, parBucket) & mask;
    ids[k++] = mix(H.stem, ST[j]) & mask;
    ids[k++] = mix(H['stem-1'], ST[j - 1]) & mask;
    ids[k++] = mix(H['stem+1'], ST[j + 1]) & mask;
    ids[k++] = mix(H.qdl, qb) & mask;
    ids[k++] = mix(H.qdr, qa) & mask;
    ids[k++] = mix(mix(mix(H.qd, qb), qa), q) & mask;
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
  }
  offsets[n] = k;
  return { ids: ids.subarray(0, k), offsets };
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
