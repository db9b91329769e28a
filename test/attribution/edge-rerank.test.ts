import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { best, boundsInput, candidates, refineContents, refineEdges, newLineInto, serializeBounds, deserializeBounds, serializeEdgeModels, deserializeEdgeModels, WINDOW, type BoundsModel } from '../../src/analyze/attribution/edge-rerank.js';
import { boundsExamples, trainBounds, DEFAULT_BOUNDS_CONFIG } from '../../src/analyze/attribution/edge-rerank-train.js';
import { tokenizeParagraphs } from '../../src/analyze/attribution/tokens.js';
import { loadEdgeModels } from '../../src/analyze/attribution/index.js';
import type { Attribution } from '../../src/model.js';
import type { GoldAttributions } from '../../src/analyze/attribution/brat.js';

const TEXT = 'Officials said Friday that hackers have targeted the voter registration systems of more than 20 states.\nThe campaign declined to comment.';

function rel(text: string, source: string | null, cue: string, content: string): Attribution {
  const at = (s: string): { start: number; end: number; text: string } => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, s);
    return { start: i, end: i + s.length, text: s };
  };
  return { id: 'a#attr1', articleId: 'a', source: source ? at(source) : null, cue: at(cue), content: at(content), speakerId: null, quoteId: null, form: 'indirect' };
}

test('candidates: the proposed edges and their neighbours within the paragraph, never across it', () => {
  const inp = boundsInput(tokenizeParagraphs(TEXT));
  const c = candidates(inp, rel(TEXT, 'Officials', 'said', 'Friday that hackers have targeted the voter registration systems'))!;
  assert.ok(c);
  const starts = c.starts.map((x) => inp.toks[x.at].value);
  assert.ok(starts.includes('Friday') && starts.includes('that') && starts.includes('hackers'));
  assert.ok(c.starts.length <= 2 * WINDOW + 1);
  const lastEnd = Math.max(...c.ends.map((x) => x.at));
  assert.equal(inp.para[lastEnd - 1], 0, 'no end candidate in the next paragraph');
  assert.ok(c.ends.some((x) => x.at === c.rel.e0), 'the proposed end is a candidate');
});

test('refineContents moves an edge only when the model prefers another by its margin', () => {
  const inp = boundsInput(tokenizeParagraphs(TEXT));
  const a = rel(TEXT, 'Officials', 'said', 'Friday that hackers have targeted the voter registration systems of more than 20 states');
  const c = candidates(inp, a)!;
  const that = c.starts.find((x) => inp.toks[x.at].value === 'that')!;
  const bits = 12;
  const mk = (w: number, margin: number): BoundsModel => {
    const weights = new Float32Array(2 << bits);
    for (const h of that.ids) weights[h & ((1 << bits) - 1)] += w;
    return { bits, margin, weights };
  };
  // the "that" candidate's features (some shared with others) get weight: it wins unless the margin forbids
  const moved = refineContents([a], inp, TEXT, mk(1, 0))[0];
  assert.equal(moved.content.text.startsWith('that hackers'), true, moved.content.text);
  assert.equal(moved.content.end, a.content.end, 'the end stays');
  assert.equal(moved.id, a.id);
  const kept = refineContents([a], inp, TEXT, mk(1, 1e6))[0];
  assert.deepEqual(kept, a);
});

test('serialised models read back to the same weights (int16) and corrupt files are refused by name', () => {
  const bits = 10;
  const weights = Float32Array.from({ length: 2 << bits }, (_, i) => Math.sin(i) * 3);
  const m = deserializeBounds(serializeBounds({ bits, margin: 2.5, weights }), 'x.bin');
  assert.equal(m.bits, bits);
  assert.equal(m.margin, 2.5);
  for (let i = 0; i < weights.length; i++) assert.ok(Math.abs(m.weights[i] * m.scale! - weights[i]) < 3 / 32767 + 1e-6);
  assert.throws(() => deserializeBounds(Buffer.from('nope'), 'bad.bin'), /bad\.bin: not an edge reranker model/);
  assert.throws(() => deserializeBounds(serializeBounds({ bits, margin: 0, weights }).subarray(0, 100), 'short.bin'), /short\.bin: truncated/);
  const set = deserializeEdgeModels(serializeEdgeModels({ content: m, cue: { bits, margin: 1, weights } }), 'set.bin');
  assert.deepEqual(Object.keys(set), ['content', 'cue']);
  assert.equal(set.cue!.margin, 1);
  assert.throws(() => deserializeEdgeModels(serializeEdgeModels({ content: m }).subarray(0, 50), 'cut.bin'), /cut\.bin: truncated/);
});

test('training learns a consistent edge preference and is deterministic', () => {
  // gold contents start after "that"; predictions start one token early ("Friday that …")
  const texts = Array.from({ length: 12 }, (_, i) => `Official ${i} said Friday that the plan number ${i} would fail soon.`);
  const examples = texts.flatMap((t) => {
    const inp = boundsInput(tokenizeParagraphs(t));
    const a = rel(t, `Official ${i(t)}`, 'said', `Friday that the plan number ${i(t)} would fail soon`);
    const g = t.indexOf('the plan');
    const gold: GoldAttributions = { components: [{ kind: 'content', start: g, end: a.content.end }], relations: [] };
    return boundsExamples(inp, [a], gold);
  });
  assert.equal(examples.length, 24, 'a start and an end example per relation');
  const cfg = { ...DEFAULT_BOUNDS_CONFIG, bits: 12, epochs: 3, seeds: 2, margin: 0 };
  const m1 = trainBounds(examples, cfg);
  const m2 = trainBounds(examples, cfg);
  assert.deepEqual(m1.weights, m2.weights);
  const t = 'Official 99 said Friday that the plan number 99 would fail soon.';
  const out = refineContents([rel(t, 'Official 99', 'said', 'Friday that the plan number 99 would fail soon')], boundsInput(tokenizeParagraphs(t)), t, m1)[0];
  assert.equal(out.content.text, 'the plan number 99 would fail soon');
});

function i(t: string): string {
  return /Official (\d+)/.exec(t)![1];
}

test('inference (token-local sums cached, relational features per relation) picks what the full feature vectors pick', () => {
  const text = 'Officials said on Friday that hackers had, according to the report, targeted “the voter registration systems” of 20 states, and that more may follow.';
  const inp = boundsInput(tokenizeParagraphs(text));
  const a = rel(text, 'Officials', 'said', 'on Friday that hackers had, according to the report, targeted');
  const bits = 10;
  for (let seed = 1; seed <= 20; seed++) {
    let x = seed;
    const weights = Float32Array.from({ length: 2 << bits }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648 - 0.5;
    });
    const model = { bits, margin: 0, weights };
    const c = candidates(inp, a)!;
    const mask = (1 << bits) - 1;
    const s = c.starts[best(weights, 0, mask, c.starts)].at;
    const e = c.ends[best(weights, 1 << bits, mask, c.ends)].at;
    const out = refineContents([a], inp, text, model)[0];
    const start = s === c.rel.s0 ? a.content.start : inp.toks[s].start;
    const end = e === c.rel.e0 ? a.content.end : inp.toks[e - 1].end;
    const want = end > start ? [start, end] : [a.content.start, a.content.end];
    assert.deepEqual([out.content.start, out.content.end], want, `seed ${seed}`);
    assert.ok(out.content.start >= a.cue.end, 'a content never moves to take in its own cue or source');
  }
});

test('property: refined contents stay non-empty spans of the text with matching text', () => {
  const models = loadEdgeModels();
  assert.ok(models.content && models.source && models.cue, 'the shipped file holds the three rerankers');
  const words = ['said', 'that', 'the', '“', '”', 'officials', ',', '.', 'plan', 'He', 'would', 'not', '\n'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { minLength: 6, maxLength: 60 }), fc.nat(), fc.nat(), (ws, x, y) => {
      const text = ws.join(' ');
      const inp = boundsInput(tokenizeParagraphs(text));
      if (inp.toks.length < 3) return;
      const a0 = x % inp.toks.length;
      const a1 = a0 + 1 + (y % Math.max(1, inp.toks.length - a0));
      const cueTok = inp.toks[(x + y) % inp.toks.length];
      const content = { start: inp.toks[a0].start, end: inp.toks[Math.min(a1, inp.toks.length) - 1].end };
      const a: Attribution = {
        id: 'p',
        articleId: 'p',
        source: null,
        cue: { start: cueTok.start, end: cueTok.end, text: cueTok.value },
        content: { ...content, text: text.slice(content.start, content.end) },
        speakerId: null,
        quoteId: null,
        form: 'indirect',
      };
      const out = refineEdges([a], inp, text, models)[0];
      assert.ok(out.content.start < out.content.end);
      assert.equal(out.cue.text, text.slice(out.cue.start, out.cue.end));
      assert.ok(out.content.start >= 0 && out.content.end <= text.length);
      assert.equal(out.content.text, text.slice(out.content.start, out.content.end));
    }),
    { numRuns: 200 },
  );
});

/** A reranker whose only wish is to end a span where `end` does (its end features weigh 1, all else 0). */
function preferringEnd(end: { ids: Uint32Array }): BoundsModel {
  const bits = 12;
  const weights = new Float32Array(2 << bits);
  for (const h of end.ids) weights[(1 << bits) + (h & ((1 << bits) - 1))] += 1;
  return { bits, margin: 0, weights };
}

test("a cue or source edge does not move onto another relation's cue ('UNN reports [citing] Bloomberg')", () => {
  const text = 'Putin is testing whether the United States is ready for talks, UNN reports citing Bloomberg.';
  const inp = boundsInput(tokenizeParagraphs(text));
  const content = 'Putin is testing whether the United States is ready for talks';
  const unn = rel(text, 'UNN', 'reports', content);
  const bloomberg = rel(text, 'Bloomberg', 'citing', content);
  const c = candidates(inp, unn, undefined, 'cue')!;
  const citing = c.ends.find((x) => inp.toks[x.at - 1].value === 'citing')!;
  assert.ok(citing, 'an end after "citing" is a candidate');
  const model = preferringEnd(citing);
  // alone, the model would stretch the cue over "citing"; beside Bloomberg's relation it stays
  assert.equal(refineContents([unn], inp, text, model, 'cue')[0].cue.text, 'reports citing');
  const [kept, other] = refineContents([unn, bloomberg], inp, text, model, 'cue');
  assert.equal(kept.cue.text, 'reports');
  assert.equal(other.cue.text, 'citing');
});

test('a source or cue edge does not move across a line break (a letters page: “…” ― Name⏎“…”)', () => {
  const text = '“The most unqualified child to ever run.” ― Veronica Cruz\n“As a young, Hispanic woman, I vote.” ― Adriana Rodarte';
  // one block with a single line break, as a plain-text page gives it to the tagger (tokenizeParagraphs splits lines)
  const inp = boundsInput([{ tokens: tokenizeParagraphs(text).flatMap((p) => p.tokens) }]);
  const cruz = rel(text, 'Veronica Cruz', '―', 'The most unqualified child to ever run.');
  const c = candidates(inp, cruz, undefined, 'source')!;
  const beyond = c.ends.find((x) => inp.toks[x.at - 1].value === 'As')!;
  assert.ok(beyond, 'an end on the next line is a candidate (one paragraph)');
  const model = preferringEnd(beyond);
  assert.equal(refineContents([cruz], inp, text, model, 'source')[0].source!.text, 'Veronica Cruz');
  // the same model moves an edge within the line
  const one = text.replace('\n', ' ');
  const moved = refineContents([rel(one, 'Veronica Cruz', '―', 'The most unqualified child to ever run.')], boundsInput(tokenizeParagraphs(one)), one, model, 'source')[0];
  assert.notEqual(moved.source!.text, 'Veronica Cruz');
  assert.equal(newLineInto(text, cruz.source!, text.indexOf('Veronica'), text.indexOf('As a')), true);
  assert.equal(newLineInto(text, cruz.source!, text.indexOf('Veronica'), text.indexOf(' Cruz')), false);
});
