import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFromHtml, bodyText } from '../../src/extract/html/index.js';
import { ExtractError } from '../../src/extract/errors.js';
import { loadFixtures, rawHtml } from './util.js';

const para = '<p>The council voted on Tuesday to approve the budget, which raises spending on roads, schools and parks.</p>';

test('truncated HTML still yields the text before the cut', () => {
  const f = loadFixtures().find((x) => x.slug === 'jsonld-newsarticle')!;
  const cut = f.raw.content.slice(0, f.raw.content.indexOf('What the messages said') + 10);
  const a = extractFromHtml({ ...f.raw, content: cut });
  assert.ok(bodyText(a).includes('There is no change in our position'));
});

test('a DOM nested 100,000 levels deep neither overflows the stack nor loses the text', () => {
  const html = '<html><body>' + '<div>'.repeat(100_000) + para + '</div>'.repeat(100_000) + '</body></html>';
  const a = extractFromHtml(rawHtml(html));
  assert.ok(a.text.includes('The council voted on Tuesday'));
});

test('unclosed deep inline nesting is fine too', () => {
  const html = '<html><body><article>' + '<b><i>'.repeat(50_000) + 'deep words, many of them, here and there, and more' + '</article>';
  const a = extractFromHtml(rawHtml(html));
  assert.ok(a.text.includes('deep words'));
});

test('a large page (8 MB) is extracted within the time limit', () => {
  const html = '<html><body><article>' + para.repeat(Math.ceil(8e6 / para.length)) + '</article></body></html>';
  const t0 = performance.now();
  const a = extractFromHtml(rawHtml(html), { timeoutMs: 60_000 });
  assert.ok(a.blocks.length > 70_000);
  assert.ok(performance.now() - t0 < 60_000);
});

test('the time limit stops a page with a TIMEOUT error', () => {
  const html = '<html><body><article>' + para.repeat(50_000) + '</article></body></html>';
  assert.throws(() => extractFromHtml(rawHtml(html), { timeoutMs: 1 }), (e: unknown) => e instanceof ExtractError && e.code === 'TIMEOUT');
});

test('invalid byte sequences (U+FFFD) and control characters do not break extraction', () => {
  const html = '<html><body><article><p>Caf\uFFFD \u0000 au lait\uFFFD\uFFFD, said the owner, who has run the place for twenty years.</p></article></body></html>';
  const a = extractFromHtml(rawHtml(html));
  assert.ok(a.text.includes('au lait'));
});

test('a file that is not HTML gives NOT_HTML; an empty page gives NO_ARTICLE', () => {
  assert.throws(() => extractFromHtml(rawHtml('just words, no markup at all')), (e: unknown) => e instanceof ExtractError && e.code === 'NOT_HTML');
  assert.throws(() => extractFromHtml(rawHtml('<html><body></body></html>')), (e: unknown) => e instanceof ExtractError && e.code === 'NO_ARTICLE');
  assert.throws(() => extractFromHtml(rawHtml('')), (e: unknown) => e instanceof ExtractError);
});

test('hidden elements, scripts, styles and templates never reach the text', () => {
  const html = `<html><body><article>${para}<div style="display:none"><p>Hidden text that must not show up in the output at all.</p></div>` +
    '<script>var x = "script text";</script><style>.a{}</style><template><p>template text here</p></template></article></body></html>';
  const a = extractFromHtml(rawHtml(html));
  assert.ok(!a.text.includes('Hidden text'));
  assert.ok(!a.text.includes('script text'));
  assert.ok(!a.text.includes('template text'));
});
