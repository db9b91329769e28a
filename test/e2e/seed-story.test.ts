/**
 * Acceptance facts about the bundled example (UNN and New York Post retelling
 * one Bloomberg report), read off the two articles by a person.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildStory } from '../../src/pipeline/story.js';
import type { Article, Report, Speaker } from '../../src/model.js';
import { repoRoot } from '../helpers.js';

let report: Report;
let post: Article;
let unn: Article;

before(async () => {
  report = await buildStory([join(repoRoot(), 'examples', 'seed-story')]);
  post = report.articles.find((a) => a.source.includes('nypost'))!;
  unn = report.articles.find((a) => a.source.includes('unn'))!;
});

const quoteStarting = (a: Article, prefix: string) => report.quotes.find((q) => q.articleId === a.id && q.text.startsWith(prefix));
const speakerOf = (id: string | null): Speaker | undefined => report.speakers.find((s) => s.id === id);

test('metadata: outlets, title, canonical URL, publication time in UTC with the original kept', () => {
  assert.equal(report.articles.length, 2);
  assert.equal(post.outlet, 'New York Post');
  assert.equal(unn.outlet, 'UNN');
  assert.equal(post.title, 'Putin sends backchannel signals to US to end war in Ukraine: report');
  assert.equal(unn.title, 'Putin sends a signal to the United States on Ukraine talks: Media reports details');
  assert.equal(post.url, 'https://nypost.com/2024/01/25/news/putin-sends-backchannel-signals-to-us-about-ending-war-in-ukraine-report/');
  assert.equal(post.publishedAt, '2024-01-26T00:00:00.000Z');
  assert.equal(post.published?.raw.includes('January 25, 2024'), true);
  assert.equal(unn.dateline, 'Kyiv');
  assert.equal(post.language, 'en');
});

test('debris is removed, captions are kept and labelled with their credit cut', () => {
  for (const a of [post, unn]) {
    assert.doesNotMatch(a.text, /\{\{|Load More|utm_|views\b|Copy the URL/);
  }
  const captions = post.captions.map((c) => ({ text: post.text.slice(c.start, c.end), credit: c.credit }));
  assert.equal(captions.length, 3);
  assert.deepEqual(captions.map((c) => c.credit), ['POOL/AFP via Getty Images', 'Getty Images', 'ZUMAPRESS.com']);
  assert.ok(captions[0].text.startsWith('According to reports, Vladimir Putin may be willing'));
  assert.ok(!/Getty|ZUMA/.test(captions.map((c) => c.text).join(' ')));
  assert.ok(post.removed.some((r) => /\{\{#isDisplay\}\}/.test(r.text)), 'removed debris is recorded');
});

test('quotes get the right speakers, resolved across pronouns and descriptions', () => {
  const peskovPost = quoteStarting(post, 'President Putin has repeatedly stated');
  const peskovUnn = quoteStarting(unn, 'President Putin has repeatedly stated');
  assert.ok(peskovPost && peskovUnn);
  assert.equal(peskovPost.speakerId, peskovUnn.speakerId, 'one identity for the Kremlin spokesman');
  const peskov = speakerOf(peskovPost.speakerId)!;
  assert.ok(peskov.names.includes('Dmitry Peskov'));
  assert.ok(peskov.descriptions.some((d) => /Kremlin spokesman/i.test(d)));
  assert.equal(peskovPost.verb, 'told');

  const diplomatic = quoteStarting(post, 'diplomatic means');
  assert.equal(diplomatic?.speakerId, peskovPost.speakerId, '"The spokesman added" → the Kremlin spokesman');

  const nscPost = quoteStarting(post, 'We are not aware');
  const nscUnn = quoteStarting(unn, 'We are not aware');
  assert.ok(nscPost && nscUnn);
  assert.equal(nscPost.speakerId, nscUnn.speakerId, 'NSC member (Post) = NSC spokeswoman Adrienne Watson (UNN)');
  assert.ok(speakerOf(nscPost.speakerId)!.names.includes('Adrienne Watson'));
  assert.equal(quoteStarting(post, 'It will be up to Ukraine')?.speakerId, nscPost.speakerId, 'continuation paragraph keeps its speaker');

  const hillPost = quoteStarting(post, 'The Russians want us');
  const hillUnn = quoteStarting(unn, 'The Russians want us');
  assert.ok(hillPost && hillUnn);
  assert.equal(hillPost.speakerId, hillUnn.speakerId);
  assert.ok(speakerOf(hillPost.speakerId)!.names.includes('Fiona Hill'));
  assert.equal(quoteStarting(unn, 'They want everyone to think')?.speakerId, hillUnn.speakerId);

  const officer = quoteStarting(post, 'The ratio is about 10 to 1');
  assert.ok(officer);
  assert.match(officer.speaker ?? '', /Ukrainian officer/);
  assert.ok(!report.speakers.some((s) => s.kind !== 'outlet' && (s.names.includes('Bloomberg') || s.names.includes('CNN'))), 'an outlet is not a person');
  // outlets named as sources ("Bloomberg reported", "UNN reports citing Bloomberg") are one outlet speaker across articles
  const bloomberg = report.speakers.filter((s) => s.kind === 'outlet' && s.names.includes('Bloomberg'));
  assert.equal(bloomberg.length, 1);
  assert.equal(new Set(bloomberg[0].mentions.map((m) => m.articleId)).size, 2, 'Bloomberg is cited as a source by both articles');
  assert.ok(!report.quotes.some((q) => q.speakerId === bloomberg[0].id), 'no quote is credited to Bloomberg itself');
  assert.ok(report.speakers.some((s) => s.kind === 'outlet' && s.names.includes('UNN')), '"UNN reports citing Bloomberg"');
});

test('citations: outlets and anonymous sources with their count', () => {
  const cites = (a: Article) => report.citations.filter((c) => c.articleId === a.id);
  assert.ok(cites(post).some((c) => c.kind === 'outlet' && c.source === 'Bloomberg'));
  assert.ok(cites(post).some((c) => c.kind === 'outlet' && c.source === 'CNN'));
  assert.ok(cites(unn).some((c) => c.kind === 'outlet' && c.source === 'Bloomberg' && /citing/.test(c.cue)));
  const anonPost = cites(post).find((c) => c.kind === 'anonymous' && /close to the Kremlin/.test(c.source));
  const anonUnn = cites(unn).find((c) => c.kind === 'anonymous' && /close to the Kremlin/.test(c.source));
  assert.equal(anonPost?.count, 2);
  assert.equal(anonUnn?.count, 2);
});

test('quote variants: verbatim and reworded pairs with their word diff', () => {
  const find = (prefix: string) => report.quoteVariants.find((v) => v.a.text.startsWith(prefix) || v.b.text.startsWith(prefix));
  assert.equal(find('President Putin has repeatedly stated')?.class, 'verbatim');
  const nsc = find('We are not aware');
  assert.equal(nsc?.class, 'reworded');
  const changed = nsc!.diff.filter((p) => p.op !== 'equal').map((p) => p.text.trim());
  assert.ok(changed.includes('shifts') && changed.includes('changes'), JSON.stringify(nsc!.diff));
  assert.ok(find('It will be up to Ukraine') ?? find('Ukraine will decide'), 'the re-translated NSC sentence is matched');
});

test('provenance: both articles relay Bloomberg, which is a node though not an input', () => {
  const bloomberg = report.provenance.nodes.find((n) => n.kind === 'outlet' && n.label === 'Bloomberg');
  assert.ok(bloomberg);
  assert.equal(bloomberg.input, false);
  const into = report.provenance.edges.filter((e) => e.to === bloomberg.id);
  const fromArticles = new Set(into.flatMap((e) => e.evidence.map((ev) => ev.articleId)));
  assert.ok(fromArticles.has(post.id) && fromArticles.has(unn.id));
  for (const e of into) for (const ev of e.evidence) assert.equal(report.articles.find((a) => a.id === ev.articleId)!.text.slice(ev.start, ev.end), ev.text);
});

test('findings: quote drift on the NSC quote, and each finding carries evidence', () => {
  assert.ok(report.findings.some((f) => f.kind === 'quote-drift' && /shifts/.test(f.explanation) && /changes/.test(f.explanation)));
  for (const f of report.findings) {
    assert.ok(f.evidence.length > 0 && f.explanation.length > 0, f.id);
    for (const ev of f.evidence) assert.equal(report.articles.find((a) => a.id === ev.articleId)!.text.slice(ev.start, ev.end), ev.text);
  }
});
