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
