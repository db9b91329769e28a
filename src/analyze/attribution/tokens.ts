import type { Article, Block } from '../../model.js';
import { tokenizeArticle, type ArticleToken } from '../quotes/tokens.js';

/** A token of the attribution tagger: offsets into the article text plus the cheap facts features use. */
export interface ATok {
  start: number;
  end: number;
  value: string;
  lower: string;
  pos: string;
  /** Sentence index within the article. */
  sent: number;
}

/** A paragraph: the unit the tagger decodes (quotes and contents may run over sentences). */
export interface Paragraph {
  tokens: ATok[];
  /** Per token, what the rule relations said of it (`setRuleCodes` in rule-codes.ts); absent: nothing. */
  rules?: Uint8Array;
}

/**
 * Paragraphs of the tagger from the rule pipeline's tokens (`tokenizeArticle`): one paragraph per
 * block, sentence index = `token.sentence`. No wink call. Whitespace-only tokens are skipped.
 */
export function paragraphsFromTokens(tokens: readonly ArticleToken[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let cur: ATok[] = [];
  let block = -1;
  for (const t of tokens) {
    if (t.block !== block) {
      if (cur.length) paragraphs.push({ tokens: cur });
      cur = [];
      block = t.block;
    }
    const v = t.value;
    if (isBlank(v)) continue;
    cur.push({ start: t.start, end: t.end, value: v, lower: v.toLowerCase(), pos: t.pos, sent: t.sentence });
  }
  if (cur.length) paragraphs.push({ tokens: cur });
  return paragraphs;
}

function isBlank(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!(c === 32 || c === 10 || c === 13 || c === 9 || c === 160 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0xfeff)) return false;
  }
  return true;
}

/**
 * Paragraph blocks of plain text: one block per newline-separated line that is not blank
 * (offsets into `text`, the line's own spaces included).
 */
export function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim() !== '') blocks.push({ start, end, kind: 'paragraph' });
    start = end + 1;
  }
  return blocks;
}

/**
 * Tokenise plain text into paragraphs (a paragraph is a non-blank line), exactly as the rule pipeline
 * tokenises an article's blocks (`tokenizeArticle`, one wink pass per block), so training, evaluation
 * and `extractAttributionsFromTokens` see the same tokens. Offsets are JS string offsets into `text`.
 */
export function tokenizeParagraphs(text: string): Paragraph[] {
  if (!text) return [];
  const article = { id: '', text, blocks: lineBlocks(text) } as unknown as Article;
  return paragraphsFromTokens(tokenizeArticle(article).tokens);
}
