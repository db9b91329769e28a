import type { Article, Sentence } from '../../model.js';
import { tokenize, type Token } from '../nlp.js';

export interface ArticleToken extends Token {
  /** Index of the block the token lies in. */
  block: number;
  /** Index of the sentence (into the article's sentence list). */
  sentence: number;
}

export interface TokenizedArticle {
  tokens: ArticleToken[];
  sentences: Sentence[];
  /** For each sentence, the token index range [first, last+1). */
  sentenceTokens: Array<[number, number]>;
}

/**
 * Tokenise an article once, block by block, and derive its sentences from the
 * same pass (identical to `splitSentences`, without tokenising twice).
 */
export function tokenizeArticle(article: Article): TokenizedArticle {
  const tokens: ArticleToken[] = [];
  const sentences: Sentence[] = [];
  const sentenceTokens: Array<[number, number]> = [];
  article.blocks.forEach((block, blockIndex) => {
    const blockText = article.text.slice(block.start, block.end);
    if (!blockText.trim()) return;
    const { tokens: bt, sentences: bs } = tokenize(blockText);
    const base = tokens.length;
    for (const t of bt) {
      tokens.push({ ...t, start: block.start + t.start, end: block.start + t.end, block: blockIndex, sentence: -1 });
    }
    for (const [a, b] of bs) {
      if (a > b || !bt[a] || !bt[b]) continue;
      let start = bt[a].start;
      let end = bt[b].end;
      while (start < end && /\s/.test(blockText[start])) start++;
      while (end > start && /\s/.test(blockText[end - 1])) end--;
      if (end <= start) continue;
      const si = sentences.length;
      sentences.push({
        articleId: article.id,
        start: block.start + start,
        end: block.start + end,
        block: blockIndex,
        caption: block.kind === 'caption',
      });
      sentenceTokens.push([base + a, base + b + 1]);
      for (let k = base + a; k <= base + b; k++) tokens[k].sentence = si;
    }
  });
  return { tokens, sentences, sentenceTokens };
}

/** Index of the first token whose end is > offset (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
