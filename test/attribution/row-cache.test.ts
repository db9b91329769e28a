import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RowCache } from '../../src/analyze/attribution/row-cache.js';

test('property: RowCache rows hold what fill wrote, across growth, rehashing and bounded clears', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.oneof(fc.nat(2 ** 31 - 1), fc.nat(50)), { maxLength: 300 }), { maxLength: 8 }), (batches) => {
      const cache = new RowCache(3, 500);
      let fills = 0;
      for (const batch of batches) {
        cache.reserve(batch.length * 2);
        const seen: Array<[number, number]> = [];
        for (const key of batch) {
          const off = cache.byInt(key, (k, rows, o) => {
            fills++;
            rows[o] = k & 0xffff;
            rows[o + 1] = k >>> 16;
            rows[o + 2] = 7;
          });
          seen.push([key, off]);
          const name = 'w' + (key % 97);
          const noff = cache.byName(name, (rows, o) => {
            rows[o] = key % 97;
          });
          assert.equal(cache.rows[noff], key % 97);
        }
        // Every row handed out in this batch is still valid at its end.
        for (const [key, off] of seen) {
          assert.equal(cache.rows[off], key & 0xffff);
          assert.equal(cache.rows[off + 1], key >>> 16);
          assert.equal(cache.rows[off + 2], 7);
        }
        assert.ok(cache.count <= Math.max(500, batch.length * 2));
      }
      assert.ok(fills >= 0);
    }),
    { numRuns: 60 },
  );
});
