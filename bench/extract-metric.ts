/**
 * The article extraction benchmark's own metric: `\w+` tokens (Unicode,
 * case-sensitive), multisets of 4-token shingles; per page TP/FP/FN
 * normalised by their sum; precision/recall averaged over pages; F1 of the
 * means; accuracy = share of pages whose token sequence equals the truth.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (!s) continue;
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(truth: string, pred: string): PageScore {
  const tt = tokenize(truth);
  const pt = tokenize(pred);
  const a = shingles(tt);
  const b = shingles(pt);
  let tp = 0, fp = 0, fn = 0;
  for (const [k, t] of a) {
    const p = b.get(k) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [k, p] of b) fp += Math.max(0, p - (a.get(k) ?? 0));
  const s = tp + fp + fn;
  const exact = tt.length === pt.length && tt.every((x, i) => x === pt[i]);
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

export function summarise(scores: PageScore[]): Summary {
  let ps = 0, pn = 0, rs = 0, rn = 0, ex = 0;
  for (const s of scores) {
    if (s.tp + s.fp > 0) { ps += s.tp / (s.tp + s.fp); pn++; }
    if (s.tp + s.fn > 0) { rs += s.tp / (s.tp + s.fn); rn++; }
    if (s.exact) ex++;
  }
  const precision = pn ? ps / pn : 0;
  const recall = rn ? rs / rn : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: scores.length ? ex / scores.length : 0, pages: scores.length };
}
