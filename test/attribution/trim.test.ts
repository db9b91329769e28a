import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { trimAttributionSpaces, trimSpan } from '../../src/analyze/attribution/trim.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { Attribution } from '../../src/model.js';
import { articleFromText } from '../analyze/article-fixture.js';

const span = (text: string, start: number, end: number) => ({ start, end, text: text.slice(start, end) });

test('trimSpan drops white space at the edges (a line break, a no-break space) and keeps text equal to the slice', () => {
  const text = 'It rose.\u00a0\nThe committee spent money, according to the center. ';
  const s = trimSpan(span(text, 8, 40), text);
  assert.equal(s.start, 10);
  assert.equal(s.text, text.slice(s.start, s.end));
  assert.match(s.text, /^The committee/);
  // nothing to trim, or nothing but space: the same object
  const whole = span(text, 10, 20);
  assert.equal(trimSpan(whole, text), whole);
  const blank = span(text, 8, 10);
  assert.equal(trimSpan(blank, text), blank);
});

test('trimSpan: property — inside the span, text equals the slice, no space at the edges unless all space', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\u00a0', '\t', '“', '.'), { maxLength: 30 }), fc.nat(), fc.nat(), (chars, x, y) => {
      const text = chars.join('');
      const a = text.length ? x % (text.length + 1) : 0;
      const b = text.length ? y % (text.length + 1) : 0;
      const s = trimSpan(span(text, Math.min(a, b), Math.max(a, b)), text);
      assert.ok(Math.min(a, b) <= s.start && s.start <= s.end && s.end <= Math.max(a, b));
      assert.equal(s.text, text.slice(s.start, s.end));
      if (/\S/.test(s.text)) assert.ok(!/^\s|\s$/.test(s.text));
    }),
    { numRuns: 300 },
  );
});

test('trimAttributionSpaces keeps relations with nothing to trim as they are', () => {
  const text = 'Officials said \u00a0\nthe plan failed.';
  const a: Attribution = {
    id: 'r1', articleId: 'a', source: span(text, 0, 9), cue: span(text, 10, 14), content: span(text, 14, 33),
    speakerId: null, quoteId: null, form: 'indirect',
  };
  const [t] = trimAttributionSpaces([a], text);
  assert.equal(t.content.text, 'the plan failed.');
  assert.equal(t.source, a.source);
  const [same] = trimAttributionSpaces([t], text);
  assert.equal(same, t);
});

test('no relation of an analysed article starts or ends on white space (no-break spaces before line breaks)', () => {
  const text =
    'The Brennan Center said spending reached nearly $2 million.\u00a0\n' +
    'The Greater Wisconsin Committee, which supported Kloppenburg, spent at least\u00a0$345,430 on TV ads, according to the Brennan Center.\u00a0\n' +
    'Scot Ross said the numbers were even more dramatic.\u00a0\n';
  const article = articleFromText(text);
  for (const r of analyzeArticle(article).attributions) {
    for (const s of [r.source, r.cue, r.content]) if (s) assert.ok(!/^\s|\s$/.test(s.text), `span ${JSON.stringify(s.text)}`);
  }
});
