import type { Attribution } from '../../model.js';
import type { GoldAttributions } from './brat.js';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Metric = 'source' | 'cue' | 'content' | 'relation' | 'relation+cue';

/**
 * Exact-match counts for one article. Components: the distinct predicted spans (of the returned
 * attributions) against the distinct gold spans of each kind (discontinuous gold spans count as their
 * covering range). `relation`: a (source, content) pair — null source allowed on both sides — appears
 * in gold and prediction; `relation+cue` also requires the cue.
 */
export function scoreArticle(pred: Attribution[], gold: GoldAttributions): Record<Metric, Counts> {
  const key = (s: { start: number; end: number } | null): string => (s ? `${s.start}-${s.end}` : 'null');
  const sets = (kind: 'source' | 'cue' | 'content'): [Set<string>, Set<string>] => {
    const g = new Set(gold.components.filter((c) => c.kind === kind).map(key));
    const p = new Set(pred.map((a) => a[kind]).filter((x) => x !== null).map(key));
    return [p, g];
  };
  const count = (p: Set<string>, g: Set<string>): Counts => {
    let tp = 0;
    for (const x of p) if (g.has(x)) tp++;
    return { tp, fp: p.size - tp, fn: g.size - tp };
  };
  const gRel = new Set<string>();
  const gRelCue = new Set<string>();
  for (const r of gold.relations) {
    for (const c of r.contents) {
      gRel.add(`${key(r.source)}|${key(c)}`);
      gRelCue.add(`${key(r.source)}|${key(r.cue)}|${key(c)}`);
    }
  }
  const pRel = new Set(pred.map((a) => `${key(a.source)}|${key(a.content)}`));
  const pRelCue = new Set(pred.map((a) => `${key(a.source)}|${key(a.cue)}|${key(a.content)}`));
  return {
    source: count(...sets('source')),
    cue: count(...sets('cue')),
    content: count(...sets('content')),
    relation: count(pRel, gRel),
    'relation+cue': count(pRelCue, gRelCue),
  };
}

export function addCounts(into: Record<Metric, Counts>, more: Record<Metric, Counts>): void {
  for (const k of Object.keys(more) as Metric[]) {
    into[k].tp += more[k].tp;
    into[k].fp += more[k].fp;
    into[k].fn += more[k].fn;
  }
}

export function emptyCounts(): Record<Metric, Counts> {
  const z = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  return { source: z(), cue: z(), content: z(), relation: z(), 'relation+cue': z() };
}
