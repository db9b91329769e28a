import type { Article, Sentence } from '../../model.js';
import { nlp, type Token } from '../nlp.js';

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
  const n = nlp();
  const its = n.its;
  const text = article.text;
  article.blocks.forEach((block, blockIndex) => {
    const blockText = text.slice(block.start, block.end);
    if (!blockText.trim()) return;
    const doc = n.readDoc(blockText);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const base = tokens.length;
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      offset += spaces[i].length;
      let start = offset;
      const v = values[i];
      // wink is lossless, but guard against any normalisation: re-find the token (as nlp.tokenize does).
      if (blockText.startsWith(v, start)) offset = start + v.length;
      else {
        const found = blockText.indexOf(v, start);
        if (found >= 0 && found - start < 16) {
          start = found;
          offset = found + v.length;
        } else offset = start + v.length;
      }
      tokens.push({ start: block.start + start, end: block.start + Math.min(offset, blockText.length), value: v, pos: pos[i], block: blockIndex, sentence: -1 });
    }
    const spans = doc.sentences().out(its.span) as Array<[number, number]>;
    for (const [a, b] of spans) {
      if (a > b || !tokens[base + a] || !tokens[base + b] || base + b >= tokens.length) continue;
      let start = tokens[base + a].start;
      let end = tokens[base + b].end;
      while (start < end && isSpace(text.charCodeAt(start))) start++;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      if (end <= start) continue;
      const si = sentences.length;
      sentences.push({ articleId: article.id, start, end, block: blockIndex, caption: block.kind === 'caption' });
      sentenceTokens.push([base + a, base + b + 1]);
      for (let k = base + a; k <= base + b; k++) tokens[k].sentence = si;
    }
  });
  return { tokens, sentences, sentenceTokens };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 11 || c === 12 || c === 0xfeff;
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
