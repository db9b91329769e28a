import type { Article, ArticleAnnotations } from '../model.js';
import { findCitations } from './citations/index.js';
import { quoteAttributions } from './quotes/attributions.js';
import { findQuotes, quotedPredicate } from './quotes/index.js';
import { indirectAttributions } from './quotes/indirect.js';
import { tokenizeArticle } from './quotes/tokens.js';
import { resolveSpeakers } from './speakers/index.js';
import { findNumbers } from './numbers.js';
import { findHedges } from './hedges.js';

/**
 * Annotate one article: sentences, quotes (with speaker as written, verb and
 * resolved article-level speaker), speakers, citations, rule-based
 * attributions, numbers and hedges. Deterministic; every finding carries
 * offsets into `article.text`.
 */
export function analyzeArticle(article: Article): ArticleAnnotations {
  const tok = tokenizeArticle(article);
  const drafts = findQuotes(article, tok);
  const speakers = resolveSpeakers(article, drafts, tok);
  const quotes = drafts.map((d) => d.quote);
  const citations = findCitations(article, tok);
  const attributions = [
    ...quoteAttributions(article, drafts),
    ...indirectAttributions(article, tok, quotedPredicate(drafts, article.text), speakers),
  ].sort((a, b) => a.content.start - b.content.start || a.cue.start - b.cue.start);
  attributions.forEach((r, n) => (r.id = `${article.id}:r${n + 1}`));
  return {
    articleId: article.id,
    sentences: tok.sentences,
    quotes,
    speakers,
    citations,
    attributions,
    numbers: findNumbers(article, tok.sentences),
    hedges: findHedges(article, tok.sentences),
  };
}
