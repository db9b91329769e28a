import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';

test('quotes signed with a dash: the name after the dash speaks, the dash is the cue', () => {
  const article = articleFromText(
    'Readers wrote to us.\n\n' +
      '“He is ignorant of our culture and lives.” ― Pamela Padilla\n' +
      '“I cannot believe it.”\u00a0― Jacklyn A. Ashley\u00a0\n' +
      '“We will vote in November,” — Carla Sanchez, 45, of Texas\n\n' +
      '“Prices are up.” — and that is all anyone remembers.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const speakerOf = (start: string) => ann.quotes.find((q) => q.text.startsWith(start));
  assert.equal(speakerOf('He is ignorant')?.speaker, 'Pamela Padilla');
  assert.equal(speakerOf('He is ignorant')?.verb, '―');
  assert.equal(speakerOf('I cannot believe')?.speaker, 'Jacklyn A. Ashley');
  assert.equal(speakerOf('We will vote')?.speaker, 'Carla Sanchez');
  assert.equal(speakerOf('Prices are up')?.speaker, null, 'a dash before a clause is no signature');
  const ids = new Set(ann.quotes.slice(0, 3).map((q) => q.speakerId));
  assert.equal(ids.size, 3, 'three different people');
  assert.ok(!ids.has(null));
});
