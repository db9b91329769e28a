import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchQuoteVariants, classify, compare, wordDiff } from '../../src/relate/quote-variants.js';
import { words } from '../../src/relate/quote-text.js';
import type { QuoteVariant } from '../../src/model.js';
import { article, quotes, sentencesOf } from './build.js';
import { seed } from './seed.js';

function find(vs: QuoteVariant[], aStarts: string, bStarts?: string): QuoteVariant | undefined {
  return vs.find((v) => v.a.text.startsWith(aStarts) && (bStarts === undefined || v.b.text.startsWith(bStarts)));
}

test('seed story: the Kremlin quote is verbatim in both outlets', () => {
  const s = seed();
  const vs = matchQuoteVariants(s);
  const v = find(vs, 'President Putin has repeatedly');
  assert.ok(v, 'variant found');
  assert.equal(v.class, 'verbatim');
  assert.equal(v.similarity, 1);
  assert.equal(v.a.articleId, s.nyp.id, 'a is the earlier (dated) article');
  assert.equal(v.b.articleId, s.unn.id);
  assert.equal(v.speakerA, 'a Kremlin spokesman');
  assert.equal(v.speakerB, 'Kremlin spokesman Dmitry Peskov');
  assert.ok(v.diff.every((p) => p.op === 'equal'));
});

test('seed story: shifts → changes is a reworded variant with a word diff', () => {
  const vs = matchQuoteVariants(seed());
  const v = find(vs, 'We are not aware');
  assert.ok(v);
  assert.equal(v.class, 'reworded');
  assert.ok(v.similarity > 0.8 && v.similarity < 1, `similarity ${v.similarity}`);
  assert.ok(v.diff.some((p) => p.op === 'delete' && p.text.includes('shifts')));
  assert.ok(v.diff.some((p) => p.op === 'insert' && p.text.includes('changes')));
  // the curly vs straight apostrophe of Russia’s/Russia's is not a word change
  assert.ok(!v.diff.some((p) => p.op !== 'equal' && /Russia/.test(p.text)), JSON.stringify(v.diff));
});

test('seed story: other reworded quotes, the paraphrase, and the unmatched officer quote', () => {
  const s = seed();
  const vs = matchQuoteVariants(s);
  const decide = find(vs, 'It will be up to Ukraine', 'Ukraine will decide');
  assert.equal(decide?.class, 'reworded');
  // continuation quotes are labelled with how the article named their speaker
  assert.equal(decide?.speakerA, 'a National Security Council member');
  assert.equal(decide?.speakerB, 'US National Security Council spokeswoman Adrienne Watson');
  assert.equal(find(vs, 'so that everyone thinks', 'They want everyone')?.class, 'reworded');
  assert.equal(find(vs, 'The Russians want us', 'The Russians want us')?.class, 'reworded');
  assert.ok(find(vs, 'classic Russian game', "It's a classic Russian play"));
  const para = vs.find((v) => v.class === 'paraphrased');
  assert.ok(para, 'paraphrase found');
  assert.equal(para.b.quoteId, null);
  assert.equal(para.a.text, 'And I would prefer to complete this diplomatically.');
  assert.match(para.b.text, /^The spokesman added that Russia preferred/);
  assert.equal(find(vs, 'The ratio is about 10 to 1'), undefined);
  assert.equal(vs.filter((v) => v.b.text.startsWith('The ratio')).length, 0);
  assert.equal(find(vs, 'see no indication'), undefined);
  // evidence spans point at the text they quote
  const byId = new Map(s.articles.map((a) => [a.id, a]));
  for (const v of vs) {
    assert.equal(byId.get(v.a.articleId)!.text.slice(v.a.start, v.a.end), v.a.text);
    assert.equal(byId.get(v.b.articleId)!.text.slice(v.b.start, v.b.end), v.b.text);
    assert.notEqual(v.a.articleId, v.b.articleId);
  }
});

test('ids and order are deterministic and independent of the order quotes arrive in', () => {
  const s = seed();
  const one = matchQuoteVariants(s);
  const two = matchQuoteVariants({ ...s, quotes: [...s.quotes].reverse(), sentences: [...s.sentences].reverse() });
  assert.deepEqual(two, one);
  assert.equal(new Set(one.map((v) => v.id)).size, one.length);
});

function pair(aQuotes: string[], bQuotes: string[], extraB: string[] = []) {
  const A = article('a.txt', aQuotes.map((q) => `“${q}” she said.`), { publishedAt: '2024-01-01T00:00:00.000Z' });
  const B = article('b.txt', [...bQuotes.map((q) => `“${q}” she told reporters.`), ...extraB], { publishedAt: '2024-01-02T00:00:00.000Z' });
  const qs = [...quotes(A, aQuotes.map((text) => ({ text }))), ...quotes(B, bQuotes.map((text) => ({ text })))];
  return { articles: [A, B], quotes: qs, sentences: sentencesOf(A, B), A, B };
}

test('classes: verbatim across marks and case, shortened, extended, merged', () => {
  let r = pair(['We will NOT back down, ever.'], ['we will not back down ever']);
  assert.equal(matchQuoteVariants(r)[0].class, 'verbatim');

  r = pair(['The talks were long, difficult and in the end completely fruitless for both sides.'], ['The talks were long, difficult and in the end completely fruitless.']);
  assert.equal(matchQuoteVariants(r)[0].class, 'shortened');

  r = pair(['The talks were long and difficult.'], ['The talks were long and difficult, and nobody expects a deal this year.']);
  assert.equal(matchQuoteVariants(r)[0].class, 'extended');

  r = pair(
    ['The factory will close in March.', 'Four hundred workers will lose their jobs.'],
    ['The factory will close in March and four hundred workers will lose their jobs.'],
  );
  const vs = matchQuoteVariants(r);
  assert.equal(vs.length, 2, JSON.stringify(vs.map((v) => [v.a.text, v.b.text, v.class])));
  assert.ok(vs.every((v) => v.class === 'merged'));
  assert.ok(vs.every((v) => v.b.quoteId === `${r.B.id}:q1`));
});

test('unrelated quotes and repeats inside one article are not variants', () => {
  const r = pair(['The weather in Lisbon was lovely all week.'], ['Interest rates will stay where they are until spring.']);
  assert.deepEqual(matchQuoteVariants(r), []);
  const A = article('a.txt', ['“Nothing is agreed until everything is agreed,” he said.', 'Later: “Nothing is agreed until everything is agreed.”']);
  const qs = quotes(A, [{ text: 'Nothing is agreed until everything is agreed,' }, { text: 'Nothing is agreed until everything is agreed.' }]);
  assert.deepEqual(matchQuoteVariants({ articles: [A], quotes: qs, sentences: sentencesOf(A) }), []);
});

test('a quote repeated by many outlets links each copy to the first, not all pairs', () => {
  const arts = Array.from({ length: 6 }, (_, i) => article(`o${i}.txt`, [`Intro ${i}.`, '“We are ready to talk without preconditions,” the minister said.']));
  const qs = arts.flatMap((a) => quotes(a, [{ text: 'We are ready to talk without preconditions,' }]));
  const vs = matchQuoteVariants({ articles: arts, quotes: qs, sentences: sentencesOf(...arts) });
  assert.equal(vs.length, 5);
  assert.ok(vs.every((v) => v.class === 'verbatim' && v.a.articleId === arts[0].id));
});

test('paraphrase outside quote marks is found, a different topic is not', () => {
  const r = pair(
    ['We will cut the fuel tax by half before the winter.'],
    [],
    ['The minister promised to cut the fuel tax by half before winter arrives.', 'Separately, the central bank left rates unchanged.'],
  );
  const vs = matchQuoteVariants(r);
  assert.equal(vs.length, 1);
  assert.equal(vs[0].class, 'paraphrased');
  assert.equal(vs[0].b.quoteId, null);
  assert.match(vs[0].b.text, /^The minister promised/);
});

test('classify and compare on normalised words', () => {
  const c = compare(words('a b c d e f g h i j'), words('a b c x e f g h i j'));
  assert.deepEqual([c.eq, c.del, c.ins], [9, 1, 1]);
  assert.equal(classify(c), 'reworded');
  assert.equal(classify(compare(words('one two three four'), words('one two three four'))), 'verbatim');
});

test('property: variants always carry valid spans into their articles', () => {
  const vocab = ['war', 'talks', 'Ukraine', 'Russia', 'peace', 'signal', 'Kremlin', 'open', 'ready', 'never', 'the', 'and', 'will', 'we'];
  const sentence = fc.array(fc.constantFrom(...vocab), { minLength: 2, maxLength: 9 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 }), (docs) => {
      const arts = docs.map((qs, i) => article(`p${i}.txt`, qs.map((q, j) => `Lead ${j}: “${q}” said one.`)));
      const qs = arts.flatMap((a, i) => quotes(a, docs[i].map((text, j) => ({ text, nth: docs[i].slice(0, j).filter((x) => x === text).length }))));
      const vs = matchQuoteVariants({ articles: arts, quotes: qs, sentences: sentencesOf(...arts) });
      const byId = new Map(arts.map((a) => [a.id, a]));
      for (const v of vs) {
        if (v.a.articleId === v.b.articleId) return false;
        for (const e of [v.a, v.b]) {
          const t = byId.get(e.articleId)!.text;
          if (!(e.start >= 0 && e.end <= t.length && e.start < e.end && t.slice(e.start, e.end) === e.text)) return false;
        }
        if (v.similarity < 0 || v.similarity > 1) return false;
      }
      return new Set(vs.map((v) => v.id)).size === vs.length;
    }),
    { numRuns: 60 },
  );
});

test('scales: 200 articles × 20 quotes stays fast and linear in verbatim copies', () => {
  const base = Array.from({ length: 20 }, (_, i) => `Statement number ${i} says the ${['army', 'bank', 'court', 'port', 'mine'][i % 5]} will act on item ${i * 7} soon enough`);
  const arts = Array.from({ length: 200 }, (_, k) =>
    article(`s${k}.txt`, [`Story ${k}.`, ...base.map((q, i) => `“${k % 3 === 0 && i % 4 === 0 ? q.replace('soon', 'quickly') : q}” said person ${i}.`)]),
  );
  const qs = arts.flatMap((a, k) => quotes(a, base.map((q, i) => ({ text: k % 3 === 0 && i % 4 === 0 ? q.replace('soon', 'quickly') : q }))));
  const t0 = performance.now();
  const vs = matchQuoteVariants({ articles: arts, quotes: qs, sentences: [] });
  const ms = performance.now() - t0;
  assert.ok(ms < 15000, `took ${ms} ms`);
  assert.equal(new Set(arts.map((a) => a.id)).size, 200);
  assert.ok(vs.length >= qs.length - 40 && vs.length < qs.length * 2, `${vs.length} variants for ${qs.length} quotes`);
  assert.ok(vs.some((v) => v.class === 'reworded'));
});

test('scare quotes and titles are matched only when identical', () => {
  const A = article('a.txt', ['He appeared on “Morning Joe” and then on “This Week with George Stephanopoulos” on Sunday.']);
  const B = article('b.txt', ['The “Morning Joe” host asked about “This Week” ratings.']);
  const qs = [
    ...quotes(A, [{ text: 'Morning Joe' }, { text: 'This Week with George Stephanopoulos' }]),
    ...quotes(B, [{ text: 'Morning Joe' }, { text: 'This Week' }]),
  ];
  const vs = matchQuoteVariants({ articles: [A, B], quotes: qs, sentences: sentencesOf(A, B) });
  assert.deepEqual(vs.map((v) => [v.a.text, v.class]), [['Morning Joe', 'verbatim']]);
});

test('a short phrase inside a longer quote is a variant only when the same speaker says it', () => {
  const mk = (speakerB: string) => {
    const A = article('a.txt', ['Trump said the country must stop being “politically correct” now.']);
    const B = article('b.txt', [`“We cannot afford to be so politically correct anymore,” ${speakerB} said.`]);
    const qs = [
      ...quotes(A, [{ text: 'politically correct', speaker: 'Trump', speakerId: 'a1', kind: 'partial' }]),
      ...quotes(B, [{ text: 'We cannot afford to be so politically correct anymore,', speaker: speakerB, speakerId: 'b1' }]),
    ];
    return matchQuoteVariants({ articles: [A, B], quotes: qs, sentences: [] });
  };
  assert.equal(mk('Donald Trump').length, 1);
  assert.equal(mk('Donald Trump')[0].class, 'extended');
  assert.equal(mk('Ted Cruz').length, 0);
});

test('quotes sharing only names or a stock phrase are not variants', () => {
  let r = pair(['That would be Hillary Clinton,'], ['my dear sister Hillary Clinton.']);
  assert.deepEqual(matchQuoteVariants(r), []);
  r = pair(['We are on fire to make her the next president of the United States,'], ['There is a huge expectation that the next president of the United States will lead this process in the right direction.']);
  assert.deepEqual(matchQuoteVariants(r), []);
});

test('no paraphrase from topic words or names alone, nor from a sentence that is not reported speech', () => {
  const r = pair(
    ['Donald Trump is on his way to the White House.', 'We will cut the fuel tax by half before the winter.'],
    [],
    ['Donald Trump met the White House press corps on his way out.', 'A fuel tax cut by half before the winter would cost billions.'],
  );
  assert.deepEqual(matchQuoteVariants(r), []);
});

test('adversarial: huge quotes stay bounded in time', () => {
  const vocab = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'kappa', 'theta'];
  let seedN = 7;
  const rnd = () => (seedN = (seedN * 16807) % 2147483647) / 2147483647;
  const long = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
  const q1 = long(30000);
  const q2 = long(30000);
  const q3 = q1.replace(/alpha/g, 'zeta');
  const A = article('a.txt', [`“${q1}” he said.`]);
  const B = article('b.txt', [`“${q2}” she said.`, `“${q3}” she said again.`]);
  const qs = [...quotes(A, [{ text: q1 }]), ...quotes(B, [{ text: q2 }, { text: q3 }])];
  const t0 = performance.now();
  const vs = matchQuoteVariants({ articles: [A, B], quotes: qs, sentences: sentencesOf(A, B) });
  const ms = performance.now() - t0;
  assert.ok(ms < 20000, `took ${ms} ms`);
  for (const v of vs) assert.ok(v.diff.length > 0);
});

test('wordDiff: curly and straight apostrophes, quote marks and dashes are not changes', () => {
  const parts = wordDiff('We are not aware of the described shifts in Russia’s position — “really”', 'We are not aware of the described changes in Russia\'s position - "really"');
  assert.deepEqual(parts.filter((p) => p.op !== 'equal').map((p) => `${p.op}:${p.text.trim()}`), ['delete:shifts', 'insert:changes']);
  assert.equal(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), 'We are not aware of the described changes in Russia\'s position - "really"');
});

test('wordDiff: property — the non-deleted parts always rebuild b exactly', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '’', "'", '—', '-', 'c d', '\n') }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '’', "'", '—', '-', 'c d') }), (a, b) => {
    const parts = wordDiff(a, b);
    assert.equal(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), b);
  }));
});
