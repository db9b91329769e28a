import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';
import { findQuotes, quotedPredicate } from '../../src/analyze/quotes/index.js';
import { collectNames } from '../../src/analyze/speakers/names.js';
import { personMentions, pronounGenders, subjectMentions } from '../../src/analyze/speakers/mentions.js';
import { articleFromText } from './article-fixture.js';

function read(text: string) {
  const article = articleFromText(text);
  const tok = tokenizeArticle(article);
  const quoted = quotedPredicate(findQuotes(article, tok), article.text);
  const mentions = personMentions(collectNames(tok.tokens, article.text), tok.tokens, article.text);
  return { article, mentions, genders: pronounGenders(mentions, tok.tokens, quoted) };
}

test('person mentions: a surname alone after the full name is a mention of that person', () => {
  const { article, mentions } = read('Jack Buser, director for games at Google, spoke first. The key, says Buser, is the network. A buser is no name.');
  assert.deepEqual(
    mentions.map((m) => [m.name, article.text.slice(m.start, m.end)]),
    [
      ['Jack Buser', 'Jack Buser'],
      ['Jack Buser', 'Buser'],
    ],
  );
});

test('pronoun genders: the subject taken up by the next sentence or after a verb', () => {
  const { genders } = read('Scooter Braun bought the label. He has consistently denied being unfair.\n\nLewis Ward said she was wrong about it.');
  assert.equal(genders.get('Scooter Braun'), 'm');
  assert.equal(genders.get('Lewis Ward'), 'f');
});

test('pronoun genders: not from a name that is no subject, nor from pronouns inside quotes', () => {
  const { genders } = read('The deal went to Scooter Braun. He said nothing.\n\nMary Jones spoke. "He is right," Mary Jones said.');
  assert.equal(genders.has('Scooter Braun'), false);
  assert.equal(genders.has('Mary Jones'), false);
});

test('pronoun genders: conflicting pronouns give no gender', () => {
  const { genders } = read('Alex Kim arrived. He sat down.\n\nAlex Kim left. She waved.');
  assert.equal(genders.has('Alex Kim'), false);
});

test('subject mentions: a sentence subject or a speech verb’s, not an object or a name after a preposition', () => {
  const article = articleFromText('Jack Buser spoke. Trump attacked Buser on Monday. Buser, however, is counting on it.\n\nWhile the lineup is light, Buser says more will come. According to Buser, it works.');
  const tok = tokenizeArticle(article);
  const quoted = quotedPredicate(findQuotes(article, tok), article.text);
  const mentions = personMentions(collectNames(tok.tokens, article.text), tok.tokens, article.text);
  const subjects = subjectMentions(mentions, tok.tokens, quoted);
  const at = (m: { start: number }) => article.text.slice(m.start - 12, m.start).trim();
  assert.equal(mentions.length, 5);
  // "Jack Buser spoke", "Buser, however", "…, Buser says" — not "attacked Buser" nor "According to Buser"
  assert.deepEqual(subjects.map((m) => m.start), [mentions[0].start, mentions[2].start, mentions[3].start], subjects.map(at).join(' | '));
});
