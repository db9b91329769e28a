import type { Article, RawDocument } from '../../model.js';
import type { ExtractOptions } from '../index.js';
import { applyMeta, emptyArticle, finishArticle, TextBuilder } from '../builder.js';
import { ExtractError } from '../errors.js';
import { parseHtml, type ParsedHtml } from './dom.js';
import { chooseContainer, computeStats, stats } from './content.js';
import { emitBlocks } from './blocks.js';
import { readMetadata, type PageMeta } from './metadata.js';

export { sniffHtmlCharset } from '../html-charset.js';

/** Default per-page time limit (ms). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Time spent per stage, for profiling (accumulated across calls when passed in). */
export interface StageTimes {
  parse: number;
  metadata: number;
  score: number;
  emit: number;
}

/** HTML → Article: parse, read metadata, find the article container, emit its blocks with a source map. */
export function extractFromHtml(raw: RawDocument, opts: ExtractOptions = {}, times?: StageTimes): Article {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const t0 = performance.now();
  const deadline = t0 + timeout;
  const checkpoint = () => {
    if (performance.now() > deadline) throw new ExtractError(`${raw.source}: gave up after ${timeout} ms`, 'TIMEOUT');
  };
  if (!/<[a-z!?/]/i.test(raw.content.slice(0, 65536)) && !/<[a-z!?/]/i.test(raw.content)) {
    throw new ExtractError(`${raw.source}: not HTML (no tags found)`, 'NOT_HTML');
  }
  const page: ParsedHtml = parseHtml(raw.content, { checkpoint });
  const t1 = performance.now();
  const meta: PageMeta = readMetadata(page, raw.source);
  const t2 = performance.now();
  checkpoint();
  computeStats(page.root);
  const chosen = chooseContainer(page.root);
  const t3 = performance.now();
  checkpoint();
  const builder = new TextBuilder();
  let method = 'html';
  if (chosen && stats(chosen.node).chars > 0) {
    emitBlocks(chosen.node, builder, { title: meta.title, byline: meta.byline, skip: chosen.skip });
    method = `html:${chosen.method}`;
  }
  let text = builder.text;
  if (meta.articleBody && meta.articleBody.length > 400 && bodyChars(builder) < 0.4 * meta.articleBody.length) {
    // The page's own JSON-LD body is far longer than what the markup gave: trust it (synthesized text, no map).
    const fresh = new TextBuilder();
    for (const para of meta.articleBody.split(/\s*\n\s*(?:\n\s*)*/)) {
      const p = para.replace(/\s+/g, ' ').trim();
      if (!p) continue;
      fresh.append(p);
      fresh.endBlock('paragraph');
    }
    return finish(raw, meta, fresh, 'json-ld', times, t0, t1, t2, t3);
  }
  if (!text.trim()) {
    throw new ExtractError(`${raw.source}: no article text found (${page.elementCount} elements, ${stats(page.root).chars} characters of text)`, 'NO_ARTICLE');
  }
  return finish(raw, meta, builder, method, times, t0, t1, t2, t3);
}

function bodyChars(b: TextBuilder): number {
  let n = 0;
  for (const bl of b.blocks) if (bl.kind !== 'caption') n += bl.end - bl.start;
  return n;
}

function finish(raw: RawDocument, meta: PageMeta, builder: TextBuilder, method: string, times: StageTimes | undefined,
  t0: number, t1: number, t2: number, t3: number): Article {
  const a = emptyArticle(raw.source, 'text/html', raw.encoding, method);
  applyMeta(a, meta);
  a.language = meta.language;
  a.description = meta.description;
  a.image = meta.image;
  const out = finishArticle(a, builder);
  if (times) {
    const t4 = performance.now();
    times.parse += t1 - t0;
    times.metadata += t2 - t1;
    times.score += t3 - t2;
    times.emit += t4 - t3;
  }
  return out;
}

/** The article's body text without caption blocks (what `retold extract` prints as `text`). */
export function bodyText(a: Pick<Article, 'text' | 'blocks'>): string {
  return a.blocks.filter((b) => b.kind !== 'caption').map((b) => a.text.slice(b.start, b.end)).join('\n\n');
}
