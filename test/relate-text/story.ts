import { readdirSync } from 'node:fs';
import type { Article, Sentence } from '../../src/model.js';
import { fixturePath, readFixture } from '../helpers.js';
import { makeArticle } from '../analyze-numbers/make-article.js';
import { findHedges } from '../../src/analyze/hedges.js';
import { findNumbers } from '../../src/analyze/numbers.js';
import { alignSentences } from '../../src/relate/alignment.js';
import { findTextFindings } from '../../src/relate/text-findings.js';

export interface Story {
  articles: Article[];
  sentences: Sentence[][];
  files: string[];
}

/** Load a story fixture folder (files in name order). */
export function loadStory(slug: string, meta: Record<string, Partial<Article>> = {}): Story {
  const files = readdirSync(fixturePath('stories', slug)).filter((f) => f.endsWith('.txt')).sort();
  const built = files.map((f) => makeArticle(readFixture('stories', slug, f), `${slug}/${f}`, meta[f] ?? {}));
  return { articles: built.map((b) => b.article), sentences: built.map((b) => b.sentences), files };
}

/** Build a story from inline texts. */
export function inlineStory(texts: string[], meta: Array<Partial<Article>> = []): Story {
  const built = texts.map((t, i) => makeArticle(t, `inline-${i}.txt`, meta[i] ?? {}));
  return { articles: built.map((b) => b.article), sentences: built.map((b) => b.sentences), files: texts.map((_, i) => `inline-${i}.txt`) };
}

/** Run numbers, hedges, alignment and text findings on a story (no attributions/citations). */
export function analyzeStory(story: Story) {
  const alignment = alignSentences(story.articles, story.sentences);
  const hedges = story.articles.map((a, i) => findHedges(a, story.sentences[i]));
  const numbers = story.articles.map((a, i) => findNumbers(a, story.sentences[i]));
  const findings = findTextFindings({ articles: story.articles, sentences: story.sentences, alignment, hedges, numbers,
    attributions: [], citations: [] });
  return { alignment, hedges, numbers, findings };
}

/** Index of the sentence of article `art` containing `needle`. */
export function sentenceWith(story: Story, art: number, needle: string): number {
  const a = story.articles[art];
  const k = story.sentences[art].findIndex((s) => a.text.slice(s.start, s.end).includes(needle));
  if (k < 0) throw new Error(`no sentence with ${JSON.stringify(needle)} in ${story.files[art]}`);
  return k;
}
