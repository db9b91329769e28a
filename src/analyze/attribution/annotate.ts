import { paragraphFeatures, endsInQuote, factsOf, formTemplateHashes, posGroupHashes, ctxGroupHashes, SENTINEL_FACTS, FORM_REACH, type FormFacts, type ParagraphFeatures, type ClusterTable } from './features.js';
import { Decoder } from './perceptron.js';
import type { ChainModel } from './perceptron.js';
import { stackExtras, contentExtras, STACK_FEATURES } from './stack.js';
import { bioOf, tagsToSpans, type KindSpan } from './spans.js';
import { RowCache } from './row-cache.js';
import { tokenizeParagraphs, type Paragraph } from './tokens.js';

/**
 * Tag sets of the models this code trains. End tags (`E-`) are appended, so a model trained before them
 * (BIO: the first five / three) reads the same; inference goes by the tag names a model file holds.
 */
export const SC_TAGS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'E-S', 'E-C'];
export const CT_TAGS = ['O', 'B-T', 'I-T', 'E-T'];

export interface TaggerPair {
  bits: number;
  sc: ChainModel;
  ct: ChainModel;
  /** Whether the content tagger uses the source/cue tagger's output as features. */
  stacked: boolean;
  /**
   * Score added to every non-O tag at decoding (recall/precision trade-off; the perceptron leans to O).
   * Chosen on dev, stored with the model.
   */
  bias?: { sc: number; ct: number };
  /** Optional second source/cue pass that also sees the content tagger's output. */
  sc2?: ChainModel;
  /** Word clusters the features use (stored in the model file); absent: every word is out of vocabulary. */
  clusters?: ClusterTable;
  /** The inference table as read from a version-3 model file (`LANES` int16 per bucket and the two scales). */
  table?: { joint: Int16Array; stride: number; scales: [number, number] };
}

export interface TaggedSpan extends KindSpan {
  /** 'S' source, 'C' cue, 'T' content. */
  kind: string;
  paragraph: number;
  /** Sentence index (of the first token) within the article. */
  sent: number;
  /** Sentence index of the last token (equals `sent` when absent). */
  lastSent?: number;
}

export interface PreparedParagraph {
  para: Paragraph;
  base: ParagraphFeatures;
}

/** Tokenise and featurise an article. */
export function prepare(text: string, bits: number, clusters?: ClusterTable): PreparedParagraph[] {
  return prepareParagraphs(tokenizeParagraphs(text), bits, clusters);
}

/** Featurise already tokenised paragraphs. */
export function prepareParagraphs(paras: Paragraph[], bits: number, clusters?: ClusterTable, withForms = true): PreparedParagraph[] {
  let inQuote = false;
  return paras.map((para, k) => {
    const base = paragraphFeatures(para, bits, inQuote, k, clusters, withForms);
    inQuote = endsInQuote(para, inQuote);
    return { para, base };
  });
}

/** Source/cue tag kinds per token (0 none, 1 source, 2 cue) of a sequence over `tags`. */
export function scKinds(seq: Uint8Array, tags: string[]): Uint8Array {
  const kind = tags.map((t) => (t.endsWith('-S') ? 1 : t.endsWith('-C') ? 2 : 0));
  const out = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = kind[seq[i]];
  return out;
}

/**
 * Inference tables: the taggers' weights interleaved per bucket (A source/cue lanes, C content lanes,
 * then the refined source/cue lanes when the model has a second pass; A and C are the models' tag
 * counts), so each feature costs one memory access for all taggers.
 */
interface Fast {
  bits: number;
  /** Lanes per bucket: A + C (+ A for a second pass). */
  stride: number;
  /** Tag counts of the source/cue and the content tagger. */
  A: number;
  C: number;
  /** Per-token lane sums (scratch, `stride` wide). */
  acc: Int32Array;
  /** Weights quantised to int16 (a quarter of the memory traffic of f64, half of f32); see `scales`. */
  joint: Int16Array;
  /** Dequantisation factor of the source/cue, content and refined source/cue weights. */
  scSc: number;
  scCt: number;
  scSc2: number;
  sc: Decoder;
  ctDec: Decoder;
  sc2: Decoder | null;
  emSc: Float64Array;
  emCt: Float64Array;
  emSc2: Float64Array;
  /** Per word form: the summed int16 weights of its form templates at offsets -3..3 (`FORM_ROWS * stride`). */
  forms: RowCache;
  /** Per word form: what its features read. */
  facts: Map<string, FormFacts>;
  clusters: ClusterTable | undefined;
  /** Summed weights of the POS group / context group templates per key (`stride` each). */
  posGroups: RowCache;
  ctxGroups: RowCache;
  fillPos: (key: number, rows: Int32Array, offset: number) => void;
  fillCtx: (key: number, rows: Int32Array, offset: number) => void;
}

const fastCache = new WeakMap<TaggerPair, Fast>();
/** Form rows per token: its own form's and its neighbours' at offsets -FORM_REACH..FORM_REACH. */
const FORM_ROWS = 2 * FORM_REACH + 1;
/** Lanes of the unrolled row sums (`sumLanes`) and of a version-3 model file's table: up to 7 source/cue + 5 content tags. */
export const LANES = 12;
/** Build (once per model) the interleaved inference tables. */
export function fastFor(m: TaggerPair): Fast {
  let f = fastCache.get(m);
  if (f) return f;
  const B = 1 << m.bits;
  const A = m.sc.tags.length;
  const C = m.ct.tags.length;
  if (m.sc2 && m.sc2.tags.join() !== m.sc.tags.join()) throw new Error('attribution model: the second source/cue pass has other tags');
  // one pass (the shipped models): lanes padded to LANES for the unrolled sums; a second pass: generic sums
  const S = !m.sc2 && A + C <= LANES ? LANES : A + C + (m.sc2 ? A : 0);
  const given = m.table && m.table.stride === S && !m.sc2 ? m.table : null;
  const joint = given ? given.joint : new Int16Array(B * S);
  const fill = (c: ChainModel, col: number): number => {
    const T = c.tags.length;
    if (c.packed) {
      const { ids, vals, scale } = c.packed;
      fillPacked(joint, S, col, T, ids, vals);
      return scale;
    }
    const w = c.weights;
    let max = 0;
    for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > max) max = Math.abs(w[i]);
    const scale = max > 0 ? max / 32767 : 1;
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) joint[b * S + col + t] = Math.round(w[b * T + t] / scale);
    return scale;
  };
  const scSc = given ? given.scales[0] : fill(m.sc, 0);
  const scCt = given ? given.scales[1] : fill(m.ct, A);
  const scSc2 = m.sc2 ? fill(m.sc2, A + C) : 1;
  f = {
    bits: m.bits,
    stride: S,
    A,
    C,
    acc: new Int32Array(S),
    joint,
    scSc,
    scCt,
    scSc2,
    sc: new Decoder(m.sc),
    ctDec: new Decoder(m.ct),
    sc2: m.sc2 ? new Decoder(m.sc2) : null,
    emSc: new Float64Array(0),
    emCt: new Float64Array(0),
    emSc2: new Float64Array(0),
    forms: new RowCache(FORM_ROWS * S, 1 << 16),
    facts: new Map(),
    clusters: m.clusters,
    posGroups: new RowCache(S),
    ctxGroups: new RowCache(S),
    fillPos: () => {},
    fillCtx: () => {},
  };
  const ff = f;
  ff.fillPos = (key, rows, offset) => sumRows(ff, posGroupHashes, key, rows, offset);
  ff.fillCtx = (key, rows, offset) => sumRows(ff, ctxGroupHashes, key, rows, offset);
  fastCache.set(m, f);
  return f;
}

/** Copy a loaded model's packed rows (`T` int16 each, bucket `ids[r]`) into lanes `col..col+T` of the joint table. */
function fillPacked(joint: Int16Array, S: number, col: number, T: number, ids: Int32Array, vals: Int16Array): void {
  for (let r = 0, v = 0; r < ids.length; r++, v += T) {
    const b = ids[r] * S + col;
    for (let t = 0; t < T; t++) joint[b + t] = vals[v + t];
  }
}

/** Write the summed weights of the form templates of a form with `facts` (offsets -3..3) at `rows[offset..]`. */
function fillForm(f: Fast, facts: FormFacts, rows: Int32Array, offset: number): void {
  const S = f.stride;
  const mask = (1 << f.bits) - 1;
  const hashes: number[] = [];
  const withClusters = f.clusters !== undefined && f.clusters.size > 0;
  for (let o = -FORM_REACH; o <= FORM_REACH; o++) {
    hashes.length = 0;
    formTemplateHashes(facts, o, hashes, withClusters);
    const base = offset + (o + FORM_REACH) * S;
    for (const h of hashes) {
      const w = (h & mask) * S;
      for (let t = 0; t < S; t++) rows[base + t] += f.joint[w + t];
    }
  }
}

/** Write the summed weights of a template group's features for `key` at `rows[offset..]`. */
function sumRows(f: Fast, hashesOf: (key: number, out: number[]) => void, key: number, rows: Int32Array, offset: number): void {
  const S = f.stride;
  const mask = (1 << f.bits) - 1;
  const hashes: number[] = [];
  hashesOf(key, hashes);
  for (const h of hashes) {
    const w = (h & mask) * S;
    for (let t = 0; t < S; t++) rows[offset + t] += f.joint[w + t];
  }
}

function factsFor(f: Fast, value: string, lower: string): FormFacts {
  let facts = f.facts.get(value);
  if (facts === undefined) {
    facts = factsOf(value, lower, f.clusters);
    if (f.facts.size >= 200_000) f.facts.clear();
    f.facts.set(value, facts);
  }
  return facts;
}

/** Add the weights (rows of `stride`, columns `col..col+T`) of per-token extra features to `em`. */
function addExtras(em: Float64Array, extra: Int32Array, n: number, joint: Int16Array, stride: number, col: number, T: number, scale: number): void {
  for (let i = 0; i < n; i++) {
    for (let k = i * STACK_FEATURES; k < (i + 1) * STACK_FEATURES; k++) {
      const w = extra[k] * stride + col;
      for (let t = 0; t < T; t++) em[i * T + t] += joint[w + t] * scale;
    }
  }
}

/**
 * Token i's lane sums into `acc` (LANES wide, unrolled: the decoder's hot loop): its form rows
 * (offsets -3..3), its context row, its POS row (po < 0: none) and its own features `ids[from..to)`.
 */
function sumLanes(acc: Int32Array, F: Int32Array, fo: Int32Array, i: number, CR: Int32Array, co: number, PR: Int32Array, po: number, joint: Int16Array, ids: Int32Array, from: number, to: number): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
  for (let o = 0; o < FORM_ROWS + 2; o++) {
    let v: Int32Array;
    let b: number;
    if (o < FORM_ROWS) {
      v = F;
      b = fo[i + o] + o * LANES;
    } else if (o === FORM_ROWS) {
      v = CR;
      b = co;
    } else {
      if (po < 0) continue;
      v = PR;
      b = po;
    }
    a0 += v[b];
    a1 += v[b + 1];
    a2 += v[b + 2];
    a3 += v[b + 3];
    a4 += v[b + 4];
    a5 += v[b + 5];
    a6 += v[b + 6];
    a7 += v[b + 7];
    a8 += v[b + 8];
    a9 += v[b + 9];
    a10 += v[b + 10];
    a11 += v[b + 11];
  }
  for (let k = from; k < to; k++) {
    const w = ids[k] * LANES;
    a0 += joint[w];
    a1 += joint[w + 1];
    a2 += joint[w + 2];
    a3 += joint[w + 3];
    a4 += joint[w + 4];
    a5 += joint[w + 5];
    a6 += joint[w + 6];
    a7 += joint[w + 7];
    a8 += joint[w + 8];
    a9 += joint[w + 9];
    a10 += joint[w + 10];
    a11 += joint[w + 11];
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
  acc[4] = a4;
  acc[5] = a5;
  acc[6] = a6;
  acc[7] = a7;
  acc[8] = a8;
  acc[9] = a9;
  acc[10] = a10;
  acc[11] = a11;
}

/** Decode one paragraph with all taggers: [source/cue tags, content tags]. */
function decodeParagraph(f: Fast, m: TaggerPair, p: PreparedParagraph, facts: FormFacts[]): [Uint8Array, Uint8Array] {
  const toks = p.para.tokens;
  const n = toks.length;
  const { A, C, stride: S, acc } = f;
  if (f.emSc.length < n * A) {
    f.emSc = new Float64Array(n * A * 2);
    f.emCt = new Float64Array(n * C * 2);
    f.emSc2 = new Float64Array(n * A * 2);
  }
  const { emSc, emCt, emSc2, joint, scSc, scCt, scSc2 } = f;
  const { ids, offsets } = p.base;
  const two = f.sc2 !== null;
  const posKeys = p.base.posKeys;
  const ctxKeys = p.base.ctxKeys;
  if (!posKeys || !ctxKeys) throw new Error('attribution: paragraph features were not made for inference');
  // Offsets of each token's form row (with the sentinel at -3..-1, n..n+2), context row and POS row.
  f.forms.reserve(n + 1);
  f.ctxGroups.reserve(n);
  f.posGroups.reserve(n);
  const R = FORM_REACH;
  const fo = new Int32Array(n + 2 * R);
  const sentinel = f.forms.byName('', (rows, off) => fillForm(f, SENTINEL_FACTS, rows, off));
  fo.fill(sentinel);
  for (let i = 0; i < n; i++) {
    const fi = facts[i];
    fo[i + R] = f.forms.byName(toks[i].value, (rows, off) => fillForm(f, fi, rows, off));
  }
  const co = new Int32Array(n);
  const po = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    co[i] = f.ctxGroups.byInt(ctxKeys[i], f.fillCtx);
    po[i] = posKeys[i] >= 0 ? f.posGroups.byInt(posKeys[i], f.fillPos) : -1;
  }
  const F = f.forms.rows;
  const CR = f.ctxGroups.rows;
  const PR = f.posGroups.rows;
  for (let i = 0; i < n; i++) {
    if (S === LANES) sumLanes(acc, F, fo, i, CR, co[i], PR, po[i], joint, ids, offsets[i], offsets[i + 1]);
    else {
      acc.fill(0);
      // the form rows (offsets -3..3), the context row and the POS row
      for (let o = 0; o < FORM_ROWS; o++) {
        const b = fo[i + o] + o * S;
        for (let t = 0; t < S; t++) acc[t] += F[b + t];
      }
      const bc = co[i];
      for (let t = 0; t < S; t++) acc[t] += CR[bc + t];
      if (po[i] >= 0) {
        const bp = po[i];
        for (let t = 0; t < S; t++) acc[t] += PR[bp + t];
      }
      // the token's own features
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const w = ids[k] * S;
        for (let t = 0; t < S; t++) acc[t] += joint[w + t];
      }
    }
    for (let t = 0; t < A; t++) emSc[i * A + t] = acc[t] * scSc;
    for (let t = 0; t < C; t++) emCt[i * C + t] = acc[A + t] * scCt;
    if (two) for (let t = 0; t < A; t++) emSc2[i * A + t] = acc[A + C + t] * scSc2;
  }
  const bias = m.bias;
  if (bias) {
    for (let i = 0; i < n; i++) {
      for (let t = 1; t < A; t++) {
        emSc[i * A + t] += bias.sc;
        emSc2[i * A + t] += bias.sc;
      }
      for (let t = 1; t < C; t++) emCt[i * C + t] += bias.ct;
    }
  }
  const scSeq = f.sc.viterbi(emSc, n);
  if (m.stacked) addExtras(emCt, stackExtras(toks, scKinds(scSeq, m.sc.tags), f.bits, p.para.rules), n, joint, S, A, C, scCt);
  const ctSeq = f.ctDec.viterbi(emCt, n);
  if (!f.sc2) return [scSeq, ctSeq];
  addExtras(emSc2, contentExtras(toks, bioOf(ctSeq, m.ct.tags), f.bits), n, joint, S, A + C, A, scSc2);
  return [f.sc2.viterbi(emSc2, n), ctSeq];
}

/** Tag an article: all source, cue and content spans the taggers find, with paragraph/sentence indices. */
export function tagArticle(text: string, models: TaggerPair): TaggedSpan[] {
  return tagParagraphs(tokenizeParagraphs(text), models);
}

/** Tag already tokenised paragraphs (see `paragraphsFromTokens`). */
export function tagParagraphs(paras: Paragraph[], models: TaggerPair): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const f = fastFor(models);
  let inQuote = false;
  paras.forEach((para, k) => {
    const toks = para.tokens;
    if (toks.length === 0) return;
    const facts = toks.map((t) => factsFor(f, t.value, t.lower));
    const base = paragraphFeatures(para, models.bits, inQuote, k, models.clusters, false, facts);
    inQuote = endsInQuote(para, inQuote);
    const [scSeq, ctSeq] = decodeParagraph(f, models, { para, base }, facts);
    const sentAt = (start: number): number => {
      let lo = 0;
      let hi = toks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (toks[mid].start < start) lo = mid + 1;
        else hi = mid;
      }
      return toks[lo].sent;
    };
    /** Sentence of the last token starting before `end`. */
    const sentBefore = (end: number): number => {
      let lo = 0;
      let hi = toks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (toks[mid].start < end) lo = mid + 1;
        else hi = mid;
      }
      return toks[Math.max(0, lo - 1)].sent;
    };
    for (const s of tagsToSpans(toks, scSeq, models.sc.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
    for (const s of tagsToSpans(toks, ctSeq, models.ct.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start), lastSent: sentBefore(s.end) });
  });
  return out;
}
