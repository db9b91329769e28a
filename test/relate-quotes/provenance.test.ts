import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildProvenance, outletKey } from '../../src/relate/provenance.js';
import { matchQuoteVariants } from '../../src/relate/quote-variants.js';
import { resolveStorySpeakers } from '../../src/relate/speakers.js';
import type { Alignment, Article, Citation, CitationKind } from '../../src/model.js';
import { article, locate, quotes } from './build.js';
import { seed } from './seed.js';

let n = 0;
function cite(a: Article, phrase: string, source: string, kind: CitationKind, cue: string): Citation {
  const span = locate(a, phrase);
  const at = a.text.indexOf(source, span.start);
  return {
    id: `${a.id}:c${++n}`,
    articleId: a.id,
    start: span.start,
    end: span.end,
    source,
    kind,
    sourceSpan: at >= 0 ? { start: at, end: at + source.length } : span,
    cue,
    count: kind === 'anonymous' ? 2 : null,
    description: kind === 'anonymous' ? 'close to the Kremlin' : null,
  };
}

function seedGraph() {
  const s = seed();
  const variants = matchQuoteVariants(s);
  const r = resolveStorySpeakers({ articles: s.articles, speakers: s.speakers, quotes: s.quotes, variants });
  const quotes = s.quotes.map((q) => ({ ...q, speakerId: q.speakerId ? r.map.get(q.speakerId)! : null }));
  const citations = [
    cite(s.nyp, 'two sources close to the Kremlin told Bloomberg', 'Bloomberg', 'outlet', 'told'),
    cite(s.nyp, 'two sources close to the Kremlin', 'two sources close to the Kremlin', 'anonymous', 'told'),
    cite(s.nyp, 'told CNN', 'CNN', 'outlet', 'told'),
    cite(s.unn, 'UNN reports citing\u00a0Bloomberg', 'Bloomberg', 'outlet', 'citing'),
    cite(s.unn, 'According to two people close to the Kremlin', 'two people close to the Kremlin', 'anonymous', 'according to'),
  ];
  return { s, graph: buildProvenance({ articles: s.articles, citations, quotes, storySpeakers: r.speakers }) };
}

test('seed: both articles cite Bloomberg, one node; anonymous Kremlin sources are one node', () => {
  const { s, graph } = seedGraph();
  const ids = graph.nodes.map((x) => x.id);
  assert.deepEqual(ids.slice(0, 2), [`article:${s.nyp.id}`, `article:${s.unn.id}`]);
  assert.ok(graph.nodes.slice(0, 2).every((x) => x.kind === 'article' && x.input));
  assert.equal(graph.nodes[0].label, 'New York Post');
  assert.equal(ids.filter((x) => x === 'outlet:bloomberg').length, 1);
  const bloomberg = graph.edges.filter((e) => e.to === 'outlet:bloomberg');
  assert.deepEqual(bloomberg.map((e) => e.from).sort(), [`article:${s.nyp.id}`, `article:${s.unn.id}`].sort());
  assert.ok(bloomberg.every((e) => e.kind === 'cites' && e.evidence.length === 1));
  const bNode = graph.nodes.find((x) => x.id === 'outlet:bloomberg')!;
  assert.equal(bNode.input, false);
  const anon = graph.nodes.filter((x) => x.kind === 'anonymous' && /Kremlin/.test(x.label));
  assert.equal(anon.length, 1, JSON.stringify(anon));
  assert.equal(graph.edges.filter((e) => e.to === anon[0].id).length, 2);
  assert.ok(ids.includes('outlet:cnn'));
});

test('seed: quote edges go to the story identity with the quotes as evidence', () => {
  const { s, graph } = seedGraph();
  const peskov = graph.edges.filter((e) => e.to === 'person:dmitry-peskov' && e.kind === 'quotes');
  assert.equal(peskov.length, 2);
  const fromNyp = peskov.find((e) => e.from === `article:${s.nyp.id}`)!;
  assert.match(fromNyp.explanation, /New York Post quotes Dmitry Peskov \(as “a Kremlin spokesman”/);
  for (const e of graph.edges) {
    for (const ev of e.evidence) {
      const a = s.articles.find((x) => x.id === ev.articleId)!;
      assert.equal(a.text.slice(ev.start, ev.end), ev.text);
    }
    assert.ok(e.explanation.length > 0 && !e.explanation.includes('\n'));
  }
  // deterministic
  assert.deepEqual(seedGraph().graph, graph);
});

test('a cited outlet that is an input article is that article node', () => {
  const A = article('a.txt', ['The minister resigned, Reuters reported.'], { outlet: 'Reuters', publishedAt: '2024-01-01T10:00:00.000Z' });
  const B = article('b.txt', ['The minister resigned, according to the news agency Reuters.'], { outlet: 'Daily Planet', publishedAt: '2024-01-01T12:00:00.000Z' });
  const c = cite(B, 'according to the news agency Reuters', 'Reuters', 'outlet', 'according to');
  const g = buildProvenance({ articles: [A, B], citations: [c], quotes: [], storySpeakers: [] });
  assert.equal(g.nodes.length, 2);
  assert.equal(g.edges.length, 1);
  assert.equal(g.edges[0].to, `article:${A.id}`);
  assert.match(g.edges[0].explanation, /an input article/);
  assert.equal(outletKey('The Associated Press'), outletKey('AP'));
});

test('copies edge from the later article to the earlier one, only when dated', () => {
  const shared = [
    'The old stone bridge over the river collapsed at dawn on Tuesday after four days of heavy rain in the valley.',
    'Rescue teams working through the morning pulled four people from the water and took them to the regional hospital.',
    'Officials closed the main road to all traffic and said repairs to the crossing would take at least six months.',
  ];
  const A = article('a.txt', shared, { outlet: 'First', publishedAt: '2024-02-01T08:00:00.000Z' });
  const B = article('b.txt', ['Intro of the copy.', ...shared], { outlet: 'Second', publishedAt: '2024-02-01T15:00:00.000Z' });
  const links = shared.map((t, i) => {
    const ra = locate(A, t);
    const rb = locate(B, t);
    return {
      a: [{ articleId: A.id, sentence: i, ...ra }],
      b: [{ articleId: B.id, sentence: i + 1, ...rb }],
      kind: 'same' as const,
      score: 1,
    };
  });
  const alignment: Alignment = { links, unique: [] };
  let g = buildProvenance({ articles: [B, A], citations: [], quotes: [], storySpeakers: [], alignment });
  const copies = g.edges.filter((e) => e.kind === 'copies');
  assert.equal(copies.length, 1);
  assert.equal(copies[0].from, `article:${B.id}`);
  assert.equal(copies[0].to, `article:${A.id}`);
  assert.match(copies[0].explanation, /Second repeats 3 sentences .* of First word for word and was published later/);
  assert.equal(copies[0].evidence.length, 6);

  const undated = [A, B].map((x) => ({ ...x, publishedAt: null }));
  g = buildProvenance({ articles: undated, citations: [], quotes: [], storySpeakers: [], alignment });
  assert.equal(g.edges.length, 0);
});

test('an edge says how the article itself named a merged source', () => {
  const { s, graph } = seedGraph();
  const e = graph.edges.find((x) => x.from === `article:${s.unn.id}` && x.to.startsWith('anon:'))!;
  assert.ok(e);
  assert.match(e.explanation, /\(as “two people close to the Kremlin”\)/);
});

test('a quote given to an outlet ("…,” X told Bloomberg) adds an outlet → speaker edge', () => {
  const A = article('a.txt', [
    '“We are open to talks,” a Kremlin spokesman told Bloomberg.',
    'Separately, the paper said on Monday that “nothing has changed” in the talks.',
  ], { outlet: 'Daily Planet' });
  const qs = quotes(A, [
    { text: 'We are open to talks,', speaker: 'a Kremlin spokesman', speakerId: 'p1', verb: 'told' },
    { text: 'nothing has changed', kind: 'partial' },
  ]);
  const storySpeakers = [{ id: 'p1', kind: 'anonymous' as const, names: [], descriptions: ['a Kremlin spokesman'], mentions: [], members: ['p1'] }];
  const c = cite(A, 'told Bloomberg', 'Bloomberg', 'outlet', 'told');
  const g = buildProvenance({ articles: [A], citations: [c], quotes: qs, storySpeakers });
  const relay = g.edges.find((e) => e.from === 'outlet:bloomberg');
  assert.ok(relay, JSON.stringify(g.edges.map((e) => [e.from, e.to])));
  assert.ok(relay.to.startsWith('anon:'));
  assert.equal(relay.kind, 'quotes');
  assert.match(relay.explanation, /^Bloomberg quoted a Kremlin spokesman first, as relayed by Daily Planet/);
  assert.deepEqual(relay.evidence.map((e) => e.text), ['We are open to talks,', 'told Bloomberg']);
  // the unattributed partial quote in the next paragraph is not given to Bloomberg
  assert.equal(g.edges.filter((e) => e.from === 'outlet:bloomberg').length, 1);
});

test('a person cited by surname is the story identity with that name', () => {
  const A = article('a.txt', ['Peskov, according to Interfax, denied it.'], { outlet: 'Wire' });
  const c = cite(A, 'Peskov', 'Peskov', 'person', 'according to');
  const storySpeakers = [{ id: 'p1', kind: 'person' as const, names: ['Dmitry Peskov'], descriptions: [], mentions: [], members: [] }];
  const g = buildProvenance({ articles: [A], citations: [c], quotes: [], storySpeakers });
  assert.deepEqual(g.edges.map((e) => [e.to, e.kind]), [['person:dmitry-peskov', 'cites']]);
  assert.equal(g.nodes.filter((n) => n.kind === 'person').length, 1);
});
