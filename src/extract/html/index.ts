import type { Article, RawDocument } from '../../model.js';
import type { ExtractOptions } from '../index.js';
import { ExtractError } from '../errors.js';

/** HTML → Article. STUB until the HTML extractor lands. */
export function extractFromHtml(raw: RawDocument, _opts: ExtractOptions = {}): Article {
  throw new ExtractError(`${raw.source}: HTML extraction is not implemented yet`, 'NOT_IMPLEMENTED');
}
