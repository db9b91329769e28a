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
 * Tokenise an article once and derive its sentences from the same pass. wink reads the whole text in one
 * call (its tokens and POS tags are the same as reading block by block — checked on all of PolNeAR dev — and
 * one call costs about half of twenty); a sentence never crosses a block boundary: wink's sentences are cut
 * where the block changes.
 */
export function tokenizeArticle(article: Article): TokenizedArticle {
  const tokens: ArticleToken[] = [];
  const sentences: Sentence[] = [];
  const sentenceTokens: Array<[number, number]> = [];
  const text = article.text;
  const blocks = article.blocks;
  if (!text.trim() || blocks.length === 0) return { tokens, sentences, sentenceTokens };
  const { tokens: raw, sentences: spans } = tokenize(text);
  // each token to its block (blocks are in text order and do not overlap); tokens between blocks are dropped
  const kept = new Int32Array(raw.length).fill(-1);
  let bi = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    while (bi < blocks.length && blocks[bi].end <= t.start) bi++;
    if (bi >= blocks.length) break;
    if (t.start < blocks[bi].start) continue;
    kept[i] = tokens.length;
    tokens.push({ start: t.start, end: Math.min(t.end, blocks[bi].end), value: t.value, pos: t.pos, block: bi, sentence: -1 });
  }
  const push = (first: number, last: number): void => {
    let start = tokens[first].start;
    let end = tokens[last].end;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    const block = tokens[first].block;
    const si = sentences.length;
    sentences.push({ articleId: article.id, start, end, block, caption: blocks[block].kind === 'caption' });
    sentenceTokens.push([first, last + 1]);
    for (let k = first; k <= last; k++) tokens[k].sentence = si;
  };
  for (const [a, b] of spans) {
    let first = -1;
    let last = -1;
    for (let i = a; i <= b && i < raw.length; i++) {
      const k = kept[i];
      if (k < 0) continue;
      if (first >= 0 && tokens[k].block !== tokens[first].block) {
        push(first, last);
        first = -1;
      }
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) push(first, last);
  }
  return { tokens, sentences, sentenceTokens };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x202f || c === 0x205f || c === 0x1680 || c === 11 || c === 12 || c === 0xfeff;
}

/** Index of the first token whose end is > offset (binary search). */
export function tokenAt(tokens: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
