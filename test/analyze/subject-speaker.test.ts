import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { ArticleAnnotations } from '../../src/model.js';
import { articleFromText } from './article-fixture.js';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';
import { findQuotesAndTerms } from '../../src/analyze/quotes/index.js';
import { creditSentenceSubjects } from '../../src/analyze/speakers/subject.js';

function speakerOf(ann: ArticleAnnotations, quoteStart: string): { phrase: string | null; name: string | undefined } {
  const quote = ann.quotes.find((q) => q.text.startsWith(quoteStart));
  assert.ok(quote, `no quote starting ${quoteStart}`);
  const sp = ann.speakers.find((s) => s.id === quote.speakerId);
  return { phrase: quote.speaker, name: sp?.names[0] ?? sp?.descriptions[0] };
}

test('a partial quote after a characterising verb goes to the sentence subject, past an opening adverbial', () => {
  const text =
    'Harry Reid, the Senate Democratic leader, spoke on Monday.\n\n' +
    'In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country” and a “spoiled brat.”\n\n' +
    'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution" in a filing.';
  const ann = analyzeArticle(articleFromText(text));
  assert.deepEqual(speakerOf(ann, 'human leech'), { phrase: 'Reid', name: 'Harry Reid' });
  assert.equal(speakerOf(ann, 'spoiled brat').name, 'Harry Reid');
  assert.match(speakerOf(ann, 'burning the').phrase ?? '', /^Another critic, Laurence H. Tribe,?$/);
  assert.equal(speakerOf(ann, 'burning the').name, 'Laurence H. Tribe');
});

test('"the phrase …" credits the subject; a relative clause is cut off the speaker phrase', () => {
  const text = 'Trump has used the phrase “Islamic terrorism” for years.\n\nGlenn Beck, who has in the past described Trump as “a pathological narcissistic sociopath,” endorsed Cruz.';
  const ann = analyzeArticle(articleFromText(text));
  assert.equal(speakerOf(ann, 'Islamic terrorism').phrase, 'Trump');
  assert.equal(speakerOf(ann, 'a pathological').phrase, 'Glenn Beck');
});

test('no subject credit for titles, names, non-characterising verbs, subjects that are no speakers', () => {
  const text =
    'The Post sent its “national enterprise reporter” to Pennsylvania.\n\n' +
    "Mr. Bush is not the first member of his family to land a job on ''Today.''\n\n" +
    'Lester Holt hosted a debate on NBC, the network of "Nightly News."\n\n' +
    'The bill would give the agency “unprecedented power” over banks.\n\n' +
    'Marcel Lazar, known online as "Guccifer," was sentenced.';
  // the rule alone (the learned tagger may still read "The Post sent [its …]" as a relation)
  const article = articleFromText(text);
  const tok = tokenizeArticle(article);
  // (the show titles and the name set apart as terms: quotes/terms.ts)
  const { drafts, terms } = findQuotesAndTerms(article, tok);
  assert.deepEqual(terms.map((t) => t.text), ['Today.', 'Nightly News.', 'Guccifer,']);
  assert.equal(drafts.length, 2);
  assert.deepEqual([...creditSentenceSubjects(drafts, tok, article.text)], []);
  assert.deepEqual(drafts.map((d) => d.quote.speaker), [null, null]);
});

test('a quote the rules already attribute keeps its speaker', () => {
  const text = 'Sen. Ted Cruz of Texas spoke in Houston.\n\n“We will win,” Cruz said, and he exhorted Republicans to "vote your conscience."';
  const ann = analyzeArticle(articleFromText(text));
  assert.equal(speakerOf(ann, 'We will win').name, 'Ted Cruz');
  assert.equal(speakerOf(ann, 'vote your').name, 'Ted Cruz');
});

test('a quotation opening its sentence goes to the subject of the sentence before it when that subject chose the words', () => {
  const text =
    'He runs a nursing home business. His former business partner at Lenox, Lawrence B. Cummings, called him a master at bolting together business deals. "He showed again and again an ability to put together deals."\n\n' +
    'The weather was cold on Monday. "Nobody came to the rally."';
  const ann = analyzeArticle(articleFromText(text));
  assert.equal(speakerOf(ann, 'He showed').name, 'Lawrence B. Cummings');
  assert.equal(speakerOf(ann, 'Nobody came').phrase, null, 'no speaker and no characterising verb before it');
});

test('a quotation standing alone after one whose speaker was found late (adopted) continues it, in the same paragraph only', async () => {
  const { inheritAdoptedSpeakers } = await import('../../src/analyze/quotes/index.js');
  const text = '“It has the important virtue of being fiscally responsible.” “It doesn’t make our fiscal problems worse.”\n\n“A new paragraph is a new voice.”';
  const article = articleFromText(text);
  const { drafts } = findQuotesAndTerms(article, tokenizeArticle(article));
  assert.equal(drafts.length, 3);
  assert.deepEqual(drafts.map((d) => d.inheritsFrom), [null, null, null]);
  // nothing adopted: nothing inherits
  assert.deepEqual([...inheritAdoptedSpeakers(drafts, new Set(), article)], []);
  // the first adopted: the second continues it, the third (next paragraph) does not
  assert.deepEqual([...inheritAdoptedSpeakers(drafts, new Set([drafts[0].quote.id]), article)], [drafts[1].quote.id]);
  assert.deepEqual(drafts.map((d) => d.inheritsFrom), [null, 0, null]);
});
