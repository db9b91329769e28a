import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Citation, Finding } from '../../src/model.js';
import { chooseReference, findTextFindings } from '../../src/relate/text-findings.js';
import { alignSentences } from '../../src/relate/alignment.js';
import { analyzeStory, inlineStory, loadStory, type Story } from './story.js';

function checkEvidence(story: Story, findings: Finding[]): void {
  for (const f of findings) {
    assert.match(f.id, new RegExp(`^f-${f.kind}-[0-9a-f]{10}$`));
    assert.ok(f.explanation.length > 10 && !f.explanation.includes('\n'), f.explanation);
    assert.ok(f.articles.length >= 1 && f.evidence.length >= 1);
    for (const e of f.evidence) {
      const a = story.articles.find((x) => x.id === e.articleId)!;
      assert.ok(a, 'evidence names an input article');
      assert.equal(a.text.slice(e.start, e.end), e.text);
      assert.ok(f.articles.includes(e.articleId));
    }
  }
}

const of = (fs: Finding[], kind: Finding['kind']) => fs.filter((f) => f.kind === kind);

test('attribution dropped: attributed in the earlier article, stated as fact in the later', () => {
  const s = inlineStory([
    'The army will withdraw its troops from the northern city of Kharkiv next week, two officials told Reuters.\n\nThe weather was cold.',
    'The army will withdraw its troops from the northern city of Kharkiv next week.\n\nIt was a cold day.',
  ], [{ publishedAt: '2024-01-01T10:00:00.000Z' }, { publishedAt: '2024-01-01T12:00:00.000Z' }]);
  const { findings } = analyzeStory(s);
  const f = of(findings, 'attribution-dropped');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].articles, [s.articles[0].id, s.articles[1].id]);
  assert.equal(f[0].severity, 'high');
  assert.ok(f[0].evidence.some((e) => e.text === 'told'));
  assert.ok(f[0].evidence.some((e) => e.articleId === s.articles[1].id && e.text.startsWith('The army will withdraw')));
  checkEvidence(s, findings);
});

test('attribution kept in the paragraph is not a drop', () => {
  const s = inlineStory([
    'The army will withdraw its troops from the northern city of Kharkiv next week, two officials told Reuters.',
    'Two officials spoke to Reuters on Monday. The army will withdraw its troops from the northern city of Kharkiv next week.',
  ]);
  assert.equal(of(analyzeStory(s).findings, 'attribution-dropped').length, 0);
});

test('hedge dropped and hedge added, in publication order', () => {
  const earlier = 'The defence minister reportedly resigned on Monday after the parliamentary vote on the budget.';
  const later = 'The defence minister resigned on Monday after the parliamentary vote on the budget.';
  // Input order is later first: direction must follow the dates.
  const s = inlineStory([later, earlier], [{ publishedAt: '2024-03-02T00:00:00Z' }, { publishedAt: '2024-03-01T00:00:00Z' }]);
  const { findings } = analyzeStory(s);
  const d = of(findings, 'hedge-dropped');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].articles, [s.articles[1].id, s.articles[0].id]);
  assert.equal(d[0].severity, 'high');
  assert.ok(d[0].evidence.some((e) => e.text === 'reportedly'));
  assert.equal(of(findings, 'hedge-added').length, 0);

  const s2 = inlineStory([later, earlier], [{ publishedAt: '2024-03-01T00:00:00Z' }, { publishedAt: '2024-03-02T00:00:00Z' }]);
  const f2 = analyzeStory(s2).findings;
  assert.equal(of(f2, 'hedge-added').length, 1);
  assert.equal(of(f2, 'hedge-dropped').length, 0);
  checkEvidence(s2, f2);
});

test('a hedge that survives under another hedge is not reported', () => {
  const s = inlineStory([
    'Putin may be willing to abandon his opposition to Ukraine joining NATO, two sources said.',
    'Putin could be willing to abandon his opposition to Ukraine joining NATO, two sources said.',
  ]);
  const { findings } = analyzeStory(s);
  assert.equal(of(findings, 'hedge-dropped').length + of(findings, 'hedge-added').length, 0);
});

test('certainty escalated (considering → decided) and softened', () => {
  const s = inlineStory([
    'The European Union is considering new sanctions against Russian banks over the attack, diplomats said.',
    'The European Union has decided on new sanctions against Russian banks over the attack, diplomats said.',
  ]);
  const { findings } = analyzeStory(s);
  const e = of(findings, 'certainty-escalated');
  assert.equal(e.length, 1);
  assert.ok(e[0].evidence.some((x) => x.text === 'considering'));
  assert.ok(e[0].evidence.some((x) => x.text === 'decided'));
  assert.match(e[0].explanation, /considering.*decided/);
  const r = inlineStory([
    'The European Union has decided on new sanctions against Russian banks over the attack, diplomats said.',
    'The European Union is weighing new sanctions against Russian banks over the attack, diplomats said.',
  ]);
  assert.equal(of(analyzeStory(r).findings, 'certainty-softened').length, 1);
  // A hedged claim made certain: "may" → "confirmed".
  const m = inlineStory([
    'The ministry said the missile may have been fired from the occupied coastal region near Kherson.',
    'The ministry confirmed the missile was fired from the occupied coastal region near Kherson.',
  ]);
  assert.equal(of(analyzeStory(m).findings, 'certainty-escalated').length, 1);
});

test('number mismatch in aligned sentences; unit conversions and number words agree', () => {
  const s = inlineStory([
    'The storm killed 25 people in the coastal province of Quang Ninh, officials said.',
    'The storm killed 52 people in the coastal province of Quang Ninh, officials said.',
  ]);
  const f = of(analyzeStory(s).findings, 'number-mismatch');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].evidence.map((e) => e.text), ['25', '52']);
  assert.equal(f[0].severity, 'high');
  // 16-foot vs 5m, 300 vs three hundred: agree.
  const ok = inlineStory([
    'The meteorite left a 16-foot deep crater near the airport, and 300 soldiers guarded the site.',
    'The meteorite left a 5m-deep crater near the airport, and three hundred soldiers guarded the site.',
  ]);
  assert.equal(of(analyzeStory(ok).findings, 'number-mismatch').length, 0);
});

test('number mismatch by what it counts, even when the sentences do not align', () => {
  const s = inlineStory([
    'Russia spends about 40% of its national budget on the military. Other things happened.',
    'Analysts note that defence is a priority. The Kremlin now spends 30% of its national budget on the military and more.',
  ]);
  const f = of(analyzeStory(s).findings, 'number-mismatch');
  assert.ok(f.some((x) => x.evidence.map((e) => e.text).join('|') === 'about 40%|30%'), JSON.stringify(f));
});

test('seed story: New York Post material UNN leaves out, and no false number mismatch', () => {
  const s = loadStory('putin-backchannel', { 'nypost.txt': { outlet: 'New York Post', publishedAt: '2024-01-26T00:00:00.000Z' }, 'unn.txt': { outlet: 'UNN' } });
  const { findings } = analyzeStory(s);
  checkEvidence(s, findings);
  const dropped = of(findings, 'material-dropped');
  assert.ok(dropped.some((f) => f.evidence[0].text.includes('$61.4 billion') && f.severity === 'medium'));
  assert.ok(dropped.every((f) => f.evidence[0].articleId === s.articles[0].id), 'reference is the dated NY Post');
  assert.ok(dropped.every((f) => f.explanation.startsWith('UNN leaves out')));
  assert.ok(of(findings, 'material-added').some((f) => f.evidence[0].text.includes('peace formula') || f.evidence[0].text.includes('see no indication')));
  assert.equal(of(findings, 'number-mismatch').length, 0);
  assert.ok(findings.length <= 20, `too noisy: ${findings.length}`);
});

test('wire copies produce no sentence-pair findings; material is capped per pair', () => {
  const s = loadStory('isis-chlorine-gas');
  const { findings } = analyzeStory(s);
  checkEvidence(s, findings);
  for (const k of ['number-mismatch', 'hedge-dropped', 'attribution-dropped', 'certainty-escalated'] as const) {
    assert.equal(of(findings, k).length, 0, `${k}: ${JSON.stringify(of(findings, k).map((f) => f.explanation))}`);
  }
  const perPair = new Map<string, number>();
  for (const f of findings) {
    const k = f.kind + f.articles.join();
    perPair.set(k, (perPair.get(k) ?? 0) + 1);
  }
  for (const n of perPair.values()) assert.ok(n <= 5);
});

test('meteorite story: metric and imperial sizes do not count as mismatches', () => {
  const s = loadStory('nicaragua-meteorite');
  const { findings } = analyzeStory(s);
  checkEvidence(s, findings);
  assert.equal(of(findings, 'number-mismatch').length, 0, JSON.stringify(of(findings, 'number-mismatch').map((f) => f.explanation)));
});

test('reference: the cited article, else the earliest, else the first', () => {
  const s = inlineStory(['Alpha text about budgets and votes.', 'Beta text about budgets and votes.', 'Gamma text.'],
    [{ outlet: 'Bloomberg', publishedAt: '2024-01-03T00:00:00Z' }, { outlet: 'UNN', publishedAt: '2024-01-02T00:00:00Z' }, {}]);
  assert.equal(chooseReference(s.articles, []), 1);
  const cite: Citation = { id: 'c1', articleId: s.articles[1].id, start: 0, end: 5, source: 'Bloomberg', kind: 'outlet',
    sourceSpan: { start: 0, end: 5 }, cue: 'citing', count: null, description: null };
  assert.equal(chooseReference(s.articles, [cite]), 0);
  const u = inlineStory(['One.', 'Two.']);
  assert.equal(chooseReference(u.articles, []), 0);
});

test('fewer than two articles: no findings; deterministic output', () => {
  const one = inlineStory(['The storm killed 25 people in the province.']);
  const al = alignSentences(one.articles, one.sentences);
  assert.deepEqual(findTextFindings({ articles: one.articles, sentences: one.sentences, alignment: al, hedges: [], numbers: [], attributions: [], citations: [] }), []);
  const s = loadStory('nicaragua-meteorite');
  assert.deepEqual(analyzeStory(s).findings, analyzeStory(s).findings);
});

test('sentences may be given flat (grouped by article id), with the same findings', () => {
  const s = loadStory('putin-backchannel');
  const { alignment, hedges, numbers, findings } = analyzeStory(s);
  const flatInput = { articles: s.articles, sentences: s.sentences.flat(), alignment, hedges: hedges.flat(), numbers: numbers.flat(), attributions: [], citations: [] };
  assert.deepEqual(findTextFindings(flatInput), findings);
});

test('qualified numbers that can both be true are not a mismatch', () => {
  const pairs: Array<[string, string, number]> = [
    ['219', 'more than 200', 0], ['about 11', 'more than a dozen', 0], ['around 30', '54', 1], ['six', '10', 1],
    ['nearly 300', '290', 0], ['up to 40', '45', 1], ['at least 25', '30', 0],
  ];
  for (const [x, y, expected] of pairs) {
    const s = inlineStory([
      `Police said ${x} people were arrested during the protests in the capital on Sunday night.`,
      `Police said ${y} people were arrested during the protests in the capital on Sunday night.`,
    ]);
    assert.equal(of(analyzeStory(s).findings, 'number-mismatch').length, expected, `${x} vs ${y}`);
  }
});

test('hedged "is said to" and participles like "posted by" are not attributions', () => {
  const s = inlineStory([
    'He is said to have graduated with a degree in computer programming from the University of Westminster.',
    'He graduated with a degree in computer programming from the University of Westminster.',
  ]);
  const f = analyzeStory(s).findings;
  assert.equal(of(f, 'attribution-dropped').length, 0);
  assert.equal(of(f, 'hedge-dropped').length, 1);
});

test('a newspaper report or a tweet is an attribution; "confirmed to be" is not', () => {
  const s = inlineStory([
    'A South Korean newspaper said North Korean leader Kim Jong-un underwent surgery on both ankles this month.',
    'A newspaper report says North Korean leader Kim Jong-un underwent surgery on both ankles this month.',
  ]);
  assert.equal(of(analyzeStory(s).findings, 'attribution-dropped').length, 0);
  const t = inlineStory([
    'The only person confirmed to be on board the film project is screenwriter Aaron Sorkin of Hollywood.',
    'The film project has screenwriter Aaron Sorkin of Hollywood on board as the only person.',
  ]);
  assert.equal(of(analyzeStory(t).findings, 'attribution-dropped').length, 0);
});

test('"the United States" is not an attribution cue', () => {
  const s = inlineStory([
    'Russia sent signals to the United States about ending the war in Ukraine, two sources told Bloomberg.',
    'Russia sent signals to the United States about ending the war in Ukraine.',
  ]);
  const f = of(analyzeStory(s).findings, 'attribution-dropped');
  assert.equal(f.length, 1);
  assert.ok(f[0].evidence.some((e) => e.text === 'told'));
});

test('PolNeAR story (HuffPost vs Politico): shared Trump quotes align, the poll is Politico-only material', () => {
  const s = loadStory('trump-isis-founder'); // [huffpost, politico]
  const { alignment, findings, numbers } = analyzeStory(s);
  checkEvidence(s, findings);
  const link = (a: string, b: string) => alignment.links.some((l) => {
    const all = [...l.a, ...l.b];
    return all.some((r) => r.articleId === s.articles[0].id && s.articles[0].text.slice(r.start, r.end).includes(a)) &&
      all.some((r) => r.articleId === s.articles[1].id && s.articles[1].text.slice(r.start, r.end).includes(b));
  });
  assert.ok(link('No, I meant he’s the founder of ISIS', 'No, I meant he’s the founder of ISIS'));
  assert.ok(link('He was the most valuable player.', 'He was the most valuable player.'));
  const poll = numbers[1].filter((n) => n.kind === 'percent').map((n) => n.text);
  assert.deepEqual(poll, ['52 percent', '37 percent']);
  assert.ok(of(findings, 'material-added').some((f) => f.evidence[0].text.includes('Marquette Law School') && f.severity === 'medium'));
  assert.equal(of(findings, 'number-mismatch').length, 0);
});

test('increments ("two more doctors") are not totals; converted units get rounding slack', () => {
  const s = inlineStory([
    'Militants in Mosul have executed more than a dozen doctors for refusing to treat fighters, analysts said.',
    'Militants in Mosul have executed two more doctors for refusing to treat fighters, analysts said.',
  ]);
  assert.equal(of(analyzeStory(s).findings, 'number-mismatch').length, 0);
  const m = inlineStory([
    'The meteorite left a crater nearly 60-foot wide near the airport in Managua on Saturday.',
    'The meteorite left a crater 20-m wide near the airport in Managua on Saturday.',
  ]);
  assert.equal(of(analyzeStory(m).findings, 'number-mismatch').length, 0);
});
