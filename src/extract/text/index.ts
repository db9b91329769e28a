import type { Article, RawDocument } from '../../model.js';
import { TextBuilder, emptyArticle, finishArticle } from '../builder.js';
import type { ExtractOptions } from '../index.js';

/** Plain text → Article. STUB: paragraphs only; debris cleaning and metadata to come. */
export function extractFromText(raw: RawDocument, opts: ExtractOptions = {}): Article {
  const article = emptyArticle(raw.source, 'text/plain', raw.encoding, opts.asIs ? 'as-is' : 'text', !!opts.asIs);
  const b = new TextBuilder();
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of raw.content.matchAll(re)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!m[0].trim()) continue;
    b.append(m[0], s, e);
    b.endBlock('paragraph');
  }
  return finishArticle(article, b);
}
