import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { addSourceMentions, adoptQuoteSpeakers, mergeAttributions, overlapIndex, sameContent, speakerContext, type MergeContext } from '../../src/analyze/attribution-merge.js';
import { findQuotes } from '../../src/analyze/quotes/index.js';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';
import { resolveSpeakers } from '../../src/analyze/speakers/index.js';
import { analyzeArticle } from '../../src/analyze/index.js';
import type { Attribution, Quote, Span, Speaker } from '../../src/model.js';
import { articleFromText } from './article-fixture.js';

/** An attribution over `text` from the substrings source / cue / content (first occurrence at or after `from`). */
function rel(text: string, parts: { source: string | null; cue: string; content: string; from?: number }, form: Attribution['form'], speakerId: string | null = null): Attribution {
  const at = (s: string) => {
    const start = text.indexOf(s, parts.from ?? 0);
    assert.ok(start >= 0, `"${s}" not in text`);
    return { start, end: start + s.length, text: s };
  };
  return { id: '', articleId: 'a', source: parts.source ? at(parts.source) : null, cue: at(parts.cue), content: at(parts.content), speakerId, quoteId: null, form };
}

function ctx(text: string, quotes: Quote[] = [], speakers: Speaker[] = []): MergeContext {
  return { text, articleId: 'a', quotes, ...speakerContext(text, speakers) };
}

const mention = (text: string, s: string, from = 0) => {
  const start = text.indexOf(s, from);
  return { articleId: 'a', start, end: start + s.length, text: s };
};

test('sameContent: overlap of at least half of the shorter span', () => {
  const s = (start: number, end: number): Span => ({ start, end });
  assert.ok(sameContent(s(0, 10), s(5, 30)));
  assert.ok(sameContent(s(0, 100), s(40, 50)));
  assert.ok(!sameContent(s(0, 10), s(6, 30)));
  assert.ok(!sameContent(s(0, 10), s(10, 20)));
});

test('a pair keeps the model spans; the rule fills a missing source; ids in text order', () => {
  const text = 'The plan will fail, the minister said on Monday. Talks resume today, he added.';
  const rules = [
    rel(text, { source: 'he', cue: 'added', content: 'Talks resume today' }, 'indirect'),
    rel(text, { source: 'the minister', cue: 'said', content: 'The plan will fail' }, 'indirect'),
  ];
  const model = [
    rel(text, { source: 'the minister', cue: 'said on Monday', content: 'The plan will fail' }, 'indirect'),
    rel(text, { source: null, cue: 'added', content: 'Talks resume today' }, 'indirect'),
  ];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => [a.id, a.source?.text, a.cue.text, a.content.text]), [
    ['a:r1', 'the minister', 'said on Monday', 'The plan will fail'],
    ['a:r2', 'he', 'added', 'Talks resume today'],
  ]);
});

test('according to: the rule reads cue and source; the form says so', () => {
  const text = 'Prices rose sharply last year, according to the central bank.';
  const rules = [rel(text, { source: 'the central bank', cue: 'according to', content: 'Prices rose sharply last year' }, 'according-to')];
  const model = [rel(text, { source: 'central bank', cue: 'according', content: 'Prices rose sharply last year' }, 'indirect')];
  const [a] = mergeAttributions(rules, model, ctx(text));
  assert.equal(a.source?.text, 'the central bank');
  assert.equal(a.cue.text, 'according to');
  assert.equal(a.form, 'according-to');
});

test('indirect speech: the rule content wins when it holds the cue or strictly contains the model content', () => {
  const text = 'Climate change, Mr. Obama often says, is the greatest threat. Hackers hit two states, and one attack worked, officials said.';
  const rules = [
    rel(text, { source: 'Mr. Obama', cue: 'says', content: 'Climate change, Mr. Obama often says, is the greatest threat' }, 'indirect'),
    rel(text, { source: 'officials', cue: 'said', content: 'Hackers hit two states, and one attack worked' }, 'indirect'),
  ];
  const model = [
    rel(text, { source: 'Mr. Obama', cue: 'often says', content: 'is the greatest threat' }, 'indirect'),
    rel(text, { source: 'officials', cue: 'said', content: 'Hackers hit two states' }, 'indirect'),
  ];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => a.content.text), ['Climate change, Mr. Obama often says, is the greatest threat', 'Hackers hit two states, and one attack worked']);
  assert.equal(out[0].cue.text, 'often says', 'the cue stays the model\'s');
});

test('rule relations the model missed are kept; duplicates of a model relation are not', () => {
  const text = '"We will win," Peskov said. "It is over," he added. Officials said the war goes on.';
  const rules = [
    rel(text, { source: 'Peskov', cue: 'said', content: '"We will win,"' }, 'direct', 's1'),
    rel(text, { source: 'Peskov', cue: 'said', content: '"We will' }, 'direct', 's1'), // a second rule reading of the same quote
    rel(text, { source: 'he', cue: 'added', content: '"It is over,"' }, 'direct', 's1'),
  ];
  const model = [
    rel(text, { source: 'Peskov', cue: 'said', content: '"We will win,"' }, 'direct'),
    rel(text, { source: 'Officials', cue: 'said', content: 'the war goes on', from: 40 }, 'indirect'),
  ];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => a.content.text), ['"We will win,"', '"It is over,"', 'the war goes on']);
  assert.deepEqual(out.map((a) => a.speakerId), ['s1', 's1', null]);
});

test('a relative pronoun source ("…, who said") gives way to the rule\'s subject', () => {
  const text = 'The people close to the Kremlin, who asked not to be named, said the talks stalled.';
  const rules = [rel(text, { source: 'The people close to the Kremlin, who asked not to be named', cue: 'said', content: 'the talks stalled' }, 'indirect')];
  const model = [rel(text, { source: 'who', cue: 'said', content: 'the talks stalled' }, 'indirect')];
  const [a] = mergeAttributions(rules, model, ctx(text));
  assert.equal(a.source?.text, 'The people close to the Kremlin, who asked not to be named,', 'with the comma closing the appositive (PolNeAR)');
});

test('rule sources: the comma closing an appositive before the cue belongs to the source; a source the rule extends wins', () => {
  const text = '"It is over," said Ann Lee. Douglas Brinkley, a historian who attended the session, said the talks failed.';
  const rules = [
    rel(text, { source: 'Douglas Brinkley, a historian who attended the session', cue: 'said', content: 'the talks failed', from: 28 }, 'indirect'),
    rel(text, { source: 'Ann Lee', cue: 'said', content: '"It is over,"' }, 'direct'),
  ];
  const model = [
    rel(text, { source: 'Douglas Brinkley, a historian who', cue: 'said', content: 'the talks failed', from: 28 }, 'indirect'),
    rel(text, { source: 'Ann', cue: 'said', content: '"It is over,"' }, 'direct'),
  ];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => a.source?.text), ['Ann Lee', 'Douglas Brinkley, a historian who attended the session,']);
});

test('a rule quotation with its own adjacent cue outranks a model relation over it linked to another cue', () => {
  const text = 'Mr. Trump spoke on Monday.\n“He is ignorant of our culture.” ― Pamela Padilla';
  const rules = [rel(text, { source: 'Pamela Padilla', cue: '―', content: '“He is ignorant of our culture.”' }, 'direct', 's2')];
  const model = [rel(text, { source: 'Mr. Trump', cue: 'spoke', content: '“He is ignorant of our culture.”' }, 'direct')];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => [a.source?.text, a.cue.text, a.speakerId]), [['Pamela Padilla', '―', 's2']]);
});

test('speaker and quote ids are filled by overlap; pronouns follow the most recent source', () => {
  const text = 'Dmitry Peskov spoke. "No deal," Peskov told reporters. Two aides said talks stalled. They said Putin may wait. He said no.';
  const speakers: Speaker[] = [
    { id: 's1', kind: 'person', names: ['Dmitry Peskov'], descriptions: [], mentions: [mention(text, 'Dmitry Peskov'), mention(text, 'Peskov', 30)] },
  ];
  const qStart = text.indexOf('No deal');
  const quotes: Quote[] = [
    { id: 'q1', articleId: 'a', start: qStart, end: qStart + 8, text: 'No deal,', kind: 'direct', speaker: null, speakerSpan: null, speakerId: null, verb: null, verbSpan: null },
  ];
  const model = [
    rel(text, { source: 'Peskov', cue: 'told', content: '"No deal,"', from: 21 }, 'direct'),
    rel(text, { source: 'Two aides', cue: 'said', content: 'talks stalled' }, 'indirect'),
    rel(text, { source: 'They', cue: 'said', content: 'Putin may wait' }, 'indirect'),
    rel(text, { source: 'He', cue: 'said', content: 'no.', from: 100 }, 'indirect'),
  ];
  const out = mergeAttributions([], model, ctx(text, quotes, speakers));
  assert.deepEqual(out.map((a) => [a.source?.text, a.speakerId, a.quoteId]), [
    ['Peskov', 's1', 'q1'],
    ['Two aides', null, null],
    ['They', null, null], // "they" are the aides (unresolved), not Peskov
    ['He', 's1', null],
  ]);
});

test('analyzeArticle: merged attributions by default, rules or model on request; spans exact; deterministic', () => {
  const article = articleFromText(
    '“We will not back down,” Kremlin spokesman Dmitry Peskov told reporters on Monday.\n\n' +
      'Peskov said the talks would continue next week, and that no deadline had been set.\n\n' +
      'According to two people close to the Kremlin, Putin is open to discussions.',
  );
  const merged = analyzeArticle(article);
  const rules = analyzeArticle(article, { attributions: 'rules' });
  const model = analyzeArticle(article, { attributions: 'model' });
  assert.ok(merged.attributions.length >= 3, JSON.stringify(merged.attributions.map((a) => a.content.text)));
  for (const ann of [merged, rules, model]) {
    ann.attributions.forEach((a, i) => {
      assert.equal(a.id, `${article.id}:r${i + 1}`);
      for (const sp of [a.cue, a.content, ...(a.source ? [a.source] : [])]) assert.equal(sp.text, article.text.slice(sp.start, sp.end));
      if (i > 0) assert.ok(ann.attributions[i - 1].content.start <= a.content.start);
      if (a.speakerId) assert.ok(ann.speakers.some((s) => s.id === a.speakerId));
      if (a.quoteId) assert.ok(ann.quotes.some((q) => q.id === a.quoteId));
    });
  }
  const quote = merged.attributions.find((a) => a.content.text.includes('We will not back down'));
  assert.ok(quote);
  assert.equal(quote.content.text, '“We will not back down,”', 'direct content includes its marks (PolNeAR convention)');
  assert.equal(quote.form, 'direct');
  assert.equal(quote.quoteId, merged.quotes[0].id);
  const peskov = merged.quotes[0].speakerId;
  assert.ok(peskov);
  assert.equal(quote.speakerId, peskov);
  const said = merged.attributions.find((a) => a.cue.text === 'said');
  assert.equal(said?.speakerId, peskov);
  assert.ok(said?.content.text.startsWith('the talks would continue'));
  const acc = merged.attributions.find((a) => a.form === 'according-to');
  assert.equal(acc?.source?.text, 'two people close to the Kremlin');
  assert.deepEqual(analyzeArticle(article), merged, 'deterministic');
});

test('quotes without a speaker adopt the source of the attribution holding them; speakers resolve again', () => {
  const article = articleFromText(
    'PolitiFact checked the claim on Monday.\n\nPolitiFact found that the statement about “thousands of shootings” in Chicago is “true.”\n\n“We will see,” the mayor said.',
  );
  const text = article.text;
  const tok = tokenizeArticle(article);
  const drafts = findQuotes(article, tok);
  resolveSpeakers(article, drafts, tok);
  const partial = drafts.filter((d) => !d.quote.speakerSpan && !d.quote.speakerId);
  assert.ok(partial.length >= 1, 'the rules leave the partial quotes without a speaker');
  const from = text.indexOf('PolitiFact found');
  const attributions = [
    rel(text, { source: 'PolitiFact', cue: 'found', content: 'that the statement about “thousands of shootings” in Chicago is “true.”', from }, 'mixed'),
    rel(text, { source: 'the mayor', cue: 'said', content: '“We will see,”' }, 'direct'),
  ];
  const adopted = adoptQuoteSpeakers(drafts, attributions, tok.tokens, text);
  const q = drafts.find((d) => d.quote.text.startsWith('thousands'))!.quote;
  assert.ok(adopted.has(q.id));
  assert.equal(q.speaker, 'PolitiFact');
  assert.equal(q.speakerSpan?.start, from);
  assert.equal(q.verb, 'found');
  const mayor = drafts.find((d) => d.quote.text.startsWith('We will see'))!.quote;
  assert.equal(mayor.speaker, 'the mayor', 'a quote with its own speaker keeps it');
  const speakers = resolveSpeakers(article, drafts, tok);
  const politifact = speakers.find((s) => s.id === q.speakerId);
  assert.ok(politifact, 'the adopted speaker phrase resolves to a speaker');
  assert.ok(politifact.mentions.some((m) => m.start === from));
});

test('different cues are different relations: a relation nested in a rule content is kept beside it', () => {
  const text = 'Protocol called for the nominee to be taken to a trauma center, sources said.';
  const rules = [rel(text, { source: 'sources', cue: 'said', content: 'Protocol called for the nominee to be taken to a trauma center' }, 'indirect')];
  const model = [rel(text, { source: 'Protocol', cue: 'called for', content: 'the nominee to be taken to a trauma center' }, 'indirect')];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => [a.source?.text, a.cue.text, a.content.text]), [
    ['sources', 'said', 'Protocol called for the nominee to be taken to a trauma center'],
    ['Protocol', 'called for', 'the nominee to be taken to a trauma center'],
  ]);
});

test('resolved attribution sources become speaker mentions, in text order, without duplicates', () => {
  const text = '"No," Dmitry Peskov said. Peskov later said talks would go on. Someone said so.';
  const speakers: Speaker[] = [{ id: 's1', kind: 'person', names: ['Dmitry Peskov'], descriptions: [], mentions: [mention(text, 'Dmitry Peskov')] }];
  const attributions = [
    rel(text, { source: 'Dmitry Peskov', cue: 'said', content: '"No,"' }, 'direct', 's1'),
    rel(text, { source: 'Peskov', cue: 'said', content: 'talks would go on', from: 26 }, 'indirect', 's1'),
    rel(text, { source: 'Someone', cue: 'said', content: 'so' }, 'indirect', null),
  ];
  addSourceMentions(speakers, attributions, 'a');
  assert.deepEqual(speakers[0].mentions.map((m) => [m.text, m.start]), [['Dmitry Peskov', 6], ['Peskov', 26]]);
});

test('overlapIndex finds exactly the overlapping spans, long ones included (property)', () => {
  const spanArb = fc.tuple(fc.nat(200), fc.nat(80)).map(([start, n]) => ({ start, end: start + n }));
  fc.assert(
    fc.property(fc.array(spanArb, { maxLength: 60 }), fc.array(spanArb, { minLength: 1, maxLength: 10 }), (spans, queries) => {
      const at = overlapIndex(spans);
      for (const q of queries) {
        const brute = spans.map((s, i) => [s, i] as const).filter(([s]) => s.start < q.end && q.start < s.end).map(([, i]) => i);
        assert.deepEqual(at(q), brute);
      }
    }),
  );
});

test('overlapIndex: one span covering everything does not make queries scan all the others', () => {
  const n = 50000;
  const spans: Span[] = [{ start: 0, end: 10 * n }];
  for (let i = 0; i < n; i++) spans.push({ start: 10 * i, end: 10 * i + 5 });
  const at = overlapIndex(spans);
  const t0 = performance.now();
  let hits = 0;
  for (let i = 0; i < n; i++) hits += at({ start: 10 * i + 6, end: 10 * i + 8 }).length;
  assert.equal(hits, n, 'each query meets only the long span');
  assert.ok(performance.now() - t0 < 3000);
});

test('merging thousands of relations stays near-linear (no quadratic blow-up)', () => {
  const n = 20000;
  const unit = 'Officials said the plan would fail. ';
  const text = unit.repeat(n);
  const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
  const rules: Attribution[] = [];
  const model: Attribution[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * unit.length;
    const base = { id: '', articleId: 'a', source: span(o, o + 9), cue: span(o + 10, o + 14), speakerId: null, quoteId: null, form: 'indirect' as const };
    rules.push({ ...base, content: span(o + 15, o + 34) });
    model.push({ ...base, content: span(o + 15, o + 30) });
  }
  const t0 = performance.now();
  const out = mergeAttributions(rules, model, ctx(text));
  const ms = performance.now() - t0;
  assert.equal(out.length, n);
  assert.equal(out[0].content.text, 'the plan would fail', 'the rule content strictly containing the model one');
  assert.ok(ms < 3000, `merge of ${n} relations took ${ms.toFixed(0)} ms`);
});

test('a relative pronoun source resolves to the speaker mentioned right before it, and is no mention', () => {
  const text = '"No," said Dmitry Peskov. Later Peskov, who spoke to reporters, said talks would go on.';
  const speakers: Speaker[] = [{ id: 's1', kind: 'person', names: ['Dmitry Peskov'], descriptions: [], mentions: [mention(text, 'Dmitry Peskov'), mention(text, 'Peskov', 30)] }];
  const model = [rel(text, { source: 'who', cue: 'spoke to', content: 'reporters' }, 'indirect')];
  const out = mergeAttributions([], model, ctx(text, [], speakers));
  assert.equal(out[0].speakerId, 's1');
  addSourceMentions(speakers, out, 'a');
  assert.equal(speakers[0].mentions.length, 2);
});

test('a quote the rules could not sign takes a relation whose source opens right after its closing comma', () => {
  const article = articleFromText(
    '“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.\n\n' +
      '“It is over.” Smith said the talks would go on.',
  );
  const text = article.text;
  const tok = tokenizeArticle(article);
  const drafts = findQuotes(article, tok);
  resolveSpeakers(article, drafts, tok);
  for (const d of drafts) {
    // as if the rules had found no speaker
    d.quote.speaker = null;
    d.quote.speakerSpan = null;
    d.quote.speakerId = null;
    d.cue = null;
  }
  const attributions = [
    rel(text, { source: 'Rep. Jim Jordan (R-Ohio), an oversight panel member,', cue: 'said', content: 'a phone interview' }, 'indirect'),
    rel(text, { source: 'Smith', cue: 'said', content: 'the talks would go on' }, 'indirect'),
  ];
  const adopted = adoptQuoteSpeakers(drafts, attributions, tok.tokens, text);
  const jordan = drafts.find((d) => d.quote.text.startsWith('They would'))!.quote;
  const over = drafts.find((d) => d.quote.text.startsWith('It is over'))!.quote;
  assert.equal(jordan.speaker, 'Rep. Jim Jordan (R-Ohio), an oversight panel member,');
  assert.ok(adopted.has(jordan.id));
  assert.equal(over.speaker, null, 'a new sentence after a closed quotation is not its signature');
});

test('a wire dateline at the start of a model source is not part of the source', () => {
  const text = 'LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed the media for the flap.';
  const model = [rel(text, { source: 'LA CROSSE, Wisc. — Gov. Mike Pence', cue: 'blamed', content: 'the media for the flap' }, 'indirect')];
  const out = mergeAttributions([], model, ctx(text));
  assert.equal(out[0].source?.text, 'Gov. Mike Pence');
  assert.equal(text.slice(out[0].source!.start, out[0].source!.end), 'Gov. Mike Pence');
  // a source with a dash that is not a dateline stays whole
  const t2 = 'Two officials — both senior — said the talks failed.';
  const out2 = mergeAttributions([], [rel(t2, { source: 'Two officials — both senior', cue: 'said', content: 'the talks failed' }, 'indirect')], ctx(t2));
  assert.equal(out2[0].source?.text, 'Two officials — both senior');
});

test('who quotes the source is not part of it ("The AP quotes … spokeswoman Rosario Murillo as saying")', () => {
  const text = 'The AP quotes Nicaraguan government spokeswoman Rosario Murillo as saying the meteorite was small.';
  const model = [rel(text, { source: 'The AP quotes Nicaraguan government spokeswoman Rosario Murillo', cue: 'as saying', content: 'the meteorite was small' }, 'indirect')];
  assert.equal(mergeAttributions([], model, ctx(text))[0].source?.text, 'Nicaraguan government spokeswoman Rosario Murillo');
});

test('"he" is not resolved to a spokeswoman, whichever resolver sees it', () => {
  const text =
    'Government spokeswoman Rosario Murillo said a committee was formed. “It was small,” Murillo said.\n\n' +
    'The crater was 39 feet wide, said a volcanologist with the institute. He said it is still not clear what happened.';
  const ann = analyzeArticle(articleFromText(text));
  const murillo = ann.speakers.find((s) => s.names.includes('Rosario Murillo'));
  assert.ok(murillo);
  assert.ok(!murillo.mentions.some((m) => m.text === 'He'), JSON.stringify(murillo.mentions.map((m) => m.text)));
  const he = ann.attributions.find((a) => a.source?.text === 'He');
  assert.notEqual(he?.speakerId, murillo.id);
});

test('a model content that is a rule source read under the same cue ("citing [Bloomberg]") is dropped', () => {
  const text = 'Putin is testing the United States, UNN reports citing Bloomberg.';
  const rules = [rel(text, { source: 'Bloomberg', cue: 'citing', content: 'Putin is testing the United States' }, 'indirect')];
  const model = [
    rel(text, { source: null, cue: 'citing', content: 'Bloomberg' }, 'indirect'),
    rel(text, { source: null, cue: 'reports', content: 'Putin is testing the United States' }, 'indirect'),
  ];
  const out = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual(out.map((a) => [a.source?.text ?? null, a.cue.text, a.content.text]), [
    [null, 'reports', 'Putin is testing the United States'],
    ['Bloomberg', 'citing', 'Putin is testing the United States'],
  ]);
});

test('a model relation put together across quotation marks (cue inside, source outside) gives way to the quote rules', () => {
  const text = '"President Putin has repeatedly stated that Russia is open to talks," Peskov said. "We will see."';
  const rules = [
    rel(text, { source: 'Peskov', cue: 'said', content: '"President Putin has repeatedly stated that Russia is open to talks,"' }, 'direct'),
    rel(text, { source: 'Peskov', cue: 'said', content: '"We will see."' }, 'direct'),
  ];
  const model = [rel(text, { source: 'Peskov', cue: 'has repeatedly stated', content: text }, 'mixed')];
  const out = mergeAttributions(rules, model, ctx(text));
  // (the two pieces of the quotation around "Peskov said." are one relation, as PolNeAR reads them)
  assert.deepEqual(out.map((a) => [a.source?.text, a.cue.text, a.content.text]), [['Peskov', 'said', text]]);
});

test('a model source cut short keeps the whole phrase: the rule\'s when it ends there, a name cut after "for/of"', () => {
  const text = 'Prices rose, two sources close to the Kremlin told Bloomberg. The Syrian Observatory for Human Rights has cited witnesses.';
  const rule = rel(text, { source: 'two sources close to the Kremlin', cue: 'told', content: 'Prices rose' }, 'indirect');
  const cut = rel(text, { source: 'the Kremlin', cue: 'told', content: 'Prices rose' }, 'indirect');
  assert.equal(mergeAttributions([rule], [cut], ctx(text))[0].source?.text, 'two sources close to the Kremlin');
  const org = rel(text, { source: 'Human Rights', cue: 'has cited', content: 'witnesses' }, 'indirect');
  assert.equal(mergeAttributions([], [org], ctx(text))[0].source?.text, 'The Syrian Observatory for Human Rights');
});

test('a model relation without a source takes the subject that opens its clause, not an object or a passive subject', async () => {
  const text =
    'In return, however, Russia would demand that the Kremlin keep the land.\n\n' +
    'The bill has been endorsed by dozens of papers that call it fair.\n\n' +
    'Critics of taking in migrants have embraced the idea, warning that it fails.';
  const article = articleFromText(text);
  const tok = tokenizeArticle(article);
  const { sentenceSubject } = await import('../../src/analyze/quotes/sentence-subject.js');
  const subj = (cue: string) => {
    const start = article.text.indexOf(cue);
    const r = sentenceSubject(tok, { start, end: start + cue.length }, article.text);
    return r && article.text.slice(r.start, r.end);
  };
  assert.equal(subj('would demand'), 'Russia');
  assert.equal(subj('has been endorsed'), null);
  assert.equal(subj('warning'), null);
  assert.notEqual(subj('have embraced'), 'migrants');
});

test('debris at a model source\'s edges is trimmed: a quotation mark or "However," before, "as" or a dash after', () => {
  const text = 'However, Guerrero State Prosecutor Inaky Blanco as irresponsible: he said the claim was false.';
  const model = [rel(text, { source: 'However, Guerrero State Prosecutor Inaky Blanco as', cue: 'said', content: 'the claim was false' }, 'indirect')];
  assert.equal(mergeAttributions([], model, ctx(text))[0].source?.text, 'Guerrero State Prosecutor Inaky Blanco');
});

test('“A,” Clinton said. “B.” — one quotation around its attribution sentence becomes one relation covering both', () => {
  const text = '“How many times?” Clinton said. “In Tulsa, an unarmed man.”\n\n“We will win,” he said, and “they know it.”';
  const rules = [
    rel(text, { source: 'Clinton', cue: 'said', content: '“How many times?”' }, 'direct'),
    rel(text, { source: 'Clinton', cue: 'said', content: '“In Tulsa, an unarmed man.”' }, 'direct'),
    rel(text, { source: 'he', cue: 'said', content: '“We will win,”', from: 60 }, 'direct'),
    rel(text, { source: 'he', cue: 'said', content: '“they know it.”', from: 60 }, 'direct'),
  ];
  const out = mergeAttributions(rules, [], ctx(text));
  assert.deepEqual(out.map((a) => a.content.text), [
    '“How many times?” Clinton said. “In Tulsa, an unarmed man.”',
    // no full stop between: two pieces of one sentence stay two relations
    '“We will win,”',
    '“they know it.”',
  ]);
  assert.equal(out[0].form, 'direct');
});

test('a quotation nested in a model content ("Lynch said [she recalled thinking, “…”]") stays beside it: two relations', () => {
  const text = 'Lynch said she recalled thinking, "This is what people have talked about."';
  const quote = rel(text, { source: 'she', cue: 'recalled', content: '"This is what people have talked about."' }, 'direct');
  const model = rel(text, { source: 'Lynch', cue: 'said', content: 'she recalled thinking, "This is what people have talked about."' }, 'indirect');
  const out = mergeAttributions([quote], [model], ctx(text));
  assert.deepEqual(
    out.map((a) => [a.source?.text, a.cue.text]).sort(),
    [['Lynch', 'said'], ['she', 'recalled']],
  );
  // the same words under another cue outside them still give way to the quotation's own cue
  const other = 'Lynch said, "This is what people have talked about," she recalled.';
  const q2 = rel(other, { source: 'she', cue: 'recalled', content: '"This is what people have talked about,"' }, 'direct');
  const m2 = rel(other, { source: 'Lynch', cue: 'said', content: '"This is what people have talked about,"' }, 'indirect');
  assert.deepEqual(mergeAttributions([q2], [m2], ctx(other)).map((a) => a.cue.text), ['recalled']);
});

test('a relative pronoun source after its antecedent stays the source (PolNeAR) and takes the speaker the rule gave the antecedent', () => {
  const text = 'Government is complicated, said Mr. Kamin, who emphasized that her proposals would simplify returns.';
  const rules = [rel(text, { source: 'Mr. Kamin', cue: 'emphasized', content: 'that her proposals would simplify returns' }, 'indirect', 's1')];
  const model = [rel(text, { source: 'who', cue: 'emphasized', content: 'that her proposals would simplify returns' }, 'indirect')];
  const [a] = mergeAttributions(rules, model, ctx(text));
  assert.deepEqual([a.source?.text, a.speakerId], ['who', 's1']);
});
