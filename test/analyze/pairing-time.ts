import assert from 'node:assert/strict';
import { pairBlock } from '../../src/analyze/quotes/marks.js';

/**
 * Milliseconds to pair the marks of `make(10000)` and of `make(40000)` (the best of three runs each: the
 * machine is shared, single timings are noisy), after a warm-up; every text must yield a quote.
 */
export function pairingTimes(make: (n: number) => string): { t10: number; t40: number } {
  const time = (n: number): number => {
    const text = make(n);
    const t0 = process.hrtime.bigint();
    const segs = pairBlock(text, 0, text.length, 0);
    assert.ok(segs.length > 0);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  time(2000);
  return { t10: Math.min(time(10000), time(10000), time(10000)), t40: Math.min(time(40000), time(40000), time(40000)) };
}
