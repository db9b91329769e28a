import { paragraphFeatures, endsInQuote, type ParagraphFeatures } from './features.js';
import { Decoder } from './perceptron.js';
import type { ChainModel } from './perceptron.js';
import { stackExtras, STACK_FEATURES } from './stack.js';
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
  const paras = tokenizeParagraphs(text);
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
 * Inference tables: both taggers' weights interleaved per bucket (5 source/cue + 3 content floats),
 * so each feature costs one memory access for both taggers.
 */
interface Fast {
  bits: number;
  joint: Float32Array;
  /** Content weights alone, for the stacked features. */
  ct: Float32Array;
  sc: Decoder;
  ctDec: Decoder;
  stacked: boolean;
  emSc: Float64Array;
  emCt: Float64Array;
}

const fastCache = new WeakMap<TaggerPair, Fast>();
/** Build (once per model) the interleaved inference tables. */
export function fastFor(m: TaggerPair): Fast {
  let f = fastCache.get(m);
  if (f) return f;
  const B = 1 << m.bits;
  const A = m.sc.tags.length;
  const C = m.ct.tags.length;
  const S = A + C;
  const joint = new Float32Array(B * S);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < A; t++) joint[b * S + t] = m.sc.weights[b * A + t];
    for (let t = 0; t < C; t++) joint[b * S + A + t] = m.ct.weights[b * C + t];
  }
  f = { bits: m.bits, joint, ct: m.ct.weights, sc: new Decoder(m.sc), ctDec: new Decoder(m.ct), stacked: m.stacked, emSc: new Float64Array(0), emCt: new Float64Array(0) };
  fastCache.set(m, f);
  return f;
}

/** Decode one paragraph with both taggers: [source/cue tags, content tags]. */
function decodeParagraph(f: Fast, m: TaggerPair, p: PreparedParagraph): [Uint8Array, Uint8Array] {
  const toks = p.para.tokens;
  const n = toks.length;
  const A = m.sc.tags.length;
  const C = m.ct.tags.length;
  const S = A + C;
  if (f.emSc.length < n * A) f.emSc = new Float64Array(n * A * 2);
  if (f.emCt.length < n * C) f.emCt = new Float64Array(n * C * 2);
  const emSc = f.emSc;
  const emCt = f.emCt;
  const { ids, offsets } = p.base;
  const joint = f.joint;
  if (A === 5 && C === 3) {
    // Unrolled for the shipped tag sets (5 source/cue tags, 3 content tags).
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, c0 = 0, c1 = 0, c2 = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const w = ids[k] << 3;
        a0 += joint[w];
        a1 += joint[w + 1];
        a2 += joint[w + 2];
        a3 += joint[w + 3];
        a4 += joint[w + 4];
        c0 += joint[w + 5];
        c1 += joint[w + 6];
        c2 += joint[w + 7];
      }
      const a = i * 5;
      emSc[a] = a0;
      emSc[a + 1] = a1;
      emSc[a + 2] = a2;
      emSc[a + 3] = a3;
      emSc[a + 4] = a4;
      const c = i * 3;
      emCt[c] = c0;
      emCt[c + 1] = c1;
      emCt[c + 2] = c2;
    }
  } else {
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < A; t++) emSc[i * A + t] = 0;
      for (let t = 0; t < C; t++) emCt[i * C + t] = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const w = ids[k] * S;
        for (let t = 0; t < A; t++) emSc[i * A + t] += joint[w + t];
        for (let t = 0; t < C; t++) emCt[i * C + t] += joint[w + A + t];
      }
    }
  }
  const bias = m.bias;
  if (bias) {
    for (let i = 0; i < n; i++) {
      for (let t = 1; t < A; t++) emSc[i * A + t] += bias.sc;
      for (let t = 1; t < C; t++) emCt[i * C + t] += bias.ct;
    }
  }
  const scSeq = f.sc.viterbi(emSc, n);
  if (f.stacked) {
    const extra = stackExtras(toks, scKinds(scSeq), f.bits);
    for (let i = 0; i < n; i++) {
      for (let k = i * STACK_FEATURES; k < (i + 1) * STACK_FEATURES; k++) {
        const w = extra[k] * C;
        for (let t = 0; t < C; t++) emCt[i * C + t] += f.ct[w + t];
      }
    }
  }
  return [scSeq, f.ctDec.viterbi(emCt, n)];
}

/** Tag an article: all source, cue and content spans the taggers find, with paragraph/sentence indices. */
export function tagArticle(text: string, models: TaggerPair): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const f = fastFor(models);
  prepare(text, models.bits).forEach((p, k) => {
    const toks = p.para.tokens;
    if (toks.length === 0) return;
    const [scSeq, ctSeq] = decodeParagraph(f, models, p);
    const sentAt = (start: number): number => {
      for (const t of toks) if (t.start >= start) return t.sent;
      return toks[toks.length - 1].sent;
    };
    for (const s of tagsToSpans(toks, scSeq, models.sc.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
    for (const s of tagsToSpans(toks, ctSeq, models.ct.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
  });
  return out;
}
