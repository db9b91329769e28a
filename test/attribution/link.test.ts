import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSpans, mergeContents } from '../../src/analyze/attribution/link.js';
import type { TaggedSpan } from '../../src/analyze/attribution/annotate.js';
import { scoreArticle } from '../../src/analyze/attribution/evaluate.js';

const sp = (kind: string, start: number, end: number, paragraph = 0, sent = 0): TaggedSpan => ({ kind, start, end, paragraph, sent });

test('content links to the nearest cue of its paragraph and the cue to the source of its sentence', () => {
  // "Trump said X. Clinton told Y."
  const spans = [sp('S', 0, 5), sp('C', 6, 10), sp('T', 11, 20), sp('S', 22, 29, 0, 1), sp('C', 30, 34, 0, 1), sp('T', 35, 40, 0, 1)];
  const rels = linkSpans(spans);
  assert.equal(rels.length, 2);
  assert.deepEqual([rels[0].source?.start, rels[0].cue.start, rels[0].content.start], [0, 6, 11]);
  assert.deepEqual([rels[1].source?.start, rels[1].cue.start, rels[1].content.start], [22, 30, 35]);
});

test('a paragraph continuing a quote without a cue inherits the previous cue; cues without content are dropped', () => {
  const spans = [sp('S', 0, 5), sp('C', 6, 10), sp('T', 11, 20), sp('T', 30, 60, 1, 1), sp('C', 100, 104, 5, 4)];
  const rels = linkSpans(spans);
  assert.equal(rels.length, 2);
  assert.equal(rels[1].content.start, 30);
  assert.equal(rels[1].cue.start, 6);
  assert.equal(rels[1].source?.start, 0);
  assert.ok(!rels.some((r) => r.cue.start === 100));
});

test('a source inside the content is not taken as the speaker; sources far away are not linked', () => {
  const spans = [sp('C', 0, 12), sp('S', 13, 20), sp('T', 22, 60), sp('S', 30, 35)];
  const rels = linkSpans(spans);
  assert.equal(rels[0].source?.start, 13);
  const far = linkSpans([sp('S', 0, 5), sp('C', 200, 204, 0, 3), sp('T', 205, 220, 0, 3)]);
  assert.equal(far[0].source, null);
});

test('a cue inside the content loses to its own cue before it; a cue splitting a quotation still links', () => {
  // "Flynn said [Trump was right when he said the generals were reduced to rubble]."
  //  0     6    11                         37 40                                 80
  const spans = [sp('S', 0, 5), sp('C', 6, 10), sp('T', 11, 80), sp('S', 34, 36), sp('C', 37, 41)];
  const rels = linkSpans(spans);
  assert.equal(rels.length, 1);
  assert.deepEqual([rels[0].source?.start, rels[0].cue.start], [0, 6]);
  // "[“A,” he said. “B.”]" tagged as one content with its cue inside and no other cue near: the cue links
  const split = linkSpans([sp('T', 0, 40), sp('S', 6, 8), sp('C', 9, 13)]);
  assert.equal(split.length, 1);
  assert.equal(split[0].cue.start, 9);
});

test('mergeContents joins split contents only across small gaps without a cue', () => {
  const merged = mergeContents([sp('T', 0, 10), sp('T', 11, 20), sp('C', 22, 26), sp('T', 28, 40)], 1);
  assert.deepEqual(merged.filter((s) => s.kind === 'T').map((s) => [s.start, s.end]), [[0, 20], [28, 40]]);
});

test('scoring counts exact matches only and relations as (source, content) pairs', () => {
  const gold = {
    components: [
      { kind: 'source' as const, start: 0, end: 5 },
      { kind: 'cue' as const, start: 6, end: 10 },
      { kind: 'content' as const, start: 11, end: 20 },
    ],
    relations: [{ source: { kind: 'source' as const, start: 0, end: 5 }, cue: { kind: 'cue' as const, start: 6, end: 10 }, contents: [{ kind: 'content' as const, start: 11, end: 20 }] }],
  };
  const t = (start: number, end: number) => ({ start, end, text: '' });
  const pred = [{ id: 'a', articleId: 'x', source: t(0, 5), cue: t(6, 10), content: t(11, 19), speakerId: null, quoteId: null, form: 'indirect' as const }];
  const s = scoreArticle(pred, gold);
  assert.deepEqual(s.source, { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(s.content, { tp: 0, fp: 1, fn: 1 });
  assert.deepEqual(s.relation, { tp: 0, fp: 1, fn: 1 });
});

test('a content prefers a cue in its own (first or last) sentence, and a cue before it over one just after', () => {
  // Sentence 0: "… said." ends at 20; sentence 1: content 22-40, cue after it at 45 ("he added") in sentence 1.
  const rels = linkSpans([sp('C', 14, 18, 0, 0), sp('T', 22, 40, 0, 1), sp('C', 45, 50, 0, 1)]);
  assert.equal(rels[0].cue.start, 45);
  // A multi-sentence quote (sentences 1..2) followed by its cue in sentence 2.
  const multi = linkSpans([sp('C', 0, 4, 0, 0), { ...sp('T', 10, 80, 0, 1), lastSent: 2 }, sp('C', 82, 86, 0, 2)]);
  assert.equal(multi[0].cue.start, 82);
  // Same sentence: the cue 10 characters before wins over the one 5 characters after.
  const before = linkSpans([sp('C', 0, 4), sp('T', 14, 30), sp('C', 35, 39)]);
  assert.equal(before[0].cue.start, 0);
});

test('a content far from every cue (more than 50 characters) is not linked', () => {
  const rels = linkSpans([sp('S', 0, 5), sp('C', 6, 10), sp('T', 11, 30), sp('T', 120, 160)]);
  assert.deepEqual(rels.map((r) => r.content.start), [11]);
  // A quote in the next paragraph right after "…, he said:" still takes that cue.
  const next = linkSpans([sp('S', 0, 2), sp('C', 3, 8), sp('T', 10, 60, 1, 1)]);
  assert.equal(next[0]?.cue.start, 3);
});
