import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseClusterTable, readClusterTable, PackedClusters } from '../../src/analyze/attribution/clusters.js';
import { clusterOf } from '../../src/analyze/attribution/features.js';

test('cluster table: parse, lookup (curly apostrophes as straight), OOV, errors name the line', () => {
  const t = parseClusterTable("said\t5\t2\nit's\t9\t3\n\n");
  assert.equal(clusterOf(t, 'said'), 5 | (2 << 9));
  assert.equal(clusterOf(t, 'it’s'), 9 | (3 << 9));
  assert.equal(clusterOf(t, 'zzz'), clusterOf(undefined, 'said'));
  assert.throws(() => parseClusterTable('said\t5\n', 'c.tsv'), /c\.tsv:1: expected/);
  assert.throws(() => parseClusterTable('a\t1\t1\nb\t999\t1\n', 'c.tsv'), /c\.tsv:2:/);
  const dir = mkdtempSync(join(tmpdir(), 'clusters-'));
  writeFileSync(join(dir, 'ok.tsv.gz'), gzipSync('told\t5\t2\n'));
  assert.equal(readClusterTable(join(dir, 'ok.tsv.gz')).get('told'), 5 | (2 << 9));
  writeFileSync(join(dir, 'bad.tsv.gz'), 'not gzip');
  assert.throws(() => readClusterTable(join(dir, 'bad.tsv.gz')), /bad\.tsv\.gz: cannot read word clusters/);
});

test('property: every parsed word maps back to its ids', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z']{1,8}$/), fc.nat(510), fc.nat(62)), { selector: (x) => x[0], maxLength: 30 }), (rows) => {
      const t = parseClusterTable(rows.map(([w, f, c]) => `${w}\t${f}\t${c}`).join('\n'));
      for (const [w, f, c] of rows) assert.equal(t.get(w), f | (c << 9));
    }),
  );
});

test('property: a packed table (as stored in model files) answers like the map it was packed from', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }).filter((w) => !w.includes('\n')), fc.nat(30000)), { selector: (x) => x[0], maxLength: 40 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 10 }), (rows, probes) => {
      const map = new Map(rows);
      const { blob, ids } = PackedClusters.from(map);
      const packed = new PackedClusters(blob, ids);
      assert.equal(packed.size, map.size);
      for (const [w, id] of rows) assert.equal(packed.get(w), id);
      for (const p of probes) assert.equal(packed.get(p), map.get(p));
      assert.deepEqual(new Map(packed.entries()), map);
    }),
  );
});
