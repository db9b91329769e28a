import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findHedges, compileLexicon, lexiconMatches, loadHedgeLexicon } from '../../src/analyze/hedges.js';
import { makeArticle } from './make-article.js';

function cues(text: string): string[] {
  const { article, sentences } = makeArticle(text);
  return findHedges(article, sentences).map((h) => h.cue ?? h.text.toLowerCase());
}

test('hedges and boosters with strengths', () => {
  const { article, sentences } = makeArticle('Russia has reportedly sent signals. Putin may be open to talks. The Kremlin decided to attack.');
  const hs = findHedges(article, sentences);
  const by = (c: string) => hs.find((h) => h.cue === c)!;
  assert.equal(by('reportedly').kind, 'hedge');
  assert.ok(by('reportedly').strength < 0);
  assert.equal(by('may').kind, 'hedge');
  assert.equal(by('open to').kind, 'hedge');
  assert.equal(by('decided').kind, 'booster');
  assert.ok(by('decided').strength > 0.5);
  assert.equal(by('decided').scale, 3);
  for (const h of hs) assert.equal(article.text.slice(h.start, h.end), h.text);
});

test('"May" the month or a name is not the modal', () => {
  assert.deepEqual(cues('The talks began in May 2024.'), []);
  assert.deepEqual(cues('Elections are due on May 5.'), []);
  assert.deepEqual(cues('Theresa May spoke.'), []);
  assert.deepEqual(cues('May be true, they said.'), ['may']);
  assert.deepEqual(cues('It may rain.'), ['may']);
});

test('multi-word cues win over their parts; nouns are not modals', () => {
  assert.deepEqual(cues('Putin is willing to consider it.'), ['willing to consider']);
  assert.deepEqual(cues('The officials are said to be weighing options.'), ['are said to', 'weighing']);
  assert.deepEqual(cues('It was the will of the people and the might of the army.'), []);
  assert.deepEqual(cues('The backchannel signals were sent. Moscow signals that it is ready to talk.'), ['signals', 'ready to']);
});

test('certainty scale: considering < planning < decided', () => {
  const { article, sentences } = makeArticle('The EU is considering sanctions. The EU is planning sanctions. The EU decided on sanctions.');
  const scale = findHedges(article, sentences).map((h) => h.scale);
  assert.deepEqual(scale, [1, 2, 3]);
});

test('lexicon validation names the file', () => {
  assert.throws(() => loadHedgeLexicon('/nonexistent/hedges.json'), /hedge lexicon \/nonexistent\/hedges.json/);
  const lex = compileLexicon([{ forms: ['perchance'], kind: 'hedge', strength: -0.5, category: 'adverb' }]);
  const { article, sentences } = makeArticle('Perchance it rains.');
  assert.equal(findHedges(article, sentences, lex).length, 1);
});

test('property: hedge spans equal their text and do not overlap', () => {
  const w = fc.constantFrom('may', 'May', 'reportedly', 'will', 'the', 'open to', 'decided', '2024', '.', 'willing to consider', 'Putin', 'considering', 'signals', 'that', ',');
  fc.assert(fc.property(fc.array(w, { maxLength: 25 }), (parts) => {
    const { article, sentences } = makeArticle(parts.join(' '));
    let last = -1;
    for (const h of findHedges(article, sentences)) {
      assert.equal(article.text.slice(h.start, h.end), h.text);
      assert.ok(h.start >= last);
      last = h.end;
    }
  }), { numRuns: 150 });
});

test('"could" counts only as an epistemic modal; "unclear" is a hedge', () => {
  assert.deepEqual(cues('The strike could be a fragment of the asteroid.'), ['could']);
  assert.deepEqual(cues('I had to get his consent before I could reach out.'), []);
  assert.deepEqual(cues('It is unclear whether the meteorite disintegrated.'), ['unclear']);
  assert.deepEqual(cues('According to Bloomberg, Putin has made it clear that he is open to talks.'), ['made it clear', 'open to']);
});

test('an adverb inside a passive hedge still matches', () => {
  assert.deepEqual(cues('A team of doctors is also believed to have travelled there.'), ['is believed to']);
  assert.deepEqual(cues('They are widely expected to win.'), ['are expected to']);
});

test('negated and adjectival boosters are not certainty', () => {
  assert.deepEqual(cues("Officials said they haven't confirmed the cases."), []);
  assert.deepEqual(cues('The ministry has not yet decided.'), []);
  assert.deepEqual(cues('Most confirmed Ebola cases came from West Africa.'), []);
  assert.deepEqual(cues('The ministry confirmed the deaths.'), ['confirmed']);
});

test('reported / believed / it appears', () => {
  assert.deepEqual(cues('A man believed to be the gunman was arrested.'), ['believed to be']);
  assert.deepEqual(cues('The minister is reported to have resigned.'), ['is reported to']);
  assert.deepEqual(cues('It appears that the talks failed.'), ['it appears that']);
});

test('property: the word-start scan finds exactly what the whole alternation finds', () => {
  const full = compileLexicon(loadHedgeLexicon());
  const w = fc.constantFrom('may', 'May', 'mayday', 'é', 'éMay', '3may', 'may3', 're-may', "d'may", 'reportedly', 'is', 'also', 'said', 'to', 'believed', 'open', 'to', 'will', '😀', '𝐀may', 'ü', ' ', '\n', ',', '-');
  fc.assert(fc.property(fc.array(w, { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), (parts, glue) => {
    const text = parts.map((p, i) => (glue[i] ? p : p + ' ')).join('');
    const expected = [...text.matchAll(full.pattern)].map((m) => [m.index, m[0]]);
    const got = [...lexiconMatches(text, full)].map((m) => [m.index, m.text]);
    assert.deepEqual(got, expected);
  }), { numRuns: 400 });
});
