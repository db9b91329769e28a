import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alignment } from '../../src/model.js';
import { alignSentences } from '../../src/relate/alignment.js';
import { inlineStory, loadStory, sentenceWith, type Story } from './story.js';

/** The link joining sentence `i` of article `a` with sentence `j` of article `b`, if any. */
function linkOf(al: Alignment, story: Story, a: number, i: number, b: number, j: number) {
  const ida = story.articles[a].id;
  const idb = story.articles[b].id;
  return al.links.find((l) => {
    const all = [...l.a, ...l.b];
    return all.some((r) => r.articleId === ida && r.sentence === i) && all.some((r) => r.articleId === idb && r.sentence === j);
  });
}

function partnersOf(al: Alignment, story: Story, a: number, i: number, b: number): number[] {
  const ida = story.articles[a].id;
  const idb = story.articles[b].id;
  const out: number[] = [];
  for (const l of al.links) {
    const all = [...l.a, ...l.b];
    if (all.some((r) => r.articleId === ida && r.sentence === i)) for (const r of all) if (r.articleId === idb) out.push(r.sentence);
  }
  return out;
}

test('seed story: independent re-translations of one Bloomberg text align', () => {
  const s = loadStory('putin-backchannel'); // [nypost, unn]
  const al = alignSentences(s.articles, s.sentences);
  const pairs: Array<[string, string]> = [
    ['Putin may be willing to abandon his long-held opposition', 'Putin, they said, may be willing to consider'],
    ['The signals were sent to senior U.S. officials', 'said the signals were relayed to senior U.S. officials'],
    ['retain control of the territory', 'recognition of the Kremlin'],
    ['President Putin has repeatedly stated', 'President Putin has repeatedly stated'],
    ['We are not aware of the described shifts', 'We are not aware of the described changes'],
    ['It will be up to Ukraine to decide', 'Ukraine will decide if, when, and how'],
    ['The Russians want us to create the idea', 'The Russians want us to create the perception'],
  ];
  for (const [a, b] of pairs) {
    const i = sentenceWith(s, 0, a);
    const j = sentenceWith(s, 1, b);
    const l = linkOf(al, s, 0, i, 1, j);
    assert.ok(l, `expected ${JSON.stringify(a)} ↔ ${JSON.stringify(b)}; got partners ${partnersOf(al, s, 0, i, 1)}`);
    assert.equal(l.kind, 'reworded');
  }
  // Material only in the New York Post is unique.
  for (const needle of ['$61.4 billion', 'The ratio is about 10 to 1']) {
    const k = sentenceWith(s, 0, needle);
    assert.ok(al.unique.some((u) => u.articleId === s.articles[0].id && u.sentence === k), needle);
  }
});

test('wire copy: identical sentences are "same"', () => {
  const s = loadStory('isis-chlorine-gas'); // [1590 (NINA), 466, 969]
  const al = alignSentences(s.articles, s.sentences);
  const l = linkOf(al, s, 0, sentenceWith(s, 0, 'Terrorist, Daash used Chlorine gas'), 1, sentenceWith(s, 1, 'Terrorist, Daash used Chlorine gas'));
  assert.ok(l);
  assert.equal(l.kind, 'same');
  // A retelling with other words is reworded, not same.
  const r = linkOf(al, s, 1, sentenceWith(s, 1, 'several Iraqi officials confirmed'), 2, sentenceWith(s, 2, 'Members of Parliament from Diwaniyah'));
  assert.ok(r);
  assert.equal(r.kind, 'reworded');
});

test('meteorite story: shortened retellings align across three outlets, and a merged pair is found', () => {
  const s = loadStory('nicaragua-meteorite'); // [0 (AP-based), 173 (Guardian-like), 221 (NPR-like)]
  const al = alignSentences(s.articles, s.sentences);
  const ask = sentenceWith(s, 0, 'Murillo said Nicaragua will ask international experts');
  assert.ok(linkOf(al, s, 0, ask, 2, sentenceWith(s, 2, 'Nicaragua will ask international experts')));
  assert.ok(linkOf(al, s, 0, ask, 1, sentenceWith(s, 1, 'international scientists had been called in')));
  assert.ok(linkOf(al, s, 0, sentenceWith(s, 0, 'I was sitting on my porch'), 1, sentenceWith(s, 1, 'I was sitting on my porch')));
  // One sentence of body 173 retells two adjacent sentences of body 0.
  const unclear = sentenceWith(s, 1, 'unclear whether the meteorite disintegrated');
  const partners = partnersOf(al, s, 1, unclear, 0);
  assert.ok(partners.includes(sentenceWith(s, 0, 'still not clear if the meteorite disintegrated')), String(partners));
  assert.ok(al.links.some((l) => l.a.length + l.b.length >= 3), 'a merged link');
});

test('robust to reordering and shortening; captions align only with captions', () => {
  const a = [
    'The central bank raised interest rates by half a point on Tuesday to fight inflation.',
    'Officials said prices for food and energy had risen faster than expected this spring.',
    'Markets in Europe fell sharply after the announcement, led by property shares.',
    '[caption] The bank governor speaks to reporters in the capital.',
  ].join('\n\n');
  const b = [
    'European markets fell sharply after the announcement.',
    'On Tuesday the central bank raised interest rates by half a point to fight inflation, its officials said.',
    'Food and energy prices had risen faster than expected, officials said.',
    '[caption] The bank governor speaks to reporters.',
  ].join('\n\n');
  const s = inlineStory([a, b]);
  const al = alignSentences(s.articles, s.sentences);
  assert.deepEqual(partnersOf(al, s, 0, 0, 1), [1]);
  assert.deepEqual(partnersOf(al, s, 0, 1, 1), [2]);
  assert.deepEqual(partnersOf(al, s, 0, 2, 1), [0]);
  const cap = sentenceWith(s, 0, 'The bank governor');
  assert.deepEqual(partnersOf(al, s, 0, cap, 1), [sentenceWith(s, 1, 'The bank governor')]);
  for (const l of al.links) {
    const caps = [...l.a, ...l.b].map((r) => s.sentences[s.articles.findIndex((x) => x.id === r.articleId)][r.sentence].caption);
    assert.ok(caps.every((c) => c === caps[0]), 'caption linked with body');
  }
});

test('unrelated articles do not align', () => {
  const s = inlineStory([
    'The city council approved a new budget for public libraries on Monday.\n\nThe vote was unanimous.',
    'A powerful earthquake struck the northern coast of the island overnight.\n\nRescue teams searched collapsed buildings.',
  ]);
  const al = alignSentences(s.articles, s.sentences);
  assert.equal(al.links.length, 0);
  assert.equal(al.unique.length, 4);
});

test('property: links never join an article to itself; every sentence is linked or unique, never both; deterministic', () => {
  const sentencePool = [
    'The minister resigned after the vote on Monday.', 'Protesters gathered outside parliament in the rain.',
    'The minister reportedly resigned after Monday’s vote.', 'Police said 25 people were arrested.',
    'Twenty-five people were arrested, police said.', 'The opposition called for early elections.',
    'Early elections were demanded by the opposition.', 'Markets were calm.', 'It rained.',
  ];
  const article = fc.array(fc.constantFrom(...sentencePool), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(' '));
  fc.assert(fc.property(fc.array(article, { minLength: 2, maxLength: 4 }), (texts0) => {
    const texts = texts0.map((t, i) => `${t} Article number ${i} ends here.`);
    const s = inlineStory(texts);
    const al = alignSentences(s.articles, s.sentences);
    const linked = new Set<string>();
    for (const l of al.links) {
      assert.ok(l.a.length > 0 && l.b.length > 0);
      assert.notEqual(l.a[0].articleId, l.b[0].articleId);
      assert.ok(l.score >= 0 && l.score <= 1);
      for (const r of [...l.a, ...l.b]) linked.add(`${r.articleId}:${r.sentence}`);
    }
    const total = s.sentences.reduce((n, x) => n + x.length, 0);
    const unique = new Set(al.unique.map((r) => `${r.articleId}:${r.sentence}`));
    for (const u of unique) assert.ok(!linked.has(u));
    assert.equal(linked.size + unique.size, total);
    assert.deepEqual(alignSentences(s.articles, s.sentences), al);
  }), { numRuns: 60 });
});

test('mismatched inputs are a clear error', () => {
  const s = inlineStory(['One sentence here about the budget.']);
  assert.throws(() => alignSentences(s.articles, []), /1 articles but 0 sentence lists/);
});

test('scales: 120 articles x 40 sentences align in reasonable time', () => {
  // Synthetic story: every article retells a shuffled subset of 60 base sentences plus its own material.
  const base = Array.from({ length: 60 }, (_, i) =>
    `Officials in province ${i} said the ${['storm', 'flood', 'fire', 'quake'][i % 4]} damaged ${i * 7 + 3} homes and ${['roads', 'bridges', 'schools'][i % 3]} near river ${String.fromCharCode(65 + (i % 26))}${i}.`);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const texts = Array.from({ length: 120 }, (_, a) => {
    const picked = base.filter(() => rnd() < 0.55).slice(0, 34);
    const own = Array.from({ length: 6 }, (_, k) => `Reporter ${a} noted detail ${k} about local volunteer group number ${a * 10 + k}.`);
    return [...picked, ...own].sort(() => rnd() - 0.5).join('\n\n');
  });
  const s = inlineStory(texts);
  const t0 = performance.now();
  const al = alignSentences(s.articles, s.sentences);
  const ms = performance.now() - t0;
  assert.ok(al.links.length > 1000);
  assert.ok(ms < 15000, `took ${ms} ms`);
});

test('seed story: precision and recall against a hand-labelled alignment', async () => {
  const { readFixture } = await import('../helpers.js');
  const gold = JSON.parse(readFixture('stories', 'putin-backchannel', 'gold-alignment.json')) as { pairs: Array<[string, string]> };
  const s = loadStory('putin-backchannel');
  const al = alignSentences(s.articles, s.sentences);
  const goldPairs = new Set(gold.pairs.map(([a, b]) => `${sentenceWith(s, 0, a)}-${sentenceWith(s, 1, b)}`));
  const goldA = new Set([...goldPairs].map((p) => p.split('-')[0]));
  let correct = 0;
  const found = new Set<string>();
  for (const l of al.links) {
    const as = [...l.a, ...l.b].filter((r) => r.articleId === s.articles[0].id).map((r) => r.sentence);
    const bs = [...l.a, ...l.b].filter((r) => r.articleId === s.articles[1].id).map((r) => r.sentence);
    const hits = as.flatMap((a) => bs.map((b) => `${a}-${b}`)).filter((p) => goldPairs.has(p));
    if (hits.length) correct++;
    hits.forEach((h) => found.add(h));
  }
  const precision = correct / al.links.length;
  const recall = found.size / goldPairs.size;
  console.log(`# seed alignment vs gold: precision ${precision.toFixed(2)} (${correct}/${al.links.length}), recall ${recall.toFixed(2)} (${found.size}/${goldPairs.size}), gold sentences in a: ${goldA.size}`);
  assert.ok(precision >= 0.8, `precision ${precision}`);
  assert.ok(recall >= 0.6, `recall ${recall}`);
});

test('empty inputs and empty articles', () => {
  assert.deepEqual(alignSentences([], []), { links: [], unique: [] });
  const s = inlineStory(['', 'A sentence about the budget vote in parliament.']);
  const al = alignSentences(s.articles, s.sentences);
  assert.equal(al.links.length, 0);
  assert.equal(al.unique.length, 1);
});

test('order rescue: a weak pair between two matched neighbours is linked, only then', () => {
  const a = 'The central bank raised interest rates by half a point on Tuesday to fight inflation.\n\nOfficials said the decision surprised several investors in the bond market.\n\nMarkets in Europe fell sharply after the announcement, led by property shares.';
  const b = 'The central bank raised interest rates by half a point on Tuesday to fight inflation.\n\nSome bond investors were caught off guard by the surprise move, analysts said.\n\nMarkets in Europe fell sharply after the announcement, led by property shares.';
  const s = inlineStory([a, b]);
  const withRescue = alignSentences(s.articles, s.sentences, { minScore: 0.6 });
  const without = alignSentences(s.articles, s.sentences, { minScore: 0.6, rescueScore: 1 });
  assert.deepEqual(partnersOf(withRescue, s, 0, 1, 1), [1]);
  assert.deepEqual(partnersOf(without, s, 0, 1, 1), []);
  assert.equal(without.links.length, 2);
});

test('kthLargest agrees with sorting (property)', async () => {
  const { kthLargest } = await import('../../src/relate/alignment.js');
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }), fc.nat(), (v, k0) => {
    const k = (k0 % v.length) + 1;
    assert.equal(kthLargest([...v], k), [...v].sort((a, b) => b - a)[k - 1]);
  }), { numRuns: 300 });
});
