import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Article } from '../../src/model.js';
import { extractFromHtml } from '../../src/extract/html/index.js';
import { fixturePath, readFixture, sharedPath } from '../helpers.js';
import { loadFixtures, rawHtml } from './util.js';

type Gold = Record<string, string | string[] | null | unknown>;
const FIELDS = ['title', 'byline', 'published', 'outlet'] as const;

function norm(s: string | null | undefined): string {
  return (s ?? '').normalize('NFC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.,;:]+$/, '').trim();
}

function value(a: Article, field: string): string | null {
  if (field === 'published') return a.publishedAt ? a.publishedAt.slice(0, 10) : null;
  return (a as unknown as Record<string, string | null>)[field] ?? null;
}

function matches(got: string | null, want: unknown): boolean {
  const options = Array.isArray(want) ? want : [want];
  return options.some((w) => (w === null ? got === null : norm(got) === norm(String(w))));
}

/** Per-field accuracy of `pages` against gold; prints it (the lead reads test output). */
function accuracy(pages: { id: string; article: Article | null; gold: Gold }[]): Record<string, { right: number; total: number }> {
  const acc: Record<string, { right: number; total: number }> = {};
  for (const f of FIELDS) acc[f] = { right: 0, total: 0 };
  for (const p of pages) {
    for (const f of FIELDS) {
      if (!(f in p.gold)) continue;
      acc[f].total++;
      if (p.article && matches(value(p.article, f), p.gold[f])) acc[f].right++;
      else if (process.env.RETOLD_DEBUG) console.log(`  miss ${p.id} ${f}: got ${p.article && value(p.article, f)} want ${JSON.stringify(p.gold[f])}`);
    }
  }
  return acc;
}

test('metadata of the committed fixtures matches expected.json exactly', () => {
  for (const f of loadFixtures()) {
    if (!f.expected) continue;
    const a = extractFromHtml(f.raw);
    for (const [k, want] of Object.entries(f.expected)) {
      if (k === 'captions' || k === 'blockKinds') continue;
      const got = k === 'encoding' ? f.raw.encoding : (a as unknown as Record<string, unknown>)[k];
      assert.deepEqual(got, want, `${f.slug}.${k}`);
    }
  }
});

test('metadata shapes: JSON-LD graph, Open Graph, microdata, <time>, bylines in text', () => {
  const graph = extractFromHtml(rawHtml(`<html><head><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [{ '@type': 'WebSite', name: 'Daily Example' }, { '@type': 'NewsArticle', headline: 'Graph headline', datePublished: '2021-06-01T08:00:00Z', author: { '@type': 'Person', name: 'Ana Silva' }, publisher: { name: 'Daily Example' } }],
  })}</script></head><body><article><p>The body of the article says something long enough to be kept by the extractor, with commas, too.</p></article></body></html>`));
  assert.equal(graph.title, 'Graph headline');
  assert.equal(graph.byline, 'Ana Silva');
  assert.equal(graph.publishedAt, '2021-06-01T08:00:00.000Z');
  assert.equal(graph.outlet, 'Daily Example');

  const inText = extractFromHtml(rawHtml('<html><head><title>Storm hits coast | Coast Times</title></head><body><article><h1>Storm hits coast</h1>' +
    '<div class="byline">By Jane Q. Doe</div><time datetime="2020-02-03T10:00:00-05:00">Feb 3</time>' +
    '<p>A powerful storm hit the coast on Monday, knocking out power to thousands of homes, officials said.</p></article></body></html>'));
  assert.equal(inText.title, 'Storm hits coast');
  assert.equal(inText.byline, 'Jane Q. Doe');
  assert.equal(inText.publishedAt, '2020-02-03T15:00:00.000Z');
  assert.equal(inText.outlet, 'Coast Times');
  assert.ok(!inText.text.includes('Jane Q. Doe'));

  const escaped = extractFromHtml(rawHtml('<html><head><meta property="og:title" content="Fish &amp;amp; Chips &amp;#8211; a history">' +
    '<meta property="og:url" content="https://ex.example/a?utm_source=x&amp;id=7#top"></head><body><p>Some text of the article that is long enough, with commas, to be kept.</p></body></html>'));
  assert.equal(escaped.title, 'Fish & Chips – a history');
  assert.equal(escaped.url, 'https://ex.example/a?id=7');
});

test('metadata gold set on aeb-dev pages: per-field accuracy', { skip: sharedPath('bench', 'aeb-dev') === null ? 'no ../shared' : false }, () => {
  const dir = sharedPath('bench', 'aeb-dev')!;
  const gold = JSON.parse(readFixture('extract-html', 'metadata-gold-aeb.json')) as { pages: Record<string, Gold> };
  const files = readdirSync(join(dir, 'html'));
  const pages = Object.entries(gold.pages).map(([prefix, g]) => {
    const file = files.find((f) => f.startsWith(prefix))!;
    const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
    let article: Article | null = null;
    try { article = extractFromHtml(rawHtml(html, file)); } catch { /* counted as misses */ }
    return { id: prefix, article, gold: g };
  });
  const acc = accuracy(pages);
  const line = FIELDS.map((f) => `${f} ${acc[f].right}/${acc[f].total}`).join(', ');
  console.log(`metadata accuracy on ${pages.length} aeb-dev pages: ${line}`);
  // Floors: raise them, never lower.
  assert.ok(acc.title.right / acc.title.total >= 0.95, line);
  assert.ok(acc.byline.right / acc.byline.total >= 0.7, line);
  assert.ok(acc.published.right / acc.published.total >= 0.85, line);
  assert.ok(acc.outlet.right / acc.outlet.total >= 0.6, line);
  void fixturePath;
});
