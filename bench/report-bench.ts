/**
 * Report benchmark: runs the pipeline on a directory of articles (default the
 * PolNeAR dev texts, 84 political news articles: a stress test, not one story),
 * then times the report stage alone (reportToJson, renderHtml, renderTerminal),
 * checks the report against docs/report.schema.json and every span with
 * checkReportSpans/checkReportRefs, and prints sizes. Run after `npm run build`:
 *   node dist/bench/report-bench.js [dir] [--limit N]
 * Skips (exit 0) when the data is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Article, ArticleAnnotations, Report } from '../src/model.js';
import { processDocument } from '../src/pipeline/articles.js';
import { storyFromArticles } from '../src/pipeline/story.js';
import { reportToJson } from '../src/report/json.js';
import { renderHtml } from '../src/report/html/index.js';
import { renderTerminal } from '../src/report/terminal.js';
import { checkReportRefs, checkReportSpans } from '../src/report/validate.js';

const root = process.cwd();
const { values, positionals } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string', default: '84' } } });
const dir = positionals[0] ?? join(root, '..', 'shared', 'bench', 'polnear', 'dev', 'text');
if (!existsSync(dir)) {
  console.log(`report-bench: ${dir} not found; skipping`);
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort().slice(0, parseInt(values.limit!, 10));
const articles: Article[] = [];
const annotations: ArticleAnnotations[] = [];
let t0 = performance.now();
for (const f of files) {
  const content = readFileSync(join(dir, f), 'utf8');
  const res = await processDocument({ source: join(dir, f), mediaType: f.endsWith('.txt') ? 'text/plain' : 'text/html', content, encoding: 'utf-8', encodingSource: 'default', byteLength: Buffer.byteLength(content) });
  if (res.article) { articles.push(res.article); annotations.push(res.annotations); }
}
const analyzeMs = performance.now() - t0;
t0 = performance.now();
const report: Report = storyFromArticles(articles, annotations);
const relateMs = performance.now() - t0;

const time = <T>(fn: () => T, runs = 3): { ms: number; out: T } => {
  let out!: T;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); out = fn(); ms.push(performance.now() - s); }
  return { ms: ms.sort((a, b) => a - b)[Math.floor(runs / 2)], out };
};
const json = time(() => reportToJson(report));
const html = time(() => renderHtml(report));
const term = time(() => renderTerminal(report));

const schema = JSON.parse(readFileSync(join(root, 'docs', 'report.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const schemaOk = validate(JSON.parse(json.out));
const problems = [...checkReportSpans(report), ...checkReportRefs(report)];
const widest = Math.max(...term.out.split('\n').map((l) => [...l].length));

console.log(`report-bench: ${dir}`);
console.log(`  inputs ${files.length}, articles ${report.articles.length}, sentences ${report.sentences.length}, quotes ${report.quotes.length}, speakers ${report.speakers.length}, citations ${report.citations.length}, variants ${report.quoteVariants.length}, findings ${report.findings.length}, provenance ${report.provenance.nodes.length} nodes / ${report.provenance.edges.length} edges`);
console.log(`  pipeline (not this stage): analyze ${analyzeMs.toFixed(0)} ms, relate ${relateMs.toFixed(0)} ms`);
console.log(`  reportToJson   ${json.ms.toFixed(0).padStart(6)} ms  ${(json.out.length / 1e6).toFixed(2)} MB`);
console.log(`  renderHtml     ${html.ms.toFixed(0).padStart(6)} ms  ${(html.out.length / 1e6).toFixed(2)} MB`);
console.log(`  renderTerminal ${term.ms.toFixed(0).padStart(6)} ms  widest line ${widest} columns`);
console.log(`  schema valid: ${schemaOk}${schemaOk ? '' : ' ' + JSON.stringify(validate.errors?.slice(0, 3))}`);
console.log(`  span/reference problems: ${problems.length}${problems.length ? '\n    ' + problems.slice(0, 10).join('\n    ') : ''}`);
