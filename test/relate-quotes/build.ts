import { emptyArticle, finishArticle, TextBuilder } from '../../src/extract/builder.js';
import { splitSentences } from '../../src/analyze/sentences.js';
import type { Article, Evidence, Quote, QuoteKind, Sentence, Speaker, SpeakerKind } from '../../src/model.js';

/** Build an article from paragraphs (blocks joined by a blank line). */
export function article(source: string, paragraphs: string[], meta: Partial<Article> = {}): Article {
  const b = new TextBuilder();
  for (const p of paragraphs) {
    b.append(p);
    b.endBlock('paragraph');
  }
  const a = finishArticle(emptyArticle(source, 'text/plain', 'utf-8', 'test'), b);
  return Object.assign(a, meta);
}

/** Offsets of the `nth` occurrence of `needle` in `a.text`; throws when absent (tests must fail loudly). */
export function locate(a: Article, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = a.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in ${a.source}`);
  }
  return { start: at, end: at + needle.length };
}

export interface QuoteSpec {
  text: string;
  speaker?: string | null;
  speakerId?: string | null;
  verb?: string | null;
  kind?: QuoteKind;
  nth?: number;
}

/** Quotes located by substring, numbered in order. */
export function quotes(a: Article, specs: QuoteSpec[]): Quote[] {
  return specs.map((s, i) => {
    const span = locate(a, s.text, s.nth ?? 0);
    const speakerSpan = s.speaker ? locate(a, s.speaker) : null;
    const verbSpan = s.verb ? locate(a, s.verb) : null;
    return {
      id: `${a.id}:q${i + 1}`,
      articleId: a.id,
      start: span.start,
      end: span.end,
      text: s.text,
      kind: s.kind ?? 'direct',
      speaker: s.speaker ?? null,
      speakerSpan,
      speakerId: s.speakerId ?? null,
      verb: s.verb ?? null,
      verbSpan,
    };
  });
}

export interface SpeakerSpec {
  id: string;
  kind?: SpeakerKind;
  names?: string[];
  descriptions?: string[];
  mentions?: string[];
}

/** An article-level speaker whose mentions are located by substring. */
export function speaker(a: Article, s: SpeakerSpec): Speaker {
  const mentions: Evidence[] = (s.mentions ?? []).map((m) => ({ articleId: a.id, ...locate(a, m), text: m }));
  return {
    id: s.id,
    kind: s.kind ?? (s.names && s.names.length ? 'person' : 'anonymous'),
    names: s.names ?? [],
    descriptions: s.descriptions ?? [],
    mentions,
  };
}

export function sentencesOf(...arts: Article[]): Sentence[] {
  return arts.flatMap((a) => splitSentences(a));
}
