/**
 * Binary search: the first index in `0..count` for which `past(i)` holds, given that `past` is false up
 * to some index and true from there on (`count` when it never holds).
 */
export function firstIndex(count: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
