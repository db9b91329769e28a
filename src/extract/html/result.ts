import type { Article, InputError } from '../../model.js';
import { ExtractError } from '../errors.js';

/** One line of `retold extract` output. */
export interface ExtractResult {
  source: string;
  title?: string | null;
  /** Article body: paragraphs separated by a blank line (captions excluded; see `captions`). */
  text?: string;
  byline?: string | null;
  publishedAt?: string | null;
  modifiedAt?: string | null;
  url?: string | null;
  outlet?: string | null;
  language?: string | null;
  description?: string | null;
  image?: string | null;
  section?: string | null;
  captions?: { text: string; credit: string | null }[];
  encoding?: string;
  method?: string;
  /** Why nothing could be extracted. */
  error?: { code: string; message: string; stage: string };
}

export function articleResult(a: Article): ExtractResult {
  const body = a.blocks.filter((b) => b.kind !== 'caption').map((b) => a.text.slice(b.start, b.end)).join('\n\n');
  return {
    source: a.source,
    title: a.title,
    text: body,
    byline: a.byline,
    publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt,
    url: a.url,
    outlet: a.outlet,
    language: a.language,
    description: a.description,
    image: a.image,
    section: a.section,
    captions: a.captions.map((c) => ({ text: a.text.slice(c.start, c.end), credit: c.credit })),
    encoding: a.extraction.encoding,
    method: a.extraction.method,
  };
}

export function errorResult(source: string, e: unknown): ExtractResult {
  if (e instanceof ExtractError) return { source, error: { code: e.code, message: stripSource(source, e.message), stage: 'extract' } };
  const err = e as Partial<InputError> & { message?: string };
  if (err && typeof err === 'object' && 'stage' in err && err.code) {
    return { source, error: { code: err.code, message: stripSource(source, err.message ?? ''), stage: String(err.stage) } };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { source, error: { code: 'EXTRACT_FAILED', message: `extraction failed: ${message.split('\n')[0]}`, stage: 'extract' } };
}

function stripSource(source: string, message: string): string {
  return message.startsWith(source + ': ') ? message.slice(source.length + 2) : message;
}
