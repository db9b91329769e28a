import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstIndex } from '../../src/analyze/first-index.js';

test('firstIndex finds the first index of a monotone predicate, as a linear scan does (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }), fc.integer({ min: -60, max: 60 }), (xs, x) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const linear = sorted.findIndex((v) => v >= x);
      assert.equal(firstIndex(sorted.length, (i) => sorted[i] >= x), linear < 0 ? sorted.length : linear);
    }),
  );
  assert.equal(firstIndex(0, () => true), 0);
});
