import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startsMidWord } from '../../src/analyze/attribution/index.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from '../analyze/article-fixture.js';
import { repoRoot } from '../helpers.js';

test('startsMidWord: inside a word or a domain, but not a contraction or a colon', () => {
  const t = 'attended by IraqiNews.com that; He’s claiming; Poll: Democrat; resaid';
  assert.equal(startsMidWord(t, t.indexOf('com that')), true);
  assert.equal(startsMidWord(t, t.indexOf('aid')), true);
  assert.equal(startsMidWord(t, t.indexOf('’s claiming')), false);
  assert.equal(startsMidWord(t, t.indexOf(': Democrat')), false);
  assert.equal(startsMidWord(t, t.indexOf('attended')), false);
  assert.equal(startsMidWord(t, 0), false);
});

test('a domain name is not an attribution cue (the model tags "IraqiNews.[com] that …")', () => {
  const path = join(repoRoot(), 'test', 'fixtures', 'stories', 'isis-chlorine-gas', 'fnc1-body-969.txt');
  const article = articleFromText(readFileSync(path, 'utf8'));
  const ann = analyzeArticle(article);
  assert.ok(ann.attributions.length > 0);
  for (const a of ann.attributions) assert.ok(!/^[\p{L}\p{N}]/u.test(a.cue.text) || !startsMidWord(article.text, a.cue.start), a.cue.text);
  assert.ok(!ann.attributions.some((a) => a.cue.text === 'com'));
});
