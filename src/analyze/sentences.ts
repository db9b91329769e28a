import type { Article, Sentence } from '../model.js';
import { tokenize } from './nlp.js';

/**
 * Split an article into sentences, block by block (a sentence never crosses a
 * block boundary). Spans are offsets into `article.text`, trimmed of space.
 */
export function splitSentences(article: Article): Sentence[] {
  const out: Sentence[] = [];
  article.blocks.forEach((block, blockIndex) => {
    const blockText = article.text.slice(block.start, block.end);
    for (const [s, e] of sentenceSpans(blockText)) {
      out.push({
        articleId: article.id,
        start: block.start + s,
        end: block.start + e,
        block: blockIndex,
        caption: block.kind === 'caption',
      });
    }
  });
  return out;
}

/** Sentence spans `[start, end)` within a plain string. */
export function sentenceSpans(text: string): Array<[number, number]> {
  if (!text.trim()) return [];
  const { tokens, sentences } = tokenize(text);
  const spans: Array<[number, number]> = [];
  for (const [a, b] of sentences) {
    if (a > b || !tokens[a] || !tokens[b]) continue;
    let start = tokens[a].start;
    let end = tokens[b].end;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}
