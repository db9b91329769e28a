import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/analyze/sentences.js';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';
import { repoRoot } from '../helpers.js';
import { articleFromText } from './article-fixture.js';

test('tokenizeArticle gives the same sentences as splitSentences, and exact token offsets', () => {
  for (const name of ['nypost-putin-backchannel.txt', 'unn-putin-signal.txt']) {
    const article = articleFromText(readFileSync(join(repoRoot(), 'examples', 'seed-story', name), 'utf8'));
    const tok = tokenizeArticle(article);
    assert.deepEqual(tok.sentences, splitSentences(article));
    for (const t of tok.tokens) assert.equal(article.text.slice(t.start, t.end), t.value);
    tok.sentenceTokens.forEach(([a, b], i) => {
      for (let k = a; k < b; k++) assert.equal(tok.tokens[k].sentence, i);
    });
  }
});

test('tokenizeArticle (one wink pass over the whole text) agrees with block-by-block sentences on random articles', async () => {
  const fc = (await import('fast-check')).default;
  const piece = fc.constantFrom('The minister said', ' "we will act."', ' It rained.', ' Dr. Smith left', '!', ' U.S. officials', '\n', ' 18%', ' — ', '“Yes,” she said.', ' (AP)', '...');
  const block = fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('').trim()).filter((s) => s.length > 0);
  fc.assert(fc.property(fc.array(fc.tuple(block, fc.boolean()), { minLength: 1, maxLength: 6 }), (blocks) => {
    const article = articleFromText(blocks.map(([b, cap]) => (cap ? '[caption] ' : '') + b).join('\n\n'));
    const tok = tokenizeArticle(article);
    assert.deepEqual(tok.sentences, splitSentences(article));
    for (const t of tok.tokens) {
      assert.equal(article.text.slice(t.start, t.end), t.value);
      const b = article.blocks[t.block];
      assert.ok(t.start >= b.start && t.end <= b.end, 'token inside its block');
    }
  }), { numRuns: 200 });
});

test('tokens of a text do not depend on the texts read before it (wink learns words; we forget them)', async () => {
  const { tokenize } = await import('../../src/analyze/nlp.js');
  const text = "Mrs. Clinton's tax plans were praised.";
  const before = tokenize(text).tokens.map((t) => t.value);
  assert.deepEqual(before.slice(0, 3), ['Mrs.', 'Clinton', "'s"]);
  // a bare wink instance would learn "Clinton's" as one word from this text and stop splitting it
  tokenize("It was Clinton's. It was Obama's, and Sanders's.");
  assert.deepEqual(tokenize(text).tokens.map((t) => t.value), before);
});

test('a sentence wink ends inside ("(D-Calif.) said", "…?” he asks") continues when the next starts lower-case on the same line', async () => {
  const { sentenceSpans } = await import('../../src/analyze/sentences.js');
  const text = 'Sen. Dianne Feinstein (D-Calif.) said the vote was close. “Why now?” he asks. Nobody knew.\nlower case line.';
  const spans = sentenceSpans(text).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(spans, ['Sen. Dianne Feinstein (D-Calif.) said the vote was close.', '“Why now?” he asks.', 'Nobody knew.', 'lower case line.']);
  const article = articleFromText(text.replace('\n', '\n\n'));
  assert.deepEqual(tokenizeArticle(article).sentences.map((s) => article.text.slice(s.start, s.end)), spans);
});

test('a sentence wink ends inside a parenthesis ("(R-S." + "C.) told") continues when the next one closes it', async () => {
  const { sentenceSpans } = await import('../../src/analyze/sentences.js');
  const text = '“It is bad,” Sen. Lindsey Graham (R-S.C.) told reporters. It was cold (very cold). Then it rained.';
  assert.deepEqual(sentenceSpans(text).map(([a, b]) => text.slice(a, b)), ['“It is bad,” Sen. Lindsey Graham (R-S.C.) told reporters.', 'It was cold (very cold).', 'Then it rained.']);
});

test('a sentence wink ends at "(D-Md.)" continues when the next one opens with a comma', async () => {
  const { sentenceSpans } = await import('../../src/analyze/sentences.js');
  const text = 'Rep. Elijah Cummings (D-Md.), the chair of the panel, said it was wrong. It rained.';
  assert.deepEqual(sentenceSpans(text).map(([a, b]) => text.slice(a, b)), ['Rep. Elijah Cummings (D-Md.), the chair of the panel, said it was wrong.', 'It rained.']);
});
