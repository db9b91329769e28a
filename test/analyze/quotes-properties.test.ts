import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analyze/index.js';
import { pairBlock, quoteEnd, quoteStart, scanMarks } from '../../src/analyze/quotes/marks.js';
import type { Article, ArticleAnnotations } from '../../src/model.js';
import { articleFromText } from './article-fixture.js';
import { pairingTimes } from './pairing-time.js';

function checkSpans(article: Article, ann: ArticleAnnotations): void {
  const n = article.text.length;
  const inRange = (s: { start: number; end: number }, what: string) =>
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, `${what} [${s.start},${s.end}) out of range ${n}`);
  for (const q of ann.quotes) {
    inRange(q, 'quote');
    assert.equal(q.text, article.text.slice(q.start, q.end));
    if (q.speakerSpan) {
      inRange(q.speakerSpan, 'speaker');
      assert.equal(q.speaker, article.text.slice(q.speakerSpan.start, q.speakerSpan.end));
    }
    if (q.verbSpan) inRange(q.verbSpan, 'verb');
    if (q.speakerId) assert.ok(ann.speakers.some((s) => s.id === q.speakerId));
  }
  // quoted terms: spans of the text, never overlapping a quote
  for (const t of ann.terms) {
    inRange(t, 'term');
    assert.equal(t.text, article.text.slice(t.start, t.end));
    assert.ok(!ann.quotes.some((q) => q.start < t.end && t.start < q.end), `term [${t.start},${t.end}) overlaps a quote`);
  }
  for (const s of ann.speakers) for (const m of s.mentions) {
    inRange(m, 'mention');
    assert.equal(m.text, article.text.slice(m.start, m.end));
  }
  for (const c of ann.citations) {
    inRange(c, 'citation');
    inRange(c.sourceSpan, 'citation source');
  }
  for (const r of ann.attributions) {
    for (const sp of [r.cue, r.content, ...(r.source ? [r.source] : [])]) {
      inRange(sp, 'attribution');
      assert.equal(sp.text, article.text.slice(sp.start, sp.end));
    }
  }
}

const piece = fc.constantFrom(
  '"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', "'", "''", '``', '\u2019', ' ', ', ', '. ', '\n\n', ': ',
  'he said', 'she told Reuters', 'according to two people familiar with the matter', 'citing Bloomberg',
  'Kremlin spokesman Dmitry Peskov said', 'the spokesman added', 'We will win', 'officials', 'שלום', 'مرحبا', '日本語',
  'x', 'A', '—', '[caption] ', 'the so-called ', 'Star Wars', 'is called ', 'In the words of the patient: ', 'The 56-year-old said',
  '’’', '‘‘', 'Ken Doctor says', 'Will Moy told', 'Twitter said',
  // speaker phrases with a title in marks, first names, pronoun chains, ages, passives of belief
  'Leigh-Anne Royster, the school’s ', 'Inclusive Community Director', 'For Matsekh, one thing is certain', 'Miss Tan decided',
  'So she ', 'Thomas interrupts', 'Somers, 33, says', ', believed to be ', 'Josh said',
  // short terms, sites and their writings, reports quoting someone, participles, single-line paragraphs
  'hot tub lung', 'Huzlers.com', 'the false report said', 'AFP reported Shekau as saying', 'quoted a senior official as saying',
  'The brothers, caught on tape, shouted', 'Hastily politicizing it ― Trump cast', 'The Ohio governor said',
  ', a spokesman for Archbishop Sean P. O’Malley says', '\n',
);

test('random text with quote marks: no crash, spans in range, text equals slice', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const article = articleFromText(text);
      if (!article.text) return;
      const ann = analyzeArticle(article);
      checkSpans(article, ann);
    }),
    { numRuns: 300 },
  );
});

test('arbitrary unicode strings: no crash', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      const article = articleFromText(s);
      if (!article.text) return;
      checkSpans(article, analyzeArticle(article));
    }),
    { numRuns: 200 },
  );
});

test('pairing: segments are ordered, disjoint and inside the block', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const segs = pairBlock(text, 0, text.length, 0);
      let last = -1;
      for (const s of segs) {
        assert.ok(s.open > last);
        // one-character marks, or a doubled ASCII mark ('' ``) whose both characters stay outside the quote
        assert.ok(s.start === quoteStart(text, s.open) && s.start - s.open <= 2 && s.end <= text.length && s.start <= s.end + 1);
        if (s.close >= 0) assert.ok(s.close >= s.end && s.end === quoteEnd(text, s.close) && s.close - s.end <= 1);
        last = s.close >= 0 ? s.close : text.length;
      }
    }),
    { numRuns: 300 },
  );
});

test('10,000 quote marks in one paragraph: linear time', () => {
  const make = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '“a ' : i % 3 === 1 ? '"b" ' : 'c” ')).join('');
  const { t10, t40 } = pairingTimes(make);
  assert.ok(t40 < t10 * 10 + 30, `pairing 40k marks took ${t40} ms vs ${t10} ms for 10k: not linear`);
  // whole pipeline on 10,000 marks stays bounded
  const article = articleFromText('He said ' + '"'.repeat(10000) + ' end.');
  const t0 = Date.now();
  checkSpans(article, analyzeArticle(article));
  assert.ok(Date.now() - t0 < 5000, 'analyzeArticle on 10,000 marks took too long');
});

test('a quote spanning the whole article and text without punctuation', () => {
  const paras = Array.from({ length: 50 }, (_, i) => `“paragraph ${i} of a long unbroken statement`);
  const article = articleFromText(paras.join('\n\n'));
  const ann = analyzeArticle(article);
  checkSpans(article, ann);
  assert.equal(ann.quotes.length, 1);
  assert.equal(ann.quotes[0].kind, 'multi-paragraph');
  const flat = articleFromText('he said we will win and they said nothing at all and the officials told Reuters nothing');
  checkSpans(flat, analyzeArticle(flat));
});

test('scanMarks: roles from context', () => {
  const roles = scanMarks('He said "yes" and “no”.').map((m) => m.role);
  assert.deepEqual(roles, ['open', 'close', 'open', 'close']);
});

test('adversarial run-on paragraphs: analysis time grows linearly', () => {
  const names = ['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas'];
  const make = (n: number) => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`“word ${i},” ${i % 3 === 0 ? 'he' : 'Mr ' + names[i % 8] + String.fromCharCode(65 + (i % 26))} said and `);
    return parts.join('');
  };
  const time = (n: number) => {
    const article = articleFromText(make(n));
    const t0 = process.hrtime.bigint();
    const ann = analyzeArticle(article);
    assert.ok(ann.quotes.length >= n * 0.9);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(300);
  const t1 = Math.min(time(1000), time(1000));
  const t4 = Math.min(time(4000), time(4000));
  assert.ok(t4 < t1 * 10 + 200, `4,000 quotes took ${t4.toFixed(0)} ms vs ${t1.toFixed(0)} ms for 1,000: super-linear`);
});
