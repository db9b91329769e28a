import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { ArticleAnnotations, Quote, Speaker } from '../../src/model.js';
import { repoRoot } from '../helpers.js';
import { articleFromText } from './article-fixture.js';

function load(name: string): ArticleAnnotations {
  const text = readFileSync(join(repoRoot(), 'examples', 'seed-story', name), 'utf8');
  return analyzeArticle(articleFromText(text, name));
}

function quote(ann: ArticleAnnotations, prefix: string): Quote {
  const q = ann.quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quote starting with ${JSON.stringify(prefix)}; quotes: ${ann.quotes.map((x) => x.text.slice(0, 30)).join(' | ')}`);
  return q;
}

function speakerOf(ann: ArticleAnnotations, q: Quote): Speaker {
  const s = ann.speakers.find((x) => x.id === q.speakerId);
  assert.ok(s, `quote ${JSON.stringify(q.text.slice(0, 30))} has no resolved speaker`);
  return s;
}

test('NY Post: quotes, speakers, verbs and citations', () => {
  const ann = load('nypost-putin-backchannel.txt');
  const q1 = quote(ann, 'President Putin has repeatedly stated');
  assert.equal(q1.speaker, 'a Kremlin spokesman');
  assert.equal(q1.verb, 'told');
  assert.equal(q1.kind, 'direct');
  const spokesman = speakerOf(ann, q1);
  assert.notEqual(spokesman.kind, 'outlet');

  const q2 = quote(ann, 'diplomatic means');
  assert.equal(q2.kind, 'partial');
  assert.equal(q2.verb, 'added');
  assert.equal(q2.speakerId, spokesman.id, '"The spokesman added" resolves to the Kremlin spokesman');

  const q3 = quote(ann, 'We are not aware');
  assert.equal(q3.speaker, 'a National Security Council member');
  assert.equal(q3.verb, 'said');
  const q4 = quote(ann, 'It will be up to Ukraine');
  assert.equal(q4.speaker, null, 'no cue of its own');
  assert.equal(q4.speakerId, q3.speakerId, 'continues the NSC member');

  const q5 = quote(ann, 'classic Russian game');
  assert.equal(q5.kind, 'partial');
  const hill = speakerOf(ann, q5);
  assert.deepEqual(hill.names, ['Fiona Hill']);
  assert.equal(hill.kind, 'person');
  const q6 = quote(ann, 'It brings benefits [Russia]');
  assert.equal(q6.speaker, 'Hill');
  assert.equal(q6.verb, 'told');
  assert.equal(q6.speakerId, hill.id);
  assert.ok(q6.text.includes('scares the crap out of Ukrainians'), 'the broken inner mark does not cut the quote');
  const q7 = quote(ann, 'The Russians want us');
  assert.equal(q7.speaker, 'she');
  assert.equal(q7.speakerId, hill.id);

  const q8 = quote(ann, 'The ratio is about 10 to 1');
  assert.equal(q8.speaker, 'a Ukrainian officer from the 93rd Mechanized Brigade');
  assert.equal(q8.verb, 'told');
  const q9 = quote(ann, 'Russia is a country that produces ammunition');
  assert.equal(q9.speakerId, q8.speakerId);

  // Bloomberg and CNN are outlets cited, never speakers of these quotes; Bloomberg, the source of
  // "Bloomberg reported", is an outlet speaker; CNN, only told things, is none.
  for (const s of ann.speakers) assert.ok(!s.names.includes('CNN') && (s.kind === 'outlet' || !s.names.includes('Bloomberg')));
  const bloomberg = ann.speakers.find((s) => s.kind === 'outlet' && s.names.includes('Bloomberg'));
  assert.ok(bloomberg, '"Bloomberg reported": an outlet speaker');
  assert.ok(!ann.quotes.some((q) => q.speakerId === bloomberg.id));
  assert.ok(ann.attributions.some((r) => r.speakerId === bloomberg.id && r.source?.text === 'Bloomberg' && r.cue.text === 'reported'));
  const outlets = ann.citations.filter((c) => c.kind === 'outlet').map((c) => c.source);
  assert.ok(outlets.includes('Bloomberg'));
  assert.ok(outlets.includes('CNN'));
  const anon = ann.citations.find((c) => c.kind === 'anonymous');
  assert.ok(anon);
  assert.equal(anon.count, 2);
  assert.equal(anon.source, 'two sources close to the Kremlin');
  assert.equal(anon.description, 'close to the Kremlin');
  // No quote is taken from caption text here, and every quote has a speaker.
  for (const q of ann.quotes) assert.ok(q.speakerId, `quote ${q.text.slice(0, 30)} unresolved`);
});

test('UNN: unclosed multi-paragraph quotes, new quotes with their own cue, collective sources', () => {
  const ann = load('unn-putin-signal.txt');
  const officials = quote(ann, 'see no indication');
  assert.equal(officials.speaker, 'U.S. officials');
  assert.equal(speakerOf(ann, officials).kind, 'collective');

  const p1 = quote(ann, 'President Putin has repeatedly stated');
  assert.equal(p1.speaker, 'Kremlin spokesman Dmitry Peskov');
  assert.equal(p1.verb, 'said');
  const peskov = speakerOf(ann, p1);
  assert.deepEqual(peskov.names, ['Dmitry Peskov']);
  assert.ok(peskov.descriptions.includes('Kremlin spokesman'));
  const p2 = quote(ann, 'We are determined to achieve our goals');
  assert.equal(p2.speakerId, peskov.id);
  assert.ok(!p2.text.includes('We are not aware'), 'the paragraph with its own cue is a new quote');

  const w = quote(ann, 'We are not aware');
  assert.equal(w.verb, 'said');
  const watson = speakerOf(ann, w);
  assert.deepEqual(watson.names, ['Adrienne Watson']);
  assert.notEqual(watson.id, peskov.id);

  const h1 = quote(ann, 'They want everyone to think');
  const hill = speakerOf(ann, h1);
  assert.deepEqual(hill.names, ['Fiona Hill']);
  const h2 = quote(ann, 'The Russians want us');
  assert.equal(h2.speaker, 'she');
  assert.equal(h2.verb, 'added');
  assert.equal(h2.speakerId, hill.id);
  const h3 = quote(ann, "It's a classic Russian play.");
  assert.equal(h3.speakerId, hill.id);
  assert.equal(h3.kind, 'unclosed');

  const cited = ann.citations.filter((c) => c.kind === 'outlet').map((c) => c.source);
  assert.ok(cited.includes('Bloomberg'));
  assert.ok(!cited.includes('UNN'), '"UNN reports citing Bloomberg": UNN relays, it is not cited');
  const anon = ann.citations.find((c) => c.kind === 'anonymous');
  assert.ok(anon);
  assert.equal(anon.count, 2);
  assert.equal(anon.cue, 'according to');
  assert.equal(anon.description, 'close to the Kremlin');
});

test('ids are in text order and spans are exact', () => {
  for (const name of ['nypost-putin-backchannel.txt', 'unn-putin-signal.txt']) {
    const text = readFileSync(join(repoRoot(), 'examples', 'seed-story', name), 'utf8');
    const article = articleFromText(text, name);
    const ann = analyzeArticle(article);
    ann.quotes.forEach((q, i) => {
      assert.equal(q.id, `${article.id}:q${i + 1}`);
      assert.equal(q.text, article.text.slice(q.start, q.end));
      if (q.speakerSpan) assert.equal(q.speaker, article.text.slice(q.speakerSpan.start, q.speakerSpan.end));
      if (i > 0) assert.ok(ann.quotes[i - 1].start < q.start);
    });
    ann.citations.forEach((c, i) => {
      assert.equal(c.id, `${article.id}:c${i + 1}`);
      assert.ok(c.start <= c.sourceSpan.start && c.sourceSpan.end <= c.end);
    });
    ann.speakers.forEach((s, i) => assert.equal(s.id, `${article.id}:s${i + 1}`));
    ann.attributions.forEach((r, i) => {
      assert.equal(r.id, `${article.id}:r${i + 1}`);
      assert.equal(r.cue.text, article.text.slice(r.cue.start, r.cue.end));
    });
    assert.deepEqual(analyzeArticle(article), ann, 'deterministic');
  }
});
