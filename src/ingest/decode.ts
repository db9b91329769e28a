/**
 * Bytes → string. Chooses the encoding from a BOM, then (for HTML) the page's
 * own declaration, then by sniffing: valid UTF-8, UTF-16 without BOM, else
 * Windows-1252 (the superset of Latin-1 that real "Latin-1" files use).
 */

export interface Decoded {
  text: string;
  encoding: string;
  /** `bom`, `meta`, `http-equiv`, `sniff`, `default`. */
  source: string;
}

export class DecodeError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Declared-charset sniffer for HTML (injected by the HTML stage so ingest stays independent of it). */
export type CharsetSniffer = (bytes: Uint8Array) => { encoding: string; source: string } | null;

export function decodeBytes(bytes: Uint8Array, opts: { html?: boolean; sniffCharset?: CharsetSniffer } = {}): Decoded {
  const bom = detectBom(bytes);
  if (bom) return { text: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16, source: 'sniff' };

  if (looksBinary(bytes)) throw new DecodeError('looks like a binary file, not text or HTML', 'BINARY');

  if (opts.html && opts.sniffCharset) {
    const declared = opts.sniffCharset(bytes);
    if (declared && declared.source !== 'default' && declared.source !== 'sniff') {
      const enc = normaliseEncoding(declared.encoding);
      // A page that declares a legacy charset but is valid UTF-8 beyond ASCII is UTF-8 in practice.
      if (enc !== 'utf-8' && isValidUtf8(bytes) && hasNonAscii(bytes)) {
        return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', source: 'sniff' };
      }
      const text = tryDecode(enc, bytes);
      if (text !== null) return { text, encoding: enc, source: declared.source };
    }
  }

  if (isValidUtf8(bytes)) return { text: decodeWith('utf-8', bytes), encoding: 'utf-8', source: hasNonAscii(bytes) ? 'sniff' : 'default' };
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', source: 'sniff' };
}

function detectBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: many NULs, nearly all on one parity. */
function sniffUtf16(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.02) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.02) return 'utf-16be';
  return null;
}

/** Binary: NUL bytes or many C0 control characters in the first 8 KB. */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return n > 0 && control / n > 0.05;
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 127) return true;
  return false;
}

function normaliseEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return 'utf-8';
  }
}

function tryDecode(encoding: string, b: Uint8Array): string | null {
  try {
    return decodeWith(encoding, b);
  } catch {
    return null;
  }
}

function decodeWith(encoding: string, b: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(b);
  return encoding === 'windows-1252' ? fixC1(text) : text;
}

// Windows-1252's 0x80–0x9F (Node 20's TextDecoder decodes this label as Latin-1 and leaves C1 controls).
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Map C1 control characters to their Windows-1252 meaning (undefined slots stay as they are). */
export function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}
