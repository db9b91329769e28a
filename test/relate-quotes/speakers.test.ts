import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchQuoteVariants } from '../../src/relate/quote-variants.js';
import { resolveStorySpeakers } from '../../src/relate/speakers.js';
import { compareDescriptions, compareNames } from '../../src/relate/speaker-names.js';
import type { Speaker } from '../../src/model.js';
import { article, quotes, sentencesOf, speaker } from './build.js';
import { seed } from './seed.js';

function resolveSeed() {
  const s = seed();
  const variants = matchQuoteVariants(s);
  return { s, ...resolveStorySpeakers({ articles: s.articles, speakers: s.speakers, quotes: s.quotes, variants }) };
}

function identityOf(speakers: Speaker[], member: string): Speaker {
  const found = speakers.find((p) => p.members?.includes(member));
  assert.ok(found, `no identity holds ${member}`);
  return found;
}

test('seed: Peskov named in UNN and described in NY Post is one identity', () => {
  const { speakers, map } = resolveSeed();
  const p = identityOf(speakers, 'u-peskov');
  assert.equal(map.get('n-kremlin'), p.id);
  assert.deepEqual(p.names, ['Dmitry Peskov']);
  assert.deepEqual([...p.descriptions].sort(), ['Kremlin spokesman', 'a Kremlin spokesman']);
  assert.equal(p.kind, 'person');
  assert.ok(p.mergeEvidence?.some((e) => /same quote \(verbatim/.test(e)), JSON.stringify(p.mergeEvidence));
  // mentions from both articles, in story order
  assert.deepEqual(p.mentions.map((m) => m.text), ['a Kremlin spokesman', 'The spokesman', 'Kremlin spokesman Dmitry Peskov']);
});

test('seed: NSC member (NY Post) and NSC spokeswoman Adrienne Watson (UNN) merge on the shared quote', () => {
  const { speakers, map } = resolveSeed();
  const p = identityOf(speakers, 'u-watson');
  assert.equal(map.get('n-nsc'), p.id);
  assert.deepEqual(p.names, ['Adrienne Watson']);
  assert.ok(p.mergeEvidence?.some((e) => /reworded/.test(e) && /“national”/.test(e)), JSON.stringify(p.mergeEvidence));
});

test('seed: Fiona Hill is one identity; the officer and the officials stay apart', () => {
  const { speakers, map } = resolveSeed();
  const hill = identityOf(speakers, 'n-hill');
  assert.equal(map.get('u-hill'), hill.id);
  assert.deepEqual([...hill.descriptions].sort(), ['Former White House adviser', 'former White House official']);
  assert.equal(speakers.length, 5);
  assert.deepEqual(identityOf(speakers, 'n-officer').members, ['n-officer']);
  assert.deepEqual(identityOf(speakers, 'u-officials').members, ['u-officials']);
  assert.equal(identityOf(speakers, 'u-officials').kind, 'collective');
  // ids in first-appearance order: the NY Post (dated, first) introduces the Kremlin spokesman first
  assert.deepEqual(speakers.map((p) => p.id), ['p1', 'p2', 'p3', 'p4', 'p5']);
  assert.equal(map.get('n-kremlin'), 'p1');
});

test('issue 4: "Jane Doe, the ministry\'s spokeswoman" and "a ministry spokeswoman" are one person without a shared quote', () => {
  const A = article('a.txt', ['Jane Doe, the ministry\'s spokeswoman, said the plan was ready.']);
  const B = article('b.txt', ['A ministry spokeswoman said the ministry had no comment on the timing.']);
  const speakers = [
    speaker(A, { id: 'a1', names: ['Jane Doe'], descriptions: ["the ministry's spokeswoman"], mentions: ['Jane Doe, the ministry\'s spokeswoman'] }),
    speaker(B, { id: 'b1', descriptions: ['a ministry spokeswoman'], mentions: ['A ministry spokeswoman'] }),
  ];
  const r = resolveStorySpeakers({ articles: [A, B], speakers, quotes: [], variants: [] });
  assert.equal(r.speakers.length, 1);
  assert.equal(r.map.get('b1'), 'p1');
  assert.match(r.speakers[0].mergeEvidence![0], /equivalent descriptions/);
});

test('a description that fits two named people is not merged with either', () => {
  const A = article('a.txt', ['Jane Doe, a ministry spokeswoman, spoke.']);
  const B = article('b.txt', ['Mary Roe, a ministry spokeswoman, spoke too.']);
  const C = article('c.txt', ['A ministry spokeswoman declined to comment.']);
  const speakers = [
    speaker(A, { id: 'a1', names: ['Jane Doe'], descriptions: ['a ministry spokeswoman'], mentions: ['Jane Doe'] }),
    speaker(B, { id: 'b1', names: ['Mary Roe'], descriptions: ['a ministry spokeswoman'], mentions: ['Mary Roe'] }),
    speaker(C, { id: 'c1', descriptions: ['a ministry spokeswoman'], mentions: ['A ministry spokeswoman'] }),
  ];
  const r = resolveStorySpeakers({ articles: [A, B, C], speakers, quotes: [], variants: [] });
  assert.equal(r.speakers.length, 3);
});

test('two different named people are never merged, even when credited with the same quote', () => {
  const A = article('a.txt', ['“We will win this war,” said John Roe.']);
  const B = article('b.txt', ['“We will win this war,” said Anna Smith.']);
  const qs = [...quotes(A, [{ text: 'We will win this war,', speaker: 'John Roe', speakerId: 'a1' }]), ...quotes(B, [{ text: 'We will win this war,', speaker: 'Anna Smith', speakerId: 'b1' }])];
  const speakers = [
    speaker(A, { id: 'a1', names: ['John Roe'], mentions: ['John Roe'] }),
    speaker(B, { id: 'b1', names: ['Anna Smith'], mentions: ['Anna Smith'] }),
  ];
  const articles = [A, B];
  const variants = matchQuoteVariants({ articles, quotes: qs, sentences: sentencesOf(A, B) });
  assert.equal(variants.length, 1);
  const r = resolveStorySpeakers({ articles, speakers, quotes: qs, variants });
  assert.equal(r.speakers.length, 2);
});

test('surname ↔ full name merges only when one person in the story has that surname', () => {
  const A = article('a.txt', ['Jane Doe arrived. Later Doe spoke.']);
  const B = article('b.txt', ['Doe said it was over.']);
  const base = [
    speaker(A, { id: 'a1', names: ['Jane Doe'], mentions: ['Jane Doe'] }),
    speaker(B, { id: 'b1', names: ['Doe'], mentions: ['Doe said'] }),
  ];
  let r = resolveStorySpeakers({ articles: [A, B], speakers: base, quotes: [], variants: [] });
  assert.equal(r.speakers.length, 1);
  assert.match(r.speakers[0].mergeEvidence![0], /surname/);

  const C = article('c.txt', ['John Doe, her brother, disagreed.']);
  r = resolveStorySpeakers({
    articles: [A, B, C],
    speakers: [...base, speaker(C, { id: 'c1', names: ['John Doe'], mentions: ['John Doe'] })],
    quotes: [],
    variants: [],
  });
  assert.equal(r.speakers.length, 3, 'ambiguous surname stays alone; Jane and John stay apart');
});

test('transliteration variants of one name merge; different first names do not', () => {
  assert.equal(compareNames('Volodymyr Zelensky', 'Volodymyr Zelenskyy'), 'variant');
  assert.equal(compareNames('Zelenskiy', 'Volodymyr Zelensky'), 'surname');
  assert.equal(compareNames('Joe Biden', 'Hunter Biden'), 'different');
  assert.equal(compareNames('Mr. Peskov', 'Dmitry Peskov'), 'surname');
  assert.equal(compareNames('Jones', 'Jonas'), 'different');
});

test('description relations', () => {
  assert.equal(compareDescriptions('a Kremlin spokesman', 'Kremlin spokesman').relation, 'equivalent');
  assert.equal(compareDescriptions('a National Security Council member', 'US National Security Council spokeswoman').relation, 'compatible');
  assert.equal(compareDescriptions('a Kremlin spokesman', 'a White House spokesman').relation, 'conflict');
  assert.equal(compareDescriptions('a ministry spokesman', 'a ministry spokeswoman').relation, 'conflict');
  assert.equal(compareDescriptions('two people close to the Kremlin', 'two sources close to the Kremlin').relation, 'equivalent');
});

test('unnamed sources merge on equivalent descriptions only', () => {
  const A = article('a.txt', ['Two people close to the Kremlin said so.', 'A White House official disagreed.']);
  const B = article('b.txt', ['Two sources close to the Kremlin told Bloomberg.', 'A State Department official declined to comment.']);
  const speakers = [
    speaker(A, { id: 'a1', kind: 'collective', descriptions: ['two people close to the Kremlin'], mentions: ['Two people close to the Kremlin'] }),
    speaker(A, { id: 'a2', descriptions: ['a White House official'], mentions: ['A White House official'] }),
    speaker(B, { id: 'b1', kind: 'collective', descriptions: ['two sources close to the Kremlin'], mentions: ['Two sources close to the Kremlin'] }),
    speaker(B, { id: 'b2', descriptions: ['a State Department official'], mentions: ['A State Department official'] }),
  ];
  const r = resolveStorySpeakers({ articles: [A, B], speakers, quotes: [], variants: [] });
  assert.equal(r.map.get('a1'), r.map.get('b1'));
  assert.notEqual(r.map.get('a2'), r.map.get('b2'));
  assert.equal(r.speakers.length, 3);
});

test('deterministic: same identities and ids whatever the speaker input order', () => {
  const s = seed();
  const variants = matchQuoteVariants(s);
  const one = resolveStorySpeakers({ articles: s.articles, speakers: s.speakers, quotes: s.quotes, variants });
  const two = resolveStorySpeakers({ articles: s.articles, speakers: [...s.speakers].reverse(), quotes: s.quotes, variants });
  assert.deepEqual(two.speakers, one.speakers);
  assert.deepEqual([...two.map].sort(), [...one.map].sort());
});

test('scales: 2,000 article-level speakers over 200 articles resolve quickly', () => {
  const first = ['Anna', 'Boris', 'Chen', 'Dara', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jorge'];
  const last = ['Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrenko', 'Quispe', 'Rossi', 'Sato', 'Tanaka'];
  const arts = Array.from({ length: 200 }, (_, k) => article(`s${k}.txt`, [`Story ${k} with speakers.`]));
  const speakers: Speaker[] = arts.flatMap((a) =>
    first.map((f, i) => ({
      id: `${a.id}:s${i}`,
      kind: 'person' as const,
      names: [i % 2 ? `${f} ${last[i]}` : last[i]],
      descriptions: [`a ${['ministry', 'army', 'court', 'bank', 'port'][i % 5]} spokesman`],
      mentions: [{ articleId: a.id, start: 0, end: 5, text: 'Story' }],
    })),
  );
  const t0 = performance.now();
  const r = resolveStorySpeakers({ articles: arts, speakers, quotes: [], variants: [] });
  const ms = performance.now() - t0;
  assert.equal(r.speakers.length, 10);
  assert.ok(ms < 10000, `took ${ms} ms`);
});

test('a shared quote settles an ambiguous surname: "Trump" and "Donald Trump" merge, Ivanka stays apart', () => {
  const A = article('a.txt', ['“We are going to win so much,” Trump said.']);
  const B = article('b.txt', ['“We are going to win so much,” Donald Trump said.', 'Ivanka Trump smiled.']);
  const qs = [
    ...quotes(A, [{ text: 'We are going to win so much,', speaker: 'Trump', speakerId: 'a1', verb: 'said' }]),
    ...quotes(B, [{ text: 'We are going to win so much,', speaker: 'Donald Trump', speakerId: 'b1', verb: 'said' }]),
  ];
  const speakers = [
    speaker(A, { id: 'a1', names: ['Trump'], mentions: ['Trump'] }),
    speaker(B, { id: 'b1', names: ['Donald Trump'], mentions: ['Donald Trump'] }),
    speaker(B, { id: 'b2', names: ['Ivanka Trump'], mentions: ['Ivanka Trump'] }),
  ];
  const variants = matchQuoteVariants({ articles: [A, B], quotes: qs, sentences: sentencesOf(A, B) });
  const r = resolveStorySpeakers({ articles: [A, B], speakers, quotes: qs, variants });
  assert.equal(r.map.get('a1'), r.map.get('b1'));
  assert.notEqual(r.map.get('b2'), r.map.get('b1'));
  assert.match(r.speakers[0].mergeEvidence!.join(' '), /names fit/);
});

test('property: every article speaker maps to exactly one story identity with contiguous ids', async () => {
  const fc = (await import('fast-check')).default;
  const names = ['Jane Doe', 'Doe', 'John Doe', 'Anna Smith', 'Smith', 'Volodymyr Zelensky', 'Zelenskyy', 'Dmitry Peskov', 'Peskov'];
  const descs = ['a Kremlin spokesman', 'Kremlin spokesman', 'a ministry spokeswoman', 'two people close to the Kremlin', 'a White House official', 'the minister'];
  const arts = [0, 1, 2].map((i) => article(`p${i}.txt`, [`Article ${i} text with some words.`]));
  const spec = fc.array(
    fc.record({ art: fc.integer({ min: 0, max: 2 }), names: fc.subarray(names, { maxLength: 1 }), descs: fc.subarray(descs, { maxLength: 2 }) }),
    { maxLength: 12 },
  );
  fc.assert(
    fc.property(spec, (list) => {
      const speakers: Speaker[] = list.map((x, i) => ({
        id: `s${i}`,
        kind: x.names.length ? 'person' : 'anonymous',
        names: x.names,
        descriptions: x.descs,
        mentions: [{ articleId: arts[x.art].id, start: i % 5, end: (i % 5) + 3, text: arts[x.art].text.slice(i % 5, (i % 5) + 3) }],
      }));
      const r = resolveStorySpeakers({ articles: arts, speakers, quotes: [], variants: [] });
      if (r.map.size !== speakers.length) return false;
      const members = r.speakers.flatMap((p) => p.members ?? []);
      if (members.length !== speakers.length || new Set(members).size !== speakers.length) return false;
      if (!r.speakers.every((p, i) => p.id === `p${i + 1}`)) return false;
      // never two different full names of different people in one identity
      for (const p of r.speakers) {
        const full = p.names.filter((n) => n.includes(' '));
        for (const a of full) for (const b of full) if (a !== b && compareNames(a, b) === 'different') return false;
      }
      return true;
    }),
    { numRuns: 150 },
  );
});
