import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { readInputs, toRawDocument } from '../../src/ingest/index.js';
import { decodeBytes, looksBinary } from '../../src/ingest/decode.js';
import type { InputError, RawDocument } from '../../src/model.js';

async function collect(inputs: string[], opts = {}): Promise<Array<RawDocument | InputError>> {
  const out: Array<RawDocument | InputError> = [];
  for await (const d of readInputs(inputs, opts)) out.push(d);
  return out;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'retold-ingest-'));
}

test('reads a directory recursively in sorted order, with gzip, skipping other files', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.txt'), 'Second article.');
  writeFileSync(join(dir, 'a.html'), '<html><body><p>First</p></body></html>');
  writeFileSync(join(dir, 'sub', 'c.txt.gz'), gzipSync(Buffer.from('Third, gzipped.')));
  writeFileSync(join(dir, 'notes.md'), '# not an article');
  const docs = await collect([dir]);
  assert.deepEqual(docs.map((d) => d.source), [join(dir, 'a.html'), join(dir, 'b.txt'), join(dir, 'sub', 'c.txt.gz')]);
  const [a, b, c] = docs as RawDocument[];
  assert.equal(a.mediaType, 'text/html');
  assert.equal(b.mediaType, 'text/plain');
  assert.equal(c.content, 'Third, gzipped.');
});

test('every bad input gets a named error and the others are still read', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'bad.txt.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6]));
  writeFileSync(join(dir, 'good.txt'), 'A good article.');
  mkdirSync(join(dir, 'nothing'));
  const docs = await collect([dir, join(dir, 'missing.txt'), join(dir, 'nothing'), 'https://example.com/a']);
  const byName = new Map(docs.map((d) => [d.source.replace(dir, ''), d]));
  const code = (name: string) => (byName.get(name) as InputError).code;
  assert.equal(code('/empty.txt'), 'EMPTY');
  assert.equal(code('/blank.txt'), 'EMPTY');
  assert.equal(code('/bin.txt'), 'BINARY');
  assert.equal(code('/bad.txt.gz'), 'GZIP');
  assert.equal(code('/missing.txt'), 'ENOENT');
  assert.equal(code('/nothing'), 'NO_INPUTS');
  assert.equal(code('https://example.com/a'), 'UNSUPPORTED');
  assert.equal((byName.get('/good.txt') as RawDocument).content, 'A good article.');
  for (const d of docs) if ('code' in d) assert.ok(d.message.length > 5 && !/\n/.test(d.message), d.message);
});

test('inputs over the size limit are refused with the size in the message', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(3000));
  const [d] = await collect([join(dir, 'big.txt')], { maxBytes: 1000 });
  assert.equal((d as InputError).code, 'TOO_LARGE');
  assert.match((d as InputError).message, /limit/);
  // a gzip bomb is refused after decompression, not inflated without bound
  const bomb = gzipSync(Buffer.alloc(5000, 0x61));
  const r = toRawDocument('bomb.txt.gz', bomb, 'text/plain', { maxBytes: 1000 });
  assert.equal((r as InputError).code, 'TOO_LARGE');
});

test('decodes Latin-1/Windows-1252, UTF-16 with and without BOM, UTF-8 BOM', () => {
  const cp1252 = Buffer.from([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80]);
  assert.deepEqual(decodeBytes(cp1252), { text: '\u201ccaf\u00e9\u201d \u2013 \u20ac', encoding: 'windows-1252', source: 'sniff' });
  const u16 = Buffer.from('Hello, wörld — “quoted”', 'utf16le');
  assert.equal(decodeBytes(u16).text, 'Hello, wörld — “quoted”');
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), u16])).encoding, 'utf-16le');
  const be = Buffer.from(u16);
  be.swap16();
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, 'Hello, wörld — “quoted”');
  assert.equal(decodeBytes(Buffer.from('\ufeffabc')).text, 'abc');
});

test('an HTML page is decoded with its declared charset, unless it is really UTF-8', () => {
  const sniff = () => ({ encoding: 'iso-8859-1', source: 'meta' });
  const latin = Buffer.from('<meta charset="iso-8859-1"><p>caf\xe9</p>', 'latin1');
  assert.equal(decodeBytes(latin, { html: true, sniffCharset: sniff }).text, '<meta charset="iso-8859-1"><p>café</p>');
  const utf8 = Buffer.from('<meta charset="iso-8859-1"><p>café</p>', 'utf8');
  assert.equal(decodeBytes(utf8, { html: true, sniffCharset: sniff }).encoding, 'utf-8');
});

test('property: any valid UTF-8 text without control bytes round-trips unchanged', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (s) => {
      fc.pre(!/[\u0000-\u0008\u000b\u000e-\u001f]/.test(s));
      const bytes = Buffer.from(s, 'utf8');
      fc.pre(!looksBinary(bytes));
      assert.equal(decodeBytes(bytes).text, s.replace(/^\ufeff/, ''));
    }),
    { numRuns: 300 },
  );
});

test('property: decoding arbitrary bytes never throws anything but a DecodeError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      try {
        decodeBytes(bytes);
      } catch (e) {
        assert.equal((e as Error).name, 'DecodeError');
      }
    }),
    { numRuns: 500 },
  );
});
