import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergedDigest, ruleDigest, ruleSpansOfTexts, rulesRecordPath, type RulesRecord } from '../../src/analyze/attribution/rule-digest.js';
import { defaultModelPath, loadAttributionModel } from '../../src/analyze/attribution/index.js';

test('ruleDigest: same spans, same digest; any change of a span, its order or the text boundaries changes it', () => {
  const a = [{ kind: 'cue' as const, start: 3, end: 7, form: 'indirect' }];
  const b = [{ kind: 'source' as const, start: 0, end: 2, form: 'indirect' }];
  const d = ruleDigest([a, b]);
  assert.match(d, /^[0-9a-f]{16}$/);
  assert.equal(ruleDigest([a, b]), d);
  assert.notEqual(ruleDigest([b, a]), d);
  assert.notEqual(ruleDigest([[...a, ...b]]), d);
  assert.notEqual(ruleDigest([[{ ...a[0], end: 8 }], b]), d);
});

test('ruleSpansOfTexts reads a PolNeAR-style split once per name, in the order given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-rules-'));
  mkdirSync(join(dir, 'text'));
  writeFileSync(join(dir, 'text', 'a.txt'), 'The minister said the talks would resume in March.\n');
  writeFileSync(join(dir, 'text', 'b.txt'), 'Prices rose, according to the central bank.\n');
  const spans = ruleSpansOfTexts(dir, ['b', 'a', 'b']);
  assert.deepEqual([...spans.keys()], ['b', 'a']);
  assert.ok(spans.get('a')!.some((s) => s.kind === 'cue'));
  assert.equal(ruleDigest(spans.values()), ruleDigest(ruleSpansOfTexts(dir, ['b', 'a']).values()));
  // the merged relations' digest: deterministic, once per name, and another text gives another one
  const model = loadAttributionModel();
  const merged = mergedDigest(dir, ['b', 'a', 'b'], model);
  assert.match(merged, /^[0-9a-f]{16}$/);
  assert.equal(mergedDigest(dir, ['b', 'a'], model), merged);
  assert.notEqual(mergedDigest(dir, ['a'], model), merged);
});

test('the shipped model has its rules record beside it', () => {
  const record = JSON.parse(readFileSync(rulesRecordPath(defaultModelPath()), 'utf8')) as RulesRecord;
  assert.match(record.digest, /^[0-9a-f]{16}$/);
  assert.match(record.merged ?? '', /^[0-9a-f]{16}$/);
  assert.ok(record.texts > 0);
});
