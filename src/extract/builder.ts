import type { Article, Block, BlockKind, Caption, DateValue, MediaType, Removal, SourceRun } from '../model.js';
import { shortHash } from '../util/hash.js';

/**
 * Builds an article's clean text block by block while recording where every
 * piece came from in the input (the source map). Blocks are joined by "\n\n".
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private blockStart = -1;
  private blockParts = 0;
  readonly blocks: Block[] = [];
  readonly captions: Caption[] = [];
  readonly sourceMap: SourceRun[] = [];
  readonly removed: Removal[] = [];

  /** Append text to the current block. `inputStart/inputEnd` locate it in the decoded input (omit for synthesized text). */
  append(text: string, inputStart?: number, inputEnd?: number): void {
    if (!text) return;
    if (this.blockStart < 0) {
      if (this.blocks.length > 0) this.push('\n\n');
      this.blockStart = this.length;
    }
    const textStart = this.length;
    this.push(text);
    this.blockParts++;
    if (inputStart !== undefined && inputEnd !== undefined) {
      const last = this.sourceMap[this.sourceMap.length - 1];
      const verbatim = inputEnd - inputStart === text.length;
      if (last && verbatim && last.textEnd === textStart && last.inputEnd === inputStart &&
          last.textEnd - last.textStart === last.inputEnd - last.inputStart) {
        last.textEnd = this.length;
        last.inputEnd = inputEnd;
      } else {
        this.sourceMap.push({ textStart, textEnd: this.length, inputStart, inputEnd });
      }
    }
  }

  /** Close the current block (no-op when it is empty). Returns the block, if one was made. */
  endBlock(kind: BlockKind, credit: string | null = null): Block | null {
    if (this.blockStart < 0) return null;
    const block: Block = { start: this.blockStart, end: this.length, kind };
    this.blocks.push(block);
    if (kind === 'caption') this.captions.push({ start: block.start, end: block.end, credit });
    this.blockStart = -1;
    this.blockParts = 0;
    return block;
  }

  /** Record input that was deliberately dropped, with why. */
  remove(inputStart: number, inputEnd: number, reason: string, text: string): void {
    this.removed.push({ inputStart, inputEnd, reason, text });
  }

  get text(): string {
    return this.parts.join('');
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
}

/** An article with every metadata field empty. Extractors fill it in. */
export function emptyArticle(source: string, mediaType: MediaType, encoding: string, method: string, asIs = false): Article {
  return {
    id: '',
    source,
    outlet: null,
    title: null,
    url: null,
    publishedAt: null,
    published: null,
    modifiedAt: null,
    byline: null,
    dateline: null,
    language: null,
    description: null,
    image: null,
    section: null,
    text: '',
    blocks: [],
    captions: [],
    sourceMap: [],
    removed: [],
    extraction: { mediaType, encoding, method, asIs },
  };
}

/** Fill `text`, `blocks`, `captions`, `sourceMap`, `removed` and a content-derived `id` from a builder. */
/** Metadata every extractor finds (HTML pages and plain text alike); each adds its own extras. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: DateValue | null;
  modified: DateValue | null;
  byline: string | null;
  section: string | null;
}

/** Copy the shared metadata onto an article (ISO times from the parsed dates; the dates keep their original strings). */
export function applyMeta(a: Article, m: ArticleMeta): void {
  a.title = m.title;
  a.outlet = m.outlet;
  a.url = m.url;
  a.published = m.published;
  a.publishedAt = m.published?.iso ?? null;
  a.modifiedAt = m.modified?.iso ?? null;
  a.byline = m.byline;
  a.section = m.section;
}

export function finishArticle(article: Article, builder: TextBuilder): Article {
  article.text = builder.text;
  article.blocks = builder.blocks;
  article.captions = builder.captions;
  article.sourceMap = builder.sourceMap;
  article.removed = builder.removed;
  article.id = 'a' + shortHash(article.text, 8);
  return article;
}

/** Map a clean-text offset to an offset in the decoded input (null when the text was synthesized). */
export function toInputOffset(article: Pick<Article, 'sourceMap'>, offset: number): number | null {
  const map = article.sourceMap;
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = map[mid];
    if (offset < run.textStart) hi = mid - 1;
    else if (offset >= run.textEnd) lo = mid + 1;
    else {
      const verbatim = run.textEnd - run.textStart === run.inputEnd - run.inputStart;
      return verbatim ? run.inputStart + (offset - run.textStart) : run.inputStart;
    }
  }
  return null;
}
