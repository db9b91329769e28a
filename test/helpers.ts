import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, whether tests run from test/ (tsx) or dist/test/ (built). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above test helpers');
    dir = up;
  }
  return dir;
}

export function fixturePath(...parts: string[]): string {
  return join(repoRoot(), 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** Path of a data set in ../shared, or null when it is absent (tests and benches skip then). */
export function sharedPath(...parts: string[]): string | null {
  const p = join(repoRoot(), '..', 'shared', ...parts);
  return existsSync(p) ? p : null;
}
