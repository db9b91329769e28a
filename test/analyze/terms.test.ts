import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';

const TEXT = [
  'Disney+ is stocked with movies and TV shows from Pixar Animation, “Star Wars,” Marvel Studios and classics such as “Mary Poppins” and “Bambi.”',
  'When the offending substance is feathers in a duvet, HP is called “feather duvet lung.” When it is feathers on a bird, the term often used is “bird fancier’s lung.” Trump mocked the so-called “Florida Man” again.',
  'The merger will create a “stronger” and “more viable” company, Reed said. A refugee said the claim was “absolutely not true.”',
  'Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’',
].join('\n\n');

test('quoted names, titles and terms are set apart from the quotes, with their spans and reasons', () => {
  const article = articleFromText(TEXT);
  const ann = analyzeArticle(article);
  const terms = ann.terms.map((t) => [t.text, t.reason]);
  assert.deepEqual(terms, [
    ['Star Wars,', 'title'],
    ['Mary Poppins', 'title'],
    ['Bambi.', 'title'],
    ['feather duvet lung.', 'named'],
    ['bird fancier’s lung.', 'named'],
    ['Florida Man', 'named'],
  ]);
  for (const t of ann.terms) assert.equal(article.text.slice(t.start, t.end), t.text);
  const quotes = ann.quotes.map((q) => q.text);
  // someone's words stay quotes: partial quotes with or without a speaker, and a title-cased headline's quote
  assert.deepEqual(quotes, ['stronger', 'more viable', 'absolutely not true.', 'Disgusting Fraud.']);
  // no quote and no term overlap
  for (const t of ann.terms) assert.ok(!ann.quotes.some((q) => q.start < t.end && t.start < q.end));
});

test('a passive "is called" is no speech cue, an active "called" still is', () => {
  const ann = analyzeArticle(articleFromText('The condition is called “hot tub lung.”\n\nSmith called the plan “a disaster,” and left.'));
  assert.deepEqual(ann.terms.map((t) => t.text), ['hot tub lung.']);
  const q = ann.quotes.find((x) => x.text.startsWith('a disaster'));
  assert.equal(q?.speaker, 'Smith');
});

test('titles: listed film titles, a title line and one capitalised word after a preposition are set apart', () => {
  const article = articleFromText('“Star Wars: The Force Awakens”\n\nThe studio wants an early date, the website reports, putting it up against releases such as “Avengers: Age of Ultron,” “Jurassic World” and “Ant-Man.”\n\nA 19-year-old revealed she was the baby on ‘Teletubbies’, according to E! Online.\n\n“Nooooo!” and “Yesssss!” the crowd shouted.');
  const ann = analyzeArticle(article);
  const terms = ann.terms.map((t) => t.text.replace(/[.,]$/, ''));
  for (const t of ['Star Wars: The Force Awakens', 'Avengers: Age of Ultron', 'Jurassic World', 'Ant-Man', 'Teletubbies']) assert.ok(terms.includes(t), `${t} in ${JSON.stringify(terms)}`);
  assert.deepEqual(ann.quotes.map((q) => q.text), ['Nooooo!', 'Yesssss!']);
});

test('terms named where they stand, headlines in marks, labels before a noun and scare quotes are no quotes', () => {
  const article = articleFromText([
    'The dean said the term “freshman” may put some students off, and the word “drop” was later changed.',
    'State television ran a documentary called “Leading the People Forward,” and a commentary titled “Those who spread rumors of a coup, is it so funny?”',
    'The “Great Leader,” as he is known, did not appear. A group calling itself “Sky News Ten” posted a video.',
    'The report “Space Agency Confirms Six Days of Darkness in December This Year” was published by a satirical site.',
    '“Star Wars: The Force Awakens” opens in December. While the “Meth. We’re on it.” campaign drew mockery, the “Starts with one” campaign did not.',
    'A scan showed a “ground glass” pattern in his lungs. The post had thousands of shares and “likes” by Saturday.',
  ].join('\n\n'));
  const ann = analyzeArticle(article);
  const terms = ann.terms.map((t) => [t.text.replace(/[.,]$/, ''), t.reason]);
  assert.deepEqual(terms, [
    ['freshman', 'named'],
    ['drop', 'named'],
    ['Leading the People Forward', 'named'],
    ['Those who spread rumors of a coup, is it so funny?', 'named'],
    ['Great Leader', 'named'],
    ['Sky News Ten', 'named'],
    ['Space Agency Confirms Six Days of Darkness in December This Year', 'title'],
    ['Star Wars: The Force Awakens', 'title'],
    ['Meth. We’re on it', 'named'],
    ['Starts with one', 'named'],
    ['ground glass', 'named'],
    ['likes', 'scare'],
  ]);
  for (const t of ann.terms) assert.equal(article.text.slice(t.start, t.end), t.text);
  assert.deepEqual(ann.quotes, []);
});

test('someone’s words stay quotes: a word they chose, one word beside their longer words, a headline’s word', () => {
  const ann = analyzeArticle(articleFromText([
    'The charges, which his lawyer called “a witch hunt,” were dropped.',
    'The minister warned of a “catastrophic” outcome if talks failed.',
    'The merger will create a “stronger” and “more viable” print and digital company “with deep local roots.” That is the view of Michael Reed.',
    'Obama on Climate Change: The Trends Are ‘Terrifying.’',
  ].join('\n\n')));
  assert.deepEqual(ann.terms, []);
  assert.deepEqual(ann.quotes.map((q) => q.text), ['a witch hunt,', 'catastrophic', 'stronger', 'more viable', 'with deep local roots.', 'Terrifying.']);
});

test('thousands of quoted words in one paragraph: terms and scare quotes in linear time', () => {
  const make = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'and “likes” matter, ' : 'The plan is a “Good Idea” here, ')).join('');
  const time = (n: number): number => {
    const article = articleFromText(make(n));
    const t0 = process.hrtime.bigint();
    const ann = analyzeArticle(article, { attributions: 'rules' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(ann.terms.length + ann.quotes.length, n);
    return ms;
  };
  time(200);
  const t1 = Math.min(time(1000), time(1000));
  const t4 = Math.min(time(4000), time(4000));
  // linear: 4x the quotes should cost about 4x; quadratic would be 16x
  assert.ok(t4 < t1 * 8 + 50, `1k: ${t1.toFixed(0)} ms, 4k: ${t4.toFixed(0)} ms`);
});
