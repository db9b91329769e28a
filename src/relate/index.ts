import type { Article, ArticleAnnotations, Finding, Quote, Speaker, StoryRelations } from '../model.js';
import { alignSentences } from './alignment.js';
import { matchQuoteVariants } from './quote-variants.js';
import { resolveStorySpeakers } from './speakers.js';
import { buildProvenance } from './provenance.js';
import { findQuoteFindings } from './quote-findings.js';
import { findTextFindings } from './text-findings.js';

/**
 * Many analysed articles → the story: sentence alignment, quote variants, one
 * identity per speaker, the provenance graph and the findings. Article-level
 * speaker ids on quotes and attributions are rewritten to story-level ids.
 */
export function relateStory(articles: Article[], annotations: ArticleAnnotations[]): StoryRelations & { quotes: Quote[] } {
  const sentences = annotations.map((a) => a.sentences);
  const flatSentences = sentences.flat();
  const articleQuotes = annotations.flatMap((a) => a.quotes);
  const articleSpeakers: Speaker[] = annotations.flatMap((a) => a.speakers);
  const citations = annotations.flatMap((a) => a.citations);
  const hedges = annotations.flatMap((a) => a.hedges);
  const numbers = annotations.flatMap((a) => a.numbers);
  const attributions = annotations.flatMap((a) => a.attributions);

  const alignment = alignSentences(articles, sentences);
  const quoteVariants = matchQuoteVariants({ articles, quotes: articleQuotes, sentences: flatSentences });
  const { speakers, map } = resolveStorySpeakers({ articles, speakers: articleSpeakers, quotes: articleQuotes, variants: quoteVariants });

  const quotes = articleQuotes.map((q) => ({ ...q, speakerId: q.speakerId ? map.get(q.speakerId) ?? q.speakerId : null }));
  for (const a of attributions) if (a.speakerId) a.speakerId = map.get(a.speakerId) ?? a.speakerId;

  const provenance = buildProvenance({ articles, citations, quotes, storySpeakers: speakers, alignment });
  const findings: Finding[] = [
    ...findQuoteFindings({ articles, quotes, variants: quoteVariants, storySpeakers: speakers }),
    ...findTextFindings({ articles, sentences: flatSentences, alignment, hedges, numbers, attributions, citations }),
  ];
  return { speakers, alignment, quoteVariants, provenance, findings: rankFindings(findings), quotes };
}

const SEVERITY = { high: 0, medium: 1, low: 2 } as const;

/** Most important first; stable. */
function rankFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY[x.f.severity] - SEVERITY[y.f.severity] || x.i - y.i)
    .map((x) => x.f);
}
