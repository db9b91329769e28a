import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analyze/index.js';
import { looksLikeScript, pairBlock } from '../../src/analyze/quotes/marks.js';
import { readFixture } from '../helpers.js';
import { pairingTimes } from './pairing-time.js';
import { articleFromText } from './article-fixture.js';

/**
 * British-style quotation marks: single marks, straight (') or curly (‘ ’), with the same apostrophes
 * inside words ("can't", "Labour's", "six months' time", "the '90s", "rock 'n' roll"). The fixture is a
 * made-up tabloid story with its page debris (standfirst bullets, byline, caption, "Scroll down for
 * video", share line, "Load More...").
 */
const straight = readFixture('analyze', 'british-quotes.txt');
/** The curly typesetting of straight marks: ‘ after a space, an opening bracket or a slash; ’ everywhere else. */
const toCurly = (s: string): string => s.replace(/(^|[\s([{/])'/g, '$1\u2018').replace(/'/g, '\u2019');
/** The same story typeset with curly marks. */
const curly = toCurly(straight);

interface Expected {
  /** The quote's first words. */
  prefix: string;
  kind: string;
  /** The speaker as written next to the quote (null: none, the speaker is inherited). */
  speaker: string | null;
  /** A name or description of the resolved speaker. */
  who: string;
  /** Which of the quotes with this prefix (default 0: the first). */
  nth?: number;
}

const EXPECTED: Expected[] = [
  { prefix: 'We are doing everything we can', kind: 'direct', speaker: 'Claire Ashdown', who: 'Claire Ashdown' },
  // opened after a colon, continued in the next paragraph that opens with a mark again
  { prefix: 'There is no question', kind: 'multi-paragraph', speaker: 'She', who: 'Claire Ashdown' },
  // the headline's quote, then the body's
  { prefix: 'too little, too late', kind: 'partial', speaker: 'Labour', who: 'Labour' },
  { prefix: 'too little, too late', nth: 1, kind: 'partial', speaker: "Labour's shadow energy secretary, Tom Fairley", who: 'Tom Fairley' },
  { prefix: "People can't wait any longer,", kind: 'direct', speaker: 'he', who: 'Tom Fairley' },
  // "six months' time" is a possessive, not the closing mark
  { prefix: "They need help now, not in six months' time.", kind: 'direct', speaker: null, who: 'Tom Fairley' },
  // "since the '90s" opens nothing
  { prefix: 'lost control', kind: 'partial', speaker: "Mr Fairley, who has led the party's campaign on bills since the '90s", who: 'Tom Fairley' },
  // the plural possessive belongs to the name
  { prefix: 'at breaking point', kind: 'partial', speaker: "The National Students' Union", who: "National Students' Union" },
  { prefix: 'Rents have gone up by a third', kind: 'direct', speaker: 'A spokesman', who: 'A spokesman' },
  // "rock 'n' roll" neither opens nor closes a quote
  { prefix: "It's rock 'n' roll economics,", kind: 'direct', speaker: 'one economist', who: 'one economist' },
  { prefix: 'Nobody knows where it ends.', kind: 'direct', speaker: null, who: 'one economist' },
  { prefix: 'fully backs', kind: 'partial', speaker: 'A Downing Street spokesperson', who: 'A Downing Street spokesperson' },
];


for (const [style, text] of [
  ['straight', straight],
  ['curly', curly],
] as const) {
  test(`British-style quotes (${style} marks): quotes, kinds, speakers`, () => {
    const ann = analyzeArticle(articleFromText(text));
    const conv = style === 'curly' ? toCurly : (s: string) => s;
    for (const e of EXPECTED) {
      const prefix = conv(e.prefix);
      const q = ann.quotes.filter((x) => x.text.startsWith(prefix))[e.nth ?? 0];
      assert.ok(q, `no quote ${JSON.stringify(prefix)} in ${JSON.stringify(ann.quotes.map((x) => x.text))}`);
      assert.equal(q.kind, e.kind, prefix);
      assert.equal(q.speaker, e.speaker === null ? null : conv(e.speaker), prefix);
      const sp = ann.speakers.find((s) => s.id === q.speakerId);
      assert.ok(sp, `${prefix}: no speaker`);
      assert.ok([...sp.names, ...sp.descriptions].includes(conv(e.who)), `${prefix}: speaker ${JSON.stringify([...sp.names, ...sp.descriptions])}`);
    }
    // no quote is cut at an apostrophe inside a word or after a possessive
    for (const q of ann.quotes) assert.doesNotMatch(q.text, /^(?:s|t|ll|re|90s)\b|\b(?:can|Labour|months)$/u, JSON.stringify(q.text));
    // the direct quotes are direct attribution relations too
    const direct = ann.attributions.filter((r) => r.form === 'direct').map((r) => r.content.text);
    assert.ok(direct.some((c) => c.includes(conv('We are doing everything'))), JSON.stringify(direct));
  });
}

test('British-style quotes: straight and curly typesetting give the same quotes and speakers', () => {
  const a = analyzeArticle(articleFromText(straight));
  const b = analyzeArticle(articleFromText(curly));
  assert.deepEqual(
    a.quotes.map((q) => [q.start, q.end, q.kind, q.speakerSpan, q.verbSpan]),
    b.quotes.map((q) => [q.start, q.end, q.kind, q.speakerSpan, q.verbSpan]),
  );
});

const piece = fc.constantFrom("'", ' ', ', ', '. ', ': ', 'he said', 'We will win', 'x', 'A', 'students', "'90s", 'n', '—', '(');

test('single-mark pairing: straight marks and their curly typesetting pair alike, segments ordered and inside the block', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      // two marks side by side ('' … '') are the double-mark convention, read by the other pairing
      if (text.includes("''")) return;
      // script (straight marks only) is read differently on purpose
      if (looksLikeScript(text)) return;
      const segs = pairBlock(text, 0, text.length, 0);
      let last = -1;
      for (const s of segs) {
        assert.ok(s.open > last && s.start === s.open + 1 && s.start <= s.end && s.end <= text.length);
        if (s.close >= 0) assert.ok(s.close === s.end);
        last = s.close >= 0 ? s.close : text.length;
      }
      const typeset = toCurly(text);
      assert.deepEqual(pairBlock(typeset, 0, typeset.length, 0), segs);
    }),
    { numRuns: 500 },
  );
});

test('10,000 single marks in one paragraph (quotes, possessives, elisions): linear time', () => {
  const make = (n: number) => Array.from({ length: n }, (_, i) => ["'a ", "b' ", "the students' c ", "'90s ", '‘d’ '][i % 5]).join('');
  const { t10, t40 } = pairingTimes(make);
  // linear: 4x the marks should cost about 4x; quadratic would be 16x
  assert.ok(t40 < t10 * 8 + 5, `10k: ${t10.toFixed(1)} ms, 40k: ${t40.toFixed(1)} ms`);
});

test('British nesting: single marks outside, double inside; American nesting left as it was', () => {
  const text = [
    `He said: 'They called it "a disaster", which it was.'`,
    `'The word "failure" is not in my vocabulary,' she said.`,
    `The mayor said "we will 'fix' it," adding more.`,
  ].join('\n\n');
  const ann = analyzeArticle(articleFromText(text));
  assert.deepEqual(
    ann.quotes.map((q) => [q.text, q.speaker]),
    [
      ['They called it "a disaster", which it was.', 'He'],
      ['The word "failure" is not in my vocabulary,', 'she'],
      ["we will 'fix' it,", 'The mayor'],
    ],
  );
});

test('a quote relayed from American to British typesetting is one quote variant of one speaker across the story', async () => {
  const { matchQuoteVariants } = await import('../../src/relate/quote-variants.js');
  const { resolveStorySpeakers } = await import('../../src/relate/speakers.js');
  const us = articleFromText(
    'Kremlin says talks are possible\n\n“President Putin has repeatedly stated that Russia is open to negotiations,” Kremlin spokesman Dmitry Peskov said on Tuesday.',
    'us.txt',
  );
  const uk = articleFromText(
    "Kremlin 'open to talks'\n\nA Kremlin spokesman said: 'President Putin has repeatedly said that Russia is open to negotiations.'\n\nThe spokesman's comments came after a week of fighting.",
    'uk.txt',
  );
  const articles = [us, uk];
  const ann = articles.map((a) => analyzeArticle(a));
  const quotes = ann.flatMap((a) => a.quotes);
  const variants = matchQuoteVariants({ articles, quotes, sentences: ann.flatMap((a) => a.sentences) });
  const v = variants.find((x) => x.a.text.startsWith('President Putin') && x.b.text.startsWith('President Putin'));
  assert.ok(v, JSON.stringify(variants.map((x) => [x.a.text, x.b.text])));
  assert.equal(v.class, 'reworded');
  const r = resolveStorySpeakers({ articles, speakers: ann.flatMap((a) => a.speakers), quotes, variants });
  const peskov = r.speakers.find((s) => s.names.includes('Dmitry Peskov'));
  assert.ok(peskov, JSON.stringify(r.speakers));
  assert.ok(peskov.descriptions.includes('A Kremlin spokesman') || peskov.descriptions.includes('a Kremlin spokesman'), JSON.stringify(peskov));
});

test('one story speaker from the straight and the curly typesetting keeps one form of each description', async () => {
  const { matchQuoteVariants } = await import('../../src/relate/quote-variants.js');
  const { resolveStorySpeakers } = await import('../../src/relate/speakers.js');
  const articles = [articleFromText(straight, 'straight.txt'), articleFromText(curly, 'curly.txt')];
  const ann = articles.map((a) => analyzeArticle(a));
  const quotes = ann.flatMap((a) => a.quotes);
  const variants = matchQuoteVariants({ articles, quotes, sentences: ann.flatMap((a) => a.sentences) });
  const r = resolveStorySpeakers({ articles, speakers: ann.flatMap((a) => a.speakers), quotes, variants });
  const fairley = r.speakers.filter((s) => s.names.includes('Tom Fairley'));
  assert.equal(fairley.length, 1, JSON.stringify(r.speakers.map((s) => s.names)));
  assert.deepEqual(fairley[0].descriptions, ["Labour's shadow energy secretary"]);
});
