import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ClusterTable } from './features.js';

/**
 * Read a word-cluster table (`word<TAB>fine<TAB>coarse` lines, gzip; built by
 * scripts/build-attribution-clusters.ts) into the form the features use: word → `fine | coarse << 9`.
 * Throws an error naming the file when it is not such a table.
 */
export function readClusterTable(path: string): ClusterTable {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read word clusters (${(e as Error).message})`);
  }
  return parseClusterTable(text, path);
}

export function parseClusterTable(text: string, name = 'clusters'): ClusterTable {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const [word, f, c] = line.split('\t');
    const fine = Number(f);
    const coarse = Number(c);
    if (!word || !Number.isInteger(fine) || !Number.isInteger(coarse) || fine < 0 || fine >= 511 || coarse < 0 || coarse >= 63) {
      throw new Error(`${name}:${i + 1}: expected "word<TAB>fine<TAB>coarse" with fine < 511, coarse < 63`);
    }
    if (!out.has(word)) out.set(word, fine | (coarse << 9));
  }
  return out;
}

/**
 * A cluster table kept as loaded from a model file: the words, UTF-8, sorted bytewise and joined by
 * newlines, with one id per word; looked up by binary search (no per-word objects, so loading costs
 * a scan for newlines instead of building an 80k-entry map).
 */
export class PackedClusters implements ClusterTable {
  private readonly starts: Uint32Array;
  readonly size: number;

  constructor(
    private readonly blob: Buffer,
    private readonly ids: Uint16Array,
  ) {
    let count = blob.length > 0 ? 1 : 0;
    for (let i = 0; i < blob.length; i++) if (blob[i] === 10) count++;
    this.starts = new Uint32Array(count + 1);
    let k = 0;
    if (blob.length > 0) this.starts[k++] = 0;
    for (let i = 0; i < blob.length; i++) if (blob[i] === 10) this.starts[k++] = i + 1;
    this.starts[count] = blob.length + 1;
    this.size = count;
    if (ids.length !== count) throw new Error(`cluster table: ${count} words but ${ids.length} ids`);
  }

  /** Pack a table: words sorted bytewise (UTF-8), so `get` can binary-search. */
  static from(table: ClusterTable): { blob: Buffer; ids: Uint16Array } {
    const rows = [...table.entries()].map(([w, id]) => [Buffer.from(w, 'utf8'), id] as const);
    rows.sort((a, b) => Buffer.compare(a[0], b[0]));
    const parts: Buffer[] = [];
    rows.forEach(([w], i) => {
      if (i > 0) parts.push(Buffer.from('\n'));
      parts.push(w);
    });
    return { blob: Buffer.concat(parts), ids: Uint16Array.from(rows, (r) => r[1]) };
  }

  get(word: string): number | undefined {
    const key = Buffer.from(word, 'utf8');
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = Buffer.compare(this.blob.subarray(this.starts[mid], this.starts[mid + 1] - 1), key);
      if (c === 0) return this.ids[mid];
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *entries(): Iterable<[string, number]> {
    for (let i = 0; i < this.size; i++) yield [this.blob.subarray(this.starts[i], this.starts[i + 1] - 1).toString('utf8'), this.ids[i]];
  }
}
