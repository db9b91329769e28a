import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseBrat, goldFromBrat, type GoldAttributions } from './brat.js';

export interface PolnearDoc {
  name: string;
  text: string;
  gold: GoldAttributions;
}

/**
 * Load a PolNeAR split (`<dir>/text/*.txt`, `<dir>/attributions/<name>_<annotator>.ann`).
 * Articles annotated by several annotators use the first annotation file in sorted order, or, with
 * `allAnnotators`, appear once per annotation file (more training data). `limit` keeps the first N
 * articles (sorted by name).
 */
export function loadPolnear(dir: string, limit = Infinity, allAnnotators = false): PolnearDoc[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new Error(`${dir}: not a PolNeAR split (expected text/ and attributions/ folders)`);
  }
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const byBase = new Map<string, string[]>();
  for (const f of anns) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    const list = byBase.get(base) ?? [];
    list.push(f);
    byBase.set(base, list);
  }
  const docs: PolnearDoc[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith('.txt')).sort()) {
    if (docs.length >= limit) break;
    const name = f.slice(0, -4);
    const files = byBase.get(name);
    if (!files) continue;
    const text = readFileSync(join(textDir, f), 'utf8');
    for (const ann of allAnnotators ? files : files.slice(0, 1)) {
      const doc = parseBrat(readFileSync(join(annDir, ann), 'utf8'), join(annDir, ann), text.length);
      docs.push({ name, text, gold: goldFromBrat(doc) });
    }
  }
  return docs;
}
