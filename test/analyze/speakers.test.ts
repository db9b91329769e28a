import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';

test('speaker mentions: full name and surname, but not a surname inside another name', () => {
  const article = articleFromText('“It is a game,” said Fiona Hill.\n\nOn Capitol Hill, Hill Street residents met. Hill later added nothing. Ms. Hill left.');
  const ann = analyzeArticle(article);
  assert.equal(ann.speakers.length, 1);
  const mentions = ann.speakers[0].mentions.map((m) => article.text.slice(m.start - 4, m.end));
  assert.deepEqual(mentions, ['aid Fiona Hill', 'et. Hill', 'Ms. Hill']);
  for (const m of ann.speakers[0].mentions) assert.equal(m.text, article.text.slice(m.start, m.end));
});

test('speaker ids follow the order of first mention and are deterministic', () => {
  const text = '“A,” said Anna Kovalenko.\n\n“B,” said Petro Marchenko.\n\n“C,” Kovalenko added.';
  const a1 = analyzeArticle(articleFromText(text));
  const a2 = analyzeArticle(articleFromText(text));
  assert.deepEqual(a1, a2);
  assert.deepEqual(a1.speakers.map((s) => s.names[0]), ['Anna Kovalenko', 'Petro Marchenko']);
  assert.equal(a1.quotes[2].speakerId, a1.speakers[0].id);
});
