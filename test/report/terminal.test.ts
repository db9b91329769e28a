import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Report } from '../../src/model.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { displayWidth, sanitizeLine, topFindings, truncate, wrap } from '../../src/report/text-util.js';
import { buildReport } from '../../src/report/json.js';
import { readFixture } from '../helpers.js';

const seed = (): Report => JSON.parse(readFixture('report', 'seed-report.json'));
const ANSI_RE = /\u001b\[[0-9;]*m/g;
const widest = (s: string): number => Math.max(...s.split('\n').map((l) => displayWidth(l.replace(ANSI_RE, ''))));

test('the terminal summary fits in 80 columns and says what matters', () => {
  const out = renderTerminal(seed());
  assert.ok(widest(out) <= 80, `widest line ${widest(out)}`);
  assert.match(out, /2 articles · 17 quotes · 5 speakers · 10 citations · 7 quote variants/);
  assert.match(out, /9 findings \(1 high, 4 medium, 4 low\)/);
  assert.match(out, /2024-01-26 {2}New York Post/);
  assert.match(out, /undated {5}UNN/);
  // The high-severity finding comes first, before any medium one.
  const high = out.indexOf('HIGH');
  assert.ok(high > 0 && high < out.indexOf('MED '));
  assert.match(out, /New York Post ─cites→ Bloomberg {2}“told Bloomberg”/);
  assert.doesNotMatch(out, ANSI_RE, 'no colour unless asked');
});

test('colour only when asked, and the text is the same without the escapes', () => {
  const plain = renderTerminal(seed());
  const color = renderTerminal(seed(), { color: true });
  assert.match(color, ANSI_RE);
  assert.equal(color.replace(ANSI_RE, ''), plain);
});

test('narrow widths are honoured', () => {
  for (const width of [40, 60, 72]) {
    const out = renderTerminal(seed(), { width });
    assert.ok(widest(out) <= width, `width ${width}: widest ${widest(out)}`);
  }
});

test('untrusted text cannot drive the terminal', () => {
  const r = seed();
  r.articles[0].title = 'Evil\u001b[2J\u001b]0;pwned\u0007 title\u202e';
  r.findings[0].explanation = 'line one\nline two\r\u009b31m';
  const out = renderTerminal(r);
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  assert.match(out, /Evil \[2J ]0;pwned title/);
});

test('an empty report and a report with errors render', () => {
  const empty = buildReport({ articles: [], errors: [{ source: 'missing.html', stage: 'ingest', message: 'no such file', code: 'ENOENT' }] });
  const out = renderTerminal(empty);
  assert.match(out, /0 articles/);
  assert.match(out, /Findings: none/);
  assert.match(out, /missing\.html: no such file \[ENOENT\]/);
});

test('many articles and long names stay within the width (property)', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ outlet: fc.string({ maxLength: 60 }), title: fc.string({ maxLength: 200 }), text: fc.string({ maxLength: 120 }) }), { minLength: 1, maxLength: 30 }),
    fc.integer({ min: 40, max: 120 }),
    (items, width) => {
      const base = seed();
      const articles = items.map((it, i) => ({ ...base.articles[0], id: `a${i}`, outlet: it.outlet, title: it.title }));
      const findings = items.map((it, i) => ({ ...base.findings[0], id: `f${i}`, explanation: it.text,
        evidence: [{ articleId: `a${i}`, start: 0, end: 0, text: it.text }] }));
      const out = renderTerminal({ ...base, articles, findings }, { width });
      return widest(out) <= width;
    }), { numRuns: 150 });
});

test('text helpers', () => {
  assert.equal(truncate('abcdef', 4), 'abc…');
  assert.equal(truncate('abc', 4), 'abc');
  assert.equal(displayWidth('日本'), 4);
  assert.deepEqual(wrap('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
  assert.equal(sanitizeLine(' a\tb\u0000c '), 'a b c');
});

test('top findings: severity first, kinds taken in turn within a severity', () => {
  const r = seed();
  const mk = (id: string, kind: Report['findings'][number]['kind'], severity: 'high' | 'medium' | 'low') =>
    ({ ...r.findings[0], id, kind, severity });
  r.findings = [mk('d1', 'quote-drift', 'medium'), mk('d2', 'quote-drift', 'medium'), mk('d3', 'quote-drift', 'medium'),
    mk('h1', 'hedge-dropped', 'medium'), mk('x1', 'number-mismatch', 'high'), mk('l1', 'verb-change', 'low')];
  assert.deepEqual(topFindings(r, 4).map((f) => f.id), ['x1', 'd1', 'h1', 'd2']);
  assert.deepEqual(topFindings(r, 10).map((f) => f.id), ['x1', 'd1', 'h1', 'd2', 'd3', 'l1']);
});
