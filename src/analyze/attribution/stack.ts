import type { ParagraphFeatures } from './features.js';
import type { ATok } from './tokens.js';
import { fnv } from './features.js';

/**
 * Stacked features for the content tagger: where the source/cue tagger put cues and sources
 * relative to each token (same sentence, direction, distance) and which cue words they are, hashed
 * like the base features.
 */
const SEED = 0x5bd1e995;

function h(tmpl: number, v: number): number {
  let x = Math.imul(tmpl ^ SEED, 0x01000193) ^ v;
  x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
  x = Math.imul(x ^ (x >>> 12), 0x297a2d39);
  return x ^ (x >>> 15);
}

function bucket(d: number): number {
  if (d <= 0) return 0;
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 10) return 5;
  if (d <= 20) return 6;
  return 7;
}

/** Number of stacked features per token. */
export const STACK_FEATURES = 14;

/** Base features followed, for each token, by its stacked features. */
export function stackFeatures(base: ParagraphFeatures, toks: ATok[], sc: Uint8Array, bits: number, rules?: Uint8Array): ParagraphFeatures {
  const n = toks.length;
  const extra = stackExtras(toks, sc, bits, rules);
  const ids = new Int32Array(base.ids.length + extra.length);
  const offsets = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    for (let j = base.offsets[i]; j < base.offsets[i + 1]; j++) ids[k++] = base.ids[j];
    for (let j = 0; j < STACK_FEATURES; j++) ids[k++] = extra[i * STACK_FEATURES + j];
  }
  offsets[n] = k;
  return { ids, offsets };
}

/**
 * The stacked features alone, `STACK_FEATURES` per token. `sc` holds the source/cue tags as kinds
 * per token: 0 none, 1 source, 2 cue. `rules`: the paragraph's rule codes (rule-codes.ts; absent: the
 * rules said nothing), read as what the rules said of the token and its neighbours.
 */
export function stackExtras(toks: ATok[], sc: Uint8Array, bits: number, rules?: Uint8Array): Int32Array {
  const n = toks.length;
  const mask = (1 << bits) - 1;
  const cueL = new Int32Array(n);
  const cueR = new Int32Array(n);
  const srcL = new Int32Array(n);
  const srcR = new Int32Array(n);
  const cueLpar = new Int32Array(n);
  const cueRpar = new Int32Array(n);
  // hash of the nearest cue token's word left / right in the sentence (0: none)
  const cueLw = new Int32Array(n);
  const cueRw = new Int32Array(n);
  let lc = -1;
  let ls = -1;
  let lcp = -1;
  let lw = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && toks[i].sent !== toks[i - 1].sent) {
      lc = -1;
      ls = -1;
    }
    cueL[i] = lc < 0 ? 0 : i - lc;
    srcL[i] = ls < 0 ? 0 : i - ls;
    cueLpar[i] = lcp < 0 ? 0 : i - lcp;
    cueLw[i] = lc < 0 ? 0 : lw;
    if (sc[i] === 2) {
      lc = lcp = i;
      lw = fnv(toks[i].lower);
    }
    if (sc[i] === 1) ls = i;
  }
  lc = ls = lcp = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && toks[i].sent !== toks[i + 1].sent) {
      lc = -1;
      ls = -1;
    }
    cueR[i] = lc < 0 ? 0 : lc - i;
    srcR[i] = ls < 0 ? 0 : ls - i;
    cueRpar[i] = lcp < 0 ? 0 : lcp - i;
    cueRw[i] = lc < 0 ? 0 : lw;
    if (sc[i] === 2) {
      lc = lcp = i;
      lw = fnv(toks[i].lower);
    }
    if (sc[i] === 1) ls = i;
  }
  const ids = new Int32Array(n * STACK_FEATURES);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const cl = bucket(cueL[i]);
    const cr = bucket(cueR[i]);
    ids[k++] = h(1, sc[i]) & mask;
    ids[k++] = h(2, cl) & mask;
    ids[k++] = h(3, cr) & mask;
    ids[k++] = h(4, cl * 8 + cr) & mask;
    ids[k++] = h(5, bucket(srcL[i]) * 8 + bucket(srcR[i])) & mask;
    ids[k++] = h(6, bucket(cueLpar[i]) * 8 + bucket(cueRpar[i])) & mask;
    ids[k++] = h(7, (i > 0 ? sc[i - 1] : 3) * 4 + (i < n - 1 ? sc[i + 1] : 3)) & mask;
    ids[k++] = h(8, sc[i] * 64 + cl * 8 + cr) & mask;
    ids[k++] = h(9, h(cueLw[i], cl)) & mask;
    ids[k++] = h(10, h(cueRw[i], cr)) & mask;
    const r0 = rules ? rules[i] : 0;
    const k0 = r0 & 7;
    ids[k++] = h(19, k0) & mask;
    ids[k++] = h(20, r0) & mask;
    ids[k++] = h(21, k0 === 0 ? 0 : h(fnv(toks[i].lower), k0)) & mask;
    ids[k++] = h(22, (i > 0 ? (rules ? rules[i - 1] & 7 : 0) : 8) * 256 + k0 * 16 + (i < n - 1 ? (rules ? rules[i + 1] & 7 : 0) : 8)) & mask;
  }
  return ids;
}

/**
 * Features for the second source/cue pass: where the content tagger put contents relative to each
 * token (`ct` per token: 0 outside, 1 content start, 2 inside), `STACK_FEATURES` per token.
 */
export function contentExtras(toks: ATok[], ct: Uint8Array, bits: number): Int32Array {
  const n = toks.length;
  const mask = (1 << bits) - 1;
  const endL = new Int32Array(n);
  const startR = new Int32Array(n);
  const endLs = new Int32Array(n);
  const startRs = new Int32Array(n);
  let any = 0;
  let le = -1;
  let les = -1;
  for (let i = 0; i < n; i++) {
    if (ct[i] !== 0) any = 1;
    if (i > 0 && toks[i].sent !== toks[i - 1].sent) les = -1;
    endL[i] = le < 0 ? 0 : i - le;
    endLs[i] = les < 0 ? 0 : i - les;
    if (ct[i] !== 0 && (i === n - 1 || ct[i + 1] !== 2)) le = les = i;
  }
  let rs = -1;
  let rss = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1 && toks[i].sent !== toks[i + 1].sent) rss = -1;
    startR[i] = rs < 0 ? 0 : rs - i;
    startRs[i] = rss < 0 ? 0 : rss - i;
    if (ct[i] === 1 || (ct[i] === 2 && (i === 0 || ct[i - 1] === 0))) rs = rss = i;
  }
  const ids = new Int32Array(n * STACK_FEATURES);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const el = bucket(endL[i]);
    const sr = bucket(startR[i]);
    ids[k++] = h(11, ct[i]) & mask;
    ids[k++] = h(12, el) & mask;
    ids[k++] = h(13, sr) & mask;
    ids[k++] = h(14, el * 8 + sr) & mask;
    ids[k++] = h(15, bucket(endLs[i]) * 8 + bucket(startRs[i])) & mask;
    ids[k++] = h(16, (i > 0 ? ct[i - 1] : 3) * 16 + ct[i] * 4 + (i < n - 1 ? ct[i + 1] : 3)) & mask;
    ids[k++] = h(17, any * 4 + ct[i]) & mask;
    ids[k++] = h(18, ct[i] * 64 + el * 8 + sr) & mask;
    // (the second pass has eight)
    for (let j = 8; j < STACK_FEATURES; j++) ids[k++] = 0;
  }
  return ids;
}

/** Append per-token extras (`STACK_FEATURES` each) to base features (for training). */
export function withExtras(base: ParagraphFeatures, extra: Int32Array): ParagraphFeatures {
  const n = base.offsets.length - 1;
  const ids = new Int32Array(base.ids.length + extra.length);
  const offsets = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    for (let j = base.offsets[i]; j < base.offsets[i + 1]; j++) ids[k++] = base.ids[j];
    for (let j = 0; j < STACK_FEATURES; j++) ids[k++] = extra[i * STACK_FEATURES + j];
  }
  offsets[n] = k;
  return { ids, offsets };
}
