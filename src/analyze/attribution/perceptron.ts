import type { ParagraphFeatures } from './features.js';

/**
 * Linear-chain tagger trained by the averaged structured perceptron (Collins 2002) over hashed
 * features, decoded by Viterbi with BIO constraints (`I-x` only after `B-x` / `I-x`).
 */

export interface ChainModel {
  tags: string[];
  bits: number;
  /** Emission weights, `[bucket * T + tag]`. */
  weights: Float32Array;
  /** Transition weights `[(prev + 1) * T + tag]`; row 0 is the start state. */
  trans: Float32Array;
  /**
   * The weights as stored in a model file (int16 rows of the non-zero buckets, times `scale`); set on
   * loaded models so inference can build its table without going through `weights`.
   */
  packed?: { ids: Int32Array; vals: Int16Array; scale: number };
}

export interface TrainExample {
  feats: ParagraphFeatures;
  gold: Uint8Array;
}

/** allowed[(prev+1)*T + tag]: BIO well-formedness. */
function allowedTable(tags: string[]): Uint8Array {
  const T = tags.length;
  const ok = new Uint8Array((T + 1) * T);
  for (let p = -1; p < T; p++) {
    for (let t = 0; t < T; t++) {
      const tag = tags[t];
      let allowed = true;
      if (tag.startsWith('I-') || tag.startsWith('E-')) {
        const kind = tag.slice(2);
        allowed = p >= 0 && (tags[p] === 'B-' + kind || tags[p] === 'I-' + kind);
      }
      ok[(p + 1) * T + t] = allowed ? 1 : 0;
    }
  }
  return ok;
}

/** Emission scores `[i * T + t]`. */
function emissions(weights: Float32Array, T: number, f: ParagraphFeatures, n: number, out: Float64Array): void {
  const { ids, offsets } = f;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let t = 0; t < T; t++) out[base + t] = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const w = ids[k] * T;
      for (let t = 0; t < T; t++) out[base + t] += weights[w + t];
    }
  }
}

export class Decoder {
  private readonly T: number;
  private readonly allowed: Uint8Array;
  private em = new Float64Array(0);
  private score = new Float64Array(0);
  private back = new Int32Array(0);

  constructor(readonly model: ChainModel) {
    this.T = model.tags.length;
    this.allowed = allowedTable(model.tags);
  }

  /** Best tag sequence (indices into `model.tags`) for a paragraph of `n` tokens. */
  decode(f: ParagraphFeatures, n = f.offsets.length - 1, weights = this.model.weights, trans = this.model.trans): Uint8Array {
    if (this.em.length < n * this.T) this.em = new Float64Array(n * this.T * 2);
    emissions(weights, this.T, f, n, this.em);
    return this.viterbi(this.em, n, trans);
  }

  /** Viterbi over precomputed emission scores `em[i * T + t]`. */
  viterbi(em: Float64Array, n: number, trans = this.model.trans): Uint8Array {
    const T = this.T;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    if (this.score.length < n * T) {
      this.score = new Float64Array(n * T * 2);
      this.back = new Int32Array(n * T * 2);
    }
    const score = this.score;
    const back = this.back;
    const allowed = this.allowed;
    for (let t = 0; t < T; t++) score[t] = allowed[t] ? em[t] + trans[t] : -Infinity;
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < T; t++) {
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          if (!allowed[(p + 1) * T + t]) continue;
          const s = score[(i - 1) * T + p] + trans[(p + 1) * T + t];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[i * T + t] = best + em[i * T + t];
        back[i * T + t] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    for (let t = 0; t < T; t++) {
      if (score[(n - 1) * T + t] > best) {
        best = score[(n - 1) * T + t];
        arg = t;
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * T + arg];
    }
    return out;
  }
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  log?: (msg: string) => void;
}

/** Train a chain model by the averaged structured perceptron. Deterministic for a given seed and input order. */
export function trainChain(tags: string[], bits: number, data: TrainExample[], opts: TrainOptions): ChainModel {
  const T = tags.length;
  const size = (1 << bits) * T;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tw = new Float32Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const model: ChainModel = { tags, bits, weights: w, trans: tw };
  const dec = new Decoder(model);
  const order = data.map((_, i) => i);
  const rand = rng(opts.seed);
  let c = 1;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const ex = data[idx];
      const n = ex.gold.length;
      tokens += n;
      const pred = dec.decode(ex.feats, n, w, tw);
      let differs = false;
      for (let i = 0; i < n; i++) {
        if (pred[i] !== ex.gold[i]) {
          differs = true;
          break;
        }
      }
      if (differs) {
        const { ids, offsets } = ex.feats;
        for (let i = 0; i < n; i++) {
          const g = ex.gold[i];
          const p = pred[i];
          const gp = i === 0 ? 0 : ex.gold[i - 1] + 1;
          const pp = i === 0 ? 0 : pred[i - 1] + 1;
          if (g !== p) {
            errors++;
            for (let k = offsets[i]; k < offsets[i + 1]; k++) {
              const b = ids[k] * T;
              w[b + g] += 1;
              u[b + g] += c;
              w[b + p] -= 1;
              u[b + p] -= c;
            }
          }
          if (g !== p || gp !== pp) {
            tw[gp * T + g] += 1;
            tu[gp * T + g] += c;
            tw[pp * T + p] -= 1;
            tu[pp * T + p] -= c;
          }
        }
      }
      c++;
    }
    opts.log?.(`epoch ${epoch + 1}: ${errors} token errors / ${tokens} tokens`);
  }
  for (let k = 0; k < size; k++) if (u[k] !== 0) w[k] -= u[k] / c;
  for (let k = 0; k < tw.length; k++) tw[k] -= tu[k] / c;
  return model;
}
