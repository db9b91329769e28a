/**
 * Train the attribution taggers from PolNeAR and write models/attribution.bin, then the edge
 * rerankers (models/edge-rerank.bin, next to it): four taggers, each trained on three quarters of the
 * articles, annotate the fourth quarter (the default merged output, without rerankers), and a reranker
 * per span kind (content, source, cue) learns from those relations' edges against the gold ones.
 * The rule relations of every text (`ruleRelations`, as `analyzeArticle` makes them) are features of
 * the content tagger; their digest is written first, as attribution-rules.json beside the model, and the
 * digest of the new tagger's merged relations on the same texts (what the rerankers learn from) after it.
 * A change to the rules, the merge or the content cuts means retraining: bench:annotate says when either
 * digest no longer matches.
 *   npm run train:attribution -- [trainDir] [--out file] [--limit N] [--epochs N] [--bits N] [--seed N] [--no-stack] [--refine] [--all-annotators] [--ensemble N]
 *     [--no-bounds]       (skip the rerankers)   [--bounds-only]   (train only the rerankers)
 *     [--rules-only]      (only write the digest of the training texts' rule relations, attribution-rules.json)
 *     [--clusters file]   (word clusters from scripts/build-attribution-clusters.ts, copied into the model; off by
 *                          default: on PolNeAR dev they changed F1 by about +0.01 source/relation, within run-to-run noise)
 * trainDir defaults to ../shared/bench/polnear/train. Deterministic (fixed seed, sorted files).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readClusterTable } from '../src/analyze/attribution/clusters.js';
import { dirname, join, resolve } from 'node:path';
import { loadPolnear } from '../src/analyze/attribution/dataset.js';
import { trainEnsemble, DEFAULT_CONFIG } from '../src/analyze/attribution/train.js';
import { serializeModel } from '../src/analyze/attribution/model-io.js';
import { defaultModelPath, loadAttributionModel } from '../src/analyze/attribution/index.js';
import { boundsInput, serializeEdgeModels, type EdgeKind, type EdgeModels } from '../src/analyze/attribution/edge-rerank.js';
import { boundsExamples, trainBounds, DEFAULT_BOUNDS_CONFIG, type BoundsExample } from '../src/analyze/attribution/edge-rerank-train.js';
import { paragraphsFromTokens } from '../src/analyze/attribution/tokens.js';
import { tokenizeArticle } from '../src/analyze/quotes/tokens.js';
import { analyzeArticle } from '../src/analyze/index.js';
import type { RuleSpan } from '../src/analyze/attribution/rule-codes.js';
import { mergedDigest, plainArticle, ruleDigest, ruleSpansOfTexts, rulesRecordPath, type RulesRecord } from '../src/analyze/attribution/rule-digest.js';
import type { PolnearDoc } from '../src/analyze/attribution/dataset.js';
import type { TrainConfig } from '../src/analyze/attribution/train.js';

const BOUNDS_FOLDS = 4;

/** A PolNeAR article with the spans of its rule relations (features of the content tagger). */
type RuledDoc = PolnearDoc & { rules?: RuleSpan[] };

/** A PolNeAR text file as `retold annotate --as-is` reads it (spans are offsets into the file). */
const EDGE_KINDS: EdgeKind[] = ['content', 'source', 'cue'];

/** The rerankers' training examples, per span kind: relations of jackknifed taggers (see the header) against gold. */
function jackknifedBoundsExamples(docs: RuledDoc[], dir: string, cfg: TrainConfig, log: (m: string) => void): Record<EdgeKind, BoundsExample[]> {
  const out: Record<EdgeKind, BoundsExample[]> = { content: [], source: [], cue: [] };
  for (let f = 0; f < BOUNDS_FOLDS; f++) {
    const rest = docs.filter((_, i) => i % BOUNDS_FOLDS !== f);
    const model = trainEnsemble(rest, { ...cfg, log: undefined });
    docs.forEach((d, i) => {
      if (i % BOUNDS_FOLDS !== f) return;
      const path = join(dir, 'text', d.name + '.txt');
      const article = plainArticle(path);
      const tokens = tokenizeArticle(article).tokens;
      const rels = analyzeArticle(article, { attributions: 'merged', edgeModels: null, model }).attributions;
      const inp = boundsInput(paragraphsFromTokens(tokens));
      for (const k of EDGE_KINDS) out[k].push(...boundsExamples(inp, rels, d.gold, k));
    });
    log(`edge rerankers: fold ${f + 1}/${BOUNDS_FOLDS} annotated (${EDGE_KINDS.map((k) => `${out[k].length} ${k}`).join(', ')} examples)`);
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const flag = (name: string): boolean => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const out = resolve(opt('--out') ?? defaultModelPath());
  const limit = Number(opt('--limit') ?? Infinity);
  const cfg = {
    ...DEFAULT_CONFIG,
    epochs: Number(opt('--epochs') ?? DEFAULT_CONFIG.epochs),
    bits: Number(opt('--bits') ?? DEFAULT_CONFIG.bits),
    stacked: !flag('--no-stack'),
    refine: flag('--refine'),
    prune: Number(opt('--prune') ?? 0),
    ensemble: Number(opt('--ensemble') ?? DEFAULT_CONFIG.ensemble),
    seed: Number(opt('--seed') ?? DEFAULT_CONFIG.seed),
  };
  const allAnnotators = flag('--all-annotators');
  const noBounds = flag('--no-bounds');
  const boundsOnly = flag('--bounds-only');
  const rulesOnly = flag('--rules-only');
  const clusterArg = opt('--clusters');
  const clusterPath = clusterArg ? resolve(clusterArg) : null;
  const dir = resolve(args[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'train'));
  const t0 = performance.now();
  const log = (m: string): void => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  let docs;
  try {
    docs = loadPolnear(dir, limit, allAnnotators);
  } catch (e) {
    console.error(`train-attribution: ${(e as Error).message}`);
    process.exit(2);
  }
  console.log(`train-attribution: ${docs.length} articles from ${dir}`);
  // the rule relations of each text: features of the taggers (made as at inference, from the plain-text article)
  const ruleCache = ruleSpansOfTexts(dir, docs.map((d) => d.name));
  for (const d of docs as RuledDoc[]) {
    const path = join(dir, 'text', d.name + '.txt');
    if (plainArticle(path).text !== d.text) throw new Error(`${path}: the article's text differs from the file's`);
    d.rules = ruleCache.get(d.name);
  }
  // which rules the model learned from, beside it (bench:annotate checks it against the current rules)
  const record: RulesRecord = { digest: ruleDigest(ruleCache.values()), texts: ruleCache.size };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(rulesRecordPath(out), JSON.stringify(record) + '\n');
  log(`rule relations of ${ruleCache.size} texts (digest ${record.digest}, in ${rulesRecordPath(out)})`);
  if (rulesOnly) return;
  let clusters;
  if (clusterPath) {
    try {
      clusters = readClusterTable(clusterPath);
    } catch (e) {
      console.error(`train-attribution: ${(e as Error).message}`);
      process.exit(2);
    }
    console.log(`word clusters: ${clusters.size} words from ${clusterPath}`);
  } else console.log('word clusters: none');
  const trainCfg = { ...cfg, clusters };
  if (!boundsOnly) {
    const model = trainEnsemble(docs, { ...trainCfg, log });
    const buf = serializeModel(model, { trainedOn: docs.length, epochs: cfg.epochs, seed: cfg.seed, folds: cfg.folds, ensemble: cfg.ensemble, clusters: clusters?.size ?? 0 }, cfg.prune);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, buf);
    console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // … and what the tagger (as written, int16 weights) gives merged with the rules: what the rerankers learn from
  if (existsSync(out)) {
    record.merged = mergedDigest(dir, docs.map((d) => d.name), loadAttributionModel(out));
    writeFileSync(rulesRecordPath(out), JSON.stringify(record) + '\n');
    log(`merged relations of the tagger digested (${record.merged})`);
  }
  if (noBounds) return;
  const examples = jackknifedBoundsExamples(docs, dir, trainCfg, log);
  const models: EdgeModels = {};
  for (const k of EDGE_KINDS) {
    models[k] = trainBounds(examples[k], { ...DEFAULT_BOUNDS_CONFIG, log: (m) => (m.includes('epoch 8') ? log(`${k} ${m}`) : undefined) });
  }
  const boundsOut = join(dirname(out), 'edge-rerank.bin');
  const bbuf = serializeEdgeModels(models);
  mkdirSync(dirname(boundsOut), { recursive: true });
  writeFileSync(boundsOut, bbuf);
  console.log(`wrote ${boundsOut} (${(bbuf.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
