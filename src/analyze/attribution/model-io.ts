import { gunzipSync } from 'node:zlib';
import type { ChainModel } from './perceptron.js';
import { LANES, type TaggerPair } from './annotate.js';
import { PackedClusters } from './clusters.js';

/**
 * Model file (uncompressed; a gzipped one is read too): [u32 header length][header JSON], then
 * - version 3 (one source/cue pass whose tags and the content tags fit in `LANES`): [per tagger: f32 transitions]
 *   [the inference table: for every bucket, `LANES` i16 quantised weights, the source/cue tagger's then the content
 *   tagger's, zero-padded], 4-byte aligned so that loading maps it without copying or rebuilding (annotate.ts);
 * - versions 1 and 2: [per tagger: f32 transitions, the bucket ids of the kept rows (u16 gaps, or i32 ids in
 *   version 1), i16 quantised weights];
 * then [word clusters: the words joined by newlines (UTF-8, `clusterBytes` long), then one u16 cluster id per word].
 * Rows whose weights are all below `prune` (relative to the largest weight) are dropped (zero).
 */
const MAGIC = 'retold-attribution';

interface TaggerHeader {
  tags: string[];
  rows: number;
  scale: number;
  /** How the kept rows' bucket ids are stored: 'u16-gaps' = u16 differences from the previous id (the first
   *  from 0; version 2, used when every gap fits), else i32 ids. */
  ids?: 'u16-gaps';
}

interface Header {
  magic: string;
  version: 1 | 2 | 3;
  /** Version 3: weights per bucket in the inference table. */
  lanes?: number;
  bits: number;
  stacked: boolean;
  bias?: { sc: number; ct: number };
  sc: TaggerHeader;
  ct: TaggerHeader;
  sc2?: TaggerHeader;
  /** Number of words and UTF-8 byte length of the cluster table (absent: no clusters). */
  clusterWords?: number;
  clusterBytes?: number;
  meta: Record<string, unknown>;
}

function pack(m: ChainModel, prune: number): { header: TaggerHeader; parts: Buffer[] } {
  const T = m.tags.length;
  const { q, scale } = quantise(m, prune);
  // the kept rows: those with a non-zero weight (quantise zeroes the others)
  const ids: number[] = [];
  for (let b = 0; b < 1 << m.bits; b++) {
    for (let t = 0; t < T; t++) {
      if (q[b * T + t] !== 0) {
        ids.push(b);
        break;
      }
    }
  }
  const vals = new Int16Array(ids.length * T);
  ids.forEach((b, r) => vals.set(q.subarray(b * T, (b + 1) * T), r * T));
  // ids ascend: their gaps fit in 16 bits almost always, which keeps the file a sixth smaller
  const gaps = ids.map((b, r) => b - (r > 0 ? ids[r - 1] : 0));
  const small = gaps.every((g) => g <= 0xffff);
  const idPart = small ? Buffer.from(Uint16Array.from(gaps).buffer) : Buffer.from(Int32Array.from(ids).buffer);
  const header: TaggerHeader = { tags: m.tags, rows: ids.length, scale };
  if (small) header.ids = 'u16-gaps';
  return { header, parts: [Buffer.from(Float32Array.from(m.trans).buffer), idPart, Buffer.from(vals.buffer)] };
}

/** Quantised int16 weights of a tagger (`round(w / scale)`, rows below `prune` zeroed) and their scale. */
function quantise(m: ChainModel, prune: number): { q: Int16Array; scale: number } {
  const T = m.tags.length;
  const buckets = 1 << m.bits;
  let maxAbs = 0;
  for (const v of m.weights) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const threshold = maxAbs * prune;
  const q = new Int16Array(buckets * T);
  for (let b = 0; b < buckets; b++) {
    let keep = false;
    for (let t = 0; t < T; t++) if (Math.abs(m.weights[b * T + t]) > threshold && Math.round(m.weights[b * T + t] / scale) !== 0) keep = true;
    if (keep) for (let t = 0; t < T; t++) q[b * T + t] = Math.round(m.weights[b * T + t] / scale);
  }
  return { q, scale };
}

/**
 * Write a model file: version 3 (the inference table itself) when the model has one source/cue pass and its
 * tags fit the table's lanes, else version 2 (`layout: 'rows'` forces version 2).
 */
export function serializeModel(pair: TaggerPair, meta: Record<string, unknown> = {}, prune = 0, layout: 'table' | 'rows' = 'table'): Buffer {
  const A = pair.sc.tags.length;
  const C = pair.ct.tags.length;
  if (layout === 'rows' || pair.sc2 || A + C > LANES) return serializeRows(pair, meta, prune);
  const sc = quantise(pair.sc, prune);
  const ct = quantise(pair.ct, prune);
  const B = 1 << pair.bits;
  const table = new Int16Array(B * LANES);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < A; t++) table[b * LANES + t] = sc.q[b * A + t];
    for (let t = 0; t < C; t++) table[b * LANES + A + t] = ct.q[b * C + t];
  }
  const header: Header = {
    magic: MAGIC, version: 3, bits: pair.bits, stacked: pair.stacked, bias: pair.bias, lanes: LANES,
    sc: { tags: pair.sc.tags, rows: B, scale: sc.scale }, ct: { tags: pair.ct.tags, rows: B, scale: ct.scale }, meta,
  };
  const clusterParts = clusterPartsOf(pair, header);
  let h = Buffer.from(JSON.stringify(header), 'utf8');
  // pad the header with spaces so that the transitions and the table start 4-byte aligned
  if ((4 + h.length) % 4) h = Buffer.concat([h, Buffer.alloc(4 - ((4 + h.length) % 4), 0x20)]);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length, 0);
  const trans = (m: ChainModel) => Buffer.from(Float32Array.from(m.trans).buffer);
  return Buffer.concat([len, h, trans(pair.sc), trans(pair.ct), Buffer.from(table.buffer), ...clusterParts]);
}

function clusterPartsOf(pair: TaggerPair, header: Header): Buffer[] {
  const clusterParts: Buffer[] = [];
  if (pair.clusters && pair.clusters.size > 0) {
    const { blob, ids } = PackedClusters.from(pair.clusters);
    header.clusterWords = ids.length;
    header.clusterBytes = blob.length;
    clusterParts.push(blob, Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength));
  }
  return clusterParts;
}

function serializeRows(pair: TaggerPair, meta: Record<string, unknown>, prune: number): Buffer {
  const sc = pack(pair.sc, prune);
  const ct = pack(pair.ct, prune);
  const sc2 = pair.sc2 ? pack(pair.sc2, prune) : null;
  const header: Header = { magic: MAGIC, version: 2, bits: pair.bits, stacked: pair.stacked, bias: pair.bias, sc: sc.header, ct: ct.header, meta };
  if (sc2) header.sc2 = sc2.header;
  const clusterParts = clusterPartsOf(pair, header);
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length, 0);
  return Buffer.concat([len, h, ...sc.parts, ...ct.parts, ...(sc2 ? sc2.parts : []), ...clusterParts]);
}

export class ModelFormatError extends Error {
  constructor(name: string, why: string) {
    super(`${name}: not a retold attribution model (${why})`);
    this.name = 'ModelFormatError';
  }
}

/** Version 3: the transitions, then the inference table, used in place (a view on the file's bytes when aligned). */
function readTable(raw: Buffer, off: number, header: Header, name: string): TaggerPair & { meta: Record<string, unknown> } {
  const S = header.lanes ?? 0;
  const A = header.sc.tags.length;
  const C = header.ct.tags.length;
  if (S !== LANES || A + C > S || header.sc2) throw new ModelFormatError(name, 'unexpected table layout');
  const B = 1 << header.bits;
  const need = (T: number) => (T + 1) * T * 4;
  if (off + need(A) + need(C) + B * S * 2 > raw.length) throw new ModelFormatError(name, 'truncated');
  const f32 = (bytes: number): Float32Array => {
    const b = Buffer.from(raw.subarray(off, off + bytes));
    off += bytes;
    return new Float32Array(b.buffer, b.byteOffset, bytes / 4);
  };
  const scTrans = f32(need(A));
  const ctTrans = f32(need(C));
  const at = raw.byteOffset + off;
  const table = at % 2 === 0 ? new Int16Array(raw.buffer, at, B * S) : new Int16Array(Buffer.from(raw.subarray(off, off + B * S * 2)).buffer, 0, B * S);
  off += B * S * 2;
  const chain = (h: TaggerHeader, trans: Float32Array, col: number): ChainModel => {
    const T = h.tags.length;
    let weights: Float32Array | null = null;
    const model = { tags: h.tags, bits: header.bits, trans } as ChainModel;
    // dequantised weights only when asked for (training-style decoding); inference uses the table
    Object.defineProperty(model, 'weights', {
      enumerable: true,
      get(): Float32Array {
        if (!weights) {
          weights = new Float32Array(B * T);
          for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) weights[b * T + t] = table[b * S + col + t] * h.scale;
        }
        return weights;
      },
    });
    return model;
  };
  let clusters: PackedClusters | undefined;
  if (header.clusterWords) {
    const blob = Buffer.from(raw.subarray(off, (off += header.clusterBytes ?? 0)));
    const ib = Buffer.from(raw.subarray(off, (off += header.clusterWords * 2)));
    if (off > raw.length) throw new ModelFormatError(name, 'truncated');
    try {
      clusters = new PackedClusters(blob, new Uint16Array(ib.buffer, ib.byteOffset, header.clusterWords));
    } catch (e) {
      throw new ModelFormatError(name, (e as Error).message);
    }
  }
  return {
    bits: header.bits, stacked: header.stacked, bias: header.bias,
    sc: chain(header.sc, scTrans, 0), ct: chain(header.ct, ctTrans, A),
    table: { joint: table, stride: S, scales: [header.sc.scale, header.ct.scale] },
    clusters, meta: header.meta,
  };
}

export function deserializeModel(data: Buffer, name = 'model'): TaggerPair & { meta: Record<string, unknown> } {
  // shipped uncompressed (gzip saves only a third of these weights and cost 30-50 ms of every cold start);
  // a gzipped model file is still read
  let raw = data;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      raw = gunzipSync(data);
    } catch {
      throw new ModelFormatError(name, 'corrupt gzip');
    }
  }
  if (raw.length < 4) throw new ModelFormatError(name, 'truncated');
  const hl = raw.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(raw.subarray(4, 4 + hl).toString('utf8')) as Header;
  } catch {
    throw new ModelFormatError(name, 'bad header');
  }
  if (header.magic !== MAGIC || ![1, 2, 3].includes(header.version)) throw new ModelFormatError(name, 'wrong magic or version');
  let off = 4 + hl;
  if (header.version === 3) return readTable(raw, off, header, name);
  const take = (bytes: number): Buffer => {
    if (off + bytes > raw.length) throw new ModelFormatError(name, 'truncated');
    const b = Buffer.from(raw.subarray(off, off + bytes)); // copy: aligned typed-array views
    off += bytes;
    return b;
  };
  const unpack = (h: TaggerHeader): ChainModel => {
    const T = h.tags.length;
    const tb = take((T + 1) * T * 4);
    const trans = new Float32Array(tb.buffer, tb.byteOffset, (T + 1) * T);
    let ids: Int32Array;
    if (h.ids === 'u16-gaps') {
      const gb = take(h.rows * 2);
      const gaps = new Uint16Array(gb.buffer, gb.byteOffset, h.rows);
      ids = new Int32Array(h.rows);
      let id = 0;
      for (let r = 0; r < h.rows; r++) ids[r] = id += gaps[r];
    } else {
      const ib = take(h.rows * 4);
      ids = new Int32Array(ib.buffer, ib.byteOffset, h.rows);
    }
    const vb = take(h.rows * T * 2);
    const vals = new Int16Array(vb.buffer, vb.byteOffset, h.rows * T);
    for (let r = 0; r < h.rows; r++) if (ids[r] < 0 || ids[r] >= 1 << header.bits) throw new ModelFormatError(name, 'bucket id out of range');
    let weights: Float32Array | null = null;
    // Dequantised weights only when asked for (training-style decoding); inference uses `packed`.
    const model = { tags: h.tags, bits: header.bits, trans: Float32Array.from(trans), packed: { ids, vals, scale: h.scale } } as ChainModel;
    Object.defineProperty(model, 'weights', {
      enumerable: true,
      get(): Float32Array {
        if (!weights) {
          weights = new Float32Array((1 << header.bits) * T);
          for (let r = 0; r < h.rows; r++) {
            const b = ids[r] * T;
            for (let t = 0; t < T; t++) weights[b + t] = vals[r * T + t] * h.scale;
          }
        }
        return weights;
      },
    });
    return model;
  };
  const sc = unpack(header.sc);
  const ct = unpack(header.ct);
  const sc2 = header.sc2 ? unpack(header.sc2) : undefined;
  let clusters: PackedClusters | undefined;
  if (header.clusterWords) {
    const blob = take(header.clusterBytes ?? 0);
    const ib = take(header.clusterWords * 2);
    try {
      clusters = new PackedClusters(blob, new Uint16Array(ib.buffer, ib.byteOffset, header.clusterWords));
    } catch (e) {
      throw new ModelFormatError(name, (e as Error).message);
    }
  }
  return { bits: header.bits, stacked: header.stacked, bias: header.bias, sc, ct, sc2, clusters, meta: header.meta };
}
