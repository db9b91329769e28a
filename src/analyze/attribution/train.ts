import type { GoldAttributions } from './brat.js';
import { prepareParagraphs, scKinds, SC_TAGS, CT_TAGS, type TaggerPair, type PreparedParagraph } from './annotate.js';
import { trainChain, Decoder, type TrainExample } from './perceptron.js';
import { bioOf, spansToTags, type KindSpan } from './spans.js';
import { stackFeatures, contentExtras, withExtras } from './stack.js';
import type { ClusterTable } from './features.js';
import { setRuleCodes, type RuleSpan } from './rule-codes.js';
import { tokenizeParagraphs } from './tokens.js';

export interface TrainDoc {
  text: string;
  gold: GoldAttributions;
  /** The rule relations' spans on this text (the tagger's rule features; `ruleRelations` in analyze/index.ts). */
  rules?: RuleSpan[];
}

export interface TrainConfig {
  bits: number;
  epochs: number;
  seed: number;
  /** Train the content tagger on the source/cue tagger's (cross-validated) output. */
  stacked: boolean;
  /** Folds for the stacked features' jackknife. */
  folds: number;
  /** Train a second source/cue pass on the content tagger's (cross-validated) output. Needs `stacked`.
   *  Off by default: on PolNeAR dev it changed F1 by under 0.005 while doubling training time. */
  refine: boolean;
  /** Number of differently seeded pipelines whose weights are averaged (`trainEnsemble`). */
  ensemble?: number;
  /** Word clusters for the features (copied into the model). */
  clusters?: ClusterTable;
  log?: (msg: string) => void;
}

/**
 * 18 epochs: on PolNeAR dev (merged output) +0.004…0.006 source and cue F1 over 14 at two seeds, content and
 * relations within ±0.003; the training errors still fall after 14.
 */
export const DEFAULT_CONFIG: Omit<TrainConfig, 'log'> = { bits: 18, epochs: 18, seed: 13, stacked: true, folds: 4, refine: false, ensemble: 1 };

/**
 * Train `cfg.ensemble` pipelines that differ only in their seeds and average their weights (the taggers
 * are linear, so this is one model of the same size scoring the mean of their scores).
 */
export function trainEnsemble(docs: TrainDoc[], cfg: TrainConfig): TaggerPair {
  const k = Math.max(1, cfg.ensemble ?? 1);
  const models: TaggerPair[] = [];
  for (let i = 0; i < k; i++) {
    cfg.log?.(`ensemble member ${i + 1}/${k}`);
    models.push(trainTaggers(docs, { ...cfg, seed: cfg.seed + 1000 * i }));
  }
  if (k === 1) return models[0];
  const avg = (get: (m: TaggerPair) => Float32Array): Float32Array => {
    const out = new Float32Array(get(models[0]).length);
    for (const m of models) {
      const w = get(m);
      for (let j = 0; j < out.length; j++) out[j] += w[j] / k;
    }
    return out;
  };
  const first = models[0];
  return {
    ...first,
    sc: { ...first.sc, weights: avg((m) => m.sc.weights), trans: avg((m) => m.sc.trans) },
    ct: { ...first.ct, weights: avg((m) => m.ct.weights), trans: avg((m) => m.ct.trans) },
    sc2: first.sc2 ? { ...first.sc2, weights: avg((m) => m.sc2!.weights), trans: avg((m) => m.sc2!.trans) } : undefined,
  };
}

interface DocData {
  paras: PreparedParagraph[];
  sc: Uint8Array[];
  ct: Uint8Array[];
}

function goldSpans(gold: GoldAttributions): { sc: KindSpan[]; ct: KindSpan[] } {
  const sc = gold.components.filter((c) => c.kind !== 'content');
  // Cues first (they are short and anchor relations), then sources.
  sc.sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'cue' ? -1 : 1));
  // Outer contents first: nested contents cannot be represented.
  const ct = gold.components.filter((c) => c.kind === 'content').sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return { sc, ct };
}

/** Train both taggers. Deterministic for a given config and document order. */
export function trainTaggers(docs: TrainDoc[], cfg: TrainConfig): TaggerPair {
  const log = cfg.log ?? (() => {});
  const data: DocData[] = docs.map((d) => {
    const tokens = tokenizeParagraphs(d.text);
    if (d.rules) setRuleCodes(tokens, d.rules);
    const paras = prepareParagraphs(tokens, cfg.bits, cfg.clusters);
    const g = goldSpans(d.gold);
    return {
      paras,
      sc: paras.map((p) => spansToTags(p.para.tokens, g.sc, SC_TAGS, { source: 'S', cue: 'C' })),
      ct: paras.map((p) => spansToTags(p.para.tokens, g.ct, CT_TAGS, { content: 'T' })),
    };
  });
  log(`featurised ${docs.length} documents`);
  const scExamples = (ds: DocData[]): TrainExample[] =>
    ds.flatMap((d) => d.paras.map((p, k) => ({ feats: p.base, gold: d.sc[k] })).filter((e) => e.gold.length > 0));
  const opts = { epochs: cfg.epochs, seed: cfg.seed, log: (m: string) => log('source/cue ' + m) };
  const sc = trainChain(SC_TAGS, cfg.bits, scExamples(data), opts);
  let ctExamples: TrainExample[];
  const sc2Examples: TrainExample[] = [];
  if (cfg.stacked) {
    // Jackknife: the content tagger sees source/cue predictions made by a model that did not train on them.
    ctExamples = [];
    const folds = Math.max(2, cfg.folds);
    for (let f = 0; f < folds; f++) {
      const held = data.filter((_, i) => i % folds === f);
      const rest = data.filter((_, i) => i % folds !== f);
      const m = trainChain(SC_TAGS, cfg.bits, scExamples(rest), { epochs: cfg.epochs, seed: cfg.seed + f + 1 });
      const dec = new Decoder(m);
      // For the second source/cue pass: a content tagger of this fold (stacked on gold source/cue kinds).
      const ctDec = cfg.refine
        ? new Decoder(
            trainChain(
              CT_TAGS,
              cfg.bits,
              rest.flatMap((d) =>
                d.paras
                  .map((p, k) => ({ feats: stackFeatures(p.base, p.para.tokens, scKinds(d.sc[k], SC_TAGS), cfg.bits, p.para.rules), gold: d.ct[k] }))
                  .filter((e) => e.gold.length > 0),
              ),
              { epochs: cfg.epochs, seed: cfg.seed + 100 + f },
            ),
          )
        : null;
      for (const d of held) {
        d.paras.forEach((p, k) => {
          if (p.para.tokens.length === 0) return;
          const seq = dec.decode(p.base);
          const stacked = stackFeatures(p.base, p.para.tokens, scKinds(seq, SC_TAGS), cfg.bits, p.para.rules);
          ctExamples.push({ feats: stacked, gold: d.ct[k] });
          if (ctDec) {
            const ctSeq = ctDec.decode(stacked);
            sc2Examples.push({ feats: withExtras(p.base, contentExtras(p.para.tokens, bioOf(ctSeq, CT_TAGS), cfg.bits)), gold: d.sc[k] });
          }
        });
      }
      log(`jackknife fold ${f + 1}/${folds} done`);
    }
  } else {
    ctExamples = data.flatMap((d) => d.paras.map((p, k) => ({ feats: p.base, gold: d.ct[k] })).filter((e) => e.gold.length > 0));
  }
  const ct = trainChain(CT_TAGS, cfg.bits, ctExamples, { epochs: cfg.epochs, seed: cfg.seed, log: (m) => log('content ' + m) });
  const sc2 =
    sc2Examples.length > 0
      ? trainChain(SC_TAGS, cfg.bits, sc2Examples, { epochs: cfg.epochs, seed: cfg.seed + 7, log: (m) => log('source/cue refine ' + m) })
      : undefined;
  return { bits: cfg.bits, sc, ct, stacked: cfg.stacked, sc2, clusters: cfg.clusters };
}
