import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchQuoteVariants } from '../../src/relate/quote-variants.js';
import { resolveStorySpeakers } from '../../src/relate/speakers.js';
import { changedWords, compareVerbs, findQuoteFindings, verbLemma } from '../../src/relate/quote-findings.js';
import type { Article, Quote, Speaker } from '../../src/model.js';
import { article, quotes, sentencesOf, speaker } from './build.js';
import { seed } from './seed.js';

/** Run variants → speakers → findings the way the story pipeline does (quotes get story ids). */
function run(articles: Article[], qs: Quote[], speakers: Speaker[]) {
  const variants = matchQuoteVariants({ articles, quotes: qs, sentences: sentencesOf(...articles) });
  const r = resolveStorySpeakers({ articles, speakers, quotes: qs, variants });
  const storyQuotes = qs.map((q) => ({ ...q, speakerId: q.speakerId ? r.map.get(q.speakerId) ?? q.speakerId : null }));
  return { variants, findings: findQuoteFindings({ articles, quotes: storyQuotes, variants, storySpeakers: r.speakers }) };
}

test('seed: drift findings name the changed words', () => {
  const s = seed();
  const { findings } = run(s.articles, s.quotes, s.speakers);
  const shifts = findings.find((f) => f.kind === 'quote-drift' && f.evidence[0].text.startsWith('We are not aware'));
  assert.ok(shifts);
  assert.match(shifts.explanation, /“shifts” became “changes”/);
  assert.match(shifts.explanation, /Adrienne Watson/);
  assert.equal(shifts.severity, 'medium');
  assert.deepEqual(shifts.articles, [s.nyp.id, s.unn.id]);
  const hill = findings.find((f) => f.kind === 'quote-drift' && /“crap” became “hell”/.test(f.explanation));
  assert.ok(hill, findings.map((f) => f.explanation).join('\n'));
  // the verbatim Kremlin quote has no drift finding
  assert.ok(!findings.some((f) => f.kind === 'quote-drift' && f.evidence[0].text.startsWith('President Putin')));
  // no identity changes in the seed story: every speaker-change is the low "named vs described" kind
  const sc = findings.filter((f) => f.kind === 'speaker-change');
  assert.ok(sc.length >= 2);
  assert.ok(sc.every((f) => f.severity === 'low'));
  assert.ok(sc.some((f) => /UNN names the speaker \(Dmitry Peskov\); New York Post only describes them as “a Kremlin spokesman”/.test(f.explanation)), sc.map((f) => f.explanation).join('\n'));
  // told/said/added are all neutral
  assert.ok(!findings.some((f) => f.kind === 'verb-change'));
  // ids unique and deterministic
  assert.equal(new Set(findings.map((f) => f.id)).size, findings.length);
  assert.deepEqual(run(s.articles, s.quotes, s.speakers).findings, findings);
});

test('verb change said → admitted is a medium finding with the verb spans as evidence', () => {
  const A = article('a.txt', ['“The plan failed,” the minister said on Monday.'], { outlet: 'Wire' });
  const B = article('b.txt', ['“The plan failed,” the minister admitted on Monday.'], { outlet: 'Tabloid' });
  const qs = [
    ...quotes(A, [{ text: 'The plan failed,', speaker: 'the minister', speakerId: 'a1', verb: 'said' }]),
    ...quotes(B, [{ text: 'The plan failed,', speaker: 'the minister', speakerId: 'b1', verb: 'admitted' }]),
  ];
  const speakers = [
    speaker(A, { id: 'a1', descriptions: ['the minister'], mentions: ['the minister'] }),
    speaker(B, { id: 'b1', descriptions: ['the minister'], mentions: ['the minister'] }),
  ];
  const { findings } = run([A, B], qs, speakers);
  const v = findings.find((f) => f.kind === 'verb-change');
  assert.ok(v);
  assert.equal(v.severity, 'medium');
  assert.match(v.explanation, /“said” \(Wire\) → “admitted” \(Tabloid\) — implies a concession/);
  assert.ok(v.evidence.some((e) => e.text === 'admitted' && e.articleId === B.id));
  assert.ok(!findings.some((f) => f.kind === 'speaker-change'));
});

test('the same words credited to a different person is a high speaker-change', () => {
  const A = article('a.txt', ['“Prices will fall next year,” said John Roe.'], { outlet: 'Alpha' });
  const B = article('b.txt', ['“Prices will fall next year,” said Anna Smith.'], { outlet: 'Beta' });
  const qs = [
    ...quotes(A, [{ text: 'Prices will fall next year,', speaker: 'John Roe', speakerId: 'a1', verb: 'said' }]),
    ...quotes(B, [{ text: 'Prices will fall next year,', speaker: 'Anna Smith', speakerId: 'b1', verb: 'said' }]),
  ];
  const speakers = [
    speaker(A, { id: 'a1', names: ['John Roe'], mentions: ['John Roe'] }),
    speaker(B, { id: 'b1', names: ['Anna Smith'], mentions: ['Anna Smith'] }),
  ];
  const { findings } = run([A, B], qs, speakers);
  const sc = findings.filter((f) => f.kind === 'speaker-change');
  assert.equal(sc.length, 1);
  assert.equal(sc[0].severity, 'high');
  assert.match(sc[0].explanation, /credited to John Roe in Alpha but to Anna Smith in Beta/);
  assert.ok(sc[0].evidence.some((e) => e.text === 'Anna Smith'));
});

test('a guessed speaker (no cue) is no speaker given: no "credited to someone else", no merge of the two people', () => {
  const A = article('a.txt', ['John Roe runs the fund.', 'Its aim is “to make prices fall next year for every family”.'], { outlet: 'Alpha' });
  const B = article('b.txt', ['“Prices will fall next year for every family,” said Anna Smith.'], { outlet: 'Beta' });
  const qs = [
    ...quotes(A, [{ text: 'to make prices fall next year for every family', kind: 'partial', speakerId: 'a1' }]).map((q) => ({ ...q, speakerGuessed: true })),
    ...quotes(B, [{ text: 'Prices will fall next year for every family,', speaker: 'Anna Smith', speakerId: 'b1', verb: 'said' }]),
  ];
  const speakers = [
    speaker(A, { id: 'a1', names: ['John Roe'], mentions: ['John Roe'] }),
    speaker(B, { id: 'b1', names: ['Anna Smith'], mentions: ['Anna Smith'] }),
  ];
  const { variants, findings } = run([A, B], qs, speakers);
  assert.equal(variants.length, 1);
  const sc = findings.filter((f) => f.kind === 'speaker-change');
  assert.ok(!sc.some((f) => f.severity !== 'low'), sc.map((f) => f.explanation).join('\n'));
  assert.ok(sc.some((f) => /Beta credits .* to Anna Smith; Alpha gives no speaker/.test(f.explanation)), sc.map((f) => f.explanation).join('\n'));
  // and with the same guess taken for a cue, it would be a high change
  const cued = qs.map((q) => ({ ...q, speakerGuessed: undefined }));
  assert.ok(run([A, B], cued, speakers).findings.some((f) => f.kind === 'speaker-change' && f.severity !== 'low'));
  // a described speaker and a named one sharing the quote are one identity only when the quote was cued
  const described = [speaker(A, { id: 'a1', descriptions: ['the fund manager'], mentions: ['John Roe'] }), speakers[1]];
  const identities = (q: Quote[]) => {
    const variants = matchQuoteVariants({ articles: [A, B], quotes: q, sentences: sentencesOf(A, B) });
    return resolveStorySpeakers({ articles: [A, B], speakers: described, quotes: q, variants }).speakers.length;
  };
  assert.equal(identities(qs), 2);
  assert.equal(identities(cued), 1);
});

test('negation dropped from a quote is a high drift; a shortened quote says what was dropped', () => {
  const A = article('a.txt', ['“We will not accept any deal that gives away land,” he said.', '“The talks were long, difficult and in the end completely fruitless for both sides,” he said.']);
  const B = article('b.txt', ['“We will accept any deal that gives away land,” he said.', '“The talks were long, difficult and in the end completely fruitless,” he said.']);
  const qs = [
    ...quotes(A, [{ text: 'We will not accept any deal that gives away land,' }, { text: 'The talks were long, difficult and in the end completely fruitless for both sides,' }]),
    ...quotes(B, [{ text: 'We will accept any deal that gives away land,' }, { text: 'The talks were long, difficult and in the end completely fruitless,' }]),
  ];
  const { findings } = run([A, B], qs, []);
  const neg = findings.find((f) => f.evidence[0].text.startsWith('We will not'));
  assert.ok(neg);
  assert.equal(neg.severity, 'high');
  assert.match(neg.explanation, /shortened.*“not” dropped/);
  const short = findings.find((f) => f.evidence[0].text.startsWith('The talks'));
  assert.ok(short);
  assert.match(short.explanation, /“for both sides” dropped/);
});

test('verbs and changed words helpers', () => {
  assert.equal(verbLemma('admitted'), 'admit');
  assert.equal(verbLemma('told'), 'tell');
  assert.equal(verbLemma('Claims'), 'claim');
  assert.equal(verbLemma('insisting'), 'insist');
  assert.equal(compareVerbs('said', 'told'), null);
  assert.equal(compareVerbs('said', 'claimed')?.severity, 'medium');
  assert.equal(compareVerbs('said', 'insisted')?.severity, 'low');
  assert.equal(compareVerbs(null, 'admitted'), null);
  assert.deepEqual(changedWords('the described shifts in Russia’s position', "the described changes in Russia's position"), [{ removed: 'shifts', added: 'changes' }]);
});
