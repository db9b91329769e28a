import type { Attribution } from '../../model.js';
import type { GoldAttributions } from './brat.js';
import { best, candidates, Feats, type BoundsInput, type BoundsModel, type Candidate, type EdgeKind } from './edge-rerank.js';

/**
 * Training of the content boundary reranker (edge-rerank.ts): examples from predicted relations
 * against PolNeAR gold, and an averaged multiclass perceptron over the candidates.
 */

export interface BoundsExample {
  cands: Candidate[];
  /** Index of the gold edge among `cands`. */
  gold: number;
  /** 0 start, 1 end. */
  side: 0 | 1;
}

/**
 * Examples of one article: every predicted relation whose content overlaps a gold content yields a start
 * example and an end example, each when the gold content's edge (of the gold content it overlaps most) is
 * among the candidates.
 */
export function boundsExamples(inp: BoundsInput, predicted: Attribution[], gold: GoldAttributions, kind: EdgeKind = 'content'): BoundsExample[] {
  const out: BoundsExample[] = [];
  const toks = inp.toks;
  const spans = gold.components.filter((c) => c.kind === kind);
  for (const a of predicted) {
    const span = a[kind];
    if (!span) continue;
    let g = null;
    let most = 0;
    for (const c of spans) {
      const o = Math.min(c.end, span.end) - Math.max(c.start, span.start);
      if (o > most) {
        most = o;
        g = c;
      }
    }
    if (!g) continue;
    const cs = candidates(inp, a, new Feats(inp), kind);
    if (!cs) continue;
    const si = cs.starts.findIndex((c) => (c.at === cs.rel.s0 ? span.start : toks[c.at].start) === g.start);
    const ei = cs.ends.findIndex((c) => (c.at === cs.rel.e0 ? span.end : toks[c.at - 1].end) === g.end);
    if (si >= 0) out.push({ cands: cs.starts, gold: si, side: 0 });
    if (ei >= 0) out.push({ cands: cs.ends, gold: ei, side: 1 });
  }
  return out;
}

export interface BoundsConfig {
  bits: number;
  epochs: number;
  seed: number;
  /** Perceptrons trained on differently shuffled examples whose weights are averaged (less variance). */
  seeds: number;
  margin: number;
  log?: (msg: string) => void;
}

export const DEFAULT_BOUNDS_CONFIG: Omit<BoundsConfig, 'log'> = { bits: 18, epochs: 8, seed: 2, seeds: 5, margin: 3 };

/** Averaged multiclass perceptron; deterministic for a given example order and config. */
export function trainBounds(examples: BoundsExample[], cfg: BoundsConfig): BoundsModel {
  const B = 1 << cfg.bits;
  const sum = new Float64Array(2 * B);
  for (let k = 0; k < cfg.seeds; k++) {
    const w = perceptron(examples, cfg.bits, cfg.epochs, cfg.seed + 101 * k, cfg.log);
    for (let i = 0; i < w.length; i++) sum[i] += w[i];
  }
  const weights = new Float32Array(2 * B);
  for (let i = 0; i < weights.length; i++) weights[i] = sum[i] / cfg.seeds;
  return { bits: cfg.bits, margin: cfg.margin, weights };
}

function perceptron(examples: BoundsExample[], bits: number, epochs: number, seed: number, log?: (m: string) => void): Float64Array {
  const B = 1 << bits;
  const mask = B - 1;
  const w = new Float64Array(2 * B);
  const u = new Float64Array(2 * B);
  let c = 1;
  let rnd = seed >>> 0 || 1;
  const next = (): number => {
    rnd ^= rnd << 13;
    rnd >>>= 0;
    rnd ^= rnd >>> 17;
    rnd ^= rnd << 5;
    rnd >>>= 0;
    return rnd;
  };
  const order = examples.map((_, i) => i);
  const update = (ids: Uint32Array, off: number, d: number): void => {
    for (let i = 0; i < ids.length; i++) {
      const h = off + (ids[i] & mask);
      w[h] += d;
      u[h] += d * c;
    }
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const k of order) {
      const ex = examples[k];
      const off = ex.side * B;
      const p = best(w, off, mask, ex.cands);
      if (p !== ex.gold) {
        errors++;
        update(ex.cands[ex.gold].ids, off, 1);
        update(ex.cands[p].ids, off, -1);
      }
      c++;
    }
    log?.(`content bounds seed ${seed} epoch ${e + 1}: ${errors} errors / ${examples.length}`);
  }
  for (let i = 0; i < w.length; i++) w[i] -= u[i] / c;
  return w;
}
