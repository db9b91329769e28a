import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import type { Article } from '../../src/model.js';
import { extractAttributions, extractAttributionsFromTokens, defaultModelPath, loadAttributionModel } from '../../src/analyze/attribution/index.js';
import { lineBlocks, paragraphsFromTokens } from '../../src/analyze/attribution/tokens.js';
import { tokenizeArticle } from '../../src/analyze/quotes/tokens.js';

const shipped = existsSync(defaultModelPath());

test('property: every span is in bounds and its text is the slice of the input', { skip: !shipped }, () => {
  const model = loadAttributionModel();
  const pieces = ['Trump', 'said', ' ', '\n', '\n\n', '“', '”', '"', 'the plan', ',', '.', 'according to', 'officials', 'told', 'reporters', 'é', '😀', '\t', 'She', 'believes'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const attrs = extractAttributions(text, 'p', model);
      for (const a of attrs) {
        for (const s of [a.source, a.cue, a.content]) {
          if (!s) continue;
          assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, `${s.start}-${s.end} of ${text.length}`);
          assert.equal(text.slice(s.start, s.end), s.text);
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('empty, blank and quote-heavy inputs are handled; output is deterministic', { skip: !shipped }, () => {
  assert.deepEqual(extractAttributions('', 'e'), []);
  assert.deepEqual(extractAttributions('  \n\n \t', 'e'), []);
  const odd = '“'.repeat(500) + ' said ' + '”'.repeat(500);
  assert.ok(Array.isArray(extractAttributions(odd, 'q')));
  const text = '“We will win,” Clinton told supporters on Monday.\n\nAccording to the poll, Trump leads in Ohio.';
  assert.deepEqual(extractAttributions(text, 'd'), extractAttributions(text, 'd'));
});

test('a long single paragraph is annotated in bounded time', { skip: !shipped }, () => {
  const sentence = 'The senator said the bill would pass, aides told reporters. ';
  const text = sentence.repeat(2000); // ~120k chars, one paragraph
  const t0 = performance.now();
  const attrs = extractAttributions(text, 'long');
  const ms = performance.now() - t0;
  assert.ok(attrs.length > 1000, `found ${attrs.length}`);
  assert.ok(ms < 20000, `took ${ms.toFixed(0)} ms`);
});

test('extractAttributionsFromTokens on the rule pipeline tokens equals extractAttributions on line paragraphs', { skip: !shipped }, () => {
  const model = loadAttributionModel();
  const text =
    'WASHINGTON — “We will win,” Clinton told supporters on Monday.\n\n  According to the poll, Trump leads in Ohio.\n' +
    'Aides said the plan, which officials believe is sound, would pass.\n\n\nThe senator added: “It is done.”';
  const article = { id: 'a', text, blocks: lineBlocks(text) } as unknown as Article;
  const tokens = tokenizeArticle(article).tokens;
  const fromTokens = extractAttributionsFromTokens(text, 'a', tokens, model);
  assert.deepEqual(fromTokens, extractAttributions(text, 'a', model));
  assert.ok(fromTokens.length >= 2, JSON.stringify(fromTokens.map((a) => a.cue.text)));
  // Paragraphs of the tagger are the blocks, with the pipeline's sentence indices.
  const paras = paragraphsFromTokens(tokens);
  assert.equal(paras.length, 4);
  for (const p of paras) for (const t of p.tokens) assert.equal(text.slice(t.start, t.end), t.value);
  assert.equal(paras[3].tokens[0].value, 'The');
  assert.deepEqual(extractAttributionsFromTokens(text, 'a', [], model), []);
});
