import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SCHEMA_VERSION, type Report } from '../../src/model.js';
import { checkReportRefs, checkReportSpans } from '../../src/report/validate.js';
import { buildReport, reportToJson } from '../../src/report/json.js';
import { fixturePath, readFixture, repoRoot } from '../helpers.js';

const schema = JSON.parse(readFileSync(`${repoRoot()}/docs/report.schema.json`, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const seed = (): Report => JSON.parse(readFixture('report', 'seed-report.json'));

test('schema is versioned with the model SCHEMA_VERSION', () => {
  assert.equal(schema.properties.schemaVersion.const, SCHEMA_VERSION);
  assert.ok(schema.$id.endsWith(SCHEMA_VERSION), `$id ${schema.$id} names the version`);
});

test('the seed report validates against the schema', () => {
  const ok = validate(seed());
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test('the schema rejects what it should', () => {
  const bad1 = seed();
  (bad1.quotes[0] as unknown as Record<string, unknown>).extra = 1;
  assert.equal(validate(bad1), false, 'unknown field on a quote');
  const bad2 = seed();
  (bad2.citations[0] as { kind: string }).kind = 'rumour';
  assert.equal(validate(bad2), false, 'bad citation kind');
  const bad3 = seed();
  bad3.findings[0].evidence[0].start = -1;
  assert.equal(validate(bad3), false, 'negative offset');
  const bad4 = seed() as unknown as Record<string, unknown>;
  delete bad4.provenance;
  assert.equal(validate(bad4), false, 'missing provenance');
  const bad5 = seed();
  bad5.schemaVersion = '0.9.0';
  assert.equal(validate(bad5), false, 'other schema version');
});

test('every span of the seed report is in range and its text matches', () => {
  const report = seed();
  assert.deepEqual(checkReportSpans(report), []);
  assert.deepEqual(checkReportRefs(report), []);
  // Spot check against the source: the first quote really is in the article text.
  const q = report.quotes[0];
  const a = report.articles.find((x) => x.id === q.articleId)!;
  assert.equal(a.text.slice(q.start, q.end), q.text);
});

test('checkReportSpans catches broken spans', () => {
  const r = seed();
  const a = r.articles[0];
  r.quotes[0].end = a.text.length + 5;
  r.findings[0].evidence[0].text = 'not the text';
  r.citations[0].articleId = 'nope';
  r.alignment.links[0].a[0].start += 1;
  const problems = checkReportSpans(r);
  assert.ok(problems.some((p) => p.startsWith(`quote ${r.quotes[0].id}:`) && p.includes('out of range')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('not the text')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('unknown article nope')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('alignment link 0 a0') && p.includes('differs from sentence')), problems.join('\n'));
});

test('checkReportSpans flags a span that cuts a surrogate pair', () => {
  const r = seed();
  const a = r.articles[0];
  a.text = 'x😀y' + a.text.slice(4);
  r.hedges = [{ articleId: a.id, start: 0, end: 2, text: 'x\ud83d', kind: 'hedge', strength: -0.5 }];
  assert.ok(checkReportSpans(r).some((p) => p.includes('surrogate')));
});

test('checkReportRefs catches dangling references', () => {
  const r = seed();
  r.quotes[0].speakerId = 's:nobody';
  r.provenance.edges[0].to = 'outlet:nowhere';
  const problems = checkReportRefs(r);
  assert.ok(problems.some((p) => p.includes('unknown speaker s:nobody')));
  assert.ok(problems.some((p) => p.includes('unknown node outlet:nowhere')));
});

test('reportToJson is deterministic and independent of key insertion order', () => {
  const r = seed();
  const json = reportToJson(r);
  const reverseKeys = (v: unknown): unknown => Array.isArray(v) ? v.map(reverseKeys)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
  const reordered = reverseKeys(r) as Report;
  assert.notEqual(JSON.stringify(reordered), JSON.stringify(r));
  assert.equal(reportToJson(reordered), json);
  assert.deepEqual(JSON.parse(json), r);
  assert.ok(json.startsWith('{\n  "schemaVersion": "1.2.0",\n  "generator"'));
  assert.equal(readFileSync(fixturePath('report', 'seed-report.json'), 'utf8'), json + '\n', 'fixture is in canonical form');
});

test('reportToJson refuses non-finite numbers', () => {
  const r = seed();
  r.quoteVariants[0].similarity = NaN;
  assert.throws(() => reportToJson(r), /quoteVariants\[0\]\.similarity is NaN/);
});

test('buildReport orders articles by date and lists by position, whatever the input order', () => {
  const r = seed();
  const parts = {
    articles: [...r.articles].reverse(),
    sentences: [...r.sentences].reverse().sort((x, y) => (x.articleId === y.articleId ? 0 : x.articleId < y.articleId ? 1 : -1)),
    quotes: [...r.quotes].reverse(), speakers: r.speakers, citations: [...r.citations].reverse(), numbers: [...r.numbers].reverse(),
    hedges: [...r.hedges].reverse(), alignment: r.alignment, quoteVariants: r.quoteVariants, provenance: r.provenance,
    findings: [...r.findings].reverse(), version: '0.1.0',
  };
  // Sentences must keep their per-article order: only regroup them by article.
  parts.sentences = r.articles.slice().reverse().flatMap((a) => r.sentences.filter((s) => s.articleId === a.id));
  const rebuilt = buildReport(parts);
  assert.deepEqual(rebuilt.articles.map((a) => a.id), r.articles.map((a) => a.id));
  assert.equal(rebuilt.articles[0].outlet, 'New York Post', 'dated article first, undated last');
  assert.deepEqual(rebuilt.quotes.map((q) => q.id), r.quotes.map((q) => q.id));
  assert.deepEqual(rebuilt.sentences, r.sentences);
  assert.deepEqual(rebuilt.findings.map((f) => f.severity), [...r.findings.map((f) => f.severity)].sort((x, y) => 'hml'.indexOf(x[0]) - 'hml'.indexOf(y[0])));
  assert.equal(reportToJson(rebuilt), reportToJson(r));
});

test('buildReport fills missing lists and the generator version', () => {
  const r = buildReport({ articles: [] });
  assert.equal(r.schemaVersion, SCHEMA_VERSION);
  assert.match(r.generator.version, /^\d+\.\d+\.\d+/);
  assert.ok(validate(r), JSON.stringify(validate.errors));
});
