import type { Article, RawDocument } from '../model.js';
import { extractFromHtml } from './html/index.js';
import { extractFromText } from './text/index.js';

export interface ExtractOptions {
  /** Plain text taken verbatim: no debris cleaning, offsets equal input offsets. */
  asIs?: boolean;
  /** Per-document time limit in ms (HTML). */
  timeoutMs?: number;
}

/** Raw document → Article. Throws an `ExtractError` when nothing can be extracted. */
export function extractArticle(raw: RawDocument, opts: ExtractOptions = {}): Article {
  return raw.mediaType === 'text/html' ? extractFromHtml(raw, opts) : extractFromText(raw, opts);
}

export { ExtractError } from './errors.js';
