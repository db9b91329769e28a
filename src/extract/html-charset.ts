/**
 * Charset sniffing for HTML bytes, in the order browsers use: byte-order
 * mark, `<meta charset>`, `<meta http-equiv="Content-Type">` in the first
 * 4 KB, then content (valid UTF-8 → utf-8, else windows-1252).
 */
export interface SniffedCharset {
  encoding: string;
  source: 'bom' | 'meta' | 'http-equiv' | 'sniff' | 'default';
}

const PRESCAN_BYTES = 4096;

/** Normalise a declared label to one TextDecoder accepts (null when unknown). */
export function normaliseCharset(label: string): string | null {
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  // Labels browsers map differently from their names.
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii') l = 'windows-1252';
  if (l === 'utf8') l = 'utf-8';
  if (l === 'unicode' || l === 'utf-16') l = 'utf-16le';
  try {
    const enc = new TextDecoder(l).encoding;
    // A meta tag claiming UTF-16 inside ASCII-compatible bytes is wrong by definition (HTML spec).
    return enc;
  } catch {
    return null;
  }
}

function isValidUtf8(b: Uint8Array, limit: number): boolean {
  const n = Math.min(b.length, limit);
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    if (i + need >= n && n < b.length) return true; // cut at the limit mid-sequence
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i + k >= b.length ? false : true;
      if ((d & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Find a charset declared in the first 4 KB (as Latin-1 text, so any ASCII-compatible encoding reads). */
function prescan(bytes: Uint8Array): SniffedCharset | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const metaRe = /<meta\b[^>]*>/gi;
  let m: RegExpExecArray | null;
  while ((m = metaRe.exec(head))) {
    const tag = m[0];
    const cs = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const isHttpEquiv = /http-equiv\s*=\s*["']?\s*content-type/i.test(tag);
    if (!cs) continue;
    let enc = normaliseCharset(cs[1]);
    if (!enc) continue;
    if (enc.startsWith('utf-16')) enc = 'utf-8';
    if (enc === 'x-user-defined') enc = 'windows-1252';
    return { encoding: enc, source: isHttpEquiv ? 'http-equiv' : 'meta' };
  }
  return null;
}

export function sniffHtmlCharset(bytes: Uint8Array): SniffedCharset {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', source: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', source: 'bom' };
  const declared = prescan(bytes);
  if (declared) {
    // A page that declares a legacy charset but is valid, non-ASCII UTF-8 was almost surely saved as UTF-8.
    if (declared.encoding !== 'utf-8' && hasHighBytes(bytes) && isValidUtf8(bytes, 1 << 20)) return { encoding: 'utf-8', source: 'sniff' };
    return declared;
  }
  if (!hasHighBytes(bytes)) return { encoding: 'utf-8', source: 'default' };
  return isValidUtf8(bytes, 1 << 20) ? { encoding: 'utf-8', source: 'sniff' } : { encoding: 'windows-1252', source: 'sniff' };
}

function hasHighBytes(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n; i++) if (b[i] >= 0x80) return true;
  return false;
}
