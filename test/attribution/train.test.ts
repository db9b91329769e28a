import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolnear } from '../../src/analyze/attribution/dataset.js';
import { trainTaggers } from '../../src/analyze/attribution/train.js';
import { serializeModel, deserializeModel } from '../../src/analyze/attribution/model-io.js';
import { extractAttributions, defaultModelPath, loadAttributionModel } from '../../src/analyze/attribution/index.js';
import { scoreArticle, emptyCounts, addCounts } from '../../src/analyze/attribution/evaluate.js';
import { fixturePath } from '../helpers.js';
import { parseClusterTable } from '../../src/analyze/attribution/clusters.js';
import { Decoder } from '../../src/analyze/attribution/perceptron.js';
import { prepareParagraphs, tagParagraphs, tagArticle, scKinds, SC_TAGS, CT_TAGS } from '../../src/analyze/attribution/annotate.js';
import { stackFeatures } from '../../src/analyze/attribution/stack.js';
import { tokenizeParagraphs } from '../../src/analyze/attribution/tokens.js';
import { setRuleCodes } from '../../src/analyze/attribution/rule-codes.js';
import { tagsToSpans } from '../../src/analyze/attribution/spans.js';

const cfg = { bits: 16, epochs: 12, seed: 7, stacked: true, folds: 3, refine: false };

test('trainer learns the tiny PolNeAR-style set end to end, deterministically', () => {
  const docs = loadPolnear(fixturePath('attribution', 'mini'));
  assert.equal(docs.length, 3);
  const model = trainTaggers(docs, cfg);
  const again = trainTaggers(docs, cfg);
  const buf = serializeModel(model);
  assert.deepEqual(serializeModel(again), buf, 'same data and seed give the same model bytes');
  const reloaded = deserializeModel(buf, 'mini');
  assert.deepEqual(deserializeModel(gzipSync(buf), 'mini.gz'), reloaded, 'a gzipped model file reads the same');
  const totals = emptyCounts();
  for (const d of docs) {
    const pred = extractAttributions(d.text, d.name, reloaded);
    for (const a of pred) {
      for (const s of [a.source, a.cue, a.content]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text);
    }
    addCounts(totals, scoreArticle(pred, d.gold));
  }
  // The training set is memorised: most cues and contents come back exactly.
  assert.ok(totals.cue.tp >= 6, `cue tp ${totals.cue.tp}`);
  assert.ok(totals.content.tp >= 5, `content tp ${totals.content.tp}`);
  assert.ok(totals.relation.tp >= 4, `relation tp ${totals.relation.tp}`);
});

test('the refining second source/cue pass trains, round-trips and yields valid spans', () => {
  const docs = loadPolnear(fixturePath('attribution', 'mini'));
  const model = trainTaggers(docs, { ...cfg, refine: true });
  assert.ok(model.sc2, 'second pass trained');
  const reloaded = deserializeModel(serializeModel(model), 'mini-refined');
  assert.ok(reloaded.sc2);
  const totals = emptyCounts();
  for (const d of docs) {
    const pred = extractAttributions(d.text, d.name, reloaded);
    for (const a of pred) for (const s of [a.source, a.cue, a.content]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text);
    addCounts(totals, scoreArticle(pred, d.gold));
  }
  assert.ok(totals.cue.tp >= 3, `cue tp ${totals.cue.tp}`);
});

test('corrupt model files give a clear error', () => {
  assert.throws(() => deserializeModel(Buffer.from('nope'), 'x.bin'), /x\.bin: not a retold attribution model/);
  assert.throws(() => deserializeModel(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'x.bin.gz'), /x\.bin\.gz: not a retold attribution model \(corrupt gzip\)/);
  assert.throws(() => loadPolnear(join(fixturePath('attribution'), 'missing')), /not a PolNeAR split/);
});

test('shipped model loads fast and finds a plain reported-speech relation', { skip: !existsSync(defaultModelPath()) }, () => {
  const t0 = performance.now();
  const model = loadAttributionModel(defaultModelPath());
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `load took ${ms.toFixed(0)} ms`); // budget 300 ms; slack for loaded CI machines
  const text = 'The senator said the bill would pass next week.\n\n“We have the votes,” Smith told reporters on Tuesday.';
  const attrs = extractAttributions(text, 'a1', model);
  assert.ok(attrs.length >= 1);
  const said = attrs.find((a) => a.cue.text === 'said');
  assert.ok(said, JSON.stringify(attrs));
  assert.equal(said.source?.text, 'The senator');
  assert.ok(said.content.text.startsWith('the bill would pass'), said.content.text);
  for (const a of attrs) assert.equal(a.speakerId, null);
});

for (const stacked of [false, true]) {
test(`inference (per-form weight sums, int16 table) decodes as the training decoder over all features (${stacked ? 'stacked, with rule codes' : 'not stacked'})`, () => {
  const docs = loadPolnear(fixturePath('attribution', 'mini'));
  const clusters = parseClusterTable('said\t3\t1\ntold\t3\t1\nsenator\t7\t2\nofficials\t7\t2\n');
  // (rule codes in training too: every other gold span, so their weights are not zero)
  const ruled = docs.map((d) => ({ ...d, rules: d.gold.components.filter((_, i) => i % 2 === 0).map((c) => ({ kind: c.kind, start: c.start, end: c.end, form: 'indirect' })) }));
  const model = deserializeModel(serializeModel(trainTaggers(ruled, { ...cfg, stacked, clusters })), 'mini');
  assert.equal(model.clusters?.get('said'), 3 | (1 << 9));
  const dec = new Decoder(model.sc);
  const ctDec = new Decoder(model.ct);
  for (const d of docs) {
    const paras = tokenizeParagraphs(d.text);
    // rule codes (the rule relations as features) are read the same way by both
    setRuleCodes(paras, d.gold.components.filter((_, i) => i % 2 === 0).map((c) => ({ kind: c.kind, start: c.start, end: c.end, form: 'indirect' })));
    const full = prepareParagraphs(paras, model.bits, model.clusters);
    const expected: string[] = [];
    full.forEach((p) => {
      for (const s of tagsToSpans(p.para.tokens, dec.decode(p.base), SC_TAGS)) expected.push(`${s.kind}:${s.start}-${s.end}`);
      const scSeq = dec.decode(p.base);
      const ctFeats = stacked ? stackFeatures(p.base, p.para.tokens, scKinds(scSeq, SC_TAGS), model.bits, p.para.rules) : p.base;
      for (const s of tagsToSpans(p.para.tokens, ctDec.decode(ctFeats), CT_TAGS)) expected.push(`${s.kind}:${s.start}-${s.end}`);
    });
    const got = tagParagraphs(paras, model).map((s) => `${s.kind}:${s.start}-${s.end}`);
    assert.deepEqual(got.sort(), expected.sort());
  }
});
}

/** The same model in the version-1 layout: i32 bucket ids instead of u16 gaps. */
function toVersion1(buf: Buffer): Buffer {
  const hl = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + hl).toString('utf8'));
  let off = 4 + hl;
  const parts: Buffer[] = [];
  for (const key of ['sc', 'ct', 'sc2']) {
    const h = header[key];
    if (!h) continue;
    const T = h.tags.length;
    parts.push(buf.subarray(off, (off += (T + 1) * T * 4)));
    assert.equal(h.ids, 'u16-gaps');
    const ids = new Int32Array(h.rows);
    for (let r = 0, id = 0; r < h.rows; r++) ids[r] = id += buf.readUInt16LE(off + 2 * r);
    off += h.rows * 2;
    parts.push(Buffer.from(ids.buffer));
    parts.push(buf.subarray(off, (off += h.rows * T * 2)));
    delete h.ids;
  }
  parts.push(buf.subarray(off));
  header.version = 1;
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length, 0);
  return Buffer.concat([len, h, ...parts]);
}

test('model files: version 2 (u16 id gaps) is smaller and reads the same as version 1 (i32 ids)', () => {
  const docs = loadPolnear(fixturePath('attribution', 'mini'));
  const buf = serializeModel(trainTaggers(docs, cfg), {}, 0, 'rows');
  const v1 = toVersion1(buf);
  assert.ok(buf.length < v1.length);
  const a = deserializeModel(buf, 'v2');
  const b = deserializeModel(v1, 'v1');
  assert.deepEqual([...a.sc.packed!.ids], [...b.sc.packed!.ids]);
  assert.deepEqual([...a.ct.packed!.ids], [...b.ct.packed!.ids]);
  assert.deepEqual([...a.sc.packed!.vals], [...b.sc.packed!.vals]);
});

test('model files: version 3 (the inference table, loaded in place) holds the same weights and tags the same as version 2', () => {
  const docs = loadPolnear(fixturePath('attribution', 'mini'));
  const model = trainTaggers(docs, cfg);
  const v3 = deserializeModel(serializeModel(model), 'v3');
  const v2 = deserializeModel(serializeModel(model, {}, 0, 'rows'), 'v2');
  assert.ok(v3.table && !v2.table);
  for (const k of ['sc', 'ct'] as const) assert.deepEqual([...v3[k].weights], [...v2[k].weights]);
  const text = docs[0].text;
  assert.deepEqual(tagArticle(text, v3), tagArticle(text, v2));
  // a truncated table is an error, not a crash later
  const buf = serializeModel(model);
  assert.throws(() => deserializeModel(buf.subarray(0, buf.length - 10), 'cut.bin'), /cut\.bin: not a retold attribution model \(truncated\)/);
});
