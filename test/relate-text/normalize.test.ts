import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSentence, stem } from '../../src/relate/normalize.js';

test('normalisation: case, quotes, possessives, US/UK spelling, transliterations, numbers, irregular verbs', () => {
  const a = normalizeSentence('Kiev’s defence rumours: “Zelenskyy” took 18 per cent, U.S. officials said.');
  const b = normalizeSentence("Kyiv's defense rumors: \"Zelensky\" takes 18% , US officials say.");
  assert.deepEqual(a.content, b.content);
  assert.ok(a.content.includes('usa'));
  assert.ok(a.content.includes('%'));
  assert.deepEqual(normalizeSentence('two sources').content, normalizeSentence('2 sources').content);
});

test('stemmer: plurals and inflections collapse; numbers are left alone', () => {
  assert.equal(stem('negotiations'), stem('negotiation'));
  assert.equal(stem('abandoning'), stem('abandoned'));
  assert.equal(stem('organisation'), stem('organization'));
  assert.equal(stem('2024'), '2024');
});
