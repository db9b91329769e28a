/**
 * Make an N-article synthetic story from real articles: each retelling is a
 * deterministic (seeded) mutation of a seed article — sentences dropped,
 * reordered and merged, synonyms swapped inside and outside quotes, hedges
 * dropped or added, numbers changed, attributions removed, debris added.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SWAPS: Array<[RegExp, string]> = [
  [/\bweighing\b/g, 'planning'], [/\bconsidering\b/g, 'preparing'], [/\bmay be\b/g, 'is'],
  [/\breportedly\b /g, ''], [/\bsaid\b/g, 'claimed'], [/\bshifts\b/g, 'changes'], [/\bsignals\b/g, 'hints'],
  [/\babout\b/g, 'roughly'], [/\bsenior\b/g, 'top'], [/\brepeatedly\b/g, 'often'], [/\bcrap\b/g, 'hell'],
];
const OUTLETS = ['Daily Courier', 'Evening Standardbearer', 'Metro Ledger', 'Capital Wire', 'Northern Gazette', 'Harbor Times', 'Valley Post', 'Union Herald'];
const DEBRIS = ['Load More…', 'Share this article', '{{#isDisplay}} {{/isDisplay}}', 'Advertisement', ' • 1234 views'];

export function mutate(text: string, r: () => number, i: number): string {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  const outlet = OUTLETS[i % OUTLETS.length] + (i >= OUTLETS.length ? ' ' + Math.floor(i / OUTLETS.length) : '');
  out.push(`${paras[0]} – ${outlet}`);
  out.push(`Published January ${20 + (i % 8)}, 2024, ${1 + (i % 11)}:${String((i * 7) % 60).padStart(2, '0')} PM ET`);
  for (const p of paras.slice(1)) {
    const x = r();
    if (x < 0.12) continue; // dropped
    let q = p;
    for (const [re, to] of SWAPS) if (r() < 0.25) q = q.replace(re, to);
    if (r() < 0.15) q = q.replace(/\b(\d+(?:\.\d+)?)%/g, (_m, n) => `${Math.round(parseFloat(n) * (1 + (r() - 0.5) / 2))}%`);
    if (r() < 0.1) q = q.replace(/,? (?:told|according to) (?:Bloomberg|CNN)\b/g, '');
    if (r() < 0.2 && out.length > 3 && !DEBRIS.includes(out[out.length - 1])) {
      out[out.length - 1] += ' ' + q; // merged paragraphs
      continue;
    }
    out.push(q);
    if (r() < 0.08) out.push(DEBRIS[Math.floor(r() * DEBRIS.length)]);
  }
  if (r() < 0.5) for (let k = out.length - 1; k > 3; k--) if (r() < 0.2) [out[k], out[k - 1]] = [out[k - 1], out[k]];
  return out.join('\n\n') + '\n';
}

/** Write `n` articles derived from the seed files in `seedDir` into `outDir`. */
export function makeStory(seedDir: string, outDir: string, n: number, seed = 42): string[] {
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(seedDir, f), 'utf8'));
  if (seeds.length === 0) throw new Error(`no .txt seed articles in ${seedDir}`);
  mkdirSync(outDir, { recursive: true });
  const r = rng(seed);
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = join(outDir, `article-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, mutate(seeds[i % seeds.length], r, i));
    files.push(file);
  }
  return files;
}

if (process.argv[1] && /make-story\.(js|ts)$/.test(process.argv[1])) {
  const [seedDir = 'examples/seed-story', outDir = '.bench-out/story-200', n = '200'] = process.argv.slice(2);
  makeStory(seedDir, outDir, parseInt(n, 10));
  console.log(`wrote ${n} articles to ${outDir}`);
}
