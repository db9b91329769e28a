import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setRuleCodes, ruleSpans } from '../../src/analyze/attribution/rule-codes.js';
import { tokenizeParagraphs } from '../../src/analyze/attribution/tokens.js';
import { paragraphFeatures } from '../../src/analyze/attribution/features.js';
import { stackExtras, STACK_FEATURES } from '../../src/analyze/attribution/stack.js';

const text = 'Officials said the plan, which “failed badly,” would return.\nNothing here.';
const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

test('rule codes: each token gets the kind, start flag and form of the rule span it lies in; cues win over contents', () => {
  const paras = tokenizeParagraphs(text);
  const rels = [{ source: at('Officials'), cue: at('said'), content: at('the plan, which “failed badly,” would return'), form: 'indirect' }];
  // a cue inside the content ("failed") as a second relation
  const spans = [...ruleSpans(rels), { kind: 'cue' as const, ...at('failed'), form: 'direct' }];
  setRuleCodes(paras, spans);
  const codeOf = (w: string): number => {
    const i = paras[0].tokens.findIndex((t) => t.value === w);
    return paras[0].rules![i];
  };
  assert.equal(codeOf('Officials'), 2 * 2 + 1 + (2 << 3)); // source, begins, indirect
  assert.equal(codeOf('said'), 3 * 2 + 1 + (2 << 3)); // cue
  assert.equal(codeOf('the'), 1 * 2 + 1 + (2 << 3)); // content starts
  assert.equal(codeOf('plan'), 1 * 2 + (2 << 3)); // content continues
  assert.equal(codeOf('failed'), 3 * 2 + 1 + (1 << 3)); // the other relation's cue, direct
  assert.equal(codeOf('.'), 0);
  assert.deepEqual([...paras[1].rules!], new Array(paras[1].tokens.length).fill(0));
});

test('rule codes are features of the content tagger only, where the rules said something', () => {
  const plain = tokenizeParagraphs(text);
  const coded = tokenizeParagraphs(text);
  setRuleCodes(coded, [{ kind: 'cue', ...at('said'), form: 'indirect' }]);
  // the source/cue tagger's features do not read them
  assert.deepEqual([...paragraphFeatures(plain[0], 18).ids], [...paragraphFeatures(coded[0], 18).ids]);
  const toks = coded[0].tokens;
  const sc = new Uint8Array(toks.length);
  const a = stackExtras(toks, sc, 18, plain[0].rules);
  const b = stackExtras(toks, sc, 18, coded[0].rules);
  const said = toks.findIndex((t) => t.value === 'said');
  for (let i = 0; i < toks.length; i++) {
    const fa = [...a.subarray(i * STACK_FEATURES, (i + 1) * STACK_FEATURES)];
    const fb = [...b.subarray(i * STACK_FEATURES, (i + 1) * STACK_FEATURES)];
    // "said" and its neighbours (whose neighbour feature reads it) differ; the others do not
    assert.equal(fa.join() !== fb.join(), Math.abs(i - said) <= 1, `token ${i}`);
  }
  // no codes and all-zero codes are the same features
  const zeros = tokenizeParagraphs(text);
  setRuleCodes(zeros, []);
  assert.deepEqual([...stackExtras(toks, sc, 18, zeros[0].rules)], [...a]);
});

test('rule codes: any spans, even overlapping or out of range, give one code per token and never throw', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ kind: fc.constantFrom('source' as const, 'cue' as const, 'content' as const), start: fc.integer({ min: -5, max: 90 }), len: fc.integer({ min: 0, max: 60 }), form: fc.constantFrom('direct', 'indirect', 'odd') }), { maxLength: 8 }),
      (raw) => {
        const paras = tokenizeParagraphs(text);
        setRuleCodes(paras, raw.map((r) => ({ kind: r.kind, start: r.start, end: r.start + r.len, form: r.form })));
        for (const p of paras) {
          assert.equal(p.rules!.length, p.tokens.length);
          p.tokens.forEach((t, i) => {
            const hit = raw.some((r) => r.start < t.end && t.start < r.start + r.len);
            assert.equal(p.rules![i] !== 0, hit);
          });
        }
      },
    ),
  );
});
