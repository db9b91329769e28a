import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findNumbers } from '../../src/analyze/numbers.js';
import { readFixture } from '../helpers.js';
import { makeArticle } from './make-article.js';

function numbers(text: string) {
  const { article, sentences } = makeArticle(text);
  return findNumbers(article, sentences);
}
function one(text: string, needle: string) {
  const found = numbers(text).find((n) => n.text.includes(needle));
  assert.ok(found, `no number containing ${JSON.stringify(needle)} in ${JSON.stringify(text)}`);
  return found;
}

test('percentages with approximation and what they count', () => {
  const n = one('Russia holds around 18% of the country, something Kyiv opposes.', '18');
  assert.equal(n.kind, 'percent');
  assert.equal(n.value, 18);
  assert.equal(n.unit, '%');
  assert.equal(n.text, 'around 18%');
  assert.equal(n.qualifier, 'around');
  assert.equal(n.counts, 'of the country');
  const p = one('It spends 40 percent of its budget on arms.', '40');
  assert.equal(p.kind, 'percent');
  assert.equal(p.text, '40 percent');
  assert.equal(p.counts, 'of its budget on arms');
  assert.equal(one('Support fell 3.5 percentage points.', '3.5').unit, 'pp');
});

test('money with currency and scale', () => {
  const a = one('President Biden requested $61.4 billion in aid for Ukraine back in October.', '61.4');
  assert.equal(a.kind, 'money');
  assert.equal(a.value, 61_400_000_000);
  assert.equal(a.unit, 'USD');
  assert.equal(a.counts, 'aid for Ukraine');
  const b = one('The EU pledged €2bn for the fund.', '2bn');
  assert.deepEqual([b.kind, b.value, b.unit, b.text], ['money', 2e9, 'EUR', '€2bn']);
  const c = one('The city paid 1.5 million hryvnias to contractors.', '1.5');
  assert.deepEqual([c.kind, c.value, c.unit, c.text], ['money', 1.5e6, 'UAH', '1.5 million hryvnias']);
  assert.equal(one('a broader $106 billion national security funding proposal.', '106').counts, 'national security funding proposal');
});

test('ratios', () => {
  const r = one('“The ratio is about 10 to 1,” an officer said.', '10');
  assert.deepEqual([r.kind, r.value, r.text], ['ratio', 10, 'about 10 to 1']);
  const s = one('One in five Americans agreed.', 'five');
  assert.equal(s.kind, 'ratio');
  assert.equal(s.value, 0.2);
  // A range is not a ratio.
  assert.ok(!numbers('Prices rose from 10 to 12 dollars.').some((n) => n.kind === 'ratio'));
});

test('counts with their noun, number words too', () => {
  const a = one('The signals were sent, two sources close to the Kremlin told Bloomberg.', 'two');
  assert.deepEqual([a.kind, a.value, a.counts], ['count', 2, 'sources']);
  const b = one('Some 1,200 troops crossed.', '1,200');
  assert.deepEqual([b.kind, b.value, b.counts, b.qualifier], ['count', 1200, 'troops', 'Some']);
  assert.equal(one('Twenty-five people were hurt.', 'Twenty').value, 25);
  assert.equal(one('They arrested three hundred protesters.', 'three').value, 300);
  // Bare number words are not reported.
  assert.equal(numbers('No one knows; the two of them left.').length, 0);
});

test('dates, years and the difference between a year and a count', () => {
  const d = one('Published January 25, 2024, 7:00 PM ET', 'January');
  assert.deepEqual([d.kind, d.date, d.value], ['date', '2024-01-25', null]);
  assert.equal(one('since the invasion began in February 2022 it', 'February').date, '2022-02');
  assert.equal(one('On 5 March 2023 it rained.', 'March').date, '2023-03-05');
  const y = one('Territory captured since 2022 is held.', '2022');
  assert.deepEqual([y.kind, y.date], ['year', '2022']);
  assert.equal(one('He said 2000 soldiers died.', '2000').kind, 'count');
  // Times are not numbers worth reporting.
  assert.ok(!numbers('At 7:00 PM ET it began.').some((n) => n.text.includes('7')));
});

test('ordinals are unit names or positions, not quantities', () => {
  const o = one('an officer from the 93rd Mechanized Brigade told CNN', '93rd');
  assert.deepEqual([o.kind, o.value, o.counts], ['ordinal', 93, 'Mechanized Brigade']);
  const t = one('as the war enters its third year.', 'third');
  assert.deepEqual([t.kind, t.value, t.counts], ['ordinal', 3, 'year']);
  assert.equal(numbers('At first nobody came.').length, 0);
});

test('durations', () => {
  const d = one('land seized since its invasion began two years ago.', 'two');
  assert.deepEqual([d.kind, d.value, d.unit], ['duration', 2, 'years']);
});

test('numbers inside URLs are ignored', () => {
  assert.equal(numbers('https://nypost.com/2024/01/25/news/putin-sends?utm=20').length, 0);
});

test('seed story: key figures found with spans that match the text', () => {
  const { article, sentences } = makeArticle(readFixture('stories', 'putin-backchannel', 'nypost.txt'));
  const ns = findNumbers(article, sentences);
  for (const n of ns) assert.equal(article.text.slice(n.start, n.end), n.text);
  assert.ok(ns.some((n) => n.kind === 'money' && n.value === 61.4e9));
  assert.ok(ns.some((n) => n.kind === 'percent' && n.value === 18 && n.counts === 'of the country'));
  assert.deepEqual(ns.map((n) => n.id), ns.map((_, k) => `${article.id}:n${k}`));
});

test('property: spans are in range, ordered, non-overlapping and equal their text', () => {
  const piece = fc.constantFrom('18%', '$61.4 billion', 'two sources', 'May 2024', 'in May', '10 to 1', 'one in five',
    '93rd', 'third year', '1,200', 'around', 'troops', 'of the country', '.', ',', ' ', '\n\n', 'x', '2022', '€', '%',
    'January 25, 2024', 'million', 'dozens of', '7:00');
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
    const text = parts.join(' ');
    const { article, sentences } = makeArticle(text);
    const ns = findNumbers(article, sentences);
    let last = -1;
    for (const n of ns) {
      assert.ok(n.start >= 0 && n.end <= article.text.length && n.start < n.end);
      assert.ok(n.start >= last, 'overlap');
      last = n.end;
      assert.equal(article.text.slice(n.start, n.end), n.text);
      if (n.countsSpan) assert.equal(article.text.slice(n.countsSpan.start, n.countsSpan.end), n.counts);
    }
  }), { numRuns: 150 });
});

test('measures with units, converted for comparison', async () => {
  const { toSI } = await import('../../src/analyze/numbers.js');
  const a = one('Residents heard a boom that left a 16-foot deep crater near the airport.', '16');
  assert.deepEqual([a.kind, a.value, a.unit, a.text, a.counts], ['quantity', 16, 'ft', '16-foot', 'deep']);
  const b = one('It left a 12m-wide crater.', '12m');
  assert.deepEqual([b.kind, b.value, b.unit, b.counts], ['quantity', 12, 'm', 'wide']);
  const c = one('The asteroid passed about 25,000 miles away.', '25,000');
  assert.deepEqual([c.unit, c.qualifier], ['mi', 'about']);
  assert.ok(Math.abs(toSI(16, 'ft')!.value - 4.8768) < 1e-9);
  assert.equal(toSI(5, null), null);
});

test('property: arbitrary text never throws and spans stay valid', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
    const { article, sentences } = makeArticle(text);
    for (const n of findNumbers(article, sentences)) {
      assert.ok(n.start >= 0 && n.end <= article.text.length && n.start < n.end);
      assert.equal(article.text.slice(n.start, n.end), n.text);
    }
  }), { numRuns: 200 });
});

test('adversarial input stays fast (no quadratic blow-up)', () => {
  const text = ('1 2 3 4 5 % $ million of the '.repeat(400) + '. ').repeat(5);
  const t0 = performance.now();
  numbers(text);
  assert.ok(performance.now() - t0 < 5000);
});

test('British forms: "pc", "per cent"; a place is not what a percentage counts', () => {
  const a = one('Inflation rose to 10pc in Britain.', '10pc');
  assert.deepEqual([a.kind, a.value, a.counts], ['percent', 10, null]);
  assert.equal(one('Russia holds 18 per cent of the land.', '18').counts, 'of the land');
});

test('ages, spans, hyphenated scales, "one of every", names and 9/11', () => {
  const a = one('Her 14-year-old daughter attends.', '14');
  assert.deepEqual([a.kind, a.unit, a.counts], ['quantity', 'years old', 'daughter']);
  assert.deepEqual([one('He had a 40-year public career.', '40').kind, one('He had a 40-year public career.', '40').unit], ['duration', 'years']);
  assert.equal(one('It is a $400-million-a-year business.', '400').value, 400e6);
  assert.equal(one('A degree will cost $160,000 in 18 years.', '160').counts, null);
  const r = one('About one of every nine voters agreed.', 'one');
  assert.deepEqual([r.kind, r.text], ['ratio', 'About one of every nine']);
  assert.equal(numbers('The 9/11 victims wait.').length, 0);
  assert.equal(numbers('Zero Hedge asked.').length, 0);
});

test('a year after "in" stays a year; phone numbers and codes are skipped', () => {
  assert.equal(one('In a profile of Oz in 2013 fellow doctors agreed.', '2013').kind, 'year');
  assert.equal(numbers('Call 800-273-8255 now. Critics of the EB-5 program spoke.').length, 0);
});
