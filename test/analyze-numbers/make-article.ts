import type { Article, Sentence } from '../../src/model.js';
import { TextBuilder, emptyArticle, finishArticle } from '../../src/extract/builder.js';
import { splitSentences } from '../../src/analyze/sentences.js';

/** An article built directly from paragraphs (one per non-empty line), independent of the extractors. */
export function makeArticle(text: string, source = 'test.txt', meta: Partial<Article> = {}): { article: Article; sentences: Sentence[] } {
  const b = new TextBuilder();
  let offset = 0;
  for (const para of text.split(/\n/)) {
    const at = text.indexOf(para, offset);
    offset = at + para.length;
    if (!para.trim()) continue;
    b.append(para, at, at + para.length);
    b.endBlock(/^\[caption\]/.test(para) ? 'caption' : 'paragraph');
  }
  const article = finishArticle({ ...emptyArticle(source, 'text/plain', 'utf-8', 'test'), ...meta }, b);
  return { article, sentences: splitSentences(article) };
}
