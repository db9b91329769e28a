import type { Article, ArticleAnnotations, InputError, RawDocument } from '../model.js';
import { readInputs, type IngestOptions } from '../ingest/index.js';
import type { ExtractOptions } from '../extract/index.js';
import { extractFromText } from '../extract/text/index.js';
import { ExtractError } from '../extract/errors.js';
import { sniffHtmlCharset } from '../extract/html-charset.js';
import { analyzeArticle } from '../analyze/index.js';

export interface ArticleOptions extends IngestOptions {
  asIs?: boolean;
  timeoutMs?: number;
}

export type ArticleResult =
  | { source: string; article: Article; annotations: ArticleAnnotations; error?: undefined }
  | { source: string; error: InputError; article?: undefined; annotations?: undefined };

/**
 * Inputs → analysed articles, one at a time in input order (streaming): ingest,
 * extract, analyze. A failure at any stage becomes an `InputError` for that input
 * and the stream goes on.
 */
export async function* analyzeInputs(inputs: string[], opts: ArticleOptions = {}): AsyncGenerator<ArticleResult> {
  for await (const raw of readArticleInputs(inputs, opts)) {
    if (!('content' in raw)) {
      yield { source: raw.source, error: raw };
      continue;
    }
    yield await processDocument(raw, opts);
  }
}

/** The raw documents (or input errors) of `inputs`, read as the article pipeline reads them (web pages' charsets sniffed). */
export function readArticleInputs(inputs: string[], opts: ArticleOptions = {}): AsyncGenerator<RawDocument | InputError> {
  return readInputs(inputs, { sniffCharset: sniffHtmlCharset, ...opts });
}

type Extractor = (raw: RawDocument, opts: ExtractOptions) => Article;
let htmlExtractor: Extractor | null = null;

/**
 * The HTML extractor (htmlparser2, entity tables, the content scorer) is imported on the first HTML input,
 * so a story of plain-text articles does not pay for loading it (about 90 ms of a one-second run).
 */
async function extractorFor(raw: RawDocument): Promise<Extractor> {
  if (raw.mediaType !== 'text/html') return extractFromText;
  htmlExtractor ??= (await import('../extract/html/index.js')).extractFromHtml;
  return htmlExtractor;
}

/** One raw document → extracted and analysed article, or an error naming the input and stage. */
export async function processDocument(raw: RawDocument, opts: ArticleOptions = {}): Promise<ArticleResult> {
  let article: Article;
  try {
    const extract = await extractorFor(raw);
    article = extract(raw, { asIs: opts.asIs, timeoutMs: opts.timeoutMs });
  } catch (e) {
    return { source: raw.source, error: stageError(raw.source, 'extract', e) };
  }
  if (!article.text.trim()) {
    return { source: raw.source, error: { source: raw.source, stage: 'extract', code: 'NO_ARTICLE', message: 'no article text found' } };
  }
  try {
    return { source: raw.source, article, annotations: analyzeArticle(article) };
  } catch (e) {
    return { source: raw.source, error: stageError(raw.source, 'analyze', e) };
  }
}

function stageError(source: string, stage: 'extract' | 'analyze', e: unknown): InputError {
  if (e instanceof ExtractError) return { source, stage, code: e.code, message: stripSource(e.message, source) };
  // An unexpected failure is a bug: keep the message, and the stack when debugging.
  const err = e instanceof Error ? e : new Error(String(e));
  if (process.env.RETOLD_DEBUG) process.stderr.write(`${source}: ${err.stack}\n`);
  return { source, stage, code: 'INTERNAL', message: `internal error in ${stage}: ${err.message} (set RETOLD_DEBUG=1 for the stack; please report it)` };
}

function stripSource(message: string, source: string): string {
  return message.startsWith(source + ': ') ? message.slice(source.length + 2) : message;
}
