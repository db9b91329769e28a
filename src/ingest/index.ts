import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InputError, MediaType, RawDocument } from '../model.js';
import { DecodeError, decodeBytes, type CharsetSniffer } from './decode.js';

export interface IngestOptions {
  /** Largest input accepted, in bytes after decompression (default 32 MiB). */
  maxBytes?: number;
  /** Declared-charset sniffer for HTML inputs. */
  sniffCharset?: CharsetSniffer;
  /** Stdin reader (tests inject one). */
  stdin?: () => Promise<Buffer>;
  /** Which file name endings a directory walk picks up. */
  extensions?: string[];
  /**
   * Files a directory walk passes over (absolute paths): the report being written, which a second
   * `retold story .` would otherwise read as an article. A file named as an input is still read.
   */
  skipFiles?: readonly string[];
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml'];

export function isInputError(x: RawDocument | InputError): x is InputError {
  return 'stage' in x && !('content' in x);
}

/**
 * Inputs (paths, directories, `-` for stdin) → raw documents, one at a time, in
 * input order (directories walked in sorted order). Every problem becomes an
 * `InputError` naming the input; the walk goes on.
 */
export async function* readInputs(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<RawDocument | InputError> {
  const extensions = opts.extensions ?? DEFAULT_EXTENSIONS;
  for (const input of inputs) {
    if (input === '-') {
      yield await readStdin(opts);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield ingestError(input, 'UNSUPPORTED', 'URL inputs are not fetched (retold works offline): save the page and pass the file');
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield fsError(input, e);
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      const skip = new Set((opts.skipFiles ?? []).map((f) => resolve(f)));
      for await (const file of walk(input, extensions, skip)) {
        if (typeof file !== 'string') {
          yield file;
          continue;
        }
        found++;
        yield await readFileInput(file, opts);
      }
      if (found === 0) {
        yield ingestError(input, 'NO_INPUTS', `directory has no article files (${extensions.join(', ')}, optionally .gz)`);
      }
    } else if (info.isFile()) {
      yield await readFileInput(input, opts);
    } else {
      yield ingestError(input, 'NOT_A_FILE', 'not a regular file or directory');
    }
  }
}

async function* walk(dir: string, extensions: string[], skip: ReadonlySet<string>): AsyncGenerator<string | InputError> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield fsError(dir, e);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, extensions, skip);
    else if (entry.isFile() && hasArticleExtension(entry.name, extensions) && !skip.has(resolve(path))) yield path;
  }
}

function hasArticleExtension(name: string, extensions: string[]): boolean {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  return extensions.includes(extname(lower));
}

async function readFileInput(path: string, opts: IngestOptions): Promise<RawDocument | InputError> {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const info = await stat(path);
    if (info.size > max * 4) return tooLarge(path, info.size, max);
    const bytes = await readFile(path);
    return toRawDocument(path, bytes, mediaTypeFromName(path), opts);
  } catch (e) {
    return fsError(path, e);
  }
}

async function readStdin(opts: IngestOptions): Promise<RawDocument | InputError> {
  try {
    const bytes = opts.stdin ? await opts.stdin() : await readAllStdin();
    return toRawDocument('-', bytes, null, opts);
  } catch (e) {
    return fsError('-', e);
  }
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Bytes of one input → RawDocument (gunzip, size check, decode, media type). Exported for tests and other ingesters. */
export function toRawDocument(source: string, bytes: Buffer, mediaType: MediaType | null, opts: IngestOptions = {}): RawDocument | InputError {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const byteLength = bytes.length;
  let data = bytes;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = gunzipSync(data, { maxOutputLength: max + 1 });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String((e as Error).message))) {
        return tooLarge(source, max + 1, max, 'after decompression');
      }
      return ingestError(source, 'GZIP', `corrupt gzip data (${(e as Error).message})`);
    }
  } else if (/\.gz$/i.test(source)) {
    return ingestError(source, 'GZIP', 'named .gz but is not gzip data');
  }
  if (data.length > max) return tooLarge(source, data.length, max);
  if (data.length === 0) return ingestError(source, 'EMPTY', 'empty file');
  const html = mediaType ? mediaType === 'text/html' : sniffHtml(data);
  let decoded;
  try {
    decoded = decodeBytes(data, { html, sniffCharset: opts.sniffCharset });
  } catch (e) {
    if (e instanceof DecodeError) return ingestError(source, e.code, e.message);
    throw e;
  }
  if (!decoded.text.trim()) return ingestError(source, 'EMPTY', 'contains only white space');
  return {
    source,
    mediaType: html ? 'text/html' : 'text/plain',
    content: decoded.text,
    encoding: decoded.encoding,
    encodingSource: decoded.source,
    byteLength,
  };
}

function mediaTypeFromName(path: string): MediaType | null {
  const ext = extname(path.toLowerCase().replace(/\.gz$/, ''));
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'text/html';
  if (ext === '.txt' || ext === '.text') return 'text/plain';
  return null;
}

/** Does this look like HTML? (doctype/html/head/body tag near the start, or dense tags). */
function sniffHtml(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|meta|!--)/.test(head)) return true;
  const tags = head.match(/<\/?(p|div|span|a|article|section|br|h[1-6])\b/g);
  return !!tags && tags.length >= 5;
}

function tooLarge(source: string, size: number, max: number, when = ''): InputError {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1) + ' MB';
  return ingestError(source, 'TOO_LARGE', `input is ${size > max ? 'over' : ''} ${mb(size)}${when ? ' ' + when : ''}; the limit is ${mb(max)} (raise it with --max-size)`.replace('  ', ' '));
}

function fsError(source: string, e: unknown): InputError {
  const err = e as NodeJS.ErrnoException;
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a path component is not a directory',
    ELOOP: 'too many symbolic links',
  };
  const code = err && err.code ? err.code : 'READ';
  return ingestError(source, code, messages[code] ?? `cannot read (${err && err.message ? err.message : String(e)})`);
}

function ingestError(source: string, code: string, message: string): InputError {
  return { source, stage: 'ingest', code, message };
}
