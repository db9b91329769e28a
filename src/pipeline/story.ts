import type { Article, ArticleAnnotations, InputError, Report } from '../model.js';
import { relateStory } from '../relate/index.js';
import { buildReport } from '../report/json.js';
import { analyzeInputs, type ArticleOptions } from './articles.js';

export interface StoryOptions extends ArticleOptions {
  /** Called after each input with the count done so far. */
  onProgress?: (done: number, source: string) => void;
}

/** Inputs → the story report (ingest → extract → analyze → relate → report). */
export async function buildStory(inputs: string[], opts: StoryOptions = {}): Promise<Report> {
  const articles: Article[] = [];
  const annotations: ArticleAnnotations[] = [];
  const errors: InputError[] = [];
  let done = 0;
  for await (const result of analyzeInputs(inputs, opts)) {
    if (result.error) errors.push(result.error);
    else {
      articles.push(result.article);
      annotations.push(result.annotations);
    }
    opts.onProgress?.(++done, result.source);
  }
  errors.push(...dropDuplicates(articles, annotations));
  return storyFromArticles(articles, annotations, errors);
}

/** Already-analysed articles → report. */
export function storyFromArticles(articles: Article[], annotations: ArticleAnnotations[], errors: InputError[] = []): Report {
  const related = relateStory(articles, annotations);
  return buildReport({
    articles,
    sentences: annotations.flatMap((a) => a.sentences),
    quotes: related.quotes,
    terms: annotations.flatMap((a) => a.terms),
    speakers: related.speakers,
    citations: annotations.flatMap((a) => a.citations),
    attributions: annotations.flatMap((a) => a.attributions),
    numbers: annotations.flatMap((a) => a.numbers),
    hedges: annotations.flatMap((a) => a.hedges),
    alignment: related.alignment,
    quoteVariants: related.quoteVariants,
    provenance: related.provenance,
    findings: related.findings,
    errors,
  });
}

/** The same input given twice has the same content id: keep the first and say so for the others. */
function dropDuplicates(articles: Article[], annotations: ArticleAnnotations[]): InputError[] {
  const seen = new Set<string>();
  const errors: InputError[] = [];
  for (let i = 0; i < articles.length; i++) {
    if (seen.has(articles[i].id)) {
      errors.push({ source: articles[i].source, stage: 'ingest', code: 'DUPLICATE', message: 'the same input was given twice; analysed once' });
      articles.splice(i, 1);
      annotations.splice(i, 1);
      i--;
    } else seen.add(articles[i].id);
  }
  return errors;
}
