import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/analyze/nlp.js';
import { classifyPhrase } from '../../src/analyze/speakers/classify.js';

const classify = (phrase: string) => classifyPhrase(tokenize(phrase).tokens, phrase);

test('a party and state in parentheses is no part of a name, and alone names no one (not an outlet)', () => {
  assert.equal(classify('Rep. Bobby Scott (D-Va.) at the time').name, 'Bobby Scott');
  assert.equal(classify('Rep. Elijah Cummings (D-Md.), the chair of the panel').name, 'Elijah Cummings');
  const bare = classify('(D-Newport News),');
  assert.equal(bare.kind, 'person');
  assert.equal(bare.name, null);
  assert.equal(bare.description, null);
});

test('names after an outlet\'s possessive, a party word or a title; a party noun closing a run is a description', () => {
  assert.equal(classify('CNN’s Tara Setmayer').name, 'Tara Setmayer');
  assert.equal(classify('House Intelligence Republican Mike Pompeo').name, 'Mike Pompeo');
  assert.equal(classify('his colleague David French').name, 'David French');
  assert.equal(classify('a New Hampshire Republican').name, null);
  assert.equal(classify('Stephanie Hooton of Derry, N.H.').name, 'Stephanie Hooton');
  assert.equal(classify('The ad, titled "Unifier?"').name, null);
});

test('a gendered word of a possessor gives the speaker no gender; the head\'s own word does', () => {
  assert.equal(classify('The man’s attorney, Lopa Blumenthal').gender, null);
  assert.equal(classify('his wife\'s lawyer').gender, null);
  assert.equal(classify('the woman\'s son').gender, 'm');
  assert.equal(classify('a ministry spokeswoman').gender, 'f');
});
