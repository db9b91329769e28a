/**
 * Train the attribution taggers from PolNeAR and write models/attribution.bin.
 *   npm run train:attribution -- [trainDir] [--out file] [--limit N] [--epochs N] [--bits N] [--no-stack] [--refine] [--all-annotators] [--ensemble N]
 *     [--clusters file]   (word clusters from scripts/build-attribution-clusters.ts, copied into the model; off by
 *                          default: on PolNeAR dev they changed F1 by about +0.01 source/relation, within run-to-run noise)
 * trainDir defaults to ../shared/bench/polnear/train. Deterministic (fixed seed, sorted files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readClusterTable } from '../src/analyze/attribution/clusters.js';
import { dirname, join, resolve } from 'node:path';
import { loadPolnear } from '../src/analyze/attribution/dataset.js';
import { trainEnsemble, DEFAULT_CONFIG } from '../src/analyze/attribution/train.js';
import { serializeModel } from '../src/analyze/attribution/model-io.js';
import { defaultModelPath } from '../src/analyze/attribution/index.js';

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
  };
  const allAnnotators = flag('--all-annotators');
  const clusterArg = opt('--clusters');
  const clusterPath = clusterArg ? resolve(clusterArg) : null;
  const dir = resolve(args[0] ?? join(process.cwd(), '..', 'shared', 'bench', 'polnear', 'train'));
  const t0 = performance.now();
  let docs;
  try {
    docs = loadPolnear(dir, limit, allAnnotators);
  } catch (e) {
    console.error(`train-attribution: ${(e as Error).message}`);
    process.exit(2);
  }
  console.log(`train-attribution: ${docs.length} articles from ${dir}`);
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
  const model = trainEnsemble(docs, { ...cfg, clusters, log: (m) => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`) });
  const buf = serializeModel(model, { trainedOn: docs.length, epochs: cfg.epochs, seed: cfg.seed, folds: cfg.folds, ensemble: cfg.ensemble, clusters: clusters?.size ?? 0 }, cfg.prune);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);
  console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
