import type { Article, BlockKind } from '../../src/model.js';
import { TextBuilder, emptyArticle, finishArticle } from '../../src/extract/builder.js';

/**
 * Build an Article from plain text: blocks are separated by blank lines. A
 * block starting with "[caption] " becomes a caption block (the marker is dropped).
 */
export function articleFromText(text: string, source = 'test.txt'): Article {
  const article = emptyArticle(source, 'text/plain', 'utf-8', 'test');
  const b = new TextBuilder();
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    if (!m[0].trim()) continue;
    let s = m.index!;
    let body = m[0];
    let kind: BlockKind = 'paragraph';
    if (body.startsWith('[caption] ')) {
      kind = 'caption';
      s += 10;
      body = body.slice(10);
    }
    b.append(body, s, s + body.length);
    b.endBlock(kind);
  }
  return finishArticle(article, b);
}
