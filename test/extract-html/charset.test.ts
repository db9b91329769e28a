import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sniffHtmlCharset } from '../../src/extract/html-charset.js';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

test('BOM wins', () => {
  assert.deepEqual(sniffHtmlCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c])), { encoding: 'utf-8', source: 'bom' });
  assert.deepEqual(sniffHtmlCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])), { encoding: 'utf-16le', source: 'bom' });
  assert.deepEqual(sniffHtmlCharset(new Uint8Array([0xfe, 0xff, 0x00, 0x3c])), { encoding: 'utf-16be', source: 'bom' });
});

test('<meta charset> and http-equiv are read from the first 4 KB', () => {
  assert.deepEqual(sniffHtmlCharset(enc('<html><head><meta charset="shift_jis"><title>x</title>')), { encoding: 'shift_jis', source: 'meta' });
  assert.deepEqual(sniffHtmlCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">')), { encoding: 'iso-8859-2', source: 'http-equiv' });
  // Latin-1 labels decode as windows-1252, as browsers do.
  assert.deepEqual(sniffHtmlCharset(enc('<meta charset=latin1><p>caf\xe9</p>')), { encoding: 'windows-1252', source: 'meta' });
  // Beyond 4 KB a declaration is not looked for.
  assert.equal(sniffHtmlCharset(enc(' '.repeat(5000) + '<meta charset="koi8-r">')).source, 'default');
});

test('unknown or impossible declarations fall through', () => {
  assert.equal(sniffHtmlCharset(enc('<meta charset="no-such-charset"><p>hello</p>')).source, 'default');
  assert.deepEqual(sniffHtmlCharset(enc('<meta charset="utf-16"><p>hi</p>')), { encoding: 'utf-8', source: 'meta' });
});

test('a wrong declaration on valid UTF-8 is overridden by content', () => {
  const bytes = new Uint8Array(Buffer.from('<meta charset="iso-8859-1"><p>café — naïve</p>', 'utf8'));
  assert.deepEqual(sniffHtmlCharset(bytes), { encoding: 'utf-8', source: 'sniff' });
});

test('no declaration: valid UTF-8 → utf-8, else windows-1252; pure ASCII → default', () => {
  assert.deepEqual(sniffHtmlCharset(new Uint8Array(Buffer.from('<p>café</p>', 'utf8'))), { encoding: 'utf-8', source: 'sniff' });
  assert.deepEqual(sniffHtmlCharset(enc('<p>caf\xe9 \x93quoted\x94</p>')), { encoding: 'windows-1252', source: 'sniff' });
  assert.deepEqual(sniffHtmlCharset(enc('<p>plain</p>')), { encoding: 'utf-8', source: 'default' });
  assert.deepEqual(sniffHtmlCharset(new Uint8Array(0)), { encoding: 'utf-8', source: 'default' });
});
