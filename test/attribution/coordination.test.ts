import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutCoordinatedVerbs } from '../../src/analyze/attribution/coordination.js';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';
import { articleFromText } from '../analyze/article-fixture.js';
import type { Attribution } from '../../src/model.js';

function cut(text: string, source: string, cue: string, content: string): string {
  const article = articleFromText(text);
  const at = (s: string) => {
    const i = article.text.indexOf(s);
    assert.ok(i >= 0, s);
    return { start: i, end: i + s.length, text: s };
  };
  const a: Attribution = { id: 'a', articleId: article.id, source: at(source), cue: at(cue), content: at(content), speakerId: null, quoteId: null, form: 'indirect' };
  const [out] = cutCoordinatedVerbs([a], tokenizeArticle(article).tokens, article.text);
  assert.equal(out.content.text, article.text.slice(out.content.start, out.content.end));
  return out.content.text;
}

test('a content stops before the source speaking again ("said X and warned Y") or before the second predicate of a verbless content', () => {
  assert.equal(
    cut('China said it was "resolutely opposed" to the test and warned North Korea to refrain from further actions.', 'China', 'said', 'it was "resolutely opposed" to the test and warned North Korea to refrain from further actions'),
    'it was "resolutely opposed" to the test',
  );
  assert.equal(cut('The governor has promised a veto, and attempted to make the case to both parties.', 'The governor', 'has promised', 'a veto, and attempted to make the case to both parties'), 'a veto');
});

test('the content keeps a verb coordinated with its own ("located her and escorted her out"; a reporting verb there is cut, a known miss: "located her and told her to leave"), words in quotation marks, and present-tense cues', () => {
  const kept = 'law enforcement located her and escorted her out';
  assert.equal(cut(`Figueroa said law enforcement located her and escorted her out.`, 'Figueroa', 'said', kept), kept);
  const quoted = 'the plan was "rushed and failed" badly';
  assert.equal(cut(`She said the plan was "rushed and failed" badly.`, 'She', 'said', quoted), quoted);
  const present = 'a veto and attempted to make the case';
  assert.equal(cut('The governor promises a veto and attempted to make the case.', 'The governor', 'promises', present), present);
});

test('property: a cut content is a non-empty prefix of the original', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('and', 'said', 'warned', 'the', 'plan', 'was', 'a', 'veto', ',', 'attempted', '"', 'it'), { minLength: 3, maxLength: 20 }), (words) => {
      const text = `Officials said ${words.join(' ')}.`;
      const article = articleFromText(text);
      const start = article.text.indexOf(words[0], 'Officials said'.length);
      const end = article.text.length - 1;
      if (start < 0 || end <= start) return;
      const a: Attribution = {
        id: 'a', articleId: article.id, source: { start: 0, end: 9, text: 'Officials' }, cue: { start: 10, end: 14, text: 'said' },
        content: { start, end, text: article.text.slice(start, end) }, speakerId: null, quoteId: null, form: 'indirect',
      };
      const [out] = cutCoordinatedVerbs([a], tokenizeArticle(article).tokens, article.text);
      assert.equal(out.content.start, start);
      assert.ok(out.content.end > out.content.start && out.content.end <= end);
      assert.equal(out.content.text, article.text.slice(out.content.start, out.content.end));
    }),
    { numRuns: 200 },
  );
});

test('a content stops before ", saying …" (the source\'s next statement), not inside quotation marks', () => {
  assert.equal(
    cut('The judge has rejected a media request to open the file, saying the courts have no business deciding it.', 'The judge', 'has rejected', 'a media request to open the file, saying the courts have no business deciding it'),
    'a media request to open the file',
  );
  const quoted = 'the campaign was "over, saying nothing new" by then';
  assert.equal(cut(`He says the campaign was "over, saying nothing new" by then.`, 'He', 'says', quoted), quoted);
});

test('thousands of "and said" inside one quoted content: linear time', () => {
  const inner = 'they planned it and said so, '.repeat(4000);
  const text = `Officials said the memo read "${inner}end" and nothing more.`;
  const article = articleFromText(text);
  const tokens = tokenizeArticle(article).tokens;
  const start = article.text.indexOf('the memo');
  const end = article.text.length - 1;
  const a: Attribution = {
    id: 'a', articleId: article.id, source: { start: 0, end: 9, text: 'Officials' }, cue: { start: 10, end: 14, text: 'said' },
    content: { start, end, text: article.text.slice(start, end) }, speakerId: null, quoteId: null, form: 'indirect',
  };
  const t0 = performance.now();
  const [out] = cutCoordinatedVerbs([a], tokens, article.text);
  const ms = performance.now() - t0;
  assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  assert.ok(out.content.end > article.text.indexOf('end"'), 'the quoted "and said" do not cut the content');
});
