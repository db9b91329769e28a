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

export interface ErrorCounts {
  /** Gold spans predicted exactly. */
  exact: number;
  /** Gold spans overlapped by one prediction with a different start / end / both. */
  start: number;
  end: number;
  both: number;
  /** Gold spans overlapped by several predictions. */
  split: number;
  /** Gold spans no prediction overlaps. */
  missed: number;
  /** Predicted spans that overlap no gold span of their kind. */
  spurious: number;
}

/** Where exact-match errors come from, per component kind (distinct spans, as `scoreArticle`). */
export function errorBreakdown(pred: Attribution[], gold: GoldAttributions): Record<'source' | 'cue' | 'content', ErrorCounts> {
  const out = {} as Record<'source' | 'cue' | 'content', ErrorCounts>;
  for (const kind of ['source', 'cue', 'content'] as const) {
    const uniq = <T extends { start: number; end: number }>(xs: T[]): T[] => [...new Map(xs.map((x) => [`${x.start}-${x.end}`, x])).values()];
    const g = uniq(gold.components.filter((c) => c.kind === kind));
    const p = uniq(pred.map((a) => a[kind]).filter((x): x is NonNullable<typeof x> => x !== null));
    const e: ErrorCounts = { exact: 0, start: 0, end: 0, both: 0, split: 0, missed: 0, spurious: 0 };
    for (const gs of g) {
      if (p.some((ps) => ps.start === gs.start && ps.end === gs.end)) e.exact++;
      else {
        const ov = p.filter((ps) => ps.start < gs.end && ps.end > gs.start);
        if (ov.length === 0) e.missed++;
        else if (ov.length > 1) e.split++;
        else if (ov[0].start === gs.start) e.end++;
        else if (ov[0].end === gs.end) e.start++;
        else e.both++;
      }
    }
    for (const ps of p) if (!g.some((gs) => gs.start < ps.end && gs.end > ps.start)) e.spurious++;
    out[kind] = e;
  }
  return out;
}
