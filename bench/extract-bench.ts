/**
 * Quality and speed gate for the HTML extractor.
 *
 *   node dist/bench/extract-bench.js [data] [--floor bench/extract-floor.json] [--baseline] [--worst N] [--repeat N]
 *
 * `data` is either an article-extraction-benchmark folder (`ground-truth.json` +
 * `html/<id>.html.gz`, default ../shared/bench/aeb-dev) or a fixture folder of
 * `<slug>/source.html` + `<slug>/expected.txt`. Prints F1 / precision / recall /
 * accuracy (the benchmark's exact metric), pages/s on one core, peak RSS and a
 * per-stage time profile. `--floor` fails (exit 1) when a figure drops below the
 * committed floor for the same corpus hash. `--baseline` also runs
 * Readability.js on linkedom over the same pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractFromHtml, bodyText, type StageTimes } from '../src/extract/html/index.js';
import { sniffHtmlCharset } from '../src/extract/html-charset.js';
import type { RawDocument } from '../src/model.js';
import { scorePage, summarise, type PageScore, type Summary } from './extract-metric.js';

interface Page { id: string; html: string; truth: string }

function loadCorpus(dir: string): Page[] {
  const gt = join(dir, 'ground-truth.json');
  if (existsSync(gt)) {
    const truth = JSON.parse(readFileSync(gt, 'utf8')) as Record<string, { articleBody: string }>;
    const pages: Page[] = [];
    for (const id of Object.keys(truth).sort()) {
      const gz = join(dir, 'html', id + '.html.gz');
      const plain = join(dir, 'html', id + '.html');
      const html = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : existsSync(plain) ? readFileSync(plain, 'utf8') : null;
      if (html !== null) pages.push({ id, html, truth: truth[id].articleBody });
    }
    return pages;
  }
  const pages: Page[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const d = join(dir, slug);
    if (!statSync(d).isDirectory()) continue;
    const src = join(d, 'source.html');
    const exp = join(d, 'expected.txt');
    if (existsSync(src) && existsSync(exp)) pages.push({ id: slug, html: decodeHtml(readFileSync(src)), truth: readFileSync(exp, 'utf8') });
  }
  return pages;
}

function decodeHtml(bytes: Uint8Array): string {
  const { encoding } = sniffHtmlCharset(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function corpusHash(pages: Page[]): string {
  const h = createHash('sha256');
  for (const p of pages) h.update(p.id).update('\0').update(p.html).update('\0').update(p.truth).update('\0');
  return h.digest('hex').slice(0, 16);
}

function raw(p: Page): RawDocument {
  return { source: p.id, mediaType: 'text/html', content: p.html, encoding: 'utf-8', encodingSource: 'default', byteLength: p.html.length };
}

function fmt(s: Summary): string {
  return `F1 ${s.f1.toFixed(4)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  accuracy ${s.accuracy.toFixed(4)}  (${s.pages} pages)`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--floor', '--worst', '--repeat', '--only'].includes(args[i - 1])));
  const dir = resolve(positional[0] ?? '../shared/bench/aeb-dev');
  if (!existsSync(dir)) {
    console.log(`extract-bench: data not found at ${dir}; skipping`);
    return 0;
  }
  let pages = loadCorpus(dir);
  const only = opt('--only');
  if (only) pages = pages.filter((p) => p.id.startsWith(only));
  if (!pages.length) { console.log(`extract-bench: no pages in ${dir}; skipping`); return 0; }
  const hash = corpusHash(pages);
  console.log(`corpus ${dir}: ${pages.length} pages, ${(pages.reduce((s, p) => s + p.html.length, 0) / 1e6).toFixed(1)} M chars, hash ${hash}`);

  // Quality (first pass also warms the JIT).
  const scores: PageScore[] = [];
  const perPage: { id: string; s: PageScore; err?: string }[] = [];
  for (const p of pages) {
    let text = '';
    let err: string | undefined;
    try { text = bodyText(extractFromHtml(raw(p))); } catch (e) { err = (e as Error).message; }
    const s = scorePage(p.truth, text);
    scores.push(s);
    perPage.push({ id: p.id, s, err });
  }
  const sum = summarise(scores);
  console.log(`retold      ${fmt(sum)}`);

  // Speed: repeated passes over the batch on this one thread.
  const repeat = Number(opt('--repeat') ?? 3);
  const times: StageTimes = { parse: 0, metadata: 0, score: 0, emit: 0 };
  const t0 = performance.now();
  for (let r = 0; r < repeat; r++) for (const p of pages) { try { extractFromHtml(raw(p), {}, times); } catch { /* counted in quality */ } }
  const ms = performance.now() - t0;
  const n = pages.length * repeat;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`speed       ${(n / (ms / 1000)).toFixed(1)} pages/s (${n} extractions in ${(ms / 1000).toFixed(2)} s, one thread), peak RSS ${rss.toFixed(0)} MB`);
  const tot = times.parse + times.metadata + times.score + times.emit;
  console.log(`profile     parse ${(100 * times.parse / tot).toFixed(0)}%  metadata ${(100 * times.metadata / tot).toFixed(0)}%  ` +
    `scoring ${(100 * times.score / tot).toFixed(0)}%  emit ${(100 * times.emit / tot).toFixed(0)}%  (${(tot / n).toFixed(2)} ms/page)`);

  // The bound: building the DOM alone (htmlparser2 + our tree), same passes.
  const { parseHtml } = await import('../src/extract/html/dom.js');
  const p0 = performance.now();
  for (let r = 0; r < repeat; r++) for (const p of pages) parseHtml(p.html);
  const pms = performance.now() - p0;
  console.log(`bound       parsing alone: ${(n / (pms / 1000)).toFixed(1)} pages/s (= ${(100 * pms / ms).toFixed(0)}% of the full extraction time)`);

  const worst = Number(opt('--worst') ?? 0);
  if (worst > 0) {
    const ranked = perPage.map((x) => ({ ...x, f: x.s.tp + x.s.fp + x.s.fn ? x.s.tp / (x.s.tp + (x.s.fp + x.s.fn) / 2) : 1 }))
      .sort((a, b) => a.f - b.f).slice(0, worst);
    for (const w of ranked) {
      const p = w.s.tp + w.s.fp ? w.s.tp / (w.s.tp + w.s.fp) : 0;
      const r = w.s.tp + w.s.fn ? w.s.tp / (w.s.tp + w.s.fn) : 0;
      console.log(`  ${w.id.slice(0, 16)}  P ${p.toFixed(3)} R ${r.toFixed(3)}${w.s.exact ? ' exact' : ''}${w.err ? '  ' + w.err : ''}`);
    }
  }

  if (args.includes('--baseline')) {
    const { parseHTML } = await import('linkedom');
    const { Readability } = await import('@mozilla/readability');
    const bs: PageScore[] = [];
    const b0 = performance.now();
    for (const p of pages) {
      let text = '';
      try {
        const { document } = parseHTML(p.html);
        const art = new Readability(document as unknown as Document).parse();
        text = art?.textContent ?? '';
      } catch { /* scored as empty */ }
      bs.push(scorePage(p.truth, text));
    }
    const cold = performance.now() - b0;
    // Second, warm pass for a fair speed comparison (retold's speed is measured warm too).
    const b1 = performance.now();
    for (const p of pages) {
      try { const { document } = parseHTML(p.html); new Readability(document as unknown as Document).parse(); } catch { /* ignore */ }
    }
    const warm = performance.now() - b1;
    console.log(`readability ${fmt(summarise(bs))}`);
    console.log(`speed       readability.js on linkedom: ${(pages.length / (warm / 1000)).toFixed(1)} pages/s warm ` +
      `(${(pages.length / (cold / 1000)).toFixed(1)} cold), same thread`);
  }

  const floorPath = opt('--floor');
  if (floorPath) {
    const floor = JSON.parse(readFileSync(floorPath, 'utf8')) as { corpusHash: string; f1: number; precision: number; recall: number; accuracy: number };
    if (floor.corpusHash !== hash) {
      console.error(`extract-bench: corpus hash ${hash} does not match the floor's ${floor.corpusHash} (${floorPath}); update the floor with the data`);
      return 1;
    }
    const fails = (['f1', 'precision', 'recall', 'accuracy'] as const).filter((k) => sum[k] + 1e-9 < floor[k]);
    if (fails.length) {
      console.error(`extract-bench: below the floor: ${fails.map((k) => `${k} ${sum[k].toFixed(4)} < ${floor[k]}`).join(', ')}`);
      return 1;
    }
    console.log(`floor       ok (${floorPath})`);
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`extract-bench: ${(e as Error).message}`); process.exitCode = 2; });
