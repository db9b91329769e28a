import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spansToTags, tagsToSpans } from '../../src/analyze/attribution/spans.js';
import { SC_TAGS } from '../../src/analyze/attribution/annotate.js';
import { tokenizeParagraphs, lineBlocks } from '../../src/analyze/attribution/tokens.js';
import { Decoder } from '../../src/analyze/attribution/perceptron.js';
import { paragraphFeatures } from '../../src/analyze/attribution/features.js';

test('tokens keep exact offsets and split paragraphs at newlines', () => {
  const text = 'Trump said “no.”\n\nClinton, he added, was wrong.';
  const paras = tokenizeParagraphs(text);
  assert.equal(paras.length, 2);
  for (const p of paras) for (const t of p.tokens) assert.equal(text.slice(t.start, t.end), t.value);
  assert.equal(paras[1].tokens[0].value, 'Clinton');
});

test('property: token-aligned spans survive tags → spans', () => {
  const words = ['Trump', 'said', 'the', 'plan', 'failed', '.', 'Aides', 'told', 'reporters', 'it', 'works'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }), fc.array(fc.tuple(fc.nat(24), fc.nat(4), fc.boolean()), { maxLength: 6 }), (ws, raw) => {
      const text = ws.join(' ');
      const toks = tokenizeParagraphs(text)[0].tokens;
      // Non-overlapping token ranges.
      const used = new Set<number>();
      const spans = [];
      for (const [a, len, isCue] of raw) {
        if (a >= toks.length) continue;
        const b = Math.min(toks.length - 1, a + len);
        let free = true;
        for (let i = a; i <= b; i++) if (used.has(i)) free = false;
        // Adjacent spans of the same kind would merge only if both were I-; B- keeps them apart.
        if (!free) continue;
        for (let i = a; i <= b; i++) used.add(i);
        spans.push({ kind: isCue ? 'cue' : 'source', start: toks[a].start, end: toks[b].end });
      }
      const seq = spansToTags(toks, spans, SC_TAGS, { source: 'S', cue: 'C' });
      const back = tagsToSpans(toks, seq, SC_TAGS).map((s) => `${s.kind === 'C' ? 'cue' : 'source'}:${s.start}-${s.end}`).sort();
      assert.deepEqual(back, spans.map((s) => `${s.kind}:${s.start}-${s.end}`).sort());
    }),
  );
});

test('Viterbi never emits I- after O (BIO constraint), even when weights push for it', () => {
  const toks = tokenizeParagraphs('a b c d')[0].tokens;
  const bits = 8;
  const feats = paragraphFeatures({ tokens: toks }, bits);
  const T = SC_TAGS.length;
  const weights = new Float32Array((1 << bits) * T);
  for (let b = 0; b < 1 << bits; b++) weights[b * T + 2] = 1; // I-S everywhere
  const dec = new Decoder({ tags: SC_TAGS, bits, weights, trans: new Float32Array((T + 1) * T) });
  const seq = [...dec.decode(feats)].map((t) => SC_TAGS[t]);
  assert.equal(seq[0].startsWith('I-'), false);
  for (let i = 1; i < seq.length; i++) {
    if (seq[i].startsWith('I-')) assert.ok(seq[i - 1].endsWith(seq[i].slice(2)), seq.join(' '));
  }
});

test('lineBlocks: one block per non-blank line, offsets into the text', () => {
  const text = 'a b\n\n  \nc\r\nd\n';
  const blocks = lineBlocks(text);
  assert.deepEqual(blocks.map((b) => text.slice(b.start, b.end)), ['a b', 'c\r', 'd']);
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (s) => {
      for (const b of lineBlocks(s)) {
        assert.ok(!s.slice(b.start, b.end).includes('\n'));
        assert.ok(s.slice(b.start, b.end).trim() !== '');
      }
    }),
  );
});

test('end tags: the last token of a span of two or more takes E-, a one-token span only B-; E- closes a span', () => {
  const text = 'Officials said the plan failed badly .';
  const toks = tokenizeParagraphs(text)[0].tokens;
  const at = (w: string) => toks.find((t) => t.value === w)!;
  const spans = [
    { kind: 'source', start: at('Officials').start, end: at('Officials').end },
    { kind: 'cue', start: at('said').start, end: at('said').end },
  ];
  const sc = [...spansToTags(toks, spans, SC_TAGS, { source: 'S', cue: 'C' })].map((t) => SC_TAGS[t]);
  assert.deepEqual(sc.slice(0, 2), ['B-S', 'B-C']);
  const CT = ['O', 'B-T', 'I-T', 'E-T'];
  const ct = spansToTags(toks, [{ kind: 'content', start: at('the').start, end: at('badly').end }], CT, { content: 'T' });
  assert.deepEqual([...ct].map((t) => CT[t]), ['O', 'O', 'B-T', 'I-T', 'I-T', 'E-T', 'O']);
  // two spans back to back: B I E B E
  const seq = Uint8Array.from([1, 2, 3, 1, 3, 0, 0]);
  assert.deepEqual(tagsToSpans(toks, seq, CT).map((s) => text.slice(s.start, s.end)), ['Officials said the', 'plan failed']);
});

test('Viterbi never emits E- after O or after another kind', () => {
  const toks = tokenizeParagraphs('a b c d e')[0].tokens;
  const bits = 8;
  const feats = paragraphFeatures({ tokens: toks }, bits);
  const T = SC_TAGS.length;
  const weights = new Float32Array((1 << bits) * T);
  const eS = SC_TAGS.indexOf('E-S');
  const bC = SC_TAGS.indexOf('B-C');
  for (let b = 0; b < 1 << bits; b++) {
    weights[b * T + eS] = 1;
    weights[b * T + bC] = 0.9;
  }
  const seq = [...new Decoder({ tags: SC_TAGS, bits, weights, trans: new Float32Array((T + 1) * T) }).decode(feats)].map((t) => SC_TAGS[t]);
  for (let i = 0; i < seq.length; i++) {
    if (seq[i].startsWith('E-')) assert.ok(i > 0 && /^[BI]-/.test(seq[i - 1]) && seq[i - 1].endsWith(seq[i].slice(2)), seq.join(' '));
  }
});
