import type { ParagraphFeatures } from './features.js';
import type { ATok } from './tokens.js';

/**
 * Stacked features for the content tagger: where the source/cue tagger put cues and sources
 * relative to each token (same sentence, direction, distance), hashed like the base features.
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
export const STACK_FEATURES = 8;

/** Base features followed, for each token, by its stacked features. */
export function stackFeatures(base: ParagraphFeatures, toks: ATok[], sc: Uint8Array, bits: number): ParagraphFeatures {
  const n = toks.length;
  const extra = stackExtras(toks, sc, bits);
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
 * per token: 0 none, 1 source, 2 cue.
 */
export function stackExtras(toks: ATok[], sc: Uint8Array, bits: number): Int32Array {
  const n = toks.length;
  const mask = (1 << bits) - 1;
  const cueL = new Int32Array(n);
  const cueR = new Int32Array(n);
  const srcL = new Int32Array(n);
  const srcR = new Int32Array(n);
  const cueLpar = new Int32Array(n);
  const cueRpar = new Int32Array(n);
  let lc = -1;
  let ls = -1;
  let lcp = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && toks[i].sent !== toks[i - 1].sent) {
      lc = -1;
      ls = -1;
    }
    cueL[i] = lc < 0 ? 0 : i - lc;
    srcL[i] = ls < 0 ? 0 : i - ls;
    cueLpar[i] = lcp < 0 ? 0 : i - lcp;
    if (sc[i] === 2) lc = lcp = i;
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
    if (sc[i] === 2) lc = lcp = i;
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
  }
  return ids;
}
