import { paragraphFeatures, endsInQuote, type ParagraphFeatures } from './features.js';
import { Decoder, type ChainModel } from './perceptron.js';
import { stackFeatures } from './stack.js';
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

const decoders = new WeakMap<ChainModel, Decoder>();
function decoderFor(m: ChainModel): Decoder {
  let d = decoders.get(m);
  if (!d) {
    d = new Decoder(m);
    decoders.set(m, d);
  }
  return d;
}

/** Tag an article: all source, cue and content spans the taggers find, with paragraph/sentence indices. */
export function tagArticle(text: string, models: TaggerPair): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  const sc = decoderFor(models.sc);
  const ct = decoderFor(models.ct);
  prepare(text, models.bits).forEach(({ para, base }, k) => {
    const toks = para.tokens;
    if (toks.length === 0) return;
    const scSeq = sc.decode(base);
    const feats = models.stacked ? stackFeatures(base, toks, scKinds(scSeq), models.bits) : base;
    const ctSeq = ct.decode(feats);
    const sentAt = (start: number): number => {
      for (const t of toks) if (t.start >= start) return t.sent;
      return toks[toks.length - 1].sent;
    };
    for (const s of tagsToSpans(toks, scSeq, models.sc.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
    for (const s of tagsToSpans(toks, ctSeq, models.ct.tags)) out.push({ ...s, paragraph: k, sent: sentAt(s.start) });
  });
  return out;
}
