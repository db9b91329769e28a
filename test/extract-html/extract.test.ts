import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractFromHtml, bodyText } from '../../src/extract/html/index.js';
import { ExtractError } from '../../src/extract/errors.js';
import { toInputOffset } from '../../src/extract/builder.js';
import { scorePage, summarise } from '../../bench/extract-metric.js';
import { loadFixtures, rawHtml } from './util.js';

const fixtures = loadFixtures();

test('fixtures: body text matches the expected text', () => {
  assert.ok(fixtures.length >= 8, 'fixtures present');
  const scores = fixtures.map((f) => scorePage(f.expectedText, bodyText(extractFromHtml(f.raw))));
  const s = summarise(scores);
  assert.ok(s.f1 >= 0.99, `F1 ${s.f1}`);
  // The hand-written pages must come out token-exact.
  for (const f of fixtures.filter((x) => !x.slug.startsWith('aeb-'))) {
    const sc = scorePage(f.expectedText, bodyText(extractFromHtml(f.raw)));
    assert.ok(sc.exact, `${f.slug} exact`);
  }
});

test('blocks keep structure: headings, list items, block quotes, captions with credit', () => {
  const f = fixtures.find((x) => x.slug === 'jsonld-newsarticle')!;
  const a = extractFromHtml(f.raw);
  const kinds = (k: string) => a.blocks.filter((b) => b.kind === k).length;
  assert.equal(kinds('heading'), 1);
  assert.equal(kinds('list-item'), 3);
  assert.equal(kinds('blockquote'), 1);
  assert.equal(a.captions.length, 1);
  assert.equal(a.text.slice(a.captions[0].start, a.captions[0].end), 'The Kremlin in Moscow on Jan. 25, 2024.');
  assert.equal(a.captions[0].credit, 'Alexander Nemenov/AFP via Getty Images');
  // Captions are blocks of the article text but not of the body text.
  assert.ok(a.text.includes('The Kremlin in Moscow'));
  assert.ok(!bodyText(a).includes('The Kremlin in Moscow'));
  // Furniture is removed and recorded.
  assert.ok(!a.text.includes('Sign up for our daily'));
  assert.ok(!a.text.includes('Ukraine aid stalls'));
  assert.ok(a.removed.length > 0);
  assert.equal(a.text, a.blocks.map((b) => a.text.slice(b.start, b.end)).join('\n\n'));
});

test('source map: verbatim runs point at the same text in the decoded HTML', () => {
  for (const f of fixtures) {
    const a = extractFromHtml(f.raw);
    assert.ok(a.sourceMap.length > 0, f.slug);
    let verbatim = 0;
    for (const r of a.sourceMap) {
      assert.ok(r.textStart < r.textEnd && r.textEnd <= a.text.length, `${f.slug} run in range`);
      assert.ok(r.inputStart <= r.inputEnd && r.inputEnd <= f.raw.content.length, `${f.slug} input in range`);
      if (r.textEnd - r.textStart === r.inputEnd - r.inputStart) {
        verbatim++;
        assert.equal(a.text.slice(r.textStart, r.textEnd), f.raw.content.slice(r.inputStart, r.inputEnd), f.slug);
      }
    }
    assert.ok(verbatim > 0, f.slug);
    // Every character of body text maps somewhere (JSON-LD fallback aside).
    const first = a.blocks[0];
    assert.notEqual(toInputOffset(a, first.start), null, f.slug);
  }
});

test('entities are decoded and mapped to their input run', () => {
  const a = extractFromHtml(rawHtml('<html><body><article><p>Fish &amp; chips cost &pound;5 at the caf&eacute; on the corner, the owner said on Monday.</p></article></body></html>'));
  assert.equal(a.text, 'Fish & chips cost £5 at the café on the corner, the owner said on Monday.');
  const amp = a.text.indexOf('&');
  const at = toInputOffset(a, amp)!;
  assert.equal(a.text.slice(0, 5), 'Fish ');
  assert.ok(at >= 0);
});

test('JSON-LD articleBody is used when the markup yields far less', () => {
  const body = 'First paragraph of the story, which is long enough to count as prose and says a lot of things.\n\n'.repeat(8);
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body })}</script></head>` +
    '<body><div id="app"><p>Loading the article, please wait a moment while it loads for you.</p></div></body></html>';
  const a = extractFromHtml(rawHtml(html));
  assert.equal(a.extraction.method, 'json-ld');
  assert.equal(a.blocks.length, 8);
});

test('a page with no article gives NO_ARTICLE', () => {
  assert.throws(() => extractFromHtml(rawHtml('<html><body><nav><a href="/">Home</a> <a href="/x">X</a></nav></body></html>')),
    (e: unknown) => e instanceof ExtractError && e.code === 'NO_ARTICLE' && e.message.includes('test.html'));
});

test('property: arbitrary tag soup never crashes and keeps maps consistent', () => {
  const tag = fc.constantFrom('p', 'div', 'span', 'a', 'h2', 'li', 'ul', 'blockquote', 'figure', 'figcaption', 'br', 'script', 'table', 'td', 'b');
  const piece = fc.oneof(
    tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('&amp;', '&#x20AC;', '&bogus;', '<!--', '-->', '<', '>', '"', ' class="article-body"', '\u00a0', '\n\n', 'word, word, word. '),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
    const html = '<html><body>' + parts.join('') + '</body></html>';
    let a;
    try {
      a = extractFromHtml(rawHtml(html));
    } catch (e) {
      assert.ok(e instanceof ExtractError, String(e));
      return;
    }
    for (const r of a.sourceMap) {
      assert.ok(r.textEnd <= a.text.length && r.inputEnd <= html.length);
      if (r.textEnd - r.textStart === r.inputEnd - r.inputStart) {
        assert.equal(a.text.slice(r.textStart, r.textEnd), html.slice(r.inputStart, r.inputEnd));
      }
    }
    for (const b of a.blocks) assert.equal(a.text.slice(b.start, b.end).trim(), a.text.slice(b.start, b.end));
  }), { numRuns: 300, seed: 42 });
});

test('quality gate: the committed fixtures stay at or above bench/extract-floor.json', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { repoRoot } = await import('../helpers.js');
  const floor = JSON.parse(readFileSync(join(repoRoot(), 'bench', 'extract-floor.json'), 'utf8')) as Record<string, number>;
  const s = summarise(fixtures.map((f) => scorePage(f.expectedText, bodyText(extractFromHtml(f.raw)))));
  for (const k of ['f1', 'precision', 'recall', 'accuracy'] as const) assert.ok(s[k] + 1e-9 >= floor[k], `${k} ${s[k]} < floor ${floor[k]}`);
});
