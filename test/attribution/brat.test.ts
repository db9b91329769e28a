import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBrat, goldFromBrat, BratError } from '../../src/analyze/attribution/brat.js';

const SAMPLE = [
  'T1\tSource 0 5\tTrump',
  'T2\tCue 6 10\tsaid',
  'T3\tContent 11 20;30 40\tfirst bit second',
  'line two of T3',
  'T4\tAttribution 6 10\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5',
  'T5\tContent 50 60\tmore',
  '#1\tAnnotatorNotes T3\ta note',
  'E2\tAttribution-no-source:T6 ',
  'T6\tAttribution-no-source 70 72\tis',
  '',
].join('\n');

test('parses text-bound spans, discontinuous fragments, multi-line text and events', () => {
  const doc = parseBrat(SAMPLE, 'sample.ann');
  assert.equal(doc.spans.size, 6);
  const t3 = doc.spans.get('T3')!;
  assert.deepEqual(t3.fragments, [[11, 20], [30, 40]]);
  assert.equal(t3.start, 11);
  assert.equal(t3.end, 40);
  assert.equal(t3.text, 'first bit second\nline two of T3');
  assert.equal(doc.events.length, 2);
  assert.deepEqual(doc.events[0].args.get('Content'), ['T3', 'T5']);
  const gold = goldFromBrat(doc);
  assert.deepEqual(
    gold.components.map((c) => `${c.kind}:${c.start}-${c.end}`),
    ['source:0-5', 'cue:6-10', 'content:11-40', 'content:50-60'],
  );
  assert.equal(gold.relations.length, 1, 'the argument-less event is not a relation');
  assert.equal(gold.relations[0].contents.length, 2);
  assert.equal(gold.relations[0].source?.end, 5);
});

test('malformed input raises a BratError naming the file and line', () => {
  assert.throws(() => parseBrat('T1\tSource 9 3\tx', 'bad.ann'), (e: unknown) => e instanceof BratError && /bad\.ann:1/.test((e as Error).message));
  assert.throws(() => parseBrat('T1\tSource x y\tx', 'bad.ann'), BratError);
  assert.throws(() => parseBrat('E1\tAttribution:T9', 'bad.ann'), /unknown span T9/);
  assert.throws(() => parseBrat('T1\tSource 0 50\tx', 'short.ann', 10), /beyond text length/);
});

test('property: spans written as brat parse back to the same offsets and text', () => {
  const spanArb = fc
    .tuple(fc.nat(500), fc.nat(60), fc.constantFrom('Source', 'Cue', 'Content'), fc.string({ maxLength: 20 }))
    .map(([s, len, type, txt]) => ({ s, e: s + len, type, txt: txt.replace(/[\n\r]/g, ' ') }));
  fc.assert(
    fc.property(fc.array(spanArb, { maxLength: 30 }), (spans) => {
      const ann = spans.map((x, i) => `T${i + 1}\t${x.type} ${x.s} ${x.e}\t${x.txt}`).join('\n');
      const doc = parseBrat(ann, 'gen.ann');
      assert.equal(doc.spans.size, spans.length);
      spans.forEach((x, i) => {
        const got = doc.spans.get(`T${i + 1}`)!;
        assert.equal(got.start, x.s);
        assert.equal(got.end, x.e);
        assert.equal(got.type, x.type);
        assert.equal(got.text, x.txt.replace(/\r$/, ''));
      });
    }),
  );
});
