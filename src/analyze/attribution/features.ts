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

function hashInit(tmpl: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tmpl.length; i++) {
    h ^= tmpl.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 0x1f;
  return Math.imul(h, 0x01000193);
}

function hashAdd(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
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

function bucket(d: number): string {
  if (d <= 0) return 'none';
  if (d <= 3) return String(d);
  if (d <= 6) return '4-6';
  if (d <= 10) return '7-10';
  if (d <= 20) return '11-20';
  return '>20';
}

const BOUNDARY = '<s>';

/** Per-paragraph context facts features use. */
interface Context {
  quote: Uint8Array;
  cueLeft: Int32Array;
  cueRight: Int32Array;
  sentPos: Int32Array;
  sentLeft: Int32Array;
  shapes: string[];
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
  return { quote, cueLeft, cueRight, sentPos, sentLeft, shapes: toks.map((t) => shapeOf(t.value)), quoteInSent };
}

// Templates (hash prefixes), computed once.
const H = Object.fromEntries(
  [
    'b', 'w', 'w-1', 'w+1', 'w-2', 'w+2', 'p', 'p-1', 'p+1', 'p-2', 'p+2', 'pp', 'pn', 'ppn', 'sh', 'sh-1', 'sh+1',
    's3', 'q', 'qw', 'qp', 'lex', 'lex-1', 'lex+1', 'cl', 'cr', 'clr', 'qcl', 'qcr', 'ss', 'se', 'sp', 'sl', 'pf',
    'pqs', 'ww-1', 'ww+1', 'src', 'src-1', 'src+1', 'qs', 'pcl', 'pcr', 'par', 'cw', 'iq',
  ].map((k) => [k, hashInit(k)]),
) as Record<string, number>;

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
  const ids: number[] = [];
  const offsets = new Int32Array(n + 1);
  const firstQuoted = n > 0 && ctx.quote[0] >= 1 ? '1' : '0';
  const parBucket = paraIndex === 0 ? '0' : paraIndex === 1 ? '1' : paraIndex < 5 ? '2-4' : 'n';
  const lw = (k: number): string => (k < 0 || k >= n ? BOUNDARY : toks[k].lower);
  const lp = (k: number): string => (k < 0 || k >= n ? BOUNDARY : toks[k].pos);
  const lex = (k: number): string => (k < 0 || k >= n ? '-' : CUE_WORDS.has(toks[k].lower) ? '1' : '0');
  const src = (k: number): string => (k < 0 || k >= n ? '-' : SOURCE_NOUNS.has(toks[k].lower) ? '1' : '0');
  const add = (tmpl: number, v: string): void => {
    ids.push(hashAdd(tmpl, v) & mask);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = ids.length;
    const t = toks[i];
    const q = String(ctx.quote[i]);
    const cl = bucket(ctx.cueLeft[i]);
    const cr = bucket(ctx.cueRight[i]);
    add(H.b, '');
    add(H.w, t.lower);
    add(H['w-1'], lw(i - 1));
    add(H['w+1'], lw(i + 1));
    add(H['w-2'], lw(i - 2));
    add(H['w+2'], lw(i + 2));
    add(H['ww-1'], lw(i - 1) + '|' + t.lower);
    add(H['ww+1'], t.lower + '|' + lw(i + 1));
    add(H.p, t.pos);
    add(H['p-1'], lp(i - 1));
    add(H['p+1'], lp(i + 1));
    add(H['p-2'], lp(i - 2));
    add(H['p+2'], lp(i + 2));
    add(H.pp, lp(i - 1) + '|' + t.pos);
    add(H.pn, t.pos + '|' + lp(i + 1));
    add(H.ppn, lp(i - 1) + '|' + t.pos + '|' + lp(i + 1));
    add(H.sh, ctx.shapes[i]);
    add(H['sh-1'], i > 0 ? ctx.shapes[i - 1] : BOUNDARY);
    add(H['sh+1'], i < n - 1 ? ctx.shapes[i + 1] : BOUNDARY);
    add(H.s3, t.lower.length > 3 ? t.lower.slice(-3) : t.lower);
    add(H.q, q);
    add(H.qw, q + '|' + t.lower);
    add(H.qp, q + '|' + t.pos);
    add(H.iq, q + '|' + (i > 0 ? String(ctx.quote[i - 1]) : '-') + '|' + (i < n - 1 ? String(ctx.quote[i + 1]) : '-'));
    add(H.lex, lex(i));
    add(H['lex-1'], lex(i - 1));
    add(H['lex+1'], lex(i + 1));
    add(H.cl, cl);
    add(H.cr, cr);
    add(H.clr, cl + '|' + cr);
    add(H.qcl, q + '|' + cl);
    add(H.qcr, q + '|' + cr);
    add(H.pcl, t.pos + '|' + cl);
    add(H.pcr, t.pos + '|' + cr);
    add(H.cw, cl === '1' ? t.lower : cr === '1' ? '>' + t.lower : '');
    add(H.ss, ctx.sentPos[i] === 0 ? '1' : '0');
    add(H.se, ctx.sentLeft[i] === 0 ? '1' : '0');
    add(H.sp, bucket(ctx.sentPos[i] + 1));
    add(H.sl, bucket(ctx.sentLeft[i] + 1));
    add(H.pf, firstQuoted);
    add(H.pqs, String(ctx.quoteInSent[i]) + '|' + q);
    add(H.src, src(i));
    add(H['src-1'], src(i - 1));
    add(H['src+1'], src(i + 1));
    add(H.qs, (startsInQuote ? '1' : '0') + '|' + q);
    add(H.par, parBucket);
  }
  offsets[n] = ids.length;
  return { ids: Int32Array.from(ids), offsets };
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
