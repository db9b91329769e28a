import { paragraphFeatures, endsInQuote, factsOf, formTemplateHashes, posGroupHashes, ctxGroupHashes, SENTINEL_FACTS, type FormFacts, type ParagraphFeatures, type ClusterTable } from './features.js';
import { Decoder } from './perceptron.js';
import type { ChainModel } from './perceptron.js';
import { stackExtras, contentExtras, STACK_FEATURES } from './stack.js';
import { tagsToSpans, type KindSpan } from './spans.js';
import { RowCache } from './row-cache.js';
import { tokenizeParagraphs, type Paragraph } from './tokens.js';

export const SC_TAGS = ['O', 'B-S', 'I-S', 'B-C', 'I-C'];
export const CT_TAGS = ['O', 'B-T', 'I-T'];

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

/** Source/cue tag kinds per token (0 none, 1 source, 2 cue). */
export function scKinds(seq: Uint8Array): Uint8Array {
  const out = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = seq[i] === 0 ? 0 : seq[i] <= 2 ? 1 : 2;
  return out;
}

/**
 * Inference tables: the taggers' weights interleaved per bucket (5 source/cue + 3 content floats, then
 * 5 refined source/cue floats and padding when the model has a second pass), so each feature costs
 * one memory access for all taggers.
 */
interface Fast {
  bits: number;
  stride: number;
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
  /** Per word form: the summed int16 weights of its form templates at offsets -2..2 (`5 * stride`). */
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
/** Build (once per model) the interleaved inference tables. */
export function fastFor(m: TaggerPair): Fast {
  let f = fastCache.get(m);
  if (f) return f;
  const B = 1 << m.bits;
  const A = m.sc.tags.length;
  const C = m.ct.tags.length;
  const S = m.sc2 ? 16 : 8;
  if (A !== 5 || C !== 3 || (m.sc2 && m.sc2.tags.length !== 5)) throw new Error('attribution model: unexpected tag sets');
  const joint = new Int16Array(B * S);
  const fill = (c: ChainModel, col: number): number => {
    const T = c.tags.length;
    if (c.packed) {
      const { ids, vals, scale } = c.packed;
      for (let r = 0; r < ids.length; r++) for (let t = 0; t < T; t++) joint[ids[r] * S + col + t] = vals[r * T + t];
      return scale;
    }
    const w = c.weights;
    let max = 0;
    for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > max) max = Math.abs(w[i]);
    const scale = max > 0 ? max / 32767 : 1;
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) joint[b * S + col + t] = Math.round(w[b * T + t] / scale);
    return scale;
  };
  const scSc = fill(m.sc, 0);
  const scCt = fill(m.ct, A);
  const scSc2 = m.sc2 ? fill(m.sc2, A + C) : 1;
  f = {
    bits: m.bits,
    stride: S,
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
    forms: new RowCache(5 * S, 1 << 16),
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

/** Write the summed weights of the form templates of a form with `facts` (offsets -2..2) at `rows[offset..]`. */
function fillForm(f: Fast, facts: FormFacts, rows: Int32Array, offset: number): void {
  const S = f.stride;
  const mask = (1 << f.bits) - 1;
  const hashes: number[] = [];
  const withClusters = f.clusters !== undefined && f.clusters.size > 0;
  for (let o = -2; o <= 2; o++) {
    hashes.length = 0;
    formTemplateHashes(facts, o, hashes, withClusters);
    const base = offset + (o + 2) * S;
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

/** Decode one paragraph with all taggers: [source/cue tags, content tags]. */
function decodeParagraph(f: Fast, m: TaggerPair, p: PreparedParagraph, facts: FormFacts[]): [Uint8Array, Uint8Array] {
  const toks = p.para.tokens;
  const n = toks.length;
  if (f.emSc.length < n * 5) {
    f.emSc = new Float64Array(n * 10);
    f.emCt = new Float64Array(n * 6);
    f.emSc2 = new Float64Array(n * 10);
  }
  const { emSc, emCt, emSc2, joint, stride, scSc, scCt, scSc2 } = f;
  const { ids, offsets } = p.base;
  const shift = stride === 16 ? 4 : 3;
  const two = f.sc2 !== null;
  const S = stride;
  const posKeys = p.base.posKeys;
  const ctxKeys = p.base.ctxKeys;
  if (!posKeys || !ctxKeys) throw new Error('attribution: paragraph features were not made for inference');
  // Offsets of each token's form row (with the sentinel at -2..-1, n..n+1), context row and POS row.
  f.forms.reserve(n + 1);
  f.ctxGroups.reserve(n);
  f.posGroups.reserve(n);
  const fo = new Int32Array(n + 4);
  const sentinel = f.forms.byName('', (rows, off) => fillForm(f, SENTINEL_FACTS, rows, off));
  fo[0] = fo[1] = fo[n + 2] = fo[n + 3] = sentinel;
  for (let i = 0; i < n; i++) {
    const fi = facts[i];
    fo[i + 2] = f.forms.byName(toks[i].value, (rows, off) => fillForm(f, fi, rows, off));
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
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, c0 = 0, c1 = 0, c2 = 0;
    let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0;
    for (let o = 0; o < 7; o++) {
      // o < 5: the token at offset o - 2 contributes its form templates for that offset;
      // o = 5, 6: the token's context and POS groups.
      let v: Int32Array;
      let b: number;
      if (o < 5) {
        v = F;
        b = fo[i + o] + o * S;
      } else if (o === 5) {
        v = CR;
        b = co[i];
      } else {
        if (po[i] < 0) continue;
        v = PR;
        b = po[i];
      }
      a0 += v[b];
      a1 += v[b + 1];
      a2 += v[b + 2];
      a3 += v[b + 3];
      a4 += v[b + 4];
      c0 += v[b + 5];
      c1 += v[b + 6];
      c2 += v[b + 7];
      if (two) {
        r0 += v[b + 8];
        r1 += v[b + 9];
        r2 += v[b + 10];
        r3 += v[b + 11];
        r4 += v[b + 12];
      }
    }
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const w = ids[k] << shift;
      a0 += joint[w];
      a1 += joint[w + 1];
      a2 += joint[w + 2];
      a3 += joint[w + 3];
      a4 += joint[w + 4];
      c0 += joint[w + 5];
      c1 += joint[w + 6];
      c2 += joint[w + 7];
      if (two) {
        r0 += joint[w + 8];
        r1 += joint[w + 9];
        r2 += joint[w + 10];
        r3 += joint[w + 11];
        r4 += joint[w + 12];
      }
    }
    const a = i * 5;
    emSc[a] = a0 * scSc;
    emSc[a + 1] = a1 * scSc;
    emSc[a + 2] = a2 * scSc;
    emSc[a + 3] = a3 * scSc;
    emSc[a + 4] = a4 * scSc;
    emSc2[a] = r0 * scSc2;
    emSc2[a + 1] = r1 * scSc2;
    emSc2[a + 2] = r2 * scSc2;
    emSc2[a + 3] = r3 * scSc2;
    emSc2[a + 4] = r4 * scSc2;
    const c = i * 3;
    emCt[c] = c0 * scCt;
    emCt[c + 1] = c1 * scCt;
    emCt[c + 2] = c2 * scCt;
  }
  const bias = m.bias;
  if (bias) {
    for (let i = 0; i < n; i++) {
      for (let t = 1; t < 5; t++) {
        emSc[i * 5 + t] += bias.sc;
        emSc2[i * 5 + t] += bias.sc;
      }
      for (let t = 1; t < 3; t++) emCt[i * 3 + t] += bias.ct;
    }
  }
  const scSeq = f.sc.viterbi(emSc, n);
  if (m.stacked) addExtras(emCt, stackExtras(toks, scKinds(scSeq), f.bits), n, joint, stride, 5, 3, scCt);
  const ctSeq = f.ctDec.viterbi(emCt, n);
  if (!f.sc2) return [scSeq, ctSeq];
  addExtras(emSc2, contentExtras(toks, ctSeq, f.bits), n, joint, stride, 8, 5, scSc2);
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
