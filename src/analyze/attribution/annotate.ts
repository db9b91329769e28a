import { paragraphFeatures, endsInQuote, type ParagraphFeatures } from './features.js';
import { Decoder } from './perceptron.js';
import type { ChainModel } from './perceptron.js';
import { stackExtras, contentExtras, STACK_FEATURES } from './stack.js';
import { tagsToSpans, type KindSpan } from './spans.js';
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
}

export interface TaggedSpan extends KindSpan {
  /** 'S' source, 'C' cue, 'T' content. */
  kind: string;
  paragraph: number;
  /** Sentence index (of the first token) within the article. */
  sent: number;
}

export interface PreparedParagraph {
  para: Paragraph;
  base: ParagraphFeatures;
}

/** Tokenise and featurise an article. */
export function prepare(text: string, bits: number): PreparedParagraph[] {
  return prepareParagraphs(tokenizeParagraphs(text), bits);
}

/** Featurise already tokenised paragraphs. */
export function prepareParagraphs(paras: Paragraph[], bits: number): PreparedParagraph[] {
  let inQuote = false;
  return paras.map((para, k) => {
    const base = paragraphFeatures(para, bits, inQuote, k);
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
  const scaleOf = (w: Float32Array): number => {
    let max = 0;
    for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > max) max = Math.abs(w[i]);
    return max > 0 ? max / 32767 : 1;
  };
  const scSc = scaleOf(m.sc.weights);
  const scCt = scaleOf(m.ct.weights);
  const scSc2 = m.sc2 ? scaleOf(m.sc2.weights) : 1;
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < A; t++) joint[b * S + t] = Math.round(m.sc.weights[b * A + t] / scSc);
    for (let t = 0; t < C; t++) joint[b * S + A + t] = Math.round(m.ct.weights[b * C + t] / scCt);
    if (m.sc2) for (let t = 0; t < A; t++) joint[b * S + A + C + t] = Math.round(m.sc2.weights[b * A + t] / scSc2);
  }
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
  };
  fastCache.set(m, f);
  return f;
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
function decodeParagraph(f: Fast, m: TaggerPair, p: PreparedParagraph): [Uint8Array, Uint8Array] {
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
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, c0 = 0, c1 = 0, c2 = 0;
    let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0;
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
  prepareParagraphs(paras, models.bits).forEach((p, k) => {
    const toks = p.para.tokens;
    if (toks.length === 0) return;
    const [scSeq, ctSeq] = decodeParagraph(f, models, p);
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
    for (const s of tagsToSpans(toks, scSeq, models.sc.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
    for (const s of tagsToSpans(toks, ctSeq, models.ct.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
  });
  return out;
}
