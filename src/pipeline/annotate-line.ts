import type { InputError } from '../model.js';
import type { ArticleResult } from './articles.js';

/** What `retold annotate` writes for one input: its JSON line (without the newline) and its error, if any. */
export interface AnnotatedLine {
  source: string;
  line: string;
  error?: InputError;
}

/** The JSON line of one analysed input: `{source, article, quotes, …}` or `{source, error}`. */
export function annotatedLine(result: ArticleResult): AnnotatedLine {
  if (result.error) return { source: result.source, line: JSON.stringify({ source: result.source, error: result.error }), error: result.error };
  const { articleId: _id, ...ann } = result.annotations;
  return { source: result.source, line: JSON.stringify({ source: result.source, article: result.article, ...ann }) };
}
