import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';

test('participle cues: after a comma, the subject of the main verb, not the object of a preposition; a subordinator is no subject; nor a document', () => {
  const article = articleFromText(
    'Hillary Clinton spoke out Tuesday about the death of a man in Tulsa, Oklahoma, arguing that such killings should be seen as “intolerable.”\n\n' +
      'After saying her right foot was “so swollen I could barely get my shoe on,” the senator left early.\n\n' +
      'After a late meeting, the Security Council issued a statement calling the test "a clear violation" of its resolutions.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const speaker = (start: string) => ann.quotes.find((q) => q.text.startsWith(start))?.speaker;
  assert.equal(speaker('intolerable'), 'Hillary Clinton');
  assert.notEqual(speaker('so swollen'), 'After');
  assert.equal(speaker('a clear violation'), 'the Security Council', 'a document is not the speaker');
});
