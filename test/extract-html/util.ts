import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sniffHtmlCharset } from '../../src/extract/html-charset.js';
import type { RawDocument } from '../../src/model.js';
import { fixturePath } from '../helpers.js';

export function rawHtml(content: string, source = 'test.html'): RawDocument {
  return { source, mediaType: 'text/html', content, encoding: 'utf-8', encodingSource: 'default', byteLength: content.length };
}

export interface Fixture { slug: string; raw: RawDocument; expectedText: string; expected: Record<string, unknown> | null }

/** The committed extract-html fixtures (`<slug>/source.html`, `expected.txt`, optional `expected.json`). */
export function loadFixtures(): Fixture[] {
  const dir = fixturePath('extract-html');
  const out: Fixture[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const d = join(dir, slug);
    if (!statSync(d).isDirectory()) continue;
    const bytes = readFileSync(join(d, 'source.html'));
    const enc = sniffHtmlCharset(bytes);
    const content = new TextDecoder(enc.encoding).decode(bytes);
    const expected = existsSync(join(d, 'expected.json')) ? JSON.parse(readFileSync(join(d, 'expected.json'), 'utf8')) as Record<string, unknown> : null;
    out.push({
      slug,
      raw: { source: slug, mediaType: 'text/html', content, encoding: enc.encoding, encodingSource: enc.source, byteLength: bytes.length },
      expectedText: readFileSync(join(d, 'expected.txt'), 'utf8'),
      expected,
    });
  }
  return out;
}
