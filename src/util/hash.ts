import { createHash } from 'node:crypto';

/** Short, deterministic hex digest of a string. */
export function shortHash(s: string, length = 8): string {
  return createHash('sha256').update(s).digest('hex').slice(0, length);
}
