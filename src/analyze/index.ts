import type { Article, ArticleAnnotations, Attribution, QuotedTerm, QuotedTermReason, Span, Speaker } from '../model.js';
import { extractAttributionsFromParagraphs, loadEdgeModels } from './attribution/index.js';
import { boundsInput, refineEdges, type EdgeModels } from './attribution/edge-rerank.js';
import { paragraphsFromTokens } from './attribution/tokens.js';
import { ruleSpans, setRuleCodes } from './attribution/rule-codes.js';
import { cutCoordinatedVerbs } from './attribution/coordination.js';
import { trimAttributionSpaces } from './attribution/trim.js';
import type { TaggerPair } from './attribution/annotate.js';
import { addSourceMentions, adoptQuoteSpeakers, mergeAttributions, speakerContext } from './attribution-merge.js';
import { findCitations } from './citations/index.js';
import { quoteAttributions } from './quotes/attributions.js';
import { findQuotesAndTerms, inheritAdoptedSpeakers, quotedPredicate, type QuoteDraft } from './quotes/index.js';
import { indirectAttributions } from './quotes/indirect.js';
import { colonAttributions } from './quotes/colon.js';
import { repeatedTerms, scareQuotes, setTermsApart } from './quotes/scare.js';
import { splitTranscriptQuotes } from './quotes/transcript.js';
import { tokenizeArticle, type TokenizedArticle } from './quotes/tokens.js';
import { sentenceSubject } from './quotes/sentence-subject.js';
import { echoSpeakers, resolveSpeakers } from './speakers/index.js';
import { addSourceSpeakers, resolveIt } from './speakers/source-speakers.js';
import { creditSentenceSubjects } from './speakers/subject.js';
import { creditNearestSpeakers } from './speakers/nearest.js';
import { findNumbers } from './numbers.js';
import { findHedges } from './hedges.js';

/**
 * Which attribution relations `analyzeArticle` outputs: `merged` (default) — rules and the learned
 * PolNeAR tagger combined (attribution-merge.ts); `rules` — quote and indirect-speech rules only (no
 * model, faster); `model` — the learned tagger only (for benchmarks).
 */
export type AttributionMode = 'merged' | 'rules' | 'model';

export interface AnalyzeOptions {
  attributions?: AttributionMode;
  /**
   * The edge rerankers of merged relations (edge-rerank.ts): absent, the shipped ones; null, none
   * (their own training data is made without them).
   */
  edgeModels?: EdgeModels | null;
  /** The attribution taggers (absent: the shipped model). */
  model?: TaggerPair;
}

interface RuleInput {
  tok: TokenizedArticle;
  colon: Attribution[];
  drafts: QuoteDraft[];
  terms: QuotedTerm[];
}

/** Tokens, colon relations and quotes of an article: what the rule relations are made from. */
function ruleInput(article: Article): RuleInput {
  const tok = tokenizeArticle(article);
  // colon relations: a transcript's turns are its quotes (they replace the mark pairing's reading), a
  // headline's "Name: …" a rule relation of its own
  const colon = colonAttributions(article);
  const found = findQuotesAndTerms(article, tok);
  const drafts = splitTranscriptQuotes(found.drafts, colon.filter((r) => r.form === 'direct'), tok, article.id);
  return { tok, colon, drafts, terms: found.terms };
}

/** The rule relations: quotes with their speakers, indirect speech, headline colons (quotes in `adopted` left out). */
function ruleRelationsOf(article: Article, { tok, colon, drafts }: RuleInput, people: Speaker[], adopted: ReadonlySet<string>): Attribution[] {
  return [
    // (quotes whose speaker came from the merged attributions add nothing as rule relations)
    ...quoteAttributions(article, drafts).filter((r) => !r.quoteId || !adopted.has(r.quoteId)),
    ...indirectAttributions(article, tok, quotedPredicate(drafts, article.text), people),
    ...colon.filter((r) => r.form !== 'direct'),
  ];
}

/**
 * The rule relations of an article before any learned model is applied: what the attribution tagger
 * reads as its rule features (training computes them with this on the training texts).
 */
export function ruleRelations(article: Article): Attribution[] {
  const input = ruleInput(article);
  return ruleRelationsOf(article, input, resolveSpeakers(article, input.drafts, input.tok, input.terms), new Set());
}

/**
 * Annotate one article: sentences, quotes (with speaker as written, verb and
 * resolved article-level speaker), speakers, citations, attribution relations
 * (rules + learned model), numbers and hedges. Deterministic; every finding
 * carries offsets into `article.text`.
 */
export function analyzeArticle(article: Article, opts: AnalyzeOptions = {}): ArticleAnnotations {
  const mode = opts.attributions ?? 'merged';
  const { tok, colon, drafts, terms } = ruleInput(article);
  let speakers = resolveSpeakers(article, drafts, tok, terms);
  const quotes = drafts.map((d) => d.quote);
  const citations = findCitations(article, tok);
  let adopted = new Set<string>();
  const rulesWith = (people: Speaker[]): Attribution[] => ruleRelationsOf(article, { tok, colon, drafts, terms }, people, adopted);
  const firstRules = rulesWith(speakers);
  // the learned tagger's paragraphs (one per block), shared with the edge rerankers below; the rule
  // relations are features of the tagger
  const paras = mode === 'rules' ? [] : paragraphsFromTokens(tok.tokens);
  if (mode !== 'rules') setRuleCodes(paras, ruleSpans(firstRules));
  const model = mode === 'rules' ? [] : extractAttributionsFromParagraphs(article.text, article.id, paras, opts.model);
  const subjectOf = (cue: Span): Span | null => sentenceSubject(tok, cue, article.text);
  const attributionsWith = (people: Speaker[], rules = rulesWith(people)): Attribution[] =>
    mergeAttributions(mode === 'model' ? [] : rules, model, { text: article.text, articleId: article.id, quotes, ...speakerContext(article.text, people), subjectOf });
  let attributions = attributionsWith(speakers, firstRules);
  // quotes the rules left without a speaker take the merged attribution's source; speakers are then
  // resolved again (new people, new mentions) and the attributions follow
  if (mode !== 'rules') {
    adopted = adoptQuoteSpeakers(drafts, attributions, tok.tokens, article.text);
    for (const id of creditSentenceSubjects(drafts, tok, article.text)) adopted.add(id);
    for (const id of inheritAdoptedSpeakers(drafts, adopted, article)) adopted.add(id);
    if (adopted.size) {
      speakers = resolveSpeakers(article, drafts, tok, terms);
      attributions = attributionsWith(speakers);
    }
  }
  // a quote nobody was found for that repeats an earlier quote's words is that speaker's
  echoSpeakers(drafts, article);
  // content, source and cue edges the taggers put a few tokens off move to where the rerankers put them (edge-rerank.ts)
  const edges = mode === 'merged' ? (opts.edgeModels === undefined ? loadEdgeModels() : opts.edgeModels) : null;
  if (edges) attributions = refineEdges(attributions, boundsInput(paras), article.text, edges);
  // "said [X] and warned against Y": the source's second predicate is not part of the content. After the
  // rerankers (their training relations, made without them, are cut all the same): on PolNeAR dev, cutting
  // before them measured content 0.002 and relation 0.001 lower with rerankers trained on cut relations
  if (mode !== 'rules') attributions = cutCoordinatedVerbs(attributions, tok.tokens, article.text);
  // no span starts or ends on white space (a line break the tagger took for a token)
  attributions = trimAttributionSpaces(attributions, article.text);
  // outlets and organisations named only as sources ("citing Bloomberg") become speakers too, and "it said" theirs
  addSourceSpeakers(speakers, attributions, tok.tokens, article.text, article.id);
  addSourceMentions(speakers, attributions, article.id);
  resolveIt(speakers, drafts, attributions, article.blocks);
  addSourceMentions(speakers, attributions, article.id);
  // a single word in marks that no one turned out to say is a scare quote, a term (quotes/scare.ts); and a quote
  // repeating a term set apart before it is that term again
  const allTerms = [...terms];
  const apart = new Map<number, QuotedTermReason>(repeatedTerms(drafts, terms));
  for (const k of scareQuotes(drafts, tok.sentences, article.text, tok.tokens)) if (!apart.has(k)) apart.set(k, 'scare');
  const kept = setTermsApart(drafts, allTerms, attributions, apart);
  attributions = kept.attributions;
  // a quote nothing attributes: the speaker mentioned last before it (speakers/nearest.ts), after the scare quotes
  // (which are those no one said)
  creditNearestSpeakers(kept.drafts, speakers, article);
  return {
    articleId: article.id,
    sentences: tok.sentences,
    quotes: kept.drafts.map((d) => d.quote),
    terms: allTerms,
    speakers,
    citations,
    attributions,
    numbers: findNumbers(article, tok.sentences, tok),
    hedges: findHedges(article, tok.sentences),
  };
}
