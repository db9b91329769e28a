import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/extract/index.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import { matchQuoteVariants } from '../../src/relate/quote-variants.js';
import { resolveStorySpeakers } from '../../src/relate/speakers.js';
import { findQuoteFindings } from '../../src/relate/quote-findings.js';
import { buildProvenance } from '../../src/relate/provenance.js';
import { repoRoot } from '../helpers.js';

/** The acceptance case end to end: extractor and quote analyser output, not hand-made quotes. */
function story() {
  const articles = ['nypost-putin-backchannel.txt', 'unn-putin-signal.txt'].map((f) => {
    const content = readFileSync(join(repoRoot(), 'examples', 'seed-story', f), 'utf8');
    return extractArticle({ source: f, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: content.length });
  });
  const ann = articles.map((a) => analyzeArticle(a));
  const quotes = ann.flatMap((a) => a.quotes);
  const variants = matchQuoteVariants({ articles, quotes, sentences: ann.flatMap((a) => a.sentences) });
  const r = resolveStorySpeakers({ articles, speakers: ann.flatMap((a) => a.speakers), quotes, variants });
  const storyQuotes = quotes.map((q) => ({ ...q, speakerId: q.speakerId ? r.map.get(q.speakerId) ?? q.speakerId : null }));
  const findings = findQuoteFindings({ articles, quotes: storyQuotes, variants, storySpeakers: r.speakers });
  const graph = buildProvenance({ articles, citations: ann.flatMap((a) => a.citations), quotes: storyQuotes, storySpeakers: r.speakers });
  return { articles, variants, speakers: r.speakers, findings, graph };
}

test('seed pipeline: variants as the issue describes them', () => {
  const { variants } = story();
  const by = (start: string) => variants.find((v) => v.a.text.startsWith(start) || v.b.text.startsWith(start));
  assert.equal(by('President Putin has repeatedly')?.class, 'verbatim');
  assert.equal(by('We are not aware')?.class, 'reworded');
  assert.equal(by('Ukraine will decide')?.class, 'reworded');
  assert.ok(by('The Russians want us'));
  assert.ok(variants.some((v) => /crap/.test(v.a.text) && /hell/.test(v.b.text)));
  assert.equal(by('The ratio is about'), undefined);
});

test('seed pipeline: one identity each for Peskov, the NSC spokeswoman and Fiona Hill', () => {
  const { speakers } = story();
  const peskov = speakers.find((p) => p.names.includes('Dmitry Peskov'));
  assert.ok(peskov);
  assert.ok(peskov.descriptions.includes('Kremlin spokesman') && peskov.descriptions.includes('a Kremlin spokesman'), JSON.stringify(peskov.descriptions));
  const watson = speakers.find((p) => p.names.includes('Adrienne Watson'));
  assert.ok(watson?.descriptions.includes('a National Security Council member'), JSON.stringify(watson));
  assert.equal(speakers.filter((p) => p.names.includes('Fiona Hill')).length, 1);
  assert.equal(speakers.filter((p) => p.names.includes('Fiona Hill'))[0].members?.length, 2);
});

test('seed pipeline: findings and graph', () => {
  const { findings, graph } = story();
  assert.ok(findings.some((f) => f.kind === 'quote-drift' && /“shifts” became “changes”/.test(f.explanation)));
  assert.ok(!findings.some((f) => f.kind === 'speaker-change' && f.severity === 'high'));
  assert.ok(graph.nodes.some((n) => n.id === 'outlet:bloomberg' && !n.input));
  assert.equal(graph.edges.filter((e) => e.to === 'outlet:bloomberg').length, 2);
  assert.ok(graph.edges.some((e) => e.kind === 'quotes' && e.to === 'person:dmitry-peskov'));
});
