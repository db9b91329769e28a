import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { colonAttributions } from '../../src/analyze/quotes/colon.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import { extractArticle } from '../../src/extract/index.js';
import { toRawDocument } from '../../src/ingest/index.js';
import type { Article } from '../../src/model.js';

/** Plain text read as `retold annotate --as-is` reads it (the first line is the title block). */
function asIs(text: string): Article {
  const raw = toRawDocument('t.txt', Buffer.from(text, 'utf8'), 'text/plain');
  if (!('content' in raw)) throw new Error(raw.message);
  return extractArticle(raw, { asIs: true });
}

const rows = (a: Article) => colonAttributions(a).map((r) => [r.source?.text, r.cue.text, r.content.text, r.form]);

test('transcript turns: capitalised label, colon cue, the rest of the paragraph (an opening mark left out)', () => {
  const text =
    'Pence on the debate\n\nPartial transcript as follows:\n\n' +
    '"WALLACE: Will Gennifer Flowers actually be there tomorrow night?\n\n' +
    '"PENCE: Well, look, this is serious business.\n\n' +
    '"(CROSSTALK.)\n\n' +
    'CHRIS WALLACE: Governor, I want to try to get —."';
  assert.deepEqual(rows(asIs(text)), [
    ['WALLACE', ':', 'Will Gennifer Flowers actually be there tomorrow night?', 'direct'],
    ['PENCE', ':', 'Well, look, this is serious business.', 'direct'],
    ['CHRIS WALLACE', ':', 'Governor, I want to try to get —.', 'direct'],
  ]);
});

test('one capitalised label alone is a dateline, not a transcript', () => {
  assert.deepEqual(rows(asIs('Talks resume\n\nNEW DELHI: India and Pakistan agreed on Monday to resume talks.')), []);
});

test('a headline naming who says it; labels and phrases of their own are no source', () => {
  assert.deepEqual(rows(asIs('Pat Caddell: Democrat Voters Worried About Clinton’s Health; It’s ‘in Their Heads.’\n\nBody.')), [
    ['Pat Caddell', ':', 'Democrat Voters Worried About Clinton’s Health; It’s ‘in Their Heads.’', 'indirect'],
  ]);
  assert.deepEqual(rows(asIs('Poll: Sanders Burns Clinton With First-Ever National Lead.\n\nBody.')), [
    ['Poll', ':', 'Sanders Burns Clinton With First-Ever National Lead', 'indirect'],
  ]);
  for (const title of ['The Latest: Trump urges supporters to watch polls', 'Obama on Climate Change: The Trends Are Terrifying', 'A lesson from Loretta Lynch: Be the voice', 'UPDATE: Talks resume']) {
    assert.deepEqual(rows(asIs(`${title}\n\nBody.`)), [], title);
  }
  // only the title: a colon later in the article is not a headline
  assert.deepEqual(rows(asIs('Talks resume\n\nPoll: Sanders leads')), []);
});

test('the default output keeps colon relations whole and resolves their speaker', () => {
  const text = 'Pence: Trump Was Mocking Clinton Camp.\n\n“It was a joke,” said Gov. Mike Pence.\n\n"WALLACE: Why would Trump do that?\n\n"PENCE: Well, look, it was a joke.';
  const a = asIs(text);
  const ann = analyzeArticle(a);
  const colon = ann.attributions.filter((r) => r.cue.text === ':');
  assert.deepEqual(colon.map((r) => [r.source?.text, r.content.text]), [
    ['Pence', 'Trump Was Mocking Clinton Camp'],
    ['WALLACE', 'Why would Trump do that?'],
    ['PENCE', 'Well, look, it was a joke.'],
  ]);
  const pence = ann.speakers.find((s) => s.names.includes('Mike Pence'));
  assert.ok(pence);
  assert.equal(colon[0].speakerId, pence.id);
  assert.equal(colon[2].speakerId, pence.id);
});

test('colon relations: spans point at their text, whatever the input (property)', () => {
  const piece = fc.constantFrom('WALLACE: ', 'PENCE:', '"', 'Poll: ', ':', ' ', '\n\n', 'Well, look.', 'NEW DELHI: ', 'Ab Cd: ', '“', '—.');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      if (!text.trim()) return; // an empty input is an input error, not an article
      const a = asIs(text);
      for (const r of colonAttributions(a)) {
        for (const s of [r.source!, r.cue, r.content]) assert.equal(s.text, a.text.slice(s.start, s.end));
        assert.equal(r.cue.text, ':');
        assert.ok(r.source!.end === r.cue.start && r.content.start > r.cue.end && r.content.end > r.content.start);
      }
    }),
    { numRuns: 300 },
  );
});

test('a turn runs on over unlabelled paragraphs opened by a mark, up to a stage direction, not after the last turn', () => {
  const text =
    'Debate\n\nPartial transcript as follows:\n\n' +
    '"WALLACE: Will she be there?\n\n' +
    '"PENCE: Well, look, no.\n\n"But the truth is that he mocks them.\n\n"(CROSSTALK.)\n\n' +
    '"WALLACE: Governor, I want to interrupt.\n\n' +
    '"PENCE: And that is why he will win.\n\n"Follow Pam Key on Twitter @pamkey."';
  assert.deepEqual(
    colonAttributions(asIs(text)).map((r) => [r.source?.text, r.content.text]),
    [
      ['WALLACE', 'Will she be there?'],
      ['PENCE', 'Well, look, no.\n\n"But the truth is that he mocks them.'],
      ['WALLACE', 'Governor, I want to interrupt.'],
      ['PENCE', 'And that is why he will win.'],
    ],
  );
});

test('a quoted transcript gives one quote per turn, with its speaker, instead of one run-away quote', () => {
  const text =
    'Debate\n\n“It was a joke,” said Gov. Mike Pence.\n\n' +
    '"WALLACE: Why would Trump do that? As “The Wall Street Journal” wrote, it was odd.\n\n' +
    '"PENCE: Well, look, it was a joke.\n\n"(CROSSTALK.)\n\n' +
    '"WALLACE: Do you really see those two as equivalent?\n\n' +
    '"PENCE: I do.\n\n"Follow Pam Key on Twitter @pamkey."';
  const a = asIs(text);
  const ann = analyzeArticle(a);
  const pence = ann.speakers.find((s) => s.names.includes('Mike Pence'))!;
  assert.ok(pence);
  const turns = ann.quotes.filter((q) => q.verb === ':');
  assert.deepEqual(turns.map((q) => [q.speaker, q.text]), [
    ['WALLACE', 'Why would Trump do that? As “The Wall Street Journal” wrote, it was odd.'],
    ['PENCE', 'Well, look, it was a joke.'],
    ['WALLACE', 'Do you really see those two as equivalent?'],
    ['PENCE', 'I do.'],
  ]);
  assert.equal(turns[1].speakerId, pence.id);
  assert.equal(turns[3].speakerId, pence.id);
  assert.ok(turns[0].speakerId && turns[0].speakerId !== pence.id && turns[2].speakerId === turns[0].speakerId);
  assert.ok(!ann.quotes.some((q) => q.text.includes('Follow Pam Key') && q.text.includes('WALLACE')), 'no quote runs over the transcript');
  ann.quotes.forEach((q, i) => {
    assert.equal(q.id, `${a.id}:q${i + 1}`);
    assert.equal(q.text, a.text.slice(q.start, q.end));
  });
});

test('10,000 transcript turns in quoted paragraphs: linear time', () => {
  const turn = (i: number) => `"${i % 2 ? 'PENCE' : 'WALLACE'}: Line ${i} of the “debate,” he said.`;
  const text = 'Debate\n\n' + Array.from({ length: 10_000 }, (_, i) => turn(i)).join('\n\n');
  const t0 = performance.now();
  const ann = analyzeArticle(asIs(text), { attributions: 'rules' });
  const ms = performance.now() - t0;
  assert.equal(ann.quotes.filter((q) => q.verb === ':').length, 10_000);
  assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
});

test('an advice column\'s "DEAR ABBY:" is no transcript speaker', () => {
  const text = 'Advice\n\nDEAR ABBY: My husband bought plane tickets without asking me.\n\nDEAR FEELING LEFT OUT: Of course you should be happy.';
  assert.deepEqual(rows(asIs(text)), []);
});

test('caption labels and section labels over capitalised headlines are no transcript', () => {
  // Daily Mail-style photo captions: labels that are words of the article
  const captions =
    'Teacher video\n\nThe clip was explicit, and the boy felt betrayed.\n\n' +
    'EXPLICIT: The teacher may lose her job over the leaked video.\n\nBETRAYED: The teacher asked the teen to delete it.\n\nShe has not commented.';
  assert.deepEqual(rows(asIs(captions)), []);
  const sections = 'World\n\nJETS: FIRST SIGN OF ISLAMISTS USING WARPLANES\n\nLONDON: POLICE ALLEGE ISLAMIST PLOT\n\nBRITAIN: A TREASON LAW REVISITED';
  assert.deepEqual(rows(asIs(sections)), []);
});

test('a capitalised common word is no speaker name, a surname that is also a word stays one', () => {
  const text =
    'Rumors swirled on Twitter that the star had died, and the internet rumors spread.\n\n' +
    '“That is false,” Rumors said.\n\n' +
    'Prime Minister Theresa May spoke. “We may leave,” May said.';
  const ann = analyzeArticle(asIs(text), { attributions: 'rules' });
  const names = ann.speakers.flatMap((s) => s.names);
  assert.ok(!names.includes('Rumors'), names.join(', '));
  const may = ann.quotes.find((q) => q.text.startsWith('We may leave'))!;
  // ("May" is written in lower case too, but also as the second word of "Theresa May")
  assert.match(ann.speakers.find((s) => s.id === may.speakerId)?.names[0] ?? '', /May$/);
});
