import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalUrl, findUrls, isTrackingParam, urlHost } from '../../src/extract/url.js';

test('canonicalUrl strips tracking parameters, fragment, default port; lowercases host', () => {
  assert.equal(
    canonicalUrl('HTTPS://WWW.Example.COM:443/News/Story?id=7&utm_source=tw&fbclid=abc&gclid=1&mc_cid=2&ref=home#comments'),
    'https://www.example.com/News/Story?id=7',
  );
  assert.equal(canonicalUrl('http://example.com:80/a?utm_medium=x'), 'http://example.com/a');
  assert.equal(canonicalUrl('https://www.washingtonpost.com/world/2024/01/25/x/?outputType=amp&amp=1'), 'https://www.washingtonpost.com/world/2024/01/25/x/');
  assert.equal(canonicalUrl('https://www.youtube.com/watch?v=abc123&si=XYZ'), 'https://www.youtube.com/watch?v=abc123');
  assert.equal(canonicalUrl('https://example.com:8443/a'), 'https://example.com:8443/a');
  assert.equal(canonicalUrl('www.bbc.co.uk/news/world-123'), 'https://www.bbc.co.uk/news/world-123');
  assert.equal(canonicalUrl('/2024/01/25/story/?utm_campaign=x', 'https://nypost.com/'), 'https://nypost.com/2024/01/25/story/');
});

test('canonicalUrl tolerates the space-broken tracking URL of the seed story', () => {
  const raw = 'https://nypost.com/2024/01/25/news/putin-sends-backchannel-signals-to-us-about-ending-war-in-ukraine-report/?utm_source=url_sitebuttons&utm_medium=site%20buttons&utm_campaign=site %20Buttons';
  assert.equal(canonicalUrl(raw), 'https://nypost.com/2024/01/25/news/putin-sends-backchannel-signals-to-us-about-ending-war-in-ukraine-report/');
});

test('canonicalUrl rejects what is not an http(s) URL', () => {
  for (const bad of ['', 'mailto:a@b.c', 'javascript:alert(1)', 'not a url', 'ftp://x.org/a', 'https://']) assert.equal(canonicalUrl(bad), null, bad);
});

test('isTrackingParam and urlHost', () => {
  assert.ok(isTrackingParam('UTM_Source'));
  assert.ok(isTrackingParam('fbclid'));
  assert.ok(!isTrackingParam('id'));
  assert.ok(!isTrackingParam('page'));
  assert.equal(urlHost('https://www.nypost.com/x'), 'nypost.com');
});

test('findUrls finds URLs with spans, trims punctuation, keeps balanced parens, continues a space-broken query', () => {
  const text = 'See https://example.com/a?b=1&utm_campaign=site %20Buttons and (www.x.org/p). Also https://en.wikipedia.org/wiki/Foo_(bar), ok.';
  const urls = findUrls(text);
  assert.deepEqual(urls.map((u) => u.raw), [
    'https://example.com/a?b=1&utm_campaign=site %20Buttons',
    'www.x.org/p',
    'https://en.wikipedia.org/wiki/Foo_(bar)',
  ]);
  for (const u of urls) assert.equal(text.slice(u.start, u.end), u.raw);
  assert.equal(urls[0].url, 'https://example.com/a?b=1');
});

test('property: canonicalUrl is idempotent and findUrls spans match the text', () => {
  fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
    const c = canonicalUrl(u);
    if (c !== null) assert.equal(canonicalUrl(c), c);
  }), { numRuns: 300 });
  fc.assert(fc.property(fc.array(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom(' ', '\n', '. ', '(', ')')), { maxLength: 12 }), (parts) => {
    const text = parts.join(' ');
    let last = -1;
    for (const u of findUrls(text)) {
      assert.equal(text.slice(u.start, u.end), u.raw);
      assert.ok(u.start >= last);
      last = u.end;
    }
  }), { numRuns: 300 });
});

test('findUrls is linear on adversarial input', () => {
  const text = 'https://a.b/?x=1' + ' %20'.repeat(20000) + ' http://'.repeat(20000);
  const t0 = performance.now();
  findUrls(text);
  assert.ok(performance.now() - t0 < 2000);
});
