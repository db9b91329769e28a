/**
 * Plain-text extraction bench.
 *
 *   npx tsx bench/text-extract-bench.ts [sharedDir=../shared] [--show N]
 *
 * PolNeAR (train + dev, clean article texts whose first line is the title):
 *   - title found and equal to metadata.tsv's title (trailing "." ignored)
 *   - "damage": body paragraphs (input minus the title line) that did not come
 *     through verbatim as blocks of the clean text, with the reasons
 * FNC-1 bodies (plain article bodies, no title): how many bodies lost text,
 *   got a caption/heading/title, and the removal reasons.
 * Speed: characters per second over everything (noisy on a shared machine).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, RawDocument } from '../src/model.js';
import { extractFromText } from '../src/extract/text/index.js';
import { parseCsv } from './fnc-csv.js';

const args = process.argv.slice(2);
const showIdx = args.indexOf('--show');
const show = showIdx >= 0 ? Number(args[showIdx + 1]) : 5;
const shared = resolve(args.find((a, i) => !a.startsWith('--') && (showIdx < 0 || i !== showIdx + 1)) ?? '../shared');

function doc(source: string, content: string): RawDocument {
  return { source, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: content.length };
}

let chars = 0;
let ms = 0;
let failures = 0;
function run(source: string, content: string): Article {
  const t0 = performance.now();
  try {
    return extractFromText(doc(source, content));
  } catch (e) {
    failures++;
    console.log(`  ${source}: ${(e as Error).message}`);
    return extractFromText(doc(source, content), { asIs: true });
  } finally {
    ms += performance.now() - t0;
    chars += content.length;
  }
}

const paras = (s: string) => s.split(/\r?\n\s*\r?\n|\r?\n/).map((p) => p.trim()).filter(Boolean);
const normTitle = (s: string) => s.replace(/\s+/g, ' ').replace(/[.\s]+(?=['"’”]*$)/, '').trim().toLowerCase();

function polnear(): void {
  const metaPath = join(shared, 'bench/polnear/metadata.tsv');
  if (!existsSync(metaPath)) { console.log('polnear: absent, skipped'); return; }
  const titles = new Map<string, string>();
  const rows = readFileSync(metaPath, 'utf8').split('\n').slice(1);
  for (const r of rows) { const c = r.split('\t'); if (c.length > 7) titles.set(c[1], c[7]); }
  let n = 0, titleFound = 0, titleRight = 0, damaged = 0, lostParas = 0, totalParas = 0;
  const reasons = new Map<string, number>();
  const kinds = new Map<string, number>();
  const lostWhy = new Map<string, number>();
  const langs = new Map<string, number>();
  const examples: string[] = [];
  for (const split of ['train', 'dev']) {
    const dir = join(shared, 'bench/polnear', split, 'text');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const content = readFileSync(join(dir, f), 'utf8');
      const a = run(f, content);
      n++;
      const gold = titles.get(f.replace(/\.txt$/, ''));
      if (a.title) titleFound++;
      if (a.title && gold && normTitle(a.title) === normTitle(gold)) titleRight++;
      else if (examples.length < show) examples.push(`title ${f}: got ${JSON.stringify(a.title)} want ${JSON.stringify(gold)}`);
      for (const r of a.removed) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      for (const b of a.blocks) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
      langs.set(a.language ?? 'null', (langs.get(a.language ?? 'null') ?? 0) + 1);
      const blocks = new Set(a.blocks.filter((b) => b.kind !== 'title').map((b) => a.text.slice(b.start, b.end)));
      const body = paras(content).slice(1);
      const titleText = a.blocks.filter((b) => b.kind === 'title').map((b) => a.text.slice(b.start, b.end)).join('\n');
      const lost = body.filter((p) => !blocks.has(p) && !titleText.includes(p));
      for (const p of lost) {
        const r = a.removed.find((x) => p.includes(x.text.trim()) && x.text.trim().length > 0);
        const why = r ? r.reason : 'changed';
        lostWhy.set(why, (lostWhy.get(why) ?? 0) + 1);
      }
      totalParas += body.length;
      lostParas += lost.length;
      if (lost.length) {
        damaged++;
        if (examples.length < show * 3) examples.push(`damage ${f}: ${JSON.stringify(lost[0].slice(0, 120))} → ${a.removed.map((r) => r.reason).join(',') || a.blocks.map((b) => b.kind).join(',')}`);
      }
    }
  }
  const pct = (x: number, d: number) => (d ? ((100 * x) / d).toFixed(1) : '0') + '%';
  console.log(`polnear: ${n} articles`);
  console.log(`  title found ${pct(titleFound, n)}, equal to metadata title ${pct(titleRight, n)}`);
  console.log(`  articles with a body paragraph not kept verbatim: ${damaged} (${pct(damaged, n)}); paragraphs ${lostParas}/${totalParas} (${pct(lostParas, totalParas)})`);
  console.log(`  body paragraphs not kept verbatim, by reason: ${[...lostWhy].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`  language: ${[...langs].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  block kinds: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  removals: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  for (const e of examples) console.log('   ', e);
}

function fnc1(): void {
  const p = join(shared, 'bench/fnc1/train_bodies.csv');
  if (!existsSync(p)) { console.log('fnc1: absent, skipped'); return; }
  let n = 0, lostText = 0, withTitle = 0, withCaption = 0, withHeading = 0;
  const reasons = new Map<string, number>();
  const examples: string[] = [];
  let first = true;
  for (const row of parseCsv(readFileSync(p, 'utf8'))) {
    if (first) { first = false; continue; }
    if (row.length < 2) continue;
    const [id, body] = row;
    const a = run('fnc1-' + id, body);
    n++;
    const kept = new Set(a.blocks.map((b) => a.text.slice(b.start, b.end)));
    const lost = paras(body).filter((q) => !kept.has(q));
    if (lost.length) lostText++;
    if (a.blocks.some((b) => b.kind === 'title')) withTitle++;
    if (a.captions.length) withCaption++;
    if (a.blocks.some((b) => b.kind === 'heading')) withHeading++;
    for (const r of a.removed) {
      reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
      if (examples.length < show * 4) examples.push(`${id} ${r.reason}: ${JSON.stringify(r.text.slice(0, 100))}`);
    }
    for (const c of a.captions) if (examples.length < show * 4) examples.push(`${id} caption: ${JSON.stringify(a.text.slice(c.start, c.end).slice(0, 80))} | ${c.credit}`);
  }
  console.log(`fnc1: ${n} bodies; with a paragraph not kept verbatim ${lostText}; title block ${withTitle}; caption ${withCaption}; heading ${withHeading}`);
  console.log(`  removals: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  for (const e of examples) console.log('   ', e);
}

/** aeb-dev ground-truth article bodies: clean article text; count paragraphs that do not come through verbatim. */
function aeb(): void {
  const p = join(shared, 'bench/aeb-dev/ground-truth.json');
  if (!existsSync(p)) { console.log('aeb-dev: absent, skipped'); return; }
  const gt = JSON.parse(readFileSync(p, 'utf8')) as Record<string, { articleBody: string }>;
  let n = 0, changed = 0, paraTotal = 0, paraLost = 0;
  const why = new Map<string, number>();
  const examples: string[] = [];
  for (const [id, { articleBody }] of Object.entries(gt)) {
    if (!articleBody?.trim()) continue;
    const a = run('aeb-' + id, articleBody);
    n++;
    const kept = new Set(a.blocks.map((b) => a.text.slice(b.start, b.end)));
    const ps = paras(articleBody);
    const lost = ps.filter((q) => !kept.has(q));
    paraTotal += ps.length;
    paraLost += lost.length;
    if (lost.length) changed++;
    for (const q of lost) {
      const r = a.removed.find((x) => x.text.trim() && q.includes(x.text.trim()));
      const k = r ? r.reason : a.captions.some((c) => q.startsWith(a.text.slice(c.start, c.end))) ? 'caption' : 'changed';
      why.set(k, (why.get(k) ?? 0) + 1);
      if (examples.length < show) examples.push(`${id} ${k}: ${JSON.stringify(q.slice(0, 100))}`);
    }
  }
  console.log(`aeb-dev bodies: ${n}; with a paragraph not kept verbatim ${changed}; paragraphs ${paraLost}/${paraTotal}; by reason: ${[...why].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  for (const e of examples) console.log('   ', e);
}

polnear();
fnc1();
aeb();
console.log(`inputs that read as all debris (NO_ARTICLE): ${failures}`);
if (chars) console.log(`speed: ${(chars / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms = ${((chars / 1e6) / (ms / 1000)).toFixed(1)} MB/s (shared 2-core machine, noisy)`);
